//! Horizontal stacked bars with labels: the layout shared by the charts of medals by sport,
//! athletes by sport and the medal-table neighbourhood.
//!
//! Everything is measured with the shipped font: label columns are as wide as their longest
//! label (shortened with an ellipsis past a third of the width), rows and type shrink to fit many
//! groups, and a value is printed inside its segment only where it fits.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::canvas::{Anchor, Canvas, axis_max, spaced_step};
use super::theme::{Font, GRID, HIGHLIGHT, LABEL, MUTED, TICK, ink_on};
use super::{ChartError, Rect};

/// One bar: its stacked segments (value, colour) and an optional tag printed before it.
#[derive(Debug, Clone)]
pub struct Bar {
    pub segments: Vec<(u32, RGBColor)>,
    pub tag: Option<String>,
}

impl Bar {
    pub fn total(&self) -> u32 {
        self.segments.iter().map(|(v, _)| v).sum()
    }
}

/// A labelled group of bars (one row per bar).
#[derive(Debug, Clone)]
pub struct Group {
    pub label: String,
    /// Used instead of `label` when that does not fit (a code for a long name).
    pub short_label: Option<String>,
    pub bars: Vec<Bar>,
    pub highlight: bool,
}

/// Draws the groups in `area` with a value axis at the bottom titled `axis`, scaled to `max`
/// (or the largest total when `None`).
pub fn horizontal<DB: DrawingBackend>(
    c: &Canvas<DB>,
    area: Rect,
    groups: &[Group],
    axis: &str,
    max: Option<u32>,
) -> Result<(), ChartError> {
    let layout = Layout::new(c, area, groups, max);
    // Highlight bands first, then the grid, so bars sit on top of both.
    layout.highlight_bands(c, groups)?;
    layout.value_axis(c, axis)?;
    if !layout.roomy {
        layout.tag_order(c, groups)?;
    }
    for (i, g) in groups.iter().enumerate() {
        layout.group(c, i, g)?;
    }
    Ok(())
}

/// Where the rows, labels and value axis of horizontal bars go, and the type they are set in.
struct Layout {
    area: Rect,
    plot_top: i32,
    plot_bottom: i32,
    plot_left: i32,
    plot_right: i32,
    group_height: i32,
    /// The top of the value axis.
    top: f64,
    /// Each group's label, shortened to fit.
    labels: Vec<String>,
    label_font: Font,
    tag_font: Font,
    value_font: Font,
    /// Whether rows are tall enough for the tags before the bars.
    roomy: bool,
    /// Whether rows are tall enough for the numbers.
    numbers: bool,
}

impl Layout {
    fn new<DB: DrawingBackend>(
        c: &Canvas<DB>,
        area: Rect,
        groups: &[Group],
        max: Option<u32>,
    ) -> Self {
        let rows: usize = groups.iter().map(|g| g.bars.len()).sum::<usize>().max(1);
        let tick = Font::new(TICK).color(MUTED);
        let axis_height = c.line_height(tick) * 2 + c.px(12.0);
        let plot_top = area.top;
        let plot_bottom = area.bottom - axis_height;
        let group_height = (plot_bottom - plot_top) / groups.len().max(1) as i32;
        let row_height = f64::from(plot_bottom - plot_top) / rows as f64;

        // Type shrinks with the rows, never below 60 % of its design size.
        let shrink = (row_height / c.px(LABEL * 1.6).max(1) as f64).clamp(0.6, 1.0);
        let label_font = Font::new(LABEL * shrink);
        let tag_font = Font::new(TICK * shrink).color(MUTED);
        let value_font = Font::new(TICK * shrink);

        let labels = group_labels(c, area, groups, label_font);
        let label_width = labels
            .iter()
            .map(|l| c.text_width(l, label_font.bold()))
            .max()
            .unwrap_or(0);
        // Tags and numbers only where a row is tall enough to hold them; the order of tagged
        // bars is then said once, under the axis.
        let roomy = f64::from(c.line_height(tag_font)) <= row_height;
        let numbers = f64::from(c.line_height(value_font)) <= row_height * 1.15;
        let tag_width = groups
            .iter()
            .flat_map(|g| &g.bars)
            .filter(|_| roomy)
            .filter_map(|b| b.tag.as_deref())
            .map(|t| c.text_width(t, tag_font))
            .max()
            .map_or(0, |w| w + c.px(14.0));
        let max_total = max.unwrap_or_else(|| {
            groups
                .iter()
                .flat_map(|g| &g.bars)
                .map(Bar::total)
                .max()
                .unwrap_or(0)
        });
        let total_width = c.text_width(&max_total.to_string(), value_font.bold()) + c.px(14.0);
        Self {
            area,
            plot_top,
            plot_bottom,
            plot_left: area.left + label_width + c.px(20.0) + tag_width,
            plot_right: area.right - total_width,
            group_height,
            top: f64::from(axis_max(f64::from(max_total)) as u32),
            labels,
            label_font,
            tag_font,
            value_font,
            roomy,
            numbers,
        }
    }

