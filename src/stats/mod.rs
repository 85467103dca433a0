//! The statistics: a pure function from a checked `Dataset` to one serialisable `Stats` value.
//!
//! Every figure the summary, the charts and the briefing show comes from here. Field names are
//! part of the JSON interface (`podium stats --format json`) and documented in the README.

mod ages;
mod history;
mod medals;
mod rank;
mod reconcile;
mod results;
mod team;

use serde::Serialize;

use crate::date::{Date, PartialDate};
use crate::model::{Dataset, Fact, Medal, View};

pub use ages::{AgeBand, AgeExtreme, AgeStats, AgeYear, SexAges};
pub use history::{
    AppearanceLine, ChangeFromPrevious, HistoryRank, HistoryStats, Measure, YearValue,
};
pub use medals::{
    CategoryMedals, DayMedals, DisciplineMedals, MedalLine, MedalView, MedalWon, Medallist,
    RevisionLine, RevisionSummary, SportMedals,
};
pub use rank::{Rank, TableRank};
pub use reconcile::Reconciled;
pub use results::{ResultLine, SportResults};
pub use team::{
    DisciplineTeam, GridLevel, GridRow, MultiEvent, NonStarter, SportTeam, Squad, StatusCounts,
    TeamStats,
};

/// Everything computed about one delegation at one Games.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// What the data's source records; what it lacks is shown as such, never guessed.
    pub coverage: crate::model::Coverage,
    pub delegation: DelegationInfo,
    /// Medals as awarded at the Games.
    pub awarded: MedalView,
    /// Medals as they stand now, after the revision ledger; `None` (JSON `null`) when the source
    /// records no decision after the Games, so that there is no second view to show.
    pub now: Option<MedalView>,
    /// Every medal held in either view, side by side: the medallists table.
    pub medal_list: Vec<MedalLine>,
    pub revisions: RevisionSummary,
    pub team: TeamStats,
    pub ages: AgeStats,
    pub history: HistoryStats,
    pub reconciliation: Vec<Reconciled>,
    /// Every entry's result, by sport.
    pub results: Vec<SportResults>,
    /// Where the dataset's facts come from.
    pub sources: Vec<crate::model::Citation>,
}

impl Stats {
    /// The medal views the statistics hold, in order: as awarded, then now when the source
    /// records decisions after the Games.
    pub fn views(&self) -> Vec<&MedalView> {
        std::iter::once(&self.awarded).chain(&self.now).collect()
    }

    /// The medals as they stand in the data: now when the source has a now view, else as
    /// awarded (which is then all it knows).
    pub fn latest(&self) -> &MedalView {
        self.now.as_ref().unwrap_or(&self.awarded)
    }

    /// The sports with a medal in any view, by name.
    pub fn medal_sports(&self) -> Vec<&str> {
        let mut sports: Vec<&str> = self
            .views()
            .into_iter()
            .flat_map(|v| &v.by_sport)
            .map(|m| m.sport.as_str())
            .collect();
        sports.sort_unstable();
        sports.dedup();
        sports
    }

    /// The athletes holding more than one medal in any view, each with their medals in every
    /// view (`views()` order; none where they hold none): as awarded's order (best record first),
    /// then any who hold several only now, in that view's order.
    pub fn multiple_medallists(&self) -> Vec<(&Medallist, Vec<MedalCount>)> {
        let views = self.views();
        let mut seen = std::collections::BTreeSet::new();
        views
            .iter()
            .flat_map(|v| &v.multiple_medallists)
            .filter(|m| seen.insert(m.athlete_id.as_str()))
            .map(|m| {
                let counts = views
                    .iter()
                    .map(|v| {
                        v.medallists
                            .iter()
                            .find(|x| x.athlete_id == m.athlete_id)
                            .map_or_else(MedalCount::default, |x| x.medals)
                    })
                    .collect();
                (m, counts)
            })
            .collect()
    }
}

/// The statistics as pretty JSON with a final newline: the `podium stats --format json` output
/// and the briefing's stats.json.
pub fn json(stats: &Stats) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(stats)?;
    json.push('\n');
    Ok(json)
}

/// Who went where, and when.
#[derive(Debug, Clone, Serialize)]
pub struct DelegationInfo {
    pub noc: String,
    pub nation: String,
    pub games: String,
    pub year: i32,
    pub season: String,
    pub edition: String,
    pub city: String,
    /// `None` when the source does not record the Games' dates.
    pub opening: Option<Date>,
    pub closing: Option<Date>,
    /// Days from opening to closing, both included.
    pub days: Option<u32>,
    pub appearance: Option<u32>,
    pub flag_bearers: Vec<FlagBearer>,
    /// The date the "now" view stands at.
    pub now_as_of: Option<PartialDate>,
    /// The date of the all-nation table behind the "now" ranks.
    pub now_table_as_of: Option<PartialDate>,
    pub now_table_note: String,
    /// How completely the world revision ledger covers these Games, when it gives the "now"
    /// view (left out of the JSON otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<crate::model::LedgerCoverage>,
}

