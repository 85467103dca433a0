//! The world revision ledger applied to the Paris 2024 folder: both medal views for every nation,
//! when the ledger has rows for 2024 Summer.
//!
//! The folder's medals are as awarded at the Games (medals.csv holds no later change), so each
//! athlete's chain of changes must start from the medal the folder shows; now is the medal after
//! every change decided up to the as-of date. A row is matched by NOC, event (as events.csv names
//! it, with or without the sport before it) and athlete (as the briefing shows the name or as
//! olympics.com writes it, in any case).

use std::collections::{BTreeSet, HashMap};

use super::{GAMES, Paris, sports};
use crate::date::PartialDate;
use crate::error::{DataError, Error, quoted};
use crate::model::{Dataset, Medal};
use crate::source::ledger::{
    Change, GamesCoverage, Ledger, Mark, Tables, chains, mark, matching_errors, medal_word, tables,
};

/// An athlete in an event: (person code, event).
type Key = (String, usize);

/// The ledger as it applies to the folder, at one date.
#[derive(Debug, Clone)]
pub struct Revised {
    /// The date the "now" view stands at.
    as_of: PartialDate,
    /// The ledger's file, as its messages name it.
    file: String,
    coverage: GamesCoverage,
    /// Entries whose medal changes by the as-of date: (as awarded, now).
    medals: HashMap<Key, (Option<Medal>, Option<Medal>)>,
    /// The changes in force, each with the entry it changes, in the order decided.
    steps: Vec<(Key, Change)>,
    /// Every nation's medals, as awarded and now.
    tables: Tables,
}

/// Whether the ledger's `event` of `sport` names the folder's event `e`.
fn names_event(paris: &Paris, e: usize, sport: &str, event: &str) -> bool {
    let c = &paris.events[e];
    let ioc = sports::ioc_sport(&c.discipline);
    let of_sport = sport.eq_ignore_ascii_case(&c.discipline) || sport.eq_ignore_ascii_case(ioc);
    of_sport
        && [&c.discipline[..], ioc].iter().any(|s| {
            event.eq_ignore_ascii_case(&c.name)
                || event
                    .get(..s.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(s))
                    && event[s.len()..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.eq_ignore_ascii_case(&c.name))
        })
}

