//! The typed, cross-checked dataset every later stage reads.
//!
//! Built only by `validate`, so code that holds a `Dataset` can rely on its invariants: ids
//! resolve, medals follow the counting rules, the revision ledger applies cleanly.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::date::{Date, PartialDate};

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

/// The delegation and the Games it went to.
#[derive(Debug, Clone)]
pub struct Delegation {
    pub noc: String,
    pub nation: String,
    /// `2012 Summer`.
    pub games: String,
    pub year: i32,
    pub season: String,
    pub edition: String,
    pub city: String,
    /// Opening and closing days; `None` when the source does not record them.
    pub opening: Option<Date>,
    pub closing: Option<Date>,
    pub appearance: Option<u32>,
    /// Index into `Dataset::athletes`.
    pub flag_bearer_opening: Option<usize>,
    pub flag_bearer_closing: Option<usize>,
    /// The date the "now" medal view stands at.
    pub now_as_of: Option<PartialDate>,
    /// The date of the all-nation "now" table used for ranks.
    pub now_table_as_of: Option<PartialDate>,
    pub now_table_note: String,
    /// How completely the world revision ledger covers these Games, when it gives the "now" view.
    pub ledger: Option<LedgerCoverage>,
}

#[derive(Debug, Clone)]
pub struct Athlete {
    pub id: String,
    pub name: String,
    pub sex: Sex,
    pub age: Option<u32>,
    pub sport: String,
    pub discipline: String,
    pub other_names: Vec<String>,
}

impl Athlete {
    /// Whether `name` is this athlete under any spelling the data knows.
    pub fn known_as(&self, name: &str) -> bool {
        let wanted = fold(name);
        std::iter::once(&self.name)
            .chain(&self.other_names)
            .any(|n| fold(n) == wanted)
    }
}

/// Case- and space-insensitive form of a name for matching.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub sport: String,
    pub discipline: String,
    pub name: String,
    pub category: Category,
    pub kind: Kind,
    /// The day of the medal event, required where the delegation holds a medal.
    pub date: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `Dataset::athletes`.
    pub athlete: usize,
    /// Index into `Dataset::events`.
    pub event: usize,
    pub status: Status,
    pub place: Option<Place>,
    /// The medal as awarded at the Games.
    pub medal_awarded: Option<Medal>,
    /// The medal after every revision in the ledger.
    pub medal_now: Option<Medal>,
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

/// How completely a revision ledger records the changes of one Games.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Completeness {
    /// Every change known to have been decided up to the ledger's date.
    Complete,
    /// Some changes only: medals now may differ.
    Partial,
}

/// What the world revision ledger says about the Games of a dataset whose "now" view it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerCoverage {
    pub completeness: Completeness,
    /// What the ledger holds for these Games, in words.
    pub note: String,
}

/// One step of the revision ledger.
#[derive(Debug, Clone)]
pub struct Revision {
    /// Index into `Dataset::entries`.
    pub entry: usize,
    pub from: Option<Medal>,
    pub to: Option<Medal>,
    pub decided: PartialDate,
    pub reason: String,
    pub source: String,
    /// Whether the medal it gives was handed over, where the ledger says.
    pub presented: Option<Presented>,
}

/// The nation at one Games, from `history.csv`.
#[derive(Debug, Clone)]
pub struct Appearance {
    pub year: i32,
    pub city: String,
    pub athletes: u32,
    pub men: u32,
    pub women: u32,
    /// Medals as awarded at the time, where known.
    pub awarded: Option<[u32; 3]>,
    /// Medals as they stand now.
    pub now: [u32; 3],
    pub source: String,
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

/// One nation's line in an all-nation medal table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLine {
    pub noc: String,
    pub nation: String,
    /// Gold, silver, bronze.
    pub medals: [u32; 3],
}

/// A published figure to reconcile against, from `reference.csv`.
#[derive(Debug, Clone)]
pub struct Published {
    pub key: ReferenceKey,
    /// As written in the data, for display.
    pub text: String,
    pub value: PublishedValue,
    pub where_: String,
}

