//! Page content streams, written as PDF operators straight into bytes: colours, text runs, filled
//! shapes and strokes, marked content. One writer for the page painter and the chart backend.
//! Positions are in points with y up from the bottom edge.
//!
//! Operations that would set what is already set (a text run's font and colour, a chart's pen)
//! are left out as they are written, and the glyphs each face shows are noted for the font
//! subsets. Text is shown by glyph id (two bytes, Identity-H), the fonts' own ids: the font
//! dictionaries map them to the subsets' glyphs.

use std::io::Write;

use super::write::{escaped, hex};
use crate::report::metrics::{Metrics, Weight};

/// A colour as red, green and blue bytes.
pub type Rgb = (u8, u8, u8);

/// How a run of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub size: f32,
    pub weight: Weight,
    pub colour: Rgb,
}

/// The resource names of the two faces.
pub const FACES: [&str; 2] = ["PODREG", "PODBLD"];

/// What the page's graphics state holds, as far as the writer sets it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct State {
    /// Face and size in hundredths of a point.
    font: Option<(Weight, i64)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    /// Line width in hundredths of a point.
    width: Option<i64>,
}

/// The writer of a document's pages, one page at a time.
#[derive(Debug)]
pub struct Content<'m> {
    metrics: &'m Metrics,
    out: Vec<u8>,
    state: State,
    saved: Vec<State>,
    /// Per face, the character each glyph id shows (`'\0'` for a glyph not shown).
    used: [Vec<char>; 2],
}

/// `v` in hundredths: what positions and widths are written to (3.5 micrometres; what is
/// printed cannot tell, and the operations are shorter to write and to compress).
fn hundredths(v: f32) -> i64 {
    if v.is_finite() {
        (f64::from(v) * 100.0).round() as i64
    } else {
        0
    }
}

/// Characters that show nothing (a soft hyphen, zero-width spaces and joiners, direction
/// marks, variation selectors, a byte-order mark): left out of what is drawn, where the font
/// would show them as marks.
fn invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// `text` as it is drawn: accents composed onto their letters (NFC: the font has the composed
/// letters, and places no separate mark), invisible characters left out, and right-to-left
/// runs (Hebrew, Arabic) in the order they are seen on a left-to-right line. Also whether the
/// order changed, in which case the drawn text needs the written one as /ActualText.
fn seen(text: &str) -> (std::borrow::Cow<'_, str>, bool) {
    use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        return (std::borrow::Cow::Borrowed(text), false);
    }
    let composed: String = text.nfc().filter(|c| !invisible(*c)).collect();
    let rtl = composed
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL));
    if !rtl {
        return (std::borrow::Cow::Owned(composed), false);
    }
    let info = BidiInfo::new(&composed, Some(Level::ltr()));
    let visual: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect();
    (std::borrow::Cow::Owned(visual), true)
}

/// Writes the last `width` decimal digits of `n`, with leading zeros.
fn digits(out: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    for slot in buf[..width].iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&buf[..width]);
}

/// Writes `n` / 10^`places`, trailing zeros dropped (without `fmt`: a page is thousands of
/// numbers).
fn fixed(out: &mut Vec<u8>, n: i64, places: u32) {
    if n < 0 {
        out.push(b'-');
    }
    let n = n.unsigned_abs();
    let scale = 10_u64.pow(places);
    let whole = n / scale;
    let width = whole.checked_ilog10().map_or(1, |l| l as usize + 1);
    digits(out, whole, width);
    let mut part = n % scale;
    if part == 0 {
        return;
    }
    let mut width = places as usize;
    while part % 10 == 0 {
        part /= 10;
        width -= 1;
    }
    out.push(b'.');
    digits(out, part, width);
}

/// Writes a position or width in points.
fn number(out: &mut Vec<u8>, v: f32) {
    fixed(out, hundredths(v), 2);
}

