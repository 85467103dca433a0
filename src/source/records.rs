//! What a source records about each of its Games: which of the fields a briefing uses (sex, birth
//! dates, events, places, medal dates, non-starters, the Games' dates) it holds, and for how many
//! athletes, so that `podium sources` tells a user what their data can give before they ask for a
//! briefing. Each format states its own (`Collection::records`), counting from its rows what
//! varies by athlete and taking from the `Coverage` its datasets carry what it records or not.

use serde::Serialize;

use crate::model::Coverage;

/// How much of a field a source holds at one Games.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "recorded", rename_all = "snake_case")]
pub enum Recorded {
    /// For every athlete (or event) of the Games.
    Yes,
    /// For none.
    No,
    /// For `known` of the `of` athletes.
    Partly { known: usize, of: usize },
}

impl Recorded {
    /// From a count: `Yes` when every one of `of` is known, `No` when none is.
    pub fn count(known: usize, of: usize) -> Self {
        match known {
            0 => Self::No,
            k if k >= of => Self::Yes,
            k => Self::Partly { known: k, of },
        }
    }

    /// From a yes or no.
    pub fn flag(recorded: bool) -> Self {
        if recorded { Self::Yes } else { Self::No }
    }

    /// In a table cell: `yes`, `no`, or the share known, `86 %` (never rounded up to 100 % nor
    /// down to 0 %: a part is a part).
    pub fn cell(self) -> String {
        match self {
            Self::Yes => "yes".to_owned(),
            Self::No => "no".to_owned(),
            Self::Partly { known, of } => {
                let percent = (known * 100).checked_div(of).unwrap_or(0).clamp(1, 99);
                format!("{percent} %")
            }
        }
    }
}

/// What a source records about one Games.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Records {
    /// The athletes of the Games (every delegation member the source lists).
    pub athletes: usize,
    /// Each athlete's sex, stated or derived from the events entered.
    pub sex: Recorded,
    /// Each athlete's birth date.
    pub birth_dates: Recorded,
    /// Each athlete's age at the Games (from the birth date, or stated).
    pub ages: Recorded,
    /// The events each athlete entered.
    pub events: Recorded,
    /// Places and statuses (did not finish, disqualified).
    pub places: Recorded,
    /// The day of each medal event.
    pub medal_dates: Recorded,
    /// Who was entered and did not start.
    pub non_starters: Recorded,
    /// The Games' opening and closing days.
    pub games_dates: Recorded,
}

impl Records {
    /// The names of the fields, in the order of `list`.
    pub const FIELDS: [&'static str; 8] = [
        "sex",
        "birth dates",
        "ages",
        "events",
        "places",
        "medal dates",
        "non-starters",
        "Games' dates",
    ];

    /// What a source records of `athletes` athletes: the Games-wide facts from the `Coverage`
    /// its datasets carry, the rest not recorded until the format counts them.
    pub fn from_coverage(athletes: usize, coverage: Coverage) -> Self {
        Self {
            athletes,
            sex: Recorded::No,
            birth_dates: Recorded::No,
            ages: Recorded::No,
            events: Recorded::No,
            places: Recorded::flag(coverage.results),
            medal_dates: Recorded::flag(coverage.medal_dates),
            non_starters: Recorded::No,
            games_dates: Recorded::flag(coverage.games_dates),
        }
    }

    /// Each field's record, in the order of `FIELDS`.
    pub fn list(&self) -> [Recorded; 8] {
        [
            self.sex,
            self.birth_dates,
            self.ages,
            self.events,
            self.places,
            self.medal_dates,
            self.non_starters,
            self.games_dates,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::Recorded;

    #[test]
    fn a_share_is_never_shown_as_all_or_none() {
        assert_eq!(Recorded::count(0, 5), Recorded::No);
        assert_eq!(Recorded::count(5, 5), Recorded::Yes);
        assert_eq!(Recorded::count(0, 0), Recorded::No);
        assert_eq!(Recorded::count(2508, 2902).cell(), "86 %");
        assert_eq!(Recorded::count(999, 1000).cell(), "99 %");
        assert_eq!(Recorded::count(1, 1000).cell(), "1 %");
        assert_eq!(Recorded::flag(true).cell(), "yes");
    }
}
