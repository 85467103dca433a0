//! The checked configuration's own tests: usage errors raised before anything is read.

use clap::Parser;

use super::*;

fn config(args: &[&str]) -> Result<Config, Error> {
    let cli = Cli::try_parse_from(std::iter::once("podium").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{e}"));
    Config::from_cli(cli)
}

fn usage(args: &[&str]) -> String {
    match config(args) {
        Err(Error::Usage(message)) => message,
        other => panic!("{args:?}: expected a usage error, got {other:?}"),
    }
}

#[test]
fn games_without_from_is_a_usage_error() {
    assert!(usage(&["stats", "--games", "2012 Summer"]).starts_with("--noc, --games"));
    assert!(usage(&["charts", "--year", "2012", "--season", "summer"]).contains("--from PATH"));
}

#[test]
fn from_needs_the_nation_and_the_games() {
    // A file that is there (the test runs in the package's folder).
    let message = usage(&["stats", "--from", "Cargo.toml", "--noc", "KAZ"]);
    assert!(message.starts_with("--from needs the nation and the Games"));
    // A path that is not there is named as such, whatever it would need.
    let missing = config(&["stats", "--from", "/nonexistent/events.csv", "--noc", "KAZ"]);
    assert!(
        matches!(&missing, Err(Error::Io { path, .. }) if path.ends_with("events.csv")),
        "{missing:?}"
    );
}

#[test]
fn batch_needs_the_games_before_any_file_is_read() {
    // The file does not exist: the missing option is reported, not the file.
    let message = usage(&["batch", "--from", "/nonexistent/athlete_events.csv"]);
    assert!(message.starts_with("batch needs the Games"));
}

#[test]
fn several_sources_keep_their_order_and_need_the_games() {
    let Ok(Config::Report(c)) = config(&[
        "report",
        "--from",
        "a.csv",
        "--from",
        "b.csv",
        "--noc",
        "kaz",
        "--games",
        "2024 Summer",
    ]) else {
        panic!("a valid report command");
    };
    let Source::From(pick) = c.source else {
        panic!("several sources");
    };
    let paths: Vec<&std::path::Path> = pick.sources.iter().map(|s| s.path.as_path()).collect();
    assert_eq!(
        paths,
        [std::path::Path::new("a.csv"), std::path::Path::new("b.csv")]
    );
    assert_eq!(pick.noc, "KAZ");
    let message = usage(&[
        "stats", "--from", "a.csv", "--from", "b.csv", "--noc", "KAZ",
    ]);
    assert!(message.starts_with("several --from need the nation and the Games"));
    let Ok(Config::Batch(b)) =
        config(&["batch", "--from", "a.csv", "--from", "b.csv", "--all-games"])
    else {
        panic!("a valid batch command");
    };
    assert_eq!(b.sources.len(), 2);
}

#[test]
fn a_kaggle_pick_is_normalised() {
    let Ok(Config::Stats(c)) = config(&[
        "stats", "--from", "a.csv", "--noc", " kaz", "--year", "2012", "--season", "summer",
    ]) else {
        panic!("a valid stats command");
    };
    let Source::From(pick) = c.source else {
        panic!("a Kaggle source");
    };
    assert_eq!(pick.sources[0].format, source::Format::Kaggle);
    assert_eq!(pick.noc, "KAZ");
    assert_eq!(
        pick.games,
        Some(GamesChoice::YearSeason(2012, "Summer".into()))
    );
}

#[test]
fn nations_and_charts_are_sorted_and_given_once() {
    let Ok(Config::Charts(c)) = config(&["charts", "--only", "ages,medals-by-sport,ages"]) else {
        panic!("a valid charts command");
    };
    assert_eq!(c.ids, [ChartId::MedalsBySport, ChartId::Ages]);
    assert!(matches!(c.source, Source::Native(Files::BuiltIn)));
    let Ok(Config::Batch(b)) = config(&[
        "batch",
        "--from",
        "a.csv",
        "--all-games",
        "--noc",
        "kaz,USA",
        "--noc",
        "KAZ",
    ]) else {
        panic!("a valid batch command");
    };
    assert_eq!(b.nocs, ["KAZ", "USA"]);
    assert_eq!(b.games, BatchGames::All);
}

#[test]
fn as_of_is_a_day_and_the_ledger_goes_with_a_kaggle_file() {
    let Ok(Config::Report(c)) = config(&["report", "--as-of", "2016-01-01"]) else {
        panic!("a valid report command");
    };
    assert_eq!(c.now.as_of, Date::parse("2016-01-01"));
    assert_eq!(c.now.ledger, Choice::BuiltIn);
    for bad in ["2016", "2016-02-30", "01/01/2016"] {
        assert!(usage(&["stats", "--as-of", bad]).starts_with("--as-of takes a day"));
    }
    assert!(usage(&["charts", "--ledger", "l.csv"]).starts_with("--ledger goes with --from"));
    let Ok(Config::Batch(b)) = config(&[
        "batch",
        "--from",
        "a.csv",
        "--all-games",
        "--ledger",
        "l.csv",
        "--as-of",
        "2020-05-01",
    ]) else {
        panic!("a valid batch command");
    };
    assert_eq!(b.now.ledger, Choice::File("l.csv".into()));
}
