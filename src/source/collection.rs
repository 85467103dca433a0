//! Many nations from one source: what `podium batch` asks of a format that holds every nation
//! (the Kaggle file, the Paris 2024 folder), so the batch does not depend on which it reads.

use crate::error::Error;
use crate::model::Dataset;
use crate::source::kaggle::{GamesChoice, Olympics};
use crate::source::paris::Paris;
use crate::source::records::Records;

/// A source read once, from which any nation at any of its Games becomes a `Dataset`.
pub trait Collection: Send + Sync {
    /// How many Games it holds; they are numbered from 0, oldest first.
    fn games_count(&self) -> usize;
    /// A Games' name: `2012 Summer`.
    fn games_name(&self, games: usize) -> String;
    /// The Games asked for; an unknown one is a usage error naming what there is.
    fn find_games(&self, choice: &GamesChoice) -> Result<usize, Error>;
    /// The NOCs at one Games, in code order.
    fn nocs(&self, games: usize) -> Vec<String>;
    /// A usage error for any NOC asked for that was not at the Games.
    fn check_nocs(&self, games: usize, nocs: &[String]) -> Result<(), Error>;
    /// A nation's name at one Games.
    fn nation(&self, games: usize, noc: &str) -> String;
    /// One nation at one Games.
    fn dataset(&self, games: usize, noc: &str) -> Result<Dataset, Error>;
    /// What the source records about one Games (`podium sources`): each format states its own.
    fn records(&self, games: usize) -> Records;
}

impl Collection for Olympics {
    fn games_count(&self) -> usize {
        self.games_list().len()
    }
    fn games_name(&self, games: usize) -> String {
        self.games_list()[games].name.clone()
    }
    fn find_games(&self, choice: &GamesChoice) -> Result<usize, Error> {
        Olympics::find_games(self, choice)
    }
    fn nocs(&self, games: usize) -> Vec<String> {
        Olympics::nocs(self, games)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
    fn check_nocs(&self, games: usize, nocs: &[String]) -> Result<(), Error> {
        Olympics::check_nocs(self, games, nocs)
    }
    fn nation(&self, games: usize, noc: &str) -> String {
        Olympics::nation(self, games, noc)
    }
    fn dataset(&self, games: usize, noc: &str) -> Result<Dataset, Error> {
        Olympics::dataset(self, games, noc)
    }
    fn records(&self, games: usize) -> Records {
        Olympics::records(self, games)
    }
}

/// The Paris 2024 folder holds one Games, number 0.
impl Collection for Paris {
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
        Paris::nocs(self)
    }
    fn check_nocs(&self, _: usize, nocs: &[String]) -> Result<(), Error> {
        Paris::check_nocs(self, nocs)
    }
    fn nation(&self, _: usize, noc: &str) -> String {
        Paris::nation(self, noc)
    }
    fn dataset(&self, _: usize, noc: &str) -> Result<Dataset, Error> {
        Paris::dataset(self, noc)
    }
    fn records(&self, _: usize) -> Records {
        Paris::records(self)
    }
}

/// A usage error for each NOC asked for that had no athletes at the one Games a folder holds
/// (`present`, sorted; `held_in`: `2024 Summer in paris-2024`), naming the nearest codes that did.
pub fn check_present(
    nocs: &[String],
    present: &[String],
    held_in: &str,
    nation: impl Fn(&str) -> String,
) -> Result<(), Error> {
    let mut problems = Vec::new();
    for noc in nocs.iter().filter(|n| present.binary_search(n).is_err()) {
        let mut nearest: Vec<&String> = present.iter().collect();
        nearest.sort_by_key(|code| (crate::source::kaggle::distance(code, noc), *code));
        let names: Vec<String> = nearest
            .iter()
            .take(5)
            .map(|code| format!("{code} ({})", nation(code)))
            .collect();
        problems.push(format!(
            "{} had no athletes at {held_in}; nearest first: {} (of {} NOCs)",
            crate::error::quoted(noc),
            names.join(", "),
            present.len()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Usage(problems.join("\n")))
    }
}
