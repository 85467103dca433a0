//! The two panels: team size by sex above, medals below, each with its heading and legend; the
//! band behind these Games, and the hatched slots of Games no source covers.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::Layout;
use crate::charts::ChartError;
use crate::charts::bars::{column, value_grid, y_of};
use crate::charts::canvas::{Anchor, Canvas};
use crate::charts::theme::{
    Font, HIGHLIGHT, INK, LABEL, MEDAL_LEGEND, MEN, MUTED, NOTE, RULE, STRIPE, TICK, WOMEN,
    medal_segments,
};
use crate::stats::{AppearanceLine, Stats};

/// These Games' band behind both panels.
pub(super) fn this_games_band<DB: DrawingBackend>(
    c: &Canvas<DB>,
    l: &Layout,
) -> Result<(), ChartError> {
    if let Some(i) = l.games.iter().position(|a| a.this) {
        let x = l.centre(i);
        let band = (l.slot * 0.48).round() as i32;
        c.rect(
            (x - band, l.upper.top - c.px(6.0)),
            (x + band, l.body.bottom),
            HIGHLIGHT,
        )?;
    }
    Ok(())
}

/// A panel's heading at (`x`, `y`) with its legend beside it; returns where a note may follow
/// the legend (its left, and the row of its middle).
fn heading<DB: DrawingBackend>(
    c: &Canvas<DB>,
    title: &str,
    (x, y): (i32, i32),
    legend: &[(RGBColor, &str)],
) -> Result<(i32, i32), ChartError> {
    let font = Font::new(LABEL).bold();
    c.text(title, (x, y), font, Anchor::LeftTop)?;
    let legend_x = x + c.text_width(title, font) + c.px(40.0);
    let legend_y = y + c.line_height(font) / 2;
    let width = c.legend(legend, (legend_x, legend_y))?;
    Ok((legend_x + width + c.px(40.0), legend_y))
}

/// The upper panel: the team at each Games, stacked by sex, with its size above.
pub(super) fn athletes<DB: DrawingBackend>(
    c: &Canvas<DB>,
    s: &Stats,
    l: &Layout,
) -> Result<(), ChartError> {
    let note_at = heading(
        c,
        "Athletes",
        (l.body.left, l.body.top),
        &[(MEN, "men"), (WOMEN, "women")],
    )?;
    if !s.history.not_covered.is_empty() {
        c.text(
            "hatched: Games in none of the sources given",
            note_at,
            Font::new(NOTE).color(MUTED),
            Anchor::LeftMiddle,
        )?;
    }
    value_grid(c, l.upper, l.size_top)?;
    let value_font = Font::new(TICK);
    for (i, a) in l.games.iter().enumerate() {
        let x = l.centre(i);
        let (y, _) = column(
            c,
            l.upper,
            l.size_top,
            (x - l.half, x + l.half),
            &[(a.men, MEN), (a.women, WOMEN)],
            value_font,
        )?;
        let total = a.athletes.to_string();
        if l.fits(c, &total, value_font.bold()) {
            c.text(
                &total,
                (x, y - c.px(4.0)),
                value_font.bold(),
                Anchor::CenterBottom,
            )?;
        }
    }
    Ok(())
}

/// The lower panel: the medals at each Games (now, where the source records decisions after the
/// Games), with their total above.
pub(super) fn medals<DB: DrawingBackend>(
    c: &Canvas<DB>,
    s: &Stats,
    l: &Layout,
) -> Result<(), ChartError> {
    let title = if s.now.is_some() {
        "Medals now"
    } else {
        "Medals"
    };
    let (x, y) = heading(
        c,
        title,
        (l.body.left, l.upper.bottom + l.panel_gap),
        &MEDAL_LEGEND,
    )?;
    if s.now.is_some() {
        // On a small image the note would run off the edge: it is shortened to the room left.
        let note = Font::new(NOTE).color(MUTED);
        let text = c.fit(
            "dashed: total as awarded, where it differs",
            note,
            l.body.right - x,
        );
        if text != "…" {
            c.text(&text, (x, y), note, Anchor::LeftMiddle)?;
        }
    }
    value_grid(c, l.lower, l.medal_top)?;
    for (i, a) in l.games.iter().enumerate() {
        medal_column(c, l, l.centre(i), a)?;
    }
    Ok(())
}

/// One Games' medals, stacked by colour at `x`, the total as awarded dashed where it differs,
/// and the total above.
fn medal_column<DB: DrawingBackend>(
    c: &Canvas<DB>,
    l: &Layout,
    x: i32,
    a: &AppearanceLine,
) -> Result<(), ChartError> {
    let value_font = Font::new(TICK);
    let m = a.now;
    let (y, hidden) = column(
        c,
        l.lower,
        l.medal_top,
        (x - l.half, x + l.half),
        &medal_segments(m),
        value_font,
    )?;
    let label_y = match a.awarded.filter(|w| w.total != m.total) {
        Some(awarded) => as_awarded(c, l, x, y, awarded.total)?,
        None => y,
    };
    // A count too small to print in its segment is given with the total.
    let full = format!("{} ({}/{}/{})", m.total, m.gold, m.silver, m.bronze);
    let label = if hidden && l.fits(c, &full, value_font.bold()) {
        full
    } else {
        m.total.to_string()
    };
    if l.fits(c, &label, value_font.bold()) {
        c.text(
            &label,
            (x, label_y - c.px(4.0)),
            value_font.bold(),
            Anchor::CenterBottom,
        )?;
    }
    Ok(())
}

/// The total as awarded, dashed around the column that now stands at `y`, with a note where it
/// fits; returns the row above which the column's total goes.
fn as_awarded<DB: DrawingBackend>(
    c: &Canvas<DB>,
    l: &Layout,
    x: i32,
    y: i32,
    awarded: u32,
) -> Result<i32, ChartError> {
    let ya = y_of(l.lower, l.medal_top, f64::from(awarded));
    let half = l.half;
    c.dashed(
        vec![
            (x - half, ya),
            (x + half, ya),
            (x + half, y),
            (x - half, y),
            (x - half, ya),
        ],
        INK,
        2.0,
    )?;
    let note = format!("{awarded} as awarded");
    if l.fits(c, &note, Font::new(NOTE)) {
        c.text(
            &note,
            (x, ya.min(y) - c.px(4.0)),
            Font::new(NOTE).color(MUTED),
            Anchor::CenterBottom,
        )?;
        Ok(ya.min(y) - c.line_height(Font::new(NOTE)))
    } else {
        Ok(ya.min(y))
    }
}

/// Games no source covers: their slot hatched in both panels.
pub(super) fn not_covered<DB: DrawingBackend>(
    c: &Canvas<DB>,
    l: &Layout,
) -> Result<(), ChartError> {
    for (k, &(_, at)) in l.slots.iter().enumerate() {
        if at.is_some() {
            continue;
        }
        let x = l.centre_of(k);
        for panel in [l.upper, l.lower] {
            c.hatched(
                (x - l.half, panel.top),
                (x + l.half, panel.bottom),
                STRIPE,
                RULE,
            )?;
        }
    }
    Ok(())
}
