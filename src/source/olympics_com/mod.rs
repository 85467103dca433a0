//! The olympics.com sets of one Kaggle author (piterfm) for Tokyo 2020, Beijing 2022 and Milano
//! Cortina 2026: one reader for the family, the sets' differences stated in `layout`.
//!
//! A folder is recognised by its files' headers (`recognise`); it is read and checked once
//! (`read`: `listed` for the 2026 layout, `linked` for the 2021–22 one, both into the same
//! `Reader`); any nation becomes the same `Dataset` the native format gives (`build`), with medal
//! dates, ages and IOC sports (`sports`). The sets record no places, and the 2021–22 ones no
//! events per athlete but the medallists': `Coverage` says so. Each holds the medals as awarded;
//! the world revision ledger gives "now" (`matcher`) when it has rows for the Games.

mod build;
mod collection;
mod layout;
mod linked;
mod listed;
mod matcher;
mod read;
mod sheet;
pub mod sports;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub use layout::Set;

use crate::date::Date;
use crate::error::{DataError, Error, quoted};
use crate::model::{Category, Dataset, Kind, Medal, Sex};
use crate::source::collection::check_present;
use crate::source::kaggle::GamesChoice;
use crate::source::ledger::Ledger;
use layout::Layout;

/// An athlete of the set.
#[derive(Debug, Clone)]
struct Person {
    /// The olympics.com code (2026), or the number of the profile link (2021–22).
    code: String,
    /// As people read it: `Mikhail Shaidorov`.
    name: String,
    /// As the files write it: `SHAIDOROV Mikhail`.
    listed_as: String,
    /// `None`: the file leaves it blank (Tokyo's athletes who did not start).
    sex: Option<Sex>,
    noc: String,
    /// olympics.com disciplines, the main one first.
    disciplines: Vec<String>,
    birth: Option<Date>,
    /// Named only by a medal row: (file, line). The athletes' file lacks them.
    only_in_medals: Option<(String, u64)>,
}

/// An event of the Games.
#[derive(Debug, Clone)]
struct Contest {
    discipline: String,
    name: String,
    category: Category,
    kind: Kind,
    /// The day of its medals (the latest, for an event with medals on two days).
    date: Option<Date>,
}

/// One medallist's medal.
#[derive(Debug, Clone)]
struct Award {
    event: usize,
    person: usize,
    medal: Medal,
    date: Date,
}

/// What the birth-date supplement (`athlete.csv`, 2026) gave: the file, how many athletes it
/// dated, and its rows that could not be used, each with its line and why.
#[derive(Debug, Clone, Default)]
struct Births {
    file: String,
    dated: usize,
    unusable: Vec<String>,
}

/// A whole set, read and checked.
#[derive(Debug)]
pub struct OlympicsCom {
    set: Set,
    /// The folder as the user named it.
    dir: String,
    people: Vec<Person>,
    /// Each person's events (same index as `people`): entries, or for the 2021–22 sets the
    /// medallists' medal events only.
    person_events: Vec<BTreeSet<usize>>,
    events: Vec<Contest>,
    awards: Vec<Award>,
    /// NOC code to the nation's name, where a file names it.
    nocs: BTreeMap<String, String>,
    opening: Date,
    closing: Date,
    /// Whether the Games' dates come from the files (the 2026 schedule's ceremonies).
    dates_in_files: bool,
    /// The birth-date supplement, when the folder has one.
    births: Option<Births>,
    /// The world revision ledger applied, when it has rows for these Games.
    revised: Option<matcher::Revised>,
}

/// Recognises a folder of the family by its files' headers: the 2026 layout by athletes.csv
/// (with `events` and no `disciplines`, which the Paris 2024 folder has) or medallists.csv, the
/// 2021–22 one by medals.csv, whose first medal date says which Games. `Ok(None)`: not one.
pub fn recognise(dir: &Path) -> Result<Option<Set>, Error> {
    let head = |name: &str| sheet::head(&dir.join(name));
    let listed_athletes = head("athletes.csv").is_some_and(|(h, _)| {
        sheet::has(&h, layout::LISTED_ATHLETES) && !h.iter().any(|c| c == "disciplines")
    });
    let listed_medals =
        head("medallists.csv").is_some_and(|(h, _)| sheet::has(&h, layout::LISTED_MEDALLISTS));
    if listed_athletes || listed_medals {
        return Ok(Some(Set::MilanoCortina2026));
    }
    let (file, column) = layout::LINKED_DATED;
    let Some((header, first)) = head(file).filter(|(h, _)| sheet::has(h, layout::LINKED_MEDALS))
    else {
        let linked_athletes =
            head("athletes.csv").is_some_and(|(h, _)| sheet::has(&h, layout::LINKED_ATHLETES));
        if linked_athletes {
            return Err(Error::Data(vec![DataError::new(
                &dir.join(file).display().to_string(),
                None,
                format!(
                    "athletes.csv has the columns of the olympics.com Tokyo 2020 and Beijing 2022 sets, but {file} with {} is not there: it gives the medals, and its dates say which Games",
                    layout::LINKED_MEDALS.join(",")
                ),
            )]));
        }
        return Ok(None);
    };
    let at = header.iter().position(|h| h == column);
    let value = first
        .zip(at)
        .and_then(|(row, i)| row.get(i).cloned())
        .unwrap_or_default();
    let year = read::day(&value).map(Date::year);
    match year.and_then(Set::linked_in) {
        Some(set) => Ok(Some(set)),
        None => Err(Error::Data(vec![DataError::field(
            &dir.join(file).display().to_string(),
            2,
            column,
            &value,
            "expected a day of 2021 (Tokyo 2020) or 2022 (Beijing 2022) such as 2022-02-05 00:00:00.0: the medal dates say which Games the folder holds",
        )])),
    }
}

