//! The readable summary `podium stats` prints on a terminal: `render` names its parts, each in
//! its module (`medals`, `team`, `history`), written with the page and tables of `table`.

mod history;
mod medals;
mod table;
mod team;

use crate::model::{Fact, Medal};
use crate::stats::{MedalCount, Stats};
use crate::text::plural;

use table::Out;

/// The width of the summary when standard output is not a terminal (a file, a pipe, a test):
/// fixed, so that what is saved does not depend on the window it was made in.
pub const PIPE_WIDTH: usize = 100;

/// The width of a terminal that does not say how wide it is.
pub const TERMINAL_WIDTH: usize = 80;

/// The narrowest summary: below this a table's numbers no longer fit side by side, so a narrower
/// terminal gets lines of this width and wraps them itself.
pub const MIN_WIDTH: usize = 60;

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

/// A section's title, underlined.
fn heading(out: &mut Out, title: &str) {
    out.line(&format!("\n{title}\n{}", "=".repeat(title.chars().count())));
}

/// A medal's name, or a dash for none.
fn medal_name(m: Option<Medal>) -> &'static str {
    m.map_or("-", Medal::name)
}

/// The text, or a dash for none.
fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| "-".to_owned())
}

/// `64.3 %`.
fn percent(p: f64) -> String {
    format!("{p:.1} %")
}

/// `7/1/5 = 13`.
fn count_text(m: MedalCount) -> String {
    format!("{} = {}", m.slashed(), m.total)
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

    medals::medals(&mut out, s);
    medals::revisions(&mut out, s);
    team::team(&mut out, s);
    team::ages(&mut out, s);
    history::history(&mut out, s);
    history::reconciliation(&mut out, s);
    out.text
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
}
