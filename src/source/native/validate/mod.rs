//! Raw rows to a typed, cross-checked `Dataset`, or every problem found.
//!
//! Checks run in two passes: each row on its own (types, allowed values), then across rows and
//! files (ids, counting rules, the revision ledger, totals). A row that fails the first pass is left
//! out of the second, and references to it are not reported again; once any row is left out, the
//! checks of totals are skipped too, so one mistake is reported once.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::date::{Date, PartialDate};
use crate::error::{DataError, Error};
use crate::model::*;
use crate::source::csv::{AthleteRow, EventRow, RawDataset, Record, Row, Table};

/// The largest count of athletes or medals accepted: far above any real delegation, far below
/// where sums could overflow.
const MAX_COUNT: u32 = 100_000;
const COUNT_EXPECTED: &str = "a whole number from 0 to 100000";
/// The longest Games accepted (Paris 1900 and London 1908 ran for about six months).
const MAX_GAMES_DAYS: i64 = 200;

fn parse_count(v: &str) -> Option<u32> {
    v.parse::<u32>().ok().filter(|&n| n <= MAX_COUNT)
}

/// Checks everything and builds the dataset; `Err` holds every problem, reading problems first.
pub fn dataset(raw: RawDataset) -> Result<Dataset, Error> {
    let mut c = Checker {
        errors: raw.errors.clone(),
        broken: raw
            .partial
            .iter()
            .map(|file| format!("file:{file}"))
            .collect(),
        incomplete: !raw.errors.is_empty(),
    };
    let athletes = c.athletes(&raw.athletes);
    let athlete_ids = index(&athletes, |a| &a.id);
    let delegation = c.delegation(&raw.delegation, &athlete_ids);
    let events = c.events(&raw.events, delegation.as_ref());
    let event_ids = index(&events, |e| &e.id);
    let mut entries = c.entries(&raw.entries, &athletes, &events, &athlete_ids, &event_ids);
    c.athletes_have_entries(&raw.athletes, &athletes, &entries, &events);
    c.events_have_entries(&raw.events, &events, &entries);
    let revisions = c.revisions(
        &raw.revisions,
        &mut entries,
        &events,
        &athlete_ids,
        &event_ids,
        delegation.as_ref(),
    );
    c.event_medals(&raw.entries, &entries, &athletes, &events);
    let (table_awarded, table_now) =
        c.medal_tables(&raw.medal_table, delegation.as_ref(), &entries, &events);
    let history = c.history(
        &raw.history,
        delegation.as_ref(),
        &athletes,
        &entries,
        &events,
    );
    c.appearance_number(&raw.delegation, delegation.as_ref(), &history);
    let history_sports =
        c.history_sports(&raw.history_sports, delegation.as_ref(), &entries, &events);
    let reference = c.reference(&raw.reference);
    let sources = c.sources(&raw.sources);

    if !c.errors.is_empty() {
        return Err(Error::Data(c.errors));
    }
    let Some(delegation) = delegation else {
        // Unreachable in practice: a missing delegation always records an error above.
        return Err(Error::Data(vec![DataError::new(
            &raw.delegation.file,
            None,
            "no delegation",
        )]));
    };
    Ok(Dataset {
        coverage: crate::model::Coverage::FULL,
        delegation,
        athletes,
        events,
        entries,
        revisions,
        history,
        history_sports,
        table_awarded,
        table_now,
        reference,
        sources,
    })
}

fn index<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item).clone(), i))
        .collect()
}

/// Collects problems while reading fields.
struct Checker {
    errors: Vec<DataError>,
    /// Rows that exist but failed their own checks, by kind and id (`athlete:x`, `entry:a/e`):
    /// references to them are not reported again.
    broken: HashSet<String>,
    /// Some row was left out, so totals computed from the rest would be wrong: skip checks on totals.
    incomplete: bool,
}

/// The position of one row, for messages.
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'a str,
    line: u64,
}

impl<'a> At<'a> {
    fn of<T>(table: &'a Table<T>, row: &Row<T>) -> Self {
        Self {
            file: &table.file,
            line: row.line,
        }
    }
}

