//! Any bytes as athlete_events.csv: read, and for every nation of every Games accepted, the
//! dataset and the statistics. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium::source::kaggle::Olympics;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(file) = Olympics::parse("athlete_events.csv", bytes, None) {
        for games in 0..file.games_list().len() {
            for noc in file.nocs(games) {
                if let Ok(data) = file.dataset(games, noc) {
                    let stats = podium::stats::compute(&data);
                    let _ = podium::briefing::stats_json(&stats);
                }
            }
        }
    }
});
