//! Reconciliation: each published figure beside the computed one, with the reason they agree or not.

use serde::Serialize;

use super::history::{HistoryRank, Measure};
use super::{MedalView, Stats};
use crate::model::{Dataset, Kind, Medal, Published, PublishedValue, ReferenceKey};
use crate::text::plural;

#[derive(Debug, Clone, Serialize)]
pub struct Reconciled {
    pub key: ReferenceKey,
    /// What the figure is, in words.
    pub claim: &'static str,
    /// As published.
    pub published: String,
    /// As computed from the data.
    pub computed: String,
    pub agrees: bool,
    /// The computed explanation: what the data says and why the figures agree or differ.
    pub explanation: String,
    /// Where it was published.
    pub source: String,
}

fn claim(key: ReferenceKey) -> &'static str {
    match key {
        ReferenceKey::Athletes => "athletes in the delegation",
        ReferenceKey::Men => "men",
        ReferenceKey::Women => "women",
        ReferenceKey::Sports => "sports entered",
        ReferenceKey::Appearance => "appearance number at these Games' season",
        ReferenceKey::AthletesChange => "change in team size from the previous Games",
        ReferenceKey::MenShareRank => "rank of the share of men among the nation's Games",
        ReferenceKey::MedalsAwarded => "medals as awarded",
        ReferenceKey::RankAwarded => "medal-table rank as awarded",
        ReferenceKey::MedalsNow => "medals now",
        ReferenceKey::RankNow => "medal-table rank now",
        ReferenceKey::GoldsRecord => "golds, the most at any of the nation's Games",
        ReferenceKey::WeightliftingMedals => "medals in weightlifting",
        ReferenceKey::TeamSports => "team sports entered",
        ReferenceKey::DebutSports => "sports entered for the first time",
        ReferenceKey::FlagBearers => "flag bearers (opening; closing)",
        ReferenceKey::FirstGold => "first gold medallist of these Games",
    }
}

pub fn compute(data: &Dataset, stats: &Stats) -> Vec<Reconciled> {
    data.reference.iter().map(|p| one(data, stats, p)).collect()
}

/// The result of comparing one figure: computed text, agreement, explanation.
type Outcome = (String, bool, String);

fn one(data: &Dataset, s: &Stats, p: &Published) -> Reconciled {
    let (computed, agrees, explanation) = match (p.key, &p.value) {
        (ReferenceKey::Athletes, PublishedValue::Number(n)) => count(
            *n,
            s.team.athletes,
            format!(
                "{} athletes in the roster ({} men, {} women), non-starters included as the IOC counts them",
                s.team.athletes, s.team.men, s.team.women
            ),
        ),
        (ReferenceKey::Men, PublishedValue::Number(n)) => count(
            *n,
            s.team.men,
            format!("{} % of the delegation", s.team.men_share),
        ),
        (ReferenceKey::Women, PublishedValue::Number(n)) => count(
            *n,
            s.team.women,
            format!("{} % of the delegation", s.team.women_share),
        ),
        (ReferenceKey::Sports, PublishedValue::Number(n)) => count(
            *n,
            s.team.sports,
            format!(
                "{} IOC sports, {} disciplines",
                s.team.sports, s.team.disciplines
            ),
        ),
        (ReferenceKey::Appearance, PublishedValue::Number(n)) => appearance(s, *n),
        (ReferenceKey::AthletesChange, PublishedValue::Number(n)) => athletes_change(s, *n),
        (ReferenceKey::MenShareRank, PublishedValue::Number(n)) => men_share_rank(s, *n),
        (ReferenceKey::MedalsAwarded, PublishedValue::Medals(m)) => {
            medals(*m, s.awarded.totals.as_array(), "as awarded at the Games")
        }
        (ReferenceKey::MedalsNow, PublishedValue::Medals(m)) => medals(
            *m,
            s.latest().totals.as_array(),
            &format!(
                "after {} to {}",
                plural(s.revisions.changes.len() as u32, "revision", "revisions"),
                as_of(s)
            ),
        ),
        (ReferenceKey::RankAwarded, PublishedValue::Rank { rank, shared }) => table_rank(
            &s.awarded,
            *rank,
            *shared,
            "in the all-nation table as awarded".to_owned(),
        ),
        (ReferenceKey::RankNow, PublishedValue::Rank { rank, shared }) => {
            rank_now(s, *rank, *shared)
        }
        (ReferenceKey::GoldsRecord, PublishedValue::Number(n)) => golds_record(s, *n),
        (ReferenceKey::WeightliftingMedals, PublishedValue::Number(n)) => {
            sport_medals(s, "Weightlifting", *n)
        }
        (ReferenceKey::TeamSports, PublishedValue::Names(names)) => team_sports(s, names),
        (ReferenceKey::DebutSports, PublishedValue::Names(names)) => debut_sports(s, names),
        (ReferenceKey::FlagBearers, PublishedValue::Names(names)) => flag_bearers(data, names),
        (ReferenceKey::FirstGold, PublishedValue::Names(names)) => first_gold(data, s, names),
        // Validation gives every key the value shape it needs; this arm is not reached.
        (_, value) => (
            format!("{value:?}"),
            false,
            "the published value has an unexpected form".to_owned(),
        ),
    };
    Reconciled {
        key: p.key,
        claim: claim(p.key),
        published: p.text.clone(),
        computed,
        agrees,
        explanation,
        source: p.where_.clone(),
    }
}

