//! The shipped fonts in the document: parsed once per process by printpdf, subset to the glyphs
//! the pages show (each subset tagged by a hash of its glyphs), and embedded as Type 0 fonts (Identity-H) whose character ids are the full
//! fonts' glyph ids, mapped to the subsets' glyphs by a /CIDToGIDMap. The pages are written
//! before the subsets are made, so they never need renumbering.

use std::collections::BTreeMap;
use std::hash::Hasher;

use lopdf::{Dictionary, Object, Stream};
use printpdf::{FontId, ParsedFont};

use super::content::FACES;
use crate::fonts;
use crate::hash::Fnv1a;
use crate::report::metrics::{Metrics, Weight};

/// The shipped fonts parsed for printpdf, once per process: parsing them costs milliseconds and
/// their result depends only on the bytes compiled in.
fn parsed() -> Result<&'static [ParsedFont; 2], String> {
    static FONTS: std::sync::OnceLock<Option<[ParsedFont; 2]>> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut warnings = Vec::new();
            let regular = ParsedFont::from_bytes(fonts::REGULAR, 0, &mut warnings)?;
            let bold = ParsedFont::from_bytes(fonts::BOLD, 0, &mut warnings)?;
            Some([regular, bold])
        })
        .as_ref()
        .ok_or_else(|| "the shipped fonts do not parse".to_owned())
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// Embeds the faces whose glyphs `used` notes (per face, the character each glyph id shows,
/// `'\0'` for one not shown) and returns the pages' font resources.
pub fn embed(
    lo: &mut lopdf::Document,
    used: &[Vec<char>; 2],
    metrics: &Metrics,
) -> Result<Dictionary, String> {
    let parsed = parsed()?;
    let mut resources = Dictionary::new();
    for (i, weight) in [Weight::Regular, Weight::Bold].into_iter().enumerate() {
        let shown: BTreeMap<u16, String> = used[i]
            .iter()
            .enumerate()
            .filter(|(_, c)| **c != '\0')
            .filter_map(|(gid, c)| Some((u16::try_from(gid).ok()?, c.to_string())))
            .collect();
        if shown.is_empty() {
            continue;
        }
        let font = embed_face(lo, FACES[i], &parsed[i], &shown, (metrics, weight))?;
        resources.set(FACES[i], Object::Reference(font));
    }
    Ok(resources)
}

/// The subset's tag: six capitals from a hash of its glyphs, so that two subsets of a face (in
/// two briefings merged into one file, say) have two names.
fn subset_tag(resource: &str, glyphs: impl Iterator<Item = u16>) -> String {
    let mut hasher = Fnv1a::default();
    hasher.write(resource.as_bytes());
    for g in glyphs {
        hasher.write(&g.to_be_bytes());
    }
    let h = hasher.finish();
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 10)) % 26) as u8))
        .collect()
}

/// /W: each character id's advance width in thousandths of an em, in runs of consecutive ids.
fn widths(shown: &BTreeMap<u16, String>, (metrics, weight): (&Metrics, Weight)) -> Vec<Object> {
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut first = 0_u16;
    let mut last: Option<u16> = None;
    for &g in shown.keys() {
        if last.is_some_and(|l| l.checked_add(1) != Some(g)) {
            out.push(Object::Integer(i64::from(first)));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            first = g;
        }
        run.push(Object::Integer(metrics.advance(g, weight)));
        last = Some(g);
    }
    if !run.is_empty() {
        out.push(Object::Integer(i64::from(first)));
        out.push(Object::Array(run));
    }
    out
}

