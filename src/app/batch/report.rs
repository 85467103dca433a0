//! The end of a batch: the outcomes tallied, the report printed on standard output, and the
//! index (`index.json` for programs, `index.pdf` for readers) written or compared.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::briefing::FileChange;
use crate::config::RunBatch;
use crate::error::Error;
use crate::index::{self, Index, Record};
use crate::report::ReportOptions;
use crate::save;
use crate::source::collection::Collection;
use crate::text::plural;

use super::plan::Plan;
use super::pool::Tables;
use super::{Job, Outcome, relative};

/// The outcomes of a batch's jobs, added up.
#[derive(Debug)]
pub(super) struct Tally<'a> {
    /// Briefings made.
    pub briefings: usize,
    pub written: usize,
    pub unchanged: usize,
    pub charts_left_out: usize,
    /// The jobs that failed, in job order, with the error.
    pub failed: Vec<(&'a Job, Error)>,
    /// Jobs not started because the user asked to stop.
    pub not_started: usize,
    /// With `--check`: every file that writing would change.
    pub changes: Vec<(PathBuf, FileChange)>,
}

impl<'a> Tally<'a> {
    /// The tally of `outcomes` (one per job, in job order), and the index records of the
    /// briefings made.
    pub fn of(jobs: &'a [Job], outcomes: Vec<Outcome>) -> (Self, Vec<Record>) {
        let mut tally = Self {
            briefings: 0,
            written: 0,
            unchanged: 0,
            charts_left_out: 0,
            failed: Vec::new(),
            not_started: 0,
            changes: Vec::new(),
        };
        let mut records = Vec::new();
        for (job, outcome) in jobs.iter().zip(outcomes) {
            match outcome {
                Outcome::Done {
                    written,
                    unchanged,
                    charts_left_out,
                    mut changes,
                    record,
                    ..
                } => {
                    tally.written += written;
                    tally.unchanged += unchanged;
                    tally.charts_left_out += charts_left_out;
                    tally.changes.append(&mut changes);
                    records.push(*record);
                }
                Outcome::Failed(e) => tally.failed.push((job, e)),
                Outcome::Interrupted => tally.not_started += 1,
            }
        }
        tally.briefings = records.len();
        (tally, records)
    }
}

/// The batch's index: each Games' medal table, each briefing's record, who was skipped and
/// what failed; each table row linked to its nation's briefing.
pub(super) fn index(
    file: &dyn Collection,
    config: &RunBatch,
    from: &str,
    plan: &Plan,
    tally: &Tally<'_>,
    records: Vec<Record>,
    tables: Tables,
) -> Index {
    let mut index = Index {
        podium: env!("CARGO_PKG_VERSION"),
        from: from.to_owned(),
        games: tables.into_values().map(|(_, table)| table).collect(),
        briefings: records,
        skipped: plan.skipped.clone(),
        failed: tally
            .failed
            .iter()
            .map(|(job, e)| index::Failed {
                noc: job.noc.clone(),
                games: file.games_name(job.games),
                folder: relative(&config.out, &job.dir),
                exit_code: e.exit_code(),
                error: e.to_string(),
            })
            .collect(),
    };
    index.link();
    index
}

