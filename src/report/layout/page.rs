//! What layout produces: paper and margins, the items placed on each page with the block each
//! came from, and the laid-out document.

use super::style::{MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, Pt, Rgb};
use crate::charts::ChartId;
use crate::report::document::{Role, Target};
use crate::report::metrics::Weight;

/// A sheet size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub name: &'static str,
    pub width: Pt,
    pub height: Pt,
}

/// ISO A4.
pub const A4: Paper = Paper {
    name: "A4",
    width: Pt(595.28),
    height: Pt(841.89),
};

/// US Letter.
pub const LETTER: Paper = Paper {
    name: "US Letter",
    width: Pt(612.0),
    height: Pt(792.0),
};

/// Margins in points: the body, and where the header and footer sit.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub paper: Paper,
    pub left: Pt,
    pub right: Pt,
    /// Body top, measured down from the top edge.
    pub top: Pt,
    /// Body bottom, measured up from the bottom edge.
    pub bottom: Pt,
}

impl Geometry {
    /// The briefing's margins on `paper`.
    pub fn for_paper(paper: Paper) -> Self {
        Self {
            paper,
            left: MARGIN_SIDE,
            right: MARGIN_SIDE,
            top: MARGIN_TOP,
            bottom: MARGIN_BOTTOM,
        }
    }

    /// The width of the body.
    pub fn width(&self) -> Pt {
        self.paper.width - self.left - self.right
    }
}

/// Something drawn at a place on a page; y is measured up from the bottom edge (PDF's way).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text with its baseline at `y`.
    Text {
        x: Pt,
        y: Pt,
        size: Pt,
        weight: Weight,
        color: Rgb,
        text: String,
        /// Where the run leads when clicked: a section, table or figure, or a web address.
        link: Option<Target>,
    },
    /// A filled rectangle, `y` its bottom edge.
    Rect {
        x: Pt,
        y: Pt,
        w: Pt,
        h: Pt,
        fill: Rgb,
    },
    /// A straight line.
    Rule {
        from: (Pt, Pt),
        to: (Pt, Pt),
        width: Pt,
        color: Rgb,
    },
    /// A chart drawn into the box whose top-left corner is (`x`, `top`).
    Chart {
        id: ChartId,
        x: Pt,
        top: Pt,
        w: Pt,
        h: Pt,
    },
}

/// Where a placed item comes from: the tagged PDF groups what is drawn by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The block at this index of the blocks laid out, and which part of it.
    Block { index: usize, part: Part },
    /// The running header, the footer or the page number.
    Furniture,
}

impl Origin {
    /// The index of the block, unless the item is page furniture.
    pub fn block(self) -> Option<usize> {
        match self {
            Self::Block { index, .. } => Some(index),
            Self::Furniture => None,
        }
    }
}

/// Which part of its block an item draws: the tagged PDF makes each part its own element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The block's own text: a heading, a paragraph, the cover's title, a chart.
    Whole,
    /// The cover's subtitle.
    Subtitle,
    /// A table's or a figure's caption.
    Caption,
    /// A table cell; row 0 is the header.
    Cell { row: usize, col: usize },
    /// What a continued table repeats on its next page (caption and header): drawn for the
    /// eye, not read again.
    Repeat,
    /// A list item's bullet.
    Label(usize),
    /// A list item's text, a key figure or a contents entry.
    Entry(usize),
    /// Lines and backgrounds that only decorate.
    Decoration,
}

/// A place in the document a link or a bookmark jumps to.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub target: Target,
    /// The named destination, e.g. `medals` or `table-3`.
    pub name: String,
    /// 0-based page.
    pub page: usize,
    /// The top of what it names, measured up from the bottom edge.
    pub y: Pt,
}

/// A bookmark of the outline: level 1 for a section, 2 within one.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub title: String,
    pub level: u8,
    pub page: usize,
    /// The top of the heading, measured up from the bottom edge.
    pub y: Pt,
}

/// One page: its items in drawing order, each with its origin.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Read freely; add through `push`, which keeps `origins` in step.
    pub items: Vec<Item>,
    origins: Vec<Origin>,
}

impl Page {
    /// Places `item`, drawn on behalf of `origin`.
    pub fn push(&mut self, origin: Origin, item: Item) {
        self.origins.push(origin);
        self.items.push(item);
    }

    /// The items in drawing order, each with where it comes from.
    pub fn placed(&self) -> impl Iterator<Item = (Origin, &Item)> {
        self.origins.iter().copied().zip(&self.items)
    }
}

/// The laid-out document.
#[derive(Debug, Clone)]
pub struct Laid {
    pub pages: Vec<Page>,
    /// The outline: sections, their subsections and, in results, each sport, in order.
    pub outline: Vec<Mark>,
    /// Every place a link can lead to.
    pub anchors: Vec<Anchor>,
    pub figures: usize,
    pub tables: usize,
    /// What each block laid out was, by index: `Origin::Block { index: i, .. }` is an item of `structure[i]`.
    pub structure: Vec<Role>,
}

impl Laid {
    /// What block `index` is (a paragraph, for an index past the blocks laid out).
    pub fn role(&self, index: usize) -> Role {
        self.structure
            .get(index)
            .copied()
            .unwrap_or(Role::Paragraph)
    }
}
