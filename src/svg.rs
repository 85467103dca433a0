//! Charts as SVG strings, for slides. A renderer: it returns text and never touches a file.

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::charts::{self, ChartError, ChartId, Options};
use crate::stats::Stats;

/// One chart as a standalone SVG document of `size` pixels, with width, height and viewBox.
pub fn chart(id: ChartId, s: &Stats, size: (u32, u32)) -> Result<String, ChartError> {
    let mut text = String::new();
    {
        let area = SVGBackend::with_string(&mut text, size).into_drawing_area();
        charts::draw(
            id,
            s,
            &area,
            Options {
                titles: true,
                type_scale: 1.0,
            },
        )?;
    }
    Ok(text)
}
