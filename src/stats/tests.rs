//! Unit tests for every statistic, on the hand-written fixture in tests/fixtures/mini/.
//!
//! The fixture, "Testland" at London 2012: a three-man hockey squad (one did not start) that won
//! gold; two judoka sharing the bronze in one event; a sprinter with two events whose 100 m gold
//! was stripped; a sprinter moved up to bronze; a medal table where Testland shares its rank.

use std::path::PathBuf;

use super::*;
use crate::model::{Category, Medal, Sex};
use crate::source::native::{self, Files};

fn fixture() -> Stats {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let data = native::dataset(&Files::Dir(dir)).expect("the mini fixture is valid");
    compute(&data)
}

/// The now view, which every native dataset has.
fn now_of(s: &Stats) -> &MedalView {
    s.now.as_ref().expect("a native dataset has a now view")
}

fn kaz() -> Stats {
    compute(&native::dataset(&Files::BuiltIn).expect("the built-in dataset is valid"))
}

#[test]
fn team_medal_counts_once_for_the_nation() {
    let s = fixture();
    let hockey = s
        .awarded
        .medals
        .iter()
        .find(|m| m.event_id == "hockey-men")
        .unwrap();
    assert_eq!(
        hockey.athletes.len(),
        3,
        "every squad member holds it, the non-starter too"
    );
    let by_sport =
        |v: &MedalView, sport: &str| v.by_sport.iter().find(|m| m.sport == sport).unwrap().medals;
    assert_eq!(by_sport(&s.awarded, "Hockey").total, 1);
    assert_eq!(s.awarded.totals, MedalCount::from_array([2, 1, 2]));
}

#[test]
fn a_crew_medal_counts_once_and_for_each_sex_in_it() {
    let s = fixture();
    let doubles = s
        .awarded
        .medals
        .iter()
        .find(|m| m.event_id == "badminton-mixed-doubles")
        .unwrap();
    assert_eq!(doubles.athletes, ["Hal Ince", "Ivy Jones"]);
    let badminton = s
        .awarded
        .by_sport
        .iter()
        .find(|m| m.sport == "Badminton")
        .unwrap();
    assert_eq!(badminton.medals, MedalCount::from_array([0, 1, 0]));
    assert_eq!(s.awarded.in_category(Category::Mixed).silver, 1);
    assert_eq!(s.awarded.won_by(Sex::Male).silver, 1);
    assert_eq!(s.awarded.won_by(Sex::Female).silver, 1);
    assert_eq!(s.team.crews.len(), 1);
    assert_eq!((s.team.crews[0].size, s.team.crews[0].played), (2, 2));
}

#[test]
fn shared_bronzes_both_count() {
    let s = fixture();
    let judo = s
        .awarded
        .by_sport
        .iter()
        .find(|m| m.sport == "Judo")
        .unwrap();
    assert_eq!(judo.medals, MedalCount::from_array([0, 0, 2]));
    let day = s
        .awarded
        .by_day
        .iter()
        .find(|d| d.date.to_string() == "2012-07-30")
        .unwrap();
    assert_eq!(day.medals.bronze, 2);
}

#[test]
fn athletes_count_once_per_sport_and_once_in_the_delegation() {
    let s = fixture();
    assert_eq!((s.team.athletes, s.team.men, s.team.women), (9, 5, 4));
    let athletics = s
        .team
        .by_sport
        .iter()
        .find(|t| t.sport == "Athletics")
        .unwrap();
    assert_eq!(
        (athletics.men, athletics.women, athletics.total),
        (1, 1, 2),
        "Fay Gray has two entries"
    );
    assert_eq!(s.team.entries, 10);
    assert_eq!(s.team.multi_event.len(), 1);
    assert_eq!(s.team.multi_event[0].events, 2);
}

#[test]
fn non_starters_belong_to_the_delegation() {
    let s = fixture();
    assert_eq!(s.team.non_starters.len(), 1);
    assert_eq!(s.team.non_starters[0].athlete, "Eli Fox");
    let squad = &s.team.team_sports[0];
    assert_eq!((squad.size, squad.played), (3, 2));
    assert_eq!(s.team.statuses.dns, 1);
}

#[test]
fn equal_records_share_a_rank() {
    let s = fixture();
    let awarded = s.awarded.rank.as_ref().unwrap();
    assert_eq!((awarded.display.as_str(), awarded.of), ("2=", 4));
    let now = now_of(&s).rank.as_ref().unwrap();
    assert_eq!(now.display, "3=");
    assert_eq!(now_of(&s).rank_by_total.as_ref().unwrap().display, "2=");
}

