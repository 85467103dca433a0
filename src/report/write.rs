//! Laid-out pages to PDF bytes: text in the embedded, subsetted fonts; charts through the plotters
//! backend; header and footer; the outline; metadata. Never touches a file.
//!
//! Reproducibility: printpdf draws its internal ids from a process-wide counter, so a second
//! document in one process would get other ids. Every id that reaches the file is set here from
//! the document's own content instead: the font ids (which also make the subset tags), the
//! bookmark ids, and the trailer /ID, a hash of the finished file. Dates come from the caller.

use lopdf::Object;
use plotters::prelude::IntoDrawingArea;
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PageAnnotId, PageAnnotation, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem,
    WindingOrder,
};

use super::backend::{Faces, PdfBackend};
use super::layout::{Geometry, INK, Item, Laid, MUTED, RULE, Rgb};
use super::metrics::{Metrics, Weight};
use crate::charts::{self, Options};
use crate::fonts;
use crate::stats::Stats;

/// Document metadata.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub creator: String,
    /// BCP 47 tag for the catalog's /Lang.
    pub language: String,
    /// Seconds since 1970 for the creation and modification dates.
    pub date: i64,
    /// The running header, on every page but the cover.
    pub header: String,
    /// The left side of the footer.
    pub footer: String,
}

/// Virtual canvas of a chart in the PDF: the slide size, so the charts match the SVGs.
const CHART_PIXELS: (u32, u32) = (1600, 900);
/// Type in the PDF's charts, relative to the slides.
const CHART_TYPE_SCALE: f64 = 1.35;

fn color([r, g, b]: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn text_ops(
    faces: &Faces,
    x: f32,
    y: f32,
    size: f32,
    weight: Weight,
    rgb: Rgb,
    text: &str,
) -> [Op; 6] {
    let font = match weight {
        Weight::Regular => faces.regular.clone(),
        Weight::Bold => faces.bold.clone(),
    };
    [
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(size),
        },
        Op::SetFillColor { col: color(rgb) },
        Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        },
        Op::EndTextSection,
    ]
}

fn item_ops(
    item: &Item,
    s: &Stats,
    faces: &Faces,
    m: &Metrics,
    page_height: f32,
) -> Result<Vec<Op>, String> {
    Ok(match item {
        Item::Text {
            x,
            y,
            size,
            weight,
            color: rgb,
            text,
        } => {
            m.note_drawn(text);
            text_ops(faces, *x, *y, *size, *weight, *rgb, text).to_vec()
        }
        Item::Rect { x, y, w, h, fill } => vec![
            Op::SetFillColor { col: color(*fill) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing {
                        points: vec![
                            point(*x, *y),
                            point(x + w, *y),
                            point(x + w, y + h),
                            point(*x, y + h),
                        ],
                    }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ],
        Item::Rule {
            from,
            to,
            width,
            color: rgb,
        } => vec![
            Op::SetOutlineColor { col: color(*rgb) },
            Op::SetOutlineThickness { pt: Pt(*width) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(from.0, from.1), point(to.0, to.1)],
                    is_closed: false,
                },
            },
        ],
        Item::Chart {
            id,
            x,
            top,
            w,
            h: _,
        } => {
            let scale = w / CHART_PIXELS.0 as f32;
            let mut ops = vec![Op::SaveGraphicsState];
            {
                // The layout measures `top` down from the top edge; PDF's y axis points up.
                let origin = (*x, page_height - top);
                let area = PdfBackend::new(CHART_PIXELS, (origin, scale), faces, m, &mut ops)
                    .into_drawing_area();
                // A 1600-pixel chart across a 17 cm column: type a third larger stays legible.
                charts::draw(
                    *id,
                    s,
                    &area,
                    Options {
                        titles: false,
                        type_scale: CHART_TYPE_SCALE,
                    },
                )
                .map_err(|e| format!("cannot draw the chart {id}: {e}"))?;
            }
            ops.push(Op::RestoreGraphicsState);
            ops
        }
    })
}

