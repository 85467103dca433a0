//! Medals in one view (as awarded, or now), and the revision ledger that links the two.
//!
//! Counting rules: a crew's or team's medal counts once for the nation however many members
//! receive one; in an individual event every medal counts (two bronzes in combat sports, ties).

use std::collections::BTreeMap;

use serde::Serialize;

use super::rank::{self, Rank, TableRank};
use super::{MedalChange, MedalCount};
use crate::date::{Date, PartialDate};
use crate::model::{Category, Dataset, Kind, Medal, Revision, Sex, View};

/// One view of the delegation's medals.
#[derive(Debug, Clone, Serialize)]
pub struct MedalView {
    pub view: View,
    pub totals: MedalCount,
    /// Every medal, by date, then medal, then event.
    pub medals: Vec<MedalWon>,
    /// Sports with a medal, best first (gold, silver, bronze, then name).
    pub by_sport: Vec<SportMedals>,
    /// Every day of the Games, opening to closing (none when the dates are not recorded).
    pub by_day: Vec<DayMedals>,
    /// Men's, women's and mixed events.
    pub by_category: Vec<CategoryMedals>,
    /// Medals by the athletes' sex (a mixed crew's medal counts for each sex in it).
    pub by_sex: Vec<CategoryMedals>,
    /// Athletes holding a medal, best record first.
    pub medallists: Vec<Medallist>,
    /// Athletes holding more than one medal.
    pub multiple_medallists: Vec<Medallist>,
    /// Rank in the all-nation table, gold first (IOC order); `None` without a table or medals.
    pub rank: Option<Rank>,
    /// Rank by total medals, the common alternative.
    pub rank_by_total: Option<Rank>,
    /// The whole all-nation table, ranked.
    pub table: Vec<TableRank>,
}

impl MedalView {
    /// The medals won in events of one category (a mixed crew's medal counts once, as mixed).
    pub fn in_category(&self, category: Category) -> MedalCount {
        let name = CATEGORIES
            .iter()
            .find(|(c, _)| *c == category)
            .map(|(_, n)| *n);
        group(&self.by_category, name)
    }

    /// The medals won by athletes of one sex (a mixed crew's medal counts for each sex in it).
    pub fn won_by(&self, sex: Sex) -> MedalCount {
        let name = SEXES.iter().find(|(s, _)| *s == sex).map(|(_, n)| *n);
        group(&self.by_sex, name)
    }

