//! `index.pdf`, a batch's front page: per Games, the all-nation medal table as awarded and now,
//! each nation linking to its own briefing by a path relative to the index (so the links work
//! wherever the folder is copied or unzipped); for many Games a contents list first; then the
//! nations not briefed and why. Laid out and tagged like a briefing.

use super::document::{Align, Block, Para, Row, Table, col};
use super::layout::{self, Target};
use super::pdf as writer;
use super::{Rendered, ReportOptions, render};
use crate::index::{GamesTable, Index, TableRow};
use crate::text::plural;

/// Shares of the body width: rank, nation, four medal columns, then the same for now.
const RANK: f32 = 0.075;
const NATION: f32 = 0.21;
const MEDAL: f32 = 0.08;

/// The index of a batch as PDF bytes.
pub fn pdf(index: &Index, options: ReportOptions) -> Result<Rendered, String> {
    let title = title(index);
    let running = layout::Running {
        header: format!("{title} · index"),
        footer: format!(
            "podium · each nation links to its briefing · {}",
            options.paper.name
        ),
    };
    let meta = writer::Meta {
        title: title.clone(),
        subject: format!(
            "The medal tables of {}, as awarded and now, each nation linking to its briefing",
            games_words(index)
        ),
        keywords: vec!["Olympics".into(), "medal table".into(), "index".into()],
        creator: format!("podium {}", env!("CARGO_PKG_VERSION")),
        language: "en-GB".into(),
        date: options.date,
        standard: options.standard,
    };
    render(&blocks(index, &title), options.paper, &running, &meta, None)
}

/// `2012 Summer`, or `51 Games`.
fn games_words(index: &Index) -> String {
    match index.games.as_slice() {
        [one] => one.games.clone(),
        many => plural(many.len() as u32, "Games", "Games"),
    }
}

fn title(index: &Index) -> String {
    format!("Briefings: {}", games_words(index))
}

/// Every block of the index.
fn blocks(index: &Index, title: &str) -> Vec<Block> {
    let mut b = vec![Block::Title {
        title: title.to_owned(),
        subtitle: format!("podium batch from {}", index.from),
    }];
    let briefed = index.briefings.len() as u32;
    let mut lead = format!(
        "{} of {}. Every nation briefed links to its briefing, in the folder beside this file: those with a medal from the medal table, the others from the list after it.",
        plural(briefed, "briefing", "briefings"),
        games_words(index)
    );
    if !index.skipped.is_empty() || !index.failed.is_empty() {
        lead.push_str(&format!(
            " {} skipped and {} failed: see the last section.",
            index.skipped.len(),
            index.failed.len()
        ));
    }
    b.push(Block::Paragraph(lead, Para::Lead));
    if index.games.len() > 1 {
        // No heading of its own: the title is the H1 and the Games are the H2s beneath it.
        b.push(Block::Paragraph(
            "Contents: each Games with the page its table begins on.".into(),
            Para::Body,
        ));
        b.push(Block::Contents(index.games.iter().map(heading).collect()));
        b.push(Block::PageBreak);
    }
    for games in &index.games {
        b.push(Block::Heading(heading(games)));
        b.push(medal_table(games));
        if let Some(rest) = without_medals(index, games) {
            b.push(rest);
        }
    }
    if !index.skipped.is_empty() || !index.failed.is_empty() {
        b.push(Block::Heading("Not briefed".into()));
        b.extend(not_briefed(index));
    }
    b
}

/// `1896 Summer, Athens`: the city tells apart headings that would otherwise differ only in
/// their year (and read as running heads to a checker).
fn heading(games: &GamesTable) -> String {
    if games.city.is_empty() {
        games.games.clone()
    } else {
        format!("{}, {}", games.games, games.city)
    }
}