    /// The pixel column of a value.
    fn x(&self, v: f64) -> i32 {
        self.plot_left
            + ((v / self.top) * f64::from(self.plot_right - self.plot_left)).round() as i32
    }

    /// The pixel row of the top of group `i`.
    fn group_top(&self, i: usize) -> i32 {
        self.plot_top + i as i32 * self.group_height
    }

    /// A band across the width behind each highlighted group.
    fn highlight_bands<DB: DrawingBackend>(
        &self,
        c: &Canvas<DB>,
        groups: &[Group],
    ) -> Result<(), ChartError> {
        for (i, g) in groups.iter().enumerate() {
            if g.highlight {
                let y0 = self.group_top(i);
                c.rect(
                    (self.area.left, y0),
                    (self.area.right, y0 + self.group_height),
                    HIGHLIGHT,
                )?;
            }
        }
        Ok(())
    }

    /// Grid lines and tick labels along the bottom, and the axis title `axis` beneath.
    fn value_axis<DB: DrawingBackend>(&self, c: &Canvas<DB>, axis: &str) -> Result<(), ChartError> {
        let tick = Font::new(TICK).color(MUTED);
        let top = self.top;
        let label = c.text_width(&format!("{top}"), tick) + c.text_width("  ", tick);
        let step = spaced_step(top, self.plot_right - self.plot_left, label);
        let mut v = 0.0;
        while v <= top + 1e-9 {
            let x = self.x(v);
            c.line(vec![(x, self.plot_top), (x, self.plot_bottom)], GRID, 1.5)?;
            c.text(
                &format!("{v}"),
                (x, self.plot_bottom + c.px(8.0)),
                tick,
                Anchor::CenterTop,
            )?;
            v += step;
        }
        c.text(
            axis,
            (
                (self.plot_left + self.plot_right) / 2,
                self.plot_bottom + c.px(8.0) + c.line_height(tick),
            ),
            tick,
            Anchor::CenterTop,
        )
    }

    /// Under the axis, when the rows are too thin for tags: the order of the tagged bars.
    fn tag_order<DB: DrawingBackend>(
        &self,
        c: &Canvas<DB>,
        groups: &[Group],
    ) -> Result<(), ChartError> {
        let Some(g) = groups
            .iter()
            .find(|g| g.bars.iter().any(|b| b.tag.is_some()))
        else {
            return Ok(());
        };
        let tick = Font::new(TICK).color(MUTED);
        let order: Vec<&str> = g.bars.iter().filter_map(|b| b.tag.as_deref()).collect();
        let note = format!("bars in each group, top to bottom: {}", order.join(", "));
        let y = self.plot_bottom + c.px(8.0) + c.line_height(tick);
        c.text(&note, (self.area.left, y), tick, Anchor::LeftTop)
    }

    /// Group `i`: its label, then its bars one under another.
    fn group<DB: DrawingBackend>(
        &self,
        c: &Canvas<DB>,
        i: usize,
        g: &Group,
    ) -> Result<(), ChartError> {
        let y0 = self.group_top(i);
        let font = if g.highlight {
            self.label_font.bold()
        } else {
            self.label_font
        };
        c.text(
            &self.labels[i],
            (self.area.left, y0 + self.group_height / 2),
            font,
            Anchor::LeftMiddle,
        )?;
        let bar_space = f64::from(self.group_height) / g.bars.len().max(1) as f64;
        let thickness = (bar_space * 0.72).min(f64::from(c.px(64.0))).round() as i32;
        for (j, bar) in g.bars.iter().enumerate() {
            let mid = y0 + (bar_space * (j as f64 + 0.5)).round() as i32;
            self.bar(c, bar, mid, thickness)?;
        }
        Ok(())
    }

    /// One bar centred on row `mid`: its tag, its segments, and its total after it.
    fn bar<DB: DrawingBackend>(
        &self,
        c: &Canvas<DB>,
        bar: &Bar,
        mid: i32,
        thickness: i32,
    ) -> Result<(), ChartError> {
        if let Some(tag) = bar.tag.as_ref().filter(|_| self.roomy) {
            c.text(
                tag,
                (self.plot_left - c.px(10.0), mid),
                self.tag_font,
                Anchor::RightMiddle,
            )?;
        }
        let (end, hidden) = self.segments(c, bar, mid, thickness)?;
        if self.numbers {
            // A number that did not fit its segment is given beside the total instead.
            let plain = bar.total().to_string();
            let parts = bar.segments.iter().filter(|(v, _)| *v > 0).count();
            let full = breakdown(bar);
            let at = self.x(end) + c.px(10.0);
            let label = if hidden
                && parts > 1
                && at + c.text_width(&full, self.value_font.bold()) <= self.area.right
            {
                full
            } else {
                plain
            };
            c.text(
                &label,
                (at, mid),
                self.value_font.bold(),
                Anchor::LeftMiddle,
            )?;
        }
        Ok(())
    }

