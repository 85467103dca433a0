//! Tables: numbered captions, a header row repeated on every page the table reaches, striped
//! rows that break between pages but never leave one row alone, and a rule at the foot.

use super::style::{
    CELL_INDENT, CELL_PAD, HEADER_RULE, INK, MUTED, PAGE_RULE, Pt, ROW_PAD, SHORT_TABLE_DIVISOR,
    STRIPE, TABLE, TABLE_FOOT_RULE, TABLE_KEEP_EXTRA, TABLE_KEEP_LAST_PAIR, TABLE_KEEP_ROWS,
    TABLE_LEADING, TABLE_SPACE_BELOW, TABLE_START_EXTRA, TABLE_START_ROWS,
};
use super::{Align, Column, Flow, Mark, Part, Row, Table, Target, measure, weight, wrap};

/// The most words of a caption repeated over a table's continuation.
const REPEATED_CAPTION_WORDS: usize = 5;

impl Flow<'_> {
    /// The caption and room for the header and one row at the foot of a page.
    pub(super) fn table_min_height(&self, t: &Table) -> Pt {
        self.caption_height(&t.caption)
            + TABLE_KEEP_ROWS * self.row_height(&t.columns, &t.header(), true)
            + TABLE_START_EXTRA
    }

    /// Each cell's text wrapped to its column.
    fn cell_lines(&self, columns: &[Column], row: &Row, header: bool) -> Vec<Vec<String>> {
        let weight = weight(header || row.strong);
        columns
            .iter()
            .zip(&row.cells)
            .enumerate()
            .map(|(i, (c, text))| {
                let indent = if i == 0 && row.indent {
                    CELL_INDENT
                } else {
                    Pt::ZERO
                };
                wrap(
                    self.m,
                    text,
                    TABLE,
                    weight,
                    c.width * self.g.width() - 2.0 * CELL_PAD - indent,
                )
            })
            .collect()
    }

    fn row_height(&self, columns: &[Column], row: &Row, header: bool) -> Pt {
        let lines = self
            .cell_lines(columns, row, header)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        lines as f32 * TABLE_LEADING + ROW_PAD
    }

    pub(super) fn table(&mut self, t: &Table) {
        self.tables += 1;
        let caption = format!("Table {}. {}", self.tables, t.caption);
        let header = t.header();
        let header_h = self.row_height(&t.columns, &header, true);
        let heights: Vec<Pt> = t
            .rows
            .iter()
            .map(|r| self.row_height(&t.columns, r, false))
            .collect();
        let whole = self.caption_height(&caption)
            + header_h
            + heights.iter().sum::<Pt>()
            + TABLE_KEEP_EXTRA;
        let body = self.bottom_limit() - self.g.top;
        // A short table is kept whole; a long one starts with at least two rows.
        let start = if whole <= body / SHORT_TABLE_DIVISOR {
            whole
        } else {
            self.caption_height(&caption)
                + header_h
                + heights.iter().take(TABLE_START_ROWS).sum::<Pt>()
                + TABLE_KEEP_EXTRA
        };
        self.ensure(start);
        self.anchor(Target::Table(self.tables), format!("table-{}", self.tables));
        if let Some(title) = &t.bookmark {
            self.outline.push(Mark {
                title: title.clone(),
                level: 2,
                page: self.page(),
                y: self.y_up(),
            });
        }
        self.caption(&caption, Part::Caption);
        self.table_row(&t.columns, &header, 0, false);
        for (i, row) in t.rows.iter().enumerate() {
            let h = heights[i];
            // Break early rather than leave a single row to the next page.
            let last_two = t.rows.len() >= TABLE_KEEP_LAST_PAIR
                && i + 2 == t.rows.len()
                && h + heights[i + 1] > self.room();
            if (h > self.room() || last_two) && !self.at_top() {
                self.new_page();
                // A short caption is repeated; a long one would read as prose the tags skip.
                let again = if t.caption.split(' ').count() <= REPEATED_CAPTION_WORDS {
                    format!("Table {} (continued). {}", self.tables, t.caption)
                } else {
                    format!("Table {} (continued)", self.tables)
                };
                self.caption(&again, Part::Repeat);
                self.part = Part::Repeat;
                self.table_row(&t.columns, &header, 0, false);
                self.part = Part::Whole;
            }
            self.table_row(&t.columns, row, i + 1, i % 2 == 1);
        }
        self.part = Part::Whole;
        let top = self.y;
        self.rule(top, TABLE_FOOT_RULE, PAGE_RULE);
        self.y += TABLE_SPACE_BELOW;
    }

    /// Row `index` of the table (0: the header row) with its top at the cursor. A repeated
    /// header keeps the part it is given; other rows mark each cell as theirs.
    fn table_row(&mut self, columns: &[Column], row: &Row, index: usize, stripe: bool) {
        let header = index == 0;
        let repeat = self.part == Part::Repeat;
        let lines = self.cell_lines(columns, row, header);
        let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * TABLE_LEADING + ROW_PAD;
        let (left, width) = (self.g.left, self.g.width());
        let top = self.y;
        if stripe {
            self.rect(left, top, width, h, STRIPE);
        }
        let weight = weight(header || row.strong);
        let color = if header { MUTED } else { INK };
        let mut x = left;
        for (i, (column, cell)) in columns.iter().zip(&lines).enumerate() {
            let w = column.width * width;
            let indent = if i == 0 && row.indent {
                CELL_INDENT
            } else {
                Pt::ZERO
            };
            if !repeat {
                self.part = Part::Cell { row: index, col: i };
            }
            self.forced = row
                .link
                .as_ref()
                .filter(|(col, _)| *col == i && !repeat)
                .map(|(_, target)| target.clone());
            for (k, line) in cell.iter().enumerate() {
                let tx = match column.align {
                    Align::Left => x + CELL_PAD + indent,
                    Align::Right => x + w - CELL_PAD - measure(self.m, line, TABLE, weight),
                };
                self.text_at(
                    tx,
                    top + ROW_PAD / 2.0 + k as f32 * TABLE_LEADING,
                    line,
                    TABLE,
                    weight,
                    color,
                );
            }
            x += w;
        }
        self.forced = None;
        if header {
            self.rule(top + h, HEADER_RULE, INK);
        }
        self.y += h;
    }
}
