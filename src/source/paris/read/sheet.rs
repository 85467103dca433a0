//! The folder's files read into sheets: each file decoded, its columns located by name in the
//! header (`Header`), and its rows kept as the fields asked for, each checked for what no field
//! may hold.

use std::path::Path;

use crate::error::{DataError, Error, Problems};
use crate::source::csv::{Header, csv_reader, decode, field_problem, read_input};
use crate::source::paris::{FILES, MAX_FILE_BYTES, RESULT_COLUMNS, RESULT_OPTIONAL};

/// A file's rows: the columns asked for, in that order, with the line each row is on.
pub(super) struct Sheet {
    pub(super) file: String,
    pub(super) rows: Vec<(u64, Vec<String>)>,
}

/// The files of `FILES`, each read (a file that could not be read at all has been reported,
/// and its sheet has no rows).
pub(super) struct Sheets {
    pub(super) athletes: Sheet,
    pub(super) events: Sheet,
    pub(super) medals: Sheet,
    pub(super) teams: Sheet,
    pub(super) nocs: Sheet,
    pub(super) schedule: Sheet,
}

impl Sheets {
    /// Reads the files of `FILES` in `dir`, in that order.
    pub(super) fn read(dir: &Path, p: &mut Problems) -> Result<Self, Error> {
        let mut read = |(name, columns): (&str, &[&str])| -> Result<Sheet, Error> {
            let path = dir.join(name);
            let sheet = sheet_at(&path, columns, optional_columns(name), p)?;
            Ok(sheet.unwrap_or_else(|| Sheet {
                file: path.display().to_string(),
                rows: Vec::new(),
            }))
        };
        let [athletes, events, medals, teams, nocs, schedule] = FILES;
        Ok(Self {
            athletes: read(athletes)?,
            events: read(events)?,
            medals: read(medals)?,
            teams: read(teams)?,
            nocs: read(nocs)?,
            schedule: read(schedule)?,
        })
    }
}

/// The columns taken from the file `name` when it has them.
fn optional_columns(name: &str) -> &'static [&'static str] {
    match name {
        // teams.csv marks the teams of earlier Games olympics.com keeps as not current.
        "teams.csv" => &["current"],
        // athletes.csv marks reserves as alternate athletes.
        "athletes.csv" => &["function"],
        "nocs.csv" => &["country_long"],
        _ => &[],
    }
}

/// Reads every `results/*.csv`, in name order.
pub(super) fn results_files(dir: &Path, p: &mut Problems) -> Result<Vec<Sheet>, Error> {
    let results = dir.join("results");
    let entries = match std::fs::read_dir(&results) {
        Ok(entries) => entries,
        Err(_) => {
            p.push(DataError::new(
                &results.display().to_string(),
                None,
                "the folder results/ is missing; it holds one CSV file of results per discipline",
            ));
            return Ok(Vec::new());
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        p.push(DataError::new(
            &results.display().to_string(),
            None,
            "results/ holds no CSV file; it holds one file of results per discipline",
        ));
    }
    let mut sheets = Vec::new();
    for path in paths {
        if let Some(s) = sheet_at(&path, &RESULT_COLUMNS, &RESULT_OPTIONAL, p)? {
            sheets.push(s);
        }
    }
    Ok(sheets)
}

/// Reads one file, taking `columns` by name (each must be there) and `optional` ones (empty when
/// absent). `None` when the file is missing or unreadable as a whole (reported).
fn sheet_at(
    path: &Path,
    columns: &[&str],
    optional: &[&str],
    p: &mut Problems,
) -> Result<Option<Sheet>, Error> {
    let file = path.display().to_string();
    if !path.exists() {
        p.push(DataError::new(
            &file,
            None,
            format!(
                "the file is missing; the Paris 2024 folder holds it, with the columns {}",
                columns.join(",")
            ),
        ));
        return Ok(None);
    }
    let bytes = read_input(
        path,
        MAX_FILE_BYTES,
        "the biggest file of the Paris 2024 folder is under 5 MB",
    )?;
    let wanted = Wanted { columns, optional };
    Ok(sheet(&file, &bytes, &wanted, p))
}

/// The columns a sheet takes: `columns` must be there, `optional` ones are empty when absent.
struct Wanted<'a> {
    columns: &'a [&'a str],
    optional: &'a [&'a str],
}

impl Wanted<'_> {
    /// The name of the `k`th column taken.
    fn name(&self, k: usize) -> &str {
        self.columns
            .get(k)
            .or_else(|| self.optional.get(k - self.columns.len()))
            .copied()
            .unwrap_or("?")
    }
}

/// The rows of one file's bytes.
fn sheet(file: &str, bytes: &[u8], wanted: &Wanted, p: &mut Problems) -> Option<Sheet> {
    let text = match decode(file, bytes) {
        Ok(t) => t,
        Err(e) => {
            p.push(e);
            return None;
        }
    };
    if text.trim().is_empty() {
        p.push(DataError::new(
            file,
            Some(1),
            format!(
                "the file is empty; expected a header row with the columns {}",
                wanted.columns.join(",")
            ),
        ));
        return None;
    }
    let mut reader = csv_reader(&text);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            p.push(DataError::new(
                file,
                Some(1),
                format!("cannot read the header: {e}"),
            ));
            return None;
        }
    };
    let at = locate(&Header::new(file, &headers), wanted, p)?;
    let rows = rows(&mut reader, file, headers.len(), &at, wanted, p);
    Some(Sheet {
        file: file.to_owned(),
        rows,
    })
}

/// Where each wanted column is (an optional one absent: `None`); `None` when a column that must
/// be there is not (reported). A column named twice is reported, and its first one taken.
fn locate(header: &Header, wanted: &Wanted, p: &mut Problems) -> Option<Vec<Option<usize>>> {
    for e in header.repeated(wanted.columns, "the column appears more than once") {
        p.push(e);
    }
    let fix = format!(
        "podium reads {} (other columns may be there)",
        wanted.columns.join(",")
    );
    let at = match header.locate(wanted.columns, &fix) {
        Ok(at) => at,
        Err(e) => {
            p.push(e);
            return None;
        }
    };
    let optional = wanted.optional.iter().map(|c| header.find(c));
    Some(at.into_iter().map(Some).chain(optional).collect())
}

/// The rows after the header, as the fields at `at`; a row with fields of another number than
/// the header's `width`, or a field no field may hold, is reported and left out.
fn rows(
    reader: &mut csv::Reader<&[u8]>,
    file: &str,
    width: usize,
    at: &[Option<usize>],
    wanted: &Wanted,
    p: &mut Problems,
) -> Vec<(u64, Vec<String>)> {
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                if record.len() != width {
                    p.push(DataError::new(
                        file,
                        Some(line),
                        format!(
                            "the row has {} fields; the header has {width}",
                            record.len()
                        ),
                    ));
                    continue;
                }
                let mut fields = Vec::with_capacity(at.len());
                let mut ok = true;
                for (k, i) in at.iter().enumerate() {
                    let value = i.and_then(|i| record.get(i)).unwrap_or_default();
                    if let Some(problem) = field_problem(value) {
                        p.field(file, line, wanted.name(k), value, problem);
                        ok = false;
                    }
                    fields.push(value.to_owned());
                }
                if ok {
                    rows.push((line, fields));
                }
            }
            Err(e) => {
                p.push(DataError::new(
                    file,
                    e.position().map(csv::Position::line),
                    format!("cannot read the row: {e}"),
                ));
                break;
            }
        }
    }
    rows
}
