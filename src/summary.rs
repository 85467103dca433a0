//! The readable summary `podium stats` prints on a terminal.

use std::fmt::Write as _;

use crate::model::{Fact, Medal, View};
use crate::stats::{MedalCount, MedalView, Rank, Stats, with_date};
use crate::text::plural;

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A plain text table: a header row, a rule, the rows; columns padded to their widest cell.
struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: &[(&str, Align)]) -> Self {
        Self {
            header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds columns once for each medal view: `columns` gives a view's headers.
    fn per_view(
        mut self,
        views: &[&MedalView],
        columns: impl Fn(&MedalView) -> Vec<(String, Align)>,
    ) -> Self {
        for (header, align) in views.iter().flat_map(|v| columns(v)) {
            self.header.push(header);
            self.align.push(align);
        }
        self
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Adds a row: the `lead` cells, then `cells` for each medal view.
    fn row_per_view(
        &mut self,
        mut lead: Vec<String>,
        views: &[&MedalView],
        cells: impl Fn(&MedalView) -> Vec<String>,
    ) {
        lead.extend(views.iter().flat_map(|v| cells(v)));
        self.rows.push(lead);
    }

    fn render(&self, out: &mut String) {
        let width = |s: &str| s.chars().count();
        let widths: Vec<usize> = (0..self.header.len())
            .map(|c| {
                std::iter::once(&self.header[c])
                    .chain(self.rows.iter().map(|r| &r[c]))
                    .map(|s| width(s))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::from("  ");
            for (c, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[c] - width(cell));
                if self.align[c] == Align::Right {
                    text.push_str(&pad);
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
                text.push_str("  ");
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&self.header, out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, out);
        for row in &self.rows {
            line(row, out);
        }
    }
}

/// One column per view, headed by the view's name.
fn labelled(align: Align) -> impl Fn(&MedalView) -> Vec<(String, Align)> {
    move |v| vec![(v.label().to_owned(), align)]
}

use Align::{Left as L, Right as R};

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "=".repeat(title.chars().count()));
}

fn medal_name(m: Option<Medal>) -> &'static str {
    m.map_or("-", Medal::name)
}

fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| "-".to_owned())
}

fn percent(p: f64) -> String {
    format!("{p:.1} %")
}

/// Renders the whole summary.
pub fn render(s: &Stats) -> String {
    let mut out = String::new();
    let d = &s.delegation;
    let _ = writeln!(
        out,
        "{} ({}) at the {} Olympics, {}{}",
        d.nation,
        d.noc,
        d.games,
        d.city,
        match (d.opening, d.closing, d.days) {
            (Some(o), Some(c), Some(days)) => format!(
                ", {} to {} {} ({days} days)",
                o.day_month(),
                c.day_month(),
                c.year()
            ),
            _ => " (dates not in the source)".to_owned(),
        }
    );
    if let Some(n) = d.appearance {
        let _ = writeln!(out, "Appearance: {n} at the {} Games", d.season);
    }
    for f in &d.flag_bearers {
        let _ = writeln!(
            out,
            "Flag bearer, {}: {} ({})",
            f.ceremony, f.athlete, f.sport
        );
    }
    let t = &s.team;
    let _ = writeln!(
        out,
        "Team: {}, {} ({}) and {} ({}), in {} and {}; {} in {}",
        plural(t.athletes, "athlete", "athletes"),
        plural(t.men, "man", "men"),
        percent(t.men_share),
        plural(t.women, "woman", "women"),
        percent(t.women_share),
        plural(t.sports, "sport", "sports"),
        plural(t.disciplines, "discipline", "disciplines"),
        plural(t.entries, "entry", "entries"),
        plural(t.events, "event", "events")
    );

    medals(&mut out, s);
    revisions(&mut out, s);
    team(&mut out, s);
    ages(&mut out, s);
    history(&mut out, s);
    reconciliation(&mut out, s);
    out
}

