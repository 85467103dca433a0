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

/// A colour given as red, green and blue bytes.
pub fn colour((r, g, b): (u8, u8, u8)) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

/// A corner of a straight-sided shape.
pub fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
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
            pos: Point { x: Pt(x), y: Pt(y) },
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        },
        Op::EndTextSection,
    ]
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
        Op::SetOutlineThickness { pt: Pt(width) },
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
