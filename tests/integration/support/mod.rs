//! What every test shares: the `podium` binary as a user runs it (`Run`), the fixtures' paths, a
//! listing of an output folder, the text of a PDF, and small consistent datasets written for a
//! test (one individual event per athlete, a medal table with one rival nation, earlier Games when
//! asked for), so an edge case is one line in a test.

pub mod cases;
pub mod run;

pub use run::Run;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The hand-written native dataset (the format of `data/`), small enough to read in a test.
pub const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// The hand-written Kaggle `athlete_events.csv` (a few nations at 2012 Summer and earlier Games).
pub const KAGGLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/kaggle/athlete_events.csv"
);

/// The hand-written Paris 2024 folder (the Kaggle olympics.com format): four NOCs, a judo event
/// with rounds, a 100 m with heats and a non-starter, an archery team event, a tennis entry with
/// no result row, a trimmed athletes.csv with DD-MM-YYYY dates.
pub const PARIS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/paris");

/// The full-style athletes.csv of the same athletes: every column of the Kaggle file, in its
/// order, with ISO dates and a free-text field over two lines.
pub const PARIS_FULL_ATHLETES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/paris-full/athletes.csv"
);

/// A copy of the Paris fixture folder (with `results/`) in a temporary directory, to edit.
pub fn copy_paris() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
            }
        }
    };
    copy(Path::new(PARIS), dir.path());
    copy(
        &Path::new(PARIS).join("results"),
        &dir.path().join("results"),
    );
    dir
}

/// The fixture of the revision ledger tests: a Kaggle file and a ledger written for it.
pub const LEDGER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ledger");

/// A ledger with no rows: with it, a Kaggle file's Games has no "now" view.
pub const NO_LEDGER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ledger/empty.csv"
);

/// The seconds since 1970 every test run of `podium` dates its PDFs with.
pub const EPOCH: &str = "1700000000";

/// The text of every page of a PDF, in page order.
pub fn pdf_text(doc: &lopdf::Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// The text of the PDF file at `path`.
pub fn pdf_file_text(path: &Path) -> String {
    pdf_text(&lopdf::Document::load(path).unwrap())
}

/// Every file under `dir` with its bytes, sorted by path (none when `dir` is missing).
pub fn listing(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}

/// The Kaggle fixture changed by `edit`, written to athlete_events.csv in a fresh directory.
pub fn edited_kaggle(edit: impl Fn(&str) -> String) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, edit(&fs::read_to_string(KAGGLE).unwrap())).unwrap();
    (dir, path)
}

/// A copy of the hand-written fixture tests/fixtures/mini in a temporary directory, to edit.
pub fn copy_mini() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// One athlete of a generated team.
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    /// `M` or `F`.
    pub sex: &'static str,
    pub age: Option<u32>,
    pub sport: String,
    /// `gold`, `silver`, `bronze` or empty.
    pub medal: &'static str,
}

pub fn member(
    name: &str,
    sex: &'static str,
    age: Option<u32>,
    sport: &str,
    medal: &'static str,
) -> Member {
    Member {
        name: name.to_owned(),
        sex,
        age,
        sport: sport.to_owned(),
        medal,
    }
}

/// What else the dataset holds.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Two earlier Games in history.csv.
    pub earlier_games: bool,
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn id_of(name: &str) -> String {
    let mut id: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while id.contains("--") {
        id = id.replace("--", "-");
    }
    id.trim_matches('-').to_owned()
}

