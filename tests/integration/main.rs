//! Every integration test in one binary (one link instead of eight): the `podium` binary as a
//! user runs it, and the library's stages on fixtures written for these tests. `support` holds
//! what the modules share; each module is one area of behaviour.

// Helpers outside #[test] functions fail the test by panicking; that is their job here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod bad_data;
mod batch_ci;
mod charts;
mod cli;
mod hostile;
mod kaggle;
mod kaggle_crew;
mod ledger;
mod ledger_decided;
mod paris;
mod properties;
mod reliability;
mod report;
mod snapshots;
mod sources;
mod tagged;
