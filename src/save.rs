//! The only module that writes files. Every write is atomic: the bytes go to a temporary file in
//! the target's own directory, are flushed to disk, and the file is renamed over the target.
//! A reader (or a crash) therefore sees the old file or the new one, never half of one; the
//! temporary file is beside the target because a rename is atomic only within one file system.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Writes `bytes` to `path` atomically, creating the directories above it.
pub fn atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = parent(path);
    replace(path, bytes)?;
    sync_dir(dir);
    Ok(())
}

/// Writes several files atomically, each unless it already holds these bytes, syncing each
/// directory once at the end rather than after every file. Returns, per file, whether it wrote.
/// Stops at the first failure; the files written before it are whole.
pub fn many_if_changed(files: &[(&Path, &[u8])]) -> Result<Vec<bool>, Error> {
    let mut written = Vec::with_capacity(files.len());
    let mut dirs: Vec<&Path> = Vec::new();
    for &(path, bytes) in files {
        if holds(path, bytes) {
            written.push(false);
            continue;
        }
        replace(path, bytes)?;
        let dir = parent(path);
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
        written.push(true);
    }
    for dir in dirs {
        sync_dir(dir);
    }
    Ok(written)
}

/// Whether the file at `path` holds exactly `bytes` (it reads, never writes: `--check` asks it).
pub fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The temporary file, synced, renamed over the target; the directories above made first.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let temp = temp_path(path);
    // A temporary file left by a run that was killed is ours to replace.
    let _ = fs::remove_file(&temp);
    let result = write_and_sync(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if let Err(e) = result {
        // Never leave the temporary file behind; the target is untouched.
        let _ = fs::remove_file(&temp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// A rename is durable once its directory is synced (best effort: not every file system lets a
/// directory be opened for that).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes a file an earlier run wrote that this run would not write (a chart whose data is now
/// absent). Returns whether there was one.
pub fn remove_stale(path: &Path) -> Result<bool, Error> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn write_and_sync(temp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // create_new: never write through a file (or link) that appeared under the temporary name.
    let mut file: File = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("podium-save-{}", std::process::id()));
        let path = dir.join("a/b/chart.svg");
        atomically(&path, b"one").unwrap();
        atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["chart.svg"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_names_the_path() {
        let err = atomically(Path::new("/proc/podium-cannot-write-here/x.svg"), b"x").unwrap_err();
        assert_eq!(err.exit_code(), 74);
        assert!(
            err.to_string().contains("/proc/podium-cannot-write-here"),
            "{err}"
        );
    }
}
