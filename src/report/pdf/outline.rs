//! The outline: one bookmark per section heading, with ids numbered in order rather than drawn
//! from printpdf's process-wide counter.

use printpdf::{PageAnnotId, PageAnnotation, PdfDocument};

/// Adds a bookmark for each (title, 0-based page) of `outline`.
pub fn bookmarks(doc: &mut PdfDocument, outline: &[(String, usize)]) {
    for (k, (title, page)) in outline.iter().enumerate() {
        doc.bookmarks.map.insert(
            PageAnnotId(format!("B{k:04}")),
            PageAnnotation {
                name: title.clone(),
                page: page + 1,
            },
        );
    }
}
