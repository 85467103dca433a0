//! `podium batch`: every nation at a Games (or at every Games) from one Kaggle file or the Paris
//! 2024 folder, or from several joined (`source::sources`), read once and rendered in parallel, one briefing folder per nation.
//!
//! Each briefing is a pure function of its own dataset and the document date, so its bytes do not
//! depend on which thread renders it or on what else the process rendered before.

use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Instant;

use crate::briefing::{Briefing, briefing_dir_for, held_by_another};
use crate::config::{BatchGames, RunBatch};
use crate::error::Error;
use crate::report::{Paper, Standard};
use crate::source::collection::Collection;
use crate::source::kaggle::Olympics;
use crate::source::ledger::Ledger;
use crate::source::paris::Paris;
use crate::source::sources::Sources;
use crate::{interrupt, stats};

/// How every briefing of the batch is printed: paper, `SOURCE_DATE_EPOCH` (else each is dated by
/// its data) and PDF standard.
type Print = (Paper, Option<i64>, Standard);

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
    },
    Failed(Error),
    /// Not written: the user asked podium to stop first.
    Interrupted,
}

/// Renders and writes every briefing of the batch; returns the batch's report.
pub fn run(config: &RunBatch) -> Result<String, Error> {
    let started = Instant::now();
    // The Paris 2024 folder or the Kaggle file, with the world revision ledger applied; or
    // several of them joined.
    let (source, from): (Box<dyn Collection>, String) = match config.from.as_slice() {
        [one] if crate::source::is_paris_folder(one)? => {
            let mut folder = Paris::read(one)?;
            folder.revise(&Ledger::read(&config.now.ledger)?, config.now.as_of)?;
            (Box::new(folder), one.display().to_string())
        }
        [one] => {
            let mut file = Olympics::read(one, config.regions.as_deref())?;
            file.revise(&Ledger::read(&config.now.ledger)?, config.now.as_of)?;
            (Box::new(file), one.display().to_string())
        }
        several => {
            let sources = Sources::read(several, config.regions.as_deref(), &config.now)?;
            let label = sources.label();
            (Box::new(sources), label)
        }
    };
    let file = source.as_ref();
    let read_in = started.elapsed();
    // From here a signal stops the batch between briefings, with its report (until now it ends
    // the process at once: nothing is written yet).
    let _writing = interrupt::defer();
    if interrupt::requested() {
        return Err(Error::Interrupted(
            "batch: stopped after reading the file; nothing written".into(),
        ));
    }
    let all_games = config.games == BatchGames::All;
    let games: Vec<usize> = match &config.games {
        BatchGames::All => (0..file.games_count()).collect(),
        BatchGames::One(choice) => vec![file.find_games(choice)?],
    };
    let nocs = &config.nocs;

    // The jobs, and the nations asked for that were not at a Games (only with --all-games: for
    // one Games an unknown code is a usage error, before anything is written).
    let mut jobs = Vec::new();
    let mut missed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for &g in &games {
        let here: Vec<String> = if nocs.is_empty() {
            file.nocs(g)
        } else if all_games {
            let (present, absent): (Vec<String>, Vec<String>) =
                nocs.iter().cloned().partition(|n| file.nocs(g).contains(n));
            for noc in absent {
                missed.entry(noc).or_default().push(file.games_name(g));
            }
            present
        } else {
            file.check_nocs(g, nocs)?;
            nocs.clone()
        };
        for noc in here {
            jobs.push(Job {
                games: g,
                dir: PathBuf::new(),
                noc,
            });
        }
    }
    name_folders(file, &config.out, &mut jobs);
    let skipped = missed_games(&missed, games.len());

    let workers = config.workers;
    let outcomes = render_all(
        file,
        &jobs,
        (config.paper, config.date, config.standard),
        workers.clamp(1, jobs.len().max(1)),
    );

    let mut written = 0;
    let mut unchanged = 0;
    let mut briefings = 0;
    let mut charts_left_out = 0;
    let mut failed = Vec::new();
    let mut not_started = 0;
    for (job, outcome) in jobs.iter().zip(outcomes) {
        match outcome {
            Outcome::Done {
                written: w,
                unchanged: u,
                charts_left_out: c,
            } => {
                briefings += 1;
                written += w;
                unchanged += u;
                charts_left_out += c;
            }
            Outcome::Failed(e) => failed.push((job, e)),
            Outcome::Interrupted => not_started += 1,
        }
    }
    let games_text = if games.len() == 1 {
        file.games_name(games[0])
    } else {
        format!("{} Games", games.len())
    };
    let mut report = format!(
        "batch: {games_text} from {}: {} briefing{} in {} ({written} files written, {unchanged} unchanged; {charts_left_out} chart{} left out for want of data) in {:.2} s (reading the file {:.2} s) on {workers} thread{}\n",
        from,
        briefings,
        if briefings == 1 { "" } else { "s" },
        config.out.display(),
        if charts_left_out == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64(),
        read_in.as_secs_f64(),
        if workers == 1 { "" } else { "s" },
    );
    let not_there: usize = missed.values().map(Vec::len).sum();
    report.push_str(&format!("skipped: {not_there}\n"));
    for s in &skipped {
        report.push_str(&format!("  {s}\n"));
    }
    report.push_str(&format!("failed: {}\n", failed.len()));
    for (job, e) in &failed {
        report.push_str(&format!(
            "  {} at {}: {e}\n",
            job.noc,
            file.games_name(job.games)
        ));
    }
    // The file's rows take a noticeable time to free; the process is about to end anyway.
    std::thread::spawn(move || drop(source));
    if interrupt::requested() {
        report.push_str(&format!(
            "interrupted: {not_started} briefing{} not written\n",
            if not_started == 1 { "" } else { "s" }
        ));
        return Err(Error::Interrupted(report));
    }
    match failed.first() {
        None => Ok(report),
        Some((_, e)) => Err(Error::Batch {
            report,
            code: e.exit_code(),
        }),
    }
}

