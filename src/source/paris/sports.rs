//! olympics.com's names, turned into podium's: disciplines grouped into IOC sports, and the stage
//! names of results files turned into rounds and the words for going out in one.

/// The IOC sport an olympics.com discipline belongs to (Aquatics, Cycling, Gymnastics…); the
/// discipline itself for a sport with one discipline.
pub fn ioc_sport(discipline: &str) -> &str {
    match discipline {
        "Swimming" | "Diving" | "Artistic Swimming" | "Marathon Swimming" | "Water Polo" => {
            "Aquatics"
        }
        "Cycling Road"
        | "Cycling Track"
        | "Cycling Mountain Bike"
        | "Cycling BMX Racing"
        | "Cycling BMX Freestyle" => "Cycling",
        "Artistic Gymnastics" | "Rhythmic Gymnastics" | "Trampoline Gymnastics" => "Gymnastics",
        "Basketball" | "3x3 Basketball" => "Basketball",
        "Volleyball" | "Beach Volleyball" => "Volleyball",
        "Canoe Slalom" | "Canoe Sprint" => "Canoeing",
        "Rugby Sevens" => "Rugby",
        other => other,
    }
}

/// Whether a discipline is a team sport, whose squads share one result (the rest of the events
/// with teams are crews: relays, boats, pairs).
pub fn is_team_sport(discipline: &str) -> bool {
    matches!(
        discipline,
        "Basketball"
            | "3x3 Basketball"
            | "Football"
            | "Handball"
            | "Hockey"
            | "Volleyball"
            | "Beach Volleyball"
            | "Water Polo"
            | "Rugby Sevens"
    )
}

/// Words that only tell parallel parts of one round apart (`Heat 3`, `Group B`, `Race 7`,
/// `Rotation 2`, `of Table A`): dropped, so that the parts make one round.
const PART_WORDS: [&str; 9] = [
    "heat", "heats", "group", "groupe", "pool", "race", "rotation", "run", "day",
];

/// The round a stage belongs to, as a key: `Round 1 - Heat 2` and `Round 1 - Heat 5` are both
/// `round 1`; `Contest for Bronze Medal A` and `B` are one round. A final's letter is kept
/// (`Final B` decides places 7 to 12, below `Final A`), and so is a round's number.
pub fn round_key(stage: &str) -> String {
    let words: Vec<String> = stage
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        // `Semifinal of Table A`, `Part 1 of 2`: the part is dropped; `Table of 32` is a round.
        let next = words.get(i + 1).map(String::as_str);
        if w == "of" && next == Some("table") || w == "part" {
            i += if w == "part" { 4 } else { 3 };
            continue;
        }
        if PART_WORDS.contains(&w) {
            // The word and the number or letter after it.
            let next_is_label = words.get(i + 1).is_some_and(|n| is_label(n));
            i += if next_is_label { 2 } else { 1 };
            continue;
        }
        let after_final = kept.last().is_some_and(|k| *k == "final");
        let after_round = kept
            .last()
            .is_some_and(|k| *k == "round" || *k == "repechage" || *k == "of");
        if is_label(w) && !after_final && !after_round && w.len() == 1 {
            i += 1;
            continue;
        }
        kept.push(w);
        i += 1;
    }
    kept.join(" ")
}

/// How far into an event a round is, by its name: qualification and group stages first, then
/// numbered rounds, the rounds of 64 to 8, the repechage, the semifinals, the lower finals, the
/// bronze match, the final. `None` for a name that does not say (a pentathlon's laser run), placed
/// by its time after the rounds before it.
pub fn depth(key: &str) -> Option<u32> {
    let has = |w: &str| key.contains(w);
    let round_of = |n: u32| 600u32.saturating_sub(10 * (n / 8).max(1).ilog2());
    let number_after = |prefix: &str| {
        key.split(prefix)
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse::<u32>().ok())
    };
    if has("semi") {
        Some(700)
    } else if has("quarter") || has("1/4") {
        Some(600)
    } else if has("placement") || has("placing") || has("classification") || has("places") {
        Some(650)
    } else if has("bronze") {
        Some(900)
    } else if has("gold") || has("medal race") || has("big final") {
        Some(1000)
    } else if let Some(letter) = key.strip_prefix("final ").filter(|l| l.len() == 1) {
        let behind = letter
            .bytes()
            .next()
            .map_or(0, |b| u32::from(b.saturating_sub(b'a')));
        Some(1000 - 10 * behind.min(20))
    } else if key.starts_with("final") {
        Some(1000)
    } else if has("repechage") {
        Some(650)
    } else if let Some(n) = number_after("round of ").or_else(|| number_after("table of ")) {
        Some(round_of(n))
    } else if let Some(n) = number_after("1/") {
        Some(round_of(2 * n))
    } else if let Some(n) = number_after("round ") {
        Some(100 + 10 * n.min(9))
    } else if has("first round") {
        Some(110)
    } else if has("second round") {
        Some(120)
    } else if has("third round") {
        Some(130)
    } else if [
        "qualif", "prelim", "ranking", "group", "pool", "opening", "heat", "seeding", "stage",
    ]
    .iter()
    .any(|w| has(w))
        || key.is_empty()
    {
        Some(50)
    } else {
        None
    }
}

