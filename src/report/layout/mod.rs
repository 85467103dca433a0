//! The layout layer: a flow of blocks placed on pages by a cursor.
//!
//! Headings stay with what follows them, paragraphs wrap and avoid a lone first line at the foot
//! of a page, tables break between rows and repeat their header row, figures and their captions
//! stay together. The result is a list of positioned items per page, each knowing the block it
//! came from, and the outline; turning them into PDF operations is `pdf`'s job.
//!
//! This file holds the cursor and the order of blocks; each kind of block has its own placement
//! rule beside it, and `style` names every size and space.

mod contents;
mod figure;
mod furniture;
mod headings;
mod key_figures;
mod links;
mod page;
mod paragraph;
mod pt;
pub mod style;
mod table;

pub use super::document::{Align, Block, Column, KeyFigure, Para, Role, Row, Table, Target, col};
pub use furniture::{Running, furnish};
pub use page::{A4, Anchor, Geometry, Item, LETTER, Laid, Mark, Origin, Page, Paper, Part};
pub use pt::Pt;

use super::metrics::{Metrics, Weight};
use crate::text::{self, Overlong};
use style::{ASCENT, AT_TOP_TOLERANCE, CAPTION_SPACE_BELOW, MUTED, Rgb, SMALL, SMALL_LEADING};

/// The width of `text` set at `size`.
pub fn measure(m: &Metrics, text: &str, size: Pt, weight: Weight) -> Pt {
    Pt(m.width(text, size.0, weight))
}

/// `text` shortened with an ellipsis to fit `width` points.
pub fn fit(m: &Metrics, text: &str, size: Pt, weight: Weight, width: Pt) -> String {
    text::fit(text, width, |t| measure(m, t, size, weight))
}

/// Splits `text` into lines no wider than `width` points, breaking at spaces; a word wider than
/// the line is cut where it must be. A text without words is one empty line.
pub fn wrap(m: &Metrics, text: &str, size: Pt, weight: Weight, width: Pt) -> Vec<String> {
    let lines = text::wrap(
        text,
        width,
        |t| measure(m, t, size, weight),
        Overlong::Break,
    );
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Bold for headers, totals and the delegation's own line.
fn weight(strong: bool) -> Weight {
    if strong {
        Weight::Bold
    } else {
        Weight::Regular
    }
}

/// The cursor and what it has placed so far.
struct Flow<'a> {
    g: Geometry,
    m: &'a Metrics,
    pages: Vec<Page>,
    /// Distance of the cursor below the top edge.
    y: Pt,
    /// The index of the block being placed: the origin of every item placed now.
    block: usize,
    /// The part of that block being placed.
    part: Part,
    /// Whether text placed now links its references ("section 3", "Table 2", web addresses);
    /// headings and captions, which are what is referred to, do not.
    linking: bool,
    /// A link the text placed now is, whatever its words (a table cell's own link).
    forced: Option<Target>,
    outline: Vec<Mark>,
    anchors: Vec<Anchor>,
    sections: usize,
    figures: usize,
    tables: usize,
    /// The contents list's page numbers, filled in once every section is placed: the page, the
    /// index of the item standing for the number, and the section it names.
    /// and the right edge it is set against.
    contents: Vec<(usize, usize, usize, Pt)>,
}

impl<'a> Flow<'a> {
    fn new(g: Geometry, m: &'a Metrics) -> Self {
        Self {
            g,
            m,
            pages: vec![Page::default()],
            y: g.top,
            block: 0,
            part: Part::Whole,
            linking: true,
            forced: None,
            outline: Vec::new(),
            anchors: Vec::new(),
            sections: 0,
            figures: 0,
            tables: 0,
            contents: Vec::new(),
        }
    }

    fn bottom_limit(&self) -> Pt {
        self.g.paper.height - self.g.bottom
    }

    fn room(&self) -> Pt {
        self.bottom_limit() - self.y
    }

    fn at_top(&self) -> bool {
        (self.y - self.g.top).abs() < AT_TOP_TOLERANCE
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.g.top;
    }

    /// A new page unless `height` fits below the cursor (or the cursor is at the top already).
    fn ensure(&mut self, height: Pt) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// Places an item on the current page for the current block and part; lines and
    /// backgrounds only decorate.
    fn push(&mut self, item: Item) {
        let part = match item {
            Item::Rect { .. } | Item::Rule { .. } => Part::Decoration,
            Item::Text { .. } | Item::Chart { .. } => self.part,
        };
        let origin = Origin::Block {
            index: self.block,
            part,
        };
        let last = self.pages.len() - 1;
        self.pages[last].push(origin, item);
    }

