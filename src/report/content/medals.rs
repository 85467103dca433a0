//! Section 2, medals: one section for the views the statistics hold (as awarded alone, or as
//! awarded and now side by side).

use crate::charts::ChartId;
use crate::model::{Category, Fact, Sex};
use crate::stats::{MedalCount, MedalView, Stats};

use super::super::layout::{Align, Block, Para, Table, col};
use super::views::Views;
use super::words::{medal, now_date, rank_short, rank_text, slashed, table_date};
use super::{Section, body, figure, row, strong};

/// The medals section.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    let v = Views::of(s);
    b.push(Section::Medals.heading());
    b.push(body(intro(s)));
    if s.medal_list.is_empty() {
        // Two views end the section here; one view goes on to say the nation is unranked. Both
        // are kept as the briefings printed them before the sections were merged.
        if v.both() {
            b.push(body("No medal was won, as awarded or now."));
            return;
        }
        b.push(body(format!("{} won no medal.", s.delegation.nation)));
    } else {
        b.push(medallists(s, &v));
        b.push(figure(
            s,
            ChartId::MedalsBySport,
            format!("Medals by sport{}.", v.caption_suffix()),
        ));
        b.push(by_sport(s, &v));
        by_day(s, &v, b);
        b.push(by_sex(&v));
        b.push(multiple_medallists(s, &v));
    }
    b.push(body(ranks(s)));
    if s.now.is_some() && !s.delegation.now_table_note.is_empty() {
        b.push(Block::Paragraph(
            format!("The table now: {}", s.delegation.now_table_note),
            Para::Note,
        ));
    }
    b.push(figure(
        s,
        ChartId::TableNeighbourhood,
        format!(
            "The nations ranked around this one in the medal table{}.",
            v.caption_suffix()
        ),
    ));
}

/// What the views are.
fn intro(s: &Stats) -> String {
    if s.now.is_some() {
        format!(
            "Two views throughout: medals as awarded at the Games, and medals now, after the decisions in section 3 (as of {}). A crew's or team's medal counts once.",
            now_date(s)
        )
    } else {
        "Medals as the source records them: as awarded at the Games, with such later changes as the source had made by its own date. It records no decisions after the Games, so there is no second view. A crew's or team's medal counts once.".to_owned()
    }
}

/// Every medal, with its colour in each view; the date when the source records it.
fn medallists(s: &Stats, v: &Views) -> Block {
    let dated = s.coverage.records(Fact::MedalDates);
    // Shares of the width for the date, athlete, sport, event and each medal column.
    let (date, athlete, sport, event, medal_width) = match (v.both(), dated) {
        (true, true) => (0.09, 0.25, 0.15, 0.29, 0.11),
        (true, false) => (0.0, 0.3, 0.17, 0.31, 0.11),
        (false, true) => (0.09, 0.3, 0.16, 0.33, 0.12),
        (false, false) => (0.0, 0.34, 0.16, 0.38, 0.12),
    };
    let mut columns = Vec::new();
    if dated {
        columns.push(col("Date", date, Align::Left));
    }
    columns.extend([
        col("Athlete", athlete, Align::Left),
        col("Sport", sport, Align::Left),
        col("Event", event, Align::Left),
    ]);
    columns.extend(v.column("Medal", medal_width, Align::Left));
    let rows = s
        .medal_list
        .iter()
        .map(|m| {
            let mut lead = Vec::new();
            if dated {
                lead.push(m.date.map_or_else(|| "–".into(), |d| d.day_month()));
            }
            lead.extend([m.athletes.join(", "), m.sport.clone(), m.event.clone()]);
            row(v.cells(lead, |view| vec![medal(m.in_view(view.view))]))
        })
        .collect();
    Block::Table(Table {
        caption: format!("Medallists{}", v.caption_suffix()),
        bookmark: None,
        columns,
        rows,
    })
}

/// Medals by sport, with the total for all sports.
fn by_sport(s: &Stats, v: &Views) -> Block {
    // With one view, best first as in that view; with two, which may rank the sports
    // differently, by name.
    let sports: Vec<&str> = if v.both() {
        s.medal_sports()
    } else {
        s.awarded
            .by_sport
            .iter()
            .map(|m| m.sport.as_str())
            .collect()
    };
    let cells = |m: MedalCount| vec![slashed(m), m.total.to_string()];
    let mut rows: Vec<_> = sports
        .iter()
        .map(|sport| {
            row(v.cells(vec![(*sport).to_owned()], |view| {
                cells(view.in_sport(sport))
            }))
        })
        .collect();
    rows.push(strong(
        v.cells(vec!["All sports".into()], |view| cells(view.totals)),
    ));
    let mut columns = vec![col("Sport", v.pick(0.5, 0.32), Align::Left)];
    columns.extend(v.columns(|view| {
        vec![
            col(&v.heading(view, "Medals"), v.pick(0.3, 0.2), Align::Right),
            col("Total", v.pick(0.2, 0.14), Align::Right),
        ]
    }));
    Block::Table(Table {
        caption: "Medals by sport (gold / silver / bronze)".into(),
        bookmark: None,
        columns,
        rows,
    })
}

