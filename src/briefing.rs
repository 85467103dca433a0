//! One briefing in memory: the PDF, the chart images and the JSON statistics, rendered from one
//! `Stats` before anything is written, and the folder it goes into.

use std::path::{Path, PathBuf};

use crate::charts::ChartId;
use crate::cli::{ImageFormat, Size};
use crate::error::Error;
use crate::report::{self, Paper};
use crate::stats::{self, Stats};
use crate::{png, save, svg};

/// The statistics as pretty JSON with a final newline.
pub fn stats_json(stats: &Stats) -> Result<String, Error> {
    stats::json(stats).map_err(Error::Json)
}

/// One briefing, rendered: its files (paths relative to its folder) and what was left out.
#[derive(Debug)]
pub struct Briefing {
    /// `briefing.pdf`, `charts/<chart>.svg`, `stats.json`, in that order.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Charts not drawn, with the reason.
    pub skipped: Vec<(ChartId, String)>,
    /// Characters the shipped font cannot show.
    pub missing_glyphs: Vec<char>,
    /// Pages in the PDF.
    pub pages: usize,
}

/// How writing a briefing would change one file of its folder (`Briefing::changes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The file is not there yet.
    New,
    /// The file is there with other bytes.
    Changed,
    /// The file is there and would be removed: a chart whose data has gone.
    Stale,
}

impl Change {
    /// `new`, `changed`, `stale`: the word `--check` lists the file with.
    pub fn word(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Changed => "changed",
            Self::Stale => "stale",
        }
    }
}

impl Briefing {
    /// Renders the PDF, the chart SVGs and the JSON statistics, in memory.
    pub fn render(stats: &Stats, paper: Paper, date: i64) -> Result<Self, Error> {
        let rendered = report::pdf_checked(stats, report::ReportOptions { paper, date })
            .map_err(Error::Pdf)?;
        let charts = draw_charts(stats, &ChartId::ALL, Size::SLIDE, ImageFormat::Svg)?;
        let mut files = vec![(PathBuf::from("briefing.pdf"), rendered.bytes)];
        for chart in charts.drawn {
            files.push((
                Path::new("charts").join(format!("{}.svg", chart.id)),
                chart.bytes,
            ));
        }
        files.push((PathBuf::from("stats.json"), stats_json(stats)?.into_bytes()));
        Ok(Self {
            files,
            skipped: charts.skipped,
            missing_glyphs: rendered.missing_glyphs,
            pages: rendered.pages,
        })
    }

    /// What writing this briefing into `dir` (`write`, then `remove_stale`) would change, without
    /// writing anything: each file that is new or holds other bytes, and each stale chart that
    /// would be removed; in that order, paths under `dir`. Empty when the folder is up to date.
    pub fn changes(&self, dir: &Path) -> Vec<(PathBuf, Change)> {
        let mut changes = Vec::new();
        for (name, bytes) in &self.files {
            let path = dir.join(name);
            if save::holds(&path, bytes) {
                continue;
            }
            let change = if path.exists() {
                Change::Changed
            } else {
                Change::New
            };
            changes.push((path, change));
        }
        for (id, _) in &self.skipped {
            let stale = dir.join("charts").join(format!("{id}.svg"));
            if stale.exists() {
                changes.push((stale, Change::Stale));
            }
        }
        changes
    }

    /// Writes every file into `dir`, each atomically; returns the paths and whether each changed.
    pub fn write(&self, dir: &Path) -> Result<Vec<(PathBuf, bool)>, Error> {
        let paths: Vec<PathBuf> = self.files.iter().map(|(name, _)| dir.join(name)).collect();
        let files: Vec<(&Path, &[u8])> = paths
            .iter()
            .zip(&self.files)
            .map(|(path, (_, bytes))| (path.as_path(), bytes.as_slice()))
            .collect();
        let changed = save::many_if_changed(&files)?;
        Ok(paths.into_iter().zip(changed).collect())
    }

    /// Removes the SVG of each chart left out this time that an earlier run drew.
    pub fn remove_stale(&self, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        let mut removed = Vec::new();
        for (id, _) in &self.skipped {
            let stale = dir.join("charts").join(format!("{id}.svg"));
            if save::remove_stale(&stale)? {
                removed.push(stale);
            }
        }
        Ok(removed)
    }
}

/// The folder of one briefing under the output directory: `kazakhstan-2012-summer`. Only letters
/// and digits from the data reach the path, so no value can point outside the output directory.
pub fn briefing_dir(out: &Path, s: &Stats) -> PathBuf {
    briefing_dir_for(out, &s.delegation.nation, &s.delegation.games)
}

/// The folder for a nation's name and a Games' name, as `briefing_dir` makes it: each part cut on
/// its own, so a long nation name never cuts the Games off.
pub fn briefing_dir_for(out: &Path, nation: &str, games: &str) -> PathBuf {
    let nation = slug(nation, 60);
    let games = slug(games, 30);
    let name = match (nation.is_empty(), games.is_empty()) {
        (true, true) => "delegation".to_owned(),
        (false, true) => nation,
        (true, false) => format!("delegation-{games}"),
        (false, false) => format!("{nation}-{games}"),
    };
    out.join(name)
}

/// Lowercase letters and digits with single dashes between words, at most `max` bytes (file
/// systems limit a name to 255), cut on a character boundary.
fn slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut end = slug.len().min(max);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    slug[..end].trim_end_matches('-').to_owned()
}

/// One chart, drawn: which, and its bytes.
#[derive(Debug)]
pub struct Drawn {
    pub id: ChartId,
    pub bytes: Vec<u8>,
}

/// The charts drawn, and those left out because their data is absent, with the reason.
#[derive(Debug, Default)]
pub struct ChartSet {
    pub drawn: Vec<Drawn>,
    pub skipped: Vec<(ChartId, String)>,
}

/// Draws the charts asked for; a chart whose data is absent is skipped with its reason, never drawn
/// empty.
pub fn draw_charts(
    s: &Stats,
    ids: &[ChartId],
    size: Size,
    format: ImageFormat,
) -> Result<ChartSet, Error> {
    let mut set = ChartSet::default();
    for &id in ids {
        if let Some(reason) = id.absent(s) {
            set.skipped.push((id, reason));
            continue;
        }
        let svg = svg::chart(id, s, (size.width, size.height))
            .map_err(|source| Error::Chart { id, source })?;
        let bytes = match format {
            ImageFormat::Svg => svg.into_bytes(),
            ImageFormat::Png => {
                png::from_svg(&svg).map_err(|problem| Error::Png { id, problem })?
            }
        };
        set.drawn.push(Drawn { id, bytes });
    }
    Ok(set)
}
