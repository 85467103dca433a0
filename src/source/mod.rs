//! Input formats, each turning files into the same checked `Dataset` and the `Coverage` that says
//! what it knows.
//!
//! One module per format: `native` (the files of `data/`, built in or from a directory),
//! `kaggle` (`athlete_events.csv`) and `paris` (the Paris 2024 folder). `open` is the one place
//! a path's format is recognised (by what its files hold, never by a name); `Opened::read` the one
//! place a source is read with the world revision ledger applied (`ledger`, one algorithm behind
//! `ledger::Matcher`, which each format implements). `collection` is what every command asks of a
//! source holding many nations; `records` what each format says it records (`podium sources`);
//! `sources` several of them joined; `csv` the CSV reading they share. A new format is one new
//! module, one variant of `Format`, and its arms in `Opened`.

pub mod build;
pub mod collection;
pub mod csv;
pub mod kaggle;
pub mod ledger;
pub mod native;
pub mod olympics_com;
pub mod paris;
pub mod records;
pub mod sources;

use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::error::Error;
use crate::model::Dataset;
use collection::Collection;
use kaggle::{GamesChoice, Olympics};
use ledger::{Ledger, NowView};
use olympics_com::OlympicsCom;
use paris::Paris;

/// Where a dataset comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The native format: the built-in dataset, a directory of the same files, or files in memory.
    Native(native::Files),
    /// One nation at one Games from one or more opened sources (`--from`, once or more), its
    /// history joined across them.
    From(Pick),
}

/// One nation at one Games: what `--from` (once or more), `--noc` and `--games` name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// The sources, in the order given.
    pub sources: Vec<Opened>,
    /// `noc_regions.csv` for the Kaggle files, when named.
    pub regions: Option<PathBuf>,
    /// The nation's NOC code, in capitals.
    pub noc: String,
    /// The Games asked for: needed unless the one source holds a single Games.
    pub games: Option<GamesChoice>,
}

/// The formats a path given as `--from` can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The Kaggle "120 years of Olympic history" `athlete_events.csv`, every Games to 2016.
    Kaggle,
    /// The Kaggle "Paris 2024 Olympic Summer Games" folder.
    Paris,
    /// A folder of the other olympics.com sets of the same author (Tokyo 2020, Beijing 2022,
    /// Milano Cortina 2026).
    OlympicsCom(olympics_com::Set),
}

impl Format {
    /// The one Games a folder of this kind holds (`None`: a file of many Games).
    pub fn only_games(self) -> Option<&'static str> {
        match self {
            Format::Kaggle => None,
            Format::Paris => Some(paris::GAMES),
            Format::OlympicsCom(set) => Some(set.games()),
        }
    }

    /// The format's name in JSON: `kaggle`, `paris`, `tokyo-2020`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Kaggle => "kaggle",
            Self::Paris => "paris",
            Self::OlympicsCom(set) => set.id(),
        }
    }

    /// What podium recognised a path as, in words (`podium sources`).
    pub fn describe(self) -> &'static str {
        match self {
            Self::Kaggle => {
                "a file, read as the Kaggle \"120 years of Olympic history\" athlete_events.csv"
            }
            Self::Paris => {
                "the Kaggle \"Paris 2024 Olympic Summer Games\" folder (olympics.com data)"
            }
            Self::OlympicsCom(set) => set.title(),
        }
    }
}

/// A path whose format is known: what `open` recognised it as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub path: PathBuf,
    pub format: Format,
}

/// Recognises what `path` holds: a folder whose files have the Paris 2024 headers, or else a
/// file (the Kaggle athlete_events.csv, whose header its reader checks). A folder holding none of
/// the files podium reads is a usage error naming what was expected. The one place a format is
/// chosen.
pub fn open(path: &Path) -> Result<Opened, Error> {
    let format = if !path.is_dir() {
        Format::Kaggle
    } else if let Some(set) = olympics_com::recognise(path)? {
        // Before Paris: the 2026 folder's schedules.csv has the columns Paris reads from its own.
        Format::OlympicsCom(set)
    } else if paris::recognise(path) {
        Format::Paris
    } else {
        return Err(Error::Usage(format!(
            "{} is a folder holding none of the files podium reads; expected {}; or {}; or the Kaggle athlete_events.csv itself",
            path.display(),
            paris::expected(),
            olympics_com::expected()
        )));
    };
    Ok(Opened {
        path: path.to_path_buf(),
        format,
    })
}