/// The places a placing stage decides: `Placement 5-6` gives (5, 6), `Classification 5th-8th`
/// (5, 8), `For Places 7-12` (7, 12).
pub fn placing(stage: &str) -> Option<(u32, u32)> {
    let lower = stage.to_lowercase();
    if !["placement", "placing", "classification", "places"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let numbers: Vec<u32> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers[..] {
        [a, b] if a > 0 && b > a => Some((a, b)),
        _ => None,
    }
}

/// A part's number or letter: `3`, `B`, `1/2`, `2nd`.
fn is_label(word: &str) -> bool {
    word.len() <= 4
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '/')
        && (word.len() == 1 || word.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// "out in the round of 16", "out in the quarterfinals", "out in round 1": the words for a round
/// an entry went no further than.
pub fn out_in(key: &str) -> String {
    let round = if key.contains("quarter") || key.contains("1/4") || key.ends_with(" of 8") {
        "the quarterfinals".to_owned()
    } else if let Some(pos) = key.find("round of ") {
        format!("the {}", &key[pos..])
    } else if key.contains("semi") {
        "the semifinals".to_owned()
    } else if key.contains("repechage") {
        "the repechage".to_owned()
    } else if key.contains("bronze") {
        "the bronze medal match".to_owned()
    } else if key.contains("1/8") {
        "the round of 16".to_owned()
    } else if key.contains("1/16") {
        "the round of 32".to_owned()
    } else if key.contains("1/32") {
        "the round of 64".to_owned()
    } else if key.contains("play stage") || key.contains("pool") || key.contains("group") {
        "the group stage".to_owned()
    } else if key.contains("qualif") || key == "stage" || key.contains("ranking") {
        "qualification".to_owned()
    } else if key.contains("prelim") {
        "the preliminaries".to_owned()
    } else if key.is_empty() {
        "the opening round".to_owned()
    } else if let Some(n) = key.strip_prefix("table of ") {
        format!("the round of {n}")
    } else if let Some(letter) = key.strip_prefix("final ") {
        return format!("in Final {}", letter.to_uppercase());
    } else if key.starts_with("round ") {
        key.to_owned()
    } else {
        format!("the {key}")
    };
    format!("out in {round}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disciplines_are_grouped_into_ioc_sports() {
        assert_eq!(ioc_sport("Marathon Swimming"), "Aquatics");
        assert_eq!(ioc_sport("Cycling BMX Freestyle"), "Cycling");
        assert_eq!(ioc_sport("Trampoline Gymnastics"), "Gymnastics");
        assert_eq!(ioc_sport("3x3 Basketball"), "Basketball");
        assert_eq!(ioc_sport("Judo"), "Judo");
        assert!(is_team_sport("3x3 Basketball") && !is_team_sport("Rowing"));
    }

    #[test]
    fn parallel_parts_make_one_round() {
        assert_eq!(round_key("Round 1 - Heat 2"), round_key("Round 1 - Heat 5"));
        assert_ne!(round_key("Round 1 - Heat 2"), round_key("Round 2 - Heat 2"));
        assert_eq!(
            round_key("Contest for Bronze Medal A"),
            round_key("Contest for Bronze Medal B")
        );
        assert_eq!(round_key("Semifinal of Table A"), "semifinal");
        assert_eq!(round_key("Group Play Stage - Group K"), "play stage");
        assert_eq!(out_in("play stage"), "out in the group stage");
        assert_eq!(round_key("Final B"), "final b");
        assert_eq!(round_key("Opening Series - Race 12"), "opening series");
        assert_eq!(
            out_in(&round_key("Elimination Round of 16")),
            "out in the round of 16"
        );
        assert_eq!(
            out_in(&round_key("Quarterfinal 3")),
            "out in the quarterfinals"
        );
    }
}
