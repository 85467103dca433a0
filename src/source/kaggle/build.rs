//! One nation at one Games, from the file's rows, as a `Dataset` like the native format's.

use std::collections::{BTreeMap, BTreeSet};

use super::{Olympics, Summary, crew, sports};
use crate::model::{
    Appearance, Athlete, Category, Citation, Coverage, Dataset, Entry, Event, Kind, Status,
    TableLine,
};
use crate::source::build;
// An event's id is its name's slug: `Judo Men's Extra-Lightweight` is `judo-men-s-extra-lightweight`.
use crate::text::slug;

/// What this format records: athletes, events and medals, nothing more.
pub(super) const COVERAGE: Coverage = Coverage {
    games_dates: false,
    medal_dates: false,
    revisions: false,
    entries: true,
    results: false,
    flag_bearers: false,
};

/// Men's, women's or mixed, from the event's name.
fn category(event: &str) -> Category {
    if event.starts_with("Men's") || event.contains(" Men's ") {
        Category::Men
    } else if event.starts_with("Women's") || event.contains(" Women's ") {
        Category::Women
    } else {
        Category::Mixed
    }
}

/// One nation at Games `games` of the file, in one view (as the file shows its medals).
pub fn dataset(file: &Olympics, games: usize, noc: &str) -> Dataset {
    let info = &file.games[games];
    let here = &file.nations[games][noc];
    let (events, event_of_row) = events(file, games, here);
    let athletes = athletes(file, here, &events, &event_of_row);
    let entries = entries(file, here, &athletes, &events, &event_of_row);
    let (history, history_sports, appearance) = history(file, games, noc);
    let mut delegation = build::delegation(
        noc,
        nation_name(file, noc, here),
        (&info.name, info.year, &info.season),
        info.city(),
    );
    delegation.appearance = Some(appearance);
    build::dataset(build::Parts {
        coverage: COVERAGE,
        delegation,
        athletes,
        events: events.into_values().collect(),
        entries,
        history,
        history_sports,
        table_awarded: medal_table(file, games),
        sources: vec![cited(file)],
    })
}

/// The nation's events by id, and each of its rows' event id; where it won one medal of an event
/// with several crews, one event per crew.
fn events(file: &Olympics, games: usize, here: &Summary) -> (BTreeMap<String, Event>, Vec<String>) {
    let s = &file.strings;
    let several = crew::several_crews(file, games, here);
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    let mut event_of_row: Vec<String> = Vec::with_capacity(here.rows.len());
    for &i in &here.rows {
        let row = &file.rows[i as usize];
        let sport = s.get(row.sport);
        let full = s.get(row.event);
        let name = full.strip_prefix(sport).unwrap_or(full).trim_start();
        let (id, name) = if row.medal.is_some_and(|m| several.contains(&(row.event, m))) {
            let team = s.get(row.team);
            (slug(&format!("{full} {team}")), format!("{name} ({team})"))
        } else {
            (slug(full), name.to_owned())
        };
        let name = name.as_str();
        events.entry(id.clone()).or_insert_with(|| {
            let (ioc, discipline) = sports::classify(sport, name);
            let kind = if !file.shared[games].contains(&row.event) {
                Kind::Individual
            } else if sports::is_team_sport(ioc, discipline) {
                Kind::Team
            } else {
                Kind::Crew
            };
            Event {
                id: id.clone(),
                sport: ioc.to_owned(),
                discipline: discipline.to_owned(),
                name: name.to_owned(),
                category: category(name),
                kind,
                date: None,
            }
        });
        event_of_row.push(id);
    }
    (events, event_of_row)
}

