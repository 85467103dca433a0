//! olympics.com disciplines grouped into IOC sports: the Summer ones as the Paris folder groups
//! them (`paris::sports`), and the Winter ones: Skiing (alpine, cross-country, freestyle, ski
//! jumping, Nordic combined, snowboard), Skating (figure, speed, short track), Bobsleigh (with
//! skeleton), and Biathlon, Luge, Curling, Ice Hockey and Ski Mountaineering (new in 2026) as
//! themselves.

use crate::source::paris::sports as summer;

/// The IOC sport an olympics.com discipline belongs to; the discipline itself for a sport with
/// one discipline.
pub fn ioc_sport(discipline: &str) -> &str {
    match discipline {
        "Alpine Skiing"
        | "Cross-Country Skiing"
        | "Freestyle Skiing"
        | "Ski Jumping"
        | "Nordic Combined"
        | "Snowboard" => "Skiing",
        "Figure Skating" | "Speed Skating" | "Short Track Speed Skating" | "Short Track" => {
            "Skating"
        }
        "Skeleton" => "Bobsleigh",
        other => summer::ioc_sport(other),
    }
}

/// Whether a discipline is a team sport, whose squads share one result (the other events with
/// teams are crews: relays, bobsleighs, pairs).
pub fn is_team_sport(discipline: &str) -> bool {
    matches!(discipline, "Ice Hockey" | "Curling" | "Baseball/Softball")
        || summer::is_team_sport(discipline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winter_disciplines_are_grouped_into_the_ioc_sports() {
        assert_eq!(ioc_sport("Snowboard"), "Skiing");
        assert_eq!(ioc_sport("Short Track Speed Skating"), "Skating");
        assert_eq!(ioc_sport("Skeleton"), "Bobsleigh");
        assert_eq!(ioc_sport("Ski Mountaineering"), "Ski Mountaineering");
        assert_eq!(ioc_sport("Biathlon"), "Biathlon");
        assert_eq!(ioc_sport("Diving"), "Aquatics");
        assert!(is_team_sport("Ice Hockey") && !is_team_sport("Bobsleigh"));
    }
}
