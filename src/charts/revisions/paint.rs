//! Painting the waterfall on its frame: the two ends (medals as awarded and now), each step's
//! medals lost and gained with its sign above and its label beneath, the connectors between
//! columns, and the summary line.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::axis::{Frame, break_mark};
use super::labels::{self, Fonts, Label};
use super::signs;
use super::steps::{Colours, Step, total};
use crate::charts::bars::column;
use crate::charts::canvas::{Anchor, Canvas};
use crate::charts::theme::{ACCENT, Font, INK, RULE, edge_for, ink_on, medal_segments, tint};
use crate::charts::{ChartError, Rect};
use crate::stats::MedalCount;

/// Paints on one canvas, in one frame, with one set of type.
pub(super) struct Painter<'a, 'c, DB: DrawingBackend> {
    pub(super) c: &'a Canvas<'c, DB>,
    pub(super) frame: &'a Frame,
    pub(super) fonts: &'a Fonts,
}

impl<DB: DrawingBackend> Painter<'_, '_, DB> {
    /// The two ends: stacked medals with their totals; on an axis that does not start at 0, a
    /// neutral column cut short, its medals by colour given beneath.
    pub(super) fn ends(
        &self,
        awarded: MedalCount,
        latest: MedalCount,
        now: String,
        columns: usize,
    ) -> Result<(), ChartError> {
        for (i, totals, label) in [
            (0, awarded, "As awarded".to_owned()),
            (columns - 1, latest, now),
        ] {
            let x = self.frame.centre(i);
            let y = self.end_column(x, totals)?;
            self.c.text(
                &totals.total.to_string(),
                (x, y - self.c.px(8.0)),
                self.fonts.total,
                Anchor::CenterBottom,
            )?;
            let names = self.end_name(x, &label)?;
            if self.frame.broken() {
                self.end_medals(x, totals, names)?;
            }
        }
        Ok(())
    }

    /// The column of one end, stacked by colour or (axis cut short) neutral with a break mark;
    /// returns the pixel row of its top.
    fn end_column(&self, x: i32, totals: MedalCount) -> Result<i32, ChartError> {
        let (c, plot, half) = (self.c, self.frame.plot, self.frame.half);
        if self.frame.broken() {
            let y = self.frame.y(totals.total);
            c.rect((x - half, y), (x + half, plot.bottom), tint(ACCENT, 0.4))?;
            c.outline((x - half, y), (x + half, plot.bottom), ACCENT, 1.5)?;
            break_mark(c, (x - half, x + half), plot.bottom - c.px(16.0))?;
            Ok(y)
        } else {
            Ok(column(
                c,
                plot,
                self.frame.top(),
                (x - half, x + half),
                &medal_segments(totals),
                self.fonts.value,
            )?
            .0)
        }
    }

    /// The name beneath an end, on at most two lines; returns how many.
    fn end_name(&self, x: i32, label: &str) -> Result<usize, ChartError> {
        let (c, font) = (self.c, self.fonts.name);
        let names = c.wrap(label, font, self.frame.width);
        let names: Vec<&String> = names.iter().take(2).collect();
        for (k, line) in names.iter().enumerate() {
            let y = self.frame.plot.bottom + c.px(12.0) + k as i32 * c.line_height(font);
            c.text(line, (x, y), font, Anchor::CenterTop)?;
        }
        Ok(names.len())
    }

    /// Gold, silver and bronze beneath an end cut short, each a swatch and a count, below its
    /// `names` lines of name.
    fn end_medals(&self, x: i32, totals: MedalCount, names: usize) -> Result<(), ChartError> {
        let (c, font) = (self.c, self.fonts.label);
        let row = c.line_height(font);
        let swatch = (row * 3 / 4).max(4);
        for (k, (n, colour)) in medal_segments(totals).into_iter().enumerate() {
            let text = n.to_string();
            let w = swatch + c.px(6.0) + c.text_width(&text, font);
            let left = x - w / 2;
            let y = self.frame.plot.bottom + c.px(12.0) + (names + k) as i32 * row;
            c.bar(
                (left, y + (row - swatch) / 2),
                (left + swatch, y + (row + swatch) / 2),
                colour,
            )?;
            c.text(
                &text,
                (left + swatch + c.px(6.0), y + row / 2),
                font,
                Anchor::LeftMiddle,
            )?;
        }
        Ok(())
    }

    /// Step `k` in column `k + 1`: the connector from the previous column, the medals, the sign
    /// above and the label beneath.
    pub(super) fn step(
        &self,
        k: usize,
        step: &Step,
        label: &Label,
        compact: bool,
    ) -> Result<(), ChartError> {
        let x = self.frame.centre(k + 1);
        self.connector(k, total(step.before))?;
        let y_high = self.changes(x, step)?;
        self.sign(x, y_high, step)?;
        self.label(x, step, label, compact)
    }

