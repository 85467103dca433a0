//! Section 3, medal revisions: the ledger of decisions after the Games, when the source has one.

use crate::charts::ChartId;
use crate::model::{Completeness, LedgerCoverage, Presented};
use crate::stats::{MedalView, Stats};

use super::super::layout::{Align, Block, Table, col};
use super::words::{ledger_caveat, medal, now_date, plural};
use super::{Section, body, figure, row};

/// The revisions section: the ledger, or why there is none.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::Revisions.heading());
    let Some(now) = &s.now else {
        b.push(body(NO_LEDGER));
        return;
    };
    if let Some(ledger) = &s.delegation.ledger {
        b.push(body(ledger_words(s, ledger)));
    }
    if s.revisions.changes.is_empty() {
        b.push(body(unchanged_words(s.delegation.ledger.as_ref())));
        return;
    }
    b.push(body(net_change_words(s, now)));
    let sources = cited_once(s);
    b.push(Block::Table(ledger_table(s, &sources)));
    if !sources.is_empty() {
        b.push(body(sources_words(&sources)));
    }
    b.push(figure(
        s,
        ChartId::Revisions,
        "From medals as awarded to medals now, one decision at a time, or in a long ledger grouped by event, day or year.".into(),
    ));
}

/// Why a source without decisions after the Games has no ledger.
const NO_LEDGER: &str = "The source records no decision taken after the Games (disqualifications after re-tests, reallocated medals), so there is no revision ledger and no chart of it. The medals in this briefing are as the source records them; later changes are not in it.";

/// That no medal of the delegation changed, as surely as the ledger covers these Games.
fn unchanged_words(ledger: Option<&LedgerCoverage>) -> &'static str {
    match ledger {
        Some(l) if l.completeness == Completeness::Complete => {
            "No medal of the delegation has changed since the Games, and the ledger records every change at these Games: the medals now are the medals as awarded."
        }
        Some(_) => {
            "No medal of the delegation has changed in the ledger: the medals now are the medals as awarded, as far as the ledger records."
        }
        None => "No medal has changed since the Games: the medals now are the medals as awarded.",
    }
}

/// The changes in one sentence: stripped, reallocated, recoloured, and the net change.
fn net_change_words(s: &Stats, now: &MedalView) -> String {
    let r = &s.revisions;
    format!(
        "After the Games, {} and {} reallocated to the delegation, and {} changed colour. Net change: {:+} gold, {:+} silver, {:+} bronze, {:+} in all, from {} as awarded to {} now ({}).",
        plural(r.stripped, "medal was stripped", "medals were stripped"),
        plural(r.gained, "medal was", "medals were"),
        plural(r.changed_colour, "medal", "medals"),
        r.net.gold,
        r.net.silver,
        r.net.bronze,
        r.net.total,
        s.awarded.totals.total,
        now.totals.total,
        now_date(s)
    )
}

/// The world ledger's citations, each once in the order the rows first cite it: they are long and
/// shared by many rows, so they are listed under the table and the rows give their numbers.
/// Empty for a dataset's own ledger, whose rows give their sources in full.
fn cited_once(s: &Stats) -> Vec<&str> {
    let mut sources: Vec<&str> = Vec::new();
    if s.delegation.ledger.is_some() {
        for c in &s.revisions.changes {
            if !sources.contains(&c.source.as_str()) {
                sources.push(&c.source);
            }
        }
    }
    sources
}

/// The ledger table, one row per decision; a source listed in `sources` is given by its number.
fn ledger_table(s: &Stats, sources: &[&str]) -> Table {
    let changes = &s.revisions.changes;
    let source_of = |text: &str| -> String {
        match sources.iter().position(|s| *s == text) {
            Some(i) => format!("[{}]", i + 1),
            None => text.to_owned(),
        }
    };
    let rows = changes
        .iter()
        .map(|c| {
            row(vec![
                c.athlete.clone(),
                format!("{}, {}", c.sport, c.event),
                medal(c.from),
                if c.presented == Some(Presented::No) {
                    format!("{} (withheld)", medal(c.to))
                } else {
                    medal(c.to)
                },
                c.decided.to_string(),
                c.reason.clone(),
                source_of(&c.source),
            ])
        })
        .collect();
    let numbered = s.delegation.ledger.is_some();
    let (why, source) = if numbered { (0.33, 0.09) } else { (0.28, 0.14) };
    // "gold (withheld)" needs a wider column than a medal alone; the reason gives the room.
    let withheld = changes.iter().any(|c| c.presented == Some(Presented::No));
    let (to, why) = if withheld {
        (0.10, why - 0.03)
    } else {
        (0.07, why)
    };
    Table {
        caption: "The revision ledger, in the order of the decisions".into(),
        bookmark: None,
        columns: vec![
            col("Athlete", 0.17, Align::Left),
            col("Event", 0.16, Align::Left),
            col("From", 0.07, Align::Left),
            col("To", to, Align::Left),
            col("Decided", 0.11, Align::Left),
            col("Why", why, Align::Left),
            col("Source", source, Align::Left),
        ],
        rows,
    }
}

/// The numbered list of the sources the table cites by number.
fn sources_words(sources: &[&str]) -> String {
    let listed: Vec<String> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| format!("[{}] {s}", i + 1))
        .collect();
    format!("Sources: {}", listed.join(" "))
}

/// Where the changes come from when the world revision ledger gives them, and how completely it
/// covers these Games.
fn ledger_words(s: &Stats, ledger: &LedgerCoverage) -> String {
    let scope = match ledger.completeness {
        Completeness::Complete => "It records every change at these Games".to_owned(),
        Completeness::Partial => format!(
            "It records these Games in part, so {}",
            ledger_caveat(s).unwrap_or_default()
        ),
    };
    format!(
        "The changes come from the world revision ledger of every nation's medals, as of {}, applied to the source: medals as awarded are the source with the changes it already holds undone. {scope}. {}",
        now_date(s),
        ledger.note
    )
}
