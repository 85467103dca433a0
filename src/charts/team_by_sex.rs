//! Chart 5: the team by sex, one square per athlete, with counts and shares.

use plotters::prelude::DrawingBackend;

use super::canvas::{Anchor, Canvas};
use super::theme::{Font, LABEL, MEN, MUTED, TITLE, WOMEN};
use super::{ChartError, Rect};
use crate::stats::Stats;
use crate::text::plural;

pub fn absent(s: &Stats) -> Option<String> {
    (s.team.athletes == 0).then(|| "no athletes".to_owned())
}

/// The grid with the largest squares for `n` cells in `w` x `h` pixels: (columns, rows, cell).
fn grid(n: u32, w: i32, h: i32) -> (u32, u32, i32) {
    (1..=n.max(1))
        .map(|cols| {
            let rows = n.max(1).div_ceil(cols);
            let cell = (w / cols as i32).min(h / rows as i32);
            (cols, rows, cell)
        })
        .max_by_key(|&(cols, _, cell)| (cell, std::cmp::Reverse(cols)))
        .unwrap_or((1, 1, 1))
}

pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let t = &s.team;
    let waffle = Rect {
        right: body.left + body.width() * 62 / 100,
        ..body
    };
    let (cols, rows, cell) = grid(t.athletes, waffle.width(), waffle.height());
    // A small team keeps small squares rather than filling the slide.
    let cell = cell.min(c.px(72.0));
    let gap = (cell / 7).max(1);
    let top = waffle.top + (waffle.height() - rows as i32 * cell) / 2;
    for i in 0..t.athletes {
        let (row, col) = ((i / cols) as i32, (i % cols) as i32);
        let x = waffle.left + col * cell;
        let y = top + row * cell;
        let colour = if i < t.men { MEN } else { WOMEN };
        c.rect((x, y), (x + cell - gap, y + cell - gap), colour)?;
    }

    let x = waffle.right + c.px(60.0);
    let big = Font::new(TITLE * 1.5).bold();
    let small = Font::new(LABEL).color(MUTED);
    let block = c.line_height(big) + c.line_height(small) + c.px(40.0);
    let mut y = body.top + (body.height() - 2 * block) / 2;
    for (count, share, word, colour) in [
        (t.men, t.men_share, ("man", "men"), MEN),
        (t.women, t.women_share, ("woman", "women"), WOMEN),
    ] {
        c.rect(
            (x, y + c.px(8.0)),
            (
                x + c.px(16.0),
                y + c.line_height(big) + c.line_height(small),
            ),
            colour,
        )?;
        c.text(
            &plural(count, word.0, word.1),
            (x + c.px(32.0), y),
            big.color(colour),
            Anchor::LeftTop,
        )?;
        c.text(
            &format!(
                "{share:.1} % of {}",
                plural(t.athletes, "athlete", "athletes")
            ),
            (x + c.px(32.0), y + c.line_height(big)),
            small,
            Anchor::LeftTop,
        )?;
        y += block;
    }
    if !t.non_starters.is_empty() {
        // Wrapped to the room beside the grid (two lines on a small image).
        let note = format!("including {} who did not start", t.non_starters.len());
        let left = x + c.px(32.0);
        for line in c.wrap_lines(&note, small, body.right - left, 2) {
            c.text(&line, (left, y), small, Anchor::LeftTop)?;
            y += c.line_height(small);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::grid;

    #[test]
    fn the_grid_fills_the_space_with_the_largest_squares() {
        let (cols, rows, cell) = grid(115, 900, 700);
        assert!(cols * rows >= 115);
        assert_eq!(cell, (900 / cols as i32).min(700 / rows as i32));
        assert_eq!(grid(1, 900, 700), (1, 1, 700));
    }
}