/// The figures a reference file may publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKey {
    Athletes,
    Men,
    Women,
    Sports,
    Appearance,
    AthletesChange,
    MenShareRank,
    MedalsAwarded,
    RankAwarded,
    MedalsNow,
    RankNow,
    GoldsRecord,
    WeightliftingMedals,
    TeamSports,
    DebutSports,
    FlagBearers,
    FirstGold,
}

impl ReferenceKey {
    pub const ALL: [ReferenceKey; 17] = [
        Self::Athletes,
        Self::Men,
        Self::Women,
        Self::Sports,
        Self::Appearance,
        Self::AthletesChange,
        Self::MenShareRank,
        Self::MedalsAwarded,
        Self::RankAwarded,
        Self::MedalsNow,
        Self::RankNow,
        Self::GoldsRecord,
        Self::WeightliftingMedals,
        Self::TeamSports,
        Self::DebutSports,
        Self::FlagBearers,
        Self::FirstGold,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Athletes => "athletes",
            Self::Men => "men",
            Self::Women => "women",
            Self::Sports => "sports",
            Self::Appearance => "appearance",
            Self::AthletesChange => "athletes_change",
            Self::MenShareRank => "men_share_rank",
            Self::MedalsAwarded => "medals_awarded",
            Self::RankAwarded => "rank_awarded",
            Self::MedalsNow => "medals_now",
            Self::RankNow => "rank_now",
            Self::GoldsRecord => "golds_record",
            Self::WeightliftingMedals => "weightlifting_medals",
            Self::TeamSports => "team_sports",
            Self::DebutSports => "debut_sports",
            Self::FlagBearers => "flag_bearers",
            Self::FirstGold => "first_gold",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == text)
    }

    /// The form the published value must take.
    pub fn shape(self) -> ValueShape {
        match self {
            Self::AthletesChange => ValueShape::SignedNumber,
            Self::MedalsAwarded | Self::MedalsNow => ValueShape::Medals,
            Self::RankAwarded | Self::RankNow => ValueShape::Rank,
            Self::TeamSports | Self::DebutSports | Self::FlagBearers | Self::FirstGold => {
                ValueShape::Names
            }
            _ => ValueShape::Number,
        }
    }
}

/// The form of a published value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueShape {
    Number,
    SignedNumber,
    /// `G/S/B=T`.
    Medals,
    /// `12` or `23=`.
    Rank,
    /// `name; name`.
    Names,
}

impl ValueShape {
    pub fn expected(self) -> &'static str {
        match self {
            Self::Number => "a whole number such as 115",
            Self::SignedNumber => "a whole number with an optional sign such as -15",
            Self::Medals => "gold/silver/bronze=total such as 7/1/5=13, the total equal to the sum",
            Self::Rank => "a rank such as 12, or 23= for a shared rank",
            Self::Names => "one or more names separated by `; `",
        }
    }
}

/// A published value, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishedValue {
    Number(i64),
    Medals([u32; 3]),
    Rank { rank: u32, shared: bool },
    Names(Vec<String>),
}

/// What a dataset's source records. What it lacks is said in the briefing in place of the
/// figures, never drawn empty or guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The Games' opening and closing days.
    pub games_dates: bool,
    /// The day of each medal event.
    pub medal_dates: bool,
    /// Decisions after the Games: without them there is no "now" view of the medals.
    pub revisions: bool,
    /// The events every athlete entered; without them, only the medallists' events are known.
    pub entries: bool,
    /// Places and statuses (did not start, did not finish, disqualified).
    pub results: bool,
    pub flag_bearers: bool,
}

/// A kind of fact a source may or may not record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    GamesDates,
    MedalDates,
    Revisions,
    Entries,
    Results,
    FlagBearers,
}

impl Fact {
    /// Every fact, in the order the briefing lists what a source lacks.
    pub const ALL: [Fact; 6] = [
        Self::GamesDates,
        Self::MedalDates,
        Self::Revisions,
        Self::Entries,
        Self::Results,
        Self::FlagBearers,
    ];

