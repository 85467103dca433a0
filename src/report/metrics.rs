//! Text measurement for the PDF, with the same font bytes the PDF embeds.
//!
//! Widths are the fonts' advance widths without kerning, because that is how the PDF viewer
//! places the glyphs of a text string: what is measured here is what is printed.

use std::cell::RefCell;
use std::collections::BTreeSet;

use ab_glyph::{Font, FontRef, GlyphId};

use crate::fonts;

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// The two faces, parsed once.
#[derive(Debug, Clone)]
pub struct Metrics {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
    /// Characters drawn that the font has no glyph for, to be reported.
    missing: RefCell<BTreeSet<char>>,
}

impl Metrics {
    /// The shipped regular and bold faces.
    pub fn new() -> Self {
        // The shipped font files are checked by the fonts module's tests: they always parse.
        let parse = |bytes| FontRef::try_from_slice(bytes).unwrap_or_else(|_| unreachable_font());
        Self {
            regular: parse(fonts::REGULAR),
            bold: parse(fonts::BOLD),
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    fn face(&self, weight: Weight) -> &FontRef<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` in points at `size` points.
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let face = self.face(weight);
        let table = &table()[weight as usize];
        let ems: f32 = text
            .chars()
            .map(|c| match table.get(c as usize) {
                Some(t) => t.advance,
                None => face.h_advance_unscaled(face.glyph_id(c)) / per_em(face),
            })
            .sum();
        ems * size
    }

    /// The glyph id of `c` in the face of `weight` (0 where the face has none).
    pub fn glyph(&self, c: char, weight: Weight) -> u16 {
        match table()[weight as usize].get(c as usize) {
            Some(t) => t.glyph,
            None => self.face(weight).glyph_id(c).0,
        }
    }

    /// The advance width of glyph `glyph` of the face of `weight`, in thousandths of an em,
    /// rounded: what a PDF font's /W gives.
    pub fn advance(&self, glyph: u16, weight: Weight) -> i64 {
        let face = self.face(weight);
        (face.h_advance_unscaled(GlyphId(glyph)) * 1000.0 / per_em(face)).round() as i64
    }

    /// The height of a capital letter (H) in the face of `weight`, in ems.
    pub fn cap_height(&self, weight: Weight) -> f32 {
        let face = self.face(weight);
        face.outline(face.glyph_id('H'))
            // H stands on the baseline: its height is whichever edge is away from it (the
            // outline's y axis may point either way).
            .map_or(0.0, |o| {
                o.bounds.max.y.abs().max(o.bounds.min.y.abs()) / per_em(face)
            })
    }

    /// Notes the characters of a text about to be drawn that the font cannot show, and returns
    /// them (sorted, each once).
    pub fn note_drawn(&self, text: &str) -> Vec<char> {
        let missing = self.missing_glyphs(text);
        if !missing.is_empty() {
            self.missing.borrow_mut().extend(missing.iter().copied());
        }
        missing
    }

    /// Every character noted as drawn without a glyph.
    pub fn drawn_without_glyph(&self) -> Vec<char> {
        self.missing.borrow().iter().copied().collect()
    }

    /// Characters of `text` the font has no glyph for.
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_control() && self.glyph(*c, Weight::Regular) == 0)
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }
}

fn per_em(face: &FontRef<'_>) -> f32 {
    face.units_per_em().unwrap_or(2048.0)
}

/// Characters below this (Latin and Cyrillic) have their advance widths in a table: measuring
/// text is most of what laying out a long briefing costs, and a glyph lookup per character was.
const TABLED: u32 = 0x530;

/// What the table holds for a character: its glyph id and advance width in ems.
#[derive(Debug, Clone, Copy)]
struct Tabled {
    glyph: u16,
    advance: f32,
}

/// Every character below `TABLED`, regular and bold, looked up once: a page of text is
/// thousands of lookups.
fn table() -> &'static [Vec<Tabled>; 2] {
    static TABLE: std::sync::OnceLock<[Vec<Tabled>; 2]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let m = Metrics::new();
        [Weight::Regular, Weight::Bold].map(|w| {
            let face = m.face(w);
            (0..TABLED)
                .map(|u| {
                    let glyph = char::from_u32(u).map_or(GlyphId(0), |c| face.glyph_id(c));
                    Tabled {
                        glyph: glyph.0,
                        advance: face.h_advance_unscaled(glyph) / per_em(face),
                    }
                })
                .collect()
        })
    })
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

#[allow(clippy::panic)]
fn unreachable_font() -> FontRef<'static> {
    panic!("the fonts compiled from fonts/ do not parse")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_scale_with_size_and_weight() {
        let m = Metrics::new();
        let w = m.width("Kazakhstan", 10.0, Weight::Regular);
        assert!((40.0..60.0).contains(&w), "{w}");
        assert!((m.width("Kazakhstan", 20.0, Weight::Regular) - 2.0 * w).abs() < 0.01);
        assert!(m.width("Kazakhstan", 10.0, Weight::Bold) > w);
        // The table and the glyph lookup agree, inside it and beyond it.
        let face = m.face(Weight::Regular);
        for c in ['K', 'Қ', 'é', '€', '漢'] {
            let direct = face.h_advance_unscaled(face.glyph_id(c)) / per_em(face) * 10.0;
            assert!((m.width(&c.to_string(), 10.0, Weight::Regular) - direct).abs() < 1e-4);
        }
        assert_eq!(m.missing_glyphs("Қайрат Әбдірахманов"), Vec::<char>::new());
        assert_eq!(m.missing_glyphs("漢字 ok"), ['字', '漢']);
        for c in ['K', 'Қ', '€', '漢'] {
            assert_eq!(m.glyph(c, Weight::Bold), m.bold.glyph_id(c).0);
        }
        assert_eq!(m.glyph('漢', Weight::Regular), 0);
        // Liberation Sans: capitals are 1409 units of 2048 high.
        let cap = m.cap_height(Weight::Regular);
        assert!((cap - 1409.0 / 2048.0).abs() < 0.01, "{cap}");
    }
}