fn medals(out: &mut String, s: &Stats) {
    heading(out, "Medals");
    let views = s.views();
    totals(out, s, &views);
    medallists(out, s, &views);

    let _ = writeln!(out, "\nBy sport (gold/silver/bronze)");
    let mut table = Table::new(&[("sport", L)]).per_view(&views, labelled(R));
    for sport in s.medal_sports() {
        table.row_per_view(vec![sport.to_owned()], &views, |v| {
            vec![count_text(v.in_sport(sport))]
        });
    }
    table.render(out);

    by_day(out, s, &views);

    let _ = writeln!(out, "\nBy athletes' sex");
    let mut table = Table::new(&[("", L)]).per_view(&views, labelled(R));
    for (i, sex) in s.awarded.by_sex.iter().enumerate() {
        table.row_per_view(vec![sex.category.to_owned()], &views, |v| {
            vec![
                v.by_sex
                    .get(i)
                    .map_or_else(String::new, |x| count_text(x.medals)),
            ]
        });
    }
    table.render(out);

    for v in views {
        let label = v.label();
        if v.multiple_medallists.is_empty() {
            let _ = writeln!(out, "\nMultiple medallists {label}: none");
        } else {
            let names: Vec<String> = v
                .multiple_medallists
                .iter()
                .map(|m| format!("{} ({})", m.athlete, count_text(m.medals)))
                .collect();
            let _ = writeln!(out, "\nMultiple medallists {label}: {}", names.join(", "));
        }
    }
}

/// Medal counts and ranks, one column per view, and the date of the table behind the ranks now.
fn totals(out: &mut String, s: &Stats, views: &[&MedalView]) {
    let mut table = Table::new(&[("", L)]).per_view(views, |v| {
        let header = match v.view {
            View::Awarded => v.label().to_owned(),
            View::Now => with_date(v.label(), s.delegation.now_as_of),
        };
        vec![(header, R)]
    });
    for (label, get) in [
        ("gold", (|m: MedalCount| m.gold) as fn(MedalCount) -> u32),
        ("silver", |m| m.silver),
        ("bronze", |m| m.bronze),
        ("total", |m| m.total),
    ] {
        table.row_per_view(vec![label.to_owned()], views, |v| {
            vec![get(v.totals).to_string()]
        });
    }
    let rank = |r: &Option<Rank>| or_dash(r.as_ref().map(|r| format!("{} of {}", r.display, r.of)));
    table.row_per_view(vec!["rank (gold first)".to_owned()], views, |v| {
        vec![rank(&v.rank)]
    });
    table.row_per_view(vec!["rank by total medals".to_owned()], views, |v| {
        vec![rank(&v.rank_by_total)]
    });
    table.render(out);
    if let Some(date) = s.delegation.now_table_as_of {
        let _ = writeln!(out, "  Ranks now: the all-nation table as of {date}.");
    }
    if !s.delegation.now_table_note.is_empty() {
        let _ = writeln!(out, "  {}", s.delegation.now_table_note);
    }
    if let Some(ledger) = &s.delegation.ledger {
        let _ = writeln!(
            out,
            "  {}",
            match ledger.completeness {
                crate::model::Completeness::Complete =>
                    "The revision ledger records every change at these Games.",
                crate::model::Completeness::Partial =>
                    "Medals now may differ: changes after these Games are not all recorded.",
            }
        );
    }
}

/// Every medal, with its colour in each view.
fn medallists(out: &mut String, s: &Stats, views: &[&MedalView]) {
    let _ = writeln!(out, "\nMedallists");
    // A column of dashes says nothing: without medal dates in the source, no date column.
    let dated = s.coverage.records(Fact::MedalDates);
    let columns = [("date", L), ("athlete", L), ("sport", L), ("event", L)];
    let mut table = Table::new(&columns[usize::from(!dated)..]).per_view(views, labelled(L));
    for m in &s.medal_list {
        let mut lead = vec![crew_names(&m.athletes), m.sport.clone(), m.event.clone()];
        if dated {
            lead.insert(0, or_dash(m.date.map(|d| d.day_month())));
        }
        table.row_per_view(lead, views, |v| {
            vec![medal_name(m.in_view(v.view)).to_owned()]
        });
    }
    table.render(out);
}

/// The holders of a medal for a terminal line: a crew of up to three by name, a larger squad by
/// its first two names and how many more (a football squad's 18 names would make the column as
/// wide as a page).
fn crew_names(athletes: &[String]) -> String {
    match athletes {
        [first, second, _, _, ..] => {
            format!("{first}, {second} and {} others", athletes.len() - 2)
        }
        _ => athletes.join(", "),
    }
}

/// Medals day by day with the running total, one pair of columns per view.
fn by_day(out: &mut String, s: &Stats, views: &[&MedalView]) {
    let _ = writeln!(out, "\nBy day (medals that day, and the running total)");
    if !s.coverage.records(Fact::MedalDates) {
        let _ = writeln!(out, "  The source records no dates of the medal events.");
        return;
    }
    let mut table = Table::new(&[("date", L)]).per_view(views, |v| {
        vec![(v.label().to_owned(), R), ("running".to_owned(), R)]
    });
    for (i, day) in s.awarded.by_day.iter().enumerate() {
        let that_day = |v: &MedalView| v.by_day.get(i).map_or(0, |d| d.medals.total);
        if views.iter().map(|v| that_day(v)).sum::<u32>() > 0 {
            table.row_per_view(vec![day.date.day_month()], views, |v| {
                v.by_day.get(i).map_or_else(Vec::new, |d| {
                    vec![count_text(d.medals), d.cumulative.total.to_string()]
                })
            });
        }
    }
    table.render(out);
}

