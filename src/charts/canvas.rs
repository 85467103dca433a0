//! The drawing helpers the chart modules share: text, legends, bars, lines on a `Canvas`, and the
//! axis steps.
//!
//! Sizes are given for the slide canvas (`SLIDE`) and scaled to the area actually drawn on, so the
//! same chart reads the same on a slide, in a PNG and in the PDF.

use plotters::coord::Shift;
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};

use super::theme::{Font, MIN_TYPE_PX, RULE, TICK, WHITE};
use super::{ChartError, SLIDE};
use crate::fonts;
use crate::text::{self, Overlong};

/// A plotters font size over the size an SVG viewer shows it at.
const SVG_SIZE_RATIO: f64 = 1.24;

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
    /// A canvas on `area`, its type `type_scale` times the designed size.
    pub fn new(area: &'a DrawingArea<DB, Shift>, type_scale: f64) -> Self {
        fonts::register();
        let (w, h) = area.dim_in_pixel();
        let scale = (f64::from(w) / f64::from(SLIDE.0)).min(f64::from(h) / f64::from(SLIDE.1));
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
        let desc = FontDesc::new(FontFamily::Name(fonts::FAMILY), self.type_size(font), style);
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

    /// The plotters size of `font` here: its design size scaled with the canvas, but never
    /// below `MIN_TYPE_PX` as shown, so that a small image (`--size 320x320`) has type that can
    /// still be read rather than a fifth of the slide's.
    fn type_size(&self, font: Font) -> f64 {
        (font.size * self.scale * self.type_scale).max(MIN_TYPE_PX * SVG_SIZE_RATIO)
    }

    /// The height of a line of text in pixels.
    pub fn line_height(&self, font: Font) -> i32 {
        (self.type_size(font) / SVG_SIZE_RATIO * 1.25).round() as i32
    }

    /// Draws `text` with its `anchor` at (`x`, `y`).
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
        text::fit(text, max, |t| self.text_width(t, font))
    }

    /// At most `n` wrapped lines; when the text needs more, the last kept line ends with an
    /// ellipsis, so nothing is cut off silently.
    pub fn wrap_lines(&self, text: &str, font: Font, max: i32, n: usize) -> Vec<String> {
        text::wrap_at_most(text, max, |t| self.text_width(t, font), n)
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

    /// Splits a text into lines no wider than `max` pixels, breaking at spaces; a word wider than
    /// that is shortened with an ellipsis.
    pub fn wrap(&self, text: &str, font: Font, max: i32) -> Vec<String> {
        text::wrap(text, max, |t| self.text_width(t, font), Overlong::Shorten)
    }

    /// A filled rectangle between two corners.
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

    /// A rectangle's outline, `width` design pixels wide.
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

    /// A line through `points`, `width` design pixels wide.
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

    /// A dashed line through `points`.
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

    /// A rectangle filled with `fill` and hatched with thin `/` lines of `color`: a slot the data
    /// does not cover.
    pub fn hatched(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        fill: RGBColor,
        color: RGBColor,
    ) -> Result<(), ChartError> {
        self.rect((x0, y0), (x1, y1), fill)?;
        let (w, h) = (x1 - x0, y1 - y0);
        let step = self.px(14.0).max(3) as usize;
        // Lines u - v = k, with u rightwards from x0 and v upwards from y1, clipped to the box.
        for k in (-h..w).step_by(step) {
            let v_start = (-k).max(0);
            let v_end = (w - k).min(h);
            if v_start >= v_end {
                continue;
            }
            self.line(
                vec![
                    (x0 + v_start + k, y1 - v_start),
                    (x0 + v_end + k, y1 - v_end),
                ],
                color,
                1.5,
            )?;
        }
        self.outline((x0, y0), (x1, y1), color, 1.0)
    }

    /// A filled circle of `radius` design pixels.
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

/// The tick step for an axis from 0 to `top` drawn `length` pixels long whose labels need `label`
/// pixels each (with the gap between): `tick_step`'s, or a coarser round step where its labels
/// would run together (small images, where the type does not shrink with the canvas).
pub fn spaced_step(top: f64, length: i32, label: i32) -> f64 {
    let mut step = tick_step(top);
    while top > 0.0 && step < top && step / top * f64::from(length) < f64::from(label) {
        let power = 10f64.powf(step.log10().floor());
        step = match (step / power).round() as u32 {
            1 => 2.0 * power,
            2 => 5.0 * power,
            _ => 10.0 * power,
        };
    }
    // At the coarsest, the axis labels its two ends (its top is a round number).
    if top > 0.0 { step.min(top) } else { step }
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
    fn ticks_are_spaced_for_their_labels() {
        // Room to spare: the usual step.
        assert_eq!(spaced_step(40.0, 1000, 30), 5.0);
        // 40 over 200 px with labels 30 px wide: every 5 would be 25 px apart.
        assert_eq!(spaced_step(40.0, 200, 30), 10.0);
        assert_eq!(spaced_step(40.0, 100, 30), 20.0);
        // Never past the top: the axis keeps 0 and its top at least.
        assert_eq!(spaced_step(40.0, 10, 30), 40.0);
    }

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
}
