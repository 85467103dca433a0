//! Property tests: whatever bytes the loaders are given, they return a dataset or a clean error,
//! never a panic; and whatever the Kaggle and Paris adapters accept, the statistics and the
//! briefing can be made from.

use std::fs;

use podium::error::Error;
use podium::source::kaggle::Olympics;
use podium::source::native::{self, FILES, Files};
use podium::source::paris::Paris;
use proptest::prelude::*;

use crate::support::{KAGGLE, MINI, copy_paris};

/// A loader's answer must be a dataset or data problems, each naming a file of the dataset.
fn clean(result: Result<impl Sized, Error>, files: &[&str]) -> Result<(), TestCaseError> {
    match result {
        Ok(_) => Ok(()),
        Err(Error::Data(errors)) | Err(Error::ManyData { shown: errors, .. }) => {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(files.iter().any(|f| e.file.ends_with(f)), "{e}");
                prop_assert!(!e.problem.is_empty());
            }
            Ok(())
        }
        Err(other) => Err(TestCaseError::fail(format!("not a data error: {other}"))),
    }
}

fn mini() -> Vec<(String, Vec<u8>)> {
    FILES
        .iter()
        .map(|f| ((*f).to_owned(), fs::read(format!("{MINI}/{f}")).unwrap()))
        .collect()
}

/// Values that break things: empty, huge, signs, formulas, quotes, separators, controls, marks,
/// scripts, numbers at the edges.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("NA".to_owned()),
        Just("-1".to_owned()),
        Just("4294967296".to_owned()),
        Just("=SUM(A1:A9)".to_owned()),
        Just("@cmd".to_owned()),
        Just("\"".to_owned()),
        Just("a,b".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{202e}x".to_owned()),
        Just("Қайрат".to_owned()),
        Just("2012-02-30".to_owned()),
        Just("=3".to_owned()),
        Just("gold".to_owned()),
        "[a-z0-9 =/-]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bytes at all in place of one file of the native format.
    #[test]
    fn native_files_of_any_bytes(file in 0..FILES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut files = mini();
        files[file].1 = bytes;
        let result = native::dataset(&Files::Memory(files));
        clean(result, &FILES)?;
    }

    /// One field of one row of the valid mini dataset replaced by a hostile value.
    #[test]
    fn native_fields_replaced(file in 0..FILES.len(), row in 0usize..40, field in 0usize..16, value in nasty()) {
        let mut files = mini();
        let text = String::from_utf8(files[file].1.clone()).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let n = lines.len();
        let line = &mut lines[row % n];
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        let k = cells.len();
        cells[field % k] = value;
        *line = cells.join(",");
        files[file].1 = (lines.join("\n") + "\n").into_bytes();
        let result = native::dataset(&Files::Memory(files)).map(|d| podium::stats::compute(&d));
        clean(result, &FILES)?;
    }

    /// Any bytes as athlete_events.csv.
    #[test]
    fn kaggle_file_of_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        clean(Olympics::parse("athlete_events.csv", &bytes, None), &["athlete_events.csv"])?;
    }

    /// The fixture with one field of one row replaced: parsed, and every nation it accepts gets
    /// its statistics and its JSON.
    #[test]
    fn kaggle_fields_replaced(row in 1usize..40, field in 0usize..15, value in nasty()) {
        let text = fs::read_to_string(KAGGLE).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let n = lines.len();
        let line = &mut lines[1 + row % (n - 1)];
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        let k = cells.len();
        cells[field % k] = if value.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        };
        *line = cells.join(",");
        let bytes = (lines.join("\n") + "\n").into_bytes();
        let parsed = Olympics::parse("athlete_events.csv", &bytes, None);
        if let Ok(file) = &parsed {
            for games in 0..file.games_list().len() {
                for noc in file.nocs(games) {
                    let data = file.dataset(games, noc).unwrap();
                    let stats = podium::stats::compute(&data);
                    prop_assert_eq!(stats.team.athletes as usize, data.athletes.len());
                    prop_assert!(stats.awarded.totals.total as usize <= data.entries.len());
                    podium::briefing::stats_json(&stats).unwrap();
                }
            }
        }
        clean(parsed, &["athlete_events.csv"])?;
    }
}

/// The files of the Paris fixture folder a property may change.
const PARIS_FILES: [&str; 10] = [
    "athletes.csv",
    "events.csv",
    "medals.csv",
    "teams.csv",
    "nocs.csv",
    "schedules.csv",
    "results/Judo.csv",
    "results/Athletics.csv",
    "results/Archery.csv",
    "results/Tennis.csv",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The Paris fixture folder with one field of one row of one file replaced: read, and every
    /// nation it accepts gets its statistics and its JSON; or data errors naming a file of it.
    #[test]
    fn paris_fields_replaced(file in 0..PARIS_FILES.len(), row in 0usize..20, field in 0usize..25, value in nasty()) {
        let dir = copy_paris();
        let path = dir.path().join(PARIS_FILES[file]);
        let text = fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let n = lines.len();
        let line = &mut lines[row % n];
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        let k = cells.len();
        cells[field % k] = if value.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        };
        *line = cells.join(",");
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        let read = Paris::read(dir.path());
        if let Ok(paris) = &read {
            for noc in paris.nocs() {
                let data = paris.dataset(&noc).unwrap();
                let stats = podium::stats::compute(&data);
                prop_assert_eq!(stats.team.athletes as usize, data.athletes.len());
                podium::briefing::stats_json(&stats).unwrap();
            }
        }
        clean(read, &PARIS_FILES)?;
    }
}

/// A whole briefing, PDF included, for a few accepted variants: rendering takes what the
/// adapter accepts.
#[test]
fn briefings_render_for_odd_but_valid_names() {
    let text = fs::read_to_string(KAGGLE).unwrap();
    for (from, to) in [
        ("Ivan Dychko", "=cmd|' /C calc'!A0"),
        ("Ivan Dychko", "Ivan (Dychko) \\ [x]"),
        ("Ivan Dychko", "Иван Дычко"),
        ("Ivan Dychko", &"W".repeat(1000)),
    ] {
        let changed = text.replace(from, to);
        let file = Olympics::parse("athlete_events.csv", changed.as_bytes(), None).unwrap();
        let games = file
            .find_games(&podium::source::kaggle::GamesChoice::Name(
                "2012 Summer".into(),
            ))
            .unwrap();
        let stats = podium::stats::compute(&file.dataset(games, "KAZ").unwrap());
        let pdf = podium::report::pdf(
            &stats,
            podium::report::ReportOptions {
                paper: podium::report::A4,
                date: 0,
                standard: Default::default(),
            },
        )
        .unwrap();
        assert!(lopdf::Document::load_mem(&pdf).is_ok(), "{to}");
    }
}
