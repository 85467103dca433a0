//! The world revision ledger applied to the Kaggle file: both medal views for every nation at
//! every Games the ledger covers.
//!
//! The file holds most medals as awarded but some later changes already applied, and a two-step
//! change may be half applied (the 2012 women's shot put). So which changes it holds is found row
//! by row: an athlete's changes chain from the medal as awarded to the medal now, and the medal
//! the file shows is one link of that chain. As awarded is the chain's first medal; now is the
//! medal after every change decided up to the as-of date.

use std::collections::HashMap;

use super::{Olympics, Sym, crew};
use crate::date::PartialDate;
use crate::error::{DataError, Error, quoted};
use crate::model::{Dataset, Medal};
use crate::source::ledger::{
    Change, Found, GamesView, Holds, Ledger, Matcher, Stand, apply, medal_word, no_such_athlete,
};

/// The ledger as it applies to one file, at one date.
#[derive(Debug, Clone)]
pub struct Revised {
    /// The date the "now" view stands at.
    pub as_of: PartialDate,
    /// The ledger's file, as its messages name it (`data/ledger.csv` when built in).
    file: String,
    /// Per Games of the file (same index): the ledger's view, keyed by row, when it covers the
    /// Games.
    games: Vec<Option<GamesView<u32>>>,
}

/// The file's rows as the ledger's changes find them: by Games, event, NOC and the Name column.
struct Rows<'a> {
    file: &'a Olympics,
    games_index: HashMap<&'a str, usize>,
    /// The file's symbols for the events and NOCs the ledger names.
    syms: HashMap<&'a str, Sym>,
    /// Per Games of the file: whether the ledger covers it.
    covered: Vec<bool>,
    /// Rows of the events the ledger names, at covered Games: by (Games, event).
    rows_of: HashMap<(usize, Sym), Vec<u32>>,
}

impl<'a> Rows<'a> {
    fn new(file: &'a Olympics, ledger: &'a Ledger) -> Self {
        let games_index: HashMap<&str, usize> = file
            .games
            .iter()
            .enumerate()
            .map(|(i, g)| (g.name.as_str(), i))
            .collect();
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
        let covered = file
            .games
            .iter()
            .map(|g| ledger.games.contains_key(&g.name))
            .collect();
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
        Self {
            file,
            games_index,
            syms,
            covered,
            rows_of,
        }
    }

    fn name_of(&self, i: u32) -> &str {
        self.file
            .names
            .get(&self.file.rows[i as usize].id)
            .map_or("", |n| &*n.0)
    }
}

impl Matcher for Rows<'_> {
    type Row = u32;
    const HOLDS: Holds = Holds::SomeChanges;

    fn find(&self, first: &Change, ledger: &str) -> Found<u32> {
        let (games, athlete, noc) = (&first.games, &first.athlete, &first.noc);
        let (Some(&g), Some(&event)) = (
            self.games_index.get(games.as_str()),
            self.syms.get(first.event.as_str()),
        ) else {
            return Found::NotHeld; // the file does not hold the Games or the event
        };
        if !self.covered[g] {
            return Found::NotHeld;
        }
        let in_event = self.rows_of.get(&(g, event)).map_or(&[][..], Vec::as_slice);
        let noc_sym = self.syms.get(noc.as_str()).copied();
        let of_noc: Vec<u32> = in_event
            .iter()
            .copied()
            .filter(|&i| Some(self.file.rows[i as usize].noc) == noc_sym)
            .collect();
        if of_noc.is_empty() {
            // The file holds no row of this NOC in the event: a file cut to a few nations, or a
            // wrong code when the athlete is there under another.
            let Some(&i) = in_event.iter().find(|&&i| self.name_of(i) == athlete) else {
                return Found::NotHeld;
            };
            let other = self.file.strings.get(self.file.rows[i as usize].noc);
            return Found::Problem(DataError::field(
                ledger,
                first.line,
                "noc",
                noc,
                format!(
                    "{noc} is not this athlete's NOC at {games}: {} has {} in this event for {other}",
                    self.file.file,
                    quoted(athlete)
                ),
            ));
        }
        let matched: Vec<u32> = of_noc
            .iter()
            .copied()
            .filter(|&i| self.name_of(i) == athlete)
            .collect();
        if matched.is_empty() {
            let names = of_noc.iter().map(|&i| self.name_of(i)).collect();
            return Found::Problem(no_such_athlete(
                ledger,
                first,
                &self.file.file,
                names,
                "spell the name as its Name column does",
            ));
        }
        Found::Rows(matched)
    }

    fn shown(&self, row: &u32) -> Option<Medal> {
        self.file.rows[*row as usize].medal
    }

    fn misfit(&self, shown: Option<Medal>, chain: &[Option<Medal>]) -> String {
        let path: Vec<&str> = chain.iter().map(|&m| medal_word(m)).collect();
        format!(
            "{} shows {} for this athlete, a medal none of the ledger's changes for them gives (they go {}): a change from a medal the athlete never held",
            self.file.file,
            medal_word(shown),
            path.join(" → ")
        )
    }
}

/// Matches the ledger against the file's rows and computes both views at `as_of`. A change for a
/// Games, event and NOC the file holds that matches none of its athletes is an error naming the
/// ledger's line; changes for what the file does not hold do not apply.
pub fn revise(file: &Olympics, ledger: &Ledger, as_of: PartialDate) -> Result<Revised, Error> {
    let matched = apply(&Rows::new(file, ledger), ledger, as_of)?;
    let mut revised: Vec<Option<GamesView<u32>>> = file
        .games
        .iter()
        .map(|g| ledger.games.get(&g.name).cloned().map(GamesView::new))
        .collect();
    let games_of = |row: u32| usize::from(file.rows[row as usize].games);
    for (row, awarded, now) in matched.medals {
        if let Some(here) = revised[games_of(row)].as_mut() {
            here.medals.insert(row, (awarded, now));
        }
    }
    for (row, change) in matched.steps {
        if let Some(here) = revised[games_of(row)].as_mut() {
            here.steps.push((row, change));
        }
    }
    for (g, slot) in revised.iter_mut().enumerate() {
        let Some(here) = slot else { continue };
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
        let (Some(here), Some(summary)) = (&self.games[games], file.nations[games].get(&noc))
        else {
            return;
        };
        // Entries follow the nation's rows one to one (`build::dataset`).
        let keys = summary.rows.iter().enumerate().map(|(k, &row)| (k, row));
        let stand = Stand {
            as_of: self.as_of,
            file: &self.file,
            counted_from: "the file",
        };
        here.give(data, keys, stand, |code| file.nation(games, code));
    }
}
