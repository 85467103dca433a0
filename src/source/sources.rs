//! Several sources at once (`--from` given more than once): the Kaggle 120-year file and the Paris
//! 2024 folder, say. Each Games comes from the one source that holds it; the nation's history
//! joins every source; Games of the season that none holds, between the nation's first and last
//! appearance, are marked as not covered rather than silently skipped.
//!
//! A Games held by two of the sources is a usage error naming both, so that nothing depends on the
//! order of the options.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::date::Date;
use crate::error::Error;
use crate::model::{Appearance, Citation, Dataset, Season};
use crate::source::collection::Collection;
use crate::source::kaggle::GamesChoice;
use crate::source::ledger::{Ledger, NowView};
use crate::source::{Opened, Pick};

/// Reads every source, then builds the dataset of the nation at the Games picked, its history
/// joined across the sources.
pub fn dataset(pick: &Pick, now: &NowView) -> Result<Dataset, Error> {
    let ledger = Ledger::read(&now.ledger)?;
    let sources = Sources::read(&pick.sources, pick.regions.as_deref(), &ledger, now.as_of)?;
    let Some(choice) = &pick.games else {
        return Err(Error::Usage(
            "several --from need the nation and the Games: --noc CODE and --games \"2024 Summer\" (or --year 2024 --season summer)".into(),
        ));
    };
    let games = sources.find_games(choice)?;
    sources.check_nocs(games, std::slice::from_ref(&pick.noc))?;
    sources.dataset(games, &pick.noc)
}

/// A nation's appearances at one season's Games in one source, with the sports entered.
type History = (
    Vec<Appearance>,
    BTreeMap<i32, BTreeSet<String>>,
    Vec<Citation>,
);

/// Which history: the source's number, the nation, the season.
type HistoryKey = (usize, String, Option<Season>);

/// Several sources read once, seen as one `Collection` whose Games are all of theirs.
pub struct Sources {
    /// Each source with the path it was read from.
    parts: Vec<(PathBuf, Box<dyn Collection>)>,
    /// Every Games, oldest first (Winter before Summer in a shared year): its source, its number
    /// there, its name, year and season.
    games: Vec<GamesAt>,
    /// Histories already built, by source, nation and season (a batch asks for them often).
    histories: Mutex<BTreeMap<HistoryKey, Arc<History>>>,
}

impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sources")
            .field("from", &self.label())
            .field("games", &self.games.len())
            .finish()
    }
}

/// One Games of the joined list.
#[derive(Debug, Clone)]
struct GamesAt {
    part: usize,
    local: usize,
    name: String,
    year: i32,
    season: Option<Season>,
}

