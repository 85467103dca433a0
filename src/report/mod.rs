//! The printable briefing: `Stats` in, PDF bytes out (`report::pdf`). A renderer: it never sees a
//! path. Content (`content`) makes the blocks of a `document`; layout (`layout`) places them on
//! pages; `pdf` turns the pages into bytes, charts through a plotters backend that emits PDF
//! operations.

pub mod content;
pub mod document;
pub mod index;
pub mod layout;
pub mod metrics;
mod pdf;

use crate::stats::Stats;

pub use layout::{A4, LETTER, Paper};

/// The standards a briefing keeps. Every briefing is tagged for PDF/UA-1; PDF/A-2 adds what an
/// archive needs (an sRGB output intent, its identifier in the metadata).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standard {
    /// PDF/UA-1: tagged, with alternative text, language and title.
    #[default]
    Ua1,
    /// PDF/A-2b as well: archival, visual appearance preserved.
    A2b,
    /// PDF/A-2a as well: archival and accessible (the tagging PDF/UA already needs).
    A2a,
}

/// How to print.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    pub paper: Paper,
    /// Seconds since 1970 for the document's dates (SOURCE_DATE_EPOCH when set).
    pub date: i64,
    pub standard: Standard,
}

/// The briefing as PDF bytes.
pub fn pdf(s: &Stats, options: ReportOptions) -> Result<Vec<u8>, String> {
    pdf_checked(s, options).map(|rendered| rendered.bytes)
}

/// A rendered briefing and the characters it shows as blanks because the font lacks them.
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub missing_glyphs: Vec<char>,
    /// Pages in the document.
    pub pages: usize,
}

/// The briefing, with the characters the font could not show.
pub fn pdf_checked(s: &Stats, options: ReportOptions) -> Result<Rendered, String> {
    let title = content::title(s);
    let d = &s.delegation;
    let meta = pdf::Meta {
        title: format!("{title}: a briefing"),
        subject: format!(
            "{} ({}) at the {} Olympics in {}: medals as awarded and now, team, ages, history and sources",
            d.nation, d.noc, d.games, d.city
        ),
        keywords: vec![
            "Olympics".into(),
            d.games.clone(),
            d.nation.clone(),
            d.noc.clone(),
            d.city.clone(),
            "medals".into(),
            "briefing".into(),
        ],
        creator: format!("podium {}", env!("CARGO_PKG_VERSION")),
        language: "en-GB".into(),
        date: options.date,
        standard: options.standard,
    };
    let running = running(s, &title, options.paper);
    render(&content::blocks(s), options.paper, &running, &meta, Some(s))
}

/// Lays `blocks` out on `paper` with the running header and footer, and writes them as a PDF
/// with `meta`; charts are drawn from `stats`, for a document that has them. The one way from
/// blocks to bytes, for a briefing and for a batch's index.
fn render(
    blocks: &[document::Block],
    paper: Paper,
    running: &layout::Running,
    meta: &pdf::Meta,
    stats: Option<&Stats>,
) -> Result<Rendered, String> {
    let m = metrics::Metrics::new();
    let geometry = layout::Geometry::for_paper(paper);
    let mut laid = layout::flow(blocks, geometry, &m);
    layout::furnish(&mut laid, geometry, &m, running);
    let bytes = pdf::pdf(&laid, stats, geometry, meta, &m)?;
    Ok(Rendered {
        bytes,
        missing_glyphs: m.drawn_without_glyph(),
        pages: laid.pages.len(),
    })
}

/// The running header and footer: the title, and what the medals are and the paper.
fn running(s: &Stats, title: &str, paper: Paper) -> layout::Running {
    let d = &s.delegation;
    layout::Running {
        header: format!("{title} · briefing"),
        footer: if s.now.is_some() {
            format!(
                "podium · medals now as of {} · {}",
                crate::stats::as_of(d.now_as_of),
                paper.name
            )
        } else {
            format!(
                "podium · medals as the source records them · {}",
                paper.name
            )
        },
    }
}
