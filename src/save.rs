//! The only module that writes files. Every write is atomic: the bytes go to a temporary file in
//! the target's own directory, are flushed to disk, and the file is renamed over the target.
//! A reader (or a crash) therefore sees the old file or the new one, never half of one; the
//! temporary file is beside the target because a rename is atomic only within one file system.
//! A briefing's folder is replaced the same way, as a whole (`folder`), so that a failure halfway
//! never leaves new files beside old ones.

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

/// What writing a folder's files would change, as `changes` finds it without writing and `folder`
/// reports it after writing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Every file given, as a path under the folder, in the order given, and whether it is new or
    /// holds other bytes on disk (`false`: it already holds these bytes and is left alone).
    pub files: Vec<(PathBuf, bool)>,
    /// The stale files present, which go.
    pub removed: Vec<PathBuf>,
}

impl Changes {
    /// Whether writing would change anything on disk.
    pub fn any(&self) -> bool {
        !self.removed.is_empty() || self.files.iter().any(|(_, changed)| *changed)
    }

    /// How many files are new or hold other bytes.
    pub fn written(&self) -> usize {
        self.files.iter().filter(|(_, changed)| *changed).count()
    }
}

/// What `folder` would change in `dir`, found without writing anything: which of `files` (paths
/// relative to `dir`, with their bytes) are new or differ, and which of `stale` are there to go.
/// A folder where a file goes (or a file where the folder goes) is an error naming it, as
/// `folder` would stop on it.
pub fn changes(
    dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
    stale: &[PathBuf],
) -> Result<Changes, Error> {
    if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::io(
            dir,
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a file stands where the briefing's folder goes: move it away, or choose another --out",
            ),
        ));
    }
    let mut changes = Changes::default();
    for (name, bytes) in files {
        let path = dir.join(name);
        let changed = match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(Error::io(path, e)),
            // A link is replaced by a file, never written through.
            Ok(m) if m.file_type().is_symlink() => true,
            Ok(m) if m.is_file() => !holds(&path, bytes),
            Ok(_) => {
                return Err(Error::io(
                    path,
                    std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        "something that is not a file stands where podium writes one: move it away",
                    ),
                ));
            }
        };
        changes.files.push((path, changed));
    }
    for name in stale {
        let path = dir.join(name);
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            changes.removed.push(path);
        }
    }
    Ok(changes)
}

/// Makes the folder `dir` hold `files` (paths relative to it) and none of `stale`, all at once or
/// not at all, and returns what changed. When nothing would change, nothing is touched. Otherwise
/// the new folder is built beside the old one (files that stay are hard links to the old ones, so
/// they keep their dates, and files podium does not write, such as PNG charts, stay too), synced,
/// and put in the old one's place by renames: a failure at any point leaves the old folder as it
/// was and no temporary folder behind.
pub fn folder(
    dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
    stale: &[PathBuf],
) -> Result<Changes, Error> {
    let changes = changes(dir, files, stale)?;
    if !changes.any() {
        return Ok(changes);
    }
    let parent = parent(dir);
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging = parent.join(format!(".{name}.{}.new", std::process::id()));
    // A folder left by a run that was killed is ours to replace.
    let _ = fs::remove_dir_all(&staging);
    let result = fill(&staging, dir, files, &changes).and_then(|()| swap(dir, &staging));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result?;
    sync_dir(parent);
    Ok(changes)
}

/// The new folder at `staging`: what stays of `dir`, linked, and the new files written and synced.
fn fill(
    staging: &Path,
    dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
    changes: &Changes,
) -> Result<(), Error> {
    fs::create_dir(staging).map_err(|e| Error::io(staging, e))?;
    let replaced: Vec<&Path> = changes
        .files
        .iter()
        .filter(|(_, changed)| *changed)
        .map(|(path, _)| path.as_path())
        .chain(changes.removed.iter().map(PathBuf::as_path))
        .collect();
    if fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
        link_tree(dir, staging, &replaced)?;
    }
    let mut dirs = vec![staging.to_path_buf()];
    for ((name, bytes), (target, changed)) in files.iter().zip(&changes.files) {
        if !changed {
            continue;
        }
        let path = staging.join(name);
        let sub = parent(&path);
        if !dirs.iter().any(|d| d == sub) {
            fs::create_dir_all(sub).map_err(|e| Error::io(target, e))?;
            dirs.push(sub.to_path_buf());
        }
        // A failure names the file the user knows, not the staging folder.
        write_and_sync(&path, bytes).map_err(|e| Error::io(target, e))?;
    }
    for d in &dirs {
        sync_dir(d);
    }
    Ok(())
}

/// Recreates the tree under `from` in `to` with hard links (a copy where the file system has none),
/// leaving out the paths in `skip`.
fn link_tree(from: &Path, to: &Path, skip: &[&Path]) -> Result<(), Error> {
    for entry in fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let (old, new) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().map_err(|e| Error::io(&old, e))?;
        if kind.is_dir() {
            fs::create_dir(&new).map_err(|e| Error::io(&new, e))?;
            link_tree(&old, &new, skip)?;
        } else if !skip.contains(&old.as_path()) {
            let linked = fs::hard_link(&old, &new).or_else(|e| {
                if kind.is_file() {
                    fs::copy(&old, &new).map(drop)
                } else {
                    Err(e)
                }
            });
            linked.map_err(|e| Error::io(&old, e))?;
        }
    }
    Ok(())
}

/// Puts the folder at `staging` in the place of `dir`. Two renames, the old folder aside and the
/// new one in: a reader sees the old folder or the new one (or, for that instant, none), never a
/// mix; should the second fail, the old folder goes back.
fn swap(dir: &Path, staging: &Path) -> Result<(), Error> {
    if fs::symlink_metadata(dir).is_err() {
        return fs::rename(staging, dir).map_err(|e| Error::io(dir, e));
    }
    let aside = staging.with_extension("old");
    let _ = fs::remove_dir_all(&aside);
    fs::rename(dir, &aside).map_err(|e| Error::io(dir, e))?;
    if let Err(e) = fs::rename(staging, dir) {
        let _ = fs::rename(&aside, dir);
        return Err(Error::io(dir, e));
    }
    // The old files that stay are linked from the new folder; the rest go with it.
    let _ = fs::remove_dir_all(&aside);
    Ok(())
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
