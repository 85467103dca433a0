//! The ledger's checks on its own terms: each row's fields, the coverage table, and what holds
//! across rows (duplicates, chains, crews, dates against the ledger's own).

use std::collections::{BTreeMap, HashMap};

use super::records::{LedgerGamesRow, LedgerRow};
use super::{Change, GamesCoverage, Holder, calendar, chains, holder, medal_word};
use crate::date::{Date, PartialDate};
use crate::error::DataError;
use crate::model::{Completeness, Medal, Noc, Presented, Season};

/// `2012 Summer` → (2012, Summer); `None` for anything else.
fn games_name(text: &str) -> Option<(i32, &str)> {
    let (year, season) = text.split_once(' ')?;
    let y = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1896..=2100).contains(y))?;
    (year.len() == 4 && Season::parse_data(season).is_some()).then_some((y, season))
}

/// The first Games after the Kaggle file's last (2016 Summer): from these on, events are named
/// as olympics.com's files name them (Tokyo's and Beijing's medals.csv, the Paris folder's
/// events.csv), without the sport (`Men's 4 x 100m Relay`, sport `Athletics`); up to 2016 as
/// the Kaggle file's Event column does, beginning with the sport.
const FIRST_WITHOUT_SPORT: i32 = 2018;

const GAMES_EXPECTED: &str =
    "a Games as the Kaggle file's Games column writes it, such as 2012 Summer";

/// Whether the event is named as the Games' source names it: with the sport in front up to
/// 2016, without it from 2018 on. `None` when it is; else the problem.
fn event_problem(year: i32, sport: &str, event: &str) -> Option<String> {
    let without_sport = event
        .strip_prefix(sport)
        .and_then(|rest| rest.strip_prefix(' '));
    match without_sport {
        None if year < FIRST_WITHOUT_SPORT => Some(format!(
            "the event must begin with its sport ({sport}), as the Kaggle file's Event column writes it for the Games up to 2016"
        )),
        Some(rest) if year >= FIRST_WITHOUT_SPORT => Some(format!(
            "from 2018 on, write the event as olympics.com's files name it, without the sport in front (\"{rest}\", sport {sport})"
        )),
        _ => None,
    }
}

/// Whether the decision comes after the Games: a change decided by their last day is part of the
/// medals as awarded and has no row. A date known to the month or year passes when some of it
/// is after that day.
fn decided_problem(games: &str, decided: PartialDate) -> Option<String> {
    let last = calendar::last_day(games)?;
    (decided.latest() <= last).then(|| {
        format!(
            "the decision is dated by the last day of the {games} Games ({last}): a change decided during the Games is part of the medals as awarded and has no row"
        )
    })
}

pub(super) fn games_table(
    file: &str,
    table: &[crate::source::csv::Row<LedgerGamesRow>],
    errors: &mut Vec<DataError>,
) -> (BTreeMap<String, GamesCoverage>, Option<PartialDate>) {
    let mut games = BTreeMap::new();
    let mut first_line: HashMap<&str, u64> = HashMap::new();
    let mut as_of: Option<PartialDate> = None;
    for row in table {
        let (line, r) = (row.line, &row.data);
        let mut bad = |field: &str, value: &str, problem: String| {
            errors.push(DataError::field(file, line, field, value, problem));
        };
        let name_ok = match games_name(&r.games) {
            None => {
                bad("games", &r.games, format!("expected {GAMES_EXPECTED}"));
                false
            }
            Some(_) if calendar::last_day(&r.games).is_none() => {
                bad("games", &r.games, calendar::not_held(&r.games));
                false
            }
            Some(_) => true,
        };
        if let Some(first) = first_line.get(r.games.as_str()) {
            bad(
                "games",
                &r.games,
                format!("the Games is listed twice (first on line {first}); list it once"),
            );
            continue;
        }
        first_line.insert(&r.games, line);
        let completeness = match r.completeness.as_str() {
            "complete" => Some(Completeness::Complete),
            "partial" => Some(Completeness::Partial),
            _ => {
                bad(
                    "completeness",
                    &r.completeness,
                    "expected complete or partial (a Games not looked at is simply not listed)"
                        .into(),
                );
                None
            }
        };
        let checked = PartialDate::parse(&r.checked);
        if checked.is_none() {
            bad(
                "checked",
                &r.checked,
                "expected a date YYYY-MM-DD, YYYY-MM or YYYY".into(),
            );
        }
        if r.note.is_empty() {
            bad(
                "note",
                &r.note,
                "the field is empty; say what the ledger holds for these Games".into(),
            );
        }
        if let (true, Some(completeness), Some(checked)) = (name_ok, completeness, checked) {
            if as_of.is_none_or(|a| checked.latest() > a.latest()) {
                as_of = Some(checked);
            }
            games.insert(
                r.games.clone(),
                GamesCoverage {
                    completeness,
                    checked,
                    note: r.note.clone(),
                },
            );
        }
    }
    (games, as_of)
}

