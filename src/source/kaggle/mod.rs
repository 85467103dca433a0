//! The Kaggle "120 years of Olympic history" format: `athlete_events.csv` (one row per athlete per
//! event, every nation at every Games) and, optionally, `noc_regions.csv`.
//!
//! The file is read and checked once into compact rows; from them any nation at any Games becomes
//! the same `Dataset` the native format gives, so statistics, charts and the briefing are shared.
//! What the format lacks (dates, places, flag bearers) is recorded in the dataset's `Coverage` and
//! said in the briefing. Decisions after the Games come from the world revision ledger
//! (`revise`), for the Games it covers; elsewhere there is one medal view, as the file has it.

mod build;
mod crew;
mod read;
mod records;
mod revise;
pub mod sports;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::error::Error;
// FNV-1a: the interned strings are short, and a plain hash reads the big file noticeably faster
// than the default one. No untrusted party picks keys to collide here that would matter more than
// a slower read.
use crate::hash::Fnv;
use crate::model::{Medal, Season, Sex};
use crate::source::ledger::{Ledger, NowView};

pub use read::MAX_SHOWN;

/// The largest file read: ten times the whole Kaggle file. Memory grows with the file (about
/// three times its size at the peak), so the bound on one bounds the other.
pub const MAX_FILE_BYTES: u64 = 400 << 20;

/// A string stored once; rows refer to it by number.
pub type Sym = u32;

/// Strings stored once, looked up by value while reading.
#[derive(Debug, Default)]
struct Strings {
    list: Vec<Box<str>>,
    index: HashMap<Box<str>, Sym, Fnv>,
}

impl Strings {
    fn intern(&mut self, text: &str) -> Sym {
        if let Some(&sym) = self.index.get(text) {
            return sym;
        }
        let sym = self.list.len() as Sym;
        self.list.push(text.into());
        self.index.insert(text.into(), sym);
        sym
    }

    fn get(&self, sym: Sym) -> &str {
        &self.list[sym as usize]
    }
}

/// One row of `athlete_events.csv`, checked.
#[derive(Debug, Clone, Copy)]
struct Line {
    id: u32,
    sex: Sex,
    age: Option<u8>,
    team: Sym,
    noc: Sym,
    games: u16,
    sport: Sym,
    event: Sym,
    medal: Option<Medal>,
}

/// One Games in the file.
#[derive(Debug, Clone)]
pub struct GamesInfo {
    /// `2012 Summer`.
    pub name: String,
    pub year: i32,
    /// `Summer` or `Winter`.
    pub season: String,
    /// Host cities, most rows first (1956 Summer: Melbourne and Stockholm).
    pub cities: Vec<String>,
}

impl GamesInfo {
    pub fn city(&self) -> String {
        self.cities.join(" and ")
    }
}

/// One nation at one Games, summed up: what its history line and the medal table need.
#[derive(Debug, Clone, Default)]
struct Summary {
    /// Rows of this nation at these Games, in file order (duplicates dropped).
    rows: Vec<u32>,
    athletes: u32,
    men: u32,
    women: u32,
    medals: [u32; 3],
    /// IOC sports entered.
    sports: Vec<String>,
    /// The nation's name at these Games (see `Reader::finish`).
    nation: String,
    /// Team names (crew numbers dropped) with their rows, until the name is chosen.
    teams: Vec<(String, u32)>,
}

/// The whole file, read and checked, indexed by Games and nation.
#[derive(Debug)]
pub struct Olympics {
    /// The file as the user named it, for the briefing's sources.
    file: String,
    strings: Strings,
    /// Each athlete's name (with sex and first line, as read), by ID.
    names: HashMap<u32, (Box<str>, Sex, u32), Fnv>,
    rows: Vec<Line>,
    games: Vec<GamesInfo>,
    /// Per Games (same index as `games`): each nation's summary, by NOC.
    nations: Vec<BTreeMap<String, Summary>>,
    /// Per Games: the events in which a nation's several athletes share one medal (crews, teams).
    shared: Vec<std::collections::HashSet<Sym, Fnv>>,
    /// NOC to region name, from `noc_regions.csv` when there is one.
    regions: BTreeMap<String, String>,
    /// Rows that repeat an earlier row exactly, dropped.
    pub duplicates: u32,
    /// Rows outside the focus of a one-nation read (`read::Focus`), counted and not kept.
    outside_rows: u32,
    /// The world revision ledger applied (`revise`): both medal views for the Games it covers.
    revised: Option<revise::Revised>,
}

