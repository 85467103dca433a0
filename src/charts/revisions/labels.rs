//! What is written beneath each column: who, which event, when (or, for a group of changes, when
//! and then what), and the one type size every label beneath shares.

use plotters::prelude::DrawingBackend;

use super::steps::Step;
use crate::charts::canvas::Canvas;
use crate::charts::theme::{Font, LABEL, MUTED, NOTE, TICK};

/// Lines beneath a column, at most.
pub(super) const LABEL_LINES: usize = 5;

/// The label beneath one step.
pub(super) struct Label {
    /// The bold first line: who, or (grouped) when.
    first: String,
    /// The lines after it: the event, or (grouped) what changed.
    rest: Vec<String>,
    /// The muted last line, the date of the decision; empty when grouped.
    last: String,
}

/// The labels beneath the steps: one change's athlete, event and date, or, when the steps are
/// groups (`compact`), their period and what changed.
pub(super) fn beneath(steps: &[Step], compact: bool) -> Vec<Label> {
    steps
        .iter()
        .map(|st| {
            if compact {
                let (period, lines) = compact_label(st);
                Label {
                    first: period,
                    rest: lines,
                    last: String::new(),
                }
            } else {
                let u = &st.units[0];
                let who = if u.athletes > 1 {
                    format!("{} athletes", u.athletes)
                } else {
                    // Without the maiden and other names the source adds in brackets.
                    u.line
                        .athlete
                        .split(" (")
                        .next()
                        .unwrap_or(&u.line.athlete)
                        .to_owned()
                };
                Label {
                    first: who,
                    rest: vec![u.line.event.clone()],
                    last: u.line.decided.to_string(),
                }
            }
        })
        .collect()
}

/// The type of the chart, sized once for every column.
pub(super) struct Fonts {
    /// Lines beneath a column.
    pub(super) label: Font,
    /// The bold first line beneath a column, and the names beneath the two ends.
    pub(super) name: Font,
    /// Counts inside the columns at the two ends.
    pub(super) value: Font,
    /// Counts inside a step's segments.
    pub(super) count: Font,
    /// The change above a step (a group's net change).
    pub(super) sign: Font,
    /// What a group's change is made of, beneath its net change.
    pub(super) kinds: Font,
    /// The line above the chart.
    pub(super) summary: Font,
    /// The totals above the two ends.
    pub(super) total: Font,
}

impl Fonts {
    /// One type size for every label beneath, small enough for the longest word to fit a slot
    /// `slot_guess` wide.
    pub(super) fn fitting<DB: DrawingBackend>(
        c: &Canvas<DB>,
        labels: &[Label],
        slot_guess: f64,
        compact: bool,
    ) -> Self {
        let words = labels
            .iter()
            .flat_map(|l| {
                l.first
                    .split_whitespace()
                    .chain(l.rest.iter().flat_map(|r| r.split_whitespace()))
            })
            .chain(["awarded", "(9999-99)"]);
        let widest = words
            .map(|w| c.text_width(w, Font::new(NOTE).bold()))
            .max()
            .unwrap_or(1)
            .max(1);
        let shrink = (slot_guess * 0.94 / f64::from(widest)).clamp(0.6, 1.0);
        // Grouped labels are short lines meant to stand whole: smaller type, down to 80 %, rather
        // than a line broken in two.
        let shrink = if compact {
            let longest = labels
                .iter()
                .flat_map(|l| &l.rest)
                .map(|l| c.text_width(l, Font::new(NOTE)))
                .max()
                .unwrap_or(1)
                .max(1);
            shrink.min((slot_guess * 0.94 / f64::from(longest)).max(0.8))
        } else {
            shrink
        };
        let label = Font::new(NOTE * shrink);
        let value = Font::new(TICK);
        Self {
            label,
            name: label.bold(),
            value,
            count: value.sized(TICK * shrink),
            sign: value.bold().sized(TICK * shrink.max(0.8)),
            kinds: value.sized(TICK * shrink.max(0.8) * 0.85).color(MUTED),
            summary: Font::new(TICK).color(MUTED),
            total: Font::new(LABEL).bold(),
        }
    }
}

