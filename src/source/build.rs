//! What every source's builder shares: a delegation and a dataset as a source first makes them,
//! before the world revision ledger gives the "now" view (`ledger::GamesView::give`).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Appearance, Athlete, Citation, Coverage, Dataset, Delegation, Entry, Event, TableLine,
};

/// A delegation at Games, as a source knows it: no dates, appearance or flag bearers until the
/// source sets them, and no "now" view until the ledger gives one.
pub fn delegation(
    noc: &str,
    nation: String,
    (games, year, season): (&str, i32, &str),
    city: String,
) -> Delegation {
    Delegation {
        noc: noc.to_owned(),
        nation,
        games: games.to_owned(),
        year,
        season: season.to_owned(),
        edition: String::new(),
        city,
        opening: None,
        closing: None,
        appearance: None,
        flag_bearer_opening: None,
        flag_bearer_closing: None,
        now_as_of: None,
        now_table_as_of: None,
        now_table_note: String::new(),
        ledger: None,
    }
}

/// The parts of one nation's dataset a source builds.
#[derive(Debug)]
pub struct Parts {
    pub coverage: Coverage,
    pub delegation: Delegation,
    pub athletes: Vec<Athlete>,
    pub events: Vec<Event>,
    pub entries: Vec<Entry>,
    pub history: Vec<Appearance>,
    pub history_sports: BTreeMap<i32, BTreeSet<String>>,
    /// Every nation's medals as awarded at these Games.
    pub table_awarded: Vec<TableLine>,
    pub sources: Vec<Citation>,
}

/// The dataset of `parts`, in one view (each medal now as awarded) until the ledger gives both.
pub fn dataset(parts: Parts) -> Dataset {
    Dataset {
        coverage: parts.coverage,
        delegation: parts.delegation,
        athletes: parts.athletes,
        events: parts.events,
        entries: parts.entries,
        revisions: Vec::new(),
        history: parts.history,
        history_sports: parts.history_sports,
        history_not_covered: Vec::new(),
        table_awarded: parts.table_awarded,
        table_now: Vec::new(),
        reference: Vec::new(),
        sources: parts.sources,
    }
}
