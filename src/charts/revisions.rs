//! Chart 3: a waterfall from the medals as awarded, through each medal stripped, reallocated or
//! changed in colour, to the medals now.

use plotters::prelude::DrawingBackend;

use super::bars::{column, value_axis_width, value_grid};
use super::canvas::{Anchor, Canvas, axis_max, tick_step};
use super::theme::{
    ACCENT, Font, GRID, INK, LABEL, MUTED, NOTE, RULE, TICK, WHITE, edge_for, ink_on,
    medal_segments, tint,
};
use super::{ChartError, Rect};
use crate::stats::{MedalCount, RevisionLine, Stats};
use crate::text::plural;

pub fn absent(s: &Stats) -> Option<String> {
    if s.now.is_none() {
        return Some("the source records no decision taken after the Games".to_owned());
    }
    s.revisions
        .changes
        .is_empty()
        .then(|| "no medal has changed since the Games".to_owned())
}

/// Medals by colour: gold, silver, bronze.
type Colours = [u32; 3];

fn colours(m: MedalCount) -> Colours {
    [m.gold, m.silver, m.bronze]
}

/// One change in the ledger: a medal of one athlete, or of a whole crew however many of its
/// members' rows record it (two athletes of one individual event changed alike the same day make
/// one unit of two medals).
struct Unit<'a> {
    line: &'a RevisionLine,
    athletes: usize,
    /// Medals taken away and given, by colour (a change of colour is one of each).
    lost: Colours,
    gained: Colours,
}

impl Unit<'_> {
    /// Whether the unit moves the count (a crew that kept its medal when one member lost it
    /// does not).
    fn counted(&self) -> bool {
        self.lost.iter().chain(&self.gained).any(|&n| n > 0)
    }
}

/// The ledger's rows as units, in the ledger's order; each row's medals lost and gained are what
/// its running totals say, so the units add up to the medals now whatever the rows record.
fn units(s: &Stats) -> Vec<Unit<'_>> {
    let mut units: Vec<Unit> = Vec::new();
    let mut before = colours(s.awarded.totals);
    for line in &s.revisions.changes {
        let after = colours(line.totals_after);
        let (mut lost, mut gained) = ([0; 3], [0; 3]);
        for k in 0..3 {
            lost[k] = before[k].saturating_sub(after[k]);
            gained[k] = after[k].saturating_sub(before[k]);
        }
        before = after;
        if let Some(last) = units.last_mut() {
            let l = last.line;
            if l.event_id == line.event_id
                && l.from == line.from
                && l.to == line.to
                && l.decided == line.decided
            {
                last.athletes += 1;
                for k in 0..3 {
                    last.lost[k] += lost[k];
                    last.gained[k] += gained[k];
                }
                continue;
            }
        }
        units.push(Unit {
            line,
            athletes: 1,
            lost,
            gained,
        });
    }
    units
}

/// One column of the waterfall: one unit, or several grouped when the ledger is long.
struct Step<'a> {
    units: Vec<Unit<'a>>,
    before: Colours,
    after: Colours,
}

impl Step<'_> {
    fn first(&self) -> &RevisionLine {
        self.units[0].line
    }

    fn lost(&self) -> Colours {
        sum(self.units.iter().map(|u| u.lost))
    }

    fn gained(&self) -> Colours {
        sum(self.units.iter().map(|u| u.gained))
    }

    /// The years the step's decisions were taken in.
    fn years(&self) -> (i32, i32) {
        let years = self.units.iter().map(|u| u.line.decided.year);
        (
            years.clone().min().unwrap_or_default(),
            years.max().unwrap_or_default(),
        )
    }
}

fn sum(parts: impl Iterator<Item = Colours>) -> Colours {
    parts.fold([0; 3], |mut acc, c| {
        for k in 0..3 {
            acc[k] += c[k];
        }
        acc
    })
}

fn total(c: Colours) -> u32 {
    c.iter().sum()
}

/// Past this many steps, the waterfall groups its steps (see `grouped`).
const MAX_STEPS: usize = 10;

