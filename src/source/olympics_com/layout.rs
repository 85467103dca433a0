//! The differences between the sets of the family, stated in one place: which Games each holds,
//! which files it has and the columns podium takes from each (by name; others may be there), how
//! it writes medals and sexes, and what it does not record.
//!
//! Two layouts: the 2026 one (`athletes.csv` listing each athlete's events, `medallists.csv` with
//! athletes' codes) and the 2021–22 one (`athletes.csv` with a discipline only, `medals.csv`
//! naming each medallist by the link to their olympics.com profile). Which Games a 2021–22 folder
//! holds is read from its medal dates: both sets have the same columns.

use crate::date::Date;

/// The Games a set of the family holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Set {
    /// Tokyo 2020 (held in 2021): athletes with a discipline, medals with their dates.
    Tokyo2020,
    /// Beijing 2022: the same files as Tokyo's.
    Beijing2022,
    /// Milano Cortina 2026: athletes with their events, medallists, the schedule.
    MilanoCortina2026,
}

/// The file layouts of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `athletes.csv` (events per athlete) and `medallists.csv` (athletes' codes).
    Listed,
    /// `athletes.csv` (a discipline per athlete) and `medals.csv` (profile links).
    Linked,
}

/// The 2026 layout's athletes: `events` is a list of `{discipline, event}`.
pub const LISTED_ATHLETES: &[&str] = &["code", "name", "gender", "country_code", "events"];
/// The 2026 layout's medallists: one row per medallist (a team's members one by one).
pub const LISTED_MEDALLISTS: &[&str] = &[
    "date",
    "medal",
    "code",
    "name",
    "gender",
    "country_code",
    "country",
    "discipline",
    "event_name",
];
/// The 2026 layout's schedule, optional: its ceremonies give the Games' dates.
pub const LISTED_SCHEDULE: &[&str] = &["day", "discipline", "event"];
/// A separate scrape of birth dates beside the 2026 files (`athlete.csv`), optional: joined by
/// name and NOC, since its ids are its own.
pub const BIRTHS: &[&str] = &["athlete_name", "gender", "date_of_birth", "country_code"];

/// The 2021–22 layout's athletes.
pub const LINKED_ATHLETES: &[&str] = &[
    "name",
    "gender",
    "birth_date",
    "country",
    "country_code",
    "discipline",
    "discipline_code",
    "url",
];
/// The 2021–22 layout's medals: one row per medallist; `athlete_sex` is the event's (M, W, X
/// mixed, O open), not the athlete's.
pub const LINKED_MEDALS: &[&str] = &[
    "medal_type",
    "medal_date",
    "athlete_name",
    "athlete_sex",
    "athlete_link",
    "event",
    "country",
    "country_code",
    "discipline",
];

/// The file whose dates say which Games a 2021–22 folder holds.
pub const LINKED_DATED: (&str, &str) = ("medals.csv", "medal_date");

impl Set {
    /// Every set, oldest first.
    pub const ALL: [Set; 3] = [Set::Tokyo2020, Set::Beijing2022, Set::MilanoCortina2026];

    pub fn layout(self) -> Layout {
        match self {
            Set::MilanoCortina2026 => Layout::Listed,
            Set::Tokyo2020 | Set::Beijing2022 => Layout::Linked,
        }
    }

