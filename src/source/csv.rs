//! Reading a dataset's CSV files into raw rows, each kept with its file and line.
//!
//! This is the one place that builds CSV readers. Rows come out as strings; turning them into
//! typed, cross-checked values is `validate`'s job, so that every problem can be reported with
//! the field and value the user has to fix.

use std::borrow::Cow;
use std::fs;
use std::path::PathBuf;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{DataError, Error};

/// Where a dataset's files come from.
#[derive(Debug, Clone)]
pub enum DataSource {
    /// The default dataset in `data/`, compiled into the binary.
    BuiltIn,
    /// A directory holding the same files.
    Dir(PathBuf),
    /// Files given as bytes, by name (for property tests and fuzzing); a file not given is empty.
    Memory(Vec<(String, Vec<u8>)>),
}

/// The file names of a dataset, in the order they are read.
pub const FILES: [&str; 10] = [
    DelegationRow::FILE,
    AthleteRow::FILE,
    EventRow::FILE,
    EntryRow::FILE,
    RevisionRow::FILE,
    HistoryRow::FILE,
    HistorySportRow::FILE,
    MedalTableRow::FILE,
    ReferenceRow::FILE,
    SourceRow::FILE,
];

/// The files of the default dataset, compiled in so `podium` works from any directory.
const BUILT_IN: &[(&str, &str)] = &[
    (
        DelegationRow::FILE,
        include_str!("../../data/delegation.csv"),
    ),
    (AthleteRow::FILE, include_str!("../../data/athletes.csv")),
    (EventRow::FILE, include_str!("../../data/events.csv")),
    (EntryRow::FILE, include_str!("../../data/entries.csv")),
    (RevisionRow::FILE, include_str!("../../data/revisions.csv")),
    (HistoryRow::FILE, include_str!("../../data/history.csv")),
    (
        HistorySportRow::FILE,
        include_str!("../../data/history-sports.csv"),
    ),
    (
        MedalTableRow::FILE,
        include_str!("../../data/medal-table.csv"),
    ),
    (ReferenceRow::FILE, include_str!("../../data/reference.csv")),
    (SourceRow::FILE, include_str!("../../data/sources.csv")),
];

impl DataSource {
    /// The name a user knows the file by, used in every message about it.
    pub fn label(&self, file: &str) -> String {
        match self {
            Self::BuiltIn => format!("data/{file} (built in)"),
            Self::Memory(_) => file.to_owned(),
            Self::Dir(dir) => dir.join(file).display().to_string(),
        }
    }

    fn read(&self, file: &str) -> Result<Vec<u8>, Error> {
        match self {
            Self::BuiltIn => {
                let text = BUILT_IN
                    .iter()
                    .find(|(name, _)| *name == file)
                    .map(|(_, text)| *text)
                    .unwrap_or_default();
                Ok(text.as_bytes().to_vec())
            }
            Self::Memory(files) => Ok(files
                .iter()
                .find(|(name, _)| name == file)
                .map(|(_, bytes)| bytes.clone())
                .unwrap_or_default()),
            Self::Dir(dir) => {
                let path = dir.join(file);
                check_size(&path, MAX_FILE_BYTES, "a dataset's files hold kilobytes")?;
                fs::read(&path).map_err(|e| Error::io(path, e))
            }
        }
    }
}

/// The largest file of a native dataset read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Refuses a file larger than `max` bytes before reading it, so a wrong or runaway file cannot
/// take the machine's memory. `typical` says what size to expect.
pub fn check_size(path: &std::path::Path, max: u64, typical: &str) -> Result<(), Error> {
    let size = fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size <= max {
        return Ok(());
    }
    let mb = |b: u64| b as f64 / f64::from(1 << 20);
    Err(Error::Data(vec![DataError::new(
        &path.display().to_string(),
        None,
        format!(
            "the file is {:.0} MB; podium reads files up to {:.0} MB ({typical}): is it the right file?",
            mb(size),
            mb(max)
        ),
    )]))
}

/// A row as read, with the line it starts on.
#[derive(Debug, Clone)]
pub struct Row<T> {
    pub line: u64,
    pub data: T,
}

/// All rows of one file.
#[derive(Debug, Clone)]
pub struct Table<T> {
    /// The file's label for messages.
    pub file: String,
    pub rows: Vec<Row<T>>,
}

/// A kind of row: the file it lives in and the columns its header must have.
pub trait Record: DeserializeOwned {
    const FILE: &'static str;
    const COLUMNS: &'static [&'static str];
}

