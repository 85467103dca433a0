//! The Paris folder with a ledger: both views when the ledger has rows for 2024, one view when it
//! has none, a row that matches no athlete, a date before the Games ended, and the ledger applied
//! to the folder among several sources.

use std::fs;

use serde_json::Value;

use crate::support::{KAGGLE, PARIS, Run, pdf_file_text};

/// A `--ledger` file with rows for 2024 Summer: FRA's judo silver stripped, KAZ's bronze moved up
/// to silver (2025-03-01), USA's 100 m gold stripped (2025-06-01).
const REVISED: &str = "tests/fixtures/paris/ledger/revised.csv";

/// `podium stats --format json` of one nation of the fixture folder with `args` added.
fn stats_with(noc: &str, args: &[&str]) -> Value {
    Run::new(&["stats", "--format", "json", "--noc", noc, "--from", PARIS])
        .args(args)
        .run()
        .json()
}

fn totals(v: &Value) -> [u64; 3] {
    ["gold", "silver", "bronze"].map(|m| v["totals"][m].as_u64().unwrap())
}

#[test]
fn a_ledger_with_rows_for_2024_gives_the_folder_both_views() {
    let s = stats_with("KAZ", &["--ledger", REVISED]);
    // As awarded: the folder's medals, unchanged; now: the judo bronze moved up.
    assert_eq!(totals(&s["awarded"]), [1, 1, 1]);
    assert_eq!(totals(&s["now"]), [1, 2, 0]);
    assert_eq!(s["awarded"]["rank"]["display"], "2");
    // Now USA has lost a gold and FRA its only medal: KAZ leads a table of three.
    assert_eq!(s["now"]["rank"]["display"], "1");
    assert_eq!(s["now"]["rank"]["of"], 3);
    let now_table: Vec<(&str, u64)> = s["now"]["table"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["noc"].as_str().unwrap(),
                l["medals"]["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(now_table, [("KAZ", 3), ("USA", 1), ("AIN", 1)]);
    // The revision of KAZ's entry, written as olympics.com writes the name.
    let changes = s["revisions"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!(
        (
            &c["athlete"],
            &c["event"],
            &c["from"],
            &c["to"],
            &c["decided"]
        ),
        (
            &Value::from("Gusman Kyrgyzbayev"),
            &Value::from("Men -60 kg"),
            &Value::from("bronze"),
            &Value::from("silver"),
            &Value::from("2025-03-01")
        )
    );
    assert_eq!(c["presented"], "no");
    assert_eq!(s["coverage"]["revisions"], true);
    assert_eq!(s["delegation"]["now_as_of"], "2025-06-01");
    assert_eq!(s["delegation"]["ledger"]["completeness"], "partial");
    let sources: Vec<&str> = s["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"podium's world revision ledger"),
        "{sources:?}"
    );
    let history = &s["history"]["appearances"][0];
    assert_eq!(history["now"]["silver"], 2);

    // The stripped nations: FRA's entry loses its medal (the name as the briefing shows it),
    // USA's only at the date of its decision.
    let fra = stats_with("FRA", &["--ledger", REVISED]);
    assert_eq!(totals(&fra["now"]), [0, 0, 0]);
    assert!(fra["revisions"]["changes"][0]["to"].is_null());
    assert_eq!(fra["revisions"]["stripped"], 1);
    let usa = stats_with("USA", &["--ledger", REVISED]);
    assert_eq!(totals(&usa["now"]), [1, 0, 0]);
    let earlier = stats_with("USA", &["--ledger", REVISED, "--as-of", "2025-04-01"]);
    assert_eq!(totals(&earlier["now"]), [2, 0, 0]);
    assert_eq!(earlier["delegation"]["now_as_of"], "2025-04-01");
    let kaz_earlier = stats_with("KAZ", &["--ledger", REVISED, "--as-of", "2025-04-01"]);
    assert_eq!(kaz_earlier["now"]["rank"]["display"], "2");

    // The briefing shows both views and names the ledger.
    let out = tempfile::tempdir().unwrap();
    Run::new(&[
        "report", "--noc", "KAZ", "--from", PARIS, "--ledger", REVISED,
    ])
    .out(out.path())
    .run();
    let text = pdf_file_text(&out.path().join("kazakhstan-2024-summer/briefing.pdf"));
    assert!(text.contains("revision ledger"), "{text}");

    // A batch over the folder applies the ledger too: its briefing is the one `report` makes.
    let batch = tempfile::tempdir().unwrap();
    Run::new(&["batch", "--from", PARIS, "--ledger", REVISED])
        .out(batch.path())
        .run();
    let name = "kazakhstan-2024-summer/briefing.pdf";
    assert_eq!(
        fs::read(batch.path().join(name)).unwrap(),
        fs::read(out.path().join(name)).unwrap()
    );
}

#[test]
fn a_ledger_without_rows_for_2024_leaves_one_view() {
    let plain = stats_with("KAZ", &[]);
    let other = stats_with(
        "KAZ",
        &["--ledger", "tests/fixtures/paris/ledger/other-games.csv"],
    );
    assert_eq!(plain, other);
    assert!(other["now"].is_null());
    assert_eq!(other["coverage"]["revisions"], false);
}

#[test]
fn a_ledger_row_matching_no_athlete_of_a_noc_the_folder_holds_is_named() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["report", "--noc", "KAZ", "--from", PARIS, "--ledger"])
        .arg("tests/fixtures/paris/ledger/unmatched.csv")
        .out(out.path())
        .fails(65)
        .says("unmatched.csv:3:")
        .says("athlete")
        .says("Yeldos Smetoff")
        .says("Yeldos Smetov")
        // Line 4's NOC is not in the folder: not an error.
        .says_not("unmatched.csv:4:")
        .writes_nothing()
        .run();
}

#[test]
fn as_of_before_the_closing_day_is_refused() {
    let out = tempfile::tempdir().unwrap();
    for ledger in [None, Some(REVISED)] {
        let mut run = Run::new(&["report", "--noc", "KAZ", "--from", PARIS])
            .args(&["--as-of", "2024-08-10"])
            .out(out.path());
        if let Some(file) = ledger {
            run = run.args(&["--ledger", file]);
        }
        run.fails(2)
            .says("2024-08-10")
            .says("ended on 2024-08-11")
            .writes_nothing()
            .run();
    }
}

#[test]
fn several_sources_apply_the_ledger_to_the_paris_folder_too() {
    let s = Run::new(&["stats", "--format", "json", "--noc", "KAZ"])
        .args(&["--games", "2024 Summer"])
        .args(&["--from", KAGGLE, "--from", PARIS, "--ledger", REVISED])
        .run()
        .json();
    assert_eq!(totals(&s["now"]), [1, 2, 0]);
    let last = s["history"]["appearances"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    assert_eq!(last["year"], 2024);
    assert_eq!(
        (&last["awarded"]["bronze"], &last["now"]["bronze"]),
        (&Value::from(1), &Value::from(0))
    );
}
