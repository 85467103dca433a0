//! Where every participant of every event ended, from the rounds of the results files.
//!
//! The files give one row per participant per stage (a heat, a bout, a group), with a rank in the
//! sports that rank and only wins and losses in head-to-head ones. The place is derived:
//! - a medal is the place (1, 2 or 3);
//! - in the last round, the rank the row gives (a final's place);
//! - otherwise the participant went out in the furthest round they reached: the place is one more
//!   than the number who went further (medallists all did), shared with everyone who went out in
//!   the same round ("=9, out in the round of 16"); a round of one stage with ranks (a B final)
//!   adds its rank instead of sharing.
//!
//! A round is the stages whose names differ only by a heat, group or race number, ordered by its
//! first start. A participant whose every row says they did not start did not start; one whose
//! furthest row says they did not finish or were disqualified, with no rank, is said so.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Award, Outcome, sports};
use crate::model::{Medal, Place, Status};

/// One row of a results file, checked: what `places` needs.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub event: usize,
    /// An athlete's code or a team's.
    pub participant: String,
    pub stage_code: String,
    pub stage: String,
    /// The row's date and time as written (ISO, one offset for the whole Games), for ordering.
    pub time: String,
    pub rank: Option<u32>,
    pub irm: String,
    /// Won or lost, in head-to-head sports.
    pub won: Option<bool>,
}

/// Results codes for a participant who never started.
const DID_NOT_START: [&str; 6] = ["DNS", "DNC", "WD", "WDR", "W/O", "INJ"];
/// Results codes for a participant who started and did not finish.
const DID_NOT_FINISH: [&str; 3] = ["DNF", "RET", "LAP"];
/// Results codes for a disqualification.
const DISQUALIFIED: [&str; 8] = ["DSQ", "DQ", "DQB", "DPI", "BFD", "UFD", "OCS", "DNE"];

/// One participant's rows in one event, summed up.
#[derive(Debug, Default)]
struct Run {
    /// The furthest round reached (an index into the event's rounds).
    furthest: usize,
    /// The rank in that round, where the file gives one.
    rank: Option<u32>,
    /// The code of the row in that round ("DNF"…), empty when none.
    irm: String,
    /// Whether every row says the participant did not start.
    never_started: bool,
}

/// A placing stage a participant played: the places it decides, won or lost, the rank in it.
type Placing = ((u32, u32), Option<bool>, Option<u32>);

/// Where each (event, participant) ended.
pub fn outcomes(
    events: usize,
    rows: Vec<ResultRow>,
    awards: &[Award],
) -> HashMap<(usize, String), Outcome> {
    let mut by_event: Vec<Vec<ResultRow>> = (0..events).map(|_| Vec::new()).collect();
    for row in rows {
        let e = row.event;
        by_event[e].push(row);
    }
    let mut medals: Vec<BTreeMap<&str, Medal>> = (0..events).map(|_| BTreeMap::new()).collect();
    for a in awards {
        medals[a.event].entry(a.code.as_str()).or_insert(a.medal);
    }
    let mut out = HashMap::new();
    for (e, rows) in by_event.iter().enumerate() {
        let outcomes = event(rows, &medals[e]);
        let here = u32::try_from(outcomes.len()).unwrap_or(u32::MAX - 1);
        for (code, outcome) in outcomes {
            out.insert((e, code), outcome);
        }
        out.insert((e, String::new()), not_in_results(here));
    }
    // Medallists without a result row (none in the real files) still have their medal's place.
    for (e, m) in medals.iter().enumerate() {
        for (code, medal) in m {
            out.entry((e, (*code).to_owned()))
                .or_insert_with(|| medal_outcome(*medal, m));
        }
    }
    out
}

/// The outcome of an entry no result row names. Artistic gymnastics files hold finals only: such
/// a gymnast went out in qualification, behind everyone in the files. Elsewhere an entry with no
/// row at all is a withdrawal before any start list: did not start.
///
/// Stored under the event with an empty participant code, with `here` participants in the files.
fn not_in_results(here: u32) -> Outcome {
    Outcome {
        status: None,
        place: Some(Place {
            rank: here + 1,
            tied: true,
            stage: Some("out in qualification, which the files do not hold".to_owned()),
        }),
    }
}

/// Where an entry with no result row ended: see `not_in_results`.
pub fn absent(discipline: &str, stored: Option<&Outcome>) -> (Status, Option<Place>) {
    if discipline == "Artistic Gymnastics" {
        (Status::Competed, stored.and_then(|o| o.place.clone()))
    } else {
        (Status::Dns, None)
    }
}

