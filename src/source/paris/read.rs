//! Reading and checking the folder's files: columns taken by name (a file may have more), every
//! used field checked, every problem named with its file, line, field and value.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use super::places::ResultRow;
use super::{
    Award, Contest, FILES, MAX_FILE_BYTES, Paris, Person, RESULT_COLUMNS, RESULT_OPTIONAL, Team,
    places, sports,
};
use crate::date::Date;
use crate::error::{DataError, Error, Problems};
use crate::model::{Category, Kind, Medal, Sex};
use crate::source::csv::{csv_reader, decode, field_problem, read_input};
use crate::text::noun;

/// A file's rows: the columns asked for, in that order, with the line each row is on.
struct Sheet {
    file: String,
    rows: Vec<(u64, Vec<String>)>,
}

/// Items of an athlete's events list that are not events when their discipline has no event of
/// the name: swimmers named for relays only, and artistic gymnasts' "Men" or "Women" (the
/// qualification every gymnast enters, not a medal event).
const NOT_EVENTS: [&str; 3] = ["Relay Only Athlete", "Men", "Women"];

/// Reads the folder at `dir`.
pub fn folder(dir: &Path) -> Result<Paris, Error> {
    if !super::recognise(dir) {
        return Err(Error::Usage(format!(
            "{} holds none of the files podium reads; expected {}",
            dir.display(),
            super::expected()
        )));
    }
    let mut p = Problems::default();
    let mut sheets = Vec::new();
    for (name, columns) in FILES {
        // teams.csv marks the teams of earlier Games olympics.com keeps as not current.
        // athletes.csv marks reserves as alternate athletes.
        let optional: &[&str] = if name == "teams.csv" {
            &["current"]
        } else if name == "athletes.csv" {
            &["function"]
        } else if name == "nocs.csv" {
            &["country_long"]
        } else {
            &[]
        };
        sheets.push(sheet_at(&dir.join(name), columns, optional, &mut p)?);
    }
    let results = results_files(dir, &mut p)?;
    // In the order of FILES.
    let mut sheets = sheets.into_iter();
    let mut next = || sheets.next().flatten();
    let (athletes, events, medals) = (next(), next(), next());
    let (teams, nocs, schedule) = (next(), next(), next());
    // A file that could not be read at all has been reported; its rows are empty.
    let or_empty = |s: Option<Sheet>, name: &str| {
        s.unwrap_or(Sheet {
            file: dir.join(name).display().to_string(),
            rows: Vec::new(),
        })
    };
    let mut r = Reader {
        p,
        people: Vec::new(),
        person_index: HashMap::new(),
        refused: HashSet::new(),
        complete: true,
        events: Vec::new(),
        event_index: HashMap::new(),
        person_events: Vec::new(),
    };
    r.events(&or_empty(events, "events.csv"));
    r.complete = r.p.total == 0;
    r.athletes(&or_empty(athletes, "athletes.csv"));
    let nocs = r.nocs(&or_empty(nocs, "nocs.csv"));
    let (opening, closing) = r.schedule(&or_empty(schedule, "schedules.csv"));
    let teams = r.teams(&or_empty(teams, "teams.csv"));
    let team_index: HashMap<&str, usize> = teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.code.as_str(), i))
        .collect();
    r.complete = r.p.total == 0;
    let awards = r.medals(&or_empty(medals, "medals.csv"), &team_index);
    let result_files = results.len();
    let mut rows = Vec::new();
    let mut genders: Vec<Option<Category>> = vec![None; r.events.len()];
    for sheet in &results {
        r.results(sheet, &team_index, &mut rows, &mut genders);
    }
    if r.p.total > 0 {
        return Err(r.p.into_error());
    }

    // Each event: men's, women's or mixed from its results; a crew or team event when teams.csv
    // has teams for it; its date from its medals.
    let teamed: BTreeSet<usize> = teams.iter().map(|t| t.event).collect();
    for (i, e) in r.events.iter_mut().enumerate() {
        e.category = genders[i].unwrap_or_else(|| category_of_name(&e.name));
        e.kind = if !teamed.contains(&i) {
            Kind::Individual
        } else if sports::is_team_sport(&e.discipline) {
            Kind::Team
        } else {
            Kind::Crew
        };
    }
    for a in &awards {
        let date = &mut r.events[a.event].date;
        *date = Some(date.map_or(a.date, |d| d.max(a.date)));
    }
    // Every athlete's events: those athletes.csv lists, the teams they are in, the events
    // results files and medals name them in.
    for t in &teams {
        for m in &t.members {
            if let Some(&i) = r.person_index.get(m) {
                r.person_events[i].insert(t.event);
            }
        }
    }
    for a in &awards {
        if let Some(&i) = r.person_index.get(&a.code) {
            r.person_events[i].insert(a.event);
        }
    }
    for row in &rows {
        if let Some(&i) = r.person_index.get(&row.participant) {
            r.person_events[i].insert(row.event);
            r.people[i].competed = true;
        }
    }
    for a in &awards {
        if let Some(&i) = r.person_index.get(&a.code) {
            r.people[i].competed = true;
        }
    }
    let result_rows = rows.len();
    let outcomes = places::outcomes(r.events.len(), rows, &awards);
    let Reader {
        people,
        events,
        person_events,
        ..
    } = r;
    Ok(Paris {
        dir: dir.display().to_string(),
        people,
        person_events,
        events,
        awards,
        teams,
        nocs,
        outcomes,
        opening,
        closing,
        result_rows,
        result_files,
        revised: None,
    })
}

