//! Reading and checking `athlete_events.csv` and `noc_regions.csv`.
//!
//! `parse_in_chunks` names the steps: the header located, the rows cut into chunks read in
//! parallel (`chunks`), each row checked (`rows`) or, outside a one-nation read's focus, only
//! counted; the chunks merged in file order (`merge`), then the rows indexed and summed up per
//! Games and nation (`finish`, with each nation's name chosen in `names`).

mod chunks;
mod finish;
mod merge;
mod names;
mod regions;
mod rows;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Fnv, GamesInfo, Line, Olympics, Strings, Sym};
use crate::error::{DataError, Error, Problems};
use crate::model::{Medal, Sex};
use crate::source::csv::{Header, csv_reader_big, decode_big};

pub use crate::error::MAX_SHOWN;
#[cfg(test)]
pub use chunks::split_for_test;
pub use names::team_name;

/// The columns podium reads (Height and Weight may be there; they are not used).
const COLUMNS: [&str; 13] = [
    "ID", "Name", "Sex", "Age", "Team", "NOC", "Games", "Year", "Season", "City", "Sport", "Event",
    "Medal",
];

/// Where each of `COLUMNS` is in the file's rows.
type Columns = [usize; 13];

/// Ages accepted: the file's own range is 10 to 97.
const AGES: std::ops::RangeInclusive<u32> = 5..=100;

/// Years accepted: the modern Games began in 1896.
const YEARS: std::ops::RangeInclusive<i32> = 1896..=2100;

/// Reads and checks the whole file, and the regions file when there is one.
pub fn parse(label: &str, bytes: &[u8], regions: Option<(&str, &[u8])>) -> Result<Olympics, Error> {
    parse_in_chunks(label, bytes, regions, None, None)
}

/// What one nation's briefing at one Games needs of the file: every row of those Games (the
/// medal table, crews, the ledger's view of every nation), every row of the nation (its history),
/// and every medal row (which events are crews at its other Games). The other rows (about four
/// in five) are only counted: their Games and host city, their team name (a nation's name is the
/// one it used at the most Games), and exact repeats; they are not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    /// The Games as a valid row writes it: `2012 Summer`.
    pub games: String,
    pub noc: String,
    /// Per Games, the events the revision ledger has changes in.
    pub ledger_events: HashMap<String, HashSet<String>>,
}

impl Focus {
    /// Whether a row with these (trimmed) Games, NOC, Medal and Event fields is read and checked.
    fn keeps(&self, games: &[u8], noc: &[u8], medal: &[u8], event: &[u8]) -> bool {
        games == self.games.as_bytes()
            || noc == self.noc.as_bytes()
            || medal != b"NA"
            || std::str::from_utf8(games)
                .ok()
                .and_then(|g| self.ledger_events.get(g))
                .is_some_and(|events| std::str::from_utf8(event).is_ok_and(|e| events.contains(e)))
    }
}

/// `parse`, cutting the rows into `chunks` pieces (by default one per core, for big files), and
/// reading only the rows `focus` keeps when there is one.
pub fn parse_in_chunks(
    label: &str,
    bytes: &[u8],
    regions: Option<(&str, &[u8])>,
    chunks: Option<usize>,
    focus: Option<&Focus>,
) -> Result<Olympics, Error> {
    let mut problems = Problems::default();
    let regions = match regions {
        Some((file, bytes)) => regions::read(file, bytes, &mut problems),
        None => BTreeMap::new(),
    };
    let text = decode_big(label, bytes).map_err(|e| Error::Data(vec![e]))?;
    let (at, width, start) = header(label, &text)?;
    // The rows after the header, cut into one chunk per core at row boundaries and read in
    // parallel; the chunks are then merged in file order.
    let first_line = 1 + chunks::newlines(text.as_bytes().get(..start).unwrap_or_default());
    let body = text.get(start..).unwrap_or_default();
    let count = chunks.unwrap_or_else(|| chunks::count(body.len()));
    let pieces = chunks::split(body, first_line, count);
    let parts = chunks::read_in_parallel(label, focus, &pieces, &at, width)?;
    let mut r = Reader::merged(label, focus, parts);
    r.problems = after(problems, r.problems);
    if r.rows.is_empty() && r.problems.total == 0 {
        r.problems.push(DataError::new(
            label,
            Some(2),
            "the file has a header but no rows",
        ));
    }
    if r.problems.total > 0 {
        return Err(r.problems.into_error());
    }
    Ok(r.finish(regions))
}

