//! The Kaggle "120 years of Olympic history" source and `podium batch`, on fixtures written for
//! these tests (tests/fixtures/kaggle): counts, briefings, folder names, errors, reproducibility.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{self, KAGGLE as FIXTURE, pdf_file_text, podium, succeed};
use serde_json::Value;

fn stats(noc: &str, games: &str) -> Value {
    let out = succeed(podium().args([
        "stats", "--format", "json", "--from", FIXTURE, "--noc", noc, "--games", games,
    ]));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn totals(s: &Value) -> [u64; 4] {
    let t = &s["awarded"]["totals"];
    [&t["gold"], &t["silver"], &t["bronze"], &t["total"]].map(|v| v.as_u64().unwrap())
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    support::listing(dir)
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(dir).unwrap().to_path_buf(), bytes))
        .collect()
}

#[test]
fn a_nation_counts_as_the_counting_rules_say() {
    let s = stats("KAZ", "2012 Summer");
    let team = &s["team"];
    // Nine athletes: the repeated row is read once, the swimmer with two events counted once.
    assert_eq!(team["athletes"], 9);
    assert_eq!(team["men"], 4);
    assert_eq!(team["women"], 5);
    // Boxing, Judo, Athletics, Tennis, and Aquatics for swimming and synchronised swimming.
    assert_eq!(team["sports"], 5);
    assert_eq!(team["disciplines"], 6);
    assert_eq!(team["entries"], 10);
    assert_eq!(totals(&s), [2, 0, 2, 4]);
    assert_eq!(s["awarded"]["rank"]["display"], "1");
    // The quoted name with a comma and quotes inside survives whole.
    let medallists = s["awarded"]["medallists"].to_string();
    assert!(
        medallists.contains(r#"Aleksandr \"Sasha\" Petrov, Jr."#),
        "{medallists}"
    );
    // An NA age is unknown, not zero.
    assert_eq!(s["ages"]["unknown"], 1);
    // The built-in world ledger covers 2012 in part and changes none of these medals: a "now"
    // view equal to the medals as awarded, and the coverage says the ledger is partial.
    assert_eq!(s["now"]["totals"], s["awarded"]["totals"]);
    assert_eq!(s["coverage"]["revisions"], true);
    assert_eq!(s["delegation"]["ledger"]["completeness"], "partial");
    assert!(s["revisions"]["changes"].as_array().unwrap().is_empty());
    assert_eq!(s["coverage"]["medal_dates"], false);
    assert_eq!(s["delegation"]["appearance"], 2);
    assert!(s["delegation"]["opening"].is_null());
    // History from the same file: Beijing 2008 with its gold and bronze.
    let history = s["history"]["appearances"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["year"], 2008);
    assert_eq!(history[0]["awarded"]["total"], 2);
}

#[test]
fn a_team_medal_counts_once_and_shared_bronzes_each_count() {
    let nor = stats("NOR", "2012 Summer");
    assert_eq!(nor["team"]["athletes"], 12);
    assert_eq!(totals(&nor), [1, 0, 0, 1]);
    let squads = nor["team"]["team_sports"].as_array().unwrap();
    assert_eq!(squads.len(), 1);
    assert_eq!(squads[0]["size"], 12);
    assert_eq!(squads[0]["sport"], "Handball");
    // Two pairs of one nation in one event: gold and silver, one medal each.
    let usa = stats("USA", "2012 Summer");
    assert_eq!(totals(&usa), [1, 1, 0, 2]);
    assert_eq!(usa["delegation"]["nation"], "United States");
    // Two bronzes in one judo event, for two nations; a squad's silver once.
    let jpn = stats("JPN", "2012 Summer");
    assert_eq!(totals(&jpn), [1, 1, 1, 3]);
    // Trampolining is a discipline of Gymnastics: Gymnastics, Judo, Handball.
    assert_eq!(jpn["team"]["sports"], 3);
    // The all-nation table is computed from the file: six nations with a medal.
    let table = jpn["awarded"]["table"].as_array().unwrap();
    assert_eq!(table.len(), 6);
    let all: u64 = table
        .iter()
        .map(|t| t["medals"]["total"].as_u64().unwrap())
        .sum();
    // KAZ 4, JPN 3, USA 2, NOR, FRA and GER 1 each.
    assert_eq!(all, 12);
}

#[test]
fn a_nation_at_its_first_games_without_medals_gets_a_whole_briefing() {
    let s = stats("TUV", "2012 Summer");
    assert_eq!(totals(&s), [0, 0, 0, 0]);
    assert_eq!(s["history"]["first_appearance"], true);
    assert_eq!(s["delegation"]["appearance"], 1);
    let out = tempfile::tempdir().unwrap();
    let done = podium()
        .args([
            "report", "--from", FIXTURE, "--noc", "tuv", "--year", "2012", "--season", "summer",
        ])
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let said = String::from_utf8_lossy(&done.stdout);
    for chart in [
        "medals-by-sport",
        "medals-by-day",
        "revisions",
        "history",
        "table-neighbourhood",
    ] {
        assert!(
            said.contains(&format!("skipped chart {chart}")),
            "{chart}: {said}"
        );
    }
    let text = pdf_file_text(&out.path().join("tuvalu-2012-summer/briefing.pdf"));
    assert!(text.contains("Tuvalu"), "{text}");
    assert!(text.contains("won no medal"), "{text}");
    assert!(text.contains("The source does not record"), "{text}");
}

#[test]
fn the_briefing_says_what_the_source_lacks_instead_of_guessing() {
    let out = tempfile::tempdir().unwrap();
    podium()
        .args([
            "report",
            "--from",
            FIXTURE,
            "--noc",
            "KAZ",
            "--games",
            "2012 Summer",
        ])
        // No ledger: the file alone, which records no decision after the Games.
        .args(["--ledger", support::NO_LEDGER])
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let dir = out.path().join("kazakhstan-2012-summer");
    let text = pdf_file_text(&dir.join("briefing.pdf"));
    for said in [
        "no dates of the medal events",
        "no revision ledger",
        "does not record who did not start",
        "Flag bearers.",
        "Petrov, Jr.",
    ] {
        assert!(text.contains(said), "{said:?} missing");
    }
    // Without medal dates no medal is the first: the summary names none.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!flat.contains("first gold"), "a first gold without dates");
    // Charts that would need the missing data are not drawn at all.
    assert!(!dir.join("charts/medals-by-day.svg").exists());
    assert!(!dir.join("charts/revisions.svg").exists());
    assert!(dir.join("charts/medals-by-sport.svg").exists());
}

#[test]
fn batch_briefs_every_nation_identically_on_every_run() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for (dir, jobs) in [(&first, "2"), (&second, "1")] {
        let out = succeed(
            podium()
                .args([
                    "batch",
                    "--from",
                    FIXTURE,
                    "--games",
                    "2012 Summer",
                    "--jobs",
                    jobs,
                ])
                .arg("--out")
                .arg(dir.path())
                .env("CI", "true"),
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("7 briefings"), "{said}");
        assert!(said.contains("failed: 0"), "{said}");
        // Plain progress lines for CI, ending at 100 %.
        assert!(String::from_utf8_lossy(&out.stderr).contains("7/7 briefings (100 %)"));
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
    let again = podium()
        .args(["batch", "--from", FIXTURE, "--games", "2012 Summer"])
        .arg("--out")
        .arg(first.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 files written"));
}

#[test]
fn batch_of_chosen_nations_and_of_every_games() {
    let out = tempfile::tempdir().unwrap();
    let done = podium()
        .args([
            "batch",
            "--from",
            FIXTURE,
            "--all-games",
            "--noc",
            "KAZ,GER",
        ])
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
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

/// Writes the fixture with one row changed by `edit`, into a fresh directory.
fn edited(edit: impl Fn(&str) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, edit(&fs::read_to_string(FIXTURE).unwrap())).unwrap();
    (dir, path)
}

#[test]
fn no_value_in_the_data_can_write_outside_the_output_folder() {
    // A hostile team name becomes letters and dashes inside --out.
    let (dir, path) = edited(|text| text.replace("\"Tuvalu\"", "\"../../../escaped/x\""));
    let out = dir.path().join("out");
    podium()
        .args(["batch", "--games", "2012 Summer", "--noc", "TUV", "--from"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut written: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["escaped-x-2012-summer", "index.json", "index.pdf"]
    );
    assert!(!dir.path().join("escaped").exists());
    // A hostile NOC code is refused with its line, and nothing is written.
    let (dir, path) = edited(|text| text.replace("\"TUV\"", "\"../x\""));
    let out = dir.path().join("out");
    let done = podium()
        .args(["batch", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(65));
    let said = String::from_utf8_lossy(&done.stderr);
    assert!(said.contains(":42: field `NOC` value \"../x\""), "{said}");
    assert!(!out.exists());
}

#[test]
fn bad_rows_are_named_by_line_the_first_twenty_in_full() {
    // 25 rows with an impossible age, on lines 2 to 26.
    let (_dir, path) = edited(|text| {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for line in lines.iter_mut().skip(1).take(25) {
            // The age follows the sex, "M" or "F"; names may hold commas, so find the sex.
            let sex = line
                .find(",\"M\",")
                .or_else(|| line.find(",\"F\","))
                .unwrap()
                + 5;
            let age_end = sex + line[sex..].find(',').unwrap();
            line.replace_range(sex..age_end, "-3");
        }
        lines.join("\r\n")
    });
    let done = podium()
        .args(["stats", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(65));
    let said = String::from_utf8_lossy(&done.stderr);
    let problems: Vec<&str> = said.lines().filter(|l| l.contains("field `Age`")).collect();
    assert_eq!(problems.len(), 20, "{said}");
    // CRLF line ends, and still the true line numbers.
    assert!(
        problems[0].contains("athlete_events.csv:2: field `Age` value \"-3\""),
        "{said}"
    );
    assert!(problems[19].contains("athlete_events.csv:21:"), "{said}");
    assert!(
        said.contains("25 problems in the data, the first 20 shown above"),
        "{said}"
    );
}

#[test]
fn an_unknown_nation_or_games_names_the_nearest() {
    let done = podium()
        .args([
            "stats",
            "--from",
            FIXTURE,
            "--noc",
            "KZA",
            "--games",
            "2012 Summer",
        ])
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(2));
    let said = String::from_utf8_lossy(&done.stderr);
    assert!(
        said.contains("\"KZA\" did not take part in 2012 Summer"),
        "{said}"
    );
    assert!(said.contains("nearest first: KAZ (Kazakhstan)"), "{said}");

    let done = podium()
        .args([
            "stats",
            "--from",
            FIXTURE,
            "--noc",
            "KAZ",
            "--games",
            "2016 Summer",
        ])
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(2));
    let said = String::from_utf8_lossy(&done.stderr);
    assert!(
        said.contains("nearest first: 2012 Summer, 2008 Summer"),
        "{said}"
    );

    // --from without the nation is a usage error, not a guess.
    let done = podium()
        .args(["stats", "--from", FIXTURE])
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(2));
}

#[test]
fn nations_that_share_a_long_name_get_folders_of_their_own() {
    let long = "Ұлы Дала Республикасының Спорт Командасы ".repeat(3);
    let (dir, path) = edited(|text| {
        text.replace("\"Norway\"", &format!("\"{long}\""))
            .replace("\"Tuvalu\"", &format!("\"{long}\""))
    });
    let out = dir.path().join("out");
    podium()
        .args(["batch", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut folders: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.retain(|f| !f.starts_with("index."));
    folders.sort();
    assert_eq!(folders.len(), 7, "{folders:?}");
    let shared: Vec<&String> = folders.iter().filter(|f| f.contains("ұлы")).collect();
    assert_eq!(shared.len(), 2, "{folders:?}");
    assert!(
        shared[0].starts_with("nor-") && shared[1].starts_with("tuv-"),
        "{shared:?}"
    );
    // However long the name, the Games stay in the folder's name.
    assert!(
        shared
            .iter()
            .all(|f| f.ends_with("-2012-summer") && f.len() < 120)
    );
}

#[test]
fn one_nation_reads_only_its_part_of_the_file_and_gives_what_the_whole_read_gives() {
    // Every nation at each Games, from `stats --from` (one nation: its Games, its own rows and
    // the medal rows are read) and from the batch (the whole file read): the same statistics.
    let out = tempfile::tempdir().unwrap();
    succeed(
        podium()
            .args(["batch", "--all-games", "--from", FIXTURE])
            .arg("--out")
            .arg(out.path()),
    );
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(out.path().join("index.json")).unwrap()).unwrap();
    let briefings = index["briefings"].as_array().unwrap();
    assert!(briefings.len() >= 9);
    for b in briefings {
        let (noc, games) = (b["noc"].as_str().unwrap(), b["games"].as_str().unwrap());
        let alone = succeed(podium().args([
            "stats", "--from", FIXTURE, "--noc", noc, "--games", games, "--format", "json",
        ]));
        let batch = fs::read(
            out.path()
                .join(b["folder"].as_str().unwrap())
                .join("stats.json"),
        );
        assert!(
            alone.stdout == batch.unwrap(),
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
    let batch = podium()
        .args(["batch", "--all-games", "--from"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(batch.status.code(), Some(65));
    let whole = String::from_utf8_lossy(&batch.stderr).into_owned();
    assert!(whole.contains(":3: field `Age` value \"-3\""), "{whole}");
    assert!(!out.exists());
    let usa = podium()
        .args(["stats", "--noc", "USA", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(usa.status.success());
    // The nation whose row it is: the message a whole read gives, from the whole read.
    let kaz = podium()
        .args(["stats", "--noc", "KAZ", "--games", "2008 Summer", "--from"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(kaz.status.code(), Some(65));
    assert_eq!(String::from_utf8_lossy(&kaz.stderr), whole);
}
