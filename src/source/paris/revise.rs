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
    Change, EntryKey, Found, GamesCoverage, GamesView, Holds, Ledger, Matcher, Stand, apply,
    medal_word, no_such_athlete,
};

/// An athlete in an event: (person code, event).
type Key = EntryKey;

/// The ledger as it applies to the folder, at one date.
#[derive(Debug, Clone)]
pub struct Revised {
    /// The date the "now" view stands at.
    as_of: PartialDate,
    /// The ledger's file, as its messages name it.
    file: String,
    view: GamesView<Key>,
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

/// The folder's athletes as the ledger's changes find them: by NOC, event and name, with the
/// medal each holds (a team member holds the team's).
struct Rows<'a> {
    paris: &'a Paris,
    /// Which team each athlete is in, per event.
    team_of: HashMap<(usize, &'a str), &'a str>,
    /// Which medal each participant holds, per event.
    medal_of: HashMap<(usize, &'a str), Medal>,
    /// The NOCs of the delegations the folder holds.
    held_nocs: BTreeSet<&'a str>,
}

impl<'a> Rows<'a> {
    fn new(paris: &'a Paris) -> Self {
        Self {
            paris,
            team_of: paris.team_of(),
            medal_of: paris
                .awards
                .iter()
                .map(|a| ((a.event, a.code.as_str()), a.medal))
                .collect(),
            held_nocs: (0..paris.people.len())
                .filter(|&i| paris.in_delegation(i))
                .map(|i| paris.people[i].noc.as_str())
                .collect(),
        }
    }

    /// The participant (the athlete, or their team) of `person` in event `e`, and its medal.
    fn held(&self, person: usize, e: usize) -> (&str, Option<Medal>) {
        let code = self.paris.people[person].code.as_str();
        let participant = self.team_of.get(&(e, code)).copied().unwrap_or(code);
        let medal = self
            .medal_of
            .get(&(e, participant))
            .or_else(|| self.medal_of.get(&(e, code)))
            .copied();
        (participant, medal)
    }

    /// The error for an event the folder does not have, with an event of the sport named (else
    /// any) to show how events.csv writes them.
    fn no_such_event(&self, first: &Change, ledger: &str) -> DataError {
        let paris = self.paris;
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
        DataError::field(
            ledger,
            first.line,
            "event",
            &first.event,
            format!(
                "no {} event of this name at {GAMES} in {}; name it as events.csv does, such as {}",
                first.sport,
                paris.dir,
                quoted(&example)
            ),
        )
    }
}

impl Matcher for Rows<'_> {
    /// (athlete, event), as indices into the folder's people and events.
    type Row = (usize, usize);
    const HOLDS: Holds = Holds::AsAwarded;

    fn find(&self, first: &Change, ledger: &str) -> Found<(usize, usize)> {
        let (paris, noc, athlete) = (self.paris, &first.noc, &first.athlete);
        if first.games != GAMES || !self.held_nocs.contains(noc.as_str()) {
            return Found::NotHeld;
        }
        let events: Vec<usize> = (0..paris.events.len())
            .filter(|&e| names_event(paris, e, &first.sport, &first.event))
            .collect();
        if events.is_empty() {
            return Found::Problem(self.no_such_event(first, ledger));
        }
        let of_noc: Vec<(usize, usize)> = (0..paris.people.len())
            .filter(|&i| &paris.people[i].noc == noc && paris.in_delegation(i))
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
        if !matched.is_empty() {
            return Found::Rows(matched);
        }
        if of_noc.is_empty() {
            return Found::Problem(DataError::field(
                ledger,
                first.line,
                "athlete",
                athlete,
                format!(
                    "no {noc} athlete in this event at {GAMES} in {}: {noc} entered no one in it",
                    paris.dir
                ),
            ));
        }
        let names = of_noc
            .iter()
            .map(|&(i, _)| paris.people[i].name.as_str())
            .collect();
        Found::Problem(no_such_athlete(
            ledger,
            first,
            &paris.dir,
            names,
            "write the name as the briefing shows it or as olympics.com does",
        ))
    }

    fn shown(&self, &(person, e): &(usize, usize)) -> Option<Medal> {
        self.held(person, e).1
    }

    fn misfit(&self, shown: Option<Medal>, chain: &[Option<Medal>]) -> String {
        let from = chain.first().copied().flatten();
        format!(
            "medals.csv gives this athlete {} (the medal as awarded at the Games, which the folder holds), not {}: a change must start from the medal held",
            medal_word(shown),
            medal_word(from)
        )
    }
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
    let rows = Rows::new(paris);
    let matched = apply(&rows, ledger, as_of)?;
    let key = |(person, e): (usize, usize)| (paris.people[person].code.clone(), e);
    let mut view = GamesView::new(coverage.clone());
    // A crew's or squad's medal counts once: by (event, participant), its NOC and both medals.
    type Counted = (String, Option<Medal>, Option<Medal>);
    let mut counted: HashMap<(usize, String), Counted> = HashMap::new();
    for (row, awarded, now) in matched.medals {
        let (participant, _) = rows.held(row.0, row.1);
        counted
            .entry((row.1, participant.to_owned()))
            .or_insert_with(|| (paris.people[row.0].noc.clone(), awarded, now));
        view.medals.insert(key(row), (awarded, now));
    }
    view.steps = matched
        .steps
        .into_iter()
        .map(|(row, c)| (key(row), c))
        .collect();
    for a in &paris.awards {
        let line = view.tables.entry(a.noc.clone()).or_default();
        line.0[slot(a.medal)] += 1;
        line.1[slot(a.medal)] += 1;
    }
    for (noc, awarded, now) in counted.into_values() {
        let line = view.tables.entry(noc).or_default();
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
        view,
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
        let events = paris
            .events
            .iter()
            .map(|c| format!("{}: {}", c.discipline, c.name));
        let stand = Stand {
            as_of: self.as_of,
            file: &self.file,
            counted_from: "the folder's medals.csv",
        };
        self.view
            .give_one_games(data, events, 2024, stand, |code| paris.nation(code));
    }
}
