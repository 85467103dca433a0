//! The waterfall's frame: how many columns fit, the value axis (from 0, or cut short when the
//! changes are small beside the totals), its height clear of the signs, and where each column
//! stands.

use plotters::prelude::DrawingBackend;

use super::labels::{Fonts, LABEL_LINES};
use super::signs;
use super::steps::{MAX_STEPS, Step, total};
use crate::charts::bars::{value_axis_width, value_grid};
use crate::charts::canvas::{Anchor, Canvas, axis_max, tick_step};
use crate::charts::theme::{Font, GRID, MUTED, NOTE, RULE, TICK, WHITE};
use crate::charts::{ChartError, Rect};
use crate::stats::MedalCount;

/// As many steps as there is room for in `body`, never more than `MAX_STEPS`.
pub(super) fn capacity<DB: DrawingBackend>(
    c: &Canvas<DB>,
    body: Rect,
    awarded: MedalCount,
) -> usize {
    let room = f64::from(body.width() - value_axis_width(c, f64::from(awarded.total.max(1))));
    ((room / min_slot(c)) as usize)
        .saturating_sub(2)
        .clamp(3, MAX_STEPS)
}

/// How wide a column must be for its labels: a full date with room to spare.
fn min_slot<DB: DrawingBackend>(c: &Canvas<DB>) -> f64 {
    f64::from(c.text_width("2016-10-27", Font::new(NOTE)).max(1))
}

/// The value axis for the steps between `awarded` and `latest`, as (lo, top): from the lowest
/// level any column reaches to the highest.
pub(super) fn range_for(steps: &[Step], awarded: MedalCount, latest: MedalCount) -> (f64, f64) {
    let lowest = steps
        .iter()
        .map(|st| total(st.before).saturating_sub(total(st.lost())))
        .chain([awarded.total, latest.total])
        .min()
        .unwrap_or(0);
    let highest = steps
        .iter()
        .map(|st| total(st.before).max(total(st.after)))
        .chain([awarded.total, latest.total])
        .max()
        .unwrap_or(0);
    // With no step drawn (every change left out), nothing needs a closer look.
    if steps.is_empty() {
        (0.0, axis_max(f64::from(highest)))
    } else {
        axis_range(lowest, highest)
    }
}

/// The value axis: from 0, or from `lo` when the changes are small beside the totals, so that a
/// step of one medal is not a sliver. Returns (lo, top).
fn axis_range(min: u32, max: u32) -> (f64, f64) {
    let (min, max) = (f64::from(min), f64::from(max));
    let from_zero = (0.0, axis_max(max));
    if max <= 0.0 || max - min > 0.25 * max {
        return from_zero;
    }
    let step = tick_step(max - min);
    let top = (max / step).floor() * step + step;
    let lo = (((min - step) / step).floor() * step)
        .min(top - 6.0 * step)
        .max(0.0);
    if lo < 0.25 * top {
        from_zero
    } else {
        (lo, top)
    }
}

/// A first guess at a column's width, before the axis is raised clear of the signs: what the
/// type size of the labels is chosen for.
pub(super) fn slot_guess<DB: DrawingBackend>(
    c: &Canvas<DB>,
    body: Rect,
    top: f64,
    columns: usize,
) -> f64 {
    f64::from(body.width() - value_axis_width(c, top)) / columns as f64
}

/// The plot in `body` for an axis up to `top`: room above for the summary and the signs, room
/// beneath for `LABEL_LINES` lines of labels.
fn plot_area<DB: DrawingBackend>(c: &Canvas<DB>, body: Rect, label: Font, top: f64) -> Rect {
    Rect {
        left: body.left + value_axis_width(c, top),
        top: body.top + c.px(90.0),
        right: body.right,
        bottom: body.bottom - c.line_height(label) * LABEL_LINES as i32 - c.px(16.0),
    }
}

/// The top of the axis, raised (a tick at a time, at most eight) while the sign above some step
/// would run into the `summary_rows` lines of the summary.
pub(super) fn top_clear_of_signs<DB: DrawingBackend>(
    c: &Canvas<DB>,
    body: Rect,
    steps: &[Step],
    fonts: &Fonts,
    summary_rows: usize,
    (lo, mut top): (f64, f64),
    slot_guess: f64,
) -> f64 {
    let summary_bottom = body.top + c.px(16.0) + summary_rows as i32 * c.line_height(fonts.summary);
    let guess_width = (slot_guess * 0.96) as i32;
    for _ in 0..8 {
        let plot = plot_area(c, body, fonts.label, top);
        let clear = steps.iter().all(|st| {
            let rows = signs::lines(c, st, fonts, guess_width).len() as i32;
            let high = total(st.before).max(total(st.after));
            level_y(plot, (lo, top), f64::from(high)) - c.px(8.0) - rows * c.line_height(fonts.sign)
                >= summary_bottom
        });
        if clear {
            break;
        }
        top += tick_step(top - lo);
    }
    top
}