macro_rules! record {
    ($(#[$doc:meta])* $name:ident, $file:literal, { $($field:ident $(as $col:literal)?),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, Deserialize)]
        pub struct $name {
            $( $(#[serde(rename = $col)])? pub $field: String, )*
        }
        impl Record for $name {
            const FILE: &'static str = $file;
            const COLUMNS: &'static [&'static str] = &[$( record!(@col $field $($col)?) ),*];
        }
    };
    (@col $field:ident $col:literal) => { $col };
    (@col $field:ident) => { stringify!($field) };
}

record!(
    /// `delegation.csv`: the one row describing the delegation and the Games.
    DelegationRow, "delegation.csv", {
        noc, nation, games, year, season, edition, city, opening, closing, appearance,
        flag_bearer_opening, flag_bearer_closing, now_as_of, now_table_as_of, now_table_note,
    }
);
record!(
    /// `athletes.csv`: one row per athlete of the delegation.
    AthleteRow, "athletes.csv", { id, name, sex, age, sport, discipline, kaggle_id, other_names }
);
record!(
    /// `events.csv`: one row per event the delegation entered.
    EventRow, "events.csv", { id, sport, discipline, name, category, kind, date }
);
record!(
    /// `entries.csv`: one row per athlete per event.
    EntryRow, "entries.csv", { athlete, event, status, place, medal }
);
record!(
    /// `revisions.csv`: one row per change to a medal after the Games.
    RevisionRow, "revisions.csv", { athlete, event, from, to, decided, reason, source }
);
record!(
    /// `history.csv`: one row per Games the nation attended.
    HistoryRow, "history.csv", {
        year, city, athletes, men, women, gold_awarded, silver_awarded, bronze_awarded,
        gold, silver, bronze, source,
    }
);
record!(
    /// `history-sports.csv`: the sports entered at each Games, one row per (Games, sport).
    HistorySportRow, "history-sports.csv", { year, sport }
);
record!(
    /// `medal-table.csv`: every nation's medals at these Games, as awarded and now.
    MedalTableRow, "medal-table.csv", { table, noc, nation, gold, silver, bronze }
);
record!(
    /// `reference.csv`: the published figures the briefing reconciles against.
    ReferenceRow, "reference.csv", { key, published, where_ as "where" }
);

record!(
    /// `sources.csv`: where the dataset's facts come from.
    SourceRow, "sources.csv", { name, covers, as_of, reference }
);

/// Every file of a dataset, read but not yet checked.
#[derive(Debug, Clone)]
pub struct RawDataset {
    pub delegation: Table<DelegationRow>,
    pub athletes: Table<AthleteRow>,
    pub events: Table<EventRow>,
    pub entries: Table<EntryRow>,
    pub revisions: Table<RevisionRow>,
    pub history: Table<HistoryRow>,
    pub history_sports: Table<HistorySportRow>,
    pub medal_table: Table<MedalTableRow>,
    pub reference: Table<ReferenceRow>,
    pub sources: Table<SourceRow>,
    /// Problems found while reading (encoding, header, row shape); validation adds its own.
    pub errors: Vec<DataError>,
    /// Files with a row that could not be read at all: references into them are not checked,
    /// since the missing row may be the one referred to.
    pub partial: Vec<&'static str>,
}

/// Reads every file of the dataset. Fails only when a file cannot be read at all; problems in the
/// content are collected in `RawDataset::errors`.
pub fn read(source: &DataSource) -> Result<RawDataset, Error> {
    let mut errors = Vec::new();
    let mut partial = Vec::new();
    let mut r = Reader {
        source,
        errors: &mut errors,
        partial: &mut partial,
    };
    let raw = RawDataset {
        delegation: r.table()?,
        athletes: r.table()?,
        events: r.table()?,
        entries: r.table()?,
        revisions: r.table()?,
        history: r.table()?,
        history_sports: r.table()?,
        medal_table: r.table()?,
        reference: r.table()?,
        sources: r.table()?,
        errors: Vec::new(),
        partial: Vec::new(),
    };
    Ok(RawDataset {
        errors,
        partial,
        ..raw
    })
}

struct Reader<'a> {
    source: &'a DataSource,
    errors: &'a mut Vec<DataError>,
    partial: &'a mut Vec<&'static str>,
}

impl Reader<'_> {
    fn table<T: Record>(&mut self) -> Result<Table<T>, Error> {
        let file = self.source.label(T::FILE);
        let bytes = self.source.read(T::FILE)?;
        let (rows, mut found) = rows::<T>(&file, &bytes);
        if !found.is_empty() {
            self.partial.push(T::FILE);
            self.errors.append(&mut found);
        }
        // Rows that parsed are kept even when others did not, so later checks still run on them.
        Ok(Table { file, rows })
    }
}

