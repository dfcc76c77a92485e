//! Cleaning up after builds that were killed: their staging folders (see [`super::Staging`])
//! are removed by the next build into the same place, once it is sure their build has ended.

use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::content::file;

use super::{MARKER, STAGING_MARK};

/// A staging folder whose build's process cannot be looked up (see [`process_alive`]) is
/// abandoned when it was made this long ago: builds take minutes, not hours.
const ABANDONED_AFTER: Duration = Duration::from_secs(6 * 60 * 60);

/// Removes staging folders left by builds that were killed: only folders with the staging
/// name that hold [`MARKER`], which tablica wrote, or nothing. `alive` tells whether the
/// build that made one still runs, where that can be told.
pub(super) fn remove_abandoned(parent: &Path, name: &str, alive: impl Fn(u32) -> Option<bool>) {
    let prefix = format!(".{name}{STAGING_MARK}");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let marker = entry.path().join(MARKER);
        // The marker is written when the folder is made, and never again.
        let age = fs::symlink_metadata(&marker)
            .or_else(|_| fs::symlink_metadata(entry.path()))
            .and_then(|m| m.modified())
            .ok()
            .and_then(|made| made.elapsed().ok());
        if !abandoned(pid.map_or(Some(false), &alive), age) {
            continue;
        }
        if file::is_regular(&marker) {
            let _ = fs::remove_dir_all(entry.path());
        } else {
            // Killed before its marker was written: deleted only if empty.
            let _ = fs::remove_dir(entry.path());
        }
    }
}

/// Whether a staging folder is abandoned: its build is known to have ended, or, where that
/// cannot be told, the folder is older than [`ABANDONED_AFTER`].
fn abandoned(alive: Option<bool>, age: Option<Duration>) -> bool {
    match alive {
        Some(alive) => !alive,
        None => age.is_some_and(|age| age >= ABANDONED_AFTER),
    }
}

/// Whether the process `pid` runs: known from /proc on Linux; `None` where there is no /proc
/// (macOS, Windows, a chroot without it).
pub(super) fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc = Path::new("/proc");
    proc.join("self")
        .exists()
        .then(|| proc.join(pid.to_string()).exists())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A staging folder of the build with process `pid`, made `age` ago.
    fn staging_folder(parent: &Path, pid: u32, age: Duration) -> PathBuf {
        let dir = parent.join(format!(".public{STAGING_MARK}{pid}-1"));
        fs::create_dir(&dir).expect("mkdir");
        let marker = fs::File::create(dir.join(MARKER)).expect("marker");
        let made = std::time::SystemTime::now() - age;
        marker.set_modified(made).expect("set the marker's time");
        dir
    }

    #[test]
    fn abandoned_staging_folders_are_removed_by_process_or_by_age() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let hour = Duration::from_secs(3600);
        // Where processes cannot be looked up (macOS, Windows): by age.
        let young = staging_folder(tmp.path(), 1, hour);
        let old = staging_folder(tmp.path(), 2, 7 * hour);
        remove_abandoned(tmp.path(), "public", |_| None);
        assert!(
            young.exists(),
            "a folder of a build that may still run is kept"
        );
        assert!(!old.exists(), "a folder older than any build is removed");
        // Where they can: by the process, whatever the folder's age.
        remove_abandoned(tmp.path(), "public", |pid| Some(pid == 1));
        assert!(young.exists(), "the folder of a running build is kept");
        remove_abandoned(tmp.path(), "public", |_| Some(false));
        assert!(!young.exists(), "the folder of an ended build is removed");
    }

    #[test]
    fn this_process_is_alive_where_processes_can_be_looked_up() {
        assert_eq!(process_alive(std::process::id()), Some(true));
        if Path::new("/proc/self").exists() {
            assert_eq!(process_alive(u32::MAX), Some(false));
        }
    }
}
