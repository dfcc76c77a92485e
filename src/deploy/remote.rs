//! What `deploy` needs of a target: read a file, write one safely, delete one. SFTP, FTPS, a
//! folder and a Git working tree each provide it.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::messages::DeployError;

/// What went wrong on the target, as far as the protocol tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The server (or the file system) refused: no right to write or delete there.
    PermissionDenied,
    /// No space left, or the quota is used up.
    DiskFull,
    /// The file or folder is not there.
    NotFound,
    /// The connection broke or timed out.
    Connection,
    /// Any other refusal; the detail says more.
    Other,
}

/// A failed operation on the target. `path` is relative to the target's folder.
#[derive(Debug)]
pub struct RemoteError {
    pub problem: Problem,
    pub path: String,
    /// The server's or the system's own words.
    pub detail: String,
}

impl RemoteError {
    pub fn new(problem: Problem, path: &str, detail: impl Into<String>) -> Self {
        RemoteError {
            problem,
            path: path.to_string(),
            detail: detail.into(),
        }
    }

    /// From a local I/O error (a folder target, a Git working tree).
    pub fn io(path: &str, e: &io::Error) -> Self {
        // ENOSPC and EDQUOT on Linux; the same numbers on macOS for ENOSPC.
        const ENOSPC: i32 = 28;
        const EDQUOT: i32 = 122;
        let problem = match e.kind() {
            io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
            io::ErrorKind::NotFound => Problem::NotFound,
            _ if matches!(e.raw_os_error(), Some(ENOSPC | EDQUOT)) => Problem::DiskFull,
            _ => Problem::Other,
        };
        RemoteError::new(problem, path, e.to_string())
    }
}

/// A place the site is deployed to. Paths are relative to the site's folder there, with `/`.
pub trait Remote {
    /// The bytes of a file, or `None` when there is no such file.
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError>;
    /// Writes a file, creating its folders: first under a temporary name beside it, then
    /// renamed over the old file, so that a reader sees the old or the new file, never half.
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), RemoteError>;
    /// Deletes a file; one that is already gone is not an error.
    fn remove(&mut self, path: &str) -> Result<(), RemoteError>;
    /// Deletes a folder if it is empty; anything else is left as it is.
    fn remove_empty_dir(&mut self, path: &str);
    /// Ends the deploy (Git commits and pushes here); `summary` describes the change.
    fn finish(&mut self, summary: &str) -> Result<(), DeployError>;
}

/// The temporary name a file is written under before it is renamed: beside it, hidden, and
/// the same on every run, so that a rerun after a broken one reuses it.
pub fn temporary_name(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/.{name}.tablica-part"),
        None => format!(".{path}.tablica-part"),
    }
}

/// The folders of `path`, outermost first: `a/b/c.html` → `a`, `a/b`.
pub fn parent_dirs(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// A target that is a folder on this computer (or a mounted network drive).
pub struct LocalDir {
    root: PathBuf,
}

impl LocalDir {
    pub fn new(root: PathBuf) -> Self {
        LocalDir { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn full(&self, path: &str) -> PathBuf {
        self.root.join(path)
    }
}

impl Remote for LocalDir {
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        match fs::read(self.full(path)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(RemoteError::io(path, &e)),
        }
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), RemoteError> {
        let full = self.full(path);
        if let Some(dir) = full.parent() {
            fs::create_dir_all(dir).map_err(|e| RemoteError::io(path, &e))?;
        }
        let tmp = self.full(&temporary_name(path));
        fs::write(&tmp, bytes).map_err(|e| RemoteError::io(path, &e))?;
        fs::rename(&tmp, &full).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            RemoteError::io(path, &e)
        })
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        match fs::remove_file(self.full(path)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(RemoteError::io(path, &e)),
            _ => Ok(()),
        }
    }

    fn remove_empty_dir(&mut self, path: &str) {
        let _ = fs::remove_dir(self.full(path));
    }

    fn finish(&mut self, _summary: &str) -> Result<(), DeployError> {
        Ok(())
    }
}

/// Folders already made on a remote target in this run, so each is made once.
#[derive(Default)]
pub struct MadeDirs(HashSet<String>);

impl MadeDirs {
    /// Makes every folder of `full` (a path on the server, without the file name) that this
    /// run has not made yet, with `make`, outermost first.
    pub fn ensure<E>(
        &mut self,
        full: &str,
        mut make: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut dirs: Vec<&str> = parent_dirs(full).filter(|d| !d.is_empty()).collect();
        if !full.is_empty() {
            dirs.push(full);
        }
        for dir in dirs {
            if !self.0.contains(dir) {
                make(dir)?;
                self.0.insert(dir.to_string());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_sit_beside_the_file() {
        assert_eq!(temporary_name("index.html"), ".index.html.tablica-part");
        assert_eq!(
            temporary_name("a/b/index.html"),
            "a/b/.index.html.tablica-part"
        );
    }

    #[test]
    fn folders_are_made_once_outermost_first() {
        let mut made = MadeDirs::default();
        let mut calls = Vec::new();
        made.ensure::<()>("/www/a/b", |d| {
            calls.push(d.to_string());
            Ok(())
        })
        .unwrap();
        made.ensure::<()>("/www/a/c", |d| {
            calls.push(d.to_string());
            Ok(())
        })
        .unwrap();
        assert_eq!(calls, ["/www", "/www/a", "/www/a/b", "/www/a/c"]);
    }
}
