//! The rows of a dataset: the delegation and its Games, athletes, events, entries, the revision
//! ledger, the nation's earlier Games and the all-nation medal tables.

use serde::Serialize;

use super::vocab::{Category, Kind, Medal, Place, Presented, Sex, Status, View};
use crate::date::{Date, PartialDate};

/// The delegation and the Games it went to.
#[derive(Debug, Clone)]
pub struct Delegation {
    pub noc: String,
    pub nation: String,
    /// `2012 Summer`.
    pub games: String,
    pub year: i32,
    pub season: String,
    pub edition: String,
    pub city: String,
    /// Opening and closing days; `None` when the source does not record them.
    pub opening: Option<Date>,
    pub closing: Option<Date>,
    pub appearance: Option<u32>,
    /// Index into `Dataset::athletes`.
    pub flag_bearer_opening: Option<usize>,
    pub flag_bearer_closing: Option<usize>,
    /// The date the "now" medal view stands at.
    pub now_as_of: Option<PartialDate>,
    /// The date of the all-nation "now" table used for ranks.
    pub now_table_as_of: Option<PartialDate>,
    pub now_table_note: String,
    /// How completely the world revision ledger covers these Games, when it gives the "now" view.
    pub ledger: Option<LedgerCoverage>,
}

#[derive(Debug, Clone)]
pub struct Athlete {
    pub id: String,
    pub name: String,
    pub sex: Sex,
    pub age: Option<u32>,
    pub sport: String,
    pub discipline: String,
    pub other_names: Vec<String>,
}

impl Athlete {
    /// Whether `name` is this athlete under any spelling the data knows.
    pub fn known_as(&self, name: &str) -> bool {
        let wanted = fold(name);
        std::iter::once(&self.name)
            .chain(&self.other_names)
            .any(|n| fold(n) == wanted)
    }
}

/// Case- and space-insensitive form of a name for matching.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub sport: String,
    pub discipline: String,
    pub name: String,
    pub category: Category,
    pub kind: Kind,
    /// The day of the medal event, required where the delegation holds a medal.
    pub date: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `Dataset::athletes`.
    pub athlete: usize,
    /// Index into `Dataset::events`.
    pub event: usize,
    pub status: Status,
    pub place: Option<Place>,
    /// The medal as awarded at the Games.
    pub medal_awarded: Option<Medal>,
    /// The medal after every revision in the ledger.
    pub medal_now: Option<Medal>,
}

impl Entry {
    pub fn medal(&self, view: View) -> Option<Medal> {
        match view {
            View::Awarded => self.medal_awarded,
            View::Now => self.medal_now,
        }
    }
}

/// How completely a revision ledger records the changes of one Games.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Completeness {
    /// Every change known to have been decided up to the ledger's date.
    Complete,
    /// Some changes only: medals now may differ.
    Partial,
}

/// What the world revision ledger says about the Games of a dataset whose "now" view it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerCoverage {
    pub completeness: Completeness,
    /// What the ledger holds for these Games, in words.
    pub note: String,
}

/// One step of the revision ledger.
#[derive(Debug, Clone)]
pub struct Revision {
    /// Index into `Dataset::entries`.
    pub entry: usize,
    pub from: Option<Medal>,
    pub to: Option<Medal>,
    pub decided: PartialDate,
    pub reason: String,
    pub source: String,
    /// Whether the medal it gives was handed over, where the ledger says.
    pub presented: Option<Presented>,
}

/// The nation at one Games, from `history.csv`.
#[derive(Debug, Clone)]
pub struct Appearance {
    pub year: i32,
    pub city: String,
    pub athletes: u32,
    pub men: u32,
    pub women: u32,
    /// Medals as awarded at the time, where known.
    pub awarded: Option<[u32; 3]>,
    /// Medals as they stand now.
    pub now: [u32; 3],
    pub source: String,
}

/// One nation's line in an all-nation medal table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLine {
    pub noc: String,
    pub nation: String,
    /// Gold, silver, bronze.
    pub medals: [u32; 3],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_any_known_spelling() {
        let a = Athlete {
            id: "x".into(),
            name: "Nurmakhan Tinaliyev".into(),
            sex: Sex::Male,
            age: None,
            sport: "Wrestling".into(),
            discipline: "Wrestling".into(),
            other_names: vec!["Nurmakhan Tynaliyev".into()],
        };
        assert!(a.known_as("nurmakhan  tynaliyev"));
        assert!(!a.known_as("Nurmakhan"));
    }
}
