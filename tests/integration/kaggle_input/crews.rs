//! The Kaggle file's crews and nation names, on a small file written here: a single entrant's
//! team, two sailing classes the file merged, a joint art entry, a dressage team listed under its
//! horses, a tie within one nation, and nations named after a boat or club at one Games.

use std::fs;
use std::path::PathBuf;

use crate::support::Run;
use serde_json::Value;

const HEADER: &str = "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n";

/// Rows of athletes numbered from `first`, one per athlete: (team, NOC, Games, sport, event, medal).
fn rows(first: u32, list: &[(&str, &str, &str, &str, &str, &str)]) -> String {
    let mut text = String::new();
    for (k, (team, noc, games, sport, event, medal)) in list.iter().enumerate() {
        let id = first + k as u32;
        let (year, season) = games.split_once(' ').unwrap();
        let medal = if medal.is_empty() {
            "NA".to_owned()
        } else {
            format!("\"{medal}\"")
        };
        text.push_str(&format!(
            "\"{id}\",\"Athlete {id}\",\"M\",25,NA,NA,\"{team}\",\"{noc}\",\"{games}\",{year},\"{season}\",\"City\",\"{sport}\",\"{sport} {event}\",{medal}\n"
        ));
    }
    text
}

/// `n` rows of one crew.
fn crew<'a>(
    n: usize,
    row: (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str),
) -> Vec<(&'a str, &'a str, &'a str, &'a str, &'a str, &'a str)> {
    vec![row; n]
}

