//! Document metadata: the Info dictionary with the caller's date; the catalog's /Lang,
//! /PageMode and viewer preferences; the XMP metadata that says the same and names the standards
//! the file keeps (PDF/UA-1, and PDF/A-2 when asked, with its sRGB output intent).

use lopdf::{Dictionary, Object, Stream, text_string};

use super::icc;
use crate::report::Standard;
use crate::text::escape_xml;

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
    /// The standards the file keeps.
    pub standard: Standard,
}

/// The date as PDF writes it: D:YYYYMMDDHHmmSS+00'00'.
fn pdf_date(seconds: i64) -> Result<String, String> {
    let d = printpdf::OffsetDateTime::from_unix_timestamp(seconds)
        .map_err(|e| format!("bad date: {e}"))?;
    Ok(format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}+00'00'",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    ))
}

/// The Info dictionary: title, subject, keywords, creator and producer, and the dates.
pub fn info(meta: &Meta) -> Result<Dictionary, String> {
    let date = Object::string_literal(pdf_date(meta.date)?);
    Ok(Dictionary::from_iter([
        ("Title", text_string(&meta.title)),
        ("Subject", text_string(&meta.subject)),
        ("Keywords", text_string(&meta.keywords.join(","))),
        ("Creator", text_string(&meta.creator)),
        ("Producer", text_string(&meta.creator)),
        ("CreationDate", date.clone()),
        ("ModDate", date),
    ]))
}

/// /Lang, /PageMode, the viewer preferences, the XMP metadata and, for PDF/A, the output intent
/// in the catalog.
pub fn catalog(lo: &mut lopdf::Document, meta: &Meta) -> Result<(), String> {
    let xmp = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(meta)?.into_bytes(),
    );
    let xmp = lo.add_object(xmp);
    let intent = match meta.standard {
        Standard::Ua1 => None,
        Standard::A2b | Standard::A2a => {
            let mut profile = Stream::new(
                Dictionary::from_iter([("N", Object::Integer(3))]),
                icc::srgb(),
            );
            profile
                .compress()
                .map_err(|e| format!("cannot compress the colour profile: {e}"))?;
            let profile = lo.add_object(profile);
            Some(Dictionary::from_iter([
                ("Type", Object::Name(b"OutputIntent".to_vec())),
                ("S", Object::Name(b"GTS_PDFA1".to_vec())),
                (
                    "OutputConditionIdentifier",
                    Object::string_literal(icc::NAME),
                ),
                ("Info", Object::string_literal(icc::NAME)),
                ("DestOutputProfile", Object::Reference(profile)),
            ]))
        }
    };
    let catalog = lo.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Lang", Object::string_literal(meta.language.as_str()));
    // Viewers open the outline.
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    // Viewers show the title, not the file name, in their window.
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.set("Metadata", Object::Reference(xmp));
    if let Some(intent) = intent {
        catalog.set("OutputIntents", Object::Array(vec![intent.into()]));
    }
    // Object streams and /Lang need PDF 1.5 and 1.4; PDF/A-2 and PDF/UA-1 build on 1.7.
    lo.version = "1.7".to_owned();
    Ok(())
}

/// The description of the PDF/UA identifier's schema, which PDF/A does not know by itself.
const PDFUA_SCHEMA: &str = r#"
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>"#;

/// The XMP packet: what Info says, in the form PDF/UA and PDF/A read, with the standards'
/// identifiers. PDF/A admits only the schemas it knows, so with PDF/A the PDF/UA identifier's
/// schema is described in the packet itself.
fn xmp(meta: &Meta) -> Result<String, String> {
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.date)
        .map_err(|e| format!("bad date: {e}"))?;
    let date = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00",
        date.year(),
        u8::from(date.month()),
        date.day(),
        date.hour(),
        date.minute(),
        date.second()
    );
    let (title, subject) = (escape_xml(&meta.title), escape_xml(&meta.subject));
    let (creator, language) = (escape_xml(&meta.creator), escape_xml(&meta.language));
    let keywords = escape_xml(&meta.keywords.join(","));
    let pdfa = match meta.standard {
        Standard::Ua1 => String::new(),
        Standard::A2b | Standard::A2a => format!(
            "\n   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>{}</pdfaid:conformance>{PDFUA_SCHEMA}",
            if meta.standard == Standard::A2a {
                "A"
            } else {
                "B"
            }
        ),
    };
    let bom = '\u{feff}';
    Ok(format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdf:Producer>{creator}</pdf:Producer>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdfuaid:part>1</pdfuaid:part>{pdfa}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#
    ))
}
