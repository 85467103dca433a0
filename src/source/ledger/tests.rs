//! The ledger's own checks, on small ledgers written here.

use super::*;
use crate::error::DataError;

#[test]
fn the_built_in_ledger_is_valid() {
    let ledger = Ledger::built_in().unwrap();
    assert!(ledger.changes.len() > 290);
    // Every change is in force at the ledger's own date: the default "now" takes them all.
    assert!(ledger.changes.iter().all(|c| c.in_force(ledger.as_of)));
    assert_eq!(
        ledger.games["1968 Summer"].completeness,
        Completeness::Complete
    );
}

#[test]
fn a_partial_date_is_in_force_once_it_has_passed() {
    let ledger = Ledger::built_in().unwrap();
    let c = ledger
        .changes
        .iter()
        .find(|c| c.athlete.contains("Nurmukhambetova") && c.to == Some(Medal::Bronze))
        .unwrap();
    assert_eq!(c.decided.to_string(), "2016");
    assert!(!c.in_force(PartialDate::parse("2016-12-30").unwrap()));
    assert!(c.in_force(PartialDate::parse("2016-12-31").unwrap()));
}

const HEADER: &str =
    "games,sport,event,athlete,crew,noc,from,to,decided,presented,confidence,reason,source\n";

fn problems(ledger: &str, games: &str) -> Vec<DataError> {
    match Ledger::parse(
        "ledger.csv",
        format!("{HEADER}{ledger}").as_bytes(),
        Some((
            "ledger-games.csv",
            format!("games,completeness,checked,note\n{games}").as_bytes(),
        )),
    ) {
        Err(Error::Data(e)) => e,
        other => panic!("expected data errors, got {other:?}"),
    }
}

#[test]
fn a_decision_after_the_ledgers_own_date_is_refused() {
    let e = problems(
        "2012 Summer,Athletics,Athletics Women's Shot Put,A B,,BLR,gold,none,2016-10,unknown,high,Why.,Src\n",
        "2012 Summer,partial,2016-06,What it holds.\n",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        (e[0].line, e[0].field.as_deref()),
        (Some(2), Some("decided"))
    );
    assert!(
        e[0].problem
            .contains("after the ledger's own date (2016-06)")
    );
}

#[test]
fn the_coverage_table_is_checked_and_every_games_listed() {
    let e = problems(
        "2008 Summer,Athletics,Athletics Women's Shot Put,A B,,BLR,gold,none,2016,unknown,high,Why.,Src\n",
        "2012 Summer,mostly,2016,What it holds.\n2012 Summer,partial,2016,Again.\n",
    );
    let found: Vec<(&str, Option<u64>, Option<&str>)> = e
        .iter()
        .map(|e| (e.file.as_str(), e.line, e.field.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("ledger-games.csv", Some(2), Some("completeness")),
            ("ledger-games.csv", Some(3), Some("games")),
            ("ledger.csv", Some(2), Some("games")),
        ]
    );
}

fn at(date: &str) -> PartialDate {
    PartialDate::parse(date).unwrap()
}

/// The vacant medals of a Games as (event, medal, count, since).
fn vacancies(
    ledger: &Ledger,
    games: &str,
    as_of: PartialDate,
) -> Vec<(String, Medal, u32, String)> {
    ledger
        .vacant(games, as_of)
        .into_iter()
        .map(|v| (v.event, v.medal, v.count, v.since.to_string()))
        .collect()
}

#[test]
fn rio_s_77_kg_gold_is_vacant_and_nobody_moved_up() {
    let ledger = Ledger::built_in().unwrap();
    // Only Rakhimov's own change: the IOC has decided no reallocation.
    let moved: Vec<&str> = ledger
        .changes
        .iter()
        .filter(|c| c.games == "2016 Summer" && c.event == "Weightlifting Men's Middleweight")
        .map(|c| c.athlete.as_str())
        .collect();
    assert_eq!(moved, ["Nidzhat Aliyevich Rakhimov"]);
    assert_eq!(
        vacancies(&ledger, "2016 Summer", ledger.as_of),
        [
            // Finol moved up to Aloyan's silver; his bronze was not passed on.
            (
                "Boxing Men's Flyweight".to_owned(),
                Medal::Bronze,
                1,
                "2018-09".to_owned()
            ),
            (
                "Weightlifting Men's Middleweight".to_owned(),
                Medal::Gold,
                1,
                "2022-03-22".to_owned()
            ),
        ]
    );
    // Before the reallocations of 2018, Aloyan's silver and Sincraian's bronze were vacant.
    assert_eq!(
        vacancies(&ledger, "2016 Summer", at("2017-06-30")),
        [
            (
                "Boxing Men's Flyweight".to_owned(),
                Medal::Silver,
                1,
                "2016-12-08".to_owned()
            ),
            (
                "Weightlifting Men's Light-Heavyweight".to_owned(),
                Medal::Bronze,
                1,
                "2016-12-08".to_owned()
            ),
        ]
    );
}

