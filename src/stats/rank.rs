//! Competition ranking: equal records share a rank ("23="), the next rank skips accordingly.

use serde::Serialize;

use super::MedalCount;
use crate::model::TableLine;

/// A position among others, with ties made visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rank {
    pub rank: u32,
    /// Another competitor has the same record.
    pub shared: bool,
    /// How many were ranked.
    pub of: u32,
    /// `12`, or `23=` when shared.
    pub display: String,
}

impl Rank {
    fn new(rank: u32, shared: bool, of: u32) -> Self {
        let display = if shared {
            format!("{rank}=")
        } else {
            rank.to_string()
        };
        Self {
            rank,
            shared,
            of,
            display,
        }
    }

    /// "12th", "23rd=" for prose.
    pub fn ordinal(&self) -> String {
        let suffix = match (self.rank % 10, self.rank % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!(
            "{}{suffix}{}",
            self.rank,
            if self.shared { "=" } else { "" }
        )
    }
}

/// Ranks `keys` (greater is better): one plus the number of strictly better keys.
pub fn rank_all<K: Ord>(keys: &[K]) -> Vec<Rank> {
    let of = keys.len() as u32;
    keys.iter()
        .map(|k| {
            let better = keys.iter().filter(|o| *o > k).count() as u32;
            let equal = keys.iter().filter(|o| *o == k).count();
            Rank::new(better + 1, equal > 1, of)
        })
        .collect()
}

/// One nation's line in a ranked medal table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRank {
    pub rank: Rank,
    pub rank_by_total: Rank,
    pub noc: String,
    pub nation: String,
    pub medals: MedalCount,
    /// The delegation being briefed.
    pub this: bool,
}

/// Orders a medal table the IOC way (gold, then silver, then bronze; ties by NOC for a stable
/// order) and ranks it both by that order and by total medals.
pub fn table(lines: &[TableLine], noc: &str) -> Vec<TableRank> {
    let mut lines: Vec<&TableLine> = lines.iter().collect();
    lines.sort_by(|a, b| b.medals.cmp(&a.medals).then_with(|| a.noc.cmp(&b.noc)));
    let ioc = rank_all(&lines.iter().map(|l| l.medals).collect::<Vec<_>>());
    let totals = rank_all(
        &lines
            .iter()
            .map(|l| l.medals.iter().sum::<u32>())
            .collect::<Vec<_>>(),
    );
    lines
        .iter()
        .zip(ioc.into_iter().zip(totals))
        .map(|(l, (rank, rank_by_total))| TableRank {
            rank,
            rank_by_total,
            noc: l.noc.clone(),
            nation: l.nation.clone(),
            medals: MedalCount::from_array(l.medals),
            this: l.noc == noc,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(noc: &str, medals: [u32; 3]) -> TableLine {
        TableLine {
            noc: noc.into(),
            nation: noc.into(),
            medals,
        }
    }

    #[test]
    fn equal_records_share_a_rank_and_the_next_skips() {
        let t = table(
            &[
                line("AAA", [3, 2, 6]),
                line("BBB", [5, 0, 0]),
                line("CCC", [3, 2, 6]),
                line("DDD", [3, 1, 9]),
            ],
            "CCC",
        );
        let shown: Vec<(&str, &str)> = t
            .iter()
            .map(|r| (r.noc.as_str(), r.rank.display.as_str()))
            .collect();
        assert_eq!(
            shown,
            [("BBB", "1"), ("AAA", "2="), ("CCC", "2="), ("DDD", "4")]
        );
        assert!(t[2].this);
        assert_eq!(t[2].rank.ordinal(), "2nd=");
    }

    #[test]
    fn rank_by_total_is_a_separate_order() {
        let t = table(&[line("AAA", [1, 0, 0]), line("BBB", [0, 0, 5])], "AAA");
        assert_eq!(t[0].noc, "AAA");
        assert_eq!(t[0].rank.display, "1");
        assert_eq!(t[0].rank_by_total.display, "2");
        assert_eq!(t[1].rank_by_total.display, "1");
    }

    #[test]
    fn ordinals() {
        let o = |r| Rank::new(r, false, 99).ordinal();
        assert_eq!(
            [o(1), o(2), o(3), o(11), o(12), o(22), o(23)],
            ["1st", "2nd", "3rd", "11th", "12th", "22nd", "23rd"]
        );
    }
}
