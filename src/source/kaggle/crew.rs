//! Which events are crew or team events, and how many medals a nation's athletes holding one medal
//! of such an event are.
//!
//! The file has one row per athlete, so a crew's gold is several rows. An event is a crew event
//! when the file shows it (for at least two of its medals, one nation's several athletes hold the
//! same medal) or when its name or sport says so: a single entrant, an event where only the
//! winners are recorded, and two sailing classes the file merged into one show one colour only.
//! A joint entry in the art competitions counts once too. What stays individual is a tie within
//! one nation (two US golds in the 1984 women's 100 m freestyle): two medals.

use std::collections::{BTreeMap, BTreeSet};

use std::collections::HashSet;

use super::{Fnv, Olympics, Strings, Summary, Sym};
use crate::model::Medal;

/// Words of an event's name that say its entrants are crews, pairs, relays or teams.
const CREW_WORDS: [&str; 8] = [
    "Team", "Teams", "Doubles", "Pairs", "Two-Man", "Relay", "Fours", "Eights",
];

/// The file's sports whose every event is for crews (boats, the 1924 Everest expedition).
const CREW_SPORTS: [&str; 3] = ["Sailing", "Motorboating", "Alpinism"];

/// The file's sport of the art competitions, where an entry can be the work of several artists.
const ART: &str = "Art Competitions";

/// Whether an event is for crews or teams by its sport or name (`event` is the file's whole
/// Event, such as `Gymnastics Men's Horizontal Bar, Teams`). Words are whole words: `Teams` does
/// not make `Teamster` a crew event.
pub fn says_crew(sport: &str, event: &str) -> bool {
    CREW_SPORTS.contains(&sport)
        || event
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|word| CREW_WORDS.contains(&word))
}

/// Whether an event counts a nation's several holders of one medal as one crew: `colours` is how
/// many of its medals some nation holds several times.
pub fn is_shared(sport: &str, event: &str, colours: u32) -> bool {
    colours >= 2 || says_crew(sport, event) || (sport == ART && colours >= 1)
}

/// The file's sport whose team events list each rider under the horse's name (dressage, 2008).
const HORSES: &str = "Equestrianism";

/// The medals a nation's holders of one medal in a crew event of `sport` are, from the team name
/// of each holder's row (`United States-1`, a boat's name): one per crew, so two crews of one
/// nation keep two medals (the file merged the 1907 and 1919 8-metre classes of 1920, both won by
/// Norway; two boats of one sailor each won the two races of the 1900 0-0.5 ton class). In
/// equestrian events, where no two riders share a team name, the names are the horses' and the
/// riders are one team.
pub fn medals<T: Ord>(sport: &str, teams: impl IntoIterator<Item = T>) -> u32 {
    let mut holders: BTreeMap<T, u32> = BTreeMap::new();
    for team in teams {
        *holders.entry(team).or_default() += 1;
    }
    if sport == HORSES && holders.values().all(|&n| n == 1) {
        u32::from(!holders.is_empty())
    } else {
        holders.len() as u32
    }
}

/// One medal a nation's athlete holds: the event, its sport and the team name of the row.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    pub event: Sym,
    pub sport: Sym,
    pub team: Sym,
    pub medal: Medal,
}

/// A nation's medals by the counting rules, from the medals its athletes hold at one Games:
/// every individual medal counts, a crew's or team's once per crew (`medals`). The one count
/// behind the file's medal table, as the file records it and as the ledger revises it.
pub fn tally(
    strings: &Strings,
    shared: &HashSet<Sym, Fnv>,
    held: impl IntoIterator<Item = Held>,
) -> [u32; 3] {
    let mut counts = [0u32; 3];
    // The sport and the team names of the holders of each medal of a crew event.
    let mut crews: BTreeMap<(Sym, Medal), (Sym, Vec<Sym>)> = BTreeMap::new();
    for h in held {
        if shared.contains(&h.event) {
            crews
                .entry((h.event, h.medal))
                .or_insert((h.sport, Vec::new()))
                .1
                .push(h.team);
        } else {
            counts[h.medal as usize] += 1;
        }
    }
    for ((_, m), (sport, teams)) in crews {
        counts[m as usize] += medals(strings.get(sport), teams);
    }
    counts
}

/// The medals of crew events at Games `games` that the nation of `here` holds with several crews
/// (`medals` above is more than one): its dataset makes each of these crews an event of its own,
/// so that its medals are those of the medal table.
pub fn several_crews(file: &Olympics, games: usize, here: &Summary) -> BTreeSet<(Sym, Medal)> {
    let mut holders: BTreeMap<(Sym, Medal), (Sym, Vec<Sym>)> = BTreeMap::new();
    for &i in &here.rows {
        let row = &file.rows[i as usize];
        if let Some(m) = row
            .medal
            .filter(|_| file.shared[games].contains(&row.event))
        {
            let (_, teams) = holders
                .entry((row.event, m))
                .or_insert((row.sport, Vec::new()));
            teams.push(row.team);
        }
    }
    holders
        .into_iter()
        .filter(|(_, (sport, teams))| medals(file.strings.get(*sport), teams.iter()) > 1)
        .map(|(key, _)| key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_sports_that_say_crew() {
        assert!(says_crew(
            "Gymnastics",
            "Gymnastics Men's Horizontal Bar, Teams"
        ));
        assert!(says_crew(
            "Basque Pelota",
            "Basque Pelota Men's Two-Man Teams With Cesta"
        ));
        assert!(says_crew("Rowing", "Rowing Men's Coxed Eights"));
        assert!(says_crew(
            "Athletics",
            "Athletics Men's 4 x 100 metres Relay"
        ));
        assert!(says_crew("Sailing", "Sailing Mixed 12 metres"));
        assert!(says_crew("Alpinism", "Alpinism Mixed Alpinism"));
        assert!(!says_crew(
            "Swimming",
            "Swimming Women's 100 metres Freestyle"
        ));
        assert!(!says_crew(
            "Art Competitions",
            "Art Competitions Mixed Architecture"
        ));
        assert!(!says_crew(
            "Equestrianism",
            "Equestrianism Mixed Jumping, Individual"
        ));
    }

    #[test]
    fn art_is_shared_once_a_nation_holds_a_medal_twice() {
        let art = "Art Competitions Mixed Architecture";
        assert!(!is_shared("Art Competitions", art, 0));
        assert!(is_shared("Art Competitions", art, 1));
        let swim = "Swimming Women's 100 metres Freestyle";
        assert!(!is_shared("Swimming", swim, 1));
        assert!(is_shared("Swimming", swim, 2));
    }

    #[test]
    fn one_medal_per_crew() {
        assert_eq!(medals("Rowing", ["Norway"; 9]), 1);
        assert_eq!(
            medals("Sailing", ["Mosk II", "Mosk II", "Eleda", "Eleda"]),
            2
        );
        // Two boats of one sailor each.
        assert_eq!(medals("Sailing", ["Baby-1", "Fantlet-7"]), 2);
        // A dressage team: each rider under the horse's name.
        assert_eq!(
            medals("Equestrianism", ["Satchmo", "Bonaparte", "Elvis Va"]),
            1
        );
        assert_eq!(medals("Equestrianism", ["Germany", "Germany"]), 1);
        assert_eq!(medals("Sailing", ["Baby"]), 1);
        assert_eq!(medals("Sailing", Vec::<&str>::new()), 0);
    }
}