impl Sources {
    /// Reads each source with the world revision ledger applied at `as_of`. A Games held by two
    /// sources is a usage error.
    pub fn read(
        sources: &[Opened],
        regions: Option<&std::path::Path>,
        ledger: &Ledger,
        as_of: Option<Date>,
    ) -> Result<Self, Error> {
        let parts = sources
            .iter()
            .map(|s| Ok((s.path.clone(), s.read(regions, ledger, as_of)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        Self::new(parts)
    }

    /// Joins sources already read; a Games held by two of them is a usage error.
    pub fn new(parts: Vec<(PathBuf, Box<dyn Collection>)>) -> Result<Self, Error> {
        let mut games = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (p, (path, part)) in parts.iter().enumerate() {
            for local in 0..part.games_count() {
                let name = part.games_name(local);
                if let Some(&first) = seen.get(&name) {
                    return Err(Error::Usage(format!(
                        "the {name} Games are in two of the sources given, {} and {}: give --from only the one to take them from",
                        parts[first].0.display(),
                        path.display()
                    )));
                }
                seen.insert(name.clone(), p);
                let (year, season) = year_season(&name);
                games.push(GamesAt {
                    part: p,
                    local,
                    name,
                    year,
                    season,
                });
            }
        }
        games.sort_by(|a, b| (a.year, a.season, &a.name).cmp(&(b.year, b.season, &b.name)));
        Ok(Self {
            parts,
            games,
            histories: Mutex::new(BTreeMap::new()),
        })
    }

    /// The paths read, as the batch names them: `a.csv and paris-2024`.
    pub fn label(&self) -> String {
        let names: Vec<String> = self
            .parts
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect();
        names.join(" and ")
    }

    /// The nation's appearances at one season's Games in source `part`, built once.
    fn history(
        &self,
        part: usize,
        noc: &str,
        season: Option<Season>,
    ) -> Result<Arc<History>, Error> {
        let key = (part, noc.to_owned(), season);
        if let Some(h) = self
            .histories
            .lock()
            .ok()
            .and_then(|m| m.get(&key).cloned())
        {
            return Ok(h);
        }
        // The nation's latest Games of the season in that source carries its whole history there.
        let latest = self
            .games
            .iter()
            .rev()
            .filter(|g| g.part == part && g.season == season)
            .find(|g| self.parts[part].1.nocs(g.local).iter().any(|n| n == noc));
        let history = match latest {
            Some(g) => {
                let data = self.parts[part].1.dataset(g.local, noc)?;
                (data.history, data.history_sports, data.sources)
            }
            None => (Vec::new(), BTreeMap::new(), Vec::new()),
        };
        let history = Arc::new(history);
        if let Ok(mut m) = self.histories.lock() {
            m.insert(key, Arc::clone(&history));
        }
        Ok(history)
    }

    /// Adds to `data` (from source `owner`) the nation's appearances in every other source, and
    /// the years of its season that none of the sources holds between its first and last.
    fn join(&self, owner: usize, data: &mut Dataset) -> Result<(), Error> {
        let season = Season::parse_data(&data.delegation.season);
        let noc = data.delegation.noc.clone();
        for part in (0..self.parts.len()).filter(|&p| p != owner) {
            let other = self.history(part, &noc, season)?;
            let (appearances, sports, cited) = other.as_ref();
            for a in appearances {
                if data.history.iter().all(|h| h.year != a.year) {
                    data.history.push(a.clone());
                    if let Some(s) = sports.get(&a.year) {
                        data.history_sports.insert(a.year, s.clone());
                    }
                }
            }
            if !appearances.is_empty() {
                for c in cited {
                    if !data.sources.contains(c) {
                        data.sources.push(c.clone());
                    }
                }
            }
        }
        data.history.sort_by_key(|a| a.year);
        let held: BTreeSet<i32> = self
            .games
            .iter()
            .filter(|g| g.season == season)
            .map(|g| g.year)
            .collect();
        let years = data
            .history
            .iter()
            .map(|a| a.year)
            .chain([data.delegation.year]);
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        data.history_not_covered = season
            .map_or_else(Vec::new, |s| games_years(s, first, last))
            .into_iter()
            .filter(|y| !held.contains(y))
            .collect();
        Ok(())
    }
}

/// `2012 Summer` as (2012, Summer); a name without a year sorts first.
fn year_season(name: &str) -> (i32, Option<Season>) {
    let mut parts = name.split_whitespace();
    let year = parts.next().and_then(|y| y.parse().ok()).unwrap_or(0);
    (year, parts.next().and_then(Season::parse_data))
}

/// The years Games of a season were held from `first` to `last`: Summer every four years from
/// 1896 (none in 1916, 1940, 1944; Tokyo's, held in 2021, counts as 2020), Winter every four
/// years from 1924 to 1992 (none in 1940, 1944), then from 1994.
pub fn games_years(season: Season, first: i32, last: i32) -> Vec<i32> {
    let cycle: Box<dyn Iterator<Item = i32>> = match season {
        Season::Summer => Box::new((1896..).step_by(4)),
        Season::Winter => Box::new((1924..=1992).step_by(4).chain((1994..).step_by(4))),
    };
    cycle
        .skip_while(|&y| y < first)
        .take_while(|&y| y <= last)
        .filter(|y| ![1916, 1940, 1944].contains(y))
        .collect()
}

/// How a Games asked for is written in messages.
fn wanted(choice: &GamesChoice) -> String {
    match choice {
        GamesChoice::Name(name) => name.trim().to_owned(),
        GamesChoice::YearSeason(year, season) => format!("{year} {season}"),
    }
}

impl Collection for Sources {
    fn games_count(&self) -> usize {
        self.games.len()
    }
    fn games_name(&self, games: usize) -> String {
        self.games[games].name.clone()
    }
    fn find_games(&self, choice: &GamesChoice) -> Result<usize, Error> {
        let found: Vec<(usize, usize)> = self
            .parts
            .iter()
            .enumerate()
            .filter_map(|(p, (_, part))| part.find_games(choice).ok().map(|l| (p, l)))
            .collect();
        match found.as_slice() {
            [(p, l)] => self
                .games
                .iter()
                .position(|g| g.part == *p && g.local == *l)
                .ok_or_else(|| Error::Usage(format!("{} not found", wanted(choice)))),
            [] => {
                let held: Vec<String> = self
                    .parts
                    .iter()
                    .map(|(path, part)| {
                        let n = part.games_count();
                        let span = match n {
                            0 => "no Games".to_owned(),
                            1 => part.games_name(0),
                            _ => format!("{} to {}", part.games_name(0), part.games_name(n - 1)),
                        };
                        format!("{} holds {span}", path.display())
                    })
                    .collect();
                Err(Error::Usage(format!(
                    "the {} Games are in none of the sources given: {}",
                    wanted(choice),
                    held.join("; ")
                )))
            }
            // `new` refuses a Games held twice; a loose name could still match in two sources.
            [(a, _), (b, _), ..] => Err(Error::Usage(format!(
                "the {} Games are in two of the sources given, {} and {}: give --from only the one to take them from",
                wanted(choice),
                self.parts[*a].0.display(),
                self.parts[*b].0.display()
            ))),
        }
    }
    fn nocs(&self, games: usize) -> Vec<String> {
        let g = &self.games[games];
        self.parts[g.part].1.nocs(g.local)
    }
    fn check_nocs(&self, games: usize, nocs: &[String]) -> Result<(), Error> {
        let g = &self.games[games];
        self.parts[g.part].1.check_nocs(g.local, nocs)
    }
    fn nation(&self, games: usize, noc: &str) -> String {
        let g = &self.games[games];
        self.parts[g.part].1.nation(g.local, noc)
    }
    fn dataset(&self, games: usize, noc: &str) -> Result<Dataset, Error> {
        let g = &self.games[games];
        let mut data = self.parts[g.part].1.dataset(g.local, noc)?;
        self.join(g.part, &mut data)?;
        Ok(data)
    }
    fn records(&self, games: usize) -> crate::source::records::Records {
        let g = &self.games[games];
        self.parts[g.part].1.records(g.local)
    }
}

#[cfg(test)]
mod tests {
    use super::games_years;
    use crate::model::Season;

    #[test]
    fn the_olympic_cycle_skips_the_games_not_held() {
        assert_eq!(
            games_years(Season::Summer, 1912, 1952),
            [1912, 1920, 1924, 1928, 1932, 1936, 1948, 1952]
        );
        assert_eq!(
            games_years(Season::Summer, 1996, 2024),
            [1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024]
        );
        assert_eq!(
            games_years(Season::Winter, 1988, 2002),
            [1988, 1992, 1994, 1998, 2002]
        );
        assert_eq!(games_years(Season::Winter, 1936, 1948), [1936, 1948]);
        assert!(games_years(Season::Summer, 2024, 2016).is_empty());
    }
}
