//! The flow's rules, checked on whole documents.

use super::*;
use crate::charts::ChartId;
use style::{BODY, KEEP_LINES};

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
        Pt(80.0),
    );
    assert!(lines.len() > 2);
    assert!(
        lines
            .iter()
            .all(|l| measure(&m, l, BODY, Weight::Regular) <= Pt(80.0))
    );
    let hyphen = wrap(&m, "second-largest", BODY, Weight::Regular, Pt(50.0));
    assert_eq!(hyphen[0], "second-", "{hyphen:?}");
    let long = wrap(&m, &"x".repeat(300), BODY, Weight::Regular, Pt(100.0));
    assert!(
        long.len() >= 3
            && long
                .iter()
                .all(|l| measure(&m, l, BODY, Weight::Regular) <= Pt(100.0))
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
            link: None,
        })
        .collect();
    let t = Table {
        caption: "Numbers".into(),
        bookmark: None,
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
                assert!(*y >= bottom - Pt(1.0), "nothing below the bottom margin");
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
    let page = laid.outline[0].page;
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
        bookmark: None,
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

#[test]
fn every_item_knows_its_block_and_the_furniture_is_its_own() {
    let m = Metrics::new();
    let blocks = vec![
        Block::Title {
            title: "A title".into(),
            subtitle: "and its subtitle".into(),
        },
        Block::Heading("1 One".into()),
        Block::Paragraph("word ".repeat(900), Para::Body),
        Block::Figure {
            chart: ChartId::Ages,
            caption: "f".into(),
        },
    ];
    let mut laid = flow(&blocks, g(), &m);
    let running = Running {
        header: "The header".into(),
        footer: "The footer".into(),
    };
    furnish(&mut laid, g(), &m, &running);
    let total = laid.pages.len();
    assert!(total >= 2, "{total} pages");
    for (n, page) in laid.pages.iter().enumerate() {
        assert_eq!(page.placed().count(), page.items.len());
        let furniture: Vec<&Item> = page
            .placed()
            .filter(|(origin, _)| *origin == Origin::Furniture)
            .map(|(_, item)| item)
            .collect();
        let number = format!("page {} of {total}", n + 1);
        let has = |wanted: &str| {
            furniture
                .iter()
                .any(|i| matches!(i, Item::Text { text, .. } if text == wanted))
        };
        // The cover has the title instead of the running header.
        assert_eq!(has("The header"), n > 0, "the header on page {}", n + 1);
        for wanted in ["The footer", number.as_str()] {
            assert!(
                furniture
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if text == wanted)),
                "{wanted} on page {}",
                n + 1
            );
        }
    }
    let origin_of = |wanted: &str| {
        laid.pages
            .iter()
            .flat_map(Page::placed)
            .find(|(_, i)| matches!(i, Item::Text { text, .. } if text == wanted))
            .map(|(origin, _)| origin)
    };
    assert_eq!(
        laid.structure,
        [Role::Title, Role::Heading, Role::Paragraph, Role::Figure]
    );
    assert_eq!(origin_of("A title"), Some(block(0, Part::Whole)));
    assert_eq!(origin_of("1 One"), Some(block(1, Part::Whole)));
    assert_eq!(origin_of("Figure 1. f"), Some(block(3, Part::Caption)));
    let chart = laid
        .pages
        .iter()
        .flat_map(Page::placed)
        .find(|(_, i)| matches!(i, Item::Chart { .. }));
    assert_eq!(chart.map(|(origin, _)| origin), Some(block(3, Part::Whole)));
}

/// One-line notes that move the cursor down a page by about 15 points each.
fn filler(lines: usize) -> Vec<Block> {
    (0..lines)
        .map(|i| Block::Paragraph(format!("Filler line {i}."), Para::Note))
        .collect()
}

/// The lines of filler and the bottom margins of a sweep: together they put the foot of the
/// body at every half point below the cursor, from a full page down to nothing.
fn positions() -> impl Iterator<Item = (usize, Geometry)> {
    [A4, LETTER].into_iter().flat_map(|paper| {
        (0..=50).flat_map(move |lines| {
            (0..31).map(move |step| {
                let mut g = Geometry::for_paper(paper);
                g.bottom += Pt(step as f32 * 0.5);
                (lines, g)
            })
        })
    })
}

