//! Errors a user can see, and the exit code each one maps to.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::text::plural;

/// Data problems a message shows in full, for any source; the rest are counted.
pub const MAX_SHOWN: usize = 20;

/// Data problems found so far, by any source's reader: the first `MAX_SHOWN` in full, all counted.
#[derive(Debug, Default)]
pub struct Problems {
    pub shown: Vec<DataError>,
    pub total: usize,
}

impl Problems {
    pub fn push(&mut self, e: DataError) {
        if self.shown.len() < MAX_SHOWN {
            self.shown.push(e);
        }
        self.total += 1;
    }

    /// A problem with one field of one row.
    pub fn field(
        &mut self,
        file: &str,
        line: u64,
        field: &str,
        value: &str,
        problem: impl Into<String>,
    ) {
        self.push(DataError::field(file, line, field, value, problem));
    }

    /// The error these problems make: every one shown, or the first `MAX_SHOWN` with the total.
    pub fn into_error(self) -> Error {
        Error::data(self.shown, self.total)
    }
}

impl Error {
    /// Data problems as one error, for any source: the first `MAX_SHOWN` of `shown` in full and
    /// `total` counted (`ManyData`), or all of them (`Data`) when none was left out.
    pub fn data(mut shown: Vec<DataError>, total: usize) -> Error {
        shown.truncate(MAX_SHOWN);
        if total > shown.len() {
            Error::ManyData { shown, total }
        } else {
            Error::Data(shown)
        }
    }
}

/// Exit codes, as documented in the README (the BSD `sysexits` numbers where one fits).
pub mod exit {
    pub const SUCCESS: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    /// `batch --check`: some file would change (new, changed or stale), listed on standard output.
    pub const WOULD_CHANGE: i32 = 3;
    pub const DATA: i32 = 65;
    pub const IO: i32 = 74;
    /// Stopped by Ctrl-C (128 + SIGINT, the shells' convention).
    pub const INTERRUPTED: i32 = 130;
}

/// One problem in the input data, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as the user knows it (a path, or `data/x.csv (built in)`).
    pub file: String,
    /// 1-based line number; `None` for a problem with the file as a whole.
    pub line: Option<u64>,
    /// The column, when the problem is in one field.
    pub field: Option<String>,
    /// The offending value, as read.
    pub value: Option<String>,
    /// What is wrong and what was expected, lowercase, naming the fix where there is one.
    pub problem: String,
}

impl DataError {
    pub fn new(file: &str, line: Option<u64>, problem: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            field: None,
            value: None,
            problem: problem.into(),
        }
    }

    /// A problem with one field's value.
    pub fn field(
        file: &str,
        line: u64,
        field: &str,
        value: &str,
        problem: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            line: Some(line),
            field: Some(field.to_owned()),
            value: Some(value.to_owned()),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ":")?;
        if let Some(field) = &self.field {
            write!(f, " field `{field}`")?;
        }
        if let Some(value) = &self.value {
            write!(f, " value {}", quoted(value))?;
        }
        if self.field.is_some() || self.value.is_some() {
            write!(f, ":")?;
        }
        write!(f, " {}", self.problem)
    }
}

