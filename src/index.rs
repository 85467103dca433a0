//! The index of a batch: one record per briefing (its folder, each file with its SHA-256 and size,
//! pages, athletes, medals in both views with ranks), the nations skipped and the briefings that
//! failed with their reasons, and per Games the medal table in both views with each nation's
//! folder. `index.json` is this value as JSON; an `index.pdf` is to draw the same value (the
//! tables of `games`, each row linking to its `folder`).
//!
//! Same batch, same bytes: records in the batch's order (Games oldest first, then NOC), files by
//! path, and no clock anywhere.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::stats::{MedalCount, MedalView, Rank, Stats, TableRank};

/// The whole index of one batch run.
#[derive(Debug, Serialize)]
pub struct Index {
    /// The version of podium that made it.
    pub podium: &'static str,
    /// The sources read, as given.
    pub from: String,
    /// Per Games briefed, oldest first: the all-nation medal table in both views.
    pub games: Vec<GamesTable>,
    /// One per briefing made, in the batch's order.
    pub briefings: Vec<Record>,
    /// Nations asked for that were not at a Games.
    pub skipped: Vec<Skipped>,
    /// Briefings that could not be made, with the error.
    pub failed: Vec<Failed>,
}

/// One briefing of the batch.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub noc: String,
    pub nation: String,
    pub games: String,
    /// The briefing's folder, relative to the batch's output directory, `/` between parts.
    pub folder: String,
    /// Every file of the folder this briefing holds, by path (relative to `folder`).
    pub files: Vec<FileRecord>,
    /// Pages of `briefing.pdf`.
    pub pages: usize,
    pub athletes: Athletes,
    pub medals: Medals,
}

/// One file of a briefing.
#[derive(Debug, Clone, Serialize)]
pub struct FileRecord {
    pub path: String,
    pub bytes: u64,
    /// Lowercase hexadecimal.
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Athletes {
    pub total: u32,
    pub men: u32,
    pub women: u32,
}

/// The nation's medals in both views.
#[derive(Debug, Clone, Serialize)]
pub struct Medals {
    pub awarded: ViewRecord,
    /// `null` when the source records no decision after the Games.
    pub now: Option<ViewRecord>,
    /// The date the "now" view stands at (from the data or `--as-of`).
    pub now_as_of: Option<String>,
}

/// Medals in one view, with the ranks (`null` without an all-nation table).
#[derive(Debug, Clone, Serialize)]
pub struct ViewRecord {
    pub gold: u32,
    pub silver: u32,
    pub bronze: u32,
    pub total: u32,
    /// `12`, or `23=` when shared.
    pub rank: Option<String>,
    pub rank_by_total: Option<String>,
    /// Nations ranked.
    pub of: Option<u32>,
}

/// One Games' medal table, as awarded and now.
#[derive(Debug, Clone, Serialize)]
pub struct GamesTable {
    pub games: String,
    /// The host city, as the source names it.
    pub city: String,
    pub awarded: Vec<TableRow>,
    /// `null` when the source records no decision after these Games.
    pub now: Option<Vec<TableRow>>,
}

/// One nation's line in a Games' medal table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    pub rank: String,
    pub rank_by_total: String,
    pub noc: String,
    pub nation: String,
    pub gold: u32,
    pub silver: u32,
    pub bronze: u32,
    pub total: u32,
    /// The nation's briefing folder in this batch (relative, as in `Record::folder`); `null` when
    /// the batch did not brief it (`--noc`, or its briefing failed).
    pub folder: Option<String>,
}

/// A nation asked for that was not at a Games.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub noc: String,
    pub games: String,
    pub reason: String,
}

/// A briefing that could not be made.
#[derive(Debug, Clone, Serialize)]
pub struct Failed {
    pub noc: String,
    pub games: String,
    pub folder: String,
    /// The exit code this error alone would give (65 for invalid data, …).
    pub exit_code: i32,
    pub error: String,
}

impl Record {
    /// The record of one rendered briefing of `stats`: its `files` (path in the folder, bytes),
    /// the `pages` of its PDF, and its folder, `folder` (relative).
    pub fn of(stats: &Stats, files: &[(PathBuf, Vec<u8>)], pages: usize, folder: &Path) -> Self {
        let mut files: Vec<FileRecord> = files
            .iter()
            .map(|(path, bytes)| FileRecord {
                path: slashed(path),
                bytes: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let d = &stats.delegation;
        Self {
            noc: d.noc.clone(),
            nation: d.nation.clone(),
            games: d.games.clone(),
            folder: slashed(folder),
            files,
            pages,
            athletes: Athletes {
                total: stats.team.athletes,
                men: stats.team.men,
                women: stats.team.women,
            },
            medals: Medals {
                awarded: ViewRecord::of(&stats.awarded),
                now: stats.now.as_ref().map(ViewRecord::of),
                now_as_of: stats
                    .now
                    .as_ref()
                    .and(d.now_as_of)
                    .map(|date| date.to_string()),
            },
        }
    }
}

impl ViewRecord {
    fn of(view: &MedalView) -> Self {
        let MedalCount {
            gold,
            silver,
            bronze,
            total,
        } = view.totals;
        Self {
            gold,
            silver,
            bronze,
            total,
            rank: view.rank.as_ref().map(|r| r.display.clone()),
            rank_by_total: view.rank_by_total.as_ref().map(|r| r.display.clone()),
            of: view.rank.as_ref().map(|r: &Rank| r.of),
        }
    }
}

impl GamesTable {
    /// The Games' table as one of its briefings' statistics hold it (the same for every nation of
    /// those Games); folders are filled in by `Index::link`.
    pub fn of(stats: &Stats) -> Self {
        Self {
            games: stats.delegation.games.clone(),
            city: stats.delegation.city.clone(),
            awarded: rows(&stats.awarded.table),
            now: stats.now.as_ref().map(|now| rows(&now.table)),
        }
    }
}

fn rows(table: &[TableRank]) -> Vec<TableRow> {
    table
        .iter()
        .map(|t| TableRow {
            rank: t.rank.display.clone(),
            rank_by_total: t.rank_by_total.display.clone(),
            noc: t.noc.clone(),
            nation: t.nation.clone(),
            gold: t.medals.gold,
            silver: t.medals.silver,
            bronze: t.medals.bronze,
            total: t.medals.total,
            folder: None,
        })
        .collect()
}

impl Index {
    /// Gives every table row the folder of its nation's briefing at those Games, when the batch
    /// made one.
    pub fn link(&mut self) {
        let folders: HashMap<(&str, &str), &str> = self
            .briefings
            .iter()
            .map(|r| ((r.games.as_str(), r.noc.as_str()), r.folder.as_str()))
            .collect();
        for table in &mut self.games {
            for row in table
                .awarded
                .iter_mut()
                .chain(table.now.iter_mut().flatten())
            {
                row.folder = folders
                    .get(&(table.games.as_str(), row.noc.as_str()))
                    .map(|f| (*f).to_owned());
            }
        }
    }

    /// `index.json`: pretty JSON with a final newline.
    pub fn json(&self) -> Result<String, Error> {
        let mut text = serde_json::to_string_pretty(self).map_err(Error::Json)?;
        text.push('\n');
        Ok(text)
    }
}

/// A relative path with `/` between its parts, whatever the platform.
pub fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// SHA-256 of `bytes` in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_inputs() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn paths_use_slashes() {
        assert_eq!(slashed(Path::new("a/charts/x.svg")), "a/charts/x.svg");
    }
}
