//! The 2021–22 layout (Tokyo 2020, Beijing 2022): `athletes.csv` with one discipline per athlete
//! and `medals.csv` naming each medallist by the link to their olympics.com profile. No events
//! per athlete but the medallists'. An athlete with a blank sex and birth date did not start
//! (Tokyo's 159, but for one medallist, whose event gives her sex); a medallist the athletes'
//! file lacks (Beijing's Manuel Faisst, a late entry) is taken from their medal row and named
//! in the briefing.

use std::collections::HashMap;
use std::path::Path;

use super::layout::{self, Set};
use super::read::{Reader, day, is_noc, profile_code};
use super::sheet::{self, Sheet};
use super::{OlympicsCom, Person};
use crate::date::Date;
use crate::error::{DataError, Error, Problems};
use crate::model::{Category, Medal, Sex};
use crate::source::paris::display_name;

/// Reads the folder at `dir`.
pub fn folder(dir: &Path, set: Set) -> Result<OlympicsCom, Error> {
    let name = set.city().to_owned() + " " + &set.year().to_string();
    let mut p = Problems::default();
    let athletes = sheet::read(
        &dir.join("athletes.csv"),
        layout::LINKED_ATHLETES,
        &mut p,
        &name,
    )?;
    let medals = sheet::read(
        &dir.join("medals.csv"),
        layout::LINKED_MEDALS,
        &mut p,
        &name,
    )?;
    let mut r = Reader::new(set);
    r.p = p;
    if let Some(s) = &athletes {
        athletes_of(&mut r, s);
    }
    if let Some(s) = &medals {
        medals_of(&mut r, s);
    }
    let (opening, closing) = set.official_dates();
    r.finish(&dir.display().to_string(), (opening, closing, false), None)
}

/// athletes.csv: one row per accredited athlete.
fn athletes_of(r: &mut Reader, s: &Sheet) {
    let file = &s.file;
    // The discipline a code stands for, for the rows whose discipline is blank.
    let named: HashMap<&str, &str> = s
        .rows
        .iter()
        .filter(|(_, f)| !f[5].is_empty())
        .map(|(_, f)| (f[6].as_str(), f[5].as_str()))
        .collect();
    for (line, f) in &s.rows {
        let line = *line;
        let [
            name,
            gender,
            birth,
            country,
            noc,
            discipline,
            code_of_discipline,
            url,
        ] = [0, 1, 2, 3, 4, 5, 6, 7].map(|i| f[i].as_str());
        let Some(code) = profile_code(url) else {
            let why = "expected the link to the athlete's olympics.com profile, such as ../../../en/results/judo/athlete-profile-n1346266-smetov-yeldos.htm";
            r.p.field(file, line, "url", url, why);
            continue;
        };
        // An athlete of two disciplines has a row for each, with one profile number.
        if let Some(&i) = r.by_code.get(code) {
            second_row(r, (file, line), i, [name, noc, discipline, url]);
            continue;
        }
        if name.is_empty() {
            r.p.field(
                file,
                line,
                "name",
                name,
                "expected the athlete's name such as SMETOV Yeldos",
            );
            continue;
        }
        let Some((sex, birth)) = sex_and_birth(r, (file, line), gender, birth) else {
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
        let discipline = if discipline.is_empty() {
            named.get(code_of_discipline).copied().unwrap_or_default()
        } else {
            discipline
        };
        r.nation(noc, country);
        r.person(Person {
            code: code.to_owned(),
            name: display_name(name),
            listed_as: name.to_owned(),
            sex,
            noc: noc.to_owned(),
            disciplines: Some(discipline.to_owned())
                .filter(|d| !d.is_empty())
                .into_iter()
                .collect(),
            birth,
            only_in_medals: None,
        });
    }
}

/// medals.csv: one row per medallist, a team's members one by one.
fn medals_of(r: &mut Reader, s: &Sheet) {
    let file = &s.file;
    if s.rows.is_empty() && r.p.total == 0 {
        let why = "the file holds no medal; medals.csv lists every medallist of the Games";
        r.p.push(DataError::new(file, None, why));
    }
    let by_name: HashMap<(String, String), usize> = r
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.listed_as.clone(), p.noc.clone()), i))
        .collect();
    for (line, f) in &s.rows {
        let line = *line;
        let [
            medal,
            date,
            name,
            sex,
            link,
            event,
            country,
            noc,
            discipline,
        ] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(|i| f[i].as_str());
        let (medal_ok, date_ok, category) = medal_fields(r, (file, line), [medal, date, sex]);
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
        if discipline.is_empty() || event.is_empty() {
            let (field, value) = if discipline.is_empty() {
                ("discipline", discipline)
            } else {
                ("event", event)
            };
            r.p.field(
                file,
                line,
                field,
                value,
                "expected the discipline and the event's name, such as Judo and Men -60 kg",
            );
            continue;
        }
        let Some(code) = profile_code(link) else {
            let why = "expected the link to the athlete's olympics.com profile, such as ../../../en/results/judo/athlete-profile-n1346266-smetov-yeldos.htm";
            r.p.field(file, line, "athlete_link", link, why);
            continue;
        };
        let at = (file.as_str(), line);
        let Some(person) = medallist(r, &by_name, at, [code, name, noc, discipline], category)
        else {
            continue;
        };
        if r.people[person].disciplines.is_empty() {
            r.people[person].disciplines.push(discipline.to_owned());
        }
        r.nation(noc, country);
        let e = r.event(discipline, event);
        if let (Some(date), Some(medal), Some(category)) = (date_ok, medal_ok, category) {
            r.hint(e, category);
            r.award(file, line, e, person, medal, date);
        }
    }
}

