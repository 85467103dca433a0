//! The page theme: every type size, leading, margin and spacing of the printed briefing, in
//! points (`Pt`), named once; shares and factors are bare `f32`. Colours come from the one palette, `charts::theme`.

use plotters::style::RGBColor;

pub use super::pt::Pt;

use crate::charts::SLIDE;
pub use crate::charts::theme::{ACCENT, INK, MUTED, PAGE_RULE, PANEL, STRIPE};

/// A colour as red, green, blue: the palette's type.
pub type Rgb = RGBColor;

// Margins.
/// Left and right margins.
pub const MARGIN_SIDE: Pt = Pt(56.7);
/// From the top edge to the top of the body.
pub const MARGIN_TOP: Pt = Pt(68.0);
/// From the bottom edge to the foot of the body.
pub const MARGIN_BOTTOM: Pt = Pt(62.0);

// Text: sizes and leadings.
/// Running text.
pub const BODY: Pt = Pt(9.5);
/// Running text's leading.
pub const BODY_LEADING: Pt = Pt(13.5);
/// The cover's summary.
pub const LEAD: Pt = Pt(11.0);
/// The cover summary's leading.
pub const LEAD_LEADING: Pt = Pt(15.5);
/// Notes, captions, key-figure labels.
pub const SMALL: Pt = Pt(8.0);
/// Small text's leading.
pub const SMALL_LEADING: Pt = Pt(10.5);
/// Table cells.
pub const TABLE: Pt = Pt(8.2);
/// A table line's leading.
pub const TABLE_LEADING: Pt = Pt(10.4);
/// Section headings.
pub const H1: Pt = Pt(17.0);
/// A section heading's leading.
pub const H1_LEADING: Pt = Pt(24.0);
/// Subheadings.
pub const H2: Pt = Pt(11.0);
/// A subheading's leading.
pub const H2_LEADING: Pt = Pt(17.0);
/// The cover's title and subtitle.
pub const TITLE: Pt = Pt(26.0);
/// The title's leading.
pub const TITLE_LEADING: Pt = Pt(32.0);
/// The cover's subtitle.
pub const SUBTITLE: Pt = Pt(13.0);
/// The subtitle's leading.
pub const SUBTITLE_LEADING: Pt = Pt(18.0);
/// A line's baseline below its top, as a share of the type size.
pub const ASCENT: f32 = 0.8;
/// How close to the body top the cursor must be to count as at the top of a page.
pub const AT_TOP_TOLERANCE: Pt = Pt(0.01);

// Keeping together.
/// Lines of a paragraph kept together at the foot or head of a page (no orphan, no widow).
pub const KEEP_LINES: usize = 2;
/// A section heading needs this much room besides what must follow it.
pub const HEADING_KEEP: Pt = Pt(40.0);
/// A subheading likewise.
pub const SUBHEADING_KEEP: Pt = Pt(22.0);
/// An introduction of at most this many lines does not count as the start of a section.
pub const SHORT_INTRO_LINES: usize = 3;

// The cover.
/// The title starts this far below the body top.
pub const TITLE_DROP: Pt = Pt(40.0);
/// Space between the subtitle and the rule beneath it.
pub const TITLE_RULE_GAP: Pt = Pt(6.0);
/// The width of the rule under the title.
pub const TITLE_RULE: Pt = Pt(2.0);
/// Space below the title's rule.
pub const TITLE_SPACE_BELOW: Pt = Pt(18.0);

// Headings.
/// Space above a section heading, except at the top of a page.
pub const HEADING_SPACE_ABOVE: Pt = Pt(10.0);
/// The rule under a heading rises this much into the heading's last line.
pub const HEADING_RULE_RISE: Pt = Pt(2.0);
/// The width of the rule under a section heading.
pub const HEADING_RULE: Pt = Pt(0.8);
/// Space below a section heading's rule.
pub const HEADING_SPACE_BELOW: Pt = Pt(8.0);
/// Space above a subheading.
pub const SUBHEADING_SPACE_ABOVE: Pt = Pt(4.0);

// Paragraphs and lists.
/// Space after a paragraph, in leadings.
pub const PARAGRAPH_SPACE: f32 = 0.45;
/// A list item's text is set in this far.
pub const BULLET_INDENT: Pt = Pt(12.0);
/// The bullet sits this far in and down.
pub const BULLET_OFFSET: Pt = Pt(2.0);
/// Space after a list item.
pub const BULLET_SPACE_BELOW: Pt = Pt(2.0);
/// Space after a list.
pub const LIST_SPACE_BELOW: Pt = Pt(4.0);