/// Where the columns podium reads are in the header row, how many fields the header has, and
/// the byte the rows after it start at.
fn header(label: &str, text: &str) -> Result<(Columns, usize, usize), Error> {
    if text.trim().is_empty() {
        return Err(Error::Data(vec![DataError::new(
            label,
            Some(1),
            format!(
                "the file is empty; expected the header row of athlete_events.csv: {}",
                COLUMNS.join(",")
            ),
        )]));
    }
    let mut reader = csv_reader_big(text, true);
    let names = reader
        .headers()
        .map_err(|e| Error::Data(vec![DataError::new(label, Some(1), e.to_string())]))?
        .clone();
    let header = Header::new(label, &names);
    // A column named twice: which of the two holds the data is not known (the native format
    // refuses it too).
    let repeated = header.repeated(&COLUMNS, "the column appears more than once; keep one");
    if !repeated.is_empty() {
        return Err(Error::Data(repeated));
    }
    let fix = format!(
        "is this the Kaggle athlete_events.csv? It needs {}",
        COLUMNS.join(",")
    );
    let located = header
        .locate(&COLUMNS, &fix)
        .map_err(|e| Error::Data(vec![e]))?;
    let mut at: Columns = [0; 13];
    for (slot, i) in at.iter_mut().zip(located) {
        *slot = i;
    }
    Ok((at, names.len(), reader.position().byte() as usize))
}

/// The problems of the regions file (`first`), then the main file's, as many shown as fit.
fn after(first: Problems, then: Problems) -> Problems {
    let mut all = first;
    all.total += then.total;
    for e in then.shown {
        if all.shown.len() < MAX_SHOWN {
            all.shown.push(e);
        }
    }
    all
}

/// What reading one chunk gathers; chunks are then merged into one (`merge`).
struct Reader<'a> {
    label: &'a str,
    /// Only these rows are read and checked; the others are counted (`outside`).
    focus: Option<&'a Focus>,
    /// Rows outside the focus: a hash of each one's key as in `seen`, to count exact repeats.
    outside_seen: HashSet<u64, Fnv>,
    /// Rows outside the focus, by NOC, Games and team name (crew number dropped): what choosing a
    /// nation's name needs.
    outside_teams: HashMap<(Sym, u16, Sym), u32, Fnv>,
    strings: Strings,
    rows: Vec<Line>,
    games: Vec<GamesInfo>,
    games_index: HashMap<String, u16, Fnv>,
    /// Per Games: host cities with their row counts.
    cities: Vec<Vec<(String, u32)>>,
    /// Each athlete's name, sex and the line first seen on.
    athletes: HashMap<u32, (Box<str>, Sex, u32), Fnv>,
    /// Rows already read, to drop exact repeats: (ID, Games, event, team, medal).
    seen: HashSet<(u32, u16, Sym, Sym, Option<Medal>), Fnv>,
    duplicates: u32,
    problems: Problems,
}

impl<'a> Reader<'a> {
    fn new(label: &'a str, focus: Option<&'a Focus>) -> Self {
        Self {
            label,
            focus,
            outside_seen: HashSet::default(),
            outside_teams: HashMap::default(),
            strings: Strings::default(),
            rows: Vec::new(),
            games: Vec::new(),
            games_index: HashMap::default(),
            cities: Vec::new(),
            athletes: HashMap::default(),
            seen: HashSet::default(),
            duplicates: 0,
            problems: Problems::default(),
        }
    }

    fn bad(&mut self, line: u64, field: &str, value: &str, problem: impl Into<String>) {
        self.problems
            .push(DataError::field(self.label, line, field, value, problem));
    }
}

fn sex_text(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "M",
        Sex::Female => "F",
    }
}