fn medal_outcome(medal: Medal, medals: &BTreeMap<&str, Medal>) -> Outcome {
    Outcome {
        status: Some(Status::Competed),
        place: Some(Place {
            rank: match medal {
                Medal::Gold => 1,
                Medal::Silver => 2,
                Medal::Bronze => 3,
            },
            // Two bronzes in judo or boxing, a tie for silver.
            tied: medals.values().filter(|&&m| m == medal).count() > 1,
            stage: None,
        }),
    }
}

/// The rounds of one event, furthest last: by what their names say, and a round whose name does
/// not say by its time, just after the rounds that started before it. (The files' times are when
/// a row was last updated as often as when the stage started, so names come first.)
fn rounds(rows: &[ResultRow]) -> (HashMap<String, usize>, Vec<String>) {
    let mut first: BTreeMap<String, &str> = BTreeMap::new();
    for r in rows {
        let t = first
            .entry(sports::round_key(&r.stage))
            .or_insert(r.time.as_str());
        if r.time.as_str() < *t {
            *t = r.time.as_str();
        }
    }
    let mut by_time: Vec<(&str, &String)> = first.iter().map(|(k, t)| (*t, k)).collect();
    by_time.sort();
    let mut depth: Vec<(u32, &str, &String)> = Vec::new();
    let mut reached = 0;
    for (t, key) in by_time {
        let d = sports::depth(key).unwrap_or(reached + 1);
        reached = reached.max(d);
        depth.push((d, t, key));
    }
    depth.sort();
    let order: Vec<String> = depth.into_iter().map(|(_, _, k)| k.clone()).collect();
    let index = order
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    (index, order)
}

/// The outcomes of one event's participants.
fn event(rows: &[ResultRow], medals: &BTreeMap<&str, Medal>) -> Vec<(String, Outcome)> {
    let (index, order) = rounds(rows);
    let (stages, runs, placings) = runs(rows, &index, order.len());
    let with_advancers = with_advancers(rows, &index, &runs, order.len());
    let out_in = out_in(&runs, medals);
    let last = order.len().saturating_sub(1);
    let final_ranks: Vec<u32> = runs
        .values()
        .filter(|r| r.furthest == last)
        .filter_map(|r| r.rank)
        .collect();
    let rounds = Rounds {
        order,
        last,
        stages,
        with_advancers,
        out_in,
        final_ranks,
        medallists: medals.len(),
    };
    runs.iter()
        .map(|(code, run)| {
            let outcome = match medals.get(code) {
                Some(&medal) => medal_outcome(medal, medals),
                None => rounds.outcome(run, placings.get(code)),
            };
            ((*code).to_owned(), outcome)
        })
        .collect()
}

/// Each round's stages, by code; each participant's run; and the narrowest placing stage each
/// participant played, with its result.
type Runs<'r> = (
    Vec<BTreeSet<&'r str>>,
    BTreeMap<&'r str, Run>,
    BTreeMap<&'r str, Placing>,
);

/// The rows of one event summed up per participant, `index` giving each row's round among
/// `rounds`.
fn runs<'r>(rows: &'r [ResultRow], index: &HashMap<String, usize>, rounds: usize) -> Runs<'r> {
    let mut stages: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); rounds];
    let mut runs: BTreeMap<&str, Run> = BTreeMap::new();
    let mut placings: BTreeMap<&str, Placing> = BTreeMap::new();
    // Stages that rank their participants: a row there with no rank, no status and no win or
    // loss is a reserve on the start list (a trampolinist ninth in qualification listed for the
    // final), not a start.
    let ranked: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.rank.is_some())
        .map(|r| r.stage_code.as_str())
        .collect();
    for r in rows {
        let reserve = r.rank.is_none()
            && r.irm.is_empty()
            && r.won.is_none()
            && ranked.contains(r.stage_code.as_str());
        if reserve {
            continue;
        }
        let round = index[&sports::round_key(&r.stage)];
        stages[round].insert(r.stage_code.as_str());
        let run = runs.entry(r.participant.as_str()).or_insert_with(|| Run {
            never_started: true,
            ..Run::default()
        });
        run.never_started &= DID_NOT_START.contains(&r.irm.as_str());
        if round > run.furthest || round == run.furthest && run.rank.is_none() && run.irm.is_empty()
        {
            run.furthest = round;
            run.rank = r.rank;
            run.irm = r.irm.clone();
        } else if round == run.furthest && run.rank.is_none() {
            run.rank = r.rank;
        }
        if let Some(range) = sports::placing(&r.stage) {
            let narrower = placings
                .get(r.participant.as_str())
                .is_none_or(|(had, _, _)| range.1 - range.0 < had.1 - had.0);
            if narrower {
                placings.insert(r.participant.as_str(), (range, r.won, r.rank));
            }
        }
    }
    (stages, runs, placings)
}

