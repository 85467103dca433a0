//! Charts as PNG, for slide tools that do not take SVG: the SVG rendered by resvg (pure Rust),
//! its text set in the shipped fonts only. A renderer: it returns bytes and never touches a file.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::fonts;

/// The font database: the shipped fonts and nothing from the system.
fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(fonts::REGULAR.to_vec());
        db.load_font_data(fonts::BOLD.to_vec());
        db.set_sans_serif_family(fonts::FAMILY_NAME);
        Arc::new(db)
    })
    .clone()
}

/// Renders an SVG document to PNG bytes at its own size.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: fonts::FAMILY_NAME.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot read the SVG: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        Pixmap::new(size.width(), size.height()).ok_or("the SVG has no area to draw")?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}

/// Decodes a PNG and tells whether any pixel differs from the first: a blank image has none.
/// For tests and checks.
pub fn is_blank(png: &[u8]) -> Result<bool, String> {
    let pixmap = Pixmap::decode_png(png).map_err(|e| format!("cannot decode the PNG: {e}"))?;
    let pixels = pixmap.pixels();
    Ok(pixels.iter().all(|p| *p == pixels[0]))
}

/// The share of pixels that are not white below the top `skip` share of the image: how much a
/// chart's body draws, its title left out. For tests and checks.
pub fn body_ink(png: &[u8], skip: f64) -> Result<f64, String> {
    let pixmap = Pixmap::decode_png(png).map_err(|e| format!("cannot decode the PNG: {e}"))?;
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let first_row = ((h as f64) * skip) as usize;
    let body = &pixmap.pixels()[first_row * w..];
    let inked = body
        .iter()
        .filter(|p| p.red() < 240 || p.green() < 240 || p.blue() < 240)
        .count();
    Ok(inked as f64 / body.len().max(1) as f64)
}
