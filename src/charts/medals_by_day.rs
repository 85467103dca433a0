//! Chart 2: cumulative medals over the days of the Games, as awarded and now.

use plotters::prelude::{DrawingBackend, RGBColor};

use super::bars::{value_axis_width, value_grid, y_of};
use super::canvas::{Anchor, Canvas, axis_max};
use super::theme::{ACCENT, Font, LABEL, MUTED, RULE, TICK};
use super::{ChartError, Rect};
use crate::model::{Fact, View};
use crate::stats::{DayMedals, MedalView, Stats};

pub fn absent(s: &Stats) -> Option<String> {
    if !s.coverage.records(Fact::MedalDates) {
        return Some("the source records no dates of the medal events".to_owned());
    }
    let views = s.views();
    if views.iter().all(|v| v.totals.total == 0) {
        return Some("no medals, as awarded or now".to_owned());
    }
    let dated = |v: &&MedalView| v.by_day.last().map_or(0, |d| d.cumulative.total);
    views
        .iter()
        .all(|v| dated(v) == 0)
        .then(|| "no medal has a date".to_owned())
}

/// How a view is drawn: as awarded a grey dashed line, now a solid line in the accent colour.
struct Look {
    colour: RGBColor,
    dashed: bool,
    width: f64,
    dot: f64,
    label: RGBColor,
}

fn look(view: View) -> Look {
    match view {
        View::Awarded => Look {
            colour: RULE,
            dashed: true,
            width: 4.0,
            dot: 7.0,
            label: MUTED,
        },
        View::Now => Look {
            colour: ACCENT,
            dashed: false,
            width: 5.0,
            dot: 6.0,
            label: ACCENT,
        },
    }
}

/// One line per view the statistics hold, each ending in its total.
pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let views = s.views();
    let final_of = |v: &MedalView| v.by_day.last().map_or(0, |x| x.cumulative.total);
    let totals: Vec<u32> = views.iter().map(|v| final_of(v)).collect();
    let top = axis_max(f64::from(totals.iter().copied().max().unwrap_or(0)));
    let end_labels: Vec<String> = views
        .iter()
        .zip(&totals)
        .map(|(v, total)| format!("{total} {}", v.label()))
        .collect();
    legend(c, &views, body)?;
    let days = Days::new(c, s, body, top, &end_labels);
    value_grid(c, days.plot, top)?;
    days.labels(c, s)?;
    lines(c, &views, &days)?;
    end_labels_at(c, &views, &days, &totals, &end_labels)
}

/// The type of the totals at the end of the lines.
fn end_font() -> Font {
    Font::new(LABEL).bold()
}

/// The muted type of the day labels and the axis title.
fn tick() -> Font {
    Font::new(TICK).color(MUTED)
}

/// A swatch and a name per view, above the plot.
fn legend<DB: DrawingBackend>(
    c: &Canvas<DB>,
    views: &[&MedalView],
    body: Rect,
) -> Result<(), ChartError> {
    let legend: Vec<(RGBColor, &str)> = views
        .iter()
        .map(|v| (look(v.view).colour, v.label()))
        .collect();
    c.legend(&legend, (body.left, body.top + c.px(14.0)))?;
    Ok(())
}

/// Where the days go: the plot, its value axis, and the width of one day.
struct Days {
    plot: Rect,
    /// The top of the value axis.
    top: f64,
    step_x: f64,
}

impl Days {
    /// The plot in `body`, with room on the right for the widest of `end_labels`.
    fn new<DB: DrawingBackend>(
        c: &Canvas<DB>,
        s: &Stats,
        body: Rect,
        top: f64,
        end_labels: &[String],
    ) -> Self {
        let end_width = end_labels
            .iter()
            .map(|l| c.text_width(l, end_font()))
            .max()
            .unwrap_or(0);
        let plot = Rect {
            left: body.left + value_axis_width(c, top),
            top: body.top + c.px(60.0),
            right: body.right - end_width - c.px(24.0),
            bottom: body.bottom - c.line_height(tick()) * 2 - c.px(16.0),
        };
        let days = s.awarded.by_day.len().max(1);
        Self {
            plot,
            top,
            step_x: f64::from(plot.width()) / days as f64,
        }
    }

