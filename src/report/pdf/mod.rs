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
mod icc;
mod metadata;
mod ops;
mod page;
mod tags;
mod write;

pub use metadata::Meta;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use super::layout::{Geometry, Laid};
use super::metrics::Metrics;
use crate::stats::Stats;
use page::{Marked, Painter};

/// Writes the document and returns its bytes.
pub fn pdf(
    laid: &Laid,
    s: Option<&Stats>,
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
    let (pages, marked) = pages(laid, g, &painter)?;
    doc.with_pages(pages);
    metadata::info(&mut doc, meta)?;
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
    // The pages' operations are in `lo` now, as content streams: free them before the rest.
    drop(doc);
    let tree = tags::apply(&mut lo, laid, &marked)?;
    finish::compress(&mut lo)?;
    metadata::catalog(&mut lo, meta)?;
    write::serialise(&lo, &tree)
}

/// Every page as printpdf's page: its items drawn in marked content, redundant state pruned;
/// and, per page, what its marked content draws.
fn pages(
    laid: &Laid,
    g: Geometry,
    painter: &Painter<'_>,
) -> Result<(Vec<PdfPage>, Vec<Vec<Marked>>), String> {
    let (width, height) = (g.paper.width, g.paper.height);
    let tag = |block: usize, part| tags::tag(laid.role(block), part);
    let mut pages = Vec::with_capacity(laid.pages.len());
    let mut marked = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let (ops, runs) = painter.page(page, &tag)?;
        pages.push(PdfPage::new(
            Mm::from(printpdf::Pt(width.0)),
            Mm::from(printpdf::Pt(height.0)),
            finish::prune_state(ops),
        ));
        marked.push(runs);
    }
    Ok((pages, marked))
}
