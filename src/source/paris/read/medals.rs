//! `medals.csv`: every medal awarded, to an athlete or a team read before.

use std::collections::HashMap;

use super::Reader;
use super::sheet::Sheet;
use super::values::is_noc;
use crate::date::Date;
use crate::error::DataError;
use crate::model::Medal;
use crate::source::paris::Award;

impl Reader {
    /// The medals; `teams` finds a team by its code.
    pub(super) fn medals(&mut self, sheet: &Sheet, teams: &HashMap<&str, usize>) -> Vec<Award> {
        // Every Games awards medals: a medals.csv without one is cut short, not a Games where
        // nobody won (a missing file is reported already).
        if sheet.rows.is_empty() && self.complete {
            self.p.push(DataError::new(
                &sheet.file,
                None,
                "the file holds no medal; the Paris 2024 folder's medals.csv lists every medal awarded",
            ));
        }
        sheet
            .rows
            .iter()
            .filter_map(|(line, f)| self.medal(&sheet.file, *line, f, teams))
            .collect()
    }

    /// One row's medal; `None` when a field is wrong (each one reported, in column order).
    fn medal(
        &mut self,
        file: &str,
        line: u64,
        f: &[String],
        teams: &HashMap<&str, usize>,
    ) -> Option<Award> {
        let [kind, date, discipline, event, code, noc] = [0, 1, 2, 3, 4, 5].map(|i| &f[i]);
        let medal = match kind.as_str() {
            "Gold Medal" => Some(Medal::Gold),
            "Silver Medal" => Some(Medal::Silver),
            "Bronze Medal" => Some(Medal::Bronze),
            _ => {
                self.p.field(
                    file,
                    line,
                    "medal_type",
                    kind,
                    "expected Gold Medal, Silver Medal or Bronze Medal",
                );
                None
            }
        };
        let date_ok = Date::parse(date).filter(|d| d.year() == 2024);
        if date_ok.is_none() {
            self.p.field(
                file,
                line,
                "medal_date",
                date,
                "expected the day of the medal event such as 2024-07-27",
            );
        }
        self.noc_ok(file, line, "country_code", noc);
        let event = self.event_at(file, line, discipline, event, "event");
        let known = self.person_index.contains_key(code) || teams.contains_key(code.as_str());
        if !known && self.complete && !self.refused.contains(code.as_str()) {
            self.p.field(
                file,
                line,
                "code",
                code,
                "no athlete in athletes.csv and no team in teams.csv has this code",
            );
        }
        let (Some(medal), Some(date), Some(event), true, true) =
            (medal, date_ok, event, known, is_noc(noc))
        else {
            return None;
        };
        Some(Award {
            event,
            code: code.clone(),
            medal,
            date,
            noc: noc.clone(),
        })
    }
}
