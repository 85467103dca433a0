//! The Games' own lists: the events (`events.csv`), the NOCs (`nocs.csv`) and the days of the
//! schedule (`schedules.csv`); and an event looked up by discipline and name for the other files.

use std::collections::{BTreeMap, BTreeSet};

use super::Reader;
use super::sheet::Sheet;
use super::values::day;
use crate::date::Date;
use crate::model::{Category, Kind};
use crate::source::paris::Contest;

impl Reader {
    pub(super) fn events(&mut self, sheet: &Sheet) {
        for (line, f) in &sheet.rows {
            let (name, discipline) = (&f[0], &f[1]);
            if name.is_empty() {
                self.p
                    .field(&sheet.file, *line, "event", name, "the event has no name");
                continue;
            }
            if discipline.is_empty() {
                self.p.field(
                    &sheet.file,
                    *line,
                    "sport",
                    discipline,
                    "the event has no sport (an olympics.com discipline such as Judo)",
                );
                continue;
            }
            let key = (discipline.clone(), name.clone());
            if self.event_index.contains_key(&key) {
                self.p.field(
                    &sheet.file,
                    *line,
                    "event",
                    name,
                    format!("the event is listed twice for {discipline}"),
                );
                continue;
            }
            self.event_index.insert(key, self.events.len());
            self.events.push(Contest {
                discipline: discipline.clone(),
                name: name.clone(),
                category: Category::Mixed,
                kind: Kind::Individual,
                date: None,
            });
        }
    }

    pub(super) fn nocs(&mut self, sheet: &Sheet) -> BTreeMap<String, String> {
        let mut nocs = BTreeMap::new();
        for (line, f) in &sheet.rows {
            // The short name, but where it is only the code (EOR) the long one (Refugee Olympic
            // Team).
            let (code, short, long) = (&f[0], &f[1], &f[2]);
            let country = if short == code && !long.is_empty() {
                long
            } else {
                short
            };
            if !self.noc_ok(&sheet.file, *line, "code", code) {
                continue;
            }
            if country.is_empty() {
                self.p.field(
                    &sheet.file,
                    *line,
                    "country",
                    country,
                    "the NOC has no country name",
                );
            } else if nocs.insert(code.clone(), country.clone()).is_some() {
                self.p
                    .field(&sheet.file, *line, "code", code, "the NOC is listed twice");
            }
        }
        nocs
    }

    /// The Games' opening and closing days: the days of the opening and closing ceremonies, or
    /// else the first and last days of the schedule.
    pub(super) fn schedule(&mut self, sheet: &Sheet) -> (Option<Date>, Option<Date>) {
        let mut days = BTreeSet::new();
        let (mut opening, mut closing) = (None, None);
        for (line, f) in &sheet.rows {
            let Some(d) = day(&f[0]).filter(|d| (2024..=2025).contains(&d.year())) else {
                self.p.field(
                    &sheet.file,
                    *line,
                    "day",
                    &f[0],
                    "expected a day of the Games such as 27-07-2024",
                );
                continue;
            };
            days.insert(d);
            match f[1].as_str() {
                "Opening Ceremony" => opening = Some(d),
                "Closing Ceremony" => closing = Some(d),
                _ => {}
            }
        }
        (
            opening.or_else(|| days.first().copied()),
            closing.or_else(|| days.last().copied()),
        )
    }

    /// The event of `discipline` named `event`; a problem in `field` when events.csv has none.
    pub(super) fn event_at(
        &mut self,
        file: &str,
        line: u64,
        discipline: &str,
        event: &str,
        field: &str,
    ) -> Option<usize> {
        let found = self
            .event_index
            .get(&(discipline.to_owned(), event.to_owned()))
            .copied();
        if found.is_none() {
            self.p.field(
                file,
                line,
                field,
                event,
                format!(
                    "events.csv has no event of this name in {}",
                    crate::error::quoted(discipline)
                ),
            );
        }
        found
    }
}