/// One face subset to the glyphs of `shown` (glyph id to the text it stands for): the Type 0
/// font, its CID font, descriptor, program, widths, glyph map and /ToUnicode.
fn embed_face(
    lo: &mut lopdf::Document,
    tag: &str,
    font: &ParsedFont,
    shown: &BTreeMap<u16, String>,
    (metrics, weight): (&Metrics, Weight),
) -> Result<lopdf::ObjectId, String> {
    let cap_height = metrics.cap_height(weight);
    let subset = printpdf::subset_font(font, shown)
        .map_err(|e| format!("cannot subset the font {tag}: {e}"))?;
    let last = shown.keys().next_back().copied().unwrap_or(0);
    // Character id (the full font's glyph id) to the subset's glyph id, two bytes each.
    let mut map = vec![0_u8; (usize::from(last) + 1) * 2];
    for (&cid, &(gid, _)) in &subset.glyph_mapping {
        let at = usize::from(cid) * 2;
        if let Some(slot) = map.get_mut(at..at + 2) {
            slot.copy_from_slice(&gid.to_be_bytes());
        }
    }
    let codes: Vec<(u16, String)> = shown.iter().map(|(g, t)| (*g, t.clone())).collect();
    let to_unicode = printpdf::generate_cmap_string(font, &FontId(tag.to_owned()), &codes);
    let widths = widths(shown, (metrics, weight));

    let m = &font.pdf_font_metrics;
    let per_em = if m.units_per_em == 0 {
        1000.0
    } else {
        f32::from(m.units_per_em)
    };
    let thousandths = |v: f32| Object::Integer((v * 1000.0 / per_em).round() as i64);
    // Stem width estimated from the weight class, as producers conventionally do (88 at 400).
    let stem = 50 + (f32::from(m.us_weight_class.max(1)) / 65.0).powi(2).round() as i64;
    let face = format!(
        "{}+{}",
        subset_tag(tag, shown.keys().copied()),
        font.font_name.clone().unwrap_or_else(|| tag.to_owned())
    );
    let program = Stream::new(
        Dictionary::from_iter([("Length1", Object::Integer(subset.bytes.len() as i64))]),
        subset.bytes,
    );
    let program = lo.add_object(program);
    let descriptor = lo.add_object(Dictionary::from_iter([
        ("Type", name("FontDescriptor")),
        ("FontName", name(&face)),
        ("Flags", Object::Integer(32)),
        (
            "FontBBox",
            Object::Array(
                [m.x_min, m.y_min, m.x_max, m.y_max]
                    .map(|v| thousandths(f32::from(v)))
                    .to_vec(),
            ),
        ),
        ("ItalicAngle", Object::Integer(0)),
        ("Ascent", thousandths(f32::from(m.ascender))),
        ("Descent", thousandths(f32::from(m.descender))),
        ("CapHeight", thousandths(cap_height * per_em)),
        ("StemV", Object::Integer(stem)),
        ("FontFile2", Object::Reference(program)),
    ]));
    let map = lo.add_object(Stream::new(Dictionary::new(), map));
    let to_unicode = lo.add_object(Stream::new(Dictionary::new(), to_unicode.into_bytes()));
    let descendant = Dictionary::from_iter([
        ("Type", name("Font")),
        ("Subtype", name("CIDFontType2")),
        ("BaseFont", name(&face)),
        (
            "CIDSystemInfo",
            Dictionary::from_iter([
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])
            .into(),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("W", Object::Array(widths)),
        ("CIDToGIDMap", Object::Reference(map)),
    ]);
    Ok(lo.add_object(Dictionary::from_iter([
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", name(&face)),
        ("Encoding", name("Identity-H")),
        ("DescendantFonts", Object::Array(vec![descendant.into()])),
        ("ToUnicode", Object::Reference(to_unicode)),
    ])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_is_tagged_by_its_glyphs() {
        let tag = subset_tag("PODREG", [3, 4, 5].into_iter());
        assert!(
            tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
            "{tag}"
        );
        assert_eq!(tag, subset_tag("PODREG", [3, 4, 5].into_iter()));
        assert_ne!(tag, subset_tag("PODREG", [3, 4, 6].into_iter()));
        assert_ne!(tag, subset_tag("PODBLD", [3, 4, 5].into_iter()));
    }
}
