//! The printable briefing: `Stats` in, PDF bytes out (`report::pdf`). A renderer: it never sees a
//! path. Content (`content`) makes the blocks of a `document`; layout (`layout`) places them on
//! pages; `pdf` turns the pages into bytes, charts through a plotters backend that emits PDF
//! operations.

pub mod content;
pub mod document;
pub mod layout;
pub mod metrics;
mod pdf;

use crate::stats::Stats;

pub use layout::{A4, LETTER, Paper};

/// How to print.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    pub paper: Paper,
    /// Seconds since 1970 for the document's dates (SOURCE_DATE_EPOCH when set).
    pub date: i64,
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
    let m = metrics::Metrics::new();
    let geometry = layout::Geometry::for_paper(options.paper);
    let mut laid = layout::flow(&content::blocks(s), geometry, &m);
    let title = content::title(s);
    layout::furnish(&mut laid, geometry, &m, &running(s, &title, options.paper));
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
    };
    let bytes = pdf::pdf(&laid, s, geometry, &meta, &m)?;
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
