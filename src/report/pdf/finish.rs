//! The last steps to bytes: redundant state operations pruned from a page, streams compressed,
//! and the file serialised with a trailer /ID that is a hash of its own content.

use lopdf::Object;
use printpdf::{Color, Op, PdfFontHandle, Pt};

/// Drops operations that set what is already set: a text run repeats its font and colour, a
/// chart its line width. Fewer bytes to write and to compress; the page looks the same.
pub fn prune_state(ops: Vec<Op>) -> Vec<Op> {
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
/// `COMPRESSION`: printpdf compresses only in its own save().
pub fn compress(lo: &mut lopdf::Document) -> Result<(), String> {
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

/// Compresses the cross-reference stream, which lopdf writes raw (seven bytes an object). It is
/// the file's last object, so nothing after it moves but the end of the file, and `startxref`
/// still points at its start.
fn pack_xref(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let missing = || "the cross-reference stream was not written as expected".to_owned();
    let dict = bytes
        .windows(10)
        .rposition(|w| w == b"/Type/XRef")
        .ok_or_else(missing)?;
    let length_key = b"/Length ";
    let length_at = dict
        + bytes[dict..]
            .windows(length_key.len())
            .position(|w| w == length_key)
            .ok_or_else(missing)?;
    let digits_at = length_at + length_key.len();
    let digits = bytes[digits_at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let length: usize = std::str::from_utf8(&bytes[digits_at..digits_at + digits])
        .ok()
        .and_then(|d| d.parse().ok())
        .ok_or_else(missing)?;
    let opening = b">>stream\n";
    let data_at = digits_at + digits + opening.len();
    if bytes.get(digits_at + digits..data_at) != Some(&opening[..])
        || data_at + length > bytes.len()
    {
        return Err(missing());
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder
        .write_all(&bytes[data_at..data_at + length])
        .map_err(|e| e.to_string())?;
    let packed = encoder.finish().map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..length_at]);
    out.extend_from_slice(format!("/Filter/FlateDecode/Length {}", packed.len()).as_bytes());
    out.extend_from_slice(opening);
    out.extend_from_slice(&packed);
    out.extend_from_slice(&bytes[data_at + length..]);
    Ok(out)
}

/// Objects per object stream.
const OBJECTS_PER_STREAM: usize = 400;

/// FNV-1a, 64 bits: a stable hash for the trailer /ID (not for security).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The document's bytes, with a trailer /ID that is a hash of the file itself: written once with
/// a placeholder of the same width, which is then overwritten. The same content gives the same
/// bytes.
pub fn serialise(lo: &mut lopdf::Document) -> Result<Vec<u8>, String> {
    const PLACEHOLDER: &str = "0000000000000000";
    let id = Object::string_literal(PLACEHOLDER);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut bytes = Vec::new();
    // The structure tree is thousands of small dictionaries: packed into compressed object
    // streams (PDF 1.5), with a cross-reference stream, they cost a fraction of their size.
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(OBJECTS_PER_STREAM)
        .compression_level(6)
        .build();
    lo.save_with_options(&mut bytes, options)
        .map_err(|e| format!("cannot serialise the PDF: {e}"))?;
    let mut bytes = pack_xref(bytes)?;
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
