//! The `podium` binary as a user runs it: what it prints, and its exit codes.

use serde_json::Value;

use crate::support::{podium, succeed};

fn json(args: &[&str]) -> Value {
    let out = succeed(podium().args(args));
    serde_json::from_slice(&out.stdout).unwrap()
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
    let out = podium().arg("stats").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
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
fn no_subcommand_writes_the_briefing_of_the_default_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let out = succeed(podium().current_dir(dir.path()));
    let said = String::from_utf8(out.stdout).unwrap();
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
fn a_data_directory_reads_like_the_built_in_dataset() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    assert_eq!(
        json(&["stats", "--data", dir, "--format", "json"]),
        json(&["stats", "--format", "json"])
    );
}

#[test]
fn usage_errors_exit_2() {
    podium().args(["stats", "--format", "xml"]).assert().code(2);
    podium().args(["stats", "--bogus"]).assert().code(2);
    podium().args(["--help"]).assert().code(0);
}

#[test]
fn a_missing_data_directory_is_an_input_output_error() {
    let out = podium()
        .args(["stats", "--data", "/nonexistent/podium-data"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/nonexistent/podium-data"), "{err}");
}

#[test]
fn a_missing_file_in_the_data_directory_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = podium()
        .args(["stats", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("delegation.csv"), "{err}");
}

#[test]
fn one_athlete_is_counted_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let team = [crate::support::member(
        "Ana Solo",
        "F",
        Some(24),
        "Rowing",
        "",
    )];
    crate::support::write_team(
        dir.path(),
        &team,
        crate::support::Options {
            earlier_games: false,
        },
    );
    let out = succeed(podium().arg("stats").arg("--data").arg(dir.path()));
    // The line wraps at the summary's width: compare the words.
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Team: 1 athlete, 0 men (0.0 %) and 1 woman (100.0 %), in 1 sport and 1 discipline; 1 entry in 1 event"),
        "{text}"
    );
}

#[test]
fn the_season_is_read_in_any_case() {
    for season in ["summer", "Summer", "SUMMER"] {
        let out = podium()
            .args(["stats", "--from", crate::support::KAGGLE, "--noc", "KAZ"])
            .args(["--year", "2012", "--season", season])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{season}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
