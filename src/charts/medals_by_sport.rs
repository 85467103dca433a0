//! Chart 1: medals by sport, stacked gold/silver/bronze, as awarded beside now.

use plotters::prelude::DrawingBackend;

use super::bars::{self, Bar, Group};
use super::style::{Canvas, MEDAL_LEGEND, medal_segments};
use super::{ChartError, Rect};
use crate::stats::{MedalCount, MedalView, Stats};

pub fn absent(s: &Stats) -> Option<String> {
    (s.awarded.totals.total + s.now.totals.total == 0)
        .then(|| "no medals, as awarded or now".to_owned())
}

fn in_sport(view: &MedalView, sport: &str) -> MedalCount {
    view.by_sport
        .iter()
        .find(|m| m.sport == sport)
        .map_or_else(MedalCount::default, |m| m.medals)
}

fn medal_bar(m: MedalCount, tag: &str) -> Bar {
    Bar {
        segments: medal_segments(m),
        tag: Some(tag.to_owned()),
    }
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let mut sports: Vec<&str> = s
        .awarded
        .by_sport
        .iter()
        .chain(&s.now.by_sport)
        .map(|m| m.sport.as_str())
        .collect();
    sports.sort_unstable();
    sports.dedup();
    // Best first by medals as awarded, then by medals now, then by name.
    sports.sort_by(|a, b| {
        let key = |sport| {
            (
                in_sport(&s.awarded, sport).as_array(),
                in_sport(&s.now, sport).as_array(),
            )
        };
        key(b).cmp(&key(a)).then(a.cmp(b))
    });
    let groups: Vec<Group> = sports
        .iter()
        .map(|sport| Group {
            label: (*sport).to_owned(),
            bars: vec![
                medal_bar(in_sport(&s.awarded, sport), "as awarded"),
                medal_bar(in_sport(&s.now, sport), "now"),
            ],
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
