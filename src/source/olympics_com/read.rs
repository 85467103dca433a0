//! What both layouts' readers share: the people, events and medals read so far, the checks that
//! tie them together, and the last step that gives each event its kind, category and day.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Award, Births, Contest, OlympicsCom, Person, Set, sports};
use crate::date::Date;
use crate::error::{Error, Problems};
use crate::model::{Category, Kind, Medal};

/// The set as read so far. Problems are collected, and `finish` fails with all of them.
pub struct Reader {
    pub p: Problems,
    pub set: Set,
    pub people: Vec<Person>,
    /// A person's code to their index.
    pub by_code: HashMap<String, usize>,
    pub person_events: Vec<BTreeSet<usize>>,
    pub events: Vec<Contest>,
    event_index: HashMap<(String, String), usize>,
    /// Per event: who it is for, as the medal rows say.
    hints: Vec<BTreeSet<Category>>,
    pub awards: Vec<Award>,
    /// (event, person) to the line of the medal row giving it, for duplicates.
    awarded: HashMap<(usize, usize), u64>,
    pub nocs: BTreeMap<String, String>,
}

impl Reader {
    pub fn new(set: Set) -> Self {
        Self {
            p: Problems::default(),
            set,
            people: Vec::new(),
            by_code: HashMap::new(),
            person_events: Vec::new(),
            events: Vec::new(),
            event_index: HashMap::new(),
            hints: Vec::new(),
            awards: Vec::new(),
            awarded: HashMap::new(),
            nocs: BTreeMap::new(),
        }
    }

    /// The event of `discipline` named `name`, added when new.
    pub fn event(&mut self, discipline: &str, name: &str) -> usize {
        let key = (discipline.to_owned(), name.to_owned());
        if let Some(&e) = self.event_index.get(&key) {
            return e;
        }
        self.events.push(Contest {
            discipline: discipline.to_owned(),
            name: name.to_owned(),
            category: Category::Mixed,
            kind: Kind::Individual,
            date: None,
        });
        self.hints.push(BTreeSet::new());
        self.event_index.insert(key, self.events.len() - 1);
        self.events.len() - 1
    }

    /// Adds a person; their code must be new (checked by the caller, who knows the field).
    pub fn person(&mut self, person: Person) -> usize {
        let i = self.people.len();
        self.by_code.insert(person.code.clone(), i);
        self.people.push(person);
        self.person_events.push(BTreeSet::new());
        i
    }

    /// Who event `e` is for, as one medal row says.
    pub fn hint(&mut self, e: usize, category: Category) {
        if let Some(h) = self.hints.get_mut(e) {
            h.insert(category);
        }
    }

    /// A medal of `person` in event `e`, from `file`'s `line`: the person is entered in the
    /// event, and a second medal of one person in one event is refused.
    pub fn award(
        &mut self,
        file: &str,
        line: u64,
        e: usize,
        person: usize,
        medal: Medal,
        date: Date,
    ) {
        if let Some(first) = self.awarded.insert((e, person), line) {
            let why = format!(
                "this athlete already has a medal in this event (line {first}); each medallist is listed once per event"
            );
            let name = self.people[person].listed_as.clone();
            self.p.field(file, line, "name", &name, why);
            return;
        }
        self.person_events[person].insert(e);
        self.awards.push(Award {
            event: e,
            person,
            medal,
            date,
        });
    }

    /// A nation's name as a file gives it (the first name given wins).
    pub fn nation(&mut self, noc: &str, name: &str) {
        if !name.is_empty() && name != noc {
            self.nocs
                .entry(noc.to_owned())
                .or_insert_with(|| name.to_owned());
        }
    }

