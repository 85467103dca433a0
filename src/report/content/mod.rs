//! The briefing's content: blocks built from `Stats`, in the order of the document, one file per
//! section. Every figure is read from `Stats`; the sentences are assembled from those figures,
//! with the shared wording in `words`.

mod cover;
mod history;
mod medals;
mod method;
mod published;
mod results;
mod revisions;
mod team;
mod views;
mod words;

use crate::charts::ChartId;
use crate::stats::Stats;

use super::layout::{Block, Para, Row};

/// The section headings, in order; the outline lists the same.
pub const SECTIONS: [&str; 8] = [
    "1 At a glance",
    "2 Medals",
    "3 Medal revisions",
    "4 Team composition",
    "5 Across the Games",
    "6 Results by sport",
    "7 Published figures",
    "8 Data and method",
];

/// The briefing's sections, in order: each numbers its heading from `SECTIONS`.
#[derive(Debug, Clone, Copy)]
enum Section {
    AtAGlance,
    Medals,
    Revisions,
    Team,
    History,
    Results,
    Published,
    Method,
}

impl Section {
    fn heading(self) -> Block {
        Block::Heading(SECTIONS[self as usize].to_owned())
    }
}

/// Every block of the briefing.
pub fn blocks(s: &Stats) -> Vec<Block> {
    let mut b = Vec::new();
    cover::push(s, &mut b);
    medals::push(s, &mut b);
    revisions::push(s, &mut b);
    team::push(s, &mut b);
    history::push(s, &mut b);
    results::push(s, &mut b);
    published::push(s, &mut b);
    method::push(s, &mut b);
    b
}

/// The document's title, also its metadata title.
pub fn title(s: &Stats) -> String {
    format!(
        "{} at the {} Olympics",
        s.delegation.nation, s.delegation.games
    )
}

/// A figure when the chart has data; otherwise a sentence saying why there is none.
fn figure(s: &Stats, chart: ChartId, caption: String) -> Block {
    match chart.absent(s) {
        None => Block::Figure { chart, caption },
        Some(reason) => Block::Paragraph(
            format!("No chart of {}: {reason}.", chart.title().to_lowercase()),
            Para::Note,
        ),
    }
}

/// A body paragraph.
fn body(text: impl Into<String>) -> Block {
    Block::Paragraph(text.into(), Para::Body)
}

/// A table row; `strong` sets it in bold.
fn row_of(cells: Vec<String>, strong: bool) -> Row {
    Row {
        strong,
        ..Row::plain(cells)
    }
}

fn row(cells: Vec<String>) -> Row {
    row_of(cells, false)
}

fn strong(cells: Vec<String>) -> Row {
    row_of(cells, true)
}

/// A row whose first cell is indented beneath the row before (a discipline under its sport).
fn sub(cells: Vec<String>) -> Row {
    Row {
        indent: true,
        ..Row::plain(cells)
    }
}
