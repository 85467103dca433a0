//! Section 8, data and method: where the figures come from, what the source lacks, and the
//! counting rules.

use crate::model::Fact;
use crate::stats::Stats;

use super::super::layout::{Align, Block, Table, col};
use super::words::{capitalised, now_date, table_date};
use super::{Section, body, row};

/// The data-and-method section.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::Method.heading());
    b.push(body(if s.now.is_some() {
        format!(
            "Every figure in this briefing is computed from the dataset; none is typed in. Medals now stand as of {}; ranks now use the all-nation table as of {}.",
            now_date(s),
            table_date(s)
        )
    } else {
        "Every figure in this briefing is computed from the dataset; none is typed in. Ranks use the all-nation table computed from the same source with the same counting rules.".to_owned()
    }));
    let lacks = s.coverage.lacks();
    if !lacks.is_empty() {
        b.push(body(
            "What the source does not record, and this briefing therefore does not show:",
        ));
        b.push(Block::Bullets(
            lacks
                .iter()
                .map(|l| format!("{}.", capitalised(l)))
                .collect(),
        ));
    }
    if !s.sources.is_empty() {
        b.push(sources(s));
    }
    b.push(Block::Subheading("Counting rules".into()));
    b.push(Block::Bullets(rules(s)));
}

fn sources(s: &Stats) -> Block {
    Block::Table(Table {
        caption: "Sources".into(),
        bookmark: None,
        columns: vec![
            col("Source", 0.24, Align::Left),
            col("Provides", 0.36, Align::Left),
            col("As of", 0.1, Align::Left),
            col("Reference", 0.3, Align::Left),
        ],
        rows: s
            .sources
            .iter()
            .map(|x| {
                row(vec![
                    x.name.clone(),
                    x.covers.clone(),
                    x.as_of.map_or_else(|| "–".into(), |d| d.to_string()),
                    x.reference.clone(),
                ])
            })
            .collect(),
    })
}

fn rules(s: &Stats) -> Vec<String> {
    let results = s.coverage.records(Fact::Results);
    let mut rules: Vec<String> = vec![
        if s.now.is_some() {
            "Two views of the medals, side by side: as awarded at the Games, and now, after later disqualifications and reallocations, each decision listed in the revision ledger.".into()
        } else {
            "Medals are as the source records them; without a record of later decisions there is no second view.".into()
        },
        "A crew's or team's medal counts once for the nation, however many of its members receive one.".into(),
        "In individual events every medal counts: boxing, judo, taekwondo and wrestling award two bronzes, and ties can add medals.".into(),
        "Athletes count once in the delegation and once in each sport, whatever their number of events; non-starters belong to the delegation, as in the IOC's count.".into(),
        "Sports are IOC sports; disciplines are shown beneath them.".into(),
        "Ranks follow the IOC order, golds first, then silvers, then bronzes; equal records share a rank, shown with =. The rank by total medals is given as an alternative.".into(),
    ];
    if results && s.coverage.records(Fact::MedalDates) {
        rules.push(
            "Places are as the results stand now; medal dates are the days of the medal events."
                .into(),
        );
    }
    if !results {
        rules.push("Sports are grouped into IOC sports from the source's own sport names (Swimming, Diving, Synchronised Swimming and Water Polo under Aquatics, and so on); an event in which a nation's several athletes share one medal is a crew or team event.".into());
    }
    rules
}
