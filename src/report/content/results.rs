//! Section 6, results by sport: every entry, one table per sport, with its place where the
//! source records places and its medal in each view.

use crate::model::{Fact, Status};
use crate::stats::{ResultLine, SportResults, Stats};

use super::super::layout::{Align, Block, Para, Table, col};
use super::views::Views;
use super::words::{medal, plural};
use super::{Section, row_of};

/// The results section: one table per sport.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::Results.heading());
    let places = s.coverage.records(Fact::Results);
    let note = if !s.coverage.records(Fact::Entries) {
        "The source records the events of its medallists only: these are the medals, by sport. A crew or squad is one line."
    } else if places {
        "Every entry, by sport, with its place as the results stand now (=3: shared third; 7 h1 r1/3: seventh in heat 1 of round 1 of 3, out before the final). A crew or squad is one line. Medals as awarded and now."
    } else {
        "Every entry, by sport, with its medal. The source records no places, so an entry without a medal shows only that the athlete took part. A crew or squad is one line."
    };
    b.push(Block::Paragraph(note.into(), Para::Note));
    let v = Views::of(s);
    for sport in &s.results {
        b.push(table(sport, places, &v));
    }
}

/// One sport's table: event, athletes, the place when recorded, a medal column per view.
fn table(sport: &SportResults, places: bool, v: &Views) -> Block {
    // Shares of the width for the event, the athletes, the place and each medal column.
    let (event, athletes, place, medal_width) = match (places, v.both()) {
        (true, true) => (0.3, 0.36, 0.14, 0.1),
        (true, false) => (0.32, 0.4, 0.14, 0.14),
        (false, true) => (0.34, 0.42, 0.0, 0.12),
        (false, false) => (0.38, 0.46, 0.0, 0.16),
    };
    let mut columns = vec![
        // The sport in the header: each sport's table is told apart when read aloud.
        col(&format!("{} event", sport.sport), event, Align::Left),
        col("Athlete", athletes, Align::Left),
    ];
    if places {
        columns.push(col("Result", place, Align::Left));
    }
    columns.extend(v.column("Medal", medal_width, Align::Left));
    let n = sport.lines.len() as u32;
    Block::Table(Table {
        caption: format!(
            "{}: {}",
            sport.sport,
            if places {
                plural(n, "result", "results")
            } else {
                plural(n, "entry", "entries")
            }
        ),
        bookmark: Some(sport.sport.clone()),
        columns,
        rows: sport
            .lines
            .iter()
            .map(|l| {
                let mut lead = vec![event_label(l, &sport.sport), l.athletes.join(", ")];
                if places {
                    lead.push(result(l));
                }
                let medalled = v.iter().any(|view| l.in_view(view.view).is_some());
                row_of(
                    v.cells(lead, |view| vec![medal(l.in_view(view.view))]),
                    medalled,
                )
            })
            .collect(),
    })
}

/// The place, or what stopped the entry.
fn result(l: &ResultLine) -> String {
    match (l.status, &l.place) {
        (Status::Competed, Some(p)) => p.clone(),
        (Status::Competed, None) => "not recorded".into(),
        (Status::Dnf, _) => "did not finish".into(),
        (Status::Dq, _) => "disqualified".into(),
        (Status::Dns, _) => "did not start".into(),
    }
}

/// An entry's event, with its discipline where that differs from the sport.
fn event_label(l: &ResultLine, sport: &str) -> String {
    if l.discipline == sport {
        l.event.clone()
    } else {
        format!("{}: {}", l.discipline, l.event)
    }
}
