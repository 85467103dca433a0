//! podium: an Olympic team's data in, a briefing out.
//!
//! The pipeline, one stage per module: `load` (files to raw rows) → `validate` (raw rows to a
//! checked `Dataset`) → `stats` (the `Dataset` to one `Stats` value) → renderers that return text
//! or bytes (`summary` for the terminal, JSON through serde, `charts` drawn by `svg` and `png`)
//! → `save`, the only module that writes files.

pub mod charts;
pub mod cli;
pub mod date;
pub mod error;
pub mod fonts;
pub mod load;
pub mod model;
pub mod png;
pub mod report;
pub mod save;
pub mod stats;
pub mod summary;
pub mod svg;
pub mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};

use charts::ChartId;
use cli::{
    ChartsArgs, Cli, Command, DataArgs, Format, ImageFormat, PaperSize, ReportArgs, StatsArgs,
};
use error::Error;
use load::DataSource;
use model::Dataset;
use stats::Stats;

/// Reads and checks a dataset.
pub fn dataset(source: &DataSource) -> Result<Dataset, Error> {
    if let DataSource::Dir(dir) = source {
        if !dir.is_dir() {
            let problem = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
            return Err(Error::io(
                dir,
                std::fs::metadata(dir).err().unwrap_or(problem),
            ));
        }
    }
    validate::dataset(load::read(source)?)
}

fn stats_of(args: &DataArgs) -> Result<Stats, Error> {
    let source = args
        .data
        .clone()
        .map_or(DataSource::BuiltIn, DataSource::Dir);
    Ok(stats::compute(&dataset(&source)?))
}

/// Runs one command, writing its normal output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Error> {
    let text = match cli.command {
        Some(Command::Stats(args)) => stats_command(&args)?,
        Some(Command::Charts(args)) => charts_command(&args)?,
        Some(Command::Report(args)) => report_command(&args)?,
        // The main job: the briefing of the default dataset.
        None => report_command(&ReportArgs::default())?,
    };
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
    let mut json = serde_json::to_string_pretty(stats)
        .map_err(|e| Error::Other(format!("cannot encode the statistics as JSON: {e}")))?;
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
    let paper = match args.paper {
        PaperSize::A4 => report::A4,
        PaperSize::Letter => report::LETTER,
    };
    // Everything is rendered before anything is written.
    let rendered = report::pdf_checked(&stats, report::ReportOptions { paper, date })
        .map_err(|e| Error::Other(format!("cannot make the PDF: {e}")))?;
    let pdf = rendered.bytes;
    let charts = draw_charts(
        &stats,
        &ChartId::ALL,
        cli::Size {
            width: 1600,
            height: 900,
        },
        ImageFormat::Svg,
    )?;
    let json = stats_json(&stats)?;
    let dir = briefing_dir(&args.out, &stats);
    let mut written = vec![(dir.join("briefing.pdf"), pdf)];
    for chart in charts.drawn {
        written.push((
            dir.join("charts").join(format!("{}.svg", chart.id)),
            chart.bytes,
        ));
    }
    written.push((dir.join("stats.json"), json.into_bytes()));
    let mut report = String::new();
    for (path, bytes) in &written {
        save::atomically(path, bytes)?;
        report.push_str(&format!("wrote {}\n", path.display()));
    }
    if !rendered.missing_glyphs.is_empty() {
        let chars: String = rendered
            .missing_glyphs
            .iter()
            .map(|c| format!(" {c} (U+{:04X})", u32::from(*c)))
            .collect();
        report.push_str(&format!(
            "warning: the shipped font has no glyph for{chars}; the PDF shows a blank box for each\n"
        ));
    }
    for (id, reason) in &charts.skipped {
        report.push_str(&format!("skipped chart {id}: {reason}\n"));
        let stale = dir.join("charts").join(format!("{id}.svg"));
        if save::remove_stale(&stale)? {
            report.push_str(&format!(
                "removed {}, drawn by an earlier run\n",
                stale.display()
            ));
        }
    }
    Ok(report)
}

/// The folder of one briefing under the output directory: `kazakhstan-2012-summer`. Only letters
/// and digits from the data reach the path, so no value can point outside the output directory.
pub fn briefing_dir(out: &Path, s: &Stats) -> PathBuf {
    let raw = format!("{}-{}", s.delegation.nation, s.delegation.games);
    let mut slug = String::new();
    for c in raw.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    // File systems limit a name to 255 bytes: keep it well short of that, on a character boundary.
    let mut end = slug.len().min(80);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    let slug = slug[..end].trim_end_matches('-');
    out.join(if slug.is_empty() { "delegation" } else { slug })
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
            .map_err(|e| Error::Other(format!("cannot draw the chart {id}: {e}")))?;
        let bytes = match format {
            ImageFormat::Svg => svg.into_bytes(),
            ImageFormat::Png => png::from_svg(&svg)
                .map_err(|e| Error::Other(format!("cannot render the chart {id} as PNG: {e}")))?,
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
