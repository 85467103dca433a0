//! The native data format (the files of `data/`, read with `--data`) and the dataset built in:
//! its headline figures, JSON and summary, a folder read like the built-in data, missing files,
//! and the singular. Bad data of this format is in `bad_data`.

mod bad_data;

use serde_json::Value;

use crate::support::{Options, Run, member, write_team};

fn json(args: &[&str]) -> Value {
    Run::new(args).run().json()
}

#[test]
fn headline_figures_of_the_default_dataset() {
    let s = json(&["stats", "--format", "json"]);
    let team = &s["team"];
    for (field, expected) in [
        ("athletes", 115),
        ("men", 74),
        ("women", 41),
        ("sports", 16),
        ("disciplines", 21),
        ("entries", 134),
    ] {
        assert_eq!(team[field], expected, "team.{field}");
    }
    let totals = |view: &str| {
        let t = &s[view]["totals"];
        [&t["gold"], &t["silver"], &t["bronze"], &t["total"]].map(|v| v.as_u64().unwrap())
    };
    assert_eq!(totals("awarded"), [7, 1, 5, 13]);
    assert_eq!(s["awarded"]["rank"]["display"], "12");
    assert_eq!(totals("now"), [3, 2, 6, 11]);
    assert_eq!(s["now"]["rank"]["display"], "23=");
    assert_eq!(s["ages"]["youngest"]["age"], 16);
    assert_eq!(s["ages"]["oldest"]["age"], 41);
    assert_eq!(s["ages"]["known"], 113);
}

#[test]
fn json_has_the_documented_top_level_fields() {
    let s = json(&["stats", "--format", "json"]);
    // serde_json's map sorts its keys; the output itself keeps the struct's order.
    let mut keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "coverage",
        "delegation",
        "awarded",
        "now",
        "medal_list",
        "revisions",
        "team",
        "ages",
        "history",
        "reconciliation",
        "results",
        "sources",
    ];
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn the_summary_of_the_default_dataset() {
    let text = Run::new(&["stats"]).run().stdout;
    for expected in [
        "Kazakhstan (KAZ) at the 2012 Summer Olympics, London",
        "Team: 115 athletes, 74 men (64.3 %) and 41 women (35.7 %), in 16 sports and 21 disciplines",
        "rank (gold first)       12 of 85      23= of 86",
        "4 stripped, 2 gained by reallocation, 1 changed in colour",
        "Debut sports: Tennis",
        "DIFFERS  rank of the share of men among the nation's Games: published 2, computed 3",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn a_data_directory_reads_like_the_built_in_dataset() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    assert_eq!(
        json(&["stats", "--data", dir, "--format", "json"]),
        json(&["stats", "--format", "json"])
    );
}

#[test]
fn a_missing_data_directory_is_an_input_output_error() {
    Run::new(&["stats", "--data", "/nonexistent/podium-data"])
        .fails(74)
        .says("/nonexistent/podium-data")
        .run();
}

#[test]
fn a_missing_file_in_the_data_directory_is_named() {
    let dir = tempfile::tempdir().unwrap();
    Run::new(&["stats", "--data"])
        .arg(dir.path())
        .fails(74)
        .says("delegation.csv")
        .run();
}

#[test]
fn one_athlete_is_counted_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let team = [member("Ana Solo", "F", Some(24), "Rowing", "")];
    write_team(
        dir.path(),
        &team,
        Options {
            earlier_games: false,
        },
    );
    // The line wraps at the summary's width: compare the words.
    let text = Run::new(&["stats", "--data"]).arg(dir.path()).run().stdout;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Team: 1 athlete, 0 men (0.0 %) and 1 woman (100.0 %), in 1 sport and 1 discipline; 1 entry in 1 event"),
        "{text}"
    );
}
