//! The olympics.com sets of Tokyo 2020, Beijing 2022 and Milano Cortina 2026 as sources: each
//! fixture folder's figures (medals with their days, the team by sex, ages from birth dates, the
//! all-nation table with AIN and ROC, the ledger's "now" view), the briefing, bad rows named
//! with file, line, field and value, and a folder of the wrong kind named as such.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::run::Run;

/// A fixture folder of the family.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/olympics-com")
        .join(name)
}

/// `podium stats --format json` of one nation of a folder.
fn stats(dir: &Path, noc: &str) -> Value {
    Run::new(&["stats", "--format", "json", "--noc", noc, "--from"])
        .arg(dir)
        .run()
        .json()
}

/// gold/silver/bronze of a view's totals.
fn medals(s: &Value, view: &str) -> [u64; 3] {
    let t = &s[view]["totals"];
    ["gold", "silver", "bronze"].map(|k| t[k].as_u64().unwrap())
}

/// (men, women) of the team, and its size.
fn team(s: &Value) -> [u64; 3] {
    let t = &s["team"];
    ["athletes", "men", "women"].map(|k| t[k].as_u64().unwrap())
}

/// A nation's line in a view's all-nation table.
fn line(s: &Value, view: &str, noc: &str) -> Option<[u64; 3]> {
    let l = s[view]["table"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["noc"] == noc)?;
    Some(["gold", "silver", "bronze"].map(|k| l["medals"][k].as_u64().unwrap()))
}

/// A copy of a fixture folder, to edit.
fn copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(fixture(name)).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// Replaces `from` with `to` in a copied file.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Runs `stats` on a folder expecting failure: the exit code and standard error, which each
/// case checks (a success is one more problem the caller's assertions report).
fn fails(dir: &Path, noc: &str) -> (Option<i32>, String) {
    let (ran, _) = Run::new(&["stats", "--noc", noc, "--from"])
        .arg(dir)
        .check();
    (ran.code, ran.stderr)
}

#[test]
fn milano_cortina_kazakhstan_its_gold_and_the_neutral_athletes_silver() {
    let s = stats(&fixture("milano"), "kaz");
    let d = &s["delegation"];
    assert_eq!(
        (&d["games"], &d["nation"]),
        (&"2026 Winter".into(), &"Kazakhstan".into())
    );
    // The ceremonies' days in schedules.csv.
    assert_eq!(
        (&d["opening"], &d["closing"]),
        (&"2026-02-06".into(), &"2026-02-22".into())
    );
    // The reserve with no event assigned (biathlon) is in the team and its sport.
    assert_eq!(team(&s), [3, 2, 1]);
    assert_eq!(s["team"]["sports"], 3);
    assert_eq!(medals(&s, "awarded"), [1, 0, 0]);
    let m = &s["awarded"]["medals"][0];
    assert_eq!(
        (&m["date"], &m["event"]),
        (&"2026-02-13".into(), &"Men Single Skating".into())
    );
    assert_eq!(m["sport"], "Skating");
    // The relay's gold counts once; AIN's silver is in the table.
    assert_eq!(line(&s, "awarded", "NOR"), Some([2, 0, 0]));
    assert_eq!(line(&s, "awarded", "ITA"), Some([0, 2, 0]));
    assert_eq!(line(&s, "awarded", "AIN"), Some([0, 1, 0]));
    assert!(s["now"].is_null(), "no ledger rows for 2026 Winter");
    // Ages at the opening from athlete.csv, joined by name and NOC (Assan born 25 July 2009).
    assert_eq!(s["ages"]["known"], 3);
    assert_eq!(s["ages"]["youngest"]["age"], 16);
    assert_eq!(s["ages"]["youngest"]["athletes"][0], "Assylkhan Assan");
    let covers = s["sources"][0]["covers"].as_str().unwrap();
    assert!(covers.contains("athlete.csv"), "{covers}");
    assert!(
        covers.contains("04/31/1998"),
        "the impossible date is named: {covers}"
    );
}

#[test]
fn beijing_team_event_is_reallocated_by_the_built_in_ledger() {
    let s = stats(&fixture("beijing"), "USA");
    assert_eq!(s["delegation"]["games"], "2022 Winter");
    assert_eq!(medals(&s, "awarded"), [0, 1, 0]);
    assert_eq!(medals(&s, "now"), [1, 0, 0]);
    let roc = stats(&fixture("beijing"), "ROC");
    assert_eq!(medals(&roc, "awarded"), [1, 0, 0]);
    // Valieva loses her medal; the team's bronze counts once.
    assert_eq!(medals(&roc, "now"), [0, 0, 1]);
    assert_eq!(line(&roc, "now", "JPN"), Some([0, 1, 0]));
    let kaz = stats(&fixture("beijing"), "KAZ");
    assert_eq!(team(&kaz), [2, 1, 1]);
    assert_eq!(medals(&kaz, "awarded"), [0, 0, 0]);
    // Only the medallists' events are known: the briefing says so.
    assert_eq!(kaz["coverage"]["entries"], false);
    // A medallist athletes.csv lacks is counted from the medal row and named.
    let ger = stats(&fixture("beijing"), "GER");
    assert_eq!(
        (team(&ger), medals(&ger, "awarded")),
        ([2, 2, 0], [1, 0, 0])
    );
    let covers = ger["sources"][0]["covers"].as_str().unwrap();
    assert!(
        covers.contains("FAISST Manuel (medals.csv, line"),
        "{covers}"
    );
}