/// Decodes a file's bytes as UTF-8 text, dropping a byte-order mark and turning CRLF and lone CR
/// line ends into LF (the CSV reader numbers lines by LF only, and messages need true line numbers).
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, DataError> {
    let text = utf8_text(file, bytes)?;
    if text.contains('\r') {
        Ok(Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n")))
    } else {
        Ok(Cow::Borrowed(text))
    }
}

/// As `decode`, but a CRLF file is not copied: only lone CRs (old Mac files) are turned into LF.
/// For big files whose reader counts lines itself from byte offsets, as the CSV reader miscounts
/// them after CRLF.
pub fn decode_big<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, DataError> {
    let text = utf8_text(file, bytes)?;
    if has_lone_cr(text.as_bytes()) {
        Ok(Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n")))
    } else {
        Ok(Cow::Borrowed(text))
    }
}

/// Whether a CR is followed by anything but LF. A branch-free count over byte pairs, which the
/// compiler vectorises: a 40 MB file takes milliseconds.
fn has_lone_cr(bytes: &[u8]) -> bool {
    let Some(last) = bytes.len().checked_sub(1) else {
        return false;
    };
    let pairs = bytes[..last]
        .iter()
        .zip(&bytes[1..])
        .map(|(&a, &b)| usize::from((a == b'\r') & (b != b'\n')))
        .sum::<usize>();
    pairs > 0 || bytes.last() == Some(&b'\r')
}

fn utf8_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = 1 + line_breaks(good);
        let bad: String = bytes[e.valid_up_to()..]
            .iter()
            .take(4)
            .map(|b| format!("\\x{b:02X}"))
            .collect();
        DataError {
            file: file.to_owned(),
            line: Some(line),
            field: None,
            value: Some(bad),
            problem: format!(
                "the file is not UTF-8 (invalid byte at offset {}); save it as UTF-8",
                e.valid_up_to()
            ),
        }
    })
}

/// Counts line breaks the way the CSV reader does: LF, CRLF and a lone CR each end a line.
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut count = 0;
    let mut previous = 0u8;
    for &b in bytes {
        if b == b'\n' && previous != b'\r' || b == b'\r' {
            count += 1;
        }
        previous = b;
    }
    count
}

/// The longest field accepted, in characters: far beyond any real name, event or source note.
pub const MAX_FIELD_CHARS: usize = 1000;

/// What is wrong with a field's text whatever its column: control characters (a line break, a
/// tab, an escape) and the invisible marks that reverse the direction of text, which could make a
/// name display as something else; and a length no real value has. `None` when it is fine.
pub fn field_problem(value: &str) -> Option<String> {
    if let Some(c) = value
        .chars()
        .find(|&c| c.is_control() || crate::error::is_bidi_control(c))
    {
        return Some(format!(
            "the value holds the invisible character U+{:04X}; remove it",
            u32::from(c)
        ));
    }
    let chars = value.chars().count();
    (chars > MAX_FIELD_CHARS).then(|| {
        format!("the value is {chars} characters long; no field of the format needs more than {MAX_FIELD_CHARS}")
    })
}

/// Builds the CSV reader every loader uses, on text from `decode`: a header row, quoted fields,
/// surrounding spaces trimmed.
pub fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    builder(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

/// The reader for big files: untrimmed byte records, each field used trimmed by the caller, which
/// is several times faster. `headers` is false for a chunk cut from the middle of a file.
pub fn csv_reader_big(text: &str, headers: bool) -> csv::Reader<&[u8]> {
    builder(headers)
        .trim(if headers {
            csv::Trim::Headers
        } else {
            csv::Trim::None
        })
        .from_reader(text.as_bytes())
}

fn builder(headers: bool) -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    b.has_headers(headers)
        // Row lengths are checked by the caller, which can then say more than the reader would.
        .flexible(true);
    b
}

/// Every row that could be read, and a problem for each one that could not.
fn rows<T: Record>(file: &str, bytes: &[u8]) -> (Vec<Row<T>>, Vec<DataError>) {
    let text = match decode(file, bytes) {
        Ok(text) => text,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let expected = T::COLUMNS.join(",");
    if text.trim().is_empty() {
        let problem = format!("the file is empty; expected a header row: {expected}");
        return (Vec::new(), vec![DataError::new(file, Some(1), problem)]);
    }
    let mut reader = csv_reader(&text);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return (Vec::new(), vec![csv_problem(file, &e)]),
    };
    if let Err(errors) = check_header::<T>(file, &headers) {
        return (Vec::new(), errors);
    }

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                if let Some(field) = record.iter().position(|f| f.contains('\n')) {
                    // No field of the format holds a line break: a quote was left open.
                    let column = headers.get(field).unwrap_or("?");
                    let value = record.get(field).unwrap_or_default();
                    errors.push(DataError::field(file, line, column, value, format!(
                        "a quote opened in this field is never closed, so the field runs over {} lines; close the quote",
                        value.matches('\n').count() + 1)));
                } else if record.len() != headers.len() {
                    errors.push(DataError::new(
                        file,
                        Some(line),
                        format!(
                            "the row has {} fields; the header has {} ({expected})",
                            record.len(),
                            headers.len()
                        ),
                    ));
                } else if let Some((column, value, problem)) = record
                    .iter()
                    .zip(headers.iter())
                    .find_map(|(value, column)| field_problem(value).map(|p| (column, value, p)))
                {
                    errors.push(DataError::field(file, line, column, value, problem));
                } else {
                    match record.deserialize::<T>(Some(&headers)) {
                        Ok(data) => rows.push(Row { line, data }),
                        Err(e) => errors.push(csv_problem(file, &e)),
                    }
                }
            }
            Err(e) => {
                errors.push(csv_problem(file, &e));
                break;
            }
        }
    }
    (rows, errors)
}

