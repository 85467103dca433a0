//! The layout layer: a flow of blocks placed on pages by a cursor.
//!
//! Headings stay with what follows them, paragraphs wrap and avoid a lone first line at the foot
//! of a page, tables break between rows and repeat their header row, figures and their captions
//! stay together. The result is a list of positioned items per page and the outline; turning
//! them into PDF operations is `write`'s job.

use crate::charts::ChartId;

use super::metrics::{Metrics, Weight};

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

pub const INK: Rgb = [0x1A, 0x1A, 0x1A];
pub const MUTED: Rgb = [0x5F, 0x63, 0x68];
pub const RULE: Rgb = [0xB5, 0xB9, 0xBE];
pub const STRIPE: Rgb = [0xF3, 0xF4, 0xF6];
pub const PANEL: Rgb = [0xEE, 0xF2, 0xF7];
pub const ACCENT: Rgb = [0x1F, 0x4E, 0x79];

/// Type sizes and leading, in points.
pub const BODY: f32 = 9.5;
pub const BODY_LEADING: f32 = 13.5;
pub const SMALL: f32 = 8.0;
pub const SMALL_LEADING: f32 = 10.5;
pub const TABLE: f32 = 8.2;
pub const TABLE_LEADING: f32 = 10.4;
pub const H1: f32 = 17.0;
pub const H2: f32 = 11.0;

/// A sheet size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub name: &'static str,
    pub width: f32,
    pub height: f32,
}

pub const A4: Paper = Paper {
    name: "A4",
    width: 595.28,
    height: 841.89,
};
pub const LETTER: Paper = Paper {
    name: "US Letter",
    width: 612.0,
    height: 792.0,
};

/// Margins in points: the body, and where the header and footer sit.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub paper: Paper,
    pub left: f32,
    pub right: f32,
    /// Body top, measured down from the top edge.
    pub top: f32,
    /// Body bottom, measured up from the bottom edge.
    pub bottom: f32,
}

impl Geometry {
    pub fn for_paper(paper: Paper) -> Self {
        Self {
            paper,
            left: 56.7,
            right: 56.7,
            top: 68.0,
            bottom: 62.0,
        }
    }

    pub fn width(&self) -> f32 {
        self.paper.width - self.left - self.right
    }
}

