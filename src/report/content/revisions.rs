//! Section 3, medal revisions: the ledger of decisions after the Games, when the source has one.

use crate::charts::ChartId;
use crate::stats::Stats;

use super::super::layout::{Align, Block, Table, col};
use super::words::{medal, now_date, plural};
use super::{Section, body, figure, row};

/// The revisions section: the ledger, or why there is none.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::Revisions.heading());
    let Some(now) = &s.now else {
        b.push(body(
            "The source records no decision taken after the Games (disqualifications after re-tests, reallocated medals), so there is no revision ledger and no chart of it. The medals in this briefing are as the source records them; later changes are not in it.",
        ));
        return;
    };
    let r = &s.revisions;
    if r.changes.is_empty() {
        b.push(body(
            "No medal has changed since the Games: the medals now are the medals as awarded.",
        ));
        return;
    }
    b.push(body(format!(
        "After the Games, {} and {} were reallocated to the delegation, and {} changed colour. Net change: {:+} gold, {:+} silver, {:+} bronze, {:+} in all, from {} as awarded to {} now ({}).",
        plural(r.stripped, "medal was stripped", "medals were stripped"),
        plural(r.gained, "medal", "medals"),
        plural(r.changed_colour, "medal", "medals"),
        r.net.gold,
        r.net.silver,
        r.net.bronze,
        r.net.total,
        s.awarded.totals.total,
        now.totals.total,
        now_date(s)
    )));
    b.push(Block::Table(Table {
        caption: "The revision ledger, in the order of the decisions".into(),
        columns: vec![
            col("Athlete", 0.17, Align::Left),
            col("Event", 0.16, Align::Left),
            col("From", 0.07, Align::Left),
            col("To", 0.07, Align::Left),
            col("Decided", 0.11, Align::Left),
            col("Why", 0.28, Align::Left),
            col("Source", 0.14, Align::Left),
        ],
        rows: r
            .changes
            .iter()
            .map(|c| {
                row(vec![
                    c.athlete.clone(),
                    format!("{}, {}", c.sport, c.event),
                    medal(c.from),
                    medal(c.to),
                    c.decided.to_string(),
                    c.reason.clone(),
                    c.source.clone(),
                ])
            })
            .collect(),
    }));
    b.push(figure(
        s,
        ChartId::Revisions,
        "From medals as awarded to medals now, one decision at a time.".into(),
    ));
}
