//! `podium batch`, many nations at once (on the Kaggle fixture unless said): every nation briefed
//! identically on every run and as `report` briefs it, chosen nations and every Games, each
//! nation's part read alone giving what the whole read gives; and in CI: index.json beside the
//! briefings, `--check` (render, compare, write nothing, exit 3 when anything would change),
//! `--progress json`; an interrupted batch and its rerun.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{self, EPOCH, KAGGLE, KAGGLE as FIXTURE, Run, edited_kaggle as edited};

/// Long enough for any run here on a loaded machine; a run that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(120);

/// `podium batch` of the Kaggle fixture's 2012 Summer Games from `file` into `out`, with `extra`.
fn batch(file: &Path, out: &Path, extra: &[&str]) -> Run {
    Run::new(&["batch", "--games", "2012 Summer", "--from"])
        .arg(file)
        .out(out)
        .args(extra)
        .env("CI", "true")
}

/// The fixture with Ivan Dychko's bronze in the super-heavyweight boxing turned into silver.
fn with_one_medal_changed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    let text = fs::read_to_string(KAGGLE).unwrap();
    let from = "\"Boxing Men's Super-Heavyweight\",\"Bronze\"";
    assert_eq!(text.matches(from).count(), 1);
    let edited = text.replace(from, "\"Boxing Men's Super-Heavyweight\",\"Silver\"");
    fs::write(&path, edited).unwrap();
    (dir, path)
}

#[test]
fn index_json_lists_every_briefing_with_its_files_hashes_and_medals() {
    let out = tempfile::tempdir().unwrap();
    batch(Path::new(KAGGLE), out.path(), &[]).run();
    let text = fs::read_to_string(out.path().join("index.json")).unwrap();
    let index: Value = serde_json::from_str(&text).unwrap();
    let briefings = index["briefings"].as_array().unwrap();
    assert_eq!(briefings.len(), 7);
    // In the batch's order: by NOC within the Games.
    let nocs: Vec<&str> = briefings
        .iter()
        .map(|b| b["noc"].as_str().unwrap())
        .collect();
    assert_eq!(nocs, ["FRA", "GER", "JPN", "KAZ", "NOR", "TUV", "USA"]);
    for b in briefings {
        let folder = out.path().join(b["folder"].as_str().unwrap());
        let files = b["files"].as_array().unwrap();
        assert!(files.len() >= 3, "{b}");
        for f in files {
            let bytes = fs::read(folder.join(f["path"].as_str().unwrap())).unwrap();
            assert_eq!(f["bytes"], bytes.len());
            assert_eq!(f["sha256"], podium::index::sha256_hex(&bytes));
        }
        // Every file of the folder is listed, and nothing else.
        assert_eq!(support::listing(&folder).len(), files.len());
        assert!(b["pages"].as_u64().unwrap() >= 4);
    }
    let kaz = &briefings[3];
    assert_eq!(kaz["nation"], "Kazakhstan");
    assert_eq!(kaz["games"], "2012 Summer");
    assert_eq!(kaz["folder"], "kazakhstan-2012-summer");
    assert_eq!(kaz["athletes"]["total"], 9);
    let awarded = &kaz["medals"]["awarded"];
    assert_eq!(
        (&awarded["gold"], &awarded["bronze"], &awarded["rank"]),
        (&Value::from(2), &Value::from(2), &Value::from("1"))
    );
    // The Games' table, each nation linked to its folder: what index.pdf is to draw.
    let table = index["games"][0]["awarded"].as_array().unwrap();
    assert_eq!(table[0]["noc"], "KAZ");
    assert_eq!(table[0]["folder"], "kazakhstan-2012-summer");
    assert_eq!(index["skipped"], Value::Array(vec![]));
    assert_eq!(index["failed"], Value::Array(vec![]));
    // Same data, same bytes, whatever the number of threads.
    let one = tempfile::tempdir().unwrap();
    batch(Path::new(KAGGLE), one.path(), &["--jobs", "1"]).run();
    assert_eq!(
        fs::read_to_string(one.path().join("index.json")).unwrap(),
        text
    );
}

#[test]
fn index_json_names_the_nations_skipped() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["batch", "--all-games", "--noc", "KAZ,TUV", "--from", KAGGLE])
        .out(out.path())
        .run();
    let index: Value =
        serde_json::from_slice(&fs::read(out.path().join("index.json")).unwrap()).unwrap();
    let skipped = index["skipped"].as_array().unwrap();
    assert!(!skipped.is_empty());
    assert!(
        skipped.iter().all(|s| s["noc"] == "TUV"
            && s["reason"] == "not in the sources at these Games"
            && s["games"].is_string()),
        "{skipped:?}"
    );
    let games: Vec<&str> = index["games"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["games"].as_str().unwrap())
        .collect();
    assert!(
        games.len() >= 2 && games.contains(&"2012 Summer"),
        "{games:?}"
    );
}