/// The lines of a label beneath a column `width` wide, each with its font, at most
/// `LABEL_LINES` of them.
pub(super) fn lines<DB: DrawingBackend>(
    c: &Canvas<DB>,
    step: &Step,
    label: &Label,
    fonts: &Fonts,
    width: i32,
    compact: bool,
) -> Vec<(String, Font)> {
    let mut lines: Vec<(String, Font)> = c
        .wrap_lines(&label.first, fonts.name, width, 2)
        .into_iter()
        .map(|l| (l, fonts.name))
        .collect();
    let reserve = usize::from(!label.last.is_empty());
    for text in &label.rest {
        let room = LABEL_LINES.saturating_sub(reserve + lines.len());
        let wrapped = if compact && c.wrap(text, fonts.label, width).len() > room {
            // Short forms lose their last words rather than break mid-word.
            vec![fit_words(c, text, fonts.label, width)]
        } else {
            c.wrap_lines(text, fonts.label, width, room)
        };
        lines.extend(wrapped.into_iter().map(|l| (l, fonts.label)));
    }
    if !label.last.is_empty() {
        let date = if c.text_width(&label.last, fonts.label) <= width {
            label.last.clone()
        } else {
            step.first().decided.year.to_string()
        };
        lines.push((date, fonts.label.color(MUTED)));
    }
    lines.truncate(LABEL_LINES);
    lines
}

/// A short form of an event's name: `W 4×400 m relay` for `Women's 4 x 400 metres Relay`.
pub fn short_event(event: &str) -> String {
    let (sex, rest) = [("Women's ", "W "), ("Men's ", "M "), ("Mixed ", "X ")]
        .iter()
        .find_map(|(long, short)| event.strip_prefix(long).map(|rest| (*short, rest)))
        .unwrap_or(("", event));
    let mut s = if sex.is_empty() {
        rest.to_owned()
    } else {
        rest.to_lowercase()
    };
    for (long, short) in [
        (" x ", "×"),
        ("kilometres", "km"),
        ("metres", "m"),
        ("canadian singles", "C1"),
        ("canadian doubles", "C2"),
        ("kayak singles", "K1"),
        ("kayak doubles", "K2"),
        ("kayak fours", "K4"),
        (", freestyle", " FS"),
        (", greco-roman", " GR"),
        (" throw", ""),
        ("steeplechase", "steeple"),
        ("individual", "ind."),
        (",", ""),
    ] {
        s = s.replace(long, short);
    }
    // Weight classes by their first half: `light-heavy` for `Light-Heavyweight`.
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| match w.strip_suffix("weight") {
            Some(stem) if stem.len() > 2 => stem,
            _ => w,
        })
        .collect();
    format!("{sex}{}", words.join(" "))
}

/// An athlete's family name as a short label: the last word before any bracket or suffix.
fn surname(name: &str) -> String {
    let name = name.split(" (").next().unwrap_or(name);
    let name = name.split(", ").next().unwrap_or(name);
    name.split_whitespace().last().unwrap_or(name).to_owned()
}

/// The label beneath a grouped step: the period bold, then what changed, shortest first.
fn compact_label(step: &Step) -> (String, Vec<String>) {
    (period(step), what_changed(step))
}

/// When a grouped step's decisions were taken: a day, a year, or a span of years.
fn period(step: &Step) -> String {
    let (from, to) = step.years();
    let first = step.first();
    if step.units.iter().all(|u| u.line.decided == first.decided) {
        first.decided.to_string()
    } else if from == to {
        from.to_string()
    } else if from / 100 == to / 100 {
        format!("{from}–{:02}", to % 100)
    } else {
        format!("{from}–{to}")
    }
}

/// One event of a grouped step: its sport, short name, how many changes, and the athlete when
/// the one change is one athlete's (else empty).
type EventChanges<'a> = (&'a str, String, usize, &'a str);

/// What a grouped step changed, as short lines: one event in full, two or three events, or the
/// sports with the most changes.
fn what_changed(step: &Step) -> Vec<String> {
    let events = events_of(step);
    let sports: Vec<&str> = {
        let mut v: Vec<&str> = Vec::new();
        for e in &events {
            if !v.contains(&e.0) {
                v.push(e.0);
            }
        }
        v
    };
    let mut lines = Vec::new();
    if events.len() == 1 {
        let (sport, short, n, who) = &events[0];
        lines.push((*sport).to_owned());
        lines.push(short.clone());
        if *n == 1 && !who.is_empty() {
            lines.push(surname(who));
        } else if step.units.len() == 1 {
            lines.push(format!("crew of {}", step.units[0].athletes));
        }
    } else if events.len() == 2 && sports.len() == 2 {
        for (sport, short, n, _) in &events {
            lines.push((*sport).to_owned());
            lines.push(times(short, *n));
        }
    } else if events.len() <= 3 && sports.len() == 1 {
        lines.push(sports[0].to_owned());
        for (_, short, n, _) in &events {
            lines.push(times(short, *n));
        }
    } else {
        lines = by_sport(step, &sports);
    }
    lines
}

