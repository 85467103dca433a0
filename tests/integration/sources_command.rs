//! `podium sources`: what each source given is, the Games it holds, the fields it records at each
//! and the problems found reading it whole; the whole report first, then exit 65 when a source
//! has problems in its data (74 when one cannot be read), and 2 for a folder of no known kind.
//! On the Kaggle fixture (2008 and 2012 Summer) and the Paris fixture folder (2024 Summer).

use std::fs;

use serde_json::Value;

use crate::support::run::Run;
use crate::support::{KAGGLE, PARIS, copy_paris};

/// `podium sources --format json` of the paths given, with its exit code.
fn json(paths: &[&str]) -> (Value, Option<i32>, String) {
    let mut run = Run::new(&["sources", "--format", "json"]);
    for p in paths {
        run = run.args(&["--from", *p]);
    }
    // Each case checks the exit code itself: the report comes whatever it is.
    let (ran, _) = run.check();
    (ran.json(), ran.code, ran.stderr)
}

#[test]
fn each_source_says_what_it_is_and_what_it_records() {
    let (report, code, _) = json(&[KAGGLE, PARIS]);
    assert_eq!(code, Some(0));
    let [kaggle, paris] = report["sources"].as_array().unwrap().as_slice() else {
        panic!("two sources: {report}");
    };
    assert_eq!(kaggle["format"], "kaggle");
    let games: Vec<&str> = kaggle["games"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(games, ["2008 Summer", "2012 Summer"]);
    let london = &kaggle["games"][1];
    assert_eq!(
        (london["nocs"].as_u64(), london["athletes"].as_u64()),
        (Some(7), Some(33))
    );
    assert_eq!(london["sex"]["recorded"], "yes");
    assert_eq!(london["birth_dates"]["recorded"], "no");
    // One athlete of the 33 has no age in the file.
    assert_eq!(
        london["ages"],
        serde_json::json!({"recorded": "partly", "known": 32, "of": 33})
    );
    for missing in ["places", "medal_dates", "non_starters", "games_dates"] {
        assert_eq!(london[missing]["recorded"], "no", "{missing}");
    }
    assert_eq!(paris["format"], "paris");
    let paris_games = &paris["games"][0];
    assert_eq!(paris_games["name"], "2024 Summer");
    assert_eq!(paris_games["athletes"], 17);
    assert_eq!(paris_games["birth_dates"]["known"], 16);
    for kept in [
        "sex",
        "events",
        "places",
        "medal_dates",
        "non_starters",
        "games_dates",
    ] {
        assert_eq!(paris_games[kept]["recorded"], "yes", "{kept}");
    }
    assert_eq!(paris["problems_total"], 0);
}

#[test]
fn the_readable_report_has_one_line_per_games() {
    let text = Run::new(&["sources", "--from", KAGGLE, "--from", PARIS])
        .run()
        .stdout;
    assert!(
        text.contains("it holds 2 Games, 2008 Summer to 2012 Summer"),
        "{text}"
    );
    assert!(text.contains("it holds one Games, 2024 Summer"), "{text}");
    let line = |games: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(games))
            .unwrap_or_else(|| panic!("no line for {games}: {text}"))
            .split_whitespace()
            .skip(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // NOCs, athletes, then sex, birth dates, ages, events, places, medal dates, non-starters,
    // the Games' dates.
    assert_eq!(line("2012 Summer"), "7 33 yes no 96 % yes no no no no");
    assert_eq!(
        line("2024 Summer"),
        "4 17 yes 94 % 94 % yes yes yes yes yes"
    );
    assert_eq!(text.matches("no problems found").count(), 2);
}

#[test]
fn a_source_with_bad_rows_is_reported_whole_and_fails_with_65() {
    let dir = copy_paris();
    let athletes = dir.path().join("athletes.csv");
    let text = fs::read_to_string(&athletes).unwrap();
    fs::write(
        &athletes,
        text.replacen(",Male,Athlete,KAZ", ",Robot,Athlete,KAZ", 1),
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap();
    let (report, code, stderr) = json(&[KAGGLE, folder]);
    assert_eq!(code, Some(65), "{stderr}");
    assert!(
        stderr.contains("1 of the 2 sources given has problems"),
        "{stderr}"
    );
    // The good source is still described in full.
    assert_eq!(report["sources"][0]["games"].as_array().unwrap().len(), 2);
    let bad = &report["sources"][1];
    assert_eq!(bad["format"], "paris");
    assert_eq!(bad["games"].as_array().unwrap().len(), 0);
    let problem = &bad["problems"][0];
    assert!(
        problem["file"].as_str().unwrap().ends_with("athletes.csv"),
        "{problem}"
    );
    assert_eq!(problem["line"], 2);
    assert_eq!(problem["field"], "gender");
    assert_eq!(problem["value"], "Robot");
    // The readable report says the same, and the same exit code.
    Run::new(&["sources", "--from", folder])
        .fails(65)
        .prints("athletes.csv:2: field `gender` value \"Robot\"")
        .says("the source given has problems")
        .run();
}

#[test]
fn a_file_of_another_kind_is_named_by_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scores.csv");
    fs::write(&file, "team,score\nKAZ,3\n").unwrap();
    let (report, code, _) = json(&[file.to_str().unwrap()]);
    assert_eq!(code, Some(65));
    let message = report["sources"][0]["problems"][0]["message"]
        .as_str()
        .unwrap();
    assert!(
        message.contains("the header lacks the columns"),
        "{message}"
    );
}

#[test]
fn a_missing_file_fails_with_74_and_a_folder_of_no_known_kind_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("athlete_events.csv");
    let (report, code, _) = json(&[KAGGLE, missing.to_str().unwrap()]);
    assert_eq!(code, Some(74));
    assert!(
        report["sources"][1]["problems"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot access")
    );
    // Nothing is reported before the paths are known.
    Run::new(&["sources", "--from", dir.path().to_str().unwrap()])
        .fails(2)
        .prints_nothing()
        .says("a folder holding none of the files podium reads")
        .run();
}
