//! Snapshots of the whole `Stats` value as JSON, so that any change to a statistic is reviewed on
//! purpose (`cargo insta review`, or INSTA_UPDATE=always and read the diff).

use std::path::PathBuf;

use podium::source::native::{self, Files};

fn stats_json(source: &Files) -> String {
    let data = native::dataset(source).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_string_pretty(&podium::stats::compute(&data)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn stats_of_the_default_dataset() {
    insta::assert_snapshot!("kaz_2012", stats_json(&Files::BuiltIn));
}

#[test]
fn stats_of_the_mini_fixture() {
    let dir = PathBuf::from(crate::support::MINI);
    insta::assert_snapshot!("mini", stats_json(&Files::Dir(dir)));
}
