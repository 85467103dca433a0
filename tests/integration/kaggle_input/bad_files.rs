//! A bad Kaggle file, kind by kind: a table of changes to the valid fixture, each run as a batch
//! into a folder holding an earlier briefing, checked for the exit code, the message
//! (`file:line:` and more) and that the folder holds what it held before; then a file too big to
//! read, twenty-five bad rows, and a header with a column twice.

use std::fs;
use std::time::{Duration, Instant};

use crate::support::cases::check_all;
use crate::support::{KAGGLE as FIXTURE, Run, earlier_output, edited_kaggle as edited};

/// Long enough for any run here on a loaded machine; a run that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(120);

/// How a case changes the valid fixture's text (or replaces its bytes).
enum Change {
    Text(fn(&str) -> String),
    Bytes(fn(&[u8]) -> Vec<u8>),
}

struct Case {
    name: &'static str,
    change: Change,
    /// The exit code expected.
    code: i32,
    /// Text every message line for the case must hold: `file:line:` and more.
    says: &'static [&'static str],
}

/// The fixture's line `n` (1-based), changed by `f`.
fn line(text: &str, n: usize, f: impl Fn(&str) -> String) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[n - 1] = f(&lines[n - 1]);
    lines.join("\n") + "\n"
}

const CASES: &[Case] = &[
    Case {
        name: "a truncated row",
        change: Change::Text(|t| line(t, 6, |l| l.rsplitn(6, ',').last().unwrap().to_owned())),
        code: 65,
        says: &[
            "athlete_events.csv:6:",
            "the row has 10 fields; the header has 15",
        ],
    },
    Case {
        name: "a row with a field too many",
        change: Change::Text(|t| line(t, 7, |l| format!("{l},NA"))),
        code: 65,
        says: &["athlete_events.csv:7:", "the row has 16 fields"],
    },
    Case {
        name: "no header row",
        change: Change::Text(|t| t.lines().skip(1).collect::<Vec<_>>().join("\n")),
        code: 65,
        says: &["athlete_events.csv:1:", "lacks the columns ID, Name"],
    },
    Case {
        name: "a renamed header",
        change: Change::Text(|t| t.replacen("\"Medal\"", "\"Medals\"", 1)),
        code: 65,
        says: &["athlete_events.csv:1:", "lacks the column Medal"],
    },
    Case {
        name: "an unknown sex code",
        change: Change::Text(|t| line(t, 6, |l| l.replace(",\"M\",", ",\"X\","))),
        code: 65,
        says: &["athlete_events.csv:6: field `Sex` value \"X\": expected M or F"],
    },
    Case {
        name: "an unknown medal code",
        change: Change::Text(|t| line(t, 5, |l| l.replace("\"Gold\"", "\"Golden\""))),
        code: 65,
        says: &[
            "athlete_events.csv:5: field `Medal` value \"Golden\": expected Gold, Silver, Bronze or NA",
        ],
    },
    Case {
        name: "non-UTF-8 bytes",
        change: Change::Bytes(|b| {
            let mut b = b.to_vec();
            let at = b.windows(5).position(|w| w == b"Dychk").unwrap();
            b[at + 4] = 0xE7;
            b
        }),
        code: 65,
        says: &["athlete_events.csv:6:", "not UTF-8", "save it as UTF-8"],
    },
    Case {
        name: "an empty file",
        change: Change::Bytes(|_| Vec::new()),
        code: 65,
        says: &["athlete_events.csv:1:", "the file is empty"],
    },
    Case {
        name: "one ID, two athletes",
        change: Change::Text(|t| line(t, 7, |l| l.replacen("\"6\"", "\"5\"", 1))),
        code: 65,
        says: &[
            "athlete_events.csv:7: field `Name` value \"Yermek Sample\": athlete 5 is \"Ivan Dychko\" on line 6",
        ],
    },
    Case {
        name: "a negative age",
        change: Change::Text(|t| line(t, 5, |l| l.replace(",24,", ",-24,"))),
        code: 65,
        says: &[
            "athlete_events.csv:5: field `Age` value \"-24\": expected NA or a whole number of years from 5 to 100",
        ],
    },
    Case {
        name: "an absurd age",
        change: Change::Text(|t| line(t, 5, |l| l.replace(",24,", ",240,"))),
        code: 65,
        says: &["athlete_events.csv:5: field `Age` value \"240\""],
    },
    Case {
        name: "a ten-thousand-character name",
        change: Change::Text(|t| t.replace("Ivan Dychko", &"x".repeat(10_000))),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `Name`",
            "(10000 characters)",
            "more than 1000",
        ],
    },
    Case {
        name: "a control character in a name",
        change: Change::Text(|t| t.replace("Ivan Dychko", "Ivan\u{1b}[31mDychko")),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `Name` value \"Ivan\\u{1b}[31mDychko\"",
            "U+001B; remove it",
        ],
    },
    Case {
        name: "a right-to-left override in a team name",
        change: Change::Text(|t| t.replacen("\"Japan\"", "\"Ja\u{202e}pan\"", 1)),
        code: 65,
        says: &["field `Team` value \"Ja\\u{202e}pan\"", "U+202E"],
    },
    Case {
        name: "Games that contradict the year",
        change: Change::Text(|t| line(t, 6, |l| l.replace(",2012,", ",2011,"))),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `Games` value \"2012 Summer\": expected \"2011 Summer\"",
        ],
    },
    Case {
        name: "an unknown season",
        change: Change::Text(|t| line(t, 6, |l| l.replace(",\"Summer\",", ",\"Spring\","))),
        code: 65,
        says: &["athlete_events.csv:6: field `Season` value \"Spring\": expected Summer or Winter"],
    },
    Case {
        name: "a year before the Games began",
        change: Change::Text(|t| {
            line(t, 6, |l| {
                l.replace("\"2012 Summer\",2012", "\"1800 Summer\",1800")
            })
        }),
        code: 65,
        says: &["athlete_events.csv:6: field `Year` value \"1800\": expected a year from 1896"],
    },
    Case {
        name: "a NOC that is a path",
        change: Change::Text(|t| t.replace("\"TUV\"", "\"../x\"")),
        code: 65,
        says: &["field `NOC` value \"../x\": expected a three-letter NOC code"],
    },
    Case {
        name: "an empty event",
        change: Change::Text(|t| {
            line(t, 5, |l| l.replace("\"Boxing Men's Welterweight\"", "\"\""))
        }),
        code: 65,
        says: &["athlete_events.csv:5: field `Event` value \"\": the field is empty"],
    },
    Case {
        name: "an ID that is not a number",
        change: Change::Text(|t| line(t, 6, |l| l.replacen("\"5\"", "\"five\"", 1))),
        code: 65,
        says: &[
            "athlete_events.csv:6: field `ID` value \"five\": expected a positive whole number",
        ],
    },
    Case {
        name: "an unclosed quote",
        change: Change::Text(|t| line(t, 8, |l| l.replacen("Duet\",", "Duet,", 1))),
        code: 65,
        says: &[],
    },
];

