//! The checked configuration: the command line, turned once into plain values that later stages
//! use without checking again (as ripgrep's `HiArgs` and hyperfine's `Options` are built).
//!
//! Every usage error clap cannot catch is raised here, before anything is read: option
//! combinations, the nation and Games a Kaggle source needs, `SOURCE_DATE_EPOCH`. What can only be
//! checked against the data (a NOC or Games not in the file) is checked where the data is read.

use std::path::PathBuf;

use crate::charts::ChartId;
use crate::cli::{
    BatchArgs, ChartsArgs, Cli, Command, DataArgs, Format, GamesArgs, ImageFormat, NowArgs,
    PaperSize, PdfStandard, Progress, ReportArgs, Season, Size, StatsArgs,
};
use crate::date::Date;
use crate::error::Error;
use crate::report::{self, Paper, Standard};
use crate::source::kaggle::GamesChoice;
use crate::source::ledger::{Choice, NowView};
use crate::source::native::Files;
use crate::source::{self, Opened, Pick, Source};

mod sources;
pub use sources::ListSources;

/// One command, with everything it needs checked.
#[derive(Debug)]
pub enum Config {
    /// `podium stats`.
    Stats(PrintStats),
    /// `podium charts`.
    Charts(DrawCharts),
    /// `podium report`, and `podium` alone.
    Report(WriteReport),
    /// `podium batch`.
    Batch(RunBatch),
    /// `podium sources`.
    Sources(ListSources),
}

/// Print the statistics of one dataset.
#[derive(Debug)]
pub struct PrintStats {
    pub source: Source,
    /// The ledger and date of the "now" view.
    pub now: NowView,
    pub format: StatsFormat,
}

/// How `podium stats` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsFormat {
    /// A readable summary, no line wider than `width` characters (the terminal's, or
    /// `summary::PIPE_WIDTH` when standard output is not a terminal).
    Summary { width: usize },
    /// Pretty JSON with stable field names.
    Json,
}

/// Draw the charts of one dataset into `<out>/<nation>-<games>/charts/`.
#[derive(Debug)]
pub struct DrawCharts {
    pub source: Source,
    /// The ledger and date of the "now" view.
    pub now: NowView,
    pub out: PathBuf,
    pub size: Size,
    /// The charts to draw: sorted, each once.
    pub ids: Vec<ChartId>,
    pub format: ImageFormat,
}

/// Write the briefing of one dataset into `<out>/<nation>-<games>/`.
#[derive(Debug)]
pub struct WriteReport {
    pub source: Source,
    /// The ledger and date of the "now" view.
    pub now: NowView,
    pub out: PathBuf,
    pub paper: Paper,
    /// Seconds since 1970 for the documents' dates (`SOURCE_DATE_EPOCH`); `None`: the date the
    /// data stands at (`briefing::document_date`).
    pub date: Option<i64>,
    pub standard: Standard,
}

/// Brief many nations from one Kaggle file or Paris 2024 folder, or from several at once.
#[derive(Debug)]
pub struct RunBatch {
    /// `athlete_events.csv` or the Paris 2024 folder, recognised; several, in the order given.
    pub sources: Vec<Opened>,
    /// `noc_regions.csv`, when named.
    pub regions: Option<PathBuf>,
    pub games: BatchGames,
    /// The nations asked for, in capitals, sorted, each once; empty for every nation.
    pub nocs: Vec<String>,
    pub out: PathBuf,
    pub paper: Paper,
    pub standard: Standard,
    /// Briefings rendered at once.
    pub workers: usize,
    /// The ledger and date of the "now" view.
    pub now: NowView,
    /// Seconds since 1970 for the documents' dates (`SOURCE_DATE_EPOCH`); `None`: the date the
    /// data stands at (`briefing::document_date`).
    pub date: Option<i64>,
    /// Render and compare only: write nothing, list what would change (`--check`).
    pub check: bool,
    pub progress: ProgressMode,
}

/// How a batch shows its progress on standard error, `--progress auto` resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A bar redrawn in place (a terminal).
    Bar,
    /// A line at every tenth of the way (CI logs).
    Plain,
    /// One JSON object per finished briefing, on its own line.
    Json,
}

impl ProgressMode {
    /// `auto` is the bar on a terminal (unless `CI` is set) and plain lines otherwise.
    fn from_cli(progress: Progress) -> Self {
        match progress {
            Progress::Bar => Self::Bar,
            Progress::Plain => Self::Plain,
            Progress::Json => Self::Json,
            Progress::Auto => {
                use std::io::IsTerminal;
                if std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() {
                    Self::Bar
                } else {
                    Self::Plain
                }
            }
        }
    }
}

/// The Games a batch covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchGames {
    One(GamesChoice),
    All,
}

impl Config {
    /// Checks the command line and builds the configuration of the command it names.
    pub fn from_cli(cli: Cli) -> Result<Self, Error> {
        match cli.command {
            Some(Command::Stats(args)) => PrintStats::new(&args).map(Self::Stats),
            Some(Command::Charts(args)) => DrawCharts::new(&args).map(Self::Charts),
            Some(Command::Report(args)) => WriteReport::new(&args).map(Self::Report),
            Some(Command::Batch(args)) => RunBatch::new(&args).map(Self::Batch),
            Some(Command::Sources(args)) => ListSources::new(&args).map(Self::Sources),
            // The main job: the briefing of the default dataset.
            None => WriteReport::new(&ReportArgs::default()).map(Self::Report),
        }
    }
}

