//! The waterfall's columns: the ledger's rows as units (one medal, or one crew's), grouped into
//! steps when the ledger is longer than the width holds, with the running totals of each.

use crate::stats::{MedalCount, RevisionLine, Stats};

/// Medals by colour: gold, silver, bronze.
pub(super) type Colours = [u32; 3];

pub(super) fn colours(m: MedalCount) -> Colours {
    [m.gold, m.silver, m.bronze]
}

/// One change in the ledger: a medal of one athlete, or of a whole crew however many of its
/// members' rows record it (two athletes of one individual event changed alike the same day make
/// one unit of two medals).
pub(super) struct Unit<'a> {
    pub(super) line: &'a RevisionLine,
    pub(super) athletes: usize,
    /// Medals taken away and given, by colour (a change of colour is one of each).
    pub(super) lost: Colours,
    pub(super) gained: Colours,
}

impl Unit<'_> {
    /// Whether the unit moves the count (a crew that kept its medal when one member lost it
    /// does not).
    fn counted(&self) -> bool {
        self.lost.iter().chain(&self.gained).any(|&n| n > 0)
    }
}

/// The units that move the count, and how many were left out because they do not (drawn as
/// nothing, but said in the summary).
pub(super) fn counted_units(s: &Stats) -> (Vec<Unit<'_>>, usize) {
    let all = units(s);
    let left_out = all.iter().filter(|u| !u.counted()).count();
    let units = all.into_iter().filter(Unit::counted).collect();
    (units, left_out)
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
pub(super) struct Step<'a> {
    pub(super) units: Vec<Unit<'a>>,
    pub(super) before: Colours,
    pub(super) after: Colours,
}

impl Step<'_> {
    pub(super) fn first(&self) -> &RevisionLine {
        self.units[0].line
    }

    pub(super) fn lost(&self) -> Colours {
        sum(self.units.iter().map(|u| u.lost))
    }

    pub(super) fn gained(&self) -> Colours {
        sum(self.units.iter().map(|u| u.gained))
    }

    /// The years the step's decisions were taken in.
    pub(super) fn years(&self) -> (i32, i32) {
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

pub(super) fn total(c: Colours) -> u32 {
    c.iter().sum()
}

/// Past this many steps, the waterfall groups its steps (see `grouped`).
pub(super) const MAX_STEPS: usize = 10;

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
pub(super) fn steps(units: Vec<Unit<'_>>, start: MedalCount, capacity: usize) -> Vec<Step<'_>> {
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
