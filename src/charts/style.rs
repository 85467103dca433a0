//! The look of every chart: palette, type sizes, and the drawing helpers the chart modules share.
//!
//! Sizes are given for a 1600 x 900 canvas and scaled to the area actually drawn on, so the same
//! chart reads the same on a slide, in a PNG and in the PDF.

use plotters::coord::Shift;
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};

use super::ChartError;
use crate::fonts;
use crate::model::Medal;

/// Gold, silver and bronze, chosen to read as such and to stay apart in greyscale
/// (luminance about 155, 215 and 100).
pub const GOLD: RGBColor = RGBColor(0xC9, 0x9A, 0x1E);
pub const SILVER: RGBColor = RGBColor(0xD5, 0xD8, 0xDC);
pub const BRONZE: RGBColor = RGBColor(0x8C, 0x55, 0x2A);
/// Men and women: Okabe-Ito blue and orange, distinct for colour-blind readers and in greyscale
/// (luminance about 95 and 165).
pub const MEN: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub const WOMEN: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Text, secondary text, rules, grid, highlight.
pub const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
pub const MUTED: RGBColor = RGBColor(0x5F, 0x63, 0x68);
pub const RULE: RGBColor = RGBColor(0x9A, 0x9E, 0xA3);
pub const GRID: RGBColor = RGBColor(0xE3, 0xE5, 0xE8);
pub const HIGHLIGHT: RGBColor = RGBColor(0xFF, 0xF2, 0xCC);
pub const WHITE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// The "now" line and other single-series marks.
pub const ACCENT: RGBColor = RGBColor(0x1F, 0x4E, 0x79);

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

/// Type sizes on the 1600 x 900 design canvas (plotters sizes: SVG shows them at 1/1.24).
pub const TITLE: f64 = 52.0;
pub const SUBTITLE: f64 = 32.0;
pub const LABEL: f64 = 30.0;
pub const TICK: f64 = 27.0;
pub const NOTE: f64 = 25.0;

/// A font: size on the design canvas, weight, colour.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
}

impl Font {
    pub const fn new(size: f64) -> Self {
        Self {
            size,
            bold: false,
            color: INK,
        }
    }

    pub const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    pub const fn color(self, color: RGBColor) -> Self {
        Self { color, ..self }
    }

    pub fn sized(self, size: f64) -> Self {
        Self { size, ..self }
    }
}

/// Where a text's anchor point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    LeftTop,
    LeftMiddle,
    CenterTop,
    CenterMiddle,
    CenterBottom,
    RightMiddle,
    RightTop,
}

impl Anchor {
    fn pos(self) -> Pos {
        let (h, v) = match self {
            Self::LeftTop => (HPos::Left, VPos::Top),
            Self::LeftMiddle => (HPos::Left, VPos::Center),
            Self::CenterTop => (HPos::Center, VPos::Top),
            Self::CenterMiddle => (HPos::Center, VPos::Center),
            Self::CenterBottom => (HPos::Center, VPos::Bottom),
            Self::RightMiddle => (HPos::Right, VPos::Center),
            Self::RightTop => (HPos::Right, VPos::Top),
        };
        Pos::new(h, v)
    }
}

/// A drawing area with the chart's scale: every helper takes design sizes and pixel positions.
pub struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    /// Design pixels to real pixels.
    pub scale: f64,
    /// Type is drawn this much larger than designed (the PDF prints charts small).
    type_scale: f64,
    pub width: i32,
    pub height: i32,
}

impl<DB: DrawingBackend> std::fmt::Debug for Canvas<'_, DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Canvas")
            .field("scale", &self.scale)
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

