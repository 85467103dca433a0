//! The rows of the native format's files, one type per file, each field as read (a string).

use serde::Deserialize;

use crate::source::csv::Record;

macro_rules! record {
    ($(#[$doc:meta])* $name:ident, $file:literal, { $($field:ident $(as $col:literal)?),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, Deserialize)]
        pub struct $name {
            $( $(#[serde(rename = $col)])? pub $field: String, )*
        }
        impl Record for $name {
            const FILE: &'static str = $file;
            const COLUMNS: &'static [&'static str] = &[$( record!(@col $field $($col)?) ),*];
        }
    };
    (@col $field:ident $col:literal) => { $col };
    (@col $field:ident) => { stringify!($field) };
}

record!(
    /// `delegation.csv`: the one row describing the delegation and the Games.
    DelegationRow, "delegation.csv", {
        noc, nation, games, year, season, edition, city, opening, closing, appearance,
        flag_bearer_opening, flag_bearer_closing, now_as_of, now_table_as_of, now_table_note,
    }
);
record!(
    /// `athletes.csv`: one row per athlete of the delegation.
    AthleteRow, "athletes.csv", { id, name, sex, age, sport, discipline, kaggle_id, other_names }
);
record!(
    /// `events.csv`: one row per event the delegation entered.
    EventRow, "events.csv", { id, sport, discipline, name, category, kind, date }
);
record!(
    /// `entries.csv`: one row per athlete per event.
    EntryRow, "entries.csv", { athlete, event, status, place, medal }
);
record!(
    /// `revisions.csv`: one row per change to a medal after the Games.
    RevisionRow, "revisions.csv", { athlete, event, from, to, decided, reason, source }
);
record!(
    /// `history.csv`: one row per Games the nation attended.
    HistoryRow, "history.csv", {
        year, city, athletes, men, women, gold_awarded, silver_awarded, bronze_awarded,
        gold, silver, bronze, source,
    }
);
record!(
    /// `history-sports.csv`: the sports entered at each Games, one row per (Games, sport).
    HistorySportRow, "history-sports.csv", { year, sport }
);
record!(
    /// `medal-table.csv`: every nation's medals at these Games, as awarded and now.
    MedalTableRow, "medal-table.csv", { table, noc, nation, gold, silver, bronze }
);
record!(
    /// `reference.csv`: the published figures the briefing reconciles against.
    ReferenceRow, "reference.csv", { key, published, where_ as "where" }
);

record!(
    /// `sources.csv`: where the dataset's facts come from.
    SourceRow, "sources.csv", { name, covers, as_of, reference }
);
