//! The native format: the ten CSV files of `data/` (or a directory holding the same files, or
//! files given as bytes), read into raw rows and checked by `validate` into a `Dataset` that
//! covers everything the briefing shows.

pub mod records;
pub mod validate;

use std::path::PathBuf;

use crate::error::{DataError, Error};
use crate::model::Dataset;
use crate::source::csv::{Record, Table, read_input, rows};
use records::*;

/// Reads and checks a native dataset.
pub fn dataset(files: &Files) -> Result<Dataset, Error> {
    if let Files::Dir(dir) = files {
        if !dir.is_dir() {
            let problem = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
            return Err(Error::io(
                dir,
                std::fs::metadata(dir).err().unwrap_or(problem),
            ));
        }
    }
    validate::dataset(read(files)?)
}

/// The dataset with medals now as they stood on `as_of`: changes decided later are left out (a
/// date known only to the month or year counts once all of it has passed). `None` keeps the
/// dataset's own date. A date after it is a usage error; before the date of the all-nation "now"
/// table, that table no longer stands and the "now" ranks are left out.
pub fn at(mut data: Dataset, as_of: Option<crate::date::Date>) -> Result<Dataset, Error> {
    let Some(date) = as_of else {
        return Ok(data);
    };
    let as_of = match data.delegation.now_as_of {
        Some(own) => crate::source::ledger::at_most(Some(date), own, "the dataset")?,
        None => crate::source::ledger::day(date),
    };
    data.revisions.retain(|r| r.decided.latest() <= date);
    for entry in &mut data.entries {
        entry.medal_now = entry.medal_awarded;
    }
    for r in &data.revisions {
        if let Some(entry) = data.entries.get_mut(r.entry) {
            entry.medal_now = r.to;
        }
    }
    let d = &mut data.delegation;
    if let Some(table) = d
        .now_table_as_of
        .or(d.now_as_of)
        .filter(|t| t.latest() > date)
    {
        data.table_now.clear();
        d.now_table_as_of = None;
        d.now_table_note = format!(
            "none as of {as_of}: the data's all-nation table stands at {table}, so there is no rank now"
        );
    }
    d.now_as_of = Some(as_of);
    Ok(data)
}

/// Where a native dataset's files come from.
#[derive(Debug, Clone)]
pub enum Files {
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
        include_str!("../../../data/delegation.csv"),
    ),
    (AthleteRow::FILE, include_str!("../../../data/athletes.csv")),
    (EventRow::FILE, include_str!("../../../data/events.csv")),
    (EntryRow::FILE, include_str!("../../../data/entries.csv")),
    (
        RevisionRow::FILE,
        include_str!("../../../data/revisions.csv"),
    ),
    (HistoryRow::FILE, include_str!("../../../data/history.csv")),
    (
        HistorySportRow::FILE,
        include_str!("../../../data/history-sports.csv"),
    ),
    (
        MedalTableRow::FILE,
        include_str!("../../../data/medal-table.csv"),
    ),
    (
        ReferenceRow::FILE,
        include_str!("../../../data/reference.csv"),
    ),
    (SourceRow::FILE, include_str!("../../../data/sources.csv")),
];

impl Files {
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
                read_input(&path, MAX_FILE_BYTES, "a dataset's files hold kilobytes")
            }
        }
    }
}

/// The largest file of a native dataset read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

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
pub fn read(files: &Files) -> Result<RawDataset, Error> {
    let mut errors = Vec::new();
    let mut partial = Vec::new();
    let mut r = Reader {
        source: files,
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
    source: &'a Files,
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