fn change_medal(text: &str) -> Option<Option<Medal>> {
    match text {
        "none" => Some(None),
        other => Medal::parse(other).map(Some),
    }
}

/// Checks a row's Games (well formed and held), its required text fields, its event as the
/// Games' source names it, and its NOC code.
fn check_names(r: &LedgerRow, bad: &mut impl FnMut(&str, &str, &str)) {
    let games = games_name(&r.games);
    match games {
        None => bad("games", &r.games, &format!("expected {GAMES_EXPECTED}")),
        Some(_) if calendar::last_day(&r.games).is_none() => {
            bad("games", &r.games, &calendar::not_held(&r.games));
        }
        Some(_) => {}
    }
    for (field, value) in [
        ("sport", &r.sport),
        ("event", &r.event),
        ("athlete", &r.athlete),
        ("reason", &r.reason),
        ("source", &r.source),
    ] {
        if value.is_empty() {
            bad(field, value, "the field is empty; it needs a value");
        }
    }
    if let (Some((year, _)), false, false) = (games, r.sport.is_empty(), r.event.is_empty()) {
        if let Some(problem) = event_problem(year, &r.sport, &r.event) {
            bad("event", &r.event, &problem);
        }
    }
    if Noc::parse(&r.noc).is_none() {
        bad("noc", &r.noc, &format!("expected {}", Noc::EXPECTED));
    }
}

/// Checks a row's confidence and crew codes.
fn check_codes(r: &LedgerRow, bad: &mut impl FnMut(&str, &str, &str)) {
    if !matches!(r.confidence.as_str(), "high" | "medium" | "low") {
        bad("confidence", &r.confidence, "expected high, medium or low");
    }
    if !r.crew.is_empty()
        && !r
            .crew
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        bad(
            "crew",
            &r.crew,
            "expected a kebab-case id such as jam-m-4x100-m-relay-2008, or empty for an individual",
        );
    }
}