/// Matches the ledger's 2024 Summer rows against the folder and computes both views at `as_of`.
/// A row for a NOC the folder holds whose event or athlete it does not find is an error naming
/// the ledger's line; rows for NOCs the folder does not hold do not apply.
pub fn revise(
    paris: &Paris,
    ledger: &Ledger,
    coverage: &GamesCoverage,
    as_of: PartialDate,
) -> Result<Revised, Error> {
    let label = &ledger.file;
    // Which team each athlete is in, per event; which medal each participant holds.
    let team_of = paris.team_of();
    let medal_of: HashMap<(usize, &str), Medal> = paris
        .awards
        .iter()
        .map(|a| ((a.event, a.code.as_str()), a.medal))
        .collect();
    let held = |person: usize, e: usize| -> (String, Option<Medal>) {
        let code = paris.people[person].code.as_str();
        let participant = team_of.get(&(e, code)).copied().unwrap_or(code);
        let medal = medal_of
            .get(&(e, participant))
            .or_else(|| medal_of.get(&(e, code)))
            .copied();
        (participant.to_owned(), medal)
    };
    let held_nocs: BTreeSet<&str> = (0..paris.people.len())
        .filter(|&i| paris.in_delegation(i))
        .map(|i| paris.people[i].noc.as_str())
        .collect();

    let mut errors = Vec::new();
    let mut medals = HashMap::new();
    let mut steps = Vec::new();
    // A crew's or squad's medal counts once: by (event, participant), its NOC and both medals.
    type Counted = (String, Option<Medal>, Option<Medal>);
    let mut counted: HashMap<(usize, String), Counted> = HashMap::new();
    for ((games, event, noc, athlete), list) in chains(&ledger.changes) {
        if games != GAMES || !held_nocs.contains(noc) {
            continue;
        }
        let first = &ledger.changes[list[0]];
        let events: Vec<usize> = (0..paris.events.len())
            .filter(|&e| names_event(paris, e, &first.sport, event))
            .collect();
        if events.is_empty() {
            // An event of the sport named, else any, to show how events.csv writes them.
            let example = paris
                .events
                .iter()
                .find(|c| {
                    first.sport.eq_ignore_ascii_case(&c.discipline)
                        || first
                            .sport
                            .eq_ignore_ascii_case(sports::ioc_sport(&c.discipline))
                })
                .or(paris.events.first())
                .map_or(String::new(), |c| c.name.clone());
            errors.push(DataError::field(
                label,
                first.line,
                "event",
                event,
                format!(
                    "no {} event of this name at {GAMES} in {}; name it as events.csv does, such as {}",
                    first.sport,
                    paris.dir,
                    quoted(&example)
                ),
            ));
            continue;
        }
        let of_noc: Vec<(usize, usize)> = (0..paris.people.len())
            .filter(|&i| paris.people[i].noc == noc && paris.in_delegation(i))
            .flat_map(|i| {
                events
                    .iter()
                    .filter(move |&&e| paris.person_events[i].contains(&e))
                    .map(move |&e| (i, e))
            })
            .collect();
        let matched: Vec<(usize, usize)> = of_noc
            .iter()
            .copied()
            .filter(|&(i, _)| {
                let p = &paris.people[i];
                athlete.eq_ignore_ascii_case(&p.name) || athlete.eq_ignore_ascii_case(&p.listed_as)
            })
            .collect();
        if matched.is_empty() {
            let mut names: Vec<&str> = of_noc
                .iter()
                .map(|&(i, _)| paris.people[i].name.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            let shown: Vec<String> = names.iter().take(6).map(|n| quoted(n)).collect();
            errors.push(DataError::field(
                label,
                first.line,
                "athlete",
                athlete,
                if names.is_empty() {
                    format!(
                        "no {noc} athlete in this event at {GAMES} in {}: {noc} entered no one in it",
                        paris.dir
                    )
                } else {
                    format!(
                        "no {noc} athlete of this name in this event at {GAMES} in {}; write the name as the briefing shows it or as olympics.com does (its {noc} athletes here: {}{})",
                        paris.dir,
                        shown.join(", "),
                        if names.len() > shown.len() { ", …" } else { "" }
                    )
                },
            ));
            continue;
        }
        let changes: Vec<&Change> = list.iter().map(|&i| &ledger.changes[i]).collect();
        for (person, e) in matched {
            let (participant, shown) = held(person, e);
            if shown != first.from {
                errors.push(DataError::field(
                    label,
                    first.line,
                    "from",
                    medal_word(first.from),
                    format!(
                        "medals.csv gives this athlete {} (the medal as awarded at the Games, which the folder holds), not {}: a change must start from the medal held",
                        medal_word(shown),
                        medal_word(first.from)
                    ),
                ));
                continue;
            }
            let key = (paris.people[person].code.clone(), e);
            let mut now = shown;
            for c in changes.iter().filter(|c| c.in_force(as_of)) {
                now = c.to;
                steps.push((key.clone(), (*c).clone()));
            }
            if now != shown {
                medals.insert(key, (shown, now));
                counted
                    .entry((e, participant))
                    .or_insert_with(|| (noc.to_owned(), shown, now));
            }
        }
    }
    if !errors.is_empty() {
        return Err(matching_errors(errors));
    }
    steps.sort_by_key(|(_, c)| (c.decided.latest(), c.line));
    let mut table: Tables = Tables::new();
    for a in &paris.awards {
        let line = table.entry(a.noc.clone()).or_default();
        line.0[slot(a.medal)] += 1;
        line.1[slot(a.medal)] += 1;
    }
    for (noc, awarded, now) in counted.into_values() {
        let line = table.entry(noc).or_default();
        if let Some(m) = awarded {
            line.1[slot(m)] -= 1;
        }
        if let Some(m) = now {
            line.1[slot(m)] += 1;
        }
    }
    Ok(Revised {
        as_of,
        file: ledger.file.clone(),
        coverage: coverage.clone(),
        medals,
        steps,
        tables: table,
    })
}

fn slot(medal: Medal) -> usize {
    match medal {
        Medal::Gold => 0,
        Medal::Silver => 1,
        Medal::Bronze => 2,
    }
}

impl Revised {
    /// Gives the dataset of one nation (`build::dataset`) both views: each entry's medal as
    /// awarded and now, the changes of the nation's entries, the all-nation tables and its line
    /// in the history.
    pub fn apply(&self, paris: &Paris, data: &mut Dataset) {
        let noc = data.delegation.noc.clone();
        let event_of: HashMap<String, usize> = paris
            .events
            .iter()
            .enumerate()
            .map(|(e, c)| (format!("{}: {}", c.discipline, c.name), e))
            .collect();
        let mut entry_of: HashMap<Key, usize> = HashMap::new();
        for (k, entry) in data.entries.iter_mut().enumerate() {
            let (Some(athlete), Some(&e)) = (
                data.athletes.get(entry.athlete),
                data.events
                    .get(entry.event)
                    .and_then(|ev| event_of.get(&ev.id)),
            ) else {
                continue;
            };
            let key = (athlete.id.clone(), e);
            if let Some(&(awarded, now)) = self.medals.get(&key) {
                entry.medal_awarded = awarded;
                entry.medal_now = now;
            }
            entry_of.insert(key, k);
        }
        let (awarded, now) = self.tables.get(&noc).copied().unwrap_or_default();
        for appearance in &mut data.history {
            if appearance.year == 2024 {
                appearance.awarded = Some(awarded);
                appearance.now = now;
            }
        }
        let revisions = self
            .steps
            .iter()
            .filter_map(|(key, c)| Some(c.revision(*entry_of.get(key)?)))
            .collect();
        mark(
            data,
            Mark {
                as_of: self.as_of,
                file: &self.file,
                coverage: &self.coverage,
                changes: self.steps.len(),
                revisions,
                tables: tables(&self.tables, |code| paris.nation(code)),
                counted_from: "the folder's medals.csv",
            },
        );
    }
}
