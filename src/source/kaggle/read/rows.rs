//! One row of a chunk: every field checked in column order, the athlete matched with the rows
//! read before, the Games registered, and the row kept unless it repeats one exactly. A row
//! outside a one-nation read's focus is only counted (`outside`).

use std::hash::{BuildHasher, Hasher};

use super::{AGES, Reader, YEARS, sex_text, team_name};
use crate::model::{Medal, Noc, Season, Sex};
use crate::source::csv::field_problem;
use crate::source::kaggle::{Fnv, GamesInfo, Line};

/// The values of a row whose every field is well formed.
#[derive(Debug, Clone, Copy)]
struct Checked {
    id: u32,
    sex: Sex,
    age: Option<u8>,
    year: i32,
    medal: Option<Medal>,
}

impl Reader<'_> {
    /// Checks a row's fields (trimmed, in the order of `COLUMNS`) and keeps it when they are
    /// well formed and agree with the rows before.
    pub(super) fn row(&mut self, line: u64, f: [&str; 13]) {
        let Some(checked) = self.check(line, &f) else {
            return;
        };
        let [_, name, ..] = f;
        if self.same_athlete(line, checked.id, name, checked.sex) {
            self.keep(checked, &f);
        }
    }

    /// The row's values, or `None` when a field is wrong (each one wrong reported, in column
    /// order).
    fn check(&mut self, line: u64, f: &[&str; 13]) -> Option<Checked> {
        let [
            id,
            name,
            sex,
            age,
            team,
            noc,
            games,
            year,
            season,
            city,
            sport,
            event,
            medal,
        ] = *f;
        let before = self.problems.total;
        let id = self.check_id(line, id);
        for (column, value) in [
            ("Name", name),
            ("Team", team),
            ("City", city),
            ("Sport", sport),
            ("Event", event),
        ] {
            self.check_text(line, column, value);
        }
        let sex = self.check_sex(line, sex);
        let age = self.check_age(line, age);
        self.check_noc(line, noc);
        let year = self.check_year(line, year);
        self.check_games(line, games, year, season);
        let medal = self.check_medal(line, medal);
        if self.problems.total > before {
            return None;
        }
        Some(Checked {
            id: id?,
            sex: sex?,
            age: age?,
            year: year?,
            medal: medal?,
        })
    }

    fn check_id(&mut self, line: u64, id: &str) -> Option<u32> {
        let value = id.parse::<u32>().ok().filter(|&n| n > 0);
        if value.is_none() {
            self.bad(line, "ID", id, "expected a positive whole number");
        }
        value
    }

    /// A field of text: not empty, and with nothing `field_problem` refuses.
    fn check_text(&mut self, line: u64, column: &str, value: &str) {
        if value.is_empty() {
            self.bad(line, column, value, "the field is empty; it needs a value");
        } else if let Some(problem) = field_problem(value) {
            self.bad(line, column, value, problem);
        }
    }

    fn check_sex(&mut self, line: u64, sex: &str) -> Option<Sex> {
        let value = Sex::parse(sex);
        if value.is_none() {
            self.bad(line, "Sex", sex, "expected M or F");
        }
        value
    }

    /// The age, `Some(None)` when the file does not know it (`NA`).
    fn check_age(&mut self, line: u64, age: &str) -> Option<Option<u8>> {
        let value = match age {
            "NA" => Some(None),
            _ => age
                .parse::<u32>()
                .ok()
                .filter(|a| AGES.contains(a))
                .map(|a| Some(a as u8)),
        };
        if value.is_none() {
            self.bad(
                line,
                "Age",
                age,
                format!(
                    "expected NA or a whole number of years from {} to {}",
                    AGES.start(),
                    AGES.end()
                ),
            );
        }
        value
    }

    fn check_noc(&mut self, line: u64, noc: &str) {
        if Noc::parse(noc).is_none() {
            self.bad(line, "NOC", noc, format!("expected {}", Noc::EXPECTED));
        }
    }

    fn check_year(&mut self, line: u64, year: &str) -> Option<i32> {
        // Written plainly (no sign, no leading zero), so one Games has one spelling.
        let value = year
            .parse::<i32>()
            .ok()
            .filter(|y| YEARS.contains(y) && y.to_string() == year);
        if value.is_none() {
            self.bad(
                line,
                "Year",
                year,
                format!("expected a year from {} to {}", YEARS.start(), YEARS.end()),
            );
        }
        value
    }

    /// The Season, and the Games as the row's Year and Season write them.
    fn check_games(&mut self, line: u64, games: &str, year: Option<i32>, season: &str) {
        let known = Season::parse_data(season).is_some();
        if !known {
            self.bad(
                line,
                "Season",
                season,
                format!("expected {}", Season::EXPECTED),
            );
        }
        if let Some(y) = year {
            let matches = games
                .split_once(' ')
                .is_some_and(|(gy, gs)| gy.parse::<i32>().ok() == Some(y) && gs == season);
            if known && !matches {
                self.bad(
                    line,
                    "Games",
                    games,
                    format!("expected \"{y} {season}\", the row's Year and Season"),
                );
            }
        }
    }

    /// The medal, `Some(None)` for none (`NA`).
    fn check_medal(&mut self, line: u64, medal: &str) -> Option<Option<Medal>> {
        let value = match medal {
            "NA" => Some(None),
            "Gold" => Some(Some(Medal::Gold)),
            "Silver" => Some(Some(Medal::Silver)),
            "Bronze" => Some(Some(Medal::Bronze)),
            _ => None,
        };
        if value.is_none() {
            self.bad(line, "Medal", medal, "expected Gold, Silver, Bronze or NA");
        }
        value
    }

    /// Whether athlete `id` has the name and sex the rows before gave them (one ID is one
    /// athlete); the first row of an athlete registers them.
    fn same_athlete(&mut self, line: u64, id: u32, name: &str, sex: Sex) -> bool {
        let line32 = u32::try_from(line).unwrap_or(u32::MAX);
        match self.athletes.get(&id) {
            Some((known, known_sex, first)) => {
                let (known_sex, first) = (*known_sex, *first);
                if **known != *name {
                    let problem =
                        format!("athlete {id} is {known:?} on line {first}; one ID is one athlete");
                    self.bad(line, "Name", name, problem);
                    return false;
                }
                if known_sex != sex {
                    let problem = format!(
                        "athlete {id} is {} on line {first}; one athlete has one sex",
                        known_sex.word()
                    );
                    self.bad(line, "Sex", sex_text(sex), problem);
                    return false;
                }
            }
            None => {
                self.athletes.insert(id, (name.into(), sex, line32));
            }
        }
        true
    }

    /// Keeps a checked row, unless it repeats one exactly (counted).
    fn keep(&mut self, checked: Checked, f: &[&str; 13]) {
        let [
            _,
            _,
            _,
            _,
            team,
            noc,
            games,
            _,
            season,
            city,
            sport,
            event,
            _,
        ] = *f;
        let Checked {
            id,
            sex,
            age,
            year,
            medal,
        } = checked;
        let games_id = self.games_id(games, year, season, city);
        let team = self.strings.intern(team);
        let event = self.strings.intern(event);
        if !self.seen.insert((id, games_id, event, team, medal)) {
            self.duplicates += 1;
            return;
        }
        let row = Line {
            id,
            sex,
            age,
            team,
            noc: self.strings.intern(noc),
            games: games_id,
            sport: self.strings.intern(sport),
            event,
            medal,
        };
        self.rows.push(row);
    }

    /// The Games' number, registered on first sight, with one more row in `city`.
    fn games_id(&mut self, games: &str, year: i32, season: &str, city: &str) -> u16 {
        let games_id = match self.games_index.get(games) {
            Some(&g) => g,
            None => {
                let g = self.games.len() as u16;
                self.games.push(GamesInfo {
                    name: games.to_owned(),
                    year,
                    season: season.to_owned(),
                    cities: Vec::new(),
                });
                self.games_index.insert(games.to_owned(), g);
                self.cities.push(Vec::new());
                g
            }
        };
        let cities = &mut self.cities[games_id as usize];
        match cities.iter_mut().find(|(c, _)| c == city) {
            Some((_, count)) => *count += 1,
            None => cities.push((city.to_owned(), 1)),
        }
        games_id
    }

    /// A row outside the focus: counted, not checked. What the rest of the file says about every
    /// nation and Games stays as a whole read gives it: the Games and their host cities (rows
    /// whose Year, Season and Games agree), the number of rows and of exact repeats, and the
    /// team names each nation used at each Games.
    pub(super) fn outside<'r>(&mut self, raw: impl Fn(usize) -> &'r [u8]) {
        let text = |i: usize| std::str::from_utf8(raw(i)).unwrap_or_default();
        let (games, year, season, city) = (text(6), text(7), text(8), text(9));
        let year = year.parse::<i32>().ok().filter(|y| {
            YEARS.contains(y)
                && Season::parse_data(season).is_some()
                && games.split_once(' ') == Some((year, season))
        });
        let Some(year) = year else { return };
        let g = self.games_id(games, year, season, city);
        // The key `seen` holds for a row, hashed: ID, Games, event, team, medal.
        let mut hasher = Fnv.build_hasher();
        match text(0).parse::<u32>() {
            Ok(id) => hasher.write_u32(id),
            Err(_) => hasher.write(raw(0)),
        }
        for i in [6, 11, 4, 12] {
            // A byte no UTF-8 text holds between fields, so fields cannot run into each other.
            hasher.write(&[0xff]);
            hasher.write(raw(i));
        }
        if !self.outside_seen.insert(hasher.finish()) {
            self.duplicates += 1;
            return;
        }
        let noc = self.strings.intern(text(5));
        let team = self.strings.intern(team_name(text(4)));
        *self.outside_teams.entry((noc, g, team)).or_default() += 1;
    }
}