/// Drops operations that set what is already set: a text run repeats its font and colour, a
/// chart its line width. Fewer bytes to write and to compress; the page looks the same.
fn prune_state(ops: Vec<Op>) -> Vec<Op> {
    #[derive(Clone, Default)]
    struct State {
        font: Option<(PdfFontHandle, Pt)>,
        fill: Option<Color>,
        outline: Option<Color>,
        thickness: Option<Pt>,
    }
    let mut state = State::default();
    let mut saved: Vec<State> = Vec::new();
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        let keep = match &op {
            Op::SetFont { font, size } => {
                state.font.replace((font.clone(), *size)) != Some((font.clone(), *size))
            }
            Op::SetFillColor { col } => state.fill.replace(col.clone()).as_ref() != Some(col),
            Op::SetOutlineColor { col } => state.outline.replace(col.clone()).as_ref() != Some(col),
            Op::SetOutlineThickness { pt } => state.thickness.replace(*pt) != Some(*pt),
            Op::SaveGraphicsState => {
                saved.push(state.clone());
                true
            }
            Op::RestoreGraphicsState => {
                state = saved.pop().unwrap_or_default();
                // PDF restores the font with the rest of the state, but printpdf encodes text for
                // the last font it was told of: always name the font again after a restore.
                state.font = None;
                true
            }
            _ => true,
        };
        if keep {
            out.push(op);
        }
    }
    out
}

/// The zlib level for streams. Measured on the default briefing: level 1 gives 106 KB, level 3
/// 100 KB, level 9 96 KB; level 1 compresses about twice as fast as 3, which matters most in a
/// batch of hundreds of briefings.
const COMPRESSION: u32 = 1;

/// Compresses every stream not yet compressed (content streams, font programs) with zlib at
/// `COMPRESSION`.
fn compress(lo: &mut lopdf::Document) -> Result<(), String> {
    use std::io::Write;
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(COMPRESSION));
        encoder
            .write_all(&stream.content)
            .map_err(|e| e.to_string())?;
        let packed = encoder.finish().map_err(|e| e.to_string())?;
        if packed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
    Ok(())
}

/// The shipped fonts parsed for printpdf, once per process: parsing them costs milliseconds and
/// their result depends only on the bytes compiled in.
fn parsed_fonts() -> Result<(ParsedFont, ParsedFont), String> {
    static FONTS: std::sync::OnceLock<Option<(ParsedFont, ParsedFont)>> =
        std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut warnings = Vec::new();
            let regular = ParsedFont::from_bytes(fonts::REGULAR, 0, &mut warnings)?;
            let bold = ParsedFont::from_bytes(fonts::BOLD, 0, &mut warnings)?;
            Some((regular, bold))
        })
        .clone()
        .ok_or_else(|| "the shipped fonts do not parse".to_owned())
}