/// The rank now, against the table of its own date.
fn rank_now(s: &Stats, rank: u32, shared: bool) -> Outcome {
    table_rank(
        s.latest(),
        rank,
        shared,
        format!(
            "in the all-nation table as of {}{}; a table of another date can give another rank",
            super::as_of(s.delegation.table_as_of()),
            if s.delegation.now_table_note.is_empty() {
                String::new()
            } else {
                format!(" ({})", s.delegation.now_table_note.trim_end_matches('.'))
            }
        ),
    )
}

/// The disciplines with a team-sport squad.
fn team_sports(s: &Stats, names: &[String]) -> Outcome {
    let mut computed: Vec<String> = s
        .team
        .team_sports
        .iter()
        .map(|t| t.discipline.clone())
        .collect();
    computed.sort();
    computed.dedup();
    name_set(
        names,
        computed,
        "disciplines with a team-sport squad (crews, pairs and relays are not team sports)",
    )
}

/// The sports entered for the first time, or why they cannot be told.
fn debut_sports(s: &Stats, names: &[String]) -> Outcome {
    match &s.history.debut_sports {
        Some(debuts) => name_set(
            names,
            debuts.clone(),
            &format!(
                "sports entered at these Games and at none of the {} earlier appearances in the data",
                s.history
                    .appearances
                    .iter()
                    .filter(|a| a.year < s.delegation.year)
                    .count()
            ),
        ),
        None if s.history.first_appearance => (
            "unknown".to_owned(),
            false,
            "the data has no earlier Games, so debuts cannot be told from first entries".to_owned(),
        ),
        None => (
            "unknown".to_owned(),
            false,
            "the sports of an earlier Games are not in the data, so debuts cannot be computed"
                .to_owned(),
        ),
    }
}

fn as_of(s: &Stats) -> String {
    super::as_of(s.delegation.now_as_of)
}

fn count(published: i64, computed: u32, explanation: String) -> Outcome {
    (
        computed.to_string(),
        published == i64::from(computed),
        explanation,
    )
}

fn medals(published: [u32; 3], computed: [u32; 3], when: &str) -> Outcome {
    let total: u32 = computed.iter().sum();
    let text = format!("{}/{}/{}={total}", computed[0], computed[1], computed[2]);
    let explanation = if published == computed {
        format!("{total} medals {when}")
    } else {
        format!(
            "the data gives {text} {when}; published {}/{}/{}",
            published[0], published[1], published[2]
        )
    };
    (text, published == computed, explanation)
}