/// Per round, whether it also ranks those who went on (a qualification): their rank is already
/// the place among everyone; a round only of those left behind (a B final) ranks from below them.
fn with_advancers(
    rows: &[ResultRow],
    index: &HashMap<String, usize>,
    runs: &BTreeMap<&str, Run>,
    rounds: usize,
) -> Vec<bool> {
    let mut with_advancers = vec![false; rounds];
    for r in rows {
        let round = index[&sports::round_key(&r.stage)];
        if runs
            .get(r.participant.as_str())
            .is_some_and(|run| run.furthest > round)
        {
            with_advancers[round] = true;
        }
    }
    with_advancers
}

/// How many went out in each round (medallists aside).
fn out_in(runs: &BTreeMap<&str, Run>, medals: &BTreeMap<&str, Medal>) -> BTreeMap<usize, usize> {
    let mut out_in: BTreeMap<usize, usize> = BTreeMap::new();
    for (code, run) in runs {
        if !medals.contains_key(code) && !run.never_started {
            *out_in.entry(run.furthest).or_default() += 1;
        }
    }
    out_in
}

/// One event's rounds, with what placing a participant who went out in one needs.
struct Rounds<'r> {
    /// The rounds' names, furthest last.
    order: Vec<String>,
    /// The last round's index.
    last: usize,
    /// Each round's stages, by code.
    stages: Vec<BTreeSet<&'r str>>,
    /// Per round, whether it also ranks those who went on (see `with_advancers`).
    with_advancers: Vec<bool>,
    /// How many went out in each round (medallists aside).
    out_in: BTreeMap<usize, usize>,
    /// The ranks given in the last round.
    final_ranks: Vec<u32>,
    /// How many won a medal.
    medallists: usize,
}

impl Rounds<'_> {
    /// The outcome of a participant with no medal: a status when they did not start or finish or
    /// were disqualified, else the place a placing stage decides or the round they went out in.
    fn outcome(&self, run: &Run, placing: Option<&Placing>) -> Outcome {
        if let Some(status) = stopped(run) {
            return Outcome {
                status: Some(status),
                place: None,
            };
        }
        let place = match placing {
            Some(&placing) => placing_place(placing),
            None => self.round_place(run),
        };
        Outcome {
            status: Some(Status::Competed),
            place: Some(place),
        }
    }

    /// The place of a participant who went out in the round `run` reached: one more than the
    /// number who went further, shared with those who went out there, or the rank a final or a
    /// round of one ranked stage gives.
    fn round_place(&self, run: &Run) -> Place {
        let further = self.medallists
            + self
                .out_in
                .range(run.furthest + 1..)
                .map(|(_, n)| n)
                .sum::<usize>();
        let further = u32::try_from(further).unwrap_or(u32::MAX - 1);
        // A round whose name does not say where it stands (a pentathlon's laser run).
        let words = match sports::depth(&self.order[run.furthest]) {
            Some(_) => sports::out_in(&self.order[run.furthest]),
            None => "out before the final".to_owned(),
        };
        match run.rank {
            Some(rank) if run.furthest == self.last => Place {
                rank,
                tied: self.final_ranks.iter().filter(|&&r| r == rank).count() > 1,
                stage: None,
            },
            // One stage with ranks: a qualification's rank is the place; a B final's counts on
            // from those ahead.
            Some(rank) if self.stages[run.furthest].len() == 1 => Place {
                rank: if self.with_advancers[run.furthest] {
                    rank.max(further + 1)
                } else {
                    further.saturating_add(rank)
                },
                tied: false,
                stage: Some(words),
            },
            _ => Place {
                rank: further + 1,
                tied: self.out_in.get(&run.furthest).copied().unwrap_or(0) > 1,
                stage: Some(if run.furthest == self.last {
                    "in the final, whose place the file does not give".to_owned()
                } else {
                    words
                }),
            },
        }
    }
}

/// Did not start, did not finish or disqualified, as the run's rows say; `None` otherwise.
fn stopped(run: &Run) -> Option<Status> {
    if run.never_started {
        Some(Status::Dns)
    } else if run.rank.is_none() && DID_NOT_FINISH.contains(&run.irm.as_str()) {
        Some(Status::Dnf)
    } else if run.rank.is_none() && DISQUALIFIED.contains(&run.irm.as_str()) {
        Some(Status::Dq)
    } else {
        None
    }
}