/// A table of `rows` rows with its caption.
fn numbers(rows: usize) -> Block {
    Block::Table(Table {
        caption: "Numbers".into(),
        bookmark: None,
        columns: vec![col("name", 0.7, Align::Left), col("n", 0.3, Align::Right)],
        rows: (0..rows)
            .map(|i| Row {
                cells: vec![format!("row {i}"), i.to_string()],
                strong: false,
                indent: false,
                link: None,
            })
            .collect(),
    })
}

fn figure() -> Block {
    Block::Figure {
        chart: ChartId::Ages,
        caption: "Ages at the Games.".into(),
    }
}

fn intro() -> Block {
    Block::Paragraph("A short introduction to what follows.".into(), Para::Body)
}

/// Pages whose last laid item belongs to a heading or a subheading.
fn stranded(laid: &Laid) -> Vec<usize> {
    laid.pages
        .iter()
        .enumerate()
        .filter(|(_, page)| {
            page.placed()
                .last()
                .is_some_and(|(origin, _)| match origin {
                    Origin::Block { index, .. } => matches!(
                        laid.structure.get(index),
                        Some(Role::Heading | Role::Subheading)
                    ),
                    Origin::Furniture => false,
                })
        })
        .map(|(n, _)| n)
        .collect()
}

/// The first page holding an item of block `b`.
fn page_of(laid: &Laid, b: usize) -> Option<usize> {
    laid.pages
        .iter()
        .position(|p| p.placed().any(|(o, _)| o.block() == Some(b)))
}

/// Lays out filler then `tail` at every position of the sweep; the tail's blocks at `kept`
/// (indices into `tail`) must begin on the page of its first block, a heading, and no page may
/// end with a heading. Returns the failures, described.
fn sweep(tail: &[Block], kept: &[usize]) -> Vec<String> {
    let m = Metrics::new();
    let mut failures = Vec::new();
    for (lines, g) in positions() {
        let mut blocks = filler(lines);
        blocks.extend(tail.iter().cloned());
        let laid = flow(&blocks, g, &m);
        let at = format!(
            "{} after {lines} lines, bottom {:?}",
            g.paper.name, g.bottom
        );
        let pages = stranded(&laid);
        if !pages.is_empty() {
            failures.push(format!("{at}: a heading ends page(s) {pages:?}"));
        }
        let heading = page_of(&laid, lines);
        for k in kept {
            let page = page_of(&laid, lines + k);
            if page != heading {
                failures.push(format!(
                    "{at}: block {k} of the tail begins on page {page:?}, the heading is on {heading:?}"
                ));
            }
        }
    }
    failures
}

