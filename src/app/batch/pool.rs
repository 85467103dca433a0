//! Rendering the batch's briefings on worker threads and writing (or comparing) them on others,
//! so that rendering never waits for the disk.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender};
use std::sync::{Mutex, mpsc};

use crate::briefing::{Briefing, FileChange};
use crate::config::{ProgressMode, RunBatch};
use crate::error::Error;
use crate::index::{GamesTable, Record};
use crate::report::{Paper, Standard};
use crate::source::collection::Collection;
use crate::{interrupt, stats};

use super::progress::Progress;
use super::{Job, Outcome, relative};

/// Threads that write finished briefings, so that rendering never waits for the disk (creating and
/// syncing files costs as much wall time as rendering them on some file systems). They mostly wait
/// for `fsync`, so more of them than cores: every Games to disk took a median 26.4 s with 16
/// against 29.1 s with 4 (two runs each, in turn, on a shared 2-core machine).
const WRITERS: usize = 16;

/// How every briefing of the batch is printed: paper, `SOURCE_DATE_EPOCH` (else each is dated by
/// its data) and PDF standard.
type Print = (Paper, Option<i64>, Standard);

/// How each briefing is rendered and what becomes of it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Settings<'a> {
    out: &'a Path,
    paper: Paper,
    /// `SOURCE_DATE_EPOCH`; `None`: each briefing dated by its data.
    date: Option<i64>,
    standard: Standard,
    /// Compare with the folder instead of writing.
    check: bool,
    progress: ProgressMode,
}

impl<'a> Settings<'a> {
    /// The batch's settings for its briefings.
    pub fn of(config: &'a RunBatch) -> Self {
        Self {
            out: &config.out,
            paper: config.paper,
            date: config.date,
            standard: config.standard,
            check: config.check,
            progress: config.progress,
        }
    }
}

/// One briefing rendered, with its index record and its Games' medal table.
#[derive(Debug)]
struct Rendered {
    briefing: Briefing,
    record: Record,
    /// None when the collector already holds its Games' table (the same for every nation).
    table: Option<GamesTable>,
}

/// A briefing rendered (or not), by job number, on its way to a writer.
type RenderedJob = (usize, Result<Rendered, Error>);

/// Per Games, its medal table (the same for every nation's briefing), with the job it came from:
/// built by the briefings rendered before the collector held one, and the lowest job's kept.
pub(super) type Tables = BTreeMap<usize, (usize, GamesTable)>;

/// The Games whose table the collector holds: their other briefings need not build it.
type Held = Mutex<HashSet<usize>>;

/// Renders every job on `workers` threads and writes (or, with `--check`, compares) them on
/// `WRITERS` others, reporting progress on standard error. Returns each job's outcome, and each
/// Games' medal table.
pub(super) fn render_all(
    file: &dyn Collection,
    jobs: &[Job],
    settings: Settings<'_>,
    workers: usize,
) -> (Vec<Outcome>, Tables) {
    let next = AtomicUsize::new(0);
    // Rendered briefings wait here for a writer; the bound keeps memory flat when the disk is slow.
    let (rendered_tx, rendered_rx) = mpsc::sync_channel::<RenderedJob>(workers * 2);
    let rendered_rx = Mutex::new(rendered_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome)>();
    let mut outcomes: Vec<Option<Outcome>> = jobs.iter().map(|_| None).collect();
    let mut tables = Tables::new();
    let have: Held = Mutex::new(HashSet::new());
    let mut progress = Progress::new(jobs.len(), settings.progress);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = rendered_tx.clone();
            let (next, have) = (&next, &have);
            scope.spawn(move || render_jobs(file, jobs, settings, (next, have), &tx));
        }
        drop(rendered_tx);
        for _ in 0..WRITERS {
            let done = done_tx.clone();
            let rendered = &rendered_rx;
            scope.spawn(move || write_jobs(jobs, settings.check, rendered, &done));
        }
        drop(done_tx);
        for (i, mut outcome) in done_rx {
            keep_table(&mut outcome, jobs[i].games, i, &mut tables, &have);
            progress.done(
                &jobs[i],
                &file.games_name(jobs[i].games),
                &relative(settings.out, &jobs[i].dir),
                &outcome,
            );
            outcomes[i] = Some(outcome);
        }
    });
    progress.finish();
    let outcomes = outcomes.into_iter().map(unfinished).collect();
    (outcomes, tables)
}

