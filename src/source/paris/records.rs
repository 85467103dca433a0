//! What the Paris 2024 folder records: sex and birth date from athletes.csv, the events each
//! athlete entered, places and medal dates (`build::COVERAGE`), and, with the results files,
//! who did not start (an entry no result row names).

use super::{Paris, build};
use crate::source::records::{Recorded, Records};

impl Paris {
    /// What the folder records about its one Games, counted from its rows.
    pub fn records(&self) -> Records {
        let members: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.in_delegation(i))
            .collect();
        let n = members.len();
        let born = members
            .iter()
            .filter(|&&i| self.people[i].birth.is_some())
            .count();
        let entered = members
            .iter()
            .filter(|&&i| !self.person_events[i].is_empty())
            .count();
        Records {
            sex: Recorded::count(n, n),
            birth_dates: Recorded::count(born, n),
            ages: Recorded::count(born, n),
            events: Recorded::count(entered, n),
            non_starters: Recorded::flag(self.result_files > 0),
            ..Records::from_coverage(n, build::COVERAGE)
        }
    }
}
