//! Chart 3: a waterfall from the medals as awarded, through each medal stripped, reallocated or
//! changed in colour, to the medals now.

use plotters::prelude::DrawingBackend;

use super::bars::{column, value_axis_width, value_grid, y_of};
use super::canvas::{Anchor, Canvas, axis_max};
use super::theme::{
    Font, LABEL, MUTED, NOTE, RULE, TICK, edge_for, medal_colour, medal_segments, tint,
};
use super::{ChartError, Rect};
use crate::stats::{MedalCount, RevisionLine, Stats};

pub fn absent(s: &Stats) -> Option<String> {
    if s.now.is_none() {
        return Some("the source records no decision taken after the Games".to_owned());
    }
    s.revisions
        .changes
        .is_empty()
        .then(|| "no medal has changed since the Games".to_owned())
}

/// One step of the waterfall: a change of one medal, for one athlete or a whole crew.
struct Step<'a> {
    line: &'a RevisionLine,
    athletes: usize,
    /// Medals changed by the step: one, or several when steps of one day are grouped.
    medals: u32,
    before: MedalCount,
    after: MedalCount,
}

/// Past this many steps, steps of the same day and the same change are drawn as one.
const MAX_STEPS: usize = 10;

/// Groups consecutive steps decided the same day with the same change (three golds stripped on
/// one day make one step of three), so a long ledger stays legible.
fn grouped(steps: Vec<Step<'_>>) -> Vec<Step<'_>> {
    let mut out: Vec<Step> = Vec::new();
    for step in steps {
        if let Some(last) = out.last_mut() {
            let (a, b) = (last.line, step.line);
            if a.decided == b.decided && a.from == b.from && a.to == b.to {
                last.athletes += step.athletes;
                last.medals += step.medals;
                last.after = step.after;
                continue;
            }
        }
        out.push(step);
    }
    out
}

/// Rows for the members of one crew or team record the same change: they make one step.
fn steps(s: &Stats) -> Vec<Step<'_>> {
    let mut steps: Vec<Step> = Vec::new();
    let mut before = s.awarded.totals;
    for line in &s.revisions.changes {
        if let Some(last) = steps.last_mut() {
            let l = last.line;
            if l.event_id == line.event_id
                && l.from == line.from
                && l.to == line.to
                && l.decided == line.decided
            {
                last.athletes += 1;
                last.after = line.totals_after;
                before = line.totals_after;
                continue;
            }
        }
        steps.push(Step {
            line,
            athletes: 1,
            medals: 1,
            before,
            after: line.totals_after,
        });
        before = line.totals_after;
    }
    steps
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let steps = steps(s);
    let steps = if steps.len() > MAX_STEPS {
        grouped(steps)
    } else {
        steps
    };
    let highest = steps
        .iter()
        .map(|st| st.before.total.max(st.after.total))
        .max()
        .unwrap_or(0);
    let top = axis_max(f64::from(
        highest
            .max(s.awarded.totals.total)
            .max(s.latest().totals.total),
    ));

    let columns = steps.len() + 2;
    let label_lines: usize = 5;
    // One type size for every label beneath, small enough for the longest word to fit its slot.
    let slot_guess = f64::from(body.width() - value_axis_width(c, top)) / columns as f64;
    let words = steps
        .iter()
        .flat_map(|st| {
            st.line
                .athlete
                .split_whitespace()
                .chain(st.line.event.split_whitespace())
        })
        .chain(["awarded", "(9999-99)"]);
    let widest = words
        .map(|w| c.text_width(w, Font::new(NOTE).bold()))
        .max()
        .unwrap_or(1)
        .max(1);
    let shrink = (slot_guess * 0.94 / f64::from(widest)).clamp(0.6, 1.0);
    let label_font = Font::new(NOTE * shrink);
    let name_font = label_font.bold();
    let plot = Rect {
        left: body.left + value_axis_width(c, top),
        top: body.top + c.px(90.0),
        right: body.right,
        bottom: body.bottom - c.line_height(label_font) * label_lines as i32 - c.px(16.0),
    };
    value_grid(c, plot, top)?;
    let slot = f64::from(plot.width()) / columns as f64;
    let half = ((slot * 0.62) / 2.0).round() as i32;
    let centre = |i: usize| plot.left + (slot * (i as f64 + 0.5)).round() as i32;
    let value_font = Font::new(TICK);
    let total_font = Font::new(LABEL).bold();
    let width = (slot * 0.96) as i32;

    // The two ends: stacked medals with their totals.
    let now = crate::stats::with_date("Now", s.delegation.now_as_of);
    for (i, totals, label) in [
        (0, s.awarded.totals, "As awarded".to_owned()),
        (columns - 1, s.latest().totals, now),
    ] {
        let x = centre(i);
        let (y, _) = column(
            c,
            plot,
            top,
            (x - half, x + half),
            &medal_segments(totals),
            value_font,
        )?;
        c.text(
            &totals.total.to_string(),
            (x, y - c.px(8.0)),
            total_font,
            Anchor::CenterBottom,
        )?;
        for (k, line) in c.wrap(&label, name_font, width).iter().take(2).enumerate() {
            c.text(
                line,
                (
                    x,
                    plot.bottom + c.px(12.0) + k as i32 * c.line_height(name_font),
                ),
                name_font,
                Anchor::CenterTop,
            )?;
        }
    }

    for (k, step) in steps.iter().enumerate() {
        let x = centre(k + 1);
        let prev_x = centre(k);
        // Connector from the previous column's level.
        let level = y_of(plot, top, f64::from(step.before.total));
        c.dashed(vec![(prev_x + half, level), (x - half, level)], RULE, 2.0)?;

        let line = step.line;
        let n = step.medals;
        let (low, high, colour, sign) = match (line.from, line.to) {
            (Some(from), None) => (
                step.after.total,
                step.before.total,
                medal_colour(from),
                format!("−{n} {from}"),
            ),
            (None, Some(to)) => (
                step.before.total,
                step.after.total,
                medal_colour(to),
                format!("+{n} {to}"),
            ),
            (Some(from), Some(to)) => (
                step.before.total.saturating_sub(n),
                step.before.total,
                medal_colour(to),
                if n == 1 {
                    format!("{from} → {to}")
                } else {
                    format!("{n} {from} → {to}")
                },
            ),
            (None, None) => (step.before.total, step.before.total, RULE, String::new()),
        };
        let (y_low, y_high) = (
            y_of(plot, top, f64::from(low)),
            y_of(plot, top, f64::from(high)),
        );
        match (line.from, line.to) {
            (Some(from), None) => {
                // A medal taken away: a pale box edged in its colour (grey for pale silver).
                let colour = medal_colour(from);
                c.rect((x - half, y_high), (x + half, y_low), tint(colour, 0.3))?;
                c.outline((x - half, y_high), (x + half, y_low), edge_for(colour), 3.0)?;
            }
            (Some(from), Some(_)) => {
                // A change of colour, total unchanged: the old colour pale, the new one full.
                let old = medal_colour(from);
                c.rect((x - half, y_high), (x, y_low), tint(old, 0.3))?;
                c.outline((x - half, y_high), (x, y_low), edge_for(old), 3.0)?;
                c.bar((x, y_high), (x + half, y_low), colour)?;
            }
            _ => c.bar((x - half, y_high), (x + half, y_low), colour)?,
        }
        let sign_font = value_font.bold().sized(TICK * shrink.max(0.8));
        let sign_lines = c.wrap_lines(&sign, sign_font, width, 2);
        let rows = sign_lines.len().min(2);
        for (row, text) in sign_lines.iter().take(2).enumerate() {
            let y = y_high - c.px(8.0) - (rows - 1 - row) as i32 * c.line_height(sign_font);
            c.text(text, (x, y), sign_font, Anchor::CenterBottom)?;
        }

        // Beneath: who, which event, when.
        let who = if step.athletes > 1 {
            format!("{} athletes", step.athletes)
        } else {
            line.athlete.clone()
        };
        let event = if step.medals > 1 {
            "several events".to_owned()
        } else {
            line.event.clone()
        };
        let mut lines: Vec<(String, Font)> = c
            .wrap_lines(&who, name_font, width, 2)
            .into_iter()
            .map(|l| (l, name_font))
            .collect();
        let room = label_lines - 1 - lines.len();
        lines.extend(
            c.wrap_lines(&event, label_font, width, room)
                .into_iter()
                .map(|l| (l, label_font)),
        );
        let date = line.decided.to_string();
        let date = if c.text_width(&date, label_font) <= width {
            date
        } else {
            line.decided.year.to_string()
        };
        lines.push((date, label_font.color(MUTED)));
        for (row, (text, font)) in lines.iter().enumerate() {
            c.text(
                text,
                (
                    x,
                    plot.bottom + c.px(12.0) + row as i32 * c.line_height(label_font),
                ),
                *font,
                Anchor::CenterTop,
            )?;
        }
    }
    let last_level = y_of(
        plot,
        top,
        f64::from(
            steps
                .last()
                .map_or(s.awarded.totals.total, |st| st.after.total),
        ),
    );
    c.dashed(
        vec![
            (centre(columns - 2) + half, last_level),
            (centre(columns - 1) - half, last_level),
        ],
        RULE,
        2.0,
    )?;

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
    let summary = c.fit(&summary, Font::new(TICK).color(MUTED), body.width());
    c.text(
        &summary,
        (body.left, body.top + c.px(10.0)),
        Font::new(TICK).color(MUTED),
        Anchor::LeftTop,
    )
}