impl Checker {
    fn push(&mut self, at: At<'_>, field: &str, value: &str, problem: impl Into<String>) {
        self.errors
            .push(DataError::field(at.file, at.line, field, value, problem));
    }

    /// A required value, parsed; records a problem and returns `None` when blank or invalid.
    fn need<T>(
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
    fn optional<T>(
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

    fn text(&mut self, at: At<'_>, field: &str, value: &str) -> Option<String> {
        self.need(at, field, value, |v| Some(v.to_owned()), "a non-empty text")
    }

    /// A reference to a row of `file`. A row that exists but is broken was reported already, and
    /// so was a file with an unreadable row: the reference is then dropped quietly.
    fn lookup(
        &mut self,
        at: At<'_>,
        (field, value): (&str, &str),
        ids: &HashMap<String, usize>,
        (kind, file): (&str, &str),
    ) -> Option<usize> {
        if let Some(&i) = ids.get(value) {
            return Some(i);
        }
        if self.broken.contains(&format!("{kind}:{value}"))
            || self.broken.contains(&format!("file:{file}"))
        {
            self.incomplete = true;
            return None;
        }
        let expected = format!("the id of an {kind} in {file}");
        self.need(at, field, value, |_| None::<usize>, &expected)
    }

    /// A count of athletes or medals: a whole number up to `MAX_COUNT`.
    fn count(&mut self, at: At<'_>, field: &str, value: &str) -> Option<u32> {
        self.need(at, field, value, parse_count, COUNT_EXPECTED)
    }

    fn year(&mut self, at: At<'_>, field: &str, value: &str) -> Option<i32> {
        self.need(
            at,
            field,
            value,
            |v| v.parse::<i32>().ok().filter(|y| (1896..=2100).contains(y)),
            "a year from 1896 to 2100",
        )
    }

    /// Notes a row left out after its own problems were reported.
    fn drop_row(&mut self, key: Option<String>) {
        self.incomplete = true;
        if let Some(key) = key {
            self.broken.insert(key);
        }
    }

    fn id(&mut self, at: At<'_>, field: &str, value: &str) -> Option<String> {
        self.need(
            at,
            field,
            value,
            |v| valid_id(v).then(|| v.to_owned()),
            "an id of letters, digits, `-`, `_` or `.` (no spaces)",
        )
    }

    /// Reports ids seen twice, naming the line of the first.
    fn unique(
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

    fn delegation(
        &mut self,
        table: &Table<crate::source::csv::DelegationRow>,
        athlete_ids: &HashMap<String, usize>,
    ) -> Option<Delegation> {
        if table.rows.len() != 1 {
            let line = table.rows.get(1).map_or(Some(1), |r| Some(r.line));
            self.errors.push(DataError::new(
                &table.file,
                line,
                format!(
                    "expected exactly one delegation row, found {}",
                    table.rows.len()
                ),
            ));
            return None;
        }
        let row = &table.rows[0];
        let at = At::of(table, row);
        let r = &row.data;
        let noc = self.need(
            at,
            "noc",
            &r.noc,
            |v| valid_noc(v).then(|| v.to_owned()),
            "a three-letter NOC code in capitals such as KAZ",
        );
        let nation = self.text(at, "nation", &r.nation);
        let games = self.text(at, "games", &r.games);
        let year = self.year(at, "year", &r.year);
        let season = self.need(
            at,
            "season",
            &r.season,
            |v| matches!(v, "Summer" | "Winter").then(|| v.to_owned()),
            "Summer or Winter",
        );
        let city = self.text(at, "city", &r.city);
        let opening = self.need(at, "opening", &r.opening, Date::parse, "a date YYYY-MM-DD");
        let closing = self.need(at, "closing", &r.closing, Date::parse, "a date YYYY-MM-DD");
        let appearance = self.optional(
            at,
            "appearance",
            &r.appearance,
            |v| v.parse::<u32>().ok().filter(|&n| n > 0),
            "a positive whole number",
        );
        let bearer = |c: &mut Self, field: &str, value: &str| -> Option<Option<usize>> {
            if value.is_empty() {
                return Some(None);
            }
            c.lookup(
                at,
                (field, value),
                athlete_ids,
                ("athlete", AthleteRow::FILE),
            )
            .map(Some)
        };
        let opening_bearer = bearer(self, "flag_bearer_opening", &r.flag_bearer_opening);
        let closing_bearer = bearer(self, "flag_bearer_closing", &r.flag_bearer_closing);
        let now_as_of = self.optional(
            at,
            "now_as_of",
            &r.now_as_of,
            PartialDate::parse,
            "a date YYYY-MM-DD, YYYY-MM or YYYY",
        );
        let now_table_as_of = self.optional(
            at,
            "now_table_as_of",
            &r.now_table_as_of,
            PartialDate::parse,
            "a date YYYY-MM-DD, YYYY-MM or YYYY",
        );

        let closing = match (opening, closing) {
            (Some(o), Some(c)) if c < o => {
                let problem = format!("the Games cannot close before they open ({o})");
                self.push(at, "closing", &r.closing, problem);
                None
            }
            (Some(o), Some(c)) if c.days_since_epoch() - o.days_since_epoch() > MAX_GAMES_DAYS => {
                let problem = format!(
                    "the Games cannot last more than {MAX_GAMES_DAYS} days (they open on {o})"
                );
                self.push(at, "closing", &r.closing, problem);
                None
            }
            (_, closing) => closing,
        };
        if let (Some(y), Some(o)) = (year, opening) {
            if o.year() != y {
                self.push(
                    at,
                    "opening",
                    &r.opening,
                    format!("the opening is not in the Games' year {y}"),
                );
            }
        }
        Some(Delegation {
            noc: noc?,
            nation: nation?,
            games: games?,
            year: year?,
            season: season?,
            edition: r.edition.clone(),
            city: city?,
            opening: Some(opening?),
            closing: Some(closing?),
            appearance: appearance?,
            flag_bearer_opening: opening_bearer?,
            flag_bearer_closing: closing_bearer?,
            now_as_of: now_as_of?,
            now_table_as_of: now_table_as_of?,
            now_table_note: r.now_table_note.clone(),
        })
    }

    fn athletes(&mut self, table: &Table<crate::source::csv::AthleteRow>) -> Vec<Athlete> {
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
                self.drop_row(id.filter(|_| unique).map(|id| format!("athlete:{id}")));
            }
        }
        athletes.sort_by(|a, b| a.id.cmp(&b.id));
        athletes
    }

    fn events(
        &mut self,
        table: &Table<crate::source::csv::EventRow>,
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
                self.drop_row(id.filter(|_| unique).map(|id| format!("event:{id}")));
            }
        }
        events.sort_by(|a, b| a.id.cmp(&b.id));
        events
    }

    fn entries(
        &mut self,
        table: &Table<crate::source::csv::EntryRow>,
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
            let athlete = self.lookup(
                at,
                ("athlete", &r.athlete),
                athlete_ids,
                ("athlete", AthleteRow::FILE),
            );
            let event = self.lookup(
                at,
                ("event", &r.event),
                event_ids,
                ("event", EventRow::FILE),
            );
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
            let (Some(athlete), Some(event), Some(status), Some(place), Some(medal)) =
                (athlete, event, status, place, medal)
            else {
                self.drop_row(Some(format!("entry:{}/{}", r.athlete, r.event)));
                self.broken.insert(format!("entries-of:{}", r.athlete));
                self.broken.insert(format!("entries-of-event:{}", r.event));
                continue;
            };
            if let Some(first) = seen.insert((athlete, event), at.line) {
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
            let (a, e) = (&athletes[athlete], &events[event]);
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
            if status != Status::Competed && place.is_some() {
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
            if let Some(m) = medal {
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
            entries.push(Entry {
                athlete,
                event,
                status,
                place,
                medal_awarded: medal,
                medal_now: medal,
            });
        }
        entries
    }

    fn athletes_have_entries(
        &mut self,
        table: &Table<crate::source::csv::AthleteRow>,
        athletes: &[Athlete],
        entries: &[Entry],
        events: &[Event],
    ) {
        if self
            .broken
            .contains(&format!("file:{}", crate::source::csv::EntryRow::FILE))
        {
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
            if self.broken.contains(&format!("entries-of:{}", row.data.id)) {
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

    fn events_have_entries(
        &mut self,
        table: &Table<EventRow>,
        events: &[Event],
        entries: &[Entry],
    ) {
        if self
            .broken
            .contains(&format!("file:{}", crate::source::csv::EntryRow::FILE))
        {
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
                    .contains(&format!("entries-of-event:{}", row.data.id))
            {
                self.push(At::of(table, row), "id", &row.data.id, "no entry in entries.csv is in this event; list only events the delegation entered");
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn revisions(
        &mut self,
        table: &Table<crate::source::csv::RevisionRow>,
        entries: &mut [Entry],
        events: &[Event],
        athlete_ids: &HashMap<String, usize>,
        event_ids: &HashMap<String, usize>,
        delegation: Option<&Delegation>,
    ) -> Vec<Revision> {
        let by_pair: HashMap<(usize, usize), usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.athlete, e.event), i))
            .collect();
        let mut revisions = Vec::new();
        let mut previous: Option<PartialDate> = None;
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let athlete = self.lookup(
                at,
                ("athlete", &r.athlete),
                athlete_ids,
                ("athlete", AthleteRow::FILE),
            );
            let event = self.lookup(
                at,
                ("event", &r.event),
                event_ids,
                ("event", EventRow::FILE),
            );
            let from = self.need(
                at,
                "from",
                &r.from,
                parse_change,
                "gold, silver, bronze or none",
            );
            let to = self.need(
                at,
                "to",
                &r.to,
                parse_change,
                "gold, silver, bronze or none",
            );
            let decided = self.need(
                at,
                "decided",
                &r.decided,
                PartialDate::parse,
                "a date YYYY-MM-DD, YYYY-MM or YYYY",
            );
            let reason = self.text(at, "reason", &r.reason);
            let source = self.text(at, "source", &r.source);
            let (
                Some(athlete),
                Some(event),
                Some(from),
                Some(to),
                Some(decided),
                Some(reason),
                Some(source),
            ) = (athlete, event, from, to, decided, reason, source)
            else {
                self.drop_row(Some(format!("ledger:{}/{}", r.athlete, r.event)));
                continue;
            };
            // An earlier row of this entry's ledger was left out: what follows cannot be checked.
            if self
                .broken
                .contains(&format!("ledger:{}/{}", r.athlete, r.event))
            {
                continue;
            }
            let Some(&entry) = by_pair.get(&(athlete, event)) else {
                if self
                    .broken
                    .contains(&format!("entry:{}/{}", r.athlete, r.event))
                {
                    self.incomplete = true;
                    continue;
                }
                self.push(
                    at,
                    "event",
                    &r.event,
                    format!(
                        "the athlete `{}` has no entry in this event in entries.csv",
                        r.athlete
                    ),
                );
                self.drop_row(Some(format!("ledger:{}/{}", r.athlete, r.event)));
                continue;
            };
            if from == to {
                self.push(
                    at,
                    "to",
                    &r.to,
                    "a revision must change the medal; `from` and `to` are the same",
                );
                self.drop_row(Some(format!("ledger:{}/{}", r.athlete, r.event)));
                continue;
            }
            let held = entries[entry].medal_now;
            if held != from {
                self.push(at, "from", &r.from, format!(
                    "the entry holds {} at this point of the ledger (as awarded, after the rows above); `from` must match",
                    medal_or_none(held)));
                self.drop_row(Some(format!("ledger:{}/{}", r.athlete, r.event)));
                continue;
            }
            let event_day = events[event].date.or(delegation.and_then(|d| d.closing));
            if let Some(day) = event_day {
                if decided.latest() < day {
                    self.push(
                        at,
                        "decided",
                        &r.decided,
                        format!("the decision is dated before the event ({day})"),
                    );
                }
            }
            if let Some(p) = previous {
                if decided.latest() < p.earliest() {
                    self.push(
                        at,
                        "decided",
                        &r.decided,
                        format!(
                            "the ledger must be in chronological order; the row above is dated {p}"
                        ),
                    );
                }
            }
            if let Some(as_of) = delegation.and_then(|d| d.now_as_of) {
                if decided.earliest() > as_of.latest() {
                    self.push(
                        at,
                        "decided",
                        &r.decided,
                        format!(
                            "the decision is later than the dataset's now_as_of date ({as_of})"
                        ),
                    );
                }
            }
            previous = Some(decided);
            entries[entry].medal_now = to;
            revisions.push(Revision {
                entry,
                from,
                to,
                decided,
                reason,
                source,
            });
        }
        revisions
    }

    /// The counting rules that span several entries of one event, in both views.
    fn event_medals(
        &mut self,
        table: &Table<crate::source::csv::EntryRow>,
        entries: &[Entry],
        athletes: &[Athlete],
        events: &[Event],
    ) {
        let line_of = |entry: &Entry| {
            table
                .rows
                .iter()
                .find(|r| {
                    r.data.athlete == athletes[entry.athlete].id
                        && r.data.event == events[entry.event].id
                })
                .map_or(0, |r| r.line)
        };
        let mut by_event: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
        for entry in entries {
            by_event.entry(entry.event).or_default().push(entry);
        }
        // A row left out of the ledger leaves the "now" medals unreliable: check only as awarded.
        let views: &[View] = if self.incomplete {
            &[View::Awarded]
        } else {
            &View::BOTH
        };
        for (&event, members) in &by_event {
            let e = &events[event];
            if e.kind != Kind::Individual {
                let played: Vec<&&Entry> =
                    members.iter().filter(|m| m.status != Status::Dns).collect();
                if let Some(other) = played.iter().find(|m| m.place != played[0].place) {
                    let at = At {
                        file: &table.file,
                        line: line_of(other),
                    };
                    let place = other
                        .place
                        .as_ref()
                        .map_or_else(String::new, ToString::to_string);
                    let first = played[0]
                        .place
                        .as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string);
                    self.push(at, "place", &place, format!(
                        "the members of the {} `{}` share one result, but `{}` has place {first}",
                        e.kind.event_words(), e.id, athletes[played[0].athlete].id));
                }
            }
            // A rule broken in both views is one mistake: report it for the first view only.
            let mut reported = false;
            for &view in views {
                if reported {
                    break;
                }
                let view_word = match view {
                    View::Awarded => "as awarded",
                    View::Now => "after the revisions",
                };
                match e.kind {
                    Kind::Team | Kind::Crew => {
                        let first = members[0];
                        if let Some(other) =
                            members.iter().find(|m| m.medal(view) != first.medal(view))
                        {
                            let at = At {
                                file: &table.file,
                                line: line_of(other),
                            };
                            self.push(at, "medal", medal_or_none(other.medal(view)), format!(
                                "members hold different medals {view_word} in the {} `{}`: `{}` holds {}; one result, one medal for every member",
                                e.kind.event_words(), e.id, athletes[first.athlete].id, medal_or_none(first.medal(view))));
                            reported = true;
                        }
                    }
                    Kind::Individual => {
                        for medal in [Medal::Gold, Medal::Silver] {
                            let holders: Vec<&&Entry> = members
                                .iter()
                                .filter(|m| m.medal(view) == Some(medal))
                                .collect();
                            let all_tied = holders
                                .iter()
                                .all(|m| m.place.as_ref().is_some_and(|p| p.tied));
                            if holders.len() > 1 && !all_tied {
                                let at = At {
                                    file: &table.file,
                                    line: line_of(holders[1]),
                                };
                                self.push(at, "medal", medal.name(), format!(
                                    "two {medal} medals {view_word} in the individual event `{}` (also `{}`); only a tie, with both places marked `=`, shares one",
                                    e.id, athletes[holders[0].athlete].id));
                                reported = true;
                            }
                        }
                    }
                }
            }
            let check_now = !self.incomplete;
            for m in members.iter().filter(|_| check_now) {
                let at = At {
                    file: &table.file,
                    line: line_of(m),
                };
                if let (Some(medal), Some(place)) = (m.medal_now, &m.place) {
                    let expected = match medal {
                        Medal::Gold => 1,
                        Medal::Silver => 2,
                        Medal::Bronze => 3,
                    };
                    if place.rank != expected || place.stage.is_some() {
                        self.push(at, "place", &place.to_string(), format!(
                            "the entry holds {medal} {} but its place is not {expected}; places are as the results stand now",
                            if m.medal_now == m.medal_awarded { "" } else { "after the revisions" }));
                    }
                }
                if m.medal_now.is_some() && matches!(m.status, Status::Dq | Status::Dnf) {
                    self.push(at, "status", m.status.name(), format!(
                        "the entry holds {} now but its status is {}; a disqualified entry keeps a medal only until the ledger strips it",
                        medal_or_none(m.medal_now), m.status.name()));
                }
            }
            let has_medal = members
                .iter()
                .any(|m| m.medal_awarded.is_some() || m.medal_now.is_some());
            if has_medal && e.date.is_none() {
                let at = At {
                    file: &table.file,
                    line: line_of(members[0]),
                };
                self.push(at, "event", &e.id, "the event holds a medal but has no date in events.csv; give the day of its final");
            }
        }
    }

    fn medal_tables(
        &mut self,
        table: &Table<crate::source::csv::MedalTableRow>,
        delegation: Option<&Delegation>,
        entries: &[Entry],
        events: &[Event],
    ) -> (Vec<TableLine>, Vec<TableLine>) {
        let mut tables: [Vec<(u64, TableLine)>; 2] = [Vec::new(), Vec::new()];
        let mut seen: HashMap<(View, String), u64> = HashMap::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let view = self.need(at, "table", &r.table, parse_view, "awarded or now");
            let noc = self.need(
                at,
                "noc",
                &r.noc,
                |v| valid_noc(v).then(|| v.to_owned()),
                "a three-letter NOC code in capitals",
            );
            let nation = self.text(at, "nation", &r.nation);
            let gold = self.count(at, "gold", &r.gold);
            let silver = self.count(at, "silver", &r.silver);
            let bronze = self.count(at, "bronze", &r.bronze);
            let (Some(view), Some(noc), Some(nation), Some(g), Some(s), Some(b)) =
                (view, noc, nation, gold, silver, bronze)
            else {
                self.drop_row(None);
                continue;
            };
            if let Some(first) = seen.insert((view, noc.clone()), at.line) {
                self.push(
                    at,
                    "noc",
                    &noc,
                    format!(
                        "the nation is already in the {} table on line {first}",
                        view.name()
                    ),
                );
                self.drop_row(None);
                continue;
            }
            tables[view as usize].push((
                at.line,
                TableLine {
                    noc,
                    nation,
                    medals: [g, s, b],
                },
            ));
        }
        if let Some(d) = delegation.filter(|_| !self.incomplete) {
            for view in View::BOTH {
                let computed = medal_units(entries, events, view);
                let lines = &tables[view as usize];
                match lines.iter().find(|(_, l)| l.noc == d.noc) {
                    Some((line, l)) if l.medals != computed => {
                        let at = At {
                            file: &table.file,
                            line: *line,
                        };
                        self.push(
                            at,
                            "noc",
                            &d.noc,
                            format!(
                                "the {} table gives {} {} but the entries{} give {}",
                                view.name(),
                                d.noc,
                                medals_text(l.medals),
                                if view == View::Now {
                                    " and revisions"
                                } else {
                                    ""
                                },
                                medals_text(computed)
                            ),
                        );
                    }
                    None if !lines.is_empty() && computed.iter().sum::<u32>() > 0 => {
                        self.errors.push(DataError::new(
                            &table.file,
                            None,
                            format!(
                                "the {} table has no row for {} although the entries give it {}",
                                view.name(),
                                d.noc,
                                medals_text(computed)
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
        let [awarded, now] = tables;
        let strip = |t: Vec<(u64, TableLine)>| t.into_iter().map(|(_, l)| l).collect();
        (strip(awarded), strip(now))
    }

    fn history(
        &mut self,
        table: &Table<crate::source::csv::HistoryRow>,
        delegation: Option<&Delegation>,
        athletes: &[Athlete],
        entries: &[Entry],
        events: &[Event],
    ) -> Vec<Appearance> {
        let mut seen = HashMap::new();
        let mut history = Vec::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let year = self.year(at, "year", &r.year);
            let city = self.text(at, "city", &r.city);
            let source = self.text(at, "source", &r.source);
            let total = self.count(at, "athletes", &r.athletes);
            let men = self.count(at, "men", &r.men);
            let women = self.count(at, "women", &r.women);
            let gold = self.count(at, "gold", &r.gold);
            let silver = self.count(at, "silver", &r.silver);
            let bronze = self.count(at, "bronze", &r.bronze);
            let opt = |c: &mut Self, field: &str, value: &str| {
                c.optional(
                    at,
                    field,
                    value,
                    parse_count,
                    "a whole number from 0 to 100000, or blank when unknown",
                )
            };
            let ga = opt(self, "gold_awarded", &r.gold_awarded);
            let sa = opt(self, "silver_awarded", &r.silver_awarded);
            let ba = opt(self, "bronze_awarded", &r.bronze_awarded);
            let (
                Some(year),
                Some(city),
                Some(total),
                Some(men),
                Some(women),
                Some(g),
                Some(s),
                Some(b),
                Some(ga),
                Some(sa),
                Some(ba),
                Some(source),
            ) = (
                year, city, total, men, women, gold, silver, bronze, ga, sa, ba, source,
            )
            else {
                self.drop_row(None);
                continue;
            };
            if !self.unique(&mut seen, at, "year", &r.year) {
                self.drop_row(None);
                continue;
            }
            if men + women != total {
                self.push(
                    at,
                    "athletes",
                    &r.athletes,
                    format!("men and women add up to {}, not {total}", men + women),
                );
            }
            let awarded = match (ga, sa, ba) {
                (Some(g), Some(s), Some(b)) => Some([g, s, b]),
                (None, None, None) => None,
                _ => {
                    self.push(
                        at,
                        "gold_awarded",
                        &r.gold_awarded,
                        "give all three medals as awarded, or leave all three blank",
                    );
                    None
                }
            };
            let appearance = Appearance {
                year,
                city,
                athletes: total,
                men,
                women,
                awarded,
                now: [g, s, b],
                source,
            };
            if delegation.is_some_and(|d| d.year == year) && !self.incomplete {
                let men_now = athletes.iter().filter(|a| a.sex == Sex::Male).count() as u32;
                let computed = (
                    athletes.len() as u32,
                    men_now,
                    athletes.len() as u32 - men_now,
                );
                if (total, men, women) != computed {
                    self.push(at, "athletes", &r.athletes, format!(
                        "these Games' row gives {total} athletes ({men} men, {women} women) but athletes.csv has {} ({} men, {} women)",
                        computed.0, computed.1, computed.2));
                }
                let now = medal_units(entries, events, View::Now);
                if appearance.now != now {
                    self.push(
                        at,
                        "gold",
                        &r.gold,
                        format!(
                            "these Games' row gives {} now but the entries and revisions give {}",
                            medals_text(appearance.now),
                            medals_text(now)
                        ),
                    );
                }
                let won = medal_units(entries, events, View::Awarded);
                if let Some(a) = appearance.awarded.filter(|a| *a != won) {
                    self.push(
                        at,
                        "gold_awarded",
                        &r.gold_awarded,
                        format!(
                            "these Games' row gives {} as awarded but the entries give {}",
                            medals_text(a),
                            medals_text(won)
                        ),
                    );
                }
            }
            history.push(appearance);
        }
        history.sort_by_key(|a| a.year);
        history
    }

    /// The delegation's appearance number must match the Games listed in history.csv up to these.
    fn appearance_number(
        &mut self,
        table: &Table<crate::source::csv::DelegationRow>,
        delegation: Option<&Delegation>,
        history: &[Appearance],
    ) {
        let (Some(d), Some(row)) = (delegation, table.rows.first()) else {
            return;
        };
        let Some(stated) = d
            .appearance
            .filter(|_| !history.is_empty() && !self.incomplete)
        else {
            return;
        };
        let earlier = history.iter().filter(|a| a.year < d.year).count() as u32;
        if stated != earlier + 1 {
            self.push(
                At::of(table, row),
                "appearance",
                &row.data.appearance,
                format!(
                    "history.csv lists {earlier} earlier Games, so these are appearance {}",
                    earlier + 1
                ),
            );
        }
    }

    fn history_sports(
        &mut self,
        table: &Table<crate::source::csv::HistorySportRow>,
        delegation: Option<&Delegation>,
        entries: &[Entry],
        events: &[Event],
    ) -> BTreeMap<i32, BTreeSet<String>> {
        let mut sports: BTreeMap<i32, BTreeSet<String>> = BTreeMap::new();
        let mut first_line: HashMap<i32, u64> = HashMap::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let year = self.year(at, "year", &r.year);
            let sport = self.text(at, "sport", &r.sport);
            let (Some(year), Some(sport)) = (year, sport) else {
                self.drop_row(None);
                continue;
            };
            first_line.entry(year).or_insert(at.line);
            if !sports.entry(year).or_default().insert(sport) {
                self.push(
                    at,
                    "sport",
                    &r.sport,
                    format!("the sport is already listed for {year}"),
                );
            }
        }
        if let Some(d) = delegation.filter(|_| !self.incomplete) {
            if let Some(listed) = sports.get(&d.year) {
                let computed: BTreeSet<String> = entries
                    .iter()
                    .map(|e| events[e.event].sport.clone())
                    .collect();
                if *listed != computed {
                    let missing: Vec<_> = computed.difference(listed).cloned().collect();
                    let extra: Vec<_> = listed.difference(&computed).cloned().collect();
                    let at = At {
                        file: &table.file,
                        line: first_line[&d.year],
                    };
                    self.push(at, "year", &d.year.to_string(), format!(
                        "the sports listed for these Games differ from the entries' sports (missing: {}; not entered: {})",
                        list_or_none(&missing), list_or_none(&extra)));
                }
            }
        }
        sports
    }

    fn reference(&mut self, table: &Table<crate::source::csv::ReferenceRow>) -> Vec<Published> {
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
}

impl Checker {
    fn sources(&mut self, table: &Table<crate::source::csv::SourceRow>) -> Vec<Source> {
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
                sources.push(Source {
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

/// The delegation's medals in one view, counting a crew's or team's medal once.
pub fn medal_units(entries: &[Entry], events: &[Event], view: View) -> [u32; 3] {
    let mut counts = [0u32; 3];
    let mut shared: BTreeSet<(usize, Medal)> = BTreeSet::new();
    for entry in entries {
        let Some(medal) = entry.medal(view) else {
            continue;
        };
        let once = events[entry.event].kind != Kind::Individual;
        if !once || shared.insert((entry.event, medal)) {
            counts[medal as usize] += 1;
        }
    }
    counts
}

/// `7/1/5 (13)`.
pub fn medals_text(m: [u32; 3]) -> String {
    format!("{}/{}/{} ({})", m[0], m[1], m[2], m.iter().sum::<u32>())
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

fn valid_id(v: &str) -> bool {
    v.len() <= 200
        && v.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn valid_noc(v: &str) -> bool {
    v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase())
}

fn parse_view(v: &str) -> Option<View> {
    match v {
        "awarded" => Some(View::Awarded),
        "now" => Some(View::Now),
        _ => None,
    }
}

/// `none` or a medal, for the ledger's `from` and `to`.
fn parse_change(v: &str) -> Option<Option<Medal>> {
    if v == "none" {
        Some(None)
    } else {
        Medal::parse(v).map(Some)
    }
}

fn medal_or_none(m: Option<Medal>) -> &'static str {
    m.map_or("no medal", Medal::name)
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
