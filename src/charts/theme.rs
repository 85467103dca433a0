//! The palette and type scale: every colour of the charts and of the printed page named once,
//! and the type sizes of the slide canvas.

use plotters::style::RGBColor;

use crate::model::Medal;

/// Gold, silver and bronze, chosen to read as such and to stay apart in greyscale
/// (luminance about 155, 215 and 100).
pub const GOLD: RGBColor = RGBColor(0xC9, 0x9A, 0x1E);
/// Silver.
pub const SILVER: RGBColor = RGBColor(0xD5, 0xD8, 0xDC);
/// Bronze.
pub const BRONZE: RGBColor = RGBColor(0x8C, 0x55, 0x2A);
/// Men and women: Okabe-Ito blue and orange, distinct for colour-blind readers and in greyscale
/// (luminance about 95 and 165).
pub const MEN: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Women.
pub const WOMEN: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Text, secondary text, rules, grid, highlight.
pub const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Secondary text: notes, axis labels.
pub const MUTED: RGBColor = RGBColor(0x5F, 0x63, 0x68);
/// Edges of bars and swatches in a chart.
pub const RULE: RGBColor = RGBColor(0x9A, 0x9E, 0xA3);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xE3, 0xE5, 0xE8);
/// The highlight behind the delegation's own row or Games.
pub const HIGHLIGHT: RGBColor = RGBColor(0xFF, 0xF2, 0xCC);
/// The background.
pub const WHITE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// The "now" line and other single-series marks.
pub const ACCENT: RGBColor = RGBColor(0x1F, 0x4E, 0x79);

/// The printed page's rules (header, footer, the foot of a table): lighter than a chart's `RULE`,
/// since they cross the whole page.
pub const PAGE_RULE: RGBColor = RGBColor(0xB5, 0xB9, 0xBE);
/// Every second row of a table.
pub const STRIPE: RGBColor = RGBColor(0xF3, 0xF4, 0xF6);
/// The background of a key figure.
pub const PANEL: RGBColor = RGBColor(0xEE, 0xF2, 0xF7);

/// The colour of a medal.
pub fn medal_colour(m: Medal) -> RGBColor {
    match m {
        Medal::Gold => GOLD,
        Medal::Silver => SILVER,
        Medal::Bronze => BRONZE,
    }
}

/// Gold, silver and bronze counts as stacked segments, gold first.
pub fn medal_segments(m: crate::stats::MedalCount) -> Vec<(u32, RGBColor)> {
    vec![(m.gold, GOLD), (m.silver, SILVER), (m.bronze, BRONZE)]
}

/// The gold, silver and bronze legend.
pub const MEDAL_LEGEND: [(RGBColor, &str); 3] =
    [(GOLD, "gold"), (SILVER, "silver"), (BRONZE, "bronze")];

/// An edge that shows against white: the colour itself, or grey for pale colours.
pub fn edge_for(colour: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = colour;
    let luminance = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    if luminance > 180.0 { MUTED } else { colour }
}

/// A pale version of a colour: `share` of it over white.
pub fn tint(RGBColor(r, g, b): RGBColor, share: f64) -> RGBColor {
    let mix = |v: u8| (f64::from(v) * share + 255.0 * (1.0 - share)).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}

/// Text that stays readable on a fill.
pub fn ink_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let luminance = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    if luminance > 140.0 { INK } else { WHITE }
}

/// Type sizes on the slide canvas, `super::SLIDE` (plotters sizes: SVG shows them at 1/1.24).
/// A chart's title.
pub const TITLE: f64 = 52.0;
/// A chart's subtitle.
pub const SUBTITLE: f64 = 32.0;
/// Labels of bars and groups.
pub const LABEL: f64 = 30.0;
/// Axis ticks and legends.
pub const TICK: f64 = 27.0;
/// Notes under a chart.
pub const NOTE: f64 = 25.0;

/// The smallest type a chart draws, in pixels as shown, however small the image: on a small
/// `--size` the type stops shrinking with the canvas here (9 px is about the least that reads on
/// a screen; at 320x320 the slide's notes would be 4 px).
pub const MIN_TYPE_PX: f64 = 9.0;

/// A font: size on the design canvas, weight, colour.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
}

impl Font {
    /// Regular ink type of `size`.
    pub const fn new(size: f64) -> Self {
        Self {
            size,
            bold: false,
            color: INK,
        }
    }

    /// The same in bold.
    pub const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// The same in `color`.
    pub const fn color(self, color: RGBColor) -> Self {
        Self { color, ..self }
    }

    /// The same at `size`.
    pub fn sized(self, size: f64) -> Self {
        Self { size, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medal_colours_stay_apart_in_greyscale() {
        let lum = |RGBColor(r, g, b): RGBColor| {
            0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)
        };
        let (g, s, b) = (lum(GOLD), lum(SILVER), lum(BRONZE));
        assert!(s - g > 40.0 && g - b > 40.0, "{g} {s} {b}");
        assert!(lum(WOMEN) - lum(MEN) > 40.0);
    }
}
