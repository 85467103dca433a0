//! One nation at Paris 2024, from the folder's checked rows, as a `Dataset` like the native
//! format's.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{GAMES, Paris, places, sports};
use crate::date::Date;
use crate::model::{
    Appearance, Athlete, Citation, Coverage, Dataset, Entry, Event, Medal, Season, Sex, Status,
    TableLine,
};
use crate::source::build;
use crate::text::{noun, plural};

/// What the folder records: everything but decisions after the Games and flag bearers.
pub(super) const COVERAGE: Coverage = Coverage {
    games_dates: true,
    medal_dates: true,
    revisions: false,
    entries: true,
    results: true,
    flag_bearers: false,
};

/// Whole years from `birth` to `day`.
fn age(birth: Date, day: Date) -> Option<u32> {
    let (b, d) = (birth.to_string(), day.to_string());
    // ISO strings: year, then month-day compared as text.
    let years = day.year() - birth.year() - i32::from(d[5..] < b[5..]);
    u32::try_from(years).ok()
}

/// One nation at the Games, in one view (as medals.csv awards them).
pub fn dataset(paris: &Paris, noc: &str) -> Dataset {
    let people = delegation_people(paris, noc);
    // The events the nation entered, by id.
    let entered: BTreeSet<usize> = people
        .iter()
        .flat_map(|&i| paris.person_events[i].iter().copied())
        .collect();
    let events = events(paris, noc, &entered);
    let (athletes, entries) = athletes_and_entries(paris, noc, &people, &entered);
    let table = medal_table(paris);
    let history = appearance(&table, noc, &athletes, &events);
    let mut delegation = build::delegation(
        noc,
        paris.nation(noc),
        (GAMES, 2024, Season::Summer.name()),
        "Paris".to_owned(),
    );
    delegation.opening = paris.opening;
    delegation.closing = paris.closing;
    build::dataset(build::Parts {
        coverage: COVERAGE,
        delegation,
        athletes,
        events,
        entries,
        history: vec![history.0],
        history_sports: BTreeMap::from([(2024, history.1)]),
        table_awarded: table,
        sources: vec![cited(paris, noc, &people)],
    })
}

/// The nation's athletes (every one who was in the delegation), by code.
fn delegation_people(paris: &Paris, noc: &str) -> Vec<usize> {
    let mut v: Vec<usize> = (0..paris.people.len())
        .filter(|&i| paris.people[i].noc == noc && paris.in_delegation(i))
        .collect();
    v.sort_by(|&a, &b| paris.people[a].code.cmp(&paris.people[b].code));
    v
}

/// The events the nation entered, with the day of its medal in each where it won one.
fn events(paris: &Paris, noc: &str, entered: &BTreeSet<usize>) -> Vec<Event> {
    // The day of the nation's medal in an event: in boxing, judo and the like the bronzes are
    // decided days before the final (a nation with two medals of one event on two days gets the
    // first).
    let mut medal_days: HashMap<usize, Date> = HashMap::new();
    for a in paris.awards.iter().filter(|a| a.noc == noc) {
        let day = medal_days.entry(a.event).or_insert(a.date);
        *day = (*day).min(a.date);
    }
    entered
        .iter()
        .map(|&e| {
            let c = &paris.events[e];
            Event {
                id: format!("{}: {}", c.discipline, c.name),
                sport: sports::ioc_sport(&c.discipline).to_owned(),
                discipline: c.discipline.clone(),
                name: c.name.clone(),
                category: c.category,
                kind: c.kind,
                date: medal_days.get(&e).copied().or(c.date),
            }
        })
        .collect()
}

/// The nation's athletes and their entries: each athlete's main discipline and age at the
/// opening; each entry's status, place and medal (a team member's are the team's).
fn athletes_and_entries(
    paris: &Paris,
    noc: &str,
    people: &[usize],
    entered: &BTreeSet<usize>,
) -> (Vec<Athlete>, Vec<Entry>) {
    let event_pos: HashMap<usize, usize> =
        entered.iter().enumerate().map(|(k, &e)| (e, k)).collect();
    // Which team each athlete is in, per event; which medal each participant holds.
    let team_of = paris.team_of();
    let medal_of: HashMap<(usize, &str), Medal> = paris
        .awards
        .iter()
        .filter(|a| a.noc == noc)
        .map(|a| ((a.event, a.code.as_str()), a.medal))
        .collect();
    let mut athletes = Vec::new();
    let mut entries = Vec::new();
    for (k, &i) in people.iter().enumerate() {
        let p = &paris.people[i];
        athletes.push(athlete(paris, i));
        for &e in &paris.person_events[i] {
            let participant = team_of
                .get(&(e, p.code.as_str()))
                .copied()
                .unwrap_or(&p.code);
            let (status, place) = match paris.outcomes.get(&(e, participant.to_owned())) {
                Some(o) => (o.status.unwrap_or(Status::Competed), o.place.clone()),
                None => places::absent(
                    &paris.events[e].discipline,
                    paris.outcomes.get(&(e, String::new())),
                ),
            };
            let medal = medal_of
                .get(&(e, participant))
                .or_else(|| medal_of.get(&(e, p.code.as_str())))
                .copied();
            entries.push(Entry {
                athlete: k,
                event: event_pos[&e],
                status,
                place,
                medal_awarded: medal,
                medal_now: medal,
            });
        }
    }
    // By event, the best result first: the statistics show a nation's crews in one event on one
    // line led by its first entry, so a nation with two crews in an event (KAZ's two pairs in the
    // mixed air rifle) shows the one with the medal.
    entries.sort_by_key(|x| {
        (
            x.event,
            x.medal_awarded.is_none(),
            x.medal_awarded,
            x.status != Status::Competed,
            x.place.as_ref().map_or(u32::MAX, |p| p.rank),
            x.athlete,
        )
    });
    (athletes, entries)
}

