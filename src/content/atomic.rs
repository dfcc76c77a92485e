//! The one way tablica replaces a file (a document saved by the editor, a page of the output
//! the preview updates in place): the new bytes go to a hidden temporary file beside it,
//! which is then renamed over the old one, so a reader sees the old file or the new one,
//! never half of either. The temporary name holds `.tablica-tmp`, which the preview's watcher
//! ignores.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Whether the new bytes must be on the disk before the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Synced first: what a person wrote survives a power cut (the editor's saves).
    Synced,
    /// Left to the system: output that the next build writes again anyway.
    Unsynced,
}

/// Replaces `path` (whose folder exists) with `bytes`; on failure the old file is as it was
/// and no temporary file is left.
pub fn replace(path: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    let (temp, mut file) = temporary(path)?;
    let result = (|| {
        file.write_all(bytes)?;
        if durability == Durability::Synced {
            file.sync_all()?;
        }
        drop(file);
        rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A new hidden file beside `path`, never one that exists (a link put there is not followed).
fn temporary(path: &Path) -> io::Result<(PathBuf, fs::File)> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let temp = dir.join(format!(".{name}.tablica-tmp-{pid}-{n}"));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// How often a rename is tried: on Windows a file or folder just written may be held open for
/// a moment by a virus scanner or the search indexer, and renaming it then fails with
/// "access denied" (a window or terminal open in the folder holds it for good).
const RENAME_ATTEMPTS: u32 = if cfg!(windows) { 6 } else { 1 };

/// `fs::rename`, tried again for a moment while access is denied (see [`RENAME_ATTEMPTS`]).
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retry(RENAME_ATTEMPTS, || fs::rename(from, to))
}

/// Runs `op` up to `attempts` times while it fails with "permission denied", waiting longer
/// after each failure (0.1 s, 0.2 s, 0.4 s, …).
fn retry(attempts: u32, mut op: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    let mut tried = 1;
    loop {
        match op() {
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && tried < attempts => {
                std::thread::sleep(Duration::from_millis(50 << tried));
                tried += 1;
            }
            result => return result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("wpis.md");
        fs::write(&path, "stary").expect("old");
        // A leftover of a crashed earlier write is not reused.
        let pid = std::process::id();
        fs::write(
            dir.path().join(format!(".wpis.md.tablica-tmp-{pid}-0")),
            "x",
        )
        .expect("x");
        replace(&path, b"nowy", Durability::Synced).expect("replaced");
        assert_eq!(fs::read(&path).expect("read"), b"nowy");
        assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 2);
        // Into a folder that is gone: an error, nothing written.
        let gone = dir.path().join("nie-ma/wpis.md");
        assert!(replace(&gone, b"nowy", Durability::Unsynced).is_err());
    }

    #[test]
    fn renames_are_retried_only_while_access_is_denied() {
        let denied = || io::Error::from(io::ErrorKind::PermissionDenied);
        let mut calls = 0;
        let result = retry(3, || {
            calls += 1;
            if calls < 3 {
                Err(denied())
            } else {
                Ok(())
            }
        });
        assert!(result.is_ok());
        assert_eq!(calls, 3);

        calls = 0;
        let result = retry(2, || {
            calls += 1;
            Err(denied())
        });
        assert_eq!(
            result.map_err(|e| e.kind()),
            Err(io::ErrorKind::PermissionDenied)
        );
        assert_eq!(calls, 2, "gives up after the attempts");

        calls = 0;
        let result = retry(5, || {
            calls += 1;
            Err(io::Error::from(io::ErrorKind::NotFound))
        });
        assert!(result.is_err());
        assert_eq!(calls, 1, "other errors are not retried");
    }
}
