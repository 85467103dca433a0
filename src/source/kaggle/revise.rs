//! The world revision ledger applied to the Kaggle file: both medal views for every nation at
//! every Games the ledger covers.
//!
//! The file holds most medals as awarded but some later changes already applied, and a two-step
//! change may be half applied (the 2012 women's shot put). So which changes it holds is found row
//! by row: an athlete's changes chain from the medal as awarded to the medal now, and the medal
//! the file shows is one link of that chain. As awarded is the chain's first medal; now is the
//! medal after every change decided up to the as-of date.

use std::collections::{BTreeMap, HashMap};

use super::{Olympics, Sym, crew};
use crate::date::PartialDate;
use crate::error::{DataError, Error, quoted};
use crate::model::{Dataset, Medal};
use crate::source::ledger::{
    Change, GamesCoverage, Ledger, Mark, Tables, chains, mark, matching_errors, medal_word, tables,
};

/// The ledger as it applies to one file, at one date.
#[derive(Debug, Clone)]
pub struct Revised {
    /// The date the "now" view stands at.
    pub as_of: PartialDate,
    /// The ledger's file, as its messages name it (`data/ledger.csv` when built in).
    file: String,
    /// Per Games of the file (same index): the ledger's view, when it covers the Games.
    games: Vec<Option<GamesRevised>>,
}

/// One covered Games.
#[derive(Debug, Clone)]
struct GamesRevised {
    coverage: GamesCoverage,
    /// Rows whose medal differs in some view: (as awarded, now), by row.
    medals: HashMap<u32, (Option<Medal>, Option<Medal>)>,
    /// The changes in force, each with the row it changes, in the order decided.
    steps: Vec<(u32, Change)>,
    /// Every nation's medals, as awarded and now.
    tables: Tables,
}

/// Matches the ledger against the file's rows and computes both views at `as_of`. A change for a
/// Games, event and NOC the file holds that matches none of its athletes is an error naming the
/// ledger's line; changes for what the file does not hold do not apply.
pub fn revise(file: &Olympics, ledger: &Ledger, as_of: PartialDate) -> Result<Revised, Error> {
    let label = &ledger.file;
    let games_index: HashMap<&str, usize> = file
        .games
        .iter()
        .enumerate()
        .map(|(i, g)| (g.name.as_str(), i))
        .collect();
    // The file's symbols for the events and NOCs the ledger names.
    let wanted: std::collections::HashSet<&str> = ledger
        .changes
        .iter()
        .flat_map(|c| [c.event.as_str(), c.noc.as_str()])
        .collect();
    let syms: HashMap<&str, Sym> = file
        .strings
        .list
        .iter()
        .enumerate()
        .filter(|(_, s)| wanted.contains(&***s))
        .map(|(i, s)| (&**s, i as Sym))
        .collect();
    let covered: Vec<Option<&GamesCoverage>> = file
        .games
        .iter()
        .map(|g| ledger.games.get(&g.name))
        .collect();
    // Rows of the events the ledger names, at covered Games: by (Games, event).
    let events: std::collections::HashSet<(usize, Sym)> = ledger
        .changes
        .iter()
        .filter_map(|c| {
            Some((
                *games_index.get(c.games.as_str())?,
                *syms.get(c.event.as_str())?,
            ))
        })
        .collect();
    let mut rows_of: HashMap<(usize, Sym), Vec<u32>> = HashMap::new();
    for (i, row) in file.rows.iter().enumerate() {
        let key = (usize::from(row.games), row.event);
        if events.contains(&key) {
            rows_of.entry(key).or_default().push(i as u32);
        }
    }

    let mut errors = Vec::new();
    let mut revised: Vec<Option<GamesRevised>> = covered
        .iter()
        .map(|c| {
            c.map(|coverage| GamesRevised {
                coverage: coverage.clone(),
                medals: HashMap::new(),
                steps: Vec::new(),
                tables: BTreeMap::new(),
            })
        })
        .collect();
    for ((games, event, noc, athlete), list) in chains(&ledger.changes) {
        let first = &ledger.changes[list[0]];
        let (Some(&g), Some(&event_sym)) = (games_index.get(games), syms.get(event)) else {
            continue; // the file does not hold the Games or the event
        };
        let Some(here) = revised[g].as_mut() else {
            continue;
        };
        let in_event = rows_of.get(&(g, event_sym)).map_or(&[][..], Vec::as_slice);
        let name_of = |i: u32| {
            file.names
                .get(&file.rows[i as usize].id)
                .map_or("", |n| &*n.0)
        };
        let noc_sym = syms.get(noc).copied();
        let of_noc: Vec<u32> = in_event
            .iter()
            .copied()
            .filter(|&i| Some(file.rows[i as usize].noc) == noc_sym)
            .collect();
        let matched: Vec<u32> = of_noc
            .iter()
            .copied()
            .filter(|&i| name_of(i) == athlete)
            .collect();
        if of_noc.is_empty() {
            // The file holds no row of this NOC in the event: a file cut to a few nations, or a
            // wrong code when the athlete is there under another.
            if let Some(&i) = in_event.iter().find(|&&i| name_of(i) == athlete) {
                let other = file.strings.get(file.rows[i as usize].noc);
                errors.push(DataError::field(
                    label,
                    first.line,
                    "noc",
                    noc,
                    format!(
                        "{noc} is not this athlete's NOC at {games}: {} has {} in this event for {other}",
                        file.file,
                        quoted(athlete)
                    ),
                ));
            }
            continue;
        }
        if matched.is_empty() {
            let mut names: Vec<&str> = of_noc.iter().map(|&i| name_of(i)).collect();
            names.sort_unstable();
            names.dedup();
            let shown: Vec<String> = names.iter().take(6).map(|n| quoted(n)).collect();
            errors.push(DataError::field(
                label,
                first.line,
                "athlete",
                athlete,
                format!(
                    "no {noc} athlete of this name in this event at {games} in {}; spell the name as its Name column does (its {noc} athletes here: {}{})",
                    file.file,
                    shown.join(", "),
                    if names.len() > shown.len() { ", …" } else { "" }
                ),
            ));
            continue;
        }
        // The chain of medals: as awarded, then after each change.
        let changes: Vec<&Change> = list.iter().map(|&i| &ledger.changes[i]).collect();
        let chain: Vec<Option<Medal>> = std::iter::once(changes[0].from)
            .chain(changes.iter().map(|c| c.to))
            .collect();
        for &row in &matched {
            let shown = file.rows[row as usize].medal;
            if !chain.contains(&shown) {
                let path: Vec<&str> = chain.iter().map(|&m| medal_word(m)).collect();
                errors.push(DataError::field(
                    label,
                    first.line,
                    "from",
                    medal_word(first.from),
                    format!(
                        "{} shows {} for this athlete, a medal none of the ledger's changes for them gives (they go {}): a change from a medal the athlete never held",
                        file.file,
                        medal_word(shown),
                        path.join(" → ")
                    ),
                ));
                continue;
            }
            let awarded = chain[0];
            let mut now = awarded;
            for c in changes.iter().filter(|c| c.in_force(as_of)) {
                now = c.to;
                here.steps.push((row, (*c).clone()));
            }
            if (awarded, now) != (shown, shown) {
                here.medals.insert(row, (awarded, now));
            }
        }
    }
    if !errors.is_empty() {
        return Err(matching_errors(errors));
    }
    for (g, slot) in revised.iter_mut().enumerate() {
        let Some(here) = slot else { continue };
        here.steps
            .sort_by_key(|(_, c)| (c.decided.latest(), c.line));
        for (noc, summary) in &file.nations[g] {
            let count = |now: bool| {
                count_medals(file, g, &summary.rows, |i| {
                    here.medals
                        .get(&i)
                        .map_or(file.rows[i as usize].medal, |m| if now { m.1 } else { m.0 })
                })
            };
            here.tables.insert(noc.clone(), (count(false), count(true)));
        }
    }
    Ok(Revised {
        as_of,
        file: ledger.file.clone(),
        games: revised,
    })
}

