//! The contents list: one line per section in two columns, its title on the left and its page
//! on the right, both a link to the section; read down the first column, then the second. The pages are known only once every section is placed, so each
//! line holds a place for its number, filled in at the end.

use super::style::{BODY, BODY_LEADING, INK, LIST_SPACE_BELOW, Pt};
use super::{Flow, Item, Part, Target, measure};

/// Columns of the contents list, and the space between them.
const CONTENTS_COLUMNS: usize = 2;
const CONTENTS_GAP: Pt = Pt(24.0);
use crate::report::metrics::Weight;

impl Flow<'_> {
    /// The whole list: it is short, and kept together.
    pub(super) fn contents_min_height(&self, entries: &[String]) -> Pt {
        entries.len().div_ceil(CONTENTS_COLUMNS) as f32 * BODY_LEADING
    }

    pub(super) fn contents_list(&mut self, entries: &[String]) {
        self.ensure(self.contents_min_height(entries));
        self.linking = false;
        let rows = entries.len().div_ceil(CONTENTS_COLUMNS).max(1);
        let width = (self.g.width() - CONTENTS_GAP * (CONTENTS_COLUMNS - 1) as f32)
            / CONTENTS_COLUMNS as f32;
        let top = self.y;
        for (k, title) in entries.iter().enumerate() {
            self.part = Part::Entry(k);
            let target = Some(Target::Section(k + 1));
            let left = self.g.left + (k / rows) as f32 * (width + CONTENTS_GAP);
            let row_top = top + (k % rows) as f32 * BODY_LEADING;
            let baseline = self.baseline(row_top, BODY, BODY_LEADING);
            self.push(Item::Text {
                x: left,
                y: baseline,
                size: BODY,
                weight: Weight::Regular,
                color: INK,
                text: title.clone(),
                link: target.clone(),
            });
            // The page number's place, filled in by `number_contents`.
            let page = self.page();
            let right = left + width;
            self.contents
                .push((page, self.pages[page].items.len(), k + 1, right));
            self.push(Item::Text {
                x: right,
                y: baseline,
                size: BODY,
                weight: Weight::Regular,
                color: INK,
                text: String::new(),
                link: target,
            });
        }
        self.y = top + rows as f32 * BODY_LEADING;
        self.linking = true;
        self.y += LIST_SPACE_BELOW;
    }

    /// Writes each contents line's page number, right-aligned to the body, once the sections
    /// are placed. A section that was not placed keeps an empty number.
    pub(super) fn number_contents(&mut self) {
        for (page, index, section, right) in std::mem::take(&mut self.contents) {
            let Some(anchor) = self
                .anchors
                .iter()
                .find(|a| a.target == Target::Section(section))
            else {
                continue;
            };
            let number = (anchor.page + 1).to_string();
            let width = measure(self.m, &number, BODY, Weight::Regular);
            if let Some(Item::Text { x, text, .. }) = self
                .pages
                .get_mut(page)
                .and_then(|p| p.items.get_mut(index))
            {
                *x = right - width;
                *text = number;
            }
        }
    }
}
