//! The Paris 2024 folder (the olympics.com format, `--from FOLDER`): the fixture folder's figures,
//! both forms of athletes.csv, the briefing, the batch over every NOC, usage errors that name what
//! there is, the folder recognised by its headers. Bad input is in `bad_input`; the folder with a
//! ledger in `ledger::paris`.

mod bad_input;

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{PARIS, PARIS_FULL_ATHLETES, Run, copy_paris, pdf_file_text};

/// `podium stats --format json` of one nation of a Paris folder.
fn stats(dir: &Path, noc: &str) -> Value {
    Run::new(&["stats", "--format", "json", "--noc", noc, "--from"])
        .arg(dir)
        .run()
        .json()
}

/// Every result line of a nation: (event, first athlete, place, status).
fn results(s: &Value) -> Vec<(String, String, String, String)> {
    let mut lines = Vec::new();
    for sport in s["results"].as_array().unwrap() {
        for l in sport["lines"].as_array().unwrap() {
            lines.push((
                l["event"].as_str().unwrap().to_owned(),
                l["athletes"][0].as_str().unwrap().to_owned(),
                l["place"].as_str().unwrap_or("-").to_owned(),
                l["status"].as_str().unwrap().to_owned(),
            ));
        }
    }
    lines
}

#[test]
fn kazakhstan_from_the_fixture_folder() {
    let s = stats(Path::new(PARIS), "kaz");
    assert_eq!(s["delegation"]["nation"], "Kazakhstan");
    assert_eq!(s["delegation"]["games"], "2024 Summer");
    // The Games' dates are the ceremonies' days in schedules.csv, not its first day (football).
    assert_eq!(s["delegation"]["opening"], "2024-07-26");
    assert_eq!(s["delegation"]["closing"], "2024-08-11");
    let team = &s["team"];
    assert_eq!(
        (&team["athletes"], &team["men"], &team["women"]),
        (&6.into(), &5.into(), &1.into())
    );
    let totals = &s["awarded"]["totals"];
    assert_eq!(
        [&totals["gold"], &totals["silver"], &totals["bronze"]],
        [&Value::from(1), &1.into(), &1.into()]
    );
    assert!(s["now"].is_null(), "no decisions after the Games");
    // The table counts medals.csv: USA 2/0/0 ahead of KAZ 1/1/1; AIN is in it.
    assert_eq!(s["awarded"]["rank"]["display"], "2");
    assert_eq!(s["awarded"]["rank"]["of"], 4);
    let table: Vec<&str> = s["awarded"]["table"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["noc"].as_str().unwrap())
        .collect();
    assert_eq!(table, ["USA", "KAZ", "FRA", "AIN"]);
    // Medal days; the team's silver counts once.
    let medals: Vec<(String, String)> = s["awarded"]["medals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["date"].as_str().unwrap().to_owned(),
                m["medal"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        medals,
        [
            ("2024-07-27".to_owned(), "gold".to_owned()),
            ("2024-07-27".to_owned(), "bronze".to_owned()),
            ("2024-08-04".to_owned(), "silver".to_owned())
        ]
    );
    // Places from the rounds; the tennis player with no result row did not start.
    let lines = results(&s);
    let line = |event: &str, who: &str| {
        lines
            .iter()
            .find(|l| l.0 == event && l.1 == who)
            .unwrap_or_else(|| panic!("{event} {who}: {lines:?}"))
            .clone()
    };
    assert_eq!(line("Men -60 kg", "Yeldos Smetov").2, "1");
    assert_eq!(line("Men -60 kg", "Gusman Kyrgyzbayev").2, "=3");
    assert_eq!(line("Men's Team", "Alexandr Yeremenko").2, "2");
    assert_eq!(
        line("Men's 100m", "Ruslan Zhaksybekov").2,
        "2 out in round 1"
    );
    assert_eq!(line("Women's Singles", "Elena Rybakina").3, "dns");
    assert_eq!(s["team"]["non_starters"][0]["athlete"], "Elena Rybakina");
    // Ages at the opening day (26 July): 24 on his birthday; born 27 July 1998, 25 not 26.
    assert_eq!(s["ages"]["youngest"]["age"], 24);
    assert_eq!(s["ages"]["known"], 5, "one birth date is empty");
    assert_eq!(s["coverage"]["medal_dates"], true);
    assert_eq!(s["coverage"]["results"], true);
    assert_eq!(s["coverage"]["revisions"], false);
    // The team member athletes.csv does not list is left out, and said.
    let covers = s["sources"][0]["covers"].as_str().unwrap();
    assert!(
        covers.contains("1 team member of this nation that athletes.csv does not list"),
        "{covers}"
    );
}

#[test]
fn head_to_head_places_come_from_the_round_reached() {
    let s = stats(Path::new(PARIS), "USA");
    let lines = results(&s);
    assert!(
        lines.contains(&(
            "Men -60 kg".into(),
            "Adam Davis".into(),
            "5 out in the round of 16".into(),
            "competed".into()
        )),
        "{lines:?}"
    );
    // The alternate who never competed is not in the team, and the briefing says so.
    assert_eq!(s["team"]["athletes"], 5);
    assert!(
        s["sources"][0]["covers"]
            .as_str()
            .unwrap()
            .contains("1 alternate athlete")
    );
    let fra = results(&stats(Path::new(PARIS), "FRA"));
    assert!(
        fra.iter().any(|l| l.1 == "Pierre Romain" && l.3 == "dns"),
        "{fra:?}"
    );
}

#[test]
fn the_trimmed_and_the_full_athletes_file_give_the_same_statistics() {
    let dir = copy_paris();
    fs::copy(PARIS_FULL_ATHLETES, dir.path().join("athletes.csv")).unwrap();
    for noc in ["KAZ", "USA", "FRA", "AIN"] {
        assert_eq!(
            stats(dir.path(), noc),
            stats(Path::new(PARIS), noc),
            "{noc}"
        );
    }
}

#[test]
fn the_briefing_says_what_the_folder_records_and_what_it_lacks() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&[
        "report",
        "--noc",
        "KAZ",
        "--games",
        "2024 summer",
        "--from",
        PARIS,
    ])
    .out(out.path())
    .run();
    let dir = out.path().join("kazakhstan-2024-summer");
    let text = pdf_file_text(&dir.join("briefing.pdf"));
    for said in [
        "Yeldos Smetov",
        "27 Jul",
        "did not start",
        "out in round 1",
        "Elena Rybakina",
    ] {
        assert!(text.contains(said), "the briefing does not say {said:?}");
    }
    assert!(dir.join("charts/medals-by-day.svg").is_file());
}

