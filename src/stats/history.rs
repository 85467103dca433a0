//! The nation across its Games: change from the previous Games, where these Games rank among its
//! appearances, and the sports that made their debut.

use std::collections::BTreeSet;

use serde::Serialize;

use super::medals::MedalView;
use super::rank::{Rank, rank_all};
use super::team::TeamStats;
use super::{MedalCount, percent};
use crate::model::{Dataset, View};

#[derive(Debug, Clone, Serialize)]
pub struct HistoryStats {
    /// Every appearance in the data, by year; these Games included (computed when not listed).
    pub appearances: Vec<AppearanceLine>,
    /// Change from the latest earlier appearance.
    pub previous: Option<ChangeFromPrevious>,
    /// Where these Games rank among the appearances, measure by measure.
    pub ranks: Vec<HistoryRank>,
    /// Sports entered for the first time; `None` when an earlier Games' sports are unknown.
    pub debut_sports: Option<Vec<String>>,
    /// No earlier appearance in the data.
    pub first_appearance: bool,
    /// Years of Games between the nation's appearances that none of the sources given holds
    /// (several sources only; left out of the JSON when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_covered: Vec<i32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppearanceLine {
    pub year: i32,
    pub city: String,
    pub athletes: u32,
    pub men: u32,
    pub women: u32,
    pub men_share: f64,
    /// Sports entered, where known.
    pub sports: Option<u32>,
    /// Medals as awarded at the time, where known.
    pub awarded: Option<MedalCount>,
    pub now: MedalCount,
    /// These Games.
    pub this: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeFromPrevious {
    pub year: i32,
    pub city: String,
    pub athletes: i64,
    /// Percentage points.
    pub men_share_points: f64,
    pub medals_awarded: Option<i64>,
    pub medals_now: i64,
    pub golds_awarded: Option<i64>,
    pub golds_now: i64,
}

/// What a history rank measures; serialised as `athletes`, `men_share`, `golds_awarded`,
/// `medals_awarded`, `golds_now`, `medals_now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Athletes,
    MenShare,
    GoldsAwarded,
    MedalsAwarded,
    GoldsNow,
    MedalsNow,
}

impl Measure {
    /// Every measure, in the order of the ranks table.
    pub const ALL: [Measure; 6] = [
        Self::Athletes,
        Self::MenShare,
        Self::GoldsAwarded,
        Self::MedalsAwarded,
        Self::GoldsNow,
        Self::MedalsNow,
    ];

    /// Its name in tables: `team size`, `share of men`, ….
    pub fn label(self) -> &'static str {
        match self {
            Self::Athletes => "team size",
            Self::MenShare => "share of men",
            Self::GoldsAwarded => "golds as awarded",
            Self::MedalsAwarded => "medals as awarded",
            Self::GoldsNow => "golds now",
            Self::MedalsNow => "medals now",
        }
    }

    /// The medal view it counts, if it counts medals.
    pub fn view(self) -> Option<View> {
        match self {
            Self::Athletes | Self::MenShare => None,
            Self::GoldsAwarded | Self::MedalsAwarded => Some(View::Awarded),
            Self::GoldsNow | Self::MedalsNow => Some(View::Now),
        }
    }

    /// A percentage, shown with one decimal.
    pub fn is_percent(self) -> bool {
        self == Self::MenShare
    }

    /// The measure's value at one Games, where known.
    fn of(self, a: &AppearanceLine) -> Option<f64> {
        match self {
            Self::Athletes => Some(f64::from(a.athletes)),
            Self::MenShare => Some(a.men_share),
            Self::GoldsAwarded => a.awarded.map(|m| f64::from(m.gold)),
            Self::MedalsAwarded => a.awarded.map(|m| f64::from(m.total)),
            Self::GoldsNow => Some(f64::from(a.now.gold)),
            Self::MedalsNow => Some(f64::from(a.now.total)),
        }
    }
}

/// One measure's ranking of these Games among the nation's appearances (largest first).
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRank {
    pub measure: Measure,
    pub label: &'static str,
    pub value: f64,
    /// Among appearances up to and including these Games.
    pub to_date: Option<Rank>,
    /// Among every appearance in the data.
    pub overall: Option<Rank>,
    /// Appearances up to these Games that rank ahead, best first.
    pub ahead_to_date: Vec<YearValue>,
}

/// A measure's value at one Games.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
}

