//! The world revision ledger: medal changes after the Games for every nation (`data/ledger.csv`,
//! built in, or `--ledger FILE`), with how completely it covers each Games
//! (`data/ledger-games.csv`) and the date it stands at.
//!
//! This module reads and checks the ledger on its own terms (codes, dates, duplicates, each
//! athlete's changes chaining from one medal to the next). Matching it against a source's rows,
//! and so finding which changes the source already holds, is the source's job (`kaggle::revise`,
//! `paris::revise`); what both then give a dataset (revisions, both tables, coverage, the source
//! entry) is here (`Change::revision`, `tables`, `mark`).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::date::{Date, PartialDate};
use crate::error::{DataError, Error};
use crate::model::{
    Citation, Completeness, Dataset, LedgerCoverage, Medal, Presented, Revision, TableLine,
};
use crate::source::csv::{Record, read_input, rows};

/// `ledger.csv`: one row per athlete per change of medal.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LedgerRow {
    pub games: String,
    pub sport: String,
    pub event: String,
    pub athlete: String,
    pub crew: String,
    pub noc: String,
    pub from: String,
    pub to: String,
    pub decided: String,
    pub presented: String,
    pub confidence: String,
    pub reason: String,
    pub source: String,
}

impl Record for LedgerRow {
    const FILE: &'static str = "ledger.csv";
    const COLUMNS: &'static [&'static str] = &[
        "games",
        "sport",
        "event",
        "athlete",
        "crew",
        "noc",
        "from",
        "to",
        "decided",
        "presented",
        "confidence",
        "reason",
        "source",
    ];
}

/// `ledger-games.csv`: how completely the ledger covers each Games.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LedgerGamesRow {
    pub games: String,
    pub completeness: String,
    pub checked: String,
    pub note: String,
}

impl Record for LedgerGamesRow {
    const FILE: &'static str = "ledger-games.csv";
    const COLUMNS: &'static [&'static str] = &["games", "completeness", "checked", "note"];
}

/// The built-in ledger, compiled in like the default dataset.
const BUILT_IN_LEDGER: &str = include_str!("../../data/ledger.csv");
const BUILT_IN_GAMES: &str = include_str!("../../data/ledger-games.csv");

/// The largest ledger file read.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Which ledger to read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Choice {
    /// `data/ledger.csv` and `data/ledger-games.csv`, compiled in.
    #[default]
    BuiltIn,
    /// `--ledger FILE`: a ledger in the same schema. Every Games it has rows for is covered
    /// partially; it stands at its latest decision.
    File(PathBuf),
}

/// The ledger to apply and the date to take the "now" view at: what `--ledger` and `--as-of` name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NowView {
    pub ledger: Choice,
    /// `--as-of`; `None` for the ledger's (or the dataset's) own date.
    pub as_of: Option<Date>,
}

/// What the ledger says about one Games.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GamesCoverage {
    pub completeness: Completeness,
    /// Decisions up to this date were looked for.
    pub checked: PartialDate,
    pub note: String,
}

/// One change of one athlete's medal, checked.
#[derive(Debug, Clone)]
pub struct Change {
    /// The ledger's line, for messages.
    pub line: u64,
    /// `2012 Summer`.
    pub games: String,
    pub sport: String,
    /// As the Kaggle file's Event column writes it; for 2024 Summer as the Paris folder's
    /// events.csv does.
    pub event: String,
    /// As the Kaggle file's Name column writes it; for 2024 Summer as the Paris briefing or
    /// olympics.com does.
    pub athlete: String,
    /// Groups the rows of one relay or team.
    pub crew: Option<String>,
    pub noc: String,
    pub from: Option<Medal>,
    pub to: Option<Medal>,
    pub decided: PartialDate,
    pub presented: Presented,
    pub reason: String,
    pub source: String,
}

impl Change {
    /// Whether the change had been decided by `as_of`: a date known only to the month or year
    /// counts once all of it has passed.
    pub fn in_force(&self, as_of: PartialDate) -> bool {
        self.decided.latest() <= as_of.latest()
    }

