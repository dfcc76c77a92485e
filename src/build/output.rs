//! Writing the output atomically: the site is built in a staging folder beside the target
//! and swapped in whole, so a failed or killed build leaves the previous output as it was.
//!
//! Swapping deletes the previous folder, so tablica first makes sure it wrote everything in
//! it: every output (and staging) folder holds [`MARKER`], the list of the files the build
//! wrote. A target that holds anything else (a folder tablica never built into, or a file
//! someone added since) is refused, naming what would be lost, unless the user asks for it to
//! be replaced (`build --replace-output`). Targets inside the site's own folders are always
//! refused.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::content::atomic::{self, rename, Durability};
use crate::content::file;
use crate::fingerprint;
use crate::locale::catalogue::Output as M;
use crate::locale::{msg, Message};

use super::last_build;
use super::options::CACHE_DIR;
use abandoned::{process_alive, remove_abandoned};

/// Errors while writing the output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{}", self.message())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}", self.message())]
    UnsafeTarget { path: PathBuf, reason: M },
    #[error("{}", self.message())]
    Foreign {
        path: PathBuf,
        /// How many files (counting stops at [`MAX_FOREIGN_COUNTED`]).
        count: usize,
        /// The first few, relative to `path`.
        sample: Vec<String>,
    },
}

/// "1 file", "12 files", "more than 10000 files".
fn files(count: usize) -> Message {
    match count {
        n if n >= MAX_FOREIGN_COUNTED => msg!(M::ManyFiles, max = MAX_FOREIGN_COUNTED),
        n => msg!(M::FileCount, count = n),
    }
}

/// "a.txt, b/c.txt and 10 more".
fn list(sample: &[String], count: usize) -> Message {
    let shown = sample.join(", ");
    match count.saturating_sub(sample.len()) {
        0 => Message::text(shown),
        more => msg!(M::ListMore, shown = shown, more = more),
    }
}

/// The file in every folder tablica builds into: the list of the files it wrote there.
pub const MARKER: &str = ".tablica-output";
/// The first line of [`MARKER`].
const MARKER_HEADER: &str =
    "# Written by tablica build. The next build replaces this folder; the files it wrote:";
/// How many foreign files are named in an error.
const FOREIGN_SHOWN: usize = 5;
/// Counting foreign files stops here (the output may have been pointed at a home folder).
const MAX_FOREIGN_COUNTED: usize = 10_000;

impl OutputError {
    fn message(&self) -> Message {
        match self {
            OutputError::Io { path, source } => msg!(
                M::CannotWrite,
                path = path.display().to_string(),
                error = source.to_string()
            ),
            OutputError::UnsafeTarget { path, reason } => msg!(
                M::UnsafeTarget,
                path = path.display().to_string(),
                reason = Message::new(*reason)
            ),
            OutputError::Foreign {
                path,
                count,
                sample,
            } => msg!(
                M::Foreign,
                path = path.display().to_string(),
                files = files(*count),
                list = list(sample, *count)
            ),
        }
    }

    /// What to do about the error, where something useful can be said.
    pub fn hint(&self) -> Option<Message> {
        let hint = match self {
            OutputError::Io { source, .. } => io_hint(source)?,
            OutputError::UnsafeTarget { .. } => M::UnsafeTargetHint,
            OutputError::Foreign { .. } => M::ForeignHint,
        };
        Some(hint.into())
    }
}