struct Reader {
    p: Problems,
    people: Vec<Person>,
    person_index: HashMap<String, usize>,
    /// Codes of athletes.csv rows refused for a problem already reported: other files naming
    /// them are not reported again.
    refused: HashSet<String>,
    /// Whether the files read so far were free of problems: while they are not, an event or a
    /// code not found is most likely one of theirs, already reported, and is not reported again
    /// (a missing events.csv would otherwise give a problem per athlete).
    complete: bool,
    events: Vec<Contest>,
    event_index: HashMap<(String, String), usize>,
    person_events: Vec<BTreeSet<usize>>,
}

impl Reader {
    fn events(&mut self, sheet: &Sheet) {
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

    fn athletes(&mut self, sheet: &Sheet) {
        let file = &sheet.file;
        for (line, f) in &sheet.rows {
            let line = *line;
            let [code, name, gender, noc, disciplines, events, birth] =
                [0, 1, 2, 3, 4, 5, 6].map(|i| &f[i]);
            let mut ok = true;
            if !is_code(code) {
                self.p.field(
                    file,
                    line,
                    "code",
                    code,
                    "expected the athlete's code, digits such as 1532872",
                );
                ok = false;
            } else if self.person_index.contains_key(code) {
                self.p.field(
                    file,
                    line,
                    "code",
                    code,
                    "the code is given to two athletes",
                );
                ok = false;
            }
            if name.is_empty() {
                self.p
                    .field(file, line, "name", name, "the athlete has no name");
                ok = false;
            }
            let sex = match gender.as_str() {
                "Male" => Some(Sex::Male),
                "Female" => Some(Sex::Female),
                _ => {
                    self.p
                        .field(file, line, "gender", gender, "expected Male or Female");
                    None
                }
            };
            if !is_noc(noc) {
                self.p.field(
                    file,
                    line,
                    "country_code",
                    noc,
                    "expected a three-letter NOC code such as KAZ",
                );
                ok = false;
            }
            let birth = if birth.is_empty() {
                None
            } else {
                let date = day(birth).filter(|d| (1900..=2020).contains(&d.year()));
                if date.is_none() {
                    self.p.field(file, line, "birth_date", birth, "expected a date of birth as 1991-10-21 or 21-10-1991, from 1900 to 2020, or nothing");
                    ok = false;
                }
                date
            };
            let disciplines = match list(disciplines) {
                Some(d) if !d.is_empty() && d.iter().all(|x| !x.is_empty()) => d,
                _ => {
                    self.p.field(
                        file,
                        line,
                        "disciplines",
                        disciplines,
                        "expected a list of disciplines such as ['Judo']",
                    );
                    ok = false;
                    Vec::new()
                }
            };
            let mut entered = BTreeSet::new();
            match list(events) {
                Some(names) => {
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
                                self.p.field(file, line, "events", events, format!(
                                    "no event {} of the athlete's disciplines ({}) is in events.csv",
                                    crate::error::quoted(event),
                                    disciplines.join(", ")
                                ));
                                ok = false;
                            }
                        }
                    }
                }
                None => {
                    self.p.field(
                        file,
                        line,
                        "events",
                        events,
                        "expected a list of events such as [\"Men's -60 kg\"]",
                    );
                    ok = false;
                }
            }
            let Some(sex) = sex.filter(|_| ok) else {
                if is_code(code) && !self.person_index.contains_key(code) {
                    self.refused.insert(code.clone());
                }
                continue;
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
    }