#[test]
fn the_ledger_turns_awarded_into_now() {
    let s = fixture();
    assert_eq!(now_of(&s).totals, MedalCount::from_array([1, 1, 3]));
    let r = &s.revisions;
    assert_eq!((r.stripped, r.gained, r.changed_colour), (1, 1, 0));
    assert_eq!((r.net.gold, r.net.bronze, r.net.total), (-1, 1, 0));
    assert_eq!(r.changes.last().unwrap().totals_after, now_of(&s).totals);
    let lines: Vec<(Option<Medal>, Option<Medal>)> =
        s.medal_list.iter().map(|m| (m.awarded, m.now)).collect();
    assert!(lines.contains(&(Some(Medal::Gold), None)));
    assert!(lines.contains(&(None, Some(Medal::Bronze))));
}

#[test]
fn medals_by_day_accumulate_over_every_day_of_the_games() {
    let s = fixture();
    assert_eq!(s.awarded.by_day.len(), 17);
    assert_eq!(
        s.awarded.by_day.last().unwrap().cumulative,
        s.awarded.totals
    );
    assert_eq!(
        now_of(&s).by_day.last().unwrap().cumulative,
        now_of(&s).totals
    );
    let aug4 = &now_of(&s).by_day[8];
    assert_eq!(
        (aug4.date.to_string().as_str(), aug4.cumulative.total),
        ("2012-08-04", 3)
    );
}

#[test]
fn medals_by_sex_and_category() {
    let s = fixture();
    let get =
        |v: &[CategoryMedals], c: &str| v.iter().find(|x| x.category == c).unwrap().medals.total;
    assert_eq!(
        (
            get(&s.awarded.by_sex, "men"),
            get(&s.awarded.by_sex, "women")
        ),
        (2, 4)
    );
    assert_eq!(
        (
            get(&now_of(&s).by_category, "men"),
            get(&now_of(&s).by_category, "women")
        ),
        (2, 2)
    );
    assert!(s.awarded.multiple_medallists.is_empty());
    assert_eq!(
        s.awarded.medallists.len(),
        8,
        "three hockey players, two judoka, one sprinter, one mixed pair"
    );
}

#[test]
fn ages_known_extremes_median_and_bands() {
    let s = fixture();
    let a = &s.ages;
    assert_eq!((a.known, a.unknown), (8, 1));
    assert_eq!(a.youngest.as_ref().unwrap().athletes, ["Gus Hall"]);
    assert_eq!(a.oldest.as_ref().unwrap().age, 41);
    assert_eq!(a.median, Some(25.5));
    assert_eq!(a.bands.iter().map(|b| b.total).sum::<u32>(), 8);
    assert_eq!(a.bands[0].label, "under 20");
    let men = &a.by_sex[0];
    assert_eq!((men.known, men.unknown, men.median), (4, 1, Some(27.5)));
}

#[test]
fn history_change_ranks_and_debuts() {
    let s = fixture();
    let h = &s.history;
    let p = h.previous.as_ref().unwrap();
    assert_eq!((p.year, p.athletes, p.medals_now), (2008, 3, 4));
    let share = h
        .ranks
        .iter()
        .find(|r| r.measure == Measure::MenShare)
        .unwrap();
    assert_eq!(share.to_date.as_ref().unwrap().display, "2");
    assert_eq!(share.overall.as_ref().unwrap().display, "3");
    assert_eq!(
        share.ahead_to_date,
        [history::YearValue {
            year: 2004,
            value: 80.0
        }]
    );
    assert_eq!(
        h.debut_sports.as_deref(),
        Some(&["Badminton".to_owned(), "Hockey".to_owned()][..])
    );
}

#[test]
fn reconciliation_marks_agreement_and_explains_differences() {
    let s = fixture();
    let get = |k: crate::model::ReferenceKey| s.reconciliation.iter().find(|r| r.key == k).unwrap();
    use crate::model::ReferenceKey as K;
    assert!(get(K::Athletes).agrees);
    assert!(get(K::MedalsAwarded).agrees);
    let rank = get(K::RankNow);
    assert!(!rank.agrees);
    assert_eq!(rank.computed, "3=");
    assert!(
        rank.explanation.contains("level with Betaland (BBB)"),
        "{}",
        rank.explanation
    );
    let share = get(K::MenShareRank);
    assert!(!share.agrees);
    assert!(
        share.explanation.contains("after 2004 (80.0 %)"),
        "{}",
        share.explanation
    );
    let bearers = get(K::FlagBearers);
    assert!(bearers.agrees, "Anna Berg is a known spelling of Ana Berg");
    assert!(bearers.explanation.contains("spelt Anna Berg"));
    assert!(get(K::FirstGold).agrees);
}

