//! Raw rows to a typed, cross-checked `Dataset`, or every problem found.
//!
//! Checks run in two passes: each row on its own (types, allowed values), then across rows and
//! files (ids, counting rules, the revision ledger, totals). A row that fails the first pass is left
//! out of the second, and references to it are not reported again; once any row is left out, the
//! checks of totals are skipped too, so one mistake is reported once.

mod checker;
mod delegation;
mod ledger;
mod reference;
mod roster;
mod tables;

use std::collections::HashMap;

use crate::error::{DataError, Error};
use crate::model::*;
use crate::source::native::RawDataset;
use checker::{Broken, Checker};

pub use reference::parse_published;
pub use tables::{medal_units, medals_text};

/// Checks everything and builds the dataset; `Err` holds every problem, reading problems first.
pub fn dataset(raw: RawDataset) -> Result<Dataset, Error> {
    let mut c = Checker {
        errors: raw.errors.clone(),
        broken: raw.partial.iter().map(|&file| Broken::File(file)).collect(),
        incomplete: !raw.errors.is_empty(),
    };
    let athletes = c.athletes(&raw.athletes);
    let athlete_ids = index(&athletes, |a| &a.id);
    let delegation = c.delegation(&raw.delegation, &athlete_ids);
    let events = c.events(&raw.events, delegation.as_ref());
    let event_ids = index(&events, |e| &e.id);
    let mut entries = c.entries(&raw.entries, &athletes, &events, &athlete_ids, &event_ids);
    c.athletes_have_entries(&raw.athletes, &athletes, &entries, &events);
    c.events_have_entries(&raw.events, &events, &entries);
    let revisions = c.revisions(
        &raw.revisions,
        &mut entries,
        &events,
        &athlete_ids,
        &event_ids,
        delegation.as_ref(),
    );
    c.event_medals(&raw.entries, &entries, &athletes, &events);
    let (table_awarded, table_now) =
        c.medal_tables(&raw.medal_table, delegation.as_ref(), &entries, &events);
    let history = c.history(
        &raw.history,
        delegation.as_ref(),
        &athletes,
        &entries,
        &events,
    );
    c.appearance_number(&raw.delegation, delegation.as_ref(), &history);
    let history_sports =
        c.history_sports(&raw.history_sports, delegation.as_ref(), &entries, &events);
    let reference = c.reference(&raw.reference);
    let sources = c.sources(&raw.sources);

    if !c.errors.is_empty() {
        return Err(Error::Data(c.errors));
    }
    let Some(delegation) = delegation else {
        // Unreachable in practice: a missing delegation always records an error above.
        return Err(Error::Data(vec![DataError::new(
            &raw.delegation.file,
            None,
            "no delegation",
        )]));
    };
    Ok(Dataset {
        coverage: crate::model::Coverage::FULL,
        delegation,
        athletes,
        events,
        entries,
        revisions,
        history,
        history_sports,
        history_not_covered: Vec::new(),
        table_awarded,
        table_now,
        reference,
        sources,
    })
}

fn index<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item).clone(), i))
        .collect()
}
