//! The `podium` binary: parse arguments, check them into a `Config`, run it, report errors with
//! their exit codes.

use std::io::{self, ErrorKind};
use std::process::ExitCode;

use clap::Parser;
use podium::cli::Cli;
use podium::config::Config;
use podium::error::{Error, exit};

fn main() -> ExitCode {
    // clap prints usage errors and exits with 2 (help and version with 0).
    let cli = Cli::parse();
    podium::interrupt::install();
    let stdout = io::stdout();
    let result =
        Config::from_cli(cli).and_then(|config| podium::app::run(&config, &mut stdout.lock()));
    let code = match result {
        Ok(()) => exit::SUCCESS,
        // A reader that stops early (`podium stats | head -1`) is not a failure.
        Err(Error::Output(e)) if e.kind() == ErrorKind::BrokenPipe => exit::SUCCESS,
        // Every problem on its own line, each starting with its file and line; then the count.
        Err(e @ (Error::Data(_) | Error::ManyData { .. })) => {
            eprintln!("{e}");
            exit::DATA
        }
        // `batch --check`: the report with the list of files that would change, on standard
        // output like any report; the exit code says that something would.
        Err(Error::WouldChange(report)) => {
            use std::io::Write as _;
            // A closed pipe loses the list, not the verdict: the code still says it.
            let _ = stdout.lock().write_all(report.as_bytes());
            exit::WOULD_CHANGE
        }
        // A batch's report, then what went wrong; each line says what it is.
        Err(e @ (Error::Batch { .. } | Error::Interrupted(_))) => {
            eprintln!("{e}");
            e.exit_code()
        }
        Err(e) => {
            eprintln!("podium: {e}");
            e.exit_code()
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