/// Which Games the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GamesChoice {
    /// `2012 Summer`, as in the file's Games column (case ignored).
    Name(String),
    /// `--year 2012 --season summer`.
    YearSeason(i32, String),
}

/// One nation at one Games of a Kaggle file: what `--from`, `--noc` and `--games` name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// `athlete_events.csv`.
    pub file: PathBuf,
    /// `noc_regions.csv`, when named; else the one beside `file`, if any.
    pub regions: Option<PathBuf>,
    /// The nation's NOC code, in capitals.
    pub noc: String,
    pub games: GamesChoice,
}

/// Reads the file, applies the revision ledger `now` names, and builds the dataset of the nation
/// at the Games picked.
///
/// Only what that briefing needs is read and checked (`read::Focus`: the Games, the nation, the
/// medal rows, the events the ledger names), about a fifth of the file. Should anything fail, the
/// whole file is read and checked as a batch reads it, so that every error message, and which
/// errors there are, is what a whole read gives; a problem in a row outside the focus is found
/// only by that.
pub fn dataset(pick: &Pick, now: &NowView) -> Result<crate::model::Dataset, Error> {
    let ledger = Ledger::read(&now.ledger)?;
    let build = |focus: Option<&read::Focus>| {
        let mut file = Olympics::read_focused(&pick.file, pick.regions.as_deref(), focus)?;
        let games = file.find_games(&pick.games)?;
        file.revise(&ledger, now.as_of)?;
        file.dataset(games, &pick.noc)
    };
    match focus(pick, &ledger) {
        Some(focus) => build(Some(&focus)).or_else(|_| build(None)),
        None => build(None),
    }
}

