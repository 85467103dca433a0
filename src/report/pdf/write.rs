//! The file's bytes, written here rather than by lopdf: every object that is not a stream
//! (the structure tree's thousands of small dictionaries above all) is packed into compressed
//! object streams, and the cross-reference is a compressed stream (PDF 1.5). Each object is
//! serialised once; lopdf's own object-stream writer serialises each three times and clones
//! the document, which cost a batch of briefings more than the tagging itself.
//!
//! The trailer's /ID is a hash of everything written before it: the same content gives the same
//! bytes, and another content another ID.

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// Objects per object stream.
const PER_STREAM: usize = 400;

/// The zlib level of object streams and of the cross-reference stream: small, text-like and
/// written once per briefing.
const LEVEL: u32 = 1;

/// `bytes` compressed with zlib at `level`.
pub fn deflate(bytes: &[u8], level: u32) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// Whether `b` may stand in a name as it is.
fn regular(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b)
}

fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if regular(b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

fn real(out: &mut Vec<u8>, v: f64) {
    let v = if v.is_finite() { v } else { 0.0 };
    // Four decimals are a hundredth of a micrometre on paper; trailing zeros dropped.
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    out.extend_from_slice(if text == "-0" { "0" } else { text }.as_bytes());
}

/// Writes `bytes` as hexadecimal digits (the inside of a hexadecimal string).
pub fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.extend_from_slice(&[DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]]);
    }
}

/// Writes `bytes` as the inside of a literal string: as they are, but for the string's
/// delimiters, its escape and line ends, escaped.
pub fn escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(b),
        }
    }
}

fn string(out: &mut Vec<u8>, s: &[u8], format: StringFormat) {
    match format {
        StringFormat::Hexadecimal => {
            out.push(b'<');
            hex(out, s);
            out.push(b'>');
        }
        StringFormat::Literal => {
            out.push(b'(');
            escaped(out, s);
            out.push(b')');
        }
    }
}

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) -> Result<(), String> {
    out.extend_from_slice(b"<<");
    for (key, value) in d {
        name(out, key);
        out.push(b' ');
        object(out, value)?;
    }
    out.extend_from_slice(b">>");
    Ok(())
}

/// Writes `o` in PDF syntax.
pub fn object(out: &mut Vec<u8>, o: &Object) -> Result<(), String> {
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Object::Real(r) => real(out, f64::from(*r)),
        Object::Name(n) => name(out, n),
        Object::String(s, format) => string(out, s, *format),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d)?,
        Object::Stream(s) => {
            let mut dict = s.dict.clone();
            dict.set("Length", s.content.len() as i64);
            dictionary(out, &dict)?;
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&s.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((n, g)) => out.extend_from_slice(format!("{n} {g} R").as_bytes()),
    }
    Ok(())
}

/// An object to pack into an object stream.
enum Packed<'a> {
    Object(&'a Object),
    /// Already in PDF syntax.
    Raw(&'a [u8]),
}

/// Where an object is: at an offset in the file, or at an index of an object stream.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    At(usize),
    Packed(u32, u16),
}

