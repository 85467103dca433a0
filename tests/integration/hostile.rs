//! What a hostile or unlucky user finds (issue 14): inputs that are not files, signals in any
//! phase, two nations whose names reduce to one folder, a write that fails halfway, a rerun without
//! SOURCE_DATE_EPOCH. Every run that could hang is bounded, so a regression fails, never hangs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::support::cases::run_keeping;
use crate::support::{
    self, KAGGLE, MINI, Options, big_team_name, copy_mini, copy_paris, finish_within, make_fifo,
    member, output_within, podium, succeed, write_big_kaggle_team, write_team,
};

/// Long enough for any run here on a loaded machine; a run that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(120);

fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("podium"));
    c.env("SOURCE_DATE_EPOCH", support::EPOCH);
    c
}

fn said(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_fifo_given_as_input_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("athlete_events.csv");
    if !make_fifo(&fifo) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    // A native dataset with a FIFO for one of its files.
    let data = copy_mini();
    fs::remove_file(data.path().join("athletes.csv")).unwrap();
    assert!(make_fifo(&data.path().join("athletes.csv")));
    // The Paris folder with a FIFO for one of its files.
    let paris = copy_paris();
    fs::remove_file(paris.path().join("events.csv")).unwrap();
    assert!(make_fifo(&paris.path().join("events.csv")));
    let out = dir.path().join("out");
    let cases: Vec<(&str, Vec<std::ffi::OsString>, PathBuf)> = vec![
        (
            "--from a FIFO",
            vec![
                "stats".into(),
                "--noc".into(),
                "KAZ".into(),
                "--games".into(),
                "2012 Summer".into(),
                "--from".into(),
                fifo.clone().into(),
            ],
            fifo.clone(),
        ),
        (
            "a FIFO in --data",
            vec![
                "report".into(),
                "--data".into(),
                data.path().into(),
                "--out".into(),
                out.clone().into(),
            ],
            data.path().join("athletes.csv"),
        ),
        (
            "a FIFO in the Paris folder",
            vec![
                "report".into(),
                "--noc".into(),
                "KAZ".into(),
                "--from".into(),
                paris.path().into(),
                "--out".into(),
                out.clone().into(),
            ],
            paris.path().join("events.csv"),
        ),
        (
            "--ledger a FIFO",
            vec![
                "stats".into(),
                "--noc".into(),
                "KAZ".into(),
                "--games".into(),
                "2012 Summer".into(),
                "--from".into(),
                KAGGLE.into(),
                "--ledger".into(),
                fifo.clone().into(),
            ],
            fifo.clone(),
        ),
    ];
    for (name, args, path) in cases {
        let done = output_within(bin().args(&args), LIMIT);
        let err = said(&done);
        assert_eq!(done.status.code(), Some(74), "{name}: {err}");
        assert!(
            err.contains(&path.display().to_string()) && err.contains("a FIFO (named pipe)"),
            "{name}: {err}"
        );
        assert!(!out.exists(), "{name}: something was written");
    }
}

#[test]
fn a_device_given_as_input_is_refused_before_it_is_read() {
    // /dev/zero never ends: read, it would take every byte of memory.
    let done = output_within(
        bin().args([
            "stats",
            "--noc",
            "KAZ",
            "--games",
            "2012 Summer",
            "--from",
            "/dev/zero",
        ]),
        LIMIT,
    );
    let err = said(&done);
    assert_eq!(done.status.code(), Some(74), "{err}");
    assert!(
        err.contains("/dev/zero") && err.contains("a character device"),
        "{err}"
    );
}

