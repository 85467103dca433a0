//! One nation at the Games of a set, from its checked rows, as a `Dataset` like the native
//! format's: athletes with sex and age, their entries (the 2021–22 sets: the medallists' only),
//! medals with their days, and every nation's medals counted from the medallists.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::layout::Layout;
use super::{OlympicsCom, sports};
use crate::date::Date;
use crate::model::{
    Appearance, Athlete, Citation, Coverage, Dataset, Delegation, Entry, Event, Medal, Sex, Status,
    TableLine,
};

/// Whole years from `birth` to `day`.
fn age(birth: Date, day: Date) -> Option<u32> {
    let (b, d) = (birth.to_string(), day.to_string());
    // ISO strings: year, then month-day compared as text.
    let years = day.year() - birth.year() - i32::from(d[5..] < b[5..]);
    u32::try_from(years).ok()
}

/// What a set records: no places and no decisions after the Games; events per athlete in the
/// 2026 layout only.
pub(super) fn coverage(o: &OlympicsCom) -> Coverage {
    Coverage {
        games_dates: true,
        medal_dates: true,
        revisions: false,
        entries: o.set.layout() == Layout::Listed,
        results: false,
        flag_bearers: false,
    }
}

pub fn dataset(o: &OlympicsCom, noc: &str) -> Dataset {
    let mut people: Vec<usize> = (0..o.people.len())
        .filter(|&i| o.people[i].noc == noc && o.in_delegation(i))
        .collect();
    people.sort_by(|&a, &b| o.people[a].code.cmp(&o.people[b].code));
    let entered: BTreeSet<usize> = people
        .iter()
        .flat_map(|&i| o.person_events[i].iter().copied())
        .collect();
    let event_pos: HashMap<usize, usize> =
        entered.iter().enumerate().map(|(k, &e)| (e, k)).collect();
    // The day of the nation's medal in an event (its first, for two medals on two days).
    let mut medal_days: HashMap<usize, Date> = HashMap::new();
    for a in o.awards.iter().filter(|a| o.people[a.person].noc == noc) {
        let day = medal_days.entry(a.event).or_insert(a.date);
        *day = (*day).min(a.date);
    }
    let events: Vec<Event> = entered
        .iter()
        .map(|&e| {
            let c = &o.events[e];
            Event {
                id: format!("{}: {}", c.discipline, c.name),
                sport: sports::ioc_sport(&c.discipline).to_owned(),
                discipline: c.discipline.clone(),
                name: c.name.clone(),
                category: c.category,
                kind: c.kind,
                date: medal_days.get(&e).copied().or(c.date),
            }
        })
        .collect();
    let (athletes, mut entries) = team(o, &people, &event_pos);
    // By event, the medal first: a nation's crews in one event show on one line led by its
    // first entry.
    entries.sort_by_key(|x| {
        (
            x.event,
            x.medal_awarded.is_none(),
            x.medal_awarded,
            x.athlete,
        )
    });
    let men = athletes.iter().filter(|a| a.sex == Sex::Male).count() as u32;
    let women = athletes.len() as u32 - men;
    let table = medal_table(o);
    let medals = table
        .iter()
        .find(|l| l.noc == noc)
        .map_or([0; 3], |l| l.medals);
    let sports: BTreeSet<String> = athletes
        .iter()
        .map(|a| a.sport.clone())
        .chain(events.iter().map(|e| e.sport.clone()))
        .collect();
    let set = o.set;
    Dataset {
        coverage: coverage(o),
        delegation: Delegation {
            noc: noc.to_owned(),
            nation: o.nation(noc),
            games: set.games().to_owned(),
            year: set.year(),
            season: set.season().to_owned(),
            edition: String::new(),
            city: set.city().to_owned(),
            opening: Some(o.opening),
            closing: Some(o.closing),
            appearance: None,
            flag_bearer_opening: None,
            flag_bearer_closing: None,
            now_as_of: None,
            now_table_as_of: None,
            now_table_note: String::new(),
            ledger: None,
        },
        athletes,
        events,
        entries,
        revisions: Vec::new(),
        history: vec![Appearance {
            year: set.year(),
            city: set.city().to_owned(),
            athletes: men + women,
            men,
            women,
            awarded: Some(medals),
            now: medals,
            source: format!("{} {} set", set.city(), set.year()),
        }],
        history_sports: BTreeMap::from([(set.year(), sports)]),
        history_not_covered: Vec::new(),
        table_awarded: table,
        table_now: Vec::new(),
        reference: Vec::new(),
        sources: vec![source(o, noc)],
    }
}