#[test]
fn a_heading_near_the_foot_keeps_with_a_short_table() {
    let failures = sweep(
        &[Block::Heading("5 Across the Games".into()), numbers(8)],
        &[1],
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_heading_near_the_foot_keeps_with_the_first_rows_of_a_long_table() {
    let failures = sweep(
        &[Block::Heading("6 Results by sport".into()), numbers(40)],
        &[1],
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_heading_near_the_foot_keeps_with_its_introduction_and_the_figure_after() {
    let failures = sweep(
        &[
            Block::Heading("5 Across the Games".into()),
            intro(),
            figure(),
        ],
        &[1, 2],
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_heading_near_the_foot_keeps_with_a_figure() {
    let failures = sweep(
        &[Block::Heading("4 Team composition".into()), figure()],
        &[1],
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_subheading_near_the_foot_keeps_with_its_introduction_and_the_table_after() {
    let failures = sweep(
        &[Block::Subheading("Ages".into()), intro(), numbers(6)],
        &[1, 2],
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_heading_over_a_subheading_keeps_with_both_and_the_table_after() {
    let failures = sweep(
        &[
            Block::Heading("4 Team composition".into()),
            Block::Subheading("Ages".into()),
            numbers(6),
        ],
        &[1, 2],
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_heading_over_a_long_paragraph_keeps_with_its_first_two_lines() {
    let m = Metrics::new();
    let words = "word ".repeat(120);
    let tail = [
        Block::Heading("2 Medals".into()),
        Block::Paragraph(words.clone(), Para::Body),
    ];
    let failures = sweep(&tail, &[1]);
    assert!(failures.is_empty(), "{failures:#?}");
    // And never with a single line of it.
    for (lines, g) in positions() {
        let mut blocks = filler(lines);
        blocks.extend(tail.iter().cloned());
        let laid = flow(&blocks, g, &m);
        if let Some(page) = page_of(&laid, lines) {
            let kept = laid.pages[page]
                .placed()
                .filter(|(o, _)| o.block() == Some(lines + 1))
                .count();
            assert!(kept >= KEEP_LINES, "after {lines} lines: {kept} line(s)");
        }
    }
}

/// The built-in briefing (Kazakhstan, 2012) on both papers, at its own margins and with the foot
/// of the body raised point by point through a page's worth of breaks.
#[test]
fn no_page_of_the_built_in_briefing_ends_with_a_heading() {
    use crate::report::content;
    use crate::source::native::{self, Files};
    let m = Metrics::new();
    let stats = crate::stats::compute(&native::dataset(&Files::BuiltIn).unwrap());
    let blocks = content::blocks(&stats);
    let mut failures = Vec::new();
    for paper in [A4, LETTER] {
        for raise in 0..80 {
            let mut g = Geometry::for_paper(paper);
            g.bottom += Pt(raise as f32);
            let laid = flow(&blocks, g, &m);
            assert!(laid.pages.len() > 5, "{} pages", laid.pages.len());
            let pages = stranded(&laid);
            if !pages.is_empty() {
                failures.push(format!("{} raised {raise}: pages {pages:?}", paper.name));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The origin of an item of block `index`, part `part`.
fn block(index: usize, part: Part) -> Origin {
    Origin::Block { index, part }
}

#[test]
fn a_reference_to_a_table_the_document_lacks_is_not_a_link() {
    let m = Metrics::new();
    let blocks = vec![
        Block::Heading("1 One".into()),
        Block::Paragraph("See Table 9 and section 1.".into(), Para::Body),
    ];
    let laid = flow(&blocks, g(), &m);
    let links: Vec<(String, Option<Target>)> = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { text, link, .. } => Some((text.clone(), link.clone())),
            _ => None,
        })
        .filter(|(t, _)| t.contains("Table 9") || t.contains("section 1"))
        .collect();
    assert_eq!(
        links,
        [
            ("Table 9".to_owned(), None),
            ("section 1".to_owned(), Some(Target::Section(1))),
        ]
    );
}

#[test]
fn every_heading_has_a_destination_of_its_own() {
    assert_eq!(headings::slug("2 Medals"), "medals");
    assert_eq!(headings::slug("5 Across the Games"), "across-the-games");
    assert_eq!(headings::slug("2012 Summer"), "2012-summer");
    let m = Metrics::new();
    let blocks = vec![
        Block::Heading("1 Same".into()),
        Block::Heading("2 Same".into()),
        Block::Heading("1994 Winter".into()),
    ];
    let laid = flow(&blocks, g(), &m);
    let names: Vec<&str> = laid.anchors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["same", "same-2", "1994-winter"]);
}

#[test]
fn a_page_break_after_a_little_spilled_over_is_not_taken() {
    let m = Metrics::new();
    let para = |text: &str| Block::Paragraph(text.into(), Para::Body);
    let filler = para(&"words enough to fill a line of the page and more after them ".repeat(5));
    // Fillers until one spills onto a second page: the break after it would leave that page
    // nearly empty, so what follows the break comes at once.
    let mut blocks = vec![filler.clone()];
    while page_of(&flow(&blocks, g(), &m), blocks.len() - 1) == Some(0) {
        blocks.push(filler.clone());
    }
    let spilled = blocks.len() - 1;
    blocks.push(Block::PageBreak);
    blocks.push(para("after the break"));
    let laid = flow(&blocks, g(), &m);
    assert_eq!(page_of(&laid, spilled), Some(1));
    assert_eq!(page_of(&laid, spilled + 2), Some(1));
    // On the first page a break is always taken, however little is on it.
    let laid = flow(&[para("a cover"), Block::PageBreak, para("after")], g(), &m);
    assert_eq!(page_of(&laid, 2), Some(1));
    // And after a page filled more than a quarter.
    let mut blocks: Vec<Block> = vec![filler.clone(); spilled + 6];
    blocks.push(Block::PageBreak);
    blocks.push(para("after the break"));
    let laid = flow(&blocks, g(), &m);
    assert_eq!(page_of(&laid, spilled + 5), Some(1));
    assert_eq!(page_of(&laid, spilled + 7), Some(2));
}
