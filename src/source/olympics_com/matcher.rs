//! The world revision ledger applied to a set of the family: both medal views for every nation,
//! when the ledger has rows for the set's Games.
//!
//! The sets' medals are as awarded at the Games, so each athlete's chain of changes starts from
//! the medal the set shows. A row is matched by Games, NOC, event (as the set names it, with or
//! without the discipline or the IOC sport before it: `Figure Skating Team Event`) and athlete
//! (as the briefing shows the name or as olympics.com writes it, in any case). Where a set has
//! no events per athlete (2021–22), a change giving a medal to an athlete with none finds them
//! among the nation's athletes of the event's discipline, and enters them in the event.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::build::slot;
use super::layout::Layout;
use super::{OlympicsCom, sports};
use crate::date::PartialDate;
use crate::error::{DataError, Error, quoted};
use crate::model::{Dataset, Medal};
use crate::source::ledger::{
    Change, EntryKey, Found, GamesCoverage, GamesView, Holds, Ledger, Matcher, Stand, apply,
    medal_word, no_such_athlete,
};

/// An athlete in an event: (person code, event).
type Key = EntryKey;

/// A participant's NOC, medal as awarded, and its members' medals now.
type Crew = (String, Option<Medal>, Vec<Option<Medal>>);

/// The ledger as it applies to the set, at one date.
#[derive(Debug, Clone)]
pub struct Revised {
    as_of: PartialDate,
    file: String,
    view: GamesView<Key>,
}

/// Whether the ledger's `event` of `sport` names the set's event `e`.
fn names_event(o: &OlympicsCom, e: usize, sport: &str, event: &str) -> bool {
    let c = &o.events[e];
    let ioc = sports::ioc_sport(&c.discipline);
    let of_sport = sport.eq_ignore_ascii_case(&c.discipline) || sport.eq_ignore_ascii_case(ioc);
    let prefixed = |s: &str| {
        event
            .get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
            && event
                .get(s.len()..)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest.eq_ignore_ascii_case(&c.name))
    };
    of_sport && (event.eq_ignore_ascii_case(&c.name) || prefixed(&c.discipline) || prefixed(ioc))
}

/// The set's athletes as the ledger's changes find them.
struct Rows<'a> {
    o: &'a OlympicsCom,
    medal_of: HashMap<(usize, usize), Medal>,
    held_nocs: BTreeSet<&'a str>,
}

impl<'a> Rows<'a> {
    fn new(o: &'a OlympicsCom) -> Self {
        Self {
            o,
            medal_of: o
                .awards
                .iter()
                .map(|a| ((a.event, a.person), a.medal))
                .collect(),
            held_nocs: (0..o.people.len())
                .filter(|&i| o.in_delegation(i))
                .map(|i| o.people[i].noc.as_str())
                .collect(),
        }
    }

    /// Whether person `i` may be the athlete of a change in event `e`: entered in it, or, where
    /// the set lists no events per athlete, of its discipline.
    fn may_be_in(&self, i: usize, e: usize) -> bool {
        let o = self.o;
        o.person_events[i].contains(&e)
            || o.set.layout() == Layout::Linked
                && o.people[i].disciplines.contains(&o.events[e].discipline)
    }

    fn no_such_event(&self, first: &Change, ledger: &str) -> DataError {
        let o = self.o;
        let example = o
            .events
            .iter()
            .find(|c| {
                first.sport.eq_ignore_ascii_case(&c.discipline)
                    || first
                        .sport
                        .eq_ignore_ascii_case(sports::ioc_sport(&c.discipline))
            })
            .or(o.events.first())
            .map_or(String::new(), |c| c.name.clone());
        DataError::field(
            ledger,
            first.line,
            "event",
            &first.event,
            format!(
                "no {} event of this name at {} in {}; name it as the set does, such as {}",
                first.sport,
                o.games(),
                o.dir,
                quoted(&example)
            ),
        )
    }
}

