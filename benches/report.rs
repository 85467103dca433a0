//! Times the whole briefing for the default dataset: load and check the data, compute the
//! statistics, lay out and write the PDF with all its charts, draw the eight slide SVGs, and
//! encode stats.json. Everything podium report does except writing the files.
//!
//! Run with `cargo bench --bench report`. Prints the median and the best of the runs, and the
//! sizes produced.

// A benchmark that cannot render has nothing to measure: it stops with the reason.
#![allow(clippy::expect_used)]

use std::time::{Duration, Instant};

use podium::charts::ChartId;
use podium::cli::{ImageFormat, Size};
use podium::report::{self, A4, ReportOptions};
use podium::source::native::{self, Files};

fn once() -> (usize, usize, usize) {
    let data = native::dataset(&Files::BuiltIn).expect("the built-in dataset is valid");
    let stats = podium::stats::compute(&data);
    let pdf = report::pdf(
        &stats,
        ReportOptions {
            paper: A4,
            date: 1_700_000_000,
            standard: Default::default(),
        },
    )
    .expect("the PDF renders");
    let charts =
        podium::briefing::draw_charts(&stats, &ChartId::ALL, Size::SLIDE, ImageFormat::Svg)
            .expect("the charts draw");
    let json = podium::briefing::stats_json(&stats).expect("the JSON encodes");
    let svg: usize = charts.drawn.iter().map(|c| c.bytes.len()).sum();
    (pdf.len(), svg, json.len())
}

/// Median milliseconds of `runs` calls of `f`.
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2].as_secs_f64() * 1000.0
}

fn stages(runs: usize) {
    let data = native::dataset(&Files::BuiltIn).expect("valid");
    let stats = podium::stats::compute(&data);
    let load = median_ms(runs, || native::dataset(&Files::BuiltIn).expect("valid"));
    let compute = median_ms(runs, || podium::stats::compute(&data));
    let pdf = median_ms(runs, || {
        report::pdf(
            &stats,
            ReportOptions {
                paper: A4,
                date: 0,
                standard: Default::default(),
            },
        )
        .expect("renders")
    });
    let svg = median_ms(runs, || {
        podium::briefing::draw_charts(&stats, &ChartId::ALL, Size::SLIDE, ImageFormat::Svg)
            .expect("draws")
    });
    let json = median_ms(runs, || {
        podium::briefing::stats_json(&stats).expect("encodes")
    });
    println!(
        "stages (median): load and check {load:.1} ms, statistics {compute:.1} ms, PDF {pdf:.1} ms, SVGs {svg:.1} ms, JSON {json:.1} ms"
    );
}

fn main() {
    let runs = 40;
    stages(runs);
    let sizes = once();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(once());
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "whole briefing (data, stats, PDF with charts, 8 SVGs, JSON): median {:.1} ms, best {:.1} ms over {runs} runs",
        ms(times[runs / 2]),
        ms(times[0])
    );
    println!(
        "PDF {} bytes, SVGs {} bytes, stats.json {} bytes",
        sizes.0, sizes.1, sizes.2
    );
}