/// `podium stats --format json` blocked on a full pipe nobody reads, then sent `signal`: it ends
/// with 130 (before, the handler noted the signal and the write blocked for ever).
fn signal_while_blocked_on_output(signal: &str) {
    let mut child = bin()
        .args(["stats", "--format", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the first bytes come, the rest (180 KB) fills the pipe and the write blocks.
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    let stdout = child.stdout.take();
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let done = finish_within(child, LIMIT);
    drop(stdout);
    assert_eq!(done.status.code(), Some(130), "{signal}: {}", said(&done));
    assert!(said(&done).contains("interrupted"), "{}", said(&done));
}

#[cfg(unix)]
#[test]
fn sigterm_ends_a_run_blocked_on_its_output() {
    signal_while_blocked_on_output("-TERM");
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_run_blocked_on_its_output() {
    signal_while_blocked_on_output("-INT");
}

/// A one-athlete team of Testland, renamed `nation` under `noc`, with `medal`.
fn team_as(dir: &Path, noc: &str, nation: &str, medal: &'static str) {
    write_team(
        dir,
        &[member("Ann Example", "F", Some(24), "Archery", medal)],
        Options {
            earlier_games: false,
        },
    );
    for file in ["delegation.csv", "medal-table.csv"] {
        let path = dir.join(file);
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("TST,Testland", &format!("{noc},{nation}"));
        fs::write(&path, text).unwrap();
    }
}

/// The NOC the stats.json in `dir` names.
fn noc_in(dir: &Path) -> String {
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("stats.json")).unwrap()).unwrap();
    json["delegation"]["noc"].as_str().unwrap().to_owned()
}

#[test]
fn two_nations_whose_names_reduce_to_one_folder_each_keep_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let (civ, cdi) = (dir.path().join("civ"), dir.path().join("cdi"));
    team_as(&civ, "CIV", "Cote d'Ivoire", "gold");
    team_as(&cdi, "CDI", "Cote-d-Ivoire", "silver");
    let out = dir.path().join("out");
    let report = |data: &Path| {
        let done = succeed(
            podium()
                .arg("report")
                .arg("--data")
                .arg(data)
                .arg("--out")
                .arg(&out),
        );
        String::from_utf8_lossy(&done.stdout).into_owned()
    };
    report(&civ);
    let plain = out.join("cote-d-ivoire-2012-summer");
    assert_eq!(noc_in(&plain), "CIV");
    let second = report(&cdi);
    let coded = out.join("cdi-cote-d-ivoire-2012-summer");
    assert!(second.contains(&coded.display().to_string()), "{second}");
    assert_eq!(
        noc_in(&plain),
        "CIV",
        "the first nation's briefing was replaced"
    );
    assert_eq!(noc_in(&coded), "CDI");
    // Each rerun finds its own folder and leaves it as it is.
    for data in [&civ, &cdi] {
        let again = report(data);
        assert!(!again.contains("wrote"), "{again}");
    }
    // The charts command goes to the same folders.
    let done = succeed(
        podium()
            .args(["charts", "--only", "ages", "--format", "png", "--data"])
            .arg(&cdi)
            .arg("--out")
            .arg(&out),
    );
    assert!(
        String::from_utf8_lossy(&done.stdout).contains(&coded.display().to_string()),
        "{}",
        String::from_utf8_lossy(&done.stdout)
    );
    assert_eq!(fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn a_write_that_fails_halfway_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    team_as(&data, "CIV", "Cote d'Ivoire", "gold");
    let out = dir.path().join("out");
    succeed(
        podium()
            .arg("report")
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(&out),
    );
    // New data (a silver for the gold), so that every file would change; stats.json is blocked
    // by a folder of that name, the last file written.
    team_as(&data, "CIV", "Cote d'Ivoire", "silver");
    let folder = out.join("cote-d-ivoire-2012-summer");
    fs::remove_file(folder.join("stats.json")).unwrap();
    fs::create_dir(folder.join("stats.json")).unwrap();
    let done = run_keeping(
        &out,
        podium()
            .arg("report")
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(&out),
    );
    assert_eq!(done.code, Some(74), "{}", done.stderr);
    assert!(done.stderr.contains("stats.json"), "{}", done.stderr);
    assert!(done.folder_kept, "the folder changed: {}", done.stderr);
    assert!(folder.join("stats.json").is_dir());
    // No temporary folder or file is left beside it.
    let names: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["cote-d-ivoire-2012-summer"]);
}

/// The PDF's creation date, as written in its Info dictionary.
fn creation_date(pdf: &Path) -> String {
    let doc = lopdf::Document::load(pdf).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    String::from_utf8_lossy(info.get(b"CreationDate").unwrap().as_str().unwrap()).into_owned()
}