    /// The pixel column `i` days from the start (a day's middle at `i + 0.5`).
    fn x_at(&self, i: f64) -> i32 {
        self.plot.left + (self.step_x * i).round() as i32
    }

    /// The pixel row of a count of medals.
    fn y(&self, medals: u32) -> i32 {
        y_of(self.plot, self.top, f64::from(medals))
    }

    /// A tick under every day, a date under as many as fit without touching, and the axis
    /// title.
    fn labels<DB: DrawingBackend>(&self, c: &Canvas<DB>, s: &Stats) -> Result<(), ChartError> {
        let (plot, tick) = (self.plot, tick());
        let label_width = s
            .awarded
            .by_day
            .iter()
            .map(|d| c.text_width(&d.date.day_month(), tick))
            .max()
            .unwrap_or(0);
        let every = ((f64::from(label_width) * 1.3 / self.step_x).ceil() as usize).max(1);
        for (i, d) in s.awarded.by_day.iter().enumerate() {
            let x = self.x_at(i as f64 + 0.5);
            c.line(
                vec![(x, plot.bottom), (x, plot.bottom + c.px(6.0))],
                RULE,
                1.5,
            )?;
            if i % every == 0 {
                c.text(
                    &d.date.day_month(),
                    (x, plot.bottom + c.px(10.0)),
                    tick,
                    Anchor::CenterTop,
                )?;
            }
        }
        c.text(
            "day of the Games (medals counted on the day of the final)",
            (
                (plot.left + plot.right) / 2,
                plot.bottom + c.px(10.0) + c.line_height(tick),
            ),
            tick,
            Anchor::CenterTop,
        )
    }

    /// A series as a step line: flat through a day, rising at the day's end.
    fn series(&self, days: &[DayMedals]) -> Vec<(i32, i32)> {
        let mut points = vec![(self.x_at(0.0), self.y(0))];
        for (i, d) in days.iter().enumerate() {
            let y = self.y(d.cumulative.total);
            let x = self.x_at(i as f64 + 0.5);
            points.push((x, points.last().map_or(y, |p| p.1)));
            points.push((x, y));
        }
        points.push((
            self.x_at(days.len() as f64),
            points.last().map_or(0, |p| p.1),
        ));
        points
    }
}

/// Each view's line, then a dot on every day it won medals.
fn lines<DB: DrawingBackend>(
    c: &Canvas<DB>,
    views: &[&MedalView],
    days: &Days,
) -> Result<(), ChartError> {
    for v in views {
        let look = look(v.view);
        if look.dashed {
            c.dashed(days.series(&v.by_day), look.colour, look.width)?;
        } else {
            c.line(days.series(&v.by_day), look.colour, look.width)?;
        }
    }
    for v in views {
        let look = look(v.view);
        for (i, d) in v
            .by_day
            .iter()
            .enumerate()
            .filter(|(_, d)| d.medals.total > 0)
        {
            c.dot(
                (days.x_at(i as f64 + 0.5), days.y(d.cumulative.total)),
                look.dot,
                look.colour,
            )?;
        }
    }
    Ok(())
}

/// The total at the end of each line, the two pushed apart when they are close.
fn end_labels_at<DB: DrawingBackend>(
    c: &Canvas<DB>,
    views: &[&MedalView],
    days: &Days,
    totals: &[u32],
    end_labels: &[String],
) -> Result<(), ChartError> {
    let end_font = end_font();
    let mut ys: Vec<i32> = totals.iter().map(|&t| days.y(t)).collect();
    if let ([ya, yn], [awarded_total, now_total]) = (&mut ys[..], totals) {
        let min_gap = c.line_height(end_font);
        if (*ya - *yn).abs() < min_gap {
            let mid = (*ya + *yn) / 2;
            if awarded_total >= now_total {
                (*ya, *yn) = (mid - min_gap / 2, mid + min_gap / 2);
            } else {
                (*ya, *yn) = (mid + min_gap / 2, mid - min_gap / 2);
            }
        }
    }
    let x_end = days.plot.right + c.px(12.0);
    for ((v, label), y) in views.iter().zip(end_labels).zip(ys) {
        c.text(
            label,
            (x_end, y),
            end_font.color(look(v.view).label),
            Anchor::LeftMiddle,
        )?;
    }
    Ok(())
}