impl PrintStats {
    fn new(args: &StatsArgs) -> Result<Self, Error> {
        Ok(Self {
            source: source(&args.data)?,
            now: now_view(&args.data.now, !args.data.from.is_empty())?,
            format: match args.format {
                Format::Table => StatsFormat::Summary {
                    width: summary_width(),
                },
                Format::Json => StatsFormat::Json,
            },
        })
    }
}

/// The width of the terminal the summary is printed on, or a fixed one when it goes to a file or
/// a pipe.
fn summary_width() -> usize {
    use std::io::IsTerminal;
    crate::summary::width(
        std::io::stdout().is_terminal(),
        std::env::var("COLUMNS").ok().as_deref(),
        crate::summary::terminal_columns,
    )
}

impl DrawCharts {
    fn new(args: &ChartsArgs) -> Result<Self, Error> {
        let ids = if args.only.is_empty() {
            ChartId::ALL.to_vec()
        } else {
            let mut ids = args.only.clone();
            ids.sort();
            ids.dedup();
            ids
        };
        Ok(Self {
            source: source(&args.data)?,
            now: now_view(&args.data.now, !args.data.from.is_empty())?,
            out: out_dir(&args.out)?,
            size: args.size,
            ids,
            format: args.format,
        })
    }
}

impl WriteReport {
    fn new(args: &ReportArgs) -> Result<Self, Error> {
        // The date is checked first, as a bad SOURCE_DATE_EPOCH concerns every run.
        let date = document_date()?;
        Ok(Self {
            source: source(&args.data)?,
            now: now_view(&args.data.now, !args.data.from.is_empty())?,
            out: out_dir(&args.out)?,
            paper: paper(args.paper),
            date,
            standard: standard(args.pdf_standard),
        })
    }
}

impl RunBatch {
    fn new(args: &BatchArgs) -> Result<Self, Error> {
        let date = document_date()?;
        // The Paris 2024 folder holds one Games: without --games, that one (when it is the only
        // source).
        let sources = args
            .from
            .iter()
            .map(|from| source::open(from))
            .collect::<Result<Vec<Opened>, Error>>()?;
        let only = match sources.as_slice() {
            [one] => one.format.only_games(),
            _ => None,
        };
        let games = if args.all_games {
            BatchGames::All
        } else {
            let only = only.map(|games| GamesChoice::Name(games.to_owned()));
            BatchGames::One(games_choice(&args.games).or(only).ok_or_else(|| {
                Error::Usage(
                    "batch needs the Games: --games \"2012 Summer\" (or --year 2012 --season summer), or --all-games".into(),
                )
            })?)
        };
        let mut nocs: Vec<String> = args.noc.iter().map(|n| noc(n)).collect();
        nocs.sort();
        nocs.dedup();
        let workers = args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            usize::from,
        );
        Ok(Self {
            sources,
            regions: args.regions.clone(),
            games,
            nocs,
            out: out_dir(&args.out)?,
            paper: paper(args.paper),
            standard: standard(args.pdf_standard),
            workers,
            now: now_view(&args.now, true)?,
            date,
            check: args.check,
            progress: ProgressMode::from_cli(args.progress),
        })
    }
}

/// The dataset the data options name: the built-in one, a native directory (`--data`), or one
/// nation at one Games of the sources `--from` names.
fn source(args: &DataArgs) -> Result<Source, Error> {
    let [from] = args.from.as_slice() else {
        if args.from.len() > 1 {
            return several(args);
        }
        if args.noc.is_some() || games_choice(&args.games).is_some() {
            return Err(Error::Usage(
                "--noc, --games, --year and --season go with --from PATH (a Kaggle athlete_events.csv)".into(),
            ));
        }
        let files = args.data.clone().map_or(Files::BuiltIn, Files::Dir);
        return Ok(Source::Native(files));
    };
    let opened = source::open(from)?;
    let games = games_choice(&args.games);
    let code = match (opened.format, &args.noc) {
        (source::Format::Paris, None) => {
            return Err(Error::Usage(
                "--from DIR (the Paris 2024 folder) needs the nation: --noc CODE".into(),
            ));
        }
        (source::Format::OlympicsCom(set), None) => {
            return Err(Error::Usage(format!(
                "--from DIR (a {} folder) needs the nation: --noc CODE",
                set.games()
            )));
        }
        (source::Format::Paris | source::Format::OlympicsCom(_), Some(code)) => code,
        (source::Format::Kaggle, Some(code)) if games.is_some() => code,
        (source::Format::Kaggle, _) => {
            // A path that is not there is the first thing to say: what it would need depends on
            // what it is.
            if let Err(source) = std::fs::metadata(from) {
                return Err(Error::Io {
                    path: from.clone(),
                    source,
                });
            }
            return Err(Error::Usage(
                "--from needs the nation and the Games: --noc CODE and --games \"2012 Summer\" (or --year 2012 --season summer)".into(),
            ));
        }
    };
    Ok(Source::From(Pick {
        sources: vec![opened],
        regions: args.regions.clone(),
        noc: noc(code),
        games,
    }))
}