/// The report up to the index: what was made (or compared) and how long it took, then the
/// nations skipped and the briefings that failed.
pub(super) fn text(
    file: &dyn Collection,
    config: &RunBatch,
    from: &str,
    plan: &Plan,
    tally: &Tally<'_>,
    (started, read_in): (Instant, Duration),
) -> String {
    let games_text = match plan.games.as_slice() {
        [one] => file.games_name(*one),
        games => format!("{} Games", games.len()),
    };
    let timing = format!(
        "in {:.2} s (reading the data {:.2} s) on {}",
        started.elapsed().as_secs_f64(),
        read_in.as_secs_f64(),
        plural(config.workers as u32, "thread", "threads")
    );
    let briefed = plural(tally.briefings as u32, "briefing", "briefings");
    let out = config.out.display();
    let mut report = if config.check {
        format!(
            "batch --check: {games_text} from {from}: {briefed} rendered and compared with {out}, nothing written; {timing}\n"
        )
    } else {
        format!(
            "batch: {games_text} from {from}: {briefed} in {out} ({} files written, {} unchanged; {} left out for want of data) {timing}\n",
            tally.written,
            tally.unchanged,
            plural(tally.charts_left_out as u32, "chart", "charts")
        )
    };
    let not_there: usize = plan.missed.values().map(Vec::len).sum();
    report.push_str(&format!("skipped: {not_there}\n"));
    for line in &plan.missed_lines() {
        report.push_str(&format!("  {line}\n"));
    }
    report.push_str(&format!("failed: {}\n", tally.failed.len()));
    for (job, e) in &tally.failed {
        report.push_str(&format!(
            "  {} at {}: {e}\n",
            job.noc,
            file.games_name(job.games)
        ));
    }
    report
}

/// The report's last line when the user stopped the batch: the index is not written then.
pub(super) fn interrupted(not_started: usize) -> String {
    format!(
        "interrupted: {} not written; index.json and index.pdf not written\n",
        plural(not_started as u32, "briefing", "briefings")
    )
}

/// Writes `index.json` and `index.pdf` (the same value: each Games' medal table, each nation
/// linking to its briefing), once every briefing is on disk; with `--check`, adds what writing
/// them would change to `changes` instead. Returns the report's lines for them.
pub(super) fn save_index(
    index: &Index,
    config: &RunBatch,
    changes: &mut Vec<(PathBuf, FileChange)>,
) -> Result<String, Error> {
    let date = config
        .date
        .unwrap_or_else(|| crate::report::index::data_date(index));
    let print = ReportOptions {
        paper: config.paper,
        date,
        standard: config.standard,
    };
    let index_pdf = crate::report::index::pdf(index, print).map_err(Error::Pdf)?;
    let files = [
        (config.out.join("index.json"), index.json()?.into_bytes()),
        (config.out.join("index.pdf"), index_pdf.bytes),
    ];
    let mut report = String::new();
    for (path, bytes) in files {
        if config.check {
            if !save::holds(&path, &bytes) {
                let change = if path.exists() {
                    FileChange::Changed
                } else {
                    FileChange::New
                };
                changes.push((path, change));
            }
        } else {
            let verb = if save::holds(&path, &bytes) {
                "unchanged"
            } else {
                save::atomically(&path, &bytes)?;
                "wrote"
            };
            report.push_str(&format!("{verb} {}\n", path.display()));
        }
    }
    Ok(report)
}

/// The batch's result: its report, as an error when a briefing failed (with that briefing's exit
/// code) or, with `--check`, when writing would change a file.
pub(super) fn finish(
    config: &RunBatch,
    mut report: String,
    tally: &Tally<'_>,
) -> Result<String, Error> {
    if config.check {
        report.push_str(&would_change(&tally.changes));
    }
    match tally.failed.first() {
        None if config.check && !tally.changes.is_empty() => Err(Error::WouldChange(report)),
        None => Ok(report),
        Some((_, e)) => Err(Error::Batch {
            report,
            code: e.exit_code(),
        }),
    }
}

/// What `--check` lists: how many files would change, then each with how.
fn would_change(changes: &[(PathBuf, FileChange)]) -> String {
    if changes.is_empty() {
        return "would change: nothing; every file holds the bytes this run renders\n".into();
    }
    let count = |c: FileChange| changes.iter().filter(|(_, k)| *k == c).count();
    let mut text = format!(
        "would change: {} ({} new, {} changed, {} stale to be removed)\n",
        plural(changes.len() as u32, "file", "files"),
        count(FileChange::New),
        count(FileChange::Changed),
        count(FileChange::Stale),
    );
    for (path, change) in changes {
        text.push_str(&format!("  {:<7} {}\n", change.word(), path.display()));
    }
    text
}