    /// The change as a revision of entry `entry` of a dataset.
    pub fn revision(&self, entry: usize) -> Revision {
        Revision {
            entry,
            from: self.from,
            to: self.to,
            decided: self.decided,
            reason: self.reason.clone(),
            source: self.source.clone(),
            presented: Some(self.presented).filter(|_| self.to.is_some()),
        }
    }
}

/// Every nation's medals at one Games, as awarded and now, by NOC.
pub type Tables = BTreeMap<String, ([u32; 3], [u32; 3])>;

/// The all-nation tables as awarded and now, each with the nations that have a medal in it.
pub fn tables(
    tables: &Tables,
    nation: impl Fn(&str) -> String,
) -> (Vec<TableLine>, Vec<TableLine>) {
    let table = |now: bool| -> Vec<TableLine> {
        tables
            .iter()
            .map(|(code, (awarded, current))| TableLine {
                noc: code.clone(),
                nation: nation(code),
                medals: if now { *current } else { *awarded },
            })
            .filter(|t| t.medals.iter().sum::<u32>() > 0)
            .collect()
    };
    (table(false), table(true))
}

/// What a source revised by the ledger gives one nation's dataset at a Games the ledger covers:
/// the revisions of its entries, both all-nation tables, the date and coverage of the "now" view,
/// and the ledger among the sources (`changes`: how many changes are in force at these Games).
#[derive(Debug)]
pub struct Mark<'a> {
    pub as_of: PartialDate,
    /// The ledger's file, as its messages name it.
    pub file: &'a str,
    pub coverage: &'a GamesCoverage,
    pub changes: usize,
    pub revisions: Vec<Revision>,
    pub tables: (Vec<TableLine>, Vec<TableLine>),
    /// Where every nation's medals come from: `the file`, `the folder's medals.csv`.
    pub counted_from: &'a str,
}

/// Gives `data` the "now" view `mark` describes.
pub fn mark(data: &mut Dataset, mark: Mark<'_>) {
    data.revisions = mark.revisions;
    (data.table_awarded, data.table_now) = mark.tables;
    data.coverage.revisions = true;
    let d = &mut data.delegation;
    d.now_as_of = Some(mark.as_of);
    d.now_table_as_of = Some(mark.as_of);
    d.now_table_note = format!(
        "every nation's medals at these Games from {}, with the world revision ledger applied as of {}",
        mark.counted_from, mark.as_of
    );
    d.ledger = Some(LedgerCoverage {
        completeness: mark.coverage.completeness,
        note: mark.coverage.note.clone(),
    });
    data.sources.push(Citation {
        name: "podium's world revision ledger".to_owned(),
        covers: format!(
            "medal changes decided after the Games, for every nation: {} for these Games. {}",
            mark.changes, mark.coverage.note
        ),
        as_of: Some(mark.as_of),
        reference: mark.file.to_owned(),
    });
}

/// Problems found matching the ledger against a source, as one error: by line, the first
/// `MAX_SHOWN` with the total.
pub fn matching_errors(mut errors: Vec<DataError>) -> Error {
    errors.sort_by_key(|e| e.line);
    let total = errors.len();
    Error::data(errors, total)
}

/// The ledger, read and checked.
#[derive(Debug, Clone)]
pub struct Ledger {
    /// The ledger file as the user knows it.
    pub file: String,
    /// In file order.
    pub changes: Vec<Change>,
    /// Per Games: how completely it is covered. A Games not listed is not covered.
    pub games: BTreeMap<String, GamesCoverage>,
    /// The date the ledger stands at: the default "now".
    pub as_of: PartialDate,
}