/// The document's bytes: `lo`'s objects and `raw`'s, already in PDF syntax (the structure
/// tree's).
pub fn serialise(lo: &lopdf::Document, raw: &[(ObjectId, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let root = lo
        .trailer
        .get(b"Root")
        .map_err(|_| "the PDF has no catalog".to_owned())?
        .clone();
    let info = lo.trailer.get(b"Info").ok().cloned();
    let mut out: Vec<u8> = Vec::with_capacity(256 * 1024);
    out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let largest = largest_number(lo, raw);
    let mut entries = vec![Entry::Free; largest as usize + 1];
    let mut packed = write_streams(&mut out, &mut entries, lo)?;
    packed.extend(raw.iter().map(|(id, bytes)| (*id, Packed::Raw(bytes))));
    let mut next = largest + 1;
    for chunk in packed.chunks(PER_STREAM) {
        write_object_stream(&mut out, &mut entries, next, chunk)?;
        next += 1;
    }
    write_xref_stream(&mut out, entries, next, root, info)?;
    Ok(out)
}

/// The largest object number in use: object streams and the cross-reference take the next ones.
fn largest_number(lo: &lopdf::Document, raw: &[(ObjectId, Vec<u8>)]) -> u32 {
    lo.objects
        .keys()
        .chain(raw.iter().map(|(id, _)| id))
        .map(|(n, _)| *n)
        .max()
        .unwrap_or(0)
}

/// Writes the streams, which cannot go in an object stream, as objects of their own, and returns
/// every other object, to pack.
fn write_streams<'a>(
    out: &mut Vec<u8>,
    entries: &mut [Entry],
    lo: &'a lopdf::Document,
) -> Result<Vec<(ObjectId, Packed<'a>)>, String> {
    let mut packed = Vec::with_capacity(lo.objects.len());
    for (&id, o) in &lo.objects {
        if id.1 != 0 {
            return Err(format!("object {} has generation {}", id.0, id.1));
        }
        if matches!(o, Object::Stream(_)) {
            entries[id.0 as usize] = Entry::At(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", id.0).as_bytes());
            object(out, o)?;
            out.extend_from_slice(b"\nendobj\n");
        } else {
            packed.push((id, Packed::Object(o)));
        }
    }
    Ok(packed)
}

/// Writes `chunk` as the compressed object stream numbered `container`, noting where each
/// object went.
fn write_object_stream(
    out: &mut Vec<u8>,
    entries: &mut Vec<Entry>,
    container: u32,
    chunk: &[(ObjectId, Packed)],
) -> Result<(), String> {
    let (mut offsets, mut body) = (String::new(), Vec::new());
    for (index, (id, o)) in chunk.iter().enumerate() {
        offsets.push_str(&format!("{} {} ", id.0, body.len()));
        match o {
            Packed::Object(o) => object(&mut body, o)?,
            Packed::Raw(bytes) => body.extend_from_slice(bytes),
        }
        body.push(b' ');
        entries[id.0 as usize] = Entry::Packed(container, index as u16);
    }
    let first = offsets.len();
    let mut content = offsets.into_bytes();
    content.extend_from_slice(&body);
    let content = deflate(&content, LEVEL)?;
    entries.push(Entry::At(out.len()));
    out.extend_from_slice(format!("{container} 0 obj\n").as_bytes());
    out.extend_from_slice(
        format!(
            "<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>stream\n",
            chunk.len(),
            content.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&content);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    Ok(())
}

/// Writes the cross-reference stream, numbered `xref`, which is also the trailer, and the end of
/// the file.
fn write_xref_stream(
    out: &mut Vec<u8>,
    mut entries: Vec<Entry>,
    xref: u32,
    root: Object,
    info: Option<Object>,
) -> Result<(), String> {
    // One entry per object, the cross-reference stream itself included.
    let start = out.len();
    entries.push(Entry::At(start));
    let table = deflate(&xref_table(&entries)?, LEVEL)?;
    let mut trailer = Dictionary::new();
    trailer.set("Type", Object::Name(b"XRef".to_vec()));
    trailer.set("Size", i64::from(xref) + 1);
    trailer.set("W", Object::Array(vec![1.into(), 4.into(), 2.into()]));
    trailer.set("Root", root);
    if let Some(info) = info {
        trailer.set("Info", info);
    }
    // The hash of everything written so far: the same content, the same ID.
    let id = Object::String(
        format!("{:016x}", crate::hash::fnv1a(out)).into_bytes(),
        StringFormat::Literal,
    );
    trailer.set("ID", Object::Array(vec![id.clone(), id]));
    trailer.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    trailer.set("Length", table.len() as i64);
    out.extend_from_slice(format!("{xref} 0 obj\n").as_bytes());
    dictionary(out, &trailer)?;
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&table);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n").as_bytes());
    Ok(())
}

/// The cross-reference rows, uncompressed: type, offset or object stream, generation or index
/// (widths 1, 4 and 2 bytes).
fn xref_table(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut table = Vec::with_capacity(entries.len() * 7);
    for (n, e) in entries.iter().enumerate() {
        let (kind, field, generation): (u8, u32, u16) = match *e {
            Entry::Free if n == 0 => (0, 0, 65535),
            Entry::Free => (0, 0, 0),
            Entry::At(offset) => (
                1,
                u32::try_from(offset).map_err(|_| "the PDF is over 4 GB".to_owned())?,
                0,
            ),
            Entry::Packed(container, index) => (2, container, index),
        };
        table.push(kind);
        table.extend_from_slice(&field.to_be_bytes());
        table.extend_from_slice(&generation.to_be_bytes());
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(o: &Object) -> String {
        let mut out = Vec::new();
        object(&mut out, o).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_written_in_pdf_syntax() {
        assert_eq!(written(&Object::Real(595.28)), "595.28");
        assert_eq!(written(&Object::Real(-0.0)), "0");
        assert_eq!(written(&Object::Real(12.0)), "12");
        assert_eq!(written(&Object::Name(b"A B#".to_vec())), "/A#20B#23");
        assert_eq!(
            written(&Object::string_literal("a (b) \\ c")),
            "(a \\(b\\) \\\\ c)"
        );
        let d = Dictionary::from_iter([(
            "K",
            Object::Array(vec![1.into(), Object::Reference((4, 0))]),
        )]);
        assert_eq!(written(&Object::Dictionary(d)), "<</K [1 4 0 R]>>");
    }

    #[test]
    fn the_written_file_reads_back_with_every_object() {
        let mut lo = lopdf::Document::with_version("1.7");
        let pages = lo.new_object_id();
        let page = lo.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages)),
        ]));
        lo.objects.insert(
            pages,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", 1.into()),
            ])),
        );
        let catalog = lo.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        lo.add_object(lopdf::Stream::new(Dictionary::new(), b"0 0 m".to_vec()));
        lo.trailer.set("Root", Object::Reference(catalog));
        let bytes = serialise(&lo, &[]).unwrap();
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(back.get_pages().len(), 1);
        assert!(back.objects.len() >= lo.objects.len());
        assert!(back.get_object(catalog).is_ok());
        assert_eq!(serialise(&lo, &[]).unwrap(), bytes, "the same bytes twice");
    }
}
