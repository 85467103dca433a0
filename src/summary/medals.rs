//! The summary's medals: totals and ranks in each view, medallists, by sport, by day and by
//! sex, multiple medallists, and the revisions since the Games.

use crate::model::{Fact, View};
use crate::stats::{MedalCount, MedalView, Rank, Stats, with_date};

use super::table::Align::{Left as L, Right as R};
use super::table::{Out, Table, labelled};
use super::{count_text, heading, medal_name, or_dash};

pub(super) fn medals(out: &mut Out, s: &Stats) {
    heading(out, "Medals");
    let views = s.views();
    totals(out, s, &views);
    medallists(out, s, &views);

    out.line("\nBy sport (gold/silver/bronze)");
    let mut table = Table::new(&[("sport", L)]).per_view(&views, labelled(R));
    for sport in s.medal_sports() {
        table.row_per_view(vec![sport.to_owned()], &views, |v| {
            vec![count_text(v.in_sport(sport))]
        });
    }
    table.render(out);

    by_day(out, s, &views);

    out.line("\nBy athletes' sex");
    let mut table = Table::new(&[("", L)]).per_view(&views, labelled(R));
    for (i, sex) in s.awarded.by_sex.iter().enumerate() {
        table.row_per_view(vec![sex.category.to_owned()], &views, |v| {
            vec![
                v.by_sex
                    .get(i)
                    .map_or_else(String::new, |x| count_text(x.medals)),
            ]
        });
    }
    table.render(out);

    multiple_medallists(out, s, &views);
}

/// The athletes with more than one medal in any view, one row each (a run of names in one line
/// was thousands of characters long for a big team).
fn multiple_medallists(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    let list = s.multiple_medallists();
    if list.is_empty() {
        out.line("\nMultiple medallists: none");
        return;
    }
    out.line("\nMultiple medallists");
    let mut table = Table::new(&[("athlete", L), ("sport", L)]).per_view(views, labelled(R));
    for (m, counts) in list {
        let mut row = vec![m.athlete.clone(), m.sport.clone()];
        row.extend(counts.into_iter().map(count_text));
        table.row(row);
    }
    table.render(out);
}

/// Medal counts and ranks, one column per view, and the date of the table behind the ranks now.
fn totals(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    let mut table = Table::new(&[("", L)]).per_view(views, |v| {
        let header = match v.view {
            View::Awarded => v.label().to_owned(),
            View::Now => with_date(v.label(), s.delegation.now_as_of),
        };
        vec![(header, R)]
    });
    for (label, get) in [
        ("gold", (|m: MedalCount| m.gold) as fn(MedalCount) -> u32),
        ("silver", |m| m.silver),
        ("bronze", |m| m.bronze),
        ("total", |m| m.total),
    ] {
        table.row_per_view(vec![label.to_owned()], views, |v| {
            vec![get(v.totals).to_string()]
        });
    }
    let rank = |r: &Option<Rank>| or_dash(r.as_ref().map(|r| format!("{} of {}", r.display, r.of)));
    table.row_per_view(vec!["rank (gold first)".to_owned()], views, |v| {
        vec![rank(&v.rank)]
    });
    table.row_per_view(vec!["rank by total medals".to_owned()], views, |v| {
        vec![rank(&v.rank_by_total)]
    });
    table.render(out);
    if let Some(date) = s.delegation.now_table_as_of {
        out.line(&format!("  Ranks now: the all-nation table as of {date}."));
    }
    if !s.delegation.now_table_note.is_empty() {
        out.line(&format!("  {}", s.delegation.now_table_note));
    }
    if let Some(ledger) = &s.delegation.ledger {
        out.line(&format!(
            "  {}",
            match ledger.completeness {
                crate::model::Completeness::Complete =>
                    "The revision ledger records every change at these Games.",
                crate::model::Completeness::Partial =>
                    "Medals now may differ: changes after these Games are not all recorded.",
            }
        ));
    }
}

/// Every medal, with its colour in each view.
fn medallists(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    out.line("\nMedallists");
    // A column of dashes says nothing: without medal dates in the source, no date column.
    let dated = s.coverage.records(Fact::MedalDates);
    let columns = [("date", L), ("athlete", L), ("sport", L), ("event", L)];
    let mut table = Table::new(&columns[usize::from(!dated)..]).per_view(views, labelled(L));
    for m in &s.medal_list {
        let mut lead = vec![crew_names(&m.athletes), m.sport.clone(), m.event.clone()];
        if dated {
            lead.insert(0, or_dash(m.date.map(|d| d.day_month())));
        }
        table.row_per_view(lead, views, |v| {
            vec![medal_name(m.in_view(v.view)).to_owned()]
        });
    }
    table.render(out);
}

/// The holders of a medal for a terminal line: a crew of up to three by name, a larger squad by
/// its first two names and how many more (a football squad's 18 names would make the column as
/// wide as a page).
fn crew_names(athletes: &[String]) -> String {
    match athletes {
        [first, second, _, _, ..] => {
            format!("{first}, {second} and {} others", athletes.len() - 2)
        }
        _ => athletes.join(", "),
    }
}

/// Medals day by day with the running total, one pair of columns per view.
fn by_day(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    out.line("\nBy day (medals that day, and the running total)");
    if !s.coverage.records(Fact::MedalDates) {
        out.line("  The source records no dates of the medal events.");
        return;
    }
    let mut table = Table::new(&[("date", L)]).per_view(views, |v| {
        vec![(v.label().to_owned(), R), ("running".to_owned(), R)]
    });
    for (i, day) in s.awarded.by_day.iter().enumerate() {
        let that_day = |v: &MedalView| v.by_day.get(i).map_or(0, |d| d.medals.total);
        if views.iter().map(|v| that_day(v)).sum::<u32>() > 0 {
            table.row_per_view(vec![day.date.day_month()], views, |v| {
                v.by_day.get(i).map_or_else(Vec::new, |d| {
                    vec![count_text(d.medals), d.cumulative.total.to_string()]
                })
            });
        }
    }
    table.render(out);
}

pub(super) fn revisions(out: &mut Out, s: &Stats) {
    let r = &s.revisions;
    heading(out, "Medal revisions");
    if s.now.is_none() {
        out.line("  The source records no decision taken after the Games: no revision ledger.");
        return;
    }
    if r.changes.is_empty() {
        out.line("  No medal has changed since the Games.");
        return;
    }
    out.line(&format!("  {} stripped, {} gained by reallocation, {} changed in colour; net {:+} gold, {:+} silver, {:+} bronze = {:+}",
        r.stripped, r.gained, r.changed_colour, r.net.gold, r.net.silver, r.net.bronze, r.net.total));
    let mut table = Table::new(&[
        ("decided", L),
        ("athlete", L),
        ("event", L),
        ("from", L),
        ("to", L),
        ("medals after", R),
    ]);
    for c in &r.changes {
        table.row(vec![
            c.decided.to_string(),
            c.athlete.clone(),
            format!("{}, {}", c.sport, c.event),
            medal_name(c.from).to_owned(),
            medal_name(c.to).to_owned(),
            count_text(c.totals_after),
        ]);
    }
    table.render(out);
    for c in &r.changes {
        out.line(&format!(
            "  {} ({}): {} [{}]",
            c.athlete, c.decided, c.reason, c.source
        ));
    }
}