/// Groups of units, merged by ever coarser keys until at most `capacity` remain: first a medal
/// stripped with the reallocation it caused (one event, one year), then one day's decisions,
/// then one year's, then the neighbouring periods with fewest changes.
fn grouped(units: Vec<Unit<'_>>, capacity: usize) -> Vec<Vec<Unit<'_>>> {
    let mut groups: Vec<Vec<Unit>> = units.into_iter().map(|u| vec![u]).collect();
    let capacity = capacity.max(1);
    if groups.len() > capacity {
        // One event in one year: the stripping and the reallocation it caused.
        let mut merged: Vec<Vec<Unit>> = Vec::new();
        for g in groups {
            let key = |u: &Unit| (u.line.event_id.clone(), u.line.decided.year);
            match merged
                .iter_mut()
                .find(|m| key(&m[0]) == key(&g[0]) && m.len() + g.len() > 1)
            {
                Some(m) => m.extend(g),
                None => merged.push(g),
            }
        }
        groups = merged;
    }
    let same_day = |a: &RevisionLine, b: &RevisionLine| a.decided == b.decided;
    let same_year = |a: &RevisionLine, b: &RevisionLine| a.decided.year == b.decided.year;
    for same in [
        &same_day as &dyn Fn(&RevisionLine, &RevisionLine) -> bool,
        &same_year,
    ] {
        if groups.len() <= capacity {
            break;
        }
        let mut merged: Vec<Vec<Unit>> = Vec::new();
        for g in groups {
            match merged.last_mut() {
                Some(m) if same(m[0].line, g[0].line) => m.extend(g),
                _ => merged.push(g),
            }
        }
        groups = merged;
    }
    while groups.len() > capacity {
        // The neighbours with the fewest changes between them (the earliest of equals).
        let size = |g: &Vec<Unit>| g.len();
        let Some(i) =
            (0..groups.len() - 1).min_by_key(|&i| size(&groups[i]) + size(&groups[i + 1]))
        else {
            break;
        };
        let next = groups.remove(i + 1);
        groups[i].extend(next);
    }
    groups
}

/// The steps, grouped when there are more than `capacity`, with the running totals before and
/// after each.
fn steps(units: Vec<Unit<'_>>, start: MedalCount, capacity: usize) -> Vec<Step<'_>> {
    let mut before = colours(start);
    grouped(units, capacity)
        .into_iter()
        .map(|units| {
            let mut after = before;
            for u in &units {
                for (k, count) in after.iter_mut().enumerate() {
                    *count = (*count + u.gained[k]).saturating_sub(u.lost[k]);
                }
            }
            let step = Step {
                units,
                before,
                after,
            };
            before = after;
            step
        })
        .collect()
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
    let (from, to) = step.years();
    let first = step.first();
    let period = if step.units.iter().all(|u| u.line.decided == first.decided) {
        first.decided.to_string()
    } else if from == to {
        from.to_string()
    } else if from / 100 == to / 100 {
        format!("{from}–{:02}", to % 100)
    } else {
        format!("{from}–{to}")
    };
    // Distinct events, in order, with how many changes each.
    let mut events: Vec<(&str, String, usize, &str)> = Vec::new();
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
            lines.push(if *n > 1 {
                format!("{short} ×{n}")
            } else {
                short.clone()
            });
        }
    } else if events.len() <= 3 && sports.len() == 1 {
        lines.push(sports[0].to_owned());
        for (_, short, n, _) in &events {
            lines.push(if *n > 1 {
                format!("{short} ×{n}")
            } else {
                short.clone()
            });
        }
    } else {
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
        for (sp, n) in &counts[..shown] {
            lines.push(format!("{sp} ×{n}"));
        }
        if counts.len() > shown {
            let rest: usize = counts[shown..].iter().map(|c| c.1).sum();
            lines.push(format!("others ×{rest}"));
        }
    }
    (period, lines)
}

/// The sign above a single change: `−1 gold`, `+2 bronze`, `bronze → silver`.
fn unit_sign(u: &Unit) -> String {
    let line = u.line;
    match (line.from, line.to) {
        (Some(from), None) => format!("−{} {from}", total(u.lost).max(1)),
        (None, Some(to)) => format!("+{} {to}", total(u.gained).max(1)),
        (Some(from), Some(to)) => {
            let n = total(u.lost).max(1);
            if n == 1 {
                format!("{from} → {to}")
            } else {
                format!("{n} {from} → {to}")
            }
        }
        (None, None) => String::new(),
    }
}

/// How many lines the sign above a step takes at `width`.
fn sign_rows<DB: DrawingBackend>(
    c: &Canvas<DB>,
    step: &Step,
    (sign_font, kinds_font): (Font, Font),
    width: i32,
) -> usize {
    if step.units.len() == 1 {
        c.wrap_lines(&unit_sign(&step.units[0]), sign_font, width, 2)
            .len()
    } else {
        1 + c
            .wrap_lines(&group_sign(step).1, kinds_font, width, 2)
            .len()
    }
}

