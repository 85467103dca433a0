//! The world revision ledger (`--ledger`, and the one built in): medals now as of a date on the
//! built-in data, both views from a Kaggle file (changes the file holds, does not hold, or holds
//! half), the checks of a bad ledger, and the agreement of the built-in dataset with the world
//! ledger. The Paris folder with a ledger is in `paris`.

mod paris;

use std::fs;
use std::path::Path;

use podium::model::{Medal, View};
use podium::source::ledger::{Ledger, chains};
use podium::source::native::{self, Files};
use serde_json::Value;

use crate::support::cases::check_all;
use crate::support::{KAGGLE, LEDGER, NO_LEDGER, Run, pdf_file_text};

fn fixture(file: &str) -> String {
    Path::new(LEDGER).join(file).display().to_string()
}

/// `podium stats --format json` with these arguments.
fn stats(args: &[&str]) -> Value {
    Run::new(&["stats", "--format", "json"])
        .args(args)
        .run()
        .json()
}

/// The fixture's nation at 2012, with the fixture's ledger.
fn nation(noc: &str, more: &[&str]) -> Value {
    let (events, ledger) = (fixture("athlete_events.csv"), fixture("ledger.csv"));
    let mut args = vec![
        "--from",
        &events,
        "--ledger",
        &ledger,
        "--noc",
        noc,
        "--games",
        "2012 Summer",
    ];
    args.extend(more);
    stats(&args)
}

/// Gold, silver, bronze of a view (`awarded` or `now`).
fn medals(s: &Value, view: &str) -> [u64; 3] {
    let t = &s[view]["totals"];
    [&t["gold"], &t["silver"], &t["bronze"]].map(|v| v.as_u64().unwrap())
}

#[test]
fn the_built_in_data_stands_as_of_any_date_up_to_its_own() {
    let now = stats(&[]);
    assert_eq!(medals(&now, "now"), [3, 2, 6]);
    assert_eq!(now["delegation"]["now_as_of"], "2024-05");
    let then = stats(&["--as-of", "2016-01-01"]);
    assert_eq!(medals(&then, "awarded"), [7, 1, 5]);
    assert_eq!(medals(&then, "now"), [7, 1, 5]);
    assert_eq!(then["delegation"]["now_as_of"], "2016-01-01");
    assert!(then["revisions"]["changes"].as_array().unwrap().is_empty());
    // The all-nation table of 2023 does not stand in 2016: no rank now, rather than a wrong one.
    assert!(then["now"]["rank"].is_null());
    // After the four strips of October and November 2016, before Nurmukhambetova's bronze,
    // dated only to the year 2016, counts.
    let end_of_2016 = stats(&["--as-of", "2016-12-30"]);
    assert_eq!(medals(&end_of_2016, "now"), [3, 1, 5]);
    assert_eq!(medals(&stats(&["--as-of", "2016-12-31"]), "now"), [3, 1, 6]);
    // The default is the data's own date; a later one is not known.
    Run::new(&["stats", "--as-of", "2030-01-01"])
        .fails(2)
        .says("--as-of 2030-01-01 is after")
        .run();
    Run::new(&["stats", "--as-of", "2016-13-01"])
        .fails(2)
        .says("--as-of takes a day as YYYY-MM-DD")
        .run();
}

#[test]
fn a_date_before_the_games_is_refused() {
    Run::new(&["stats", "--as-of", "2012-07-01"])
        .fails(2)
        .says("--as-of 2012-07-01 is before the 2012 Summer Games ended on 2012-08-12")
        .run();
}

#[test]
fn a_change_the_file_holds_is_undone_for_the_medals_as_awarded() {
    // The file shows Val Up with gold: the ledger says she moved up from silver.
    let nzl = nation("NZL", &[]);
    assert_eq!(medals(&nzl, "awarded"), [0, 1, 0]);
    assert_eq!(medals(&nzl, "now"), [1, 0, 0]);
    // Ann Strip still holds her gold in the file: the change is applied for the medals now.
    let blr = nation("BLR", &[]);
    assert_eq!(medals(&blr, "awarded"), [1, 0, 0]);
    assert_eq!(medals(&blr, "now"), [0, 0, 0]);
    assert_eq!(blr["revisions"]["stripped"], 1);
}

