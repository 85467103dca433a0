//! One briefing in memory: the PDF, the chart images and the JSON statistics, rendered from one
//! `Stats` before anything is written, and the folder it goes into.

use std::path::{Path, PathBuf};

use crate::charts::ChartId;
use crate::cli::{ImageFormat, Size};
use crate::error::Error;
use crate::report::{self, Paper, Standard};
use crate::stats::{self, Stats};
use crate::{index, png, save, svg, text};

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
pub enum FileChange {
    /// The file is not there yet.
    New,
    /// The file is there with other bytes.
    Changed,
    /// The file is there and would be removed: a chart whose data has gone.
    Stale,
}

impl FileChange {
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
    /// Renders the PDF, the chart SVGs and the JSON statistics, in memory. `date` is
    /// `SOURCE_DATE_EPOCH`; without it the PDF is dated by `document_date`.
    pub fn render(
        stats: &Stats,
        paper: Paper,
        date: Option<i64>,
        standard: Standard,
    ) -> Result<Self, Error> {
        let date = date.unwrap_or_else(|| document_date(stats));
        let options = report::ReportOptions {
            paper,
            date,
            standard,
        };
        let rendered = report::pdf_checked(stats, options).map_err(Error::Pdf)?;
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

    /// The charts an earlier run may have drawn that this briefing leaves out, relative to its
    /// folder: they go when it is written.
    fn stale(&self) -> Vec<PathBuf> {
        self.skipped
            .iter()
            .map(|(id, _)| Path::new("charts").join(format!("{id}.svg")))
            .collect()
    }

    /// What writing this briefing into `dir` would change (each file new or different, each stale
    /// chart to go), found without writing anything.
    pub fn changes(&self, dir: &Path) -> Result<save::Changes, Error> {
        save::changes(dir, &self.files, &self.stale())
    }

    /// `changes` as `--check` lists them: each file that is new or holds other bytes, then each
    /// stale chart that would go; paths under `dir`. Empty when the folder is up to date.
    pub fn check(&self, dir: &Path) -> Result<Vec<(PathBuf, FileChange)>, Error> {
        let changes = self.changes(dir)?;
        let mut listed: Vec<(PathBuf, FileChange)> = changes
            .files
            .into_iter()
            .filter(|(_, changed)| *changed)
            .map(|(path, _)| {
                let change = if path.exists() {
                    FileChange::Changed
                } else {
                    FileChange::New
                };
                (path, change)
            })
            .collect();
        listed.extend(changes.removed.into_iter().map(|p| (p, FileChange::Stale)));
        Ok(listed)
    }

    /// Writes the briefing into `dir`, the folder changing all at once or not at all (nothing is
    /// touched when nothing differs); returns what changed.
    pub fn write(&self, dir: &Path) -> Result<save::Changes, Error> {
        save::folder(dir, &self.files, &self.stale())
    }

    /// This briefing's record in a batch's index (each file with its SHA-256, the pages), its
    /// folder being `folder`, relative to the batch's output directory.
    pub fn record(&self, stats: &Stats, folder: &Path) -> index::Record {
        index::Record::of(stats, &self.files, self.pages, folder)
    }
}

/// The NOC and Games of the briefing a folder holds, as its stats.json names them; `None` when it
/// holds none (or one podium cannot read as its own).
pub fn owner(dir: &Path) -> Option<(String, String)> {
    let path = dir.join("stats.json");
    // Only a plausible stats.json is read: never a FIFO or a device, never a huge file.
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() < 256 << 20) {
        return None;
    }
    // Read from where the delegation begins, near the top of the file podium writes, and only
    // that object: a rerun of a batch asks this of every folder, and stats.json runs to
    // hundreds of kilobytes.
    #[derive(serde::Deserialize)]
    struct Delegation {
        noc: String,
        games: String,
    }
    let bytes = std::fs::read(&path).ok()?;
    let key = b"\"delegation\":";
    let at = bytes.windows(key.len()).position(|w| w == key)? + key.len();
    let mut objects = serde_json::Deserializer::from_slice(&bytes[at..]).into_iter::<Delegation>();
    let d = objects.next()?.ok()?;
    Some((d.noc, d.games))
}

