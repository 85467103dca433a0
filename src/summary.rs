//! The readable summary `podium stats` prints on a terminal.

use crate::model::{Fact, Medal, View};
use crate::stats::{MedalCount, MedalView, Rank, Stats, with_date};
use crate::text::{Overlong, fit, plural, wrap};

/// The width of the summary when standard output is not a terminal (a file, a pipe, a test):
/// fixed, so that what is saved does not depend on the window it was made in.
pub const PIPE_WIDTH: usize = 100;

/// The width of a terminal that does not say how wide it is.
pub const TERMINAL_WIDTH: usize = 80;

/// The narrowest summary: below this a table's numbers no longer fit side by side, so a narrower
/// terminal gets lines of this width and wraps them itself.
pub const MIN_WIDTH: usize = 60;

/// The narrowest a column of text is squeezed to before the table gives up fitting (names and
/// events wrap within it).
const MIN_TEXT_COLUMN: usize = 12;

/// The width to set the summary to: `PIPE_WIDTH` when standard output is not a terminal;
/// otherwise the terminal's, from `COLUMNS` (when the shell exports it), else from `query` (the
/// terminal asked directly), else `TERMINAL_WIDTH`; never less than `MIN_WIDTH`.
pub fn width(
    is_terminal: bool,
    columns: Option<&str>,
    query: impl FnOnce() -> Option<usize>,
) -> usize {
    if !is_terminal {
        return PIPE_WIDTH;
    }
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(query)
        .unwrap_or(TERMINAL_WIDTH)
        .max(MIN_WIDTH)
}

/// The number of columns of the controlling terminal, as `stty size` reports it (`rows columns`);
/// `None` where there is no terminal or no `stty`. A child process rather than an ioctl, which
/// would need unsafe code or a new dependency.
pub fn terminal_columns() -> Option<usize> {
    let tty = std::fs::File::open("/dev/tty").ok()?;
    let out = std::process::Command::new("stty")
        .arg("size")
        .stdin(tty)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    text.split_whitespace()
        .nth(1)?
        .parse()
        .ok()
        .filter(|&c| c > 0)
}

/// Characters, the terminal's unit of width.
fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The summary being written, and the width no line of it may pass.
struct Out {
    text: String,
    width: usize,
}

impl Out {
    /// Writes `text`, one line per `\n`-separated piece: a piece wider than the page wraps at
    /// spaces, its later lines indented two more than its first.
    fn line(&mut self, text: &str) {
        for piece in text.split('\n') {
            if chars(piece) <= self.width {
                self.push(piece);
                continue;
            }
            let indent = chars(piece) - chars(piece.trim_start());
            let room = self.width.saturating_sub(indent + 2).max(1);
            let lines = wrap(piece, room, chars, Overlong::Break);
            for (i, l) in lines.iter().enumerate() {
                let pad = if i == 0 { indent } else { indent + 2 };
                self.push(&format!("{}{l}", " ".repeat(pad)));
            }
        }
    }