#[test]
fn every_kind_of_bad_kaggle_file_is_named_and_nothing_is_written() {
    assert!(CASES.len() >= 20);
    let original = fs::read(FIXTURE).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();
    check_all(
        CASES,
        |c| c.name,
        |case| {
            let dir = tempfile::tempdir().unwrap();
            let out = earlier_output(dir.path());
            let path = dir.path().join("athlete_events.csv");
            let bytes = match case.change {
                Change::Text(f) => f(&text).into_bytes(),
                Change::Bytes(f) => f(&original),
            };
            assert_ne!(bytes, original, "{}: the change changes nothing", case.name);
            fs::write(&path, bytes).unwrap();
            let run = Run::new(&["batch", "--games", "2012 Summer", "--from"])
                .arg(&path)
                .out(&out)
                .fails(case.code)
                .writes_nothing()
                // The closing line.
                .says("nothing was written");
            let (outcome, mut problems) = case.says.iter().fold(run, |run, s| run.says(*s)).check();
            if !problems.is_empty() {
                problems.push(format!("the message:\n{}", outcome.stderr));
            }
            problems
        },
    );
}

#[test]
fn a_gigabyte_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::copy(FIXTURE, &path).unwrap();
    // Sparse: a gigabyte on paper, nothing on disk, and podium must not try to read it.
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let started = Instant::now();
    Run::new(&["stats", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .fails(65)
        .says("the file is 1024 MB; podium reads files up to 400 MB")
        .run();
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn bad_rows_are_named_by_line_the_first_twenty_in_full() {
    // 25 rows with an impossible age, on lines 2 to 26.
    let (_dir, path) = edited(|text| {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for line in lines.iter_mut().skip(1).take(25) {
            // The age follows the sex, "M" or "F"; names may hold commas, so find the sex.
            let sex = line
                .find(",\"M\",")
                .or_else(|| line.find(",\"F\","))
                .unwrap()
                + 5;
            let age_end = sex + line[sex..].find(',').unwrap();
            line.replace_range(sex..age_end, "-3");
        }
        lines.join("\r\n")
    });
    let said = Run::new(&["stats", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .fails(65)
        .says("25 problems in the data, the first 20 shown above")
        .run()
        .stderr;
    let problems: Vec<&str> = said.lines().filter(|l| l.contains("field `Age`")).collect();
    assert_eq!(problems.len(), 20, "{said}");
    // CRLF line ends, and still the true line numbers.
    assert!(
        problems[0].contains("athlete_events.csv:2: field `Age` value \"-3\""),
        "{said}"
    );
    assert!(problems[19].contains("athlete_events.csv:21:"), "{said}");
}

#[test]
fn a_kaggle_header_with_a_repeated_column_is_refused() {
    let mut reader = csv::Reader::from_path(FIXTURE).unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let twice = |r: &csv::StringRecord| {
        let mut fields: Vec<&str> = r.iter().collect();
        fields.insert(4, &r[3]);
        csv::StringRecord::from(fields)
    };
    writer
        .write_record(&twice(reader.headers().unwrap()))
        .unwrap();
    for row in reader.records() {
        writer.write_record(&twice(&row.unwrap())).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, writer.into_inner().unwrap()).unwrap();
    Run::new(&["stats", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
        .arg(&path)
        .within(LIMIT)
        .fails(65)
        .says("athlete_events.csv:1: field `Age`")
        .says("more than once")
        .run();
}
