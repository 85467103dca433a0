//! The chart set: one module per chart, each drawing from `Stats` on any plotters backend, so the
//! same code makes the slide SVGs, the PNGs and the charts in the PDF.
//!
//! Adding a chart: a new module with `absent` and `draw`, and one line in `ChartId`.

mod ages;
mod alt;
mod athletes_by_sport;
mod bars;
pub mod canvas;
mod history;
mod medals_by_day;
mod medals_by_sport;
mod neighbourhood;
mod revisions;
mod team_by_sex;
pub mod theme;

use std::fmt;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::stats::Stats;
pub use alt::alt;
use canvas::{Anchor, Canvas};
use theme::{Font, MUTED, SUBTITLE, TITLE, WHITE};

/// The slide canvas, in pixels: every chart is designed for it and scaled to the area it is drawn
/// on (the PDF draws its charts on a virtual canvas of this size).
pub const SLIDE: (u32, u32) = (1600, 900);

/// The charts, in the order the briefing shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum ChartId {
    MedalsBySport,
    MedalsByDay,
    Revisions,
    AthletesBySport,
    TeamBySex,
    Ages,
    History,
    TableNeighbourhood,
}

impl ChartId {
    pub const ALL: [ChartId; 8] = [
        Self::MedalsBySport,
        Self::MedalsByDay,
        Self::Revisions,
        Self::AthletesBySport,
        Self::TeamBySex,
        Self::Ages,
        Self::History,
        Self::TableNeighbourhood,
    ];

    /// The file stem and `--only` name.
    pub fn name(self) -> &'static str {
        match self {
            Self::MedalsBySport => "medals-by-sport",
            Self::MedalsByDay => "medals-by-day",
            Self::Revisions => "revisions",
            Self::AthletesBySport => "athletes-by-sport",
            Self::TeamBySex => "team-by-sex",
            Self::Ages => "ages",
            Self::History => "history",
            Self::TableNeighbourhood => "table-neighbourhood",
        }
    }

    /// The chart's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::MedalsBySport => "Medals by sport",
            Self::MedalsByDay => "Medals day by day",
            Self::Revisions => "From medals as awarded to medals now",
            Self::AthletesBySport => "Athletes by sport and sex",
            Self::TeamBySex => "The team by sex",
            Self::Ages => "Ages at the Games",
            Self::History => "Across the Games",
            Self::TableNeighbourhood => "Neighbours in the medal table",
        }
    }

    /// Why the chart cannot be drawn for these statistics, if it cannot: a chart is never drawn
    /// empty.
    pub fn absent(self, s: &Stats) -> Option<String> {
        match self {
            Self::MedalsBySport => medals_by_sport::absent(s),
            Self::MedalsByDay => medals_by_day::absent(s),
            Self::Revisions => revisions::absent(s),
            Self::AthletesBySport => athletes_by_sport::absent(s),
            Self::TeamBySex => team_by_sex::absent(s),
            Self::Ages => ages::absent(s),
            Self::History => history::absent(s),
            Self::TableNeighbourhood => neighbourhood::absent(s),
        }
    }

    fn draw_body<DB: DrawingBackend>(
        self,
        s: &Stats,
        c: &Canvas<DB>,
        body: Rect,
    ) -> Result<(), ChartError> {
        match self {
            Self::MedalsBySport => medals_by_sport::draw(s, c, body),
            Self::MedalsByDay => medals_by_day::draw(s, c, body),
            Self::Revisions => revisions::draw(s, c, body),
            Self::AthletesBySport => athletes_by_sport::draw(s, c, body),
            Self::TeamBySex => team_by_sex::draw(s, c, body),
            Self::Ages => ages::draw(s, c, body),
            Self::History => history::draw(s, c, body),
            Self::TableNeighbourhood => neighbourhood::draw(s, c, body),
        }
    }

    /// The chart's second line: who, where, and what the chart shows.
    pub fn subtitle(self, s: &Stats) -> String {
        let d = &s.delegation;
        let what = match self {
            Self::MedalsBySport | Self::MedalsByDay | Self::TableNeighbourhood
                if s.now.is_none() =>
            {
                "medals as the source records them".to_owned()
            }
            Self::MedalsBySport | Self::MedalsByDay | Self::TableNeighbourhood => {
                format!("as awarded and {}", now_words(s))
            }
            Self::Revisions => match s.delegation.now_as_of {
                Some(d) => format!("every change decided after the Games, up to {d}"),
                None => "every change decided after the Games".to_owned(),
            },
            Self::AthletesBySport | Self::TeamBySex => {
                "every athlete once, non-starters included".to_owned()
            }
            Self::Ages => "age at the Games, by sex".to_owned(),
            Self::History => format!("{} Games: team size by sex and medals", d.season),
        };
        format!(
            "{} at the {} Olympics, {} · {what}",
            d.nation, d.games, d.city
        )
    }
}

fn now_words(s: &Stats) -> String {
    let as_of = s.delegation.now_as_of.map(|d| format!("as of {d}"));
    crate::stats::with_date("now", as_of)
}

impl fmt::Display for ChartId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A chart could not be drawn (a backend failure; never a data problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChartError {}

/// How a chart is framed.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Draw the title and subtitle (slides); the PDF gives its own caption instead.
    pub titles: bool,
    /// Type size relative to the design: 1 for slides, larger where the chart is printed small.
    pub type_scale: f64,
}

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

impl Rect {
    pub fn width(self) -> i32 {
        self.right - self.left
    }

    pub fn height(self) -> i32 {
        self.bottom - self.top
    }
}

/// Draws one chart on a drawing area and presents it (errors surface here, not in a Drop).
pub fn draw<DB: DrawingBackend>(
    id: ChartId,
    s: &Stats,
    area: &DrawingArea<DB, Shift>,
    options: Options,
) -> Result<(), ChartError> {
    area.fill(&WHITE).map_err(|e| ChartError(e.to_string()))?;
    let c = Canvas::new(area, options.type_scale);
    let margin = c.px(40.0);
    let mut top = margin;
    if options.titles {
        c.text(
            id.title(),
            (margin, top),
            Font::new(TITLE).bold(),
            Anchor::LeftTop,
        )?;
        top += c.line_height(Font::new(TITLE));
        let subtitle = c.fit(
            &id.subtitle(s),
            Font::new(SUBTITLE).color(MUTED),
            c.width - 2 * margin,
        );
        c.text(
            &subtitle,
            (margin, top),
            Font::new(SUBTITLE).color(MUTED),
            Anchor::LeftTop,
        )?;
        top += c.line_height(Font::new(SUBTITLE)) + c.px(24.0);
    }
    let body = Rect {
        left: margin,
        top,
        right: c.width - margin,
        bottom: c.height - margin,
    };
    id.draw_body(s, &c, body)?;
    area.present().map_err(|e| ChartError(e.to_string()))
}
