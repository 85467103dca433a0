//! `results/*.csv`: one row per participant per stage, checked against the events, athletes
//! and teams read before. An athlete only a results file names is taken from the row when it
//! says enough (`only_in_results`).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::Reader;
use super::sheet::Sheet;
use super::values::{display_name, is_code, is_noc, whole};
use crate::date::Date;
use crate::model::{Category, Sex};
use crate::source::paris::Person;
use crate::source::paris::places::ResultRow;

impl Reader {
    /// The rows of every results file, and each event's category as its first result row gives
    /// it (`None` for an event with no row).
    pub(super) fn all_results(
        &mut self,
        sheets: &[Sheet],
        teams: &HashMap<&str, usize>,
    ) -> (Vec<ResultRow>, Vec<Option<Category>>) {
        let mut rows = Vec::new();
        let mut genders: Vec<Option<Category>> = vec![None; self.events.len()];
        for sheet in sheets {
            for (line, f) in &sheet.rows {
                if let Some(row) = self.result(&sheet.file, *line, f, teams, &mut genders) {
                    rows.push(row);
                }
            }
        }
        (rows, genders)
    }

    /// One row, checked field by field; `None` at the first field that is wrong (reported), or
    /// for a participant not known and already reported.
    fn result(
        &mut self,
        file: &str,
        line: u64,
        f: &[String],
        teams: &HashMap<&str, usize>,
        genders: &mut [Option<Category>],
    ) -> Option<ResultRow> {
        let [date, stage_code, event, stage, gender, discipline, code] =
            [0, 1, 2, 3, 4, 5, 6].map(|i| &f[i]);
        let (rank, irm, wlt) = (&f[10], &f[11], &f[12]);
        let won = self.won(file, line, wlt)?;
        let event = self.event_at(file, line, discipline, event, "event_name")?;
        if date.get(..10).and_then(Date::parse).is_none() {
            self.p.field(
                file,
                line,
                "date",
                date,
                "expected the date and time of the stage such as 2024-07-27T10:00:00+02:00",
            );
            return None;
        }
        let category = self.category(file, line, gender)?;
        genders[event].get_or_insert(category);
        let rank = self.rank(file, line, rank)?;
        if !self.participant_known(file, line, f, category, teams) {
            return None;
        }
        Some(ResultRow {
            event,
            participant: code.clone(),
            stage_code: stage_code.clone(),
            stage: stage.clone(),
            time: date.clone(),
            rank,
            irm: irm.clone(),
            won,
        })
    }

    /// Won, lost or neither (a tie, or a sport with no such result); `None` when the field is
    /// wrong (reported).
    fn won(&mut self, file: &str, line: u64, wlt: &str) -> Option<Option<bool>> {
        match wlt {
            "W" => Some(Some(true)),
            "L" => Some(Some(false)),
            "T" | "" => Some(None),
            _ => {
                self.p.field(
                    file,
                    line,
                    "result_WLT",
                    wlt,
                    "expected W, L, T (a tie) or nothing",
                );
                None
            }
        }
    }

    fn category(&mut self, file: &str, line: u64, gender: &str) -> Option<Category> {
        match gender {
            "M" => Some(Category::Men),
            "W" => Some(Category::Women),
            "X" | "O" => Some(Category::Mixed),
            _ => {
                self.p
                    .field(file, line, "gender", gender, "expected M, W, X or O");
                None
            }
        }
    }

    /// The place in the stage, `Some(None)` when not given; `None` when it is wrong (reported).
    fn rank(&mut self, file: &str, line: u64, rank: &str) -> Option<Option<u32>> {
        if rank.is_empty() {
            return Some(None);
        }
        let place = whole(rank);
        if place.is_none() {
            self.p.field(
                file,
                line,
                "rank",
                rank,
                "expected a place such as 3 or 3.0, or nothing",
            );
            return None;
        }
        Some(place)
    }

    /// Whether the row's participant, an athlete or a team, is known (an athlete only in the
    /// results files is taken from the row when it can be).
    fn participant_known(
        &mut self,
        file: &str,
        line: u64,
        f: &[String],
        category: Category,
        teams: &HashMap<&str, usize>,
    ) -> bool {
        let [code, name, kind, noc] = [6, 7, 8, 9].map(|i| &f[i]);
        match kind.as_str() {
            "Person" => {
                self.person_index.contains_key(code)
                    || (self.complete
                        && !self.refused.contains(code.as_str())
                        && self.only_in_results(file, line, code, name, noc, category))
            }
            "Team" => {
                if teams.contains_key(code.as_str()) {
                    return true;
                }
                if self.complete {
                    self.p.field(
                        file,
                        line,
                        "participant_code",
                        code,
                        "no team in teams.csv has this code",
                    );
                }
                false
            }
            _ => {
                self.p.field(
                    file,
                    line,
                    "participant_type",
                    kind,
                    "expected Person or Team",
                );
                false
            }
        }
    }

    /// An athlete a results file names but athletes.csv lacks: taken from the row (name, NOC, and
    /// sex from a men's or women's event), marked so the briefing names them; refused when the
    /// row does not say enough.
    fn only_in_results(
        &mut self,
        file: &str,
        line: u64,
        code: &str,
        name: &str,
        noc: &str,
        category: Category,
    ) -> bool {
        let sex = match category {
            Category::Men => Some(Sex::Male),
            Category::Women => Some(Sex::Female),
            Category::Mixed => None,
        };
        let (Some(sex), true, true, false) = (sex, is_code(code), is_noc(noc), name.is_empty())
        else {
            self.p.field(file, line, "participant_code", code, "no athlete in athletes.csv has this code, and the row does not say who it is (a name, a NOC and a men's or women's event)");
            return false;
        };
        // The row's athlete listed under another code: a mistyped code, not a missing athlete.
        if let Some(listed) = self
            .people
            .iter()
            .find(|p| p.noc == noc && p.listed_as.eq_ignore_ascii_case(name))
        {
            let why = format!(
                "no athlete in athletes.csv has this code, but it lists {name} of {noc} as {}: a mistyped code?",
                listed.code
            );
            self.p.field(file, line, "participant_code", code, &why);
            return false;
        }
        self.person_index.insert(code.to_owned(), self.people.len());
        self.people.push(Person {
            code: code.to_owned(),
            name: display_name(name),
            listed_as: name.to_owned(),
            sex,
            noc: noc.to_owned(),
            disciplines: Vec::new(),
            birth: None,
            alternate: false,
            competed: true,
            only_in_results: Some((file_name(file), line)),
        });
        self.person_events.push(BTreeSet::new());
        true
    }
}

/// The file's name without its folders, for the briefing.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}
