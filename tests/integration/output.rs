//! What podium writes and where, whatever it reads: a folder per nation even when two names
//! reduce to one, writes that fail halfway or on a full disk leave the folder as it was, a rerun
//! touches nothing, an `--out` that cannot be a folder is refused first, and the dates of the
//! output (SOURCE_DATE_EPOCH).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::{
    self, KAGGLE, KAGGLE as FIXTURE, MINI, Options, Run, earlier_output, member, write_team,
};

/// Long enough for any run here on a loaded machine; a run that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(120);

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
        Run::new(&["report", "--data"])
            .arg(data)
            .out(&out)
            .run()
            .stdout
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
    Run::new(&["charts", "--only", "ages", "--format", "png", "--data"])
        .arg(&cdi)
        .out(&out)
        .prints(coded.display().to_string())
        .run();
    assert_eq!(fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn a_write_that_fails_halfway_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    team_as(&data, "CIV", "Cote d'Ivoire", "gold");
    let out = dir.path().join("out");
    Run::new(&["report", "--data"]).arg(&data).out(&out).run();
    // New data (a silver for the gold), so that every file would change; stats.json is blocked
    // by a folder of that name, the last file written.
    team_as(&data, "CIV", "Cote d'Ivoire", "silver");
    let folder = out.join("cote-d-ivoire-2012-summer");
    fs::remove_file(folder.join("stats.json")).unwrap();
    fs::create_dir(folder.join("stats.json")).unwrap();
    Run::new(&["report", "--data"])
        .arg(&data)
        .out(&out)
        .fails(74)
        .says("stats.json")
        .writes_nothing()
        .run();
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
        Run::new(&["report", "--data", MINI])
            .env_remove("SOURCE_DATE_EPOCH")
            .out(&out)
            .run()
            .stdout
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

#[cfg(unix)]
#[test]
fn an_out_that_cannot_be_a_folder_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    Run::new(&["report"])
        .out(&dangling)
        .within(LIMIT)
        .fails(74)
        .says("is a link to")
        .says("which does not exist")
        .run();
    // A batch into a file stops before it renders anything, not once per nation.
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    Run::new(&["batch", "--games", "2012 Summer", "--from", KAGGLE])
        .out(&file)
        .within(LIMIT)
        .fails(74)
        .says("not a folder")
        .says_not("failed")
        .run();
}

#[test]
fn an_output_folder_that_cannot_be_made_is_an_io_error_and_nothing_else_changes() {
    let dir = tempfile::tempdir().unwrap();
    let out = earlier_output(dir.path());
    let before = support::listing(&out);
    // A file where the briefing's folder should be.
    let blocker = out.join("tuvalu-2012-summer");
    fs::write(&blocker, b"not a folder").unwrap();
    Run::new(&[
        "report",
        "--from",
        FIXTURE,
        "--noc",
        "TUV",
        "--games",
        "2012 Summer",
    ])
    .out(&out)
    .fails(74)
    .says("cannot access")
    .says("tuvalu-2012-summer")
    .writes_nothing()
    .run();
    let mut after = support::listing(&out);
    after.retain(|(p, _)| p != &blocker);
    assert_eq!(after, before);
    // --out on a device that is not a folder.
    Run::new(&[
        "report",
        "--from",
        FIXTURE,
        "--noc",
        "TUV",
        "--games",
        "2012 Summer",
    ])
    .args(&["--out", "/dev/null"])
    .fails(74)
    .run();
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_earlier_briefing_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = earlier_output(dir.path());
    let before = support::listing(&out);
    // A new dataset (another nation's medals) so that every file would change; each process may
    // write files of at most 20 KB, as on a disk with 20 KB free: the PDF cannot be written.
    let text = fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("\"Bronze\"", "\"Silver\"");
    let path = dir.path().join("athlete_events.csv");
    fs::write(&path, text).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("podium");
    let script = format!(
        "trap '' XFSZ; ulimit -f 20; exec '{}' report --noc KAZ --games '2012 Summer' --from '{}' --out '{}'",
        bin.display(),
        path.display(),
        out.display()
    );
    let done = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(
        done.status.code(),
        Some(74),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(
        err.contains("cannot access") && err.contains("briefing.pdf"),
        "{err}"
    );
    let after = support::listing(&out);
    // Nothing half-written: no temporary file, and the earlier PDF is untouched.
    assert!(
        after
            .iter()
            .all(|(p, _)| !p.to_string_lossy().ends_with(".tmp")),
        "{after:?}"
    );
    let pdf = |l: &[(PathBuf, Vec<u8>)]| {
        l.iter()
            .find(|(p, _)| p.ends_with("briefing.pdf"))
            .map(|(_, b)| b.clone())
            .unwrap()
    };
    assert!(pdf(&after) == pdf(&before));
}

#[test]
fn the_report_command_is_reproducible_with_source_date_epoch() {
    let out = tempfile::tempdir().unwrap();
    let run = || {
        Run::new(&["report"])
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .out(out.path())
            .run();
        let dir = out.path().join("kazakhstan-2012-summer");
        (
            std::fs::read(dir.join("briefing.pdf")).unwrap(),
            std::fs::read(dir.join("stats.json")).unwrap(),
            std::fs::read(dir.join("charts/history.svg")).unwrap(),
        )
    };
    assert_eq!(run(), run());
}

#[test]
fn bad_data_or_a_bad_date_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let data = support::copy_mini();
    let athletes = data.path().join("athletes.csv");
    let text = std::fs::read_to_string(&athletes)
        .unwrap()
        .replace("Bea Cole,F,", "Bea Cole,Q,");
    std::fs::write(&athletes, text).unwrap();
    Run::new(&["report", "--data"])
        .arg(data.path())
        .out(out.path())
        .fails(65)
        .writes_nothing()
        .run();
    Run::new(&["report"])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .out(out.path())
        .fails(2)
        .writes_nothing()
        .run();
    // The year 10000 is a whole number, but past what a PDF date can hold: said so, also for a
    // number too long for 64 bits.
    for epoch in ["253402300800", "99999999999999999999"] {
        Run::new(&["report"])
            .env("SOURCE_DATE_EPOCH", epoch)
            .out(out.path())
            .fails(2)
            .says("the end of the year 9999")
            .writes_nothing()
            .run();
    }
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // Set but empty is unset: the briefing is dated by its data.
    Run::new(&["report"])
        .env("SOURCE_DATE_EPOCH", "")
        .out(out.path())
        .run();
}
