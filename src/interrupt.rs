//! Ctrl-C (SIGINT), SIGTERM and SIGHUP end a run in any phase with exit 130, and never leave a
//! half-written file.
//!
//! Outside a write the process stops at once: nothing of this run is on disk yet, and a read
//! blocked on a slow device or a full pipe cannot hold it. While files are written (`defer`), a
//! signal is only noted: the writer finishes the file or folder it is on, starts no other, and the
//! run exits with 130 and its report of what was done, so a rerun completes the rest.

use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::error::exit;

#[derive(Debug)]
struct State {
    /// A signal has come.
    requested: bool,
    /// Writers at work, each holding a `Deferred`.
    writing: usize,
}

static STATE: Mutex<State> = Mutex::new(State {
    requested: false,
    writing: 0,
});

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Installs the handler. Harmless to call twice; if the platform refuses, the default (stop at
/// once) stays, which still never leaves a half-written file under a target's name.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let mut state = state();
        state.requested = true;
        if state.writing == 0 {
            // The lock is held until the process ends, so no write can begin in between.
            eprintln!("podium: interrupted; nothing was left half-written");
            std::process::exit(exit::INTERRUPTED);
        }
    });
}

/// Whether the user has asked podium to stop.
pub fn requested() -> bool {
    state().requested
}

/// While this is held a signal does not stop the process: the holder checks `requested` and
/// stops at a point where every file is whole.
#[derive(Debug)]
pub struct Deferred(());

/// Defers signals until the value returned is dropped.
pub fn defer() -> Deferred {
    state().writing += 1;
    Deferred(())
}

impl Drop for Deferred {
    fn drop(&mut self) {
        let mut state = state();
        state.writing = state.writing.saturating_sub(1);
    }
}
