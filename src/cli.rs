//! The command line, as clap derive types. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::charts::{ChartId, SLIDE};

/// Turn an Olympic team's data into a printable PDF briefing and charts for slides.
///
/// Without a subcommand, podium writes the briefing of the built-in dataset (Kazakhstan at the
/// 2012 Summer Olympics in London) into output/, as `podium report` does.
#[derive(Debug, Parser)]
#[command(name = "podium", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute and print the statistics: medals as awarded and now, ranks, team, ages, history,
    /// and the reconciliation of published figures.
    Stats(StatsArgs),
    /// Draw the charts for slides: one SVG (or PNG) per chart in <OUT>/<nation>-<games>/charts/.
    Charts(ChartsArgs),
    /// Write the briefing: <OUT>/<nation>-<games>/briefing.pdf, the charts beside it (charts/)
    /// and stats.json. Dates in the PDF come from SOURCE_DATE_EPOCH when it is set.
    Report(ReportArgs),
    /// Brief every nation at a Games from the Kaggle athlete_events.csv, the Paris 2024 folder, or
    /// several of them: one folder per nation as `report` writes it, the sources read once,
    /// nations rendered in parallel.
    Batch(BatchArgs),
    /// Say what each source is and what it can give, before asking for a briefing: the format
    /// recognised, the Games it holds, which fields it records at each (sex, birth dates, ages,
    /// events, places, medal dates, non-starters, the Games' dates), and every problem found in
    /// reading it whole. Exits with 65 after the whole report when a source has problems in its
    /// data (74 when one cannot be read).
    Sources(SourcesArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SourcesArgs {
    /// A source, as `report` and `batch` take it: the Kaggle athlete_events.csv or a folder such
    /// as the Paris 2024 one; repeat it to describe several.
    #[arg(long, value_name = "PATH", required = true)]
    pub from: Vec<PathBuf>,

    /// noc_regions.csv (by default, the one beside --from when there is one).
    #[arg(long, value_name = "PATH")]
    pub regions: Option<PathBuf>,

    /// Output format: a readable report, or JSON for scripts (field names are stable).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Which Games to read from a Kaggle file.
#[derive(Debug, Clone, Default, Args)]
pub struct GamesArgs {
    /// The Games, as in the file's Games column: "2012 Summer".
    #[arg(long, value_name = "GAMES", conflicts_with_all = ["year", "season"])]
    pub games: Option<String>,

    /// The Games' year (with --season), instead of --games.
    #[arg(long, requires = "season")]
    pub year: Option<i32>,

    /// The Games' season (with --year).
    #[arg(long, value_enum, ignore_case = true, requires = "year")]
    pub season: Option<Season>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Season {
    Summer,
    Winter,
}

#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// The Kaggle "120 years of Olympic history" athlete_events.csv, or the Paris 2024 folder;
    /// repeat it to brief from several at once (each Games from the one that holds it).
    #[arg(long, value_name = "PATH", required = true)]
    pub from: Vec<PathBuf>,

    /// noc_regions.csv (by default, the one beside --from when there is one).
    #[arg(long, value_name = "PATH")]
    pub regions: Option<PathBuf>,

    #[command(flatten)]
    pub games: GamesArgs,

    /// Every Games in the file (in every source given), instead of one.
    #[arg(long, conflicts_with_all = ["games", "year", "season"])]
    pub all_games: bool,

    /// Only these nations (repeat the option or separate codes with commas); all by default.
    #[arg(long, value_name = "CODE", value_delimiter = ',', num_args = 1..)]
    pub noc: Vec<String>,

    /// The directory that holds one folder per briefing.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,

    /// Paper size.
    #[arg(long, value_enum, default_value_t = PaperSize::A4)]
    pub paper: PaperSize,

    /// The PDF standards the briefing keeps: tagged PDF/UA-1 always; a-2b or a-2a add PDF/A-2
    /// for archives.
    #[arg(long, value_enum, default_value_t = PdfStandard::Ua1, ignore_case = true)]
    pub pdf_standard: PdfStandard,

    /// Briefings rendered at once (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,

    /// Render everything and write nothing: list every file that would change (new, changed,
    /// stale, and index.json) and exit with 3 if any would, 0 if none.
    #[arg(long)]
    pub check: bool,

    /// Progress on standard error: a bar, plain lines at every tenth of the way, or one JSON
    /// object per finished briefing; auto is the bar on a terminal and plain lines otherwise.
    #[arg(long, value_enum, default_value_t = Progress::Auto)]
    pub progress: Progress,

    #[command(flatten)]
    pub now: NowArgs,
}

/// How a batch shows its progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Progress {
    Auto,
    Bar,
    Plain,
    Json,
}

/// Which revisions the "now" medal view takes in.
#[derive(Debug, Clone, Default, Args)]
pub struct NowArgs {
    /// Medals now as they stood on this day, YYYY-MM-DD: changes decided later are left out
    /// (default: the date of the revision ledger, or of the dataset).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,

    /// Read the world revision ledger from this CSV (same columns as data/ledger.csv) instead of
    /// the built-in one (with a Kaggle file).
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// The directory that holds one folder per briefing.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,

    /// Paper size.
    #[arg(long, value_enum, default_value_t = PaperSize::A4)]
    pub paper: PaperSize,

    /// The PDF standards the briefing keeps: tagged PDF/UA-1 always; a-2b or a-2a add PDF/A-2
    /// for archives.
    #[arg(long, value_enum, default_value_t = PdfStandard::Ua1, ignore_case = true)]
    pub pdf_standard: PdfStandard,
}

impl Default for ReportArgs {
    fn default() -> Self {
        Self {
            data: DataArgs::default(),
            out: PathBuf::from("output"),
            paper: PaperSize::A4,
            pdf_standard: PdfStandard::Ua1,
        }
    }
}

/// `--pdf-standard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandard {
    /// PDF/UA-1 (tagged, accessible).
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/UA-1 and PDF/A-2b (archival).
    #[value(name = "a-2b")]
    A2b,
    /// PDF/UA-1 and PDF/A-2a (archival and accessible).
    #[value(name = "a-2a")]
    A2a,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperSize {
    A4,
    Letter,
}

/// Where the dataset comes from.
#[derive(Debug, Clone, Default, Args)]
pub struct DataArgs {
    /// Read the dataset from this directory (same files and format as data/) instead of the
    /// built-in default.
    #[arg(long, value_name = "DIR", conflicts_with = "from")]
    pub data: Option<PathBuf>,

    /// Read one nation at one Games from the Kaggle "120 years of Olympic history"
    /// athlete_events.csv instead (with --noc and --games, or --year and --season), or one
    /// nation from the Kaggle Paris 2024 folder (with --noc). Give it more than once to join
    /// sources: the Games from the one that holds it, the history across all of them.
    #[arg(long, value_name = "PATH")]
    pub from: Vec<PathBuf>,

    /// noc_regions.csv (by default, the one beside --from when there is one).
    #[arg(long, value_name = "PATH", requires = "from")]
    pub regions: Option<PathBuf>,

    /// The nation's NOC code, such as KAZ (with --from).
    #[arg(long, value_name = "CODE", requires = "from")]
    pub noc: Option<String>,

    #[command(flatten)]
    pub games: GamesArgs,

    #[command(flatten)]
    pub now: NowArgs,
}

#[derive(Debug, Clone, Default, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Output format: a readable summary, or JSON for machines (field names are stable).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ChartsArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// The directory that holds one folder per briefing.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,

    /// Image size in pixels (16:9 suits slides).
    #[arg(long, value_name = "WIDTHxHEIGHT", default_value = "1600x900", value_parser = parse_size)]
    pub size: Size,

    /// Draw only these charts (repeat the option or separate names with commas).
    #[arg(long, value_name = "NAME", value_delimiter = ',', num_args = 1..)]
    pub only: Vec<ChartId>,

    /// Image format: SVG (text stays text), or PNG for tools that do not take SVG.
    #[arg(long, value_enum, default_value_t = ImageFormat::Svg)]
    pub format: ImageFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }
}

/// A size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    /// The slide canvas every chart is designed for, and the default `--size`.
    pub const SLIDE: Size = Size {
        width: SLIDE.0,
        height: SLIDE.1,
    };
}

/// Parses `WIDTHxHEIGHT`, each from 320 to 8000 pixels.
pub fn parse_size(text: &str) -> Result<Size, String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT such as 1600x900, got {text:?}"))?;
    let side = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=8000).contains(n))
            .ok_or_else(|| {
                format!("each side must be a whole number of pixels from 320 to 8000, got {v:?}")
            })
    };
    Ok(Size {
        width: side(w)?,
        height: side(h)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(
            parse_size("1600x900"),
            Ok(Size {
                width: 1600,
                height: 900
            })
        );
        assert_eq!(parse_size("1920X1080").map(|s| s.width), Ok(1920));
        // The default written in the help text is the slide canvas.
        let charts = Cli::try_parse_from(["podium", "charts"]).unwrap();
        let Some(Command::Charts(args)) = charts.command else {
            panic!("not the charts command")
        };
        assert_eq!(args.size, Size::SLIDE);
        for bad in ["1600", "0x900", "1600x9000000", "axb", "-1x5"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
