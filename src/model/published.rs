//! What a dataset is checked against and cites: the figures published elsewhere (from
//! `reference.csv`) and the sources of its facts.

use serde::Serialize;

use crate::date::PartialDate;

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

/// A citation: where some of the dataset's facts come from. (Not `source::Source`, the data a
/// dataset is read from.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub name: String,
    /// What it provides.
    pub covers: String,
    pub as_of: Option<PartialDate>,
    pub reference: String,
}