fn fail<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError(e.to_string())
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, type_scale: f64) -> Self {
        fonts::register();
        let (w, h) = area.dim_in_pixel();
        let scale = (f64::from(w) / 1600.0).min(f64::from(h) / 900.0);
        Self {
            area,
            scale,
            type_scale,
            width: w as i32,
            height: h as i32,
        }
    }

    /// A design length in pixels.
    pub fn px(&self, design: f64) -> i32 {
        (design * self.scale).round() as i32
    }

    fn style(&self, font: Font, anchor: Anchor) -> TextStyle<'static> {
        let style = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let desc = FontDesc::new(
            FontFamily::Name(fonts::FAMILY),
            font.size * self.scale * self.type_scale,
            style,
        );
        TextStyle {
            font: desc,
            color: font.color.to_backend_color(),
            pos: anchor.pos(),
        }
    }

    /// The width in pixels the text takes (measured with the shipped font).
    pub fn text_width(&self, text: &str, font: Font) -> i32 {
        self.area
            .estimate_text_size(text, &self.style(font, Anchor::LeftTop))
            .map_or(0, |(w, _)| w as i32)
    }

    /// The height of a line of text in pixels.
    pub fn line_height(&self, font: Font) -> i32 {
        (font.size * self.scale * self.type_scale / 1.24 * 1.25).round() as i32
    }

    pub fn text(
        &self,
        text: &str,
        (x, y): (i32, i32),
        font: Font,
        anchor: Anchor,
    ) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        self.area
            .draw_text(text, &self.style(font, anchor), (x, y))
            .map_err(fail)
    }

    /// A text shortened with an ellipsis to fit `max` pixels.
    pub fn fit(&self, text: &str, font: Font, max: i32) -> String {
        if self.text_width(text, font) <= max {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        for keep in (1..chars.len()).rev() {
            let candidate: String = chars[..keep]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_owned()
                + "…";
            if self.text_width(&candidate, font) <= max {
                return candidate;
            }
        }
        "…".to_owned()
    }

    /// At most `n` wrapped lines; when the text needs more, the last kept line ends with an
    /// ellipsis, so nothing is cut off silently.
    pub fn wrap_lines(&self, text: &str, font: Font, max: i32, n: usize) -> Vec<String> {
        let mut lines = self.wrap(text, font, max);
        if lines.len() > n && n > 0 {
            let rest = lines[n - 1..].join(" ");
            lines.truncate(n - 1);
            let last = self.fit(&format!("{rest}…"), font, max);
            // `fit` keeps the ellipsis only when it shortens; make sure one is there.
            lines.push(if last.ends_with('…') {
                last
            } else {
                self.fit(&format!("{}…", rest.trim_end()), font, max)
            });
        }
        lines
    }

    /// Text on a white box, for labels that a line may cross.
    pub fn boxed(
        &self,
        text: &str,
        (x, y): (i32, i32),
        font: Font,
        anchor: Anchor,
    ) -> Result<(), ChartError> {
        let w = self.text_width(text, font);
        let h = self.line_height(font);
        let left = match anchor {
            Anchor::LeftTop | Anchor::LeftMiddle => x,
            Anchor::CenterTop | Anchor::CenterMiddle | Anchor::CenterBottom => x - w / 2,
            Anchor::RightMiddle | Anchor::RightTop => x - w,
        };
        let top = match anchor {
            Anchor::LeftTop | Anchor::CenterTop | Anchor::RightTop => y,
            Anchor::LeftMiddle | Anchor::CenterMiddle | Anchor::RightMiddle => y - h / 2,
            Anchor::CenterBottom => y - h,
        };
        let pad = self.px(3.0);
        self.rect((left - pad, top), (left + w + pad, top + h), WHITE)?;
        self.text(text, (x, y), font, anchor)
    }

    /// Splits a text into lines no wider than `max` pixels, breaking at spaces.
    pub fn wrap(&self, text: &str, font: Font, max: i32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.text_width(&candidate, font) <= max || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines.into_iter().map(|l| self.fit(&l, font, max)).collect()
    }

    pub fn rect(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        fill: RGBColor,
    ) -> Result<(), ChartError> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))
            .map_err(fail)
    }

    pub fn outline(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        color: RGBColor,
        width: f64,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle::from(color).stroke_width(self.px(width).max(1) as u32);
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], style))
            .map_err(fail)
    }

    /// A filled rectangle with a thin darker edge, so light fills (silver) stand off the page.
    pub fn bar(&self, from: (i32, i32), to: (i32, i32), fill: RGBColor) -> Result<(), ChartError> {
        self.rect(from, to, fill)?;
        self.outline(from, to, RULE, 1.0)
    }

    pub fn line(
        &self,
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: f64,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle::from(color).stroke_width(self.px(width).max(1) as u32);
        self.area
            .draw(&PathElement::new(points, style))
            .map_err(fail)
    }

    pub fn dashed(
        &self,
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: f64,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle::from(color).stroke_width(self.px(width).max(1) as u32);
        let (dash, gap) = (self.px(10.0).max(2), self.px(7.0).max(2));
        self.area
            .draw(&DashedPathElement::new(points, dash, gap, style))
            .map_err(fail)
    }

    pub fn dot(&self, center: (i32, i32), radius: f64, fill: RGBColor) -> Result<(), ChartError> {
        self.area
            .draw(&Circle::new(center, self.px(radius).max(2), fill.filled()))
            .map_err(fail)
    }

    /// A row of legend items (swatch and label) starting at `x`, centred on `y`; returns its width.
    pub fn legend(
        &self,
        items: &[(RGBColor, &str)],
        (x, y): (i32, i32),
    ) -> Result<i32, ChartError> {
        let font = Font::new(TICK);
        let swatch = self.px(24.0);
        let mut cursor = x;
        for (colour, label) in items {
            self.bar(
                (cursor, y - swatch / 2),
                (cursor + swatch, y + swatch / 2),
                *colour,
            )?;
            cursor += swatch + self.px(10.0);
            self.text(label, (cursor, y), font, Anchor::LeftMiddle)?;
            cursor += self.text_width(label, font) + self.px(32.0);
        }
        Ok(cursor - x - self.px(32.0))
    }

    /// The width a legend will take.
    pub fn legend_width(&self, items: &[(RGBColor, &str)]) -> i32 {
        let font = Font::new(TICK);
        items
            .iter()
            .map(|(_, label)| {
                self.px(24.0) + self.px(10.0) + self.text_width(label, font) + self.px(32.0)
            })
            .sum::<i32>()
            - self.px(32.0)
    }
}

/// Tick step for an axis from 0 to `max`: 1, 2 or 5 times a power of ten, at most about 8 ticks.
pub fn tick_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let rough = max / 8.0;
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= rough)
        .unwrap_or(10.0 * power)
        .max(1.0)
}

/// The axis maximum: `max` rounded up to a whole number of steps (never zero).
pub fn axis_max(max: f64) -> f64 {
    let step = tick_step(max);
    ((max / step).ceil() * step).max(step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(tick_step(13.0), 2.0);
        assert_eq!(tick_step(4.0), 1.0);
        assert_eq!(tick_step(115.0), 20.0);
        assert_eq!(tick_step(0.0), 1.0);
        assert_eq!(axis_max(13.0), 14.0);
        assert_eq!(axis_max(25.0), 25.0);
        assert_eq!(axis_max(26.0), 30.0);
        assert_eq!(axis_max(0.0), 1.0);
    }

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