    /// Writes one line as it is, but never wider than the page: whatever would pass the edge is
    /// replaced by an ellipsis (a last resort; `line` and `Table` wrap first).
    fn push(&mut self, line: &str) {
        self.text.push_str(&fit(line.trim_end(), self.width, chars));
        self.text.push('\n');
    }
}

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A plain text table: a header row, a rule, the rows; columns padded to their widest cell, and
/// narrowed to fit the page when they would pass it, their text wrapping within them.
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

    /// The width of each column: its widest cell, or less when the table would pass `page`.
    /// Then the widest text column gives up a character at a time, down to `MIN_TEXT_COLUMN`;
    /// a column of numbers keeps its widest number (only its header may wrap).
    fn widths(&self, page: usize) -> Vec<usize> {
        let cell = |r: &Vec<String>, c: usize| r.get(c).map_or(0, |s| chars(s));
        let body = |c: usize| self.rows.iter().map(|r| cell(r, c)).max().unwrap_or(0);
        let mut widths: Vec<usize> = (0..self.header.len())
            .map(|c| body(c).max(chars(&self.header[c])))
            .collect();
        let floor: Vec<usize> = (0..widths.len())
            .map(|c| match self.align[c] {
                Align::Left => widths[c].min(MIN_TEXT_COLUMN),
                Align::Right => body(c).max(1),
            })
            .collect();
        // Two spaces before each column.
        let room = page.saturating_sub(2 * widths.len());
        while widths.iter().sum::<usize>() > room {
            // The widest that can still give; of equal ones the rightmost (names lead a row).
            let Some(c) = (0..widths.len())
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| (widths[c], c))
            else {
                break;
            };
            widths[c] -= 1;
        }
        widths
    }

    fn render(&self, out: &mut Out) {
        let widths = self.widths(out.width);
        let line = |cells: &[String], out: &mut Out| {
            // Each cell's lines at its column's width (a leading indent kept on every line).
            let cells: Vec<Vec<String>> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, &w)| {
                    let body = cell.trim_start();
                    let indent = " ".repeat(chars(cell) - chars(body));
                    let room = w.saturating_sub(indent.len()).max(1);
                    let lines = wrap(body, room, chars, Overlong::Break);
                    if lines.is_empty() {
                        vec![String::new()]
                    } else {
                        lines.into_iter().map(|l| format!("{indent}{l}")).collect()
                    }
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for i in 0..height {
                let mut text = String::from("  ");
                for (c, lines) in cells.iter().enumerate() {
                    let cell = lines.get(i).map_or("", String::as_str);
                    let pad = " ".repeat(widths[c].saturating_sub(chars(cell)));
                    if self.align[c] == Align::Right {
                        text.push_str(&pad);
                        text.push_str(cell);
                    } else {
                        text.push_str(cell);
                        text.push_str(&pad);
                    }
                    text.push_str("  ");
                }
                out.push(&text);
            }
        };
        line(&self.header, out);
        let rule = widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>();
        let mut text = String::from("  ");
        text.push_str(&rule.join("  "));
        out.push(&text);
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

fn heading(out: &mut Out, title: &str) {
    out.line(&format!("\n{title}\n{}", "=".repeat(title.chars().count())));
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

/// Renders the whole summary, no line wider than `width` characters.
pub fn render(s: &Stats, width: usize) -> String {
    let mut out = Out {
        text: String::new(),
        width,
    };
    let d = &s.delegation;
    out.line(&format!(
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
    ));
    if let Some(n) = d.appearance {
        out.line(&format!("Appearance: {n} at the {} Games", d.season));
    }
    for f in &d.flag_bearers {
        out.line(&format!(
            "Flag bearer, {}: {} ({})",
            f.ceremony, f.athlete, f.sport
        ));
    }
    let t = &s.team;
    let entered = if s.coverage.records(Fact::Entries) {
        format!(
            "{} in {}",
            plural(t.entries, "entry", "entries"),
            plural(t.events, "event", "events")
        )
    } else {
        "events entered not in the source".to_owned()
    };
    out.line(&format!(
        "Team: {}, {} ({}) and {} ({}), in {} and {}; {entered}",
        plural(t.athletes, "athlete", "athletes"),
        plural(t.men, "man", "men"),
        percent(t.men_share),
        plural(t.women, "woman", "women"),
        percent(t.women_share),
        plural(t.sports, "sport", "sports"),
        plural(t.disciplines, "discipline", "disciplines"),
    ));

    medals(&mut out, s);
    revisions(&mut out, s);
    team(&mut out, s);
    ages(&mut out, s);
    history(&mut out, s);
    reconciliation(&mut out, s);
    out.text
}

fn medals(out: &mut Out, s: &Stats) {
    heading(out, "Medals");
    let views = s.views();
    totals(out, s, &views);
    medallists(out, s, &views);

    out.line("\nBy sport (gold/silver/bronze)");
    let mut table = Table::new(&[("sport", L)]).per_view(&views, labelled(R));
    for sport in s.medal_sports() {
        table.row_per_view(vec![sport.to_owned()], &views, |v| {
            vec![count_text(v.in_sport(sport))]
        });
    }
    table.render(out);

    by_day(out, s, &views);

    out.line("\nBy athletes' sex");
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

    multiple_medallists(out, s, &views);
}

/// The athletes with more than one medal in any view, one row each (a run of names in one line
/// was thousands of characters long for a big team).
fn multiple_medallists(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    let list = s.multiple_medallists();
    if list.is_empty() {
        out.line("\nMultiple medallists: none");
        return;
    }
    out.line("\nMultiple medallists");
    let mut table = Table::new(&[("athlete", L), ("sport", L)]).per_view(views, labelled(R));
    for (m, counts) in list {
        let mut row = vec![m.athlete.clone(), m.sport.clone()];
        row.extend(counts.into_iter().map(count_text));
        table.row(row);
    }
    table.render(out);
}

/// Medal counts and ranks, one column per view, and the date of the table behind the ranks now.
fn totals(out: &mut Out, s: &Stats, views: &[&MedalView]) {
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
        out.line(&format!("  Ranks now: the all-nation table as of {date}."));
    }
    if !s.delegation.now_table_note.is_empty() {
        out.line(&format!("  {}", s.delegation.now_table_note));
    }
    if let Some(ledger) = &s.delegation.ledger {
        out.line(&format!(
            "  {}",
            match ledger.completeness {
                crate::model::Completeness::Complete =>
                    "The revision ledger records every change at these Games.",
                crate::model::Completeness::Partial =>
                    "Medals now may differ: changes after these Games are not all recorded.",
            }
        ));
    }
}

/// Every medal, with its colour in each view.
fn medallists(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    out.line("\nMedallists");
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
fn by_day(out: &mut Out, s: &Stats, views: &[&MedalView]) {
    out.line("\nBy day (medals that day, and the running total)");
    if !s.coverage.records(Fact::MedalDates) {
        out.line("  The source records no dates of the medal events.");
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

fn revisions(out: &mut Out, s: &Stats) {
    let r = &s.revisions;
    heading(out, "Medal revisions");
    if s.now.is_none() {
        out.line("  The source records no decision taken after the Games: no revision ledger.");
        return;
    }
    if r.changes.is_empty() {
        out.line("  No medal has changed since the Games.");
        return;
    }
    out.line(&format!("  {} stripped, {} gained by reallocation, {} changed in colour; net {:+} gold, {:+} silver, {:+} bronze = {:+}",
        r.stripped, r.gained, r.changed_colour, r.net.gold, r.net.silver, r.net.bronze, r.net.total));
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
        out.line(&format!(
            "  {} ({}): {} [{}]",
            c.athlete, c.decided, c.reason, c.source
        ));
    }
}

fn team(out: &mut Out, s: &Stats) {
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

    let squads = |out: &mut Out, label: &str, list: &[crate::stats::Squad]| {
        if list.is_empty() {
            out.line(&format!("\n{label}: none"));
            return;
        }
        out.line(&format!("\n{label}"));
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

    out.line(&format!(
        "\nEntries: {} competed, {} did not finish, {} disqualified, {} did not start",
        t.statuses.competed, t.statuses.dnf, t.statuses.dq, t.statuses.dns
    ));
    out.line(&format!(
        "\nAthletes in several events: {}",
        t.multi_event.len()
    ));
    if !t.multi_event.is_empty() {
        let mut table = Table::new(&[("athlete", L), ("sport", L), ("events", R)]);
        for m in &t.multi_event {
            table.row(vec![
                m.athlete.clone(),
                m.sport.clone(),
                m.events.to_string(),
            ]);
        }
        table.render(out);
    }
    out.line(&format!("\nNon-starters: {}", t.non_starters.len()));
    if !t.non_starters.is_empty() {
        let mut table = Table::new(&[("athlete", L), ("sport", L), ("events", L)]);
        for n in &t.non_starters {
            table.row(vec![
                n.athlete.clone(),
                n.sport.clone(),
                n.events.join(", "),
            ]);
        }
        table.render(out);
    }
}

fn ages(out: &mut Out, s: &Stats) {
    let a = &s.ages;
    heading(out, "Ages at the Games");
    out.line(&format!(
        "  Known for {} of {} athletes ({} unknown)",
        a.known,
        a.known + a.unknown,
        a.unknown
    ));
    if let (Some(young), Some(old), Some(median)) = (&a.youngest, &a.oldest, a.median) {
        out.line(&format!(
            "  Youngest {}: {}",
            young.age,
            young.athletes.join(", ")
        ));
        out.line(&format!(
            "  Oldest {}: {}",
            old.age,
            old.athletes.join(", ")
        ));
        out.line(&format!(
            "  Median {median}, mean {}",
            a.mean.unwrap_or(median)
        ));
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
    out.push("");
    table.render(out);
}

fn history(out: &mut Out, s: &Stats) {
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
        out.line(&format!(
            "  Not in the sources given (no figures): {}",
            years.join(", ")
        ));
    }
    if let Some(p) = &h.previous {
        out.line(&format!(
            "  Change from {} {}: {:+} athletes, {:+.1} points of men, {:+} medals now{}",
            p.year,
            p.city,
            p.athletes,
            p.men_share_points,
            p.medals_now,
            p.medals_awarded
                .map_or(String::new(), |m| format!(", {m:+} as awarded"))
        ));
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
    out.push("");
    table.render(out);
    let debuts = match &h.debut_sports {
        _ if h.first_appearance => "first appearance".to_owned(),
        None => "unknown (an earlier Games' sports are not in the data)".to_owned(),
        Some(d) if d.is_empty() => "none".to_owned(),
        Some(d) => d.join(", "),
    };
    out.line(&format!("  Debut sports: {debuts}"));
}

fn reconciliation(out: &mut Out, s: &Stats) {
    heading(out, "Published figures");
    if s.reconciliation.is_empty() {
        out.line("  The data lists no published figures.");
        return;
    }
    for r in &s.reconciliation {
        let verdict = if r.agrees { "agrees " } else { "DIFFERS" };
        out.line(&format!(
            "  {verdict}  {}: published {}, computed {}",
            r.claim, r.published, r.computed
        ));
        out.line(&format!("           {}", r.explanation));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_is_fixed_off_a_terminal_and_the_terminal_s_on_one() {
        let never = || -> Option<usize> { unreachable!("no terminal to ask") };
        assert_eq!(width(false, Some("300"), never), PIPE_WIDTH);
        assert_eq!(width(true, Some("132"), never), 132);
        assert_eq!(width(true, None, || Some(120)), 120);
        assert_eq!(width(true, Some("wide"), || None), TERMINAL_WIDTH);
        assert_eq!(width(true, Some("0"), || Some(90)), 90);
        assert_eq!(width(true, Some("20"), never), MIN_WIDTH);
    }

    #[test]
    fn a_table_narrows_its_text_columns_and_wraps_their_cells() {
        let mut table = Table::new(&[("athlete", Align::Left), ("medals", Align::Right)]);
        table.row(vec![
            "A very long name that cannot fit on one narrow line at all".to_owned(),
            "4/2/0 = 6".to_owned(),
        ]);
        table.row(vec!["Short".to_owned(), "1/0/0 = 1".to_owned()]);
        let mut out = Out {
            text: String::new(),
            width: 30,
        };
        table.render(&mut out);
        assert!(out.text.lines().all(|l| chars(l) <= 30), "{}", out.text);
        // Numbers are kept whole; the name wraps within its column.
        assert!(out.text.contains("4/2/0 = 6"), "{}", out.text);
        let words: Vec<&str> = out.text.split_whitespace().collect();
        assert!(words.windows(2).any(|w| w == ["A", "very"]), "{}", out.text);
        assert!(words.contains(&"all"), "{}", out.text);
    }

    #[test]
    fn a_long_line_wraps_with_a_hanging_indent() {
        let mut out = Out {
            text: String::new(),
            width: 20,
        };
        out.line("  one two three four five six seven");
        assert_eq!(out.text, "  one two three\n    four five six\n    seven\n");
    }
}