    /// What a source without it does not record, in words.
    fn missing(self) -> &'static str {
        match self {
            Self::GamesDates => "the Games' dates",
            Self::MedalDates => "the days of the medal events",
            // In parentheses rather than after commas: the items are joined into one sentence.
            Self::Revisions => {
                "decisions after the Games (medals stand as the source records them)"
            }
            Self::Entries => "the events each athlete entered (only the medallists' events)",
            Self::Results => {
                "places and statuses (who did not start or finish, or was disqualified)"
            }
            Self::FlagBearers => "flag bearers",
        }
    }
}

impl Coverage {
    /// Everything the native format records.
    pub const FULL: Self = Self {
        games_dates: true,
        medal_dates: true,
        revisions: true,
        entries: true,
        results: true,
        flag_bearers: true,
    };

    /// Whether the source records a kind of fact: the one question asked of a coverage.
    pub fn records(self, fact: Fact) -> bool {
        match fact {
            Fact::GamesDates => self.games_dates,
            Fact::MedalDates => self.medal_dates,
            Fact::Revisions => self.revisions,
            Fact::Entries => self.entries,
            Fact::Results => self.results,
            Fact::FlagBearers => self.flag_bearers,
        }
    }

    /// What the source lacks, in words, for the briefing's method section and the summary.
    pub fn lacks(self) -> Vec<&'static str> {
        Fact::ALL
            .into_iter()
            .filter(|&f| !self.records(f))
            .map(Fact::missing)
            .collect()
    }
}

/// Everything the statistics need, checked.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// What the source records.
    pub coverage: Coverage,
    pub delegation: Delegation,
    /// Sorted by id.
    pub athletes: Vec<Athlete>,
    /// Sorted by id.
    pub events: Vec<Event>,
    /// In file order.
    pub entries: Vec<Entry>,
    /// In ledger order (chronological).
    pub revisions: Vec<Revision>,
    /// Sorted by year; includes these Games when the data lists them.
    pub history: Vec<Appearance>,
    /// Sports entered at each Games, where known.
    pub history_sports: BTreeMap<i32, BTreeSet<String>>,
    /// Years of Games of this season, between the nation's first and last appearance, that none
    /// of the sources given holds (several `--from`): shown as not covered, never as absent.
    /// Sorted; empty for a single source.
    pub history_not_covered: Vec<i32>,
    pub table_awarded: Vec<TableLine>,
    pub table_now: Vec<TableLine>,
    pub reference: Vec<Published>,
    pub sources: Vec<Source>,
}

/// Where some of the dataset's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub name: String,
    /// What it provides.
    pub covers: String,
    pub as_of: Option<PartialDate>,
    pub reference: String,
}

impl Dataset {
    pub fn table(&self, view: View) -> &[TableLine] {
        match view {
            View::Awarded => &self.table_awarded,
            View::Now => &self.table_now,
        }
    }
}

impl Entry {
    pub fn medal(&self, view: View) -> Option<Medal> {
        match view {
            View::Awarded => self.medal_awarded,
            View::Now => self.medal_now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coverage_lacks_exactly_what_it_does_not_record() {
        assert!(Coverage::FULL.lacks().is_empty());
        assert!(Fact::ALL.iter().all(|&f| Coverage::FULL.records(f)));
        let no_results = Coverage {
            results: false,
            flag_bearers: false,
            ..Coverage::FULL
        };
        assert!(!no_results.records(Fact::Results));
        assert_eq!(
            no_results.lacks(),
            [
                "places and statuses (who did not start or finish, or was disqualified)",
                "flag bearers"
            ]
        );
    }

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
    fn names_match_any_known_spelling() {
        let a = Athlete {
            id: "x".into(),
            name: "Nurmakhan Tinaliyev".into(),
            sex: Sex::Male,
            age: None,
            sport: "Wrestling".into(),
            discipline: "Wrestling".into(),
            other_names: vec!["Nurmakhan Tynaliyev".into()],
        };
        assert!(a.known_as("nurmakhan  tynaliyev"));
        assert!(!a.known_as("Nurmakhan"));
    }
}
