//! The 2026 layout: `athletes.csv` listing each athlete's events, `medallists.csv` naming each
//! medallist by code, and when the folder has them, `schedules.csv` (the ceremonies' days) and
//! `athlete.csv` (birth dates, a separate scrape joined by name and NOC).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::layout::{self, Set};
use super::read::{Reader, day, entered, is_code, is_noc, us_day};
use super::sheet::{self, Sheet};
use super::{Births, OlympicsCom, Person};
use crate::date::Date;
use crate::error::{DataError, Error, Problems};
use crate::model::Category;
use crate::source::paris::display_name;

/// Reads the folder at `dir`.
pub fn folder(dir: &Path, set: Set) -> Result<OlympicsCom, Error> {
    let name = set.city().to_owned() + " " + &set.year().to_string();
    let mut p = Problems::default();
    let athletes = sheet::read(
        &dir.join("athletes.csv"),
        layout::LISTED_ATHLETES,
        &mut p,
        &name,
    )?;
    let medallists = sheet::read(
        &dir.join("medallists.csv"),
        layout::LISTED_MEDALLISTS,
        &mut p,
        &name,
    )?;
    let optional = |file: &str, columns: &[&str], p: &mut Problems| {
        let path = dir.join(file);
        if path.exists() {
            sheet::read(&path, columns, p, &name)
        } else {
            Ok(None)
        }
    };
    let schedule = optional("schedules.csv", layout::LISTED_SCHEDULE, &mut p)?;
    let births = optional("athlete.csv", layout::BIRTHS, &mut p)?;
    let mut r = Reader::new(set);
    r.p = p;
    if let Some(s) = &athletes {
        athletes_of(&mut r, s);
    }
    if let Some(s) = &medallists {
        medals_of(&mut r, s);
    }
    let (opening, closing) = set.official_dates();
    let dates = match schedule.as_ref().and_then(ceremonies) {
        Some((o, c)) => (o, c, true),
        None => (opening, closing, false),
    };
    let births = births.map(|s| birth_dates(&mut r, &s));
    r.finish(&dir.display().to_string(), dates, births)
}

/// athletes.csv: one row per athlete, with the events entered.
fn athletes_of(r: &mut Reader, s: &Sheet) {
    let file = &s.file;
    for (line, f) in &s.rows {
        let line = *line;
        let [code, name, gender, noc, events] = [0, 1, 2, 3, 4].map(|i| f[i].as_str());
        if !is_code(code) || r.by_code.contains_key(code) {
            let why = "expected an athlete's code given once, digits such as 28158";
            r.p.field(file, line, "code", code, why);
            continue;
        }
        if name.is_empty() {
            r.p.field(
                file,
                line,
                "name",
                name,
                "expected the athlete's name such as SHAIDOROV Mikhail",
            );
            continue;
        }
        let Some(sex) = layout::sex(gender) else {
            r.p.field(file, line, "gender", gender, "expected M or F");
            continue;
        };
        if !is_noc(noc) {
            r.p.field(
                file,
                line,
                "country_code",
                noc,
                "expected a three-letter NOC code such as KAZ",
            );
            continue;
        }
        let Some(pairs) =
            entered(events).filter(|p| !p.is_empty() && p.iter().all(|(d, _)| !d.is_empty()))
        else {
            let why = "expected a list of the events entered such as [{'discipline': 'Figure Skating', 'event': 'Men Single Skating'}]";
            r.p.field(file, line, "events", events, why);
            continue;
        };
        let mut disciplines: Vec<String> = Vec::new();
        for (d, _) in &pairs {
            if !disciplines.contains(d) {
                disciplines.push(d.clone());
            }
        }
        let i = r.person(Person {
            code: code.to_owned(),
            name: display_name(name),
            listed_as: name.to_owned(),
            sex: Some(sex),
            noc: noc.to_owned(),
            disciplines,
            birth: None,
            only_in_medals: None,
        });
        // An empty event name: an entry in the discipline not yet assigned to an event (reserves,
        // as a rule), which counts the athlete in the discipline only.
        for (d, e) in pairs.iter().filter(|(_, e)| !e.is_empty()) {
            let e = r.event(d, e);
            r.person_events[i].insert(e);
        }
    }
}

