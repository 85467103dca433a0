//! The briefing's content: blocks built from `Stats`, in the order of the document. Every figure
//! is read from `Stats`; the sentences are assembled here from those figures.

use crate::charts::ChartId;
use crate::model::{Medal, Status};
use crate::stats::{MedalCount, MedalView, Rank, Stats};

use super::layout::{Align, Block, KeyFigure, Para, Row, Table, col};

/// The section headings, in order; the outline lists the same.
pub const SECTIONS: [&str; 8] = [
    "1 At a glance",
    "2 Medals",
    "3 Medal revisions",
    "4 Team composition",
    "5 Across the Games",
    "6 Results by sport",
    "7 Published figures",
    "8 Data and method",
];

fn row(cells: Vec<String>) -> Row {
    Row {
        cells,
        strong: false,
        indent: false,
    }
}

fn strong(cells: Vec<String>) -> Row {
    Row {
        cells,
        strong: true,
        indent: false,
    }
}

fn sub(cells: Vec<String>) -> Row {
    Row {
        cells,
        strong: false,
        indent: true,
    }
}

fn medal(m: Option<Medal>) -> String {
    m.map_or_else(|| "–".to_owned(), |m| m.name().to_owned())
}

fn slashed(m: MedalCount) -> String {
    format!("{} / {} / {}", m.gold, m.silver, m.bronze)
}