    /// The 0-based page the cursor is on.
    fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// The top of the cursor, measured up from the bottom edge.
    fn y_up(&self) -> Pt {
        self.g.paper.height - self.y
    }

    /// Marks the cursor's place as where `target` leads, under `name` (made unique with a number
    /// when another place has it already).
    fn anchor(&mut self, target: Target, name: String) {
        let (page, y) = (self.page(), self.y_up());
        let mut unique = name.clone();
        let mut n = 2;
        while self.anchors.iter().any(|a| a.name == unique) {
            unique = format!("{name}-{n}");
            n += 1;
        }
        let name = unique;
        self.anchors.push(Anchor {
            target,
            name,
            page,
            y,
        });
    }

    /// The baseline of a line of type `size` set in a line `leading` high whose top is `top`
    /// below the top edge, measured up from the bottom edge.
    fn baseline(&self, top: Pt, size: Pt, leading: Pt) -> Pt {
        self.g.paper.height - top - size * ASCENT - (leading - size) / 2.0
    }

    /// A line of text whose top is at the cursor; the cursor moves down by `leading`.
    fn line(&mut self, x: Pt, text: &str, size: Pt, weight: Weight, color: Rgb, leading: Pt) {
        let baseline = self.baseline(self.y, size, leading);
        self.run(x, baseline, text, (size, weight, color));
        self.y += leading;
    }

    /// A run of text whose top is at `top`; the cursor stays.
    fn text_at(&mut self, x: Pt, top: Pt, text: &str, size: Pt, weight: Weight, color: Rgb) {
        let baseline = self.g.paper.height - top - size * ASCENT;
        self.run(x, baseline, text, (size, weight, color));
    }

    /// A run of text on `baseline`, split where a reference in it becomes a link.
    fn run(&mut self, x: Pt, baseline: Pt, text: &str, (size, weight, color): (Pt, Weight, Rgb)) {
        let pieces = if let Some(target) = &self.forced {
            vec![(text, Some(target.clone()))]
        } else if self.linking {
            links::split(text)
        } else {
            vec![(text, None)]
        };
        let split = pieces.len() > 1;
        let mut x = x;
        for (piece, link) in pieces {
            // Only a split run needs the width of its pieces.
            let width = if split {
                measure(self.m, piece, size, weight)
            } else {
                Pt::ZERO
            };
            self.push(Item::Text {
                x,
                y: baseline,
                size,
                weight,
                color,
                text: piece.to_owned(),
                link,
            });
            x += width;
        }
    }

    fn rect(&mut self, x: Pt, top: Pt, w: Pt, h: Pt, fill: Rgb) {
        let y = self.g.paper.height - top - h;
        self.push(Item::Rect { x, y, w, h, fill });
    }

    /// A rule across the body at `top`.
    fn rule(&mut self, top: Pt, width: Pt, color: Rgb) {
        let (x0, x1) = (self.g.left, self.g.left + self.g.width());
        let y = self.g.paper.height - top;
        self.push(Item::Rule {
            from: (x0, y),
            to: (x1, y),
            width,
            color,
        });
    }

    /// The height a caption takes, its space below included.
    fn caption_height(&self, caption: &str) -> Pt {
        wrap(self.m, caption, SMALL, Weight::Bold, self.g.width()).len() as f32 * SMALL_LEADING
            + CAPTION_SPACE_BELOW
    }

    /// A figure's or a table's caption, across the body; `part` says whether it is read or
    /// only repeated for the eye.
    fn caption(&mut self, text: &str, part: Part) {
        let (was, linking) = (self.part, self.linking);
        self.part = part;
        self.linking = false;
        for line in wrap(self.m, text, SMALL, Weight::Bold, self.g.width()) {
            self.line(
                self.g.left,
                &line,
                SMALL,
                Weight::Bold,
                MUTED,
                SMALL_LEADING,
            );
        }
        self.y += CAPTION_SPACE_BELOW;
        self.part = was;
        self.linking = linking;
    }

