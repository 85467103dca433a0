//! The Paris 2024 folder as a source: the fixture folder's figures, both forms of athletes.csv,
//! the briefing, the batch over every NOC, the folder recognised by its headers, and bad input.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::cases::{check_all, run_keeping};
use crate::support::{PARIS, PARIS_FULL_ATHLETES, copy_paris, pdf_file_text, podium, succeed};

/// `podium stats --format json` of one nation of a Paris folder.
fn stats(dir: &Path, noc: &str) -> Value {
    let out = succeed(
        podium()
            .args(["stats", "--format", "json", "--noc", noc, "--from"])
            .arg(dir),
    );
    serde_json::from_slice(&out.stdout).unwrap()
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
    succeed(
        podium()
            .args([
                "report",
                "--noc",
                "KAZ",
                "--games",
                "2024 summer",
                "--from",
                PARIS,
                "--out",
            ])
            .arg(out.path()),
    );
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
    let done = succeed(
        podium()
            .args(["batch", "--from", PARIS, "--out"])
            .arg(out.path()),
    );
    let report = String::from_utf8_lossy(&done.stdout);
    assert!(report.contains("4 briefings"), "{report}");
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
    succeed(
        podium()
            .args(["report", "--noc", "KAZ", "--from", PARIS, "--out"])
            .arg(single.path()),
    );
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
        let done = podium().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn a_folder_is_recognised_by_its_headers_never_by_its_name() {
    // Files of the right names but other headers: not the Paris folder.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("athletes.csv"), "id,who\n1,x\n").unwrap();
    fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
    let done = podium()
        .args(["stats", "--noc", "KAZ", "--from"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("holding none of the files podium reads"),
        "{stderr}"
    );
    assert!(
        stderr.contains("athletes.csv: code,name,gender,country_code"),
        "{stderr}"
    );
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
    let out = podium()
        .args(["stats", "--noc", "KAZ", "--from"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("medals.csv: the file holds no medal"),
        "{said}"
    );
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

/// A change to one file of the fixture folder.
struct Case {
    name: &'static str,
    file: &'static str,
    /// (from, to): the first occurrence of `from` is replaced; an empty `from` removes the file.
    edit: (&'static str, &'static str),
    says: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "sex not Male or Female",
        file: "athletes.csv",
        edit: ("SMETOV Yeldos,Male", "SMETOV Yeldos,M"),
        says: &["athletes.csv:2: field `gender` value \"M\": expected Male or Female"],
    },
    Case {
        name: "impossible birth date",
        file: "athletes.csv",
        edit: ("09-09-1992", "31-02-1992"),
        says: &["athletes.csv:2: field `birth_date` value \"31-02-1992\""],
    },
    Case {
        name: "disciplines not a list",
        file: "athletes.csv",
        edit: ("['Judo'],['Men -60 kg'],09", "Judo,['Men -60 kg'],09"),
        says: &["athletes.csv:2: field `disciplines` value \"Judo\": expected a list"],
    },
    Case {
        name: "an event not in events.csv",
        file: "athletes.csv",
        edit: ("['Men -60 kg'],09", "['Men -61 kg'],09"),
        says: &["athletes.csv:2: field `events`", "no event \"Men -61 kg\""],
    },
    Case {
        name: "one code for two athletes",
        file: "athletes.csv",
        edit: ("1002,TRUE", "1001,TRUE"),
        says: &["athletes.csv:3: field `code` value \"1001\": the code is given to two athletes"],
    },
    Case {
        name: "a renamed column",
        file: "athletes.csv",
        edit: (",gender,", ",sex,"),
        says: &["athletes.csv:1:", "the header lacks the column gender"],
    },
    Case {
        name: "an invisible character in a name",
        file: "athletes.csv",
        edit: ("SMETOV Yeldos", "SMETOV\u{202e}Yeldos"),
        says: &["athletes.csv:2: field `name`", "U+202E"],
    },
    Case {
        name: "athletes.csv not UTF-8",
        file: "athletes.csv",
        edit: ("SMETOV", "SM\u{fffd}TOV"),
        says: &["athletes.csv:2:", "not UTF-8"],
    },
    Case {
        name: "unknown medal",
        file: "medals.csv",
        edit: ("Gold Medal,1,2024-07-27", "Golden,1,2024-07-27"),
        says: &["medals.csv:2: field `medal_type` value \"Golden\""],
    },
    Case {
        name: "a medal day in another form",
        file: "medals.csv",
        edit: ("2024-07-27", "27/07/2024"),
        says: &["medals.csv:2: field `medal_date` value \"27/07/2024\""],
    },
    Case {
        name: "a medal of nobody",
        file: "medals.csv",
        edit: (",1001,KAZ", ",1999,KAZ"),
        says: &[
            "medals.csv:2: field `code` value \"1999\": no athlete in athletes.csv and no team",
        ],
    },
    Case {
        name: "a team in an unknown event",
        file: "teams.csv",
        edit: ("Archery,ARC,Men's Team", "Archery,ARC,Men's Teams"),
        says: &[
            "teams.csv:2: field `events` value \"Men's Teams\": events.csv has no event of this name in \"Archery\"",
        ],
    },
    Case {
        name: "a results row of an unknown team",
        file: "results/Archery.csv",
        edit: ("ARCMTEAM3---FRA01,France", "ARCMTEAM3---GER01,Germany"),
        says: &[
            "Archery.csv:3: field `participant_code` value \"ARCMTEAM3---GER01\": no team in teams.csv has this code",
        ],
    },
    Case {
        name: "a results row of an unknown athlete who cannot be told",
        file: "results/Judo.csv",
        edit: ("2002,DAVIS Adam,Person,USA", "2099,,Person,USA"),
        says: &[
            "Judo.csv:3: field `participant_code` value \"2099\": no athlete in athletes.csv has this code",
        ],
    },
    Case {
        name: "a results row whose code is not the code athletes.csv gives its athlete",
        file: "results/Judo.csv",
        edit: ("2002,DAVIS Adam,Person,USA", "2099,DAVIS Adam,Person,USA"),
        says: &[
            "Judo.csv:3: field `participant_code` value \"2099\": no athlete in athletes.csv has this code, but it lists DAVIS Adam of USA as 2002",
        ],
    },
    Case {
        name: "a rank that is not a place",
        file: "results/Athletics.csv",
        edit: ("1.0,9.95", "first,9.95"),
        says: &["Athletics.csv:2: field `rank` value \"first\""],
    },
    Case {
        name: "a results row of an unknown event",
        file: "results/Tennis.csv",
        edit: (
            "TENWSINGLES,Women's Singles,",
            "TENWSINGLES,Women's Single,",
        ),
        says: &["Tennis.csv:2: field `event_name` value \"Women's Single\""],
    },
    Case {
        name: "a win or loss that is neither",
        file: "results/Judo.csv",
        edit: ("POINTS,W,", "POINTS,Q,"),
        says: &["Judo.csv:2: field `result_WLT` value \"Q\""],
    },
    Case {
        name: "a schedule day that is no day",
        file: "schedules.csv",
        edit: ("26-07-2024", "2024-13-01"),
        says: &["schedules.csv:3: field `day` value \"2024-13-01\""],
    },
    Case {
        name: "a NOC code that is not one",
        file: "nocs.csv",
        edit: ("KAZ,Kazakhstan", "kz,Kazakhstan"),
        says: &["nocs.csv:4: field `code` value \"kz\""],
    },
    Case {
        name: "a missing file",
        file: "medals.csv",
        edit: ("", ""),
        says: &["medals.csv: the file is missing"],
    },
];

#[test]
fn bad_input_is_named_with_file_line_field_and_value_and_nothing_is_written() {
    check_all(
        CASES,
        |c| c.name,
        |case| {
            let dir = copy_paris();
            let out = dir.path().join("output");
            succeed(
                podium()
                    .args(["report", "--noc", "KAZ", "--from", PARIS, "--out"])
                    .arg(&out),
            );
            let path = dir.path().join(case.file);
            let (from, to) = case.edit;
            if from.is_empty() {
                fs::remove_file(&path).unwrap();
            } else if case.name.contains("UTF-8") {
                let text = fs::read_to_string(&path).unwrap();
                let mut bytes = text.replacen(from, "SM", 1).into_bytes();
                let at = text.find(from).unwrap() + 2;
                bytes.splice(at..at, [0xC9, b'T', b'O', b'V']);
                fs::write(&path, bytes).unwrap();
            } else {
                let text = fs::read_to_string(&path).unwrap();
                assert!(
                    text.contains(from),
                    "{}: {from:?} is not in {}",
                    case.name,
                    case.file
                );
                fs::write(&path, text.replacen(from, to, 1)).unwrap();
            }
            let mut command = podium();
            command
                .args(["report", "--noc", "KAZ", "--from"])
                .arg(dir.path())
                .arg("--out")
                .arg(&out);
            let outcome = run_keeping(&out, &mut command);
            let mut problems = outcome.problems(65, case.says);
            // One bad row is one problem: a row refused is not reported again by the files
            // that name it.
            if case.file != "medals.csv" && outcome.stderr.contains("medals.csv:") {
                problems.push("a follow-on problem in medals.csv".into());
            }
            if !outcome.stderr.contains("nothing was written") {
                problems.push("no closing line".into());
            }
            if !problems.is_empty() {
                problems.push(format!("the message:\n{}", outcome.stderr));
            }
            problems
        },
    );
}

/// A `--ledger` file with rows for 2024 Summer: FRA's judo silver stripped, KAZ's bronze moved up
/// to silver (2025-03-01), USA's 100 m gold stripped (2025-06-01).
const REVISED: &str = "tests/fixtures/paris/ledger/revised.csv";

/// `podium stats --format json` of one nation of the fixture folder with `args` added.
fn stats_with(noc: &str, args: &[&str]) -> Value {
    let out = succeed(
        podium()
            .args(["stats", "--format", "json", "--noc", noc, "--from", PARIS])
            .args(args),
    );
    serde_json::from_slice(&out.stdout).unwrap()
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
    succeed(
        podium()
            .args([
                "report", "--noc", "KAZ", "--from", PARIS, "--ledger", REVISED,
            ])
            .arg("--out")
            .arg(out.path()),
    );
    let text = pdf_file_text(&out.path().join("kazakhstan-2024-summer/briefing.pdf"));
    assert!(text.contains("revision ledger"), "{text}");

    // A batch over the folder applies the ledger too: its briefing is the one `report` makes.
    let batch = tempfile::tempdir().unwrap();
    succeed(
        podium()
            .args(["batch", "--from", PARIS, "--ledger", REVISED, "--out"])
            .arg(batch.path()),
    );
    let name = "kazakhstan-2024-summer/briefing.pdf";
    assert_eq!(
        fs::read(batch.path().join(name)).unwrap(),
        fs::read(out.path().join(name)).unwrap()
    );
}

#[test]
fn a_ledger_without_rows_for_2024_leaves_one_view() {
    let plain = stats(Path::new(PARIS), "KAZ");
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
    let done = run_keeping(
        out.path(),
        podium()
            .args(["report", "--noc", "KAZ", "--from", PARIS, "--ledger"])
            .arg("tests/fixtures/paris/ledger/unmatched.csv")
            .arg("--out")
            .arg(out.path()),
    );
    let problems = done.problems(
        65,
        &[
            "unmatched.csv:3:",
            "athlete",
            "Yeldos Smetoff",
            "Yeldos Smetov",
        ],
    );
    assert!(problems.is_empty(), "{problems:?}\n{}", done.stderr);
    // Line 4's NOC is not in the folder: not an error.
    assert!(!done.stderr.contains("unmatched.csv:4:"), "{}", done.stderr);
}

#[test]
fn as_of_before_the_closing_day_is_refused() {
    let out = tempfile::tempdir().unwrap();
    for ledger in [None, Some(REVISED)] {
        let mut command = podium();
        command
            .args([
                "report",
                "--noc",
                "KAZ",
                "--from",
                PARIS,
                "--as-of",
                "2024-08-10",
            ])
            .arg("--out")
            .arg(out.path());
        if let Some(file) = ledger {
            command.args(["--ledger", file]);
        }
        let done = run_keeping(out.path(), &mut command);
        let problems = done.problems(2, &["2024-08-10", "ended on 2024-08-11"]);
        assert!(problems.is_empty(), "{problems:?}\n{}", done.stderr);
    }
}

#[test]
fn several_sources_apply_the_ledger_to_the_paris_folder_too() {
    let out = succeed(
        podium()
            .args([
                "stats",
                "--format",
                "json",
                "--noc",
                "KAZ",
                "--games",
                "2024 Summer",
            ])
            .args([
                "--from",
                crate::support::KAGGLE,
                "--from",
                PARIS,
                "--ledger",
                REVISED,
            ]),
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
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