/// A second row with an athlete's profile number: the same athlete in another discipline.
fn second_row(r: &mut Reader, (file, line): (&str, u64), i: usize, fields: [&str; 4]) {
    let [name, noc, discipline, url] = fields;
    let p = &mut r.people[i];
    let same =
        p.listed_as == name && p.noc == noc && !p.disciplines.iter().any(|d| d == discipline);
    if same && !discipline.is_empty() {
        p.disciplines.push(discipline.to_owned());
        return;
    }
    let why = format!(
        "an earlier row has this athlete's profile number ({}, {}, {}); a second row must be the same athlete in another discipline",
        p.listed_as,
        p.noc,
        p.disciplines.join(", ")
    );
    r.p.field(file, line, "url", url, why);
}

/// An athlete's sex and birth date. A blank sex goes with a blank birth date: an athlete who did
/// not start. `None` (reported) when either is wrong.
fn sex_and_birth(
    r: &mut Reader,
    (file, line): (&str, u64),
    gender: &str,
    birth: &str,
) -> Option<(Option<Sex>, Option<Date>)> {
    let sex = match (layout::sex(gender), gender.is_empty() && birth.is_empty()) {
        (Some(sex), _) => Some(sex),
        (None, true) => None,
        (None, false) => {
            let why = "expected Male or Female (or M or F); blank only with a blank birth_date, for an athlete who did not start";
            r.p.field(file, line, "gender", gender, why);
            return None;
        }
    };
    if birth.is_empty() {
        return Some((sex, None));
    }
    let Some(day) = Date::parse(birth) else {
        let why = "expected a day such as 1994-12-04, or nothing";
        r.p.field(file, line, "birth_date", birth, why);
        return None;
    };
    Some((sex, Some(day)))
}

/// A medal row's medal, day and event sex (M, W, X mixed, O open), each `None` when wrong
/// (reported).
fn medal_fields(
    r: &mut Reader,
    (file, line): (&str, u64),
    [medal, date, sex]: [&str; 3],
) -> (Option<Medal>, Option<Date>, Option<Category>) {
    let year = r.set.held_in();
    let medal_ok = r.set.medal(medal);
    if medal_ok.is_none() {
        let why = format!("expected {}", r.set.medal_words());
        r.p.field(file, line, "medal_type", medal, why);
    }
    let date_ok = day(date).filter(|d| d.year() == year);
    if date_ok.is_none() {
        let why = format!(
            "expected the day of the medal event, in {year}, such as {year}-02-05 00:00:00.0"
        );
        r.p.field(file, line, "medal_date", date, why);
    }
    let category = match sex {
        "M" => Some(Category::Men),
        "W" => Some(Category::Women),
        "X" | "O" => Some(Category::Mixed),
        _ => {
            let why = "expected the event's sex: M, W, X (mixed) or O (open)";
            r.p.field(file, line, "athlete_sex", sex, why);
            None
        }
    };
    (medal_ok, date_ok, category)
}

/// The sex of an athlete in a men's or a women's event.
fn sex_of(category: Option<Category>) -> Option<Sex> {
    match category {
        Some(Category::Men) => Some(Sex::Male),
        Some(Category::Women) => Some(Sex::Female),
        _ => None,
    }
}

/// The athlete of a medal row: by profile number, else by name and NOC, else (a medallist
/// athletes.csv lacks) taken from the row. `None` (reported) when the row does not say who, or
/// gives another NOC than athletes.csv.
fn medallist(
    r: &mut Reader,
    by_name: &HashMap<(String, String), usize>,
    (file, line): (&str, u64),
    [code, name, noc, discipline]: [&str; 4],
    category: Option<Category>,
) -> Option<usize> {
    let known = r
        .by_code
        .get(code)
        .copied()
        .or_else(|| by_name.get(&(name.to_owned(), noc.to_owned())).copied());
    let person = match known {
        Some(i) => i,
        None if !name.is_empty() => r.person(Person {
            code: code.to_owned(),
            name: display_name(name),
            listed_as: name.to_owned(),
            sex: sex_of(category),
            noc: noc.to_owned(),
            disciplines: vec![discipline.to_owned()],
            birth: None,
            only_in_medals: Some((file_name(file), line)),
        }),
        None => {
            let why = "expected the medallist's name such as SMETOV Yeldos";
            r.p.field(file, line, "athlete_name", name, why);
            return None;
        }
    };
    let p = &mut r.people[person];
    if p.noc != noc {
        let why = format!("athletes.csv gives this athlete the NOC {}", p.noc);
        r.p.field(file, line, "country_code", noc, why);
        return None;
    }
    // A medallist athletes.csv gives no sex (Tokyo's Krysta Palmer, diving bronze) started:
    // their sex is their event's, when it is a men's or a women's.
    if p.sex.is_none() {
        p.sex = sex_of(category);
    }
    Some(person)
}

/// The file's name without its folders, for the briefing.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}
