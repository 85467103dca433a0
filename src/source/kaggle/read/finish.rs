//! The merged rows indexed by Games and nation, each nation at each Games summed up (on several
//! threads: the Games are independent), its name chosen (`names`), and the Games put in order.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{Reader, names, team_name};
use crate::model::{Medal, Season, Sex};
use crate::source::kaggle::{Fnv, GamesInfo, Line, Olympics, Strings, Summary, Sym, crew, sports};

/// Per Games, the rows of each nation (by NOC), in file order.
type ByGames<'s> = Vec<BTreeMap<&'s str, Vec<u32>>>;

/// What summing up one Games gives: its shared (crew and team) events, and each nation's summary.
type GamesSummary = (HashSet<Sym, Fnv>, BTreeMap<String, Summary>);

impl Reader<'_> {
    /// Indexes the rows by Games and nation, and sums up each nation at each Games.
    pub(super) fn finish(self, regions: BTreeMap<String, String>) -> Olympics {
        let Reader {
            label,
            mut strings,
            rows,
            mut games,
            cities,
            athletes: names,
            duplicates,
            seen,
            outside_seen,
            outside_teams,
            ..
        } = self;
        let outside_rows = outside_seen.len() as u32;
        // What only reading needed is freed on another thread: hundreds of thousands of entries
        // take a noticeable time to free, and nothing waits for them.
        let index = std::mem::take(&mut strings.index);
        std::thread::spawn(move || drop((seen, index, outside_seen)));
        let by_games = rows_by_games(&strings, &rows, games.len());
        let (shared, mut nations): (Vec<_>, Vec<_>) =
            sum_up_in_parallel(&strings, &rows, &by_games)
                .into_iter()
                .unzip();
        names::name_nations(&strings, &mut nations, outside_teams, &games);
        host_cities(&mut games, cities);
        let order = oldest_first(&games);
        let rows = renumber(rows, &order);
        Olympics {
            file: label.to_owned(),
            strings,
            names,
            rows,
            games: reorder(games, &order),
            nations: reorder(nations, &order),
            shared: reorder(shared, &order),
            regions,
            duplicates,
            outside_rows,
            revised: None,
        }
    }
}

/// Rows per Games, per nation, in file order.
fn rows_by_games<'s>(strings: &'s Strings, rows: &[Line], n: usize) -> ByGames<'s> {
    let mut by_games: ByGames = vec![BTreeMap::new(); n];
    for (i, row) in rows.iter().enumerate() {
        by_games[row.games as usize]
            .entry(strings.get(row.noc))
            .or_default()
            .push(i as u32);
    }
    by_games
}

/// Every Games summed up, in their order, the Games shared out between threads.
fn sum_up_in_parallel(strings: &Strings, rows: &[Line], by_games: &ByGames) -> Vec<GamesSummary> {
    let n = by_games.len();
    let one_games = |nations: &BTreeMap<&str, Vec<u32>>| sum_up_games(strings, rows, nations);
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, n.max(1));
    let per_thread = n.div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = by_games
            .chunks(per_thread)
            .map(|part| scope.spawn(move || part.iter().map(one_games).collect::<Vec<_>>()))
            .collect();
        let mut done = Vec::with_capacity(n);
        for handle in handles {
            match handle.join() {
                Ok(part) => done.extend(part),
                // Not expected; but never index the Games wrongly: do it all here.
                Err(_) => return by_games.iter().map(one_games).collect(),
            }
        }
        done
    })
}

/// One Games on its own: the events where one nation's several athletes hold the same medal
/// (crews and teams), then each nation's summary.
fn sum_up_games(
    strings: &Strings,
    rows: &[Line],
    nations: &BTreeMap<&str, Vec<u32>>,
) -> GamesSummary {
    let shared = shared_events(strings, rows, nations);
    let summaries: BTreeMap<String, Summary> = nations
        .iter()
        .map(|(&noc, ids)| (noc.to_owned(), summarise(strings, rows, ids, &shared)))
        .collect();
    (shared, summaries)
}