/// One nation at one Games from several sources: every path recognised now (a folder holding none
/// of the files podium reads is refused before anything is read); the nation and the Games are
/// needed.
fn several(args: &DataArgs) -> Result<Source, Error> {
    let sources = args
        .from
        .iter()
        .map(|from| source::open(from))
        .collect::<Result<Vec<Opened>, Error>>()?;
    let (Some(code), Some(games)) = (&args.noc, games_choice(&args.games)) else {
        return Err(Error::Usage(
            "several --from need the nation and the Games: --noc CODE and --games \"2024 Summer\" (or --year 2024 --season summer)".into(),
        ));
    };
    Ok(Source::From(Pick {
        sources,
        regions: args.regions.clone(),
        noc: noc(code),
        games: Some(games),
    }))
}

/// The "now" view `--as-of` and `--ledger` ask for. The world ledger applies to a Kaggle file
/// (`kaggle`); a native dataset carries its own.
fn now_view(args: &NowArgs, kaggle: bool) -> Result<NowView, Error> {
    let as_of = match &args.as_of {
        Some(text) => Some(Date::parse(text.trim()).ok_or_else(|| {
            Error::Usage(format!(
                "--as-of takes a day as YYYY-MM-DD, such as 2016-01-01; got {}",
                crate::error::quoted(text)
            ))
        })?),
        None => None,
    };
    let ledger = match &args.ledger {
        Some(_) if !kaggle => {
            return Err(Error::Usage(
                "--ledger goes with --from PATH (a Kaggle athlete_events.csv); a dataset in the format of data/ carries its own revisions.csv".into(),
            ));
        }
        Some(path) => Choice::File(path.clone()),
        None => Choice::BuiltIn,
    };
    Ok(NowView { ledger, as_of })
}

/// A NOC code as the data writes it: `kaz ` is KAZ.
fn noc(code: &str) -> String {
    code.trim().to_uppercase()
}

/// The Games asked for, if any.
fn games_choice(args: &GamesArgs) -> Option<GamesChoice> {
    match (&args.games, args.year, args.season) {
        (Some(name), _, _) => Some(GamesChoice::Name(name.clone())),
        (None, Some(year), Some(season)) => Some(GamesChoice::YearSeason(
            year,
            match season {
                Season::Summer => "Summer",
                Season::Winter => "Winter",
            }
            .to_owned(),
        )),
        _ => None,
    }
}

fn standard(choice: PdfStandard) -> Standard {
    match choice {
        PdfStandard::Ua1 => Standard::Ua1,
        PdfStandard::A2b => Standard::A2b,
        PdfStandard::A2a => Standard::A2a,
    }
}

fn paper(size: PaperSize) -> Paper {
    match size {
        PaperSize::A4 => report::A4,
        PaperSize::Letter => report::LETTER,
    }
}

/// `--out`, refused before anything is read or rendered when it cannot be a folder: a file or a
/// device (a batch would render every nation and then fail each one), or a link to nothing (which
/// making the folder reports as "File exists").
fn out_dir(out: &std::path::Path) -> Result<PathBuf, Error> {
    let problem = |text: String| {
        Err(Error::io(
            out,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, text),
        ))
    };
    match (std::fs::symlink_metadata(out), std::fs::metadata(out)) {
        (Ok(link), Err(_)) if link.file_type().is_symlink() => {
            let target = std::fs::read_link(out).unwrap_or_default();
            problem(format!(
                "it is a link to {}, which does not exist; make that folder, or give --out another folder",
                target.display()
            ))
        }
        (_, Ok(meta)) if !meta.is_dir() => {
            problem("it is not a folder; --out names the folder the briefings go into".to_owned())
        }
        _ => Ok(out.to_path_buf()),
    }
}

/// The date for documents: SOURCE_DATE_EPOCH when set (reproducible builds); otherwise `None`,
/// and the briefing takes the date its data stands at, so that the same data gives the same bytes.
fn document_date() -> Result<Option<i64>, Error> {
    /// The last second of the year 9999: PDF dates have four digits for the year.
    const LAST: i64 = 253_402_300_799;
    let Ok(text) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    // Set but empty is unset, as for most tools that read it.
    if text.trim().is_empty() {
        return Ok(None);
    }
    let digits = text.trim().trim_start_matches('-');
    let whole = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    match text.trim().parse::<i64>() {
        Ok(t) if (0..=LAST).contains(&t) => Ok(Some(t)),
        // Out of range, including a number too long for 64 bits.
        Ok(_) | Err(_) if whole => Err(Error::Usage(format!(
            "SOURCE_DATE_EPOCH must be from 0 (1970) to {LAST} (the end of the year 9999, as a PDF date has four digits for the year), got {text:?}"
        ))),
        _ => Err(Error::Usage(format!(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {text:?}"
        ))),
    }
}

#[cfg(test)]
mod tests;
