//! Hostile input in the Kaggle format, faults while writing, and interruption: every case checks
//! the exit code, the message, and that the output folder holds what it held before (or, for an
//! interrupted batch, only whole files).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::cases::{check_all, run_keeping};
use crate::support::{self, KAGGLE as FIXTURE, pdf_file_text, podium, succeed};

/// An output folder holding an earlier briefing of Kazakhstan, made from the valid fixture.
fn earlier_output(root: &Path) -> PathBuf {
    let out = root.join("output");
    support::kaz_2012_from_kaggle(&out);
    out
}

/// How a case changes the valid fixture's text (or replaces its bytes).
enum Change {
    Text(fn(&str) -> String),
    Bytes(fn(&[u8]) -> Vec<u8>),
}

struct Case {
    name: &'static str,
    change: Change,
    /// The exit code expected.
    code: i32,
    /// Text every message line for the case must hold: `file:line:` and more.
    says: &'static [&'static str],
}

/// The fixture's line `n` (1-based), changed by `f`.
fn line(text: &str, n: usize, f: impl Fn(&str) -> String) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[n - 1] = f(&lines[n - 1]);
    lines.join("\n") + "\n"
}

const CASES: &[Case] = &[
    Case {
        name: "a truncated row",
        change: Change::Text(|t| line(t, 6, |l| l.rsplitn(6, ',').last().unwrap().to_owned())),
        code: 65,
        says: &[
            "athlete_events.csv:6:",
            "the row has 10 fields; the header has 15",
        ],
    },
    Case {
        name: "a row with a field too many",
        change: Change::Text(|t| line(t, 7, |l| format!("{l},NA"))),
        code: 65,
        says: &["athlete_events.csv:7:", "the row has 16 fields"],
    },
    Case {
        name: "no header row",
        change: Change::Text(|t| t.lines().skip(1).collect::<Vec<_>>().join("\n")),
        code: 65,
        says: &["athlete_events.csv:1:", "lacks the columns ID, Name"],
    },
    Case {
        name: "a renamed header",
        change: Change::Text(|t| t.replacen("\"Medal\"", "\"Medals\"", 1)),
        code: 65,
        says: &["athlete_events.csv:1:", "lacks the column Medal"],
    },
    Case {
        name: "an unknown sex code",
        change: Change::Text(|t| line(t, 6, |l| l.replace(",\"M\",", ",\"X\","))),
        code: 65,
        says: &["athlete_events.csv:6: field `Sex` value \"X\": expected M or F"],
    },
    Case {
        name: "an unknown medal code",
        change: Change::Text(|t| line(t, 5, |l| l.replace("\"Gold\"", "\"Golden\""))),
        code: 65,
        says: &[
            "athlete_events.csv:5: field `Medal` value \"Golden\": expected Gold, Silver, Bronze or NA",
        ],
    },
    Case {
        name: "non-UTF-8 bytes",
        change: Change::Bytes(|b| {
            let mut b = b.to_vec();
            let at = b.windows(5).position(|w| w == b"Dychk").unwrap();
            b[at + 4] = 0xE7;
            b
        }),
        code: 65,
        says: &["athlete_events.csv:6:", "not UTF-8", "save it as UTF-8"],
    },
    Case {
        name: "an empty file",
        change: Change::Bytes(|_| Vec::new()),
        code: 65,
        says: &["athlete_events.csv:1:", "the file is empty"],
    },
    Case {
        name: "one ID, two athletes",
        change: Change::Text(|t| line(t, 7, |l| l.replacen("\"6\"", "\"5\"", 1))),
        code: 65,
        says: &[
            "athlete_events.csv:7: field `Name` value \"Yermek Sample\": athlete 5 is \"Ivan Dychko\" on line 6",
        ],
    },
    Case {
        name: "a negative age",
        change: Change::Text(|t| line(t, 5, |l| l.replace(",24,", ",-24,"))),
        code: 65,
        says: &[
            "athlete_events.csv:5: field `Age` value \"-24\": expected NA or a whole number of years from 5 to 100",
        ],
    },
    Case {
        name: "an absurd age",
        change: Change::Text(|t| line(t, 5, |l| l.replace(",24,", ",240,"))),
        code: 65,
        says: &["athlete_events.csv:5: field `Age` value \"240\""],
    },
    Case {
        name: "a ten-thousand-character name",
        change: Change::Text(|t| t.replace("Ivan Dychko", &"x".repeat(10_000))),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `Name`",
            "(10000 characters)",
            "more than 1000",
        ],
    },
    Case {
        name: "a control character in a name",
        change: Change::Text(|t| t.replace("Ivan Dychko", "Ivan\u{1b}[31mDychko")),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `Name` value \"Ivan\\u{1b}[31mDychko\"",
            "U+001B; remove it",
        ],
    },
    Case {
        name: "a right-to-left override in a team name",
        change: Change::Text(|t| t.replacen("\"Japan\"", "\"Ja\u{202e}pan\"", 1)),
        code: 65,
        says: &["field `Team` value \"Ja\\u{202e}pan\"", "U+202E"],
    },
    Case {
        name: "Games that contradict the year",
        change: Change::Text(|t| line(t, 6, |l| l.replace(",2012,", ",2011,"))),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `Games` value \"2012 Summer\": expected \"2011 Summer\"",
        ],
    },
    Case {
        name: "an unknown season",
        change: Change::Text(|t| line(t, 6, |l| l.replace(",\"Summer\",", ",\"Spring\","))),
        code: 65,
        says: &["athlete_events.csv:6: field `Season` value \"Spring\": expected Summer or Winter"],
    },
    Case {
        name: "a year before the Games began",
        change: Change::Text(|t| {
            line(t, 6, |l| {
                l.replace("\"2012 Summer\",2012", "\"1800 Summer\",1800")
            })
        }),
        code: 65,
        says: &["athlete_events.csv:6: field `Year` value \"1800\": expected a year from 1896"],
    },
    Case {
        name: "a NOC that is a path",
        change: Change::Text(|t| t.replace("\"TUV\"", "\"../x\"")),
        code: 65,
        says: &["field `NOC` value \"../x\": expected a three-letter NOC code"],
    },
    Case {
        name: "an empty event",
        change: Change::Text(|t| {
            line(t, 5, |l| l.replace("\"Boxing Men's Welterweight\"", "\"\""))
        }),
        code: 65,
        says: &["athlete_events.csv:5: field `Event` value \"\": the field is empty"],
    },
    Case {
        name: "an ID that is not a number",
        change: Change::Text(|t| line(t, 6, |l| l.replacen("\"5\"", "\"five\"", 1))),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `ID` value \"five\": expected a positive whole number",
        ],
    },
    Case {
        name: "an unclosed quote",
        change: Change::Text(|t| line(t, 8, |l| l.replacen("Duet\",", "Duet,", 1))),
        code: 65,
        says: &[],
    },
];

