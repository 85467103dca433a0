//! `podium batch` in CI: index.json beside the briefings, `--check` (render, compare, write
//! nothing, exit 3 when anything would change) and `--progress json`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{self, KAGGLE, podium, succeed};

/// `podium batch` of the Kaggle fixture's 2012 Summer Games from `file` into `out`, with `extra`.
fn batch(file: &Path, out: &Path, extra: &[&str]) -> assert_cmd::Command {
    let mut command = podium();
    command
        .args(["batch", "--games", "2012 Summer", "--from"])
        .arg(file)
        .arg("--out")
        .arg(out)
        .args(extra)
        .env("CI", "true");
    command
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
    succeed(&mut batch(Path::new(KAGGLE), out.path(), &[]));
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
    succeed(&mut batch(Path::new(KAGGLE), one.path(), &["--jobs", "1"]));
    assert_eq!(
        fs::read_to_string(one.path().join("index.json")).unwrap(),
        text
    );
}

#[test]
fn index_json_names_the_nations_skipped() {
    let out = tempfile::tempdir().unwrap();
    succeed(
        podium()
            .args(["batch", "--all-games", "--noc", "KAZ,TUV", "--from", KAGGLE])
            .arg("--out")
            .arg(out.path()),
    );
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
    succeed(&mut batch(Path::new(KAGGLE), &out, &[]));
    let before = support::listing(&out);

    let same = succeed(&mut batch(Path::new(KAGGLE), &out, &["--check"]));
    let said = String::from_utf8_lossy(&same.stdout);
    assert!(said.contains("would change: nothing"), "{said}");
    assert!(said.contains("nothing written"), "{said}");

    let drift = batch(&file, &out, &["--check"]).output().unwrap();
    assert_eq!(
        drift.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&drift.stderr)
    );
    let said = String::from_utf8_lossy(&drift.stdout);
    let kaz = out.join("kazakhstan-2012-summer");
    for name in ["briefing.pdf", "stats.json", "charts/medals-by-sport.svg"] {
        let line = format!("changed {}", kaz.join(name).display());
        assert!(said.contains(&line), "no {line:?} in {said}");
    }
    assert!(
        said.contains(&format!("changed {}", out.join("index.json").display())),
        "{said}"
    );
    // Tuvalu won nothing and ranks last either way: its briefing is not listed.
    assert!(!said.contains("tuvalu-2012-summer/briefing.pdf"), "{said}");
    // Nothing was written: the folder is byte for byte as it was.
    assert!(support::listing(&out) == before);
}

#[test]
fn check_of_an_empty_folder_lists_every_file_as_new_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let done = batch(Path::new(KAGGLE), &out, &["--check"])
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(3));
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(said.contains("(52 new, 0 changed, 0 stale"), "{said}");
    assert!(said.contains(&format!("new     {}", out.join("index.json").display())));
    assert!(said.contains(&format!("new     {}", out.join("index.pdf").display())));
    assert!(!out.exists());
}

#[test]
fn check_lists_a_chart_that_would_be_removed_as_stale() {
    let out = tempfile::tempdir().unwrap();
    succeed(&mut batch(Path::new(KAGGLE), out.path(), &[]));
    // Tuvalu has no medal, so no medals-by-sport chart: one left there is stale.
    let stale = out
        .path()
        .join("tuvalu-2012-summer/charts/medals-by-sport.svg");
    fs::write(&stale, "<svg/>").unwrap();
    let done = batch(Path::new(KAGGLE), out.path(), &["--check"])
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(3));
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(
        said.contains(&format!("stale   {}", stale.display())),
        "{said}"
    );
    assert!(said.contains("(0 new, 0 changed, 1 stale"), "{said}");
    assert!(stale.exists());
}

#[test]
fn progress_json_is_one_object_per_briefing_on_standard_error() {
    let out = tempfile::tempdir().unwrap();
    let done = succeed(&mut batch(
        Path::new(KAGGLE),
        out.path(),
        &["--progress", "json"],
    ));
    let lines: Vec<Value> = String::from_utf8_lossy(&done.stderr)
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
    // The report stays on standard output.
    assert!(String::from_utf8_lossy(&done.stdout).contains("7 briefings"));
}

#[test]
fn progress_plain_is_a_line_at_every_tenth() {
    let out = tempfile::tempdir().unwrap();
    let done = succeed(&mut batch(
        Path::new(KAGGLE),
        out.path(),
        &["--progress", "plain"],
    ));
    let said = String::from_utf8_lossy(&done.stderr);
    assert!(said.contains("7/7 briefings (100 %)"), "{said}");
}

#[test]
fn index_json_names_a_failed_briefing_with_its_exit_code_and_error() {
    let out = tempfile::tempdir().unwrap();
    // A file where Tuvalu's folder goes: its briefing cannot be written, the others are.
    fs::write(out.path().join("tuvalu-2012-summer"), "in the way").unwrap();
    let done = batch(Path::new(KAGGLE), out.path(), &[]).output().unwrap();
    assert_eq!(done.status.code(), Some(74));
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
