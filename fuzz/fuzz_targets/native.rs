//! Any bytes split into the ten files of the native format (the first byte picks the file that
//! takes the input; the others are the valid built-in ones): loaded, checked, and when valid, the
//! statistics. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium::source::native::{self, FILES, Files};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/mini");

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let target = usize::from(pick) % FILES.len();
    let files = FILES
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let data = if i == target {
                rest.to_vec()
            } else {
                std::fs::read(format!("{MINI}/{f}")).unwrap_or_default()
            };
            ((*f).to_owned(), data)
        })
        .collect();
    if let Ok(data) = native::dataset(&Files::Memory(files)) {
        let _ = podium::stats::compute(&data);
    }
});