/// Distinct events of a step, in order, with how many changes each.
fn events_of<'a>(step: &'a Step) -> Vec<EventChanges<'a>> {
    let mut events: Vec<EventChanges> = Vec::new();
    for u in &step.units {
        let short = short_event(&u.line.event);
        match events
            .iter_mut()
            .find(|e| e.1 == short && e.0 == u.line.sport)
        {
            Some(e) => e.2 += 1,
            None => {
                let who = if u.athletes > 1 {
                    ""
                } else {
                    u.line.athlete.as_str()
                };
                events.push((&u.line.sport, short, 1, who));
            }
        }
    }
    events
}

/// An event's short name, with `×n` when it changed more than once.
fn times(short: &str, n: usize) -> String {
    if n > 1 {
        format!("{short} ×{n}")
    } else {
        short.to_owned()
    }
}

/// The sports with the most changes, each with its count; past four, the first three and the
/// others together.
fn by_sport(step: &Step, sports: &[&str]) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = sports
        .iter()
        .map(|sp| {
            (
                *sp,
                step.units.iter().filter(|u| u.line.sport == *sp).count(),
            )
        })
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let shown = if counts.len() > 4 { 3 } else { counts.len() };
    let mut lines: Vec<String> = counts[..shown]
        .iter()
        .map(|(sp, n)| format!("{sp} ×{n}"))
        .collect();
    if counts.len() > shown {
        let rest: usize = counts[shown..].iter().map(|c| c.1).sum();
        lines.push(format!("others ×{rest}"));
    }
    lines
}

/// A text on one line of `width`: whole, or its first words and an ellipsis.
fn fit_words<DB: DrawingBackend>(c: &Canvas<DB>, text: &str, font: Font, width: i32) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    // A trailing code (`FS`, `GR`) is the first to go, then the sex (`M`, `W`) before it; neither
    // needs an ellipsis.
    let is_code = |w: &str| w.chars().count() <= 2 && w.chars().all(|ch| ch.is_ascii_uppercase());
    let mut core: &[&str] = &words;
    for drop_last in [true, false] {
        if drop_last {
            if let Some((code, rest)) = core.split_last() {
                if is_code(code) && !rest.is_empty() {
                    core = rest;
                }
            }
        } else if let Some((sex, rest)) = core.split_first() {
            if ["M", "W", "X"].contains(sex) && !rest.is_empty() {
                core = rest;
            }
        }
        let short = core.join(" ");
        if c.text_width(&short, font) <= width {
            return short;
        }
    }
    (1..=words.len())
        .rev()
        .map(|n| {
            let kept = words[..n].join(" ");
            if n == words.len() {
                kept
            } else {
                format!("{kept}…")
            }
        })
        .find(|t| c.text_width(t, font) <= width)
        .unwrap_or_else(|| c.fit(text, font, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_have_short_forms() {
        assert_eq!(
            short_event("Women's 4 x 400 metres Relay"),
            "W 4×400 m relay"
        );
        assert_eq!(short_event("Men's 50 kilometres Walk"), "M 50 km walk");
        assert_eq!(short_event("Women's Discus Throw"), "W discus");
        assert_eq!(
            short_event("Men's Super-Heavyweight, Freestyle"),
            "M super-heavy FS"
        );
        assert_eq!(
            short_event("Men's Canadian Singles, 200 metres"),
            "M C1 200 m"
        );
        assert_eq!(
            short_event("Women's 3,000 metres Steeplechase"),
            "W 3000 m steeple"
        );
        assert_eq!(short_event("Women's 53 kg"), "W 53 kg");
        assert_eq!(short_event("Team All-Around"), "Team All-Around");
    }

    #[test]
    fn surnames_leave_out_brackets_and_suffixes() {
        assert_eq!(surname("Marion Lois Jones (-Hunter, -Montgomery)"), "Jones");
        assert_eq!(surname("Angelo F. Taylor, Jr."), "Taylor");
        assert_eq!(surname("Ilya Ilyin"), "Ilyin");
    }
}