/// The focus of a one-nation read: the Games written as a valid row writes them, the nation, and
/// the events the ledger has changes in (matching a change looks at every row of its event).
fn focus(pick: &Pick, ledger: &Ledger) -> Option<read::Focus> {
    let (year, season) = match &pick.games {
        GamesChoice::Name(name) => {
            let mut parts = name.split_whitespace();
            let year = parts.next()?.parse::<i32>().ok()?;
            let season = capitalise(parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            (year, season)
        }
        GamesChoice::YearSeason(year, season) => (*year, capitalise(season)),
    };
    let mut events: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
    for change in &ledger.changes {
        events
            .entry(change.games.clone())
            .or_default()
            .insert(change.event.clone());
    }
    Season::parse_data(&season).is_some().then(|| read::Focus {
        games: format!("{year} {season}"),
        noc: pick.noc.clone(),
        ledger_events: events,
    })
}

impl Olympics {
    /// Reads `athlete_events.csv` at `path`, and the regions file: `regions` when given, else a
    /// `noc_regions.csv` beside the file when there is one.
    pub fn read(path: &Path, regions: Option<&Path>) -> Result<Self, Error> {
        Self::read_focused(path, regions, None)
    }

    /// `read`, reading and checking only the rows `focus` keeps when there is one.
    fn read_focused(
        path: &Path,
        regions: Option<&Path>,
        focus: Option<&read::Focus>,
    ) -> Result<Self, Error> {
        let bytes =
            crate::source::csv::read_input(path, MAX_FILE_BYTES, "the whole Kaggle file is 41 MB")?;
        let beside = path.with_file_name("noc_regions.csv");
        let regions_path = match regions {
            Some(p) => Some(p.to_path_buf()),
            None => beside.is_file().then_some(beside),
        };
        let regions = match &regions_path {
            Some(p) => Some((
                p.display().to_string(),
                crate::source::csv::read_input(p, MAX_FILE_BYTES, "noc_regions.csv is 4 KB")?,
            )),
            None => None,
        };
        read::parse_in_chunks(
            &path.display().to_string(),
            &bytes,
            regions.as_ref().map(|(l, b)| (l.as_str(), b.as_slice())),
            None,
            focus,
        )
    }

    /// Reads the file's bytes (`label` names it in messages). Every problem is collected; the first
    /// `MAX_SHOWN` are kept with the total count.
    pub fn parse(label: &str, bytes: &[u8], regions: Option<(&str, &[u8])>) -> Result<Self, Error> {
        read::parse(label, bytes, regions)
    }

    /// Applies a revision ledger at a date (`None`: the ledger's own): from now on, datasets of
    /// the Games it covers have medals as awarded and now. Errors name the ledger's lines.
    pub fn revise(
        &mut self,
        ledger: &Ledger,
        as_of: Option<crate::date::Date>,
    ) -> Result<(), Error> {
        let as_of = ledger.now_at(as_of)?;
        self.revised = Some(revise::revise(self, ledger, as_of)?);
        Ok(())
    }

    /// Every Games in the file, oldest first (Winter before Summer in a shared year).
    pub fn games_list(&self) -> &[GamesInfo] {
        &self.games
    }

    /// Finds the Games asked for; an unknown one is a usage error naming the nearest that exist.
    pub fn find_games(&self, choice: &GamesChoice) -> Result<usize, Error> {
        let (wanted, year, season) = match choice {
            GamesChoice::Name(name) => {
                let mut parts = name.split_whitespace();
                let year = parts.next().and_then(|y| y.parse::<i32>().ok());
                let season = parts.next().map(capitalise).unwrap_or_default();
                (name.trim().to_owned(), year, season)
            }
            GamesChoice::YearSeason(year, season) => {
                let season = capitalise(season);
                (format!("{year} {season}"), Some(*year), season)
            }
        };
        let found = self
            .games
            .iter()
            .position(|g| Some(g.year) == year && g.season == season);
        found.ok_or_else(|| {
            let mut nearest: Vec<&GamesInfo> = self.games.iter().collect();
            nearest.sort_by_key(|g| {
                let years = year.map_or(u32::MAX, |y| g.year.abs_diff(y));
                (
                    g.season != season,
                    years,
                    distance(&g.name.to_lowercase(), &wanted.to_lowercase()),
                )
            });
            let names: Vec<&str> = nearest.iter().take(6).map(|g| g.name.as_str()).collect();
            Error::Usage(format!(
                "the file {} has no Games {:?}; nearest first: {} (of {} Games; write them as in the file's Games column, such as \"2012 Summer\")",
                self.file,
                wanted,
                names.join(", "),
                self.games.len()
            ))
        })
    }

    /// The NOCs at one Games, in code order.
    pub fn nocs(&self, games: usize) -> Vec<&str> {
        self.nations[games].keys().map(String::as_str).collect()
    }

    /// Checks that every NOC asked for took part in the Games; otherwise a usage error naming, for
    /// each unknown code, the nearest codes that did.
    pub fn check_nocs(&self, games: usize, nocs: &[String]) -> Result<(), Error> {
        let mut problems = Vec::new();
        for noc in nocs {
            if self.nations[games].contains_key(noc) {
                continue;
            }
            let elsewhere: Vec<&str> = self
                .nations
                .iter()
                .zip(&self.games)
                .filter(|(n, _)| n.contains_key(noc))
                .map(|(_, g)| g.name.as_str())
                .collect();
            let mut nearest: Vec<(&String, &Summary)> = self.nations[games].iter().collect();
            nearest.sort_by_key(|(code, _)| (distance(code, &noc.to_uppercase()), *code));
            let names: Vec<String> = nearest
                .iter()
                .take(5)
                .map(|(code, s)| format!("{code} ({})", s.nation))
                .collect();
            let mut text = format!(
                "{} did not take part in {} in {}; nearest first: {} (of {} NOCs at these Games)",
                crate::error::quoted(noc),
                self.games[games].name,
                self.file,
                names.join(", "),
                self.nations[games].len()
            );
            if !elsewhere.is_empty() {
                let shown: Vec<&str> = elsewhere.iter().rev().take(5).copied().collect();
                text.push_str(&format!(
                    "; {noc} is in the file at {} Games, latest: {}",
                    elsewhere.len(),
                    shown.join(", ")
                ));
            }
            problems.push(text);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Usage(problems.join("\n")))
        }
    }

    /// The dataset of one nation at one Games, in the same form as the native data.
    pub fn dataset(&self, games: usize, noc: &str) -> Result<crate::model::Dataset, Error> {
        self.check_nocs(games, &[noc.to_owned()])?;
        let mut data = build::dataset(self, games, noc);
        if let Some(revised) = &self.revised {
            revised.apply(self, games, &mut data);
        }
        Ok(data)
    }

    /// A nation's name at one Games (see `build::nation_name`); the code when it was not there.
    pub fn nation(&self, games: usize, noc: &str) -> String {
        match self.nations[games].get(noc) {
            Some(here) => build::nation_name(self, noc, here),
            None => noc.to_owned(),
        }
    }

    /// The region `noc_regions.csv` gives a NOC, if any.
    pub fn region(&self, noc: &str) -> Option<&str> {
        self.regions.get(noc).map(String::as_str)
    }
}

/// `summer` → `Summer`.
fn capitalise(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Edit distance between two short strings (NOC codes, Games names), for "nearest first":
/// insertions, deletions, substitutions, and swaps of neighbours (KZA is one step from KAZ).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests;
