//! Running a checked `Config`: one module per command, each returning the text it reports on
//! standard output.

mod batch;
mod charts;
mod report;
mod sources;
mod stats;

use std::io::Write;

use crate::config::Config;
use crate::error::Error;
use crate::interrupt;

/// Runs one command, writing its normal output to `out`.
pub fn run(config: &Config, out: &mut dyn Write) -> Result<(), Error> {
    let text = match config {
        Config::Stats(c) => stats::run(c)?,
        Config::Charts(c) => charts::run(c)?,
        Config::Report(c) => report::run(c)?,
        Config::Batch(c) => batch::run(c)?,
        Config::Sources(c) => {
            // The whole report first; then the problems it lists make the command fail.
            let (text, failure) = sources::run(c)?;
            write(out, &text)?;
            return failure.map_or(Ok(()), Err);
        }
    };
    if interrupt::requested() {
        // The work was short enough to finish; say so, and exit as interrupted.
        return Err(Error::Interrupted(text));
    }
    write(out, &text)
}

fn write(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}
