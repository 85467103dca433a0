//! A plotters drawing backend that writes PDF operations into a page's content stream, so the chart modules draw into the
//! PDF as vector graphics with real, selectable text in the embedded font.
//!
//! The chart is drawn on a virtual canvas of `size` pixels, mapped onto a rectangle of the page:
//! `origin` is the top-left corner in points (PDF's y axis points up), `scale` points per pixel.
//! Text is placed the way the SVG backend places it (same font size ratio and anchor offsets), so
//! a chart in the PDF looks like its slide.

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

use super::content::{Content, Run};
use crate::report::metrics::{Metrics, Weight};

/// plotters' SVG backend writes a font size of size / 1.24; the PDF does the same.
const SIZE_RATIO: f32 = 1.24;
/// x-height of Liberation Sans as a share of the em (1082 / 2048), for centred text.
const X_HEIGHT: f32 = 0.528;

/// Draws one chart into a page's content.
#[derive(Debug)]
pub struct PdfBackend<'a, 'm> {
    size: (u32, u32),
    origin: (f32, f32),
    scale: f32,
    metrics: &'a Metrics,
    out: &'a mut Content<'m>,
}

impl<'a, 'm> PdfBackend<'a, 'm> {
    /// A canvas of `size` pixels drawn at `origin` (top left, in points) with `scale` points per
    /// pixel, into `out`.
    pub fn new(
        size: (u32, u32),
        (origin, scale): ((f32, f32), f32),
        metrics: &'a Metrics,
        out: &'a mut Content<'m>,
    ) -> Self {
        Self {
            size,
            origin,
            scale,
            metrics,
            out,
        }
    }

    fn point(&self, (x, y): BackendCoord) -> (f32, f32) {
        (
            self.origin.0 + x as f32 * self.scale,
            self.origin.1 - y as f32 * self.scale,
        )
    }

    fn points(&self, points: impl IntoIterator<Item = BackendCoord>) -> Vec<(f32, f32)> {
        points.into_iter().map(|p| self.point(p)).collect()
    }

    fn pen(&mut self, color: BackendColor, width: u32) {
        self.out.pen(color.rgb, width.max(1) as f32 * self.scale);
    }

    /// A closed shape, filled or outlined.
    fn paint(&mut self, ring: &[(f32, f32)], color: BackendColor, width: u32, fill: bool) {
        if fill {
            self.out.fill(ring, color.rgb);
        } else {
            self.pen(color, width);
            self.out.stroke(ring, true);
        }
    }
}

fn invisible(c: BackendColor) -> bool {
    c.alpha <= 0.0
}

impl DrawingBackend for PdfBackend<'_, '_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if !invisible(color) {
            let (x, y) = point;
            let ring = self.points([(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]);
            self.out.fill(&ring, color.rgb);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if invisible(color) {
            return Ok(());
        }
        let ring = self.points([ul, (br.0, ul.1), br, (ul.0, br.1)]);
        self.paint(&ring, color, style.stroke_width(), fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if invisible(color) {
            return Ok(());
        }
        let points = self.points(path);
        if points.len() >= 2 {
            self.pen(color, style.stroke_width());
            self.out.stroke(&points, false);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if invisible(color) {
            return Ok(());
        }
        let r = radius as f32 * self.scale;
        if fill {
            self.out.circle(self.point(center), r, Some(color.rgb));
        } else {
            self.pen(color, style.stroke_width());
            self.out.circle(self.point(center), r, None);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !invisible(color) {
            let ring = self.points(vert);
            self.out.fill(&ring, color.rgb);
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if invisible(color) || text.is_empty() {
            return Ok(());
        }
        let weight = if matches!(style.style(), FontStyle::Bold) {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let size = style.size() as f32 / SIZE_RATIO * self.scale;
        let width = self.metrics.width(text, size, weight);
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        // The SVG backend's dy: 0.76em below the top, half an x-height, or half an x-height up.
        let dy = match anchor.v_pos {
            VPos::Top => 0.76 * size,
            VPos::Center => 0.5 * X_HEIGHT * size,
            VPos::Bottom => -0.5 * X_HEIGHT * size,
        };
        let (x, y) = self.point(pos);
        let run = Run {
            size,
            weight,
            colour: color.rgb,
        };
        self.out.text((x + dx, y - dy), run, text);
        Ok(())
    }
}
