//! "Now" means decided: the built-in ledger on a small Kaggle file of Rio 2016 gives medals now
//! only as decisions moved them (the men's 77 kg gold stays vacant, nobody moves up), at the
//! dates the decisions were taken; a ledger row for Games never held, or decided during the
//! Games, is refused with its file, line, field and value.

use std::fs;

use serde_json::Value;

use crate::support::run::Run;

/// A Kaggle athlete_events.csv of the Rio events the built-in ledger changes, as the 120-year
/// file shows them (a medal stripped by May 2018 is already gone there: Aloyan's, Sincraian's).
fn rio() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut file = String::from(
        "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n",
    );
    let rows = [
        (
            "Nidzhat Aliyevich Rakhimov",
            "Kazakhstan",
            "KAZ",
            "Weightlifting",
            "Men's Middleweight",
            "Gold",
        ),
        (
            "Lu Xiaojun",
            "China",
            "CHN",
            "Weightlifting",
            "Men's Middleweight",
            "Silver",
        ),
        (
            "Mohamed Ihab Youssef Ahmed Mahmoud",
            "Egypt",
            "EGY",
            "Weightlifting",
            "Men's Middleweight",
            "Bronze",
        ),
        (
            "Chatuphum Chinnawong",
            "Thailand",
            "THA",
            "Weightlifting",
            "Men's Middleweight",
            "NA",
        ),
        (
            "Kianoush Rostami",
            "Iran",
            "IRI",
            "Weightlifting",
            "Men's Light-Heavyweight",
            "Gold",
        ),
        (
            "Tian Tao",
            "China",
            "CHN",
            "Weightlifting",
            "Men's Light-Heavyweight",
            "Silver",
        ),
        (
            "Denis Ulanov",
            "Kazakhstan",
            "KAZ",
            "Weightlifting",
            "Men's Light-Heavyweight",
            "Bronze",
        ),
        (
            "Gabriel Sncrian",
            "Romania",
            "ROU",
            "Weightlifting",
            "Men's Light-Heavyweight",
            "NA",
        ),
        (
            "Shakhobiddin Shokirovich Zoirov",
            "Uzbekistan",
            "UZB",
            "Boxing",
            "Men's Flyweight",
            "Gold",
        ),
        (
            "Mikhail Surenovich \"\"Misha\"\" Aloyan",
            "Russia",
            "RUS",
            "Boxing",
            "Men's Flyweight",
            "NA",
        ),
        (
            "Yoel Segundo Finol Rivas",
            "Venezuela",
            "VEN",
            "Boxing",
            "Men's Flyweight",
            "Bronze",
        ),
        (
            "Hu Jianguan",
            "China",
            "CHN",
            "Boxing",
            "Men's Flyweight",
            "Bronze",
        ),
    ];
    for (i, (name, team, noc, sport, event, medal)) in rows.iter().enumerate() {
        file += &format!(
            "\"{}\",\"{name}\",\"M\",\"25\",\"NA\",\"NA\",\"{team}\",\"{noc}\",\"2016 Summer\",\"2016\",\"Summer\",\"Rio de Janeiro\",\"{sport}\",\"{sport} {event}\",\"{medal}\"\n",
            i + 1
        );
    }
    fs::write(dir.path().join("athlete_events.csv"), file).unwrap();
    dir
}

/// `podium stats --format json` for a nation of the Rio file, with more arguments.
fn stats(dir: &tempfile::TempDir, noc: &str, more: &[&str]) -> Value {
    let path = dir.path().join("athlete_events.csv");
    Run::new(&["stats", "--format", "json", "--from"])
        .arg(&path)
        .args(&["--noc", noc, "--games", "2016 Summer"])
        .args(more)
        .run()
        .json()
}

/// Gold, silver, bronze of a view (`awarded` or `now`).
fn medals(s: &Value, view: &str) -> [u64; 3] {
    let t = &s[view]["totals"];
    [&t["gold"], &t["silver"], &t["bronze"]].map(|v| v.as_u64().unwrap())
}

/// A nation's medals in the all-nation table of a view.
fn in_table(s: &Value, view: &str, noc: &str) -> [u64; 3] {
    let table = s[view]["table"].as_array().unwrap();
    table.iter().find(|t| t["noc"] == noc).map_or([0; 3], |t| {
        let m = &t["medals"];
        [&m["gold"], &m["silver"], &m["bronze"]].map(|v| v.as_u64().unwrap())
    })
}

