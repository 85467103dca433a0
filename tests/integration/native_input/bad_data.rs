//! Bad data in the native format, kind by kind: each case edits the valid fixture in
//! tests/fixtures/mini/, runs `podium report --data` on it into a folder holding an earlier
//! briefing, and checks the exit code (65), that the message names the file, the line, the field
//! and the value the user has to fix, and that the folder is left exactly as it was. Beside them,
//! what must be accepted: a byte-order mark, CR line ends, a tie, values like formulas.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::cases::check_all;
use crate::support::{self, Run, copy_mini};

/// One change to one fixture file.
enum Edit {
    /// Replace every occurrence of a text (which must occur).
    Replace(&'static str, &'static str, &'static str),
    /// Replace the whole file with these bytes.
    Bytes(&'static str, &'static [u8]),
    /// Add a line at the end.
    Append(&'static str, &'static str),
}

/// A bad-data case: its edits, and what the message must contain.
struct Case {
    name: &'static str,
    edits: &'static [Edit],
    /// `file.csv:line:` as the message must show it.
    at: &'static str,
    field: Option<&'static str>,
    value: Option<&'static str>,
    says: &'static str,
}

fn apply(dir: &Path, edit: &Edit) {
    let path = |file: &str| -> PathBuf { dir.join(file) };
    match *edit {
        Edit::Replace(file, from, to) => {
            let text = fs::read_to_string(path(file)).unwrap();
            assert!(text.contains(from), "the fixture {file} has no {from:?}");
            fs::write(path(file), text.replace(from, to)).unwrap();
        }
        Edit::Bytes(file, bytes) => fs::write(path(file), bytes).unwrap(),
        Edit::Append(file, line) => {
            let mut text = fs::read_to_string(path(file)).unwrap();
            text.push_str(line);
            text.push('\n');
            fs::write(path(file), text).unwrap();
        }
    }
}

/// `podium report --data dir` into `dir/output`, which holds an earlier briefing: it must fail
/// with 65, print nothing on stdout (nothing is printed there for invalid data) and leave the
/// folder exactly as it was.
fn report_refused(dir: &Path) -> Run {
    let out = dir.join("output");
    let earlier = out.join("kazakhstan-2012-summer");
    fs::create_dir_all(earlier.join("charts")).unwrap();
    fs::write(earlier.join("briefing.pdf"), b"an earlier briefing").unwrap();
    fs::write(earlier.join("charts/ages.svg"), b"<svg/>").unwrap();
    Run::new(&["report", "--data"])
        .arg(dir)
        .out(&out)
        .fails(65)
        .prints_nothing()
        .writes_nothing()
}

/// Runs podium on a dataset that must be valid.
fn assert_accepted(dir: &Path) {
    Run::new(&["stats", "--data"]).arg(dir).run();
}

use Edit::*;

const CASES: &[Case] = &[
    Case {
        name: "a control character in a name",
        edits: &[Replace(
            "athletes.csv",
            "bea-cole,Bea Cole,F,",
            "bea-cole,Bea\u{7}Cole,F,",
        )],
        at: "athletes.csv:3:",
        field: Some("name"),
        value: Some("Bea\\u{7}Cole"),
        says: "invisible character U+0007; remove it",
    },
    Case {
        name: "a right-to-left override in a name",
        edits: &[Replace(
            "athletes.csv",
            "bea-cole,Bea Cole,F,",
            "bea-cole,Bea \u{202e}eloC,F,",
        )],
        at: "athletes.csv:3:",
        field: Some("name"),
        value: Some("Bea \\u{202e}eloC"),
        says: "invisible character U+202E; remove it",
    },
    Case {
        name: "unknown sex code",
        edits: &[Replace(
            "athletes.csv",
            "bea-cole,Bea Cole,F,",
            "bea-cole,Bea Cole,X,",
        )],
        at: "athletes.csv:3:",
        field: Some("sex"),
        value: Some("\"X\""),
        says: "expected M or F",
    },
    Case {
        name: "duplicate athlete id",
        edits: &[Replace(
            "athletes.csv",
            "dan-egan,Dan Egan",
            "carl-dunn,Dan Egan",
        )],
        at: "athletes.csv:5:",
        field: Some("id"),
        value: Some("\"carl-dunn\""),
        says: "already used on line 4",
    },
    Case {
        name: "absurd age",
        edits: &[Replace("athletes.csv", "Fay Gray,F,41,", "Fay Gray,F,150,")],
        at: "athletes.csv:7:",
        field: Some("age"),
        value: Some("\"150\""),
        says: "from 10 to 99",
    },
    Case {
        name: "negative age",
        edits: &[Replace("athletes.csv", "Fay Gray,F,41,", "Fay Gray,F,-3,")],
        at: "athletes.csv:7:",
        field: Some("age"),
        value: Some("\"-3\""),
        says: "from 10 to 99",
    },
    Case {
        name: "entry for an unknown event",
        edits: &[Replace(
            "entries.csv",
            "gus-hall,athletics-men-100m,",
            "gus-hall,athletics-men-110mh,",
        )],
        at: "entries.csv:2:",
        field: Some("event"),
        value: Some("\"athletics-men-110mh\""),
        says: "the id of an event in events.csv",
    },
    Case {
        name: "entry for an unknown athlete",
        edits: &[Append(
            "entries.csv",
            "zed-young,judo-women-57kg,competed,7,",
        )],
        at: "entries.csv:12:",
        field: Some("athlete"),
        value: Some("\"zed-young\""),
        says: "the id of an athlete in athletes.csv",
    },
    Case {
        name: "an athlete with two sexes",
        edits: &[Append(
            "entries.csv",
            "gus-hall,athletics-women-200m,competed,6,",
        )],
        at: "entries.csv:12:",
        field: Some("athlete"),
        value: Some("\"gus-hall\""),
        says: "recorded as male in athletes.csv but entered in a women's event",
    },
    Case {
        name: "an athlete with two sports",
        edits: &[Append(
            "entries.csv",
            "ana-berg,athletics-women-200m,competed,7,",
        )],
        at: "entries.csv:12:",
        field: Some("event"),
        value: Some("\"athletics-women-200m\""),
        says: "an athlete has one sport",
    },
    Case {
        name: "two golds in an individual event",
        edits: &[Replace(
            "entries.csv",
            ",competed,=3,bronze",
            ",competed,1,gold",
        )],
        at: "entries.csv:9:",
        field: Some("medal"),
        value: Some("\"gold\""),
        says: "two gold medals as awarded in the individual event `judo-women-57kg`",
    },
    Case {
        name: "team members with different medals",
        edits: &[Replace(
            "entries.csv",
            "dan-egan,hockey-men,competed,1,gold",
            "dan-egan,hockey-men,competed,1,",
        )],
        at: "entries.csv:6:",
        field: Some("medal"),
        value: Some("\"no medal\""),
        says: "members hold different medals as awarded in the team event `hockey-men`",
    },
    Case {
        name: "unknown medal code",
        edits: &[Replace(
            "entries.csv",
            "bea-cole,judo-women-57kg,competed,=3,bronze",
            "bea-cole,judo-women-57kg,competed,=3,Bronze",
        )],
        at: "entries.csv:9:",
        field: Some("medal"),
        value: Some("\"Bronze\""),
        says: "gold, silver, bronze or blank",
    },
    Case {
        name: "a revision whose from does not match the medal held",
        edits: &[Replace(
            "revisions.csv",
            "gus-hall,athletics-men-100m,none,",
            "gus-hall,athletics-men-100m,silver,",
        )],
        at: "revisions.csv:3:",
        field: Some("from"),
        value: Some("\"silver\""),
        says: "the entry holds no medal at this point of the ledger",
    },
    Case {
        name: "a revision decided before the event",
        edits: &[Replace("revisions.csv", "2016-10-27", "2011-10-27")],
        at: "revisions.csv:2:",
        field: Some("decided"),
        value: Some("\"2011-10-27\""),
        says: "dated before the event (2012-08-04)",
    },
    Case {
        name: "an event date outside the Games",
        edits: &[Replace(
            "events.csv",
            "men,team,2012-08-11",
            "men,team,2012-08-21",
        )],
        at: "events.csv:5:",
        field: Some("date"),
        value: Some("\"2012-08-21\""),
        says: "outside the Games (2012-07-27 to 2012-08-12)",
    },
    Case {
        name: "an impossible date",
        edits: &[Replace(
            "events.csv",
            "men,team,2012-08-11",
            "men,team,2012-02-30",
        )],
        at: "events.csv:5:",
        field: Some("date"),
        value: Some("\"2012-02-30\""),
        says: "a date YYYY-MM-DD",
    },
    Case {
        name: "a medal event without a date",
        edits: &[Replace(
            "events.csv",
            "men,individual,2012-08-05",
            "men,individual,",
        )],
        at: "entries.csv:2:",
        field: Some("event"),
        value: Some("\"athletics-men-100m\""),
        says: "holds a medal but has no date",
    },
    Case {
        name: "published totals that cannot be parsed",
        edits: &[Replace(
            "reference.csv",
            "medals_awarded,2/1/2=5,",
            "medals_awarded,2/1/2=6,",
        )],
        at: "reference.csv:4:",
        field: Some("published"),
        value: Some("\"2/1/2=6\""),
        says: "the total equal to the sum",
    },
    Case {
        name: "an unknown published figure",
        edits: &[Replace("reference.csv", "men,5,test", "blokes,5,test")],
        at: "reference.csv:3:",
        field: Some("key"),
        value: Some("\"blokes\""),
        says: "one of athletes, men, women",
    },
    Case {
        name: "a medal table that disagrees with the entries",
        edits: &[Replace(
            "medal-table.csv",
            "now,TST,Testland,1,1,3",
            "now,TST,Testland,1,2,3",
        )],
        at: "medal-table.csv:9:",
        field: Some("noc"),
        value: Some("\"TST\""),
        says: "the now table gives TST 1/2/3 (6) but the entries and revisions give 1/1/3 (5)",
    },
    Case {
        name: "history totals that do not add up",
        edits: &[Replace(
            "history.csv",
            "2008,Beijing,6,2,4,",
            "2008,Beijing,6,2,5,",
        )],
        at: "history.csv:3:",
        field: Some("athletes"),
        value: Some("\"6\""),
        says: "men and women add up to 7, not 6",
    },
    Case {
        name: "a dangling flag bearer",
        edits: &[Replace("delegation.csv", ",carl-dunn,", ",carl-dun,")],
        at: "delegation.csv:2:",
        field: Some("flag_bearer_opening"),
        value: Some("\"carl-dun\""),
        says: "expected the id of an athlete in athletes.csv",
    },
    Case {
        name: "non-UTF-8 bytes",
        edits: &[Bytes(
            "history-sports.csv",
            b"year,sport\n2004,Athletics\n2004,Jud\xF4\n",
        )],
        at: "history-sports.csv:3:",
        field: None,
        value: Some("bytes F4 0A in hexadecimal"),
        says: "not UTF-8",
    },
    Case {
        name: "a row with a missing field",
        edits: &[Replace(
            "entries.csv",
            "gus-hall,athletics-men-100m,competed,3,\n",
            "gus-hall,athletics-men-100m,competed,3\n",
        )],
        at: "entries.csv:2:",
        field: None,
        value: None,
        says: "the row has 4 fields; the header has 5",
    },
    Case {
        name: "a renamed header",
        edits: &[Replace("history.csv", ",source\n", ",sources\n")],
        at: "history.csv:1:",
        field: Some("source"),
        value: None,
        says: "the header has no `source` column",
    },
    Case {
        name: "an empty file",
        edits: &[Bytes("revisions.csv", b"")],
        at: "revisions.csv:1:",
        field: None,
        value: None,
        says: "the file is empty; expected a header row: athlete,event,from,to,decided,reason,source",
    },
    Case {
        name: "crew members with different medals",
        edits: &[Replace(
            "entries.csv",
            "ivy-jones,badminton-mixed-doubles,competed,2,silver",
            "ivy-jones,badminton-mixed-doubles,competed,2,",
        )],
        at: "entries.csv:11:",
        field: Some("medal"),
        value: Some("\"no medal\""),
        says: "members hold different medals as awarded in the crew event `badminton-mixed-doubles`",
    },
    Case {
        name: "crew members with different places",
        edits: &[Replace(
            "entries.csv",
            "ivy-jones,badminton-mixed-doubles,competed,2,silver",
            "ivy-jones,badminton-mixed-doubles,competed,=2,silver",
        )],
        at: "entries.csv:11:",
        field: Some("place"),
        value: Some("\"=2\""),
        says: "share one result, but `hal-ince` has place 2",
    },
    Case {
        name: "an unclosed quote",
        edits: &[Replace(
            "athletes.csv",
            "fay-gray,Fay Gray,F,41",
            "fay-gray,\"Fay Gray,F,41",
        )],
        at: "athletes.csv:7:",
        field: Some("name"),
        value: None,
        says: "a quote opened in this field is never closed",
    },
    Case {
        name: "a count too large to be true",
        edits: &[Replace(
            "history.csv",
            "2008,Beijing,6,2,4,",
            "2008,Beijing,6,4294967295,4,",
        )],
        at: "history.csv:3:",
        field: Some("men"),
        value: Some("\"4294967295\""),
        says: "a whole number from 0 to 100000",
    },
    Case {
        name: "Games that never end",
        edits: &[Replace(
            "delegation.csv",
            "2012-07-27,2012-08-12",
            "2012-07-27,9999-12-31",
        )],
        at: "delegation.csv:2:",
        field: Some("closing"),
        value: Some("\"9999-12-31\""),
        says: "cannot last more than 200 days",
    },
    Case {
        name: "a discipline under two sports",
        edits: &[Append(
            "events.csv",
            "judo-women-kata,Judo,Athletics,Women's kata,women,individual,",
        )],
        at: "events.csv:8:",
        field: Some("sport"),
        value: Some("\"Judo\""),
        says: "the discipline `Athletics` is under Athletics on line 2",
    },
    Case {
        name: "an event nobody entered",
        edits: &[Append(
            "events.csv",
            "judo-women-63kg,Judo,Judo,Women's 63 kg,women,individual,",
        )],
        at: "events.csv:8:",
        field: Some("id"),
        value: Some("\"judo-women-63kg\""),
        says: "no entry in entries.csv is in this event",
    },
    Case {
        name: "an appearance number that history contradicts",
        edits: &[Replace("delegation.csv", ",3,carl-dunn,", ",4,carl-dunn,")],
        at: "delegation.csv:2:",
        field: Some("appearance"),
        value: Some("\"4\""),
        says: "history.csv lists 2 earlier Games, so these are appearance 3",
    },
];

#[test]
fn the_fixture_itself_is_valid() {
    let dir = support::copy_mini();
    assert_accepted(dir.path());
}

#[test]
fn every_kind_of_bad_data_is_named_precisely_with_exit_65() {
    assert!(CASES.len() >= 10);
    check_all(
        CASES,
        |c| c.name,
        |case| {
            let dir = support::copy_mini();
            for edit in case.edits {
                apply(dir.path(), edit);
            }
            let (outcome, mut problems) = report_refused(dir.path())
                .says("in the data; nothing was written")
                .check();
            let err = &outcome.stderr;
            // The message line for this problem: it starts with the file and line.
            let line = err
                .lines()
                .find(|l| l.contains(case.at) && l.contains(case.says))
                .or_else(|| err.lines().find(|l| l.contains(case.at)))
                .unwrap_or("");
            if line.is_empty() {
                problems.push(format!("no message at {}", case.at));
            }
            if let Some(field) = case.field {
                if !line.contains(&format!("field `{field}`"))
                    && !line.contains(&format!("`{field}` column"))
                {
                    problems.push(format!("field {field} not named"));
                }
            }
            if let Some(value) = case.value {
                if !line.contains(value) {
                    problems.push(format!("value {value} not shown"));
                }
            }
            if !line.contains(case.says) {
                problems.push(format!("does not say {:?}", case.says));
            }
            if !problems.is_empty() {
                problems.push(format!("the message:\n{err}"));
            }
            problems
        },
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = support::copy_mini();
    for name in [
        "unknown sex code",
        "a revision whose from does not match the medal held",
        "published totals that cannot be parsed",
    ] {
        let case = CASES.iter().find(|c| c.name == name).unwrap();
        apply(dir.path(), &case.edits[0]);
    }
    report_refused(dir.path())
        .says("athletes.csv:3:")
        .says("revisions.csv:3:")
        .says("reference.csv:4:")
        .says("podium: 3 problems in the data; nothing was written")
        .run();
}

#[test]
fn a_bom_and_crlf_line_ends_are_accepted() {
    let dir = support::copy_mini();
    let path = dir.path().join("athletes.csv");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{FEFF}{}", text.replace('\n', "\r\n"))).unwrap();
    let path = dir.path().join("events.csv");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace('\n', "\r")).unwrap();
    assert_accepted(dir.path());
}

#[test]
fn a_tie_for_gold_shares_it() {
    let dir = support::copy_mini();
    for edit in [
        Replace("entries.csv", ",competed,=3,bronze", ",competed,=1,gold"),
        Replace(
            "medal-table.csv",
            "awarded,TST,Testland,2,1,2",
            "awarded,TST,Testland,4,1,0",
        ),
        Replace(
            "medal-table.csv",
            "now,TST,Testland,1,1,3",
            "now,TST,Testland,3,1,1",
        ),
        Replace(
            "history.csv",
            "2012,London,9,5,4,2,1,2,1,1,3,",
            "2012,London,9,5,4,4,1,0,3,1,1,",
        ),
        Replace("reference.csv", "2/1/2=5", "4/1/0=5"),
    ] {
        apply(dir.path(), &edit);
    }
    assert_accepted(dir.path());
    let stats = Run::new(&["stats", "--format", "json", "--data"])
        .arg(dir.path())
        .run()
        .json();
    assert_eq!(
        stats["awarded"]["totals"]["gold"], 4,
        "both judoka hold gold"
    );
}

#[test]
fn a_bad_row_does_not_hide_the_rest_of_its_file() {
    let dir = support::copy_mini();
    apply(
        dir.path(),
        &Replace(
            "athletes.csv",
            "bea-cole,Bea Cole,F,19,Judo,Judo,,",
            "bea-cole,Bea Cole,F,19,Judo",
        ),
    );
    let err = report_refused(dir.path())
        .says("athletes.csv:3: the row has 5 fields; the header has 8")
        .run()
        .stderr;
    assert_eq!(
        err.lines().count(),
        2,
        "one problem and the count, not a cascade:\n{err}"
    );
}

#[test]
fn a_ten_thousand_character_field_is_refused_and_cut_in_the_message() {
    let dir = support::copy_mini();
    let path = dir.path().join("athletes.csv");
    let text = fs::read_to_string(&path).unwrap();
    let long = "x".repeat(10_000);
    fs::write(&path, text.replace("Bea Cole", &long)).unwrap();
    let err = report_refused(dir.path()).run().stderr;
    let line = err.lines().find(|l| l.contains("athletes.csv:3:")).unwrap();
    assert!(line.contains("field `name`"), "{line}");
    assert!(line.contains("(10000 characters)"), "{line}");
    assert!(
        line.contains("no field of the format needs more than 1000"),
        "{line}"
    );
    assert!(line.len() < 400, "the message is cut: {} bytes", line.len());
}

#[test]
fn a_gigabyte_file_is_refused_before_it_is_read() {
    let dir = support::copy_mini();
    let file = fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("entries.csv"))
        .unwrap();
    // Sparse: a gigabyte on paper, nothing on disk.
    file.set_len(1 << 30).unwrap();
    report_refused(dir.path())
        .says("entries.csv: the file is 1024 MB; podium reads files up to 64 MB")
        .run();
}

