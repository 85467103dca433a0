//! `podium batch`: every nation at a Games (or at every Games) from one Kaggle file or the Paris
//! 2024 folder, or from several joined (`source::sources`), read once and rendered in parallel, one briefing folder per nation.
//!
//! Each briefing is a pure function of its own dataset and the document date, so its bytes do not
//! depend on which thread renders it or on what else the process rendered before.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Instant;

use crate::briefing::{Briefing, Change, briefing_dir_for, held_by_another};
use crate::config::{BatchGames, ProgressMode, RunBatch};
use crate::error::Error;
use crate::index::{self, GamesTable, Index, Record};
use crate::report::{Paper, ReportOptions, Standard};
use crate::source::collection::Collection;
use crate::text::plural;
use crate::{interrupt, save, stats};

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

/// One briefing rendered, with its index record and its Games' medal table.
#[derive(Debug)]
struct Rendered {
    briefing: Briefing,
    record: Record,
    /// None when the collector already holds its Games' table (the same for every nation).
    table: Option<GamesTable>,
}

/// What became of one briefing.
#[derive(Debug)]
enum Outcome {
    Done {
        written: usize,
        unchanged: usize,
        charts_left_out: usize,
        /// With `--check`: what writing it would change (nothing is written then).
        changes: Vec<(PathBuf, Change)>,
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
    // Every source given, read once with the world revision ledger applied, joined when several.
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
    let mut skipped: Vec<index::Skipped> = Vec::new();
    for &g in &games {
        let here: Vec<String> = if nocs.is_empty() {
            file.nocs(g)
        } else if all_games {
            let (present, absent): (Vec<String>, Vec<String>) =
                nocs.iter().cloned().partition(|n| file.nocs(g).contains(n));
            for noc in absent {
                missed
                    .entry(noc.clone())
                    .or_default()
                    .push(file.games_name(g));
                skipped.push(index::Skipped {
                    noc,
                    games: file.games_name(g),
                    reason: "not in the sources at these Games".into(),
                });
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
    let missed_lines = missed_games(&missed, games.len());

    let workers = config.workers;
    let (outcomes, tables) = render_all(
        file,
        &jobs,
        Settings {
            out: &config.out,
            paper: config.paper,
            date: config.date,
            standard: config.standard,
            check: config.check,
            progress: config.progress,
        },
        workers.clamp(1, jobs.len().max(1)),
    );

    let mut written = 0;
    let mut unchanged = 0;
    let mut charts_left_out = 0;
    let mut failed = Vec::new();
    let mut not_started = 0;
    let mut changes = Vec::new();
    let mut records = Vec::new();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        match outcome {
            Outcome::Done {
                written: w,
                unchanged: u,
                charts_left_out: c,
                changes: mut ch,
                record,
                ..
            } => {
                written += w;
                unchanged += u;
                charts_left_out += c;
                changes.append(&mut ch);
                records.push(*record);
            }
            Outcome::Failed(e) => failed.push((job, e)),
            Outcome::Interrupted => not_started += 1,
        }
    }
    let briefings = records.len();
    let mut index = Index {
        podium: env!("CARGO_PKG_VERSION"),
        from: from.clone(),
        games: tables.into_values().map(|(_, table)| table).collect(),
        briefings: records,
        skipped: skipped.clone(),
        failed: failed
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

    let games_text = if games.len() == 1 {
        file.games_name(games[0])
    } else {
        format!("{} Games", games.len())
    };
    let timing = format!(
        "in {:.2} s (reading the data {:.2} s) on {}",
        started.elapsed().as_secs_f64(),
        read_in.as_secs_f64(),
        plural(workers as u32, "thread", "threads")
    );
    let briefed = plural(briefings as u32, "briefing", "briefings");
    let out = config.out.display();
    let mut report = if config.check {
        format!(
            "batch --check: {games_text} from {from}: {briefed} rendered and compared with {out}, nothing written; {timing}\n"
        )
    } else {
        format!(
            "batch: {games_text} from {from}: {briefed} in {out} ({written} files written, {unchanged} unchanged; {} left out for want of data) {timing}\n",
            plural(charts_left_out as u32, "chart", "charts")
        )
    };
    let not_there: usize = missed.values().map(Vec::len).sum();
    report.push_str(&format!("skipped: {not_there}\n"));
    for line in &missed_lines {
        report.push_str(&format!("  {line}\n"));
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
            "interrupted: {not_started} briefing{} not written; index.json and index.pdf not written\n",
            if not_started == 1 { "" } else { "s" }
        ));
        return Err(Error::Interrupted(report));
    }

    // The index last, once every briefing is on disk: it describes what is there. index.json
    // for programs, index.pdf for readers (the same value: each Games' medal table, each nation
    // linking to its briefing).
    let date = config
        .date
        .unwrap_or_else(|| crate::report::index::data_date(&index));
    let print = ReportOptions {
        paper: config.paper,
        date,
        standard: config.standard,
    };
    let index_pdf = crate::report::index::pdf(&index, print).map_err(Error::Pdf)?;
    let files = [
        (config.out.join("index.json"), index.json()?.into_bytes()),
        (config.out.join("index.pdf"), index_pdf.bytes),
    ];
    for (path, bytes) in files {
        if config.check {
            if !save::holds(&path, &bytes) {
                let change = if path.exists() {
                    Change::Changed
                } else {
                    Change::New
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
    if config.check {
        report.push_str(&would_change(&changes));
    }
    match failed.first() {
        None if config.check && !changes.is_empty() => Err(Error::WouldChange(report)),
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
                "{noc}: not in the sources at {} of the {of} Games ({which})",
                games.len()
            )
        })
        .collect()
}

/// What `--check` lists: how many files would change, then each with how.
fn would_change(changes: &[(PathBuf, Change)]) -> String {
    if changes.is_empty() {
        return "would change: nothing; every file holds the bytes this run renders\n".into();
    }
    let count = |c: Change| changes.iter().filter(|(_, k)| *k == c).count();
    let mut text = format!(
        "would change: {} file{} ({} new, {} changed, {} stale to be removed)\n",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        count(Change::New),
        count(Change::Changed),
        count(Change::Stale),
    );
    for (path, change) in changes {
        text.push_str(&format!("  {:<7} {}\n", change.word(), path.display()));
    }
    text
}

/// `dir` relative to the output directory (the folder's own name when it is not under it).
fn relative(out: &Path, dir: &Path) -> String {
    index::slashed(dir.strip_prefix(out).unwrap_or(dir))
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
/// syncing files costs as much wall time as rendering them on some file systems). They mostly wait
/// for `fsync`, so more of them than cores: every Games to disk took a median 26.4 s with 16
/// against 29.1 s with 4 (two runs each, in turn, on a shared 2-core machine).
const WRITERS: usize = 16;

/// How each briefing is rendered and what becomes of it.
#[derive(Debug, Clone, Copy)]
struct Settings<'a> {
    out: &'a Path,
    paper: Paper,
    /// `SOURCE_DATE_EPOCH`; `None`: each briefing dated by its data.
    date: Option<i64>,
    standard: Standard,
    /// Compare with the folder instead of writing.
    check: bool,
    progress: ProgressMode,
}

/// Per Games, its medal table (the same for every nation's briefing), with the job it came from:
/// built by the briefings rendered before the collector held one, and the lowest job's kept.
type Tables = BTreeMap<usize, (usize, GamesTable)>;

/// Renders every job on `workers` threads and writes (or, with `--check`, compares) them on
/// `WRITERS` others, reporting progress on standard error. Returns each job's outcome, and each
/// Games' medal table.
fn render_all(
    file: &dyn Collection,
    jobs: &[Job],
    settings: Settings<'_>,
    workers: usize,
) -> (Vec<Outcome>, Tables) {
    let Settings {
        out,
        paper,
        date,
        standard,
        check,
        progress,
    } = settings;
    let next = AtomicUsize::new(0);
    // Rendered briefings wait here for a writer; the bound keeps memory flat when the disk is slow.
    let (rendered_tx, rendered_rx) =
        mpsc::sync_channel::<(usize, Result<Rendered, Error>)>(workers * 2);
    let rendered_rx = Mutex::new(rendered_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome)>();
    let mut outcomes: Vec<Option<Outcome>> = jobs.iter().map(|_| None).collect();
    let mut tables = Tables::new();
    // The Games whose table the collector holds: their other briefings need not build it.
    let have: Mutex<HashSet<usize>> = Mutex::new(HashSet::new());
    let mut progress = Progress::new(jobs.len(), progress);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = rendered_tx.clone();
            let next = &next;
            let have = &have;
            scope.spawn(move || {
                loop {
                    if interrupt::requested() {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let rendered = render(file, job, out, (paper, date, standard), have);
                    if tx.send((i, rendered)).is_err() {
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
                        Ok(r) if check => compare(r, &jobs[i].dir),
                        Ok(r) => write(r, &jobs[i].dir),
                        Err(e) => Outcome::Failed(e),
                    };
                    if done.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        for (i, mut outcome) in done_rx {
            if let Outcome::Done { table, .. } = &mut outcome {
                if let Some(table) = table.take() {
                    let games = jobs[i].games;
                    if tables.get(&games).is_none_or(|(first, _)| i < *first) {
                        tables.insert(games, (i, *table));
                    }
                    if let Ok(mut have) = have.lock() {
                        have.insert(games);
                    }
                }
            }
            progress.done(
                &jobs[i],
                &file.games_name(jobs[i].games),
                &relative(out, &jobs[i].dir),
                &outcome,
            );
            outcomes[i] = Some(outcome);
        }
    });
    progress.finish();
    let outcomes = outcomes
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
        .collect();
    (outcomes, tables)
}

/// One nation's briefing, in memory: dataset, statistics, PDF, charts, JSON; its index record
/// (with each file's SHA-256) and its Games' medal table.
fn render(
    file: &dyn Collection,
    job: &Job,
    out: &Path,
    (paper, date, standard): Print,
    have: &Mutex<HashSet<usize>>,
) -> Result<Rendered, Error> {
    let data = file.dataset(job.games, &job.noc)?;
    let stats = stats::compute(&data);
    let briefing = Briefing::render(&stats, paper, date, standard)?;
    let folder = job.dir.strip_prefix(out).unwrap_or(&job.dir);
    let held = have.lock().is_ok_and(|have| have.contains(&job.games));
    Ok(Rendered {
        record: Record::of(&stats, &briefing, folder),
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
    let changed = changes.iter().filter(|(_, c)| *c != Change::Stale).count();
    Outcome::Done {
        written: 0,
        unchanged: rendered.briefing.files.len() - changed,
        charts_left_out: rendered.briefing.skipped.len(),
        changes,
        record: Box::new(rendered.record),
        table: rendered.table.map(Box::new),
    }
}

/// Progress on standard error: a bar (a terminal), a plain line at every tenth of the way (CI
/// logs), or one JSON object per finished briefing (`--progress json`, for dashboards).
struct Progress {
    mode: ProgressMode,
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    done: usize,
    next_line: usize,
    started: Instant,
}

impl Progress {
    fn new(total: usize, mode: ProgressMode) -> Self {
        let bar = (mode == ProgressMode::Bar).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} briefings, {elapsed} · {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Self {
            mode,
            bar,
            total,
            done: 0,
            next_line: 1,
            started: Instant::now(),
        }
    }

    fn done(&mut self, job: &Job, games: &str, folder: &str, outcome: &Outcome) {
        self.done += 1;
        match self.mode {
            ProgressMode::Bar => {
                if let Some(bar) = &self.bar {
                    bar.set_message(format!("{} {games}", job.noc));
                    bar.inc(1);
                }
            }
            ProgressMode::Plain => {
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
            ProgressMode::Json => {
                eprintln!("{}", self.json_line(job, games, folder, outcome));
            }
        }
    }

    /// `{"done":3,"total":205,"noc":"KAZ","games":"2012 Summer","folder":"…","status":"written",…}`
    fn json_line(&self, job: &Job, games: &str, folder: &str, outcome: &Outcome) -> String {
        let mut line = serde_json::json!({
            "done": self.done,
            "total": self.total,
            "noc": job.noc,
            "games": games,
            "folder": folder,
        });
        let fields = match outcome {
            Outcome::Done {
                written,
                unchanged,
                changes,
                record,
                ..
            } => serde_json::json!({
                "status": "done",
                "files_written": written,
                "files_unchanged": unchanged,
                "files_that_would_change": changes.len(),
                "pages": record.pages,
                "medals_awarded": record.medals.awarded.total,
                "medals_now": record.medals.now.as_ref().map(|v| v.total),
            }),
            Outcome::Failed(e) => serde_json::json!({
                "status": "failed",
                "exit_code": e.exit_code(),
                "error": e.to_string(),
            }),
            Outcome::Interrupted => serde_json::json!({ "status": "interrupted" }),
        };
        if let (Some(line), serde_json::Value::Object(fields)) = (line.as_object_mut(), fields) {
            line.extend(fields);
            line.insert(
                "elapsed_s".into(),
                serde_json::json!((self.started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0),
            );
        }
        line.to_string()
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
