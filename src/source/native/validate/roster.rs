//! `athletes.csv`, `events.csv` and `entries.csv`: who competed in what, each row on its own and
//! then across the three files (every athlete and every event has an entry).

use std::collections::{BTreeSet, HashMap};

use super::checker::{At, Broken, Checker, Target};
use crate::date::Date;
use crate::model::*;
use crate::source::csv::{Record, Table};
use crate::source::native::records::{AthleteRow, EntryRow, EventRow};

impl Checker {
    pub(super) fn athletes(&mut self, table: &Table<AthleteRow>) -> Vec<Athlete> {
        let mut seen = HashMap::new();
        let mut athletes = Vec::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let id = self.id(at, "id", &r.id);
            let unique = id
                .as_deref()
                .is_none_or(|id| self.unique(&mut seen, at, "id", id));
            let name = self.text(at, "name", &r.name);
            let sex = self.need(at, "sex", &r.sex, Sex::parse, "M or F");
            let age = self.optional(
                at,
                "age",
                &r.age,
                |v| v.parse::<u32>().ok().filter(|a| (10..=99).contains(a)),
                "an age in years from 10 to 99, or blank when unknown",
            );
            let sport = self.text(at, "sport", &r.sport);
            let discipline = self.text(at, "discipline", &r.discipline);
            self.optional(
                at,
                "kaggle_id",
                &r.kaggle_id,
                |v| v.parse::<u64>().ok(),
                "a whole number, or blank",
            );
            let other_names = r
                .other_names
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            if let (
                Some(id),
                Some(name),
                Some(sex),
                Some(age),
                Some(sport),
                Some(discipline),
                true,
            ) = (id.clone(), name, sex, age, sport, discipline, unique)
            {
                athletes.push(Athlete {
                    id,
                    name,
                    sex,
                    age,
                    sport,
                    discipline,
                    other_names,
                });
            } else {
                // A duplicate's id still names the first row, which stands.
                self.drop_row(id.filter(|_| unique).map(Broken::Athlete));
            }
        }
        athletes.sort_by(|a, b| a.id.cmp(&b.id));
        athletes
    }

    pub(super) fn events(
        &mut self,
        table: &Table<EventRow>,
        delegation: Option<&Delegation>,
    ) -> Vec<Event> {
        let mut seen = HashMap::new();
        let mut events = Vec::new();
        let mut disciplines: HashMap<String, (String, u64)> = HashMap::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let id = self.id(at, "id", &r.id);
            let unique = id
                .as_deref()
                .is_none_or(|id| self.unique(&mut seen, at, "id", id));
            let sport = self.text(at, "sport", &r.sport);
            let discipline = self.text(at, "discipline", &r.discipline);
            let name = self.text(at, "name", &r.name);
            let category = self.need(
                at,
                "category",
                &r.category,
                Category::parse,
                "men, women or mixed",
            );
            let kind = self.need(at, "kind", &r.kind, Kind::parse, "individual, crew or team");
            let date = self.optional(
                at,
                "date",
                &r.date,
                Date::parse,
                "a date YYYY-MM-DD, or blank",
            );
            if let (Some(sport), Some(discipline)) = (&sport, &discipline) {
                match disciplines.get(discipline) {
                    Some((other, line)) if other != sport => self.push(at, "sport", sport, format!(
                        "the discipline `{discipline}` is under {other} on line {line}; a discipline belongs to one sport")),
                    Some(_) => {}
                    None => {
                        disciplines.insert(discipline.clone(), (sport.clone(), at.line));
                    }
                }
            }
            if let (Some(Some(date)), Some(Some(opening)), Some(Some(closing))) = (
                date,
                delegation.map(|d| d.opening),
                delegation.map(|d| d.closing),
            ) {
                if date < opening || date > closing {
                    self.push(
                        at,
                        "date",
                        &r.date,
                        format!("the date is outside the Games ({} to {})", opening, closing),
                    );
                }
            }
            if let (
                Some(id),
                Some(sport),
                Some(discipline),
                Some(name),
                Some(category),
                Some(kind),
                Some(date),
                true,
            ) = (
                id.clone(),
                sport,
                discipline,
                name,
                category,
                kind,
                date,
                unique,
            ) {
                events.push(Event {
                    id,
                    sport,
                    discipline,
                    name,
                    category,
                    kind,
                    date,
                });
            } else {
                self.drop_row(id.filter(|_| unique).map(Broken::Event));
            }
        }
        events.sort_by(|a, b| a.id.cmp(&b.id));
        events
    }

    pub(super) fn entries(
        &mut self,
        table: &Table<EntryRow>,
        athletes: &[Athlete],
        events: &[Event],
        athlete_ids: &HashMap<String, usize>,
        event_ids: &HashMap<String, usize>,
    ) -> Vec<Entry> {
        let mut seen: HashMap<(usize, usize), u64> = HashMap::new();
        let mut entries = Vec::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let Some(entry) = self.entry_fields(at, r, athlete_ids, event_ids) else {
                self.drop_row(Some(Broken::entry(&r.athlete, &r.event)));
                self.broken.insert(Broken::EntriesOf(r.athlete.clone()));
                self.broken.insert(Broken::EntriesIn(r.event.clone()));
                continue;
            };
            if let Some(first) = seen.insert((entry.athlete, entry.event), at.line) {
                self.push(
                    at,
                    "event",
                    &r.event,
                    format!(
                        "the athlete `{}` is already entered in this event on line {first}",
                        r.athlete
                    ),
                );
                continue;
            }
            self.entry_agrees(
                at,
                r,
                &entry,
                &athletes[entry.athlete],
                &events[entry.event],
            );
            entries.push(entry);
        }
        entries
    }

    /// An entry's fields, each read and checked on its own; `None` when any is missing or invalid.
    fn entry_fields(
        &mut self,
        at: At<'_>,
        r: &EntryRow,
        athlete_ids: &HashMap<String, usize>,
        event_ids: &HashMap<String, usize>,
    ) -> Option<Entry> {
        let athlete = self.lookup(at, ("athlete", &r.athlete), athlete_ids, Target::Athlete);
        let event = self.lookup(at, ("event", &r.event), event_ids, Target::Event);
        let status = self.need(
            at,
            "status",
            &r.status,
            Status::parse,
            "competed, dnf, dq or dns",
        );
        let place = self.optional(
            at,
            "place",
            &r.place,
            Place::parse,
            "a place such as 3, =3 or 7 h1 r1/3, or blank",
        );
        let medal = self.optional(
            at,
            "medal",
            &r.medal,
            Medal::parse,
            "gold, silver, bronze or blank",
        );
        Some(Entry {
            athlete: athlete?,
            event: event?,
            status: status?,
            place: place?,
            medal_awarded: medal?,
            medal_now: medal?,
        })
    }

    /// An entry agrees with its athlete and event (sex, sport), and its status with its place and
    /// medal.
    fn entry_agrees(&mut self, at: At<'_>, r: &EntryRow, entry: &Entry, a: &Athlete, e: &Event) {
        if !e.category.admits(a.sex) {
            self.push(at, "athlete", &r.athlete, format!(
                "the athlete is recorded as {} in athletes.csv but entered in a {} event (`{}`); an athlete has one sex",
                a.sex.word(), e.category.possessive(), e.id));
        }
        if a.sport != e.sport {
            self.push(at, "event", &r.event, format!(
                "the event is in {} but the athlete `{}` is listed under {} in athletes.csv; an athlete has one sport",
                e.sport, a.id, a.sport));
        }
        let status = entry.status;
        if status != Status::Competed && entry.place.is_some() {
            self.push(
                at,
                "place",
                &r.place,
                format!(
                    "an entry with status {} has no place; leave it blank",
                    status.name()
                ),
            );
        }
        if let Some(m) = entry.medal_awarded {
            let allowed = status == Status::Competed
                || e.kind == Kind::Team && status == Status::Dns
                // A medal stripped later: the status records the disqualification, the ledger the change.
                || status == Status::Dq;
            if !allowed {
                self.push(
                    at,
                    "medal",
                    &r.medal,
                    format!(
                        "an entry with status {} cannot hold a {m} medal",
                        status.name()
                    ),
                );
            }
        }
    }

    pub(super) fn athletes_have_entries(
        &mut self,
        table: &Table<AthleteRow>,
        athletes: &[Athlete],
        entries: &[Entry],
        events: &[Event],
    ) {
        if self.broken.contains(&Broken::File(EntryRow::FILE)) {
            return;
        }
        let mut disciplines: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); athletes.len()];
        for entry in entries {
            disciplines[entry.athlete].insert(&events[entry.event].discipline);
        }
        for row in &table.rows {
            let Some(i) = athletes.iter().position(|a| a.id == row.data.id) else {
                continue;
            };
            if self
                .broken
                .contains(&Broken::EntriesOf(row.data.id.clone()))
            {
                continue;
            }
            let at = At::of(table, row);
            if disciplines[i].is_empty() {
                self.push(at, "id", &row.data.id, "the athlete has no entry in entries.csv; every athlete of the delegation needs one (status dns for a non-starter)");
            } else if !disciplines[i].contains(athletes[i].discipline.as_str()) {
                self.push(
                    at,
                    "discipline",
                    &row.data.discipline,
                    format!(
                        "none of the athlete's entries is in this discipline (they are in {})",
                        disciplines[i]
                            .iter()
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }

    pub(super) fn events_have_entries(
        &mut self,
        table: &Table<EventRow>,
        events: &[Event],
        entries: &[Entry],
    ) {
        if self.broken.contains(&Broken::File(EntryRow::FILE)) {
            return;
        }
        let entered: BTreeSet<usize> = entries.iter().map(|e| e.event).collect();
        for row in &table.rows {
            let Some(i) = events.iter().position(|e| e.id == row.data.id) else {
                continue;
            };
            if !entered.contains(&i)
                && !self
                    .broken
                    .contains(&Broken::EntriesIn(row.data.id.clone()))
            {
                self.push(At::of(table, row), "id", &row.data.id, "no entry in entries.csv is in this event; list only events the delegation entered");
            }
        }
    }
}
