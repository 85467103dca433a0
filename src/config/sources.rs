//! The checked configuration of `podium sources`: every path recognised before anything is read.

use std::path::PathBuf;

use crate::cli::{Format, SourcesArgs};
use crate::error::Error;
use crate::source::{self, Opened};

/// Describe each source given: its format, Games, the fields it records and its problems.
#[derive(Debug)]
pub struct ListSources {
    /// Each `--from`, recognised, in the order given (the same path twice is described once).
    pub sources: Vec<Opened>,
    /// `noc_regions.csv`, when named.
    pub regions: Option<PathBuf>,
    /// A readable report, or JSON.
    pub json: bool,
}

impl ListSources {
    /// Recognises every path; a folder holding none of the files podium reads is a usage error
    /// naming what was expected, as for the other commands.
    pub fn new(args: &SourcesArgs) -> Result<Self, Error> {
        let mut sources: Vec<Opened> = Vec::new();
        for from in &args.from {
            let opened = source::open(from)?;
            if !sources.contains(&opened) {
                sources.push(opened);
            }
        }
        Ok(Self {
            sources,
            regions: args.regions.clone(),
            json: args.format == Format::Json,
        })
    }
}
