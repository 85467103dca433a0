//! The words and codes the data is written in: medals, sexes, event categories and kinds, how an
//! entry ended, places, the two views of the medals, seasons and NOC codes. Each is parsed from its
//! one spelling here, so a reader or a check never compares the strings itself.

use std::fmt;

use serde::Serialize;

/// A medal, ordered best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Medal {
    Gold,
    Silver,
    Bronze,
}

impl Medal {
    pub const ALL: [Medal; 3] = [Medal::Gold, Medal::Silver, Medal::Bronze];

    /// Parses the data's spelling: `gold`, `silver`, `bronze`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "gold" => Some(Self::Gold),
            "silver" => Some(Self::Silver),
            "bronze" => Some(Self::Bronze),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Gold => "gold",
            Self::Silver => "silver",
            Self::Bronze => "bronze",
        }
    }
}

impl fmt::Display for Medal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An athlete's sex as the data records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Sex {
    #[serde(rename = "M")]
    Male,
    #[serde(rename = "F")]
    Female,
}

impl Sex {
    /// Parses the data's spelling: `M` or `F`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "M" => Some(Self::Male),
            "F" => Some(Self::Female),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Self::Male => "male",
            Self::Female => "female",
        }
    }
}

/// Who an event is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Men,
    Women,
    Mixed,
}

impl Category {
    /// Parses the data's spelling: `men`, `women`, `mixed`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "men" => Some(Self::Men),
            "women" => Some(Self::Women),
            "mixed" => Some(Self::Mixed),
            _ => None,
        }
    }

    /// "men's", "women's", "mixed".
    pub fn possessive(self) -> &'static str {
        match self {
            Self::Men => "men's",
            Self::Women => "women's",
            Self::Mixed => "mixed",
        }
    }
}

impl Category {
    /// Whether an athlete of this sex may enter.
    pub fn admits(self, sex: Sex) -> bool {
        match self {
            Self::Men => sex == Sex::Male,
            Self::Women => sex == Sex::Female,
            Self::Mixed => true,
        }
    }
}

/// How many athletes of one nation share a result in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One athlete, one result, one medal.
    Individual,
    /// A small group sharing one result (doubles, duet, crew boat, relay): one medal for the nation.
    Crew,
    /// A team-sport squad: one medal for the nation, the same for every member.
    Team,
}

impl Kind {
    /// Parses the data's spelling: `individual`, `crew`, `team`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "individual" => Some(Self::Individual),
            "crew" => Some(Self::Crew),
            "team" => Some(Self::Team),
            _ => None,
        }
    }

    /// "individual event", "crew event", "team event".
    pub fn event_words(self) -> &'static str {
        match self {
            Self::Individual => "individual event",
            Self::Crew => "crew event",
            Self::Team => "team event",
        }
    }
}

/// How an entry ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Competed,
    /// Did not finish.
    Dnf,
    /// Disqualified.
    Dq,
    /// Did not start.
    Dns,
}

impl Status {
    /// Parses the data's spelling: `competed`, `dnf`, `dq`, `dns`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "competed" => Some(Self::Competed),
            "dnf" => Some(Self::Dnf),
            "dq" => Some(Self::Dq),
            "dns" => Some(Self::Dns),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Competed => "competed",
            Self::Dnf => "dnf",
            Self::Dq => "dq",
            Self::Dns => "dns",
        }
    }
}

/// A placing in Olympedia's notation: `3`, `=3` (shared), `7 h1 r1/3` (7th in heat 1 of round 1 of 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub rank: u32,
    pub tied: bool,
    /// The round (and heat) the rank was reached in, when the athlete went out before the final.
    pub stage: Option<String>,
}

impl Place {
    pub fn parse(text: &str) -> Option<Self> {
        let (tied, rest) = match text.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (rank, stage) = match rest.split_once(' ') {
            Some((rank, stage)) => (rank, Some(stage)),
            None => (rest, None),
        };
        if rank.is_empty() || !rank.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let rank: u32 = rank.parse().ok().filter(|&r| r > 0)?;
        if let Some(stage) = stage {
            let valid = stage.split(' ').all(|part| {
                let heat = part.strip_prefix('h').is_some_and(all_digits);
                let round = part
                    .strip_prefix('r')
                    .and_then(|r| r.split_once('/'))
                    .is_some_and(|(a, b)| all_digits(a) && all_digits(b));
                heat || round
            });
            if !valid {
                return None;
            }
        }
        Some(Self {
            rank,
            tied,
            stage: stage.map(str::to_owned),
        })
    }
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tied {
            f.write_str("=")?;
        }
        write!(f, "{}", self.rank)?;
        if let Some(stage) = &self.stage {
            write!(f, " {stage}")?;
        }
        Ok(())
    }
}

/// Whether the medal a change gives was handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Presented {
    Yes,
    /// Decided but withheld (Makhov's 2012 gold).
    No,
    Unknown,
}

impl Presented {
    /// Parses the data's spelling: `yes`, `no`, `unknown`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "yes" => Some(Self::Yes),
            "no" => Some(Self::No),
            "unknown" => Some(Self::Unknown),
            _ => None,
        }
    }
}

/// Which medal table a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    Awarded,
    Now,
}

impl View {
    pub const BOTH: [View; 2] = [View::Awarded, View::Now];

    pub fn name(self) -> &'static str {
        match self {
            Self::Awarded => "awarded",
            Self::Now => "now",
        }
    }

    /// The view's name in tables and prose: `as awarded` or `now`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Awarded => "as awarded",
            Self::Now => "now",
        }
    }
}

