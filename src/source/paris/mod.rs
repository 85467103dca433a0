//! The Kaggle "Paris 2024 Olympic Summer Games" folder (olympics.com data): `athletes.csv`,
//! `events.csv`, `medals.csv`, `teams.csv`, `nocs.csv`, `schedules.csv` and `results/*.csv`.
//!
//! The folder is read and checked once (`read`); the places every entry reached are derived from
//! the rounds of the results files (`places`); from these any nation becomes the same `Dataset`
//! the native format gives (`build`), with medal dates, places, statuses and ages. It holds one
//! Games, with the medals as awarded; decisions after them come from the world revision ledger
//! (`revise`) when it has rows for 2024 Summer, and otherwise `Coverage` says they are not known.

mod build;
mod places;
mod read;
mod records;
mod revise;
pub mod sports;

/// Names as people read them, shared with the other olympics.com sets.
pub use read::display_name;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::date::Date;
use crate::error::Error;
use crate::model::{Category, Dataset, Kind, Medal, Place, Sex, Status};
use crate::source::collection::check_present;
use crate::source::kaggle::GamesChoice;
use crate::source::ledger::Ledger;

/// The files of the folder and the columns podium takes from each (others may be there).
pub const FILES: [(&str, &[&str]); 6] = [
    (
        "athletes.csv",
        &[
            "code",
            "name",
            "gender",
            "country_code",
            "disciplines",
            "events",
            "birth_date",
        ],
    ),
    ("events.csv", &["event", "sport"]),
    (
        "medals.csv",
        &[
            "medal_type",
            "medal_date",
            "discipline",
            "event",
            "code",
            "country_code",
        ],
    ),
    (
        "teams.csv",
        &[
            "code",
            "country_code",
            "discipline",
            "events",
            "athletes_codes",
        ],
    ),
    ("nocs.csv", &["code", "country"]),
    ("schedules.csv", &["day", "discipline"]),
];

/// The columns podium takes from every file in `results/`.
pub const RESULT_COLUMNS: [&str; 10] = [
    "date",
    "stage_code",
    "event_name",
    "stage",
    "gender",
    "discipline_name",
    "participant_code",
    "participant_name",
    "participant_type",
    "participant_country_code",
];

/// The columns podium takes from a results file when it has them: not every sport ranks, only
/// head-to-head sports give wins and losses, and not every file has a column for statuses (did
/// not start, did not finish…).
pub const RESULT_OPTIONAL: [&str; 3] = ["rank", "result_IRM", "result_WLT"];

/// The largest file read: the biggest results file is under 1 MB, athletes.csv with every column
/// about 5 MB.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The Games the folder holds.
pub const GAMES: &str = "2024 Summer";

/// Whether `dir` holds the Paris 2024 files: at least one of `FILES` whose header has the
/// columns podium reads. Recognised by the headers, never by a name.
pub fn recognise(dir: &Path) -> bool {
    FILES.iter().any(|(name, columns)| {
        let Ok(text) = read_head(&dir.join(name)) else {
            return false;
        };
        let header: Vec<&str> = text
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('\u{feff}')
            .split(',')
            .map(|h| h.trim().trim_matches('"'))
            .collect();
        columns.iter().all(|c| header.contains(c))
    })
}

/// What a folder must hold, for the usage error of a folder that holds none of it.
pub fn expected() -> String {
    let names: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
    format!(
        "the Kaggle \"Paris 2024 Olympic Summer Games\" folder: {} and results/*.csv, with their headers (athletes.csv: {})",
        names.join(", "),
        FILES[0].1.join(",")
    )
}