fn table_rank(view: &MedalView, published: u32, shared: bool, context: String) -> Outcome {
    match &view.rank {
        Some(r) => {
            let agrees = r.rank == published && (r.shared == shared || !shared);
            let level: Vec<String> = view
                .table
                .iter()
                .filter(|t| !t.this && t.rank == *r)
                .map(|t| format!("{} ({})", t.nation, t.noc))
                .collect();
            let tie = if level.is_empty() {
                String::new()
            } else {
                format!(", level with {}", level.join(" and "))
            };
            (
                r.display.clone(),
                agrees,
                format!("{} of {}{tie} {context}", r.ordinal(), r.of),
            )
        }
        None => (
            "unranked".to_owned(),
            false,
            "the data has no all-nation table for this view, or no medals".to_owned(),
        ),
    }
}

fn appearance(s: &Stats, published: i64) -> Outcome {
    let to_date: Vec<String> = s
        .history
        .appearances
        .iter()
        .filter(|a| a.year <= s.delegation.year)
        .map(|a| a.year.to_string())
        .collect();
    let computed = to_date.len() as u32;
    let mut explanation = format!(
        "{} {} Games in the data up to these: {}",
        computed,
        s.delegation.season,
        to_date.join(", ")
    );
    if let Some(stated) = s.delegation.appearance.filter(|&a| a != computed) {
        explanation.push_str(&format!("; the delegation file states {stated}"));
    }
    count(published, computed, explanation)
}

fn athletes_change(s: &Stats, published: i64) -> Outcome {
    match &s.history.previous {
        Some(p) => (
            format!("{:+}", p.athletes),
            p.athletes == published,
            format!(
                "{} athletes at {} {}, {} at these Games",
                i64::from(s.team.athletes) - p.athletes,
                p.year,
                p.city,
                s.team.athletes
            ),
        ),
        None => (
            "none".to_owned(),
            false,
            "no earlier Games in the data".to_owned(),
        ),
    }
}

fn history_rank(s: &Stats, measure: Measure) -> Option<&HistoryRank> {
    s.history.ranks.iter().find(|r| r.measure == measure)
}

fn men_share_rank(s: &Stats, published: i64) -> Outcome {
    let Some(r) = history_rank(s, Measure::MenShare) else {
        return (
            "unknown".to_owned(),
            false,
            "no history in the data".to_owned(),
        );
    };
    let Some(to_date) = &r.to_date else {
        return (
            "unknown".to_owned(),
            false,
            "no history in the data".to_owned(),
        );
    };
    let ahead: Vec<String> = r
        .ahead_to_date
        .iter()
        .map(|a| format!("{} ({:.1} %)", a.year, a.value))
        .collect();
    let mut explanation = format!(
        "{:.1} % men is the {} largest share among {} Games up to {}",
        r.value,
        to_date.ordinal(),
        to_date.of,
        s.delegation.year
    );
    if !ahead.is_empty() {
        explanation.push_str(&format!(", after {}", ahead.join(" and ")));
    }
    if let Some(overall) = r.overall.as_ref().filter(|o| o.of > to_date.of) {
        explanation.push_str(&format!(
            "; {} of all {} in the data",
            overall.ordinal(),
            overall.of
        ));
    }
    (
        to_date.display.clone(),
        i64::from(to_date.rank) == published,
        explanation,
    )
}

fn golds_record(s: &Stats, published: i64) -> Outcome {
    let golds = s.awarded.totals.gold;
    let r = history_rank(s, Measure::GoldsAwarded).and_then(|r| r.to_date.clone());
    let agrees = i64::from(golds) == published && r.as_ref().is_some_and(|r| r.rank == 1);
    let mut explanation = match &r {
        _ if s.history.first_appearance => {
            format!("{golds} golds as awarded; the data has no earlier Games to compare with")
        }
        Some(r) if r.rank == 1 && !r.shared => {
            format!("{golds} golds as awarded, more than at any earlier Games")
        }
        Some(r) => format!(
            "{golds} golds as awarded, {} among {} Games to date",
            r.ordinal(),
            r.of
        ),
        None => {
            format!("{golds} golds as awarded; earlier Games' golds as awarded are not in the data")
        }
    };
    if let Some(prior) = s
        .history
        .appearances
        .iter()
        .filter(|a| a.year < s.delegation.year)
        .filter_map(|a| a.awarded.map(|m| m.gold))
        .max()
    {
        let years: Vec<String> = s
            .history
            .appearances
            .iter()
            .filter(|a| a.year < s.delegation.year && a.awarded.is_some_and(|m| m.gold == prior))
            .map(|a| a.year.to_string())
            .collect();
        explanation.push_str(&format!(
            " (previous best {prior}, in {})",
            years.join(" and ")
        ));
    }
    if let Some(now) = history_rank(s, Measure::GoldsNow).and_then(|r| r.to_date.clone()) {
        let level: Vec<String> = s
            .history
            .appearances
            .iter()
            .filter(|a| {
                !a.this && a.year <= s.delegation.year && a.now.gold == s.latest().totals.gold
            })
            .map(|a| a.year.to_string())
            .collect();
        explanation.push_str(&format!(
            "; now {} golds, {} among {} Games to date",
            s.latest().totals.gold,
            now.ordinal(),
            now.of
        ));
        if !level.is_empty() {
            explanation.push_str(&format!(", level with {}", level.join(" and ")));
        }
    }
    (golds.to_string(), agrees, explanation)
}

