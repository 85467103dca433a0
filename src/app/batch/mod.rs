//! `podium batch`: every nation at a Games (or at every Games) from one Kaggle file or the Paris
//! 2024 folder, or from several joined (`source::sources`), read once and rendered in parallel, one briefing folder per nation.
//!
//! Each briefing is a pure function of its own dataset and the document date, so its bytes do not
//! depend on which thread renders it or on what else the process rendered before.
//!
//! `run` names the steps: open the sources, plan the jobs (`plan`), render and write them
//! (`pool`, reporting `progress`), then tally, report and write the index (`report`).

mod plan;
mod pool;
mod progress;
mod report;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::briefing::FileChange;
use crate::config::RunBatch;
use crate::error::Error;
use crate::index::{self, GamesTable, Record};
use crate::interrupt;

use plan::Plan;
use pool::Settings;
use report::Tally;

/// One briefing to make.
#[derive(Debug)]
struct Job {
    games: usize,
    noc: String,
    dir: PathBuf,
}

/// What became of one briefing.
#[derive(Debug)]
enum Outcome {
    Done {
        written: usize,
        unchanged: usize,
        charts_left_out: usize,
        /// With `--check`: what writing it would change (nothing is written then).
        changes: Vec<(PathBuf, FileChange)>,
        record: Box<Record>,
        /// Taken by the collector: only the first briefing's of each Games is kept.
        table: Option<Box<GamesTable>>,
    },
    Failed(Error),
    /// Not written: the user asked podium to stop first.
    Interrupted,
}

/// Renders and writes every briefing of the batch; returns the batch's report.
pub fn run(config: &RunBatch) -> Result<String, Error> {
    let started = Instant::now();
    let (source, from) =
        crate::source::collection(&config.sources, config.regions.as_deref(), &config.now)?;
    let file = source.as_ref();
    let read_in = started.elapsed();
    // From here a signal stops the batch between briefings, with its report (until now it ends
    // the process at once: nothing is written yet).
    let _writing = interrupt::defer();
    if interrupt::requested() {
        return Err(Error::Interrupted(
            "batch: stopped after reading the data; nothing written".into(),
        ));
    }
    let plan = Plan::make(file, config)?;
    let workers = config.workers.clamp(1, plan.jobs.len().max(1));
    let (outcomes, tables) = pool::render_all(file, &plan.jobs, Settings::of(config), workers);
    let (mut tally, records) = Tally::of(&plan.jobs, outcomes);
    let index = report::index(file, config, &from, &plan, &tally, records, tables);
    let mut text = report::text(file, config, &from, &plan, &tally, (started, read_in));
    // The file's rows take a noticeable time to free; the process is about to end anyway.
    std::thread::spawn(move || drop(source));
    if interrupt::requested() {
        text.push_str(&report::interrupted(tally.not_started));
        return Err(Error::Interrupted(text));
    }
    // The index last, once every briefing is on disk: it describes what is there.
    text.push_str(&report::save_index(&index, config, &mut tally.changes)?);
    report::finish(config, text, &tally)
}

/// `dir` relative to the output directory (the folder's own name when it is not under it).
fn relative(out: &Path, dir: &Path) -> String {
    index::slashed(dir.strip_prefix(out).unwrap_or(dir))
}