/// The first 4 KB of a regular file, as text (a FIFO is never opened: it would block).
fn read_head(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    if !path.is_file() {
        return Err(std::io::ErrorKind::InvalidInput.into());
    }
    let mut buf = vec![0; 4096];
    let mut file = std::fs::File::open(path)?;
    let n = file.read(&mut buf)?;
    buf.truncate(n);
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// An athlete of the folder.
#[derive(Debug, Clone)]
struct Person {
    code: String,
    /// As people read it: `Yeldos Smetov`.
    name: String,
    /// As the files write it: `SMETOV Yeldos`.
    listed_as: String,
    sex: Sex,
    noc: String,
    /// olympics.com disciplines, as listed; the first is the athlete's main one.
    disciplines: Vec<String>,
    birth: Option<Date>,
    /// A reserve (athletes.csv's function "Alternate Athlete").
    alternate: bool,
    /// Named by a result row or a medal of its own (not only as a team member).
    competed: bool,
    /// Named only by a results file: (file, line). athletes.csv lacks them.
    only_in_results: Option<(String, u64)>,
}

/// An event of the folder.
#[derive(Debug, Clone)]
struct Contest {
    discipline: String,
    name: String,
    category: Category,
    kind: Kind,
    /// The day of its medal events (the latest, for an event with medals on two days).
    date: Option<Date>,
}

/// A medal of medals.csv.
#[derive(Debug, Clone)]
struct Award {
    event: usize,
    /// An athlete's code or a team's.
    code: String,
    medal: Medal,
    date: Date,
    noc: String,
}

/// A team of teams.csv: one nation's crew or squad in one event.
#[derive(Debug, Clone)]
struct Team {
    code: String,
    noc: String,
    event: usize,
    /// Members athletes.csv lists.
    members: Vec<String>,
    /// Members teams.csv names that athletes.csv does not list, left out.
    unlisted: usize,
}

/// Where one participant (an athlete or a team) ended in one event.
#[derive(Debug, Clone, Default)]
struct Outcome {
    status: Option<Status>,
    place: Option<Place>,
}

/// The whole folder, read and checked.
#[derive(Debug)]
pub struct Paris {
    /// The folder as the user named it.
    dir: String,
    people: Vec<Person>,
    /// Each person's events (same index as `people`).
    person_events: Vec<BTreeSet<usize>>,
    events: Vec<Contest>,
    awards: Vec<Award>,
    teams: Vec<Team>,
    /// NOC code to the nation's name, for every NOC in nocs.csv.
    nocs: BTreeMap<String, String>,
    /// (event, participant code) to where it ended, for every participant in a results file.
    outcomes: HashMap<(usize, String), Outcome>,
    opening: Option<Date>,
    closing: Option<Date>,
    /// Result rows read, and results files.
    result_rows: usize,
    result_files: usize,
    /// The world revision ledger applied (`revise`), when it has rows for these Games.
    revised: Option<revise::Revised>,
}

impl Paris {
    /// Reads and checks every file of the folder.
    pub fn read(dir: &Path) -> Result<Self, Error> {
        read::folder(dir)
    }

    /// Which team each athlete is in, per event: (event, athlete code) to the team's code.
    fn team_of(&self) -> HashMap<(usize, &str), &str> {
        self.teams
            .iter()
            .flat_map(|t| {
                t.members
                    .iter()
                    .map(move |m| ((t.event, m.as_str()), t.code.as_str()))
            })
            .collect()
    }

    /// Applies a revision ledger at a date (`None`: the ledger's own): from now on, datasets have
    /// medals as awarded and now, when the ledger covers 2024 Summer and has rows for it; else
    /// one view, as the folder records it. Errors name the ledger's lines.
    pub fn revise(
        &mut self,
        ledger: &Ledger,
        as_of: Option<crate::date::Date>,
    ) -> Result<(), Error> {
        self.revised = None;
        let Some(coverage) = ledger.games.get(GAMES) else {
            return Ok(());
        };
        if !ledger.changes.iter().any(|c| c.games == GAMES) {
            return Ok(());
        }
        let as_of = ledger.now_at(as_of)?;
        self.revised = Some(revise::revise(self, ledger, coverage, as_of)?);
        Ok(())
    }

    /// The Games' name: `2024 Summer`.
    pub fn games(&self) -> &'static str {
        GAMES
    }

    /// Checks that the Games asked for is the one the folder holds.
    pub fn check_games(&self, choice: &GamesChoice) -> Result<(), Error> {
        let fits = match choice {
            GamesChoice::Name(name) => {
                let mut parts = name.split_whitespace();
                parts.next() == Some("2024")
                    && parts
                        .next()
                        .is_some_and(|s| s.eq_ignore_ascii_case("summer"))
                    && parts.next().is_none()
            }
            GamesChoice::YearSeason(year, season) => {
                *year == 2024 && season.eq_ignore_ascii_case("summer")
            }
        };
        if fits {
            Ok(())
        } else {
            let asked = match choice {
                GamesChoice::Name(name) => name.clone(),
                GamesChoice::YearSeason(y, s) => format!("{y} {s}"),
            };
            Err(Error::Usage(format!(
                "the folder {} holds one Games, \"{GAMES}\", not {}; leave out --games or write --games \"{GAMES}\"",
                self.dir,
                crate::error::quoted(&asked)
            )))
        }
    }

    /// Whether a person is in the delegation: every athlete but reserves who never competed
    /// (an alternate named by a result row or a medal did).
    fn in_delegation(&self, person: usize) -> bool {
        let p = &self.people[person];
        !p.alternate || p.competed
    }

    /// Every NOC with an athlete at the Games, in code order.
    pub fn nocs(&self) -> Vec<String> {
        let mut nocs: Vec<String> = (0..self.people.len())
            .filter(|&i| self.in_delegation(i))
            .map(|i| self.people[i].noc.clone())
            .collect();
        nocs.sort();
        nocs.dedup();
        nocs
    }

    /// Checks that every NOC asked for had athletes at the Games; otherwise a usage error naming
    /// the nearest codes that did.
    pub fn check_nocs(&self, nocs: &[String]) -> Result<(), Error> {
        let held_in = format!("{GAMES} in {}", self.dir);
        check_present(nocs, &self.nocs(), &held_in, |code| self.nation(code))
    }

    /// The nation's name from nocs.csv; the code when nocs.csv does not list it.
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
}

#[cfg(test)]
mod tests;
