//! Shared wording: plurals, lists, medal counts, ranks and the "as of" dates, each spelled once.

use crate::model::{Completeness, Medal};
use crate::stats::{self, MedalCount, Rank, Stats};

pub use crate::text::plural;

/// `a`, `a and b`, `a, b and c`.
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// The text with its first letter in capitals: `As awarded`.
pub fn capitalised(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get(..1) {
        let upper = first.to_uppercase();
        text.replace_range(..1, &upper);
    }
    text
}

/// A medal's name, or a dash for none.
pub fn medal(m: Option<Medal>) -> String {
    m.map_or_else(|| "–".to_owned(), |m| m.name().to_owned())
}

/// `7 / 1 / 5`, for tables.
pub fn slashed(m: MedalCount) -> String {
    format!("{} / {} / {}", m.gold, m.silver, m.bronze)
}

/// `7 gold, 1 silver, 5 bronze`, for prose.
pub fn in_words(m: MedalCount) -> String {
    format!("{} gold, {} silver, {} bronze", m.gold, m.silver, m.bronze)
}

/// `12th of 80`, or `unranked`.
pub fn rank_text(r: Option<&Rank>) -> String {
    r.map_or_else(
        || "unranked".to_owned(),
        |r| format!("{} of {}", r.ordinal(), r.of),
    )
}

/// `12`, `23=`, or `unranked`.
pub fn rank_short(r: Option<&Rank>) -> String {
    r.map_or_else(|| "unranked".to_owned(), |r| r.display.clone())
}

/// The date the now view stands at, or "the data's date".
pub fn now_date(s: &Stats) -> String {
    stats::as_of(s.delegation.now_as_of)
}

/// The date of the all-nation table behind the ranks now, or "the data's date".
pub fn table_date(s: &Stats) -> String {
    stats::as_of(s.delegation.table_as_of())
}

/// What the world revision ledger's coverage of these Games means for medals now, when it gives
/// them: nothing to add where it covers the Games fully.
pub fn ledger_caveat(s: &Stats) -> Option<&'static str> {
    match s.delegation.ledger.as_ref()?.completeness {
        Completeness::Complete => None,
        Completeness::Partial => {
            Some("medals now may differ: changes after these Games are not all recorded")
        }
    }
}
