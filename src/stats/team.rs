//! Team composition: who went, in which sports, in how many events, and who did not start.
//!
//! Athletes count once for the delegation and once per sport, whatever their number of events;
//! non-starters belong to the delegation (the IOC count) and are listed as such.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::percent;
use crate::model::{Category, Dataset, Kind, Medal, Sex, Status};
use crate::text::plural;

#[derive(Debug, Clone, Serialize)]
pub struct TeamStats {
    pub athletes: u32,
    pub men: u32,
    pub women: u32,
    /// Percent of the delegation, one decimal.
    pub men_share: f64,
    pub women_share: f64,
    pub sports: u32,
    pub disciplines: u32,
    pub events: u32,
    pub entries: u32,
    pub statuses: StatusCounts,
    /// Largest first (then by name).
    pub by_sport: Vec<SportTeam>,
    /// Team-sport squads.
    pub team_sports: Vec<Squad>,
    /// Crews, pairs and other shared results that are not team sports.
    pub crews: Vec<Squad>,
    /// Athletes entered in more than one event, most events first.
    pub multi_event: Vec<MultiEvent>,
    /// Athletes who started in none of their events.
    pub non_starters: Vec<NonStarter>,
}

impl TeamStats {
    /// `115 athletes: 74 men (64.3 %) and 41 women (35.7 %)`.
    pub fn by_sex(&self) -> String {
        format!(
            "{}: {} ({:.1} %) and {} ({:.1} %)",
            plural(self.athletes, "athlete", "athletes"),
            plural(self.men, "man", "men"),
            self.men_share,
            plural(self.women, "woman", "women"),
            self.women_share
        )
    }

    /// The team grid, athletes by sport and sex: each sport (largest first) followed by its
    /// disciplines when it shows them, then the whole team. Built once for the terminal summary
    /// and the PDF's team section, which label its rows each in their own way.
    pub fn grid(&self) -> Vec<GridRow<'_>> {
        let mut rows = Vec::new();
        for sport in &self.by_sport {
            rows.push(GridRow {
                level: GridLevel::Sport,
                name: &sport.sport,
                men: sport.men,
                women: sport.women,
                total: sport.total,
            });
            if sport.shows_disciplines() {
                rows.extend(sport.disciplines.iter().map(|d| GridRow {
                    level: GridLevel::Discipline,
                    name: &d.discipline,
                    men: d.men,
                    women: d.women,
                    total: d.total,
                }));
            }
        }
        rows.push(GridRow {
            level: GridLevel::All,
            name: "",
            men: self.men,
            women: self.women,
            total: self.athletes,
        });
        rows
    }
}

/// Which row of the team grid a `GridRow` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridLevel {
    Sport,
    /// A discipline of the sport above it.
    Discipline,
    /// The whole team, last.
    All,
}

/// One row of the team grid (`TeamStats::grid`).
#[derive(Debug, Clone, Copy)]
pub struct GridRow<'a> {
    pub level: GridLevel,
    /// The sport's or discipline's name; empty for the whole team, which each renderer names.
    pub name: &'a str,
    pub men: u32,
    pub women: u32,
    pub total: u32,
}

