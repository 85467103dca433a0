//! The summary's team: the grid of athletes by sport and sex, squads and crews, entries, and
//! ages at the Games.

use crate::stats::{GridLevel, Stats};

use super::table::Align::{Left as L, Right as R};
use super::table::{Out, Table};
use super::{heading, medal_name, or_dash};

/// The team grid, squads and crews, how the entries ended, athletes in several events and
/// non-starters.
pub(super) fn team(out: &mut Out, s: &Stats) {
    let t = &s.team;
    heading(out, "Team composition");
    let mut table = Table::new(&[
        ("sport / discipline", L),
        ("men", R),
        ("women", R),
        ("total", R),
    ]);
    for row in t.grid() {
        let label = match row.level {
            GridLevel::Sport => row.name.to_owned(),
            GridLevel::Discipline => format!("  {}", row.name),
            GridLevel::All => "all".to_owned(),
        };
        table.row(row.cells(label));
    }
    table.render(out);

    let squads = |out: &mut Out, label: &str, list: &[crate::stats::Squad]| {
        if list.is_empty() {
            out.line(&format!("\n{label}: none"));
            return;
        }
        out.line(&format!("\n{label}"));
        let mut table = Table::new(&[
            ("event", L),
            ("squad", R),
            ("played", R),
            ("place", L),
            ("medal", L),
        ]);
        for q in list {
            table.row(vec![
                format!("{}, {}", q.discipline, q.event),
                q.size.to_string(),
                q.played.to_string(),
                or_dash(q.place.clone()),
                medal_name(q.medal_now).to_owned(),
            ]);
        }
        table.render(out);
    };
    squads(out, "Team sports", &t.team_sports);
    squads(out, "Crews and pairs", &t.crews);

    out.line(&format!(
        "\nEntries: {} competed, {} did not finish, {} disqualified, {} did not start",
        t.statuses.competed, t.statuses.dnf, t.statuses.dq, t.statuses.dns
    ));
    out.line(&format!(
        "\nAthletes in several events: {}",
        t.multi_event.len()
    ));
    if !t.multi_event.is_empty() {
        let mut table = Table::new(&[("athlete", L), ("sport", L), ("events", R)]);
        for m in &t.multi_event {
            table.row(vec![
                m.athlete.clone(),
                m.sport.clone(),
                m.events.to_string(),
            ]);
        }
        table.render(out);
    }
    out.line(&format!("\nNon-starters: {}", t.non_starters.len()));
    if !t.non_starters.is_empty() {
        let mut table = Table::new(&[("athlete", L), ("sport", L), ("events", L)]);
        for n in &t.non_starters {
            table.row(vec![
                n.athlete.clone(),
                n.sport.clone(),
                n.events.join(", "),
            ]);
        }
        table.render(out);
    }
}

/// Ages at the Games: known, extremes, median, by sex and in bands.
pub(super) fn ages(out: &mut Out, s: &Stats) {
    let a = &s.ages;
    heading(out, "Ages at the Games");
    out.line(&format!(
        "  Known for {} of {} athletes ({} unknown)",
        a.known,
        a.known + a.unknown,
        a.unknown
    ));
    if let (Some(young), Some(old), Some(median)) = (&a.youngest, &a.oldest, a.median) {
        out.line(&format!(
            "  Youngest {}: {}",
            young.age,
            young.athletes.join(", ")
        ));
        out.line(&format!(
            "  Oldest {}: {}",
            old.age,
            old.athletes.join(", ")
        ));
        out.line(&format!(
            "  Median {median}, mean {}",
            a.mean.unwrap_or(median)
        ));
    }
    let mut table = Table::new(&[
        ("", L),
        ("known", R),
        ("youngest", R),
        ("oldest", R),
        ("median", R),
    ]);
    for x in &a.by_sex {
        table.row(vec![
            x.sex.to_owned(),
            x.known.to_string(),
            or_dash(x.youngest.map(|v| v.to_string())),
            or_dash(x.oldest.map(|v| v.to_string())),
            or_dash(x.median.map(|v| v.to_string())),
        ]);
    }
    table.render(out);
    let mut table = Table::new(&[("age", L), ("men", R), ("women", R), ("total", R)]);
    for b in &a.bands {
        table.row(vec![
            b.label.clone(),
            b.men.to_string(),
            b.women.to_string(),
            b.total.to_string(),
        ]);
    }
    out.push("");
    table.render(out);
}