/// A nation's medals at Games `games` by the counting rules (`crew::tally`, as for the file's
/// own table), with each row's medal given by `medal`.
fn count_medals(
    file: &Olympics,
    games: usize,
    rows: &[u32],
    medal: impl Fn(u32) -> Option<Medal>,
) -> [u32; 3] {
    let held = rows.iter().filter_map(|&i| {
        let row = &file.rows[i as usize];
        medal(i).map(|medal| crew::Held {
            event: row.event,
            sport: row.sport,
            team: row.team,
            medal,
        })
    });
    crew::tally(&file.strings, &file.shared[games], held)
}

impl Revised {
    /// Gives a dataset built from the file (`build::dataset`) both views, when the ledger covers
    /// its Games: each entry's medal as awarded and now, the changes of the nation's entries, the
    /// all-nation tables, and its other Games in the history.
    pub fn apply(&self, file: &Olympics, games: usize, data: &mut Dataset) {
        let noc = data.delegation.noc.clone();
        for appearance in &mut data.history {
            let Some(g) = file
                .games
                .iter()
                .position(|x| x.year == appearance.year && x.season == data.delegation.season)
            else {
                continue;
            };
            if let Some((awarded, now)) = self.games[g].as_ref().and_then(|r| r.tables.get(&noc)) {
                appearance.awarded = Some(*awarded);
                appearance.now = *now;
            }
        }
        let Some(here) = &self.games[games] else {
            return;
        };
        let Some(summary) = file.nations[games].get(&noc) else {
            return;
        };
        // Entries follow the nation's rows one to one (`build::dataset`).
        let entry_of: HashMap<u32, usize> = summary
            .rows
            .iter()
            .enumerate()
            .map(|(k, &row)| (row, k))
            .collect();
        for (k, &row) in summary.rows.iter().enumerate() {
            if let (Some(entry), Some(&(awarded, now))) =
                (data.entries.get_mut(k), here.medals.get(&row))
            {
                entry.medal_awarded = awarded;
                entry.medal_now = now;
            }
        }
        let revisions = here
            .steps
            .iter()
            .filter_map(|(row, c)| Some(c.revision(*entry_of.get(row)?)))
            .collect();
        mark(
            data,
            Mark {
                as_of: self.as_of,
                file: &self.file,
                coverage: &here.coverage,
                changes: here.steps.len(),
                revisions,
                tables: tables(&here.tables, |code| file.nation(games, code)),
                counted_from: "the file",
            },
        );
    }
}
