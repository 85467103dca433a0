//! The readable summary `podium stats` prints on a terminal.

use std::fmt::Write as _;

use crate::model::Medal;
use crate::stats::{MedalCount, MedalView, Stats};

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

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Drops the columns after the first `keep` (the "now" columns, when the source has none).
    fn keep(&mut self, keep: usize) {
        self.header.truncate(keep);
        self.align.truncate(keep);
        for row in &mut self.rows {
            row.truncate(keep);
        }
    }

    /// Renders, dropping the "now" columns after the first `keep` when there is no now view.
    fn render_view(mut self, s: &Stats, keep: usize, out: &mut String) {
        if !s.coverage.revisions {
            self.keep(keep);
        }
        self.render(out);
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
        "Team: {} athletes, {} men ({}) and {} women ({}), in {} sports and {} disciplines; {} entries in {} events",
        t.athletes,
        t.men,
        percent(t.men_share),
        t.women,
        percent(t.women_share),
        t.sports,
        t.disciplines,
        t.entries,
        t.events
    );

    medals(&mut out, s);
    revisions(&mut out, s);
    team(&mut out, s);
    ages(&mut out, s);
    history(&mut out, s);
    reconciliation(&mut out, s);
    out
}

fn now_label(s: &Stats) -> String {
    s.delegation
        .now_as_of
        .map_or_else(|| "now".to_owned(), |d| format!("now ({d})"))
}

fn medals(out: &mut String, s: &Stats) {
    heading(out, "Medals");
    let now = now_label(s);
    let mut table = Table::new(&[("", L), ("as awarded", R), (&now, R)]);
    for (label, get) in [
        ("gold", (|m: MedalCount| m.gold) as fn(MedalCount) -> u32),
        ("silver", |m| m.silver),
        ("bronze", |m| m.bronze),
        ("total", |m| m.total),
    ] {
        table.row(vec![
            label.to_owned(),
            get(s.awarded.totals).to_string(),
            get(s.now.totals).to_string(),
        ]);
    }
    let rank = |v: &MedalView, by_total: bool| {
        let r = if by_total { &v.rank_by_total } else { &v.rank };
        or_dash(r.as_ref().map(|r| format!("{} of {}", r.display, r.of)))
    };
    table.row(vec![
        "rank (gold first)".to_owned(),
        rank(&s.awarded, false),
        rank(&s.now, false),
    ]);
    table.row(vec![
        "rank by total medals".to_owned(),
        rank(&s.awarded, true),
        rank(&s.now, true),
    ]);
    table.render_view(s, 2, out);
    if let Some(date) = s.delegation.now_table_as_of {
        let _ = writeln!(out, "  Ranks now: the all-nation table as of {date}.");
    }
    if !s.delegation.now_table_note.is_empty() {
        let _ = writeln!(out, "  {}", s.delegation.now_table_note);
    }

    let _ = writeln!(out, "\nMedallists");
    let mut table = Table::new(&[
        ("date", L),
        ("athlete", L),
        ("sport", L),
        ("event", L),
        ("as awarded", L),
        ("now", L),
    ]);
    for m in &s.medal_list {
        table.row(vec![
            or_dash(m.date.map(|d| d.day_month())),
            m.athletes.join(", "),
            m.sport.clone(),
            m.event.clone(),
            medal_name(m.awarded).to_owned(),
            medal_name(m.now).to_owned(),
        ]);
    }
    table.render_view(s, 5, out);

    let _ = writeln!(out, "\nBy sport (gold/silver/bronze)");
    let mut table = Table::new(&[("sport", L), ("as awarded", R), ("now", R)]);
    for sport in s.medal_sports() {
        table.row(vec![
            sport.to_owned(),
            count_text(s.awarded.in_sport(sport)),
            count_text(s.now.in_sport(sport)),
        ]);
    }
    table.render_view(s, 2, out);

    let _ = writeln!(out, "\nBy day (medals that day, and the running total)");
    if !s.coverage.medal_dates {
        let _ = writeln!(out, "  The source records no dates of the medal events.");
    }
    let mut table = Table::new(&[
        ("date", L),
        ("as awarded", R),
        ("running", R),
        ("now", R),
        ("running", R),
    ]);
    for (a, n) in s.awarded.by_day.iter().zip(&s.now.by_day) {
        if a.medals.total + n.medals.total > 0 {
            table.row(vec![
                a.date.day_month(),
                count_text(a.medals),
                a.cumulative.total.to_string(),
                count_text(n.medals),
                n.cumulative.total.to_string(),
            ]);
        }
    }
    if s.coverage.medal_dates {
        table.render_view(s, 3, out);
    }

    let _ = writeln!(out, "\nBy athletes' sex");
    let mut table = Table::new(&[("", L), ("as awarded", R), ("now", R)]);
    for (a, n) in s.awarded.by_sex.iter().zip(&s.now.by_sex) {
        table.row(vec![
            a.category.to_owned(),
            count_text(a.medals),
            count_text(n.medals),
        ]);
    }
    table.render_view(s, 2, out);

    for (label, v) in s.views() {
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

/// `7/1/5 = 13`.
fn count_text(m: MedalCount) -> String {
    format!("{} = {}", m.slashed(), m.total)
}

fn revisions(out: &mut String, s: &Stats) {
    let r = &s.revisions;
    heading(out, "Medal revisions");
    if !s.coverage.revisions {
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
    let mut table = Table::new(&[
        ("Games", L),
        ("athletes", R),
        ("men", R),
        ("women", R),
        ("men %", R),
        ("sports", R),
        ("as awarded", R),
        ("now", R),
    ]);
    for a in &h.appearances {
        table.row(vec![
            format!("{} {}{}", a.year, a.city, if a.this { " *" } else { "" }),
            a.athletes.to_string(),
            a.men.to_string(),
            a.women.to_string(),
            format!("{:.1}", a.men_share),
            or_dash(a.sports.map(|n| n.to_string())),
            or_dash(a.awarded.map(count_text)),
            count_text(a.now),
        ]);
    }
    table.render_view(s, 7, out);
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
            if r.measure == "men_share" {
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