impl DelegationInfo {
    /// The date of the table behind the "now" ranks: its own date, else the now view's.
    pub fn table_as_of(&self) -> Option<PartialDate> {
        self.now_table_as_of.or(self.now_as_of)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FlagBearer {
    /// `opening` or `closing`.
    pub ceremony: &'static str,
    pub athlete: String,
    pub athlete_id: String,
    pub sport: String,
}

/// Gold, silver and bronze counts with their total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MedalCount {
    pub gold: u32,
    pub silver: u32,
    pub bronze: u32,
    pub total: u32,
}

impl MedalCount {
    pub fn from_array(m: [u32; 3]) -> Self {
        Self {
            gold: m[0],
            silver: m[1],
            bronze: m[2],
            total: m[0] + m[1] + m[2],
        }
    }

    pub fn as_array(self) -> [u32; 3] {
        [self.gold, self.silver, self.bronze]
    }

    pub fn add(&mut self, medal: Medal) {
        match medal {
            Medal::Gold => self.gold += 1,
            Medal::Silver => self.silver += 1,
            Medal::Bronze => self.bronze += 1,
        }
        self.total += 1;
    }

    pub fn get(self, medal: Medal) -> u32 {
        self.as_array()[medal as usize]
    }

    /// `7/1/5`.
    pub fn slashed(self) -> String {
        format!("{}/{}/{}", self.gold, self.silver, self.bronze)
    }
}

/// A signed change in medals, such as the net effect of the revision ledger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MedalChange {
    pub gold: i64,
    pub silver: i64,
    pub bronze: i64,
    pub total: i64,
}

impl MedalChange {
    pub fn between(before: MedalCount, after: MedalCount) -> Self {
        let d = |a: u32, b: u32| i64::from(b) - i64::from(a);
        Self {
            gold: d(before.gold, after.gold),
            silver: d(before.silver, after.silver),
            bronze: d(before.bronze, after.bronze),
            total: d(before.total, after.total),
        }
    }
}

/// A date for prose and tables: the date, or "the data's date" when the source gives none.
pub fn as_of(date: Option<PartialDate>) -> String {
    date.map_or_else(|| "the data's date".to_owned(), |d| d.to_string())
}

/// A label with its date in brackets when there is one: `now (2024-05)`, or `now`.
pub fn with_date(label: &str, date: Option<impl std::fmt::Display>) -> String {
    date.map_or_else(|| label.to_owned(), |d| format!("{label} ({d})"))
}

/// A percentage rounded to one decimal, as shown everywhere.
pub fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0
    }
}

/// Computes every statistic. Pure: the same dataset gives the same value.
pub fn compute(data: &Dataset) -> Stats {
    let d = &data.delegation;
    let bearer = |ceremony, index: Option<usize>| {
        index.map(|i| {
            let a = &data.athletes[i];
            FlagBearer {
                ceremony,
                athlete: a.name.clone(),
                athlete_id: a.id.clone(),
                sport: a.sport.clone(),
            }
        })
    };
    let delegation = DelegationInfo {
        noc: d.noc.clone(),
        nation: d.nation.clone(),
        games: d.games.clone(),
        year: d.year,
        season: d.season.clone(),
        edition: d.edition.clone(),
        city: d.city.clone(),
        opening: d.opening,
        closing: d.closing,
        days: d
            .opening
            .zip(d.closing)
            .map(|(o, c)| (c.days_since_epoch() - o.days_since_epoch() + 1) as u32),
        appearance: d.appearance,
        flag_bearers: [
            bearer("opening", d.flag_bearer_opening),
            bearer("closing", d.flag_bearer_closing),
        ]
        .into_iter()
        .flatten()
        .collect(),
        now_as_of: d.now_as_of,
        now_table_as_of: d.now_table_as_of,
        now_table_note: d.now_table_note.clone(),
        ledger: d.ledger.clone(),
    };
    let awarded = medals::view(data, View::Awarded);
    let now = data
        .coverage
        .records(Fact::Revisions)
        .then(|| medals::view(data, View::Now));
    let latest = now.as_ref().unwrap_or(&awarded);
    let revisions = medals::revisions(data, &awarded, latest);
    let medal_list = medals::lines(&awarded, now.as_ref());
    let team = team::compute(data);
    let ages = ages::compute(data);
    let history = history::compute(data, &team, &awarded, latest);
    let mut stats = Stats {
        coverage: data.coverage,
        delegation,
        awarded,
        now,
        medal_list,
        revisions,
        team,
        ages,
        history,
        reconciliation: Vec::new(),
        results: results::compute(data),
        sources: data.sources.clone(),
    };
    stats.reconciliation = reconcile::compute(data, &stats);
    stats
}

#[cfg(test)]
mod tests;