/// FNV-1a, 64 bits: a stable hash for the trailer /ID (not for security).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Writes the document and returns its bytes.
pub fn pdf(
    laid: &Laid,
    s: &Stats,
    g: Geometry,
    meta: &Meta,
    m: &Metrics,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&meta.title);
    let (regular, bold) = parsed_fonts()?;
    // Our own ids: their first six letters are the subset tags, the same in every run.
    let faces = Faces {
        regular: FontId("PODREG".to_owned()),
        bold: FontId("PODBLD".to_owned()),
    };
    doc.resources
        .fonts
        .map
        .insert(faces.regular.clone(), printpdf::PdfFont::new(regular));
    doc.resources
        .fonts
        .map
        .insert(faces.bold.clone(), printpdf::PdfFont::new(bold));

    let total = laid.pages.len();
    let (width, height) = (g.paper.width, g.paper.height);
    let mut pages = Vec::with_capacity(total);
    for (i, page) in laid.pages.iter().enumerate() {
        let mut ops = Vec::new();
        for item in &page.items {
            ops.extend(item_ops(item, s, &faces, m, height)?);
        }
        if i > 0 {
            // Header and footer on every page but the cover.
            let top = height - 40.0;
            ops.extend(text_ops(
                &faces,
                g.left,
                top,
                8.0,
                Weight::Bold,
                MUTED,
                &super::layout::fit(m, &meta.header, 8.0, Weight::Bold, g.width()),
            ));
            let rule = |y: f32| Op::DrawLine {
                line: Line {
                    points: vec![point(g.left, y), point(width - g.right, y)],
                    is_closed: false,
                },
            };
            ops.extend([
                Op::SetOutlineColor { col: color(RULE) },
                Op::SetOutlineThickness { pt: Pt(0.5) },
                rule(top - 6.0),
                rule(44.0),
            ]);
            ops.extend(text_ops(
                &faces,
                g.left,
                32.0,
                7.5,
                Weight::Regular,
                MUTED,
                &super::layout::fit(m, &meta.footer, 7.5, Weight::Regular, g.width() - 90.0),
            ));
            let number = format!("page {} of {total}", i + 1);
            let x = width - g.right - m.width(&number, 7.5, Weight::Regular);
            ops.extend(text_ops(
                &faces,
                x,
                32.0,
                7.5,
                Weight::Regular,
                INK,
                &number,
            ));
        }
        pages.push(PdfPage::new(
            Mm::from(Pt(width)),
            Mm::from(Pt(height)),
            prune_state(ops),
        ));
    }
    doc.with_pages(pages);

    for (k, (title, page)) in laid.outline.iter().enumerate() {
        doc.bookmarks.map.insert(
            PageAnnotId(format!("B{k:04}")),
            PageAnnotation {
                name: title.clone(),
                page: page + 1,
            },
        );
    }

    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.date)
        .map_err(|e| format!("bad date: {e}"))?;
    let info = &mut doc.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = meta.creator.clone();
    info.producer = meta.creator.clone();
    info.identifier = String::new();

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
    // printpdf compresses only in its own save(); the document taken out of it is compressed here.
    compress(&mut lo)?;
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("Lang", Object::string_literal(meta.language.as_str()));
        // A name, as the standard wants (printpdf writes a string): viewers open the outline.
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    // printpdf's Info carries empty PDF/X and identifier fields; an empty GTS_PDFXVersion makes
    // readers take the file for PDF/X.
    if let Ok(Object::Reference(id)) = lo.trailer.get(b"Info") {
        let id = *id;
        if let Ok(info) = lo.get_dictionary_mut(id) {
            for key in [
                &b"GTS_PDFXVersion"[..],
                b"Identifier",
                b"Author",
                b"Trapped",
            ] {
                info.remove(key);
            }
        }
    }
    // /Lang needs PDF 1.4 or later.
    lo.version = "1.7".to_owned();
    // The /ID is a hash of the file itself: written once with a placeholder of the same width,
    // which is then overwritten. The same content gives the same bytes.
    const PLACEHOLDER: &str = "0000000000000000";
    let id = Object::string_literal(PLACEHOLDER);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| format!("cannot serialise the PDF: {e}"))?;
    let hash = format!("{:016x}", fnv(&bytes));
    let key = b"/ID[";
    let Some(at) = bytes.windows(key.len()).rposition(|w| w == key) else {
        return Err("the trailer /ID was not written".to_owned());
    };
    let mut cursor = at + key.len();
    for _ in 0..2 {
        let slot = cursor + 1..cursor + 1 + PLACEHOLDER.len();
        if bytes.get(slot.clone()) != Some(PLACEHOLDER.as_bytes()) {
            return Err("the trailer /ID is not where it was written".to_owned());
        }
        bytes[slot].copy_from_slice(hash.as_bytes());
        cursor += PLACEHOLDER.len() + 2;
    }
    Ok(bytes)
}