#[test]
fn check_exits_0_when_nothing_would_change_and_3_with_the_list_when_a_medal_changed() {
    let (dir, file) = with_one_medal_changed();
    let out = dir.path().join("out");
    batch(Path::new(KAGGLE), &out, &[]).run();
    let before = support::listing(&out);

    batch(Path::new(KAGGLE), &out, &["--check"])
        .prints("would change: nothing")
        .prints("nothing written")
        .run();

    let kaz = out.join("kazakhstan-2012-summer");
    let drift = ["briefing.pdf", "stats.json", "charts/medals-by-sport.svg"]
        .iter()
        .map(|name| kaz.join(name))
        .chain([out.join("index.json")])
        .fold(batch(&file, &out, &["--check"]).fails(3), |run, path| {
            run.prints(format!("changed {}", path.display()))
        });
    drift
        // Tuvalu won nothing and ranks last either way: its briefing is not listed.
        .prints_not("tuvalu-2012-summer/briefing.pdf")
        // Nothing was written: the folder is byte for byte as it was.
        .writes_nothing()
        .run();
    assert!(support::listing(&out) == before);
}

#[test]
fn check_of_an_empty_folder_lists_every_file_as_new_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    batch(Path::new(KAGGLE), &out, &["--check"])
        .fails(3)
        .prints("(52 new, 0 changed, 0 stale")
        .prints(format!("new     {}", out.join("index.json").display()))
        .prints(format!("new     {}", out.join("index.pdf").display()))
        .writes_nothing()
        .run();
    assert!(!out.exists());
}

#[test]
fn check_lists_a_chart_that_would_be_removed_as_stale() {
    let out = tempfile::tempdir().unwrap();
    batch(Path::new(KAGGLE), out.path(), &[]).run();
    // Tuvalu has no medal, so no medals-by-sport chart: one left there is stale.
    let stale = out
        .path()
        .join("tuvalu-2012-summer/charts/medals-by-sport.svg");
    fs::write(&stale, "<svg/>").unwrap();
    batch(Path::new(KAGGLE), out.path(), &["--check"])
        .fails(3)
        .prints(format!("stale   {}", stale.display()))
        .prints("(0 new, 0 changed, 1 stale")
        .run();
    assert!(stale.exists());
}

#[test]
fn progress_json_is_one_object_per_briefing_on_standard_error() {
    let out = tempfile::tempdir().unwrap();
    let done = batch(Path::new(KAGGLE), out.path(), &["--progress", "json"])
        // The report stays on standard output.
        .prints("7 briefings")
        .run();
    let lines: Vec<Value> = done
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    let mut nocs: Vec<&str> = lines.iter().map(|l| l["noc"].as_str().unwrap()).collect();
    nocs.sort_unstable();
    assert_eq!(nocs, ["FRA", "GER", "JPN", "KAZ", "NOR", "TUV", "USA"]);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["done"], i + 1);
        assert_eq!(line["total"], 7);
        assert_eq!(line["status"], "done");
        assert_eq!(line["games"], "2012 Summer");
        assert!(out.path().join(line["folder"].as_str().unwrap()).is_dir());
    }
}

#[test]
fn progress_plain_is_a_line_at_every_tenth() {
    let out = tempfile::tempdir().unwrap();
    batch(Path::new(KAGGLE), out.path(), &["--progress", "plain"])
        .says("7/7 briefings (100 %)")
        .run();
}

#[test]
fn index_json_names_a_failed_briefing_with_its_exit_code_and_error() {
    let out = tempfile::tempdir().unwrap();
    // A file where Tuvalu's folder goes: its briefing cannot be written, the others are.
    fs::write(out.path().join("tuvalu-2012-summer"), "in the way").unwrap();
    batch(Path::new(KAGGLE), out.path(), &[]).fails(74).run();
    let index: Value =
        serde_json::from_slice(&fs::read(out.path().join("index.json")).unwrap()).unwrap();
    assert_eq!(index["briefings"].as_array().unwrap().len(), 6);
    let failed = index["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["noc"], "TUV");
    assert_eq!(failed[0]["folder"], "tuvalu-2012-summer");
    assert_eq!(failed[0]["exit_code"], 74);
    let error = failed[0]["error"].as_str().unwrap();
    assert!(error.contains("tuvalu-2012-summer"), "{error}");
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    support::listing(dir)
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(dir).unwrap().to_path_buf(), bytes))
        .collect()
}

#[test]
fn batch_briefs_every_nation_identically_on_every_run() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for (dir, jobs) in [(&first, "2"), (&second, "1")] {
        Run::new(&["batch", "--from", FIXTURE, "--games", "2012 Summer"])
            .args(&["--jobs", jobs])
            .out(dir.path())
            .env("CI", "true")
            .prints("7 briefings")
            .prints("failed: 0")
            // Plain progress lines for CI, ending at 100 %.
            .says("7/7 briefings (100 %)")
            .run();
    }
    let (a, b) = (tree(first.path()), tree(second.path()));
    let folders: std::collections::BTreeSet<_> =
        a.keys().map(|p| p.components().next().unwrap()).collect();
    // Seven briefing folders and the batch's index.json and index.pdf.
    assert_eq!(folders.len(), 9);
    assert!(a.contains_key(Path::new("index.json")));
    assert!(a.contains_key(Path::new("index.pdf")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{} differs between runs", path.display());
    }
    // A briefing from the batch is the briefing `report` makes on its own.
    let single = tempfile::tempdir().unwrap();
    support::kaz_2012_from_kaggle(single.path());
    let alone = fs::read(single.path().join("kazakhstan-2012-summer/briefing.pdf")).unwrap();
    assert!(alone == a[Path::new("kazakhstan-2012-summer/briefing.pdf")]);
    // A rerun on the same data rewrites nothing.
    Run::new(&["batch", "--from", FIXTURE, "--games", "2012 Summer"])
        .out(first.path())
        .prints("0 files written")
        .run();
}

