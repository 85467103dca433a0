//! `medal-table.csv`, `history.csv` and `history-sports.csv`: figures the delegation's own rows
//! must agree with (medals, athletes, sports).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::checker::{At, Checker, parse_count};
use crate::error::DataError;
use crate::model::*;
use crate::source::csv::Table;
use crate::source::native::records::{HistoryRow, HistorySportRow, MedalTableRow};

impl Checker {
    pub(super) fn medal_tables(
        &mut self,
        table: &Table<MedalTableRow>,
        delegation: Option<&Delegation>,
        entries: &[Entry],
        events: &[Event],
    ) -> (Vec<TableLine>, Vec<TableLine>) {
        let mut tables: [Vec<(u64, TableLine)>; 2] = [Vec::new(), Vec::new()];
        let mut seen: HashMap<(View, String), u64> = HashMap::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let view = self.need(at, "table", &r.table, parse_view, "awarded or now");
            let noc = self.need(
                at,
                "noc",
                &r.noc,
                |v| Noc::parse(v).map(String::from),
                Noc::EXPECTED,
            );
            let nation = self.text(at, "nation", &r.nation);
            let gold = self.count(at, "gold", &r.gold);
            let silver = self.count(at, "silver", &r.silver);
            let bronze = self.count(at, "bronze", &r.bronze);
            let (Some(view), Some(noc), Some(nation), Some(g), Some(s), Some(b)) =
                (view, noc, nation, gold, silver, bronze)
            else {
                self.drop_row(None);
                continue;
            };
            if let Some(first) = seen.insert((view, noc.clone()), at.line) {
                self.push(
                    at,
                    "noc",
                    &noc,
                    format!(
                        "the nation is already in the {} table on line {first}",
                        view.name()
                    ),
                );
                self.drop_row(None);
                continue;
            }
            tables[view as usize].push((
                at.line,
                TableLine {
                    noc,
                    nation,
                    medals: [g, s, b],
                },
            ));
        }
        if let Some(d) = delegation.filter(|_| !self.incomplete) {
            for view in View::BOTH {
                let computed = medal_units(entries, events, view);
                let lines = &tables[view as usize];
                match lines.iter().find(|(_, l)| l.noc == d.noc) {
                    Some((line, l)) if l.medals != computed => {
                        let at = At {
                            file: &table.file,
                            line: *line,
                        };
                        self.push(
                            at,
                            "noc",
                            &d.noc,
                            format!(
                                "the {} table gives {} {} but the entries{} give {}",
                                view.name(),
                                d.noc,
                                medals_text(l.medals),
                                if view == View::Now {
                                    " and revisions"
                                } else {
                                    ""
                                },
                                medals_text(computed)
                            ),
                        );
                    }
                    None if !lines.is_empty() && computed.iter().sum::<u32>() > 0 => {
                        self.errors.push(DataError::new(
                            &table.file,
                            None,
                            format!(
                                "the {} table has no row for {} although the entries give it {}",
                                view.name(),
                                d.noc,
                                medals_text(computed)
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
        let [awarded, now] = tables;
        let strip = |t: Vec<(u64, TableLine)>| t.into_iter().map(|(_, l)| l).collect();
        (strip(awarded), strip(now))
    }

    pub(super) fn history(
        &mut self,
        table: &Table<HistoryRow>,
        delegation: Option<&Delegation>,
        athletes: &[Athlete],
        entries: &[Entry],
        events: &[Event],
    ) -> Vec<Appearance> {
        let mut seen = HashMap::new();
        let mut history = Vec::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let Some((mut appearance, awarded)) = self.history_fields(at, r) else {
                self.drop_row(None);
                continue;
            };
            if !self.unique(&mut seen, at, "year", &r.year) {
                self.drop_row(None);
                continue;
            }
            self.men_and_women_add_up(at, r, &appearance);
            appearance.awarded = self.all_three_or_none(at, r, awarded);
            if delegation.is_some_and(|d| d.year == appearance.year) && !self.incomplete {
                self.these_games_agree(at, r, &appearance, athletes, entries, events);
            }
            history.push(appearance);
        }
        history.sort_by_key(|a| a.year);
        history
    }

    /// A row's fields, each read and checked on its own: the appearance, with the medals as
    /// awarded not yet set, and those medals as written (each may be blank); `None` when any field
    /// is missing or invalid.
    fn history_fields(
        &mut self,
        at: At<'_>,
        r: &HistoryRow,
    ) -> Option<(Appearance, [Option<u32>; 3])> {
        let year = self.year(at, "year", &r.year);
        let city = self.text(at, "city", &r.city);
        let source = self.text(at, "source", &r.source);
        let total = self.count(at, "athletes", &r.athletes);
        let men = self.count(at, "men", &r.men);
        let women = self.count(at, "women", &r.women);
        let gold = self.count(at, "gold", &r.gold);
        let silver = self.count(at, "silver", &r.silver);
        let bronze = self.count(at, "bronze", &r.bronze);
        let ga = self.blank_or_count(at, "gold_awarded", &r.gold_awarded);
        let sa = self.blank_or_count(at, "silver_awarded", &r.silver_awarded);
        let ba = self.blank_or_count(at, "bronze_awarded", &r.bronze_awarded);
        let appearance = Appearance {
            year: year?,
            city: city?,
            athletes: total?,
            men: men?,
            women: women?,
            awarded: None,
            now: [gold?, silver?, bronze?],
            source: source?,
        };
        Some((appearance, [ga?, sa?, ba?]))
    }

    /// A count that may be left blank when unknown.
    fn blank_or_count(&mut self, at: At<'_>, field: &str, value: &str) -> Option<Option<u32>> {
        self.optional(
            at,
            field,
            value,
            parse_count,
            "a whole number from 0 to 100000, or blank when unknown",
        )
    }

    fn men_and_women_add_up(&mut self, at: At<'_>, r: &HistoryRow, a: &Appearance) {
        if a.men + a.women != a.athletes {
            self.push(
                at,
                "athletes",
                &r.athletes,
                format!(
                    "men and women add up to {}, not {}",
                    a.men + a.women,
                    a.athletes
                ),
            );
        }
    }

    /// The medals as awarded: all three given, or all three blank (unknown).
    fn all_three_or_none(
        &mut self,
        at: At<'_>,
        r: &HistoryRow,
        awarded: [Option<u32>; 3],
    ) -> Option<[u32; 3]> {
        match awarded {
            [Some(g), Some(s), Some(b)] => Some([g, s, b]),
            [None, None, None] => None,
            _ => {
                self.push(
                    at,
                    "gold_awarded",
                    &r.gold_awarded,
                    "give all three medals as awarded, or leave all three blank",
                );
                None
            }
        }
    }

    /// The row of these Games agrees with the delegation's own files: its athletes, and its
    /// medals now and as awarded.
    fn these_games_agree(
        &mut self,
        at: At<'_>,
        r: &HistoryRow,
        appearance: &Appearance,
        athletes: &[Athlete],
        entries: &[Entry],
        events: &[Event],
    ) {
        let (total, men, women) = (appearance.athletes, appearance.men, appearance.women);
        let men_now = athletes.iter().filter(|a| a.sex == Sex::Male).count() as u32;
        let computed = (
            athletes.len() as u32,
            men_now,
            athletes.len() as u32 - men_now,
        );
        if (total, men, women) != computed {
            self.push(at, "athletes", &r.athletes, format!(
                "these Games' row gives {total} athletes ({men} men, {women} women) but athletes.csv has {} ({} men, {} women)",
                computed.0, computed.1, computed.2));
        }
        let now = medal_units(entries, events, View::Now);
        if appearance.now != now {
            self.push(
                at,
                "gold",
                &r.gold,
                format!(
                    "these Games' row gives {} now but the entries and revisions give {}",
                    medals_text(appearance.now),
                    medals_text(now)
                ),
            );
        }
        let won = medal_units(entries, events, View::Awarded);
        if let Some(a) = appearance.awarded.filter(|a| *a != won) {
            self.push(
                at,
                "gold_awarded",
                &r.gold_awarded,
                format!(
                    "these Games' row gives {} as awarded but the entries give {}",
                    medals_text(a),
                    medals_text(won)
                ),
            );
        }
    }

    pub(super) fn history_sports(
        &mut self,
        table: &Table<HistorySportRow>,
        delegation: Option<&Delegation>,
        entries: &[Entry],
        events: &[Event],
    ) -> BTreeMap<i32, BTreeSet<String>> {
        let mut sports: BTreeMap<i32, BTreeSet<String>> = BTreeMap::new();
        let mut first_line: HashMap<i32, u64> = HashMap::new();
        for row in &table.rows {
            let at = At::of(table, row);
            let r = &row.data;
            let year = self.year(at, "year", &r.year);
            let sport = self.text(at, "sport", &r.sport);
            let (Some(year), Some(sport)) = (year, sport) else {
                self.drop_row(None);
                continue;
            };
            first_line.entry(year).or_insert(at.line);
            if !sports.entry(year).or_default().insert(sport) {
                self.push(
                    at,
                    "sport",
                    &r.sport,
                    format!("the sport is already listed for {year}"),
                );
            }
        }
        if let Some(d) = delegation.filter(|_| !self.incomplete) {
            if let Some(listed) = sports.get(&d.year) {
                let computed: BTreeSet<String> = entries
                    .iter()
                    .map(|e| events[e.event].sport.clone())
                    .collect();
                if *listed != computed {
                    let missing: Vec<_> = computed.difference(listed).cloned().collect();
                    let extra: Vec<_> = listed.difference(&computed).cloned().collect();
                    let at = At {
                        file: &table.file,
                        line: first_line[&d.year],
                    };
                    self.push(at, "year", &d.year.to_string(), format!(
                        "the sports listed for these Games differ from the entries' sports (missing: {}; not entered: {})",
                        list_or_none(&missing), list_or_none(&extra)));
                }
            }
        }
        sports
    }
}

/// The delegation's medals in one view, counting a crew's or team's medal once.
pub fn medal_units(entries: &[Entry], events: &[Event], view: View) -> [u32; 3] {
    let mut counts = [0u32; 3];
    let mut shared: BTreeSet<(usize, Medal)> = BTreeSet::new();
    for entry in entries {
        let Some(medal) = entry.medal(view) else {
            continue;
        };
        let once = events[entry.event].kind != Kind::Individual;
        if !once || shared.insert((entry.event, medal)) {
            counts[medal as usize] += 1;
        }
    }
    counts
}

/// `7/1/5 (13)`.
pub fn medals_text(m: [u32; 3]) -> String {
    format!("{}/{}/{} ({})", m[0], m[1], m[2], m.iter().sum::<u32>())
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

fn parse_view(v: &str) -> Option<View> {
    match v {
        "awarded" => Some(View::Awarded),
        "now" => Some(View::Now),
        _ => None,
    }
}
