//! PDF operations, built in one place for the page writer and the chart backend: colours, text
//! runs, filled shapes and strokes. Positions are in points with y up from the bottom edge.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt,
    TextItem, WindingOrder,
};

use crate::report::metrics::Weight;

/// The fonts a page's text uses.
#[derive(Debug, Clone)]
pub struct Faces {
    pub regular: FontId,
    pub bold: FontId,
}

impl Faces {
    /// The face of `weight`.
    pub fn of(&self, weight: Weight) -> FontId {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}

/// A position or width in points, to a hundredth of a point (3.5 micrometres): what is printed
/// cannot tell, and the page's operations are a fifth shorter to write and to compress.
pub fn at(v: f32) -> Pt {
    Pt((v * 100.0).round() / 100.0)
}

/// A colour component of 0 to 255 as PDF's 0 to 1, to three decimals: every byte value stays
/// distinct and round-trips.
fn component(c: u8) -> f32 {
    (f32::from(c) / 255.0 * 1000.0).round() / 1000.0
}

/// A colour given as red, green and blue bytes.
pub fn colour((r, g, b): (u8, u8, u8)) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: component(r),
        g: component(g),
        b: component(b),
        icc_profile: None,
    })
}

/// A corner of a straight-sided shape.
pub fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: at(x), y: at(y) },
        bezier: false,
    }
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub size: f32,
    pub weight: Weight,
    pub colour: (u8, u8, u8),
}

/// A run of text with its baseline starting at (`x`, `y`).
pub fn text(faces: &Faces, (x, y): (f32, f32), run: Run, text: &str) -> [Op; 6] {
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(faces.of(run.weight)),
            size: Pt(run.size),
        },
        Op::SetFillColor {
            col: colour(run.colour),
        },
        Op::SetTextCursor {
            pos: Point { x: at(x), y: at(y) },
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        },
        Op::EndTextSection,
    ]
}

/// A run of text as `text` does it, but what the font has no glyph for is drawn as "?" (never
/// the font's empty box), with the text as written given as the run's /ActualText: a reader, a
/// search or a copy gets the real words.
pub fn text_or_stand_in(
    metrics: &crate::report::metrics::Metrics,
    faces: &Faces,
    at: (f32, f32),
    run: Run,
    text: &str,
) -> Vec<Op> {
    let missing = metrics.note_drawn(text);
    if missing.is_empty() {
        return self::text(faces, at, run, text).to_vec();
    }
    let shown: String = text
        .chars()
        .map(|c| if missing.contains(&c) { '?' } else { c })
        .collect();
    let mut actual = Vec::new();
    lopdf::encode_utf16_be(text, &mut actual);
    let properties = printpdf::xobject::DictItem::Dict {
        map: std::collections::BTreeMap::from([(
            "ActualText".to_owned(),
            printpdf::xobject::DictItem::String {
                data: actual,
                literal: false,
            },
        )]),
    };
    let mut ops = vec![Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties,
    }];
    ops.extend(self::text(faces, at, run, &shown));
    ops.push(Op::EndMarkedContent);
    ops
}

/// A shape filled with `fill`.
pub fn fill(ring: Vec<LinePoint>, fill: (u8, u8, u8)) -> [Op; 2] {
    [
        Op::SetFillColor { col: colour(fill) },
        Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points: ring }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        },
    ]
}

/// The corners of a rectangle whose bottom-left corner is (`x`, `y`).
pub fn rect(x: f32, y: f32, w: f32, h: f32) -> Vec<LinePoint> {
    vec![
        point(x, y),
        point(x + w, y),
        point(x + w, y + h),
        point(x, y + h),
    ]
}

/// The pen for the strokes that follow: colour and width in points.
pub fn pen(colour_of: (u8, u8, u8), width: f32) -> [Op; 2] {
    [
        Op::SetOutlineColor {
            col: colour(colour_of),
        },
        Op::SetOutlineThickness { pt: at(width) },
    ]
}

/// A stroke through `points`, closed back to the first or not.
pub fn stroke(points: Vec<LinePoint>, closed: bool) -> Op {
    Op::DrawLine {
        line: Line {
            points,
            is_closed: closed,
        },
    }
}