#[cfg(unix)]
#[test]
fn a_rerun_without_source_date_epoch_touches_nothing() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let report = || {
        let mut c = podium();
        c.env_remove("SOURCE_DATE_EPOCH")
            .arg("report")
            .arg("--data")
            .arg(MINI)
            .arg("--out")
            .arg(&out);
        String::from_utf8_lossy(&succeed(&mut c).stdout).into_owned()
    };
    report();
    // Every file dated long ago, so that any rewrite shows.
    let old = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    let files = support::listing(&out);
    let stamp = |files: &[(PathBuf, Vec<u8>)]| -> Vec<(PathBuf, u64, i64)> {
        files
            .iter()
            .map(|(p, _)| {
                let m = fs::metadata(p).unwrap();
                (p.clone(), m.ino(), m.mtime())
            })
            .collect()
    };
    for (p, _) in &files {
        fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let before = stamp(&files);
    let again = report();
    assert!(!again.contains("wrote"), "{again}");
    assert_eq!(stamp(&support::listing(&out)), before);
    // The PDF is dated by the data: the mini dataset's "now" view stands at 2019-06.
    let pdf = files
        .iter()
        .find(|(p, _)| p.ends_with("briefing.pdf"))
        .map(|(p, _)| p.clone())
        .unwrap();
    assert!(
        creation_date(&pdf).starts_with("D:20190630"),
        "{}",
        creation_date(&pdf)
    );
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
    let done = run_keeping(
        out.path(),
        podium()
            .args(["report", "--data"])
            .arg(data.path())
            .arg("--out")
            .arg(out.path()),
    );
    assert_eq!(done.code, Some(65), "{}", done.stderr);
    assert!(
        done.stderr.contains("athletes.csv:2: field `name`")
            && done.stderr.contains("holds a line break")
            && !done.stderr.contains("never closed"),
        "{}",
        done.stderr
    );
}

#[test]
fn a_kaggle_header_with_a_repeated_column_is_refused() {
    let mut reader = csv::Reader::from_path(KAGGLE).unwrap();
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
    let done = output_within(
        bin()
            .args(["stats", "--noc", "KAZ", "--games", "2012 Summer", "--from"])
            .arg(&path),
        LIMIT,
    );
    assert_eq!(done.status.code(), Some(65), "{}", said(&done));
    assert!(
        said(&done).contains("athlete_events.csv:1: field `Age`")
            && said(&done).contains("more than once"),
        "{}",
        said(&done)
    );
}

#[cfg(unix)]
#[test]
fn an_out_that_cannot_be_a_folder_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let done = output_within(bin().arg("report").arg("--out").arg(&dangling), LIMIT);
    assert_eq!(done.status.code(), Some(74), "{}", said(&done));
    assert!(
        said(&done).contains("is a link to") && said(&done).contains("which does not exist"),
        "{}",
        said(&done)
    );
    // A batch into a file stops before it renders anything, not once per nation.
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let done = output_within(
        bin()
            .args(["batch", "--games", "2012 Summer", "--from", KAGGLE, "--out"])
            .arg(&file),
        LIMIT,
    );
    assert_eq!(done.status.code(), Some(74), "{}", said(&done));
    assert!(said(&done).contains("not a folder"), "{}", said(&done));
    assert!(!said(&done).contains("failed"), "{}", said(&done));
}

#[test]
fn charts_of_which_none_can_be_drawn_are_not_a_silent_success() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The Kaggle file has no dates of medal events.
    let done = output_within(
        bin()
            .args([
                "charts",
                "--noc",
                "KAZ",
                "--games",
                "2012 Summer",
                "--only",
                "medals-by-day",
                "--from",
                KAGGLE,
                "--out",
            ])
            .arg(&out),
        LIMIT,
    );
    assert_eq!(done.status.code(), Some(2), "{}", said(&done));
    assert!(
        said(&done).contains("no chart asked for can be drawn")
            && said(&done).contains("medals-by-day"),
        "{}",
        said(&done)
    );
    assert!(!out.exists());
}