impl Opened {
    /// Reads the whole source, with `ledger` applied at `as_of` (`None`: the ledger's own date).
    pub fn read(
        &self,
        regions: Option<&Path>,
        ledger: &Ledger,
        as_of: Option<Date>,
    ) -> Result<Box<dyn Collection>, Error> {
        Ok(match self.format {
            Format::Paris => {
                let mut folder = Paris::read(&self.path)?;
                folder.revise(ledger, as_of)?;
                Box::new(folder)
            }
            Format::OlympicsCom(set) => {
                let mut folder = OlympicsCom::read(&self.path, set)?;
                folder.revise(ledger, as_of)?;
                Box::new(folder)
            }
            Format::Kaggle => {
                let mut file = Olympics::read(&self.path, regions)?;
                file.revise(ledger, as_of)?;
                Box::new(file)
            }
        })
    }

    /// One nation at one Games of this source alone. The Kaggle file reads only what the
    /// briefing needs (`kaggle::dataset`, a fifth of the file); any other source is read whole.
    fn dataset(&self, pick: &Pick, now: &NowView) -> Result<Dataset, Error> {
        if let (Format::Kaggle, Some(games)) = (self.format, &pick.games) {
            let focused = kaggle::Pick {
                file: self.path.clone(),
                regions: pick.regions.clone(),
                noc: pick.noc.clone(),
                games: games.clone(),
            };
            return kaggle::dataset(&focused, now);
        }
        let ledger = Ledger::read(&now.ledger)?;
        let read = self.read(pick.regions.as_deref(), &ledger, now.as_of)?;
        let games = match &pick.games {
            Some(choice) => read.find_games(choice)?,
            None if read.games_count() == 1 => 0,
            None => {
                return Err(Error::Usage(
                    "--from needs the nation and the Games: --noc CODE and --games \"2012 Summer\" (or --year 2012 --season summer)".into(),
                ));
            }
        };
        read.dataset(games, &pick.noc)
    }
}

/// Reads every source given, with the world revision ledger `now` names applied, joined into one
/// collection when there are several; with the label a batch gives them (`a.csv and paris-2024`).
pub fn collection(
    sources: &[Opened],
    regions: Option<&Path>,
    now: &NowView,
) -> Result<(Box<dyn Collection>, String), Error> {
    let ledger = Ledger::read(&now.ledger)?;
    if let [one] = sources {
        let label = one.path.display().to_string();
        return Ok((one.read(regions, &ledger, now.as_of)?, label));
    }
    let joined = sources::Sources::read(sources, regions, &ledger, now.as_of)?;
    let label = joined.label();
    Ok((Box::new(joined), label))
}

/// Reads and checks the dataset a source names, with medals now as `now` asks.
pub fn dataset(source: &Source, now: &NowView) -> Result<Dataset, Error> {
    let data = match source {
        Source::Native(files) => native::at(native::dataset(files)?, now.as_of),
        Source::From(pick) => match pick.sources.as_slice() {
            [one] => one.dataset(pick, now),
            _ => sources::dataset(pick, now),
        },
    }?;
    if let Some(as_of) = now.as_of {
        games_ended_by(&data, as_of)?;
    }
    Ok(data)
}

/// Refuses a date for the "now" view before the Games ended: there were no medals to revise yet.
/// Without the Games' dates (the Kaggle file) only a date before their year is known to be early.
fn games_ended_by(data: &Dataset, as_of: Date) -> Result<(), Error> {
    let d = &data.delegation;
    let (ended, said) = match d.closing {
        Some(closing) => (closing, format!("ended on {closing}")),
        None => match Date::new(d.year, 1, 1) {
            Some(start) => (start, format!("were held in {}", d.year)),
            None => return Ok(()),
        },
    };
    if as_of < ended {
        return Err(Error::Usage(format!(
            "--as-of {as_of} is before the {} Games {said}: there were no medals to revise yet; give a date from {ended} on",
            d.games
        )));
    }
    Ok(())
}