/// Writes a colour as PDF's three components of 0 to 1, to three decimals (every byte value
/// stays distinct).
fn components(out: &mut Vec<u8>, (r, g, b): Rgb) {
    for (i, c) in [r, g, b].into_iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        fixed(out, (i64::from(c) * 1000 + 127) / 255, 3);
    }
}

fn pair(out: &mut Vec<u8>, (x, y): (f32, f32)) {
    number(out, x);
    out.push(b' ');
    number(out, y);
}

impl<'m> Content<'m> {
    /// A writer for a document's pages.
    pub fn new(metrics: &'m Metrics) -> Self {
        Self {
            metrics,
            out: Vec::with_capacity(64 * 1024),
            state: State::default(),
            saved: Vec::new(),
            used: [Vec::new(), Vec::new()],
        }
    }

    /// The page written so far; the next page starts afresh.
    pub fn finish_page(&mut self) -> Vec<u8> {
        self.state = State::default();
        self.saved.clear();
        std::mem::replace(&mut self.out, Vec::with_capacity(64 * 1024))
    }

    /// Per face, the characters its glyph ids showed, by glyph id (`'\0'`: not shown).
    pub fn used(&self) -> &[Vec<char>; 2] {
        &self.used
    }

    /// Starts marked content: `/Tag <</MCID n>> BDC`, or `/Tag BMC` without an id.
    pub fn begin(&mut self, tag: &str, mcid: Option<usize>) {
        match mcid {
            Some(id) => {
                let _ = writeln!(self.out, "/{tag} <</MCID {id}>> BDC");
            }
            None => {
                let _ = writeln!(self.out, "/{tag} BMC");
            }
        }
    }

    /// Ends the marked content last started.
    pub fn end(&mut self) {
        self.out.extend_from_slice(b"EMC\n");
    }

    /// Saves the graphics state.
    pub fn save(&mut self) {
        self.saved.push(self.state);
        self.out.extend_from_slice(b"q\n");
    }

    /// Restores the graphics state last saved. The font is named again at the next text all
    /// the same: the font in effect is then always the font last named, also for a reader of
    /// the text that does not follow q and Q.
    pub fn restore(&mut self) {
        self.state = self.saved.pop().unwrap_or_default();
        self.state.font = None;
        self.out.extend_from_slice(b"Q\n");
    }

    fn set_fill(&mut self, colour: Rgb) {
        if self.state.fill.replace(colour) != Some(colour) {
            components(&mut self.out, colour);
            self.out.extend_from_slice(b" rg\n");
        }
    }

    /// The pen for the strokes that follow: colour and width in points.
    pub fn pen(&mut self, colour: Rgb, width: f32) {
        if self.state.stroke.replace(colour) != Some(colour) {
            components(&mut self.out, colour);
            self.out.extend_from_slice(b" RG\n");
        }
        let width = hundredths(width);
        if self.state.width.replace(width) != Some(width) {
            fixed(&mut self.out, width, 2);
            self.out.extend_from_slice(b" w\n");
        }
    }

    /// A run of text with its baseline starting at `at`, drawn as it is seen (`seen`). What the
    /// font has no glyph for is drawn as "?" (never the font's empty box). Where what is drawn is
    /// not the text as written (a "?", a right-to-left run reordered), the run's /ActualText
    /// gives the text as written: a reader, a search or a copy gets the real words.
    pub fn text(&mut self, at: (f32, f32), run: Run, text: &str) {
        if text.is_empty() {
            return;
        }
        let (seen, reordered) = seen(text);
        let missing = self.metrics.note_drawn(&seen);
        if missing.is_empty() && !reordered {
            self.show(at, run, seen.chars());
            return;
        }
        let mut actual = Vec::new();
        lopdf::encode_utf16_be(text, &mut actual);
        self.out.extend_from_slice(b"/Span <</ActualText <");
        hex(&mut self.out, &actual);
        self.out.extend_from_slice(b">>> BDC\n");
        let shown = seen
            .chars()
            .map(|c| if missing.contains(&c) { '?' } else { c });
        self.show(at, run, shown);
        self.end();
    }