/// What a folder of the family must hold, for the usage error of a folder holding none of the
/// files podium reads.
pub fn expected() -> String {
    format!(
        "an olympics.com set (Kaggle, piterfm): Milano Cortina 2026 (athletes.csv with {}; medallists.csv), or Tokyo 2020 / Beijing 2022 (athletes.csv; medals.csv with {})",
        layout::LISTED_ATHLETES.join(","),
        layout::LINKED_MEDALS.join(",")
    )
}

impl OlympicsCom {
    /// Reads and checks every file the set has.
    pub fn read(dir: &Path, set: Set) -> Result<Self, Error> {
        match set.layout() {
            Layout::Listed => listed::folder(dir, set),
            Layout::Linked => linked::folder(dir, set),
        }
    }

    /// Applies a revision ledger at a date (`None`: the ledger's own), when it covers these
    /// Games and has rows for them; else medals stand as the set records them.
    pub fn revise(&mut self, ledger: &Ledger, as_of: Option<Date>) -> Result<(), Error> {
        self.revised = None;
        let games = self.set.games();
        let Some(coverage) = ledger.games.get(games) else {
            return Ok(());
        };
        if !ledger.changes.iter().any(|c| c.games == games) {
            return Ok(());
        }
        let as_of = ledger.now_at(as_of)?;
        let (revised, entered) = matcher::revise(self, ledger, coverage, as_of)?;
        for (person, e) in entered {
            self.person_events[person].insert(e);
        }
        self.revised = Some(revised);
        Ok(())
    }

    /// The Games' name: `2026 Winter`.
    pub fn games(&self) -> &'static str {
        self.set.games()
    }

    /// Checks that the Games asked for is the one the folder holds.
    pub fn check_games(&self, choice: &GamesChoice) -> Result<(), Error> {
        let (year, season) = (self.set.year(), self.set.season());
        let fits = match choice {
            GamesChoice::Name(name) => {
                let mut parts = name.split_whitespace();
                parts.next() == Some(year.to_string().as_str())
                    && parts.next().is_some_and(|s| s.eq_ignore_ascii_case(season))
                    && parts.next().is_none()
            }
            GamesChoice::YearSeason(y, s) => *y == year && s.eq_ignore_ascii_case(season),
        };
        if fits {
            return Ok(());
        }
        let asked = match choice {
            GamesChoice::Name(name) => name.clone(),
            GamesChoice::YearSeason(y, s) => format!("{y} {s}"),
        };
        let games = self.games();
        Err(Error::Usage(format!(
            "the folder {} holds one Games, \"{games}\", not {}; leave out --games or write --games \"{games}\"",
            self.dir,
            quoted(&asked)
        )))
    }

    /// Whether a person counts in the delegation: every athlete the set gives a sex (Tokyo's
    /// athletes with none did not start, and are named in the sources instead).
    fn in_delegation(&self, person: usize) -> bool {
        self.people[person].sex.is_some()
    }

    /// Every NOC with an athlete at the Games, in code order.
    pub fn nocs(&self) -> Vec<String> {
        let nocs: BTreeSet<&str> = (0..self.people.len())
            .filter(|&i| self.in_delegation(i))
            .map(|i| self.people[i].noc.as_str())
            .collect();
        nocs.into_iter().map(str::to_owned).collect()
    }

    /// Checks that every NOC asked for had athletes at the Games; otherwise a usage error naming
    /// the nearest codes that did.
    pub fn check_nocs(&self, nocs: &[String]) -> Result<(), Error> {
        let held_in = format!("{} in {}", self.games(), self.dir);
        check_present(nocs, &self.nocs(), &held_in, |code| self.nation(code))
    }

    /// The nation's name as a file gives it; the code when none does.
    pub fn nation(&self, noc: &str) -> String {
        self.nocs
            .get(noc)
            .cloned()
            .unwrap_or_else(|| noc.to_owned())
    }

    /// The dataset of one nation, in the same form as the native data.
    pub fn dataset(&self, noc: &str) -> Result<Dataset, Error> {
        self.check_nocs(&[noc.to_owned()])?;
        let mut data = build::dataset(self, noc);
        if let Some(revised) = &self.revised {
            revised.apply(self, &mut data);
        }
        Ok(data)
    }

    /// The participant whose medal a person's `medal` in event `e` is: in a crew or team event
    /// the nation's crew with that medal (its medal counts once; a nation may win two, as
    /// Germany's bobsleighs did), else the person.
    fn participant(&self, person: usize, e: usize, medal: Option<Medal>) -> String {
        let p = &self.people[person];
        match (self.events[e].kind, medal) {
            (Kind::Individual, _) => p.code.clone(),
            (_, Some(m)) => format!("{} {m}", p.noc),
            (_, None) => format!("{} without a medal", p.noc),
        }
    }
}