#[test]
fn tokyo_bronzes_non_starters_and_the_relay_reallocated() {
    let s = stats(&fixture("tokyo"), "KAZ");
    assert_eq!(s["delegation"]["games"], "2020 Summer");
    assert_eq!(
        (&s["delegation"]["opening"], &s["delegation"]["closing"]),
        (&"2021-07-23".into(), &"2021-08-08".into())
    );
    // Smetov's two rows (judo, sambo) are one athlete; the athlete with no sex did not start
    // and is named, not counted.
    assert_eq!(team(&s), [3, 2, 1]);
    let covers = s["sources"][0]["covers"].as_str().unwrap();
    assert!(covers.contains("GERASSIMENKO Kirill"), "{covers}");
    assert_eq!(medals(&s, "awarded"), [0, 0, 2]);
    let days: Vec<&str> = s["awarded"]["medals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2021-07-24", "2021-07-26"]);
    // A medallist with a blank sex started: her event gives her sex.
    let usa = stats(&fixture("tokyo"), "USA");
    assert_eq!(
        (team(&usa), medals(&usa, "awarded")),
        ([1, 0, 1], [0, 0, 1])
    );
    // GBR's relay silver is stripped, CAN moves up, CHN (no medal in the set) gets the bronze.
    let chn = stats(&fixture("tokyo"), "CHN");
    assert_eq!(
        (medals(&chn, "awarded"), medals(&chn, "now")),
        ([1, 1, 0], [1, 1, 1])
    );
    assert_eq!(line(&chn, "now", "CAN"), Some([0, 1, 0]));
    assert_eq!(line(&chn, "now", "GBR"), None);
}

#[test]
fn a_briefing_of_each_set_is_written() {
    for (set, noc) in [
        ("milano", "KAZ"),
        ("milano", "ISV"),
        ("beijing", "USA"),
        ("tokyo", "KAZ"),
    ] {
        let out = tempfile::tempdir().unwrap();
        Run::new(&["report", "--noc", noc])
            .out(out.path())
            .arg("--from")
            .arg(fixture(set))
            .run();
        let pdfs = fs::read_dir(out.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().join("briefing.pdf").is_file())
            .count();
        assert_eq!(pdfs, 1, "{set} {noc}");
    }
}

#[test]
fn bad_rows_are_named_with_file_line_field_and_value() {
    let cases: [(&str, &str, &str, &str, &str); 5] = [
        (
            "milano",
            "medallists.csv",
            "2026-02-13,1,GOLD",
            "2026-13-02,1,GOLD",
            "medallists.csv:2: field `date` value \"2026-13-02\"",
        ),
        (
            "milano",
            "athletes.csv",
            "28200,AMRENOVA Ayaulym,F",
            "28200,AMRENOVA Ayaulym,X",
            "athletes.csv:3: field `gender` value \"X\"",
        ),
        (
            "milano",
            "medallists.csv",
            ",50001,",
            ",59999,",
            "medallists.csv:4: field `code` value \"59999\"",
        ),
        (
            "beijing",
            "medals.csv",
            "Gold,1,2022-02-08",
            "Golden,1,2022-02-08",
            "medals.csv:2: field `medal_type` value \"Golden\"",
        ),
        (
            "tokyo",
            "athletes.csv",
            "Female,1993-07-25",
            "Female,1993-07-32",
            "athletes.csv:3: field `birth_date` value \"1993-07-32\"",
        ),
    ];
    for (set, file, from, to, says) in cases {
        let dir = copy(set);
        edit(dir.path(), file, from, to);
        let (code, stderr) = fails(dir.path(), "KAZ");
        assert_eq!(code, Some(65), "{set} {file}: {stderr}");
        assert!(stderr.contains(says), "{set} {file}: {stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
    }
}

#[test]
fn a_missing_column_and_a_folder_of_the_wrong_kind_are_named() {
    let dir = copy("tokyo");
    edit(dir.path(), "medals.csv", "medal_date,", "date_of_medal,");
    // Without its dates column medals.csv is not recognised; athletes.csv says what the folder is.
    let (code, stderr) = fails(dir.path(), "KAZ");
    assert_eq!(code, Some(65), "{stderr}");
    assert!(stderr.contains("medals.csv"), "{stderr}");
    let empty = tempfile::tempdir().unwrap();
    fs::write(empty.path().join("notes.csv"), "a,b\n1,2\n").unwrap();
    let (code, stderr) = fails(empty.path(), "KAZ");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("holding none of the files podium reads"),
        "{stderr}"
    );
    assert!(stderr.contains("Milano Cortina 2026"), "{stderr}");
    // A 2021–22 folder whose medal dates are of no Games of that layout.
    let dir = copy("beijing");
    let path = dir.path().join("medals.csv");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("2022-02-", "2019-02-");
    fs::write(&path, text).unwrap();
    let (code, stderr) = fails(dir.path(), "KAZ");
    assert_eq!(code, Some(65), "{stderr}");
    assert!(
        stderr.contains("medals.csv:2: field `medal_date` value \"2019-02-08 00:00:00.0\""),
        "{stderr}"
    );
}
