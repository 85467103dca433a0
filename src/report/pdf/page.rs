//! One laid-out page to PDF operations: each item in drawing order, charts through the plotters
//! backend on a virtual slide canvas.

use plotters::prelude::IntoDrawingArea;
use plotters::style::RGBColor;
use printpdf::Op;

use super::backend::PdfBackend;
use super::ops::{self, Faces, Run};
use crate::charts::{self, ChartId, Options, SLIDE};
use crate::report::layout::style::CHART_TYPE_SCALE;
use crate::report::layout::{Item, Origin, Page, Pt};
use crate::report::metrics::Metrics;
use crate::stats::Stats;

/// What a page is drawn with.
pub struct Painter<'a> {
    pub stats: &'a Stats,
    pub faces: &'a Faces,
    pub metrics: &'a Metrics,
    pub page_height: Pt,
}

fn bytes(RGBColor(r, g, b): RGBColor) -> (u8, u8, u8) {
    (r, g, b)
}

impl Painter<'_> {
    /// The operations that draw `page`.
    pub fn page(&self, page: &Page) -> Result<Vec<Op>, String> {
        let mut ops = Vec::new();
        for (origin, item) in page.placed() {
            ops.extend(self.item(origin, item)?);
        }
        Ok(ops)
    }

    /// The operations that draw one item. Every item passes here with its origin: the one place
    /// where the tagged PDF will wrap what is drawn in marked content.
    fn item(&self, _origin: Origin, item: &Item) -> Result<Vec<Op>, String> {
        Ok(match item {
            Item::Text {
                x,
                y,
                size,
                weight,
                color,
                text,
            } => {
                self.metrics.note_drawn(text);
                let run = Run {
                    size: size.0,
                    weight: *weight,
                    colour: bytes(*color),
                };
                ops::text(self.faces, (x.0, y.0), run, text).to_vec()
            }
            Item::Rect { x, y, w, h, fill } => {
                ops::fill(ops::rect(x.0, y.0, w.0, h.0), bytes(*fill)).to_vec()
            }
            Item::Rule {
                from,
                to,
                width,
                color,
            } => {
                let mut ops = ops::pen(bytes(*color), width.0).to_vec();
                let points = vec![ops::point(from.0.0, from.1.0), ops::point(to.0.0, to.1.0)];
                ops.push(ops::stroke(points, false));
                ops
            }
            Item::Chart { id, x, top, w, .. } => self.chart(*id, (*x, *top), *w)?,
        })
    }

    /// A chart drawn on the slide canvas scaled to `width` points, its top-left corner at
    /// (`x`, `top`) with `top` measured down from the top edge.
    fn chart(&self, id: ChartId, (x, top): (Pt, Pt), width: Pt) -> Result<Vec<Op>, String> {
        let scale = width.0 / SLIDE.0 as f32;
        let mut ops = vec![Op::SaveGraphicsState];
        {
            // PDF's y axis points up.
            let origin = (x.0, (self.page_height - top).0);
            let area = PdfBackend::new(SLIDE, (origin, scale), self.faces, self.metrics, &mut ops)
                .into_drawing_area();
            let options = Options {
                titles: false,
                type_scale: CHART_TYPE_SCALE,
            };
            charts::draw(id, self.stats, &area, options)
                .map_err(|e| format!("cannot draw the chart {id}: {e}"))?;
        }
        ops.push(Op::RestoreGraphicsState);
        Ok(ops)
    }
}
