//! The command line, as clap derive types. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn an Olympic team's data into a briefing: statistics now, charts and a PDF to come.
///
/// Without a subcommand, podium summarises the built-in dataset (Kazakhstan at the 2012 Summer
/// Olympics in London).
#[derive(Debug, Parser)]
#[command(name = "podium", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute and print the statistics: medals as awarded and now, ranks, team, ages, history,
    /// and the reconciliation of published figures.
    Stats(StatsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// Read the dataset from this directory (same files and format as data/) instead of the
    /// built-in default.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Output format: a readable summary, or JSON for machines (field names are stable).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

impl Default for StatsArgs {
    fn default() -> Self {
        Self {
            data: None,
            format: Format::Table,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}