    fn show(&mut self, at: (f32, f32), run: Run, chars: impl Iterator<Item = char>) {
        self.out.extend_from_slice(b"BT\n");
        let font = (run.weight, hundredths(run.size));
        if self.state.font.replace(font) != Some(font) {
            let _ = write!(self.out, "/{} ", FACES[run.weight as usize]);
            fixed(&mut self.out, font.1, 2);
            self.out.extend_from_slice(b" Tf\n");
        }
        self.set_fill(run.colour);
        pair(&mut self.out, at);
        self.out.extend_from_slice(b" Td\n(");
        let used = &mut self.used[run.weight as usize];
        for c in chars {
            let glyph = self.metrics.glyph(c, run.weight);
            let slot = usize::from(glyph);
            if slot >= used.len() {
                used.resize(slot + 1, '\0');
            }
            used[slot] = c;
            // Two bytes a glyph in a literal string: half the size of hexadecimal.
            escaped(&mut self.out, &glyph.to_be_bytes());
        }
        self.out.extend_from_slice(b") Tj\nET\n");
    }

    /// A rectangle filled with `colour`, its bottom-left corner at (`x`, `y`).
    pub fn rect(&mut self, (x, y): (f32, f32), (w, h): (f32, f32), colour: Rgb) {
        self.set_fill(colour);
        pair(&mut self.out, (x, y));
        self.out.push(b' ');
        pair(&mut self.out, (w, h));
        self.out.extend_from_slice(b" re\nf\n");
    }

    fn path(&mut self, points: &[(f32, f32)]) {
        for (i, &p) in points.iter().enumerate() {
            pair(&mut self.out, p);
            self.out
                .extend_from_slice(if i == 0 { b" m\n" } else { b" l\n" });
        }
    }

    /// A straight-sided shape filled with `colour`.
    pub fn fill(&mut self, ring: &[(f32, f32)], colour: Rgb) {
        if ring.len() < 2 {
            return;
        }
        self.set_fill(colour);
        self.path(ring);
        self.out.extend_from_slice(b"h\nf\n");
    }

    /// A stroke through `points` with the current pen, closed back to the first or not.
    pub fn stroke(&mut self, points: &[(f32, f32)], closed: bool) {
        if points.len() < 2 {
            return;
        }
        self.path(points);
        self.out
            .extend_from_slice(if closed { b"s\n" } else { b"S\n" });
    }

