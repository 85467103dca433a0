//! A set of the family as a `Collection`: it holds one Games, number 0.

use super::OlympicsCom;
use crate::error::Error;
use crate::model::Dataset;
use crate::source::collection::Collection;
use crate::source::kaggle::GamesChoice;
use crate::source::records::{Recorded, Records};

impl Collection for OlympicsCom {
    fn games_count(&self) -> usize {
        1
    }
    fn games_name(&self, _: usize) -> String {
        self.games().to_owned()
    }
    fn find_games(&self, choice: &GamesChoice) -> Result<usize, Error> {
        self.check_games(choice).map(|()| 0)
    }
    fn nocs(&self, _: usize) -> Vec<String> {
        OlympicsCom::nocs(self)
    }
    fn check_nocs(&self, _: usize, nocs: &[String]) -> Result<(), Error> {
        OlympicsCom::check_nocs(self, nocs)
    }
    fn nation(&self, _: usize, noc: &str) -> String {
        OlympicsCom::nation(self, noc)
    }
    fn dataset(&self, _: usize, noc: &str) -> Result<Dataset, Error> {
        OlympicsCom::dataset(self, noc)
    }
    fn records(&self, _: usize) -> Records {
        let members: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.in_delegation(i))
            .collect();
        let n = members.len();
        let count = |known: fn(&OlympicsCom, usize) -> bool| {
            Recorded::count(members.iter().filter(|&&i| known(self, i)).count(), n)
        };
        let born = count(|o, i| o.people[i].birth.is_some());
        Records {
            sex: count(|o, i| o.people[i].sex.is_some()),
            birth_dates: born,
            ages: born,
            events: if super::build::coverage(self).entries {
                count(|o, i| !o.person_events[i].is_empty())
            } else {
                Recorded::No
            },
            ..Records::from_coverage(n, super::build::coverage(self))
        }
    }
}
