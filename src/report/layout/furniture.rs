//! Page furniture: the running header with its rule, the footer with its rule and the page
//! number, on every page but the cover. Placed after the flow, when the page count is known.

use super::style::{
    FOOTER_RISE, FOOTER_RULE_RISE, FOOTER_SIZE, FURNITURE_RULE, HEADER_DROP, HEADER_RULE_GAP,
    HEADER_SIZE, INK, MUTED, PAGE_NUMBER_ROOM, PAGE_RULE, Pt, Rgb,
};
use super::{Geometry, Item, Laid, Origin, Page, fit, measure};
use crate::report::metrics::{Metrics, Weight};

/// The texts of the header and the footer.
#[derive(Debug, Clone)]
pub struct Running {
    /// The running header, on every page but the cover.
    pub header: String,
    /// The left side of the footer; the page number is on the right.
    pub footer: String,
}

/// Adds the footer and page number to every page of `laid`, and the header to every page but
/// the cover, which has the title instead. (A footer on every page is also how a reader of the
/// tagged PDF tells it for page furniture.)
pub fn furnish(laid: &mut Laid, g: Geometry, m: &Metrics, running: &Running) {
    let total = laid.pages.len();
    for (i, page) in laid.pages.iter_mut().enumerate() {
        let number = format!("page {} of {total}", i + 1);
        furnish_page(page, g, m, running, &number, i > 0);
    }
}

fn furnish_page(
    page: &mut Page,
    g: Geometry,
    m: &Metrics,
    running: &Running,
    number: &str,
    header: bool,
) {
    let (width, height) = (g.paper.width, g.paper.height);
    let text = |x: Pt, y: Pt, size: Pt, weight: Weight, color: Rgb, text: String| Item::Text {
        x,
        y,
        size,
        weight,
        color,
        text,
        link: None,
    };
    let rule = |y: Pt| Item::Rule {
        from: (g.left, y),
        to: (width - g.right, y),
        width: FURNITURE_RULE,
        color: PAGE_RULE,
    };
    let top = height - HEADER_DROP;
    let heading = fit(m, &running.header, HEADER_SIZE, Weight::Bold, g.width());
    let footer = fit(
        m,
        &running.footer,
        FOOTER_SIZE,
        Weight::Regular,
        g.width() - PAGE_NUMBER_ROOM,
    );
    let number_x = width - g.right - measure(m, number, FOOTER_SIZE, Weight::Regular);
    if header {
        page.push(
            Origin::Furniture,
            text(g.left, top, HEADER_SIZE, Weight::Bold, MUTED, heading),
        );
        page.push(Origin::Furniture, rule(top - HEADER_RULE_GAP));
    }
    for item in [
        rule(FOOTER_RULE_RISE),
        text(
            g.left,
            FOOTER_RISE,
            FOOTER_SIZE,
            Weight::Regular,
            MUTED,
            footer,
        ),
        text(
            number_x,
            FOOTER_RISE,
            FOOTER_SIZE,
            Weight::Regular,
            INK,
            number.to_owned(),
        ),
    ] {
        page.push(Origin::Furniture, item);
    }
}
