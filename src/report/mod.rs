//! The printable briefing: `Stats` in, PDF bytes out (`report::pdf`). A renderer: it never sees a
//! path. Layout (`layout`) is separate from content (`content`) and from writing the PDF
//! (`write`); charts go through `backend`, a plotters backend that emits PDF operations.

mod backend;
pub mod content;
pub mod layout;
pub mod metrics;
mod write;

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
}

/// The briefing, with the characters the font could not show.
pub fn pdf_checked(s: &Stats, options: ReportOptions) -> Result<Rendered, String> {
    let m = metrics::Metrics::new();
    let geometry = layout::Geometry::for_paper(options.paper);
    let laid = layout::flow(&content::blocks(s), geometry, &m);
    let title = content::title(s);
    let d = &s.delegation;
    let meta = write::Meta {
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
        header: format!("{title} · briefing"),
        footer: if s.now.is_some() {
            format!(
                "podium · medals now as of {} · {}",
                crate::stats::as_of(d.now_as_of),
                options.paper.name
            )
        } else {
            format!(
                "podium · medals as the source records them · {}",
                options.paper.name
            )
        },
    };
    let bytes = write::pdf(&laid, s, geometry, &meta, &m)?;
    Ok(Rendered {
        bytes,
        missing_glyphs: m.drawn_without_glyph(),
    })
}