#[test]
fn a_batch_of_every_games_says_once_per_nation_which_games_it_missed() {
    let mut text = String::from(
        "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n",
    );
    // AAA at five Games, BBB at the last only.
    let mut id = 0;
    for (year, city) in [
        (1996, "Atlanta"),
        (2000, "Sydney"),
        (2004, "Athina"),
        (2008, "Beijing"),
        (2012, "London"),
    ] {
        let mut nocs = vec!["AAA"];
        if year == 2012 {
            nocs.push("BBB");
        }
        for noc in nocs {
            id += 1;
            text.push_str(&format!(
                "\"{id}\",\"Athlete {id}\",\"M\",25,NA,NA,\"Nation {noc}\",\"{noc}\",\"{year} Summer\",{year},\"Summer\",\"{city}\",\"Athletics\",\"Athletics Men's 100 metres\",NA\n"
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let done = output_within(
        bin()
            .args(["batch", "--all-games", "--noc", "AAA,BBB", "--from"])
            .arg(&path)
            .arg("--out")
            .arg(dir.path().join("out")),
        LIMIT,
    );
    let report = String::from_utf8_lossy(&done.stdout);
    assert!(done.status.success(), "{}", said(&done));
    let bbb: Vec<&str> = report.lines().filter(|l| l.contains("BBB")).collect();
    assert_eq!(
        bbb,
        [
            "  BBB: not in the sources at 4 of the 5 Games (1996 Summer, 2000 Summer, 2004 Summer and 1 more)"
        ],
        "{report}"
    );
    assert!(report.contains("skipped: 4\n"), "{report}");
}

#[test]
fn the_summary_leaves_out_a_date_column_the_source_lacks() {
    let done = output_within(
        bin().args([
            "stats",
            "--noc",
            "USA",
            "--games",
            "2012 Summer",
            "--from",
            KAGGLE,
        ]),
        LIMIT,
    );
    let text = String::from_utf8_lossy(&done.stdout);
    let header = text
        .lines()
        .skip_while(|l| *l != "Medallists")
        .nth(1)
        .unwrap_or_default();
    assert!(header.trim_start().starts_with("athlete"), "{text}");
    // The native dataset has the dates: the column stays.
    let native = succeed(podium().args(["stats", "--data", MINI]));
    let native = String::from_utf8_lossy(&native.stdout);
    let header = native
        .lines()
        .skip_while(|l| *l != "Medallists")
        .nth(1)
        .unwrap_or_default();
    assert!(header.trim_start().starts_with("date"), "{native}");
}

/// Issue 14, item 8: USA 2012 from the Kaggle file printed a line of 3,758 characters (every
/// athlete in several events joined in one line; the multiple medallists likewise). Not on a
/// terminal, the summary is set to a fixed width; nothing is lost on the way.
#[test]
fn the_summary_of_a_big_team_fits_a_fixed_width_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("athlete_events.csv");
    write_big_kaggle_team(&file);
    let done = succeed(
        podium()
            .args(["stats", "--noc", "BIG", "--games", "2012 Summer", "--from"])
            .arg(&file)
            .env("COLUMNS", "300"),
    );
    let text = String::from_utf8_lossy(&done.stdout);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest <= podium::summary::PIPE_WIDTH,
        "a line of {widest} characters:\n{text}"
    );
    // Every athlete in several events and every multiple medallist is still named, whole.
    for n in 0..40 {
        assert!(
            text.contains(&big_team_name(n)),
            "{} missing:\n{text}",
            big_team_name(n)
        );
    }
    let medallists: String = text
        .lines()
        .skip_while(|l| *l != "Multiple medallists")
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    for n in 0..12 {
        assert!(medallists.contains(&big_team_name(n)), "{medallists}");
    }
    assert!(!medallists.contains(&big_team_name(12)), "{medallists}");
}

/// Issue 14, item 10: the briefing listed the athletes with several medals as a paragraph-long
/// run of names; they are a table, one row each, with the medals in each view.
#[test]
fn multiple_medallists_are_a_table_in_the_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("athlete_events.csv");
    write_big_kaggle_team(&file);
    let out = dir.path().join("out");
    succeed(
        podium()
            .args(["report", "--noc", "BIG", "--games", "2012 Summer", "--from"])
            .arg(&file)
            .arg("--out")
            .arg(&out),
    );
    let text = support::pdf_file_text(&out.join("bigland-2012-summer").join("briefing.pdf"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let caption = lines
        .iter()
        .position(|l| l.contains("Multiple medallists, as awarded and now"))
        .unwrap_or_else(|| panic!("no table of multiple medallists:\n{text}"));
    assert!(!text.contains("Multiple medallists as awarded:"), "{text}");
    // The header, then one row per athlete, best record first: name (which may wrap in its
    // cell), sport, medals and total in each view.
    let table = lines[caption + 1..].join(" ");
    assert!(
        table.starts_with("Athlete Sport As awarded Total Now Total "),
        "{text}"
    );
    // Golds first, then silvers, then bronzes; of equal records by name ("…10" before "…8").
    let mut expected: Vec<(usize, String)> = (0..12).map(|n| (n / 4, big_team_name(n))).collect();
    expected.sort();
    let mut from = 0;
    for (colour, name) in expected {
        let medals = ["2 / 0 / 0", "0 / 2 / 0", "0 / 0 / 2"][colour];
        let row = format!("{name} Aquatics {medals} 2 {medals} 2");
        let at = table[from..]
            .find(&row)
            .unwrap_or_else(|| panic!("no row {row:?} after the row before:\n{text}"));
        from += at + row.len();
    }
}
