//! podium: an Olympic team's data in, a briefing out.
//!
//! The pipeline, one stage per module: `cli` (the command line) → `config` (checked once into a
//! `Config`) → `app` (one module per command) → `source` (files in each input format to a checked
//! `Dataset`) → `stats` (the `Dataset` to one `Stats` value) → renderers that return text or bytes
//! (`summary` for the terminal, JSON through serde, `charts` drawn by `svg` and `png`, `report`
//! for the PDF; `briefing` holds them in memory, `index` a batch's list of them) → `save`, the only module that writes files.

pub mod app;
pub mod briefing;
pub mod charts;
pub mod cli;
pub mod config;
pub mod date;
pub mod error;
pub mod fonts;
pub mod hash;
pub mod index;
pub mod interrupt;
pub mod model;
pub mod png;
pub mod report;
pub mod save;
pub mod source;
pub mod stats;
pub mod summary;
pub mod svg;
pub mod text;
