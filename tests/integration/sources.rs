//! Several sources at once (`--from` twice): the Kaggle fixture (KAZ at 2008 and 2012 Summer) and
//! the Paris fixture folder (KAZ at 2024): the Games from the one that holds it, the history
//! joined, the Games in neither (2016, 2020) marked as not covered, a Games in two sources and a
//! Games in none refused with exit 2.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{KAGGLE, PARIS, Run, copy_paris, pdf_file_text};

/// `podium stats --format json` of KAZ at `games` from both fixtures.
fn stats_both(games: &str) -> Value {
    Run::new(&[
        "stats", "--format", "json", "--from", KAGGLE, "--from", PARIS,
    ])
    .args(&["--noc", "kaz", "--games", games])
    .run()
    .json()
}

/// The years of the appearances, and of the Games not covered.
fn years(s: &Value) -> (Vec<i64>, Vec<i64>) {
    let appearances = s["history"]["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["year"].as_i64().unwrap())
        .collect();
    let gaps = s["history"]["not_covered"]
        .as_array()
        .map(|g| g.iter().map(|y| y.as_i64().unwrap()).collect())
        .unwrap_or_default();
    (appearances, gaps)
}

#[test]
fn the_games_from_the_folder_and_the_history_from_both() {
    let s = stats_both("2024 Summer");
    assert_eq!(s["delegation"]["games"], "2024 Summer");
    assert_eq!(
        s["team"]["athletes"], 6,
        "the Games' figures from the folder"
    );
    assert_eq!(years(&s), (vec![2008, 2012, 2024], vec![2016, 2020]));
    let lines = s["history"]["appearances"].as_array().unwrap();
    // 2008 from the Kaggle file: three athletes, these Games marked.
    assert_eq!(lines[0]["athletes"], 3);
    assert_eq!(lines[2]["this"], true);
    assert_eq!(s["history"]["previous"]["year"], 2012);
    assert_eq!(s["history"]["first_appearance"], false);
}

#[test]
fn the_games_from_the_file_and_the_later_history_from_the_folder() {
    // The order of --from does not matter: each Games lives in one source.
    let s = Run::new(&[
        "stats", "--format", "json", "--from", PARIS, "--from", KAGGLE,
    ])
    .args(&["--noc", "KAZ", "--year", "2012", "--season", "summer"])
    .run()
    .json();
    assert_eq!(s["delegation"]["games"], "2012 Summer");
    assert_eq!(years(&s), (vec![2008, 2012, 2024], vec![2016, 2020]));
    assert_eq!(years(&stats_both("2012 Summer")), years(&s));
}

#[test]
fn a_single_source_has_no_gaps_in_its_json() {
    let s = Run::new(&["stats", "--format", "json", "--from", KAGGLE])
        .args(&["--noc", "KAZ", "--games", "2012 Summer"])
        .run()
        .json();
    assert!(s["history"].get("not_covered").is_none());
}

#[test]
fn the_summary_names_the_games_not_covered() {
    Run::new(&["stats", "--from", KAGGLE, "--from", PARIS])
        .args(&["--noc", "KAZ", "--games", "2024 Summer"])
        .prints("Not in the sources given (no figures): 2016, 2020")
        .run();
}

#[test]
fn the_briefing_and_the_chart_mark_the_games_not_covered() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["report", "--from", KAGGLE, "--from", PARIS])
        .args(&["--noc", "KAZ", "--games", "2024 Summer"])
        .out(out.path())
        .run();
    let dir = out.path().join("kazakhstan-2024-summer");
    let text = pdf_file_text(&dir.join("briefing.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("2016: not in the sources given"), "{flat}");
    assert!(flat.contains("2020: not in the sources given"), "{flat}");
    assert!(flat.contains("2008 Beijing"), "{flat}");
    // Both sources are cited.
    assert!(flat.contains("120 years of Olympic history"), "{flat}");
    let svg = fs::read_to_string(dir.join("charts/history.svg")).unwrap();
    assert_eq!(svg.matches("not covered").count(), 2, "{svg}");
    assert!(svg.contains("hatched: Games in none of the sources given"));
    for year in ["2008", "2012", "2016", "2020", "2024"] {
        assert!(svg.contains(&format!("\n{year}\n")), "{year} on the axis");
    }
}

#[test]
fn the_history_table_shows_both_views_when_earlier_games_were_revised() {
    // A ledger stripping Dychko's 2012 bronze: the Paris Games know no decision after them, but
    // 2012 does, so the history table has a column as awarded and one now, as its chart.
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.csv");
    fs::write(
        &ledger,
        "games,sport,event,athlete,crew,noc,from,to,decided,presented,confidence,reason,source\n\
         2012 Summer,Boxing,Boxing Men's Super-Heavyweight,Ivan Dychko,,KAZ,bronze,none,2016-10,unknown,high,Stripped.,test fixture\n",
    )
    .unwrap();
    Run::new(&["report", "--from", KAGGLE, "--from", PARIS, "--noc", "KAZ"])
        .args(&["--games", "2024 Summer", "--ledger"])
        .arg(&ledger)
        .out(dir.path())
        .run();
    let text = pdf_file_text(&dir.path().join("kazakhstan-2024-summer/briefing.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let table = &flat[flat.find("Sports As awarded Now").expect(&flat)..];
    assert!(table.contains("2 / 0 / 2 = 4 2 / 0 / 1 = 3"), "{table}");
}

#[test]
fn a_games_in_two_sources_is_refused_naming_both() {
    let copy = copy_paris();
    Run::new(&["stats", "--from", PARIS, "--from"])
        .arg(copy.path())
        .args(&["--noc", "KAZ", "--games", "2024 Summer"])
        .fails(2)
        .says("the 2024 Summer Games are in two of the sources given")
        .says(PARIS)
        .says(copy.path().to_string_lossy())
        .says("give --from only the one")
        .run();
    // The same for two Kaggle files, in a batch too.
    Run::new(&["batch", "--from", KAGGLE, "--from", KAGGLE, "--all-games"])
        .out(copy.path().join("out"))
        .fails(2)
        .says("are in two of the sources given")
        .writes_nothing()
        .run();
}

#[test]
fn a_games_in_neither_source_is_named() {
    Run::new(&["stats", "--from", KAGGLE, "--from", PARIS])
        .args(&["--noc", "KAZ", "--games", "2016 Summer"])
        .fails(2)
        .says("the 2016 Summer Games are in none of the sources given")
        .says("holds 2008 Summer to 2012 Summer")
        .says("holds 2024 Summer")
        .run();
}

#[test]
fn several_sources_need_the_nation_and_the_games() {
    Run::new(&["stats", "--from", KAGGLE, "--from", PARIS, "--noc", "KAZ"])
        .fails(2)
        .says("several --from need the nation and the Games")
        .run();
}

#[test]
fn a_batch_over_both_spans_every_games() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["batch", "--from", KAGGLE, "--from", PARIS, "--all-games"])
        .args(&["--noc", "KAZ", "--jobs", "2"])
        .out(out.path())
        .prints("3 Games from")
        .prints(format!("{KAGGLE} and {PARIS}"))
        .run();
    let mut folders: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.retain(|f| !f.starts_with("index."));
    folders.sort();
    assert_eq!(
        folders,
        [
            "kazakhstan-2008-summer",
            "kazakhstan-2012-summer",
            "kazakhstan-2024-summer"
        ]
    );
    // Each briefing's history joins both sources, whichever holds its Games.
    for folder in &folders {
        let json = fs::read(Path::new(out.path()).join(folder).join("stats.json")).unwrap();
        let s: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(
            years(&s),
            (vec![2008, 2012, 2024], vec![2016, 2020]),
            "{folder}"
        );
    }
}
