//! A nation's name at each Games, from the team names its rows carry: the name it used at the
//! most Games, so that a crew or boat name (Oleander XII for Bermuda at Tokyo 1964), used once,
//! does not name the nation.

use std::collections::{BTreeMap, HashMap};

use crate::source::kaggle::{Fnv, GamesInfo, Strings, Summary, Sym};

/// Per Games, per nation (by NOC): its team names with their rows.
type Teams = Vec<BTreeMap<String, Vec<(String, u32)>>>;

/// How many Games each (NOC, team name) was used at.
type Used<'t> = HashMap<(&'t str, &'t str), u32>;

/// A team name without the crew number the file adds when a nation has several crews in one
/// event: `United States-2` → `United States`.
pub fn team_name(team: &str) -> &str {
    match team.rsplit_once('-') {
        Some((name, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => team,
    }
}

/// Names every nation at every Games (`Summary::nation`), from the team names of its rows read
/// (taken out of the summaries) and of those outside the focus (only counted).
pub(super) fn name_nations(
    strings: &Strings,
    nations: &mut [BTreeMap<String, Summary>],
    outside_teams: HashMap<(Sym, u16, Sym), u32, Fnv>,
    games: &[GamesInfo],
) {
    let teams = teams_per_games(strings, nations, outside_teams);
    let used = games_used(&teams);
    let chosen = recurring_names(&teams, most_used(&teams, &used), &used, games);
    for ((map, names), listed) in nations.iter_mut().zip(chosen).zip(&teams) {
        let name_of: HashMap<&str, String> = listed.keys().map(String::as_str).zip(names).collect();
        for (noc, summary) in map.iter_mut() {
            summary.nation = name_of.get(noc.as_str()).cloned().unwrap_or_default();
        }
    }
}

/// Per Games, per nation: its team names with their rows, from the rows read and those outside
/// the focus.
fn teams_per_games(
    strings: &Strings,
    nations: &mut [BTreeMap<String, Summary>],
    outside_teams: HashMap<(Sym, u16, Sym), u32, Fnv>,
) -> Teams {
    let mut teams: Teams = nations
        .iter_mut()
        .map(|map| {
            map.iter_mut()
                .map(|(noc, s)| (noc.clone(), std::mem::take(&mut s.teams)))
                .collect()
        })
        .collect();
    for ((noc, g, team), rows) in outside_teams {
        let list = teams[g as usize]
            .entry(strings.get(noc).to_owned())
            .or_default();
        let team = strings.get(team);
        match list.iter_mut().find(|(t, _)| t == team) {
            Some((_, n)) => *n += rows,
            None => list.push((team.to_owned(), rows)),
        }
    }
    teams
}

/// How many Games each nation used each team name at.
fn games_used(teams: &Teams) -> Used<'_> {
    let mut used: Used = HashMap::new();
    for map in teams {
        for (noc, list) in map {
            for (team, _) in list {
                *used.entry((noc.as_str(), team.as_str())).or_default() += 1;
            }
        }
    }
    used
}

/// Per Games, per nation in code order: the team name its rows carry most, among the names it
/// used at the most Games.
fn most_used(teams: &Teams, used: &Used) -> Vec<Vec<String>> {
    teams
        .iter()
        .map(|map| {
            map.iter()
                .map(|(noc, list)| {
                    list.iter()
                        .max_by(|a, b| {
                            let games = |t: &str| used.get(&(noc.as_str(), t)).copied();
                            games(&a.0)
                                .cmp(&games(&b.0))
                                .then(a.1.cmp(&b.1))
                                .then_with(|| b.0.cmp(&a.0))
                        })
                        .map(|(team, _)| team.clone())
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

/// The names chosen (per Games, per nation in code order), with a name the nation used at those
/// Games only (a boat or club: Bermuda's "Pam" at 1956, Mexico's "A North American Team" at 1900)
/// replaced, when the nation has names it used at several Games, by its name at the nearest Games
/// (the earlier of two as near). A nation that had one name at one Games only (Saar) keeps it.
fn recurring_names<T>(
    nations: &[BTreeMap<String, T>],
    chosen: Vec<Vec<String>>,
    used: &HashMap<(&str, &str), u32>,
    games: &[GamesInfo],
) -> Vec<Vec<String>> {
    let recurs = |noc: &str, name: &str| used.get(&(noc, name)).is_some_and(|&n| n > 1);
    // Per nation: the year of each Games where its name is one it used at several.
    let mut known: HashMap<&str, Vec<(i32, &str)>> = HashMap::new();
    for ((map, names), info) in nations.iter().zip(&chosen).zip(games) {
        for (noc, name) in map.keys().zip(names) {
            if recurs(noc, name) {
                known.entry(noc).or_default().push((info.year, name));
            }
        }
    }
    nations
        .iter()
        .zip(&chosen)
        .zip(games)
        .map(|((map, names), info)| {
            map.keys()
                .zip(names)
                .map(|(noc, name)| {
                    if name.is_empty() || recurs(noc, name) {
                        return name.clone();
                    }
                    known
                        .get(noc.as_str())
                        .and_then(|list| {
                            list.iter()
                                .min_by_key(|(year, _)| (year.abs_diff(info.year), *year))
                        })
                        .map_or_else(|| name.clone(), |(_, n)| (*n).to_owned())
                })
                .collect()
        })
        .collect()
}
