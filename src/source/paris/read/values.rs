//! How the folder writes its values: lists in cells, days in two forms, places, codes, and
//! names with the family name first in capitals.

use crate::date::Date;
use crate::model::Category;

/// A list written Python-style: `['Judo']`, `["Men's -60 kg", 'Mixed Team']`, `[Athletics]`,
/// `[]`. `None` when the text is not a list.
pub fn list(text: &str) -> Option<Vec<String>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    let mut items = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let item = if first == '\'' || first == '"' {
            chars.next();
            let mut item = String::new();
            loop {
                match chars.next()? {
                    '\\' => item.push(chars.next()?),
                    c if c == first => break,
                    c => item.push(c),
                }
            }
            item
        } else {
            let mut item = String::new();
            while let Some(c) = chars.next_if(|&c| c != ',') {
                item.push(c);
            }
            item.trim().to_owned()
        };
        items.push(item);
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        match chars.next() {
            None => break,
            Some(',') => {}
            Some(_) => return None,
        }
    }
    Some(items)
}

/// A day as `2024-07-27` or `27-07-2024`.
pub fn day(text: &str) -> Option<Date> {
    if let Some(d) = Date::parse(text) {
        return Some(d);
    }
    let mut parts = text.split('-');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() != 2 || m.len() != 2 || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A whole, positive number as `3` or `3.0`.
pub(super) fn whole(text: &str) -> Option<u32> {
    let digits = text.strip_suffix(".0").unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n > 0)
}

/// An athlete's code: digits (`1532872`), or letters and digits in olympics.com's older form.
pub(super) fn is_code(text: &str) -> bool {
    !text.is_empty() && text.len() <= 16 && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A NOC code: three capital letters (`KAZ`).
pub(super) fn is_noc(text: &str) -> bool {
    crate::model::Noc::parse(text).is_some()
}

/// Men's, women's or mixed from an event's name, for an event no results file names.
pub(super) fn category_of_name(name: &str) -> Category {
    if name.starts_with("Men") {
        Category::Men
    } else if name.starts_with("Women") {
        Category::Women
    } else {
        Category::Mixed
    }
}

/// A name as people read it: olympics.com writes the family name first in capitals
/// (`SMETOV Yeldos`, `de NAEYER Janie`); the briefing writes `Yeldos Smetov`, `Janie de Naeyer`.
/// A name of capitals only (`AMIR`, a breaker's) is written `Amir`.
pub fn display_name(listed: &str) -> String {
    let words: Vec<&str> = listed.split_whitespace().collect();
    let capitals = |w: &str| {
        let w = prefixed(w).map_or(w, |(_, rest)| rest);
        w.chars().any(char::is_alphabetic) && w.to_uppercase() == w
    };
    // The family name: the words in capitals, with a lowercase particle before them.
    let family_end = words.iter().rposition(|w| capitals(w)).map_or(0, |i| i + 1);
    let family_words = &words[..family_end];
    if family_words.is_empty() || !family_words.iter().any(|w| capitals(w)) {
        return words.join(" ");
    }
    let family: Vec<String> = family_words
        .iter()
        .map(|w| {
            if let Some((prefix, rest)) = prefixed(w) {
                format!("{prefix}{}", title_case(rest))
            } else if capitals(w) {
                title_case(w)
            } else {
                (*w).to_owned()
            }
        })
        .collect();
    let given = &words[family_end..];
    if given.is_empty() {
        family.join(" ")
    } else {
        format!("{} {}", given.join(" "), family.join(" "))
    }
}

/// A family name in capitals after a prefix of a capital and one or two small letters, as
/// olympics.com writes `McKEON` or `MacDONALD`: the prefix and the rest.
fn prefixed(word: &str) -> Option<(&str, &str)> {
    let mut chars = word.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let small = chars.by_ref().take_while(|(_, c)| c.is_lowercase()).count();
    let at = word.char_indices().nth(1 + small).map(|(i, _)| i)?;
    let rest = &word[at..];
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    ((1..=2).contains(&small) && letters >= 2 && rest.to_uppercase() == rest)
        .then(|| (&word[..at], rest))
}

/// `BORODA-DUDOCHKIN` → `Boroda-Dudochkin`, `O'CONNOR` → `O'Connor`.
fn title_case(word: &str) -> String {
    // The whole word lowered at once: a Greek capital sigma ending the word becomes ς, not σ.
    let lower = word.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphabetic();
    }
    out
}
