//! `podium charts`: draw the charts asked for, save them, remove the ones an earlier run drew that
//! this data no longer has.

use crate::briefing::{draw_charts, folder_of};
use crate::config::DrawCharts;
use crate::error::Error;
use crate::{interrupt, save, source, stats};

/// Draws and saves the charts; returns the report of what was written and left out.
pub fn run(config: &DrawCharts) -> Result<String, Error> {
    let stats = stats::compute(&source::dataset(&config.source, &config.now)?);
    // Everything is drawn before anything is written, so bad data or a drawing failure leaves
    // the folder as it was; each file is then replaced atomically.
    let set = draw_charts(&stats, &config.ids, config.size, config.format)?;
    if set.drawn.is_empty() {
        // Not a success that writes nothing: the data cannot give what was asked for.
        let why: Vec<String> = set
            .skipped
            .iter()
            .map(|(id, reason)| format!("{id}: {reason}"))
            .collect();
        return Err(Error::Usage(format!(
            "no chart asked for can be drawn from this data ({}); nothing was written",
            why.join("; ")
        )));
    }
    let dir = folder_of(&config.out, &stats).join("charts");
    let extension = config.format.extension();
    let mut report = String::new();
    // A signal waits for the file being written, then stops the run.
    let _writing = interrupt::defer();
    for chart in &set.drawn {
        if interrupt::requested() {
            break;
        }
        let path = dir.join(format!("{}.{extension}", chart.id));
        save::atomically(&path, &chart.bytes)?;
        report.push_str(&format!("wrote {}\n", path.display()));
    }
    for (id, reason) in &set.skipped {
        report.push_str(&format!("skipped {id}: {reason}\n"));
        let stale = dir.join(format!("{id}.{extension}"));
        if save::remove_stale(&stale)? {
            report.push_str(&format!(
                "removed {}, drawn by an earlier run\n",
                stale.display()
            ));
        }
    }
    Ok(report)
}
