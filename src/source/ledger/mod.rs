//! The world revision ledger: medal changes after the Games for every nation (`data/ledger.csv`,
//! built in, or `--ledger FILE`), with how completely it covers each Games
//! (`data/ledger-games.csv`) and the date it stands at.
//!
//! `records` holds its files' rows, `check` its checks on its own terms (codes, dates,
//! duplicates, each athlete's changes chaining from one medal to the next), and `apply` the one
//! algorithm that applies it to any source: a source only says how a change finds its rows
//! (`apply::Matcher`).

mod apply;
mod calendar;
mod check;
mod records;
#[cfg(test)]
mod tests;
mod vacant;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

pub use apply::{
    EntryKey, Found, GamesView, Holds, Mark, Matched, Matcher, Stand, Tables, apply, mark,
    no_such_athlete, tables,
};
pub use calendar::last_day;
use records::{BUILT_IN_GAMES, BUILT_IN_LEDGER};
pub use records::{LedgerGamesRow, LedgerRow, MAX_FILE_BYTES};
pub use vacant::Vacancy;

use crate::date::{Date, PartialDate};
use crate::error::Error;
use crate::model::{Completeness, Medal, Presented, Revision};
use crate::source::csv::{read_input, rows};
use check::{check_ledger, check_row, games_table};

/// Which ledger to read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Choice {
    /// `data/ledger.csv` and `data/ledger-games.csv`, compiled in.
    #[default]
    BuiltIn,
    /// `--ledger FILE`: a ledger in the same schema. Every Games it has rows for is covered
    /// partially; it stands at its latest decision.
    File(PathBuf),
}

/// The ledger to apply and the date to take the "now" view at: what `--ledger` and `--as-of` name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NowView {
    pub ledger: Choice,
    /// `--as-of`; `None` for the ledger's (or the dataset's) own date.
    pub as_of: Option<Date>,
}

/// What the ledger says about one Games.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GamesCoverage {
    pub completeness: Completeness,
    /// Decisions up to this date were looked for.
    pub checked: PartialDate,
    pub note: String,
}

/// One change of one athlete's medal, checked.
#[derive(Debug, Clone)]
pub struct Change {
    /// The ledger's line, for messages.
    pub line: u64,
    /// `2012 Summer`.
    pub games: String,
    pub sport: String,
    /// As the Kaggle file's Event column writes it (up to 2016); from 2018 on as olympics.com's
    /// files name it, without the sport (Tokyo's medals.csv, the Paris folder's events.csv).
    pub event: String,
    /// As the Kaggle file's Name column writes it (up to 2016); from 2018 on as olympics.com
    /// writes it (`UJAH Chijindu`), or for 2024 Summer as the Paris briefing shows it.
    pub athlete: String,
    /// Groups the rows of one relay or team.
    pub crew: Option<String>,
    pub noc: String,
    pub from: Option<Medal>,
    pub to: Option<Medal>,
    pub decided: PartialDate,
    pub presented: Presented,
    pub reason: String,
    pub source: String,
}

impl Change {
    /// Whether the change had been decided by `as_of`: a date known only to the month or year
    /// counts once all of it has passed.
    pub fn in_force(&self, as_of: PartialDate) -> bool {
        self.decided.latest() <= as_of.latest()
    }