/// The sign above a group: the net change, then what it is made of.
fn group_sign(step: &Step) -> (String, String) {
    let (before, after) = (total(step.before), total(step.after));
    let net = match after.cmp(&before) {
        std::cmp::Ordering::Less => format!("−{}", before - after),
        std::cmp::Ordering::Greater => format!("+{}", after - before),
        std::cmp::Ordering::Equal => "±0".to_owned(),
    };
    let (mut stripped, mut gained, mut changed) = (0, 0, 0);
    for u in &step.units {
        match (u.line.from, u.line.to) {
            (Some(_), None) => stripped += total(u.lost),
            (None, Some(_)) => gained += total(u.gained),
            _ => changed += total(u.lost),
        }
    }
    let parts: Vec<String> = [
        (stripped, "stripped"),
        (gained, "gained"),
        (changed, "recoloured"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    (net, parts.join(", "))
}

/// The value axis: from 0, or from `lo` when the changes are small beside the totals, so that a
/// step of one medal is not a sliver. Returns (lo, top).
fn axis_range(min: u32, max: u32) -> (f64, f64) {
    let (min, max) = (f64::from(min), f64::from(max));
    let from_zero = (0.0, axis_max(max));
    if max <= 0.0 || max - min > 0.25 * max {
        return from_zero;
    }
    let step = tick_step(max - min);
    let top = (max / step).floor() * step + step;
    let lo = (((min - step) / step).floor() * step)
        .min(top - 6.0 * step)
        .max(0.0);
    if lo < 0.25 * top {
        from_zero
    } else {
        (lo, top)
    }
}

/// Grid lines and tick labels from `lo` to `top`, with a break mark at the foot of the axis.
fn broken_grid<DB: DrawingBackend>(
    c: &Canvas<DB>,
    plot: Rect,
    (lo, top): (f64, f64),
) -> Result<(), ChartError> {
    let tick = Font::new(TICK).color(MUTED);
    let step = tick_step(top - lo);
    let mut v = lo;
    while v <= top + 1e-9 {
        let y = level_y(plot, (lo, top), v);
        c.line(vec![(plot.left, y), (plot.right, y)], GRID, 1.5)?;
        c.text(
            &format!("{v}"),
            (plot.left - c.px(10.0), y),
            tick,
            Anchor::RightMiddle,
        )?;
        v += step;
    }
    Ok(())
}

/// The pixel row of a value on an axis from `lo` to `top` (values below `lo` at the foot).
fn level_y(plot: Rect, (lo, top): (f64, f64), v: f64) -> i32 {
    let share = ((v - lo) / (top - lo).max(1e-9)).max(0.0);
    plot.bottom - (share * f64::from(plot.height())).round() as i32
}

/// A zigzag across a column cut short by an axis that does not start at 0.
fn break_mark<DB: DrawingBackend>(
    c: &Canvas<DB>,
    (left, right): (i32, i32),
    y: i32,
) -> Result<(), ChartError> {
    let (gap, tooth) = (c.px(5.0).max(2), c.px(8.0).max(3));
    c.rect((left - 2, y - gap), (right + 2, y + gap), WHITE)?;
    for edge in [y - gap, y + gap] {
        let mut points = Vec::new();
        let mut x = left - 2;
        let mut up = true;
        while x <= right + 2 {
            points.push((x, if up { edge - gap / 2 } else { edge + gap / 2 }));
            up = !up;
            x += tooth;
        }
        points.push((right + 2, edge));
        c.line(points, RULE, 1.5)?;
    }
    Ok(())
}

/// How wide a column must be for its labels: a full date with room to spare.
fn min_slot<DB: DrawingBackend>(c: &Canvas<DB>) -> f64 {
    f64::from(c.text_width("2016-10-27", Font::new(NOTE)).max(1))
}

/// Draws the waterfall in `body`: medals as awarded, one column per change (or per group of
/// changes when they are more than the width holds), medals now.
pub fn draw<DB: DrawingBackend>(s: &Stats, c: &Canvas<DB>, body: Rect) -> Result<(), ChartError> {
    let all = units(s);
    let left_out = all.iter().filter(|u| !u.counted()).count();
    let units: Vec<Unit> = all.into_iter().filter(Unit::counted).collect();
    let awarded = s.awarded.totals;
    let latest = s.latest().totals;

    // As many steps as there is room for, never more than `MAX_STEPS`.
    let room = f64::from(body.width() - value_axis_width(c, f64::from(awarded.total.max(1))));
    let capacity = ((room / min_slot(c)) as usize)
        .saturating_sub(2)
        .clamp(3, MAX_STEPS);
    let compact = units.len() > capacity;
    let steps = steps(units, awarded, capacity);

    let lowest = steps
        .iter()
        .map(|st| total(st.before).saturating_sub(total(st.lost())))
        .chain([awarded.total, latest.total])
        .min()
        .unwrap_or(0);
    let highest = steps
        .iter()
        .map(|st| total(st.before).max(total(st.after)))
        .chain([awarded.total, latest.total])
        .max()
        .unwrap_or(0);
    // With no step drawn (every change left out), nothing needs a closer look.
    let (lo, mut top) = if steps.is_empty() {
        (0.0, axis_max(f64::from(highest)))
    } else {
        axis_range(lowest, highest)
    };
    let broken = lo > 0.0;

    let columns = steps.len() + 2;
    let label_lines: usize = 5;
    // The labels beneath each step: (bold first line, further lines, last line muted).
    let labels: Vec<(String, Vec<String>, String)> = steps
        .iter()
        .map(|st| {
            if compact {
                let (period, lines) = compact_label(st);
                (period, lines, String::new())
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
                (who, vec![u.line.event.clone()], u.line.decided.to_string())
            }
        })
        .collect();
    // One type size for every label beneath, small enough for the longest word to fit its slot.
    let slot_guess = f64::from(body.width() - value_axis_width(c, top)) / columns as f64;
    let words = labels
        .iter()
        .flat_map(|(first, rest, _)| {
            first
                .split_whitespace()
                .chain(rest.iter().flat_map(|l| l.split_whitespace()))
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
            .flat_map(|(_, rest, _)| rest)
            .map(|l| c.text_width(l, Font::new(NOTE)))
            .max()
            .unwrap_or(1)
            .max(1);
        shrink.min((slot_guess * 0.94 / f64::from(longest)).max(0.8))
    } else {
        shrink
    };
    let label_font = Font::new(NOTE * shrink);
    let name_font = label_font.bold();
    let value_font = Font::new(TICK);
    let sign_font = value_font.bold().sized(TICK * shrink.max(0.8));
    let kinds_font = value_font.sized(TICK * shrink.max(0.8) * 0.85).color(MUTED);
    let summary_font = Font::new(TICK).color(MUTED);
    let summary = summary_lines(s, c, summary_font, body.width(), left_out);
    let plot_for = |top: f64| Rect {
        left: body.left + value_axis_width(c, top),
        top: body.top + c.px(90.0),
        right: body.right,
        bottom: body.bottom - c.line_height(label_font) * label_lines as i32 - c.px(16.0),
    };
    // Room above every step for its sign, clear of the summary: the axis goes higher while a sign
    // would run into it.
    let summary_bottom = body.top + c.px(16.0) + summary.len() as i32 * c.line_height(summary_font);
    let guess_width = (slot_guess * 0.96) as i32;
    for _ in 0..8 {
        let plot = plot_for(top);
        let clear = steps.iter().all(|st| {
            let rows = sign_rows(c, st, (sign_font, kinds_font), guess_width) as i32;
            let high = total(st.before).max(total(st.after));
            level_y(plot, (lo, top), f64::from(high)) - c.px(8.0) - rows * c.line_height(sign_font)
                >= summary_bottom
        });
        if clear {
            break;
        }
        top += tick_step(top - lo);
    }
    let plot = plot_for(top);
    let y_at = |plot: Rect, v: u32| level_y(plot, (lo, top), f64::from(v));
    if broken {
        broken_grid(c, plot, (lo, top))?;
    } else {
        value_grid(c, plot, top)?;
    }
    let slot = f64::from(plot.width()) / columns as f64;
    let half = ((slot * 0.62) / 2.0).round() as i32;
    let centre = |i: usize| plot.left + (slot * (i as f64 + 0.5)).round() as i32;
    let total_font = Font::new(LABEL).bold();
    let width = (slot * 0.96) as i32;

    // The two ends: stacked medals with their totals; on an axis that does not start at 0, a
    // neutral column cut short, its medals by colour given beneath.
    let now = crate::stats::with_date("Now", s.delegation.now_as_of);
    for (i, totals, label) in [
        (0, awarded, "As awarded".to_owned()),
        (columns - 1, latest, now),
    ] {
        let x = centre(i);
        let y = if broken {
            let y = y_at(plot, totals.total);
            c.rect((x - half, y), (x + half, plot.bottom), tint(ACCENT, 0.4))?;
            c.outline((x - half, y), (x + half, plot.bottom), ACCENT, 1.5)?;
            break_mark(c, (x - half, x + half), plot.bottom - c.px(16.0))?;
            y
        } else {
            column(
                c,
                plot,
                top,
                (x - half, x + half),
                &medal_segments(totals),
                value_font,
            )?
            .0
        };
        c.text(
            &totals.total.to_string(),
            (x, y - c.px(8.0)),
            total_font,
            Anchor::CenterBottom,
        )?;
        let names = c.wrap(&label, name_font, width);
        let names: Vec<&String> = names.iter().take(2).collect();
        for (k, line) in names.iter().enumerate() {
            c.text(
                line,
                (
                    x,
                    plot.bottom + c.px(12.0) + k as i32 * c.line_height(name_font),
                ),
                name_font,
                Anchor::CenterTop,
            )?;
        }
        if broken {
            // Gold, silver and bronze beneath, each a swatch and a count.
            let row = c.line_height(label_font);
            let swatch = (row * 3 / 4).max(4);
            for (k, (n, colour)) in medal_segments(totals).into_iter().enumerate() {
                let text = n.to_string();
                let w = swatch + c.px(6.0) + c.text_width(&text, label_font);
                let left = x - w / 2;
                let y = plot.bottom + c.px(12.0) + (names.len() + k) as i32 * row;
                c.bar(
                    (left, y + (row - swatch) / 2),
                    (left + swatch, y + (row + swatch) / 2),
                    colour,
                )?;
                c.text(
                    &text,
                    (left + swatch + c.px(6.0), y + row / 2),
                    label_font,
                    Anchor::LeftMiddle,
                )?;
            }
        }
    }

    for (k, step) in steps.iter().enumerate() {
        let x = centre(k + 1);
        let prev_x = centre(k);
        let before = total(step.before);
        // Connector from the previous column's level.
        let level = y_at(plot, before);
        c.dashed(vec![(prev_x + half, level), (x - half, level)], RULE, 2.0)?;

        // Medals lost hang from the level before, pale and edged in their colour (grey for pale
        // silver); medals gained rise from there, full. Side by side when a step has both.
        let (lost, gained) = (step.lost(), step.gained());
        let floor = before.saturating_sub(total(lost));
        let both = total(lost) > 0 && total(gained) > 0;
        let (lost_x, gained_x) = if both {
            ((x - half, x), (x, x + half))
        } else {
            ((x - half, x + half), (x - half, x + half))
        };
        let medals = medal_segments(MedalCount::default());
        let mut at = before;
        for (n, (_, colour)) in lost.iter().zip(&medals) {
            if *n == 0 {
                continue;
            }
            let below = at.saturating_sub(*n);
            let (y0, y1) = (y_at(plot, at), y_at(plot, below));
            c.rect((lost_x.0, y0), (lost_x.1, y1), tint(*colour, 0.3))?;
            c.outline((lost_x.0, y0), (lost_x.1, y1), edge_for(*colour), 3.0)?;
            count_inside(
                c,
                *n,
                lost_x,
                (y0, y1),
                value_font.sized(TICK * shrink),
                INK,
            )?;
            at = below;
        }
        let mut at = floor;
        for (n, (_, colour)) in gained.iter().zip(&medals) {
            if *n == 0 {
                continue;
            }
            let above = at + n;
            let (y0, y1) = (y_at(plot, above), y_at(plot, at));
            c.bar((gained_x.0, y0), (gained_x.1, y1), *colour)?;
            count_inside(
                c,
                *n,
                gained_x,
                (y0, y1),
                value_font.sized(TICK * shrink),
                ink_on(*colour),
            )?;
            at = above;
        }
        let y_high = y_at(plot, before.max(floor + total(gained)));

        // Above: the change.
        let mut signs: Vec<(String, Font)> = Vec::new();
        if step.units.len() == 1 {
            for text in c.wrap_lines(&unit_sign(&step.units[0]), sign_font, width, 2) {
                signs.push((text, sign_font));
            }
        } else {
            let (net, kinds) = group_sign(step);
            signs.push((net, sign_font));
            for text in c.wrap_lines(&kinds, kinds_font, width, 2) {
                signs.push((text, kinds_font));
            }
        }
        let mut y = y_high - c.px(8.0);
        for (text, font) in signs.iter().rev() {
            c.text(text, (x, y), *font, Anchor::CenterBottom)?;
            y -= c.line_height(sign_font);
        }

        // Beneath: who, which event, when (or, grouped: when, then what).
        let (first, rest, last) = &labels[k];
        let mut lines: Vec<(String, Font)> = c
            .wrap_lines(first, name_font, width, 2)
            .into_iter()
            .map(|l| (l, name_font))
            .collect();
        let reserve = usize::from(!last.is_empty());
        for text in rest {
            let room = label_lines.saturating_sub(reserve + lines.len());
            let wrapped = if compact && c.wrap(text, label_font, width).len() > room {
                // Short forms lose their last words rather than break mid-word.
                vec![fit_words(c, text, label_font, width)]
            } else {
                c.wrap_lines(text, label_font, width, room)
            };
            lines.extend(wrapped.into_iter().map(|l| (l, label_font)));
        }
        if !last.is_empty() {
            let date = if c.text_width(last, label_font) <= width {
                last.clone()
            } else {
                step.first().decided.year.to_string()
            };
            lines.push((date, label_font.color(MUTED)));
        }
        for (row, (text, font)) in lines.iter().take(label_lines).enumerate() {
            c.text(
                text,
                (
                    x,
                    plot.bottom + c.px(12.0) + row as i32 * c.line_height(label_font),
                ),
                *font,
                Anchor::CenterTop,
            )?;
        }
    }
    let last_level = y_at(
        plot,
        steps.last().map_or(awarded.total, |st| total(st.after)),
    );
    c.dashed(
        vec![
            (centre(columns - 2) + half, last_level),
            (centre(columns - 1) - half, last_level),
        ],
        RULE,
        2.0,
    )?;
    if broken {
        c.boxed(
            &format!("axis starts at {lo}, not 0"),
            ((plot.left + plot.right) / 2, plot.bottom - c.px(8.0)),
            Font::new(TICK).color(MUTED),
            Anchor::CenterBottom,
        )?;
    }

    for (k, line) in summary.iter().enumerate() {
        c.text(
            line,
            (
                body.left,
                body.top + c.px(10.0) + k as i32 * c.line_height(summary_font),
            ),
            summary_font,
            Anchor::LeftTop,
        )?;
    }
    Ok(())
}

/// The line above the chart: what the ledger adds up to, and the changes not drawn (on a second
/// line when both do not fit one).
fn summary_lines<DB: DrawingBackend>(
    s: &Stats,
    c: &Canvas<DB>,
    font: Font,
    width: i32,
    left_out: usize,
) -> Vec<String> {
    let net = s.revisions.net;
    let summary = format!(
        "{} stripped, {} gained by reallocation, {} changed in colour: net {:+} ({:+} gold, {:+} silver, {:+} bronze)",
        s.revisions.stripped,
        s.revisions.gained,
        s.revisions.changed_colour,
        net.total,
        net.gold,
        net.silver,
        net.bronze
    );
    let mut lines = vec![summary];
    if left_out > 0 {
        let note = format!(
            "not drawn: {} to one member of a crew that kept its medal",
            plural(left_out as u32, "change", "changes")
        );
        let joined = format!("{}; {note}", lines[0]);
        if c.text_width(&joined, font) <= width {
            lines[0] = joined;
        } else {
            lines.push(note);
        }
    }
    lines.iter().map(|l| c.fit(l, font, width)).collect()
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

/// A count printed inside a segment when it is more than one and fits.
fn count_inside<DB: DrawingBackend>(
    c: &Canvas<DB>,
    n: u32,
    (left, right): (i32, i32),
    (top, bottom): (i32, i32),
    font: Font,
    ink: plotters::style::RGBColor,
) -> Result<(), ChartError> {
    let text = n.to_string();
    if n > 1
        && c.line_height(font) + c.px(4.0) <= bottom - top
        && c.text_width(&text, font) + c.px(6.0) <= right - left
    {
        c.text(
            &text,
            ((left + right) / 2, (top + bottom) / 2),
            font.color(ink),
            Anchor::CenterMiddle,
        )?;
    }
    Ok(())
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

    #[test]
    fn the_axis_starts_at_0_unless_the_changes_are_small() {
        assert_eq!(axis_range(9, 13), (0.0, 14.0));
        assert_eq!(axis_range(64, 82), (55.0, 85.0));
        assert_eq!(axis_range(93, 97), (92.0, 98.0));
        assert_eq!(axis_range(0, 0), (0.0, 1.0));
    }
}
