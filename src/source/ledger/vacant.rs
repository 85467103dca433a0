//! Vacant medals: those the ledger's decisions took away at a Games and no later decision gave to
//! anyone, such as Rio 2016's men's 77 kg gold (Rakhimov's, stripped in 2022, not reallocated)
//! or, between the two decisions, Tokyo 2020's men's 4 × 100 m silver (taken from Great Britain
//! in February 2022, given to Canada in May). A medal whose reallocation is pending is vacant
//! until a decision moves it, which is what "medals now" means.
//!
//! Counted per event and colour from the changes in force: the teams and athletes that lost a
//! medal of that colour, less those that gained one. A relay or team counts once, with the best
//! medal any of its listed members holds (the ROC's 2022 figure skating team holds bronze though
//! Valieva's own result is void). A crew with one listed member is that member's own
//! disqualification while the team kept its medal (Marion Jones's relays in 2000): nothing is
//! vacant. For Games the ledger covers only partially, a medal shown vacant may have been
//! reallocated by a decision the ledger lacks.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Change, Ledger, chains};
use crate::date::PartialDate;
use crate::model::Medal;

/// Medals of one colour in one event, vacant at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vacancy {
    pub sport: String,
    /// As the ledger writes it (`Weightlifting Men's Middleweight`, `Men's 4 x 100m Relay`).
    pub event: String,
    pub medal: Medal,
    /// How many medals of this colour are vacant: one, but after a tie.
    pub count: u32,
    /// The latest decision in force that took a medal of this colour away in this event.
    pub since: PartialDate,
}

/// One team or athlete of an event: its medal as awarded and at the date.
#[derive(Default)]
struct Unit {
    awarded: Option<Medal>,
    now: Option<Medal>,
    members: usize,
}

/// The better of two medals (`None`: no medal).
fn best(a: Option<Medal>, b: Option<Medal>) -> Option<Medal> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

impl Ledger {
    /// The vacant medals of the Games `games` (`2016 Summer`) at `as_of`, by event (in the
    /// ledger's order of names) and colour (gold first). Empty for Games without changes.
    pub fn vacant(&self, games: &str, as_of: PartialDate) -> Vec<Vacancy> {
        let mut units: BTreeMap<(&str, &str, String), Unit> = BTreeMap::new();
        let mut sports: BTreeMap<&str, &str> = BTreeMap::new();
        for ((g, event, noc, athlete), list) in chains(&self.changes) {
            if g != games {
                continue;
            }
            let steps: Vec<&Change> = list.iter().map(|&i| &self.changes[i]).collect();
            let first = steps[0];
            sports.insert(event, &first.sport);
            let now = steps
                .iter()
                .rev()
                .find(|c| c.in_force(as_of))
                .map_or(first.from, |c| c.to);
            let key = match &first.crew {
                Some(crew) => format!("crew {crew}"),
                None => format!("{noc} {athlete}"),
            };
            let unit = units.entry((event, noc, key)).or_default();
            unit.awarded = best(unit.awarded, first.from);
            unit.now = best(unit.now, now);
            unit.members += 1;
        }
        // Per event and colour: medals lost less medals gained.
        let mut balance: BTreeMap<(&str, Medal), i64> = BTreeMap::new();
        for ((event, _, key), unit) in &units {
            if key.starts_with("crew ") && unit.members == 1 || unit.awarded == unit.now {
                continue;
            }
            if let Some(m) = unit.awarded {
                *balance.entry((event, m)).or_default() += 1;
            }
            if let Some(m) = unit.now {
                *balance.entry((event, m)).or_default() -= 1;
            }
        }
        balance
            .into_iter()
            .filter(|&(_, n)| n > 0)
            .filter_map(|((event, medal), n)| {
                let since = self
                    .changes
                    .iter()
                    .filter(|c| c.games == games && c.event == event && c.from == Some(medal))
                    .filter(|c| c.in_force(as_of))
                    .map(|c| c.decided)
                    .max_by_key(|d| d.latest())?;
                Some(Vacancy {
                    sport: sports.get(event).copied().unwrap_or_default().to_owned(),
                    event: event.to_owned(),
                    medal,
                    count: u32::try_from(n).unwrap_or(u32::MAX),
                    since,
                })
            })
            .collect()
    }
}
