//! Ages at the Games: how many are known, the extremes, the median and a banded distribution.

use serde::Serialize;

use crate::model::{Athlete, Dataset, Sex};

#[derive(Debug, Clone, Serialize)]
pub struct AgeStats {
    pub known: u32,
    pub unknown: u32,
    pub youngest: Option<AgeExtreme>,
    pub oldest: Option<AgeExtreme>,
    pub median: Option<f64>,
    pub mean: Option<f64>,
    /// Five-year bands, every band listed even when empty so charts keep one scale.
    pub bands: Vec<AgeBand>,
    /// Every year of age from the youngest to the oldest, empty years included.
    pub by_year: Vec<AgeYear>,
    pub by_sex: Vec<SexAges>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgeYear {
    pub age: u32,
    pub men: u32,
    pub women: u32,
}

/// The youngest or oldest age and everyone who had it.
#[derive(Debug, Clone, Serialize)]
pub struct AgeExtreme {
    pub age: u32,
    pub athletes: Vec<String>,
    pub sports: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgeBand {
    /// `under 20`, `20-24`, ..., `40 and over`.
    pub label: String,
    pub from: u32,
    /// Inclusive; `None` for the open last band.
    pub to: Option<u32>,
    pub men: u32,
    pub women: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct SexAges {
    /// `men` or `women`.
    pub sex: &'static str,
    pub known: u32,
    pub unknown: u32,
    pub youngest: Option<u32>,
    pub oldest: Option<u32>,
    pub median: Option<f64>,
}

/// Band edges: under 20, then five-year bands, then 40 and over.
const BANDS: [(u32, Option<u32>); 6] = [
    (0, Some(19)),
    (20, Some(24)),
    (25, Some(29)),
    (30, Some(34)),
    (35, Some(39)),
    (40, None),
];

pub fn compute(data: &Dataset) -> AgeStats {
    let known: Vec<&Athlete> = data.athletes.iter().filter(|a| a.age.is_some()).collect();
    let ages: Vec<u32> = known.iter().filter_map(|a| a.age).collect();
    let extreme = |age: Option<u32>| {
        age.map(|age| {
            let with: Vec<&&Athlete> = known.iter().filter(|a| a.age == Some(age)).collect();
            AgeExtreme {
                age,
                athletes: with.iter().map(|a| a.name.clone()).collect(),
                sports: with.iter().map(|a| a.sport.clone()).collect(),
            }
        })
    };
    let bands = BANDS
        .iter()
        .map(|&(from, to)| {
            let inside = |a: &&&Athlete| {
                a.age
                    .is_some_and(|age| age >= from && to.is_none_or(|t| age <= t))
            };
            let men = known
                .iter()
                .filter(inside)
                .filter(|a| a.sex == Sex::Male)
                .count() as u32;
            let total = known.iter().filter(inside).count() as u32;
            let label = match to {
                Some(19) if from == 0 => "under 20".to_owned(),
                Some(to) => format!("{from}-{to}"),
                None => format!("{from} and over"),
            };
            AgeBand {
                label,
                from,
                to,
                men,
                women: total - men,
                total,
            }
        })
        .collect();
    let by_year = match (ages.iter().min(), ages.iter().max()) {
        (Some(&young), Some(&old)) => (young..=old)
            .map(|age| {
                let at = |sex| {
                    known
                        .iter()
                        .filter(|a| a.age == Some(age) && a.sex == sex)
                        .count() as u32
                };
                AgeYear {
                    age,
                    men: at(Sex::Male),
                    women: at(Sex::Female),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let by_sex = [(Sex::Male, "men"), (Sex::Female, "women")]
        .into_iter()
        .map(|(sex, name)| {
            let all: Vec<&Athlete> = data.athletes.iter().filter(|a| a.sex == sex).collect();
            let ages: Vec<u32> = all.iter().filter_map(|a| a.age).collect();
            SexAges {
                sex: name,
                known: ages.len() as u32,
                unknown: (all.len() - ages.len()) as u32,
                youngest: ages.iter().copied().min(),
                oldest: ages.iter().copied().max(),
                median: median(&ages),
            }
        })
        .collect();
    AgeStats {
        known: ages.len() as u32,
        unknown: (data.athletes.len() - ages.len()) as u32,
        youngest: extreme(ages.iter().copied().min()),
        oldest: extreme(ages.iter().copied().max()),
        median: median(&ages),
        mean: (!ages.is_empty()).then(|| {
            let sum: u32 = ages.iter().sum();
            (f64::from(sum) * 10.0 / ages.len() as f64).round() / 10.0
        }),
        bands,
        by_year,
        by_sex,
    }
}

/// The middle value, or the mean of the two middle values.
pub fn median(values: &[u32]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some(f64::from(sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[30, 16, 41]), Some(30.0));
        assert_eq!(median(&[20, 25, 16, 41]), Some(22.5));
        assert_eq!(median(&[]), None);
    }
}