/// A hint for the I/O errors an editor can do something about, by the error's kind, which
/// the standard library works out from the system's error number on Linux, macOS and Windows
/// alike (a full disk is ENOSPC on one and ERROR_DISK_FULL on another).
fn io_hint(e: &io::Error) -> Option<M> {
    use io::ErrorKind as Kind;
    match e.kind() {
        Kind::StorageFull | Kind::QuotaExceeded => Some(M::DiskFull),
        Kind::ReadOnlyFilesystem => Some(M::ReadOnly),
        // Creating a folder where a file of that name exists.
        Kind::NotADirectory | Kind::AlreadyExists => Some(M::PathHasFile),
        Kind::InvalidFilename => Some(M::NameTooLong),
        Kind::PermissionDenied => Some(M::NoPermission),
        _ => None,
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

const STAGING_MARK: &str = ".tablica-tmp-";

mod abandoned;
mod spare;

/// A folder the new output is written into before it replaces the target.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// The site's spare output (see [`spare`]).
    spare: PathBuf,
    /// When the folder is the output before last, taken to be written over (see [`spare`]):
    /// what this build wrote into it; the rest is deleted before the swap.
    written: Option<spare::Written>,
}

impl Staging {
    /// Creates a staging folder beside `target` (same file system, so the swap is a rename):
    /// the output before last when a previous swap kept it (see [`spare`]), else an empty one.
    /// Refuses targets that would replace the site's own sources, and, unless `replace`,
    /// targets holding files tablica did not write.
    pub fn new(target: &Path, site_root: &Path, replace: bool) -> Result<Self, OutputError> {
        let target = checked_target(target, site_root)?;
        if !replace {
            // An output as the last build left it is tablica's even without the list: that is
            // how outputs of versions before the list are recognised.
            refuse_foreign(&target).or_else(|foreign| {
                match last_build::wrote(&site_root.join(CACHE_DIR), &target) {
                    true => Ok(()),
                    false => Err(foreign),
                }
            })?;
        }
        let parent = target.parent().ok_or_else(|| OutputError::UnsafeTarget {
            path: target.clone(),
            reason: M::RootOfFs,
        })?;
        fs::create_dir_all(parent).map_err(io_err(parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        remove_abandoned(parent, &name, process_alive);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = parent.join(format!(
            ".{name}{STAGING_MARK}{}-{nanos}",
            std::process::id()
        ));
        let spare = spare::of_site(site_root);
        let recycled = spare::take(&spare, &dir);
        if !recycled {
            fs::create_dir(&dir).map_err(io_err(&dir))?;
        }
        // Marks the folder as tablica's, so an abandoned one may be deleted. Empty: it takes no
        // space on a nearly full disk, and commit writes the list.
        write_file(&dir.join(MARKER), b"")?;
        Ok(Staging {
            target,
            dir,
            committed: false,
            spare,
            written: recycled.then(spare::Written::default),
        })
    }

    /// Whether the staging folder is the output before last, written over: then every file
    /// the build puts there other than by [`Staging::write`] must be [`Staging::keep`]t.
    pub fn recycled(&self) -> bool {
        self.written.is_some()
    }

    /// Notes files (relative) the build put in the staging folder itself, so that the commit
    /// of a [`Staging::recycled`] one keeps them.
    pub fn keep<'a>(&self, files: impl IntoIterator<Item = &'a PathBuf>) {
        if let Some(written) = &self.written {
            written.note(files.into_iter().cloned());
        }
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` to `rel` inside the staging folder, creating folders as needed.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.dir.join(rel);
        let Some(written) = &self.written else {
            return write_file(&path, bytes);
        };
        spare::overwrite(&self.dir, &path, bytes).map_err(io_err(&path))?;
        written.note([rel.to_path_buf()]);
        Ok(())
    }

    /// Replaces the target with the staging folder, listing its files in [`MARKER`]. The
    /// previous output is kept as the spare (see [`spare`]) or, where it cannot be, deleted by
    /// a thread of its own meanwhile: the build goes on with its last steps and
    /// [`Removal::wait`]s for it at the end.
    pub fn commit(mut self) -> Result<Committed, OutputError> {
        if let Some(written) = &self.written {
            written.prune(&self.dir);
        }
        let hash = write_manifest(&self.dir)?;
        let removal = swap_into_place(&self.dir, &self.target, &self.spare)?;
        self.committed = true;
        Ok(Committed { removal, hash })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Where a build writes: a staging folder swapped in whole at the end (`build`), or a folder
/// updated file by file (the private folder `serve` serves, where a rebuild rewrites only
/// what changed; each file is replaced atomically so no reader sees half of it).
#[derive(Debug)]
pub enum Output {
    Staging(Staging),
    InPlace(PathBuf),
}

impl Output {
    /// Prepares the output folder `target` of the site at `site_root`; `replace` allows
    /// replacing a folder that holds files tablica did not write (see [`Staging::new`]).
    pub fn new(
        target: &Path,
        site_root: &Path,
        in_place: bool,
        replace: bool,
    ) -> Result<Self, OutputError> {
        if !in_place {
            return Staging::new(target, site_root, replace).map(Output::Staging);
        }
        // Updated in place, only the files of the last build are ever deleted.
        let target = checked_target(target, site_root)?;
        fs::create_dir_all(&target).map_err(io_err(&target))?;
        Ok(Output::InPlace(target))
    }

    /// The folder files are written into.
    pub fn path(&self) -> &Path {
        match self {
            Output::Staging(s) => s.path(),
            Output::InPlace(dir) => dir,
        }
    }

    /// Whether the build writes over the output before last (see [`Staging::recycled`]).
    pub fn recycled(&self) -> bool {
        matches!(self, Output::Staging(s) if s.recycled())
    }

    /// Notes files the build put in the folder other than by [`Output::write`] (see
    /// [`Staging::keep`]).
    pub fn keep<'a>(&self, files: impl IntoIterator<Item = &'a PathBuf>) {
        if let Output::Staging(s) = self {
            s.keep(files);
        }
    }

    /// Copies the file `source` to `rel` inside the output folder: a new file when the build
    /// writes over the output before last, never into the data of one of the same name.
    pub fn copy(&self, source: &Path, rel: &Path) -> Result<(), OutputError> {
        let dest = self.path().join(rel);
        if self.recycled() {
            let _ = fs::remove_file(&dest);
        }
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        fs::copy(source, &dest).map_err(io_err(source))?;
        self.keep([&rel.to_path_buf()]);
        Ok(())
    }

    /// Writes `bytes` to `rel` inside the output folder.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        match self {
            Output::Staging(s) => s.write(rel, bytes),
            Output::InPlace(dir) => replace_file(&dir.join(rel), bytes),
        }
    }

    /// Finishes the output: swaps the staging folder in, or lists the files of the folder
    /// updated in place.
    pub fn commit(self) -> Result<Committed, OutputError> {
        match self {
            Output::Staging(s) => s.commit(),
            Output::InPlace(dir) => write_manifest(&dir).map(|hash| Committed {
                removal: Removal(None),
                hash,
            }),
        }
    }
}

/// A finished output: the deletion of the one it replaced, and its [`output_hash`], taken in
/// the same walk that listed its files.
#[derive(Debug)]
#[must_use = "wait for the previous output to be deleted"]
pub struct Committed {
    pub removal: Removal,
    pub hash: String,
}

/// The deletion of a previous output, swapped out by a commit, on a thread of its own. A build
/// killed before it ends leaves the rest of that folder under its staging name, and the next
/// build into the same place deletes it (see [`remove_abandoned`]).
#[derive(Debug)]
#[must_use = "wait for the previous output to be deleted"]
pub struct Removal(Option<std::thread::JoinHandle<()>>);

impl Removal {
    /// Deletes the folder `old` on a new thread (or here, when no thread can be started).
    fn start(old: PathBuf) -> Self {
        let spawned = std::thread::Builder::new()
            .name("remove-old-output".into())
            .spawn({
                let old = old.clone();
                move || {
                    let _ = fs::remove_dir_all(old);
                }
            });
        match spawned {
            Ok(thread) => Removal(Some(thread)),
            Err(_) => {
                let _ = fs::remove_dir_all(old);
                Removal(None)
            }
        }
    }

    /// Waits until the previous output is deleted.
    pub fn wait(self) {
        if let Some(thread) = self.0 {
            let _ = thread.join();
        }
    }
}

/// Lists the files of the output folder `dir` in its [`MARKER`].
fn write_manifest(dir: &Path) -> Result<String, OutputError> {
    let mut manifest = String::from(MARKER_HEADER);
    let hash = tree_hash(dir, |file| {
        manifest.push('\n');
        manifest.push_str(&crate::url::slash_path(file));
    });
    replace_file(&dir.join(MARKER), manifest.as_bytes())?;
    Ok(hash)
}

/// The fingerprint of the output folder `dir`, but for the list of its files ([`MARKER`]),
/// which versions of tablica before it did not write: see [`last_build`].
pub fn output_hash(dir: &Path) -> String {
    tree_hash(dir, |_| {})
}

/// [`output_hash`], telling `file` each file's path relative to `dir` on the way.
fn tree_hash(dir: &Path, file: impl FnMut(&Path)) -> String {
    let is_marker = |e: &walkdir::DirEntry| e.depth() == 1 && e.file_name() == MARKER;
    format!(
        "{:016x}",
        fingerprint::of_tree_listing(dir, is_marker, file)
    )
}

/// Writes a file through a temporary file beside it, renamed over the old one.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    atomic::replace(path, bytes, Durability::Unsynced).map_err(io_err(path))
}

/// Writes a file, creating its folder.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    fs::write(path, bytes).map_err(io_err(path))
}

/// Moves `new` to `target`. On Linux an existing target is exchanged atomically
/// (renameat2 RENAME_EXCHANGE), and the old content kept as the spare the next build writes
/// over (see [`spare`]), or, when it cannot be, removed (see [`Removal`]).
fn swap_into_place(new: &Path, target: &Path, spare: &Path) -> Result<Removal, OutputError> {
    if !target.exists() {
        return rename(new, target)
            .map(|()| Removal(None))
            .map_err(io_err(target));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        if renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `new` now holds the previous output.
            if spare::keep(new, spare) {
                return Ok(Removal(None));
            }
            return Ok(Removal::start(new.to_path_buf()));
        }
    }
    // Elsewhere (macOS, Windows): move the old output aside, move the new one in, delete the
    // old one.
    let mut aside = new.as_os_str().to_owned();
    aside.push("-old");
    let aside = PathBuf::from(aside);
    rename(target, &aside).map_err(io_err(target))?;
    if let Err(e) = rename(new, target) {
        let _ = rename(&aside, target);
        return Err(io_err(target)(e));
    }
    Ok(Removal::start(aside))
}

/// `target` made absolute, if it is not the site, inside it, or inside its `content/` or
/// `themes/` folder, or another site.
fn checked_target(target: &Path, site_root: &Path) -> Result<PathBuf, OutputError> {
    let target = absolute(target);
    let root = absolute(site_root);
    let refuse = |reason| {
        Err(OutputError::UnsafeTarget {
            path: target.clone(),
            reason,
        })
    };
    if root.starts_with(&target) {
        return refuse(M::HoldsSite);
    }
    let folders = [
        (crate::content::CONTENT_DIR, M::InContent),
        ("themes", M::InThemes),
        (crate::content::EDITOR_DIR, M::InEditorFolder),
    ];
    for (dir, reason) in folders {
        if target.starts_with(root.join(dir)) {
            return refuse(reason);
        }
    }
    if target.join("content").join("site.yaml").exists() {
        return refuse(M::HoldsAnotherSite);
    }
    match fs::symlink_metadata(&target) {
        Ok(m) if !m.is_dir() => refuse(M::IsAFile),
        _ => Ok(target),
    }
}

/// Refuses a `target` that holds files tablica did not write: every file when it has no
/// [`MARKER`], else those the marker does not list.
fn refuse_foreign(target: &Path) -> Result<(), OutputError> {
    if !target.is_dir() {
        return Ok(());
    }
    let marker = file::read(&target.join(MARKER), file::MAX_RECORD_BYTES).unwrap_or_default();
    let marker = String::from_utf8_lossy(&marker);
    let mut lines = marker.lines();
    let written: HashSet<&str> = if lines.next() == Some(MARKER_HEADER) {
        lines.collect()
    } else {
        HashSet::new()
    };
    let mut count = 0;
    let mut sample = Vec::new();
    for f in files_in(target) {
        if written.contains(f.as_str()) || f == MARKER {
            continue;
        }
        count += 1;
        if sample.len() < FOREIGN_SHOWN {
            sample.push(f);
        }
        if count >= MAX_FOREIGN_COUNTED {
            break;
        }
    }
    if count == 0 {
        return Ok(());
    }
    Err(OutputError::Foreign {
        path: target.to_path_buf(),
        count,
        sample,
    })
}

/// Every entry under `dir` that is not a folder (files, links, …), relative, with `/`, in
/// name order. Unreadable entries are listed by their name too.
fn files_in(dir: &Path) -> impl Iterator<Item = String> + '_ {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_map(move |e| {
            let (path, is_dir) = match &e {
                Ok(e) => (e.path(), e.file_type().is_dir()),
                Err(e) => (e.path()?, false),
            };
            let rel = path.strip_prefix(dir).ok()?;
            (!is_dir).then(|| crate::url::slash_path(rel))
        })
}

fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    // Resolve `..` and symlinks of the existing part, so comparisons are meaningful.
    match abs.canonicalize() {
        Ok(c) => c,
        Err(_) => match (
            abs.parent().and_then(|d| d.canonicalize().ok()),
            abs.file_name(),
        ) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => abs,
        },
    }
}

#[cfg(test)]
mod tests;
