//! The last steps before writing: redundant state operations pruned from a page, and streams
//! compressed (the file itself is written by `write`).

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
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        let packed = super::write::deflate(&stream.content, COMPRESSION)?;
        if packed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
    Ok(())
}
