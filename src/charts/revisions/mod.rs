//! Chart 3: a waterfall from the medals as awarded, through each medal stripped, reallocated or
//! changed in colour, to the medals now.
//!
//! `steps` turns the ledger into columns, `labels` and `signs` say what is written beneath and
//! above them, `axis` frames them, and `paint` draws them; `draw` runs those steps in order.

mod axis;
mod labels;
mod paint;
mod signs;
mod steps;

use plotters::prelude::DrawingBackend;

use super::canvas::Canvas;
use super::{ChartError, Rect};
use crate::stats::Stats;
use axis::Frame;
use labels::Fonts;
use paint::Painter;
use steps::total;

pub fn absent(s: &Stats) -> Option<String> {
    if s.now.is_none() {
        return Some("the source records no decision taken after the Games".to_owned());
    }
    s.revisions
        .changes
        .is_empty()
        .then(|| "no medal has changed since the Games".to_owned())
}

/// Draws the waterfall in `body`: medals as awarded, one column per change (or per group of
/// changes when they are more than the width holds), medals now.
pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let (awarded, latest) = (s.awarded.totals, s.latest().totals);
    let (units, left_out) = steps::counted_units(s);
    let capacity = axis::capacity(c, body, awarded);
    let compact = units.len() > capacity;
    let steps = steps::steps(units, awarded, capacity);
    let columns = steps.len() + 2;

    let labels = labels::beneath(&steps, compact);
    let range = axis::range_for(&steps, awarded, latest);
    let slot_guess = axis::slot_guess(c, body, range.1, columns);
    let fonts = Fonts::fitting(c, &labels, slot_guess, compact);
    let summary = signs::summary_lines(s, c, fonts.summary, body.width(), left_out);
    let top = axis::top_clear_of_signs(c, body, &steps, &fonts, summary.len(), range, slot_guess);
    let frame = Frame::new(c, body, fonts.label, (range.0, top), columns);

    frame.grid(c)?;
    let paint = Painter {
        c,
        frame: &frame,
        fonts: &fonts,
    };
    let now = crate::stats::with_date("Now", s.delegation.now_as_of);
    paint.ends(awarded, latest, now, columns)?;
    for (k, (step, label)) in steps.iter().zip(&labels).enumerate() {
        paint.step(k, step, label, compact)?;
    }
    let last = steps.last().map_or(awarded.total, |st| total(st.after));
    paint.connector(columns - 2, last)?;
    if frame.broken() {
        frame.note_start(c)?;
    }
    paint.summary(body, &summary)
}
