//! Section 4, team composition: athletes by sport and sex, ages, team sports and crews, debuts,
//! non-starters and athletes in several events.

use crate::charts::ChartId;
use crate::model::Fact;
use crate::stats::{GridLevel, Squad, Stats};

use super::super::layout::{Align, Block, Table, col};
use super::words::plural;
use super::{Section, body, figure, row, strong, sub};

/// The team section.
pub(super) fn push(s: &Stats, b: &mut Vec<Block>) {
    b.push(Section::Team.heading());
    composition(s, b);
    b.push(Block::Subheading("Ages".into()));
    ages(s, b);
    b.push(Block::Subheading("Team sports, crews and debuts".into()));
    squads(s, b);
    b.push(body(debuts(s)));
    b.push(Block::Subheading(
        "Non-starters and athletes in several events".into(),
    ));
    starts(s, b);
}

/// Athletes by sport and discipline, men and women, with the two charts of the team.
fn composition(s: &Stats, b: &mut Vec<Block>) {
    let t = &s.team;
    b.push(body(format!(
        "{}. Each counts once in the delegation and once in their sport, whatever their number of events; non-starters belong to the delegation, as in the IOC's count.",
        t.by_sex()
    )));
    let rows = t
        .grid()
        .iter()
        .map(|r| match r.level {
            GridLevel::Sport => strong(r.cells(r.name.to_owned())),
            GridLevel::Discipline => sub(r.cells(r.name.to_owned())),
            GridLevel::All => strong(r.cells("All sports".into())),
        })
        .collect();
    b.push(Block::Table(Table {
        caption: "Athletes by sport and discipline, men and women".into(),
        bookmark: None,
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
}

/// Ages at the Games: the extremes and medians, five-year bands, and the chart.
fn ages(s: &Stats, b: &mut Vec<Block>) {
    let a = &s.ages;
    let mut text = format!(
        "Ages at the Games are known for {} of {} athletes.",
        a.known,
        a.known + a.unknown
    );
    if let (Some(young), Some(old), Some(median)) = (&a.youngest, &a.oldest, a.median) {
        text.push_str(&format!(
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
            text.push_str(&format!(" By sex, the median was {}.", by.join(" and ")));
        }
    }
    b.push(body(text));
    if a.known > 0 {
        b.push(Block::Table(Table {
            caption: "Ages in five-year bands".into(),
            bookmark: None,
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
}

/// Team sports, then crews and pairs, one bullet each.
fn squads(s: &Stats, b: &mut Vec<Block>) {
    let t = &s.team;
    if t.team_sports.is_empty() {
        b.push(body("No team sport was entered."));
    } else {
        b.push(body(format!("Team sports ({}):", t.team_sports.len())));
        b.push(Block::Bullets(squad_lines(s, &t.team_sports)));
    }
    if !t.crews.is_empty() {
        b.push(body(format!(
            "Crews and pairs ({}), which are not team sports:",
            t.crews.len()
        )));
        b.push(Block::Bullets(squad_lines(s, &t.crews)));
    }
}

/// A squad's event and size, with its place and medal now when the source records places, else
/// its medal as awarded.
fn squad_lines(s: &Stats, list: &[Squad]) -> Vec<String> {
    let places = s.coverage.records(Fact::Results);
    list.iter()
        .map(|q| {
            if places {
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
}

/// The sports entered for the first time, or why that cannot be told.
fn debuts(s: &Stats) -> String {
    match &s.history.debut_sports {
        _ if s.history.first_appearance => {
            "These were the nation's first Games in the data, so every sport was new.".to_owned()
        }
        None => "Debut sports cannot be told: the sports of an earlier Games are not in the data."
            .to_owned(),
        Some(d) if d.is_empty() => {
            "No sport made its debut: every sport had been entered at an earlier Games.".to_owned()
        }
        Some(d) => format!("Sports entered for the first time: {}.", d.join(", ")),
    }
}

/// Who did not start, how the entries ended, and who entered several events.
fn starts(s: &Stats, b: &mut Vec<Block>) {
    let t = &s.team;
    let places = s.coverage.records(Fact::Results);
    if !places {
        b.push(body(
            "The source does not record who did not start, did not finish or was disqualified: every athlete it lists is counted as entered.",
        ));
    } else if t.non_starters.is_empty() {
        b.push(body("Every athlete started."));
    } else {
        b.push(body(format!(
            "{} did not start; they are counted in the delegation:",
            plural(t.non_starters.len() as u32, "athlete", "athletes")
        )));
        b.push(Block::Bullets(
            t.non_starters
                .iter()
                .map(|n| format!("{} ({}): {}", n.athlete, n.sport, n.events.join(", ")))
                .collect(),
        ));
    }
    if places {
        let statuses = &t.statuses;
        b.push(body(format!(
            "Of {} entries, {} competed, {} did not finish, {} disqualified and {} did not start.",
            t.entries,
            statuses.competed,
            statuses.dnf,
            plural(statuses.dq, "was", "were"),
            statuses.dns
        )));
    }
    if !t.multi_event.is_empty() {
        let names: Vec<String> = t
            .multi_event
            .iter()
            .map(|m| format!("{} ({}, {})", m.athlete, m.sport, m.events))
            .collect();
        b.push(body(format!(
            "{} entered more than one event: {}.",
            plural(t.multi_event.len() as u32, "athlete", "athletes"),
            names.join("; ")
        )));
    }
}