#[test]
fn every_kind_of_bad_kaggle_file_is_named_and_nothing_is_written() {
    assert!(CASES.len() >= 20);
    let original = fs::read(FIXTURE).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();
    check_all(
        CASES,
        |c| c.name,
        |case| {
            let dir = tempfile::tempdir().unwrap();
            let out = earlier_output(dir.path());
            let path = dir.path().join("athlete_events.csv");
            let bytes = match case.change {
                Change::Text(f) => f(&text).into_bytes(),
                Change::Bytes(f) => f(&original),
            };
            assert_ne!(bytes, original, "{}: the change changes nothing", case.name);
            fs::write(&path, bytes).unwrap();
            let mut command = podium();
            command
                .args(["batch", "--games", "2012 Summer", "--from"])
                .arg(&path)
                .arg("--out")
                .arg(&out);
            let outcome = run_keeping(&out, &mut command);
            let mut problems = outcome.problems(case.code, case.says);
            if !outcome.stderr.contains("nothing was written") {
                problems.push("no closing line".into());
            }
            if !problems.is_empty() {
                problems.push(format!("the message:\n{}", outcome.stderr));
            }
            problems
        },
    );
}

#[test]
fn line_ends_and_a_byte_order_mark_are_all_read_alike() {
    let text = fs::read_to_string(FIXTURE).unwrap();
    let reference = stats_json(&text);
    for variant in [
        format!("\u{feff}{text}"),
        text.replace('\n', "\r\n"),
        text.replace('\n', "\r"),
    ] {
        assert_eq!(stats_json(&variant), reference);
    }
}