fn check_header<T: Record>(file: &str, headers: &csv::StringRecord) -> Result<(), Vec<DataError>> {
    let expected = T::COLUMNS.join(",");
    let mut errors = Vec::new();
    for column in T::COLUMNS {
        let n = headers.iter().filter(|h| h == column).count();
        if n == 0 {
            errors.push(DataError {
                file: file.to_owned(),
                line: Some(1),
                field: Some((*column).to_owned()),
                value: None,
                problem: format!(
                    "the header has no `{column}` column; expected the columns {expected}"
                ),
            });
        } else if n > 1 {
            errors.push(DataError::field(
                file,
                1,
                column,
                column,
                "the column appears more than once",
            ));
        }
    }
    for header in headers {
        if !T::COLUMNS.contains(&header) {
            errors.push(DataError::field(
                file,
                1,
                header,
                header,
                format!("unknown column; expected the columns {expected}"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn csv_problem(file: &str, error: &csv::Error) -> DataError {
    let line = error.position().map(csv::Position::line);
    let problem = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_owned(),
        _ => format!("cannot read the row: {error}"),
    };
    DataError::new(file, line, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lone_carriage_returns_make_a_copy() {
        assert!(!has_lone_cr(b"a,b\r\nc,d\r\n"));
        assert!(has_lone_cr(b"a,b\rc,d"));
        assert!(has_lone_cr(b"a\r\nb\r"));
        // A CRLF across the scan's block boundary is still a pair.
        let mut big = vec![b'x'; (1 << 16) - 1];
        big.extend_from_slice(b"\r\nyz");
        assert!(!has_lone_cr(&big));
        big.extend_from_slice(b"\r");
        assert!(has_lone_cr(&big));
        assert!(matches!(
            decode_big("f", b"a\r\nb").unwrap(),
            Cow::Borrowed(_)
        ));
        assert_eq!(decode_big("f", b"a\rb\r\nc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn an_unclosed_quote_is_named_where_it_opens() {
        let (rows, errors) = rows::<HistorySportRow>(
            "f.csv",
            b"year,sport\n2012,\"Tennis\n2016,Judo\n2020,Boxing\n",
        );
        assert!(rows.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].problem.contains("never closed"), "{}", errors[0]);
    }

    #[test]
    fn tolerates_bom_and_crlf_and_cr_only() {
        for text in [
            "\u{FEFF}year,sport\r\n2012,Tennis\r\n",
            "year,sport\r2012,Tennis",
            "year,sport\n2012,Tennis\n",
        ] {
            let (rows, errors) = rows::<HistorySportRow>("f.csv", text.as_bytes());
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(rows.len(), 1, "{text:?}");
            assert_eq!(rows[0].data.sport, "Tennis");
            assert_eq!(rows[0].line, 2);
        }
    }

    #[test]
    fn rejects_non_utf8_naming_the_line() {
        let (_, errors) =
            rows::<HistorySportRow>("f.csv", b"year,sport\n2012,Tennis\n2016,Fen\xE7ing\n");
        assert_eq!(errors[0].line, Some(3));
        assert!(errors[0].problem.contains("not UTF-8"));
    }

    #[test]
    fn names_missing_and_unknown_columns() {
        let (_, errors) = rows::<HistorySportRow>("f.csv", b"year,sports\n2012,Tennis\n");
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(text[0].contains("no `sport` column"), "{text:?}");
        assert!(text[1].contains("unknown column"), "{text:?}");
    }

    #[test]
    fn reports_every_short_row() {
        let (rows, errors) =
            rows::<HistorySportRow>("f.csv", b"year,sport\n2012\n2016,Judo\n2020\n");
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        assert_eq!(rows.len(), 1, "the good row is kept");
    }
}