    fn nocs(&mut self, sheet: &Sheet) -> BTreeMap<String, String> {
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
            if !is_noc(code) {
                self.p.field(
                    &sheet.file,
                    *line,
                    "code",
                    code,
                    "expected a three-letter NOC code such as KAZ",
                );
            } else if country.is_empty() {
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
    fn schedule(&mut self, sheet: &Sheet) -> (Option<Date>, Option<Date>) {
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

    fn event_at(
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

    fn teams(&mut self, sheet: &Sheet) -> Vec<Team> {
        let file = &sheet.file;
        let mut teams: Vec<Team> = Vec::new();
        let mut seen = BTreeSet::new();
        for (line, f) in &sheet.rows {
            let line = *line;
            let [code, noc, discipline, event, members] = [0, 1, 2, 3, 4].map(|i| &f[i]);
            if code.is_empty() || !seen.insert(code.clone()) {
                self.p.field(
                    file,
                    line,
                    "code",
                    code,
                    "expected a team code given once, such as ARCMTEAM3---CHN01",
                );
                continue;
            }
            if !is_noc(noc) {
                self.p.field(
                    file,
                    line,
                    "country_code",
                    noc,
                    "expected a three-letter NOC code such as KAZ",
                );
                continue;
            }
            // olympics.com keeps teams of earlier Games (Phelps's relays of 2008), not current
            // and mostly with no event of these Games: they are not part of Paris 2024.
            if event.is_empty() || f[5].eq_ignore_ascii_case("false") {
                continue;
            }
            let Some(event) = self.event_at(file, line, discipline, event, "events") else {
                continue;
            };
            let members = if members.is_empty() {
                Some(Vec::new())
            } else {
                list(members)
            };
            let Some(members) = members.filter(|m| m.iter().all(|c| is_code(c))) else {
                self.p.field(
                    file,
                    line,
                    "athletes_codes",
                    &f[4],
                    "expected a list of athletes' codes such as ['1913366', '1913367']",
                );
                continue;
            };
            // A member athletes.csv does not list (a reserve who did not compete, as a rule) is
            // left out of the team, and counted for the briefing's sources.
            let (members, unlisted): (Vec<String>, Vec<String>) = members
                .into_iter()
                .partition(|m| self.person_index.contains_key(m));
            teams.push(Team {
                code: code.clone(),
                noc: noc.clone(),
                event,
                members,
                unlisted: unlisted.len(),
            });
        }
        teams
    }

    fn medals(&mut self, sheet: &Sheet, teams: &HashMap<&str, usize>) -> Vec<Award> {
        let file = &sheet.file;
        let mut awards = Vec::new();
        // Every Games awards medals: a medals.csv without one is cut short, not a Games where
        // nobody won (a missing file is reported already).
        if sheet.rows.is_empty() && self.complete {
            self.p.push(DataError::new(
                file,
                None,
                "the file holds no medal; the Paris 2024 folder's medals.csv lists every medal awarded",
            ));
        }
        for (line, f) in &sheet.rows {
            let line = *line;
            let [kind, date, discipline, event, code, noc] = [0, 1, 2, 3, 4, 5].map(|i| &f[i]);
            let medal = match kind.as_str() {
                "Gold Medal" => Some(Medal::Gold),
                "Silver Medal" => Some(Medal::Silver),
                "Bronze Medal" => Some(Medal::Bronze),
                _ => {
                    self.p.field(
                        file,
                        line,
                        "medal_type",
                        kind,
                        "expected Gold Medal, Silver Medal or Bronze Medal",
                    );
                    None
                }
            };
            let date_ok = Date::parse(date).filter(|d| d.year() == 2024);
            if date_ok.is_none() {
                self.p.field(
                    file,
                    line,
                    "medal_date",
                    date,
                    "expected the day of the medal event such as 2024-07-27",
                );
            }
            if !is_noc(noc) {
                self.p.field(
                    file,
                    line,
                    "country_code",
                    noc,
                    "expected a three-letter NOC code such as KAZ",
                );
            }
            let event = self.event_at(file, line, discipline, event, "event");
            let known = self.person_index.contains_key(code) || teams.contains_key(code.as_str());
            if !known && self.complete && !self.refused.contains(code.as_str()) {
                self.p.field(
                    file,
                    line,
                    "code",
                    code,
                    "no athlete in athletes.csv and no team in teams.csv has this code",
                );
            }
            if let (Some(medal), Some(date), Some(event), true, true) =
                (medal, date_ok, event, known, is_noc(noc))
            {
                awards.push(Award {
                    event,
                    code: code.clone(),
                    medal,
                    date,
                    noc: noc.clone(),
                });
            }
        }
        awards
    }

    fn results(
        &mut self,
        sheet: &Sheet,
        teams: &HashMap<&str, usize>,
        rows: &mut Vec<ResultRow>,
        genders: &mut [Option<Category>],
    ) {
        let file = &sheet.file;
        for (line, f) in &sheet.rows {
            let line = *line;
            let [
                date,
                stage_code,
                event,
                stage,
                gender,
                discipline,
                code,
                name,
                kind,
                noc,
            ] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(|i| &f[i]);
            let (rank, irm, wlt) = (&f[10], &f[11], &f[12]);
            let won = match wlt.as_str() {
                "W" => Some(true),
                "L" => Some(false),
                "T" | "" => None,
                _ => {
                    self.p.field(
                        file,
                        line,
                        "result_WLT",
                        wlt,
                        "expected W, L, T (a tie) or nothing",
                    );
                    continue;
                }
            };
            let Some(event) = self.event_at(file, line, discipline, event, "event_name") else {
                continue;
            };
            if date.get(..10).and_then(Date::parse).is_none() {
                self.p.field(
                    file,
                    line,
                    "date",
                    date,
                    "expected the date and time of the stage such as 2024-07-27T10:00:00+02:00",
                );
                continue;
            }
            let category = match gender.as_str() {
                "M" => Category::Men,
                "W" => Category::Women,
                "X" | "O" => Category::Mixed,
                _ => {
                    self.p
                        .field(file, line, "gender", gender, "expected M, W, X or O");
                    continue;
                }
            };
            genders[event].get_or_insert(category);
            let rank = if rank.is_empty() {
                None
            } else {
                match whole(rank) {
                    Some(r) => Some(r),
                    None => {
                        self.p.field(
                            file,
                            line,
                            "rank",
                            rank,
                            "expected a place such as 3 or 3.0, or nothing",
                        );
                        continue;
                    }
                }
            };
            match kind.as_str() {
                "Person" => {
                    if !self.person_index.contains_key(code)
                        && (!self.complete
                            || self.refused.contains(code.as_str())
                            || !self.only_in_results(file, line, code, name, noc, category))
                    {
                        continue;
                    }
                }
                "Team" => {
                    if !teams.contains_key(code.as_str()) {
                        if !self.complete {
                            continue;
                        }
                        self.p.field(
                            file,
                            line,
                            "participant_code",
                            code,
                            "no team in teams.csv has this code",
                        );
                        continue;
                    }
                }
                _ => {
                    self.p.field(
                        file,
                        line,
                        "participant_type",
                        kind,
                        "expected Person or Team",
                    );
                    continue;
                }
            }
            rows.push(ResultRow {
                event,
                participant: code.clone(),
                stage_code: stage_code.clone(),
                stage: stage.clone(),
                time: date.clone(),
                rank,
                irm: irm.clone(),
                won,
            });
        }
    }

    /// An athlete a results file names but athletes.csv lacks: taken from the row (name, NOC, and
    /// sex from a men's or women's event), marked so the briefing names them; refused when the
    /// row does not say enough.
    fn only_in_results(
        &mut self,
        file: &str,
        line: u64,
        code: &str,
        name: &str,
        noc: &str,
        category: Category,
    ) -> bool {
        let sex = match category {
            Category::Men => Some(Sex::Male),
            Category::Women => Some(Sex::Female),
            Category::Mixed => None,
        };
        let (Some(sex), true, true, false) = (sex, is_code(code), is_noc(noc), name.is_empty())
        else {
            self.p.field(file, line, "participant_code", code, "no athlete in athletes.csv has this code, and the row does not say who it is (a name, a NOC and a men's or women's event)");
            return false;
        };
        // The row's athlete listed under another code: a mistyped code, not a missing athlete.
        if let Some(listed) = self
            .people
            .iter()
            .find(|p| p.noc == noc && p.listed_as.eq_ignore_ascii_case(name))
        {
            let why = format!(
                "no athlete in athletes.csv has this code, but it lists {name} of {noc} as {}: a mistyped code?",
                listed.code
            );
            self.p.field(file, line, "participant_code", code, &why);
            return false;
        }
        self.person_index.insert(code.to_owned(), self.people.len());
        self.people.push(Person {
            code: code.to_owned(),
            name: display_name(name),
            listed_as: name.to_owned(),
            sex,
            noc: noc.to_owned(),
            disciplines: Vec::new(),
            birth: None,
            alternate: false,
            competed: true,
            only_in_results: Some((file_name(file), line)),
        });
        self.person_events.push(BTreeSet::new());
        true
    }
}

/// The file's name without its folders, for the briefing.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Reads every `results/*.csv`, in name order.
fn results_files(dir: &Path, p: &mut Problems) -> Result<Vec<Sheet>, Error> {
    let results = dir.join("results");
    let entries = match std::fs::read_dir(&results) {
        Ok(entries) => entries,
        Err(_) => {
            p.push(DataError::new(
                &results.display().to_string(),
                None,
                "the folder results/ is missing; it holds one CSV file of results per discipline",
            ));
            return Ok(Vec::new());
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        p.push(DataError::new(
            &results.display().to_string(),
            None,
            "results/ holds no CSV file; it holds one file of results per discipline",
        ));
    }
    let mut sheets = Vec::new();
    for path in paths {
        if let Some(s) = sheet_at(&path, &RESULT_COLUMNS, &RESULT_OPTIONAL, p)? {
            sheets.push(s);
        }
    }
    Ok(sheets)
}

/// Reads one file, taking `columns` by name (each must be there) and `optional` ones (empty when
/// absent). `None` when the file is missing or unreadable as a whole (reported).
fn sheet_at(
    path: &Path,
    columns: &[&str],
    optional: &[&str],
    p: &mut Problems,
) -> Result<Option<Sheet>, Error> {
    let file = path.display().to_string();
    if !path.exists() {
        p.push(DataError::new(
            &file,
            None,
            format!(
                "the file is missing; the Paris 2024 folder holds it, with the columns {}",
                columns.join(",")
            ),
        ));
        return Ok(None);
    }
    let bytes = read_input(
        path,
        MAX_FILE_BYTES,
        "the biggest file of the Paris 2024 folder is under 5 MB",
    )?;
    Ok(sheet(&file, &bytes, columns, optional, p))
}

/// The rows of one file's bytes.
fn sheet(
    file: &str,
    bytes: &[u8],
    columns: &[&str],
    optional: &[&str],
    p: &mut Problems,
) -> Option<Sheet> {
    let text = match decode(file, bytes) {
        Ok(t) => t,
        Err(e) => {
            p.push(e);
            return None;
        }
    };
    if text.trim().is_empty() {
        p.push(DataError::new(
            file,
            Some(1),
            format!(
                "the file is empty; expected a header row with the columns {}",
                columns.join(",")
            ),
        ));
        return None;
    }
    let mut reader = csv_reader(&text);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            p.push(DataError::new(
                file,
                Some(1),
                format!("cannot read the header: {e}"),
            ));
            return None;
        }
    };
    let mut at = Vec::new();
    let mut missing = Vec::new();
    for c in columns {
        match headers.iter().position(|h| h == *c) {
            Some(i) if headers.iter().filter(|h| h == c).count() > 1 => {
                p.field(file, 1, c, c, "the column appears more than once");
                at.push(Some(i));
            }
            Some(i) => at.push(Some(i)),
            None => missing.push(*c),
        }
    }
    if !missing.is_empty() {
        let found: Vec<&str> = headers.iter().collect();
        p.push(DataError {
            file: file.to_owned(),
            line: Some(1),
            field: None,
            value: Some(found.join(",")),
            problem: format!(
                "the header lacks the {} {}; podium reads {} (other columns may be there)",
                noun(missing.len(), "column", "columns"),
                missing.join(", "),
                columns.join(",")
            ),
        });
        return None;
    }
    for c in optional {
        at.push(headers.iter().position(|h| h == *c));
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                if record.len() != headers.len() {
                    p.push(DataError::new(
                        file,
                        Some(line),
                        format!(
                            "the row has {} fields; the header has {}",
                            record.len(),
                            headers.len()
                        ),
                    ));
                    continue;
                }
                let mut fields = Vec::with_capacity(at.len());
                let mut ok = true;
                for (k, i) in at.iter().enumerate() {
                    let value = i.and_then(|i| record.get(i)).unwrap_or_default();
                    if let Some(problem) = field_problem(value) {
                        let column = columns
                            .get(k)
                            .or_else(|| optional.get(k - columns.len()))
                            .copied()
                            .unwrap_or("?");
                        p.field(file, line, column, value, problem);
                        ok = false;
                    }
                    fields.push(value.to_owned());
                }
                if ok {
                    rows.push((line, fields));
                }
            }
            Err(e) => {
                p.push(DataError::new(
                    file,
                    e.position().map(csv::Position::line),
                    format!("cannot read the row: {e}"),
                ));
                break;
            }
        }
    }
    Some(Sheet {
        file: file.to_owned(),
        rows,
    })
}

/// A list written Python-style: `['Judo']`, `["Men's -60 kg", 'Mixed Team']`, `[Athletics]`,
/// `[]`. `None` when the text is not a list.
pub fn list(text: &str) -> Option<Vec<String>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    let mut items = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let item = if first == '\'' || first == '"' {
            chars.next();
            let mut item = String::new();
            loop {
                match chars.next()? {
                    '\\' => item.push(chars.next()?),
                    c if c == first => break,
                    c => item.push(c),
                }
            }
            item
        } else {
            let mut item = String::new();
            while let Some(c) = chars.next_if(|&c| c != ',') {
                item.push(c);
            }
            item.trim().to_owned()
        };
        items.push(item);
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        match chars.next() {
            None => break,
            Some(',') => {}
            Some(_) => return None,
        }
    }
    Some(items)
}

