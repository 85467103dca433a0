//! podium: an Olympic team's data in, a briefing out.
//!
//! The pipeline, one stage per module: `load` (files to raw rows) → `validate` (raw rows to a
//! checked `Dataset`) → `stats` (the `Dataset` to one `Stats` value) → outputs (`summary` for
//! the terminal, JSON through serde).

pub mod cli;
pub mod date;
pub mod error;
pub mod load;
pub mod model;
pub mod stats;
pub mod summary;
pub mod validate;

use std::io::Write;

use cli::{Cli, Command, Format, StatsArgs};
use error::Error;
use load::DataSource;
use model::Dataset;

/// Reads and checks a dataset.
pub fn dataset(source: &DataSource) -> Result<Dataset, Error> {
    if let DataSource::Dir(dir) = source {
        if !dir.is_dir() {
            let problem = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
            return Err(Error::io(
                dir,
                std::fs::metadata(dir).err().unwrap_or(problem),
            ));
        }
    }
    validate::dataset(load::read(source)?)
}

/// Runs one command, writing its normal output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Error> {
    match cli.command {
        Some(Command::Stats(args)) => stats_command(&args, out),
        // Until the briefing exists, the main job is the summary of the default dataset.
        None => stats_command(&StatsArgs::default(), out),
    }
}

fn stats_command(args: &StatsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let source = args
        .data
        .clone()
        .map_or(DataSource::BuiltIn, DataSource::Dir);
    let data = dataset(&source)?;
    let stats = stats::compute(&data);
    let text = match args.format {
        Format::Table => summary::render(&stats),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&stats)
                .map_err(|e| Error::Other(format!("cannot encode the statistics as JSON: {e}")))?;
            json.push('\n');
            json
        }
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}
