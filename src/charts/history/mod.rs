//! Chart 7: the nation across its Games: team size by sex above, medals below (now, with the
//! total as awarded where it differs), these Games highlighted. Games that none of the sources
//! given holds (several `--from`) keep their slot, hatched and labelled "not covered".
//!
//! Legible from one Games to thirty: when the slots are too narrow for every year, every
//! `step`-th year is labelled (counted from these Games, which are always labelled, city in
//! full) with a tick under every slot; a city is printed only whole, where it fits, and a figure
//! above a column only where it fits its slot (the briefing's table has every figure).
//!
//! `draw` lays out the slots and the two panels (`Layout`), then paints the panels (`panels`)
//! and the years and cities along the bottom (`years`).

mod panels;
mod years;

use plotters::prelude::DrawingBackend;

use super::bars::value_axis_width;
use super::canvas::{Canvas, axis_max};
use super::theme::{Font, LABEL, MUTED, TICK};
use super::{ChartError, Rect};
use crate::stats::{AppearanceLine, Stats};

pub fn absent(s: &Stats) -> Option<String> {
    (s.history.appearances.len() < 2).then(|| "no other Games of the nation in the data".to_owned())
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let layout = Layout::new(s, c, body);
    panels::this_games_band(c, &layout)?;
    panels::athletes(c, s, &layout)?;
    panels::medals(c, s, &layout)?;
    panels::not_covered(c, &layout)?;
    years::ticks(c, &layout)?;
    years::labels(c, &layout)
}

/// Where everything goes: a slot per Games along the axis, the two panels above each other, and
/// the value axis of each.
struct Layout<'a> {
    /// The nation's appearances, in the order of the statistics.
    games: &'a [AppearanceLine],
    /// Every slot along the axis, by year: an appearance (its index in `games`), or Games the
    /// sources do not cover.
    slots: Vec<(i32, Option<usize>)>,
    body: Rect,
    /// Team size by sex.
    upper: Rect,
    /// Medals.
    lower: Rect,
    /// Between the upper panel and the lower panel's heading.
    panel_gap: i32,
    /// The top of each panel's value axis.
    size_top: f64,
    medal_top: f64,
    /// A slot's width.
    slot: f64,
    /// Half a column's width.
    half: i32,
}

impl<'a> Layout<'a> {
    fn new<DB: DrawingBackend>(s: &'a Stats, c: &Canvas<DB>, body: Rect) -> Self {
        let games = &s.history.appearances;
        let mut slots: Vec<(i32, Option<usize>)> = games
            .iter()
            .enumerate()
            .map(|(i, a)| (a.year, Some(i)))
            .chain(s.history.not_covered.iter().map(|&y| (y, None)))
            .collect();
        slots.sort_by_key(|&(year, i)| (year, i.is_none()));
        let tick = Font::new(TICK).color(MUTED);
        let heading = Font::new(LABEL).bold();
        let label_rows = 2;
        let axis_band = c.line_height(tick) * label_rows + c.px(16.0);

        // Headroom above the tallest column for its labels (and, for medals, the as-awarded
        // note).
        let size_top =
            axis_max(f64::from(games.iter().map(|a| a.athletes).max().unwrap_or(0)) * 1.12);
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
        Self {
            games,
            slots,
            body,
            upper,
            lower,
            panel_gap,
            size_top,
            medal_top,
            slot,
            half: ((slot * 0.56) / 2.0).round() as i32,
        }
    }

    /// The slot of appearance `i`.
    fn slot_of(&self, i: usize) -> usize {
        self.slots
            .iter()
            .position(|&(_, at)| at == Some(i))
            .unwrap_or(i)
    }

    /// The pixel column of the centre of slot `k`.
    fn centre_of(&self, k: usize) -> i32 {
        self.upper.left + (self.slot * (k as f64 + 0.5)).round() as i32
    }

    /// The pixel column of the centre of appearance `i`.
    fn centre(&self, i: usize) -> i32 {
        self.centre_of(self.slot_of(i))
    }

    /// Whether a label above a column fits its slot.
    fn fits<DB: DrawingBackend>(&self, c: &Canvas<DB>, text: &str, font: Font) -> bool {
        c.text_width(text, font) <= (self.slot * 0.96) as i32
    }

    /// The slot of these Games (the last slot when none is).
    fn this_slot(&self) -> usize {
        self.games
            .iter()
            .position(|a| a.this)
            .map_or(self.slots.len().saturating_sub(1), |i| self.slot_of(i))
    }
}
