//! The checker every file's rules share: where a row is, how a field is read and reported, and
//! which rows were left out so that references to them are not reported again.

use std::collections::{HashMap, HashSet};

use crate::error::DataError;
use crate::source::csv::{Record, Row, Table};
use crate::source::native::records::{AthleteRow, EventRow};

/// The largest count of athletes or medals accepted: far above any real delegation, far below
/// where sums could overflow.
pub(super) const MAX_COUNT: u32 = 100_000;
const COUNT_EXPECTED: &str = "a whole number from 0 to 100000";

pub(super) fn parse_count(v: &str) -> Option<u32> {
    v.parse::<u32>().ok().filter(|&n| n <= MAX_COUNT)
}

/// Collects problems while reading fields.
pub(super) struct Checker {
    pub(super) errors: Vec<DataError>,
    /// Rows that exist but failed their own checks: references to them are not reported again.
    pub(super) broken: HashSet<Broken>,
    /// Some row was left out, so totals computed from the rest would be wrong: skip checks on totals.
    pub(super) incomplete: bool,
}

/// A row left out after its own problems were reported (or a file with a row that could not be
/// read at all), by what refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Broken {
    /// A file with a row that could not be read: the missing row may be any.
    File(&'static str),
    /// An athlete, by id.
    Athlete(String),
    /// An event, by id.
    Event(String),
    /// An entry, by the athlete and event ids as written.
    Entry { athlete: String, event: String },
    /// Some entry of this athlete (by the id as written).
    EntriesOf(String),
    /// Some entry in this event (by the id as written).
    EntriesIn(String),
    /// A row of one entry's revision ledger, by the athlete and event ids as written.
    Ledger { athlete: String, event: String },
}

impl Broken {
    pub(super) fn entry(athlete: &str, event: &str) -> Self {
        Self::Entry {
            athlete: athlete.to_owned(),
            event: event.to_owned(),
        }
    }

    pub(super) fn ledger(athlete: &str, event: &str) -> Self {
        Self::Ledger {
            athlete: athlete.to_owned(),
            event: event.to_owned(),
        }
    }
}

/// The kind of row a reference points to.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    Athlete,
    Event,
}

impl Target {
    fn word(self) -> &'static str {
        match self {
            Self::Athlete => "athlete",
            Self::Event => "event",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Self::Athlete => AthleteRow::FILE,
            Self::Event => EventRow::FILE,
        }
    }

    fn broken(self, id: &str) -> Broken {
        match self {
            Self::Athlete => Broken::Athlete(id.to_owned()),
            Self::Event => Broken::Event(id.to_owned()),
        }
    }
}

/// The position of one row, for messages.
#[derive(Clone, Copy)]
pub(super) struct At<'a> {
    pub(super) file: &'a str,
    pub(super) line: u64,
}

impl<'a> At<'a> {
    pub(super) fn of<T>(table: &'a Table<T>, row: &Row<T>) -> Self {
        Self {
            file: &table.file,
            line: row.line,
        }
    }
}

impl Checker {
    pub(super) fn push(
        &mut self,
        at: At<'_>,
        field: &str,
        value: &str,
        problem: impl Into<String>,
    ) {
        self.errors
            .push(DataError::field(at.file, at.line, field, value, problem));
    }

    /// A required value, parsed; records a problem and returns `None` when blank or invalid.
    pub(super) fn need<T>(
        &mut self,
        at: At<'_>,
        field: &str,
        value: &str,
        parse: impl FnOnce(&str) -> Option<T>,
        expected: &str,
    ) -> Option<T> {
        if value.is_empty() {
            self.push(
                at,
                field,
                value,
                format!("the value is missing; expected {expected}"),
            );
            return None;
        }
        let parsed = parse(value);
        if parsed.is_none() {
            self.push(at, field, value, format!("expected {expected}"));
        }
        parsed
    }

    /// An optional value: `Some(None)` when blank, `None` when present but invalid.
    pub(super) fn optional<T>(
        &mut self,
        at: At<'_>,
        field: &str,
        value: &str,
        parse: impl FnOnce(&str) -> Option<T>,
        expected: &str,
    ) -> Option<Option<T>> {
        if value.is_empty() {
            Some(None)
        } else {
            self.need(at, field, value, parse, expected).map(Some)
        }
    }

    pub(super) fn text(&mut self, at: At<'_>, field: &str, value: &str) -> Option<String> {
        self.need(at, field, value, |v| Some(v.to_owned()), "a non-empty text")
    }

    /// A reference to a row of the target's file. A row that exists but is broken was reported
    /// already, and so was a file with an unreadable row: the reference is then dropped quietly.
    pub(super) fn lookup(
        &mut self,
        at: At<'_>,
        (field, value): (&str, &str),
        ids: &HashMap<String, usize>,
        target: Target,
    ) -> Option<usize> {
        if let Some(&i) = ids.get(value) {
            return Some(i);
        }
        if self.broken.contains(&target.broken(value))
            || self.broken.contains(&Broken::File(target.file()))
        {
            self.incomplete = true;
            return None;
        }
        let expected = format!("the id of an {} in {}", target.word(), target.file());
        self.need(at, field, value, |_| None::<usize>, &expected)
    }

    /// A count of athletes or medals: a whole number up to `MAX_COUNT`.
    pub(super) fn count(&mut self, at: At<'_>, field: &str, value: &str) -> Option<u32> {
        self.need(at, field, value, parse_count, COUNT_EXPECTED)
    }

    pub(super) fn year(&mut self, at: At<'_>, field: &str, value: &str) -> Option<i32> {
        self.need(
            at,
            field,
            value,
            |v| v.parse::<i32>().ok().filter(|y| (1896..=2100).contains(y)),
            "a year from 1896 to 2100",
        )
    }

    /// Notes a row left out after its own problems were reported.
    pub(super) fn drop_row(&mut self, key: Option<Broken>) {
        self.incomplete = true;
        if let Some(key) = key {
            self.broken.insert(key);
        }
    }

    pub(super) fn id(&mut self, at: At<'_>, field: &str, value: &str) -> Option<String> {
        self.need(
            at,
            field,
            value,
            |v| valid_id(v).then(|| v.to_owned()),
            "an id of letters, digits, `-`, `_` or `.` (no spaces)",
        )
    }

    /// Reports ids seen twice, naming the line of the first.
    pub(super) fn unique(
        &mut self,
        seen: &mut HashMap<String, u64>,
        at: At<'_>,
        field: &str,
        id: &str,
    ) -> bool {
        if let Some(first) = seen.get(id) {
            self.push(
                at,
                field,
                id,
                format!("duplicate id; it is already used on line {first}"),
            );
            false
        } else {
            seen.insert(id.to_owned(), at.line);
            true
        }
    }
}

pub(super) fn valid_id(v: &str) -> bool {
    v.len() <= 200
        && v.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