fn sport_medals(s: &Stats, sport: &str, published: i64) -> Outcome {
    let (awarded, now) = (
        s.awarded.in_sport(sport).total,
        s.latest().in_sport(sport).total,
    );
    (
        awarded.to_string(),
        i64::from(awarded) == published,
        format!("{awarded} as awarded, {now} now"),
    )
}

fn name_set(published: &[String], computed: Vec<String>, what: &str) -> Outcome {
    let fold = |v: &[String]| {
        let mut v: Vec<String> = v.iter().map(|n| n.to_lowercase()).collect();
        v.sort();
        v
    };
    let agrees = fold(published) == fold(&computed);
    let text = if computed.is_empty() {
        "none".to_owned()
    } else {
        computed.join("; ")
    };
    (text, agrees, what.to_owned())
}

fn flag_bearers(data: &Dataset, names: &[String]) -> Outcome {
    let d = &data.delegation;
    let bearers = [d.flag_bearer_opening, d.flag_bearer_closing];
    let mut agrees = names.len() <= bearers.len();
    let mut notes = Vec::new();
    let mut shown = Vec::new();
    for (i, (ceremony, bearer)) in ["opening", "closing"].iter().zip(bearers).enumerate() {
        let Some(a) = bearer.map(|b| &data.athletes[b]) else {
            if names.get(i).is_some() {
                agrees = false;
                notes.push(format!("no {ceremony} flag bearer in the data"));
            }
            continue;
        };
        shown.push(a.name.clone());
        match names.get(i) {
            Some(n) if a.known_as(n) && *n != a.name => notes.push(format!(
                "{ceremony}: {} ({}), spelt {n} where published",
                a.name, a.sport
            )),
            Some(n) if a.known_as(n) => notes.push(format!("{ceremony}: {} ({})", a.name, a.sport)),
            Some(n) => {
                agrees = false;
                notes.push(format!(
                    "{ceremony}: the data names {} ({}), not {n}",
                    a.name, a.sport
                ));
            }
            None => {}
        }
    }
    (shown.join("; "), agrees, notes.join("; "))
}

fn first_gold(data: &Dataset, s: &Stats, names: &[String]) -> Outcome {
    let Some(first) = s.awarded.medals.iter().find(|m| m.medal == Medal::Gold) else {
        return (
            "none".to_owned(),
            false,
            "no gold medal in the data".to_owned(),
        );
    };
    let athletes: Vec<_> = first
        .athlete_ids
        .iter()
        .filter_map(|id| data.athletes.iter().find(|a| &a.id == id))
        .collect();
    let agrees = names.iter().all(|n| athletes.iter().any(|a| a.known_as(n)));
    let when = first
        .date
        .map_or_else(|| "undated".to_owned(), |d| d.day_month());
    let crew = if first.kind == Kind::Individual {
        ""
    } else {
        " (shared by the crew)"
    };
    (
        first.athletes.join("; "),
        agrees,
        format!(
            "{}, {}, {when}: the earliest gold as awarded{crew}",
            first.sport, first.event
        ),
    )
}
