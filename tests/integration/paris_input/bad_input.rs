//! Bad input in the Paris folder, kind by kind: each case changes one file of a copy of the
//! fixture folder, and `podium report` on it must exit 65 naming the file, line, field and value,
//! report one problem once, and leave the output folder holding an earlier briefing as it was.

use std::fs;

use crate::support::cases::check_all;
use crate::support::{PARIS, Run, copy_paris};

/// A change to one file of the fixture folder.
struct Case {
    name: &'static str,
    file: &'static str,
    /// (from, to): the first occurrence of `from` is replaced; an empty `from` removes the file.
    edit: (&'static str, &'static str),
    says: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "sex not Male or Female",
        file: "athletes.csv",
        edit: ("SMETOV Yeldos,Male", "SMETOV Yeldos,M"),
        says: &["athletes.csv:2: field `gender` value \"M\": expected Male or Female"],
    },
    Case {
        name: "impossible birth date",
        file: "athletes.csv",
        edit: ("09-09-1992", "31-02-1992"),
        says: &["athletes.csv:2: field `birth_date` value \"31-02-1992\""],
    },
    Case {
        name: "disciplines not a list",
        file: "athletes.csv",
        edit: ("['Judo'],['Men -60 kg'],09", "Judo,['Men -60 kg'],09"),
        says: &["athletes.csv:2: field `disciplines` value \"Judo\": expected a list"],
    },
    Case {
        name: "an event not in events.csv",
        file: "athletes.csv",
        edit: ("['Men -60 kg'],09", "['Men -61 kg'],09"),
        says: &["athletes.csv:2: field `events`", "no event \"Men -61 kg\""],
    },
    Case {
        name: "one code for two athletes",
        file: "athletes.csv",
        edit: ("1002,TRUE", "1001,TRUE"),
        says: &["athletes.csv:3: field `code` value \"1001\": the code is given to two athletes"],
    },
    Case {
        name: "a renamed column",
        file: "athletes.csv",
        edit: (",gender,", ",sex,"),
        says: &["athletes.csv:1:", "the header lacks the column gender"],
    },
    Case {
        name: "an invisible character in a name",
        file: "athletes.csv",
        edit: ("SMETOV Yeldos", "SMETOV\u{202e}Yeldos"),
        says: &["athletes.csv:2: field `name`", "U+202E"],
    },
    Case {
        name: "athletes.csv not UTF-8",
        file: "athletes.csv",
        edit: ("SMETOV", "SM\u{fffd}TOV"),
        says: &["athletes.csv:2:", "not UTF-8"],
    },
    Case {
        name: "unknown medal",
        file: "medals.csv",
        edit: ("Gold Medal,1,2024-07-27", "Golden,1,2024-07-27"),
        says: &["medals.csv:2: field `medal_type` value \"Golden\""],
    },
    Case {
        name: "a medal day in another form",
        file: "medals.csv",
        edit: ("2024-07-27", "27/07/2024"),
        says: &["medals.csv:2: field `medal_date` value \"27/07/2024\""],
    },
    Case {
        name: "a medal of nobody",
        file: "medals.csv",
        edit: (",1001,KAZ", ",1999,KAZ"),
        says: &[
            "medals.csv:2: field `code` value \"1999\": no athlete in athletes.csv and no team",
        ],
    },
    Case {
        name: "a team in an unknown event",
        file: "teams.csv",
        edit: ("Archery,ARC,Men's Team", "Archery,ARC,Men's Teams"),
        says: &[
            "teams.csv:2: field `events` value \"Men's Teams\": events.csv has no event of this name in \"Archery\"",
        ],
    },
    Case {
        name: "a results row of an unknown team",
        file: "results/Archery.csv",
        edit: ("ARCMTEAM3---FRA01,France", "ARCMTEAM3---GER01,Germany"),
        says: &[
            "Archery.csv:3: field `participant_code` value \"ARCMTEAM3---GER01\": no team in teams.csv has this code",
        ],
    },
    Case {
        name: "a results row of an unknown athlete who cannot be told",
        file: "results/Judo.csv",
        edit: ("2002,DAVIS Adam,Person,USA", "2099,,Person,USA"),
        says: &[
            "Judo.csv:3: field `participant_code` value \"2099\": no athlete in athletes.csv has this code",
        ],
    },
    Case {
        name: "a results row whose code is not the code athletes.csv gives its athlete",
        file: "results/Judo.csv",
        edit: ("2002,DAVIS Adam,Person,USA", "2099,DAVIS Adam,Person,USA"),
        says: &[
            "Judo.csv:3: field `participant_code` value \"2099\": no athlete in athletes.csv has this code, but it lists DAVIS Adam of USA as 2002",
        ],
    },
    Case {
        name: "a rank that is not a place",
        file: "results/Athletics.csv",
        edit: ("1.0,9.95", "first,9.95"),
        says: &["Athletics.csv:2: field `rank` value \"first\""],
    },
    Case {
        name: "a results row of an unknown event",
        file: "results/Tennis.csv",
        edit: (
            "TENWSINGLES,Women's Singles,",
            "TENWSINGLES,Women's Single,",
        ),
        says: &["Tennis.csv:2: field `event_name` value \"Women's Single\""],
    },
    Case {
        name: "a win or loss that is neither",
        file: "results/Judo.csv",
        edit: ("POINTS,W,", "POINTS,Q,"),
        says: &["Judo.csv:2: field `result_WLT` value \"Q\""],
    },
    Case {
        name: "a schedule day that is no day",
        file: "schedules.csv",
        edit: ("26-07-2024", "2024-13-01"),
        says: &["schedules.csv:3: field `day` value \"2024-13-01\""],
    },
    Case {
        name: "a NOC code that is not one",
        file: "nocs.csv",
        edit: ("KAZ,Kazakhstan", "kz,Kazakhstan"),
        says: &["nocs.csv:4: field `code` value \"kz\""],
    },
    Case {
        name: "a missing file",
        file: "medals.csv",
        edit: ("", ""),
        says: &["medals.csv: the file is missing"],
    },
];

