//! Chart 7: the nation across its Games: team size by sex above, medals below (now, with the
//! total as awarded where it differs), these Games highlighted. Games that none of the sources
//! given holds (several `--from`) keep their slot, hatched and labelled "not covered".
//!
//! Legible from one Games to thirty: when the slots are too narrow for every year, every
//! `step`-th year is labelled (counted from these Games, which are always labelled, city in
//! full) with a tick under every slot; a city is printed only whole, where it fits, and a figure
//! above a column only where it fits its slot (the briefing's table has every figure).

use plotters::prelude::DrawingBackend;

use super::bars::{column, value_axis_width, value_grid, y_of};
use super::canvas::{Anchor, Canvas, axis_max};
use super::theme::{
    Font, HIGHLIGHT, INK, LABEL, MEDAL_LEGEND, MEN, MUTED, NOTE, TICK, WOMEN, medal_segments,
};
use super::{ChartError, Rect};
use crate::stats::Stats;

pub fn absent(s: &Stats) -> Option<String> {
    (s.history.appearances.len() < 2).then(|| "no other Games of the nation in the data".to_owned())
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let games = &s.history.appearances;
    // Every slot along the axis, by year: an appearance, or Games the sources do not cover.
    let mut slots: Vec<(i32, Option<usize>)> = games
        .iter()
        .enumerate()
        .map(|(i, a)| (a.year, Some(i)))
        .chain(s.history.not_covered.iter().map(|&y| (y, None)))
        .collect();
    slots.sort_by_key(|&(year, i)| (year, i.is_none()));
    let slot_of = |i: usize| slots.iter().position(|&(_, at)| at == Some(i)).unwrap_or(i);
    let tick = Font::new(TICK).color(MUTED);
    let heading = Font::new(LABEL).bold();
    let value_font = Font::new(TICK);
    let label_rows = 2;
    let axis_band = c.line_height(tick) * label_rows + c.px(16.0);

    // Headroom above the tallest column for its labels (and, for medals, the as-awarded note).
    let size_top = axis_max(f64::from(games.iter().map(|a| a.athletes).max().unwrap_or(0)) * 1.12);
    let medal_top = axis_max(
        f64::from(
            games
                .iter()
                .map(|a| a.now.total.max(a.awarded.map_or(0, |m| m.total)))
                .max()
                .unwrap_or(0),
        ) * 1.3,
    );
    let axis_width = value_axis_width(c, size_top).max(value_axis_width(c, medal_top));
    let left = body.left + axis_width;
    let available = body.height() - axis_band;
    let panel_gap = c.px(40.0);
    let heading_h = c.line_height(heading) + c.px(30.0);
    let upper = Rect {
        left,
        top: body.top + heading_h,
        right: body.right,
        bottom: body.top + available / 2,
    };
    let lower = Rect {
        left,
        top: upper.bottom + panel_gap + heading_h,
        right: body.right,
        bottom: body.top + available,
    };

    let slot = f64::from(upper.width()) / slots.len() as f64;
    let centre_of = |k: usize| left + (slot * (k as f64 + 0.5)).round() as i32;
    let centre = |i: usize| centre_of(slot_of(i));
    let half = ((slot * 0.56) / 2.0).round() as i32;
    // A label above a column: only when it fits the slot.
    let fits = |text: &str, font: Font| c.text_width(text, font) <= (slot * 0.96) as i32;

    // These Games' band behind both panels.
    if let Some(i) = games.iter().position(|a| a.this) {
        let x = centre(i);
        let band = (slot * 0.48).round() as i32;
        c.rect(
            (x - band, upper.top - c.px(6.0)),
            (x + band, body.bottom),
            HIGHLIGHT,
        )?;
    }

    c.text("Athletes", (body.left, body.top), heading, Anchor::LeftTop)?;
    let legend_x = body.left + c.text_width("Athletes", heading) + c.px(40.0);
    let legend_y = body.top + c.line_height(heading) / 2;
    let width = c.legend(&[(MEN, "men"), (WOMEN, "women")], (legend_x, legend_y))?;
    if !s.history.not_covered.is_empty() {
        c.text(
            "hatched: Games in none of the sources given",
            (legend_x + width + c.px(40.0), legend_y),
            Font::new(NOTE).color(MUTED),
            Anchor::LeftMiddle,
        )?;
    }
    value_grid(c, upper, size_top)?;
    for (i, a) in games.iter().enumerate() {
        let x = centre(i);
        let (y, _) = column(
            c,
            upper,
            size_top,
            (x - half, x + half),
            &[(a.men, MEN), (a.women, WOMEN)],
            value_font,
        )?;
        let total = a.athletes.to_string();
        if fits(&total, value_font.bold()) {
            c.text(
                &total,
                (x, y - c.px(4.0)),
                value_font.bold(),
                Anchor::CenterBottom,
            )?;
        }
    }

    let medals_heading = if s.now.is_some() {
        "Medals now"
    } else {
        "Medals"
    };
    c.text(
        medals_heading,
        (body.left, upper.bottom + panel_gap),
        heading,
        Anchor::LeftTop,
    )?;
    let legend_x = body.left + c.text_width(medals_heading, heading) + c.px(40.0);
    let legend_y = upper.bottom + panel_gap + c.line_height(heading) / 2;
    let width = c.legend(&MEDAL_LEGEND, (legend_x, legend_y))?;
    if s.now.is_some() {
        // On a small image the note would run off the edge: it is shortened to the room left.
        let note = Font::new(NOTE).color(MUTED);
        let x = legend_x + width + c.px(40.0);
        let text = c.fit(
            "dashed: total as awarded, where it differs",
            note,
            body.right - x,
        );
        if text != "…" {
            c.text(&text, (x, legend_y), note, Anchor::LeftMiddle)?;
        }
    }
    value_grid(c, lower, medal_top)?;
    for (i, a) in games.iter().enumerate() {
        let x = centre(i);
        let m = a.now;
        let (y, hidden) = column(
            c,
            lower,
            medal_top,
            (x - half, x + half),
            &medal_segments(m),
            value_font,
        )?;
        let mut label_y = y;
        if let Some(awarded) = a.awarded.filter(|w| w.total != m.total) {
            let ya = y_of(lower, medal_top, f64::from(awarded.total));
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
            let note = format!("{} as awarded", awarded.total);
            if fits(&note, Font::new(NOTE)) {
                c.text(
                    &note,
                    (x, ya.min(y) - c.px(4.0)),
                    Font::new(NOTE).color(MUTED),
                    Anchor::CenterBottom,
                )?;
                label_y = ya.min(y) - c.line_height(Font::new(NOTE));
            } else {
                label_y = ya.min(y);
            }
        }
        // A count too small to print in its segment is given with the total.
        let full = format!("{} ({}/{}/{})", m.total, m.gold, m.silver, m.bronze);
        let label = if hidden && fits(&full, value_font.bold()) {
            full
        } else {
            m.total.to_string()
        };
        if fits(&label, value_font.bold()) {
            c.text(
                &label,
                (x, label_y - c.px(4.0)),
                value_font.bold(),
                Anchor::CenterBottom,
            )?;
        }
    }

    // Games no source covers: their slot hatched in both panels.
    for (k, &(_, at)) in slots.iter().enumerate() {
        if at.is_some() {
            continue;
        }
        let x = centre_of(k);
        for panel in [upper, lower] {
            c.hatched(
                (x - half, panel.top),
                (x + half, panel.bottom),
                super::theme::STRIPE,
                super::theme::RULE,
            )?;
        }
    }

    // Along the bottom: year, then city (or "not covered"), for every `step`-th slot.
    let bold = Font::new(TICK).bold().color(INK);
    let year_width = slots
        .iter()
        .map(|&(year, _)| c.text_width(&year.to_string(), bold))
        .max()
        .unwrap_or(0);
    let step = label_step(year_width + c.px(14.0), slot);
    let this_slot = games
        .iter()
        .position(|a| a.this)
        .map_or(slots.len().saturating_sub(1), slot_of);
    let labelled = |k: usize| k.abs_diff(this_slot) % step == 0;
    let y = lower.bottom + c.px(10.0);
    if step > 1 {
        for k in 0..slots.len() {
            let x = centre_of(k);
            let length = if labelled(k) { 8.0 } else { 5.0 };
            c.line(
                vec![(x, lower.bottom), (x, lower.bottom + c.px(length))],
                MUTED,
                1.0,
            )?;
        }
    }
    // Room for a label centred on a labelled slot, and these Games' city, in full, kept
    // inside the chart and clear of the cities either side.
    let room = (slot * step as f64 * 0.96) as i32 - if step > 1 { c.px(14.0) } else { 0 };
    let gap = c.px(14.0);
    let this_city = games.iter().find(|a| a.this).map(|a| {
        let w = c.text_width(&a.city, bold);
        let x = centre_of(this_slot)
            .min(body.right - w / 2)
            .max(body.left + w / 2);
        (a.city.as_str(), x, w)
    });
    for (k, &(year, at)) in slots.iter().enumerate() {
        if !labelled(k) {
            continue;
        }
        let x = centre_of(k);
        let a = at.and_then(|i| games.get(i));
        let this = a.is_some_and(|a| a.this);
        let font = if this { bold } else { tick };
        c.text(&year.to_string(), (x, y), font, Anchor::CenterTop)?;
        if let Some((city, x, _)) = this_city.filter(|_| this) {
            c.text(city, (x, y + c.line_height(tick)), bold, Anchor::CenterTop)?;
            continue;
        }
        // A city too long for its room is given by its first part ("Garmisch"), if that fits.
        let city = a.map_or("not covered", |a| a.city.as_str());
        let below = match city.split_once('-') {
            Some((first, _)) if c.text_width(city, font) > room => first,
            _ => city,
        };
        let w = c.text_width(below, font);
        let clear = this_city.is_none_or(|(_, tx, tw)| {
            x + w / 2 + gap <= tx - tw / 2 || x - w / 2 >= tx + tw / 2 + gap
        });
        if w <= room && clear {
            c.text(below, (x, y + c.line_height(tick)), font, Anchor::CenterTop)?;
        }
    }
    Ok(())
}

/// Label every `step`-th slot so that labels `width` wide (with their gap) do not touch.
fn label_step(width: i32, slot: f64) -> usize {
    if slot <= 0.0 {
        return 1;
    }
    (f64::from(width) / slot).ceil().max(1.0) as usize
}
