//! Reading and checking the folder's files: columns taken by name (a file may have more), every
//! used field checked, every problem named with its file, line, field and value.
//!
//! `folder` names the steps: the files read into sheets (`sheet`), then checked in an order where
//! each can refer to the ones before: the events, the athletes (`athletes`), the NOCs and the
//! schedule (`games`), the teams and the medals (`teams`, `medals`), the results (`results`).
//! What the values look like (lists, days, codes, names) is in `values`.

mod athletes;
mod games;
mod medals;
mod results;
mod sheet;
mod teams;
mod values;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use super::places::ResultRow;
use super::{Award, Contest, Paris, Person, Team, places, sports};
use crate::error::{Error, Problems};
use crate::model::{Category, Kind};
use sheet::Sheets;

pub use values::display_name;
#[cfg(test)]
pub use values::{day, list};

/// Reads the folder at `dir`.
pub fn folder(dir: &Path) -> Result<Paris, Error> {
    if !super::recognise(dir) {
        return Err(Error::Usage(format!(
            "{} holds none of the files podium reads; expected {}",
            dir.display(),
            super::expected()
        )));
    }
    let mut p = Problems::default();
    let sheets = Sheets::read(dir, &mut p)?;
    let results = sheet::results_files(dir, &mut p)?;
    let mut r = Reader::new(p);
    r.events(&sheets.events);
    r.complete = r.p.total == 0;
    r.athletes(&sheets.athletes);
    let nocs = r.nocs(&sheets.nocs);
    let (opening, closing) = r.schedule(&sheets.schedule);
    let teams = r.teams(&sheets.teams);
    let team_index: HashMap<&str, usize> = teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.code.as_str(), i))
        .collect();
    r.complete = r.p.total == 0;
    let awards = r.medals(&sheets.medals, &team_index);
    let (rows, genders) = r.all_results(&results, &team_index);
    if r.p.total > 0 {
        return Err(r.p.into_error());
    }
    r.settle_events(&genders, &teams, &awards);
    r.link_people(&teams, &awards, &rows);
    let result_rows = rows.len();
    let outcomes = places::outcomes(r.events.len(), rows, &awards);
    let Reader {
        people,
        events,
        person_events,
        ..
    } = r;
    Ok(Paris {
        dir: dir.display().to_string(),
        people,
        person_events,
        events,
        awards,
        teams,
        nocs,
        outcomes,
        opening,
        closing,
        result_rows,
        result_files: results.len(),
        revised: None,
    })
}

/// What the files checked so far hold, for the files checked after them.
struct Reader {
    p: Problems,
    people: Vec<Person>,
    person_index: HashMap<String, usize>,
    /// Codes of athletes.csv rows refused for a problem already reported: other files naming
    /// them are not reported again.
    refused: HashSet<String>,
    /// Whether the files read so far were free of problems: while they are not, an event or a
    /// code not found is most likely one of theirs, already reported, and is not reported again
    /// (a missing events.csv would otherwise give a problem per athlete).
    complete: bool,
    events: Vec<Contest>,
    event_index: HashMap<(String, String), usize>,
    person_events: Vec<BTreeSet<usize>>,
}

impl Reader {
    fn new(p: Problems) -> Self {
        Self {
            p,
            people: Vec::new(),
            person_index: HashMap::new(),
            refused: HashSet::new(),
            complete: true,
            events: Vec::new(),
            event_index: HashMap::new(),
            person_events: Vec::new(),
        }
    }

    /// Whether `noc` is a NOC code; a problem in `field` when it is not.
    fn noc_ok(&mut self, file: &str, line: u64, field: &str, noc: &str) -> bool {
        let ok = values::is_noc(noc);
        if !ok {
            self.p.field(
                file,
                line,
                field,
                noc,
                format!("expected {}", crate::model::Noc::EXPECTED),
            );
        }
        ok
    }

    /// Each event: men's, women's or mixed from its results (`genders`, else its name); a crew
    /// or team event when teams.csv has teams for it; its date from its medals.
    fn settle_events(&mut self, genders: &[Option<Category>], teams: &[Team], awards: &[Award]) {
        let teamed: BTreeSet<usize> = teams.iter().map(|t| t.event).collect();
        for (i, e) in self.events.iter_mut().enumerate() {
            e.category = genders[i].unwrap_or_else(|| values::category_of_name(&e.name));
            e.kind = if !teamed.contains(&i) {
                Kind::Individual
            } else if sports::is_team_sport(&e.discipline) {
                Kind::Team
            } else {
                Kind::Crew
            };
        }
        for a in awards {
            let date = &mut self.events[a.event].date;
            *date = Some(date.map_or(a.date, |d| d.max(a.date)));
        }
    }

    /// Every athlete's events: those athletes.csv lists, the teams they are in, the events
    /// results files and medals name them in; and whether they competed (a result or a medal).
    fn link_people(&mut self, teams: &[Team], awards: &[Award], rows: &[ResultRow]) {
        for t in teams {
            for m in &t.members {
                if let Some(&i) = self.person_index.get(m) {
                    self.person_events[i].insert(t.event);
                }
            }
        }
        for a in awards {
            if let Some(&i) = self.person_index.get(&a.code) {
                self.person_events[i].insert(a.event);
            }
        }
        for row in rows {
            if let Some(&i) = self.person_index.get(&row.participant) {
                self.person_events[i].insert(row.event);
                self.people[i].competed = true;
            }
        }
        for a in awards {
            if let Some(&i) = self.person_index.get(&a.code) {
                self.people[i].competed = true;
            }
        }
    }
}