/// medallists.csv: one row per medallist, a team's members one by one.
fn medals_of(r: &mut Reader, s: &Sheet) {
    let file = &s.file;
    if s.rows.is_empty() && r.p.total == 0 {
        let why = "the file holds no medal; medallists.csv lists every medallist of the Games";
        r.p.push(DataError::new(file, None, why));
    }
    let year = r.set.held_in();
    for (line, f) in &s.rows {
        let line = *line;
        let [
            date,
            medal,
            code,
            _name,
            gender,
            noc,
            country,
            discipline,
            event,
        ] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(|i| f[i].as_str());
        let date_ok = day(date).filter(|d| d.year() == year);
        if date_ok.is_none() {
            let why =
                format!("expected the day of the medal event, in {year}, such as {year}-02-13");
            r.p.field(file, line, "date", date, why);
        }
        let medal_ok = r.set.medal(medal);
        if medal_ok.is_none() {
            r.p.field(
                file,
                line,
                "medal",
                medal,
                format!("expected {}", r.set.medal_words()),
            );
        }
        let category = match gender {
            "M" => Some(Category::Men),
            "F" | "W" => Some(Category::Women),
            _ => {
                r.p.field(file, line, "gender", gender, "expected M or F");
                None
            }
        };
        if discipline.is_empty() || event.is_empty() {
            let (field, value) = if discipline.is_empty() {
                ("discipline", discipline)
            } else {
                ("event_name", event)
            };
            r.p.field(file, line, field, value, "expected the discipline and the event's name, such as Figure Skating and Men Single Skating");
            continue;
        }
        let Some(&person) = r.by_code.get(code) else {
            r.p.field(
                file,
                line,
                "code",
                code,
                "no athlete in athletes.csv has this code",
            );
            continue;
        };
        if r.people[person].noc != noc {
            let why = format!(
                "athletes.csv gives this athlete the NOC {}",
                r.people[person].noc
            );
            r.p.field(file, line, "country_code", noc, why);
            continue;
        }
        r.nation(noc, country);
        let e = r.event(discipline, event);
        if let (Some(date), Some(medal), Some(category)) = (date_ok, medal_ok, category) {
            r.hint(e, category);
            r.award(file, line, e, person, medal, date);
        }
    }
}

/// The opening and closing ceremonies' days in schedules.csv, when it lists both.
fn ceremonies(s: &Sheet) -> Option<(Date, Date)> {
    let day_of = |word: &str| {
        s.rows
            .iter()
            .filter(|(_, f)| f[1] == "Ceremonies" && f[2].contains(word))
            .filter_map(|(_, f)| Date::parse(&f[0]))
            .min()
    };
    day_of("Opening").zip(day_of("Closing"))
}

/// athlete.csv: birth dates, joined by name and NOC (its ids are its own). A row whose date is
/// no day, or a name and NOC given twice with two dates, dates nobody, and is named in the
/// briefing's sources rather than refused: the supplement is another project's.
fn birth_dates(r: &mut Reader, s: &Sheet) -> Births {
    let mut dates: HashMap<(&str, &str), Option<Date>> = HashMap::new();
    let mut unusable = Vec::new();
    let file_name = Path::new(&s.file)
        .file_name()
        .map_or_else(|| s.file.clone(), |n| n.to_string_lossy().into_owned());
    for (line, f) in &s.rows {
        let [name, _, date, noc] = [0, 1, 2, 3].map(|i| f[i].as_str());
        let Some(birth) = us_day(date) else {
            unusable.push(format!(
                "line {line}: {name} ({noc}), date_of_birth {date:?} is no day"
            ));
            continue;
        };
        let slot = dates.entry((name, noc)).or_insert(Some(birth));
        if *slot != Some(birth) {
            unusable.push(format!(
                "line {line}: {name} ({noc}) given twice with two dates"
            ));
            *slot = None;
        }
    }
    let mut dated = 0;
    let mut seen = HashSet::new();
    for p in &mut r.people {
        if let Some(Some(birth)) = dates.get(&(p.listed_as.as_str(), p.noc.as_str())) {
            if seen.insert(p.code.clone()) {
                p.birth = Some(*birth);
                dated += 1;
            }
        }
    }
    Births {
        file: file_name,
        dated,
        unusable,
    }
}