/// Quotes a value for a message, escaping control characters and cutting very long values so one
/// bad field cannot flood the terminal.
pub fn quoted(value: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut out = String::from("\"");
    for (i, c) in value.chars().enumerate() {
        if i == MAX_CHARS {
            out.push_str(&format!("…\" ({} characters)", value.chars().count()));
            return out;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&c.escape_unicode().to_string())
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Marks that change the direction of the text around them (U+200E, U+200F, U+202A to U+202E,
/// U+2066 to U+2069): shown escaped, and refused in data.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Everything that can stop a command.
#[derive(Debug)]
pub enum Error {
    /// The data was read but is not valid: every problem found.
    Data(Vec<DataError>),
    /// Too many problems to show: the first ones, and how many there were in all.
    ManyData { shown: Vec<DataError>, total: usize },
    /// A file or directory could not be read or written.
    Io { path: PathBuf, source: io::Error },
    /// Standard output could not be written.
    Output(io::Error),
    /// The command line asked for something impossible that clap could not catch.
    Usage(String),
    /// The statistics could not be encoded as JSON (a bug: every field is plain data).
    Json(serde_json::Error),
    /// The PDF could not be made.
    Pdf(String),
    /// A chart could not be drawn: the chart's name (as `--only` takes it), and what failed.
    Chart {
        chart: &'static str,
        problem: String,
    },
    /// A drawn chart could not be rendered as PNG: the chart's name, and what failed.
    Png {
        chart: &'static str,
        problem: String,
    },
    /// A thread reading part of a big file stopped without its rows (a bug).
    ReadFailed { file: String },
    /// A batch worker stopped without the outcome of a briefing it had taken (a bug).
    WorkerStopped,
    /// A batch in which some briefings failed: the batch's report, and the exit code of the
    /// first failure.
    Batch { report: String, code: i32 },
    /// Stopped by the user (Ctrl-C): what was done, with every file written whole.
    Interrupted(String),
    /// `batch --check` found files that a batch would change: the report listing them.
    WouldChange(String),
    /// `podium sources` found problems in `with` of the `of` sources it described (its report,
    /// already printed, lists them); `code` is the exit code they call for.
    SourceProblems { with: usize, of: usize, code: i32 },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Data(_) | Self::ManyData { .. } => exit::DATA,
            Self::Io { .. } | Self::Output(_) => exit::IO,
            Self::Usage(_) => exit::USAGE,
            Self::Json(_)
            | Self::Pdf(_)
            | Self::Chart { .. }
            | Self::Png { .. }
            | Self::ReadFailed { .. }
            | Self::WorkerStopped => exit::FAILURE,
            Self::Batch { code, .. } => *code,
            Self::Interrupted(_) => exit::INTERRUPTED,
            Self::WouldChange(_) => exit::WOULD_CHANGE,
            Self::SourceProblems { code, .. } => *code,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Data(errors) => {
                for error in errors {
                    writeln!(f, "{error}")?;
                }
                let n = errors.len();
                write!(
                    f,
                    "podium: {} in the data; nothing was written",
                    plural(n as u32, "problem", "problems")
                )
            }
            Self::ManyData { shown, total } => {
                for error in shown {
                    writeln!(f, "{error}")?;
                }
                write!(
                    f,
                    "podium: {total} problems in the data, the first {} shown above; nothing was written",
                    shown.len()
                )
            }
            Self::Io { path, source } => write!(f, "cannot access {}: {source}", path.display()),
            Self::Output(source) => write!(f, "cannot write the output: {source}"),
            Self::Usage(message) => write!(f, "{message}"),
            Self::Json(source) => write!(f, "cannot encode the statistics as JSON: {source}"),
            Self::Pdf(problem) => write!(f, "cannot make the PDF: {problem}"),
            Self::Chart { chart, problem } => write!(f, "cannot draw the chart {chart}: {problem}"),
            Self::Png { chart, problem } => {
                write!(f, "cannot render the chart {chart} as PNG: {problem}")
            }
            Self::ReadFailed { file } => write!(f, "reading {file} failed unexpectedly"),
            Self::WorkerStopped => write!(f, "the worker stopped"),
            Self::Batch { report, .. } | Self::WouldChange(report) => {
                write!(f, "{}", report.trim_end())
            }
            Self::SourceProblems { with: 1, of: 1, .. } => {
                write!(
                    f,
                    "the source given has problems, listed in the report above"
                )
            }
            Self::SourceProblems { with, of, .. } => write!(
                f,
                "{with} of the {of} sources given {} problems, listed in the report above",
                if *with == 1 { "has" } else { "have" }
            ),
            Self::Interrupted(report) => write!(
                f,
                "{}\npodium: interrupted; every file written is whole, and a rerun completes the rest",
                report.trim_end()
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<Vec<DataError>> for Error {
    fn from(errors: Vec<DataError>) -> Self {
        Self::Data(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_file_line_field_and_value() {
        let e = DataError::field("data/athletes.csv", 7, "sex", "X", "expected M or F");
        assert_eq!(
            e.to_string(),
            "data/athletes.csv:7: field `sex` value \"X\": expected M or F"
        );
    }

    #[test]
    fn quoting_escapes_controls_and_cuts_long_values() {
        assert_eq!(quoted("a\u{202e}b\n"), "\"a\\u{202e}b\\u{a}\"");
        let long = "x".repeat(10_000);
        assert!(quoted(&long).ends_with("(10000 characters)"));
    }
}
