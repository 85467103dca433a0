//! The ledger's two files as rows: `ledger.csv` (one row per athlete per change of medal) and
//! `ledger-games.csv` (how completely each Games is covered), with the built-in copies.

use serde::Deserialize;

use crate::source::csv::Record;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct LedgerRow {
    pub games: String,
    pub sport: String,
    pub event: String,
    pub athlete: String,
    pub crew: String,
    pub noc: String,
    pub from: String,
    pub to: String,
    pub decided: String,
    pub presented: String,
    pub confidence: String,
    pub reason: String,
    pub source: String,
}

impl Record for LedgerRow {
    const FILE: &'static str = "ledger.csv";
    const COLUMNS: &'static [&'static str] = &[
        "games",
        "sport",
        "event",
        "athlete",
        "crew",
        "noc",
        "from",
        "to",
        "decided",
        "presented",
        "confidence",
        "reason",
        "source",
    ];
}

/// `ledger-games.csv`: how completely the ledger covers each Games.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LedgerGamesRow {
    pub games: String,
    pub completeness: String,
    pub checked: String,
    pub note: String,
}

impl Record for LedgerGamesRow {
    const FILE: &'static str = "ledger-games.csv";
    const COLUMNS: &'static [&'static str] = &["games", "completeness", "checked", "note"];
}

/// The built-in ledger, compiled in like the default dataset.
pub(super) const BUILT_IN_LEDGER: &str = include_str!("../../../data/ledger.csv");
pub(super) const BUILT_IN_GAMES: &str = include_str!("../../../data/ledger-games.csv");

/// The largest ledger file read.
pub const MAX_FILE_BYTES: u64 = 16 << 20;