    /// The least height a block needs at the foot of a page to begin there.
    fn min_height(&self, block: &Block) -> Pt {
        match block {
            Block::Heading(_) => style::HEADING_KEEP,
            Block::Subheading(_) => style::SUBHEADING_KEEP,
            Block::Paragraph(text, para) => self.paragraph_min_height(text, *para),
            Block::Bullets(items) => self.bullets_min_height(items),
            Block::Table(t) => self.table_min_height(t),
            Block::Figure { caption, .. } => self.figure_min_height(caption),
            Block::Contents(entries) => self.contents_min_height(entries),
            Block::KeyFigures(_) | Block::Title { .. } | Block::PageBreak => Pt::ZERO,
        }
    }

    /// Places every block in order, a heading only where it does not end a page.
    fn place(&mut self, blocks: &[Block]) {
        for i in 0..blocks.len() {
            if blocks[i].is_heading() {
                self.keep_heading(blocks, i);
            }
            self.place_one(blocks, i);
        }
    }

    /// Places the block at `i` where the cursor is; a heading's keeping is `keep_heading`'s.
    fn place_one(&mut self, blocks: &[Block], i: usize) {
        let Some(block) = blocks.get(i) else {
            return;
        };
        self.block = i;
        self.part = Part::Whole;
        match block {
            Block::Title { title, subtitle } => self.title(title, subtitle),
            Block::Heading(text) => self.heading(text),
            Block::Subheading(text) => self.subheading(text),
            Block::Paragraph(text, para) => self.paragraph(text, *para),
            Block::Bullets(items) => self.bullets(items),
            Block::Table(t) => self.table(t),
            Block::Figure { chart, caption } => self.figure(*chart, caption),
            Block::KeyFigures(figures) => self.key_figures(figures),
            Block::Contents(entries) => self.contents_list(entries),
            Block::PageBreak => {
                // After the first page, a page holding less than a quarter of its height (what
                // spilled over from a full page before: a long cover's contents list on Letter)
                // is followed at once rather than left nearly empty.
                let used = self.y - self.g.top;
                let body = self.bottom_limit() - self.g.top;
                if !self.at_top() && (self.pages.len() == 1 || used > body * 0.25) {
                    self.new_page();
                }
            }
        }
    }

    /// A cursor at this one's place on a page of its own, for trying out what would land where:
    /// its page 0 is this page from the cursor down.
    fn trial(&self) -> Flow<'a> {
        Flow {
            g: self.g,
            m: self.m,
            pages: vec![Page::default()],
            y: self.y,
            block: self.block,
            part: self.part,
            linking: self.linking,
            forced: self.forced.clone(),
            outline: Vec::new(),
            anchors: Vec::new(),
            sections: self.sections,
            figures: self.figures,
            tables: self.tables,
            contents: Vec::new(),
        }
    }

    /// Whether page 0 holds an item of block `i`.
    fn starts_on_first_page(&self, i: usize) -> bool {
        self.pages
            .first()
            .is_some_and(|p| p.placed().any(|(o, _)| o.block() == Some(i)))
    }

    /// How many lines of text of block `i` page 0 holds.
    fn lines_on_first_page(&self, i: usize) -> usize {
        self.pages.first().map_or(0, |p| {
            p.placed()
                .filter(|(o, item)| o.block() == Some(i) && matches!(item, Item::Text { .. }))
                .count()
        })
    }
}

impl Flow<'_> {
    /// Takes the link off a reference to a section, table or figure the document does not have
    /// ("Table 40" of a document with 30): the words stay, as plain text.
    fn drop_dangling_links(&mut self) {
        let anchors = &self.anchors;
        for page in &mut self.pages {
            for item in &mut page.items {
                if let Item::Text { link, .. } = item {
                    let dangling = link.as_ref().is_some_and(|t| {
                        !matches!(t, Target::Uri(_) | Target::File(_))
                            && !anchors.iter().any(|a| a.target == *t)
                    });
                    if dangling {
                        *link = None;
                    }
                }
            }
        }
    }
}

impl Block {
    /// A section heading or a subheading: never the last thing on a page.
    fn is_heading(&self) -> bool {
        matches!(self, Self::Heading(_) | Self::Subheading(_))
    }
}

/// Places the blocks on pages of the given geometry.
pub fn flow(blocks: &[Block], g: Geometry, m: &Metrics) -> Laid {
    let mut f = Flow::new(g, m);
    f.place(blocks);
    f.number_contents();
    f.drop_dangling_links();
    Laid {
        pages: f.pages,
        outline: f.outline,
        anchors: f.anchors,
        figures: f.figures,
        tables: f.tables,
        structure: blocks.iter().map(Block::role).collect(),
    }
}

#[cfg(test)]
mod tests;
