//! One laid-out page to its content stream: each item in drawing order, charts through the plotters
//! backend on a virtual slide canvas.

use plotters::prelude::IntoDrawingArea;
use plotters::style::RGBColor;

use super::backend::PdfBackend;
use super::content::{Content, Run};
use crate::charts::{self, ChartId, Options, SLIDE};
use crate::report::layout::style::{ACCENT, CHART_TYPE_SCALE};
use crate::report::layout::{Item, Origin, Page, Part, Pt, Target};
use crate::report::metrics::Metrics;
use crate::stats::Stats;

/// What a page is drawn with.
pub struct Painter<'a> {
    /// The statistics the charts are drawn from; none for a document without charts.
    pub stats: Option<&'a Stats>,
    pub metrics: &'a Metrics,
    pub page_height: Pt,
}

fn bytes(RGBColor(r, g, b): RGBColor) -> (u8, u8, u8) {
    (r, g, b)
}

/// One marked-content sequence of a page: what it draws, for the structure tree.
#[derive(Debug, Clone)]
pub struct Marked {
    /// Its marked-content id on its page.
    pub mcid: i64,
    /// The block (and part of it) it draws.
    pub block: usize,
    pub part: Part,
    pub link: Option<Target>,
    /// Where it is drawn, for a link or a chart: left, bottom, right, top in points.
    pub rect: [f32; 4],
    /// The text it shows, for a link's description.
    pub text: String,
    /// A chart's alternative text.
    pub alt: Option<String>,
}

/// What a run of items is marked as: part of the structure, or an artifact.
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    Content {
        block: usize,
        part: Part,
        link: Option<Target>,
        /// A link is one line: a second line is a second link.
        line: Option<i32>,
    },
    Artifact,
}

impl Mark {
    fn of(origin: Origin, item: &Item) -> Self {
        match (origin, item) {
            (Origin::Block { index, part }, _)
                if !matches!(part, Part::Repeat | Part::Decoration) =>
            {
                let (link, line) = match item {
                    Item::Text { link, y, .. } => {
                        (link.clone(), link.as_ref().map(|_| (y.0 * 10.0) as i32))
                    }
                    _ => (None, None),
                };
                Self::Content {
                    block: index,
                    part,
                    link,
                    line,
                }
            }
            _ => Self::Artifact,
        }
    }
}

impl Painter<'_> {
    /// Draws `page` into `out`, each run of items in marked content (tagged, or an artifact),
    /// and returns what each tagged run draws.
    pub fn page(
        &self,
        page: &Page,
        tag: &dyn Fn(usize, Part) -> &'static str,
        out: &mut Content<'_>,
    ) -> Result<Vec<Marked>, String> {
        let mut marked: Vec<Marked> = Vec::new();
        let mut open: Option<Mark> = None;
        for (origin, item) in page.placed() {
            let mark = Mark::of(origin, item);
            if open.as_ref() != Some(&mark) {
                if open.is_some() {
                    out.end();
                }
                match &mark {
                    Mark::Artifact => out.begin("Artifact", None),
                    Mark::Content {
                        block, part, link, ..
                    } => {
                        let mcid = marked.len();
                        let name = if link.is_some() {
                            "Link"
                        } else {
                            tag(*block, *part)
                        };
                        out.begin(name, Some(mcid));
                        marked.push(Marked {
                            mcid: mcid as i64,
                            block: *block,
                            part: *part,
                            link: link.clone(),
                            rect: [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
                            text: String::new(),
                            alt: None,
                        });
                    }
                }
                open = Some(mark.clone());
            }
            if let (Mark::Content { .. }, Some(last)) = (&mark, marked.last_mut()) {
                self.note(item, last);
            }
            self.item(item, out)?;
        }
        if open.is_some() {
            out.end();
        }
        Ok(marked)
    }

    /// Adds what `item` draws to the run it belongs to, where the structure needs it: a link's
    /// box and words (its annotation), a chart's box and description (its Figure). Other text
    /// needs neither, and is not measured again.
    fn note(&self, item: &Item, run: &mut Marked) {
        let rect = match item {
            Item::Text { .. } if run.link.is_none() => return,
            Item::Text {
                x,
                y,
                size,
                weight,
                text,
                ..
            } => {
                let w = self.metrics.width(text, size.0, *weight);
                // The words of a link describe where it leads.
                if !run.text.is_empty() {
                    run.text.push(' ');
                }
                run.text.push_str(text);
                [x.0, y.0 - 0.25 * size.0, x.0 + w, y.0 + 0.9 * size.0]
            }
            Item::Chart { id, x, top, w, h } => {
                run.alt = self.stats.map(|s| charts::alt(*id, s));
                let bottom = self.page_height - *top - *h;
                [x.0, bottom.0, (*x + *w).0, (self.page_height - *top).0]
            }
            Item::Rect { x, y, w, h, .. } => [x.0, y.0, (*x + *w).0, (*y + *h).0],
            Item::Rule { from, to, .. } => [from.0.0, from.1.0, to.0.0, to.1.0],
        };
        run.rect = [
            run.rect[0].min(rect[0]),
            run.rect[1].min(rect[1]),
            run.rect[2].max(rect[2]),
            run.rect[3].max(rect[3]),
        ];
    }

    /// Draws one item.
    fn item(&self, item: &Item, out: &mut Content<'_>) -> Result<(), String> {
        match item {
            Item::Text {
                x,
                y,
                size,
                weight,
                color,
                text,
                link,
            } => {
                // A link is set in the accent colour, so that it can be seen to be one.
                let color = if link.is_some() { &ACCENT } else { color };
                let run = Run {
                    size: size.0,
                    weight: *weight,
                    colour: bytes(*color),
                };
                out.text((x.0, y.0), run, text);
            }
            Item::Rect { x, y, w, h, fill } => out.rect((x.0, y.0), (w.0, h.0), bytes(*fill)),
            Item::Rule {
                from,
                to,
                width,
                color,
            } => {
                out.pen(bytes(*color), width.0);
                out.stroke(&[(from.0.0, from.1.0), (to.0.0, to.1.0)], false);
            }
            Item::Chart { id, x, top, w, .. } => self.chart(*id, (*x, *top), *w, out)?,
        }
        Ok(())
    }

    /// A chart drawn on the slide canvas scaled to `width` points, its top-left corner at
    /// (`x`, `top`) with `top` measured down from the top edge.
    fn chart(
        &self,
        id: ChartId,
        (x, top): (Pt, Pt),
        width: Pt,
        out: &mut Content<'_>,
    ) -> Result<(), String> {
        let Some(stats) = self.stats else {
            return Err(format!("no statistics to draw the chart {id} from"));
        };
        let scale = width.0 / SLIDE.0 as f32;
        out.save();
        {
            // PDF's y axis points up.
            let origin = (x.0, (self.page_height - top).0);
            let area =
                PdfBackend::new(SLIDE, (origin, scale), self.metrics, out).into_drawing_area();
            let options = Options {
                titles: false,
                type_scale: CHART_TYPE_SCALE,
            };
            charts::draw(id, stats, &area, options)
                .map_err(|e| format!("cannot draw the chart {id}: {e}"))?;
        }
        out.restore();
        Ok(())
    }
}