/// The nation's athletes by id, each under the sport of most of their entries.
fn athletes(
    file: &Olympics,
    here: &Summary,
    events: &BTreeMap<String, Event>,
    event_of_row: &[String],
) -> Vec<Athlete> {
    // Each athlete's first row, and entries per (sport, discipline).
    type Sports = BTreeMap<(String, String), u32>;
    let mut per_athlete: BTreeMap<String, (u32, Sports)> = BTreeMap::new();
    for (k, &i) in here.rows.iter().enumerate() {
        let row = &file.rows[i as usize];
        let e = &events[&event_of_row[k]];
        let a = per_athlete
            .entry(row.id.to_string())
            .or_insert((i, BTreeMap::new()));
        *a.1.entry((e.sport.clone(), e.discipline.clone()))
            .or_default() += 1;
    }
    per_athlete
        .iter()
        .map(|(id, (first, sports))| {
            let row = &file.rows[*first as usize];
            let ((sport, discipline), _) = sports
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map_or_else(
                    || ((String::new(), String::new()), &0),
                    |(k, v)| (k.clone(), v),
                );
            Athlete {
                id: id.clone(),
                name: file
                    .names
                    .get(&row.id)
                    .map_or_else(String::new, |n| n.0.to_string()),
                sex: row.sex,
                age: row.age.map(u32::from),
                sport,
                discipline,
                other_names: Vec::new(),
            }
        })
        .collect()
}

/// One entry per row of the nation, in the rows' order, with the medal the file shows.
fn entries(
    file: &Olympics,
    here: &Summary,
    athletes: &[Athlete],
    events: &BTreeMap<String, Event>,
    event_of_row: &[String],
) -> Vec<Entry> {
    let athlete_index: BTreeMap<&str, usize> = athletes
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let event_index: BTreeMap<&str, usize> = events
        .keys()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    here.rows
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let row = &file.rows[i as usize];
            Entry {
                athlete: athlete_index[row.id.to_string().as_str()],
                event: event_index[event_of_row[k].as_str()],
                status: Status::Competed,
                place: None,
                medal_awarded: row.medal,
                medal_now: row.medal,
            }
        })
        .collect()
}

/// The nation's Games of this season, up to the last in the file, with the sports entered at
/// each, and its appearance number at Games `games`.
fn history(
    file: &Olympics,
    games: usize,
    noc: &str,
) -> (Vec<Appearance>, BTreeMap<i32, BTreeSet<String>>, u32) {
    let info = &file.games[games];
    let mut history = Vec::new();
    let mut history_sports = BTreeMap::new();
    let mut appearance = 0;
    for (g, other) in file.games.iter().enumerate() {
        if other.season != info.season {
            continue;
        }
        let Some(x) = file.nations[g].get(noc) else {
            continue;
        };
        if g <= games {
            appearance += 1;
        }
        history.push(Appearance {
            year: other.year,
            city: other.city(),
            athletes: x.athletes,
            men: x.men,
            women: x.women,
            awarded: Some(x.medals),
            now: x.medals,
            source: "athlete_events.csv".to_owned(),
        });
        history_sports.insert(
            other.year,
            x.sports.iter().cloned().collect::<BTreeSet<_>>(),
        );
    }
    (history, history_sports, appearance)
}

/// Every nation with a medal at Games `games`, as the file counts them.
fn medal_table(file: &Olympics, games: usize) -> Vec<TableLine> {
    file.nations[games]
        .iter()
        .filter(|(_, x)| x.medals.iter().sum::<u32>() > 0)
        .map(|(code, x)| TableLine {
            noc: code.clone(),
            nation: x.nation.clone(),
            medals: x.medals,
        })
        .collect()
}

/// The file among the dataset's sources.
fn cited(file: &Olympics) -> Citation {
    Citation {
        name: "120 years of Olympic history (Kaggle, R. H. Griffin, from sports-reference.com)"
            .to_owned(),
        covers: format!(
            "athletes, events and medals of every nation at every Games in the file; {} Games, {} rows read{}",
            file.games.len(),
            file.rows.len() + file.outside_rows as usize,
            if file.duplicates > 0 {
                format!(", {} repeated rows counted once", file.duplicates)
            } else {
                String::new()
            }
        ),
        as_of: None,
        reference: file_name(&file.file),
    }
}

/// The nation's name: its most common team name at these Games, which the file gives in the
/// Games' own terms (Soviet Union, West Germany), unlike noc_regions.csv, which maps old codes to
/// today's regions; the region, or the code, only when no team name is there.
pub fn nation_name(file: &Olympics, noc: &str, here: &Summary) -> String {
    if here.nation.is_empty() {
        return file.region(noc).unwrap_or(noc).to_owned();
    }
    here.nation.clone()
}

/// The file's name without its folders, so the briefing does not carry the user's paths.
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}