/// The place a placing match or round decides itself: the winner of a match for two places takes
/// the higher, the loser the lower; a ranked placing round counts on from its first place.
fn placing_place(((a, b), won, rank): Placing) -> Place {
    match (b - a, won, rank) {
        (1, Some(true), _) => Place {
            rank: a,
            tied: false,
            stage: None,
        },
        (1, Some(false), _) => Place {
            rank: b,
            tied: false,
            stage: None,
        },
        (_, _, Some(r)) if r <= b - a + 1 => Place {
            rank: a + r - 1,
            tied: false,
            stage: None,
        },
        _ => Place {
            rank: a,
            tied: true,
            stage: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        who: &str,
        stage: &str,
        time: &str,
        rank: Option<u32>,
        won: Option<bool>,
        irm: &str,
    ) -> ResultRow {
        ResultRow {
            event: 0,
            participant: who.to_owned(),
            stage_code: stage.to_owned(),
            stage: stage.to_owned(),
            time: time.to_owned(),
            rank,
            irm: irm.to_owned(),
            won,
        }
    }

    fn places(rows: &[ResultRow], medals: &[(&str, Medal)]) -> BTreeMap<String, String> {
        let medals: BTreeMap<&str, Medal> = medals.iter().copied().collect();
        event(rows, &medals)
            .into_iter()
            .map(|(code, o)| {
                let text = match (o.status, o.place) {
                    (Some(Status::Competed), Some(p)) => p.to_string(),
                    (status, _) => format!("{status:?}"),
                };
                (code, text)
            })
            .collect()
    }

    #[test]
    fn head_to_head_places_come_from_the_round_reached() {
        // The files' times are update times: the round of 16 is stamped after the final.
        let t = "2024-08-03T12:00:00+02:00";
        let late = "2024-08-03T18:00:00+02:00";
        let rows = [
            row("a", "Elimination Round of 16", late, None, Some(true), ""),
            row("h", "Elimination Round of 16", late, None, Some(false), ""),
            row("a", "Quarterfinal", t, None, Some(true), ""),
            row("e", "Quarterfinal", t, None, Some(false), ""),
            row("b", "Quarterfinal", t, None, Some(true), ""),
            row("f", "Quarterfinal", t, None, Some(false), ""),
            row("e", "Repechage", t, None, Some(true), ""),
            row("g", "Repechage", t, None, Some(false), ""),
            row("c", "Contest for Bronze Medal A", t, None, Some(true), ""),
            row("e", "Contest for Bronze Medal A", t, None, Some(false), ""),
            row("d", "Contest for Bronze Medal B", t, None, Some(true), ""),
            row("i", "Contest for Bronze Medal B", t, None, Some(false), ""),
            row("a", "Final", t, None, Some(true), ""),
            row("b", "Final", t, None, Some(false), ""),
            row("x", "Elimination Round of 16", t, None, None, "DNS"),
        ];
        let p = places(
            &rows,
            &[
                ("a", Medal::Gold),
                ("b", Medal::Silver),
                ("c", Medal::Bronze),
                ("d", Medal::Bronze),
            ],
        );
        assert_eq!(p["a"], "1");
        assert_eq!(p["c"], "=3");
        assert_eq!(p["e"], "=5 out in the bronze medal match");
        assert_eq!(p["g"], "7 out in the repechage");
        assert_eq!(p["f"], "8 out in the quarterfinals");
        assert_eq!(p["h"], "9 out in the round of 16");
        assert_eq!(p["x"], "Some(Dns)");
    }

    #[test]
    fn ranked_rounds_finals_and_placing_matches() {
        let t = "2024-08-01T10:00:00+02:00";
        let rows = [
            row("a", "Round 1 - Heat 1", t, Some(1), None, ""),
            row("b", "Round 1 - Heat 1", t, Some(2), None, ""),
            row("c", "Round 1 - Heat 2", t, Some(1), None, ""),
            row("d", "Round 1 - Heat 2", t, Some(2), None, ""),
            row("e", "Round 1 - Heat 2", t, None, None, "DNF"),
            row("a", "Final A", t, Some(1), None, ""),
            row("c", "Final A", t, Some(2), None, ""),
            row("b", "Final B", t, Some(1), None, ""),
            row("d", "Final B", t, Some(2), None, ""),
            // A reserve on the final's start list, with no rank of their own.
            row("d", "Final A", t, None, None, ""),
        ];
        let p = places(&rows, &[("a", Medal::Gold), ("c", Medal::Silver)]);
        assert_eq!(p["b"], "3 in Final B");
        assert_eq!(p["d"], "4 in Final B");
        assert_eq!(p["e"], "Some(Dnf)");
        let rows = [
            row("a", "Placement 5-6", t, None, Some(true), ""),
            row("b", "Placement 5-6", t, None, Some(false), ""),
            row("a", "Classification 5th-8th", t, None, Some(true), ""),
        ];
        let p = places(&rows, &[]);
        assert_eq!((p["a"].as_str(), p["b"].as_str()), ("5", "6"));
    }
}