/// Something drawn at a place on a page; y is measured up from the bottom edge (PDF's way).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: String,
    },
    /// A filled rectangle, `y` its bottom edge.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight line.
    Rule {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A chart drawn into the box whose top-left corner is (`x`, `top`).
    Chart {
        id: ChartId,
        x: f32,
        top: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
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

impl Para {
    fn size(self) -> (f32, f32, Rgb) {
        match self {
            Self::Body => (BODY, BODY_LEADING, INK),
            Self::Lead => (11.0, 15.5, INK),
            Self::Note => (SMALL, SMALL_LEADING, MUTED),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Share of the body width.
    pub width: f32,
    pub align: Align,
}

pub fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        width,
        align,
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    /// Set in bold (totals, the delegation's own line).
    pub strong: bool,
    /// The first cell is indented (a discipline beneath its sport).
    pub indent: bool,
}

/// How far an indented first cell moves in.
const INDENT: f32 = 10.0;

/// `text` shortened with an ellipsis to fit `width` points.
pub fn fit(m: &Metrics, text: &str, size: f32, weight: Weight, width: f32) -> String {
    if m.width(text, size, weight) <= width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    for keep in (0..chars.len()).rev() {
        let candidate = format!("{}…", chars[..keep].iter().collect::<String>().trim_end());
        if m.width(&candidate, size, weight) <= width {
            return candidate;
        }
    }
    "…".to_owned()
}

#[derive(Debug, Clone)]
pub struct Table {
    /// "Table 3. Medallists…" is made from this by the flow, which numbers tables.
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
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
    PageBreak,
}

/// The laid-out document.
#[derive(Debug, Clone)]
pub struct Laid {
    pub pages: Vec<Page>,
    /// Section headings and the page (0-based) each starts on.
    pub outline: Vec<(String, usize)>,
    pub figures: usize,
    pub tables: usize,
}

/// Charts are drawn on a 16:9 canvas.
pub const CHART_ASPECT: f32 = 9.0 / 16.0;

struct Flow<'a> {
    g: Geometry,
    m: &'a Metrics,
    pages: Vec<Page>,
    /// Distance of the cursor below the top edge.
    y: f32,
    outline: Vec<(String, usize)>,
    figures: usize,
    tables: usize,
}

/// Splits `text` into lines no wider than `width` points, breaking at spaces; a word wider than
/// the line is cut where it must be.
pub fn wrap(m: &Metrics, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if m.width(&candidate, size, weight) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A single word too long for the line: break after a hyphen or slash where one fits,
        // else cut it.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if m.width(&piece, size, weight) > width && piece.chars().count() > 1 {
                piece.pop();
                let at = piece
                    .rfind(['-', '/'])
                    .map(|i| i + 1)
                    .filter(|&i| i < piece.len());
                let rest = match at {
                    Some(i) => piece.split_off(i),
                    None => String::new(),
                };
                lines.push(std::mem::take(&mut piece));
                piece = rest;
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

impl<'a> Flow<'a> {
    fn new(g: Geometry, m: &'a Metrics) -> Self {
        Self {
            g,
            m,
            pages: vec![Page::default()],
            y: g.top,
            outline: Vec::new(),
            figures: 0,
            tables: 0,
        }
    }

    fn bottom_limit(&self) -> f32 {
        self.g.paper.height - self.g.bottom
    }

    fn room(&self) -> f32 {
        self.bottom_limit() - self.y
    }

    fn at_top(&self) -> bool {
        (self.y - self.g.top).abs() < 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.g.top;
    }

    fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// A line of text whose top is at the cursor; the cursor moves down by `leading`.
    fn line(&mut self, x: f32, text: &str, size: f32, weight: Weight, color: Rgb, leading: f32) {
        let baseline = self.g.paper.height - self.y - size * 0.8 - (leading - size) / 2.0;
        self.page().items.push(Item::Text {
            x,
            y: baseline,
            size,
            weight,
            color,
            text: text.to_owned(),
        });
        self.y += leading;
    }

    fn text_at(&mut self, x: f32, top: f32, text: &str, size: f32, weight: Weight, color: Rgb) {
        let baseline = self.g.paper.height - top - size * 0.8;
        self.page().items.push(Item::Text {
            x,
            y: baseline,
            size,
            weight,
            color,
            text: text.to_owned(),
        });
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb) {
        let y = self.g.paper.height - top - h;
        self.page().items.push(Item::Rect { x, y, w, h, fill });
    }

    fn rule(&mut self, x0: f32, x1: f32, top: f32, width: f32, color: Rgb) {
        let y = self.g.paper.height - top;
        self.page().items.push(Item::Rule {
            from: (x0, y),
            to: (x1, y),
            width,
            color,
        });
    }

    /// The least height a block needs at the foot of a page to begin there.
    fn min_height(&self, block: &Block) -> f32 {
        let w = self.g.width();
        match block {
            Block::Heading(_) => 40.0,
            Block::Subheading(_) => 22.0,
            Block::Paragraph(text, style) => {
                let (size, leading, _) = style.size();
                let lines = wrap(self.m, text, size, Weight::Regular, w).len().min(2);
                lines as f32 * leading
            }
            Block::Bullets(items) => items.first().map_or(0.0, |_| 2.0 * BODY_LEADING),
            Block::Table(t) => {
                self.caption_height(&t.caption)
                    + 2.0 * self.row_height(&t.columns, &header_row(t), true)
                    + 6.0
            }
            Block::Figure { caption, .. } => w * CHART_ASPECT + self.caption_height(caption) + 8.0,
            Block::KeyFigures(_) | Block::Title { .. } | Block::PageBreak => 0.0,
        }
    }

    fn caption_height(&self, caption: &str) -> f32 {
        wrap(self.m, caption, SMALL, Weight::Bold, self.g.width()).len() as f32 * SMALL_LEADING
            + 4.0
    }

    fn cell_lines(&self, columns: &[Column], row: &Row, header: bool) -> Vec<Vec<String>> {
        let weight = if header || row.strong {
            Weight::Bold
        } else {
            Weight::Regular
        };
        columns
            .iter()
            .zip(&row.cells)
            .enumerate()
            .map(|(i, (c, text))| {
                let indent = if i == 0 && row.indent { INDENT } else { 0.0 };
                wrap(
                    self.m,
                    text,
                    TABLE,
                    weight,
                    c.width * self.g.width() - 8.0 - indent,
                )
            })
            .collect()
    }

    fn row_height(&self, columns: &[Column], row: &Row, header: bool) -> f32 {
        let lines = self
            .cell_lines(columns, row, header)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        lines as f32 * TABLE_LEADING + 5.0
    }

    fn place(&mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            let next = blocks.get(i + 1);
            match block {
                Block::Title { title, subtitle } => self.title(title, subtitle),
                Block::Heading(text) => {
                    // A short introduction does not count as the start of the section: what
                    // follows it must fit too.
                    let mut keep = 40.0 + next.map_or(0.0, |b| self.min_height(b));
                    if let Some(Block::Paragraph(intro, style)) = next {
                        let (size, leading, _) = style.size();
                        let lines =
                            wrap(self.m, intro, size, Weight::Regular, self.g.width()).len();
                        if lines <= 3 {
                            keep += lines as f32 * leading - self.min_height(&blocks[i + 1])
                                + blocks.get(i + 2).map_or(0.0, |b| self.min_height(b));
                        }
                    }
                    self.ensure(keep);
                    if !self.at_top() {
                        self.y += 10.0;
                    }
                    let page = self.pages.len() - 1;
                    self.outline.push((text.clone(), page));
                    self.line(self.g.left, text, H1, Weight::Bold, ACCENT, 24.0);
                    let top = self.y - 2.0;
                    self.rule(self.g.left, self.g.left + self.g.width(), top, 0.8, ACCENT);
                    self.y += 8.0;
                }
                Block::Subheading(text) => {
                    let keep = 22.0 + next.map_or(0.0, |b| self.min_height(b));
                    self.ensure(keep);
                    self.y += 4.0;
                    self.line(self.g.left, text, H2, Weight::Bold, INK, 17.0);
                }
                Block::Paragraph(text, style) => self.paragraph(text, *style),
                Block::Bullets(items) => {
                    for item in items {
                        self.bullet(item);
                    }
                    self.y += 4.0;
                }
                Block::Table(t) => self.table(t),
                Block::Figure { chart, caption } => self.figure(*chart, caption),
                Block::KeyFigures(figures) => self.key_figures(figures),
                Block::PageBreak => {
                    if !self.at_top() {
                        self.new_page();
                    }
                }
            }
        }
    }

    fn title(&mut self, title: &str, subtitle: &str) {
        self.y = self.g.top + 40.0;
        for line in wrap(self.m, title, 26.0, Weight::Bold, self.g.width()) {
            self.line(self.g.left, &line, 26.0, Weight::Bold, ACCENT, 32.0);
        }
        for line in wrap(self.m, subtitle, 13.0, Weight::Regular, self.g.width()) {
            self.line(self.g.left, &line, 13.0, Weight::Regular, MUTED, 18.0);
        }
        self.y += 6.0;
        let top = self.y;
        self.rule(self.g.left, self.g.left + self.g.width(), top, 2.0, ACCENT);
        self.y += 18.0;
    }

    fn paragraph(&mut self, text: &str, style: Para) {
        let (size, leading, color) = style.size();
        let lines = wrap(self.m, text, size, Weight::Regular, self.g.width());
        // No lone first line at the foot of a page.
        self.ensure(leading * lines.len().min(2) as f32);
        for (i, line) in lines.iter().enumerate() {
            // No lone last line at the head of the next page.
            let left = lines.len() - i;
            let need = if left == 2 { 2.0 * leading } else { leading };
            if need > self.room() {
                self.new_page();
            }
            self.line(self.g.left, line, size, Weight::Regular, color, leading);
        }
        self.y += leading * 0.45;
    }

    fn bullet(&mut self, text: &str) {
        let indent = 12.0;
        let lines = wrap(self.m, text, BODY, Weight::Regular, self.g.width() - indent);
        self.ensure(BODY_LEADING * lines.len().min(2) as f32);
        for (i, line) in lines.iter().enumerate() {
            if BODY_LEADING > self.room() {
                self.new_page();
            }
            if i == 0 {
                let top = self.y;
                self.text_at(
                    self.g.left + 2.0,
                    top + 2.0,
                    "•",
                    BODY,
                    Weight::Regular,
                    ACCENT,
                );
            }
            self.line(
                self.g.left + indent,
                line,
                BODY,
                Weight::Regular,
                INK,
                BODY_LEADING,
            );
        }
        self.y += 2.0;
    }

    fn caption(&mut self, text: &str) {
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
        self.y += 4.0;
    }

    fn table(&mut self, t: &Table) {
        self.tables += 1;
        let caption = format!("Table {}. {}", self.tables, t.caption);
        let header = header_row(t);
        let header_h = self.row_height(&t.columns, &header, true);
        let heights: Vec<f32> = t
            .rows
            .iter()
            .map(|r| self.row_height(&t.columns, r, false))
            .collect();
        let whole = self.caption_height(&caption) + header_h + heights.iter().sum::<f32>() + 4.0;
        let body = self.bottom_limit() - self.g.top;
        // A short table is kept whole; a long one starts with at least two rows.
        let start = if whole <= body / 3.0 {
            whole
        } else {
            self.caption_height(&caption) + header_h + heights.iter().take(2).sum::<f32>() + 4.0
        };
        self.ensure(start);
        self.caption(&caption);
        self.table_row(&t.columns, &header, true, false);
        for (i, row) in t.rows.iter().enumerate() {
            let h = heights[i];
            // Break early rather than leave a single row to the next page.
            let last_two =
                t.rows.len() >= 4 && i + 2 == t.rows.len() && h + heights[i + 1] > self.room();
            if (h > self.room() || last_two) && !self.at_top() {
                self.new_page();
                self.caption(&format!("Table {} (continued). {}", self.tables, t.caption));
                self.table_row(&t.columns, &header, true, false);
            }
            self.table_row(&t.columns, row, false, i % 2 == 1);
        }
        let top = self.y;
        self.rule(self.g.left, self.g.left + self.g.width(), top, 0.6, RULE);
        self.y += 12.0;
    }

    fn table_row(&mut self, columns: &[Column], row: &Row, header: bool, stripe: bool) {
        let lines = self.cell_lines(columns, row, header);
        let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * TABLE_LEADING + 5.0;
        let (left, width) = (self.g.left, self.g.width());
        let top = self.y;
        if stripe {
            self.rect(left, top, width, h, STRIPE);
        }
        let weight = if header || row.strong {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let color = if header { MUTED } else { INK };
        let mut x = left;
        for (i, (column, cell)) in columns.iter().zip(&lines).enumerate() {
            let w = column.width * width;
            let indent = if i == 0 && row.indent { INDENT } else { 0.0 };
            for (k, line) in cell.iter().enumerate() {
                let tx = match column.align {
                    Align::Left => x + 4.0 + indent,
                    Align::Right => x + w - 4.0 - self.m.width(line, TABLE, weight),
                };
                self.text_at(
                    tx,
                    top + 2.5 + k as f32 * TABLE_LEADING,
                    line,
                    TABLE,
                    weight,
                    color,
                );
            }
            x += w;
        }
        if header {
            self.rule(left, left + width, top + h, 0.8, INK);
        }
        self.y += h;
    }

    fn figure(&mut self, chart: ChartId, caption: &str) {
        self.figures += 1;
        let caption = format!("Figure {}. {}", self.figures, caption);
        let w = self.g.width();
        let h = w * CHART_ASPECT;
        self.ensure(h + self.caption_height(&caption) + 8.0);
        let (x, top) = (self.g.left, self.y);
        self.page().items.push(Item::Chart {
            id: chart,
            x,
            top,
            w,
            h,
        });
        self.y += h + 4.0;
        self.caption(&caption);
        self.y += 6.0;
    }

    fn key_figures(&mut self, figures: &[KeyFigure]) {
        let columns = 3;
        let gap = 8.0;
        let w = (self.g.width() - gap * (columns as f32 - 1.0)) / columns as f32;
        let detail_lines = figures
            .iter()
            .map(|f| wrap(self.m, &f.detail, SMALL, Weight::Regular, w - 16.0).len())
            .max()
            .unwrap_or(1);
        let h = 14.0 + SMALL_LEADING + 24.0 + detail_lines as f32 * SMALL_LEADING + 8.0;
        for (i, chunk) in figures.chunks(columns).enumerate() {
            let _ = i;
            self.ensure(h + gap);
            let top = self.y;
            for (j, f) in chunk.iter().enumerate() {
                let x = self.g.left + j as f32 * (w + gap);
                self.rect(x, top, w, h, PANEL);
                self.rect(x, top, 3.0, h, ACCENT);
                self.text_at(x + 10.0, top + 10.0, &f.label, SMALL, Weight::Bold, MUTED);
                // The value shrinks to fit its box.
                let room = w - 16.0;
                let natural = self.m.width(&f.value, 20.0, Weight::Bold);
                let size = if natural > room {
                    (20.0 * room / natural).max(9.0)
                } else {
                    20.0
                };
                let value = fit(self.m, &f.value, size, Weight::Bold, room);
                self.text_at(
                    x + 10.0,
                    top + 10.0 + SMALL_LEADING + 2.0 + (20.0 - size) * 0.6,
                    &value,
                    size,
                    Weight::Bold,
                    INK,
                );
                for (k, line) in wrap(self.m, &f.detail, SMALL, Weight::Regular, w - 16.0)
                    .iter()
                    .enumerate()
                {
                    let y = top + 14.0 + SMALL_LEADING + 24.0 + k as f32 * SMALL_LEADING;
                    self.text_at(x + 10.0, y, line, SMALL, Weight::Regular, MUTED);
                }
            }
            self.y += h + gap;
        }
        self.y += 6.0;
    }
}

fn header_row(t: &Table) -> Row {
    Row {
        cells: t.columns.iter().map(|c| c.title.clone()).collect(),
        strong: true,
        indent: false,
    }
}

/// Places the blocks on pages of the given geometry.
pub fn flow(blocks: &[Block], g: Geometry, m: &Metrics) -> Laid {
    let mut f = Flow::new(g, m);
    f.place(blocks);
    Laid {
        pages: f.pages,
        outline: f.outline,
        figures: f.figures,
        tables: f.tables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Geometry {
        Geometry::for_paper(A4)
    }

    #[test]
    fn wrapping_respects_the_width_and_cuts_overlong_words() {
        let m = Metrics::new();
        let lines = wrap(
            &m,
            "the quick brown fox jumps over the lazy dog",
            BODY,
            Weight::Regular,
            80.0,
        );
        assert!(lines.len() > 2);
        assert!(
            lines
                .iter()
                .all(|l| m.width(l, BODY, Weight::Regular) <= 80.0)
        );
        let hyphen = wrap(&m, "second-largest", BODY, Weight::Regular, 50.0);
        assert_eq!(hyphen[0], "second-", "{hyphen:?}");
        let long = wrap(&m, &"x".repeat(300), BODY, Weight::Regular, 100.0);
        assert!(
            long.len() >= 3
                && long
                    .iter()
                    .all(|l| m.width(l, BODY, Weight::Regular) <= 100.0)
        );
    }

    #[test]
    fn tables_break_across_pages_and_repeat_their_header() {
        let m = Metrics::new();
        let rows = (0..200)
            .map(|i| Row {
                cells: vec![format!("row {i}"), i.to_string()],
                strong: false,
                indent: false,
            })
            .collect();
        let t = Table {
            caption: "Numbers".into(),
            columns: vec![col("name", 0.7, Align::Left), col("n", 0.3, Align::Right)],
            rows,
        };
        let laid = flow(&[Block::Table(t)], g(), &m);
        assert!(laid.pages.len() >= 3);
        for page in &laid.pages {
            let texts: Vec<&str> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert!(texts.contains(&"name"), "every page repeats the header row");
            assert!(
                texts.iter().any(|t| t.starts_with("Table 1")),
                "and the caption"
            );
        }
        let bottom = g().bottom;
        for page in &laid.pages {
            for item in &page.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y >= bottom - 1.0, "nothing below the bottom margin");
                }
            }
        }
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        let m = Metrics::new();
        let filler = "word ".repeat(600);
        let blocks = vec![
            Block::Paragraph(filler.clone(), Para::Body),
            Block::Heading("2 Next".into()),
            Block::Paragraph(filler, Para::Body),
        ];
        let laid = flow(&blocks, g(), &m);
        let page = laid.outline[0].1;
        let items = &laid.pages[page].items;
        let heading_at = items
            .iter()
            .position(|i| matches!(i, Item::Text { text, .. } if text == "2 Next"))
            .unwrap();
        assert!(
            items.len() > heading_at + 2,
            "the heading is followed by text on its page"
        );
    }

    #[test]
    fn figures_and_tables_are_numbered_in_order() {
        let m = Metrics::new();
        let t = || Table {
            caption: "t".into(),
            columns: vec![col("a", 1.0, Align::Left)],
            rows: vec![],
        };
        let blocks = vec![
            Block::Figure {
                chart: ChartId::Ages,
                caption: "f".into(),
            },
            Block::Table(t()),
            Block::Figure {
                chart: ChartId::History,
                caption: "g".into(),
            },
            Block::Table(t()),
        ];
        let laid = flow(&blocks, g(), &m);
        assert_eq!((laid.figures, laid.tables), (2, 2));
        let texts: Vec<String> = laid
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        for caption in ["Figure 1. f", "Table 1. t", "Figure 2. g", "Table 2. t"] {
            assert!(texts.iter().any(|t| t == caption), "{caption} in {texts:?}");
        }
    }
}