/// Checks one row on its own.
pub(super) fn check_row(
    file: &str,
    line: u64,
    r: &LedgerRow,
    errors: &mut Vec<DataError>,
) -> Option<Change> {
    let before = errors.len();
    let mut bad = |field: &str, value: &str, problem: &str| {
        errors.push(DataError::field(file, line, field, value, problem));
    };
    check_names(r, &mut bad);
    let from = change_medal(&r.from);
    if from.is_none() {
        bad("from", &r.from, "expected gold, silver, bronze or none");
    }
    let to = change_medal(&r.to);
    if to.is_none() {
        bad("to", &r.to, "expected gold, silver, bronze or none");
    }
    if from.is_some() && from == to {
        bad(
            "to",
            &r.to,
            "a change must change the medal; `from` and `to` are the same",
        );
    }
    let decided = PartialDate::parse(&r.decided);
    match decided {
        None => bad(
            "decided",
            &r.decided,
            "expected a date YYYY-MM-DD, YYYY-MM or YYYY (as precise as the source shows)",
        ),
        Some(d) => {
            if let Some(problem) = decided_problem(&r.games, d) {
                bad("decided", &r.decided, &problem);
            }
        }
    }
    let presented = Presented::parse(&r.presented);
    if presented.is_none() {
        bad(
            "presented",
            &r.presented,
            "expected yes, no (decided but withheld) or unknown",
        );
    }
    check_codes(r, &mut bad);
    if errors.len() > before {
        return None;
    }
    Some(Change {
        line,
        games: r.games.clone(),
        sport: r.sport.clone(),
        event: r.event.clone(),
        athlete: r.athlete.clone(),
        crew: (!r.crew.is_empty()).then(|| r.crew.clone()),
        noc: r.noc.clone(),
        from: from.flatten(),
        to: to.flatten(),
        decided: decided?,
        presented: presented?,
        reason: r.reason.clone(),
        source: r.source.clone(),
    })
}

/// Checks across rows: duplicates, chains, crews, coverage and dates against the ledger's own.
pub(super) fn check_ledger(
    file: &str,
    changes: &[Change],
    games: &BTreeMap<String, GamesCoverage>,
    as_of: PartialDate,
    listed: bool,
    errors: &mut Vec<DataError>,
) {
    let today = Date::from_days_since_epoch(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| (d.as_secs() / 86_400) as i64),
    );
    let mut seen: HashMap<(Holder<'_>, Option<Medal>, Option<Medal>), u64> = HashMap::new();
    for c in changes {
        if let Some(first) = seen.insert((holder(c), c.from, c.to), c.line) {
            errors.push(DataError::field(
                file,
                c.line,
                "athlete",
                &c.athlete,
                format!(
                    "the row repeats line {first} (same Games, event, NOC, athlete, from and to); keep one"
                ),
            ));
            seen.insert((holder(c), c.from, c.to), first);
        }
        if c.decided.earliest() > today {
            errors.push(DataError::field(
                file,
                c.line,
                "decided",
                &c.decided.to_string(),
                format!("the decision is dated in the future (today is {today}); give the day it was taken"),
            ));
        } else if c.decided.earliest() > as_of.latest() {
            errors.push(DataError::field(
                file,
                c.line,
                "decided",
                &c.decided.to_string(),
                format!("the decision is dated after the ledger's own date ({as_of}); a ledger records what was decided by its date"),
            ));
        }
        if listed && !games.contains_key(&c.games) {
            errors.push(DataError::field(
                file,
                c.line,
                "games",
                &c.games,
                "the Games is not in ledger-games.csv; add it there with its completeness",
            ));
        }
    }
    for list in chains(changes).values() {
        for pair in list.windows(2) {
            let (before, c) = (&changes[pair[0]], &changes[pair[1]]);
            if c.from != before.to {
                errors.push(DataError::field(
                    file,
                    c.line,
                    "from",
                    medal_word(c.from),
                    format!(
                        "the athlete holds {} at this point (line {} changed it), not {}: a change must start from the medal held",
                        medal_word(before.to),
                        before.line,
                        medal_word(c.from)
                    ),
                ));
            }
        }
    }
    let mut crews: HashMap<&str, &Change> = HashMap::new();
    for c in changes {
        let Some(crew) = &c.crew else { continue };
        match crews.get(crew.as_str()) {
            Some(first)
                if (&first.games, &first.event, &first.noc) != (&c.games, &c.event, &c.noc) =>
            {
                errors.push(DataError::field(
                    file,
                    c.line,
                    "crew",
                    crew,
                    format!(
                        "the crew is {} {} {} on line {}; one crew is one nation in one event",
                        first.games, first.noc, first.event, first.line
                    ),
                ));
            }
            Some(_) => {}
            None => {
                crews.insert(crew, c);
            }
        }
    }
}