/// One line per nation asked for that was absent from some of the Games: how many, and which
/// (the first ones, when there are many: a nation can miss dozens).
fn missed_games(missed: &BTreeMap<String, Vec<String>>, of: usize) -> Vec<String> {
    const SHOWN: usize = 3;
    missed
        .iter()
        .map(|(noc, games)| {
            let mut which = games[..games.len().min(SHOWN)].join(", ");
            if games.len() > SHOWN {
                which.push_str(&format!(" and {} more", games.len() - SHOWN));
            }
            format!(
                "{noc}: not in the file at {} of the {of} Games ({which})",
                games.len()
            )
        })
        .collect()
}

/// Gives each job its folder: `<nation>-<games>`; where two nations of one Games share that, the
/// code goes in front (`kaz-kazakhstan-2012-summer`); and should a name still be taken (data made
/// to collide, or a folder holding another's briefing), a number after it. In job order, so the same data gives the same folders, and no
/// two briefings ever share a folder (their files would race).
fn name_folders(file: &dyn Collection, out: &Path, jobs: &mut [Job]) {
    let games_name = |j: &Job| file.games_name(j.games);
    let plain: Vec<PathBuf> = jobs
        .iter()
        .map(|j| briefing_dir_for(out, &file.nation(j.games, &j.noc), &games_name(j)))
        .collect();
    let mut uses: BTreeMap<&PathBuf, usize> = BTreeMap::new();
    for dir in &plain {
        *uses.entry(dir).or_default() += 1;
    }
    let mut taken: BTreeSet<PathBuf> = BTreeSet::new();
    for (job, dir) in jobs.iter_mut().zip(&plain) {
        let theirs = |d: &Path| held_by_another(d, &job.noc, &games_name(job));
        let mut chosen = if uses[dir] > 1 || theirs(dir) {
            let nation = format!("{} {}", job.noc, file.nation(job.games, &job.noc));
            briefing_dir_for(out, &nation, &games_name(job))
        } else {
            dir.clone()
        };
        let base = chosen.clone();
        let mut n = 2;
        while taken.contains(&chosen) || theirs(&chosen) {
            let name = base
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            chosen = base.with_file_name(format!("{name}-{n}"));
            n += 1;
        }
        taken.insert(chosen.clone());
        job.dir = chosen;
    }
}

