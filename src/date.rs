//! Calendar dates without a time zone: the only kind the data needs.
//!
//! A small own type instead of a date crate: the data holds plain `YYYY-MM-DD` days (and, for
//! revision decisions, sometimes only a month or a year), and the statistics need nothing more
//! than ordering, day arithmetic over a Games and ISO formatting.

use std::fmt;

use serde::{Serialize, Serializer};

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        match PartialDate::parse(text)? {
            PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            } => Self::new(year, month, day),
            _ => None,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The following day.
    pub fn succ(self) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + 1)
    }

    /// Every day from `self` to `last`, both included.
    pub fn days_through(self, last: Date) -> impl Iterator<Item = Date> {
        let first = self.days_since_epoch();
        (first..=last.days_since_epoch()).map(Self::from_days_since_epoch)
    }

    /// "28 Jul": the short form used in tables and on chart axes.
    pub fn day_month(self) -> String {
        format!("{} {}", self.day, MONTHS[usize::from(self.month) - 1])
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A date known to the day, the month or only the year (`2016-10-27`, `2024-05`, `2021`).
///
/// Some revision decisions are documented only to the month or year; the data says so rather
/// than inventing a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or a day that does not exist.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(parse_digits(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let year = i32::try_from(year).ok()?;
        let month = month.map(u8::try_from).transpose().ok()?;
        let day = day.map(u8::try_from).transpose().ok()?;
        match (month, day) {
            (Some(m), Some(d)) => Date::new(year, m, d)?,
            (Some(m), None) if !(1..=12).contains(&m) => return None,
            _ => Date {
                year,
                month: 1,
                day: 1,
            },
        };
        Some(Self { year, month, day })
    }

    /// The earliest day the date can mean, used for ordering and for "after the event" checks.
    pub fn earliest(self) -> Date {
        Date {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The latest day the date can mean.
    pub fn latest(self) -> Date {
        let month = self.month.unwrap_or(12);
        Date {
            year: self.year,
            month,
            day: self.day.unwrap_or(days_in_month(self.year, month)),
        }
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_days() {
        assert_eq!(
            Date::parse("2012-07-27").map(|d| d.to_string()).as_deref(),
            Some("2012-07-27")
        );
        assert_eq!(
            Date::parse("2012-02-29").map(|d| d.day_month()).as_deref(),
            Some("29 Feb")
        );
        for bad in [
            "2011-02-29",
            "2012-13-01",
            "2012-7-27",
            "27/07/2012",
            "2012-07",
            "",
            "2012-07-27x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        let month = PartialDate::parse("2024-05").unwrap();
        assert_eq!(month.to_string(), "2024-05");
        assert_eq!(month.earliest().to_string(), "2024-05-01");
        assert_eq!(month.latest().to_string(), "2024-05-31");
        let year = PartialDate::parse("2016").unwrap();
        assert_eq!(year.latest().to_string(), "2016-12-31");
        assert_eq!(PartialDate::parse("2016-00"), None);
        assert_eq!(PartialDate::parse("2016-10-32"), None);
    }

    #[test]
    fn day_arithmetic_round_trips_across_months_and_leap_years() {
        let opening = Date::parse("2012-07-27").unwrap();
        let closing = Date::parse("2012-08-12").unwrap();
        let days: Vec<Date> = opening.days_through(closing).collect();
        assert_eq!(days.len(), 17);
        assert_eq!(days[5].to_string(), "2012-08-01");
        assert_eq!(
            Date::parse("2012-02-28").unwrap().succ().to_string(),
            "2012-02-29"
        );
        assert_eq!(Date::parse("1969-12-31").unwrap().days_since_epoch(), -1);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
    }
}
