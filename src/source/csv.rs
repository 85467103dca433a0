//! CSV reading shared by every input format: decoding a file's bytes, the one reader builder, the
//! check of a header, and rows kept with their file and line.
//!
//! Rows come out as strings; turning them into typed, cross-checked values is each format's job,
//! so that every problem can be reported with the field and value the user has to fix.

use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{DataError, Error};

/// Reads a whole input file of at most `max` bytes (`typical` says what size to expect). A path
/// that is not a regular file (a FIFO, a device, a socket, a folder) is refused before it is
/// opened, naming what it is: a FIFO with no writer would block for ever and a device such as
/// `/dev/zero` never ends. The cap bounds what is actually read, not what the file claims, so a
/// file that grows while it is read cannot take the machine's memory either.
pub fn read_input(path: &Path, max: u64, typical: &str) -> Result<Vec<u8>, Error> {
    let size = regular_file(path)?;
    if size > max {
        return Err(too_big(path, Some(size), max, typical));
    }
    let file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read_at_most(file, max)
        .map_err(|e| Error::io(path, e))?
        .ok_or_else(|| too_big(path, None, max, typical))
}

/// Everything `reader` holds, or `None` when it holds more than `max` bytes (of which no more than
/// `max + 1` are read).
pub fn read_at_most(reader: impl Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// The size of the regular file at `path` (a link is followed); any other kind of path is an
/// error naming what it is.
pub fn regular_file(path: &Path) -> Result<u64, Error> {
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_file() {
        return Ok(meta.len());
    }
    let what = kind(&meta.file_type());
    Err(Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "it is {what}, not a regular file; podium reads input from files only (a pipe or device may never end): copy the data into a file"
            ),
        ),
    ))
}

/// What a path that is not a regular file is, in words.
fn kind(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "neither a file nor a folder"
    }
}

fn too_big(path: &Path, size: Option<u64>, max: u64, typical: &str) -> Error {
    let mb = |b: u64| b as f64 / f64::from(1 << 20);
    let is = match size {
        Some(size) => format!("the file is {:.0} MB", mb(size)),
        None => format!("the file holds more than {:.0} MB", mb(max)),
    };
    Error::Data(vec![DataError::new(
        &path.display().to_string(),
        None,
        format!(
            "{is}; podium reads files up to {:.0} MB ({typical}): is it the right file?",
            mb(max)
        ),
    )])
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
        // The bytes in hexadecimal, in the problem rather than as a quoted value: quoting would
        // escape the backslashes of `\xFF` a second time.
        let bad: Vec<String> = bytes[e.valid_up_to()..]
            .iter()
            .take(4)
            .map(|b| format!("{b:02X}"))
            .collect();
        DataError {
            file: file.to_owned(),
            line: Some(line),
            field: None,
            value: None,
            problem: format!(
                "the file is not UTF-8 (invalid byte at offset {}, bytes {} in hexadecimal); save it as UTF-8",
                e.valid_up_to(),
                bad.join(" ")
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

/// A file's header row, for a reader that takes its columns by name (a file may have more). The
/// one place a header's missing and repeated columns are put into words; each reader adds the
/// fix that fits its format.
#[derive(Debug, Clone, Copy)]
pub struct Header<'a> {
    file: &'a str,
    names: &'a csv::StringRecord,
}

impl<'a> Header<'a> {
    /// The header `names` of `file` (the file's label for messages).
    pub fn new(file: &'a str, names: &'a csv::StringRecord) -> Self {
        Self { file, names }
    }

    /// Where each of `columns` is, in their order (the first, for a column named twice). When
    /// some are missing: one problem naming them all, the header as found for its value, and
    /// `fix` after them, saying what the file should hold.
    pub fn locate(&self, columns: &[&str], fix: &str) -> Result<Vec<usize>, DataError> {
        let mut at = Vec::with_capacity(columns.len());
        let mut missing = Vec::new();
        for column in columns {
            match self.find(column) {
                Some(i) => at.push(i),
                None => missing.push(*column),
            }
        }
        if missing.is_empty() {
            return Ok(at);
        }
        let found: Vec<&str> = self.names.iter().collect();
        Err(DataError {
            file: self.file.to_owned(),
            line: Some(1),
            field: None,
            value: Some(found.join(",")),
            problem: format!(
                "the header lacks the column{} {}; {fix}",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
            ),
        })
    }

    /// Where `column` is, if the header has it (the first, if it has it twice).
    pub fn find(&self, column: &str) -> Option<usize> {
        self.names.iter().position(|h| h == column)
    }

    /// A problem, worded `problem`, for each of `columns` the header names more than once, in
    /// their order: which of the two holds the data is not known.
    pub fn repeated(&self, columns: &[&str], problem: &str) -> Vec<DataError> {
        columns
            .iter()
            .filter(|column| self.names.iter().filter(|h| h == *column).count() > 1)
            .map(|column| DataError::field(self.file, 1, column, column, problem))
            .collect()
    }
}

/// Every row that could be read, and a problem for each one that could not.
pub fn rows<T: Record>(file: &str, bytes: &[u8]) -> (Vec<Row<T>>, Vec<DataError>) {
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
                    // No field of the format holds a line break. With the row's fields all there,
                    // the break was quoted on purpose; otherwise a quote was left open and took
                    // the rows after it in.
                    let column = headers.get(field).unwrap_or("?");
                    let value = record.get(field).unwrap_or_default();
                    let lines = value.matches('\n').count() + 1;
                    // An open quote in the last field of the file's last row runs to its end.
                    let rest = usize::try_from(reader.position().byte())
                        .ok()
                        .and_then(|at| text.get(at..))
                        .unwrap_or_default();
                    let to_the_end = field + 1 == record.len()
                        && rest.trim().is_empty()
                        && !text.trim_end().ends_with('"');
                    let problem = if record.len() == headers.len() && !to_the_end {
                        format!(
                            "the field holds a line break (it runs over {lines} lines, quoted); no field of this format does: put it on one line"
                        )
                    } else {
                        format!(
                            "a quote opened in this field is never closed, so the field runs over {lines} lines; close the quote"
                        )
                    };
                    errors.push(DataError::field(file, line, column, value, problem));
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
    use crate::source::native::records::HistorySportRow;

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