/// Threads that write finished briefings, so that rendering never waits for the disk (creating and
/// syncing files costs as much wall time as rendering them on some file systems).
const WRITERS: usize = 4;

/// Renders every job on `workers` threads and writes them on `WRITERS` others, reporting progress
/// on standard error.
fn render_all(file: &dyn Collection, jobs: &[Job], print: Print, workers: usize) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    // Rendered briefings wait here for a writer; the bound keeps memory flat when the disk is slow.
    let (rendered_tx, rendered_rx) =
        mpsc::sync_channel::<(usize, Result<Briefing, Error>)>(workers * 2);
    let rendered_rx = Mutex::new(rendered_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome)>();
    let mut outcomes: Vec<Option<Outcome>> = jobs.iter().map(|_| None).collect();
    let mut progress = Progress::new(jobs.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = rendered_tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    if interrupt::requested() {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if tx.send((i, render(file, job, print))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(rendered_tx);
        for _ in 0..WRITERS {
            let done = done_tx.clone();
            let rendered = &rendered_rx;
            scope.spawn(move || {
                loop {
                    // The lock is held only to take one briefing, not while writing it.
                    let taken = rendered.lock().map(|rx| rx.recv());
                    let Ok(Ok((i, briefing))) = taken else { break };
                    let outcome = match briefing {
                        // A briefing started is written whole; the ones waiting are left.
                        Ok(_) if interrupt::requested() => Outcome::Interrupted,
                        Ok(b) => write(&b, &jobs[i].dir),
                        Err(e) => Outcome::Failed(e),
                    };
                    if done.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        for (i, outcome) in done_rx {
            progress.done(&jobs[i].noc, &file.games_name(jobs[i].games));
            outcomes[i] = Some(outcome);
        }
    });
    progress.finish();
    outcomes
        .into_iter()
        .map(|o| {
            o.unwrap_or_else(|| {
                if interrupt::requested() {
                    Outcome::Interrupted
                } else {
                    Outcome::Failed(Error::WorkerStopped)
                }
            })
        })
        .collect()
}

/// One nation's briefing, in memory: dataset, statistics, PDF, charts, JSON.
fn render(file: &dyn Collection, job: &Job, print: Print) -> Result<Briefing, Error> {
    let data = file.dataset(job.games, &job.noc)?;
    let stats = stats::compute(&data);
    let (paper, date, standard) = print;
    Briefing::render(&stats, paper, date, standard)
}

/// Writes one briefing into its folder.
fn write(briefing: &Briefing, dir: &Path) -> Outcome {
    let run = || -> Result<Outcome, Error> {
        let saved = briefing.write(dir)?;
        let written = saved.written();
        Ok(Outcome::Done {
            written,
            unchanged: saved.files.len() - written,
            charts_left_out: briefing.skipped.len(),
        })
    };
    run().unwrap_or_else(Outcome::Failed)
}

/// A progress bar on a terminal; otherwise a plain line at every tenth of the way, for CI logs.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    done: usize,
    next_line: usize,
}

impl Progress {
    fn new(total: usize) -> Self {
        let terminal = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = terminal.then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} briefings, {elapsed} · {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            total,
            done: 0,
            next_line: 1,
        }
    }

    fn done(&mut self, noc: &str, games: &str) {
        self.done += 1;
        match &self.bar {
            Some(bar) => {
                bar.set_message(format!("{noc} {games}"));
                bar.inc(1);
            }
            None => {
                // Lines at 10 %, 20 %, … and at the end.
                if self.done * 10 >= self.next_line * self.total || self.done == self.total {
                    eprintln!(
                        "batch: {}/{} briefings ({} %)",
                        self.done,
                        self.total,
                        self.done * 100 / self.total.max(1)
                    );
                    while self.next_line * self.total <= self.done * 10 {
                        self.next_line += 1;
                    }
                }
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