/// Whether `dir` holds the briefing of another nation or Games than `noc` at `games`.
pub fn held_by_another(dir: &Path, noc: &str, games: &str) -> bool {
    owner(dir).is_some_and(|(n, g)| n != noc || g != games)
}

/// The folder of this briefing under `out`: `briefing_dir`, unless it holds another nation's
/// briefing (two names that reduce to one folder, such as "Cote d'Ivoire" and "Cote-d-Ivoire"):
/// then with the NOC code in front, as a batch names them, and should that be another's too, a
/// number after it. So a briefing never replaces another nation's, and a rerun finds its own.
pub fn folder_of(out: &Path, s: &Stats) -> PathBuf {
    let d = &s.delegation;
    let plain = briefing_dir(out, s);
    if !held_by_another(&plain, &d.noc, &d.games) {
        return plain;
    }
    let base = briefing_dir_for(out, &format!("{} {}", d.noc, d.nation), &d.games);
    let mut chosen = base.clone();
    let mut n = 2;
    while held_by_another(&chosen, &d.noc, &d.games) {
        let name = base
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        chosen = base.with_file_name(format!("{name}-{n}"));
        n += 1;
    }
    chosen
}

/// The date a briefing is dated by when `SOURCE_DATE_EPOCH` is not set, in seconds since 1970: the
/// date its data stands at, so that a rerun on the same data gives the same bytes (and leaves the
/// files alone) whenever it runs. That is the day the "now" view stands at (`--as-of`, the
/// ledger's or the dataset's date), else the Games' closing day, else the last day of their year.
pub fn document_date(s: &Stats) -> i64 {
    let d = &s.delegation;
    let day = d
        .now_as_of
        .map(|p| p.latest())
        .or(d.closing)
        .or_else(|| crate::date::Date::new(d.year, 12, 31));
    day.map_or(0, |day| day.days_since_epoch() * 86_400)
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

/// `text::slug` with accents taken off, at most `max` bytes (file systems limit a name to 255),
/// cut on a character boundary.
fn slug(text: &str, max: usize) -> String {
    let slug = text::slug_with(text, unaccented);
    let mut end = slug.len().min(max);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    slug[..end].trim_end_matches('-').to_owned()
}

/// A Latin letter with a diacritic, in plain ASCII: folder names are the same whichever
/// source spells the nation ("Côte d'Ivoire" in the Paris folder, "Cote d'Ivoire" in the Kaggle
/// file) and travel well in zips and links. Other letters stay as they are.
fn unaccented(c: char) -> Option<&'static str> {
    const TABLE: [(&str, &str); 25] = [
        ("àáâãäåāăą", "a"),
        ("æ", "ae"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("œ", "oe"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ß", "ss"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("þ", "th"),
        ("ð", "d"),
        ("ĳ", "ij"),
    ];
    TABLE
        .iter()
        .find(|(from, _)| from.contains(c))
        .map(|(_, to)| *to)
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
        let svg = svg::chart(id, s, (size.width, size.height)).map_err(|e| Error::Chart {
            chart: id.name(),
            problem: e.to_string(),
        })?;
        let bytes = match format {
            ImageFormat::Svg => svg.into_bytes(),
            ImageFormat::Png => png::from_svg(&svg).map_err(|problem| Error::Png {
                chart: id.name(),
                problem,
            })?,
        };
        set.drawn.push(Drawn { id, bytes });
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_the_same_whichever_source_spells_the_nation() {
        let out = Path::new("out");
        assert_eq!(
            briefing_dir_for(out, "Côte d'Ivoire", "2024 Summer"),
            briefing_dir_for(out, "Cote d'Ivoire", "2024 Summer")
        );
        assert_eq!(
            briefing_dir_for(out, "Türkiye", "2024 Summer"),
            Path::new("out/turkiye-2024-summer")
        );
        assert_eq!(
            briefing_dir_for(out, "São Tomé and Príncipe", "2024 Summer"),
            Path::new("out/sao-tome-and-principe-2024-summer")
        );
        // Letters outside the Latin alphabet stay.
        assert_eq!(
            briefing_dir_for(out, "Ελλάδα", "2004 Summer"),
            Path::new("out/ελλάδα-2004-summer")
        );
    }
}
