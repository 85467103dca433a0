//! Chart 6: ages at the Games, one column per year of age stacked by sex, with each sex's median
//! marked and the number of unknown ages stated.

use plotters::prelude::DrawingBackend;

use super::bars::{column, value_axis_width, value_grid};
use super::canvas::{Anchor, Canvas, axis_max};
use super::theme::{Font, MEN, MUTED, NOTE, TICK, WOMEN};
use super::{ChartError, Rect};
use crate::stats::Stats;

pub fn absent(s: &Stats) -> Option<String> {
    (s.ages.known == 0).then(|| "no athlete's age is known".to_owned())
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let Some(young) = &s.ages.youngest else {
        return Ok(());
    };
    let highest = s
        .ages
        .by_year
        .iter()
        .map(|y| y.men + y.women)
        .max()
        .unwrap_or(0);
    // Headroom above the tallest column for its total.
    let top = axis_max(f64::from(highest) * 1.12);
    legend(s, c, body)?;
    let plot = Rect {
        left: body.left + value_axis_width(c, top),
        top: body.top + c.px(100.0),
        right: body.right,
        bottom: body.bottom - c.line_height(tick()) * 3 - c.px(20.0),
    };
    value_grid(c, plot, top)?;
    let ages = Ages {
        plot,
        top,
        slot: f64::from(plot.width()) / s.ages.by_year.len().max(1) as f64,
        youngest: young.age,
    };
    // Medians before the columns, so the bars cover them.
    medians(s, c, body, &ages)?;
    columns(s, c, &ages)?;
    axis_title(c, plot)?;
    unknown_note(s, c, body, plot)
}

/// The muted type of the ticks and the axis title.
fn tick() -> Font {
    Font::new(TICK).color(MUTED)
}

/// Where the columns go: one slot per year of age from the youngest.
struct Ages {
    plot: Rect,
    /// The top of the value axis.
    top: f64,
    slot: f64,
    youngest: u32,
}

impl Ages {
    /// The pixel column of an age.
    fn x_of(&self, age: f64) -> i32 {
        self.plot.left + (self.slot * (age - f64::from(self.youngest) + 0.5)).round() as i32
    }
}

/// Men and women, each with how many ages are known.
fn legend<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let men = format!("men ({} known)", s.ages.by_sex[0].known);
    let women = format!("women ({} known)", s.ages.by_sex[1].known);
    c.legend(
        &[(MEN, &men), (WOMEN, &women)],
        (body.left, body.top + c.px(14.0)),
    )?;
    Ok(())
}

/// A dashed line per sex at its median, labelled above the plot, the lower median's label to
/// its left and the higher one's to its right.
fn medians<DB: DrawingBackend>(
    s: &Stats,
    c: &Canvas<DB>,
    body: Rect,
    ages: &Ages,
) -> Result<(), ChartError> {
    let plot = ages.plot;
    let label_font = Font::new(NOTE).bold();
    let mut medians: Vec<(f64, &str, plotters::style::RGBColor)> = [(0usize, MEN), (1usize, WOMEN)]
        .into_iter()
        .filter_map(|(sex, colour)| {
            s.ages.by_sex[sex]
                .median
                .map(|m| (m, s.ages.by_sex[sex].sex, colour))
        })
        .collect();
    medians.sort_by(|a, b| a.0.total_cmp(&b.0));
    let label_y = plot.top - c.px(30.0);
    for (i, &(median, sex, colour)) in medians.iter().enumerate() {
        let x = ages.x_of(median);
        c.dashed(
            vec![(x, plot.top - c.px(12.0)), (x, plot.bottom)],
            colour,
            3.0,
        )?;
        let text = format!("median, {sex}: {median}");
        let width = c.text_width(&text, label_font) + c.px(8.0);
        // The lower median's label goes left, the higher one's right, unless that side has no
        // room; two labels on one side take two rows.
        let wants_left = i == 0 && medians.len() > 1;
        let left = if wants_left {
            x - width >= body.left
        } else {
            x + width > body.right
        };
        let (dx, anchor) = if left {
            (-c.px(8.0), Anchor::RightMiddle)
        } else {
            (c.px(8.0), Anchor::LeftMiddle)
        };
        let row = if left != wants_left {
            label_y - c.line_height(label_font)
        } else {
            label_y
        };
        c.text(&text, (x + dx, row), label_font.color(colour), anchor)?;
    }
    Ok(())
}

/// A column per year of age stacked by sex, its total above where it fits, and the age beneath
/// as often as the labels fit.
fn columns<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, ages: &Ages) -> Result<(), ChartError> {
    let (plot, slot) = (ages.plot, ages.slot);
    // Columns no wider than a fifth of the plot, even for one or two ages.
    let half = ((slot * 0.8) / 2.0)
        .min(f64::from(plot.width()) / 10.0)
        .round() as i32;
    let value_font = Font::new(TICK * (slot / f64::from(c.px(60.0))).clamp(0.55, 1.0));
    let label_width = c.text_width("99", tick());
    let every = ((f64::from(label_width) * 1.6 / slot).ceil() as u32).max(1);
    for year in &s.ages.by_year {
        let (age, m, w) = (year.age, year.men, year.women);
        let x = ages.x_of(f64::from(age));
        let (y, _) = column(
            c,
            plot,
            ages.top,
            (x - half, x + half),
            &[(m, MEN), (w, WOMEN)],
            value_font,
        )?;
        if m + w > 0
            && c.text_width(&(m + w).to_string(), value_font.bold()) <= (slot * 0.98) as i32
        {
            // Boxed: a median line may pass behind it.
            c.boxed(
                &(m + w).to_string(),
                (x, y - c.px(4.0)),
                value_font.bold(),
                Anchor::CenterBottom,
            )?;
        }
        if (age - ages.youngest) % every == 0 {
            c.text(
                &age.to_string(),
                (x, plot.bottom + c.px(8.0)),
                tick(),
                Anchor::CenterTop,
            )?;
        }
    }
    Ok(())
}

/// What the axis along the bottom counts.
fn axis_title<DB: DrawingBackend>(c: &Canvas<DB>, plot: Rect) -> Result<(), ChartError> {
    c.text(
        "age in years at the Games",
        (
            (plot.left + plot.right) / 2,
            plot.bottom + c.px(8.0) + c.line_height(tick()),
        ),
        tick(),
        Anchor::CenterTop,
    )
}

/// How many athletes' ages are unknown (and so not shown), beneath the axis.
fn unknown_note<DB: DrawingBackend>(
    s: &Stats,
    c: &Canvas<DB>,
    body: Rect,
    plot: Rect,
) -> Result<(), ChartError> {
    let unknown = if s.ages.unknown == 0 {
        format!("Every athlete's age is known ({}).", s.ages.known)
    } else {
        format!(
            "Age unknown for {} of {} athletes; they are not shown.",
            s.ages.unknown,
            s.ages.known + s.ages.unknown
        )
    };
    let y = plot.bottom + c.px(16.0) + 2 * c.line_height(tick());
    c.text(
        &unknown,
        (body.left, y),
        Font::new(NOTE).color(MUTED),
        Anchor::LeftTop,
    )
}
