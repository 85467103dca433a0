//! Charts as SVG strings, for slides. A renderer: it returns text and never touches a file.

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use crate::charts::{self, ChartError, ChartId, Options};
use crate::stats::Stats;
use crate::text::escape_xml;

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
    Ok(labelled(
        &text,
        &format!("{}: {}", id.title(), id.subtitle(s)),
        &charts::alt(id, s),
    ))
}

/// The SVG with its accessible name and description: `role="img"` and `aria-labelledby` on the
/// root, and `<title>` and `<desc>` as its first children, so that slide tools, browsers and
/// screen readers have what the chart shows in words.
fn labelled(svg: &str, title: &str, description: &str) -> String {
    let Some(open) = svg.find("<svg") else {
        return svg.to_owned();
    };
    let Some(end) = svg[open..].find('>').map(|e| open + e) else {
        return svg.to_owned();
    };
    let mut out = String::with_capacity(svg.len() + title.len() + description.len() + 160);
    out.push_str(&svg[..end]);
    out.push_str(r#" role="img" aria-labelledby="chart-title chart-desc">"#);
    out.push_str(&format!(
        "\n<title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>",
        escape_xml(title),
        escape_xml(description)
    ));
    out.push_str(&svg[end + 1..]);
    out
}
