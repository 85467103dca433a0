//! The summary's page and its plain text tables: lines wrapped to the page, columns narrowed to
//! fit it.

use crate::stats::MedalView;
use crate::text::{Overlong, fit, wrap};

/// The narrowest a column of text is squeezed to before the table gives up fitting (names and
/// events wrap within it).
const MIN_TEXT_COLUMN: usize = 12;

/// Characters, the terminal's unit of width.
pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The summary being written, and the width no line of it may pass.
pub(super) struct Out {
    pub text: String,
    pub width: usize,
}

impl Out {
    /// Writes `text`, one line per `\n`-separated piece: a piece wider than the page wraps at
    /// spaces, its later lines indented two more than its first.
    pub fn line(&mut self, text: &str) {
        for piece in text.split('\n') {
            if chars(piece) <= self.width {
                self.push(piece);
                continue;
            }
            let indent = chars(piece) - chars(piece.trim_start());
            let room = self.width.saturating_sub(indent + 2).max(1);
            let lines = wrap(piece, room, chars, Overlong::Break);
            for (i, l) in lines.iter().enumerate() {
                let pad = if i == 0 { indent } else { indent + 2 };
                self.push(&format!("{}{l}", " ".repeat(pad)));
            }
        }
    }

    /// Writes one line as it is, but never wider than the page: whatever would pass the edge is
    /// replaced by an ellipsis (a last resort; `line` and `Table` wrap first).
    pub fn push(&mut self, line: &str) {
        self.text.push_str(&fit(line.trim_end(), self.width, chars));
        self.text.push('\n');
    }
}

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Right,
}

/// A plain text table: a header row, a rule, the rows; columns padded to their widest cell, and
/// narrowed to fit the page when they would pass it, their text wrapping within them.
pub(super) struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns (header, alignment) and no rows.
    pub fn new(columns: &[(&str, Align)]) -> Self {
        Self {
            header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds columns once for each medal view: `columns` gives a view's headers.
    pub fn per_view(
        mut self,
        views: &[&MedalView],
        columns: impl Fn(&MedalView) -> Vec<(String, Align)>,
    ) -> Self {
        for (header, align) in views.iter().flat_map(|v| columns(v)) {
            self.header.push(header);
            self.align.push(align);
        }
        self
    }

    /// Adds a row of cells, one per column.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Adds a row: the `lead` cells, then `cells` for each medal view.
    pub fn row_per_view(
        &mut self,
        mut lead: Vec<String>,
        views: &[&MedalView],
        cells: impl Fn(&MedalView) -> Vec<String>,
    ) {
        lead.extend(views.iter().flat_map(|v| cells(v)));
        self.rows.push(lead);
    }

    /// The width of each column: its widest cell, or less when the table would pass `page`.
    /// Then the widest text column gives up a character at a time, down to `MIN_TEXT_COLUMN`;
    /// a column of numbers keeps its widest number (only its header may wrap).
    fn widths(&self, page: usize) -> Vec<usize> {
        let cell = |r: &Vec<String>, c: usize| r.get(c).map_or(0, |s| chars(s));
        let body = |c: usize| self.rows.iter().map(|r| cell(r, c)).max().unwrap_or(0);
        let mut widths: Vec<usize> = (0..self.header.len())
            .map(|c| body(c).max(chars(&self.header[c])))
            .collect();
        let floor: Vec<usize> = (0..widths.len())
            .map(|c| match self.align[c] {
                Align::Left => widths[c].min(MIN_TEXT_COLUMN),
                Align::Right => body(c).max(1),
            })
            .collect();
        // Two spaces before each column.
        let room = page.saturating_sub(2 * widths.len());
        while widths.iter().sum::<usize>() > room {
            // The widest that can still give; of equal ones the rightmost (names lead a row).
            let Some(c) = (0..widths.len())
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| (widths[c], c))
            else {
                break;
            };
            widths[c] -= 1;
        }
        widths
    }

    /// Writes the table to `out`: the header, a rule, then the rows.
    pub fn render(&self, out: &mut Out) {
        let widths = self.widths(out.width);
        let line = |cells: &[String], out: &mut Out| {
            // Each cell's lines at its column's width (a leading indent kept on every line).
            let cells: Vec<Vec<String>> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, &w)| {
                    let body = cell.trim_start();
                    let indent = " ".repeat(chars(cell) - chars(body));
                    let room = w.saturating_sub(indent.len()).max(1);
                    let lines = wrap(body, room, chars, Overlong::Break);
                    if lines.is_empty() {
                        vec![String::new()]
                    } else {
                        lines.into_iter().map(|l| format!("{indent}{l}")).collect()
                    }
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for i in 0..height {
                let mut text = String::from("  ");
                for (c, lines) in cells.iter().enumerate() {
                    let cell = lines.get(i).map_or("", String::as_str);
                    let pad = " ".repeat(widths[c].saturating_sub(chars(cell)));
                    if self.align[c] == Align::Right {
                        text.push_str(&pad);
                        text.push_str(cell);
                    } else {
                        text.push_str(cell);
                        text.push_str(&pad);
                    }
                    text.push_str("  ");
                }
                out.push(&text);
            }
        };
        line(&self.header, out);
        let rule = widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>();
        let mut text = String::from("  ");
        text.push_str(&rule.join("  "));
        out.push(&text);
        for row in &self.rows {
            line(row, out);
        }
    }
}

/// One column per view, headed by the view's name.
pub(super) fn labelled(align: Align) -> impl Fn(&MedalView) -> Vec<(String, Align)> {
    move |v| vec![(v.label().to_owned(), align)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_narrows_its_text_columns_and_wraps_their_cells() {
        let mut table = Table::new(&[("athlete", Align::Left), ("medals", Align::Right)]);
        table.row(vec![
            "A very long name that cannot fit on one narrow line at all".to_owned(),
            "4/2/0 = 6".to_owned(),
        ]);
        table.row(vec!["Short".to_owned(), "1/0/0 = 1".to_owned()]);
        let mut out = Out {
            text: String::new(),
            width: 30,
        };
        table.render(&mut out);
        assert!(out.text.lines().all(|l| chars(l) <= 30), "{}", out.text);
        // Numbers are kept whole; the name wraps within its column.
        assert!(out.text.contains("4/2/0 = 6"), "{}", out.text);
        let words: Vec<&str> = out.text.split_whitespace().collect();
        assert!(words.windows(2).any(|w| w == ["A", "very"]), "{}", out.text);
        assert!(words.contains(&"all"), "{}", out.text);
    }

    #[test]
    fn a_long_line_wraps_with_a_hanging_indent() {
        let mut out = Out {
            text: String::new(),
            width: 20,
        };
        out.line("  one two three four five six seven");
        assert_eq!(out.text, "  one two three\n    four five six\n    seven\n");
    }
}