/// The season of a Games.
///
/// Ordered Winter before Summer, by the calendar: in the years that held both (1924 to 1992) the
/// Winter Games came first, and the readers already sort Games so (`(year, season != "Winter")`).
/// This is not the alphabetical order of the names, in which "Summer" comes first: a sort of
/// `"2012 Summer"`-style names as strings is not a sort by `(year, Season)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Season {
    Winter,
    Summer,
}

impl Season {
    /// Both seasons, in their order.
    pub const ALL: [Season; 2] = [Season::Winter, Season::Summer];

    /// What a season must be written as in a data file, for its messages: "expected {EXPECTED}".
    pub const EXPECTED: &'static str = "Summer or Winter";

    /// Parses a season as a person writes it: `Summer` or `summer`, `Winter` or `winter`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "Summer" | "summer" => Some(Self::Summer),
            "Winter" | "winter" => Some(Self::Winter),
            _ => None,
        }
    }

    /// Parses the data's spelling only: `Summer` or `Winter`, capitalised, as every source
    /// writes it (a data file that writes `summer` is refused, as it always was).
    pub fn parse_data(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == text)
    }

    /// `Summer` or `Winter`, as the data and the briefings write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Summer => "Summer",
            Self::Winter => "Winter",
        }
    }
}

impl fmt::Display for Season {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A nation's NOC code: three capital letters such as `KAZ`, checked once where it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Noc([u8; 3]);

impl Noc {
    /// What a NOC code must be, for the one message every reader gives: "expected {EXPECTED}".
    pub const EXPECTED: &'static str = "a three-letter NOC code in capitals such as KAZ";

    /// Parses a code as the data writes it: exactly three ASCII capitals (`kaz`, `KZ` and
    /// ` KAZ` are not codes; a command line's `--noc kaz` is put in capitals before it gets here).
    pub fn parse(text: &str) -> Option<Self> {
        let letters: [u8; 3] = text.as_bytes().try_into().ok()?;
        letters
            .iter()
            .all(u8::is_ascii_uppercase)
            .then_some(Self(letters))
    }

    /// The code as text: `KAZ`.
    pub fn as_str(&self) -> &str {
        // Three ASCII capitals are always UTF-8; the fallback is never taken.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for Noc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Noc> for String {
    fn from(noc: Noc) -> Self {
        noc.as_str().to_owned()
    }
}

impl PartialEq<str> for Noc {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Noc {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_in_olympedia_notation() {
        let p = Place::parse("7 h1 r1/3").unwrap();
        assert_eq!(
            (p.rank, p.tied, p.stage.as_deref()),
            (7, false, Some("h1 r1/3"))
        );
        let p = Place::parse("=3").unwrap();
        assert_eq!((p.rank, p.tied, p.stage), (3, true, None));
        assert_eq!(Place::parse("30 r1/2").unwrap().to_string(), "30 r1/2");
        for bad in ["", "=", "0", "3rd", "DQ", "7 heat1", "7 r1", "-2"] {
            assert_eq!(Place::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn seasons_parse_as_written_and_display_capitalised() {
        assert_eq!(Season::parse("Summer"), Some(Season::Summer));
        assert_eq!(Season::parse("summer"), Some(Season::Summer));
        assert_eq!(Season::parse("Winter"), Some(Season::Winter));
        assert_eq!(Season::parse("winter"), Some(Season::Winter));
        for bad in ["", "SUMMER", " Summer", "Spring", "Summer Winter"] {
            assert_eq!(Season::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Season::Summer.to_string(), "Summer");
        assert_eq!(Season::Winter.to_string(), "Winter");
        assert_eq!(
            serde_json::to_string(&Season::ALL).unwrap(),
            r#"["Winter","Summer"]"#
        );
    }

    #[test]
    fn data_files_must_capitalise_the_season() {
        assert_eq!(Season::parse_data("Summer"), Some(Season::Summer));
        assert_eq!(Season::parse_data("Winter"), Some(Season::Winter));
        assert_eq!(Season::parse_data("summer"), None);
        assert_eq!(Season::parse_data("winter"), None);
    }

    #[test]
    fn winter_games_come_before_summer_games_of_the_same_year() {
        // 1924: Chamonix in January and February, Paris from May.
        assert!(Season::Winter < Season::Summer);
        let mut games = [
            (1924, Season::Summer),
            (1928, Season::Winter),
            (1924, Season::Winter),
        ];
        games.sort();
        assert_eq!(
            games,
            [
                (1924, Season::Winter),
                (1924, Season::Summer),
                (1928, Season::Winter)
            ]
        );
        // Unlike the names' alphabetical order.
        assert!(Season::Summer.name() < Season::Winter.name());
    }

    #[test]
    fn a_noc_is_three_capitals() {
        let kaz = Noc::parse("KAZ").unwrap();
        assert_eq!(kaz.as_str(), "KAZ");
        assert_eq!(kaz.to_string(), "KAZ");
        assert_eq!(String::from(kaz), "KAZ");
        assert!(kaz == *"KAZ");
        assert_eq!(serde_json::to_string(&kaz).unwrap(), r#""KAZ""#);
        for bad in [
            "", "KA", "KAZA", "kaz", "Kaz", " KAZ", "KA1", "../", "KÄZ", "ÄZ",
        ] {
            assert_eq!(Noc::parse(bad), None, "{bad:?}");
        }
        assert!(Noc::parse("GBR") < Noc::parse("KAZ"));
    }
}