/// Writes the dataset of `team` ("Testland", TST, London 2012) into `dir`.
pub fn write_team(dir: &Path, team: &[Member], options: Options) {
    let mut athletes = String::from("id,name,sex,age,sport,discipline,kaggle_id,other_names\n");
    let mut events = String::from("id,sport,discipline,name,category,kind,date\n");
    let mut entries = String::from("athlete,event,status,place,medal\n");
    let (mut medals, mut men) = ([0u32; 3], 0);
    for (i, m) in team.iter().enumerate() {
        let id = format!("{}-{i}", id_of(&m.name));
        let event = format!("event-{i}");
        let age = m.age.map_or_else(String::new, |a| a.to_string());
        let sport = csv_field(&m.sport);
        writeln!(
            athletes,
            "{id},{},{},{age},{sport},{sport},,",
            csv_field(&m.name),
            m.sex
        )
        .unwrap();
        let (category, words) = if m.sex == "M" {
            ("men", "Men's")
        } else {
            ("women", "Women's")
        };
        let day = 28 + (i % 3);
        writeln!(
            events,
            "{event},{sport},{sport},{},{category},individual,2012-07-{day}",
            csv_field(&format!("{words} event {i}"))
        )
        .unwrap();
        let place = match m.medal {
            "gold" => "1",
            "silver" => "2",
            "bronze" => "3",
            _ => "5",
        };
        writeln!(entries, "{id},{event},competed,{place},{}", m.medal).unwrap();
        if let Some(k) = ["gold", "silver", "bronze"]
            .iter()
            .position(|x| *x == m.medal)
        {
            medals[k] += 1;
        }
        men += u32::from(m.sex == "M");
    }
    let n = team.len() as u32;
    let appearance = if options.earlier_games { 3 } else { 1 };
    let files: Vec<(&str, String)> = vec![
        (
            "delegation.csv",
            format!(
                "noc,nation,games,year,season,edition,city,opening,closing,appearance,flag_bearer_opening,flag_bearer_closing,now_as_of,now_table_as_of,now_table_note\n\
             TST,Testland,2012 Summer,2012,Summer,Games of the XXX Olympiad,London,2012-07-27,2012-08-12,{appearance},,,2020-01,2020-01,A generated table.\n"
            ),
        ),
        ("athletes.csv", athletes),
        ("events.csv", events),
        ("entries.csv", entries),
        (
            "revisions.csv",
            "athlete,event,from,to,decided,reason,source\n".to_owned(),
        ),
        ("history.csv", {
            let mut h = String::from(
                "year,city,athletes,men,women,gold_awarded,silver_awarded,bronze_awarded,gold,silver,bronze,source\n",
            );
            if options.earlier_games {
                h.push_str(
                    "2004,Athens,4,2,2,0,0,1,0,0,1,test\n2008,Beijing,6,3,3,1,0,0,1,0,0,test\n",
                );
            }
            let [g, s, b] = medals;
            writeln!(
                h,
                "2012,London,{n},{men},{},{g},{s},{b},{g},{s},{b},test",
                n - men
            )
            .unwrap();
            h
        }),
        ("history-sports.csv", {
            let mut h = String::from("year,sport\n");
            if options.earlier_games {
                h.push_str("2004,Archery\n2008,Archery\n");
            }
            h
        }),
        ("medal-table.csv", {
            let mut t = String::from("table,noc,nation,gold,silver,bronze\n");
            let [g, s, b] = medals;
            for table in ["awarded", "now"] {
                writeln!(t, "{table},RIV,Rivalia,2,2,2").unwrap();
                if g + s + b > 0 {
                    writeln!(t, "{table},TST,Testland,{g},{s},{b}").unwrap();
                }
            }
            t
        }),
        (
            "reference.csv",
            format!("key,published,where\nathletes,{n},generated\n"),
        ),
        (
            "sources.csv",
            "name,covers,as_of,reference\nGenerated,everything,,tests/common\n".to_owned(),
        ),
    ];
    fs::create_dir_all(dir).unwrap();
    for (name, text) in files {
        fs::write(dir.join(name), text).unwrap();
    }
}

/// `podium report` of Kazakhstan at 2012 Summer from the Kaggle fixture, into `out`; it must
/// succeed.
pub fn kaz_2012_from_kaggle(out: &Path) {
    Run::new(&[
        "report",
        "--from",
        KAGGLE,
        "--noc",
        "KAZ",
        "--games",
        "2012 Summer",
    ])
    .out(out)
    .run();
}

/// An output folder `root/output` holding an earlier briefing of Kazakhstan, made from the
/// Kaggle fixture.
pub fn earlier_output(root: &Path) -> std::path::PathBuf {
    let out = root.join("output");
    kaz_2012_from_kaggle(&out);
    out
}

/// Waits for `child` (with its standard output and error piped) to end, reading both; kills it
/// and fails the test should it not end within `limit`.
pub fn finish_within(
    mut child: std::process::Child,
    limit: std::time::Duration,
) -> std::process::Output {
    use std::io::Read;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("podium still ran after {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// A FIFO (named pipe) at `path`, made with `mkfifo`; `false` where there is no `mkfifo`.
pub fn make_fifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// The name of the `n`th athlete of `write_big_kaggle_team`: long, as many in the Kaggle file are.
pub fn big_team_name(n: usize) -> String {
    format!("Athlete Number {n} Withalong Middlename \"Nick\" (-Married)")
}

/// Writes a Kaggle `athlete_events.csv` of a big team ("Bigland", BIG, at 2012 Summer) to
/// `path`: 40 swimmers in the same 8 events, so that every one of them is in several events, and
/// athletes 0 to 11 each win two medals (one of each colour per event). A rival nation holds a
/// medal, so that there is a table to rank in.
pub fn write_big_kaggle_team(path: &Path) {
    let mut csv = String::from(
        "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n",
    );
    for athlete in 0..40 {
        for event in 0..8 {
            let medal = match athlete {
                a if a == event % 4 => "\"Gold\"",
                a if a == 4 + event % 4 => "\"Silver\"",
                a if a == 8 + event % 4 => "\"Bronze\"",
                _ => "NA",
            };
            writeln!(
                csv,
                "\"{}\",\"{}\",\"M\",24,NA,NA,\"Bigland\",\"BIG\",\"2012 Summer\",2012,\"Summer\",\"London\",\"Swimming\",\"Swimming Men's {} metres Freestyle\",{medal}",
                athlete + 1,
                big_team_name(athlete).replace('"', "\"\""),
                (event + 1) * 100,
            )
            .unwrap();
        }
    }
    csv.push_str("\"999\",\"Rival Swimmer\",\"M\",24,NA,NA,\"Rivalia\",\"RIV\",\"2012 Summer\",2012,\"Summer\",\"London\",\"Swimming\",\"Swimming Men's 1500 metres Freestyle\",\"Gold\"\n");
    fs::write(path, csv).unwrap();
}