    /// The set, each event with its kind (crew or team when every medal of it went to two or
    /// more athletes of one nation), category (from the medal rows, else its name) and day (of
    /// its last medal). Fails with every problem found.
    pub fn finish(
        mut self,
        dir: &str,
        dates: (Date, Date, bool),
        births: Option<Births>,
    ) -> Result<OlympicsCom, Error> {
        if self.p.total > 0 {
            return Err(self.p.into_error());
        }
        let mut groups: HashMap<(usize, Medal, &str), usize> = HashMap::new();
        for a in &self.awards {
            *groups
                .entry((a.event, a.medal, self.people[a.person].noc.as_str()))
                .or_default() += 1;
        }
        let mut shared = vec![true; self.events.len()];
        let mut medalled = vec![false; self.events.len()];
        for (&(e, _, _), &n) in &groups {
            shared[e] &= n >= 2;
            medalled[e] = true;
        }
        for (e, c) in self.events.iter_mut().enumerate() {
            c.kind = if !(medalled[e] && shared[e]) {
                Kind::Individual
            } else if sports::is_team_sport(&c.discipline) {
                Kind::Team
            } else {
                Kind::Crew
            };
            let hints = &self.hints[e];
            c.category = match hints.iter().next() {
                Some(&only) if hints.len() == 1 => only,
                Some(_) => Category::Mixed,
                None => category_of_name(&c.name),
            };
        }
        for a in &self.awards {
            let day = &mut self.events[a.event].date;
            *day = Some(day.map_or(a.date, |d| d.max(a.date)));
        }
        let (opening, closing, dates_in_files) = dates;
        Ok(OlympicsCom {
            set: self.set,
            dir: dir.to_owned(),
            people: self.people,
            person_events: self.person_events,
            events: self.events,
            awards: self.awards,
            nocs: self.nocs,
            opening,
            closing,
            dates_in_files,
            births,
            revised: None,
        })
    }
}

/// Men's, women's or mixed from an event's name, for an event no medal row describes.
fn category_of_name(name: &str) -> Category {
    if name.starts_with("Men") {
        Category::Men
    } else if name.starts_with("Women") {
        Category::Women
    } else {
        Category::Mixed
    }
}

/// A day as `2026-02-07`, or with a time as the 2021–22 sets write it (`2022-02-05 00:00:00.0`).
pub fn day(text: &str) -> Option<Date> {
    match text.split_once(' ') {
        Some((d, time))
            if time
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.') =>
        {
            Date::parse(d)
        }
        Some(_) => None,
        None => Date::parse(text),
    }
}

/// A birth date as the 2026 supplement writes it: `MM/DD/YYYY`, the day sometimes unpadded.
pub fn us_day(text: &str) -> Option<Date> {
    let mut parts = text.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(m, 1..=2) || !digits(d, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A three-letter NOC code in capitals.
pub fn is_noc(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// An athlete's code: digits, at most 16.
pub fn is_code(text: &str) -> bool {
    !text.is_empty() && text.len() <= 16 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The number of an olympics.com profile link
/// (`../../../en/results/judo/athlete-profile-n1346266-smetov-yeldos.htm` → `1346266`).
pub fn profile_code(link: &str) -> Option<&str> {
    let rest = link.split("athlete-profile-n").nth(1)?;
    let code = rest.split('-').next()?;
    is_code(code).then_some(code)
}

/// A list of `{'discipline': …, 'event': …}` items written Python-style, as the 2026 athletes'
/// `events` column has them: the (discipline, event) pairs, or `None` when the text is not such
/// a list.
pub fn entered(text: &str) -> Option<Vec<(String, String)>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    let mut chars = inner.chars().peekable();
    let mut out = Vec::new();
    let skip = |chars: &mut std::iter::Peekable<std::str::Chars>| {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
    };
    loop {
        skip(&mut chars);
        if chars.peek().is_none() {
            break;
        }
        if chars.next()? != '{' {
            return None;
        }
        let mut fields: BTreeMap<String, String> = BTreeMap::new();
        loop {
            skip(&mut chars);
            if chars.next_if_eq(&'}').is_some() {
                break;
            }
            let key = quoted_text(&mut chars)?;
            skip(&mut chars);
            if chars.next()? != ':' {
                return None;
            }
            skip(&mut chars);
            let value = quoted_text(&mut chars)?;
            fields.insert(key, value);
            skip(&mut chars);
            match chars.next()? {
                ',' => {}
                '}' => break,
                _ => return None,
            }
        }
        out.push((fields.remove("discipline")?, fields.remove("event")?));
        skip(&mut chars);
        match chars.next() {
            None => break,
            Some(',') => {}
            Some(_) => return None,
        }
    }
    Some(out)
}

/// A string in single or double quotes, with backslash escapes.
fn quoted_text(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<String> {
    let quote = chars.next().filter(|&c| c == '\'' || c == '"')?;
    let mut text = String::new();
    loop {
        match chars.next()? {
            '\\' => text.push(chars.next()?),
            c if c == quote => return Some(text),
            c => text.push(c),
        }
    }
}
