//! `noc_regions.csv`: each NOC's region, for the names of nations the main file does not give
//! well. Its problems join the main file's, ahead of them.

use std::collections::BTreeMap;

use crate::error::{DataError, Problems};
use crate::source::csv::{Header, csv_reader, decode};

/// The regions by NOC; problems go to `problems`.
pub(super) fn read(file: &str, bytes: &[u8], problems: &mut Problems) -> BTreeMap<String, String> {
    let mut regions = BTreeMap::new();
    let text = match decode(file, bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(e);
            return regions;
        }
    };
    let mut reader = csv_reader(&text);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(DataError::new(file, Some(1), e.to_string()));
            return regions;
        }
    };
    let header = Header::new(file, &headers);
    let (Some(noc_at), Some(region_at)) = (header.find("NOC"), header.find("region")) else {
        // This file's own wording (it names both columns whichever is missing), kept as it was:
        // `Header::locate` would say "lacks the column region".
        let found: Vec<&str> = headers.iter().collect();
        problems.push(DataError {
            file: file.to_owned(),
            line: Some(1),
            field: None,
            value: Some(found.join(",")),
            problem: "the header needs the columns NOC and region (noc_regions.csv)".into(),
        });
        return regions;
    };
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, csv::Position::line);
                let noc = record.get(noc_at).unwrap_or_default();
                let region = record.get(region_at).unwrap_or_default();
                if crate::model::Noc::parse(noc).is_none() {
                    problems.push(DataError::field(
                        file,
                        line,
                        "NOC",
                        noc,
                        format!("expected {}", crate::model::Noc::EXPECTED),
                    ));
                } else if !region.is_empty() && region != "NA" {
                    regions.insert(noc.to_owned(), region.to_owned());
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(DataError::new(file, Some(line), e.to_string()));
                break;
            }
        }
    }
    regions
}