fn words(m: MedalCount) -> String {
    format!("{} gold, {} silver, {} bronze", m.gold, m.silver, m.bronze)
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn rank_text(r: Option<&Rank>) -> String {
    r.map_or_else(
        || "unranked".to_owned(),
        |r| format!("{} of {}", r.ordinal(), r.of),
    )
}

fn now_date(s: &Stats) -> String {
    s.delegation
        .now_as_of
        .map_or_else(|| "the data's date".to_owned(), |d| d.to_string())
}

fn table_date(s: &Stats) -> String {
    s.delegation
        .now_table_as_of
        .or(s.delegation.now_as_of)
        .map_or_else(|| "the data's date".to_owned(), |d| d.to_string())
}

/// A figure when the chart has data; otherwise a sentence saying why there is none.
fn figure(s: &Stats, chart: ChartId, caption: String) -> Block {
    match chart.absent(s) {
        None => Block::Figure { chart, caption },
        Some(reason) => Block::Paragraph(
            format!("No chart of {}: {reason}.", chart.title().to_lowercase()),
            Para::Note,
        ),
    }
}

/// Every block of the briefing.
pub fn blocks(s: &Stats) -> Vec<Block> {
    let mut b = Vec::new();
    cover(s, &mut b);
    medals(s, &mut b);
    revisions(s, &mut b);
    team(s, &mut b);
    history(s, &mut b);
    results(s, &mut b);
    reconciliation(s, &mut b);
    method(s, &mut b);
    b
}

/// The document's title, also its metadata title.
pub fn title(s: &Stats) -> String {
    format!(
        "{} at the {} Olympics",
        s.delegation.nation, s.delegation.games
    )
}

fn cover(s: &Stats, b: &mut Vec<Block>) {
    let d = &s.delegation;
    let t = &s.team;
    b.push(Block::Title {
        title: title(s),
        subtitle: format!(
            "{}{}{} · A briefing",
            if d.edition.is_empty() {
                String::new()
            } else {
                format!("{}, ", d.edition)
            },
            d.city,
            match (d.opening, d.closing) {
                (Some(o), Some(c)) => format!(
                    ", {} {} to {} {}",
                    o.day_month(),
                    o.year(),
                    c.day_month(),
                    c.year()
                ),
                _ => String::new(),
            }
        ),
    });
    b.push(Block::Heading(SECTIONS[0].to_owned()));
    let bearers: Vec<String> = d
        .flag_bearers
        .iter()
        .map(|f| format!("{}: {} ({})", f.ceremony, f.athlete, f.sport))
        .collect();
    let surnames: Vec<String> = d
        .flag_bearers
        .iter()
        .map(|f| {
            f.athlete
                .split_whitespace()
                .last()
                .unwrap_or(&f.athlete)
                .to_owned()
        })
        .collect();
    let mut figures = vec![
        KeyFigure {
            label: "Athletes".into(),
            value: t.athletes.to_string(),
            detail: format!(
                "{} men ({:.1} %), {} women ({:.1} %); {}",
                t.men,
                t.men_share,
                t.women,
                t.women_share,
                if s.coverage.results {
                    format!("{} did not start", t.non_starters.len())
                } else {
                    "starts not in the source".to_owned()
                }
            ),
        },
        KeyFigure {
            label: "Sports".into(),
            value: t.sports.to_string(),
            detail: format!(
                "{} disciplines; {} entries in {} events",
                t.disciplines, t.entries, t.events
            ),
        },
        KeyFigure {
            label: "Flag bearers".into(),
            value: if surnames.is_empty() {
                "not recorded".into()
            } else {
                surnames.join(" · ")
            },
            detail: if !s.coverage.flag_bearers {
                "the source does not record flag bearers".into()
            } else if bearers.is_empty() {
                "the data names no flag bearer".into()
            } else {
                bearers.join("; ")
            },
        },
        KeyFigure {
            label: "Medals as awarded".into(),
            value: s.awarded.totals.total.to_string(),
            detail: format!(
                "{}; {} in the medal table ({} by total medals)",
                words(s.awarded.totals),
                rank_text(s.awarded.rank.as_ref()),
                s.awarded
                    .rank_by_total
                    .as_ref()
                    .map_or_else(|| "unranked".into(), |r| r.display.clone())
            ),
        },
    ];
    figures.push(if s.coverage.revisions {
        KeyFigure {
            label: s
                .delegation
                .now_as_of
                .map_or_else(|| "Medals now".to_owned(), |d| format!("Medals now ({d})")),
            value: s.now.totals.total.to_string(),
            detail: format!(
                "{}; {} in the table as of {}",
                words(s.now.totals),
                rank_text(s.now.rank.as_ref()),
                table_date(s)
            ),
        }
    } else {
        KeyFigure {
            label: "Medals now".into(),
            value: "–".into(),
            detail: "not in the source, which records no decision after the Games".into(),
        }
    });
    let appearance = d
        .appearance
        .map_or_else(|| "–".to_owned(), |n| n.to_string());
    let change = s.history.previous.as_ref().map_or_else(
        || "no earlier Games in the data".to_owned(),
        |p| {
            if s.coverage.revisions {
                format!(
                    "{:+} athletes and {:+} medals now, compared with {} {}",
                    p.athletes, p.medals_now, p.city, p.year
                )
            } else {
                format!(
                    "{:+} athletes and {:+} medals, compared with {} {}",
                    p.athletes,
                    p.medals_awarded.unwrap_or(p.medals_now),
                    p.city,
                    p.year
                )
            }
        },
    );
    figures.push(KeyFigure {
        label: format!("Appearance at the {} Games", d.season),
        value: appearance,
        detail: change,
    });
    b.push(Block::KeyFigures(figures));
    b.push(Block::Subheading("Summary".into()));
    for paragraph in summary(s) {
        b.push(Block::Paragraph(paragraph, Para::Lead));
    }
    b.push(Block::PageBreak);
}

/// The cover's summary: sentences built from the statistics.
fn summary(s: &Stats) -> Vec<String> {
    let d = &s.delegation;
    let t = &s.team;
    let mut out = Vec::new();
    let mut first = format!(
        "{} sent {} to the {} Olympics in {}: {} and {}, in {} and {}.",
        d.nation,
        plural(t.athletes, "athlete", "athletes"),
        d.games,
        d.city,
        plural(t.men, "man", "men"),
        plural(t.women, "woman", "women"),
        plural(t.sports, "sport", "sports"),
        plural(t.disciplines, "discipline", "disciplines")
    );
    if let Some(p) = &s.history.previous {
        let size = match p.athletes {
            0 => format!(" The team was the same size as at {} {}", p.city, p.year),
            n if n < 0 => format!(" The team was {} smaller than at {} {}", -n, p.city, p.year),
            n => format!(" The team was {n} larger than at {} {}", p.city, p.year),
        };
        first.push_str(&size);
        if let Some(r) = s
            .history
            .ranks
            .iter()
            .find(|r| r.measure == "men_share")
            .and_then(|r| r.to_date.as_ref())
        {
            first.push_str(&format!(
                ", and its share of men ({:.1} %) the {} largest of its {} Games up to then.",
                t.men_share,
                r.ordinal(),
                r.of
            ));
        } else {
            first.push('.');
        }
    }
    out.push(first);

    let a = &s.awarded;
    let n = &s.now;
    let mut medals = if a.totals.total == 0 && n.totals.total == 0 {
        format!("{} won no medal.", d.nation)
    } else {
        format!(
            "At the Games it won {} ({})",
            plural(a.totals.total, "medal", "medals"),
            words(a.totals)
        )
    };
    if a.totals.total > 0 {
        if let Some(r) = &a.rank {
            medals.push_str(&format!(", {} in the medal table", r.ordinal()));
        }
        if let Some(r) = s
            .history
            .ranks
            .iter()
            .find(|r| r.measure == "golds_awarded")
            .and_then(|r| r.to_date.as_ref())
        {
            if r.rank == 1 && !s.history.first_appearance && a.totals.gold > 0 {
                medals.push_str(", and more golds than at any of its earlier Games");
            }
        }
        medals.push('.');
    }
    if !s.revisions.changes.is_empty() {
        let r = &s.revisions;
        let mut what = Vec::new();
        if r.stripped > 0 {
            what.push(format!(
                "stripped {}",
                plural(r.stripped, "medal", "medals")
            ));
        }
        if r.gained > 0 {
            what.push(format!(
                "reallocated {} to it",
                plural(r.gained, "medal", "medals")
            ));
        }
        if r.changed_colour > 0 {
            what.push(format!(
                "changed the colour of {}",
                plural(r.changed_colour, "medal", "medals")
            ));
        }
        let what = match what.len() {
            0 => String::new(),
            1 => what[0].clone(),
            k => format!("{} and {}", what[..k - 1].join(", "), what[k - 1]),
        };
        medals.push_str(&format!(
            " Decisions up to {} {what}; it now holds {} ({}){}.",
            now_date(s),
            plural(n.totals.total, "medal", "medals"),
            words(n.totals),
            n.rank.as_ref().map_or_else(String::new, |r| format!(
                ", {} in the table as of {}",
                r.ordinal(),
                table_date(s)
            ))
        ));
    }
    out.push(medals);

    let mut third = Vec::new();
    let best = |v: &MedalView| {
        v.by_sport
            .first()
            .map(|m| (m.sport.clone(), m.medals.total))
    };
    if let Some((sport, count)) = best(a) {
        let now_count = n.in_sport(&sport).total;
        third.push(if s.coverage.revisions {
            format!(
                "Its strongest sport as awarded was {sport}, with {} ({now_count} now).",
                plural(count, "medal", "medals")
            )
        } else {
            format!(
                "Its strongest sport was {sport}, with {}.",
                plural(count, "medal", "medals")
            )
        });
    }
    if let Some(first_gold) = a.medals.iter().find(|m| m.medal == Medal::Gold) {
        let when = first_gold
            .date
            .map_or_else(String::new, |d| format!(" on {}", d.day_month()));
        third.push(format!(
            "The first gold came{when} from {} in the {}.",
            first_gold.athletes.join(" and "),
            first_gold.event.to_lowercase()
        ));
    }
    if let Some(debuts) = s.history.debut_sports.as_ref().filter(|d| !d.is_empty()) {
        // A summary names a few; a long list belongs to section 4.
        third.push(if debuts.len() <= 3 {
            format!(
                "{} made {} debut.",
                debuts.join(" and "),
                if debuts.len() == 1 { "its" } else { "their" }
            )
        } else {
            format!("{} sports made their debut (section 4).", debuts.len())
        });
    }
    if !third.is_empty() {
        out.push(third.join(" "));
    }
    let differ: Vec<&str> = s
        .reconciliation
        .iter()
        .filter(|r| !r.agrees)
        .map(|r| r.claim)
        .collect();
    let lacks = s.coverage.lacks();
    if !lacks.is_empty() {
        out.push(format!(
            "The source does not record {}; the briefing says so where those figures would be.",
            join_and(&lacks)
        ));
    }
    if !s.reconciliation.is_empty() {
        out.push(if differ.is_empty() {
            format!(
                "All {} published figures checked agree with the data.",
                s.reconciliation.len()
            )
        } else {
            format!(
                "Of {} published figures checked, {} differ from the data: {} (section 7).",
                s.reconciliation.len(),
                differ.len(),
                differ.join("; ")
            )
        });
    }
    out
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn medals(s: &Stats, b: &mut Vec<Block>) {
    b.push(Block::Heading(SECTIONS[1].to_owned()));
    if !s.coverage.revisions {
        single_view_medals(s, b);
        return;
    }
    let (a, n) = (&s.awarded, &s.now);
    b.push(Block::Paragraph(
        format!(
            "Two views throughout: medals as awarded at the Games, and medals now, after the decisions in section 3 (as of {}). A crew's or team's medal counts once.",
            now_date(s)
        ),
        Para::Body,
    ));
    if s.medal_list.is_empty() {
        b.push(Block::Paragraph(
            "No medal was won, as awarded or now.".into(),
            Para::Body,
        ));
        return;
    }
    b.push(Block::Table(Table {
        caption: "Medallists, as awarded and now".into(),
        columns: vec![
            col("Date", 0.09, Align::Left),
            col("Athlete", 0.25, Align::Left),
            col("Sport", 0.15, Align::Left),
            col("Event", 0.29, Align::Left),
            col("As awarded", 0.11, Align::Left),
            col("Now", 0.11, Align::Left),
        ],
        rows: s
            .medal_list
            .iter()
            .map(|m| {
                row(vec![
                    m.date.map_or_else(|| "–".into(), |d| d.day_month()),
                    m.athletes.join(", "),
                    m.sport.clone(),
                    m.event.clone(),
                    medal(m.awarded),
                    medal(m.now),
                ])
            })
            .collect(),
    }));
    b.push(figure(
        s,
        ChartId::MedalsBySport,
        "Medals by sport, as awarded and now.".into(),
    ));
    let sports = s.medal_sports();
    let mut rows: Vec<Row> = sports
        .iter()
        .map(|sport| {
            let (x, y) = (a.in_sport(sport), n.in_sport(sport));
            row(vec![
                (*sport).to_owned(),
                slashed(x),
                x.total.to_string(),
                slashed(y),
                y.total.to_string(),
            ])
        })
        .collect();
    rows.push(strong(vec![
        "All sports".into(),
        slashed(a.totals),
        a.totals.total.to_string(),
        slashed(n.totals),
        n.totals.total.to_string(),
    ]));
    b.push(Block::Table(Table {
        caption: "Medals by sport (gold / silver / bronze)".into(),
        columns: vec![
            col("Sport", 0.32, Align::Left),
            col("As awarded", 0.2, Align::Right),
            col("Total", 0.14, Align::Right),
            col("Now", 0.2, Align::Right),
            col("Total", 0.14, Align::Right),
        ],
        rows,
    }));
    b.push(figure(
        s,
        ChartId::MedalsByDay,
        "Medals day by day: the running total over the Games, as awarded and now.".into(),
    ));
    b.push(Block::Table(Table {
        caption: "Medals by day of the medal event".into(),
        columns: vec![
            col("Day", 0.16, Align::Left),
            col("As awarded", 0.24, Align::Right),
            col("Running total", 0.18, Align::Right),
            col("Now", 0.24, Align::Right),
            col("Running total", 0.18, Align::Right),
        ],
        rows: a
            .by_day
            .iter()
            .zip(&n.by_day)
            .filter(|(x, y)| x.medals.total + y.medals.total > 0)
            .map(|(x, y)| {
                row(vec![
                    x.date.day_month(),
                    slashed(x.medals),
                    x.cumulative.total.to_string(),
                    slashed(y.medals),
                    y.cumulative.total.to_string(),
                ])
            })
            .collect(),
    }));
    let by = |v: &MedalView, c: &str| {
        v.by_sex
            .iter()
            .find(|x| x.category == c)
            .map_or_else(MedalCount::default, |x| x.medals)
    };
    let cat = |v: &MedalView, c: &str| {
        v.by_category
            .iter()
            .find(|x| x.category == c)
            .map_or_else(MedalCount::default, |x| x.medals)
    };
    b.push(Block::Table(Table {
        caption: "Medals by sex: by the athletes' sex, and by event (a mixed crew's medal counts for each sex in it)".into(),
        columns: vec![col("", 0.4, Align::Left), col("As awarded", 0.3, Align::Right), col("Now", 0.3, Align::Right)],
        rows: vec![
            row(vec!["Won by men".into(), slashed(by(a, "men")), slashed(by(n, "men"))]),
            row(vec!["Won by women".into(), slashed(by(a, "women")), slashed(by(n, "women"))]),
            row(vec!["In men's events".into(), slashed(cat(a, "men")), slashed(cat(n, "men"))]),
            row(vec!["In women's events".into(), slashed(cat(a, "women")), slashed(cat(n, "women"))]),
            row(vec!["In mixed events".into(), slashed(cat(a, "mixed")), slashed(cat(n, "mixed"))]),
        ],
    }));
    for (label, v) in [("as awarded", a), ("now", n)] {
        b.push(Block::Paragraph(
            multiple_medallists(v, &format!(" {label}")),
            Para::Body,
        ));
    }
    let ranks = format!(
        "In the all-nation table, ranked by golds, then silvers, then bronzes, {} is {} as awarded and {} now (the table as of {}); ranked by total medals, {} and {}.",
        s.delegation.nation,
        rank_text(a.rank.as_ref()),
        rank_text(n.rank.as_ref()),
        table_date(s),
        a.rank_by_total
            .as_ref()
            .map_or_else(|| "unranked".into(), |r| r.display.clone()),
        n.rank_by_total
            .as_ref()
            .map_or_else(|| "unranked".into(), |r| r.display.clone())
    );
    b.push(Block::Paragraph(ranks, Para::Body));
    if !s.delegation.now_table_note.is_empty() {
        b.push(Block::Paragraph(
            format!("The table now: {}", s.delegation.now_table_note),
            Para::Note,
        ));
    }
    b.push(figure(
        s,
        ChartId::TableNeighbourhood,
        "The nations ranked around this one in the medal table, as awarded and now.".into(),
    ));
}

/// "Multiple medallists as awarded: …" (`label` names the view, with its leading space).
fn multiple_medallists(v: &MedalView, label: &str) -> String {
    if v.multiple_medallists.is_empty() {
        return format!("Multiple medallists{label}: none; no athlete holds more than one medal.");
    }
    let names: Vec<String> = v
        .multiple_medallists
        .iter()
        .map(|m| {
            format!(
                "{} ({}: {})",
                m.athlete,
                m.medals.total,
                m.events.join(", ")
            )
        })
        .collect();
    format!("Multiple medallists{label}: {}.", names.join("; "))
}

/// The medals section for a source with one view of the medals (no later decisions recorded).
fn single_view_medals(s: &Stats, b: &mut Vec<Block>) {
    let a = &s.awarded;
    b.push(Block::Paragraph(
        "Medals as the source records them: as awarded at the Games, with such later changes as the source had made by its own date. It records no decisions after the Games, so there is no second view. A crew's or team's medal counts once.".into(),
        Para::Body,
    ));
    if a.medals.is_empty() {
        b.push(Block::Paragraph(
            format!("{} won no medal.", s.delegation.nation),
            Para::Body,
        ));
    } else {
        let dated = s.coverage.medal_dates;
        let mut columns = Vec::new();
        if dated {
            columns.push(col("Date", 0.09, Align::Left));
        }
        columns.extend([
            col("Athlete", if dated { 0.3 } else { 0.34 }, Align::Left),
            col("Sport", 0.16, Align::Left),
            col("Event", if dated { 0.33 } else { 0.38 }, Align::Left),
            col("Medal", 0.12, Align::Left),
        ]);
        b.push(Block::Table(Table {
            caption: "Medallists".into(),
            columns,
            rows: a
                .medals
                .iter()
                .map(|m| {
                    let mut cells = Vec::new();
                    if dated {
                        cells.push(m.date.map_or_else(|| "–".into(), |d| d.day_month()));
                    }
                    cells.extend([
                        m.athletes.join(", "),
                        m.sport.clone(),
                        m.event.clone(),
                        m.medal.name().to_owned(),
                    ]);
                    row(cells)
                })
                .collect(),
        }));
        b.push(figure(s, ChartId::MedalsBySport, "Medals by sport.".into()));
        let mut rows: Vec<Row> = a
            .by_sport
            .iter()
            .map(|m| {
                row(vec![
                    m.sport.clone(),
                    slashed(m.medals),
                    m.medals.total.to_string(),
                ])
            })
            .collect();
        rows.push(strong(vec![
            "All sports".into(),
            slashed(a.totals),
            a.totals.total.to_string(),
        ]));
        b.push(Block::Table(Table {
            caption: "Medals by sport (gold / silver / bronze)".into(),
            columns: vec![
                col("Sport", 0.5, Align::Left),
                col("Medals", 0.3, Align::Right),
                col("Total", 0.2, Align::Right),
            ],
            rows,
        }));
        if !dated {
            b.push(Block::Paragraph(
                "The source records no dates of the medal events, so the medals cannot be shown day by day.".into(),
                Para::Note,
            ));
        }
        let find = |list: &[crate::stats::CategoryMedals], c: &str| {
            list.iter()
                .find(|x| x.category == c)
                .map_or_else(MedalCount::default, |x| x.medals)
        };
        b.push(Block::Table(Table {
            caption: "Medals by sex: by the athletes' sex, and by event (a mixed crew's medal counts for each sex in it)".into(),
            columns: vec![col("", 0.6, Align::Left), col("Medals", 0.4, Align::Right)],
            rows: vec![
                row(vec!["Won by men".into(), slashed(find(&a.by_sex, "men"))]),
                row(vec!["Won by women".into(), slashed(find(&a.by_sex, "women"))]),
                row(vec!["In men's events".into(), slashed(find(&a.by_category, "men"))]),
                row(vec!["In women's events".into(), slashed(find(&a.by_category, "women"))]),
                row(vec!["In mixed events".into(), slashed(find(&a.by_category, "mixed"))]),
            ],
        }));
        b.push(Block::Paragraph(multiple_medallists(a, ""), Para::Body));
    }
    b.push(Block::Paragraph(
        format!(
            "In the all-nation table computed from the same source, ranked by golds, then silvers, then bronzes, {} is {}; ranked by total medals, {}.",
            s.delegation.nation,
            rank_text(a.rank.as_ref()),
            a.rank_by_total
                .as_ref()
                .map_or_else(|| "unranked".into(), |r| r.display.clone()),
        ),
        Para::Body,
    ));
    b.push(figure(
        s,
        ChartId::TableNeighbourhood,
        "The nations ranked around this one in the medal table.".into(),
    ));
}

fn revisions(s: &Stats, b: &mut Vec<Block>) {
    b.push(Block::Heading(SECTIONS[2].to_owned()));
    if !s.coverage.revisions {
        b.push(Block::Paragraph(
            "The source records no decision taken after the Games (disqualifications after re-tests, reallocated medals), so there is no revision ledger and no chart of it. The medals in this briefing are as the source records them; later changes are not in it.".into(),
            Para::Body,
        ));
        return;
    }
    let r = &s.revisions;
    if r.changes.is_empty() {
        b.push(Block::Paragraph(
            "No medal has changed since the Games: the medals now are the medals as awarded."
                .into(),
            Para::Body,
        ));
        return;
    }
    b.push(Block::Paragraph(
        format!(
            "After the Games, {} and {} were reallocated to the delegation, and {} changed colour. Net change: {:+} gold, {:+} silver, {:+} bronze, {:+} in all, from {} as awarded to {} now ({}).",
            plural(r.stripped, "medal was stripped", "medals were stripped"),
            plural(r.gained, "medal", "medals"),
            plural(r.changed_colour, "medal", "medals"),
            r.net.gold,
            r.net.silver,
            r.net.bronze,
            r.net.total,
            s.awarded.totals.total,
            s.now.totals.total,
            now_date(s)
        ),
        Para::Body,
    ));
    b.push(Block::Table(Table {
        caption: "The revision ledger, in the order of the decisions".into(),
        columns: vec![
            col("Athlete", 0.17, Align::Left),
            col("Event", 0.16, Align::Left),
            col("From", 0.07, Align::Left),
            col("To", 0.07, Align::Left),
            col("Decided", 0.11, Align::Left),
            col("Why", 0.28, Align::Left),
            col("Source", 0.14, Align::Left),
        ],
        rows: r
            .changes
            .iter()
            .map(|c| {
                row(vec![
                    c.athlete.clone(),
                    format!("{}, {}", c.sport, c.event),
                    medal(c.from),
                    medal(c.to),
                    c.decided.to_string(),
                    c.reason.clone(),
                    c.source.clone(),
                ])
            })
            .collect(),
    }));
    b.push(figure(
        s,
        ChartId::Revisions,
        "From medals as awarded to medals now, one decision at a time.".into(),
    ));
}

fn team(s: &Stats, b: &mut Vec<Block>) {
    let t = &s.team;
    b.push(Block::Heading(SECTIONS[3].to_owned()));
    b.push(Block::Paragraph(
        format!(
            "{} athletes: {} men ({:.1} %) and {} women ({:.1} %). Each counts once in the delegation and once in their sport, whatever their number of events; non-starters belong to the delegation, as in the IOC's count.",
            t.athletes, t.men, t.men_share, t.women, t.women_share
        ),
        Para::Body,
    ));
    let mut rows = Vec::new();
    for sport in &t.by_sport {
        rows.push(strong(vec![
            sport.sport.clone(),
            sport.men.to_string(),
            sport.women.to_string(),
            sport.total.to_string(),
        ]));
        if sport.shows_disciplines() {
            for d in &sport.disciplines {
                rows.push(sub(vec![
                    d.discipline.clone(),
                    d.men.to_string(),
                    d.women.to_string(),
                    d.total.to_string(),
                ]));
            }
        }
    }
    rows.push(strong(vec![
        "All sports".into(),
        t.men.to_string(),
        t.women.to_string(),
        t.athletes.to_string(),
    ]));
    b.push(Block::Table(Table {
        caption: "Athletes by sport and discipline, men and women".into(),
        columns: vec![
            col("Sport / discipline", 0.55, Align::Left),
            col("Men", 0.15, Align::Right),
            col("Women", 0.15, Align::Right),
            col("Total", 0.15, Align::Right),
        ],
        rows,
    }));
    b.push(figure(
        s,
        ChartId::AthletesBySport,
        "Athletes by sport and sex, largest sport first.".into(),
    ));
    b.push(figure(
        s,
        ChartId::TeamBySex,
        "The team by sex, one square per athlete.".into(),
    ));

    b.push(Block::Subheading("Ages".into()));
    let a = &s.ages;
    let mut ages = format!(
        "Ages at the Games are known for {} of {} athletes.",
        a.known,
        a.known + a.unknown
    );
    if let (Some(young), Some(old), Some(median)) = (&a.youngest, &a.oldest, a.median) {
        ages.push_str(&format!(
            " The youngest was {} ({}), the oldest {} ({}); the median age was {median}.",
            young.athletes.join(", "),
            young.age,
            old.athletes.join(", "),
            old.age
        ));
        let by: Vec<String> = a
            .by_sex
            .iter()
            .filter_map(|x| x.median.map(|m| format!("{m} for {}", x.sex)))
            .collect();
        if !by.is_empty() {
            ages.push_str(&format!(" By sex, the median was {}.", by.join(" and ")));
        }
    }
    b.push(Block::Paragraph(ages, Para::Body));
    if a.known > 0 {
        b.push(Block::Table(Table {
            caption: "Ages in five-year bands".into(),
            columns: vec![
                col("Age", 0.4, Align::Left),
                col("Men", 0.2, Align::Right),
                col("Women", 0.2, Align::Right),
                col("Total", 0.2, Align::Right),
            ],
            rows: a
                .bands
                .iter()
                .map(|x| {
                    row(vec![
                        x.label.clone(),
                        x.men.to_string(),
                        x.women.to_string(),
                        x.total.to_string(),
                    ])
                })
                .collect(),
        }));
    }
    b.push(figure(
        s,
        ChartId::Ages,
        "Ages at the Games by sex, with each sex's median.".into(),
    ));

    b.push(Block::Subheading("Team sports, crews and debuts".into()));
    let squads = |list: &[crate::stats::Squad]| -> Vec<String> {
        list.iter()
            .map(|q| {
                if s.coverage.results {
                    format!(
                        "{}, {}: {} ({} took part), place {}{}",
                        q.discipline,
                        q.event,
                        plural(q.size, "athlete", "athletes"),
                        q.played,
                        q.place.clone().unwrap_or_else(|| "not recorded".into()),
                        q.medal_now.map_or_else(String::new, |m| format!(", {m}"))
                    )
                } else {
                    format!(
                        "{}, {}: {}{}",
                        q.discipline,
                        q.event,
                        plural(q.size, "athlete", "athletes"),
                        q.medal_awarded
                            .map_or_else(String::new, |m| format!(", {m}"))
                    )
                }
            })
            .collect()
    };
    if t.team_sports.is_empty() {
        b.push(Block::Paragraph(
            "No team sport was entered.".into(),
            Para::Body,
        ));
    } else {
        b.push(Block::Paragraph(
            format!("Team sports ({}):", t.team_sports.len()),
            Para::Body,
        ));
        b.push(Block::Bullets(squads(&t.team_sports)));
    }
    if !t.crews.is_empty() {
        b.push(Block::Paragraph(
            format!(
                "Crews and pairs ({}), which are not team sports:",
                t.crews.len()
            ),
            Para::Body,
        ));
        b.push(Block::Bullets(squads(&t.crews)));
    }
    let debuts = match &s.history.debut_sports {
        _ if s.history.first_appearance => {
            "These were the nation's first Games in the data, so every sport was new.".to_owned()
        }
        None => "Debut sports cannot be told: the sports of an earlier Games are not in the data."
            .to_owned(),
        Some(d) if d.is_empty() => {
            "No sport made its debut: every sport had been entered at an earlier Games.".to_owned()
        }
        Some(d) => format!("Sports entered for the first time: {}.", d.join(", ")),
    };
    b.push(Block::Paragraph(debuts, Para::Body));

    b.push(Block::Subheading(
        "Non-starters and athletes in several events".into(),
    ));
    if !s.coverage.results {
        b.push(Block::Paragraph(
            "The source does not record who did not start, did not finish or was disqualified: every athlete it lists is counted as entered.".into(),
            Para::Body,
        ));
    } else if t.non_starters.is_empty() {
        b.push(Block::Paragraph(
            "Every athlete started.".into(),
            Para::Body,
        ));
    } else {
        b.push(Block::Paragraph(
            format!(
                "{} did not start; they are counted in the delegation:",
                plural(t.non_starters.len() as u32, "athlete", "athletes")
            ),
            Para::Body,
        ));
        b.push(Block::Bullets(
            t.non_starters
                .iter()
                .map(|n| format!("{} ({}): {}", n.athlete, n.sport, n.events.join(", ")))
                .collect(),
        ));
    }
    let statuses = &t.statuses;
    if s.coverage.results {
        b.push(Block::Paragraph(
            format!(
                "Of {} entries, {} competed, {} did not finish, {} disqualified and {} did not start.",
                t.entries,
                statuses.competed,
                statuses.dnf,
                plural(statuses.dq, "was", "were"),
                statuses.dns
            ),
            Para::Body,
        ));
    }
    if !t.multi_event.is_empty() {
        let names: Vec<String> = t
            .multi_event
            .iter()
            .map(|m| format!("{} ({}, {})", m.athlete, m.sport, m.events))
            .collect();
        b.push(Block::Paragraph(
            format!(
                "{} entered more than one event: {}.",
                plural(t.multi_event.len() as u32, "athlete", "athletes"),
                names.join("; ")
            ),
            Para::Body,
        ));
    }
}

fn history(s: &Stats, b: &mut Vec<Block>) {
    let h = &s.history;
    b.push(Block::Heading(SECTIONS[4].to_owned()));
    if h.appearances.len() < 2 {
        b.push(Block::Paragraph(
            "The data holds no other Games of the nation to compare with.".into(),
            Para::Body,
        ));
        return;
    }
    b.push(Block::Table(Table {
        caption: format!(
            "{} at the {} Games (these Games in bold; medals gold / silver / bronze)",
            s.delegation.nation, s.delegation.season
        ),
        columns: {
            let mut columns = vec![
                col("Games", 0.2, Align::Left),
                col("Athletes", 0.1, Align::Right),
                col("Men", 0.08, Align::Right),
                col("Women", 0.09, Align::Right),
                col("Men %", 0.09, Align::Right),
                col("Sports", 0.08, Align::Right),
                col("As awarded", 0.18, Align::Right),
            ];
            if s.coverage.revisions {
                columns.push(col("Now", 0.18, Align::Right));
            }
            columns
        },
        rows: h
            .appearances
            .iter()
            .map(|x| {
                let mut cells = vec![
                    format!("{} {}", x.year, x.city),
                    x.athletes.to_string(),
                    x.men.to_string(),
                    x.women.to_string(),
                    format!("{:.1}", x.men_share),
                    x.sports.map_or_else(|| "–".into(), |n| n.to_string()),
                    x.awarded
                        .map_or_else(|| "–".into(), |m| format!("{} = {}", slashed(m), m.total)),
                ];
                if s.coverage.revisions {
                    cells.push(format!("{} = {}", slashed(x.now), x.now.total));
                }
                Row {
                    indent: false,
                    cells,
                    strong: x.this,
                }
            })
            .collect(),
    }));
    b.push(figure(
        s,
        ChartId::History,
        "The nation across its Games: team size by sex and medals, these Games highlighted.".into(),
    ));
    if let (Some(p), false) = (&h.previous, s.coverage.revisions) {
        b.push(Block::Paragraph(
            format!(
                "Compared with {} {}: {:+} athletes, {:+.1} points in the share of men, {:+} medals.",
                p.city,
                p.year,
                p.athletes,
                p.men_share_points,
                p.medals_awarded.unwrap_or(p.medals_now),
            ),
            Para::Body,
        ));
    } else if let Some(p) = &h.previous {
        b.push(Block::Paragraph(
            format!(
                "Compared with {} {}: {:+} athletes, {:+.1} points in the share of men, {:+} medals now{}.",
                p.city,
                p.year,
                p.athletes,
                p.men_share_points,
                p.medals_now,
                p.medals_awarded.map_or_else(String::new, |m| format!(" and {m:+} as awarded"))
            ),
            Para::Body,
        ));
    }
    b.push(Block::Table(Table {
        caption:
            "Where these Games rank among the nation's appearances (largest first; = shares a rank)"
                .into(),
        columns: vec![
            col("Measure", 0.34, Align::Left),
            col("These Games", 0.2, Align::Right),
            col("Up to these Games", 0.23, Align::Right),
            col("All in the data", 0.23, Align::Right),
        ],
        rows: h
            .ranks
            .iter()
            .filter(|r| s.coverage.revisions || !r.measure.ends_with("_now"))
            .map(|r| {
                let value = if r.measure == "men_share" {
                    format!("{:.1} %", r.value)
                } else {
                    format!("{}", r.value)
                };
                let rank = |x: &Option<Rank>| {
                    x.as_ref()
                        .map_or_else(|| "–".into(), |x| format!("{} of {}", x.display, x.of))
                };
                row(vec![
                    r.label.to_owned(),
                    value,
                    rank(&r.to_date),
                    rank(&r.overall),
                ])
            })
            .collect(),
    }));
}

fn results(s: &Stats, b: &mut Vec<Block>) {
    b.push(Block::Heading(SECTIONS[5].to_owned()));
    if !s.coverage.results {
        b.push(Block::Paragraph(
            "Every entry, by sport, with its medal. The source records no places, so an entry without a medal shows only that the athlete took part. A crew or squad is one line.".into(),
            Para::Note,
        ));
        for sport in &s.results {
            b.push(Block::Table(Table {
                caption: format!(
                    "{}: {}",
                    sport.sport,
                    plural(sport.lines.len() as u32, "entry", "entries")
                ),
                columns: vec![
                    col("Event", 0.38, Align::Left),
                    col("Athlete", 0.46, Align::Left),
                    col("Medal", 0.16, Align::Left),
                ],
                rows: sport
                    .lines
                    .iter()
                    .map(|l| Row {
                        cells: vec![
                            event_label(l, &sport.sport),
                            l.athletes.join(", "),
                            medal(l.medal_awarded),
                        ],
                        strong: l.medal_awarded.is_some(),
                        indent: false,
                    })
                    .collect(),
            }));
        }
        return;
    }
    b.push(Block::Paragraph(
        "Every entry, by sport, with its place as the results stand now (=3: shared third; 7 h1 r1/3: seventh in heat 1 of round 1 of 3, out before the final). A crew or squad is one line. Medals as awarded and now.".into(),
        Para::Note,
    ));
    for sport in &s.results {
        b.push(Block::Table(Table {
            caption: format!(
                "{}: {}",
                sport.sport,
                plural(sport.lines.len() as u32, "result", "results")
            ),
            columns: vec![
                col("Event", 0.3, Align::Left),
                col("Athlete", 0.36, Align::Left),
                col("Result", 0.14, Align::Left),
                col("As awarded", 0.1, Align::Left),
                col("Now", 0.1, Align::Left),
            ],
            rows: sport
                .lines
                .iter()
                .map(|l| {
                    let result = match (l.status, &l.place) {
                        (Status::Competed, Some(p)) => p.clone(),
                        (Status::Competed, None) => "not recorded".into(),
                        (Status::Dnf, _) => "did not finish".into(),
                        (Status::Dq, _) => "disqualified".into(),
                        (Status::Dns, _) => "did not start".into(),
                    };
                    let event = event_label(l, &sport.sport);
                    Row {
                        cells: vec![
                            event,
                            l.athletes.join(", "),
                            result,
                            medal(l.medal_awarded),
                            medal(l.medal_now),
                        ],
                        strong: l.medal_awarded.is_some() || l.medal_now.is_some(),
                        indent: false,
                    }
                })
                .collect(),
        }));
    }
}

/// An entry's event, with its discipline where that differs from the sport.
fn event_label(l: &crate::stats::ResultLine, sport: &str) -> String {
    if l.discipline == sport {
        l.event.clone()
    } else {
        format!("{}: {}", l.discipline, l.event)
    }
}

fn reconciliation(s: &Stats, b: &mut Vec<Block>) {
    b.push(Block::Heading(SECTIONS[6].to_owned()));
    if s.reconciliation.is_empty() {
        b.push(Block::Paragraph(
            "The data lists no published figures to check.".into(),
            Para::Body,
        ));
        return;
    }
    b.push(Block::Paragraph(
        "Each published figure beside the one computed from the data, and what the data says."
            .into(),
        Para::Body,
    ));
    b.push(Block::Table(Table {
        caption: "Published figures and the data".into(),
        columns: vec![
            col("Claim", 0.2, Align::Left),
            col("Published", 0.13, Align::Left),
            col("Computed", 0.13, Align::Left),
            col("", 0.09, Align::Left),
            col("What the data says", 0.33, Align::Left),
            col("Where", 0.12, Align::Left),
        ],
        rows: s
            .reconciliation
            .iter()
            .map(|r| Row {
                indent: false,
                cells: vec![
                    r.claim.to_owned(),
                    r.published.clone(),
                    r.computed.clone(),
                    if r.agrees {
                        "agrees".into()
                    } else {
                        "differs".into()
                    },
                    r.explanation.clone(),
                    r.source.clone(),
                ],
                strong: !r.agrees,
            })
            .collect(),
    }));
}

fn method(s: &Stats, b: &mut Vec<Block>) {
    b.push(Block::Heading(SECTIONS[7].to_owned()));
    b.push(Block::Paragraph(
        if s.coverage.revisions {
            format!(
                "Every figure in this briefing is computed from the dataset; none is typed in. Medals now stand as of {}; ranks now use the all-nation table as of {}.",
                now_date(s),
                table_date(s)
            )
        } else {
            "Every figure in this briefing is computed from the dataset; none is typed in. Ranks use the all-nation table computed from the same source with the same counting rules.".to_owned()
        },
        Para::Body,
    ));
    let lacks = s.coverage.lacks();
    if !lacks.is_empty() {
        b.push(Block::Paragraph(
            "What the source does not record, and this briefing therefore does not show:".into(),
            Para::Body,
        ));
        b.push(Block::Bullets(
            lacks
                .iter()
                .map(|l| {
                    let mut l = (*l).to_owned();
                    if let Some(first) = l.get(..1) {
                        l.replace_range(..1, &first.to_uppercase());
                    }
                    format!("{l}.")
                })
                .collect(),
        ));
    }
    if !s.sources.is_empty() {
        b.push(Block::Table(Table {
            caption: "Sources".into(),
            columns: vec![
                col("Source", 0.24, Align::Left),
                col("Provides", 0.36, Align::Left),
                col("As of", 0.1, Align::Left),
                col("Reference", 0.3, Align::Left),
            ],
            rows: s
                .sources
                .iter()
                .map(|x| {
                    row(vec![
                        x.name.clone(),
                        x.covers.clone(),
                        x.as_of.map_or_else(|| "–".into(), |d| d.to_string()),
                        x.reference.clone(),
                    ])
                })
                .collect(),
        }));
    }
    b.push(Block::Subheading("Counting rules".into()));
    let mut rules: Vec<String> = vec![
        if s.coverage.revisions {
            "Two views of the medals, side by side: as awarded at the Games, and now, after later disqualifications and reallocations, each decision listed in the revision ledger.".into()
        } else {
            "Medals are as the source records them; without a record of later decisions there is no second view.".into()
        },
        "A crew's or team's medal counts once for the nation, however many of its members receive one.".into(),
        "In individual events every medal counts: boxing, judo, taekwondo and wrestling award two bronzes, and ties can add medals.".into(),
        "Athletes count once in the delegation and once in each sport, whatever their number of events; non-starters belong to the delegation, as in the IOC's count.".into(),
        "Sports are IOC sports; disciplines are shown beneath them.".into(),
        "Ranks follow the IOC order, golds first, then silvers, then bronzes; equal records share a rank, shown with =. The rank by total medals is given as an alternative.".into(),
    ];
    if s.coverage.results && s.coverage.medal_dates {
        rules.push(
            "Places are as the results stand now; medal dates are the days of the medal events."
                .into(),
        );
    }
    if !s.coverage.results {
        rules.push("Sports are grouped into IOC sports from the source's own sport names (Swimming, Diving, Synchronised Swimming and Water Polo under Aquatics, and so on); an event in which a nation's several athletes share one medal is a crew or team event.".into());
    }
    b.push(Block::Bullets(rules));
}
