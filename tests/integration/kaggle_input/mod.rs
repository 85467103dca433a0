//! The Kaggle "120 years of Olympic history" file (`--from athlete_events.csv`), on fixtures
//! written for these tests (tests/fixtures/kaggle): the counting rules, briefings, folder names
//! from the data, the nearest nation or Games, line ends, names as written, the terminal summary.
//! Crews and teams are in `crews`, bad files in `bad_files`; the batch over the file in `batch`.

mod bad_files;
mod crews;

use std::fs;
use std::time::Duration;

use serde_json::Value;

use crate::support::{
    KAGGLE as FIXTURE, MINI, NO_LEDGER, Run, big_team_name, edited_kaggle as edited, pdf_file_text,
    write_big_kaggle_team,
};

/// Long enough for any run here on a loaded machine; a run that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(120);

fn stats(noc: &str, games: &str) -> Value {
    Run::new(&[
        "stats", "--format", "json", "--from", FIXTURE, "--noc", noc, "--games", games,
    ])
    .run()
    .json()
}

fn totals(s: &Value) -> [u64; 4] {
    let t = &s["awarded"]["totals"];
    [&t["gold"], &t["silver"], &t["bronze"], &t["total"]].map(|v| v.as_u64().unwrap())
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
    let said = Run::new(&[
        "report", "--from", FIXTURE, "--noc", "tuv", "--year", "2012", "--season", "summer",
    ])
    .out(out.path())
    .run()
    .stdout;
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
    Run::new(&[
        "report",
        "--from",
        FIXTURE,
        "--noc",
        "KAZ",
        "--games",
        "2012 Summer",
    ])
    // No ledger: the file alone, which records no decision after the Games.
    .args(&["--ledger", NO_LEDGER])
    .out(out.path())
    .run();
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
fn an_unknown_nation_or_games_names_the_nearest() {
    Run::new(&[
        "stats",
        "--from",
        FIXTURE,
        "--noc",
        "KZA",
        "--games",
        "2012 Summer",
    ])
    .fails(2)
    .says("\"KZA\" did not take part in 2012 Summer")
    .says("nearest first: KAZ (Kazakhstan)")
    .run();

    Run::new(&[
        "stats",
        "--from",
        FIXTURE,
        "--noc",
        "KAZ",
        "--games",
        "2016 Summer",
    ])
    .fails(2)
    .says("nearest first: 2012 Summer, 2008 Summer")
    .run();

    // --from without the nation is a usage error, not a guess.
    Run::new(&["stats", "--from", FIXTURE]).fails(2).run();
}

#[test]
fn no_value_in_the_data_can_write_outside_the_output_folder() {
    // A hostile team name becomes letters and dashes inside --out.
    let (dir, path) = edited(|text| text.replace("\"Tuvalu\"", "\"../../../escaped/x\""));
    let out = dir.path().join("out");
    Run::new(&["batch", "--games", "2012 Summer", "--noc", "TUV", "--from"])
        .arg(&path)
        .out(&out)
        .run();
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
    Run::new(&["batch", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .out(&out)
        .fails(65)
        .says(":42: field `NOC` value \"../x\"")
        .writes_nothing()
        .run();
}

#[test]
fn nations_that_share_a_long_name_get_folders_of_their_own() {
    let long = "Ұлы Дала Республикасының Спорт Командасы ".repeat(3);
    let (dir, path) = edited(|text| {
        text.replace("\"Norway\"", &format!("\"{long}\""))
            .replace("\"Tuvalu\"", &format!("\"{long}\""))
    });
    let out = dir.path().join("out");
    Run::new(&["batch", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .out(&out)
        .run();
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
fn the_season_is_read_in_any_case() {
    for season in ["summer", "Summer", "SUMMER"] {
        Run::new(&["stats", "--from", FIXTURE, "--noc", "KAZ"])
            .args(&["--year", "2012", "--season", season])
            .run();
    }
}

#[test]
fn line_ends_and_a_byte_order_mark_are_all_read_alike() {
    let text = fs::read_to_string(FIXTURE).unwrap();
    let reference = stats_json(&text);
    for variant in [
        format!("\u{feff}{text}"),
        text.replace('\n', "\r\n"),
        text.replace('\n', "\r"),
    ] {
        assert_eq!(stats_json(&variant), reference);
    }
}

fn stats_json(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    Run::new(&["stats", "--format", "json", "--noc", "KAZ"])
        .args(&["--games", "2012 Summer", "--from"])
        .arg(&path)
        .run()
        .stdout
}

#[test]
fn names_are_shown_as_written_escaped_where_the_format_needs_it() {
    let text = fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("\"Japan\"", "\"<Nippon> & \"\"Co\"\"\"")
        .replace("Olga Jumper", "Қайрат Әбдірахманов (\\Ольга/)");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let out = dir.path().join("out");
    Run::new(&["report", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        // One medal view, so the medal table shows the nations' names in full.
        .args(&["--ledger", NO_LEDGER])
        .out(&out)
        // Every glyph is in the shipped font: no warning.
        .prints_not("no glyph")
        .run();
    let folder = out.join("kazakhstan-2012-summer");
    // The SVG is well formed and its text is the name as written.
    let svg = fs::read_to_string(folder.join("charts/table-neighbourhood.svg")).unwrap();
    assert!(
        svg.contains("&lt;Nippon&gt; &amp; &quot;Co&quot;")
            || svg.contains("&lt;Nippon&gt; &amp; \"Co\""),
        "{svg}"
    );
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default());
    assert!(tree.is_ok(), "the SVG does not parse");
    // The PDF holds the names as text, parentheses and backslashes included.
    let text = pdf_file_text(&folder.join("briefing.pdf"));
    assert!(text.contains("Қайрат Әбдірахманов (\\Ольга/)"), "{text}");
    assert!(text.contains("<Nippon> & \"Co\""), "{text}");
}

#[test]
fn the_summary_leaves_out_a_date_column_the_source_lacks() {
    let text = Run::new(&["stats", "--noc", "USA", "--games", "2012 Summer"])
        .args(&["--from", FIXTURE])
        .within(LIMIT)
        .run()
        .stdout;
    let header = text
        .lines()
        .skip_while(|l| *l != "Medallists")
        .nth(1)
        .unwrap_or_default();
    assert!(header.trim_start().starts_with("athlete"), "{text}");
    // The native dataset has the dates: the column stays.
    let native = Run::new(&["stats", "--data", MINI]).run().stdout;
    let header = native
        .lines()
        .skip_while(|l| *l != "Medallists")
        .nth(1)
        .unwrap_or_default();
    assert!(header.trim_start().starts_with("date"), "{native}");
}

/// Issue 14, item 8: USA 2012 from the Kaggle file printed a line of 3,758 characters (every
/// athlete in several events joined in one line; the multiple medallists likewise). Not on a
/// terminal, the summary is set to a fixed width; nothing is lost on the way.
#[test]
fn the_summary_of_a_big_team_fits_a_fixed_width_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("athlete_events.csv");
    write_big_kaggle_team(&file);
    let text = Run::new(&["stats", "--noc", "BIG", "--games", "2012 Summer", "--from"])
        .arg(&file)
        .env("COLUMNS", "300")
        .run()
        .stdout;
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest <= podium::summary::PIPE_WIDTH,
        "a line of {widest} characters:\n{text}"
    );
    // Every athlete in several events and every multiple medallist is still named, whole.
    for n in 0..40 {
        assert!(
            text.contains(&big_team_name(n)),
            "{} missing:\n{text}",
            big_team_name(n)
        );
    }
    let medallists: String = text
        .lines()
        .skip_while(|l| *l != "Multiple medallists")
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    for n in 0..12 {
        assert!(medallists.contains(&big_team_name(n)), "{medallists}");
    }
    assert!(!medallists.contains(&big_team_name(12)), "{medallists}");
}
