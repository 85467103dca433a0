//! Input formats, each turning files into the same checked `Dataset` and the `Coverage` that says
//! what it knows.
//!
//! One module per format: `native` (the files of `data/`, built in or from a directory),
//! `kaggle` (`athlete_events.csv`) and `paris` (the Paris 2024 folder). `csv` is the CSV reading
//! they share; `ledger` the world revision ledger; `collection` what a batch asks of a format holding
//! every nation; `sources` several of them at once. A new format is one new
//! module, one variant of `Source` and one arm in `dataset`.

pub mod collection;
pub mod csv;
pub mod kaggle;
pub mod ledger;
pub mod native;
pub mod paris;
pub mod sources;

use crate::date::Date;
use crate::error::Error;
use crate::model::Dataset;

/// Where a dataset comes from, in one of the formats podium reads.
#[derive(Debug, Clone)]
pub enum Source {
    /// The native format: the built-in dataset, a directory of the same files, or files in memory.
    Native(native::Files),
    /// One nation at one Games of a Kaggle `athlete_events.csv`.
    Kaggle(kaggle::Pick),
    /// One nation at Paris 2024, from the Kaggle Paris 2024 folder.
    Paris(paris::Pick),
    /// One nation at one Games from several of the above (`--from` given more than once), its
    /// history joined across them.
    Several(sources::Pick),
}

/// Reads and checks the dataset a source names, with medals now as `now` asks. The one place
/// where a format is chosen.
pub fn dataset(source: &Source, now: &ledger::NowView) -> Result<Dataset, Error> {
    let data = match source {
        Source::Native(files) => native::at(native::dataset(files)?, now.as_of),
        Source::Kaggle(pick) => kaggle::dataset(pick, now),
        Source::Paris(pick) => paris::dataset(pick, now),
        Source::Several(pick) => sources::dataset(pick, now),
    }?;
    if let Some(as_of) = now.as_of {
        games_ended_by(&data, as_of)?;
    }
    Ok(data)
}

/// What `--from PATH` names, told by what the path holds: a folder whose files have the Paris 2024
/// headers, or else a file (the Kaggle athlete_events.csv, whose header its reader checks). A
/// folder holding none of the Paris files is a usage error naming what was expected.
pub fn is_paris_folder(path: &std::path::Path) -> Result<bool, Error> {
    if !path.is_dir() {
        return Ok(false);
    }
    if paris::recognise(path) {
        Ok(true)
    } else {
        Err(Error::Usage(format!(
            "{} is a folder holding none of the files podium reads; expected {}, or the Kaggle athlete_events.csv itself",
            path.display(),
            paris::expected()
        )))
    }
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
