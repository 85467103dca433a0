//! Section 1, at a glance: the title, the key figures and the summary, all on the first page.

use crate::model::{Fact, Medal};
use crate::stats::{Measure, MedalView, Stats, with_date};

use super::super::layout::{Block, KeyFigure, Para};
use super::words::{
    in_words, join_and, ledger_caveat, now_date, plural, rank_short, rank_text, table_date,
};
use super::{SECTIONS, Section, title};

/// The title, the key figures and the summary.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Block::Title {
        title: title(s),
        subtitle: subtitle(s),
    });
    b.push(Section::AtAGlance.heading());
    b.push(Block::KeyFigures(key_figures(s)));
    b.push(Block::Subheading("Summary".into()));
    for paragraph in summary(s) {
        b.push(Block::Paragraph(paragraph, Para::Lead));
    }
    b.push(Block::Subheading("Contents".into()));
    b.push(Block::Contents(
        SECTIONS.iter().map(|s| (*s).to_owned()).collect(),
    ));
    b.push(Block::PageBreak);
}

/// `XXX Olympiad, London, 27 July 2012 to 12 August 2012 · A briefing`.
fn subtitle(s: &Stats) -> String {
    let d = &s.delegation;
    format!(
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
    )
}

fn key_figures(s: &Stats) -> Vec<KeyFigure> {
    let t = &s.team;
    vec![
        KeyFigure {
            label: "Athletes".into(),
            value: t.athletes.to_string(),
            detail: format!(
                "{} ({:.1} %), {} ({:.1} %); {}",
                plural(t.men, "man", "men"),
                t.men_share,
                plural(t.women, "woman", "women"),
                t.women_share,
                if s.coverage.records(Fact::Results) {
                    format!("{} did not start", t.non_starters.len())
                } else {
                    "starts not in the source".to_owned()
                }
            ),
        },
        KeyFigure {
            label: "Sports".into(),
            value: t.sports.to_string(),
            detail: if s.coverage.records(Fact::Entries) {
                format!(
                    "{}; {} in {}",
                    plural(t.disciplines, "discipline", "disciplines"),
                    plural(t.entries, "entry", "entries"),
                    plural(t.events, "event", "events")
                )
            } else {
                format!(
                    "{}; events entered not in the source",
                    plural(t.disciplines, "discipline", "disciplines")
                )
            },
        },
        flag_bearers(s),
        KeyFigure {
            label: "Medals as awarded".into(),
            value: s.awarded.totals.total.to_string(),
            detail: format!(
                "{}; {} in the medal table ({} by total medals)",
                in_words(s.awarded.totals),
                rank_text(s.awarded.rank.as_ref()),
                rank_short(s.awarded.rank_by_total.as_ref())
            ),
        },
        medals_now(s),
        appearance(s),
    ]
}

fn flag_bearers(s: &Stats) -> KeyFigure {
    let bearers = &s.delegation.flag_bearers;
    let surnames: Vec<&str> = bearers
        .iter()
        .map(|f| f.athlete.split_whitespace().last().unwrap_or(&f.athlete))
        .collect();
    KeyFigure {
        label: "Flag bearers".into(),
        value: if surnames.is_empty() {
            "not recorded".into()
        } else {
            surnames.join(" · ")
        },
        detail: if !s.coverage.records(Fact::FlagBearers) {
            "the source does not record flag bearers".into()
        } else if bearers.is_empty() {
            "the data names no flag bearer".into()
        } else {
            let named: Vec<String> = bearers
                .iter()
                .map(|f| format!("{}: {} ({})", f.ceremony, f.athlete, f.sport))
                .collect();
            named.join("; ")
        },
    }
}

fn medals_now(s: &Stats) -> KeyFigure {
    match &s.now {
        Some(now) => KeyFigure {
            label: with_date("Medals now", s.delegation.now_as_of),
            value: now.totals.total.to_string(),
            detail: format!(
                "{}; {}{}",
                in_words(now.totals),
                if now.table.is_empty() {
                    // `--as-of` before the date of the data's all-nation table: none stands then.
                    format!("no all-nation table as of {}", now_date(s))
                } else {
                    format!(
                        "{} in the table as of {}",
                        rank_text(now.rank.as_ref()),
                        table_date(s)
                    )
                },
                ledger_caveat(s).map_or_else(String::new, |c| format!("; {c}"))
            ),
        },
        None => KeyFigure {
            label: "Medals now".into(),
            value: "–".into(),
            detail: "not in the source, which records no decision after the Games".into(),
        },
    }
}

