//! `podium stats`: the statistics as a readable summary or as JSON.

use crate::briefing::stats_json;
use crate::config::{PrintStats, StatsFormat};
use crate::error::Error;
use crate::{source, stats, summary};

/// The text to print.
pub fn run(config: &PrintStats) -> Result<String, Error> {
    let stats = stats::compute(&source::dataset(&config.source, &config.now)?);
    match config.format {
        StatsFormat::Summary { width } => Ok(summary::render(&stats, width)),
        StatsFormat::Json => stats_json(&stats),
    }
}
