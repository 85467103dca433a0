//! Reading and checking `athlete_events.csv` and `noc_regions.csv`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

use super::{Fnv, GamesInfo, Line, Olympics, Strings, Summary, Sym, crew, sports};
use crate::error::{DataError, Error, Problems};
use crate::model::{Medal, Sex};
use crate::source::csv::{csv_reader, csv_reader_big, decode, decode_big, field_problem};
use crate::text::noun;

pub use crate::error::MAX_SHOWN;

/// The columns podium reads (Height and Weight may be there; they are not used).
const COLUMNS: [&str; 13] = [
    "ID", "Name", "Sex", "Age", "Team", "NOC", "Games", "Year", "Season", "City", "Sport", "Event",
    "Medal",
];

/// Ages accepted: the file's own range is 10 to 97.
const AGES: std::ops::RangeInclusive<u32> = 5..=100;

/// Years accepted: the modern Games began in 1896.
const YEARS: std::ops::RangeInclusive<i32> = 1896..=2100;

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
        Some((file, bytes)) => read_regions(file, bytes, &mut problems),
        None => BTreeMap::new(),
    };
    let text = decode_big(label, bytes).map_err(|e| Error::Data(vec![e]))?;
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
    let mut reader = csv_reader_big(&text, true);
    let headers = reader
        .headers()
        .map_err(|e| Error::Data(vec![DataError::new(label, Some(1), e.to_string())]))?
        .clone();
    let mut at = [0usize; 13];
    let mut missing = Vec::new();
    for (i, name) in COLUMNS.iter().enumerate() {
        match headers.iter().position(|h| h == *name) {
            Some(p) => at[i] = p,
            None => missing.push(*name),
        }
    }
    // A column named twice: which of the two holds the data is not known (the native format
    // refuses it too).
    let repeated: Vec<DataError> = COLUMNS
        .iter()
        .filter(|name| headers.iter().filter(|h| h == *name).count() > 1)
        .map(|name| {
            DataError::field(
                label,
                1,
                name,
                name,
                "the column appears more than once; keep one",
            )
        })
        .collect();
    if !repeated.is_empty() {
        return Err(Error::Data(repeated));
    }
    if !missing.is_empty() {
        let found: Vec<&str> = headers.iter().collect();
        return Err(Error::Data(vec![DataError {
            file: label.to_owned(),
            line: Some(1),
            field: None,
            value: Some(found.join(",")),
            problem: format!(
                "the header lacks the {} {}; is this the Kaggle athlete_events.csv? It needs {}",
                noun(missing.len(), "column", "columns"),
                missing.join(", "),
                COLUMNS.join(",")
            ),
        }]));
    }

    // The rows after the header, cut into one chunk per core at row boundaries and read in
    // parallel; the chunks are then merged in file order.
    let start = reader.position().byte() as usize;
    let first_line = 1 + newlines(text.as_bytes().get(..start).unwrap_or_default());
    drop(reader);
    let body = text.get(start..).unwrap_or_default();
    let chunks = split(
        body,
        first_line,
        chunks.unwrap_or_else(|| chunk_count(body.len())),
    );
    let width = headers.len();
    let mut parts: Vec<Reader> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|&(chunk, line)| {
                scope.spawn(move || Reader::new(label, focus).read(chunk, line, &at, width))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().map_err(|_| Error::ReadFailed {
                    file: label.to_owned(),
                })
            })
            .collect::<Result<Vec<Reader>, Error>>()
    })?;
    let mut r = if parts.is_empty() {
        Reader::new(label, focus)
    } else {
        parts.remove(0)
    };
    for part in parts {
        r.merge(part);
    }
    // Problems with the regions file come first.
    let mut all = problems;
    all.total += r.problems.total;
    for e in r.problems.shown.drain(..) {
        if all.shown.len() < MAX_SHOWN {
            all.shown.push(e);
        }
    }
    r.problems = all;
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

/// Line breaks in `bytes` (LF; a CRLF counts once).
fn newlines(bytes: &[u8]) -> u64 {
    count_byte(bytes, b'\n')
}