/// One Games' table: every nation ranked, as awarded and (when recorded) now, each nation
/// linking to its briefing. Nations with medals only now come after the rest, in their rank now.
fn medal_table(games: &GamesTable) -> Block {
    let now = games.now.as_deref();
    let mut columns = vec![
        col("Rank", RANK - 0.005, Align::Right),
        col("Nation", NATION, Align::Left),
        col("Gold", MEDAL, Align::Right),
        col("Silver", MEDAL, Align::Right),
        col("Bronze", MEDAL, Align::Right),
        col("Total", MEDAL, Align::Right),
    ];
    if now.is_some() {
        columns.extend([
            col("Rank now", RANK, Align::Right),
            col("Gold now", MEDAL, Align::Right),
            col("Silver now", MEDAL, Align::Right),
            col("Bronze now", MEDAL, Align::Right),
            col("Total now", MEDAL, Align::Right),
        ]);
    }
    let find = |noc: &str| now.and_then(|t| t.iter().find(|r| r.noc == noc));
    let mut lines: Vec<(Option<&TableRow>, Option<&TableRow>)> = games
        .awarded
        .iter()
        .map(|r| (Some(r), find(&r.noc)))
        .collect();
    if let Some(now) = now {
        for r in now {
            if !games.awarded.iter().any(|a| a.noc == r.noc) {
                lines.push((None, Some(r)));
            }
        }
    }
    // A nation absent from a view's table has no medal in it: unranked, with noughts.
    let medals = |r: Option<&TableRow>| -> Vec<String> {
        match r {
            Some(r) => vec![
                r.rank.clone(),
                r.gold.to_string(),
                r.silver.to_string(),
                r.bronze.to_string(),
                r.total.to_string(),
            ],
            None => vec!["–".into(), "0".into(), "0".into(), "0".into(), "0".into()],
        }
    };
    let rows = lines
        .iter()
        .filter_map(|&(awarded, then)| {
            let any = awarded.or(then)?;
            let first = medals(awarded);
            let mut cells = vec![first[0].clone(), format!("{} ({})", any.nation, any.noc)];
            cells.extend(first[1..].iter().cloned());
            if now.is_some() {
                cells.extend(medals(then));
            }
            Some(Row {
                link: any.folder.as_ref().map(|f| (1, briefing_of(f))),
                ..Row::plain(cells)
            })
        })
        .collect();
    let caption = if now.is_some() {
        format!("{}: the medal table as awarded and now", games.games)
    } else {
        format!("{}: the medal table", games.games)
    };
    Block::Table(Table {
        caption,
        bookmark: None,
        columns,
        rows,
    })
}

/// The nations this batch briefed at `games` that are in neither view of its medal table: each
/// linking to its briefing, with its team. `None` when there are none.
fn without_medals(index: &Index, games: &GamesTable) -> Option<Block> {
    let in_table = |noc: &str| {
        games.awarded.iter().any(|r| r.noc == noc)
            || games.now.iter().flatten().any(|r| r.noc == noc)
    };
    let rows: Vec<Row> = index
        .briefings
        .iter()
        .filter(|r| r.games == games.games && !in_table(&r.noc))
        .map(|r| Row {
            link: Some((0, briefing_of(&r.folder))),
            ..Row::plain(vec![
                format!("{} ({})", r.nation, r.noc),
                r.athletes.total.to_string(),
                r.athletes.men.to_string(),
                r.athletes.women.to_string(),
            ])
        })
        .collect();
    (!rows.is_empty()).then(|| {
        Block::Table(Table {
            caption: format!("{}: nations briefed without a medal", games.games),
            bookmark: None,
            columns: vec![
                col("Nation", 0.55, Align::Left),
                col("Athletes", 0.15, Align::Right),
                col("Men", 0.15, Align::Right),
                col("Women", 0.15, Align::Right),
            ],
            rows,
        })
    })
}

/// The nations asked for that were not at a Games, and the briefings that failed.
fn not_briefed(index: &Index) -> Vec<Block> {
    let mut b = Vec::new();
    if !index.skipped.is_empty() {
        b.push(Block::Table(Table {
            caption: "Skipped: not at these Games".into(),
            bookmark: None,
            columns: vec![
                col("NOC", 0.12, Align::Left),
                col("Games", 0.2, Align::Left),
                col("Why", 0.68, Align::Left),
            ],
            rows: index
                .skipped
                .iter()
                .map(|s| Row::plain(vec![s.noc.clone(), s.games.clone(), s.reason.clone()]))
                .collect(),
        }));
    }
    if !index.failed.is_empty() {
        b.push(Block::Table(Table {
            caption: "Failed: no briefing was written".into(),
            bookmark: None,
            columns: vec![
                col("NOC", 0.1, Align::Left),
                col("Games", 0.16, Align::Left),
                col("Exit code", 0.12, Align::Right),
                col("Error", 0.62, Align::Left),
            ],
            rows: index
                .failed
                .iter()
                .map(|f| {
                    Row::plain(vec![
                        f.noc.clone(),
                        f.games.clone(),
                        f.exit_code.to_string(),
                        f.error.clone(),
                    ])
                })
                .collect(),
        }));
    }
    b
}

/// The link to the briefing in `folder`, relative to the index.
fn briefing_of(folder: &str) -> Target {
    Target::File(format!("{folder}/briefing.pdf"))
}

/// The date an index is dated by when `SOURCE_DATE_EPOCH` is not set: the last day of the
/// latest Games' year, so the same batch gives the same bytes.
pub fn data_date(index: &Index) -> i64 {
    let year = index
        .games
        .iter()
        .filter_map(|g| g.games.get(..4)?.parse::<i32>().ok())
        .max()
        .unwrap_or(1970);
    crate::date::Date::new(year, 12, 31).map_or(0, |d| d.days_since_epoch() * 86_400)
}