/// `7/1/5 = 13`.
fn count_text(m: MedalCount) -> String {
    format!("{} = {}", m.slashed(), m.total)
}

fn revisions(out: &mut String, s: &Stats) {
    let r = &s.revisions;
    heading(out, "Medal revisions");
    if s.now.is_none() {
        let _ = writeln!(
            out,
            "  The source records no decision taken after the Games: no revision ledger."
        );
        return;
    }
    if r.changes.is_empty() {
        let _ = writeln!(out, "  No medal has changed since the Games.");
        return;
    }
    let _ = writeln!(
        out,
        "  {} stripped, {} gained by reallocation, {} changed in colour; net {:+} gold, {:+} silver, {:+} bronze = {:+}",
        r.stripped, r.gained, r.changed_colour, r.net.gold, r.net.silver, r.net.bronze, r.net.total
    );
    let mut table = Table::new(&[
        ("decided", L),
        ("athlete", L),
        ("event", L),
        ("from", L),
        ("to", L),
        ("medals after", R),
    ]);
    for c in &r.changes {
        table.row(vec![
            c.decided.to_string(),
            c.athlete.clone(),
            format!("{}, {}", c.sport, c.event),
            medal_name(c.from).to_owned(),
            medal_name(c.to).to_owned(),
            count_text(c.totals_after),
        ]);
    }
    table.render(out);
    for c in &r.changes {
        let _ = writeln!(
            out,
            "  {} ({}): {} [{}]",
            c.athlete, c.decided, c.reason, c.source
        );
    }
}

fn team(out: &mut String, s: &Stats) {
    let t = &s.team;
    heading(out, "Team composition");
    let mut table = Table::new(&[
        ("sport / discipline", L),
        ("men", R),
        ("women", R),
        ("total", R),
    ]);
    for sport in &t.by_sport {
        table.row(vec![
            sport.sport.clone(),
            sport.men.to_string(),
            sport.women.to_string(),
            sport.total.to_string(),
        ]);
        if sport.shows_disciplines() {
            for d in &sport.disciplines {
                table.row(vec![
                    format!("  {}", d.discipline),
                    d.men.to_string(),
                    d.women.to_string(),
                    d.total.to_string(),
                ]);
            }
        }
    }
    table.row(vec![
        "all".to_owned(),
        t.men.to_string(),
        t.women.to_string(),
        t.athletes.to_string(),
    ]);
    table.render(out);

    let squads = |out: &mut String, label: &str, list: &[crate::stats::Squad]| {
        if list.is_empty() {
            let _ = writeln!(out, "\n{label}: none");
            return;
        }
        let _ = writeln!(out, "\n{label}");
        let mut table = Table::new(&[
            ("event", L),
            ("squad", R),
            ("played", R),
            ("place", L),
            ("medal", L),
        ]);
        for q in list {
            table.row(vec![
                format!("{}, {}", q.discipline, q.event),
                q.size.to_string(),
                q.played.to_string(),
                or_dash(q.place.clone()),
                medal_name(q.medal_now).to_owned(),
            ]);
        }
        table.render(out);
    };
    squads(out, "Team sports", &t.team_sports);
    squads(out, "Crews and pairs", &t.crews);

    let _ = writeln!(
        out,
        "\nEntries: {} competed, {} did not finish, {} disqualified, {} did not start",
        t.statuses.competed, t.statuses.dnf, t.statuses.dq, t.statuses.dns
    );
    let multi: Vec<String> = t
        .multi_event
        .iter()
        .map(|m| format!("{} ({}, {})", m.athlete, m.sport, m.events))
        .collect();
    let _ = writeln!(
        out,
        "Athletes in several events: {}{}",
        t.multi_event.len(),
        if multi.is_empty() {
            String::new()
        } else {
            format!(": {}", multi.join(", "))
        }
    );
    let non: Vec<String> = t
        .non_starters
        .iter()
        .map(|n| format!("{} ({}, {})", n.athlete, n.sport, n.events.join(", ")))
        .collect();
    let _ = writeln!(
        out,
        "Non-starters: {}{}",
        t.non_starters.len(),
        if non.is_empty() {
            String::new()
        } else {
            format!(": {}", non.join("; "))
        }
    );
}