#[test]
fn batch_of_chosen_nations_and_of_every_games() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&[
        "batch",
        "--from",
        FIXTURE,
        "--all-games",
        "--noc",
        "KAZ,GER",
    ])
    .out(out.path())
    .run();
    let mut folders: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(
        folders,
        [
            "germany-2008-summer",
            "germany-2012-summer",
            "index.json",
            "index.pdf",
            "kazakhstan-2008-summer",
            "kazakhstan-2012-summer"
        ]
    );
}

#[test]
fn one_nation_reads_only_its_part_of_the_file_and_gives_what_the_whole_read_gives() {
    // Every nation at each Games, from `stats --from` (one nation: its Games, its own rows and
    // the medal rows are read) and from the batch (the whole file read): the same statistics.
    let out = tempfile::tempdir().unwrap();
    Run::new(&["batch", "--all-games", "--from", FIXTURE])
        .out(out.path())
        .run();
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(out.path().join("index.json")).unwrap()).unwrap();
    let briefings = index["briefings"].as_array().unwrap();
    assert!(briefings.len() >= 9);
    for b in briefings {
        let (noc, games) = (b["noc"].as_str().unwrap(), b["games"].as_str().unwrap());
        let alone = Run::new(&[
            "stats", "--from", FIXTURE, "--noc", noc, "--games", games, "--format", "json",
        ])
        .run();
        let batch = fs::read(
            out.path()
                .join(b["folder"].as_str().unwrap())
                .join("stats.json"),
        );
        assert!(
            alone.stdout.as_bytes() == batch.unwrap(),
            "{noc} at {games}: stats --from differs from the batch's stats.json"
        );
    }
}

#[test]
fn a_bad_row_outside_one_nations_part_is_found_by_the_batch_not_by_that_nations_report() {
    // Line 3: Kazakhstan at 2008, no medal, in an event the ledger does not name; the United
    // States' 2012 briefing does not use it.
    let (dir, path) = edited(|text| {
        text.replace(
            "\"2\",\"Asel Nurlanovna Test\",\"F\",22,",
            "\"2\",\"Asel Nurlanovna Test\",\"F\",-3,",
        )
    });
    let out = dir.path().join("out");
    let whole = Run::new(&["batch", "--all-games", "--from"])
        .arg(&path)
        .out(&out)
        .fails(65)
        .says(":3: field `Age` value \"-3\"")
        .writes_nothing()
        .run()
        .stderr;
    Run::new(&["stats", "--noc", "USA", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .run();
    // The nation whose row it is: the message a whole read gives, from the whole read.
    let kaz = Run::new(&["stats", "--noc", "KAZ", "--games", "2008 Summer", "--from"])
        .arg(&path)
        .fails(65)
        .run();
    assert_eq!(kaz.stderr, whole);
}

#[test]
fn a_batch_of_every_games_says_once_per_nation_which_games_it_missed() {
    let mut text = String::from(
        "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n",
    );
    // AAA at five Games, BBB at the last only.
    let mut id = 0;
    for (year, city) in [
        (1996, "Atlanta"),
        (2000, "Sydney"),
        (2004, "Athina"),
        (2008, "Beijing"),
        (2012, "London"),
    ] {
        let mut nocs = vec!["AAA"];
        if year == 2012 {
            nocs.push("BBB");
        }
        for noc in nocs {
            id += 1;
            text.push_str(&format!(
                "\"{id}\",\"Athlete {id}\",\"M\",25,NA,NA,\"Nation {noc}\",\"{noc}\",\"{year} Summer\",{year},\"Summer\",\"{city}\",\"Athletics\",\"Athletics Men's 100 metres\",NA\n"
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let report = Run::new(&["batch", "--all-games", "--noc", "AAA,BBB", "--from"])
        .arg(&path)
        .out(dir.path().join("out"))
        .within(LIMIT)
        .run()
        .stdout;
    let bbb: Vec<&str> = report.lines().filter(|l| l.contains("BBB")).collect();
    assert_eq!(
        bbb,
        [
            "  BBB: not in the sources at 4 of the 5 Games (1996 Summer, 2000 Summer, 2004 Summer and 1 more)"
        ],
        "{report}"
    );
    assert!(report.contains("skipped: 4\n"), "{report}");
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
        .env("SOURCE_DATE_EPOCH", EPOCH)
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
    Run::new(&["batch", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .out(&out)
        .prints("150 briefings")
        .run();
    // 150 briefing folders and the index (JSON and PDF), written only by the run that completed.
    assert_eq!(fs::read_dir(&out).unwrap().count(), 152);
}
