//! The chunks, read in parallel, merged into one in file order, with the checks that span
//! chunks: one ID is one athlete, and a row repeated in a later chunk is dropped.

use std::collections::HashMap;

use super::{Focus, MAX_SHOWN, Reader, sex_text};
use crate::error::Problems;
use crate::model::Sex;
use crate::source::kaggle::{Fnv, GamesInfo, Line, Sym};

impl<'a> Reader<'a> {
    /// The chunks' readers, in file order, merged into the first.
    pub(super) fn merged(label: &'a str, focus: Option<&'a Focus>, parts: Vec<Self>) -> Self {
        let mut parts = parts.into_iter();
        let mut r = parts.next().unwrap_or_else(|| Reader::new(label, focus));
        for part in parts {
            r.merge(part);
        }
        r
    }

    /// Appends the rows of the chunk after this one.
    fn merge(&mut self, other: Reader<'_>) {
        let Reader {
            strings,
            games,
            cities,
            problems,
            athletes,
            duplicates,
            outside_seen,
            outside_teams,
            rows,
            ..
        } = other;
        let syms: Vec<Sym> = strings
            .list
            .iter()
            .map(|text| self.strings.intern(text))
            .collect();
        let games = self.merge_games(games, cities);
        self.merge_problems(problems);
        self.merge_athletes(athletes);
        self.duplicates += duplicates;
        for key in outside_seen {
            if !self.outside_seen.insert(key) {
                self.duplicates += 1;
            }
        }
        for ((noc, g, team), rows) in outside_teams {
            let key = (syms[noc as usize], games[g as usize], syms[team as usize]);
            *self.outside_teams.entry(key).or_default() += rows;
        }
        self.merge_rows(rows, &syms, &games);
    }

    /// The other chunk's Games and host cities added to these; for each of its Games, the
    /// number it has here.
    fn merge_games(&mut self, other: Vec<GamesInfo>, cities: Vec<Vec<(String, u32)>>) -> Vec<u16> {
        let mut games = Vec::with_capacity(other.len());
        for (info, cities) in other.into_iter().zip(cities) {
            let g = match self.games_index.get(&info.name) {
                Some(&g) => g,
                None => {
                    let g = self.games.len() as u16;
                    self.games_index.insert(info.name.clone(), g);
                    self.games.push(info);
                    self.cities.push(Vec::new());
                    g
                }
            };
            let mine = &mut self.cities[g as usize];
            for (city, count) in cities {
                match mine.iter_mut().find(|(c, _)| *c == city) {
                    Some((_, n)) => *n += count,
                    None => mine.push((city, count)),
                }
            }
            games.push(g);
        }
        games
    }

    fn merge_problems(&mut self, other: Problems) {
        self.problems.total += other.total;
        for e in other.shown {
            if self.problems.shown.len() < MAX_SHOWN {
                self.problems.shown.push(e);
            }
        }
    }

    /// The other chunk's athletes added; one whose name or sex differs from the same ID's here
    /// is reported, in line order.
    fn merge_athletes(&mut self, other: HashMap<u32, (Box<str>, Sex, u32), Fnv>) {
        let mut conflicts = Vec::new();
        for (id, (name, sex, line)) in other {
            match self.athletes.get(&id) {
                Some((known, known_sex, first)) if *known != name || *known_sex != sex => {
                    conflicts.push((line, id, name, sex, known.clone(), *known_sex, *first));
                }
                Some(_) => {}
                None => {
                    self.athletes.insert(id, (name, sex, line));
                }
            }
        }
        conflicts.sort_unstable();
        for (line, id, name, sex, known, known_sex, first) in conflicts {
            if known != name {
                let problem =
                    format!("athlete {id} is {known:?} on line {first}; one ID is one athlete");
                self.bad(u64::from(line), "Name", &name, problem);
            } else {
                let problem = format!(
                    "athlete {id} is {} on line {first}; one athlete has one sex",
                    known_sex.word()
                );
                self.bad(u64::from(line), "Sex", sex_text(sex), problem);
            }
        }
    }

    /// The other chunk's rows appended, their strings and Games renumbered (`syms`, `games`);
    /// a row already read here is a repeat, counted.
    fn merge_rows(&mut self, rows: Vec<Line>, syms: &[Sym], games: &[u16]) {
        self.rows.reserve(rows.len());
        for row in rows {
            let row = Line {
                team: syms[row.team as usize],
                noc: syms[row.noc as usize],
                sport: syms[row.sport as usize],
                event: syms[row.event as usize],
                games: games[row.games as usize],
                ..row
            };
            if self
                .seen
                .insert((row.id, row.games, row.event, row.team, row.medal))
            {
                self.rows.push(row);
            } else {
                self.duplicates += 1;
            }
        }
    }
}
