//! podium: an Olympic team's data in, a briefing out.
//!
//! The pipeline, one stage per module: `source` (files in each input format to a checked
//! `Dataset`) → `stats` (the `Dataset` to one `Stats` value) → renderers that return text
//! or bytes (`summary` for the terminal, JSON through serde, `charts` drawn by `svg` and `png`)
//! → `save`, the only module that writes files.

pub mod app;
pub mod charts;
pub mod cli;
pub mod date;
pub mod error;
pub mod fonts;
pub mod interrupt;
pub mod model;
pub mod png;
pub mod report;
pub mod save;
pub mod source;
pub mod stats;
pub mod summary;
pub mod svg;

use std::io::Write;
use std::path::{Path, PathBuf};

use charts::ChartId;
use cli::{
    ChartsArgs, Cli, Command, DataArgs, Format, ImageFormat, PaperSize, ReportArgs, StatsArgs,
};
use error::Error;
use model::Dataset;
use source::Source;
use source::kaggle::Pick;
use source::native::Files;
use stats::Stats;

/// The dataset the data options name: the built-in one, a native directory (`--data`), or one
/// nation at one Games of a Kaggle file (`--from`).
pub fn dataset_of(args: &DataArgs) -> Result<Dataset, Error> {
    let Some(from) = &args.from else {
        if args.noc.is_some() || args.games.choice().is_some() {
            return Err(Error::Usage(
                "--noc, --games, --year and --season go with --from PATH (a Kaggle athlete_events.csv)".into(),
            ));
        }
        let files = args.data.clone().map_or(Files::BuiltIn, Files::Dir);
        return source::dataset(&Source::Native(files));
    };
    let (Some(noc), Some(games)) = (&args.noc, args.games.choice()) else {
        return Err(Error::Usage(
            "--from needs the nation and the Games: --noc CODE and --games \"2012 Summer\" (or --year 2012 --season summer)".into(),
        ));
    };
    source::dataset(&Source::Kaggle(Pick {
        file: from.clone(),
        regions: args.regions.clone(),
        noc: noc.trim().to_uppercase(),
        games,
    }))
}

fn stats_of(args: &DataArgs) -> Result<Stats, Error> {
    Ok(stats::compute(&dataset_of(args)?))
}

/// Runs one command, writing its normal output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Error> {
    let text = match cli.command {
        Some(Command::Stats(args)) => stats_command(&args)?,
        Some(Command::Charts(args)) => charts_command(&args)?,
        Some(Command::Report(args)) => report_command(&args)?,
        Some(Command::Batch(args)) => app::batch::run(&args)?,
        // The main job: the briefing of the default dataset.
        None => report_command(&ReportArgs::default())?,
    };
    if interrupt::requested() {
        // The work was short enough to finish; say so, and exit as interrupted.
        return Err(Error::Interrupted(text));
    }
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

fn stats_command(args: &StatsArgs) -> Result<String, Error> {
    let stats = stats_of(&args.data)?;
    match args.format {
        Format::Table => Ok(summary::render(&stats)),
        Format::Json => stats_json(&stats),
    }
}

/// The statistics as pretty JSON with a final newline.
pub fn stats_json(stats: &Stats) -> Result<String, Error> {
    let fail = Error::Json;
    // Without decisions after the Games there is no "now" view: null, not a copy of as awarded.
    // Only then does the value go through a JSON tree to be edited; the usual case is written
    // straight from the statistics.
    let mut json = if stats.coverage.revisions {
        serde_json::to_string_pretty(stats).map_err(fail)?
    } else {
        let mut value = serde_json::to_value(stats).map_err(fail)?;
        if let Some(object) = value.as_object_mut() {
            object.insert("now".into(), serde_json::Value::Null);
            if let Some(lines) = object.get_mut("medal_list").and_then(|l| l.as_array_mut()) {
                for line in lines {
                    if let Some(line) = line.as_object_mut() {
                        line.insert("now".into(), serde_json::Value::Null);
                    }
                }
            }
        }
        serde_json::to_string_pretty(&value).map_err(fail)?
    };
    json.push('\n');
    Ok(json)
}

/// The date for documents: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.
pub fn document_date() -> Result<i64, Error> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|t| (0..=253_402_300_799).contains(t))
            .ok_or_else(|| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {text:?}"
                ))
            }),
        Err(_) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)),
    }
}

fn report_command(args: &ReportArgs) -> Result<String, Error> {
    let date = document_date()?;
    let stats = stats_of(&args.data)?;
    // Everything is rendered before anything is written.
    let briefing = Briefing::render(&stats, args.paper, date)?;
    let dir = briefing_dir(&args.out, &stats);
    let mut report = String::new();
    for (path, changed) in briefing.write(&dir)? {
        let verb = if changed { "wrote" } else { "unchanged" };
        report.push_str(&format!("{verb} {}\n", path.display()));
    }
    if !briefing.missing_glyphs.is_empty() {
        let chars: String = briefing
            .missing_glyphs
            .iter()
            .map(|c| format!(" {c} (U+{:04X})", u32::from(*c)))
            .collect();
        report.push_str(&format!(
            "warning: the shipped font has no glyph for{chars}; the PDF shows a blank box for each\n"
        ));
    }
    for (id, reason) in &briefing.skipped {
        report.push_str(&format!("skipped chart {id}: {reason}\n"));
    }
    for stale in briefing.remove_stale(&dir)? {
        report.push_str(&format!(
            "removed {}, drawn by an earlier run\n",
            stale.display()
        ));
    }
    Ok(report)
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
}

impl Briefing {
    /// Renders the PDF, the chart SVGs and the JSON statistics, in memory.
    pub fn render(stats: &Stats, paper: PaperSize, date: i64) -> Result<Self, Error> {
        let paper = match paper {
            PaperSize::A4 => report::A4,
            PaperSize::Letter => report::LETTER,
        };
        let rendered = report::pdf_checked(stats, report::ReportOptions { paper, date })
            .map_err(Error::Pdf)?;
        let charts = draw_charts(
            stats,
            &ChartId::ALL,
            cli::Size {
                width: 1600,
                height: 900,
            },
            ImageFormat::Svg,
        )?;
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
        })
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
    size: cli::Size,
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

fn charts_command(args: &ChartsArgs) -> Result<String, Error> {
    let stats = stats_of(&args.data)?;
    let ids: Vec<ChartId> = if args.only.is_empty() {
        ChartId::ALL.to_vec()
    } else {
        let mut ids = args.only.clone();
        ids.sort();
        ids.dedup();
        ids
    };
    // Everything is drawn before anything is written, so bad data or a drawing failure leaves
    // the folder as it was; each file is then replaced atomically.
    let set = draw_charts(&stats, &ids, args.size, args.format)?;
    let dir = briefing_dir(&args.out, &stats).join("charts");
    let mut report = String::new();
    for chart in &set.drawn {
        let path = dir.join(format!("{}.{}", chart.id, args.format.extension()));
        save::atomically(&path, &chart.bytes)?;
        report.push_str(&format!("wrote {}\n", path.display()));
    }
    for (id, reason) in &set.skipped {
        report.push_str(&format!("skipped {id}: {reason}\n"));
        let stale = dir.join(format!("{id}.{}", args.format.extension()));
        if save::remove_stale(&stale)? {
            report.push_str(&format!(
                "removed {}, drawn by an earlier run\n",
                stale.display()
            ));
        }
    }
    Ok(report)
}
