//! `teams.csv`: the crews and teams of these Games, with their members among the athletes read.

use std::collections::BTreeSet;

use super::Reader;
use super::sheet::Sheet;
use super::values::{is_code, list};
use crate::source::paris::Team;

impl Reader {
    pub(super) fn teams(&mut self, sheet: &Sheet) -> Vec<Team> {
        let mut teams: Vec<Team> = Vec::new();
        let mut seen = BTreeSet::new();
        for (line, f) in &sheet.rows {
            if let Some(team) = self.team(&sheet.file, *line, f, &mut seen) {
                teams.push(team);
            }
        }
        teams
    }

    /// One row's team; `None` when a field is wrong (reported) or the team is not one of these
    /// Games. `seen` holds the team codes before it.
    fn team(
        &mut self,
        file: &str,
        line: u64,
        f: &[String],
        seen: &mut BTreeSet<String>,
    ) -> Option<Team> {
        let [code, noc, discipline, event, members] = [0, 1, 2, 3, 4].map(|i| &f[i]);
        if code.is_empty() || !seen.insert(code.clone()) {
            self.p.field(
                file,
                line,
                "code",
                code,
                "expected a team code given once, such as ARCMTEAM3---CHN01",
            );
            return None;
        }
        if !self.noc_ok(file, line, "country_code", noc) {
            return None;
        }
        // olympics.com keeps teams of earlier Games (Phelps's relays of 2008), not current and
        // mostly with no event of these Games: they are not part of Paris 2024.
        if event.is_empty() || f[5].eq_ignore_ascii_case("false") {
            return None;
        }
        let event = self.event_at(file, line, discipline, event, "events")?;
        let members = if members.is_empty() {
            Some(Vec::new())
        } else {
            list(members)
        };
        let Some(members) = members.filter(|m| m.iter().all(|c| is_code(c))) else {
            self.p.field(
                file,
                line,
                "athletes_codes",
                &f[4],
                "expected a list of athletes' codes such as ['1913366', '1913367']",
            );
            return None;
        };
        // A member athletes.csv does not list (a reserve who did not compete, as a rule) is left
        // out of the team, and counted for the briefing's sources.
        let (members, unlisted): (Vec<String>, Vec<String>) = members
            .into_iter()
            .partition(|m| self.person_index.contains_key(m));
        Some(Team {
            code: code.clone(),
            noc: noc.clone(),
            event,
            members,
            unlisted: unlisted.len(),
        })
    }
}
