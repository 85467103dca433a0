//! `revisions.csv`, the ledger of medals changed after the Games, and the counting rules that span
//! the entries of one event in both views (as awarded, and now).

use std::collections::{BTreeMap, HashMap};

use super::checker::{At, Broken, Checker, Target};
use crate::date::PartialDate;
use crate::model::*;
use crate::source::csv::Table;
use crate::source::native::records::{EntryRow, RevisionRow};

impl Checker {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn revisions(
        &mut self,
        table: &Table<RevisionRow>,
        entries: &mut [Entry],
        events: &[Event],
        athlete_ids: &HashMap<String, usize>,
        event_ids: &HashMap<String, usize>,
        delegation: Option<&Delegation>,
    ) -> Vec<Revision> {
        let by_pair: HashMap<(usize, usize), usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.athlete, e.event), i))
            .collect();
        let mut revisions = Vec::new();
        let mut previous: Option<PartialDate> = None;
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let athlete = self.lookup(at, ("athlete", &r.athlete), athlete_ids, Target::Athlete);
            let event = self.lookup(at, ("event", &r.event), event_ids, Target::Event);
            let from = self.need(
                at,
                "from",
                &r.from,
                parse_change,
                "gold, silver, bronze or none",
            );
            let to = self.need(
                at,
                "to",
                &r.to,
                parse_change,
                "gold, silver, bronze or none",
            );
            let decided = self.need(
                at,
                "decided",
                &r.decided,
                PartialDate::parse,
                "a date YYYY-MM-DD, YYYY-MM or YYYY",
            );
            let reason = self.text(at, "reason", &r.reason);
            let source = self.text(at, "source", &r.source);
            let (
                Some(athlete),
                Some(event),
                Some(from),
                Some(to),
                Some(decided),
                Some(reason),
                Some(source),
            ) = (athlete, event, from, to, decided, reason, source)
            else {
                self.drop_row(Some(Broken::ledger(&r.athlete, &r.event)));
                continue;
            };
            // An earlier row of this entry's ledger was left out: what follows cannot be checked.
            if self.broken.contains(&Broken::ledger(&r.athlete, &r.event)) {
                continue;
            }
            let Some(&entry) = by_pair.get(&(athlete, event)) else {
                if self.broken.contains(&Broken::entry(&r.athlete, &r.event)) {
                    self.incomplete = true;
                    continue;
                }
                self.push(
                    at,
                    "event",
                    &r.event,
                    format!(
                        "the athlete `{}` has no entry in this event in entries.csv",
                        r.athlete
                    ),
                );
                self.drop_row(Some(Broken::ledger(&r.athlete, &r.event)));
                continue;
            };
            if from == to {
                self.push(
                    at,
                    "to",
                    &r.to,
                    "a revision must change the medal; `from` and `to` are the same",
                );
                self.drop_row(Some(Broken::ledger(&r.athlete, &r.event)));
                continue;
            }
            let held = entries[entry].medal_now;
            if held != from {
                self.push(at, "from", &r.from, format!(
                    "the entry holds {} at this point of the ledger (as awarded, after the rows above); `from` must match",
                    medal_or_none(held)));
                self.drop_row(Some(Broken::ledger(&r.athlete, &r.event)));
                continue;
            }
            let event_day = events[event].date.or(delegation.and_then(|d| d.closing));
            if let Some(day) = event_day {
                if decided.latest() < day {
                    self.push(
                        at,
                        "decided",
                        &r.decided,
                        format!("the decision is dated before the event ({day})"),
                    );
                }
            }
            if let Some(p) = previous {
                if decided.latest() < p.earliest() {
                    self.push(
                        at,
                        "decided",
                        &r.decided,
                        format!(
                            "the ledger must be in chronological order; the row above is dated {p}"
                        ),
                    );
                }
            }
            if let Some(as_of) = delegation.and_then(|d| d.now_as_of) {
                if decided.earliest() > as_of.latest() {
                    self.push(
                        at,
                        "decided",
                        &r.decided,
                        format!(
                            "the decision is later than the dataset's now_as_of date ({as_of})"
                        ),
                    );
                }
            }
            previous = Some(decided);
            entries[entry].medal_now = to;
            revisions.push(Revision {
                entry,
                from,
                to,
                decided,
                reason,
                source,
                presented: None,
            });
        }
        revisions
    }

    /// The counting rules that span several entries of one event, in both views.
    pub(super) fn event_medals(
        &mut self,
        table: &Table<EntryRow>,
        entries: &[Entry],
        athletes: &[Athlete],
        events: &[Event],
    ) {
        let line_of = |entry: &Entry| {
            table
                .rows
                .iter()
                .find(|r| {
                    r.data.athlete == athletes[entry.athlete].id
                        && r.data.event == events[entry.event].id
                })
                .map_or(0, |r| r.line)
        };
        let mut by_event: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
        for entry in entries {
            by_event.entry(entry.event).or_default().push(entry);
        }
        // A row left out of the ledger leaves the "now" medals unreliable: check only as awarded.
        let views: &[View] = if self.incomplete {
            &[View::Awarded]
        } else {
            &View::BOTH
        };
        for (&event, members) in &by_event {
            let e = &events[event];
            if e.kind != Kind::Individual {
                let played: Vec<&&Entry> =
                    members.iter().filter(|m| m.status != Status::Dns).collect();
                if let Some(other) = played.iter().find(|m| m.place != played[0].place) {
                    let at = At {
                        file: &table.file,
                        line: line_of(other),
                    };
                    let place = other
                        .place
                        .as_ref()
                        .map_or_else(String::new, ToString::to_string);
                    let first = played[0]
                        .place
                        .as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string);
                    self.push(at, "place", &place, format!(
                        "the members of the {} `{}` share one result, but `{}` has place {first}",
                        e.kind.event_words(), e.id, athletes[played[0].athlete].id));
                }
            }
            // A rule broken in both views is one mistake: report it for the first view only.
            let mut reported = false;
            for &view in views {
                if reported {
                    break;
                }
                let view_word = match view {
                    View::Awarded => "as awarded",
                    View::Now => "after the revisions",
                };
                match e.kind {
                    Kind::Team | Kind::Crew => {
                        let first = members[0];
                        if let Some(other) =
                            members.iter().find(|m| m.medal(view) != first.medal(view))
                        {
                            let at = At {
                                file: &table.file,
                                line: line_of(other),
                            };
                            self.push(at, "medal", medal_or_none(other.medal(view)), format!(
                                "members hold different medals {view_word} in the {} `{}`: `{}` holds {}; one result, one medal for every member",
                                e.kind.event_words(), e.id, athletes[first.athlete].id, medal_or_none(first.medal(view))));
                            reported = true;
                        }
                    }
                    Kind::Individual => {
                        for medal in [Medal::Gold, Medal::Silver] {
                            let holders: Vec<&&Entry> = members
                                .iter()
                                .filter(|m| m.medal(view) == Some(medal))
                                .collect();
                            let all_tied = holders
                                .iter()
                                .all(|m| m.place.as_ref().is_some_and(|p| p.tied));
                            if holders.len() > 1 && !all_tied {
                                let at = At {
                                    file: &table.file,
                                    line: line_of(holders[1]),
                                };
                                self.push(at, "medal", medal.name(), format!(
                                    "two {medal} medals {view_word} in the individual event `{}` (also `{}`); only a tie, with both places marked `=`, shares one",
                                    e.id, athletes[holders[0].athlete].id));
                                reported = true;
                            }
                        }
                    }
                }
            }
            let check_now = !self.incomplete;
            for m in members.iter().filter(|_| check_now) {
                let at = At {
                    file: &table.file,
                    line: line_of(m),
                };
                if let (Some(medal), Some(place)) = (m.medal_now, &m.place) {
                    let expected = match medal {
                        Medal::Gold => 1,
                        Medal::Silver => 2,
                        Medal::Bronze => 3,
                    };
                    if place.rank != expected || place.stage.is_some() {
                        self.push(at, "place", &place.to_string(), format!(
                            "the entry holds {medal} {} but its place is not {expected}; places are as the results stand now",
                            if m.medal_now == m.medal_awarded { "" } else { "after the revisions" }));
                    }
                }
                if m.medal_now.is_some() && matches!(m.status, Status::Dq | Status::Dnf) {
                    self.push(at, "status", m.status.name(), format!(
                        "the entry holds {} now but its status is {}; a disqualified entry keeps a medal only until the ledger strips it",
                        medal_or_none(m.medal_now), m.status.name()));
                }
            }
            let has_medal = members
                .iter()
                .any(|m| m.medal_awarded.is_some() || m.medal_now.is_some());
            if has_medal && e.date.is_none() {
                let at = At {
                    file: &table.file,
                    line: line_of(members[0]),
                };
                self.push(at, "event", &e.id, "the event holds a medal but has no date in events.csv; give the day of its final");
            }
        }
    }
}

/// `none` or a medal, for the ledger's `from` and `to`.
fn parse_change(v: &str) -> Option<Option<Medal>> {
    if v == "none" {
        Some(None)
    } else {
        Medal::parse(v).map(Some)
    }
}

fn medal_or_none(m: Option<Medal>) -> &'static str {
    m.map_or("no medal", Medal::name)
}