// Captions, tables, figures.
/// Space below a caption.
pub const CAPTION_SPACE_BELOW: Pt = Pt(4.0);
/// Horizontal padding of a cell on each side.
pub const CELL_PAD: Pt = Pt(4.0);
/// Vertical padding of a row, above and below together.
pub const ROW_PAD: Pt = Pt(5.0);
/// How far an indented first cell moves in.
pub const CELL_INDENT: Pt = Pt(10.0);
/// The width of the rule under a table's header row.
pub const HEADER_RULE: Pt = Pt(0.8);
/// The width of the rule at a table's foot.
pub const TABLE_FOOT_RULE: Pt = Pt(0.6);
/// Space below a table's foot rule.
pub const TABLE_SPACE_BELOW: Pt = Pt(12.0);
/// Room asked for beyond a table's caption and rows before it starts.
pub const TABLE_KEEP_EXTRA: Pt = Pt(4.0);
/// At the foot of a page a table needs room for this many rows as tall as its header: the header
/// and a first row.
pub const TABLE_KEEP_ROWS: f32 = 2.0;
/// Room asked for at the foot of a page beyond a table's caption and first rows (min_height).
pub const TABLE_START_EXTRA: Pt = Pt(6.0);
/// A table no taller than this share of the body is kept whole (1 / this).
pub const SHORT_TABLE_DIVISOR: f32 = 3.0;
/// A long table starts with at least this many rows.
pub const TABLE_START_ROWS: usize = 2;
/// A table this long or longer never leaves its last row alone on a page.
pub const TABLE_KEEP_LAST_PAIR: usize = 4;
/// Charts are drawn on the slide's shape.
pub const CHART_ASPECT: f32 = SLIDE.1 as f32 / SLIDE.0 as f32;
/// Type in the PDF's charts, relative to the slides: a 1600-pixel chart across a 17 cm column
/// stays legible with type a third larger.
pub const CHART_TYPE_SCALE: f64 = 1.35;
/// Space between a chart and its caption.
pub const FIGURE_CAPTION_GAP: Pt = Pt(4.0);
/// Space below a figure's caption.
pub const FIGURE_SPACE_BELOW: Pt = Pt(6.0);
/// Room asked for beyond a figure and its caption before it starts.
pub const FIGURE_KEEP_EXTRA: Pt = Pt(8.0);

// Key figures.
/// Key figures per row.
pub const KEY_COLUMNS: usize = 3;
/// The gap between key-figure boxes, across and down.
pub const KEY_GAP: Pt = Pt(8.0);
/// Text inset from a panel's left edge and from its top (the label).
pub const KEY_INSET: Pt = Pt(10.0);
/// Horizontal room a panel's text loses to its insets.
pub const KEY_TEXT_INSETS: Pt = Pt(16.0);
/// The accent bar on a panel's left edge.
pub const KEY_BAR: Pt = Pt(3.0);
/// The label band's height besides its line.
pub const KEY_LABEL_BAND: Pt = Pt(14.0);
/// The value band's height.
pub const KEY_VALUE_BAND: Pt = Pt(24.0);
/// Padding below the detail.
pub const KEY_PAD_BOTTOM: Pt = Pt(8.0);
/// The value's type size.
pub const KEY_VALUE: Pt = Pt(20.0);
/// The least a long value shrinks to.
pub const KEY_VALUE_MIN: Pt = Pt(9.0);
/// The value's gap below the label.
pub const KEY_VALUE_GAP: Pt = Pt(2.0);
/// A shrunk value moves down by this share of what it lost, to sit on the same line.
pub const KEY_VALUE_SINK: f32 = 0.6;
/// Space below the key-figures panel.
pub const KEY_SPACE_BELOW: Pt = Pt(6.0);

// Page furniture.
/// The header's baseline below the top edge.
pub const HEADER_DROP: Pt = Pt(40.0);
/// The header rule's gap beneath the baseline.
pub const HEADER_RULE_GAP: Pt = Pt(6.0);
/// The header's type size.
pub const HEADER_SIZE: Pt = Pt(8.0);
/// The footer's rule above the bottom edge.
pub const FOOTER_RULE_RISE: Pt = Pt(44.0);
/// The footer's baseline above the bottom edge.
pub const FOOTER_RISE: Pt = Pt(32.0);
/// The footer's and the page number's type size.
pub const FOOTER_SIZE: Pt = Pt(7.5);
/// Room kept at the footer's right for the page number.
pub const PAGE_NUMBER_ROOM: Pt = Pt(90.0);
/// The width of the header's and the footer's rules.
pub const FURNITURE_RULE: Pt = Pt(0.5);