/// The crew and team events of one Games.
fn shared_events(
    strings: &Strings,
    rows: &[Line],
    nations: &BTreeMap<&str, Vec<u32>>,
) -> HashSet<Sym, Fnv> {
    // Per event, its sport and the medals some nation holds several times. A crew or team event
    // shows this for at least two medals, or says so by its name or sport (see `crew`); a tie
    // between two athletes of one nation (two golds in the 1984 women's 100 m freestyle) shows
    // it for one, and stays individual.
    let mut repeated: HashMap<Sym, (Sym, u8), Fnv> = HashMap::default();
    for list in nations.values() {
        let mut holders: HashMap<(Sym, Medal), u32, Fnv> = HashMap::default();
        for &i in list {
            let row = &rows[i as usize];
            repeated.entry(row.event).or_insert((row.sport, 0));
            if let Some(m) = row.medal {
                *holders.entry((row.event, m)).or_default() += 1;
            }
        }
        for ((event, medal), count) in holders {
            if count > 1 {
                if let Some((_, medals)) = repeated.get_mut(&event) {
                    *medals |= 1 << medal as u8;
                }
            }
        }
    }
    repeated
        .into_iter()
        .filter(|&(event, (sport, medals))| {
            crew::is_shared(strings.get(sport), strings.get(event), medals.count_ones())
        })
        .map(|(event, _)| event)
        .collect()
}

/// One nation at one Games: athletes by sex, medals by the counting rules, sports, name.
fn summarise(strings: &Strings, rows: &[Line], ids: &[u32], shared: &HashSet<Sym, Fnv>) -> Summary {
    let mut athletes: BTreeMap<u32, Sex> = BTreeMap::new();
    let mut sports: BTreeSet<&str> = BTreeSet::new();
    let mut teams: BTreeMap<&str, u32> = BTreeMap::new();
    for &i in ids {
        let row = &rows[i as usize];
        athletes.insert(row.id, row.sex);
        let sport = strings.get(row.sport);
        let event = strings.get(row.event);
        let event = event.strip_prefix(sport).unwrap_or(event).trim_start();
        sports.insert(sports::classify(sport, event).0);
        *teams.entry(team_name(strings.get(row.team))).or_default() += 1;
    }
    let held = ids.iter().filter_map(|&i| {
        let row = &rows[i as usize];
        row.medal.map(|medal| crew::Held {
            event: row.event,
            sport: row.sport,
            team: row.team,
            medal,
        })
    });
    let medals = crew::tally(strings, shared, held);
    let men = athletes.values().filter(|&&s| s == Sex::Male).count() as u32;
    Summary {
        rows: ids.to_vec(),
        athletes: athletes.len() as u32,
        men,
        women: athletes.len() as u32 - men,
        medals,
        sports: sports.into_iter().map(str::to_owned).collect(),
        nation: String::new(),
        teams: teams
            .into_iter()
            .map(|(name, rows)| (name.to_owned(), rows))
            .collect(),
    }
}

/// Each Games' host cities, most rows first.
fn host_cities(games: &mut [GamesInfo], cities: Vec<Vec<(String, u32)>>) {
    for (g, mut list) in games.iter_mut().zip(cities) {
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        g.cities = list.into_iter().map(|(c, _)| c).collect();
    }
}

/// The Games' indices oldest first; in a shared year, Winter (held first) before Summer.
fn oldest_first(games: &[GamesInfo]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..games.len()).collect();
    order.sort_by_key(|&g| (games[g].year, Season::parse_data(&games[g].season)));
    order
}

/// The rows with their Games numbered in `order`.
fn renumber(mut rows: Vec<Line>, order: &[usize]) -> Vec<Line> {
    let mut rank = vec![0u16; order.len()];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new as u16;
    }
    for row in &mut rows {
        row.games = rank[row.games as usize];
    }
    rows
}

/// The items of `v` in the order `order` gives (a permutation of its indices).
fn reorder<T>(v: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = v.into_iter().map(Some).collect();
    order.iter().filter_map(|&g| slots[g].take()).collect()
}
