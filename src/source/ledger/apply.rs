//! The ledger applied to a source: one algorithm for every source, which walks each athlete's
//! chain of changes and gives both medal views. A source says only how a change finds its rows
//! (`Matcher`); what the views then give a dataset (revisions, both tables, coverage, the source
//! entry) is `mark`.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use super::{Change, GamesCoverage};
use crate::date::PartialDate;
use crate::error::{DataError, Error, quoted};
use crate::model::{Citation, Dataset, LedgerCoverage, Medal, Revision, TableLine};

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
fn matching_errors(mut errors: Vec<DataError>) -> Error {
    errors.sort_by_key(|e| e.line);
    let total = errors.len();
    Error::data(errors, total)
}

/// The ledger, read and checked.
/// What a source holds of the athlete a chain of changes is about.
#[derive(Debug)]
pub enum Found<R> {
    /// The source does not hold the Games, the nation or the event: the chain does not apply.
    NotHeld,
    /// The athlete's rows in the event (one per entry).
    Rows(Vec<R>),
    /// The source holds the nation in the event but the change names something it does not
    /// have: an error naming the ledger's line.
    Problem(DataError),
}

/// How medals in a source relate to the ledger's changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// Medals as awarded at the Games (the Paris folder): a chain starts from the medal shown.
    AsAwarded,
    /// Some changes already applied, some not (the Kaggle file): the medal shown is one link of
    /// the athlete's chain, and the chain's first medal is the one awarded.
    SomeChanges,
}

/// What a source implements for the ledger to be applied to it: finding a change's rows and the
/// medal each shows. Everything else (the chain walk, the dates in force, the order of the
/// steps, the errors' order) is `apply`'s, the same for every source.
pub trait Matcher {
    /// One athlete's entry in one event, as the source identifies it.
    type Row: Clone;
    /// How the source's medals relate to the changes.
    const HOLDS: Holds;
    /// The rows of the athlete the chain starting with `first` is about (`ledger`: the ledger's
    /// file, for messages).
    fn find(&self, first: &Change, ledger: &str) -> Found<Self::Row>;
    /// The medal the source shows for a row.
    fn shown(&self, row: &Self::Row) -> Option<Medal>;
    /// Why a row's medal does not fit the chain (`chain`: as awarded, then after each change).
    fn misfit(&self, shown: Option<Medal>, chain: &[Option<Medal>]) -> String;
}

/// The ledger matched against a source at one date.
#[derive(Debug)]
pub struct Matched<R> {
    /// Rows whose medal differs in some view from the one shown, in the order matched:
    /// (row, as awarded, now).
    pub medals: Vec<(R, Option<Medal>, Option<Medal>)>,
    /// The changes in force, each with the row it changes, in the order decided (by the last
    /// day each date can mean, then by the ledger's line).
    pub steps: Vec<(R, Change)>,
}

/// Applies the ledger's changes to a source's rows at `as_of`: the one algorithm for every
/// source. Each athlete's changes chain from the medal as awarded to the medal now; a change for
/// what the source does not hold does not apply; every problem is reported, by the ledger's line.
pub fn apply<M: Matcher>(
    source: &M,
    ledger: &super::Ledger,
    as_of: PartialDate,
) -> Result<Matched<M::Row>, Error> {
    let mut errors = Vec::new();
    let mut matched = Matched {
        medals: Vec::new(),
        steps: Vec::new(),
    };
    for list in super::chains(&ledger.changes).into_values() {
        let changes: Vec<&Change> = list.iter().map(|&i| &ledger.changes[i]).collect();
        let first = changes[0];
        let rows = match source.find(first, &ledger.file) {
            Found::NotHeld => continue,
            Found::Rows(rows) => rows,
            Found::Problem(e) => {
                errors.push(e);
                continue;
            }
        };
        let chain: Vec<Option<Medal>> = std::iter::once(first.from)
            .chain(changes.iter().map(|c| c.to))
            .collect();
        for row in rows {
            let shown = source.shown(&row);
            let fits = match M::HOLDS {
                Holds::AsAwarded => shown == first.from,
                Holds::SomeChanges => chain.contains(&shown),
            };
            if !fits {
                errors.push(DataError::field(
                    &ledger.file,
                    first.line,
                    "from",
                    super::medal_word(first.from),
                    source.misfit(shown, &chain),
                ));
                continue;
            }
            let awarded = chain[0];
            let mut now = awarded;
            for c in changes.iter().filter(|c| c.in_force(as_of)) {
                now = c.to;
                matched.steps.push((row.clone(), (*c).clone()));
            }
            if (awarded, now) != (shown, shown) {
                matched.medals.push((row, awarded, now));
            }
        }
    }
    if !errors.is_empty() {
        return Err(matching_errors(errors));
    }
    // A stable sort: steps decided together keep the order they were matched in.
    matched
        .steps
        .sort_by_key(|(_, c)| (c.decided.latest(), c.line));
    Ok(matched)
}