impl Matcher for Rows<'_> {
    /// (person, event), as indices into the set's people and events.
    type Row = (usize, usize);
    const HOLDS: Holds = Holds::AsAwarded;

    fn find(&self, first: &Change, ledger: &str) -> Found<(usize, usize)> {
        let (o, noc, athlete) = (self.o, &first.noc, &first.athlete);
        if first.games != o.games() || !self.held_nocs.contains(noc.as_str()) {
            return Found::NotHeld;
        }
        let events: Vec<usize> = (0..o.events.len())
            .filter(|&e| names_event(o, e, &first.sport, &first.event))
            .collect();
        if events.is_empty() {
            return Found::Problem(self.no_such_event(first, ledger));
        }
        let of_noc: Vec<(usize, usize)> = (0..o.people.len())
            .filter(|&i| &o.people[i].noc == noc && o.in_delegation(i))
            .flat_map(|i| events.iter().map(move |&e| (i, e)))
            .filter(|&(i, e)| self.may_be_in(i, e))
            .collect();
        let matched: Vec<(usize, usize)> = of_noc
            .iter()
            .copied()
            .filter(|&(i, _)| {
                let p = &o.people[i];
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
                    "no {noc} athlete in this event at {} in {}: {noc} entered no one in it",
                    o.games(),
                    o.dir
                ),
            ));
        }
        let names = of_noc
            .iter()
            .map(|&(i, _)| o.people[i].name.as_str())
            .collect();
        Found::Problem(no_such_athlete(
            ledger,
            first,
            &o.dir,
            names,
            "write the name as the briefing shows it or as olympics.com does",
        ))
    }

    fn shown(&self, &(person, e): &(usize, usize)) -> Option<Medal> {
        self.medal_of.get(&(e, person)).copied()
    }

    fn misfit(&self, shown: Option<Medal>, chain: &[Option<Medal>]) -> String {
        let from = chain.first().copied().flatten();
        format!(
            "the set gives this athlete {} (the medal as awarded at the Games, which it holds), not {}: a change must start from the medal held",
            medal_word(shown),
            medal_word(from)
        )
    }
}

/// Matches the ledger's rows for the set's Games and computes both views at `as_of`; with the
/// (person, event) pairs a change names that the set did not list as entries (2021–22: an
/// athlete given a medal they were not awarded).
pub fn revise(
    o: &OlympicsCom,
    ledger: &Ledger,
    coverage: &GamesCoverage,
    as_of: PartialDate,
) -> Result<(Revised, Vec<(usize, usize)>), Error> {
    let rows = Rows::new(o);
    let matched = apply(&rows, ledger, as_of)?;
    let key = |(person, e): (usize, usize)| (o.people[person].code.clone(), e);
    let mut view = GamesView::new(coverage.clone());
    let mut extra = Vec::new();
    // A crew's or team's medal counts once: by (event, participant), with its members' medals
    // now (a member stripped of it, as Valieva was, does not take it from the others).
    let mut crews: BTreeMap<(usize, String), Crew> = BTreeMap::new();
    for ((person, e), awarded, now) in matched.medals {
        if !o.person_events[person].contains(&e) {
            extra.push((person, e));
        }
        let crew = crews
            .entry((e, o.participant(person, e, awarded)))
            .or_insert_with(|| (o.people[person].noc.clone(), awarded, Vec::new()));
        crew.2.push(now);
        view.medals.insert(key((person, e)), (awarded, now));
    }
    view.steps = matched
        .steps
        .into_iter()
        .map(|(row, c)| (key(row), c))
        .collect();
    for line in super::build::medal_table(o) {
        view.tables.insert(line.noc, (line.medals, line.medals));
    }
    for (noc, awarded, nows) in crews.into_values() {
        let now = nows.iter().flatten().min().copied();
        let line = view.tables.entry(noc).or_default();
        if let Some(m) = awarded {
            line.1[slot(m)] -= 1;
        }
        if let Some(m) = now {
            line.1[slot(m)] += 1;
        }
    }
    let revised = Revised {
        as_of,
        file: ledger.file.clone(),
        view,
    };
    Ok((revised, extra))
}

impl Revised {
    /// Gives one nation's dataset both views: each entry's medal as awarded and now, the
    /// changes of its entries, the all-nation tables and its line in the history.
    pub fn apply(&self, o: &OlympicsCom, data: &mut Dataset) {
        let events = o
            .events
            .iter()
            .map(|c| format!("{}: {}", c.discipline, c.name));
        let stand = Stand {
            as_of: self.as_of,
            file: &self.file,
            counted_from: "the set's medallists",
        };
        self.view
            .give_one_games(data, events, o.set.year(), stand, |code| o.nation(code));
    }
}