#[test]
fn a_batch_briefs_every_noc_of_the_folder() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["batch", "--from", PARIS])
        .out(out.path())
        .prints("4 briefings")
        .run();
    let mut folders: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(
        folders,
        [
            "ain-2024-summer",
            "france-2024-summer",
            "index.json",
            "index.pdf",
            "kazakhstan-2024-summer",
            "united-states-2024-summer"
        ]
    );
    // The batch's briefing is the one `report` makes.
    let single = tempfile::tempdir().unwrap();
    Run::new(&["report", "--noc", "KAZ", "--from", PARIS])
        .out(single.path())
        .run();
    let name = "kazakhstan-2024-summer/briefing.pdf";
    assert_eq!(
        fs::read(out.path().join(name)).unwrap(),
        fs::read(single.path().join(name)).unwrap()
    );
}

#[test]
fn usage_errors_name_what_there_is() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["batch", "--games", "2016 Summer", "--from", PARIS],
            "holds one Games, \"2024 Summer\"",
        ),
        (
            &["stats", "--noc", "KZA", "--from", PARIS],
            "nearest first: KAZ (Kazakhstan)",
        ),
        (&["stats", "--from", PARIS], "needs the nation: --noc CODE"),
        (
            &["batch", "--noc", "XYZ", "--from", PARIS],
            "\"XYZ\" had no athletes at 2024 Summer",
        ),
    ];
    for (args, says) in cases {
        Run::new(args).fails(2).says(says).run();
    }
}

#[test]
fn a_folder_is_recognised_by_its_headers_never_by_its_name() {
    // Files of the right names but other headers: not the Paris folder.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("athletes.csv"), "id,who\n1,x\n").unwrap();
    fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
    Run::new(&["stats", "--noc", "KAZ", "--from"])
        .arg(dir.path())
        .fails(2)
        .says("holding none of the files podium reads")
        .says("athletes.csv: code,name,gender,country_code")
        .run();
    // The fixture under any folder name is the Paris folder.
    let renamed = copy_paris();
    assert_eq!(stats(renamed.path(), "AIN")["team"]["athletes"], 1);
}

#[test]
fn a_medals_file_without_a_medal_is_refused() {
    let dir = copy_paris();
    let medals = dir.path().join("medals.csv");
    let text = fs::read_to_string(&medals).unwrap();
    let header = text.lines().next().unwrap();
    fs::write(&medals, format!("{header}\n")).unwrap();
    Run::new(&["stats", "--noc", "KAZ", "--from"])
        .arg(dir.path())
        .fails(65)
        .says("medals.csv: the file holds no medal")
        .run();
}

#[test]
fn an_athlete_only_a_results_file_names_is_taken_from_the_row_and_named() {
    let dir = copy_paris();
    let judo = dir.path().join("results/Judo.csv");
    let text = fs::read_to_string(&judo).unwrap();
    fs::write(&judo, text.replace("2002,DAVIS Adam", "2099,DOE John")).unwrap();
    let s = stats(dir.path(), "USA");
    let covers = s["sources"][0]["covers"].as_str().unwrap();
    assert!(
        covers.contains("athletes.csv lacks 1 athlete of this nation that results name"),
        "{covers}"
    );
    assert!(
        covers.contains("2099 DOE John (Judo.csv, line 3)"),
        "{covers}"
    );
    assert_eq!(s["team"]["athletes"], 6);
}
