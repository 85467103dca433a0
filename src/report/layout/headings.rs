//! The cover's title and the section headings: a heading (section or sub-) never ends a page.
//! It moves to the next page unless what follows it begins on its page: the first lines of a
//! paragraph, the start of a table or a figure, or, under a short introduction, the whole
//! introduction and the start of what it introduces.

use super::style::{
    ACCENT, H1, H1_LEADING, H2, H2_LEADING, HEADING_KEEP, HEADING_RULE, HEADING_RULE_RISE,
    HEADING_SPACE_ABOVE, HEADING_SPACE_BELOW, INK, KEEP_LINES, MUTED, Pt, SHORT_INTRO_LINES,
    SUBHEADING_KEEP, SUBHEADING_SPACE_ABOVE, SUBTITLE, SUBTITLE_LEADING, TITLE, TITLE_DROP,
    TITLE_LEADING, TITLE_RULE, TITLE_RULE_GAP, TITLE_SPACE_BELOW,
};
use super::{Block, Flow, Mark, Para, Part, Target, wrap};
use crate::report::metrics::Weight;

impl Flow<'_> {
    /// The cover's title and subtitle, ruled off beneath.
    pub(super) fn title(&mut self, title: &str, subtitle: &str) {
        self.linking = false;
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
        self.part = Part::Subtitle;
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
        self.linking = true;
    }

    /// Moves the cursor to a new page before the heading at `i` if placing it here would leave
    /// it at the foot of the page.
    ///
    /// First the room the heading is known to need is asked for (`estimate`). Then, as that is
    /// only an estimate, the heading and what it keeps with (`kept`) are laid out on trial from
    /// the cursor by the very rules that will place them: if any of it would not begin on this
    /// page, the heading begins the next. A heading at the top of a page stays: nothing better
    /// can be had.
    pub(super) fn keep_heading(&mut self, blocks: &[Block], i: usize) {
        let keep = self.estimate(blocks, i);
        self.ensure(keep);
        if !self.at_top() && self.strands(blocks, i) {
            self.new_page();
        }
    }

    /// The room a heading asks for at the foot of a page: its own and the least its next block
    /// needs to begin, and for a section heading over a short introduction, the whole
    /// introduction and the least the block after it needs.
    fn estimate(&self, blocks: &[Block], i: usize) -> Pt {
        let next = blocks.get(i + 1);
        let next_min = next.map_or(Pt::ZERO, |b| self.min_height(b));
        match blocks.get(i) {
            Some(Block::Heading(_)) => {
                let mut keep = HEADING_KEEP + next_min;
                if let Some(intro @ Block::Paragraph(words, para)) = next {
                    let (_, leading, _) = para.set();
                    let lines = self.paragraph_lines(words, *para);
                    if lines <= SHORT_INTRO_LINES {
                        keep += lines as f32 * leading - self.min_height(intro)
                            + blocks.get(i + 2).map_or(Pt::ZERO, |b| self.min_height(b));
                    }
                }
                keep
            }
            Some(Block::Subheading(_)) => SUBHEADING_KEEP + next_min,
            _ => Pt::ZERO,
        }
    }

    /// The lines of a paragraph set to the body width.
    fn paragraph_lines(&self, words: &str, para: Para) -> usize {
        let (size, _, _) = para.set();
        wrap(self.m, words, size, Weight::Regular, self.g.width()).len()
    }

    /// The end (exclusive) of what the heading at `i` keeps with: its next block, and when that
    /// is a short introduction to a table, a figure, a list or key figures, that block as well
    /// (a short paragraph before another paragraph or a heading is text like any other). A
    /// heading directly beneath is kept with, and keeps with what follows it in turn.
    fn kept(&self, blocks: &[Block], i: usize) -> usize {
        let introduced = |b: &Block| {
            matches!(
                b,
                Block::Table(_) | Block::Figure { .. } | Block::Bullets(_) | Block::KeyFigures(_)
            )
        };
        match blocks.get(i + 1) {
            None | Some(Block::PageBreak | Block::Title { .. }) => i + 1,
            Some(Block::Paragraph(words, para))
                if self.paragraph_lines(words, *para) <= SHORT_INTRO_LINES
                    && blocks.get(i + 2).is_some_and(introduced) =>
            {
                i + 3
            }
            Some(_) => i + 2,
        }
    }

    /// Whether the heading at `i`, placed at the cursor, would not have what it keeps with
    /// begin on the same page: the first lines of a paragraph (all of a short introduction), the
    /// caption and first rows of a table (all of a short one), a figure with its caption, the
    /// first item of a list, the first row of key figures, or a heading beneath that keeps
    /// with its own.
    fn strands(&self, blocks: &[Block], i: usize) -> bool {
        let end = self.kept(blocks, i);
        let mut trial = self.trial();
        trial.place_one(blocks, i);
        for k in i + 1..end {
            if blocks.get(k).is_some_and(Block::is_heading) {
                trial.keep_heading(blocks, k);
            }
            trial.place_one(blocks, k);
        }
        (i + 1..end).any(|k| match blocks.get(k) {
            Some(Block::Paragraph(words, para)) => {
                let lines = self.paragraph_lines(words, *para);
                let wanted = if k + 1 < end {
                    lines
                } else {
                    lines.min(KEEP_LINES)
                };
                trial.lines_on_first_page(k) < wanted
            }
            Some(_) => !trial.starts_on_first_page(k),
            None => false,
        })
    }

    /// A numbered section heading, listed in the outline.
    pub(super) fn heading(&mut self, text: &str) {
        if !self.at_top() {
            self.y += HEADING_SPACE_ABOVE;
        }
        self.sections += 1;
        self.outline.push(Mark {
            title: text.to_owned(),
            level: 1,
            page: self.page(),
            y: self.y_up(),
        });
        self.anchor(Target::Section(self.sections), slug(text));
        self.linking = false;
        self.line(self.g.left, text, H1, Weight::Bold, ACCENT, H1_LEADING);
        self.linking = true;
        let top = self.y - HEADING_RULE_RISE;
        self.rule(top, HEADING_RULE, ACCENT);
        self.y += HEADING_SPACE_BELOW;
    }

    /// A subheading.
    pub(super) fn subheading(&mut self, text: &str) {
        self.y += SUBHEADING_SPACE_ABOVE;
        self.outline.push(Mark {
            title: text.to_owned(),
            level: 2,
            page: self.page(),
            y: self.y_up(),
        });
        self.linking = false;
        self.line(self.g.left, text, H2, Weight::Bold, INK, H2_LEADING);
        self.linking = true;
    }
}

/// A section heading's named destination: its words without a leading section number, in lower
/// case and joined by hyphens ("2 Medals" is `medals`, "5 Across the Games" `across-the-games`,
/// "2012 Summer" `2012-summer`).
pub(super) fn slug(heading: &str) -> String {
    let mut words: Vec<String> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // A section number (one or two digits) is not part of the name; a year is.
    if words.len() > 1 && words[0].len() <= 2 && words[0].bytes().all(|b| b.is_ascii_digit()) {
        words.remove(0);
    }
    if words.is_empty() {
        "section".to_owned()
    } else {
        words.join("-")
    }
}
