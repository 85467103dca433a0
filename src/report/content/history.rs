//! Section 5, across the Games: the nation's appearances, the change from the previous Games,
//! and where these Games rank among them.

use crate::charts::ChartId;
use crate::model::View;
use crate::stats::{HistoryRank, Rank, Stats};

use super::super::layout::{Align, Block, Table, col};
use super::views::Views;
use super::words::{capitalised, slashed};
use super::{Section, body, figure, row, row_of};

/// The section across the Games.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::History.heading());
    if s.history.appearances.len() < 2 {
        b.push(body(
            "The data holds no other Games of the nation to compare with.",
        ));
        return;
    }
    b.push(appearances(s));
    b.push(figure(
        s,
        ChartId::History,
        "The nation across its Games: team size by sex and medals, these Games highlighted.".into(),
    ));
    if let Some(change) = change(s) {
        b.push(body(change));
    }
    b.push(ranks(s));
}

/// Every appearance, these Games in bold, with the medals of each view.
fn appearances(s: &Stats) -> Block {
    let v = Views::of(s);
    let mut columns = vec![
        col("Games", 0.2, Align::Left),
        col("Athletes", 0.1, Align::Right),
        col("Men", 0.08, Align::Right),
        col("Women", 0.09, Align::Right),
        col("Men %", 0.09, Align::Right),
        col("Sports", 0.08, Align::Right),
    ];
    // Earlier Games may know decisions after them though these Games do not (the Paris folder
    // with the 120-year file's history): then both columns, as the chart shows.
    let views: Vec<View> = if v.both()
        || s.history
            .appearances
            .iter()
            .any(|x| x.awarded.is_some_and(|a| a != x.now))
    {
        vec![View::Awarded, View::Now]
    } else {
        v.iter().map(|view| view.view).collect()
    };
    columns.extend(
        views
            .iter()
            .map(|view| col(&capitalised(view.label()), 0.18, Align::Right)),
    );
    let mut rows: Vec<(i32, super::super::layout::Row)> = s
        .history
        .appearances
        .iter()
        .map(|x| {
            let lead = vec![
                format!("{} {}", x.year, x.city),
                x.athletes.to_string(),
                x.men.to_string(),
                x.women.to_string(),
                format!("{:.1}", x.men_share),
                x.sports.map_or_else(|| "–".into(), |n| n.to_string()),
            ];
            let mut cells = lead;
            cells.extend(views.iter().map(|view| {
                let medals = match view {
                    View::Awarded => x.awarded,
                    View::Now => Some(x.now),
                };
                medals.map_or_else(|| "–".into(), |m| format!("{} = {}", slashed(m), m.total))
            }));
            (x.year, row_of(cells, x.this))
        })
        .collect();
    // Games that none of the sources given holds, in their place among the years.
    for &year in &s.history.not_covered {
        let mut cells = vec![format!("{year}: not in the sources given")];
        cells.resize(6 + views.len(), String::new());
        rows.push((year, row_of(cells, false)));
    }
    rows.sort_by_key(|(year, _)| *year);
    let rows = rows.into_iter().map(|(_, r)| r).collect();
    Block::Table(Table {
        caption: format!(
            "{} at the {} Games (these Games in bold; medals gold / silver / bronze){}",
            s.delegation.nation,
            s.delegation.season,
            if s.history.not_covered.is_empty() {
                ""
            } else {
                "; Games in none of the sources given are listed without figures"
            }
        ),
        bookmark: None,
        columns,
        rows,
    })
}

/// The change from the previous Games, medals in each view.
fn change(s: &Stats) -> Option<String> {
    let p = s.history.previous.as_ref()?;
    Some(if s.now.is_some() {
        format!(
            "Compared with {} {}: {:+} athletes, {:+.1} points in the share of men, {:+} medals now{}.",
            p.city,
            p.year,
            p.athletes,
            p.men_share_points,
            p.medals_now,
            p.medals_awarded
                .map_or_else(String::new, |m| format!(" and {m:+} as awarded"))
        )
    } else {
        format!(
            "Compared with {} {}: {:+} athletes, {:+.1} points in the share of men, {:+} medals.",
            p.city,
            p.year,
            p.athletes,
            p.men_share_points,
            p.medals_awarded.unwrap_or(p.medals_now),
        )
    })
}

/// Where these Games rank, for the measures of the views the statistics hold.
fn ranks(s: &Stats) -> Block {
    let held = |r: &&HistoryRank| {
        r.measure
            .view()
            .is_none_or(|view| s.views().iter().any(|v| v.view == view))
    };
    let rank = |x: &Option<Rank>| {
        x.as_ref()
            .map_or_else(|| "–".into(), |x| format!("{} of {}", x.display, x.of))
    };
    Block::Table(Table {
        caption:
            "Where these Games rank among the nation's appearances (largest first; = shares a rank)"
                .into(),
        bookmark: None,
        columns: vec![
            col("Measure", 0.34, Align::Left),
            col("These Games", 0.2, Align::Right),
            col("Up to these Games", 0.23, Align::Right),
            col("All in the data", 0.23, Align::Right),
        ],
        rows: s
            .history
            .ranks
            .iter()
            .filter(held)
            .map(|r| {
                let value = if r.measure.is_percent() {
                    format!("{:.1} %", r.value)
                } else {
                    format!("{}", r.value)
                };
                row(vec![
                    r.label.to_owned(),
                    value,
                    rank(&r.to_date),
                    rank(&r.overall),
                ])
            })
            .collect(),
    })
}
