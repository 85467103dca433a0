//! The key-figures panel: boxes in rows of three, each with a label, a value that shrinks to fit
//! its box, and a wrapped detail.

use super::style::{
    ACCENT, INK, KEY_BAR, KEY_COLUMNS, KEY_GAP, KEY_INSET, KEY_LABEL_BAND, KEY_PAD_BOTTOM,
    KEY_SPACE_BELOW, KEY_TEXT_INSETS, KEY_VALUE, KEY_VALUE_BAND, KEY_VALUE_GAP, KEY_VALUE_MIN,
    KEY_VALUE_SINK, MUTED, PANEL, Pt, SMALL, SMALL_LEADING,
};
use super::{Flow, KeyFigure, Part, fit, measure, wrap};
use crate::report::metrics::Weight;

impl Flow<'_> {
    pub(super) fn key_figures(&mut self, figures: &[KeyFigure]) {
        let columns = KEY_COLUMNS as f32;
        let w = (self.g.width() - KEY_GAP * (columns - 1.0)) / columns;
        let room = w - KEY_TEXT_INSETS;
        let detail_lines = figures
            .iter()
            .map(|f| wrap(self.m, &f.detail, SMALL, Weight::Regular, room).len())
            .max()
            .unwrap_or(1);
        let h = KEY_LABEL_BAND
            + SMALL_LEADING
            + KEY_VALUE_BAND
            + detail_lines as f32 * SMALL_LEADING
            + KEY_PAD_BOTTOM;
        for (c, chunk) in figures.chunks(KEY_COLUMNS).enumerate() {
            self.ensure(h + KEY_GAP);
            let top = self.y;
            for (j, f) in chunk.iter().enumerate() {
                self.part = Part::Entry(c * KEY_COLUMNS + j);
                let x = self.g.left + j as f32 * (w + KEY_GAP);
                self.key_figure(f, (x, top), (w, h));
            }
            self.y += h + KEY_GAP;
        }
        self.y += KEY_SPACE_BELOW;
    }

    /// One box of `size` with its top-left corner at `at`.
    fn key_figure(&mut self, f: &KeyFigure, (x, top): (Pt, Pt), (w, h): (Pt, Pt)) {
        self.rect(x, top, w, h, PANEL);
        self.rect(x, top, KEY_BAR, h, ACCENT);
        let left = x + KEY_INSET;
        self.text_at(left, top + KEY_INSET, &f.label, SMALL, Weight::Bold, MUTED);
        // The value shrinks to fit its box.
        let room = w - KEY_TEXT_INSETS;
        let natural = measure(self.m, &f.value, KEY_VALUE, Weight::Bold);
        // Scaled as (size × room) ÷ natural, in that order: the sizes printed so far.
        let size = if natural > room {
            (KEY_VALUE * room.0 / natural.0).max(KEY_VALUE_MIN)
        } else {
            KEY_VALUE
        };
        let value = fit(self.m, &f.value, size, Weight::Bold, room);
        self.text_at(
            left,
            top + KEY_INSET + SMALL_LEADING + KEY_VALUE_GAP + (KEY_VALUE - size) * KEY_VALUE_SINK,
            &value,
            size,
            Weight::Bold,
            INK,
        );
        for (k, line) in wrap(self.m, &f.detail, SMALL, Weight::Regular, room)
            .iter()
            .enumerate()
        {
            let y =
                top + KEY_LABEL_BAND + SMALL_LEADING + KEY_VALUE_BAND + k as f32 * SMALL_LEADING;
            self.text_at(left, y, line, SMALL, Weight::Regular, MUTED);
        }
    }
}