impl Ledger {
    /// Reads and checks the ledger `choice` names.
    pub fn read(choice: &Choice) -> Result<Self, Error> {
        match choice {
            Choice::BuiltIn => Self::parse(
                "data/ledger.csv (built in)",
                BUILT_IN_LEDGER.as_bytes(),
                Some((
                    "data/ledger-games.csv (built in)",
                    BUILT_IN_GAMES.as_bytes(),
                )),
            ),
            Choice::File(path) => {
                let bytes = read_input(path, MAX_FILE_BYTES, "the built-in ledger is 100 KB")?;
                Self::parse(&path.display().to_string(), &bytes, None)
            }
        }
    }

    /// The built-in ledger.
    pub fn built_in() -> Result<Self, Error> {
        Self::read(&Choice::BuiltIn)
    }

    /// Checks a ledger's bytes (`label` names it in messages) and, when given, its coverage table.
    /// Without one, every Games with rows is covered partially and the ledger stands at its
    /// latest decision. Every problem is reported.
    pub fn parse(
        label: &str,
        bytes: &[u8],
        coverage: Option<(&str, &[u8])>,
    ) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let (games, stated_as_of) = match coverage {
            Some((file, bytes)) => {
                let (table, found) = rows::<LedgerGamesRow>(file, bytes);
                errors.extend(found);
                let (games, as_of) = games_table(file, &table, &mut errors);
                (games, as_of)
            }
            None => (BTreeMap::new(), None),
        };
        let (table, found) = rows::<LedgerRow>(label, bytes);
        errors.extend(found);
        let mut changes = Vec::new();
        for row in &table {
            if let Some(change) = check_row(label, row.line, &row.data, &mut errors) {
                changes.push(change);
            }
        }
        // Without a coverage table (or with no valid date in it, reported above), the ledger
        // stands at its latest decision.
        let as_of = stated_as_of.unwrap_or_else(|| latest_decision(&changes));
        let mut games = games;
        if coverage.is_none() {
            for c in &changes {
                games
                    .entry(c.games.clone())
                    .or_insert_with(|| GamesCoverage {
                        completeness: Completeness::Partial,
                        checked: as_of,
                        note: format!("Changes read from {label}."),
                    });
            }
        }
        check_ledger(
            label,
            &changes,
            &games,
            as_of,
            coverage.is_some(),
            &mut errors,
        );
        if errors.is_empty() {
            Ok(Self {
                file: label.to_owned(),
                changes,
                games,
                as_of,
            })
        } else {
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            let total = errors.len();
            Err(Error::data(errors, total))
        }
    }

    /// The date the "now" view is taken at: `as_of` when given, else the ledger's own. A date
    /// after the ledger's is a usage error: what was decided then is not known.
    pub fn now_at(&self, as_of: Option<Date>) -> Result<PartialDate, Error> {
        // A ledger without a change records no decision: any date gives the medals as awarded.
        if let (Some(date), true) = (as_of, self.changes.is_empty()) {
            return Ok(day(date));
        }
        at_most(
            as_of,
            self.as_of,
            &format!("the revision ledger {}", self.file),
        )
    }
}

/// `as_of` as a partial date, or `own` when not given; an error when it is after `own`.
pub fn at_most(as_of: Option<Date>, own: PartialDate, what: &str) -> Result<PartialDate, Error> {
    let Some(date) = as_of else {
        return Ok(own);
    };
    if date > own.latest() {
        return Err(Error::Usage(format!(
            "--as-of {date} is after the date {what} stands at ({own}): medals on that date are not known; give a date up to {}",
            own.latest()
        )));
    }
    Ok(day(date))
}

/// A day as a partial date known to the day.
pub fn day(date: Date) -> PartialDate {
    PartialDate::parse(&date.to_string()).unwrap_or(PartialDate {
        year: date.year(),
        month: None,
        day: None,
    })
}

fn latest_decision(changes: &[Change]) -> PartialDate {
    changes
        .iter()
        .map(|c| c.decided)
        .max_by_key(|d| d.latest())
        .unwrap_or(PartialDate {
            year: 1896,
            month: None,
            day: None,
        })
}

