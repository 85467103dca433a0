//! One CSV file of a set, read by column name: the columns podium takes, in the order asked, each
//! row with its line; every problem (a missing file or column, a short row, a control character)
//! named with the file and line. And the peek at a file's header that recognises a set.

use std::path::Path;

use crate::error::{DataError, Error, Problems};
use crate::source::csv::{csv_reader, decode, field_problem, read_input};

/// The largest file read: Tokyo's athletes.csv, the biggest, is 2 MB.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// A file's rows: the columns asked for, in that order, with the line each row is on.
#[derive(Debug, Default)]
pub struct Sheet {
    pub file: String,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads `path`, taking `columns` by name (each must be there). `None` when the file is missing
/// or unreadable as a whole (reported in `p`); an I/O error is returned.
pub fn read(
    path: &Path,
    columns: &[&str],
    p: &mut Problems,
    set: &str,
) -> Result<Option<Sheet>, Error> {
    let file = path.display().to_string();
    if !path.exists() {
        p.push(DataError::new(
            &file,
            None,
            format!(
                "the file is missing; the {set} folder holds it, with the columns {}",
                columns.join(",")
            ),
        ));
        return Ok(None);
    }
    let bytes = read_input(path, MAX_FILE_BYTES, "the biggest file of the set is 2 MB")?;
    Ok(parse(&file, &bytes, columns, p))
}

/// The rows of one file's bytes.
pub fn parse(file: &str, bytes: &[u8], columns: &[&str], p: &mut Problems) -> Option<Sheet> {
    let text = match decode(file, bytes) {
        Ok(t) => t,
        Err(e) => {
            p.push(e);
            return None;
        }
    };
    let mut reader = csv_reader(&text);
    let headers = match reader.headers() {
        Ok(h) if !text.trim().is_empty() => h.clone(),
        Ok(_) => {
            let why = format!(
                "the file is empty; expected a header with {}",
                columns.join(",")
            );
            p.push(DataError::new(file, Some(1), why));
            return None;
        }
        Err(e) => {
            p.push(DataError::new(
                file,
                Some(1),
                format!("cannot read the header: {e}"),
            ));
            return None;
        }
    };
    let at = located(file, &headers, columns, p)?;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                if record.len() != headers.len() {
                    let why = format!(
                        "the row has {} fields; the header has {}",
                        record.len(),
                        headers.len()
                    );
                    p.push(DataError::new(file, Some(line), why));
                    continue;
                }
                let fields: Vec<String> = at
                    .iter()
                    .map(|&i| record.get(i).unwrap_or_default().to_owned())
                    .collect();
                let mut ok = true;
                for (value, column) in fields.iter().zip(columns) {
                    if let Some(problem) = field_problem(value) {
                        p.field(file, line, column, value, problem);
                        ok = false;
                    }
                }
                if ok {
                    rows.push((line, fields));
                }
            }
            Err(e) => {
                let line = e.position().map(csv::Position::line);
                p.push(DataError::new(
                    file,
                    line,
                    format!("cannot read the row: {e}"),
                ));
                break;
            }
        }
    }
    Some(Sheet {
        file: file.to_owned(),
        rows,
    })
}

/// Where each of `columns` is in the header; `None` (reported) when some are missing.
fn located(
    file: &str,
    headers: &csv::StringRecord,
    columns: &[&str],
    p: &mut Problems,
) -> Option<Vec<usize>> {
    let mut at = Vec::new();
    let mut missing = Vec::new();
    for c in columns {
        match headers.iter().position(|h| h == *c) {
            Some(i) => at.push(i),
            None => missing.push(*c),
        }
    }
    if missing.is_empty() {
        return Some(at);
    }
    let found: Vec<&str> = headers.iter().collect();
    p.push(DataError {
        file: file.to_owned(),
        line: Some(1),
        field: None,
        value: Some(found.join(",")),
        problem: format!(
            "the header lacks the column{} {}; podium reads {} (other columns may be there)",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            columns.join(",")
        ),
    });
    None
}

/// The header of a regular file and its first row, from its first 4 KB (a FIFO is never opened:
/// it would block). `None` when the file is not there or not CSV.
pub fn head(path: &Path) -> Option<(Vec<String>, Option<Vec<String>>)> {
    use std::io::Read;
    if !path.is_file() {
        return None;
    }
    let mut buf = vec![0; 4096];
    let n = std::fs::File::open(path).ok()?.read(&mut buf).ok()?;
    buf.truncate(n);
    let text = String::from_utf8_lossy(&buf);
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv_reader(text);
    let header: Vec<String> = reader.headers().ok()?.iter().map(str::to_owned).collect();
    let first = reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect());
    Some((header, first))
}

/// Whether a header has every one of `columns`.
pub fn has(header: &[String], columns: &[&str]) -> bool {
    columns.iter().all(|c| header.iter().any(|h| h == c))
}
