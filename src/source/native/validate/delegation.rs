//! `delegation.csv`: the one row of the delegation and the Games, and its appearance number
//! against `history.csv`.

use std::collections::HashMap;

use super::checker::{At, Checker, Target};
use crate::date::{Date, PartialDate};
use crate::error::DataError;
use crate::model::*;
use crate::source::csv::{Row, Table};
use crate::source::native::records::DelegationRow;

/// The longest Games accepted (Paris 1900 and London 1908 ran for about six months).
const MAX_GAMES_DAYS: i64 = 200;

impl Checker {
    pub(super) fn delegation(
        &mut self,
        table: &Table<DelegationRow>,
        athlete_ids: &HashMap<String, usize>,
    ) -> Option<Delegation> {
        let row = self.only_row(table)?;
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
        let opening_bearer = self.flag_bearer(
            at,
            ("flag_bearer_opening", &r.flag_bearer_opening),
            athlete_ids,
        );
        let closing_bearer = self.flag_bearer(
            at,
            ("flag_bearer_closing", &r.flag_bearer_closing),
            athlete_ids,
        );
        let now_as_of = self.partial_date(at, "now_as_of", &r.now_as_of);
        let now_table_as_of = self.partial_date(at, "now_table_as_of", &r.now_table_as_of);
        let closing = self.games_length(at, &r.closing, opening, closing);
        self.opening_in_year(at, &r.opening, year, opening);
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

    /// The file's one row; a file with none or several is one problem.
    fn only_row<'t>(&mut self, table: &'t Table<DelegationRow>) -> Option<&'t Row<DelegationRow>> {
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
        table.rows.first()
    }

    /// An optional flag bearer: `Some(None)` when blank, `None` when not an athlete of the file.
    fn flag_bearer(
        &mut self,
        at: At<'_>,
        (field, value): (&str, &str),
        athlete_ids: &HashMap<String, usize>,
    ) -> Option<Option<usize>> {
        if value.is_empty() {
            return Some(None);
        }
        self.lookup(at, (field, value), athlete_ids, Target::Athlete)
            .map(Some)
    }

    /// An optional date that may be partial: `Some(None)` when blank, `None` when invalid.
    fn partial_date(
        &mut self,
        at: At<'_>,
        field: &str,
        value: &str,
    ) -> Option<Option<PartialDate>> {
        self.optional(
            at,
            field,
            value,
            PartialDate::parse,
            "a date YYYY-MM-DD, YYYY-MM or YYYY",
        )
    }

    /// The closing day, kept only when the Games close after they open and last at most
    /// `MAX_GAMES_DAYS`.
    fn games_length(
        &mut self,
        at: At<'_>,
        written: &str,
        opening: Option<Date>,
        closing: Option<Date>,
    ) -> Option<Date> {
        match (opening, closing) {
            (Some(o), Some(c)) if c < o => {
                let problem = format!("the Games cannot close before they open ({o})");
                self.push(at, "closing", written, problem);
                None
            }
            (Some(o), Some(c)) if c.days_since_epoch() - o.days_since_epoch() > MAX_GAMES_DAYS => {
                let problem = format!(
                    "the Games cannot last more than {MAX_GAMES_DAYS} days (they open on {o})"
                );
                self.push(at, "closing", written, problem);
                None
            }
            (_, closing) => closing,
        }
    }

    /// The Games open in their own year.
    fn opening_in_year(
        &mut self,
        at: At<'_>,
        written: &str,
        year: Option<i32>,
        opening: Option<Date>,
    ) {
        if let (Some(y), Some(o)) = (year, opening) {
            if o.year() != y {
                self.push(
                    at,
                    "opening",
                    written,
                    format!("the opening is not in the Games' year {y}"),
                );
            }
        }
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
