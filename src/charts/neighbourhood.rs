//! Chart 8: the nations ranked around this one in the all-nation medal table, as awarded and now.

use plotters::prelude::DrawingBackend;

use super::bars::{self, Bar, Group};
use super::canvas::{Anchor, Canvas};
use super::theme::{Font, LABEL, MEDAL_LEGEND, medal_segments};
use super::{ChartError, Rect};
use crate::model::View;
use crate::stats::{MedalView, Stats};

/// Nations shown on each side of this one.
const AROUND: usize = 4;

pub fn absent(s: &Stats) -> Option<String> {
    s.views().iter().all(|v| v.rank.is_none())
        .then(|| "the nation is not ranked in an all-nation medal table (no table in the data, or no medals)".to_owned())
}

fn groups(view: &MedalView) -> Vec<Group> {
    let Some(at) = view.table.iter().position(|t| t.this) else {
        return Vec::new();
    };
    let from = at.saturating_sub(AROUND);
    let to = (at + AROUND + 1).min(view.table.len());
    view.table[from..to]
        .iter()
        .map(|t| Group {
            label: format!("{}  {}", t.rank.display, t.nation),
            short_label: Some(format!("{}  {}", t.rank.display, t.noc)),
            bars: vec![Bar {
                segments: medal_segments(t.medals),
                tag: None,
            }],
            highlight: t.this,
        })
        .collect()
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let title = |v: &MedalView| match v.view {
        View::Awarded => "As awarded".to_owned(),
        View::Now => {
            let as_of = s
                .delegation
                .table_as_of()
                .map(|d| format!("table as of {d}"));
            crate::stats::with_date("Now", as_of)
        }
    };
    // One panel per view the statistics hold (a view without a table has nothing to show).
    let panels: Vec<(String, Vec<Group>)> = s
        .views()
        .into_iter()
        .map(|v| (title(v), groups(v)))
        .filter(|(_, g)| !g.is_empty())
        .collect();
    let max = panels
        .iter()
        .flat_map(|(_, g)| g)
        .flat_map(|g| &g.bars)
        .map(Bar::total)
        .max()
        .unwrap_or(0);
    c.legend(&MEDAL_LEGEND, (body.left, body.top + c.px(14.0)))?;
    let top = body.top + c.px(60.0);
    let gap = c.px(60.0);
    let width = (body.width() - gap * (panels.len() as i32 - 1)) / panels.len().max(1) as i32;
    for (i, (title, groups)) in panels.iter().enumerate() {
        let left = body.left + i as i32 * (width + gap);
        let heading = Font::new(LABEL).bold();
        c.text(title, (left, top), heading, Anchor::LeftTop)?;
        let area = Rect {
            left,
            top: top + c.line_height(heading) + c.px(14.0),
            right: left + width,
            bottom: body.bottom,
        };
        bars::horizontal(c, area, groups, "medals (ranked gold first)", Some(max))?;
    }
    Ok(())
}