/// A day as `2024-07-27` or `27-07-2024`.
pub fn day(text: &str) -> Option<Date> {
    if let Some(d) = Date::parse(text) {
        return Some(d);
    }
    let mut parts = text.split('-');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() != 2 || m.len() != 2 || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A whole, positive number as `3` or `3.0`.
fn whole(text: &str) -> Option<u32> {
    let digits = text.strip_suffix(".0").unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n > 0)
}

/// An athlete's code: digits (`1532872`), or letters and digits in olympics.com's older form.
fn is_code(text: &str) -> bool {
    !text.is_empty() && text.len() <= 16 && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_noc(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// Men's, women's or mixed from an event's name, for an event no results file names.
fn category_of_name(name: &str) -> Category {
    if name.starts_with("Men") {
        Category::Men
    } else if name.starts_with("Women") {
        Category::Women
    } else {
        Category::Mixed
    }
}

/// A name as people read it: olympics.com writes the family name first in capitals
/// (`SMETOV Yeldos`, `de NAEYER Janie`); the briefing writes `Yeldos Smetov`, `Janie de Naeyer`.
/// A name of capitals only (`AMIR`, a breaker's) is written `Amir`.
pub fn display_name(listed: &str) -> String {
    let words: Vec<&str> = listed.split_whitespace().collect();
    let capitals = |w: &str| {
        let w = prefixed(w).map_or(w, |(_, rest)| rest);
        w.chars().any(char::is_alphabetic) && w.to_uppercase() == w
    };
    // The family name: the words in capitals, with a lowercase particle before them.
    let family_end = words.iter().rposition(|w| capitals(w)).map_or(0, |i| i + 1);
    let family_words = &words[..family_end];
    if family_words.is_empty() || !family_words.iter().any(|w| capitals(w)) {
        return words.join(" ");
    }
    let family: Vec<String> = family_words
        .iter()
        .map(|w| {
            if let Some((prefix, rest)) = prefixed(w) {
                format!("{prefix}{}", title_case(rest))
            } else if capitals(w) {
                title_case(w)
            } else {
                (*w).to_owned()
            }
        })
        .collect();
    let given = &words[family_end..];
    if given.is_empty() {
        family.join(" ")
    } else {
        format!("{} {}", given.join(" "), family.join(" "))
    }
}

/// A family name in capitals after a prefix of a capital and one or two small letters, as
/// olympics.com writes `McKEON` or `MacDONALD`: the prefix and the rest.
fn prefixed(word: &str) -> Option<(&str, &str)> {
    let mut chars = word.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let small = chars.by_ref().take_while(|(_, c)| c.is_lowercase()).count();
    let at = word.char_indices().nth(1 + small).map(|(i, _)| i)?;
    let rest = &word[at..];
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    ((1..=2).contains(&small) && letters >= 2 && rest.to_uppercase() == rest)
        .then(|| (&word[..at], rest))
}

/// `BORODA-DUDOCHKIN` → `Boroda-Dudochkin`, `O'CONNOR` → `O'Connor`.
fn title_case(word: &str) -> String {
    // The whole word lowered at once: a Greek capital sigma ending the word becomes ς, not σ.
    let lower = word.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphabetic();
    }
    out
}
