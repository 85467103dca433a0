//! The Olympic Games held from 1896 to 2026, each with its last day, as the ledger checks its
//! rows against them: a row for Games never held (`2021 Summer`, `1940 Summer`) is refused, and
//! so is a change decided by the last day of its Games (a change decided during the Games is part
//! of the medals as awarded).
//!
//! The last day is the closing ceremony's, or the last competition's when later (Lake Placid
//! 1932), in local time; olympics.com's Games list (piterfm's `olympic_hosts.csv`) gives the
//! same days but for a few a day off where it writes them in UTC. `1906 Summer` is the
//! Intercalated Games of Athens, which the Kaggle file holds; `2020 Summer` is Tokyo 2020, held
//! in 2021.

use crate::date::Date;

/// Every Games held, oldest first, with its last day (`YYYY-MM-DD`).
const HELD: [(&str, &str); 56] = [
    ("1896 Summer", "1896-04-15"),
    ("1900 Summer", "1900-10-28"),
    ("1904 Summer", "1904-11-23"),
    ("1906 Summer", "1906-05-02"),
    ("1908 Summer", "1908-10-31"),
    ("1912 Summer", "1912-07-27"),
    ("1920 Summer", "1920-09-12"),
    ("1924 Winter", "1924-02-05"),
    ("1924 Summer", "1924-07-27"),
    ("1928 Winter", "1928-02-19"),
    ("1928 Summer", "1928-08-12"),
    ("1932 Winter", "1932-02-15"),
    ("1932 Summer", "1932-08-14"),
    ("1936 Winter", "1936-02-16"),
    ("1936 Summer", "1936-08-16"),
    ("1948 Winter", "1948-02-08"),
    ("1948 Summer", "1948-08-14"),
    ("1952 Winter", "1952-02-25"),
    ("1952 Summer", "1952-08-03"),
    ("1956 Winter", "1956-02-05"),
    ("1956 Summer", "1956-12-08"),
    ("1960 Winter", "1960-02-28"),
    ("1960 Summer", "1960-09-11"),
    ("1964 Winter", "1964-02-09"),
    ("1964 Summer", "1964-10-24"),
    ("1968 Winter", "1968-02-18"),
    ("1968 Summer", "1968-10-27"),
    ("1972 Winter", "1972-02-13"),
    ("1972 Summer", "1972-09-11"),
    ("1976 Winter", "1976-02-15"),
    ("1976 Summer", "1976-08-01"),
    ("1980 Winter", "1980-02-24"),
    ("1980 Summer", "1980-08-03"),
    ("1984 Winter", "1984-02-19"),
    ("1984 Summer", "1984-08-12"),
    ("1988 Winter", "1988-02-28"),
    ("1988 Summer", "1988-10-02"),
    ("1992 Winter", "1992-02-23"),
    ("1992 Summer", "1992-08-09"),
    ("1994 Winter", "1994-02-27"),
    ("1996 Summer", "1996-08-04"),
    ("1998 Winter", "1998-02-22"),
    ("2000 Summer", "2000-10-01"),
    ("2002 Winter", "2002-02-24"),
    ("2004 Summer", "2004-08-29"),
    ("2006 Winter", "2006-02-26"),
    ("2008 Summer", "2008-08-24"),
    ("2010 Winter", "2010-02-28"),
    ("2012 Summer", "2012-08-12"),
    ("2014 Winter", "2014-02-23"),
    ("2016 Summer", "2016-08-21"),
    ("2018 Winter", "2018-02-25"),
    ("2020 Summer", "2021-08-08"),
    ("2022 Winter", "2022-02-20"),
    ("2024 Summer", "2024-08-11"),
    ("2026 Winter", "2026-02-22"),
];

/// The last day of the Games `games` (`2012 Summer`), or `None` for Games never held.
pub fn last_day(games: &str) -> Option<Date> {
    HELD.iter()
        .find(|(name, _)| *name == games)
        .and_then(|(_, day)| Date::parse(day))
}

/// Why `games` (well formed, `YYYY Summer`) names no Games held, in words for a message.
pub fn not_held(games: &str) -> String {
    let hint = match games {
        "2021 Summer" => " (Tokyo 2020, held in 2021, is 2020 Summer)",
        "1916 Summer" | "1940 Summer" | "1944 Summer" | "1940 Winter" | "1944 Winter" => {
            " (cancelled by war)"
        }
        _ => "",
    };
    format!(
        "no such Games were held{hint}: the Games held are the Summer Games every four years from 1896 to 2024 but 1916, 1940 and 1944, with 1906, and the Winter Games every four years from 1924 to 1992 but 1940 and 1944, then from 1994 to {}",
        HELD.last().map_or("", |(name, _)| &name[..4])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_games_is_in_order_and_its_day_exists() {
        let mut days: Vec<Date> = Vec::new();
        for (name, day) in HELD {
            let date = Date::parse(day).unwrap();
            let year: i32 = name[..4].parse().unwrap();
            // Each Games ends in its year, but Tokyo 2020.
            assert!(date.year() == year || name == "2020 Summer", "{name}");
            assert!(days.last().is_none_or(|d| *d < date), "{name}");
            days.push(date);
        }
        assert_eq!(days.len(), 56);
    }

    #[test]
    fn games_never_held_have_no_last_day() {
        for name in [
            "2021 Summer",
            "1916 Summer",
            "1940 Winter",
            "1996 Winter",
            "2028 Summer",
        ] {
            assert!(last_day(name).is_none(), "{name}");
        }
        assert_eq!(
            last_day("2026 Winter").map(|d| d.to_string()).as_deref(),
            Some("2026-02-22")
        );
        assert!(not_held("2021 Summer").contains("2020 Summer"));
    }
}