    /// A bar's segments, each value printed inside where it fits; returns where the bar ends
    /// and whether a value did not fit.
    fn segments<DB: DrawingBackend>(
        &self,
        c: &Canvas<DB>,
        bar: &Bar,
        mid: i32,
        thickness: i32,
    ) -> Result<(f64, bool), ChartError> {
        let (b0, b1) = (mid - thickness / 2, mid + thickness / 2);
        let value_font = self.value_font;
        let mut start = 0.0;
        let mut hidden = false;
        for &(value, colour) in &bar.segments {
            if value == 0 {
                continue;
            }
            let end = start + f64::from(value);
            let (x0, x1) = (self.x(start), self.x(end));
            c.bar((x0, b0), (x1, b1), colour)?;
            let text = value.to_string();
            let fits = self.numbers
                && c.text_width(&text, value_font) + c.px(8.0) <= x1 - x0
                && c.line_height(value_font) <= thickness;
            if fits {
                c.text(
                    &text,
                    ((x0 + x1) / 2, mid),
                    value_font.color(ink_on(colour)),
                    Anchor::CenterMiddle,
                )?;
            } else {
                hidden = true;
            }
            start = end;
        }
        Ok((start, hidden))
    }
}

/// Each group's label, shortened with an ellipsis past two fifths of the width (a group's short
/// label, a code, is taken when its name does not fit).
fn group_labels<DB: DrawingBackend>(
    c: &Canvas<DB>,
    area: Rect,
    groups: &[Group],
    label_font: Font,
) -> Vec<String> {
    let max_label = area.width() * 2 / 5;
    groups
        .iter()
        .map(|g| match &g.short_label {
            Some(short) if c.text_width(&g.label, label_font.bold()) > max_label => {
                c.fit(short, label_font, max_label)
            }
            _ => c.fit(&g.label, label_font, max_label),
        })
        .collect()
}

/// `13 (7/1/5)`: a bar's total and its segments in order.
pub fn breakdown(bar: &Bar) -> String {
    let parts: Vec<String> = bar.segments.iter().map(|(v, _)| v.to_string()).collect();
    format!("{} ({})", bar.total(), parts.join("/"))
}

/// The width the tick labels of a vertical value axis up to `top` take, with their gap.
pub fn value_axis_width<DB: DrawingBackend>(c: &Canvas<DB>, top: f64) -> i32 {
    let tick = Font::new(TICK).color(MUTED);
    c.text_width(&format!("{top}"), tick) + c.px(14.0)
}

/// Horizontal grid lines and tick labels for a vertical value axis from 0 to `top` over `plot`.
pub fn value_grid<DB: DrawingBackend>(
    c: &Canvas<DB>,
    plot: Rect,
    top: f64,
) -> Result<(), ChartError> {
    let tick = Font::new(TICK).color(MUTED);
    let step = spaced_step(top, plot.height(), c.line_height(tick));
    let mut v = 0.0;
    while v <= top + 1e-9 {
        let y = plot.bottom - ((v / top) * f64::from(plot.height())).round() as i32;
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

/// Maps a value on a vertical axis from 0 to `top` to a pixel row of `plot`.
pub fn y_of(plot: Rect, top: f64, v: f64) -> i32 {
    plot.bottom - ((v / top) * f64::from(plot.height())).round() as i32
}

/// A vertical stack of segments from the baseline of `plot`, `left` to `right`; values printed
/// inside where they fit. Returns the pixel row of the top.
pub fn column<DB: DrawingBackend>(
    c: &Canvas<DB>,
    plot: Rect,
    top: f64,
    (left, right): (i32, i32),
    segments: &[(u32, RGBColor)],
    font: Font,
) -> Result<(i32, bool), ChartError> {
    let mut start = 0.0;
    let mut hidden = false;
    for &(value, colour) in segments {
        if value == 0 {
            continue;
        }
        let end = start + f64::from(value);
        let (y0, y1) = (y_of(plot, top, start), y_of(plot, top, end));
        c.bar((left, y1), (right, y0), colour)?;
        let text = value.to_string();
        if c.line_height(font) + c.px(4.0) <= y0 - y1
            && c.text_width(&text, font) + c.px(6.0) <= right - left
        {
            c.text(
                &text,
                ((left + right) / 2, (y0 + y1) / 2),
                font.color(ink_on(colour)),
                Anchor::CenterMiddle,
            )?;
        } else {
            hidden = true;
        }
        start = end;
    }
    Ok((y_of(plot, top, start), hidden))
}
