//! What is written above: each step's change (`−1 gold`, or a group's net change and what it is
//! made of), and the summary line above the chart.

use crate::text::plural;
use plotters::prelude::DrawingBackend;

use super::labels::Fonts;
use super::steps::{Step, Unit, total};
use crate::charts::canvas::Canvas;
use crate::charts::theme::Font;
use crate::stats::Stats;

/// The lines of the sign above a step `width` wide, top first, each with its font.
pub(super) fn lines<DB: DrawingBackend>(
    c: &Canvas<DB>,
    step: &Step,
    fonts: &Fonts,
    width: i32,
) -> Vec<(String, Font)> {
    let mut signs: Vec<(String, Font)> = Vec::new();
    if step.units.len() == 1 {
        for text in c.wrap_lines(&unit_sign(&step.units[0]), fonts.sign, width, 2) {
            signs.push((text, fonts.sign));
        }
    } else {
        let (net, kinds) = group_sign(step);
        signs.push((net, fonts.sign));
        for text in c.wrap_lines(&kinds, fonts.kinds, width, 2) {
            signs.push((text, fonts.kinds));
        }
    }
    signs
}

/// The sign above a single change: `−1 gold`, `+2 bronze`, `bronze → silver`.
fn unit_sign(u: &Unit) -> String {
    let line = u.line;
    match (line.from, line.to) {
        (Some(from), None) => format!("−{} {from}", total(u.lost).max(1)),
        (None, Some(to)) => format!("+{} {to}", total(u.gained).max(1)),
        (Some(from), Some(to)) => {
            let n = total(u.lost).max(1);
            if n == 1 {
                format!("{from} → {to}")
            } else {
                format!("{n} {from} → {to}")
            }
        }
        (None, None) => String::new(),
    }
}

/// The sign above a group: the net change, then what it is made of.
fn group_sign(step: &Step) -> (String, String) {
    let (before, after) = (total(step.before), total(step.after));
    let net = match after.cmp(&before) {
        std::cmp::Ordering::Less => format!("−{}", before - after),
        std::cmp::Ordering::Greater => format!("+{}", after - before),
        std::cmp::Ordering::Equal => "±0".to_owned(),
    };
    let (mut stripped, mut gained, mut changed) = (0, 0, 0);
    for u in &step.units {
        match (u.line.from, u.line.to) {
            (Some(_), None) => stripped += total(u.lost),
            (None, Some(_)) => gained += total(u.gained),
            _ => changed += total(u.lost),
        }
    }
    let parts: Vec<String> = [
        (stripped, "stripped"),
        (gained, "gained"),
        (changed, "recoloured"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    (net, parts.join(", "))
}

/// The line above the chart: what the ledger adds up to, and the changes not drawn (on a second
/// line when both do not fit one).
pub(super) fn summary_lines<DB: DrawingBackend>(
    s: &Stats,
    c: &Canvas<DB>,
    font: Font,
    width: i32,
    left_out: usize,
) -> Vec<String> {
    let net = s.revisions.net;
    let summary = format!(
        "{} stripped, {} gained by reallocation, {} changed in colour: net {:+} ({:+} gold, {:+} silver, {:+} bronze)",
        s.revisions.stripped,
        s.revisions.gained,
        s.revisions.changed_colour,
        net.total,
        net.gold,
        net.silver,
        net.bronze
    );
    let mut lines = vec![summary];
    if left_out > 0 {
        let note = format!(
            "not drawn: {} to one member of a crew that kept its medal",
            plural(left_out as u32, "change", "changes")
        );
        let joined = format!("{}; {note}", lines[0]);
        if c.text_width(&joined, font) <= width {
            lines[0] = joined;
        } else {
            lines.push(note);
        }
    }
    lines.iter().map(|l| c.fit(l, font, width)).collect()
}