#[test]
fn the_77_kg_gold_stays_vacant_and_nobody_moves_up() {
    let dir = rio();
    let kaz = stats(&dir, "KAZ", &[]);
    // Rakhimov's gold is gone; Ulanov's bronze of 2018 counts.
    assert_eq!(medals(&kaz, "awarded"), [1, 0, 0]);
    assert_eq!(medals(&kaz, "now"), [0, 0, 1]);
    assert_eq!(kaz["delegation"]["ledger"]["completeness"], "complete");
    assert_eq!(kaz["delegation"]["now_as_of"], "2026-02");
    // Nobody was given the gold: China, Egypt and Thailand keep what they won.
    assert_eq!(in_table(&kaz, "now", "CHN"), [0, 2, 1]);
    assert_eq!(in_table(&kaz, "now", "EGY"), [0, 0, 1]);
    assert_eq!(in_table(&kaz, "now", "THA"), [0, 0, 0]);
    let golds: u64 = kaz["now"]["table"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["medals"]["gold"].as_u64().unwrap())
        .sum();
    assert_eq!(golds, 2, "three events, one gold vacant");
    let chn = stats(&dir, "CHN", &[]);
    assert_eq!(medals(&chn, "awarded"), medals(&chn, "now"));
}

#[test]
fn each_change_counts_from_the_day_it_was_decided() {
    let dir = rio();
    // Finol's silver was reallocated in September 2018, not in 2016.
    let before = stats(&dir, "VEN", &["--as-of", "2018-08-31"]);
    assert_eq!(medals(&before, "now"), [0, 0, 1]);
    // Aloyan's silver was vacant then.
    assert_eq!(in_table(&before, "now", "RUS"), [0, 0, 0]);
    let after = stats(&dir, "VEN", &["--as-of", "2018-09-30"]);
    assert_eq!(medals(&after, "now"), [0, 1, 0]);
    assert_eq!(medals(&after, "awarded"), [0, 0, 1]);
    // Ulanov's bronze came in 2018; Sincraian's was taken on 8 Dec 2016.
    let kaz = stats(&dir, "KAZ", &["--as-of", "2017-12-31"]);
    assert_eq!(medals(&kaz, "now"), [1, 0, 0]);
    assert_eq!(in_table(&kaz, "now", "ROU"), [0, 0, 0]);
    let kaz = stats(&dir, "KAZ", &["--as-of", "2018-12-31"]);
    assert_eq!(medals(&kaz, "now"), [1, 0, 1]);
    // The gold went in March 2022.
    let kaz = stats(&dir, "KAZ", &["--as-of", "2022-03-22"]);
    assert_eq!(medals(&kaz, "now"), [0, 0, 1]);
    // The ledger stands at February 2026: a later day is not known.
    let path = dir.path().join("athlete_events.csv");
    Run::new(&["stats", "--from"])
        .arg(&path)
        .args(&[
            "--noc",
            "KAZ",
            "--games",
            "2016 Summer",
            "--as-of",
            "2026-03-01",
        ])
        .fails(2)
        .says("(2026-02)")
        .run();
}

#[test]
fn a_row_for_games_never_held_or_decided_during_the_games_is_refused() {
    let dir = rio();
    let events = dir.path().join("athlete_events.csv");
    let cases = [
        (
            "2021 Summer,Athletics,Men's 4 x 100m Relay,UJAH Chijindu,,GBR,silver,none,2022-02-18",
            "ledger.csv:2: field `games` value \"2021 Summer\"",
            "Tokyo 2020, held in 2021, is 2020 Summer",
        ),
        (
            "2016 Summer,Weightlifting,Weightlifting Men's Lightweight,Izzat Artykov,,KGZ,bronze,none,2016-08-18",
            "ledger.csv:2: field `decided` value \"2016-08-18\"",
            "last day of the 2016 Summer Games (2016-08-21)",
        ),
    ];
    for (row, at, says) in cases {
        let ledger = dir.path().join("ledger.csv");
        fs::write(
            &ledger,
            format!(
                "games,sport,event,athlete,crew,noc,from,to,decided,presented,confidence,reason,source\n{row},unknown,high,Why.,test\n"
            ),
        )
        .unwrap();
        let out = dir.path().join("out");
        Run::new(&["report", "--noc", "KAZ", "--games", "2016 Summer", "--from"])
            .arg(&events)
            .arg("--ledger")
            .arg(&ledger)
            .out(&out)
            .fails(65)
            .says(at)
            .says(says)
            .writes_nothing()
            .run();
    }
}