fn stats_json(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let out = succeed(
        podium()
            .args([
                "stats",
                "--format",
                "json",
                "--noc",
                "KAZ",
                "--games",
                "2012 Summer",
                "--from",
            ])
            .arg(&path),
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_gigabyte_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::copy(FIXTURE, &path).unwrap();
    // Sparse: a gigabyte on paper, nothing on disk, and podium must not try to read it.
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let started = Instant::now();
    let done = podium()
        .args(["stats", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(65));
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("the file is 1024 MB; podium reads files up to 400 MB"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn names_are_shown_as_written_escaped_where_the_format_needs_it() {
    let text = fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("\"Japan\"", "\"<Nippon> & \"\"Co\"\"\"")
        .replace("Olga Jumper", "Қайрат Әбдірахманов (\\Ольга/)");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let out = dir.path().join("out");
    let done = podium()
        .args(["report", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        // One medal view, so the medal table shows the nations' names in full.
        .args(["--ledger", support::NO_LEDGER])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    // Every glyph is in the shipped font: no warning.
    assert!(!String::from_utf8_lossy(&done.stdout).contains("no glyph"));
    let folder = out.join("kazakhstan-2012-summer");
    // The SVG is well formed and its text is the name as written.
    let svg = fs::read_to_string(folder.join("charts/table-neighbourhood.svg")).unwrap();
    assert!(
        svg.contains("&lt;Nippon&gt; &amp; &quot;Co&quot;")
            || svg.contains("&lt;Nippon&gt; &amp; \"Co\""),
        "{svg}"
    );
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default());
    assert!(tree.is_ok(), "the SVG does not parse");
    // The PDF holds the names as text, parentheses and backslashes included.
    let text = pdf_file_text(&folder.join("briefing.pdf"));
    assert!(text.contains("Қайрат Әбдірахманов (\\Ольга/)"), "{text}");
    assert!(text.contains("<Nippon> & \"Co\""), "{text}");
}

#[test]
fn an_output_folder_that_cannot_be_made_is_an_io_error_and_nothing_else_changes() {
    let dir = tempfile::tempdir().unwrap();
    let out = earlier_output(dir.path());
    let before = support::listing(&out);
    // A file where the briefing's folder should be.
    let blocker = out.join("tuvalu-2012-summer");
    fs::write(&blocker, b"not a folder").unwrap();
    let done = podium()
        .args([
            "report",
            "--from",
            FIXTURE,
            "--noc",
            "TUV",
            "--games",
            "2012 Summer",
        ])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(74));
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("cannot access") && err.contains("tuvalu-2012-summer"),
        "{err}"
    );
    let mut after = support::listing(&out);
    after.retain(|(p, _)| p != &blocker);
    assert_eq!(after, before);
    // --out on a device that is not a folder.
    let done = podium()
        .args([
            "report",
            "--from",
            FIXTURE,
            "--noc",
            "TUV",
            "--games",
            "2012 Summer",
            "--out",
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(74));
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_earlier_briefing_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = earlier_output(dir.path());
    let before = support::listing(&out);
    // A new dataset (another nation's medals) so that every file would change; each process may
    // write files of at most 20 KB, as on a disk with 20 KB free: the PDF cannot be written.
    let text = fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("\"Bronze\"", "\"Silver\"");
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("podium");
    let script = format!(
        "trap '' XFSZ; ulimit -f 20; exec '{}' report --noc KAZ --games '2012 Summer' --from '{}' --out '{}'",
        bin.display(),
        path.display(),
        out.display()
    );
    let done = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(
        done.status.code(),
        Some(74),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("cannot access") && err.contains("briefing.pdf"),
        "{err}"
    );
    let after = support::listing(&out);
    // Nothing half-written: no temporary file, and the earlier PDF is untouched.
    assert!(
        after
            .iter()
            .all(|(p, _)| !p.to_string_lossy().ends_with(".tmp")),
        "{after:?}"
    );
    let pdf = |l: &[(PathBuf, Vec<u8>)]| {
        l.iter()
            .find(|(p, _)| p.ends_with("briefing.pdf"))
            .map(|(_, b)| b.clone())
            .unwrap()
    };
    assert!(pdf(&after) == pdf(&before));
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

/// A Kaggle file of `n` nations, each with a handful of athletes, for a batch long enough to
/// interrupt.
fn many_nations(n: usize) -> String {
    let mut text = String::from(
        "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n",
    );
    let mut id = 0;
    for k in 0..n {
        let noc: String = [k / 676, k / 26 % 26, k % 26]
            .iter()
            .map(|&d| char::from(b'A' + d as u8))
            .collect();
        for j in 0..6 {
            id += 1;
            let medal = if j == 0 && k < 3 {
                ["\"Gold\"", "\"Silver\"", "\"Bronze\""][k]
            } else {
                "NA"
            };
            text.push_str(&format!(
                "\"{id}\",\"Athlete {id}\",\"{}\",{},NA,NA,\"Nation {noc}\",\"{noc}\",\"2012 Summer\",2012,\"Summer\",\"London\",\"Athletics\",\"Athletics Men's Event {j}\",{medal}\n",
                if j % 2 == 0 { "M" } else { "F" },
                20 + j
            ));
        }
    }
    text
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_only_whole_files_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, many_nations(150)).unwrap();
    let out = dir.path().join("out");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("podium"))
        .args(["batch", "--games", "2012 Summer", "--jobs", "1", "--from"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first briefings, then press Ctrl-C.
    let started = Instant::now();
    while fs::read_dir(&out).map_or(0, Iterator::count) < 5 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the batch never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let done = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&done.stderr);
    let files = support::listing(&out);
    let folders = fs::read_dir(&out).unwrap().count();
    if done.status.code() == Some(0) {
        // The batch finished before the signal arrived: nothing to check but completeness (150
        // folders, index.json and index.pdf).
        assert_eq!(folders, 152);
    } else {
        // An index of a batch cut short would describe what is not there: it is not written.
        assert!(!out.join("index.json").exists());
        assert!(!out.join("index.pdf").exists());
        assert_eq!(done.status.code(), Some(130), "{err}");
        assert!(err.contains("interrupted"), "{err}");
        assert!(folders < 150, "{folders} folders");
    }
    for (p, bytes) in &files {
        assert!(
            !p.to_string_lossy().ends_with(".tmp"),
            "a temporary file is left: {}",
            p.display()
        );
        if p.ends_with("briefing.pdf") {
            assert!(
                lopdf::Document::load_mem(bytes).is_ok(),
                "{} is not whole",
                p.display()
            );
        }
    }
    // The rerun writes the rest and leaves the whole ones alone.
    let again = succeed(
        podium()
            .args(["batch", "--games", "2012 Summer", "--from"])
            .arg(&path)
            .arg("--out")
            .arg(&out),
    );
    // 150 briefing folders and the index (JSON and PDF), written only by the run that completed.
    assert_eq!(fs::read_dir(&out).unwrap().count(), 152);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(said.contains("150 briefings"), "{said}");
}

#[test]
fn six_hundred_athletes_in_forty_sports_make_a_readable_briefing() {
    let team: Vec<_> = (0..600u32)
        .map(|i| {
            support::member(
                &format!("Maximiliana-Theodora Wolfeschlegelsteinhausen-Bergerdorff {i}"),
                if i % 3 == 0 { "M" } else { "F" },
                Some(15 + i % 40),
                &format!(
                    "Synchronised Long-Distance Sport {} of the Programme",
                    i % 40
                ),
                ["gold", "silver", "bronze", "", "", "", "", ""][i as usize % 8],
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    support::write_team(
        dir.path(),
        &team,
        support::Options {
            earlier_games: true,
        },
    );
    let out = dir.path().join("out");
    let done = podium()
        .args(["report", "--data"])
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let folder = fs::read_dir(&out).unwrap().next().unwrap().unwrap().path();
    let pdf = fs::read(folder.join("briefing.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!((20..120).contains(&pages.len()), "{} pages", pages.len());
    let text = doc.extract_text(&pages).unwrap();
    // The last athlete and the last sport are there: nothing fell off the end.
    assert!(text.contains("Wolfeschlegelsteinhausen-Bergerdorff 599"));
    assert!(text.contains("Sport 39 of the Programme"));
}
