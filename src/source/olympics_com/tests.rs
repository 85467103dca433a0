//! Unit tests of what the family's readers parse: the 2026 events lists, the sets' dates and the
//! profile links of the 2021–22 sets.

use super::read::{day, entered, profile_code, us_day};
use crate::date::Date;

#[test]
fn an_events_list_gives_each_discipline_and_event() {
    let text = r#"[{'discipline': 'Cross-Country Skiing', 'event': "Women's Sprint Classic"}, {'discipline': 'Biathlon', 'event': ''}]"#;
    let pairs = entered(text).unwrap();
    assert_eq!(
        pairs,
        [
            (
                "Cross-Country Skiing".to_owned(),
                "Women's Sprint Classic".to_owned()
            ),
            ("Biathlon".to_owned(), String::new()),
        ]
    );
    assert_eq!(entered("[]"), Some(Vec::new()));
    assert_eq!(entered("[{'discipline': 'Luge'}]"), None, "no event key");
    assert_eq!(entered("Figure Skating"), None);
}

#[test]
fn the_sets_dates_are_read_in_their_forms() {
    assert_eq!(day("2022-02-05 00:00:00.0"), Date::new(2022, 2, 5));
    assert_eq!(day("2026-02-13"), Date::new(2026, 2, 13));
    assert_eq!(day("2026-02-13 noon"), None);
    assert_eq!(us_day("09/3/2003"), Date::new(2003, 9, 3));
    assert_eq!(us_day("04/31/1998"), None, "no such day");
    assert_eq!(us_day("1998-04-30"), None);
}

#[test]
fn a_profile_link_gives_the_athletes_number() {
    let link = "../../../en/results/judo/athlete-profile-n1346266-smetov-yeldos.htm";
    assert_eq!(profile_code(link), Some("1346266"));
    assert_eq!(profile_code("../../../en/results/judo/smetov.htm"), None);
}
