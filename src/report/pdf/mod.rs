//! Laid-out pages to PDF bytes: each page's content stream written by `content` (text in the
//! embedded fonts, charts through the plotters backend), the fonts subset by printpdf, the
//! structure tree, outline and metadata, the file serialised by `write`. Never touches a file.
//!
//! Reproducibility: every id that reaches the file comes from the document's own content (object
//! numbers in the order of writing, fixed subset tags, the trailer /ID a hash of the finished
//! file); dates come from the caller.

mod backend;
mod content;
mod finish;
mod fonts;
mod icc;
mod metadata;
mod page;
mod tags;
mod write;

pub use metadata::Meta;

use lopdf::{Dictionary, Object, Stream};

use super::layout::{Geometry, Laid};
use super::metrics::Metrics;
use crate::stats::Stats;
use content::Content;
use page::{Marked, Painter};

/// Writes the document and returns its bytes.
pub fn pdf(
    laid: &Laid,
    s: Option<&Stats>,
    g: Geometry,
    meta: &Meta,
    m: &Metrics,
) -> Result<Vec<u8>, String> {
    let painter = Painter {
        stats: s,
        metrics: m,
        page_height: g.paper.height,
    };
    let mut content = Content::new(m);
    let tag = |block: usize, part| tags::tag(laid.role(block), part);
    let mut streams = Vec::with_capacity(laid.pages.len());
    let mut marked: Vec<Vec<Marked>> = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        marked.push(painter.page(page, &tag, &mut content)?);
        streams.push(content.finish_page());
    }
    let mut lo = lopdf::Document::with_version("1.7");
    let fonts = fonts::embed(&mut lo, content.used(), m)?;
    document(&mut lo, streams, fonts, g, meta)?;
    let tree = tags::apply(&mut lo, laid, &marked)?;
    finish::compress(&mut lo)?;
    metadata::catalog(&mut lo, meta)?;
    write::serialise(&lo, &tree)
}

/// The page tree with each page's content, the catalog and the Info dictionary.
fn document(
    lo: &mut lopdf::Document,
    streams: Vec<Vec<u8>>,
    fonts: Dictionary,
    g: Geometry,
    meta: &Meta,
) -> Result<(), String> {
    let tree = lo.new_object_id();
    let resources = lo.add_object(Dictionary::from_iter([("Font", Object::Dictionary(fonts))]));
    let media = Object::Array(vec![
        0.into(),
        0.into(),
        Object::Real(g.paper.width.0),
        Object::Real(g.paper.height.0),
    ]);
    let mut kids = Vec::with_capacity(streams.len());
    for stream in streams {
        let contents = lo.add_object(Stream::new(Dictionary::new(), stream));
        let page = lo.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(tree)),
            ("MediaBox", media.clone()),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(contents)),
        ]));
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    lo.objects.insert(
        tree,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count)),
        ])),
    );
    let catalog = lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(tree)),
        ("PageLayout", Object::Name(b"OneColumn".to_vec())),
    ]));
    lo.trailer.set("Root", Object::Reference(catalog));
    let info = lo.add_object(metadata::info(meta)?);
    lo.trailer.set("Info", Object::Reference(info));
    Ok(())
}
