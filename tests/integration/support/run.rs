//! One run of the `podium` binary, written as what the user sees: the arguments, then what must
//! come of them (the exit code, the words of the message, what is printed, that the output folder
//! is left as it was), in the style of casey/just's `Test`. A run that hangs is killed and fails
//! its test rather than the whole test run.
//!
//! ```ignore
//! Run::new(&["report", "--data"]).arg(dir).out(&out)
//!     .fails(65)
//!     .says("athletes.csv:7:")
//!     .writes_nothing()
//!     .run();
//! ```

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::{EPOCH, finish_within, listing};

/// Long enough for any run of the tests on a loaded machine; past it, the run hangs.
const LIMIT: Duration = Duration::from_secs(300);

/// A run of `podium` to make, and what must come of it.
pub struct Run {
    command: Command,
    limit: Duration,
    /// The exit code expected; 0 unless `fails` says otherwise.
    code: i32,
    says: Vec<String>,
    says_not: Vec<String>,
    prints: Vec<String>,
    prints_not: Vec<String>,
    prints_nothing: bool,
    /// The folder `--out` names (or `watching` gives), and whether it must be left as it was.
    watched: Option<PathBuf>,
    writes_nothing: bool,
}

/// What a run did.
#[derive(Debug)]
pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// Standard output read as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl Run {
    /// `podium` with these arguments, its PDFs dated by `SOURCE_DATE_EPOCH` (support::EPOCH) so
    /// that output is comparable, expected to succeed.
    pub fn new<S: AsRef<OsStr>>(args: &[S]) -> Self {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("podium"));
        command.env("SOURCE_DATE_EPOCH", EPOCH).args(args);
        Self {
            command,
            limit: LIMIT,
            code: 0,
            says: Vec::new(),
            says_not: Vec::new(),
            prints: Vec::new(),
            prints_not: Vec::new(),
            prints_nothing: false,
            watched: None,
            writes_nothing: false,
        }
    }

    /// One more argument (a path, most often).
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    /// More arguments.
    pub fn args<S: AsRef<OsStr>>(mut self, args: &[S]) -> Self {
        self.command.args(args);
        self
    }

    /// `--out folder`, and the folder is the one `writes_nothing` watches.
    pub fn out(mut self, folder: impl AsRef<Path>) -> Self {
        let folder = folder.as_ref();
        self.command.arg("--out").arg(folder);
        self.watched = Some(folder.to_path_buf());
        self
    }

    /// The folder `writes_nothing` watches, when it is not given with `--out`.
    pub fn watching(mut self, folder: impl AsRef<Path>) -> Self {
        self.watched = Some(folder.as_ref().to_path_buf());
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Kill the run, and fail the test, should it last longer than `limit`.
    pub fn within(mut self, limit: Duration) -> Self {
        self.limit = limit;
        self
    }

    /// The run must end with exit code `code`.
    pub fn fails(mut self, code: i32) -> Self {
        self.code = code;
        self
    }

    /// Standard error must hold `text`.
    pub fn says(mut self, text: impl Into<String>) -> Self {
        self.says.push(text.into());
        self
    }

    /// Standard error must not hold `text`.
    pub fn says_not(mut self, text: impl Into<String>) -> Self {
        self.says_not.push(text.into());
        self
    }

    /// Standard output must hold `text`.
    pub fn prints(mut self, text: impl Into<String>) -> Self {
        self.prints.push(text.into());
        self
    }

    /// Standard output must not hold `text`.
    pub fn prints_not(mut self, text: impl Into<String>) -> Self {
        self.prints_not.push(text.into());
        self
    }

    /// Nothing is printed on standard output.
    pub fn prints_nothing(mut self) -> Self {
        self.prints_nothing = true;
        self
    }

    /// The watched folder holds the same files with the same bytes after the run as before, and
    /// is not made when it was not there.
    pub fn writes_nothing(mut self) -> Self {
        assert!(
            self.watched.is_some(),
            "writes_nothing needs the folder: give it with out() or watching()"
        );
        self.writes_nothing = true;
        self
    }

    /// Runs podium and fails the test, naming every expectation unmet and showing both outputs,
    /// unless all is as expected.
    pub fn run(self) -> Ran {
        let args: Vec<_> = self
            .command
            .get_args()
            .map(OsStr::to_string_lossy)
            .collect();
        let line = format!("podium {}", args.join(" "));
        let (ran, problems) = self.check();
        assert!(
            problems.is_empty(),
            "{line}:\n{}\n--- stdout:\n{}\n--- stderr:\n{}",
            problems.join("\n"),
            ran.stdout,
            ran.stderr
        );
        ran
    }

    /// Runs podium and returns what it did with every expectation unmet, for a table of cases
    /// that reports every failed case together (support::cases::check_all).
    pub fn check(mut self) -> (Ran, Vec<String>) {
        let before = self.watched.as_deref().map(|w| (w.exists(), listing(w)));
        let child = self
            .command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let done = finish_within(child, self.limit);
        let ran = Ran {
            code: done.status.code(),
            stdout: String::from_utf8_lossy(&done.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&done.stderr).into_owned(),
        };
        let mut problems = Vec::new();
        // podium writes UTF-8 only (a value that is not is shown escaped): anything else is a bug.
        for (name, bytes) in [("stdout", &done.stdout), ("stderr", &done.stderr)] {
            if std::str::from_utf8(bytes).is_err() {
                problems.push(format!("{name} is not UTF-8"));
            }
        }
        if ran.code != Some(self.code) {
            problems.push(format!("exit code {:?}, not {}", ran.code, self.code));
        }
        for text in &self.says {
            if !ran.stderr.contains(text) {
                problems.push(format!("does not say {text:?}"));
            }
        }
        for text in &self.says_not {
            if ran.stderr.contains(text) {
                problems.push(format!("says {text:?}"));
            }
        }
        for text in &self.prints {
            if !ran.stdout.contains(text) {
                problems.push(format!("does not print {text:?}"));
            }
        }
        for text in &self.prints_not {
            if ran.stdout.contains(text) {
                problems.push(format!("prints {text:?}"));
            }
        }
        if self.prints_nothing && !ran.stdout.is_empty() {
            problems.push("printed on stdout".to_owned());
        }
        if let (true, Some(watched), Some((existed, files))) =
            (self.writes_nothing, &self.watched, before)
        {
            if !existed && watched.exists() {
                problems.push(format!("{} was made", watched.display()));
            } else if listing(watched) != files {
                problems.push(format!("{} changed", watched.display()));
            }
        }
        (ran, problems)
    }
}
