//! Laid-out pages to PDF bytes: text in the embedded, subsetted fonts; charts through the plotters
//! backend; the outline; metadata. Never touches a file.
//!
//! Reproducibility: printpdf draws its internal ids from a process-wide counter, so a second
//! document in one process would get other ids. Every id that reaches the file is set here from
//! the document's own content instead: the font ids (which also make the subset tags), the
//! bookmark ids, and the trailer /ID, a hash of the finished file. Dates come from the caller.

mod backend;
mod finish;
mod fonts;
mod metadata;
mod ops;
mod outline;
mod page;

pub use metadata::Meta;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use super::layout::{Geometry, Laid};
use super::metrics::Metrics;
use crate::stats::Stats;
use page::Painter;

/// Writes the document and returns its bytes.
pub fn pdf(
    laid: &Laid,
    s: &Stats,
    g: Geometry,
    meta: &Meta,
    m: &Metrics,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&meta.title);
    let faces = fonts::install(&mut doc)?;
    let painter = Painter {
        stats: s,
        faces: &faces,
        metrics: m,
        page_height: g.paper.height,
    };
    let pages = pages(laid, g, &painter)?;
    doc.with_pages(pages);
    outline::bookmarks(&mut doc, &laid.outline);
    metadata::info(&mut doc, meta)?;
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
    finish::compress(&mut lo)?;
    metadata::catalog(&mut lo, meta);
    finish::serialise(&mut lo)
}

/// Every page as printpdf's page: its items drawn, redundant state pruned.
fn pages(laid: &Laid, g: Geometry, painter: &Painter<'_>) -> Result<Vec<PdfPage>, String> {
    let (width, height) = (g.paper.width, g.paper.height);
    laid.pages
        .iter()
        .map(|page| {
            let ops = painter.page(page)?;
            Ok(PdfPage::new(
                Mm::from(printpdf::Pt(width.0)),
                Mm::from(printpdf::Pt(height.0)),
                finish::prune_state(ops),
            ))
        })
        .collect()
}
