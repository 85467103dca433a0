//! Wrapping and fitting a string to a width, given a function that measures a string: one
//! implementation for the report's layout (points) and the charts' canvas (pixels). Also the
//! count in words every renderer writes (`plural`), and the slug of a name (`slug`).

/// `1 medal`, `3 medals`: a count with its noun, for the PDF, the terminal and the charts alike.
pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n as usize, one, many))
}

/// The noun for `n` things without the count, where the count is written elsewhere or not at
/// all: `the header lacks the columns …`.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Lowercase letters and digits with single dashes between words, no dash at either end:
/// `Judo Men's Extra-Lightweight` is `judo-men-s-extra-lightweight`.
pub fn slug(text: &str) -> String {
    slug_with(text, |_| None)
}

/// `slug`, with `plain` spelling some characters otherwise (a letter without its accent, say):
/// it is given each character in lower case, and what it returns is kept as it is.
pub fn slug_with(text: &str, plain: impl Fn(char) -> Option<&'static str>) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(plain) = plain(c) {
            slug.push_str(plain);
        } else if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Text escaped for XML (the PDF's XMP packet, an SVG's title and description): the five
/// characters XML reserves, and a control character, which XML cannot hold, as a space.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// What to do with a single word wider than the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlong {
    /// Break it after a hyphen or slash where one fits, else cut it (running text in the PDF).
    Break,
    /// Give it a line of its own, shortened with an ellipsis (labels in a chart).
    Shorten,
}

/// `text` shortened with an ellipsis so that `measure` of it is at most `width`; `text` itself
/// when it fits, and a lone ellipsis when nothing else does.
pub fn fit<W: PartialOrd>(text: &str, width: W, measure: impl Fn(&str) -> W) -> String {
    if measure(text) <= width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    for keep in (0..chars.len()).rev() {
        let candidate = format!("{}…", chars[..keep].iter().collect::<String>().trim_end());
        if measure(&candidate) <= width {
            return candidate;
        }
    }
    "…".to_owned()
}

/// Splits `text` into lines no wider than `width`, breaking at spaces; a word wider than the line
/// is treated as `overlong` says. A text without words gives no lines.
pub fn wrap<W: PartialOrd + Copy>(
    text: &str,
    width: W,
    measure: impl Fn(&str) -> W,
    overlong: Overlong,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = match overlong {
            Overlong::Break => break_word(word, width, &measure, &mut lines),
            Overlong::Shorten => word.to_owned(),
        };
    }
    if !line.is_empty() {
        lines.push(line);
    }
    match overlong {
        Overlong::Break => lines,
        Overlong::Shorten => lines
            .into_iter()
            .map(|l| fit(&l, width, &measure))
            .collect(),
    }
}

/// Cuts `word` into pieces no wider than `width`, after a hyphen or slash where one fits: every
/// full piece goes to `lines`, the last one is returned to start the next line.
fn break_word<W: PartialOrd + Copy>(
    word: &str,
    width: W,
    measure: impl Fn(&str) -> W,
    lines: &mut Vec<String>,
) -> String {
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if measure(&piece) > width && piece.chars().count() > 1 {
            piece.pop();
            let at = piece
                .rfind(['-', '/'])
                .map(|i| i + 1)
                .filter(|&i| i < piece.len());
            let rest = match at {
                Some(i) => piece.split_off(i),
                None => String::new(),
            };
            lines.push(std::mem::take(&mut piece));
            piece = rest;
            piece.push(c);
        }
    }
    piece
}

/// At most `n` lines of `text` wrapped with shortened overlong words; when the text needs more,
/// the last kept line ends with an ellipsis, so nothing is cut off silently.
pub fn wrap_at_most<W: PartialOrd + Copy>(
    text: &str,
    width: W,
    measure: impl Fn(&str) -> W,
    n: usize,
) -> Vec<String> {
    let mut lines = wrap(text, width, &measure, Overlong::Shorten);
    if lines.len() > n && n > 0 {
        let rest = lines[n - 1..].join(" ");
        lines.truncate(n - 1);
        let last = fit(&format!("{rest}…"), width, &measure);
        // `fit` keeps the ellipsis only when it shortens; make sure one is there.
        lines.push(if last.ends_with('…') {
            last
        } else {
            fit(&format!("{}…", rest.trim_end()), width, &measure)
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit per character: easy to reason about.
    fn chars(s: &str) -> usize {
        s.chars().count()
    }

    #[test]
    fn a_slug_is_lower_case_words_joined_by_single_dashes() {
        assert_eq!(
            slug("Judo Men's Extra-Lightweight"),
            "judo-men-s-extra-lightweight"
        );
        assert_eq!(slug("  --Côte d'Ivoire!--"), "côte-d-ivoire");
        let plain = |c| (c == 'ô').then_some("o");
        assert_eq!(slug_with("Côte d'Ivoire", plain), "cote-d-ivoire");
        assert_eq!(noun(1, "column", "columns"), "column");
        assert_eq!(plural(0, "medal", "medals"), "0 medals");
    }

    #[test]
    fn fit_keeps_what_fits_and_shortens_the_rest() {
        assert_eq!(fit("abc", 3, chars), "abc");
        assert_eq!(fit("abc def", 5, chars), "abc…");
        assert_eq!(fit("abcdef", 0, chars), "…");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_treats_long_words_as_told() {
        assert_eq!(wrap("aa bb cc", 5, chars, Overlong::Break), ["aa bb", "cc"]);
        assert_eq!(
            wrap("second-largest", 9, chars, Overlong::Break),
            ["second-", "largest"]
        );
        assert_eq!(
            wrap("abcdefgh x", 4, chars, Overlong::Break),
            ["abcd", "efgh", "x"]
        );
        assert_eq!(
            wrap("abcdefgh x", 4, chars, Overlong::Shorten),
            ["abc…", "x"]
        );
        assert!(wrap("  ", 4, chars, Overlong::Break).is_empty());
    }

    #[test]
    fn wrap_at_most_ends_a_cut_text_with_an_ellipsis() {
        assert_eq!(
            wrap_at_most("aa bb cc dd ee", 5, chars, 2),
            ["aa bb", "cc d…"]
        );
        assert_eq!(wrap_at_most("aa bb", 5, chars, 2), ["aa bb"]);
    }
}
