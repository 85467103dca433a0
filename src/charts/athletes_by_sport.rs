//! Chart 4: athletes by sport and sex, largest sport first, with counts on the bars.

use plotters::prelude::DrawingBackend;

use super::bars::{self, Bar, Group};
use super::canvas::Canvas;
use super::theme::{MEN, WOMEN};
use super::{ChartError, Rect};
use crate::stats::Stats;

pub fn absent(s: &Stats) -> Option<String> {
    s.team
        .by_sport
        .is_empty()
        .then(|| "no athletes with an entry".to_owned())
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    // by_sport is already largest first, ties by name.
    let groups: Vec<Group> = s
        .team
        .by_sport
        .iter()
        .map(|t| Group {
            label: t.sport.clone(),
            bars: vec![Bar {
                segments: vec![(t.men, MEN), (t.women, WOMEN)],
                tag: None,
            }],
            short_label: None,
            highlight: false,
        })
        .collect();
    let men = format!("men ({})", s.team.men);
    let women = format!("women ({})", s.team.women);
    c.legend(
        &[(MEN, &men), (WOMEN, &women)],
        (body.left, body.top + c.px(14.0)),
    )?;
    let area = Rect {
        top: body.top + c.px(50.0),
        ..body
    };
    bars::horizontal(c, area, &groups, "athletes", None)
}
