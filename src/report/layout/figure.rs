//! Figures: a chart across the body on the slide's shape, with its numbered caption beneath,
//! kept together.

use super::style::{CHART_ASPECT, FIGURE_CAPTION_GAP, FIGURE_KEEP_EXTRA, FIGURE_SPACE_BELOW, Pt};
use super::{Flow, Item, Part, Target};
use crate::charts::ChartId;

impl Flow<'_> {
    /// A figure is never split from its caption.
    pub(super) fn figure_min_height(&self, caption: &str) -> Pt {
        self.g.width() * CHART_ASPECT + self.caption_height(caption) + FIGURE_KEEP_EXTRA
    }

    pub(super) fn figure(&mut self, chart: ChartId, caption: &str) {
        self.figures += 1;
        let caption = format!("Figure {}. {}", self.figures, caption);
        let w = self.g.width();
        let h = w * CHART_ASPECT;
        self.ensure(h + self.caption_height(&caption) + FIGURE_KEEP_EXTRA);
        let (x, top) = (self.g.left, self.y);
        self.anchor(
            Target::Figure(self.figures),
            format!("figure-{}", self.figures),
        );
        self.push(Item::Chart {
            id: chart,
            x,
            top,
            w,
            h,
        });
        self.y += h + FIGURE_CAPTION_GAP;
        self.caption(&caption, Part::Caption);
        self.y += FIGURE_SPACE_BELOW;
    }
}