    /// A circle of radius `r` about `centre`, filled with `colour` or stroked with the current
    /// pen: four cubic Bézier arcs.
    pub fn circle(&mut self, centre: (f32, f32), r: f32, fill: Option<Rgb>) {
        if let Some(colour) = fill {
            self.set_fill(colour);
        }
        let (cx, cy) = centre;
        let k = 0.552_284_8 * r;
        pair(&mut self.out, (cx + r, cy));
        self.out.extend_from_slice(b" m\n");
        let arcs = [
            [(r, k), (k, r), (0.0, r)],
            [(-k, r), (-r, k), (-r, 0.0)],
            [(-r, -k), (-k, -r), (0.0, -r)],
            [(k, -r), (r, -k), (r, 0.0)],
        ];
        for arc in arcs {
            for (i, (dx, dy)) in arc.into_iter().enumerate() {
                if i > 0 {
                    self.out.push(b' ');
                }
                pair(&mut self.out, (cx + dx, cy + dy));
            }
            self.out.extend_from_slice(b" c\n");
        }
        self.out
            .extend_from_slice(if fill.is_some() { b"f\n" } else { b"s\n" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Content<'_>)) -> String {
        let m = Metrics::new();
        let mut c = Content::new(&m);
        f(&mut c);
        String::from_utf8_lossy(&c.finish_page()).into_owned()
    }

    /// The literal string a run of glyphs is shown by.
    fn shown(glyphs: &[u16]) -> Vec<u8> {
        let mut out = b"(".to_vec();
        for g in glyphs {
            escaped(&mut out, &g.to_be_bytes());
        }
        out.extend_from_slice(b") Tj");
        out
    }

    fn holds(page: &[u8], part: &[u8]) -> bool {
        page.windows(part.len()).any(|w| w == part)
    }

    #[test]
    fn text_is_drawn_as_it_is_seen() {
        assert_eq!(
            seen("Kazakhstan"),
            (std::borrow::Cow::Borrowed("Kazakhstan"), false)
        );
        // Accents composed onto their letters; invisible characters left out.
        assert_eq!(seen("Jo\u{301}se\u{301}").0, "Jósé");
        assert_eq!(seen("Ana\u{AD}lia\u{200D}").0, "Analia");
        // A right-to-left run in the order it is seen, on a left-to-right line.
        assert_eq!(
            seen("שלום"),
            (std::borrow::Cow::Owned("םולש".to_owned()), true)
        );
        assert_eq!(seen("Israel: ישראל (ISR)").0, "Israel: לארשי (ISR)");
    }

    #[test]
    fn a_right_to_left_run_is_drawn_reversed_with_the_written_text() {
        let m = Metrics::new();
        let mut c = Content::new(&m);
        c.text((0.0, 0.0), run(Weight::Regular), "אב");
        let page = c.finish_page();
        assert!(page.starts_with(b"/Span <</ActualText <feff05d005d1>>> BDC\n"));
        let (alef, bet) = (m.glyph('א', Weight::Regular), m.glyph('ב', Weight::Regular));
        assert!(holds(&page, &shown(&[bet, alef])));
    }

    #[test]
    fn numbers_are_written_short() {
        let mut out = Vec::new();
        for v in [595.28, 12.0, -0.004, -3.5, 0.05, 1e9_f32.sqrt()] {
            number(&mut out, v);
            out.push(b' ');
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "595.28 12 0 -3.5 0.05 31622.78 "
        );
        let mut out = Vec::new();
        components(&mut out, (255, 0, 31));
        assert_eq!(String::from_utf8(out).unwrap(), "1 0 0.122");
        // Every byte value stays distinct.
        let written: std::collections::BTreeSet<i64> =
            (0..=255_i64).map(|c| (c * 1000 + 127) / 255).collect();
        assert_eq!(written.len(), 256);
    }

    /// Black text at 10 points.
    fn run(weight: Weight) -> Run {
        Run {
            size: 10.0,
            weight,
            colour: (0, 0, 0),
        }
    }

    #[test]
    fn state_already_set_is_not_set_again() {
        let run = run(Weight::Regular);
        let page = written(|c| {
            c.text((1.0, 2.0), run, "A");
            c.text((1.0, 14.0), run, "B");
            c.save();
            c.pen((255, 0, 0), 0.5);
            c.stroke(&[(0.0, 0.0), (1.0, 1.0)], false);
            c.restore();
            c.pen((255, 0, 0), 0.5);
        });
        assert_eq!(page.matches(" Tf").count(), 1, "{page}");
        assert_eq!(page.matches(" rg").count(), 1, "{page}");
        // After the restore the pen is set again.
        assert_eq!(page.matches(" RG").count(), 2, "{page}");
        assert!(
            page.contains("/PODREG 10 Tf\n0 0 0 rg\n1 2 Td\n("),
            "{page}"
        );
    }

    #[test]
    fn a_character_without_a_glyph_is_a_question_mark_with_the_real_text() {
        let run = run(Weight::Bold);
        let m = Metrics::new();
        let mut c = Content::new(&m);
        c.text((0.0, 0.0), run, "漢");
        let page = c.finish_page();
        assert!(page.starts_with(b"/Span <</ActualText <feff6f22>>> BDC\n"));
        let question = m.glyph('?', Weight::Bold);
        assert!(holds(&page, &shown(&[question])));
        assert_eq!(c.used()[1][usize::from(question)], '?');
        assert_eq!(m.drawn_without_glyph(), ['漢']);
    }
}
