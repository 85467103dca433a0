//! Every integration test in one binary (one link instead of many): the `podium` binary as a
//! user runs it, and the library's stages on fixtures written for these tests. `support` holds
//! what the modules share (`support::run::Run`, one run of the binary and what must come of it).
//!
//! The modules are grouped by what they feed podium: the native data (`native_input`), the
//! 120-year Kaggle file (`kaggle_input`), the Paris folder (`paris_input`), several sources at
//! once (`sources`), the revision ledger (`ledger`) and many nations at once (`batch`); then by
//! what podium makes of it: the PDF (`pdf`, `tagged`), the charts (`charts`), the statistics
//! (`snapshots`), the files and folders it writes (`output`), and the binary itself, whatever
//! the input (`cli`). `properties` feeds every loader arbitrary bytes.

// Helpers outside #[test] functions fail the test by panicking; that is their job here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod batch;
mod charts;
mod cli;
mod kaggle_input;
mod ledger;
mod ledger_decided;
mod native_input;
mod olympics_com;
mod output;
mod paris_input;
mod pdf;
mod properties;
mod snapshots;
mod sources;
mod sources_command;
mod tagged;
