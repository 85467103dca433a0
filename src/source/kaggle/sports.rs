//! The file's sports, grouped into IOC sports with their disciplines, and which events are team
//! sports.
//!
//! The file names disciplines such as Diving or Trampolining as sports of their own; the IOC counts
//! them under one sport (Aquatics, Gymnastics). Some disciplines the file folds into one sport
//! (canoe slalom and sprint, road and track cycling) are told apart by the event's name.

/// The IOC sport and the discipline of a row, from the file's sport and event name (the event
/// name without the sport in front, such as `Men's Kayak Singles, Slalom`).
pub fn classify<'a>(sport: &'a str, event: &str) -> (&'a str, &'a str) {
    match sport {
        "Swimming" if event.contains("10 kilometres Open Water") => {
            ("Aquatics", "Marathon Swimming")
        }
        "Swimming" | "Diving" | "Water Polo" => ("Aquatics", sport),
        "Synchronized Swimming" => ("Aquatics", "Synchronised Swimming"),
        "Gymnastics" => ("Gymnastics", "Artistic Gymnastics"),
        "Rhythmic Gymnastics" => ("Gymnastics", "Rhythmic Gymnastics"),
        "Trampolining" => ("Gymnastics", "Trampoline"),
        "Volleyball" | "Beach Volleyball" => ("Volleyball", sport),
        "Canoeing" if event.contains("Slalom") => ("Canoeing", "Canoe Slalom"),
        "Canoeing" => ("Canoeing", "Canoe Sprint"),
        "Cycling" => ("Cycling", cycling(event)),
        "Equestrianism" => ("Equestrian", equestrian(event)),
        "Figure Skating" | "Speed Skating" | "Short Track Speed Skating" => ("Skating", sport),
        "Alpine Skiing"
        | "Cross Country Skiing"
        | "Ski Jumping"
        | "Nordic Combined"
        | "Freestyle Skiing" => ("Skiing", sport),
        "Snowboarding" => ("Skiing", "Snowboard"),
        "Bobsleigh" | "Skeleton" => ("Bobsleigh", sport),
        _ => (sport, sport),
    }
}

fn cycling(event: &str) -> &'static str {
    if event.contains("BMX") {
        "BMX"
    } else if event.contains("Mountainbike") {
        "Mountain Bike"
    } else if event.contains("Road Race")
        || event.contains("Individual Time Trial")
        || event.contains("Team Time Trial")
        || event.contains("Road")
    {
        "Road Cycling"
    } else {
        "Track Cycling"
    }
}

fn equestrian(event: &str) -> &'static str {
    if event.contains("Dressage") {
        "Dressage"
    } else if event.contains("Three-Day Event") {
        "Eventing"
    } else if event.contains("Jumping") {
        "Jumping"
    } else if event.contains("Vaulting") {
        "Vaulting"
    } else {
        "Equestrian"
    }
}

/// Whether an event shared by several athletes of a nation is a team sport (a squad) rather than
/// a crew, pair or relay. By IOC sport and discipline.
pub fn is_team_sport(sport: &str, discipline: &str) -> bool {
    matches!(
        discipline,
        "Basketball"
            | "Football"
            | "Handball"
            | "Hockey"
            | "Volleyball"
            | "Water Polo"
            | "Baseball"
            | "Softball"
            | "Rugby"
            | "Rugby Sevens"
            | "Ice Hockey"
            | "Lacrosse"
            | "Polo"
            | "Cricket"
            | "Curling"
    ) && sport != "Equestrian"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disciplines_are_grouped_into_ioc_sports() {
        assert_eq!(
            classify("Synchronized Swimming", "Women's Duet"),
            ("Aquatics", "Synchronised Swimming")
        );
        assert_eq!(
            classify("Swimming", "Men's 10 kilometres Open Water"),
            ("Aquatics", "Marathon Swimming")
        );
        assert_eq!(
            classify("Trampolining", "Women's Individual"),
            ("Gymnastics", "Trampoline")
        );
        assert_eq!(
            classify("Beach Volleyball", "Men's Beach Volleyball"),
            ("Volleyball", "Beach Volleyball")
        );
        assert_eq!(
            classify("Canoeing", "Men's Kayak Singles, Slalom"),
            ("Canoeing", "Canoe Slalom")
        );
        assert_eq!(
            classify("Cycling", "Women's Road Race, Individual"),
            ("Cycling", "Road Cycling")
        );
        assert_eq!(
            classify("Cycling", "Men's Team Sprint"),
            ("Cycling", "Track Cycling")
        );
        assert_eq!(
            classify("Cycling", "Men's 1,000 metres Time Trial"),
            ("Cycling", "Track Cycling")
        );
        assert_eq!(
            classify("Skeleton", "Men's Skeleton"),
            ("Bobsleigh", "Skeleton")
        );
        assert_eq!(classify("Judo", "Men's Lightweight"), ("Judo", "Judo"));
    }

    #[test]
    fn team_sports() {
        assert!(is_team_sport("Aquatics", "Water Polo"));
        assert!(is_team_sport("Volleyball", "Volleyball"));
        assert!(!is_team_sport("Volleyball", "Beach Volleyball"));
        assert!(!is_team_sport("Rowing", "Rowing"));
    }
}