    /// The Games' name as podium writes it: `2022 Winter`.
    pub fn games(self) -> &'static str {
        match self {
            Set::Tokyo2020 => "2020 Summer",
            Set::Beijing2022 => "2022 Winter",
            Set::MilanoCortina2026 => "2026 Winter",
        }
    }

    /// The Games' year (Tokyo 2020 keeps its name's year, though held in 2021).
    pub fn year(self) -> i32 {
        match self {
            Set::Tokyo2020 => 2020,
            Set::Beijing2022 => 2022,
            Set::MilanoCortina2026 => 2026,
        }
    }

    pub fn season(self) -> &'static str {
        match self {
            Set::Tokyo2020 => "Summer",
            Set::Beijing2022 | Set::MilanoCortina2026 => "Winter",
        }
    }

    pub fn city(self) -> &'static str {
        match self {
            Set::Tokyo2020 => "Tokyo",
            Set::Beijing2022 => "Beijing",
            Set::MilanoCortina2026 => "Milano Cortina",
        }
    }

    /// The year the medals were won in: what a 2021–22 folder's medal dates say.
    pub fn held_in(self) -> i32 {
        match self {
            Set::Tokyo2020 => 2021,
            Set::Beijing2022 => 2022,
            Set::MilanoCortina2026 => 2026,
        }
    }

    /// The set of the 2021–22 layout whose medals were won in `year`.
    pub fn linked_in(year: i32) -> Option<Set> {
        Set::ALL
            .into_iter()
            .find(|s| s.layout() == Layout::Linked && s.held_in() == year)
    }

    /// The opening and closing ceremonies' days, for a set whose files do not give them (the
    /// 2026 schedule does, and is read instead when present). The IOC's official dates:
    /// Tokyo 2020, 23 July to 8 August 2021; Beijing 2022, 4 to 20 February 2022; Milano
    /// Cortina 2026, 6 to 22 February 2026 (olympics.com, each Games' page).
    pub fn official_dates(self) -> (Date, Date) {
        let (open, close) = match self {
            Set::Tokyo2020 => ((2021, 7, 23), (2021, 8, 8)),
            Set::Beijing2022 => ((2022, 2, 4), (2022, 2, 20)),
            Set::MilanoCortina2026 => ((2026, 2, 6), (2026, 2, 22)),
        };
        let day = |(y, m, d): (i32, u8, u8)| {
            Date::new(y, m, d).unwrap_or_else(|| Date::from_days_since_epoch(0))
        };
        (day(open), day(close))
    }

    /// The set's name in JSON (`podium sources`): `tokyo-2020`.
    pub fn id(self) -> &'static str {
        match self {
            Set::Tokyo2020 => "tokyo-2020",
            Set::Beijing2022 => "beijing-2022",
            Set::MilanoCortina2026 => "milano-cortina-2026",
        }
    }

    /// The Kaggle set's title, for the briefing's sources.
    pub fn title(self) -> &'static str {
        match self {
            Set::Tokyo2020 => {
                "Tokyo 2020 Olympic Summer Games (Kaggle, piterfm, from olympics.com)"
            }
            Set::Beijing2022 => {
                "Beijing 2022 Olympic Winter Games (Kaggle, piterfm, from olympics.com)"
            }
            Set::MilanoCortina2026 => {
                "Milano Cortina 2026 Olympic Winter Games (Kaggle, piterfm, from olympics.com)"
            }
        }
    }

    /// The medal a `medal`/`medal_type` field names, as this set writes it.
    pub fn medal(self, text: &str) -> Option<crate::model::Medal> {
        use crate::model::Medal;
        let word = match self {
            Set::MilanoCortina2026 => text,
            Set::Beijing2022 => text,
            Set::Tokyo2020 => text.strip_suffix(" Medal")?,
        };
        match word {
            "GOLD" | "Gold" => Some(Medal::Gold),
            "SILVER" | "Silver" => Some(Medal::Silver),
            "BRONZE" | "Bronze" => Some(Medal::Bronze),
            _ => None,
        }
    }

    /// How this set writes medals, for messages.
    pub fn medal_words(self) -> &'static str {
        match self {
            Set::MilanoCortina2026 => "GOLD, SILVER or BRONZE",
            Set::Beijing2022 => "Gold, Silver or Bronze",
            Set::Tokyo2020 => "Gold Medal, Silver Medal or Bronze Medal",
        }
    }
}

/// A sex as athletes' files write it: `M`/`F` (2026), `Male`/`Female` (2021–22, with a few `M`
/// and `F`).
pub fn sex(text: &str) -> Option<crate::model::Sex> {
    use crate::model::Sex;
    match text {
        "M" | "Male" => Some(Sex::Male),
        "F" | "Female" => Some(Sex::Female),
        _ => None,
    }
}
