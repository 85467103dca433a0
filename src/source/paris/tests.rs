//! Unit tests of the Paris 2024 reader: lists in cells, both date forms.

use super::read::{day, display_name, list};
use crate::date::Date;

#[test]
fn lists_are_read_python_style() {
    assert_eq!(list("['Wrestling']"), Some(vec!["Wrestling".to_owned()]));
    assert_eq!(
        list(r#"["Men's Greco-Roman 97kg", 'Mixed Team']"#),
        Some(vec![
            "Men's Greco-Roman 97kg".to_owned(),
            "Mixed Team".to_owned()
        ])
    );
    assert_eq!(list("[Athletics]"), Some(vec!["Athletics".to_owned()]));
    assert_eq!(list("[]"), Some(vec![]));
    assert_eq!(list("Judo"), None);
    assert_eq!(list("['Judo"), None);
    assert_eq!(list("['a' 'b']"), None);
}

#[test]
fn days_in_both_forms() {
    let d = Date::new(1991, 10, 21);
    assert_eq!(day("1991-10-21"), d);
    assert_eq!(day("21-10-1991"), d);
    assert_eq!(day("31-02-1991"), None);
    assert_eq!(day("21/10/1991"), None);
    assert_eq!(day("1-10-1991"), None);
}

#[test]
fn names_are_written_given_name_first() {
    assert_eq!(display_name("SMETOV Yeldos"), "Yeldos Smetov");
    assert_eq!(display_name("de NAEYER Janie"), "Janie de Naeyer");
    assert_eq!(
        display_name("BORODA-DUDOCHKIN Georgiy"),
        "Georgiy Boroda-Dudochkin"
    );
    assert_eq!(
        display_name("MUKHAMMEDSABYR Bazarbay Uulu"),
        "Bazarbay Uulu Mukhammedsabyr"
    );
    assert_eq!(display_name("AMIR"), "Amir");
    assert_eq!(
        display_name("McLAUGHLIN-LEVRONE Sydney"),
        "Sydney McLaughlin-Levrone"
    );
    assert_eq!(display_name("MacDONALD Anna"), "Anna MacDonald");
    // A given name that merely starts like a prefix stays one.
    assert_eq!(display_name("McKEON Emma Jo"), "Emma Jo McKeon");
    assert_eq!(display_name("SMITH Mac"), "Mac Smith");
    assert_eq!(display_name("PAPADOPOULOS Nikos"), "Nikos Papadopoulos");
    assert_eq!(display_name("ΤΕΝΤΟΓΛΟΥ Μίλτος"), "Μίλτος Τεντογλου");
    assert_eq!(display_name("ΠΑΠΑΣ Νίκος"), "Νίκος Παπας");
    assert_eq!(
        display_name("Tsitsipas / Tsitsipas"),
        "Tsitsipas / Tsitsipas"
    );
}
