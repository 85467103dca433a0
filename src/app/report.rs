//! `podium report` (and `podium` alone): one briefing, rendered whole, then saved.

use crate::briefing::{Briefing, folder_of};
use crate::config::WriteReport;
use crate::error::Error;
use crate::{interrupt, source, stats};

/// Renders and saves the briefing; returns the report of what was written, warned and removed.
pub fn run(config: &WriteReport) -> Result<String, Error> {
    let stats = stats::compute(&source::dataset(&config.source, &config.now)?);
    // Everything is rendered before anything is written.
    let briefing = Briefing::render(&stats, config.paper, config.date, config.standard)?;
    let dir = folder_of(&config.out, &stats);
    // A signal now waits for the folder to be whole, old or new.
    let writing = interrupt::defer();
    let saved = briefing.write(&dir)?;
    drop(writing);
    let mut report = String::new();
    for (path, changed) in &saved.files {
        let verb = if *changed { "wrote" } else { "unchanged" };
        report.push_str(&format!("{verb} {}\n", path.display()));
    }
    if !briefing.missing_glyphs.is_empty() {
        let chars: String = briefing
            .missing_glyphs
            .iter()
            .map(|c| format!(" {c} (U+{:04X})", u32::from(*c)))
            .collect();
        report.push_str(&format!(
            "warning: the shipped font has no glyph for{chars}; the PDF shows \"?\" for each, and its text (what readers, search and copy get) the name as written\n"
        ));
    }
    for (id, reason) in &briefing.skipped {
        report.push_str(&format!("skipped chart {id}: {reason}\n"));
    }
    for stale in &saved.removed {
        report.push_str(&format!(
            "removed {}, drawn by an earlier run\n",
            stale.display()
        ));
    }
    Ok(report)
}
