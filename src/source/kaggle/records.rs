//! What the Kaggle file records about each of its Games: sex for every athlete (a row without one
//! is refused), ages where the Age column has one, the events entered; no birth dates, places,
//! medal dates, non-starters or Games' dates (`build::COVERAGE`).

use std::collections::HashSet;

use super::{Olympics, build};
use crate::source::records::{Recorded, Records};

impl Olympics {
    /// What the file records about Games number `games`, counted from its rows.
    pub fn records(&self, games: usize) -> Records {
        let mut athletes = HashSet::new();
        let mut aged = HashSet::new();
        for row in self.rows.iter().filter(|r| usize::from(r.games) == games) {
            athletes.insert(row.id);
            if row.age.is_some() {
                aged.insert(row.id);
            }
        }
        let n = athletes.len();
        Records {
            sex: Recorded::count(n, n),
            ages: Recorded::count(aged.len(), n),
            events: Recorded::count(n, n),
            ..Records::from_coverage(n, build::COVERAGE)
        }
    }
}
