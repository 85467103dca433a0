//! Ctrl-C (SIGINT, and SIGTERM): asked to stop, podium finishes the file it is writing, starts no
//! other, and exits with 130. Every file is written to a temporary name and renamed when whole, so
//! an interrupted run leaves each file as it was or complete, never half-written, and a rerun
//! completes the rest.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Installs the handler. Harmless to call twice; if the platform refuses, the default (stop at
/// once) stays, which still never leaves a half-written file under a target's name.
pub fn install() {
    let _ = ctrlc::set_handler(|| REQUESTED.store(true, Ordering::SeqCst));
}

/// Whether the user has asked podium to stop.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
