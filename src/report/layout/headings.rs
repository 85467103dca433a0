//! The cover's title and the section headings: a heading never ends a page, and a short
//! introduction under it does not count as the start of its section.

use super::style::{
    ACCENT, H1, H1_LEADING, H2, H2_LEADING, HEADING_KEEP, HEADING_RULE, HEADING_RULE_RISE,
    HEADING_SPACE_ABOVE, HEADING_SPACE_BELOW, INK, MUTED, Pt, SHORT_INTRO_LINES, SUBHEADING_KEEP,
    SUBHEADING_SPACE_ABOVE, SUBTITLE, SUBTITLE_LEADING, TITLE, TITLE_DROP, TITLE_LEADING,
    TITLE_RULE, TITLE_RULE_GAP, TITLE_SPACE_BELOW,
};
use super::{Block, Flow, wrap};
use crate::report::metrics::Weight;

impl Flow<'_> {
    /// The cover's title and subtitle, ruled off beneath.
    pub(super) fn title(&mut self, title: &str, subtitle: &str) {
        self.y = self.g.top + TITLE_DROP;
        for line in wrap(self.m, title, TITLE, Weight::Bold, self.g.width()) {
            self.line(
                self.g.left,
                &line,
                TITLE,
                Weight::Bold,
                ACCENT,
                TITLE_LEADING,
            );
        }
        for line in wrap(self.m, subtitle, SUBTITLE, Weight::Regular, self.g.width()) {
            self.line(
                self.g.left,
                &line,
                SUBTITLE,
                Weight::Regular,
                MUTED,
                SUBTITLE_LEADING,
            );
        }
        self.y += TITLE_RULE_GAP;
        let top = self.y;
        self.rule(top, TITLE_RULE, ACCENT);
        self.y += TITLE_SPACE_BELOW;
    }

    /// A numbered section heading, listed in the outline; `rest` is what follows it.
    pub(super) fn heading(&mut self, text: &str, rest: &[Block]) {
        let next = rest.first();
        // A short introduction does not count as the start of the section: what follows it must
        // fit too.
        let mut keep = HEADING_KEEP + next.map_or(Pt::ZERO, |b| self.min_height(b));
        if let Some(intro @ Block::Paragraph(words, para)) = next {
            let (size, leading, _) = para.set();
            let lines = wrap(self.m, words, size, Weight::Regular, self.g.width()).len();
            if lines <= SHORT_INTRO_LINES {
                keep += lines as f32 * leading - self.min_height(intro)
                    + rest.get(1).map_or(Pt::ZERO, |b| self.min_height(b));
            }
        }
        self.ensure(keep);
        if !self.at_top() {
            self.y += HEADING_SPACE_ABOVE;
        }
        let page = self.pages.len() - 1;
        self.outline.push((text.to_owned(), page));
        self.line(self.g.left, text, H1, Weight::Bold, ACCENT, H1_LEADING);
        let top = self.y - HEADING_RULE_RISE;
        self.rule(top, HEADING_RULE, ACCENT);
        self.y += HEADING_SPACE_BELOW;
    }

    /// A subheading, kept with the start of what follows it.
    pub(super) fn subheading(&mut self, text: &str, next: Option<&Block>) {
        let keep = SUBHEADING_KEEP + next.map_or(Pt::ZERO, |b| self.min_height(b));
        self.ensure(keep);
        self.y += SUBHEADING_SPACE_ABOVE;
        self.line(self.g.left, text, H2, Weight::Bold, INK, H2_LEADING);
    }
}
