//! `delegation.csv`: the one row of the delegation and the Games, and its appearance number
//! against `history.csv`.

use std::collections::HashMap;

use super::checker::{At, Checker, Target};
use crate::date::{Date, PartialDate};
use crate::error::DataError;
use crate::model::*;
use crate::source::csv::Table;
use crate::source::native::records::DelegationRow;

/// The longest Games accepted (Paris 1900 and London 1908 ran for about six months).
const MAX_GAMES_DAYS: i64 = 200;

impl Checker {
    pub(super) fn delegation(
        &mut self,
        table: &Table<DelegationRow>,
        athlete_ids: &HashMap<String, usize>,
    ) -> Option<Delegation> {
        if table.rows.len() != 1 {
            let line = table.rows.get(1).map_or(Some(1), |r| Some(r.line));
            self.errors.push(DataError::new(
                &table.file,
                line,
                format!(
                    "expected exactly one delegation row, found {}",
                    table.rows.len()
                ),
            ));
            return None;
        }
        let row = &table.rows[0];
        let at = At::of(table, row);
        let r = &row.data;
        let noc = self.need(
            at,
            "noc",
            &r.noc,
            |v| Noc::parse(v).map(String::from),
            Noc::EXPECTED,
        );
        let nation = self.text(at, "nation", &r.nation);
        let games = self.text(at, "games", &r.games);
        let year = self.year(at, "year", &r.year);
        let season = self.need(
            at,
            "season",
            &r.season,
            |v| Season::parse_data(v).map(|s| s.name().to_owned()),
            Season::EXPECTED,
        );
        let city = self.text(at, "city", &r.city);
        let opening = self.need(at, "opening", &r.opening, Date::parse, "a date YYYY-MM-DD");
        let closing = self.need(at, "closing", &r.closing, Date::parse, "a date YYYY-MM-DD");
        let appearance = self.optional(
            at,
            "appearance",
            &r.appearance,
            |v| v.parse::<u32>().ok().filter(|&n| n > 0),
            "a positive whole number",
        );
        let bearer = |c: &mut Self, field: &str, value: &str| -> Option<Option<usize>> {
            if value.is_empty() {
                return Some(None);
            }
            c.lookup(at, (field, value), athlete_ids, Target::Athlete)
                .map(Some)
        };
        let opening_bearer = bearer(self, "flag_bearer_opening", &r.flag_bearer_opening);
        let closing_bearer = bearer(self, "flag_bearer_closing", &r.flag_bearer_closing);
        let now_as_of = self.optional(
            at,
            "now_as_of",
            &r.now_as_of,
            PartialDate::parse,
            "a date YYYY-MM-DD, YYYY-MM or YYYY",
        );
        let now_table_as_of = self.optional(
            at,
            "now_table_as_of",
            &r.now_table_as_of,
            PartialDate::parse,
            "a date YYYY-MM-DD, YYYY-MM or YYYY",
        );

        let closing = match (opening, closing) {
            (Some(o), Some(c)) if c < o => {
                let problem = format!("the Games cannot close before they open ({o})");
                self.push(at, "closing", &r.closing, problem);
                None
            }
            (Some(o), Some(c)) if c.days_since_epoch() - o.days_since_epoch() > MAX_GAMES_DAYS => {
                let problem = format!(
                    "the Games cannot last more than {MAX_GAMES_DAYS} days (they open on {o})"
                );
                self.push(at, "closing", &r.closing, problem);
                None
            }
            (_, closing) => closing,
        };
        if let (Some(y), Some(o)) = (year, opening) {
            if o.year() != y {
                self.push(
                    at,
                    "opening",
                    &r.opening,
                    format!("the opening is not in the Games' year {y}"),
                );
            }
        }
        Some(Delegation {
            noc: noc?,
            nation: nation?,
            games: games?,
            year: year?,
            season: season?,
            edition: r.edition.clone(),
            city: city?,
            opening: Some(opening?),
            closing: Some(closing?),
            appearance: appearance?,
            flag_bearer_opening: opening_bearer?,
            flag_bearer_closing: closing_bearer?,
            now_as_of: now_as_of?,
            now_table_as_of: now_table_as_of?,
            now_table_note: r.now_table_note.clone(),
            ledger: None,
        })
    }

    /// The delegation's appearance number must match the Games listed in history.csv up to these.
    pub(super) fn appearance_number(
        &mut self,
        table: &Table<DelegationRow>,
        delegation: Option<&Delegation>,
        history: &[Appearance],
    ) {
        let (Some(d), Some(row)) = (delegation, table.rows.first()) else {
            return;
        };
        let Some(stated) = d
            .appearance
            .filter(|_| !history.is_empty() && !self.incomplete)
        else {
            return;
        };
        let earlier = history.iter().filter(|a| a.year < d.year).count() as u32;
        if stated != earlier + 1 {
            self.push(
                At::of(table, row),
                "appearance",
                &row.data.appearance,
                format!(
                    "history.csv lists {earlier} earlier Games, so these are appearance {}",
                    earlier + 1
                ),
            );
        }
    }
}