    /// A dashed line at the level of `count` from column `k` to column `k + 1`.
    pub(super) fn connector(&self, k: usize, count: u32) -> Result<(), ChartError> {
        let (from, to, half) = (
            self.frame.centre(k),
            self.frame.centre(k + 1),
            self.frame.half,
        );
        let level = self.frame.y(count);
        self.c
            .dashed(vec![(from + half, level), (to - half, level)], RULE, 2.0)
    }

    /// Medals lost hang from the level before, pale and edged in their colour (grey for pale
    /// silver); medals gained rise from there, full. Side by side when a step has both. Returns
    /// the pixel row of the highest.
    fn changes(&self, x: i32, step: &Step) -> Result<i32, ChartError> {
        let (half, before) = (self.frame.half, total(step.before));
        let (lost, gained) = (step.lost(), step.gained());
        let floor = before.saturating_sub(total(lost));
        let both = total(lost) > 0 && total(gained) > 0;
        let (lost_x, gained_x) = if both {
            ((x - half, x), (x, x + half))
        } else {
            ((x - half, x + half), (x - half, x + half))
        };
        self.lost(lost, lost_x, before)?;
        self.gained(gained, gained_x, floor)?;
        Ok(self.frame.y(before.max(floor + total(gained))))
    }

    /// Medals lost, hanging down from `at`, between `xs`.
    fn lost(&self, lost: Colours, xs: (i32, i32), mut at: u32) -> Result<(), ChartError> {
        let c = self.c;
        for (n, colour) in by_colour(lost) {
            let below = at.saturating_sub(n);
            let (y0, y1) = (self.frame.y(at), self.frame.y(below));
            c.rect((xs.0, y0), (xs.1, y1), tint(colour, 0.3))?;
            c.outline((xs.0, y0), (xs.1, y1), edge_for(colour), 3.0)?;
            count_inside(c, n, xs, (y0, y1), self.fonts.count, INK)?;
            at = below;
        }
        Ok(())
    }

    /// Medals gained, rising from `at`, between `xs`.
    fn gained(&self, gained: Colours, xs: (i32, i32), mut at: u32) -> Result<(), ChartError> {
        let c = self.c;
        for (n, colour) in by_colour(gained) {
            let above = at + n;
            let (y0, y1) = (self.frame.y(above), self.frame.y(at));
            c.bar((xs.0, y0), (xs.1, y1), colour)?;
            count_inside(c, n, xs, (y0, y1), self.fonts.count, ink_on(colour))?;
            at = above;
        }
        Ok(())
    }

    /// Above a step, from `y_high` up: the change.
    fn sign(&self, x: i32, y_high: i32, step: &Step) -> Result<(), ChartError> {
        let c = self.c;
        let mut y = y_high - c.px(8.0);
        for (text, font) in signs::lines(c, step, self.fonts, self.frame.width)
            .iter()
            .rev()
        {
            c.text(text, (x, y), *font, Anchor::CenterBottom)?;
            y -= c.line_height(self.fonts.sign);
        }
        Ok(())
    }

    /// Beneath a step: who, which event, when (or, grouped: when, then what).
    fn label(&self, x: i32, step: &Step, label: &Label, compact: bool) -> Result<(), ChartError> {
        let c = self.c;
        let lines = labels::lines(c, step, label, self.fonts, self.frame.width, compact);
        for (row, (text, font)) in lines.iter().enumerate() {
            let y =
                self.frame.plot.bottom + c.px(12.0) + row as i32 * c.line_height(self.fonts.label);
            c.text(text, (x, y), *font, Anchor::CenterTop)?;
        }
        Ok(())
    }

    /// The summary above the chart, one line beneath another from the top of `body`.
    pub(super) fn summary(&self, body: Rect, summary: &[String]) -> Result<(), ChartError> {
        let (c, font) = (self.c, self.fonts.summary);
        for (k, line) in summary.iter().enumerate() {
            let y = body.top + c.px(10.0) + k as i32 * c.line_height(font);
            c.text(line, (body.left, y), font, Anchor::LeftTop)?;
        }
        Ok(())
    }
}

/// The counts of medals by colour that are not 0, each with its colour.
fn by_colour(counts: Colours) -> impl Iterator<Item = (u32, RGBColor)> {
    let medals = medal_segments(MedalCount::default());
    counts
        .into_iter()
        .zip(medals)
        .filter(|(n, _)| *n > 0)
        .map(|(n, (_, colour))| (n, colour))
}

/// A count printed inside a segment when it is more than one and fits.
fn count_inside<DB: DrawingBackend>(
    c: &Canvas<DB>,
    n: u32,
    (left, right): (i32, i32),
    (top, bottom): (i32, i32),
    font: Font,
    ink: RGBColor,
) -> Result<(), ChartError> {
    let text = n.to_string();
    if n > 1
        && c.line_height(font) + c.px(4.0) <= bottom - top
        && c.text_width(&text, font) + c.px(6.0) <= right - left
    {
        c.text(
            &text,
            ((left + right) / 2, (top + bottom) / 2),
            font.color(ink),
            Anchor::CenterMiddle,
        )?;
    }
    Ok(())
}
