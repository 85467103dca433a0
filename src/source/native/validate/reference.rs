//! `reference.csv` (the published figures the briefing reconciles against) and `sources.csv`.

use std::collections::HashMap;

use super::checker::{At, Checker, MAX_COUNT, parse_count};
use crate::date::PartialDate;
use crate::model::*;
use crate::source::csv::Table;
use crate::source::native::records::{ReferenceRow, SourceRow};

impl Checker {
    pub(super) fn reference(&mut self, table: &Table<ReferenceRow>) -> Vec<Published> {
        let mut seen = HashMap::new();
        let mut published = Vec::new();
        let keys = ReferenceKey::ALL.map(ReferenceKey::name).join(", ");
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let key = self.need(
                at,
                "key",
                &r.key,
                ReferenceKey::parse,
                &format!("one of {keys}"),
            );
            let Some(key) = key else { continue };
            if !self.unique(&mut seen, at, "key", &r.key) {
                continue;
            }
            let shape = key.shape();
            let value = self.need(
                at,
                "published",
                &r.published,
                |v| parse_published(shape, v),
                shape.expected(),
            );
            let where_ = self.text(at, "where", &r.where_);
            if let (Some(value), Some(where_)) = (value, where_) {
                published.push(Published {
                    key,
                    text: r.published.clone(),
                    value,
                    where_,
                });
            }
        }
        published
    }

    pub(super) fn sources(&mut self, table: &Table<SourceRow>) -> Vec<Citation> {
        let mut sources = Vec::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let name = self.text(at, "name", &r.name);
            let covers = self.text(at, "covers", &r.covers);
            let as_of = self.optional(
                at,
                "as_of",
                &r.as_of,
                PartialDate::parse,
                "a date YYYY-MM-DD, YYYY-MM or YYYY, or blank",
            );
            if let (Some(name), Some(covers), Some(as_of)) = (name, covers, as_of) {
                sources.push(Citation {
                    name,
                    covers,
                    as_of,
                    reference: r.reference.clone(),
                });
            }
        }
        sources
    }
}

/// Parses a published value of the given shape; `None` when it does not fit.
pub fn parse_published(shape: ValueShape, v: &str) -> Option<PublishedValue> {
    match shape {
        ValueShape::Number => parse_count(v).map(|n| PublishedValue::Number(i64::from(n))),
        ValueShape::SignedNumber => v
            .strip_prefix('+')
            .unwrap_or(v)
            .parse::<i64>()
            .ok()
            .filter(|n| n.unsigned_abs() <= u64::from(MAX_COUNT))
            .map(PublishedValue::Number),
        ValueShape::Medals => {
            let (parts, total) = v.split_once('=')?;
            let counts: Vec<u32> = parts
                .split('/')
                .map(|p| parse_count(p.trim()))
                .collect::<Option<_>>()?;
            let total = parse_count(total.trim())?;
            let [g, s, b] = counts[..] else { return None };
            (g + s + b == total).then_some(PublishedValue::Medals([g, s, b]))
        }
        ValueShape::Rank => {
            let (number, shared) = match v.strip_suffix('=') {
                Some(n) => (n, true),
                None => (v, false),
            };
            let rank = parse_count(number).filter(|&r| r > 0)?;
            Some(PublishedValue::Rank { rank, shared })
        }
        ValueShape::Names => {
            let names: Vec<String> = v.split(';').map(|n| n.trim().to_owned()).collect();
            names
                .iter()
                .all(|n| !n.is_empty())
                .then_some(PublishedValue::Names(names))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_medals_must_add_up() {
        assert_eq!(
            parse_published(ValueShape::Medals, "7/1/5=13"),
            Some(PublishedValue::Medals([7, 1, 5]))
        );
        assert_eq!(parse_published(ValueShape::Medals, "7/1/5=12"), None);
        assert_eq!(parse_published(ValueShape::Medals, "7/1=8"), None);
        assert_eq!(parse_published(ValueShape::Medals, "seven"), None);
        assert_eq!(
            parse_published(ValueShape::Medals, "4294967295/1/0=0"),
            None,
            "no overflow"
        );
    }

    #[test]
    fn published_ranks_and_numbers() {
        assert_eq!(
            parse_published(ValueShape::Rank, "23="),
            Some(PublishedValue::Rank {
                rank: 23,
                shared: true
            })
        );
        assert_eq!(parse_published(ValueShape::Rank, "0"), None);
        assert_eq!(
            parse_published(ValueShape::SignedNumber, "-15"),
            Some(PublishedValue::Number(-15))
        );
        assert_eq!(parse_published(ValueShape::Number, "-15"), None);
        assert_eq!(parse_published(ValueShape::Names, "A; ;B"), None);
    }
}
