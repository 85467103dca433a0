//! A batch's progress on standard error: a bar, plain lines for CI logs, or JSON lines.

use std::time::Instant;

use crate::config::ProgressMode;

use super::{Job, Outcome};

/// Progress on standard error: a bar (a terminal), a plain line at every tenth of the way (CI
/// logs), or one JSON object per finished briefing (`--progress json`, for dashboards).
pub(super) struct Progress {
    mode: ProgressMode,
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    done: usize,
    next_line: usize,
    started: Instant,
}

impl Progress {
    /// Progress over `total` briefings, shown as `mode` says.
    pub fn new(total: usize, mode: ProgressMode) -> Self {
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

    /// One more briefing finished, as `outcome` says.
    pub fn done(&mut self, job: &Job, games: &str, folder: &str, outcome: &Outcome) {
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

    /// Clears the bar, if any, once the batch is done.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
