//! One runner for the tables of bad input: each case changes a valid input, `podium` runs on it
//! into an output folder that already holds an earlier briefing, and the case checks the exit
//! code, the message and that the folder holds exactly what it held before. Every case is run and
//! every failure reported together, so one broken case does not hide the others.

use std::path::Path;

use assert_cmd::Command;

use super::listing;

/// What one run of `podium` did.
#[derive(Debug)]
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    /// The output folder holds the same files with the same bytes as before the run.
    pub folder_kept: bool,
}

impl Outcome {
    /// What is wrong with this outcome for a case that expects `code` and these texts in the
    /// message: one entry per problem, none when all is as expected.
    pub fn problems(&self, code: i32, says: &[&str]) -> Vec<String> {
        let mut problems = Vec::new();
        if self.code != Some(code) {
            problems.push(format!("exit code {:?}, not {code}", self.code));
        }
        for said in says {
            if !self.stderr.contains(said) {
                problems.push(format!("does not say {said:?}"));
            }
        }
        if !self.folder_kept {
            problems.push("the output folder changed".to_owned());
        }
        problems
    }
}

/// Runs `command` and tells whether the folder `out` was left exactly as it was.
pub fn run_keeping(out: &Path, command: &mut Command) -> Outcome {
    let before = listing(out);
    let done = command.output().unwrap();
    Outcome {
        code: done.status.code(),
        stdout: done.stdout,
        stderr: String::from_utf8_lossy(&done.stderr).into_owned(),
        folder_kept: listing(out) == before,
    }
}

/// Runs `check` on every case (each returns its problems, none when it passes) and fails once,
/// naming each failed case with its problems.
pub fn check_all<C>(
    cases: &[C],
    name: impl Fn(&C) -> &str,
    mut check: impl FnMut(&C) -> Vec<String>,
) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let problems = check(case);
            (!problems.is_empty()).then(|| format!("{}: {}", name(case), problems.join("\n  ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