/// `2012 Summer` → (2012, Summer); `None` for anything else.
fn games_name(text: &str) -> Option<(i32, &str)> {
    let (year, season) = text.split_once(' ')?;
    let y = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1896..=2100).contains(y))?;
    (year.len() == 4 && matches!(season, "Summer" | "Winter")).then_some((y, season))
}

/// Games whose source names events without their sport (the Paris 2024 folder's events.csv); the
/// ledger's rows for them are not checked for the sport in front.
const EVENTS_WITHOUT_SPORT: [&str; 1] = ["2024 Summer"];

const GAMES_EXPECTED: &str =
    "a Games as the Kaggle file's Games column writes it, such as 2012 Summer";

fn games_table(
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
        let name_ok = games_name(&r.games).is_some();
        if !name_ok {
            bad("games", &r.games, format!("expected {GAMES_EXPECTED}"));
        }
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
                    "expected complete or partial (a Games with no rows is simply not listed)"
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

/// Checks one row on its own.
fn check_row(file: &str, line: u64, r: &LedgerRow, errors: &mut Vec<DataError>) -> Option<Change> {
    let before = errors.len();
    let mut bad = |field: &str, value: &str, problem: &str| {
        errors.push(DataError::field(file, line, field, value, problem));
    };
    let games = games_name(&r.games);
    if games.is_none() {
        bad("games", &r.games, &format!("expected {GAMES_EXPECTED}"));
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
    // The Paris 2024 folder names its events without the sport (events.csv's `event`); the
    // Kaggle file, which holds the Games up to 2016, with it.
    if !r.sport.is_empty()
        && !r.event.is_empty()
        && !EVENTS_WITHOUT_SPORT.contains(&r.games.as_str())
        && !r
            .event
            .strip_prefix(r.sport.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
    {
        bad(
            "event",
            &r.event,
            &format!(
                "the event must begin with its sport ({}), as the Kaggle file's Event column writes it",
                r.sport
            ),
        );
    }
    if !(r.noc.len() == 3 && r.noc.bytes().all(|b| b.is_ascii_uppercase())) {
        bad(
            "noc",
            &r.noc,
            "expected a three-letter NOC code in capitals such as KAZ",
        );
    }
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
    match (decided, games) {
        (None, _) => bad(
            "decided",
            &r.decided,
            "expected a date YYYY-MM-DD, YYYY-MM or YYYY (as precise as the source shows)",
        ),
        (Some(d), Some((year, _))) if d.year < year => bad(
            "decided",
            &r.decided,
            &format!("the decision is dated before the Games ({year})"),
        ),
        _ => {}
    }
    let presented = Presented::parse(&r.presented);
    if presented.is_none() {
        bad(
            "presented",
            &r.presented,
            "expected yes, no (decided but withheld) or unknown",
        );
    }
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

/// One athlete in one event at one Games: whose changes chain.
pub type Holder<'a> = (&'a str, &'a str, &'a str, &'a str);

/// The holder of a change: Games, event, NOC, athlete.
pub fn holder(c: &Change) -> Holder<'_> {
    (&c.games, &c.event, &c.noc, &c.athlete)
}

/// Each holder's changes (indices into `changes`), in the order they were decided: by the last
/// day each date can mean, then by line.
pub fn chains(changes: &[Change]) -> BTreeMap<Holder<'_>, Vec<usize>> {
    let mut chains: BTreeMap<Holder<'_>, Vec<usize>> = BTreeMap::new();
    for (i, c) in changes.iter().enumerate() {
        chains.entry(holder(c)).or_default().push(i);
    }
    for list in chains.values_mut() {
        list.sort_by_key(|&i| (changes[i].decided.latest(), changes[i].line));
    }
    chains
}

/// Checks across rows: duplicates, chains, crews, coverage and dates against the ledger's own.
fn check_ledger(
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

/// `gold` or `none`.
pub fn medal_word(medal: Option<Medal>) -> &'static str {
    medal.map_or("none", Medal::name)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
