//! Tables whose last columns repeat once per medal view: one view (as the source records them)
//! or two (as awarded, and now). The shares of the width are tuned for each count.

use crate::stats::{MedalView, Stats};

use super::super::layout::{Align, Column, col};
use super::words::capitalised;

/// The medal views a section shows.
pub struct Views<'a>(Vec<&'a MedalView>);

impl<'a> Views<'a> {
    /// The views the statistics hold.
    pub fn of(s: &'a Stats) -> Self {
        Self(s.views())
    }

    /// Both views, as awarded and now.
    pub fn both(&self) -> bool {
        self.0.len() > 1
    }

    /// `one` with a single view, `two` with both: widths and wording tuned for each.
    pub fn pick<T>(&self, one: T, two: T) -> T {
        if self.both() { two } else { one }
    }

    /// `, as awarded and now` with both views, to end a caption; nothing with one.
    pub fn caption_suffix(&self) -> &'static str {
        self.pick("", ", as awarded and now")
    }

    /// A view's column heading: its name, or `single` when it is the only view.
    pub fn heading(&self, v: &MedalView, single: &str) -> String {
        if self.both() {
            capitalised(v.label())
        } else {
            single.to_owned()
        }
    }

    /// One medal column per view, headed by `heading` (its name with both views).
    pub fn column(&self, heading: &str, width: f32, align: Align) -> Vec<Column> {
        self.columns(|v| vec![col(&self.heading(v, heading), width, align)])
    }

    /// The columns of every view, in order.
    pub fn columns(&self, per_view: impl Fn(&MedalView) -> Vec<Column>) -> Vec<Column> {
        self.0.iter().flat_map(|v| per_view(v)).collect()
    }

    /// `lead`, then the cells of every view, in order.
    pub fn cells(
        &self,
        mut lead: Vec<String>,
        per_view: impl Fn(&MedalView) -> Vec<String>,
    ) -> Vec<String> {
        lead.extend(self.0.iter().flat_map(|v| per_view(v)));
        lead
    }

    /// The views, as awarded first.
    pub fn iter(&self) -> impl Iterator<Item = &'a MedalView> + '_ {
        self.0.iter().copied()
    }
}
