//! `podium sources`: for each source, what podium recognised it as, the Games it holds, which
//! fields it records at each (as the format states them, `Collection::records`), and every
//! problem found reading it whole, as a briefing would report them. The whole report is printed
//! first; then a source with problems makes the command fail (65 for problems in the data, the
//! code of the first other failure otherwise), so that a CI job stops on data it cannot brief.

use serde::Serialize;

use crate::config::ListSources;
use crate::error::{DataError, Error, exit};
use crate::source::Opened;
use crate::source::ledger::Ledger;
use crate::source::records::{Recorded, Records};

/// The report on every source.
#[derive(Debug, Serialize)]
struct Report {
    sources: Vec<Described>,
}

/// One source: its format, its Games, its problems.
#[derive(Debug, Serialize)]
struct Described {
    path: String,
    /// `kaggle`, `paris`.
    format: &'static str,
    recognised_as: &'static str,
    /// Empty when the source could not be read.
    games: Vec<GamesRecords>,
    /// The problems shown (podium shows the first ones of many).
    problems: Vec<Problem>,
    /// How many problems were found in all.
    problems_total: usize,
    /// The exit code the problems call for; `None` when there are none.
    #[serde(skip)]
    code: Option<i32>,
}

/// What the source records about one of its Games.
#[derive(Debug, Serialize)]
struct GamesRecords {
    name: String,
    nocs: usize,
    #[serde(flatten)]
    records: Records,
}

/// One problem, located as precisely as podium locates it.
#[derive(Debug, Serialize)]
struct Problem {
    file: Option<String>,
    line: Option<u64>,
    field: Option<String>,
    value: Option<String>,
    problem: String,
    /// The whole message, as podium prints it.
    message: String,
}

impl From<&DataError> for Problem {
    fn from(e: &DataError) -> Self {
        Self {
            file: Some(e.file.clone()),
            line: e.line,
            field: e.field.clone(),
            value: e.value.clone(),
            problem: e.problem.clone(),
            message: e.to_string(),
        }
    }
}

/// The report's text, and the error to exit with after printing it when a source has problems.
pub fn run(config: &ListSources) -> Result<(String, Option<Error>), Error> {
    let ledger = Ledger::built_in()?;
    let sources: Vec<Described> = config
        .sources
        .iter()
        .map(|s| describe(s, config, &ledger))
        .collect();
    let failing: Vec<i32> = sources.iter().filter_map(|s| s.code).collect();
    let failure = (!failing.is_empty()).then(|| Error::SourceProblems {
        with: failing.len(),
        of: sources.len(),
        code: if failing.contains(&exit::DATA) {
            exit::DATA
        } else {
            failing[0]
        },
    });
    let report = Report { sources };
    let text = if config.json {
        let mut json = serde_json::to_string_pretty(&report).map_err(Error::Json)?;
        json.push('\n');
        json
    } else {
        text(&report)
    };
    Ok((text, failure))
}

/// Reads one source whole, with the world revision ledger applied as a briefing applies it.
fn describe(source: &Opened, config: &ListSources, ledger: &Ledger) -> Described {
    let mut described = Described {
        path: source.path.display().to_string(),
        format: source.format.id(),
        recognised_as: source.format.describe(),
        games: Vec::new(),
        problems: Vec::new(),
        problems_total: 0,
        code: None,
    };
    match source.read(config.regions.as_deref(), ledger, None) {
        Ok(collection) => {
            described.games = (0..collection.games_count())
                .map(|g| GamesRecords {
                    name: collection.games_name(g),
                    nocs: collection.nocs(g).len(),
                    records: collection.records(g),
                })
                .collect();
        }
        Err(e) => {
            described.code = Some(e.exit_code());
            match &e {
                Error::Data(shown) => {
                    described.problems = shown.iter().map(Problem::from).collect();
                    described.problems_total = shown.len();
                }
                Error::ManyData { shown, total } => {
                    described.problems = shown.iter().map(Problem::from).collect();
                    described.problems_total = *total;
                }
                other => {
                    described.problems = vec![Problem {
                        file: None,
                        line: None,
                        field: None,
                        value: None,
                        problem: other.to_string(),
                        message: other.to_string(),
                    }];
                    described.problems_total = 1;
                }
            }
        }
    }
    described
}

/// The readable report: per source, what it is, a table of its Games and the fields recorded at
/// each, then its problems.
fn text(report: &Report) -> String {
    let mut out = String::new();
    for (i, s) in report.sources.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}\n  recognised as {}\n",
            s.path, s.recognised_as
        ));
        match s.games.as_slice() {
            [] if s.code.is_some() => {
                out.push_str("  its Games are not known: it could not be read\n")
            }
            [] => out.push_str("  it holds no Games\n"),
            [one] => out.push_str(&format!("  it holds one Games, {}\n", one.name)),
            [first, .., last] => out.push_str(&format!(
                "  it holds {} Games, {} to {}\n",
                s.games.len(),
                first.name,
                last.name
            )),
        }
        if !s.games.is_empty() {
            out.push('\n');
            out.push_str(&table(&s.games));
        }
        out.push('\n');
        out.push_str(&problems(s));
    }
    out.push_str(
        "\nyes: recorded for every athlete (or event); a percentage: for that share of the athletes; no: not recorded.\n",
    );
    out
}

/// One line per Games, a column per field; numbers to the right, words to the left.
fn table(games: &[GamesRecords]) -> String {
    let mut rows: Vec<Vec<String>> = vec![
        ["Games", "NOCs", "athletes"]
            .into_iter()
            .chain(Records::FIELDS)
            .map(str::to_owned)
            .collect(),
    ];
    for g in games {
        let mut row = vec![
            g.name.clone(),
            g.nocs.to_string(),
            g.records.athletes.to_string(),
        ];
        row.extend(g.records.list().into_iter().map(Recorded::cell));
        rows.push(row);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| match c {
                1 | 2 => format!("{cell:>w$}", w = widths[c]),
                _ => format!("{cell:<w$}", w = widths[c]),
            })
            .collect();
        out.push_str(&format!("  {}\n", cells.join("  ").trim_end()));
    }
    out
}

/// The problems of one source, as podium reports them, or that there are none.
fn problems(s: &Described) -> String {
    if s.problems.is_empty() {
        return "  no problems found\n".to_owned();
    }
    let mut out = if s.problems_total > s.problems.len() {
        format!(
            "  {} problems, the first {} shown:\n",
            s.problems_total,
            s.problems.len()
        )
    } else if s.problems_total == 1 {
        "  1 problem:\n".to_owned()
    } else {
        format!("  {} problems:\n", s.problems_total)
    };
    for p in &s.problems {
        out.push_str(&format!("    {}\n", p.message));
    }
    out
}