#[test]
fn a_two_step_change_the_file_holds_half_of_is_found_row_by_row() {
    // The file shows Yev Half with silver: bronze as awarded, silver a day later, none now.
    let rus = nation("RUS", &[]);
    assert_eq!(medals(&rus, "awarded"), [0, 0, 1]);
    assert_eq!(medals(&rus, "now"), [0, 0, 0]);
    // Gong Two shows bronze, the middle of none → bronze → silver; Li Late none, not yet moved.
    let chn = nation("CHN", &[]);
    assert_eq!(medals(&chn, "awarded"), [0, 0, 0]);
    assert_eq!(medals(&chn, "now"), [0, 1, 1]);
    let changes = chn["revisions"]["changes"].as_array().unwrap();
    let steps: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["athlete"].as_str().unwrap(),
                c["to"].as_str().unwrap(),
                c["decided"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("Gong Two", "bronze", "2012-08-13"),
            ("Gong Two", "silver", "2016-10"),
            ("Li Late", "bronze", "2016-10")
        ]
    );
    // Whether a medal was handed over is kept: Li Late's is withheld.
    assert_eq!(changes[2]["presented"], "no");
    // Before the re-tests, only the first step counts.
    let then = nation("CHN", &["--as-of", "2016-09-30"]);
    assert_eq!(medals(&then, "now"), [0, 0, 1]);
}

#[test]
fn the_ledger_applies_to_every_nation_of_the_games_and_to_the_history() {
    let kaz = nation("KAZ", &[]);
    assert_eq!(medals(&kaz, "awarded"), [2, 0, 0]);
    assert_eq!(medals(&kaz, "now"), [1, 0, 1]);
    // The table now is every nation's medals now: PRK's moved-up gold is in it.
    let table = kaz["now"]["table"].as_array().unwrap();
    let prk = table.iter().find(|t| t["noc"] == "PRK").unwrap();
    assert_eq!(prk["medals"]["gold"], 1);
    // 1/0/1 now, ahead of NZL and PRK (1/0/0 each); 2/0/0 first as awarded too.
    assert_eq!(kaz["now"]["rank"]["display"], "1");
    assert_eq!(kaz["delegation"]["ledger"]["completeness"], "partial");
    assert_eq!(kaz["delegation"]["now_as_of"], "2022-03-22");
    // 2008 from the same file: a silver as awarded, stripped since.
    let history = kaz["history"]["appearances"].as_array().unwrap();
    let beijing = history.iter().find(|a| a["year"] == 2008).unwrap();
    assert_eq!(beijing["awarded"]["silver"], 1);
    assert_eq!(beijing["now"]["silver"], 0);
    // The medals as they stood on a date: the strip of October 2016 in, the bronze dated only
    // to 2016 not yet.
    assert_eq!(
        medals(&nation("KAZ", &["--as-of", "2016-12-30"]), "now"),
        [1, 0, 0]
    );
    assert_eq!(
        medals(&nation("KAZ", &["--as-of", "2016-06-01"]), "now"),
        [2, 0, 0]
    );
}

