//! Every entry's result, grouped by sport: the briefing's results section.

use serde::Serialize;

use crate::model::{Dataset, Kind, Medal, Status, View};

#[derive(Debug, Clone, Serialize)]
pub struct SportResults {
    pub sport: String,
    pub lines: Vec<ResultLine>,
}

/// One entry, or one crew or squad (its members on one line).
#[derive(Debug, Clone, Serialize)]
pub struct ResultLine {
    pub discipline: String,
    pub event: String,
    pub athletes: Vec<String>,
    /// The place as the results stand now, in the data's notation; `None` without a place.
    pub place: Option<String>,
    /// `competed`, `dnf`, `dq` or `dns`.
    pub status: Status,
    pub medal_awarded: Option<Medal>,
    pub medal_now: Option<Medal>,
}

impl ResultLine {
    /// The medal in one view, if any.
    pub fn in_view(&self, view: View) -> Option<Medal> {
        match view {
            View::Awarded => self.medal_awarded,
            View::Now => self.medal_now,
        }
    }
}

/// Sports by name; within a sport, events by name, then by place.
pub fn compute(data: &Dataset) -> Vec<SportResults> {
    let mut lines: Vec<(String, usize, u32, ResultLine)> = Vec::new();
    for (e_index, e) in data.events.iter().enumerate() {
        let members: Vec<_> = data.entries.iter().filter(|x| x.event == e_index).collect();
        let groups: Vec<Vec<_>> = if e.kind == Kind::Individual {
            members.iter().map(|m| vec![*m]).collect()
        } else {
            // A crew or squad is one result; a non-starting member is still on its line.
            vec![members.clone()]
        };
        for group in groups.into_iter().filter(|g| !g.is_empty()) {
            let lead = group
                .iter()
                .find(|m| m.status != Status::Dns)
                .unwrap_or(&group[0]);
            let mut athletes: Vec<String> = group
                .iter()
                .map(|m| data.athletes[m.athlete].name.clone())
                .collect();
            athletes.sort();
            let rank = lead.place.as_ref().map_or(u32::MAX, |p| p.rank);
            lines.push((
                e.sport.clone(),
                e_index,
                rank,
                ResultLine {
                    discipline: e.discipline.clone(),
                    event: e.name.clone(),
                    athletes,
                    place: lead.place.as_ref().map(ToString::to_string),
                    status: lead.status,
                    medal_awarded: lead.medal_awarded,
                    medal_now: lead.medal_now,
                },
            ));
        }
    }
    lines.sort_by(|a, b| {
        (&a.0, &a.3.event, a.2, &a.3.athletes).cmp(&(&b.0, &b.3.event, b.2, &b.3.athletes))
    });
    let mut sports: Vec<SportResults> = Vec::new();
    for (sport, _, _, line) in lines {
        match sports.last_mut() {
            Some(last) if last.sport == sport => last.lines.push(line),
            _ => sports.push(SportResults {
                sport,
                lines: vec![line],
            }),
        }
    }
    sports
}
