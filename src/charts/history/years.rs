//! Along the bottom of the chart: a tick under every slot when not every year is labelled, and
//! the year and city (or "not covered") of every `step`-th slot, these Games always.

use plotters::prelude::DrawingBackend;

use super::Layout;
use crate::charts::ChartError;
use crate::charts::canvas::{Anchor, Canvas};
use crate::charts::theme::{Font, INK, MUTED, TICK};

/// The font of these Games' year and city.
fn bold() -> Font {
    Font::new(TICK).bold().color(INK)
}

/// Label every `step`-th slot, counted from these Games, so that years do not touch.
fn year_step<DB: DrawingBackend>(c: &Canvas<DB>, l: &Layout) -> usize {
    let year_width = l
        .slots
        .iter()
        .map(|&(year, _)| c.text_width(&year.to_string(), bold()))
        .max()
        .unwrap_or(0);
    label_step(year_width + c.px(14.0), l.slot)
}

/// Label every `step`-th slot so that labels `width` wide (with their gap) do not touch.
fn label_step(width: i32, slot: f64) -> usize {
    if slot <= 0.0 {
        return 1;
    }
    (f64::from(width) / slot).ceil().max(1.0) as usize
}

/// A tick under every slot, longer under the labelled ones, when not every slot is labelled.
pub(super) fn ticks<DB: DrawingBackend>(c: &Canvas<DB>, l: &Layout) -> Result<(), ChartError> {
    let step = year_step(c, l);
    if step == 1 {
        return Ok(());
    }
    let this_slot = l.this_slot();
    let bottom = l.lower.bottom;
    for k in 0..l.slots.len() {
        let x = l.centre_of(k);
        let length = if k.abs_diff(this_slot) % step == 0 {
            8.0
        } else {
            5.0
        };
        c.line(vec![(x, bottom), (x, bottom + c.px(length))], MUTED, 1.0)?;
    }
    Ok(())
}

/// Year, then city (or "not covered"), for every `step`-th slot.
pub(super) fn labels<DB: DrawingBackend>(c: &Canvas<DB>, l: &Layout) -> Result<(), ChartError> {
    let tick = Font::new(TICK).color(MUTED);
    let bold = bold();
    let step = year_step(c, l);
    let this_slot = l.this_slot();
    let y = l.lower.bottom + c.px(10.0);
    // Room for a label centred on a labelled slot, and these Games' city, in full, kept
    // inside the chart and clear of the cities either side.
    let room = (l.slot * step as f64 * 0.96) as i32 - if step > 1 { c.px(14.0) } else { 0 };
    let gap = c.px(14.0);
    let this_city = l.games.iter().find(|a| a.this).map(|a| {
        let w = c.text_width(&a.city, bold);
        let x = l
            .centre_of(this_slot)
            .min(l.body.right - w / 2)
            .max(l.body.left + w / 2);
        (a.city.as_str(), x, w)
    });
    for (k, &(year, at)) in l.slots.iter().enumerate() {
        if k.abs_diff(this_slot) % step != 0 {
            continue;
        }
        let x = l.centre_of(k);
        let a = at.and_then(|i| l.games.get(i));
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
