//! Chart 1: medals by sport, stacked gold/silver/bronze, as awarded beside now.

use plotters::prelude::DrawingBackend;

use super::bars::{self, Bar, Group};
use super::canvas::Canvas;
use super::theme::{MEDAL_LEGEND, medal_segments};
use super::{ChartError, Rect};
use crate::stats::{MedalCount, Stats};

pub fn absent(s: &Stats) -> Option<String> {
    s.views().iter().all(|v| v.totals.total == 0).then(|| {
        if s.now.is_some() {
            "no medals, as awarded or now".to_owned()
        } else {
            "no medals".to_owned()
        }
    })
}

fn medal_bar(m: MedalCount, tag: Option<&str>) -> Bar {
    Bar {
        segments: medal_segments(m),
        tag: tag.map(str::to_owned),
    }
}

/// The sports with a medal in any view, in the chart's order: best first by medals as awarded,
/// then by medals now, then by name. The chart's alternative text reads them in the same order.
pub(super) fn sports_in_order(s: &Stats) -> Vec<&str> {
    let mut sports = s.medal_sports();
    let views = s.views();
    sports.sort_by(|a, b| {
        let key = |sport| {
            views
                .iter()
                .map(|v| v.in_sport(sport).as_array())
                .collect::<Vec<_>>()
        };
        key(b).cmp(&key(a)).then(a.cmp(b))
    });
    sports
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let sports = sports_in_order(s);
    let views = s.views();
    let groups: Vec<Group> = sports
        .iter()
        .map(|sport| Group {
            label: (*sport).to_owned(),
            // With one view, its name on every bar would say nothing.
            bars: views
                .iter()
                .map(|view| {
                    medal_bar(
                        view.in_sport(sport),
                        (views.len() > 1).then_some(view.label()),
                    )
                })
                .collect(),
            short_label: None,
            highlight: false,
        })
        .collect();
    let y = body.top + c.px(14.0);
    c.legend(&MEDAL_LEGEND, (body.left, y))?;
    let area = Rect {
        top: body.top + c.px(50.0),
        ..body
    };
    bars::horizontal(c, area, &groups, "medals", None)
}
