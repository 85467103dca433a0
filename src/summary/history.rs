//! The summary's history across the Games and the published figures checked against it.

use crate::model::View;
use crate::stats::Stats;

use super::table::Align::{Left as L, Right as R};
use super::table::{Out, Table, labelled};
use super::{count_text, heading, or_dash};

pub(super) fn history(out: &mut Out, s: &Stats) {
    let h = &s.history;
    heading(out, "Across the Games");
    let views = s.views();
    let mut table = Table::new(&[
        ("Games", L),
        ("athletes", R),
        ("men", R),
        ("women", R),
        ("men %", R),
        ("sports", R),
    ])
    .per_view(&views, labelled(R));
    for a in &h.appearances {
        let lead = vec![
            format!("{} {}{}", a.year, a.city, if a.this { " *" } else { "" }),
            a.athletes.to_string(),
            a.men.to_string(),
            a.women.to_string(),
            format!("{:.1}", a.men_share),
            or_dash(a.sports.map(|n| n.to_string())),
        ];
        table.row_per_view(lead, &views, |v| {
            vec![match v.view {
                View::Awarded => or_dash(a.awarded.map(count_text)),
                View::Now => count_text(a.now),
            }]
        });
    }
    table.render(out);
    if !h.not_covered.is_empty() {
        let years: Vec<String> = h.not_covered.iter().map(i32::to_string).collect();
        out.line(&format!(
            "  Not in the sources given (no figures): {}",
            years.join(", ")
        ));
    }
    if let Some(p) = &h.previous {
        out.line(&format!(
            "  Change from {} {}: {:+} athletes, {:+.1} points of men, {:+} medals now{}",
            p.year,
            p.city,
            p.athletes,
            p.men_share_points,
            p.medals_now,
            p.medals_awarded
                .map_or(String::new(), |m| format!(", {m:+} as awarded"))
        ));
    }
    let mut table = Table::new(&[
        ("measure", L),
        ("value", R),
        ("rank to date", R),
        ("rank of all", R),
    ]);
    for r in &h.ranks {
        table.row(vec![
            r.label.to_owned(),
            if r.measure.is_percent() {
                format!("{:.1}", r.value)
            } else {
                format!("{}", r.value)
            },
            or_dash(
                r.to_date
                    .as_ref()
                    .map(|x| format!("{} of {}", x.display, x.of)),
            ),
            or_dash(
                r.overall
                    .as_ref()
                    .map(|x| format!("{} of {}", x.display, x.of)),
            ),
        ]);
    }
    out.push("");
    table.render(out);
    let debuts = match &h.debut_sports {
        _ if h.first_appearance => "first appearance".to_owned(),
        None => "unknown (an earlier Games' sports are not in the data)".to_owned(),
        Some(d) if d.is_empty() => "none".to_owned(),
        Some(d) => d.join(", "),
    };
    out.line(&format!("  Debut sports: {debuts}"));
}

pub(super) fn reconciliation(out: &mut Out, s: &Stats) {
    heading(out, "Published figures");
    if s.reconciliation.is_empty() {
        out.line("  The data lists no published figures.");
        return;
    }
    for r in &s.reconciliation {
        let verdict = if r.agrees { "agrees " } else { "DIFFERS" };
        out.line(&format!(
            "  {verdict}  {}: published {}, computed {}",
            r.claim, r.published, r.computed
        ));
        out.line(&format!("           {}", r.explanation));
    }
}