    /// The change as a revision of entry `entry` of a dataset.
    pub fn revision(&self, entry: usize) -> Revision {
        Revision {
            entry,
            from: self.from,
            to: self.to,
            decided: self.decided,
            reason: self.reason.clone(),
            source: self.source.clone(),
            presented: Some(self.presented).filter(|_| self.to.is_some()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Ledger {
    /// The ledger file as the user knows it.
    pub file: String,
    /// In file order.
    pub changes: Vec<Change>,
    /// Per Games: how completely it is covered. A Games not listed is not covered.
    pub games: BTreeMap<String, GamesCoverage>,
    /// The date the ledger stands at: the default "now".
    pub as_of: PartialDate,
}

impl Ledger {
    /// Reads and checks the ledger `choice` names.
    pub fn read(choice: &Choice) -> Result<Self, Error> {
        match choice {
            Choice::BuiltIn => Self::parse(
                "data/ledger.csv (built in)",
                BUILT_IN_LEDGER.as_bytes(),
                Some((
                    "data/ledger-games.csv (built in)",
                    BUILT_IN_GAMES.as_bytes(),
                )),
            ),
            Choice::File(path) => {
                let bytes = read_input(path, MAX_FILE_BYTES, "the built-in ledger is 100 KB")?;
                Self::parse(&path.display().to_string(), &bytes, None)
            }
        }
    }

    /// The built-in ledger.
    pub fn built_in() -> Result<Self, Error> {
        Self::read(&Choice::BuiltIn)
    }

    /// Checks a ledger's bytes (`label` names it in messages) and, when given, its coverage table.
    /// Without one, every Games with rows is covered partially and the ledger stands at its
    /// latest decision. Every problem is reported.
    pub fn parse(
        label: &str,
        bytes: &[u8],
        coverage: Option<(&str, &[u8])>,
    ) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let (games, stated_as_of) = match coverage {
            Some((file, bytes)) => {
                let (table, found) = rows::<LedgerGamesRow>(file, bytes);
                errors.extend(found);
                let (games, as_of) = games_table(file, &table, &mut errors);
                (games, as_of)
            }
            None => (BTreeMap::new(), None),
        };
        let (table, found) = rows::<LedgerRow>(label, bytes);
        errors.extend(found);
        let mut changes = Vec::new();
        for row in &table {
            if let Some(change) = check_row(label, row.line, &row.data, &mut errors) {
                changes.push(change);
            }
        }
        // Without a coverage table (or with no valid date in it, reported above), the ledger
        // stands at its latest decision.
        let as_of = stated_as_of.unwrap_or_else(|| latest_decision(&changes));
        let mut games = games;
        if coverage.is_none() {
            for c in &changes {
                games
                    .entry(c.games.clone())
                    .or_insert_with(|| GamesCoverage {
                        completeness: Completeness::Partial,
                        checked: as_of,
                        note: format!("Changes read from {label}."),
                    });
            }
        }
        check_ledger(
            label,
            &changes,
            &games,
            as_of,
            coverage.is_some(),
            &mut errors,
        );
        if errors.is_empty() {
            Ok(Self {
                file: label.to_owned(),
                changes,
                games,
                as_of,
            })
        } else {
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            let total = errors.len();
            Err(Error::data(errors, total))
        }
    }

    /// The date the "now" view is taken at: `as_of` when given, else the ledger's own. A date
    /// after the ledger's is a usage error: what was decided then is not known.
    pub fn now_at(&self, as_of: Option<Date>) -> Result<PartialDate, Error> {
        // A ledger without a change records no decision: any date gives the medals as awarded.
        if let (Some(date), true) = (as_of, self.changes.is_empty()) {
            return Ok(day(date));
        }
        at_most(
            as_of,
            self.as_of,
            &format!("the revision ledger {}", self.file),
        )
    }
}

/// `as_of` as a partial date, or `own` when not given; an error when it is after `own`.
pub fn at_most(as_of: Option<Date>, own: PartialDate, what: &str) -> Result<PartialDate, Error> {
    let Some(date) = as_of else {
        return Ok(own);
    };
    if date > own.latest() {
        return Err(Error::Usage(format!(
            "--as-of {date} is after the date {what} stands at ({own}): medals on that date are not known; give a date up to {}",
            own.latest()
        )));
    }
    Ok(day(date))
}

/// A day as a partial date known to the day.
pub fn day(date: Date) -> PartialDate {
    PartialDate::parse(&date.to_string()).unwrap_or(PartialDate {
        year: date.year(),
        month: None,
        day: None,
    })
}

fn latest_decision(changes: &[Change]) -> PartialDate {
    changes
        .iter()
        .map(|c| c.decided)
        .max_by_key(|d| d.latest())
        .unwrap_or(PartialDate {
            year: 1896,
            month: None,
            day: None,
        })
}

/// One athlete in one event at one Games: whose changes chain.
pub type Holder<'a> = (&'a str, &'a str, &'a str, &'a str);

/// The holder of a change: Games, event, NOC, athlete.
pub fn holder(c: &Change) -> Holder<'_> {
    (&c.games, &c.event, &c.noc, &c.athlete)
}

/// Each holder's changes (indices into `changes`), in the order they were decided: by the last
/// day each date can mean, then by line.
pub fn chains(changes: &[Change]) -> BTreeMap<Holder<'_>, Vec<usize>> {
    let mut chains: BTreeMap<Holder<'_>, Vec<usize>> = BTreeMap::new();
    for (i, c) in changes.iter().enumerate() {
        chains.entry(holder(c)).or_default().push(i);
    }
    for list in chains.values_mut() {
        list.sort_by_key(|&i| (changes[i].decided.latest(), changes[i].line));
    }
    chains
}

/// `gold` or `none`.
pub fn medal_word(medal: Option<Medal>) -> &'static str {
    medal.map_or("none", Medal::name)
}