#[test]
fn a_medal_pending_reallocation_is_vacant_until_the_decision() {
    let ledger = Ledger::built_in().unwrap();
    // Tokyo's relay silver: taken from Great Britain in February 2022, Canada's from May.
    assert_eq!(
        vacancies(&ledger, "2020 Summer", at("2022-03-01")),
        [(
            "Men's 4 x 100m Relay".to_owned(),
            Medal::Silver,
            1,
            "2022-02-18".to_owned()
        )]
    );
    assert!(ledger.vacant("2020 Summer", ledger.as_of).is_empty());
    // The ROC's team holds bronze though Valieva's own result is void; nothing is vacant.
    assert!(ledger.vacant("2022 Winter", ledger.as_of).is_empty());
    // A relay member disqualified alone leaves the team its medal (Marion Jones, 2000); her
    // 100 m gold is vacant.
    let sydney = vacancies(&ledger, "2000 Summer", ledger.as_of);
    assert!(sydney.iter().all(|v| !v.0.contains("Relay")), "{sydney:?}");
    assert!(sydney.contains(&(
        "Athletics Women's 100 metres".to_owned(),
        Medal::Gold,
        1,
        "2007".to_owned()
    )));
    assert!(ledger.vacant("2026 Winter", ledger.as_of).is_empty());
}

#[test]
fn the_ledger_stands_at_its_latest_check_and_covers_every_games_after_2016() {
    let ledger = Ledger::built_in().unwrap();
    assert_eq!(ledger.as_of.to_string(), "2026-02");
    for games in [
        "2016 Summer",
        "2018 Winter",
        "2020 Summer",
        "2022 Winter",
        "2024 Summer",
        "2026 Winter",
    ] {
        assert_eq!(
            ledger.games[games].checked.to_string(),
            "2026-02",
            "{games}"
        );
    }
    // From 2018 on, events as olympics.com names them.
    let relay = ledger
        .changes
        .iter()
        .find(|c| c.athlete == "de GRASSE Andre")
        .unwrap();
    assert_eq!(
        (relay.sport.as_str(), relay.event.as_str()),
        ("Athletics", "Men's 4 x 100m Relay")
    );
}

#[test]
fn a_decision_by_the_last_day_of_the_games_is_refused() {
    let row = |decided: &str| {
        format!(
            "2016 Summer,Boxing,Boxing Men's Flyweight,A B,,RUS,silver,none,{decided},unknown,high,Why.,Src\n"
        )
    };
    for decided in ["2016-08-18", "2016-08-21", "2015"] {
        let e = problems(&row(decided), "2016 Summer,partial,2025,What it holds.\n");
        assert_eq!(e.len(), 1, "{decided}: {e:?}");
        assert_eq!(
            (e[0].line, e[0].field.as_deref(), e[0].value.as_deref()),
            (Some(2), Some("decided"), Some(decided))
        );
        assert!(
            e[0].problem
                .contains("last day of the 2016 Summer Games (2016-08-21)"),
            "{}",
            e[0].problem
        );
    }
    // The day after, or a month that runs past the last day, is after the Games.
    for decided in ["2016-08-22", "2016-08", "2016"] {
        let ok = Ledger::parse(
            "ledger.csv",
            format!("{HEADER}{}", row(decided)).as_bytes(),
            Some((
                "ledger-games.csv",
                b"games,completeness,checked,note\n2016 Summer,partial,2025,What.\n",
            )),
        );
        assert!(ok.is_ok(), "{decided}: {ok:?}");
    }
}

#[test]
fn games_never_held_are_refused_in_both_files() {
    let e = problems(
        "2021 Summer,Athletics,Men's 4 x 100m Relay,A B,,GBR,silver,none,2022-02-18,unknown,high,Why.,Src\n",
        "2021 Summer,partial,2025,What it holds.\n1940 Winter,partial,2025,What it holds.\n",
    );
    let found: Vec<String> = e
        .iter()
        .map(|e| {
            format!(
                "{}:{}: {} {}",
                e.file,
                e.line.unwrap_or(0),
                e.field.as_deref().unwrap_or(""),
                e.value.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "ledger-games.csv:2: games 2021 Summer",
            "ledger-games.csv:3: games 1940 Winter",
            "ledger.csv:2: games 2021 Summer",
        ]
    );
    assert!(
        e[0].problem
            .contains("Tokyo 2020, held in 2021, is 2020 Summer")
    );
    // Without a coverage table too: the row is refused, not left to match nothing.
    let alone = Ledger::parse(
        "ledger.csv",
        format!("{HEADER}2028 Summer,Boxing,Men's -51 kg,A B,,RUS,silver,none,2029,unknown,high,Why.,Src\n").as_bytes(),
        None,
    );
    assert!(matches!(alone, Err(Error::Data(_))), "{alone:?}");
}

#[test]
fn events_are_named_as_the_games_source_names_them() {
    let e = problems(
        "2020 Summer,Athletics,Athletics Men's 4 x 100m Relay,A B,,GBR,silver,none,2022-02-18,unknown,high,Why.,Src\n\
         2016 Summer,Boxing,Men's Flyweight,C D,,RUS,silver,none,2016-12-08,unknown,high,Why.,Src\n",
        "2016 Summer,partial,2025,What.\n2020 Summer,partial,2025,What.\n",
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].problem
            .contains("without the sport in front (\"Men's 4 x 100m Relay\""),
        "{}",
        e[0].problem
    );
    assert!(
        e[1].problem.contains("must begin with its sport (Boxing)"),
        "{}",
        e[1].problem
    );
}