#[test]
fn bad_input_is_named_with_file_line_field_and_value_and_nothing_is_written() {
    check_all(
        CASES,
        |c| c.name,
        |case| {
            let dir = copy_paris();
            let out = dir.path().join("output");
            Run::new(&["report", "--noc", "KAZ", "--from", PARIS])
                .out(&out)
                .run();
            let path = dir.path().join(case.file);
            let (from, to) = case.edit;
            if from.is_empty() {
                fs::remove_file(&path).unwrap();
            } else if case.name.contains("UTF-8") {
                let text = fs::read_to_string(&path).unwrap();
                let mut bytes = text.replacen(from, "SM", 1).into_bytes();
                let at = text.find(from).unwrap() + 2;
                bytes.splice(at..at, [0xC9, b'T', b'O', b'V']);
                fs::write(&path, bytes).unwrap();
            } else {
                let text = fs::read_to_string(&path).unwrap();
                assert!(
                    text.contains(from),
                    "{}: {from:?} is not in {}",
                    case.name,
                    case.file
                );
                fs::write(&path, text.replacen(from, to, 1)).unwrap();
            }
            let run = Run::new(&["report", "--noc", "KAZ", "--from"])
                .arg(dir.path())
                .out(&out)
                .fails(65)
                .writes_nothing()
                // The closing line.
                .says("nothing was written");
            let (outcome, mut problems) = case.says.iter().fold(run, |run, s| run.says(*s)).check();
            // One bad row is one problem: a row refused is not reported again by the files
            // that name it.
            if case.file != "medals.csv" && outcome.stderr.contains("medals.csv:") {
                problems.push("a follow-on problem in medals.csv".into());
            }
            if !problems.is_empty() {
                problems.push(format!("the message:\n{}", outcome.stderr));
            }
            problems
        },
    );
}