/// The file: each case at Games of its own.
fn file() -> (tempfile::TempDir, PathBuf) {
    let mut text = HEADER.to_owned();
    let mut list = Vec::new();
    // 1896: Germany the only team on the horizontal bar, ten gymnasts; one individual gold.
    let bar = "Men's Horizontal Bar, Teams";
    list.extend(crew(
        10,
        ("Germany", "GER", "1896 Summer", "Gymnastics", bar, "Gold"),
    ));
    list.push((
        "Germany",
        "GER",
        "1896 Summer",
        "Gymnastics",
        "Men's Horizontal Bar",
        "Gold",
    ));
    list.push((
        "Greece",
        "GRE",
        "1896 Summer",
        "Gymnastics",
        "Men's Horizontal Bar",
        "Silver",
    ));
    // 1920: two 8-metre classes merged into one event, both won by Norway; a Norwegian silver.
    let eight = "Mixed 8 metres";
    list.extend(crew(
        5,
        ("Irene", "NOR", "1920 Summer", "Sailing", eight, "Gold"),
    ));
    list.extend(crew(
        4,
        ("Sildra-1", "NOR", "1920 Summer", "Sailing", eight, "Gold"),
    ));
    list.extend(crew(
        5,
        ("Lyn-2", "NOR", "1920 Summer", "Sailing", eight, "Silver"),
    ));
    // A 12-metre yacht, the only entrant.
    list.extend(crew(
        9,
        (
            "Heira II",
            "NOR",
            "1920 Summer",
            "Sailing",
            "Mixed 12 metres",
            "Gold",
        ),
    ));
    list.extend(crew(
        3,
        (
            "Sweden",
            "SWE",
            "1920 Summer",
            "Sailing",
            "Mixed 6 metres",
            "Gold",
        ),
    ));
    // 1900: the two races of one class merged, each won by a boat of one sailor.
    for boat in ["Baby-1", "Fantlet-7"] {
        list.push((
            boat,
            "FRA",
            "1900 Summer",
            "Sailing",
            "Mixed 0-0.5 Ton",
            "Gold",
        ));
    }
    // 1912: a Swiss architecture entry by two architects; a single Italian poet.
    list.extend(crew(
        2,
        (
            "Switzerland",
            "SUI",
            "1912 Summer",
            "Art Competitions",
            "Mixed Architecture",
            "Gold",
        ),
    ));
    list.push((
        "Italy",
        "ITA",
        "1912 Summer",
        "Art Competitions",
        "Mixed Literature",
        "Gold",
    ));
    // 2008: a dressage team, each rider under the horse's name.
    for horse in ["Satchmo", "Bonaparte", "Elvis Va"] {
        list.push((
            horse,
            "GER",
            "2008 Summer",
            "Equestrianism",
            "Mixed Dressage, Team",
            "Gold",
        ));
    }
    // 1984: two Americans tie for gold, a Dutch bronze; a relay.
    let free = "Women's 100 metres Freestyle";
    list.extend(crew(
        2,
        (
            "United States",
            "USA",
            "1984 Summer",
            "Swimming",
            free,
            "Gold",
        ),
    ));
    list.push((
        "Netherlands",
        "NED",
        "1984 Summer",
        "Swimming",
        free,
        "Bronze",
    ));
    let relay = "Women's 4 x 100 metres Freestyle Relay";
    list.extend(crew(
        4,
        (
            "United States",
            "USA",
            "1984 Summer",
            "Swimming",
            relay,
            "Gold",
        ),
    ));
    text += &rows(1, &list);

    // Names: a boat or club at one Games, the nation's name at others.
    let mut names = Vec::new();
    for (team, noc, games) in [
        ("Bermuda", "BER", "1952 Summer"),
        ("Pam", "BER", "1956 Summer"),
        ("Pam", "BER", "1956 Summer"),
        ("Bermuda", "BER", "1960 Summer"),
        ("Oleander XII", "BER", "1964 Summer"),
        ("Oleander XII", "BER", "1964 Summer"),
        ("Bermuda", "BER", "1964 Summer"),
        ("A North American Team", "MEX", "1900 Summer"),
        ("Mexico", "MEX", "1924 Summer"),
        ("Mexico", "MEX", "1928 Summer"),
        ("Osborne Swimming Club, Manchester", "NZL", "1900 Summer"),
        ("New Zealand", "NZL", "1920 Summer"),
        ("New Zealand", "NZL", "1924 Summer"),
        ("Racing Club de France", "COL", "1900 Summer"),
        ("Colombia", "COL", "1932 Summer"),
        ("Colombia", "COL", "1936 Summer"),
        // Names of their time, kept.
        ("Ceylon", "SRI", "1952 Summer"),
        ("Ceylon", "SRI", "1956 Summer"),
        ("Sri Lanka", "SRI", "1984 Summer"),
        ("Sri Lanka", "SRI", "1988 Summer"),
        ("Soviet Union", "URS", "1956 Summer"),
        ("Soviet Union", "URS", "1960 Summer"),
        ("West Germany", "FRG", "1972 Summer"),
        ("West Germany", "FRG", "1976 Summer"),
        ("Saar", "SAA", "1952 Summer"),
    ] {
        names.push((team, noc, games, "Sailing", "Mixed 5.5 metres", ""));
    }
    text += &rows(1000, &names);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn stats(file: &PathBuf, noc: &str, games: &str) -> Value {
    Run::new(&["stats", "--format", "json", "--noc", noc, "--games", games])
        .arg("--from")
        .arg(file)
        .run()
        .json()
}

/// The nation's medals as its own view counts them, and as its line in the medal table.
fn medals(s: &Value) -> ([u64; 3], [u64; 3]) {
    let colours = |m: &Value| ["gold", "silver", "bronze"].map(|c| m[c].as_u64().unwrap());
    let own = colours(&s["awarded"]["totals"]);
    let table = s["awarded"]["table"].as_array().unwrap();
    let line = table.iter().find(|x| x["this"] == true).unwrap();
    (own, colours(&line["medals"]))
}

#[test]
fn a_single_entrants_team_medal_counts_once() {
    let (_dir, file) = file();
    let ger = stats(&file, "GER", "1896 Summer");
    assert_eq!(medals(&ger), ([2, 0, 0], [2, 0, 0]));
    let crews = ger["team"]["crews"].as_array().unwrap();
    assert_eq!(crews.len(), 1, "{crews:?}");
    assert_eq!(crews[0]["size"], 10);
    // Greece, one silver, ranks second.
    let gre = stats(&file, "GRE", "1896 Summer");
    assert_eq!(gre["awarded"]["rank"]["display"], "2");
}

#[test]
fn two_crews_of_a_nation_in_merged_sailing_classes_are_two_medals() {
    let (_dir, file) = file();
    let nor = stats(&file, "NOR", "1920 Summer");
    // Irene and Sildra gold, Lyn silver; Heira II, the only 12-metre entrant, one gold.
    assert_eq!(medals(&nor), ([3, 1, 0], [3, 1, 0]));
    assert_eq!(nor["awarded"]["rank"]["display"], "1");
    let results = nor["results"].to_string();
    assert!(
        results.contains("Mixed 8 metres (Irene)") && results.contains("Mixed 8 metres (Sildra-1)"),
        "{results}"
    );
    let swe = stats(&file, "SWE", "1920 Summer");
    assert_eq!(medals(&swe), ([1, 0, 0], [1, 0, 0]));
    let fra = stats(&file, "FRA", "1900 Summer");
    assert_eq!(medals(&fra), ([2, 0, 0], [2, 0, 0]));
}

#[test]
fn a_joint_art_entry_counts_once() {
    let (_dir, file) = file();
    assert_eq!(
        medals(&stats(&file, "SUI", "1912 Summer")),
        ([1, 0, 0], [1, 0, 0])
    );
    assert_eq!(
        medals(&stats(&file, "ITA", "1912 Summer")),
        ([1, 0, 0], [1, 0, 0])
    );
}

#[test]
fn a_team_listed_under_its_horses_counts_once() {
    let (_dir, file) = file();
    assert_eq!(
        medals(&stats(&file, "GER", "2008 Summer")),
        ([1, 0, 0], [1, 0, 0])
    );
}

#[test]
fn a_tie_within_one_nation_stays_two_medals() {
    let (_dir, file) = file();
    // Two tied golds and the relay's one.
    let usa = stats(&file, "USA", "1984 Summer");
    assert_eq!(medals(&usa), ([3, 0, 0], [3, 0, 0]));
    assert_eq!(
        medals(&stats(&file, "NED", "1984 Summer")),
        ([0, 0, 1], [0, 0, 1])
    );
}

#[test]
fn a_nation_is_not_named_after_a_boat_or_club() {
    let (_dir, file) = file();
    for (noc, games, name) in [
        ("BER", "1956 Summer", "Bermuda"),
        ("BER", "1964 Summer", "Bermuda"),
        ("MEX", "1900 Summer", "Mexico"),
        ("NZL", "1900 Summer", "New Zealand"),
        ("COL", "1900 Summer", "Colombia"),
        ("SRI", "1956 Summer", "Ceylon"),
        ("SRI", "1984 Summer", "Sri Lanka"),
        ("URS", "1956 Summer", "Soviet Union"),
        ("FRG", "1972 Summer", "West Germany"),
        ("SAA", "1952 Summer", "Saar"),
    ] {
        let s = stats(&file, noc, games);
        assert_eq!(s["delegation"]["nation"], name, "{noc} {games}");
    }
}
