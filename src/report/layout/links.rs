//! References in running text that become links: "section 3", "Table 2", "Figure 4", and web
//! addresses ("olympedia.org", "https://…"), found by their words alone.

use super::Target;

/// Top-level domains a bare address ends with, for "olympedia.org"-style references.
const DOMAINS: [&str; 9] = [
    ".org", ".com", ".net", ".int", ".edu", ".gov", ".info", ".io", ".kz",
];

/// `text` cut into pieces in order, each with the link it is, if any. A text without a
/// reference is one piece.
pub fn split(text: &str) -> Vec<(&str, Option<Target>)> {
    let mut found: Vec<(usize, usize, Target)> = Vec::new();
    let mut words = words(text).peekable();
    while let Some((start, word)) = words.next() {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
        let bare = bare.trim_start_matches('(');
        let lead = word.len() - word.trim_start_matches('(').len();
        if let Some(uri) = address(bare) {
            found.push((start + lead, start + lead + bare.len(), Target::Uri(uri)));
            continue;
        }
        let kind: Option<fn(usize) -> Target> = match bare {
            "section" | "Section" => Some(Target::Section),
            "Table" | "table" => Some(Target::Table),
            "Figure" | "figure" => Some(Target::Figure),
            _ => None,
        };
        let (Some(kind), Some(&(next_start, next))) = (kind, words.peek()) else {
            continue;
        };
        let digits = next.trim_end_matches([',', '.', ';', ':', ')']);
        if bare != word.trim_start_matches('(') || digits.is_empty() {
            continue;
        }
        if let Ok(n) = digits.parse::<usize>() {
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                found.push((start + lead, next_start + digits.len(), kind(n)));
                words.next();
            }
        }
    }
    let mut pieces = Vec::with_capacity(found.len() * 2 + 1);
    let mut at = 0;
    for (start, end, target) in found {
        if start > at {
            pieces.push((&text[at..start], None));
        }
        pieces.push((&text[start..end], Some(target)));
        at = end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push((&text[at..], None));
    }
    pieces
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The web address a word names, if it is one.
fn address(word: &str) -> Option<String> {
    if word.starts_with("https://") || word.starts_with("http://") {
        return (word.len() > 8).then(|| word.to_owned());
    }
    let host = word.split('/').next().unwrap_or(word);
    let valid = host
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    (valid
        && host.contains('.')
        && DOMAINS.iter().any(|d| host.ends_with(d))
        && !host.starts_with('.'))
    .then(|| format!("https://{word}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_addresses_become_links() {
        let pieces = split("rank now (section 7). See Table 12, Figure 3 and olympedia.org pages");
        let links: Vec<_> = pieces
            .iter()
            .filter_map(|(p, t)| t.clone().map(|t| (*p, t)))
            .collect();
        assert_eq!(
            links,
            [
                ("section 7", Target::Section(7)),
                ("Table 12", Target::Table(12)),
                ("Figure 3", Target::Figure(3)),
                ("olympedia.org", Target::Uri("https://olympedia.org".into())),
            ]
        );
        let joined: String = pieces.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            joined,
            "rank now (section 7). See Table 12, Figure 3 and olympedia.org pages"
        );
    }

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(
            split("Table tennis, 3 entries"),
            [("Table tennis, 3 entries", None)]
        );
        assert_eq!(split(""), [("", None)]);
        assert_eq!(split("e.g. 2.5 kg; Jr."), [("e.g. 2.5 kg; Jr.", None)]);
    }
}
