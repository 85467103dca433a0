//! Alternative text: for every chart, in words, what a sighted reader takes from it, written from
//! the same statistics the chart is drawn from. The PDF gives it to its figures, and each SVG
//! carries it as its title and description.

use super::ChartId;
use crate::stats::{MedalCount, MedalView, Stats};
use crate::text::plural;

/// `man` for `men`, `woman` for `women`.
fn singular(sex: &str) -> &str {
    match sex {
        "men" => "man",
        "women" => "woman",
        other => other,
    }
}

/// `10 men, 1 woman`.
fn sexes(men: u32, women: u32) -> String {
    format!(
        "{}, {}",
        plural(men, "man", "men"),
        plural(women, "woman", "women")
    )
}

/// How many items a list in the text names before it sums up the rest.
const NAMED: usize = 12;

/// `3 gold, 1 silver` (colours with none left out), or `no medal`.
fn medals(m: MedalCount) -> String {
    let parts: Vec<String> = [(m.gold, "gold"), (m.silver, "silver"), (m.bronze, "bronze")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, colour)| format!("{n} {colour}"))
        .collect();
    if parts.is_empty() {
        "no medal".to_owned()
    } else {
        parts.join(", ")
    }
}

/// `a; b; c` for the first `NAMED` items, and what the rest come to.
fn list(items: Vec<String>, rest: impl Fn(usize) -> String) -> String {
    let more = items.len().saturating_sub(NAMED);
    let mut text = items.into_iter().take(NAMED).collect::<Vec<_>>().join("; ");
    if more > 0 {
        text.push_str(&format!("; {}", rest(more)));
    }
    text
}

/// The chart's alternative text: its title, then what it shows.
pub fn alt(id: ChartId, s: &Stats) -> String {
    let what = match id {
        ChartId::MedalsBySport => medals_by_sport(s),
        ChartId::MedalsByDay => medals_by_day(s),
        ChartId::Revisions => revisions(s),
        ChartId::AthletesBySport => athletes_by_sport(s),
        ChartId::TeamBySex => s.team.by_sex(),
        ChartId::Ages => ages(s),
        ChartId::History => history(s),
        ChartId::TableNeighbourhood => neighbourhood(s),
    };
    let d = &s.delegation;
    format!(
        "{}, {} at the {} Olympics: {what}.",
        id.title(),
        d.nation,
        d.games
    )
}

fn medals_by_sport(s: &Stats) -> String {
    let views = s.views();
    let sports = super::medals_by_sport::sports_in_order(s);
    let items = sports
        .iter()
        .map(|sport| match views.as_slice() {
            [awarded, now] => {
                let (a, n) = (awarded.in_sport(sport), now.in_sport(sport));
                if a == n {
                    format!("{} {} in both views", sport.to_lowercase(), medals(a))
                } else {
                    format!(
                        "{} {} as awarded, {} now",
                        sport.to_lowercase(),
                        medals(a),
                        medals(n)
                    )
                }
            }
            _ => format!(
                "{} {}",
                sport.to_lowercase(),
                medals(s.awarded.in_sport(sport))
            ),
        })
        .collect();
    let lead = if views.len() > 1 {
        "medals by sport, as awarded and now"
    } else {
        "medals by sport"
    };
    format!("{lead}: {}", list(items, |n| format!("{n} more sports")))
}

fn medals_by_day(s: &Stats) -> String {
    let parts: Vec<String> = s
        .views()
        .iter()
        .map(|v| {
            let days: Vec<String> = v
                .by_day
                .iter()
                .filter(|d| d.medals.total > 0)
                .map(|d| format!("{} {}", d.date.day_month(), medals(d.medals)))
                .collect();
            format!(
                "{}, {} over {}: {}",
                v.label(),
                plural(v.totals.total, "medal", "medals"),
                plural(days.len() as u32, "day", "days"),
                list(days, |n| format!("{n} more days"))
            )
        })
        .collect();
    format!("medals won on each day of the Games, {}", parts.join("; "))
}