/// Athlete `i` of the folder, under their main discipline, aged as at the opening.
fn athlete(paris: &Paris, i: usize) -> Athlete {
    let p = &paris.people[i];
    let main = p
        .disciplines
        .first()
        .cloned()
        .or_else(|| {
            paris.person_events[i]
                .first()
                .map(|&e| paris.events[e].discipline.clone())
        })
        .unwrap_or_default();
    Athlete {
        id: p.code.clone(),
        name: p.name.clone(),
        sex: p.sex,
        age: p.birth.zip(paris.opening).and_then(|(b, o)| age(b, o)),
        sport: sports::ioc_sport(&main).to_owned(),
        discipline: main,
        other_names: vec![p.listed_as.clone()],
    }
}

/// The nation's line in its history: these Games, with the sports entered.
fn appearance(
    table: &[TableLine],
    noc: &str,
    athletes: &[Athlete],
    events: &[Event],
) -> (Appearance, BTreeSet<String>) {
    let men = athletes.iter().filter(|a| a.sex == Sex::Male).count() as u32;
    let women = athletes.len() as u32 - men;
    let medals = table
        .iter()
        .find(|l| l.noc == noc)
        .map_or([0; 3], |l| l.medals);
    let sports: BTreeSet<String> = athletes
        .iter()
        .map(|a| a.sport.clone())
        .chain(events.iter().map(|e| e.sport.clone()))
        .collect();
    let line = Appearance {
        year: 2024,
        city: "Paris".to_owned(),
        athletes: men + women,
        men,
        women,
        awarded: Some(medals),
        now: medals,
        source: "Paris 2024 folder".to_owned(),
    };
    (line, sports)
}

/// The folder among the dataset's sources, with what it left out of this nation's team.
fn cited(paris: &Paris, noc: &str, people: &[usize]) -> Citation {
    let alternates = paris
        .people
        .iter()
        .enumerate()
        .filter(|(i, p)| p.noc == noc && !paris.in_delegation(*i))
        .count();
    let unlisted: usize = paris
        .teams
        .iter()
        .filter(|t| t.noc == noc)
        .map(|t| t.unlisted)
        .sum();
    let missing: Vec<String> = people
        .iter()
        .filter_map(|&i| {
            let p = &paris.people[i];
            p.only_in_results
                .as_ref()
                .map(|(file, line)| format!("{} {} ({file}, line {line})", p.code, p.listed_as))
        })
        .collect();
    Citation {
        name: "Paris 2024 Olympic Summer Games (Kaggle, piterfm, from olympics.com)".to_owned(),
        covers: format!(
            "athletes with sex and birth date, {} events, {} medals with their days, teams, the schedule and {} results rows in {} files, for every NOC; the all-nation medal table counted from medals.csv. Places are derived from the round each entry reached; an entry no result row names did not start, but in artistic gymnastics, whose files hold finals only, it went out in qualification{}{}{}",
            paris.events.len(),
            paris.awards.len(),
            paris.result_rows,
            paris.result_files,
            if alternates == 0 {
                String::new()
            } else {
                format!(
                    "; {alternates} alternate {} (reserves with no result of their own) left out of the team",
                    noun(alternates, "athlete", "athletes")
                )
            },
            if unlisted == 0 {
                String::new()
            } else {
                format!(
                    "; teams.csv names {unlisted} team {} of this nation that athletes.csv does not list (reserves, as a rule), left out",
                    noun(unlisted, "member", "members")
                )
            },
            if missing.is_empty() {
                String::new()
            } else {
                format!(
                    "; athletes.csv lacks {} of this nation that results name, counted from their results (age unknown): {}",
                    plural(missing.len() as u32, "athlete", "athletes"),
                    missing.join("; ")
                )
            }
        ),
        as_of: None,
        reference:
            "athletes.csv, events.csv, medals.csv, teams.csv, nocs.csv, schedules.csv, results/"
                .to_owned(),
    }
}

/// Every nation's medals, counted from medals.csv (one row per medal; a team's once), with the
/// name nocs.csv gives it. AIN and EOR are in it, as in the IOC's own table.
fn medal_table(paris: &Paris) -> Vec<TableLine> {
    let mut counts: BTreeMap<&str, [u32; 3]> = BTreeMap::new();
    for a in &paris.awards {
        let k = match a.medal {
            Medal::Gold => 0,
            Medal::Silver => 1,
            Medal::Bronze => 2,
        };
        counts.entry(a.noc.as_str()).or_default()[k] += 1;
    }
    counts
        .into_iter()
        .map(|(noc, medals)| TableLine {
            noc: noc.to_owned(),
            nation: paris.nation(noc),
            medals,
        })
        .collect()
}
