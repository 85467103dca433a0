//! Running a command: `batch` for now.

pub mod batch;
