//! Section 7, published figures: each figure the data lists beside the one computed from it.

use crate::stats::Stats;

use super::super::layout::{Align, Block, Table, col};
use super::{Section, body, row_of};

/// The published-figures section.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::Published.heading());
    if s.reconciliation.is_empty() {
        b.push(body("The data lists no published figures to check."));
        return;
    }
    b.push(body(
        "Each published figure beside the one computed from the data, and what the data says.",
    ));
    b.push(Block::Table(Table {
        caption: "Published figures and the data".into(),
        bookmark: None,
        columns: vec![
            col("Claim", 0.2, Align::Left),
            col("Published", 0.13, Align::Left),
            col("Computed", 0.13, Align::Left),
            col("", 0.09, Align::Left),
            col("What the data says", 0.33, Align::Left),
            col("Where", 0.12, Align::Left),
        ],
        rows: s
            .reconciliation
            .iter()
            .map(|r| {
                row_of(
                    vec![
                        r.claim.to_owned(),
                        r.published.clone(),
                        r.computed.clone(),
                        if r.agrees { "agrees" } else { "differs" }.into(),
                        r.explanation.clone(),
                        r.source.clone(),
                    ],
                    !r.agrees,
                )
            })
            .collect(),
    }));
}
