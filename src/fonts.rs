//! The fonts shipped in fonts/ (Liberation Sans, SIL OFL 1.1), compiled into the binary.
//!
//! Nothing is looked up in the system's fonts: charts are measured and drawn with these bytes, so
//! output is the same on every machine.

use std::sync::Once;

use plotters::style::{FontStyle, register_font};

/// Liberation Sans, regular.
pub const REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
/// Liberation Sans, bold.
pub const BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// The family as SVG names it: the shipped font first, then fonts with the same metrics (Arimo
/// and Arial share Liberation Sans's advance widths), so a slide opened elsewhere keeps its layout.
pub const FAMILY: &str = "Liberation Sans, Arimo, Arial, Helvetica, sans-serif";

/// The family's name inside the font files.
pub const FAMILY_NAME: &str = "Liberation Sans";

/// Registers the fonts with plotters under `FAMILY`. Safe to call any number of times.
pub fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are the files in fonts/, checked by the tests below: they always parse.
        let _ = register_font(FAMILY, FontStyle::Normal, REGULAR);
        let _ = register_font(FAMILY, FontStyle::Bold, BOLD);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_fonts_cover_latin_cyrillic_and_kazakh() {
        use ab_glyph::{Font, FontRef};
        for bytes in [REGULAR, BOLD] {
            let font = FontRef::try_from_slice(bytes).unwrap();
            for c in "AZaz ÉéŞşČčŽžÖöÜüĞğİıąęłńśźżßñ АЯаяЁё ӘҒҚҢӨҰҮҺІ әғқңөұүһі –—’“”•×€".chars()
            {
                assert_ne!(font.glyph_id(c).0, 0, "no glyph for {c:?}");
            }
        }
    }
}
