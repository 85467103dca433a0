//! `athletes.csv`: each athlete's code, name, sex, NOC, date of birth, disciplines and the events
//! they entered, checked against the events read before.

use std::collections::BTreeSet;

use super::Reader;
use super::sheet::Sheet;
use super::values::{day, display_name, is_code, list};
use crate::date::Date;
use crate::model::Sex;
use crate::source::paris::Person;

/// Items of an athlete's events list that are not events when their discipline has no event of
/// the name: swimmers named for relays only, and artistic gymnasts' "Men" or "Women" (the
/// qualification every gymnast enters, not a medal event).
const NOT_EVENTS: [&str; 3] = ["Relay Only Athlete", "Men", "Women"];

impl Reader {
    pub(super) fn athletes(&mut self, sheet: &Sheet) {
        for (line, f) in &sheet.rows {
            self.athlete(&sheet.file, *line, f);
        }
    }

    /// One row: every field checked, in column order; the athlete is listed when all are well,
    /// and otherwise their code is kept as refused.
    fn athlete(&mut self, file: &str, line: u64, f: &[String]) {
        let [code, name, gender, noc, disciplines, events, birth] =
            [0, 1, 2, 3, 4, 5, 6].map(|i| &f[i]);
        let mut ok = self.code_ok(file, line, code);
        if name.is_empty() {
            self.p
                .field(file, line, "name", name, "the athlete has no name");
            ok = false;
        }
        let sex = self.sex(file, line, gender);
        ok &= self.noc_ok(file, line, "country_code", noc);
        let birth = self.birth(file, line, birth);
        ok &= birth.is_some();
        let disciplines = self.disciplines(file, line, disciplines);
        ok &= disciplines.is_some();
        let disciplines = disciplines.unwrap_or_default();
        let (entered, events_ok) = self.entered(file, line, events, &disciplines);
        ok &= events_ok;
        let (Some(sex), Some(birth), true) = (sex, birth, ok) else {
            if is_code(code) && !self.person_index.contains_key(code) {
                self.refused.insert(code.clone());
            }
            return;
        };
        self.person_index.insert(code.clone(), self.people.len());
        self.people.push(Person {
            code: code.clone(),
            name: display_name(name),
            listed_as: name.clone(),
            sex,
            noc: noc.clone(),
            disciplines,
            birth,
            alternate: f[7] == "Alternate Athlete",
            competed: false,
            only_in_results: None,
        });
        self.person_events.push(entered);
    }

    /// Whether `code` is an athlete's code given to no athlete before.
    fn code_ok(&mut self, file: &str, line: u64, code: &str) -> bool {
        if !is_code(code) {
            self.p.field(
                file,
                line,
                "code",
                code,
                "expected the athlete's code, digits such as 1532872",
            );
            false
        } else if self.person_index.contains_key(code) {
            self.p.field(
                file,
                line,
                "code",
                code,
                "the code is given to two athletes",
            );
            false
        } else {
            true
        }
    }

    fn sex(&mut self, file: &str, line: u64, gender: &str) -> Option<Sex> {
        match gender {
            "Male" => Some(Sex::Male),
            "Female" => Some(Sex::Female),
            _ => {
                self.p
                    .field(file, line, "gender", gender, "expected Male or Female");
                None
            }
        }
    }

    /// The date of birth, `Some(None)` when not given; `None` when it is wrong (reported).
    fn birth(&mut self, file: &str, line: u64, birth: &str) -> Option<Option<Date>> {
        if birth.is_empty() {
            return Some(None);
        }
        let date = day(birth).filter(|d| (1900..=2020).contains(&d.year()));
        if date.is_none() {
            self.p.field(file, line, "birth_date", birth, "expected a date of birth as 1991-10-21 or 21-10-1991, from 1900 to 2020, or nothing");
            return None;
        }
        Some(date)
    }

    /// The disciplines listed; `None` when the list is not one or holds an empty name (reported).
    fn disciplines(&mut self, file: &str, line: u64, text: &str) -> Option<Vec<String>> {
        match list(text) {
            Some(d) if !d.is_empty() && d.iter().all(|x| !x.is_empty()) => Some(d),
            _ => {
                self.p.field(
                    file,
                    line,
                    "disciplines",
                    text,
                    "expected a list of disciplines such as ['Judo']",
                );
                None
            }
        }
    }

    /// The events entered, found among the athlete's `disciplines`, and whether every one was
    /// (an event not found is reported while the files before were free of problems).
    fn entered(
        &mut self,
        file: &str,
        line: u64,
        events: &str,
        disciplines: &[String],
    ) -> (BTreeSet<usize>, bool) {
        let mut entered = BTreeSet::new();
        let Some(names) = list(events) else {
            self.p.field(
                file,
                line,
                "events",
                events,
                "expected a list of events such as [\"Men's -60 kg\"]",
            );
            return (entered, false);
        };
        let mut ok = true;
        for event in &names {
            let found = disciplines
                .iter()
                .find_map(|d| self.event_index.get(&(d.clone(), event.clone())));
            match found {
                Some(&e) => {
                    entered.insert(e);
                }
                None if NOT_EVENTS.contains(&event.as_str()) => {}
                None if !self.complete => ok = false,
                None => {
                    self.p.field(
                        file,
                        line,
                        "events",
                        events,
                        format!(
                            "no event {} of the athlete's disciplines ({}) is in events.csv",
                            crate::error::quoted(event),
                            disciplines.join(", ")
                        ),
                    );
                    ok = false;
                }
            }
        }
        (entered, ok)
    }
}
