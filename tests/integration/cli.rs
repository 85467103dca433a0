//! The `podium` binary itself, whatever it is fed: what it does with no subcommand, usage errors,
//! inputs that are not files (a FIFO, a device), signals while it is blocked on its output, and a
//! reader that stops early. Every run that could hang is bounded, so a regression fails, never
//! hangs.

use std::fs;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use crate::support::{self, KAGGLE, Run, copy_mini, copy_paris, finish_within, make_fifo};

/// Long enough for any run here on a loaded machine; a run that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(120);

fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("podium"));
    c.env("SOURCE_DATE_EPOCH", support::EPOCH);
    c
}

fn said(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn no_subcommand_writes_the_briefing_of_the_default_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let said = Run::new::<&str>(&[]).current_dir(dir.path()).run().stdout;
    let folder = dir.path().join("output/kazakhstan-2012-summer");
    for file in [
        "briefing.pdf",
        "stats.json",
        "charts/medals-by-sport.svg",
        "charts/revisions.svg",
    ] {
        assert!(folder.join(file).is_file(), "{file} missing");
        assert!(said.contains(file), "{file} not reported in:\n{said}");
    }
}

#[test]
fn usage_errors_exit_2() {
    Run::new(&["stats", "--format", "xml"]).fails(2).run();
    Run::new(&["stats", "--bogus"]).fails(2).run();
    Run::new(&["--help"]).run();
}

#[test]
fn a_fifo_given_as_input_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("athlete_events.csv");
    if !make_fifo(&fifo) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    // A native dataset with a FIFO for one of its files.
    let data = copy_mini();
    fs::remove_file(data.path().join("athletes.csv")).unwrap();
    assert!(make_fifo(&data.path().join("athletes.csv")));
    // The Paris folder with a FIFO for one of its files.
    let paris = copy_paris();
    fs::remove_file(paris.path().join("events.csv")).unwrap();
    assert!(make_fifo(&paris.path().join("events.csv")));
    let out = dir.path().join("out");
    let cases: Vec<(&str, Vec<std::ffi::OsString>, PathBuf)> = vec![
        (
            "--from a FIFO",
            vec![
                "stats".into(),
                "--noc".into(),
                "KAZ".into(),
                "--games".into(),
                "2012 Summer".into(),
                "--from".into(),
                fifo.clone().into(),
            ],
            fifo.clone(),
        ),
        (
            "a FIFO in --data",
            vec![
                "report".into(),
                "--data".into(),
                data.path().into(),
                "--out".into(),
                out.clone().into(),
            ],
            data.path().join("athletes.csv"),
        ),
        (
            "a FIFO in the Paris folder",
            vec![
                "report".into(),
                "--noc".into(),
                "KAZ".into(),
                "--from".into(),
                paris.path().into(),
                "--out".into(),
                out.clone().into(),
            ],
            paris.path().join("events.csv"),
        ),
        (
            "--ledger a FIFO",
            vec![
                "stats".into(),
                "--noc".into(),
                "KAZ".into(),
                "--games".into(),
                "2012 Summer".into(),
                "--from".into(),
                KAGGLE.into(),
                "--ledger".into(),
                fifo.clone().into(),
            ],
            fifo.clone(),
        ),
    ];
    for (name, args, path) in cases {
        let (ran, problems) = Run::new(&args)
            .within(LIMIT)
            .watching(&out)
            .fails(74)
            .says(path.display().to_string())
            .says("a FIFO (named pipe)")
            .writes_nothing()
            .check();
        assert!(problems.is_empty(), "{name}: {problems:?}\n{}", ran.stderr);
    }
}

#[test]
fn a_device_given_as_input_is_refused_before_it_is_read() {
    // /dev/zero never ends: read, it would take every byte of memory.
    Run::new(&["stats", "--noc", "KAZ", "--games", "2012 Summer"])
        .args(&["--from", "/dev/zero"])
        .within(LIMIT)
        .fails(74)
        .says("/dev/zero")
        .says("a character device")
        .run();
}

/// `podium stats --format json` blocked on a full pipe nobody reads, then sent `signal`: it ends
/// with 130 (before, the handler noted the signal and the write blocked for ever).
fn signal_while_blocked_on_output(signal: &str) {
    let mut child = bin()
        .args(["stats", "--format", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the first bytes come, the rest (180 KB) fills the pipe and the write blocks.
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    let stdout = child.stdout.take();
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let done = finish_within(child, LIMIT);
    drop(stdout);
    assert_eq!(done.status.code(), Some(130), "{signal}: {}", said(&done));
    assert!(said(&done).contains("interrupted"), "{}", said(&done));
}

#[cfg(unix)]
#[test]
fn sigterm_ends_a_run_blocked_on_its_output() {
    signal_while_blocked_on_output("-TERM");
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_run_blocked_on_its_output() {
    signal_while_blocked_on_output("-INT");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("podium"))
        .arg("stats")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing: close the pipe at once, as `podium stats | head -0` would.
    drop(child.stdout.take());
    let done = child.wait_with_output().unwrap();
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(done.stderr.is_empty());
}