/// A worker: renders the next job not yet taken, until there is none or the user asks to stop.
fn render_jobs(
    file: &dyn Collection,
    jobs: &[Job],
    settings: Settings<'_>,
    (next, have): (&AtomicUsize, &Held),
    tx: &SyncSender<RenderedJob>,
) {
    let print = (settings.paper, settings.date, settings.standard);
    loop {
        if interrupt::requested() {
            break;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = jobs.get(i) else { break };
        let rendered = render(file, job, settings.out, print, have);
        if tx.send((i, rendered)).is_err() {
            break;
        }
    }
}

/// A writer: writes (or compares) each rendered briefing it takes, and sends on its outcome.
fn write_jobs(
    jobs: &[Job],
    check: bool,
    rendered: &Mutex<Receiver<RenderedJob>>,
    done: &Sender<(usize, Outcome)>,
) {
    loop {
        // The lock is held only to take one briefing, not while writing it.
        let taken = rendered.lock().map(|rx| rx.recv());
        let Ok(Ok((i, briefing))) = taken else { break };
        let outcome = match briefing {
            // A briefing started is written whole; the ones waiting are left.
            Ok(_) if interrupt::requested() => Outcome::Interrupted,
            Ok(r) if check => compare(r, &jobs[i].dir),
            Ok(r) => write(r, &jobs[i].dir),
            Err(e) => Outcome::Failed(e),
        };
        if done.send((i, outcome)).is_err() {
            break;
        }
    }
}

/// Takes the Games' medal table out of job `i`'s outcome, keeping the lowest job's, and tells the
/// workers the collector now holds that Games' table.
fn keep_table(outcome: &mut Outcome, games: usize, i: usize, tables: &mut Tables, have: &Held) {
    let Outcome::Done { table, .. } = outcome else {
        return;
    };
    if let Some(table) = table.take() {
        if tables.get(&games).is_none_or(|(first, _)| i < *first) {
            tables.insert(games, (i, *table));
        }
        if let Ok(mut have) = have.lock() {
            have.insert(games);
        }
    }
}

/// The outcome of a job no writer reported: not started when the user asked to stop, else lost
/// with a thread that stopped.
fn unfinished(outcome: Option<Outcome>) -> Outcome {
    outcome.unwrap_or_else(|| {
        if interrupt::requested() {
            Outcome::Interrupted
        } else {
            Outcome::Failed(Error::WorkerStopped)
        }
    })
}

/// One nation's briefing, in memory: dataset, statistics, PDF, charts, JSON; its index record
/// (with each file's SHA-256) and its Games' medal table.
fn render(
    file: &dyn Collection,
    job: &Job,
    out: &Path,
    (paper, date, standard): Print,
    have: &Held,
) -> Result<Rendered, Error> {
    let data = file.dataset(job.games, &job.noc)?;
    let stats = stats::compute(&data);
    let briefing = Briefing::render(&stats, paper, date, standard)?;
    let folder = job.dir.strip_prefix(out).unwrap_or(&job.dir);
    let held = have.lock().is_ok_and(|have| have.contains(&job.games));
    Ok(Rendered {
        record: briefing.record(&stats, folder),
        table: (!held).then(|| GamesTable::of(&stats)),
        briefing,
    })
}

/// Writes one briefing into its folder.
fn write(rendered: Rendered, dir: &Path) -> Outcome {
    let Rendered {
        briefing,
        record,
        table,
    } = rendered;
    let run = || -> Result<Outcome, Error> {
        let saved = briefing.write(dir)?;
        let written = saved.written();
        Ok(Outcome::Done {
            written,
            unchanged: saved.files.len() - written,
            charts_left_out: briefing.skipped.len(),
            changes: Vec::new(),
            record: Box::new(record),
            table: table.map(Box::new),
        })
    };
    run().unwrap_or_else(Outcome::Failed)
}

/// With `--check`: what writing one briefing would change in its folder; nothing is written.
fn compare(rendered: Rendered, dir: &Path) -> Outcome {
    let changes = match rendered.briefing.check(dir) {
        Ok(changes) => changes,
        Err(e) => return Outcome::Failed(e),
    };
    let changed = changes
        .iter()
        .filter(|(_, c)| *c != FileChange::Stale)
        .count();
    Outcome::Done {
        written: 0,
        unchanged: rendered.briefing.files.len() - changed,
        charts_left_out: rendered.briefing.skipped.len(),
        changes,
        record: Box::new(rendered.record),
        table: rendered.table.map(Box::new),
    }
}
