//! Document metadata: the Info dictionary with the caller's date, the catalog's /Lang and
//! /PageMode, and the PDF version they need.

use lopdf::Object;
use printpdf::PdfDocument;

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
}

/// Sets the Info fields printpdf writes: dates, subject, keywords, creator and producer.
pub fn info(doc: &mut PdfDocument, meta: &Meta) -> Result<(), String> {
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
    Ok(())
}

/// After conversion: /Lang and /PageMode in the catalog, printpdf's empty fields out of Info.
pub fn catalog(lo: &mut lopdf::Document, meta: &Meta) {
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
}
