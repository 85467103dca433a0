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
