//! The last step before writing: streams compressed (the file itself is written by `write`).

use lopdf::Object;

/// The zlib level for streams. Measured on the default briefing: level 1 gives 106 KB, level 3
/// 100 KB, level 9 96 KB; level 1 compresses about twice as fast as 3, which matters most in a
/// batch of hundreds of briefings.
const COMPRESSION: u32 = 1;

/// Compresses every stream not yet compressed (content streams, font programs) with zlib at
/// `COMPRESSION`.
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