fn ages(out: &mut String, s: &Stats) {
    let a = &s.ages;
    heading(out, "Ages at the Games");
    let _ = writeln!(
        out,
        "  Known for {} of {} athletes ({} unknown)",
        a.known,
        a.known + a.unknown,
        a.unknown
    );
    if let (Some(young), Some(old), Some(median)) = (&a.youngest, &a.oldest, a.median) {
        let _ = writeln!(
            out,
            "  Youngest {}: {}",
            young.age,
            young.athletes.join(", ")
        );
        let _ = writeln!(out, "  Oldest {}: {}", old.age, old.athletes.join(", "));
        let _ = writeln!(out, "  Median {median}, mean {}", a.mean.unwrap_or(median));
    }
    let mut table = Table::new(&[
        ("", L),
        ("known", R),
        ("youngest", R),
        ("oldest", R),
        ("median", R),
    ]);
    for x in &a.by_sex {
        table.row(vec![
            x.sex.to_owned(),
            x.known.to_string(),
            or_dash(x.youngest.map(|v| v.to_string())),
            or_dash(x.oldest.map(|v| v.to_string())),
            or_dash(x.median.map(|v| v.to_string())),
        ]);
    }
    table.render(out);
    let mut table = Table::new(&[("age", L), ("men", R), ("women", R), ("total", R)]);
    for b in &a.bands {
        table.row(vec![
            b.label.clone(),
            b.men.to_string(),
            b.women.to_string(),
            b.total.to_string(),
        ]);
    }
    out.push('\n');
    table.render(out);
}

fn history(out: &mut String, s: &Stats) {
    let h = &s.history;
    heading(out, "Across the Games");
    let views = s.views();
    let mut table = Table::new(&[
        ("Games", L),
        ("athletes", R),
        ("men", R),
        ("women", R),
        ("men %", R),
        ("sports", R),
    ])
    .per_view(&views, labelled(R));
    for a in &h.appearances {
        let lead = vec![
            format!("{} {}{}", a.year, a.city, if a.this { " *" } else { "" }),
            a.athletes.to_string(),
            a.men.to_string(),
            a.women.to_string(),
            format!("{:.1}", a.men_share),
            or_dash(a.sports.map(|n| n.to_string())),
        ];
        table.row_per_view(lead, &views, |v| {
            vec![match v.view {
                View::Awarded => or_dash(a.awarded.map(count_text)),
                View::Now => count_text(a.now),
            }]
        });
    }
    table.render(out);
    if !h.not_covered.is_empty() {
        let years: Vec<String> = h.not_covered.iter().map(i32::to_string).collect();
        let _ = writeln!(
            out,
            "  Not in the sources given (no figures): {}",
            years.join(", ")
        );
    }
    if let Some(p) = &h.previous {
        let _ = writeln!(
            out,
            "  Change from {} {}: {:+} athletes, {:+.1} points of men, {:+} medals now{}",
            p.year,
            p.city,
            p.athletes,
            p.men_share_points,
            p.medals_now,
            p.medals_awarded
                .map_or(String::new(), |m| format!(", {m:+} as awarded"))
        );
    }
    let mut table = Table::new(&[
        ("measure", L),
        ("value", R),
        ("rank to date", R),
        ("rank of all", R),
    ]);
    for r in &h.ranks {
        table.row(vec![
            r.label.to_owned(),
            if r.measure.is_percent() {
                format!("{:.1}", r.value)
            } else {
                format!("{}", r.value)
            },
            or_dash(
                r.to_date
                    .as_ref()
                    .map(|x| format!("{} of {}", x.display, x.of)),
            ),
            or_dash(
                r.overall
                    .as_ref()
                    .map(|x| format!("{} of {}", x.display, x.of)),
            ),
        ]);
    }
    out.push('\n');
    table.render(out);
    let debuts = match &h.debut_sports {
        _ if h.first_appearance => "first appearance".to_owned(),
        None => "unknown (an earlier Games' sports are not in the data)".to_owned(),
        Some(d) if d.is_empty() => "none".to_owned(),
        Some(d) => d.join(", "),
    };
    let _ = writeln!(out, "  Debut sports: {debuts}");
}

fn reconciliation(out: &mut String, s: &Stats) {
    heading(out, "Published figures");
    if s.reconciliation.is_empty() {
        let _ = writeln!(out, "  The data lists no published figures.");
        return;
    }
    for r in &s.reconciliation {
        let verdict = if r.agrees { "agrees " } else { "DIFFERS" };
        let _ = writeln!(
            out,
            "  {verdict}  {}: published {}, computed {}",
            r.claim, r.published, r.computed
        );
        let _ = writeln!(out, "           {}", r.explanation);
    }
}