/// The nation's appearances and these Games' place among them. `now` is the latest view (as
/// awarded when the source has no now view).
pub fn compute(
    data: &Dataset,
    team: &TeamStats,
    awarded: &MedalView,
    now: &MedalView,
) -> HistoryStats {
    let year = data.delegation.year;
    let mut appearances: Vec<AppearanceLine> = data
        .history
        .iter()
        .map(|a| AppearanceLine {
            year: a.year,
            city: a.city.clone(),
            athletes: a.athletes,
            men: a.men,
            women: a.women,
            men_share: percent(a.men, a.athletes),
            sports: data.history_sports.get(&a.year).map(|s| s.len() as u32),
            awarded: a.awarded.map(MedalCount::from_array),
            now: MedalCount::from_array(a.now),
            this: a.year == year,
        })
        .collect();
    // These Games always take their figures from the entries (validation made any listed row agree).
    let this_line = AppearanceLine {
        year,
        city: data.delegation.city.clone(),
        athletes: team.athletes,
        men: team.men,
        women: team.women,
        men_share: team.men_share,
        sports: Some(team.sports),
        awarded: Some(awarded.totals),
        now: now.totals,
        this: true,
    };
    match appearances.iter_mut().find(|a| a.this) {
        Some(line) => *line = this_line,
        None => appearances.push(this_line),
    }
    appearances.sort_by_key(|a| a.year);

    let earlier: Vec<&AppearanceLine> = appearances.iter().filter(|a| a.year < year).collect();
    let previous = earlier.last().map(|p| ChangeFromPrevious {
        year: p.year,
        city: p.city.clone(),
        athletes: i64::from(team.athletes) - i64::from(p.athletes),
        men_share_points: ((team.men_share - p.men_share) * 10.0).round() / 10.0,
        medals_awarded: p
            .awarded
            .map(|a| i64::from(awarded.totals.total) - i64::from(a.total)),
        medals_now: i64::from(now.totals.total) - i64::from(p.now.total),
        golds_awarded: p
            .awarded
            .map(|a| i64::from(awarded.totals.gold) - i64::from(a.gold)),
        golds_now: i64::from(now.totals.gold) - i64::from(p.now.gold),
    });

    let ranks = ranks(&appearances, year);
    let first_appearance = earlier.is_empty();
    let debut_sports = if first_appearance {
        None
    } else {
        debut_sports(data, &earlier)
    };

    HistoryStats {
        appearances,
        previous,
        ranks,
        debut_sports,
        first_appearance,
        not_covered: data.history_not_covered.clone(),
    }
}

/// Where these Games (`year`) rank on each measure, up to then and among all appearances.
fn ranks(appearances: &[AppearanceLine], year: i32) -> Vec<HistoryRank> {
    Measure::ALL
        .into_iter()
        .filter_map(|measure| {
            let value_of = |a: &AppearanceLine| measure.of(a);
            let this = appearances.iter().find(|a| a.this)?;
            let value = value_of(this)?;
            let rank_among = |pool: Vec<&AppearanceLine>| {
                let values: Vec<(i32, f64)> = pool
                    .iter()
                    .filter_map(|a| Some((a.year, value_of(a)?)))
                    .collect();
                // Values carry at most one decimal: compare them as tenths, exactly.
                let keys: Vec<i64> = values
                    .iter()
                    .map(|&(_, v)| (v * 10.0).round() as i64)
                    .collect();
                let ranks = rank_all(&keys);
                let at = values.iter().position(|&(y, _)| y == year)?;
                let mut ahead: Vec<YearValue> = values
                    .iter()
                    .zip(&keys)
                    .filter(|(_, k)| **k > keys[at])
                    .map(|(&(year, value), _)| YearValue { year, value })
                    .collect();
                ahead.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.year.cmp(&b.year)));
                Some((ranks[at].clone(), ahead))
            };
            let to_date = rank_among(appearances.iter().filter(|a| a.year <= year).collect());
            let overall = rank_among(appearances.iter().collect());
            Some(HistoryRank {
                measure,
                label: measure.label(),
                value,
                ahead_to_date: to_date
                    .as_ref()
                    .map(|(_, ahead)| ahead.clone())
                    .unwrap_or_default(),
                to_date: to_date.map(|(rank, _)| rank),
                overall: overall.map(|(rank, _)| rank),
            })
        })
        .collect()
}

/// Sports entered for the first time; `None` when an earlier Games' sports are unknown.
fn debut_sports(data: &Dataset, earlier: &[&AppearanceLine]) -> Option<Vec<String>> {
    let known: Option<Vec<&BTreeSet<String>>> = earlier
        .iter()
        .map(|a| data.history_sports.get(&a.year))
        .collect();
    known.map(|earlier_sports| {
        let this: BTreeSet<&String> = data
            .entries
            .iter()
            .map(|e| &data.events[e.event].sport)
            .collect();
        this.into_iter()
            .filter(|s| !earlier_sports.iter().any(|set| set.contains(*s)))
            .cloned()
            .collect()
    })
}