/// Where the columns stand: the plot, its value axis, and the slot of each column.
pub(super) struct Frame {
    pub(super) plot: Rect,
    lo: f64,
    top: f64,
    slot: f64,
    /// Half a column's width.
    pub(super) half: i32,
    /// The width a column's texts may take.
    pub(super) width: i32,
}

impl Frame {
    /// The frame in `body` of `columns` columns on an axis from `lo` to `top`.
    pub(super) fn new<DB: DrawingBackend>(
        c: &Canvas<DB>,
        body: Rect,
        label: Font,
        (lo, top): (f64, f64),
        columns: usize,
    ) -> Self {
        let plot = plot_area(c, body, label, top);
        let slot = f64::from(plot.width()) / columns as f64;
        Self {
            plot,
            lo,
            top,
            slot,
            half: ((slot * 0.62) / 2.0).round() as i32,
            width: (slot * 0.96) as i32,
        }
    }

    /// Whether the axis is cut short (starts above 0).
    pub(super) fn broken(&self) -> bool {
        self.lo > 0.0
    }

    /// The top of the value axis.
    pub(super) fn top(&self) -> f64 {
        self.top
    }

    /// The pixel column of the centre of column `i`.
    pub(super) fn centre(&self, i: usize) -> i32 {
        self.plot.left + (self.slot * (i as f64 + 0.5)).round() as i32
    }

    /// The pixel row of a count of medals.
    pub(super) fn y(&self, v: u32) -> i32 {
        level_y(self.plot, (self.lo, self.top), f64::from(v))
    }

    /// Grid lines and tick labels: from 0, or from `lo` on an axis cut short.
    pub(super) fn grid<DB: DrawingBackend>(&self, c: &Canvas<DB>) -> Result<(), ChartError> {
        if self.broken() {
            broken_grid(c, self.plot, (self.lo, self.top))
        } else {
            value_grid(c, self.plot, self.top)
        }
    }

    /// The note at the foot of an axis cut short: where it starts.
    pub(super) fn note_start<DB: DrawingBackend>(&self, c: &Canvas<DB>) -> Result<(), ChartError> {
        c.boxed(
            &format!("axis starts at {}, not 0", self.lo),
            (
                (self.plot.left + self.plot.right) / 2,
                self.plot.bottom - c.px(8.0),
            ),
            Font::new(TICK).color(MUTED),
            Anchor::CenterBottom,
        )
    }
}

/// Grid lines and tick labels from `lo` to `top`, with a break mark at the foot of the axis.
fn broken_grid<DB: DrawingBackend>(
    c: &Canvas<DB>,
    plot: Rect,
    (lo, top): (f64, f64),
) -> Result<(), ChartError> {
    let tick = Font::new(TICK).color(MUTED);
    let step = tick_step(top - lo);
    let mut v = lo;
    while v <= top + 1e-9 {
        let y = level_y(plot, (lo, top), v);
        c.line(vec![(plot.left, y), (plot.right, y)], GRID, 1.5)?;
        c.text(
            &format!("{v}"),
            (plot.left - c.px(10.0), y),
            tick,
            Anchor::RightMiddle,
        )?;
        v += step;
    }
    Ok(())
}

/// The pixel row of a value on an axis from `lo` to `top` (values below `lo` at the foot).
fn level_y(plot: Rect, (lo, top): (f64, f64), v: f64) -> i32 {
    let share = ((v - lo) / (top - lo).max(1e-9)).max(0.0);
    plot.bottom - (share * f64::from(plot.height())).round() as i32
}

/// A zigzag across a column cut short by an axis that does not start at 0.
pub(super) fn break_mark<DB: DrawingBackend>(
    c: &Canvas<DB>,
    (left, right): (i32, i32),
    y: i32,
) -> Result<(), ChartError> {
    let (gap, tooth) = (c.px(5.0).max(2), c.px(8.0).max(3));
    c.rect((left - 2, y - gap), (right + 2, y + gap), WHITE)?;
    for edge in [y - gap, y + gap] {
        let mut points = Vec::new();
        let mut x = left - 2;
        let mut up = true;
        while x <= right + 2 {
            points.push((x, if up { edge - gap / 2 } else { edge + gap / 2 }));
            up = !up;
            x += tooth;
        }
        points.push((right + 2, edge));
        c.line(points, RULE, 1.5)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_starts_at_0_unless_the_changes_are_small() {
        assert_eq!(axis_range(9, 13), (0.0, 14.0));
        assert_eq!(axis_range(64, 82), (55.0, 85.0));
        assert_eq!(axis_range(93, 97), (92.0, 98.0));
        assert_eq!(axis_range(0, 0), (0.0, 1.0));
    }
}