fn revisions(s: &Stats) -> String {
    let r = &s.revisions;
    let now = s.latest().totals;
    let changes: Vec<String> = r
        .changes
        .iter()
        .map(|c| {
            let colour = |m: Option<crate::model::Medal>| {
                m.map_or_else(|| "no medal".to_owned(), |m| m.name().to_lowercase())
            };
            format!(
                "{} ({}) {} to {}",
                c.athlete,
                c.event,
                colour(c.from),
                colour(c.to)
            )
        })
        .collect();
    format!(
        "a waterfall from {} medals as awarded ({}) to {} now ({}): {} stripped, {} gained, {} changed colour; {}",
        s.awarded.totals.total,
        medals(s.awarded.totals),
        now.total,
        medals(now),
        r.stripped,
        r.gained,
        r.changed_colour,
        list(changes, |n| format!("{n} more changes"))
    )
}

fn athletes_by_sport(s: &Stats) -> String {
    let items = s
        .team
        .by_sport
        .iter()
        .map(|t| {
            format!(
                "{} {} ({})",
                t.sport.to_lowercase(),
                t.total,
                sexes(t.men, t.women)
            )
        })
        .collect();
    format!(
        "athletes by sport, largest first: {}",
        list(items, |n| format!("{n} more sports"))
    )
}

fn ages(s: &Stats) -> String {
    let a = &s.ages;
    let sexes: Vec<String> = a
        .by_sex
        .iter()
        .filter(|x| x.known > 0)
        .map(|x| {
            let median = match x.median {
                Some(m) if x.known > 1 => format!(", median age {m:.1}"),
                _ => String::new(),
            };
            match (x.youngest, x.oldest) {
                (Some(y), Some(o)) if y == o && x.known == 1 => {
                    format!("the one {} was aged {y}", singular(x.sex))
                }
                (Some(y), Some(o)) if y == o => format!("the {} were all aged {y}", x.sex),
                (Some(y), Some(o)) => {
                    format!("the {} were aged from {y} to {o} years{median}", x.sex)
                }
                _ => format!("the {}{median}", x.sex),
            }
        })
        .collect();
    let largest = a
        .bands
        .iter()
        .filter(|b| b.total > 0)
        .max_by_key(|b| b.total)
        .map_or_else(String::new, |b| {
            format!(
                "; the largest group, {}, were aged {}",
                plural(b.total, "athlete", "athletes"),
                b.label
            )
        });
    let unknown = if a.unknown > 0 {
        format!(
            "; the age of {} is not recorded",
            plural(a.unknown, "athlete", "athletes")
        )
    } else {
        String::new()
    };
    format!(
        "how old the team was, {} with a known age: {}{largest}{unknown}",
        plural(a.known, "athlete", "athletes"),
        sexes.join("; ")
    )
}

fn history(s: &Stats) -> String {
    let items = s
        .history
        .appearances
        .iter()
        .map(|h| {
            let these = if h.this { " (these Games)" } else { "" };
            let medals_then = match h.awarded {
                Some(a) if a != h.now => format!("{} as awarded, {} now", medals(a), medals(h.now)),
                _ => medals(h.now),
            };
            format!(
                "{} {}{these}: {} ({}), {medals_then}",
                h.year,
                h.city,
                plural(h.athletes, "athlete", "athletes"),
                sexes(h.men, h.women)
            )
        })
        .collect();
    let gaps = if s.history.not_covered.is_empty() {
        String::new()
    } else {
        let years: Vec<String> = s
            .history
            .not_covered
            .iter()
            .map(ToString::to_string)
            .collect();
        format!("; in none of the sources given: {}", years.join(", "))
    };
    format!(
        "team size by sex and medals at each Games: {}{gaps}",
        list(items, |n| format!("{n} more Games"))
    )
}

fn neighbourhood(s: &Stats) -> String {
    let panel = |v: &MedalView| -> Option<String> {
        let at = v.table.iter().position(|t| t.this)?;
        let from = at.saturating_sub(4);
        let to = (at + 5).min(v.table.len());
        let rows: Vec<String> = v.table[from..to]
            .iter()
            .map(|t| {
                format!(
                    "{} {}{} {}",
                    t.rank.display,
                    t.nation,
                    if t.this { " (this nation)" } else { "" },
                    medals(t.medals)
                )
            })
            .collect();
        Some(format!("{}: {}", v.label(), rows.join("; ")))
    };
    let panels: Vec<String> = s.views().into_iter().filter_map(panel).collect();
    format!(
        "the nations ranked around this one in the medal table, {}",
        panels.join("; ")
    )
}
