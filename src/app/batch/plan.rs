//! What a batch will make: its Games, one job per nation there with its folder, and the nations
//! asked for that were not at some of the Games.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::briefing::{briefing_dir_for, held_by_another};
use crate::config::{BatchGames, RunBatch};
use crate::error::Error;
use crate::index;
use crate::source::collection::Collection;

use super::Job;

/// The batch's Games and jobs, and who was left out.
#[derive(Debug)]
pub(super) struct Plan {
    /// The Games briefed, by index in the source.
    pub games: Vec<usize>,
    /// One per briefing, in the order the report and the index list them.
    pub jobs: Vec<Job>,
    /// Per nation asked for, the Games it was not at (only with `--all-games`).
    pub missed: BTreeMap<String, Vec<String>>,
    /// The same, one entry per nation and Games, for the index.
    pub skipped: Vec<index::Skipped>,
}

impl Plan {
    /// The jobs, and the nations asked for that were not at a Games (only with --all-games: for
    /// one Games an unknown code is a usage error, before anything is written).
    pub fn make(file: &dyn Collection, config: &RunBatch) -> Result<Self, Error> {
        let all_games = config.games == BatchGames::All;
        let games: Vec<usize> = match &config.games {
            BatchGames::All => (0..file.games_count()).collect(),
            BatchGames::One(choice) => vec![file.find_games(choice)?],
        };
        let nocs = &config.nocs;
        let mut plan = Self {
            games: Vec::new(),
            jobs: Vec::new(),
            missed: BTreeMap::new(),
            skipped: Vec::new(),
        };
        for &g in &games {
            let here: Vec<String> = if nocs.is_empty() {
                file.nocs(g)
            } else if all_games {
                plan.present(file, g, nocs)
            } else {
                file.check_nocs(g, nocs)?;
                nocs.clone()
            };
            for noc in here {
                plan.jobs.push(Job {
                    games: g,
                    dir: PathBuf::new(),
                    noc,
                });
            }
        }
        plan.games = games;
        name_folders(file, &config.out, &mut plan.jobs);
        Ok(plan)
    }

    /// Of `nocs`, those at Games `g`; the others are noted as missed and skipped.
    fn present(&mut self, file: &dyn Collection, g: usize, nocs: &[String]) -> Vec<String> {
        let (present, absent): (Vec<String>, Vec<String>) =
            nocs.iter().cloned().partition(|n| file.nocs(g).contains(n));
        for noc in absent {
            self.missed
                .entry(noc.clone())
                .or_default()
                .push(file.games_name(g));
            self.skipped.push(index::Skipped {
                noc,
                games: file.games_name(g),
                reason: "not in the sources at these Games".into(),
            });
        }
        present
    }

    /// One line per nation asked for that was absent from some of the Games: how many, and which
    /// (the first ones, when there are many: a nation can miss dozens).
    pub fn missed_lines(&self) -> Vec<String> {
        const SHOWN: usize = 3;
        let of = self.games.len();
        self.missed
            .iter()
            .map(|(noc, games)| {
                let mut which = games[..games.len().min(SHOWN)].join(", ");
                if games.len() > SHOWN {
                    which.push_str(&format!(" and {} more", games.len() - SHOWN));
                }
                format!(
                    "{noc}: not in the sources at {} of the {of} Games ({which})",
                    games.len()
                )
            })
            .collect()
    }
}

/// Gives each job its folder: `<nation>-<games>`; where two nations of one Games share that, the
/// code goes in front (`kaz-kazakhstan-2012-summer`); and should a name still be taken (data made
/// to collide, or a folder holding another's briefing), a number after it. In job order, so the same data gives the same folders, and no
/// two briefings ever share a folder (their files would race).
fn name_folders(file: &dyn Collection, out: &Path, jobs: &mut [Job]) {
    let games_name = |j: &Job| file.games_name(j.games);
    let plain: Vec<PathBuf> = jobs
        .iter()
        .map(|j| briefing_dir_for(out, &file.nation(j.games, &j.noc), &games_name(j)))
        .collect();
    let mut uses: BTreeMap<&PathBuf, usize> = BTreeMap::new();
    for dir in &plain {
        *uses.entry(dir).or_default() += 1;
    }
    let mut taken: BTreeSet<PathBuf> = BTreeSet::new();
    for (job, dir) in jobs.iter_mut().zip(&plain) {
        let theirs = |d: &Path| held_by_another(d, &job.noc, &games_name(job));
        let mut chosen = if uses[dir] > 1 || theirs(dir) {
            let nation = format!("{} {}", job.noc, file.nation(job.games, &job.noc));
            briefing_dir_for(out, &nation, &games_name(job))
        } else {
            dir.clone()
        };
        let base = chosen.clone();
        let mut n = 2;
        while taken.contains(&chosen) || theirs(&chosen) {
            let name = base
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            chosen = base.with_file_name(format!("{name}-{n}"));
            n += 1;
        }
        taken.insert(chosen.clone());
        job.dir = chosen;
    }
}
