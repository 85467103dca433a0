//! Paragraphs and bulleted lists: wrapped to the body width, no lone first line at the foot of a
//! page and no lone last line at the head of the next.

use super::style::{
    ACCENT, BODY, BODY_LEADING, BULLET_INDENT, BULLET_OFFSET, BULLET_SPACE_BELOW, INK, KEEP_LINES,
    LEAD, LEAD_LEADING, LIST_SPACE_BELOW, MUTED, PARAGRAPH_SPACE, Pt, Rgb, SMALL, SMALL_LEADING,
};
use super::{Flow, Para, Part, wrap};
use crate::report::metrics::Weight;

impl Para {
    /// Type size, leading and colour.
    pub(super) fn set(self) -> (Pt, Pt, Rgb) {
        match self {
            Self::Body => (BODY, BODY_LEADING, INK),
            Self::Lead => (LEAD, LEAD_LEADING, INK),
            Self::Note => (SMALL, SMALL_LEADING, MUTED),
        }
    }
}

impl Flow<'_> {
    /// The first lines a paragraph must have room for.
    pub(super) fn paragraph_min_height(&self, text: &str, para: Para) -> Pt {
        let (size, leading, _) = para.set();
        let lines = wrap(self.m, text, size, Weight::Regular, self.g.width())
            .len()
            .min(KEEP_LINES);
        lines as f32 * leading
    }

    /// The first two lines of the first item, if any.
    pub(super) fn bullets_min_height(&self, items: &[String]) -> Pt {
        items
            .first()
            .map_or(Pt::ZERO, |_| KEEP_LINES as f32 * BODY_LEADING)
    }

    pub(super) fn paragraph(&mut self, text: &str, para: Para) {
        let (size, leading, color) = para.set();
        let lines = wrap(self.m, text, size, Weight::Regular, self.g.width());
        // No lone first line at the foot of a page.
        self.ensure(leading * lines.len().min(KEEP_LINES) as f32);
        for (i, line) in lines.iter().enumerate() {
            // No lone last line at the head of the next page.
            let left = lines.len() - i;
            let need = if left == KEEP_LINES {
                KEEP_LINES as f32 * leading
            } else {
                leading
            };
            if need > self.room() {
                self.new_page();
            }
            self.line(self.g.left, line, size, Weight::Regular, color, leading);
        }
        self.y += leading * PARAGRAPH_SPACE;
    }

    pub(super) fn bullets(&mut self, items: &[String]) {
        for (k, item) in items.iter().enumerate() {
            self.bullet(k, item);
        }
        self.y += LIST_SPACE_BELOW;
    }

    fn bullet(&mut self, k: usize, text: &str) {
        let lines = wrap(
            self.m,
            text,
            BODY,
            Weight::Regular,
            self.g.width() - BULLET_INDENT,
        );
        self.ensure(BODY_LEADING * lines.len().min(KEEP_LINES) as f32);
        for (i, line) in lines.iter().enumerate() {
            if BODY_LEADING > self.room() {
                self.new_page();
            }
            if i == 0 {
                self.part = Part::Label(k);
                let top = self.y;
                self.text_at(
                    self.g.left + BULLET_OFFSET,
                    top + BULLET_OFFSET,
                    "•",
                    BODY,
                    Weight::Regular,
                    ACCENT,
                );
            }
            self.part = Part::Entry(k);
            self.line(
                self.g.left + BULLET_INDENT,
                line,
                BODY,
                Weight::Regular,
                INK,
                BODY_LEADING,
            );
        }
        self.y += BULLET_SPACE_BELOW;
    }
}
