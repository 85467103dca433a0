//! The shipped fonts in the document: parsed once per process, registered under ids of our own.

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

use super::ops::Faces;
use crate::fonts;

/// The shipped fonts parsed for printpdf, once per process: parsing them costs milliseconds and
/// their result depends only on the bytes compiled in.
fn parsed() -> Result<(ParsedFont, ParsedFont), String> {
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

/// Adds the regular and bold faces to `doc` and returns their ids.
pub fn install(doc: &mut PdfDocument) -> Result<Faces, String> {
    let (regular, bold) = parsed()?;
    // Our own ids: their first six letters are the subset tags, the same in every run.
    let faces = Faces {
        regular: FontId("PODREG".to_owned()),
        bold: FontId("PODBLD".to_owned()),
    };
    doc.resources
        .fonts
        .map
        .insert(faces.regular.clone(), PdfFont::new(regular));
    doc.resources
        .fonts
        .map
        .insert(faces.bold.clone(), PdfFont::new(bold));
    Ok(faces)
}
