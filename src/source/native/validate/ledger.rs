//! `revisions.csv`, the ledger of medals changed after the Games, and the counting rules that span
//! the entries of one event in both views (as awarded, and now).

use std::collections::{BTreeMap, HashMap};

use super::checker::{At, Broken, Checker, Target};
use crate::date::{Date, PartialDate};
use crate::model::*;
use crate::source::csv::Table;
use crate::source::native::records::{EntryRow, RevisionRow};

impl Checker {
    /// Applies the ledger to the entries' medals now, row by row, checking each step.
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
        let mut revisions: Vec<Revision> = Vec::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let Some(step) = self.step_fields(at, r, athlete_ids, event_ids) else {
                self.drop_row(Some(Broken::ledger(&r.athlete, &r.event)));
                continue;
            };
            // An earlier row of this entry's ledger was left out: what follows cannot be checked.
            if self.broken.contains(&Broken::ledger(&r.athlete, &r.event)) {
                continue;
            }
            let Some(entry) = self.revised_entry(at, r, &by_pair, &step) else {
                continue;
            };
            if !self.changes_the_medal_held(at, r, &step, entries[entry].medal_now) {
                self.drop_row(Some(Broken::ledger(&r.athlete, &r.event)));
                continue;
            }
            let event_day = events[step.event]
                .date
                .or(delegation.and_then(|d| d.closing));
            let previous = revisions.last().map(|p| p.decided);
            self.decision_in_time(at, r, step.decided, event_day, previous, delegation);
            entries[entry].medal_now = step.to;
            revisions.push(Revision {
                entry,
                from: step.from,
                to: step.to,
                decided: step.decided,
                reason: step.reason,
                source: step.source,
                presented: None,
            });
        }
        revisions
    }

    /// A ledger row's fields, each read and checked on its own; `None` when any is missing or
    /// invalid.
    fn step_fields(
        &mut self,
        at: At<'_>,
        r: &RevisionRow,
        athlete_ids: &HashMap<String, usize>,
        event_ids: &HashMap<String, usize>,
    ) -> Option<Step> {
        let athlete = self.lookup(at, ("athlete", &r.athlete), athlete_ids, Target::Athlete);
        let event = self.lookup(at, ("event", &r.event), event_ids, Target::Event);
        let from = self.need(at, "from", &r.from, parse_change, CHANGE_EXPECTED);
        let to = self.need(at, "to", &r.to, parse_change, CHANGE_EXPECTED);
        let decided = self.need(
            at,
            "decided",
            &r.decided,
            PartialDate::parse,
            "a date YYYY-MM-DD, YYYY-MM or YYYY",
        );
        let reason = self.text(at, "reason", &r.reason);
        let source = self.text(at, "source", &r.source);
        Some(Step {
            athlete: athlete?,
            event: event?,
            from: from?,
            to: to?,
            decided: decided?,
            reason: reason?,
            source: source?,
        })
    }

    /// The entry a step revises. An athlete without an entry in the event is reported and the
    /// row left out, unless that entry was itself left out (then reported already).
    fn revised_entry(
        &mut self,
        at: At<'_>,
        r: &RevisionRow,
        by_pair: &HashMap<(usize, usize), usize>,
        step: &Step,
    ) -> Option<usize> {
        if let Some(&entry) = by_pair.get(&(step.athlete, step.event)) {
            return Some(entry);
        }
        if self.broken.contains(&Broken::entry(&r.athlete, &r.event)) {
            self.incomplete = true;
            return None;
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
        None
    }

    /// A step changes the medal, from the one the entry holds at this point of the ledger.
    fn changes_the_medal_held(
        &mut self,
        at: At<'_>,
        r: &RevisionRow,
        step: &Step,
        held: Option<Medal>,
    ) -> bool {
        if step.from == step.to {
            self.push(
                at,
                "to",
                &r.to,
                "a revision must change the medal; `from` and `to` are the same",
            );
            return false;
        }
        if held != step.from {
            self.push(at, "from", &r.from, format!(
                "the entry holds {} at this point of the ledger (as awarded, after the rows above); `from` must match",
                medal_or_none(held)));
            return false;
        }
        true
    }

    /// A decision comes after its event, after the row above it, and no later than the
    /// dataset's `now_as_of`.
    fn decision_in_time(
        &mut self,
        at: At<'_>,
        r: &RevisionRow,
        decided: PartialDate,
        event_day: Option<Date>,
        previous: Option<PartialDate>,
        delegation: Option<&Delegation>,
    ) {
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
                    format!("the decision is later than the dataset's now_as_of date ({as_of})"),
                );
            }
        }
    }

    /// The counting rules that span several entries of one event, in both views.
    pub(super) fn event_medals(
        &mut self,
        table: &Table<EntryRow>,
        entries: &[Entry],
        athletes: &[Athlete],
        events: &[Event],
    ) {
        let rows = EntryRows {
            table,
            athletes,
            events,
        };
        let mut by_event: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
        for entry in entries {
            by_event.entry(entry.event).or_default().push(entry);
        }
        // A row left out of the ledger leaves the "now" medals unreliable: check only as awarded.
        let (views, check_now): (&[View], bool) = if self.incomplete {
            (&[View::Awarded], false)
        } else {
            (&View::BOTH, true)
        };
        for (&event, members) in &by_event {
            let e = &events[event];
            if e.kind != Kind::Individual {
                self.one_result_per_crew(&rows, e, members);
            }
            self.medals_follow_the_kind(&rows, e, members, views);
            if check_now {
                self.places_and_statuses_match_medals(&rows, members);
            }
            self.medal_events_have_dates(&rows, e, members);
        }
    }

    /// The members of a crew or team who played share one place.
    fn one_result_per_crew(&mut self, rows: &EntryRows<'_>, e: &Event, members: &[&Entry]) {
        let played: Vec<&&Entry> = members.iter().filter(|m| m.status != Status::Dns).collect();
        let Some(other) = played.iter().find(|m| m.place != played[0].place) else {
            return;
        };
        let place = other
            .place
            .as_ref()
            .map_or_else(String::new, ToString::to_string);
        let first = played[0]
            .place
            .as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string);
        self.push(
            rows.at(other),
            "place",
            &place,
            format!(
                "the members of the {} `{}` share one result, but `{}` has place {first}",
                e.kind.event_words(),
                e.id,
                rows.athletes[played[0].athlete].id
            ),
        );
    }

    /// One medal per crew or team, and no two golds or silvers in an individual event but in a
    /// tie. A rule broken in both views is one mistake: it is reported for the first view only.
    fn medals_follow_the_kind(
        &mut self,
        rows: &EntryRows<'_>,
        e: &Event,
        members: &[&Entry],
        views: &[View],
    ) {
        for &view in views {
            let reported = match e.kind {
                Kind::Team | Kind::Crew => self.one_medal_per_crew(rows, e, members, view),
                Kind::Individual => self.ties_share_medals(rows, e, members, view),
            };
            if reported {
                break;
            }
        }
    }

    /// Every member of a crew or team holds the same medal in `view`; whether a problem was found.
    fn one_medal_per_crew(
        &mut self,
        rows: &EntryRows<'_>,
        e: &Event,
        members: &[&Entry],
        view: View,
    ) -> bool {
        let first = members[0];
        let Some(other) = members.iter().find(|m| m.medal(view) != first.medal(view)) else {
            return false;
        };
        self.push(rows.at(other), "medal", medal_or_none(other.medal(view)), format!(
            "members hold different medals {} in the {} `{}`: `{}` holds {}; one result, one medal for every member",
            view_words(view), e.kind.event_words(), e.id, rows.athletes[first.athlete].id, medal_or_none(first.medal(view))));
        true
    }

    /// In an individual event a gold or silver is held once, unless a tie marked `=` shares it;
    /// whether a problem was found.
    fn ties_share_medals(
        &mut self,
        rows: &EntryRows<'_>,
        e: &Event,
        members: &[&Entry],
        view: View,
    ) -> bool {
        let mut reported = false;
        for medal in [Medal::Gold, Medal::Silver] {
            let holders: Vec<&&Entry> = members
                .iter()
                .filter(|m| m.medal(view) == Some(medal))
                .collect();
            let all_tied = holders
                .iter()
                .all(|m| m.place.as_ref().is_some_and(|p| p.tied));
            if holders.len() > 1 && !all_tied {
                self.push(rows.at(holders[1]), "medal", medal.name(), format!(
                    "two {medal} medals {} in the individual event `{}` (also `{}`); only a tie, with both places marked `=`, shares one",
                    view_words(view), e.id, rows.athletes[holders[0].athlete].id));
                reported = true;
            }
        }
        reported
    }

    /// A medal now goes with the place it is for, and not with a disqualification or a
    /// non-finish.
    fn places_and_statuses_match_medals(&mut self, rows: &EntryRows<'_>, members: &[&Entry]) {
        for m in members {
            let at = rows.at(m);
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
    }

    /// An event with a medal in either view has its day.
    fn medal_events_have_dates(&mut self, rows: &EntryRows<'_>, e: &Event, members: &[&Entry]) {
        let has_medal = members
            .iter()
            .any(|m| m.medal_awarded.is_some() || m.medal_now.is_some());
        if has_medal && e.date.is_none() {
            self.push(
                rows.at(members[0]),
                "event",
                &e.id,
                "the event holds a medal but has no date in events.csv; give the day of its final",
            );
        }
    }
}

/// A ledger row, read: one step of one entry's ledger.
struct Step {
    athlete: usize,
    event: usize,
    from: Option<Medal>,
    to: Option<Medal>,
    decided: PartialDate,
    reason: String,
    source: String,
}

const CHANGE_EXPECTED: &str = "gold, silver, bronze or none";

/// `entries.csv`'s rows, to point a message at the row of an entry.
struct EntryRows<'a> {
    table: &'a Table<EntryRow>,
    athletes: &'a [Athlete],
    events: &'a [Event],
}

impl<'a> EntryRows<'a> {
    /// Where an entry is written (line 0 if it is not: never, for an entry read from the file).
    fn at(&self, entry: &Entry) -> At<'a> {
        let line = self
            .table
            .rows
            .iter()
            .find(|r| {
                r.data.athlete == self.athletes[entry.athlete].id
                    && r.data.event == self.events[entry.event].id
            })
            .map_or(0, |r| r.line);
        At {
            file: &self.table.file,
            line,
        }
    }
}

/// How a view is named in the counting rules' messages.
fn view_words(view: View) -> &'static str {
    match view {
        View::Awarded => "as awarded",
        View::Now => "after the revisions",
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
