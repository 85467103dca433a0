//! The typed, cross-checked dataset every later stage reads.
//!
//! Built only by `validate`, so code that holds a `Dataset` can rely on its invariants: ids
//! resolve, medals follow the counting rules, the revision ledger applies cleanly.
//!
//! The types live in submodules named by what they hold and are re-exported here, so every
//! stage names them `crate::model::X`: `vocab` (the words and codes the data is written in),
//! `records` (the rows of a dataset), `published` (what a dataset is checked against and cites).

mod published;
mod records;
mod vocab;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub use published::{Citation, Published, PublishedValue, ReferenceKey, ValueShape};
pub use records::{
    Appearance, Athlete, Completeness, Delegation, Entry, Event, LedgerCoverage, Revision,
    TableLine,
};
pub use vocab::{Category, Kind, Medal, Noc, Place, Presented, Season, Sex, Status, View};

/// What a dataset's source records. What it lacks is said in the briefing in place of the
/// figures, never drawn empty or guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The Games' opening and closing days.
    pub games_dates: bool,
    /// The day of each medal event.
    pub medal_dates: bool,
    /// Decisions after the Games: without them there is no "now" view of the medals.
    pub revisions: bool,
    /// The events every athlete entered; without them, only the medallists' events are known.
    pub entries: bool,
    /// Places and statuses (did not start, did not finish, disqualified).
    pub results: bool,
    pub flag_bearers: bool,
}

/// A kind of fact a source may or may not record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    GamesDates,
    MedalDates,
    Revisions,
    Entries,
    Results,
    FlagBearers,
}

impl Fact {
    /// Every fact, in the order the briefing lists what a source lacks.
    pub const ALL: [Fact; 6] = [
        Self::GamesDates,
        Self::MedalDates,
        Self::Revisions,
        Self::Entries,
        Self::Results,
        Self::FlagBearers,
    ];

    /// What a source without it does not record, in words.
    fn missing(self) -> &'static str {
        match self {
            Self::GamesDates => "the Games' dates",
            Self::MedalDates => "the days of the medal events",
            // In parentheses rather than after commas: the items are joined into one sentence.
            Self::Revisions => {
                "decisions after the Games (medals stand as the source records them)"
            }
            Self::Entries => "the events each athlete entered (only the medallists' events)",
            Self::Results => {
                "places and statuses (who did not start or finish, or was disqualified)"
            }
            Self::FlagBearers => "flag bearers",
        }
    }
}

impl Coverage {
    /// Everything the native format records.
    pub const FULL: Self = Self {
        games_dates: true,
        medal_dates: true,
        revisions: true,
        entries: true,
        results: true,
        flag_bearers: true,
    };

    /// Whether the source records a kind of fact: the one question asked of a coverage.
    pub fn records(self, fact: Fact) -> bool {
        match fact {
            Fact::GamesDates => self.games_dates,
            Fact::MedalDates => self.medal_dates,
            Fact::Revisions => self.revisions,
            Fact::Entries => self.entries,
            Fact::Results => self.results,
            Fact::FlagBearers => self.flag_bearers,
        }
    }

    /// What the source lacks, in words, for the briefing's method section and the summary.
    pub fn lacks(self) -> Vec<&'static str> {
        Fact::ALL
            .into_iter()
            .filter(|&f| !self.records(f))
            .map(Fact::missing)
            .collect()
    }
}

/// Everything the statistics need, checked.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// What the source records.
    pub coverage: Coverage,
    pub delegation: Delegation,
    /// Sorted by id.
    pub athletes: Vec<Athlete>,
    /// Sorted by id.
    pub events: Vec<Event>,
    /// In file order.
    pub entries: Vec<Entry>,
    /// In ledger order (chronological).
    pub revisions: Vec<Revision>,
    /// Sorted by year; includes these Games when the data lists them.
    pub history: Vec<Appearance>,
    /// Sports entered at each Games, where known.
    pub history_sports: BTreeMap<i32, BTreeSet<String>>,
    /// Years of Games of this season, between the nation's first and last appearance, that none
    /// of the sources given holds (several `--from`): shown as not covered, never as absent.
    /// Sorted; empty for a single source.
    pub history_not_covered: Vec<i32>,
    pub table_awarded: Vec<TableLine>,
    pub table_now: Vec<TableLine>,
    pub reference: Vec<Published>,
    /// Where the facts come from, cited in the briefing.
    pub sources: Vec<Citation>,
}

impl Dataset {
    pub fn table(&self, view: View) -> &[TableLine] {
        match view {
            View::Awarded => &self.table_awarded,
            View::Now => &self.table_now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coverage_lacks_exactly_what_it_does_not_record() {
        assert!(Coverage::FULL.lacks().is_empty());
        assert!(Fact::ALL.iter().all(|&f| Coverage::FULL.records(f)));
        let no_results = Coverage {
            results: false,
            flag_bearers: false,
            ..Coverage::FULL
        };
        assert!(!no_results.records(Fact::Results));
        assert_eq!(
            no_results.lacks(),
            [
                "places and statuses (who did not start or finish, or was disqualified)",
                "flag bearers"
            ]
        );
    }
}