fn appearance(s: &Stats) -> KeyFigure {
    let d = &s.delegation;
    let change = s.history.previous.as_ref().map_or_else(
        || "no earlier Games in the data".to_owned(),
        |p| {
            if s.now.is_some() {
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
    KeyFigure {
        label: format!("Appearance at the {} Games", d.season),
        value: d
            .appearance
            .map_or_else(|| "–".to_owned(), |n| n.to_string()),
        detail: change,
    }
}

/// The cover's summary: sentences built from the statistics, one paragraph each.
fn summary(s: &Stats) -> Vec<String> {
    let mut out = vec![team_sentence(s), medals_sentence(s)];
    let highlights = highlights(s);
    if !highlights.is_empty() {
        out.push(highlights.join(" "));
    }
    let lacks = s.coverage.lacks();
    if !lacks.is_empty() {
        out.push(format!(
            "The source does not record {}; the briefing says so where those figures would be.",
            join_and(&lacks)
        ));
    }
    if let Some(checked) = checked_sentence(s) {
        out.push(checked);
    }
    out
}

/// Who went, and how the team compares with the previous Games.
fn team_sentence(s: &Stats) -> String {
    let d = &s.delegation;
    let t = &s.team;
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
        if let Some(r) = history_rank(s, Measure::MenShare) {
            first.push_str(&format!(
                ", and its share of men ({:.1} %) {} of its {} Games up to then.",
                t.men_share,
                if r.rank == 1 && !r.shared {
                    "the largest".to_owned()
                } else {
                    format!("the {} largest", r.ordinal())
                },
                r.of
            ));
        } else {
            first.push('.');
        }
    }
    first
}

/// These Games' rank among the nation's appearances up to them, on one measure.
fn history_rank(s: &Stats, measure: Measure) -> Option<&crate::stats::Rank> {
    s.history
        .ranks
        .iter()
        .find(|r| r.measure == measure)
        .and_then(|r| r.to_date.as_ref())
}

/// The medals as awarded, then what the decisions after the Games changed.
fn medals_sentence(s: &Stats) -> String {
    let d = &s.delegation;
    let a = &s.awarded;
    let mut medals = if s.views().iter().all(|v| v.totals.total == 0) {
        format!("{} won no medal.", d.nation)
    } else {
        format!(
            "At the Games it won {} ({})",
            plural(a.totals.total, "medal", "medals"),
            in_words(a.totals)
        )
    };
    if a.totals.total > 0 {
        if let Some(r) = &a.rank {
            medals.push_str(&format!(", {} in the medal table", r.ordinal()));
        }
        if let Some(r) = history_rank(s, Measure::GoldsAwarded) {
            if r.rank == 1 && !s.history.first_appearance && a.totals.gold > 0 {
                medals.push_str(", and more golds than at any of its earlier Games");
            }
        }
        medals.push('.');
    }
    if let (Some(n), false) = (&s.now, s.revisions.changes.is_empty()) {
        medals.push_str(&decisions(s, n));
    }
    medals
}

/// ` Decisions up to … stripped 1 medal; it now holds …`.
fn decisions(s: &Stats, n: &MedalView) -> String {
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
    format!(
        " Decisions up to {} {}; it now holds {} ({}){}.",
        now_date(s),
        join_and(&what),
        plural(n.totals.total, "medal", "medals"),
        in_words(n.totals),
        n.rank.as_ref().map_or_else(String::new, |r| format!(
            ", {} in the table as of {}",
            r.ordinal(),
            table_date(s)
        ))
    )
}

/// The strongest sport, the first gold and the debut sports.
fn highlights(s: &Stats) -> Vec<String> {
    let a = &s.awarded;
    let mut third = Vec::new();
    if let Some(best) = a.by_sport.first() {
        let (sport, count) = (&best.sport, best.medals.total);
        third.push(match &s.now {
            Some(n) => format!(
                "Its strongest sport as awarded was {sport}, with {} ({} now).",
                plural(count, "medal", "medals"),
                n.in_sport(sport).total
            ),
            None => format!(
                "Its strongest sport was {sport}, with {}.",
                plural(count, "medal", "medals")
            ),
        });
    }
    // "First" needs the days of the medal events: a source without them (the Kaggle file) lists
    // its medals in no order of time, and naming one as the first would be a guess.
    let dated_gold = a
        .medals
        .iter()
        .filter(|m| m.medal == Medal::Gold)
        .filter_map(|m| m.date.map(|d| (d, m)))
        .min_by_key(|(d, _)| *d);
    if let Some((day, first_gold)) = dated_gold {
        third.push(format!(
            "The first gold came on {} from {} in the {}.",
            day.day_month(),
            first_gold.athletes.join(" and "),
            first_gold.event.to_lowercase()
        ));
    }
    if let Some(debuts) = s.history.debut_sports.as_ref().filter(|d| !d.is_empty()) {
        // A summary names a few; a long list belongs to section 4.
        third.push(if debuts.len() <= 3 {
            format!(
                "{} made {} debut.",
                join_and(debuts),
                if debuts.len() == 1 { "its" } else { "their" }
            )
        } else {
            format!("{} sports made their debut (section 4).", debuts.len())
        });
    }
    third
}

/// How the published figures compare with the data, when the data lists any.
fn checked_sentence(s: &Stats) -> Option<String> {
    if s.reconciliation.is_empty() {
        return None;
    }
    let differ: Vec<&str> = s
        .reconciliation
        .iter()
        .filter(|r| !r.agrees)
        .map(|r| r.claim)
        .collect();
    Some(if differ.is_empty() {
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
    })
}