/// How many times `byte` occurs in `bytes`. Counted in blocks of 255 into a byte-sized counter,
/// which the compiler turns into wide vector compares: four times faster than a plain count over
/// the 41 MB file, and the cutting into chunks happens on one thread before the others start.
fn count_byte(bytes: &[u8], byte: u8) -> u64 {
    let blocks = bytes.chunks_exact(255);
    let rest = blocks.remainder();
    let mut total = 0u64;
    for block in blocks {
        let n: u8 = block
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from(b == byte)));
        total += u64::from(n);
    }
    total + rest.iter().filter(|&&b| b == byte).count() as u64
}

#[cfg(test)]
pub fn split_for_test(body: &str, line: u64, n: usize) -> Vec<(&str, u64)> {
    split(body, line, n)
}

/// How many chunks to read a body of `len` bytes in: one per core, and none smaller than 4 MB.
fn chunk_count(len: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    (len / (4 << 20)).clamp(1, cores.min(8))
}

/// Cuts `body` (whose first row is on line `line`) into about `n` chunks at row boundaries, each
/// with the line its first row is on. A line break is a row boundary when an even number of
/// quotes precede it, since a quoted field can hold line breaks and quotes come in pairs.
fn split(body: &str, line: u64, n: usize) -> Vec<(&str, u64)> {
    let bytes = body.as_bytes();
    let mut chunks = Vec::new();
    let (mut from, mut from_line) = (0usize, line);
    for k in 1..n {
        let target = bytes.len() * k / n;
        if target <= from {
            continue;
        }
        let mut quotes = count_byte(&bytes[from..target], b'"');
        let mut cut = None;
        for (i, &b) in bytes.iter().enumerate().skip(target) {
            if b == b'"' {
                quotes += 1;
            } else if b == b'\n' && quotes % 2 == 0 {
                cut = Some(i + 1);
                break;
            }
        }
        let Some(cut) = cut.filter(|&c| c < bytes.len()) else {
            break;
        };
        let lines = newlines(&bytes[from..cut]);
        chunks.push((&body[from..cut], from_line));
        from = cut;
        from_line += lines;
    }
    chunks.push((&body[from..], from_line));
    chunks
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

    /// Reads the rows of one chunk, the first on line `first_line`.
    fn read(mut self, chunk: &str, first_line: u64, at: &[usize; 13], width: usize) -> Self {
        let mut reader = csv_reader_big(chunk, false);
        let mut record = csv::ByteRecord::new();
        // Lines are counted here from byte offsets: the reader's own count goes wrong after CRLF.
        let bytes = chunk.as_bytes();
        let (mut counted, mut line) = (0usize, first_line);
        let mut line_of = |p: Option<&csv::Position>| {
            // A record's position can fall on the line break before it: step over that.
            let mut byte = p.map_or(0, |p| p.byte() as usize).min(bytes.len());
            while matches!(bytes.get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            if byte > counted {
                line += newlines(&bytes[counted..byte]);
                counted = byte;
            }
            line
        };
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let line = line_of(record.position());
                    if record.len() != width {
                        self.problems.push(DataError::new(
                            self.label,
                            Some(line),
                            format!(
                                "the row has {} fields; the header has {width}",
                                record.len()
                            ),
                        ));
                        continue;
                    }
                    // The text is UTF-8 as a whole (decode checked it), and the reader splits
                    // only at ASCII bytes, so every field is UTF-8 too.
                    let field = |i: usize| {
                        record
                            .get(at[i])
                            .and_then(|b| std::str::from_utf8(b).ok())
                            .unwrap_or_default()
                            .trim()
                    };
                    if let Some(focus) = self.focus {
                        let raw = |i: usize| record.get(at[i]).unwrap_or_default().trim_ascii();
                        if !focus.keeps(raw(6), raw(5), raw(12), raw(11)) {
                            self.outside(raw);
                            continue;
                        }
                    }
                    let fields: [&str; 13] = std::array::from_fn(field);
                    self.row(line, fields);
                }
                Err(e) => {
                    let line = line_of(e.position());
                    self.problems
                        .push(DataError::new(self.label, Some(line), e.to_string()));
                    // A broken quote can swallow the rest of the file: stop at the first one.
                    if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                        break;
                    }
                }
            }
        }
        self
    }

    /// Appends the rows of the chunk after this one, with the checks that span chunks: one ID is
    /// one athlete, and a row repeated in a later chunk is dropped.
    fn merge(&mut self, other: Reader<'_>) {
        let syms: Vec<Sym> = other
            .strings
            .list
            .iter()
            .map(|text| self.strings.intern(text))
            .collect();
        let mut games = Vec::with_capacity(other.games.len());
        for (info, cities) in other.games.into_iter().zip(other.cities) {
            let g = match self.games_index.get(&info.name) {
                Some(&g) => g,
                None => {
                    let g = self.games.len() as u16;
                    self.games_index.insert(info.name.clone(), g);
                    self.games.push(info);
                    self.cities.push(Vec::new());
                    g
                }
            };
            let mine = &mut self.cities[g as usize];
            for (city, count) in cities {
                match mine.iter_mut().find(|(c, _)| *c == city) {
                    Some((_, n)) => *n += count,
                    None => mine.push((city, count)),
                }
            }
            games.push(g);
        }
        self.problems.total += other.problems.total;
        for e in other.problems.shown {
            if self.problems.shown.len() < MAX_SHOWN {
                self.problems.shown.push(e);
            }
        }
        let mut conflicts = Vec::new();
        for (id, (name, sex, line)) in other.athletes {
            match self.athletes.get(&id) {
                Some((known, known_sex, first)) if *known != name || *known_sex != sex => {
                    conflicts.push((line, id, name, sex, known.clone(), *known_sex, *first));
                }
                Some(_) => {}
                None => {
                    self.athletes.insert(id, (name, sex, line));
                }
            }
        }
        conflicts.sort_unstable();
        for (line, id, name, sex, known, known_sex, first) in conflicts {
            if known != name {
                let problem =
                    format!("athlete {id} is {known:?} on line {first}; one ID is one athlete");
                self.bad(u64::from(line), "Name", &name, problem);
            } else {
                let problem = format!(
                    "athlete {id} is {} on line {first}; one athlete has one sex",
                    known_sex.word()
                );
                self.bad(u64::from(line), "Sex", sex_text(sex), problem);
            }
        }
        self.duplicates += other.duplicates;
        for key in other.outside_seen {
            if !self.outside_seen.insert(key) {
                self.duplicates += 1;
            }
        }
        for ((noc, g, team), rows) in other.outside_teams {
            let key = (syms[noc as usize], games[g as usize], syms[team as usize]);
            *self.outside_teams.entry(key).or_default() += rows;
        }
        self.rows.reserve(other.rows.len());
        for row in other.rows {
            let row = Line {
                team: syms[row.team as usize],
                noc: syms[row.noc as usize],
                sport: syms[row.sport as usize],
                event: syms[row.event as usize],
                games: games[row.games as usize],
                ..row
            };
            if self
                .seen
                .insert((row.id, row.games, row.event, row.team, row.medal))
            {
                self.rows.push(row);
            } else {
                self.duplicates += 1;
            }
        }
    }

    fn bad(&mut self, line: u64, field: &str, value: &str, problem: impl Into<String>) {
        self.problems
            .push(DataError::field(self.label, line, field, value, problem));
    }

    fn row(&mut self, line: u64, f: [&str; 13]) {
        let [
            id,
            name,
            sex,
            age,
            team,
            noc,
            games,
            year,
            season,
            city,
            sport,
            event,
            medal,
        ] = f;
        let before = self.problems.total;
        let id_value = id.parse::<u32>().ok().filter(|&n| n > 0);
        if id_value.is_none() {
            self.bad(line, "ID", id, "expected a positive whole number");
        }
        for (column, value) in [
            ("Name", name),
            ("Team", team),
            ("City", city),
            ("Sport", sport),
            ("Event", event),
        ] {
            if value.is_empty() {
                self.bad(line, column, value, "the field is empty; it needs a value");
            } else if let Some(problem) = field_problem(value) {
                self.bad(line, column, value, problem);
            }
        }
        let sex_value = Sex::parse(sex);
        if sex_value.is_none() {
            self.bad(line, "Sex", sex, "expected M or F");
        }
        let age_value = match age {
            "NA" => Some(None),
            _ => age
                .parse::<u32>()
                .ok()
                .filter(|a| AGES.contains(a))
                .map(|a| Some(a as u8)),
        };
        if age_value.is_none() {
            self.bad(
                line,
                "Age",
                age,
                format!(
                    "expected NA or a whole number of years from {} to {}",
                    AGES.start(),
                    AGES.end()
                ),
            );
        }
        if !(noc.len() == 3 && noc.bytes().all(|b| b.is_ascii_uppercase())) {
            self.bad(
                line,
                "NOC",
                noc,
                "expected a three-letter NOC code in capitals such as KAZ",
            );
        }
        // Written plainly (no sign, no leading zero), so one Games has one spelling.
        let year_value = year
            .parse::<i32>()
            .ok()
            .filter(|y| YEARS.contains(y) && y.to_string() == year);
        if year_value.is_none() {
            self.bad(
                line,
                "Year",
                year,
                format!("expected a year from {} to {}", YEARS.start(), YEARS.end()),
            );
        }
        if !matches!(season, "Summer" | "Winter") {
            self.bad(line, "Season", season, "expected Summer or Winter");
        }
        if let Some(y) = year_value {
            let matches = games
                .split_once(' ')
                .is_some_and(|(gy, gs)| gy.parse::<i32>().ok() == Some(y) && gs == season);
            if matches!(season, "Summer" | "Winter") && !matches {
                self.bad(
                    line,
                    "Games",
                    games,
                    format!("expected \"{y} {season}\", the row's Year and Season"),
                );
            }
        }
        let medal_value = match medal {
            "NA" => Some(None),
            "Gold" => Some(Some(Medal::Gold)),
            "Silver" => Some(Some(Medal::Silver)),
            "Bronze" => Some(Some(Medal::Bronze)),
            _ => None,
        };
        if medal_value.is_none() {
            self.bad(line, "Medal", medal, "expected Gold, Silver, Bronze or NA");
        }
        if self.problems.total > before {
            return;
        }
        let (Some(id), Some(sex), Some(age), Some(year), Some(medal)) =
            (id_value, sex_value, age_value, year_value, medal_value)
        else {
            return;
        };
        let line32 = u32::try_from(line).unwrap_or(u32::MAX);
        match self.athletes.get(&id) {
            Some((known, known_sex, first)) => {
                let (known_sex, first) = (*known_sex, *first);
                if **known != *name {
                    let problem =
                        format!("athlete {id} is {known:?} on line {first}; one ID is one athlete");
                    self.bad(line, "Name", name, problem);
                    return;
                }
                if known_sex != sex {
                    let problem = format!(
                        "athlete {id} is {} on line {first}; one athlete has one sex",
                        known_sex.word()
                    );
                    self.bad(line, "Sex", sex_text(sex), problem);
                    return;
                }
            }
            None => {
                self.athletes.insert(id, (name.into(), sex, line32));
            }
        }
        let games_id = self.games_id(games, year, season, city);
        let team = self.strings.intern(team);
        let event = self.strings.intern(event);
        if !self.seen.insert((id, games_id, event, team, medal)) {
            self.duplicates += 1;
            return;
        }
        let row = Line {
            id,
            sex,
            age,
            team,
            noc: self.strings.intern(noc),
            games: games_id,
            sport: self.strings.intern(sport),
            event,
            medal,
        };
        self.rows.push(row);
    }

    /// The Games' number, registered on first sight, with one more row in `city`.
    fn games_id(&mut self, games: &str, year: i32, season: &str, city: &str) -> u16 {
        let games_id = match self.games_index.get(games) {
            Some(&g) => g,
            None => {
                let g = self.games.len() as u16;
                self.games.push(GamesInfo {
                    name: games.to_owned(),
                    year,
                    season: season.to_owned(),
                    cities: Vec::new(),
                });
                self.games_index.insert(games.to_owned(), g);
                self.cities.push(Vec::new());
                g
            }
        };
        let cities = &mut self.cities[games_id as usize];
        match cities.iter_mut().find(|(c, _)| c == city) {
            Some((_, count)) => *count += 1,
            None => cities.push((city.to_owned(), 1)),
        }
        games_id
    }

    /// A row outside the focus: counted, not checked. What the rest of the file says about every
    /// nation and Games stays as a whole read gives it: the Games and their host cities (rows
    /// whose Year, Season and Games agree), the number of rows and of exact repeats, and the
    /// team names each nation used at each Games.
    fn outside<'r>(&mut self, raw: impl Fn(usize) -> &'r [u8]) {
        let text = |i: usize| std::str::from_utf8(raw(i)).unwrap_or_default();
        let (games, year, season, city) = (text(6), text(7), text(8), text(9));
        let year = year.parse::<i32>().ok().filter(|y| {
            YEARS.contains(y)
                && matches!(season, "Summer" | "Winter")
                && games.split_once(' ') == Some((year, season))
        });
        let Some(year) = year else { return };
        let g = self.games_id(games, year, season, city);
        // The key `seen` holds for a row, hashed: ID, Games, event, team, medal.
        let mut hasher = Fnv.build_hasher();
        match text(0).parse::<u32>() {
            Ok(id) => hasher.write_u32(id),
            Err(_) => hasher.write(raw(0)),
        }
        for i in [6, 11, 4, 12] {
            // A byte no UTF-8 text holds between fields, so fields cannot run into each other.
            hasher.write(&[0xff]);
            hasher.write(raw(i));
        }
        if !self.outside_seen.insert(hasher.finish()) {
            self.duplicates += 1;
            return;
        }
        let noc = self.strings.intern(text(5));
        let team = self.strings.intern(team_name(text(4)));
        *self.outside_teams.entry((noc, g, team)).or_default() += 1;
    }

    /// Indexes the rows by Games and nation, and sums up each nation at each Games.
    fn finish(self, regions: BTreeMap<String, String>) -> Olympics {
        let Reader {
            label,
            mut strings,
            rows,
            mut games,
            cities,
            athletes: names,
            duplicates,
            seen,
            outside_seen,
            outside_teams,
            ..
        } = self;
        let outside_rows = outside_seen.len() as u32;
        // What only reading needed is freed on another thread: hundreds of thousands of entries
        // take a noticeable time to free, and nothing waits for them.
        let index = std::mem::take(&mut strings.index);
        std::thread::spawn(move || drop((seen, index, outside_seen)));
        let n = games.len();
        // Rows per Games, per nation, in file order.
        let mut by_games: Vec<BTreeMap<&str, Vec<u32>>> = vec![BTreeMap::new(); n];
        for (i, row) in rows.iter().enumerate() {
            by_games[row.games as usize]
                .entry(strings.get(row.noc))
                .or_default()
                .push(i as u32);
        }
        // Each Games on its own: the events where one nation's several athletes hold the same
        // medal (crews and teams), then each nation's summary. Games are independent, so they
        // are shared out between threads.
        let one_games = |nations: &BTreeMap<&str, Vec<u32>>| {
            // Per event, its sport and the medals some nation holds several times. A crew or
            // team event shows this for at least two medals, or says so by its name or sport (see
            // `crew`); a tie between two athletes of one nation (two golds in the 1984 women's
            // 100 m freestyle) shows it for one, and stays individual.
            let mut repeated: HashMap<Sym, (Sym, u8), Fnv> = HashMap::default();
            for list in nations.values() {
                let mut holders: HashMap<(Sym, Medal), u32, Fnv> = HashMap::default();
                for &i in list {
                    let row = &rows[i as usize];
                    repeated.entry(row.event).or_insert((row.sport, 0));
                    if let Some(m) = row.medal {
                        *holders.entry((row.event, m)).or_default() += 1;
                    }
                }
                for ((event, medal), count) in holders {
                    if count > 1 {
                        if let Some((_, medals)) = repeated.get_mut(&event) {
                            *medals |= 1 << medal as u8;
                        }
                    }
                }
            }
            let shared: HashSet<Sym, Fnv> = repeated
                .into_iter()
                .filter(|&(event, (sport, medals))| {
                    crew::is_shared(strings.get(sport), strings.get(event), medals.count_ones())
                })
                .map(|(event, _)| event)
                .collect();
            let summaries: BTreeMap<String, Summary> = nations
                .iter()
                .map(|(&noc, ids)| (noc.to_owned(), summarise(&strings, &rows, ids, &shared)))
                .collect();
            (shared, summaries)
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .clamp(1, n.max(1));
        let per_thread = n.div_ceil(threads).max(1);
        let done: Vec<(HashSet<Sym, Fnv>, BTreeMap<String, Summary>)> =
            std::thread::scope(|scope| {
                let handles: Vec<_> = by_games
                    .chunks(per_thread)
                    .map(|part| scope.spawn(move || part.iter().map(one_games).collect::<Vec<_>>()))
                    .collect();
                let mut done = Vec::with_capacity(n);
                for handle in handles {
                    match handle.join() {
                        Ok(part) => done.extend(part),
                        // Not expected; but never index the Games wrongly: do it all here.
                        Err(_) => return by_games.iter().map(one_games).collect(),
                    }
                }
                done
            });
        let (shared, mut nations): (Vec<_>, Vec<_>) = done.into_iter().unzip();
        // Per Games, per nation: its team names with their rows, from the rows read and those
        // outside the focus (only counted).
        let mut teams: Vec<BTreeMap<String, Vec<(String, u32)>>> = nations
            .iter_mut()
            .map(|map| {
                map.iter_mut()
                    .map(|(noc, s)| (noc.clone(), std::mem::take(&mut s.teams)))
                    .collect()
            })
            .collect();
        for ((noc, g, team), rows) in outside_teams {
            let list = teams[g as usize]
                .entry(strings.get(noc).to_owned())
                .or_default();
            let team = strings.get(team);
            match list.iter_mut().find(|(t, _)| t == team) {
                Some((_, n)) => *n += rows,
                None => list.push((team.to_owned(), rows)),
            }
        }
        // A nation's name at a Games is the team name its rows carry most, among the names it
        // used at the most Games: a crew or boat name (Oleander XII for Bermuda at Tokyo 1964) is
        // used once, the nation's name at Games after Games.
        let mut used: HashMap<(&str, &str), u32> = HashMap::new();
        for map in &teams {
            for (noc, list) in map {
                for (team, _) in list {
                    *used.entry((noc.as_str(), team.as_str())).or_default() += 1;
                }
            }
        }
        let chosen: Vec<Vec<String>> = teams
            .iter()
            .map(|map| {
                map.iter()
                    .map(|(noc, list)| {
                        list.iter()
                            .max_by(|a, b| {
                                let games = |t: &str| used.get(&(noc.as_str(), t)).copied();
                                games(&a.0)
                                    .cmp(&games(&b.0))
                                    .then(a.1.cmp(&b.1))
                                    .then_with(|| b.0.cmp(&a.0))
                            })
                            .map(|(team, _)| team.clone())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        let chosen = recurring_names(&teams, chosen, &used, &games);
        for ((map, names), listed) in nations.iter_mut().zip(chosen).zip(&teams) {
            let name_of: HashMap<&str, String> =
                listed.keys().map(String::as_str).zip(names).collect();
            for (noc, summary) in map.iter_mut() {
                summary.nation = name_of.get(noc.as_str()).cloned().unwrap_or_default();
            }
        }
        // Host cities, most rows first.
        for (g, mut list) in games.iter_mut().zip(cities) {
            list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            g.cities = list.into_iter().map(|(c, _)| c).collect();
        }
        // Oldest first; in a shared year, Winter (held first) before Summer.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&g| (games[g].year, games[g].season != "Winter"));
        let mut rank = vec![0u16; n];
        for (new, &old) in order.iter().enumerate() {
            rank[old] = new as u16;
        }
        let mut rows = rows;
        for row in &mut rows {
            row.games = rank[row.games as usize];
        }
        Olympics {
            file: label.to_owned(),
            strings,
            names,
            rows,
            games: reorder(games, &order),
            nations: reorder(nations, &order),
            shared: reorder(shared, &order),
            regions,
            duplicates,
            outside_rows,
            revised: None,
        }
    }
}

/// The names chosen (per Games, per nation in code order), with a name the nation used at those
/// Games only (a boat or club: Bermuda's "Pam" at 1956, Mexico's "A North American Team" at 1900)
/// replaced, when the nation has names it used at several Games, by its name at the nearest Games
/// (the earlier of two as near). A nation that had one name at one Games only (Saar) keeps it.
fn recurring_names<T>(
    nations: &[BTreeMap<String, T>],
    chosen: Vec<Vec<String>>,
    used: &HashMap<(&str, &str), u32>,
    games: &[GamesInfo],
) -> Vec<Vec<String>> {
    let recurs = |noc: &str, name: &str| used.get(&(noc, name)).is_some_and(|&n| n > 1);
    // Per nation: the year of each Games where its name is one it used at several.
    let mut known: HashMap<&str, Vec<(i32, &str)>> = HashMap::new();
    for ((map, names), info) in nations.iter().zip(&chosen).zip(games) {
        for (noc, name) in map.keys().zip(names) {
            if recurs(noc, name) {
                known.entry(noc).or_default().push((info.year, name));
            }
        }
    }
    nations
        .iter()
        .zip(&chosen)
        .zip(games)
        .map(|((map, names), info)| {
            map.keys()
                .zip(names)
                .map(|(noc, name)| {
                    if name.is_empty() || recurs(noc, name) {
                        return name.clone();
                    }
                    known
                        .get(noc.as_str())
                        .and_then(|list| {
                            list.iter()
                                .min_by_key(|(year, _)| (year.abs_diff(info.year), *year))
                        })
                        .map_or_else(|| name.clone(), |(_, n)| (*n).to_owned())
                })
                .collect()
        })
        .collect()
}

/// The items of `v` in the order `order` gives (a permutation of its indices).
fn reorder<T>(v: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = v.into_iter().map(Some).collect();
    order.iter().filter_map(|&g| slots[g].take()).collect()
}

fn sex_text(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "M",
        Sex::Female => "F",
    }
}

/// One nation at one Games: athletes by sex, medals by the counting rules, sports, name.
fn summarise(strings: &Strings, rows: &[Line], ids: &[u32], shared: &HashSet<Sym, Fnv>) -> Summary {
    let mut athletes: BTreeMap<u32, Sex> = BTreeMap::new();
    let mut sports: BTreeSet<&str> = BTreeSet::new();
    let mut teams: BTreeMap<&str, u32> = BTreeMap::new();
    for &i in ids {
        let row = &rows[i as usize];
        athletes.insert(row.id, row.sex);
        let sport = strings.get(row.sport);
        let event = strings.get(row.event);
        let event = event.strip_prefix(sport).unwrap_or(event).trim_start();
        sports.insert(sports::classify(sport, event).0);
        *teams.entry(team_name(strings.get(row.team))).or_default() += 1;
    }
    let held = ids.iter().filter_map(|&i| {
        let row = &rows[i as usize];
        row.medal.map(|medal| crew::Held {
            event: row.event,
            sport: row.sport,
            team: row.team,
            medal,
        })
    });
    let medals = crew::tally(strings, shared, held);
    let men = athletes.values().filter(|&&s| s == Sex::Male).count() as u32;
    Summary {
        rows: ids.to_vec(),
        athletes: athletes.len() as u32,
        men,
        women: athletes.len() as u32 - men,
        medals,
        sports: sports.into_iter().map(str::to_owned).collect(),
        nation: String::new(),
        teams: teams
            .into_iter()
            .map(|(name, rows)| (name.to_owned(), rows))
            .collect(),
    }
}

/// A team name without the crew number the file adds when a nation has several crews in one
/// event: `United States-2` → `United States`.
pub fn team_name(team: &str) -> &str {
    match team.rsplit_once('-') {
        Some((name, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => team,
    }
}

/// `noc_regions.csv`: NOC, region, notes. Problems join the main file's.
fn read_regions(file: &str, bytes: &[u8], problems: &mut Problems) -> BTreeMap<String, String> {
    let mut regions = BTreeMap::new();
    let text = match decode(file, bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(e);
            return regions;
        }
    };
    let mut reader = csv_reader(&text);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(DataError::new(file, Some(1), e.to_string()));
            return regions;
        }
    };
    let (Some(noc_at), Some(region_at)) = (
        headers.iter().position(|h| h == "NOC"),
        headers.iter().position(|h| h == "region"),
    ) else {
        let found: Vec<&str> = headers.iter().collect();
        problems.push(DataError {
            file: file.to_owned(),
            line: Some(1),
            field: None,
            value: Some(found.join(",")),
            problem: "the header needs the columns NOC and region (noc_regions.csv)".into(),
        });
        return regions;
    };
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, csv::Position::line);
                let noc = record.get(noc_at).unwrap_or_default();
                let region = record.get(region_at).unwrap_or_default();
                if !(noc.len() == 3 && noc.bytes().all(|b| b.is_ascii_uppercase())) {
                    problems.push(DataError::field(
                        file,
                        line,
                        "NOC",
                        noc,
                        "expected a three-letter NOC code in capitals such as KAZ",
                    ));
                } else if !region.is_empty() && region != "NA" {
                    regions.insert(noc.to_owned(), region.to_owned());
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(DataError::new(file, Some(line), e.to_string()));
                break;
            }
        }
    }
    regions
}