/// The medals day by day, chart and table, or a note when the source records no days.
fn by_day(s: &Stats, v: &Views, b: &mut Vec<Block>) {
    if !s.coverage.records(Fact::MedalDates) {
        b.push(Block::Paragraph(
            "The source records no dates of the medal events, so the medals cannot be shown day by day.".into(),
            Para::Note,
        ));
        return;
    }
    b.push(figure(
        s,
        ChartId::MedalsByDay,
        format!(
            "Medals day by day: the running total over the Games{}.",
            v.caption_suffix()
        ),
    ));
    let mut columns = vec![col("Day", v.pick(0.28, 0.16), Align::Left)];
    columns.extend(v.columns(|view| {
        vec![
            col(&v.heading(view, "Medals"), v.pick(0.4, 0.24), Align::Right),
            col("Running total", v.pick(0.32, 0.18), Align::Right),
        ]
    }));
    let that_day = |view: &MedalView, i: usize| view.by_day.get(i).map_or(0, |d| d.medals.total);
    let rows = s
        .awarded
        .by_day
        .iter()
        .enumerate()
        .filter(|&(i, _)| v.iter().map(|view| that_day(view, i)).sum::<u32>() > 0)
        .map(|(i, day)| {
            row(v.cells(vec![day.date.day_month()], |view| {
                view.by_day.get(i).map_or_else(Vec::new, |d| {
                    vec![slashed(d.medals), d.cumulative.total.to_string()]
                })
            }))
        })
        .collect();
    b.push(Block::Table(Table {
        caption: "Medals by day of the medal event".into(),
        bookmark: None,
        columns,
        rows,
    }));
}

/// Medals by the athletes' sex and by the events' category.
fn by_sex(v: &Views) -> Block {
    type Of = fn(&MedalView) -> MedalCount;
    let lines: [(&str, Of); 5] = [
        ("Won by men", |m| m.won_by(Sex::Male)),
        ("Won by women", |m| m.won_by(Sex::Female)),
        ("In men's events", |m| m.in_category(Category::Men)),
        ("In women's events", |m| m.in_category(Category::Women)),
        ("In mixed events", |m| m.in_category(Category::Mixed)),
    ];
    let mut columns = vec![col("", v.pick(0.6, 0.4), Align::Left)];
    columns.extend(v.column("Medals", v.pick(0.4, 0.3), Align::Right));
    Block::Table(Table {
        caption: "Medals by sex: by the athletes' sex, and by event (a mixed crew's medal counts for each sex in it)".into(),
        bookmark: None,
        columns,
        rows: lines
            .iter()
            .map(|&(label, of)| row(v.cells(vec![label.into()], |view| vec![slashed(of(view))])))
            .collect(),
    })
}

/// The athletes holding more than one medal in any view, one row each with their medals in every
/// view (a paragraph of names ran for half a page for a big team); a sentence when there are none.
fn multiple_medallists(s: &Stats, v: &Views) -> Block {
    let list = s.multiple_medallists();
    if list.is_empty() {
        return body(format!(
            "Multiple medallists: none; no athlete holds more than one medal{}.",
            v.pick("", ", as awarded or now")
        ));
    }
    let mut columns = vec![
        col("Athlete", v.pick(0.45, 0.34), Align::Left),
        col("Sport", v.pick(0.25, 0.2), Align::Left),
    ];
    columns.extend(v.columns(|view| {
        vec![
            col(&v.heading(view, "Medals"), v.pick(0.18, 0.14), Align::Right),
            col("Total", v.pick(0.12, 0.09), Align::Right),
        ]
    }));
    let rows = list
        .into_iter()
        .map(|(m, counts)| {
            let mut cells = vec![m.athlete.clone(), m.sport.clone()];
            for c in counts {
                cells.extend([slashed(c), c.total.to_string()]);
            }
            row(cells)
        })
        .collect();
    Block::Table(Table {
        caption: format!(
            "Multiple medallists{} (gold / silver / bronze)",
            v.caption_suffix()
        ),
        bookmark: None,
        columns,
        rows,
    })
}

/// Where the nation stands in the all-nation table, in each view.
fn ranks(s: &Stats) -> String {
    let a = &s.awarded;
    match &s.now {
        Some(n) => format!(
            "In the all-nation table, ranked by golds, then silvers, then bronzes, {} is {} as awarded and {} now (the table as of {}); ranked by total medals, {} and {}.",
            s.delegation.nation,
            rank_text(a.rank.as_ref()),
            rank_text(n.rank.as_ref()),
            table_date(s),
            rank_short(a.rank_by_total.as_ref()),
            rank_short(n.rank_by_total.as_ref()),
        ),
        None => format!(
            "In the all-nation table computed from the same source, ranked by golds, then silvers, then bronzes, {} is {}; ranked by total medals, {}.",
            s.delegation.nation,
            rank_text(a.rank.as_ref()),
            rank_short(a.rank_by_total.as_ref()),
        ),
    }
}