/// The error for a change naming an athlete the source does not have in the event: `names`
/// are the nation's athletes there, `how` says how to write the name.
pub fn no_such_athlete(
    ledger: &str,
    first: &Change,
    held_in: &str,
    mut names: Vec<&str>,
    how: &str,
) -> DataError {
    names.sort_unstable();
    names.dedup();
    let shown: Vec<String> = names.iter().take(6).map(|n| quoted(n)).collect();
    DataError::field(
        ledger,
        first.line,
        "athlete",
        &first.athlete,
        format!(
            "no {noc} athlete of this name in this event at {games} in {held_in}; {how} (its {noc} athletes here: {}{})",
            shown.join(", "),
            if names.len() > shown.len() {
                ", …"
            } else {
                ""
            },
            noc = first.noc,
            games = first.games,
        ),
    )
}

/// The ledger's view of one Games of a source, keyed as the source keys its entries.
#[derive(Debug, Clone)]
pub struct GamesView<K> {
    pub coverage: GamesCoverage,
    /// Entries whose medal differs in some view: (as awarded, now).
    pub medals: HashMap<K, (Option<Medal>, Option<Medal>)>,
    /// The changes in force, each with the entry it changes, in the order decided.
    pub steps: Vec<(K, Change)>,
    /// Every nation's medals, as awarded and now.
    pub tables: Tables,
}

/// Where a view stands and what it was counted from, as the dataset's sources cite it.
#[derive(Debug, Clone, Copy)]
pub struct Stand<'a> {
    pub as_of: PartialDate,
    /// The ledger's file, as its messages name it.
    pub file: &'a str,
    /// Where every nation's medals come from: `the file`, `the folder's medals.csv`.
    pub counted_from: &'a str,
}

impl<K: Eq + Hash> GamesView<K> {
    /// A view with nothing matched yet.
    pub fn new(coverage: GamesCoverage) -> Self {
        Self {
            coverage,
            medals: HashMap::new(),
            steps: Vec::new(),
            tables: Tables::new(),
        }
    }

    /// Gives one nation's dataset this view: each entry's medal as awarded and now (`keys`: the
    /// dataset's entries with their keys), the changes of its entries, both all-nation tables,
    /// the date and coverage of the "now" view.
    pub fn give(
        &self,
        data: &mut Dataset,
        keys: impl IntoIterator<Item = (usize, K)>,
        stand: Stand<'_>,
        nation: impl Fn(&str) -> String,
    ) {
        let mut entry_of: HashMap<K, usize> = HashMap::new();
        for (k, key) in keys {
            if let (Some(entry), Some(&(awarded, now))) =
                (data.entries.get_mut(k), self.medals.get(&key))
            {
                entry.medal_awarded = awarded;
                entry.medal_now = now;
            }
            entry_of.insert(key, k);
        }
        let revisions = self
            .steps
            .iter()
            .filter_map(|(key, c)| Some(c.revision(*entry_of.get(key)?)))
            .collect();
        mark(
            data,
            Mark {
                as_of: stand.as_of,
                file: stand.file,
                coverage: &self.coverage,
                changes: self.steps.len(),
                revisions,
                tables: tables(&self.tables, nation),
                counted_from: stand.counted_from,
            },
        );
    }
}

/// An athlete's entry in one event of a source holding one Games: (athlete id, event number).
pub type EntryKey = (String, usize);

impl GamesView<EntryKey> {
    /// `give` for a source of one Games (`year`) whose events the dataset names by id, as
    /// `event_ids` lists them in the source's order: the entries' keys are found from their
    /// athletes' and events' ids, and the nation's line in the history gets both tables' counts.
    pub fn give_one_games(
        &self,
        data: &mut Dataset,
        event_ids: impl Iterator<Item = String>,
        year: i32,
        stand: Stand<'_>,
        nation: impl Fn(&str) -> String,
    ) {
        let event_of: HashMap<String, usize> =
            event_ids.enumerate().map(|(e, id)| (id, e)).collect();
        let keys: Vec<(usize, EntryKey)> = data
            .entries
            .iter()
            .enumerate()
            .filter_map(|(k, entry)| {
                let athlete = data.athletes.get(entry.athlete)?;
                let event = data.events.get(entry.event)?;
                Some((k, (athlete.id.clone(), *event_of.get(&event.id)?)))
            })
            .collect();
        let noc = &data.delegation.noc;
        let (awarded, now) = self.tables.get(noc).copied().unwrap_or_default();
        for appearance in &mut data.history {
            if appearance.year == year {
                appearance.awarded = Some(awarded);
                appearance.now = now;
            }
        }
        self.give(data, keys, stand, nation);
    }
}