    /// The view's name in tables and prose: `as awarded` or `now`.
    pub fn label(&self) -> &'static str {
        self.view.label()
    }

    /// The medals of one sport in this view (none when the sport won none).
    pub fn in_sport(&self, sport: &str) -> MedalCount {
        self.by_sport
            .iter()
            .find(|m| m.sport == sport)
            .map_or_else(MedalCount::default, |m| m.medals)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MedalWon {
    pub medal: Medal,
    pub date: Option<Date>,
    pub sport: String,
    pub discipline: String,
    pub event: String,
    pub event_id: String,
    pub category: Category,
    pub kind: Kind,
    /// Display names of the athletes holding it (the whole crew or squad).
    pub athletes: Vec<String>,
    pub athlete_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SportMedals {
    pub sport: String,
    pub medals: MedalCount,
    pub disciplines: Vec<DisciplineMedals>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisciplineMedals {
    pub discipline: String,
    pub medals: MedalCount,
}

#[derive(Debug, Clone, Serialize)]
pub struct DayMedals {
    pub date: Date,
    pub medals: MedalCount,
    /// Medals won up to and including this day.
    pub cumulative: MedalCount,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryMedals {
    /// `men`, `women` or `mixed`.
    pub category: &'static str,
    pub medals: MedalCount,
}

#[derive(Debug, Clone, Serialize)]
pub struct Medallist {
    pub athlete: String,
    pub athlete_id: String,
    pub sex: Sex,
    pub sport: String,
    pub medals: MedalCount,
    /// The events, best medal first.
    pub events: Vec<String>,
}

/// The event categories of `by_category`, with their names in the JSON.
const CATEGORIES: [(Category, &str); 3] = [
    (Category::Men, "men"),
    (Category::Women, "women"),
    (Category::Mixed, "mixed"),
];

/// The sexes of `by_sex`, with their names in the JSON.
const SEXES: [(Sex, &str); 2] = [(Sex::Male, "men"), (Sex::Female, "women")];

/// The medals of the group named `name` in a list by category or by sex.
fn group(list: &[CategoryMedals], name: Option<&str>) -> MedalCount {
    list.iter()
        .find(|x| Some(x.category) == name)
        .map_or_else(MedalCount::default, |x| x.medals)
}

/// Groups entries into medals: one per entry in individual events, one per (event, medal) for
/// crews and teams. Sorted by date, medal, event id.
fn won(data: &Dataset, view: View) -> Vec<MedalWon> {
    let mut groups: BTreeMap<(usize, Medal, Option<usize>), Vec<usize>> = BTreeMap::new();
    for entry in &data.entries {
        let Some(medal) = entry.medal(view) else {
            continue;
        };
        let unit = (data.events[entry.event].kind == Kind::Individual).then_some(entry.athlete);
        groups
            .entry((entry.event, medal, unit))
            .or_default()
            .push(entry.athlete);
    }
    let mut medals: Vec<MedalWon> = groups
        .into_iter()
        .map(|((event, medal, _), mut athletes)| {
            let e = &data.events[event];
            athletes.sort_by(|&a, &b| data.athletes[a].name.cmp(&data.athletes[b].name));
            MedalWon {
                medal,
                date: e.date,
                sport: e.sport.clone(),
                discipline: e.discipline.clone(),
                event: e.name.clone(),
                event_id: e.id.clone(),
                category: e.category,
                kind: e.kind,
                athletes: athletes
                    .iter()
                    .map(|&a| data.athletes[a].name.clone())
                    .collect(),
                athlete_ids: athletes
                    .iter()
                    .map(|&a| data.athletes[a].id.clone())
                    .collect(),
            }
        })
        .collect();
    medals.sort_by(|a, b| {
        (a.date, a.medal, &a.event_id, &a.athlete_ids).cmp(&(
            b.date,
            b.medal,
            &b.event_id,
            &b.athlete_ids,
        ))
    });
    medals
}

/// Computes one view.
pub fn view(data: &Dataset, view: View) -> MedalView {
    let medals = won(data, view);
    let tally = Tally::of(data, &medals);
    let by_sport = by_sport(tally.sports);
    let by_day = by_day(data, &tally.per_day);
    let by_category = named_groups(CATEGORIES, &tally.categories);
    let by_sex = named_groups(SEXES, &tally.sexes);
    let medallists = medallists(data, &medals);
    let multiple_medallists = medallists
        .iter()
        .filter(|m| m.medals.total > 1)
        .cloned()
        .collect();
    let totals = tally.totals;
    let table = rank::table(data.table(view), &data.delegation.noc);
    let this = table.iter().find(|t| t.this).filter(|_| totals.total > 0);
    MedalView {
        view,
        totals,
        medals,
        by_sport,
        by_day,
        by_category,
        by_sex,
        medallists,
        multiple_medallists,
        rank: this.map(|t| t.rank.clone()),
        rank_by_total: this.map(|t| t.rank_by_total.clone()),
        table,
    }
}

/// The medals of one view counted every way the view shows them, in one pass.
#[derive(Default)]
struct Tally<'a> {
    totals: MedalCount,
    /// By sport, and within it by discipline.
    sports: BTreeMap<&'a str, (MedalCount, BTreeMap<&'a str, MedalCount>)>,
    categories: BTreeMap<Category, MedalCount>,
    /// A mixed crew's medal counts once for each sex in it.
    sexes: BTreeMap<Sex, MedalCount>,
    per_day: BTreeMap<Date, MedalCount>,
}

impl<'a> Tally<'a> {
    fn of(data: &Dataset, medals: &'a [MedalWon]) -> Self {
        let mut t = Self::default();
        for m in medals {
            t.totals.add(m.medal);
            let sport = t.sports.entry(&m.sport).or_default();
            sport.0.add(m.medal);
            sport.1.entry(&m.discipline).or_default().add(m.medal);
            t.categories.entry(m.category).or_default().add(m.medal);
            for sex in crew_sexes(data, m) {
                t.sexes.entry(sex).or_default().add(m.medal);
            }
            if let Some(date) = m.date {
                t.per_day.entry(date).or_default().add(m.medal);
            }
        }
        t
    }
}

/// The sexes of the athletes holding a medal, each once.
fn crew_sexes(data: &Dataset, m: &MedalWon) -> Vec<Sex> {
    let mut sexes: Vec<Sex> = m
        .athlete_ids
        .iter()
        .filter_map(|id| data.athletes.iter().find(|a| &a.id == id).map(|a| a.sex))
        .collect();
    sexes.sort();
    sexes.dedup();
    sexes
}

/// Sports with a medal, best first (gold, silver, bronze, then name), with their disciplines.
fn by_sport(sports: BTreeMap<&str, (MedalCount, BTreeMap<&str, MedalCount>)>) -> Vec<SportMedals> {
    let mut by_sport: Vec<SportMedals> = sports
        .into_iter()
        .map(|(sport, (medals, disciplines))| SportMedals {
            sport: sport.to_owned(),
            medals,
            disciplines: disciplines
                .into_iter()
                .map(|(discipline, medals)| DisciplineMedals {
                    discipline: discipline.to_owned(),
                    medals,
                })
                .collect(),
        })
        .collect();
    by_sport.sort_by(|a, b| {
        b.medals
            .as_array()
            .cmp(&a.medals.as_array())
            .then_with(|| a.sport.cmp(&b.sport))
    });
    by_sport
}

/// Every day of the Games with its medals and the running total; none without the Games' dates.
fn by_day(data: &Dataset, per_day: &BTreeMap<Date, MedalCount>) -> Vec<DayMedals> {
    let d = &data.delegation;
    let days = match (d.opening, d.closing) {
        (Some(opening), Some(closing)) => opening.days_through(closing).collect(),
        _ => Vec::new(),
    };
    let mut running = MedalCount::default();
    days.into_iter()
        .map(|date| {
            let medals = per_day.get(&date).copied().unwrap_or_default();
            for medal in Medal::ALL {
                for _ in 0..medals.get(medal) {
                    running.add(medal);
                }
            }
            DayMedals {
                date,
                medals,
                cumulative: running,
            }
        })
        .collect()
}

/// One line per group, in the list's order, with its name in the JSON (none won: zero).
fn named_groups<K: Ord, const N: usize>(
    groups: [(K, &'static str); N],
    counts: &BTreeMap<K, MedalCount>,
) -> Vec<CategoryMedals> {
    groups
        .into_iter()
        .map(|(key, name)| CategoryMedals {
            category: name,
            medals: counts.get(&key).copied().unwrap_or_default(),
        })
        .collect()
}

fn medallists(data: &Dataset, medals: &[MedalWon]) -> Vec<Medallist> {
    let mut by_athlete: BTreeMap<&str, Vec<&MedalWon>> = BTreeMap::new();
    for m in medals {
        for id in &m.athlete_ids {
            by_athlete.entry(id).or_default().push(m);
        }
    }
    let mut list: Vec<Medallist> = by_athlete
        .into_iter()
        .filter_map(|(id, mut won)| {
            let a = data.athletes.iter().find(|a| a.id == id)?;
            won.sort_by_key(|m| (m.medal, m.date));
            let mut count = MedalCount::default();
            won.iter().for_each(|m| count.add(m.medal));
            Some(Medallist {
                athlete: a.name.clone(),
                athlete_id: a.id.clone(),
                sex: a.sex,
                sport: a.sport.clone(),
                medals: count,
                events: won.iter().map(|m| m.event.clone()).collect(),
            })
        })
        .collect();
    list.sort_by(|a, b| {
        b.medals
            .as_array()
            .cmp(&a.medals.as_array())
            .then_with(|| a.athlete.cmp(&b.athlete))
    });
    list
}

/// A medal in either view, with what it was as awarded and what it is now: the medallists table.
#[derive(Debug, Clone, Serialize)]
pub struct MedalLine {
    pub date: Option<Date>,
    pub sport: String,
    pub event: String,
    pub event_id: String,
    pub athletes: Vec<String>,
    pub athlete_ids: Vec<String>,
    pub awarded: Option<Medal>,
    pub now: Option<Medal>,
}

impl MedalLine {
    /// The medal in one view, if any.
    pub fn in_view(&self, view: View) -> Option<Medal> {
        match view {
            View::Awarded => self.awarded,
            View::Now => self.now,
        }
    }
}

/// Every medal held as awarded or now, by date, then best medal, then event. Without a now view
/// every line's `now` is `None`.
pub fn lines(awarded: &MedalView, now: Option<&MedalView>) -> Vec<MedalLine> {
    let now_medals: &[MedalWon] = now.map_or(&[], |n| &n.medals);
    // One medal in both views: an athlete's own, or a crew's or team's whose members the ledger
    // changed in part (a relay keeps its gold when one runner loses hers): the same event and a
    // member in common.
    let same = |a: &MedalWon, b: &MedalWon| {
        a.event_id == b.event_id
            && if a.kind == Kind::Individual {
                a.athlete_ids == b.athlete_ids
            } else {
                a.athlete_ids.iter().any(|id| b.athlete_ids.contains(id))
            }
    };
    let line = |m: &MedalWon, awarded, now| MedalLine {
        date: m.date,
        sport: m.sport.clone(),
        event: m.event.clone(),
        event_id: m.event_id.clone(),
        athletes: m.athletes.clone(),
        athlete_ids: m.athlete_ids.clone(),
        awarded,
        now,
    };
    let mut lines: Vec<MedalLine> = awarded
        .medals
        .iter()
        .map(|a| {
            line(
                a,
                Some(a.medal),
                now_medals.iter().find(|n| same(a, n)).map(|n| n.medal),
            )
        })
        .chain(
            now_medals
                .iter()
                .filter(|n| !awarded.medals.iter().any(|a| same(a, n)))
                .map(|n| line(n, None, Some(n.medal))),
        )
        .collect();
    lines.sort_by(|a, b| {
        (a.date, a.awarded.or(a.now), &a.event_id, &a.athlete_ids).cmp(&(
            b.date,
            b.awarded.or(b.now),
            &b.event_id,
            &b.athlete_ids,
        ))
    });
    lines
}

/// The ledger, line by line, and what it adds up to.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionSummary {
    pub as_of: Option<PartialDate>,
    pub changes: Vec<RevisionLine>,
    /// Medals taken away (a change to no medal).
    pub stripped: u32,
    /// Medals gained by reallocation (a change from no medal).
    pub gained: u32,
    /// Medals changed in colour (bronze to silver, say).
    pub changed_colour: u32,
    /// Now minus as awarded.
    pub net: MedalChange,
}

#[derive(Debug, Clone, Serialize)]
pub struct RevisionLine {
    pub athlete: String,
    pub athlete_id: String,
    pub sport: String,
    pub event: String,
    pub event_id: String,
    pub event_date: Option<Date>,
    pub from: Option<Medal>,
    pub to: Option<Medal>,
    pub decided: PartialDate,
    pub reason: String,
    pub source: String,
    /// Whether the medal it gives was handed over, where the ledger says (left out of the JSON
    /// otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presented: Option<crate::model::Presented>,
    /// The delegation's medals once this change and all before it are applied.
    pub totals_after: MedalCount,
}

/// Summarises the ledger. A crew's or team's change is one medal however many rows record it.
/// `latest` is the now view, or as awarded when there is none (a net change of nothing).
pub fn revisions(data: &Dataset, awarded: &MedalView, latest: &MedalView) -> RevisionSummary {
    let mut running = awarded.totals;
    let mut seen_units = std::collections::BTreeSet::new();
    let (mut stripped, mut gained, mut changed_colour) = (0, 0, 0);
    let changes = data
        .revisions
        .iter()
        .map(|r| {
            let entry = &data.entries[r.entry];
            let (a, e) = (&data.athletes[entry.athlete], &data.events[entry.event]);
            let unit = (e.kind == Kind::Individual).then_some(entry.athlete);
            if changes_the_count(data, entry.event, unit, r)
                && seen_units.insert((entry.event, unit, r.from, r.to))
            {
                if let Some(from) = r.from {
                    remove(&mut running, from);
                }
                if let Some(to) = r.to {
                    running.add(to);
                }
                match (r.from, r.to) {
                    (Some(_), None) => stripped += 1,
                    (None, Some(_)) => gained += 1,
                    _ => changed_colour += 1,
                }
            }
            RevisionLine {
                athlete: a.name.clone(),
                athlete_id: a.id.clone(),
                sport: e.sport.clone(),
                event: e.name.clone(),
                event_id: e.id.clone(),
                event_date: e.date,
                from: r.from,
                to: r.to,
                decided: r.decided,
                reason: r.reason.clone(),
                source: r.source.clone(),
                presented: r.presented,
                totals_after: running,
            }
        })
        .collect();
    RevisionSummary {
        as_of: data.delegation.now_as_of,
        changes,
        stripped,
        gained,
        changed_colour,
        net: MedalChange::between(awarded.totals, latest.totals),
    }
}

/// Whether a change moves the nation's count. An athlete's own change always does; a member's
/// change in a crew or team event only when the crew's medal changes with it: when no member
/// holds the medal it lost now, or none held the medal it gained as awarded (a relay whose
/// teammates kept their gold after one runner was stripped keeps it in the count).
fn changes_the_count(data: &Dataset, event: usize, unit: Option<usize>, r: &Revision) -> bool {
    if unit.is_some() {
        return true;
    }
    let members = || data.entries.iter().filter(|e| e.event == event);
    let lost = r
        .from
        .is_some_and(|from| !members().any(|e| e.medal_now == Some(from)));
    let gained =
        r.to.is_some_and(|to| !members().any(|e| e.medal_awarded == Some(to)));
    lost || gained
}

fn remove(count: &mut MedalCount, medal: Medal) {
    let slot = match medal {
        Medal::Gold => &mut count.gold,
        Medal::Silver => &mut count.silver,
        Medal::Bronze => &mut count.bronze,
    };
    *slot = slot.saturating_sub(1);
    count.total = count.total.saturating_sub(1);
}