#[test]
fn a_bad_ledger_is_named_by_file_line_field_and_value_and_nothing_is_written() {
    struct Case {
        name: &'static str,
        from: &'static str,
        to: &'static str,
        says: &'static [&'static str],
    }
    let cases = [
        Case {
            name: "a NOC the athlete did not compete for",
            from: "Val Up,,NZL",
            to: "Val Up,,AUS",
            says: &[
                "ledger.csv:5: field `noc` value \"AUS\"",
                "is not this athlete's NOC at 2012 Summer",
            ],
        },
        Case {
            name: "a change from a medal the athlete never held",
            from: "Third Lift,,TPE,bronze,silver",
            to: "Third Lift,,TPE,silver,gold",
            says: &[
                "ledger.csv:13: field `from` value \"silver\"",
                "a change from a medal the athlete never held",
            ],
        },
        Case {
            name: "an athlete the file does not have",
            from: "Li Late,",
            to: "Li Later,",
            says: &[
                "ledger.csv:10: field `athlete` value \"Li Later\"",
                "no CHN athlete of this name",
            ],
        },
        Case {
            name: "a change that does not start from the medal held",
            from: "Yev Half,,RUS,silver,none",
            to: "Yev Half,,RUS,gold,none",
            says: &[
                "ledger.csv:7: field `from` value \"gold\"",
                "the athlete holds silver at this point",
            ],
        },
        Case {
            name: "a date in the future",
            from: "2016-10-27,unknown,high,Moved up.",
            to: "2999-10-27,unknown,high,Moved up.",
            says: &[
                "ledger.csv:12: field `decided` value \"2999-10-27\"",
                "dated in the future",
            ],
        },
        Case {
            name: "a duplicate row",
            from: "2016 Summer,",
            to: "2012 Summer,Weightlifting,Weightlifting Women's Featherweight,Third Lift,,TPE,bronze,silver,2016-10-27,unknown,high,Again.,test\n2016 Summer,",
            says: &[
                "ledger.csv:15: field `athlete` value \"Third Lift\"",
                "the row repeats line 13",
            ],
        },
        Case {
            name: "a medal code",
            from: "Val Up,,NZL,silver,gold",
            to: "Val Up,,NZL,silver,platinum",
            says: &[
                "ledger.csv:5: field `to` value \"platinum\"",
                "expected gold, silver, bronze or none",
            ],
        },
        Case {
            name: "a presented code",
            from: "2012-08-13,yes,",
            to: "2012-08-13,maybe,",
            says: &["ledger.csv:5: field `presented` value \"maybe\""],
        },
        Case {
            name: "a date that does not exist",
            from: "2016-10-27,unknown,high,Disqualified",
            to: "2016-02-30,unknown,high,Disqualified",
            says: &["ledger.csv:11: field `decided` value \"2016-02-30\""],
        },
        Case {
            name: "a NOC code",
            from: "Ann Strip,,BLR",
            to: "Ann Strip,,blr",
            says: &[
                "ledger.csv:4: field `noc` value \"blr\"",
                "three-letter NOC code",
            ],
        },
    ];
    let root = tempfile::tempdir().unwrap();
    let events = fixture("athlete_events.csv");
    let out = root.path().join("output");
    let report = |ledger: &Path| {
        Run::new(&["report", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
            .arg(&events)
            .arg("--ledger")
            .arg(ledger)
            .out(&out)
    };
    report(Path::new(&fixture("ledger.csv"))).run();
    let valid = fs::read_to_string(fixture("ledger.csv")).unwrap();
    check_all(
        &cases,
        |c| c.name,
        |c| {
            assert!(
                valid.contains(c.from),
                "{}: {:?} not in the ledger",
                c.name,
                c.from
            );
            let ledger = root.path().join("ledger.csv");
            fs::write(&ledger, valid.replacen(c.from, c.to, 1)).unwrap();
            let refused = report(&ledger).fails(65).writes_nothing();
            c.says.iter().fold(refused, |run, s| run.says(*s)).check().1
        },
    );
}

#[test]
fn rows_for_what_the_file_does_not_hold_do_not_apply() {
    // The fixture ledger has a 2016 row; the file has no 2016. The main Kaggle fixture holds
    // none of the built-in ledger's athletes in the events it has, and reads cleanly with it.
    let s = nation("KAZ", &[]);
    assert!(s["now"].is_object());
    let plain = stats(&["--from", KAGGLE, "--noc", "KAZ", "--games", "2008 Summer"]);
    assert_eq!(plain["coverage"]["revisions"], true);
    assert_eq!(medals(&plain, "awarded"), medals(&plain, "now"));
}

/// The built-in KAZ 2012 dataset's own ledger and the world ledger record the same changes, in
/// the same order, with dates that agree (one as precise as, or more precise than, the other).
#[test]
fn the_built_in_dataset_agrees_with_the_world_ledger() {
    let data = native::dataset(&Files::BuiltIn).unwrap();
    let world = Ledger::built_in().unwrap();
    let mut theirs: Vec<_> = world
        .changes
        .iter()
        .filter(|c| c.games == "2012 Summer" && c.noc == "KAZ")
        .collect();
    theirs.sort_by_key(|c| (c.decided.latest(), c.line));
    assert_eq!(theirs.len(), data.revisions.len());
    for (ours, theirs) in data.revisions.iter().zip(theirs) {
        let athlete = &data.athletes[data.entries[ours.entry].athlete];
        assert!(
            athlete.known_as(&theirs.athlete),
            "{} is not {}",
            athlete.name,
            theirs.athlete
        );
        assert_eq!(
            (ours.from, ours.to),
            (theirs.from, theirs.to),
            "{}",
            athlete.name
        );
        let (a, b) = (ours.decided, theirs.decided);
        let within = |x: podium::date::PartialDate, y: podium::date::PartialDate| {
            x.earliest() >= y.earliest() && x.latest() <= y.latest()
        };
        assert!(
            within(a, b) || within(b, a),
            "{}: decided {a} here, {b} in the world ledger",
            athlete.name
        );
    }
    // And both give 3/2/6 now.
    let now: Vec<Medal> = data
        .entries
        .iter()
        .filter_map(|e| e.medal(View::Now))
        .collect();
    assert_eq!(now.iter().filter(|&&m| m == Medal::Silver).count(), 2);
}

/// Every KAZ Summer Games in data/history.csv: the medals as awarded, with the world ledger's
/// changes for KAZ at those Games, give the medals now.
#[test]
fn the_built_in_history_agrees_with_the_world_ledger() {
    let data = native::dataset(&Files::BuiltIn).unwrap();
    let world = Ledger::built_in().unwrap();
    for a in &data.history {
        let Some(awarded) = a.awarded else { continue };
        let games = format!("{} Summer", a.year);
        let mut medals = awarded.map(i64::from);
        let mut crews = std::collections::BTreeSet::new();
        for (holder, list) in chains(&world.changes) {
            if holder.0 != games || holder.2 != "KAZ" {
                continue;
            }
            let first = &world.changes[list[0]];
            let last = &world.changes[list[list.len() - 1]];
            // A crew's change counts once.
            if let Some(crew) = &first.crew {
                if !crews.insert(crew.clone()) {
                    continue;
                }
            }
            if let Some(m) = first.from {
                medals[m as usize] -= 1;
            }
            if let Some(m) = last.to {
                medals[m as usize] += 1;
            }
        }
        assert_eq!(
            medals,
            a.now.map(i64::from),
            "{}: as awarded {:?} with the ledger's changes",
            a.year,
            awarded
        );
    }
}

#[test]
fn a_delegation_with_no_change_at_games_the_ledger_covers_fully_is_told_so() {
    // The built-in ledger records 1968 in full; this nation has no change there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(
        &path,
        "ID,Name,Sex,Age,Height,Weight,Team,NOC,Games,Year,Season,City,Sport,Event,Medal\n\
         1,Bob Boxer,M,22,NA,NA,United States,USA,1968 Summer,1968,Summer,Mexico City,Boxing,Boxing Men's Heavyweight,Gold\n",
    )
    .unwrap();
    let path = path.display().to_string();
    let args = ["--from", &path, "--noc", "USA", "--games", "1968 Summer"];
    let s = stats(&args);
    assert_eq!(s["delegation"]["ledger"]["completeness"], "complete");
    assert_eq!(medals(&s, "now"), [1, 0, 0]);
    let out = dir.path().join("out");
    Run::new(&["report"]).args(&args).out(&out).run();
    let text = pdf_file_text(&out.join("united-states-1968-summer/briefing.pdf"));
    assert!(
        text.contains("the ledger records every change at these Games"),
        "{text}"
    );
    assert!(!text.contains("medals now may differ"));
}