/// The nation's athletes and their entries, in the events `event_pos` numbers.
fn team(
    o: &OlympicsCom,
    people: &[usize],
    event_pos: &HashMap<usize, usize>,
) -> (Vec<Athlete>, Vec<Entry>) {
    let medal_of: HashMap<(usize, usize), Medal> = o
        .awards
        .iter()
        .map(|a| ((a.event, a.person), a.medal))
        .collect();

    let mut athletes = Vec::new();
    let mut entries = Vec::new();
    for (k, &i) in people.iter().enumerate() {
        let p = &o.people[i];
        let main = p
            .disciplines
            .first()
            .cloned()
            .or_else(|| {
                o.person_events[i]
                    .first()
                    .map(|&e| o.events[e].discipline.clone())
            })
            .unwrap_or_default();
        athletes.push(Athlete {
            id: p.code.clone(),
            name: p.name.clone(),
            sex: p.sex.unwrap_or(Sex::Male),
            age: p.birth.and_then(|b| age(b, o.opening)),
            sport: sports::ioc_sport(&main).to_owned(),
            discipline: main,
            other_names: vec![p.listed_as.clone()],
        });
        for &e in &o.person_events[i] {
            let medal = medal_of.get(&(e, i)).copied();
            entries.push(Entry {
                athlete: k,
                event: event_pos[&e],
                status: Status::Competed,
                place: None,
                medal_awarded: medal,
                medal_now: medal,
            });
        }
    }
    (athletes, entries)
}

/// The set among the dataset's sources: what it gives, and what of this nation it could not.
fn source(o: &OlympicsCom, noc: &str) -> Citation {
    let set = o.set;
    let (files, gives) = match set.layout() {
        Layout::Listed => (
            "athletes.csv, medallists.csv",
            "athletes with sex and the events they entered (entries, not starts: no one is marked as not starting)",
        ),
        Layout::Linked => (
            "athletes.csv, medals.csv",
            "athletes with sex, birth date and discipline (no events but the medallists'; an athlete with no sex or birth date did not start)",
        ),
    };
    let mut covers = format!(
        "{gives}; {} events and {} medallists with their days, for every NOC; no places. The all-nation medal table is counted from the medallists, a crew's or team's medal once, neutral athletes (AIN, ROC and the like) included as the IOC counts them",
        o.events.len(),
        o.awards.len()
    );
    covers += &if o.dates_in_files {
        "; the Games' dates are the ceremonies' days in schedules.csv".to_owned()
    } else {
        "; the Games' dates are the IOC's official ones (the files do not give them)".to_owned()
    };
    let mut reference = files.to_owned();
    if o.dates_in_files {
        reference += ", schedules.csv";
    }
    if let Some(b) = &o.births {
        covers += &format!(
            "; birth dates from {} (another project's scrape, joined by name and NOC): {} of {} athletes dated",
            b.file,
            b.dated,
            o.people.len()
        );
        if !b.unusable.is_empty() {
            covers += &format!(
                ", {} of its rows unusable ({})",
                b.unusable.len(),
                b.unusable.join("; ")
            );
        }
        reference += &format!(", {}", b.file);
    } else if set.layout() == Layout::Listed {
        covers += "; no birth dates (the set has none; athlete.csv beside it gives them)";
    }
    let of_noc = |f: &dyn Fn(&super::Person) -> bool| -> Vec<String> {
        o.people
            .iter()
            .filter(|p| p.noc == noc && f(p))
            .map(|p| p.listed_as.clone())
            .collect()
    };
    let unsexed = of_noc(&|p| p.sex.is_none() && p.only_in_medals.is_none());
    if !unsexed.is_empty() {
        covers += &format!(
            "; athletes.csv lists {} more athlete{} of this nation with no sex or birth date, who did not start, not counted in the team (which counts by sex): {}",
            unsexed.len(),
            if unsexed.len() == 1 { "" } else { "s" },
            unsexed.join(", ")
        );
    }
    let missing: Vec<String> = o
        .people
        .iter()
        .filter(|p| p.noc == noc)
        .filter_map(|p| {
            let (file, line) = p.only_in_medals.as_ref()?;
            Some(format!("{} ({file}, line {line})", p.listed_as))
        })
        .collect();
    if !missing.is_empty() {
        covers += &format!(
            "; athletes.csv lacks {} medallist{} of this nation, counted from the medal row (age unknown): {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            missing.join("; ")
        );
    }
    Citation {
        name: set.title().to_owned(),
        covers,
        as_of: None,
        reference,
    }
}

/// Every nation's medals, counted from the medallists: a crew's or team's medal once.
pub fn medal_table(o: &OlympicsCom) -> Vec<TableLine> {
    let mut counted: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut counts: BTreeMap<&str, [u32; 3]> = BTreeMap::new();
    for a in &o.awards {
        if counted.insert((a.event, o.participant(a.person, a.event, Some(a.medal)))) {
            counts.entry(o.people[a.person].noc.as_str()).or_default()[slot(a.medal)] += 1;
        }
    }
    counts
        .into_iter()
        .map(|(noc, medals)| TableLine {
            noc: noc.to_owned(),
            nation: o.nation(noc),
            medals,
        })
        .collect()
}

/// A medal's place in a `[gold, silver, bronze]` count.
pub fn slot(medal: Medal) -> usize {
    match medal {
        Medal::Gold => 0,
        Medal::Silver => 1,
        Medal::Bronze => 2,
    }
}