impl GridRow<'_> {
    /// The row's cells: `label`, then men, women and total.
    pub fn cells(&self, label: String) -> Vec<String> {
        vec![
            label,
            self.men.to_string(),
            self.women.to_string(),
            self.total.to_string(),
        ]
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct StatusCounts {
    pub competed: u32,
    pub dnf: u32,
    pub dq: u32,
    pub dns: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct SportTeam {
    pub sport: String,
    pub men: u32,
    pub women: u32,
    pub total: u32,
    pub disciplines: Vec<DisciplineTeam>,
}

impl SportTeam {
    /// Whether the sport is worth breaking down: several disciplines, or one named otherwise.
    pub fn shows_disciplines(&self) -> bool {
        self.disciplines.len() > 1
            || self
                .disciplines
                .first()
                .is_some_and(|d| d.discipline != self.sport)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DisciplineTeam {
    pub discipline: String,
    pub men: u32,
    pub women: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Squad {
    pub event: String,
    pub event_id: String,
    pub sport: String,
    pub discipline: String,
    pub category: Category,
    /// Everyone entered, non-starters included.
    pub size: u32,
    /// Those who took part.
    pub played: u32,
    /// The squad's place as the results stand now, in the data's notation.
    pub place: Option<String>,
    pub medal_awarded: Option<Medal>,
    pub medal_now: Option<Medal>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MultiEvent {
    pub athlete: String,
    pub athlete_id: String,
    pub sport: String,
    pub events: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct NonStarter {
    pub athlete: String,
    pub athlete_id: String,
    pub sex: Sex,
    pub sport: String,
    pub events: Vec<String>,
}

/// Athletes (by index) grouped under a name.
type Members<'a> = BTreeMap<&'a str, BTreeSet<usize>>;

/// Men and women among a set of athlete indices.
fn split(data: &Dataset, athletes: &BTreeSet<usize>) -> (u32, u32) {
    let men = athletes
        .iter()
        .filter(|&&a| data.athletes[a].sex == Sex::Male)
        .count() as u32;
    (men, athletes.len() as u32 - men)
}

pub fn compute(data: &Dataset) -> TeamStats {
    let athletes = data.athletes.len() as u32;
    let men = data.athletes.iter().filter(|a| a.sex == Sex::Male).count() as u32;
    let women = athletes - men;

    // Sport and discipline membership comes from the entries, so an athlete with several events
    // in one sport is counted once there.
    let mut sports: BTreeMap<&str, (BTreeSet<usize>, Members)> = BTreeMap::new();
    let mut per_athlete: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut statuses = StatusCounts::default();
    for (i, entry) in data.entries.iter().enumerate() {
        let e = &data.events[entry.event];
        let sport = sports.entry(&e.sport).or_default();
        sport.0.insert(entry.athlete);
        sport
            .1
            .entry(&e.discipline)
            .or_default()
            .insert(entry.athlete);
        per_athlete.entry(entry.athlete).or_default().push(i);
        match entry.status {
            Status::Competed => statuses.competed += 1,
            Status::Dnf => statuses.dnf += 1,
            Status::Dq => statuses.dq += 1,
            Status::Dns => statuses.dns += 1,
        }
    }
    // An athlete with no entry in the source (a reserve; where only medallists' events are
    // known, everyone else) counts in their own sport and discipline.
    for (a, athlete) in data.athletes.iter().enumerate() {
        if !per_athlete.contains_key(&a) && !athlete.sport.is_empty() {
            let sport = sports.entry(&athlete.sport).or_default();
            sport.0.insert(a);
            sport.1.entry(&athlete.discipline).or_default().insert(a);
        }
    }
    let disciplines = sports.values().map(|(_, d)| d.len() as u32).sum();
    let by_sport = by_sport(data, &sports);
    let (team_sports, crews) = squads(data);
    let multi_event = multi_event(data, &per_athlete);
    let non_starters = non_starters(data, &per_athlete);

    TeamStats {
        athletes,
        men,
        women,
        men_share: percent(men, athletes),
        women_share: percent(women, athletes),
        sports: sports.len() as u32,
        disciplines,
        events: data
            .entries
            .iter()
            .map(|e| e.event)
            .collect::<BTreeSet<_>>()
            .len() as u32,
        entries: data.entries.len() as u32,
        statuses,
        by_sport,
        team_sports,
        crews,
        multi_event,
        non_starters,
    }
}

/// Sports by size, largest first, each with its disciplines by size.
fn by_sport(data: &Dataset, sports: &BTreeMap<&str, (BTreeSet<usize>, Members)>) -> Vec<SportTeam> {
    let mut by_sport: Vec<SportTeam> = sports
        .iter()
        .map(|(sport, (members, disciplines))| {
            let (m, w) = split(data, members);
            let mut disciplines: Vec<DisciplineTeam> = disciplines
                .iter()
                .map(|(d, members)| {
                    let (m, w) = split(data, members);
                    DisciplineTeam {
                        discipline: (*d).to_owned(),
                        men: m,
                        women: w,
                        total: m + w,
                    }
                })
                .collect();
            disciplines.sort_by(|a, b| {
                b.total
                    .cmp(&a.total)
                    .then_with(|| a.discipline.cmp(&b.discipline))
            });
            SportTeam {
                sport: (*sport).to_owned(),
                men: m,
                women: w,
                total: m + w,
                disciplines,
            }
        })
        .collect();
    by_sport.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.sport.cmp(&b.sport)));
    by_sport
}

/// Team sports and crews, one squad per event, in event order.
fn squads(data: &Dataset) -> (Vec<Squad>, Vec<Squad>) {
    let mut team_sports = Vec::new();
    let mut crews = Vec::new();
    for (i, e) in data.events.iter().enumerate() {
        if e.kind == Kind::Individual {
            continue;
        }
        let members: Vec<_> = data.entries.iter().filter(|x| x.event == i).collect();
        let played = members.iter().filter(|x| x.status != Status::Dns).count() as u32;
        let place = members
            .iter()
            .find_map(|x| x.place.as_ref())
            .map(ToString::to_string);
        let squad = Squad {
            event: e.name.clone(),
            event_id: e.id.clone(),
            sport: e.sport.clone(),
            discipline: e.discipline.clone(),
            category: e.category,
            size: members.len() as u32,
            played,
            place,
            medal_awarded: members.iter().find_map(|x| x.medal_awarded),
            medal_now: members.iter().find_map(|x| x.medal_now),
        };
        if e.kind == Kind::Team {
            team_sports.push(squad)
        } else {
            crews.push(squad)
        }
    }
    (team_sports, crews)
}

/// Athletes with more than one entry, most entries first.
fn multi_event(data: &Dataset, per_athlete: &BTreeMap<usize, Vec<usize>>) -> Vec<MultiEvent> {
    let mut multi_event: Vec<MultiEvent> = per_athlete
        .iter()
        .filter(|(_, entries)| entries.len() > 1)
        .map(|(&a, entries)| {
            let a = &data.athletes[a];
            MultiEvent {
                athlete: a.name.clone(),
                athlete_id: a.id.clone(),
                sport: a.sport.clone(),
                events: entries.len() as u32,
            }
        })
        .collect();
    multi_event.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.athlete.cmp(&b.athlete))
    });
    multi_event
}

/// Athletes who started in none of their entries, by name.
fn non_starters(data: &Dataset, per_athlete: &BTreeMap<usize, Vec<usize>>) -> Vec<NonStarter> {
    let mut non_starters: Vec<NonStarter> = per_athlete
        .iter()
        .filter(|(_, entries)| {
            entries
                .iter()
                .all(|&i| data.entries[i].status == Status::Dns)
        })
        .map(|(&a, entries)| {
            let a = &data.athletes[a];
            NonStarter {
                athlete: a.name.clone(),
                athlete_id: a.id.clone(),
                sex: a.sex,
                sport: a.sport.clone(),
                events: entries
                    .iter()
                    .map(|&i| data.events[data.entries[i].event].name.clone())
                    .collect(),
            }
        })
        .collect();
    non_starters.sort_by(|a, b| a.athlete.cmp(&b.athlete));
    non_starters
}