#[test]
fn a_relay_whose_teammates_keep_their_gold_keeps_it_in_the_count() {
    // One runner of the USA relay loses her gold (as Marion Jones did in 2000); the three others
    // keep theirs, so the team's gold stands and the revisions add up to the medals now.
    let dir = tempfile::tempdir().unwrap();
    let header = "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n";
    let mut events = String::from(header);
    let row = |id: u32, name: &str, team: &str, noc: &str, event: &str, medal: &str| {
        format!(
            "\"{id}\",\"{name}\",\"F\",\"25\",\"NA\",\"NA\",\"{team}\",\"{noc}\",\"2000 Summer\",\"2000\",\"Summer\",\"Sydney\",\"Athletics\",\"Athletics Women's {event}\",\"{medal}\"\n"
        )
    };
    for (i, name) in ["Mar Jo", "Ann Two", "Bea Three", "Cat Four"]
        .iter()
        .enumerate()
    {
        events += &row(
            i as u32 + 1,
            name,
            "United States",
            "USA",
            "4 x 400 metres Relay",
            "Gold",
        );
    }
    events += &row(1, "Mar Jo", "United States", "USA", "100 metres", "Gold");
    for (i, name) in ["Jam One", "Jam Two", "Jam Three", "Jam Four"]
        .iter()
        .enumerate()
    {
        events += &row(
            i as u32 + 10,
            name,
            "Jamaica",
            "JAM",
            "4 x 400 metres Relay",
            "Silver",
        );
    }
    events += &row(20, "Kat Run", "Greece", "GRE", "100 metres", "Silver");
    let ledger = "games,sport,event,athlete,crew,noc,from,to,decided,presented,confidence,reason,source\n\
        2000 Summer,Athletics,Athletics Women's 4 x 400 metres Relay,Mar Jo,usa-relay,USA,gold,none,2007,unknown,high,Disqualified.,test\n\
        2000 Summer,Athletics,Athletics Women's 100 metres,Mar Jo,,USA,gold,none,2007,unknown,high,Disqualified.,test\n\
        2000 Summer,Athletics,Athletics Women's 100 metres,Kat Run,,GRE,silver,gold,2007,unknown,high,Moved up.,test\n";
    let (file, ledger_file) = (
        dir.path().join("athlete_events.csv"),
        dir.path().join("ledger.csv"),
    );
    fs::write(&file, events).unwrap();
    fs::write(&ledger_file, ledger).unwrap();
    let usa = stats(&[
        "--from",
        file.to_str().unwrap(),
        "--ledger",
        ledger_file.to_str().unwrap(),
        "--noc",
        "USA",
        "--games",
        "2000 Summer",
    ]);
    assert_eq!(medals(&usa, "awarded"), [2, 0, 0]);
    assert_eq!(medals(&usa, "now"), [1, 0, 0]);
    let r = &usa["revisions"];
    assert_eq!(r["stripped"], 1, "only the 100 metres is lost: {r}");
    let last = r["changes"].as_array().unwrap().last().unwrap();
    assert_eq!(
        last["totals_after"]["total"], 1,
        "the steps end at the medals now"
    );
    // The medallists table has one line for the relay: gold as awarded and now.
    let relay: Vec<&Value> = usa["medal_list"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["event"].as_str().unwrap().contains("Relay"))
        .collect();
    assert_eq!(relay.len(), 1, "{relay:?}");
    assert_eq!(
        (relay[0]["awarded"].as_str(), relay[0]["now"].as_str()),
        (Some("gold"), Some("gold"))
    );
}

#[test]
fn a_ledger_without_a_change_takes_any_date() {
    let events = fixture("athlete_events.csv");
    let s = stats(&[
        "--from",
        &events,
        "--ledger",
        NO_LEDGER,
        "--noc",
        "KAZ",
        "--games",
        "2012 Summer",
        "--as-of",
        "2020-01-01",
    ]);
    assert!(s["now"].is_null(), "no change, no now view");
}

#[test]
fn the_ledger_is_named_among_the_sources_when_it_gives_the_now_view() {
    let kaz = nation("KAZ", &[]);
    let sources = kaz["sources"].as_array().unwrap();
    let ledger = sources
        .iter()
        .find(|s| s["name"] == "podium's world revision ledger")
        .unwrap_or_else(|| panic!("no ledger among {sources:?}"));
    assert!(
        ledger["reference"]
            .as_str()
            .unwrap()
            .ends_with("ledger.csv")
    );
    assert!(ledger["as_of"].is_string());
}
