//! A set of the family as a `Collection`: it holds one Games, number 0.

use super::OlympicsCom;
use crate::error::Error;
use crate::model::Dataset;
use crate::source::collection::Collection;
use crate::source::kaggle::GamesChoice;

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
}