#[test]
fn kaz_2012_headline_figures_match_the_fact_sheet() {
    let s = kaz();
    let t = &s.team;
    assert_eq!(
        (
            t.athletes,
            t.men,
            t.women,
            t.sports,
            t.disciplines,
            t.entries,
            t.events
        ),
        (115, 74, 41, 16, 21, 134, 107)
    );
    assert_eq!(s.awarded.totals, MedalCount::from_array([7, 1, 5]));
    assert_eq!(s.awarded.rank.as_ref().unwrap().display, "12");
    assert_eq!(now_of(&s).totals, MedalCount::from_array([3, 2, 6]));
    assert_eq!(now_of(&s).rank.as_ref().unwrap().display, "23=");
    assert_eq!(
        (
            s.revisions.stripped,
            s.revisions.gained,
            s.revisions.changed_colour
        ),
        (4, 2, 1)
    );
    assert_eq!(
        (
            s.ages.known,
            s.ages.youngest.as_ref().unwrap().age,
            s.ages.oldest.as_ref().unwrap().age
        ),
        (113, 16, 41)
    );
    assert_eq!(t.non_starters.len(), 2);
    assert_eq!(t.team_sports.len(), 1);
    assert_eq!(t.team_sports[0].size, 13);
    assert_eq!(
        s.history.debut_sports.as_deref(),
        Some(&["Tennis".to_owned()][..])
    );
    let first = s
        .awarded
        .medals
        .iter()
        .find(|m| m.medal == Medal::Gold)
        .unwrap();
    assert_eq!(
        (first.athletes[0].as_str(), first.date.unwrap().to_string()),
        ("Alexander Vinokourov", "2012-07-28".to_owned())
    );
    let weightlifting = s
        .awarded
        .by_sport
        .iter()
        .find(|m| m.sport == "Weightlifting")
        .unwrap();
    assert_eq!(weightlifting.medals.gold, 4);
}

#[test]
fn kaz_2012_published_claims_that_differ() {
    let s = kaz();
    let differing: Vec<&str> = s
        .reconciliation
        .iter()
        .filter(|r| !r.agrees)
        .map(|r| r.key.name())
        .collect();
    assert_eq!(differing, ["men_share_rank", "rank_now"]);
    let share = s
        .reconciliation
        .iter()
        .find(|r| r.key.name() == "men_share_rank")
        .unwrap();
    assert_eq!(share.computed, "3");
    assert!(
        share
            .explanation
            .contains("after 1996 (75.0 %) and 2000 (66.2 %)")
    );
}

/// The built-in dataset as a source that records no decision after the Games would give it.
fn kaz_without_decisions() -> Stats {
    let mut data = native::dataset(&Files::BuiltIn).expect("the built-in dataset is valid");
    data.coverage.revisions = false;
    data.revisions.clear();
    compute(&data)
}

#[test]
fn without_decisions_after_the_games_there_is_one_view_and_json_now_is_null() {
    let s = kaz_without_decisions();
    assert!(s.now.is_none());
    let views: Vec<&str> = s.views().iter().map(|v| v.label()).collect();
    assert_eq!(views, ["as awarded"]);
    assert!(std::ptr::eq(s.latest(), &s.awarded));
    assert!(s.medal_list.iter().all(|m| m.now.is_none()));
    let json: serde_json::Value = serde_json::from_str(&json(&s).unwrap()).unwrap();
    assert!(json["now"].is_null());
    assert!(json["medal_list"][0]["now"].is_null());
    assert_eq!(json["revisions"]["net"]["total"], 0);
}

#[test]
fn both_views_with_decisions_and_json_ends_with_a_newline() {
    let s = kaz();
    let views: Vec<&str> = s.views().iter().map(|v| v.label()).collect();
    assert_eq!(views, ["as awarded", "now"]);
    let text = json(&s).unwrap();
    assert!(text.ends_with("}\n"));
    let measures: Vec<String> = s
        .history
        .ranks
        .iter()
        .map(|r| serde_json::to_string(&r.measure).unwrap())
        .collect();
    assert_eq!(
        measures,
        [
            "\"athletes\"",
            "\"men_share\"",
            "\"golds_awarded\"",
            "\"medals_awarded\"",
            "\"golds_now\"",
            "\"medals_now\""
        ]
    );
}

#[test]
fn the_medals_by_day_chart_draws_only_the_views_held() {
    let one = crate::svg::chart(
        crate::charts::ChartId::MedalsByDay,
        &kaz_without_decisions(),
        (1600, 900),
    )
    .unwrap();
    assert!(
        !one.contains(" now<"),
        "no line for a view the source lacks"
    );
    let two = crate::svg::chart(crate::charts::ChartId::MedalsByDay, &kaz(), (1600, 900)).unwrap();
    assert!(two.contains(" now\n</text>") && two.contains("\nnow\n</text>"));
}