#[test]
fn values_that_look_like_formulas_are_plain_text() {
    // Spreadsheet formulas mean nothing in a PDF, an SVG or JSON: such names are kept as written.
    let dir = support::copy_mini();
    let path = dir.path().join("athletes.csv");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("Bea Cole", "=HYPERLINK(\"x\")")
            .replace("Ana Berg", "@Ana +Berg -1"),
    )
    .unwrap();
    let json = Run::new(&["stats", "--format", "json", "--data"])
        .arg(dir.path())
        .run()
        .stdout;
    assert!(json.contains("=HYPERLINK(\\\"x\\\")"), "{json}");
    assert!(json.contains("@Ana +Berg -1"));
}

#[test]
fn a_correctly_quoted_line_break_is_named_as_such() {
    let data = copy_mini();
    let path = data.path().join("athletes.csv");
    let text = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let (id, rest) = lines[1].split_once(',').unwrap();
    let (_, rest) = rest.split_once(',').unwrap();
    lines[1] = format!("{id},\"Ann\nBerg\",{rest}");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    Run::new(&["report", "--data"])
        .arg(data.path())
        .out(out.path())
        .fails(65)
        .says("athletes.csv:2: field `name`")
        .says("holds a line break")
        .says_not("never closed")
        .writes_nothing()
        .run();
}
