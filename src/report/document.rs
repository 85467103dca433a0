//! The document as content hands it to layout: headings, paragraphs, lists, tables, figures and
//! key figures, in reading order. Layout numbers figures and tables and keeps, for every item it
//! places, the index of the block it came from (`layout::Origin`), so the structure survives.

use crate::charts::ChartId;

/// What a link leads to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// The section with this number.
    Section(usize),
    Table(usize),
    Figure(usize),
    /// A web address.
    Uri(String),
    /// Another PDF, by its path relative to this one's folder (a batch index to a briefing).
    File(String),
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Para {
    Body,
    /// Larger, for the cover's summary.
    Lead,
    /// Small and grey: notes, sources.
    Note,
}

/// Which side of its column a cell's text keeps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: its title, its share of the body width and its alignment.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Share of the body width.
    pub width: f32,
    pub align: Align,
}

/// A column titled `title`, `width` of the body wide.
pub fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        width,
        align,
    }
}

/// A table row: one text per column.
#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    /// Set in bold (totals, the delegation's own line).
    pub strong: bool,
    /// The first cell is indented (a discipline beneath its sport).
    pub indent: bool,
    /// The cell in this column links to that target (a nation to its briefing).
    pub link: Option<(usize, Target)>,
}

/// A table: caption, columns and rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// "Table 3. Medallists…" is made from this by the flow, which numbers tables.
    pub caption: String,
    /// The outline lists the table under this title (a sport in the results).
    pub bookmark: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Row {
    /// A row of plain cells: not bold, not indented, no link.
    pub fn plain(cells: Vec<String>) -> Self {
        Self {
            cells,
            strong: false,
            indent: false,
            link: None,
        }
    }
}

impl Table {
    /// The header row: the column titles, in bold.
    pub fn header(&self) -> Row {
        Row {
            cells: self.columns.iter().map(|c| c.title.clone()).collect(),
            strong: true,
            indent: false,
            link: None,
        }
    }
}

/// One figure of the key-figures panel.
#[derive(Debug, Clone)]
pub struct KeyFigure {
    pub label: String,
    pub value: String,
    pub detail: String,
}

/// What a document is made of.
#[derive(Debug, Clone)]
pub enum Block {
    /// The cover's title and subtitle.
    Title {
        title: String,
        subtitle: String,
    },
    /// A numbered section heading, listed in the outline.
    Heading(String),
    Subheading(String),
    Paragraph(String, Para),
    /// A list, one wrapped item per entry, with a bullet.
    Bullets(Vec<String>),
    Table(Table),
    /// A chart across the body width, with its caption (numbered by the flow).
    Figure {
        chart: ChartId,
        caption: String,
    },
    KeyFigures(Vec<KeyFigure>),
    /// The contents list: the section headings, each with its page and a link to it.
    Contents(Vec<String>),
    PageBreak,
}

/// What a block is, for the structure of the document that layout keeps (`Laid::structure`):
/// the tagged PDF maps each to its structure element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Subheading,
    Paragraph,
    List,
    Table,
    Figure,
    KeyFigures,
    Contents,
    /// Draws nothing.
    PageBreak,
}

impl Block {
    /// What this block is.
    pub fn role(&self) -> Role {
        match self {
            Self::Title { .. } => Role::Title,
            Self::Heading(_) => Role::Heading,
            Self::Subheading(_) => Role::Subheading,
            Self::Paragraph(..) => Role::Paragraph,
            Self::Bullets(_) => Role::List,
            Self::Table(_) => Role::Table,
            Self::Figure { .. } => Role::Figure,
            Self::KeyFigures(_) => Role::KeyFigures,
            Self::Contents(_) => Role::Contents,
            Self::PageBreak => Role::PageBreak,
        }
    }
}
