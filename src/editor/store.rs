//! The editor's files: every path it is given confined to `content/`, saves that are atomic
//! (a temporary file, synced, then renamed over the old one), refused when the file changed
//! since it was opened, the previous version kept in `.redakcja/historia/`, and deletion as a
//! move into `.redakcja/kosz/`, from where it can be restored.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::content::atomic::{self, Durability};
pub use crate::content::EDITOR_DIR;
use crate::content::{file, CONTENT_DIR, MAX_TEXT_BYTES};

const HISTORY: &str = "historia";
const BIN: &str = "kosz";
/// The sections whose documents the editor writes.
pub const SECTIONS: &[&str] = &["posts", "projects", "pages"];
/// Characters of a path the editor takes at most.
const MAX_PATH: usize = 400;

/// Why the editor did not read or write a file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the path is not a document under content/")]
    BadPath,
    #[error("{} is a symbolic link", .0.display())]
    Link(PathBuf),
    #[error("the file does not exist")]
    Missing,
    #[error("a file of that name exists already")]
    Exists,
    #[error("the file changed since it was opened")]
    Conflict { theirs: String, hash: String },
    #[error("cannot read the file: {0}")]
    Read(#[from] file::ReadError),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// A short fingerprint of a file's bytes, sent with the form to notice a concurrent change.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

/// A version kept in the history or a file in the bin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Its name in the history folder, or its path in the bin (`<time>/posts/x.md`).
    pub id: String,
    pub size: u64,
}

/// The site's documents, as the editor reads and writes them.
pub struct Store {
    root: PathBuf,
    content: PathBuf,
    /// One write at a time: the check for a concurrent change and the rename are one step.
    writing: Mutex<()>,
}

impl Store {
    pub fn new(root: &Path) -> Self {
        Store {
            root: root.to_path_buf(),
            content: root.join(CONTENT_DIR),
            writing: Mutex::new(()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The absolute path of the document `rel` (relative to `content/`): a `.md` file in a
    /// section, no `..`, no hidden or empty part, no link on the way.
    pub fn confine(&self, rel: &str) -> Result<PathBuf, StoreError> {
        let rel_path = checked_relative(rel)?;
        let mut parts = rel_path.components();
        let section = parts.next().and_then(|c| c.as_os_str().to_str());
        if !section.is_some_and(|s| SECTIONS.contains(&s))
            || rel_path.extension().is_none_or(|e| e != "md")
            || rel_path.components().count() < 2
        {
            return Err(StoreError::BadPath);
        }
        let path = self.content.join(&rel_path);
        no_links_between(&self.content, &path)?;
        Ok(path)
    }

    /// The text of a document and its fingerprint.
    pub fn read(&self, rel: &str) -> Result<(String, String), StoreError> {
        let path = self.confine(rel)?;
        let bytes = read_bytes(&path)?.ok_or(StoreError::Missing)?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok((text, hash(&bytes)))
    }

    /// Writes `text` to `rel` if its current fingerprint is `expected` (the one it had when it
    /// was opened), keeping the current version in the history first. Returns the new
    /// fingerprint. Saving what the file already holds writes nothing.
    pub fn save(&self, rel: &str, text: &str, expected: &str) -> Result<String, StoreError> {
        let path = self.confine(rel)?;
        let _guard = self.lock();
        let current = read_bytes(&path)?.ok_or(StoreError::Missing)?;
        let now = hash(&current);
        if now != expected {
            return Err(StoreError::Conflict {
                theirs: String::from_utf8_lossy(&current).into_owned(),
                hash: now,
            });
        }
        if current == text.as_bytes() {
            return Ok(now);
        }
        self.keep(rel, &current)?;
        write_atomic(&path, text.as_bytes())?;
        Ok(hash(text.as_bytes()))
    }

    /// Creates the document `rel` with `text`; never replaces a file.
    pub fn create(&self, rel: &str, text: &str) -> Result<String, StoreError> {
        let path = self.confine(rel)?;
        let _guard = self.lock();
        if fs::symlink_metadata(&path).is_ok() {
            return Err(StoreError::Exists);
        }
        if let Some(parent) = path.parent() {
            create_dirs(&self.content, parent)?;
        }
        write_atomic(&path, text.as_bytes())?;
        Ok(hash(text.as_bytes()))
    }

    /// Makes the single-file document `rel` (`posts/x.md`) a bundle (`posts/x/index.md`), so
    /// that files can go beside it; a bundle stays as it is. Returns the document's path.
    pub fn make_bundle(&self, rel: &str) -> Result<String, StoreError> {
        let path = self.confine(rel)?;
        if crate::content::is_bundle_index(&path) {
            return Ok(rel.to_string());
        }
        let bundle = format!("{}/index.md", rel.trim_end_matches(".md"));
        let to = self.confine(&bundle)?;
        let _guard = self.lock();
        let folder = to.parent().ok_or(StoreError::BadPath)?;
        if fs::symlink_metadata(folder).is_ok() {
            return Err(StoreError::Exists);
        }
        fs::create_dir(folder).map_err(write_error(folder))?;
        fs::rename(&path, &to).map_err(write_error(&path))?;
        Ok(bundle)
    }

    /// Writes the file `name` (a plain file name) beside the bundle `rel`, under a free name
    /// (`name-2.jpg`…); returns the name used.
    pub fn add_file(&self, rel: &str, name: &str, bytes: &[u8]) -> Result<String, StoreError> {
        let path = self.confine(rel)?;
        let folder = path.parent().ok_or(StoreError::BadPath)?;
        if checked_relative(name)?.components().count() != 1 || name.ends_with(".md") {
            return Err(StoreError::BadPath);
        }
        let _guard = self.lock();
        let (stem, ext) = match name.rsplit_once('.') {
            Some((stem, ext)) => (stem, format!(".{ext}")),
            None => (name, String::new()),
        };
        let free = free_name(stem, &ext, |n| taken(&folder.join(n))).ok_or(StoreError::Exists)?;
        write_atomic(&folder.join(&free), bytes)?;
        Ok(free)
    }

    /// The file `name` (`a.jpg`, `zdjecia/a.jpg`) beside the document `rel`, confined to the
    /// document's folder: no `..`, no hidden part, no link on the way, not the document.
    pub fn beside(&self, rel: &str, name: &str) -> Result<PathBuf, StoreError> {
        let document = self.confine(rel)?;
        let folder = document.parent().ok_or(StoreError::BadPath)?;
        // `./a.jpg` is `a.jpg`, as the build reads it.
        let name: Vec<&str> = name.split('/').filter(|part| *part != ".").collect();
        let path = folder.join(checked_relative(&name.join("/"))?);
        if path == document {
            return Err(StoreError::BadPath);
        }
        no_links_between(&self.content, &path)?;
        Ok(path)
    }

    /// Moves the file `name` beside the document `rel` into the bin (`<time>/posts/x/a.jpg`),
    /// from where [`Store::restore`] puts it back.
    pub fn discard(&self, rel: &str, name: &str) -> Result<String, StoreError> {
        let from = self.beside(rel, name)?;
        let _guard = self.lock();
        if !fs::symlink_metadata(&from).is_ok_and(|m| m.is_file()) {
            return Err(StoreError::Missing);
        }
        let rel_from = from
            .strip_prefix(&self.content)
            .map_err(|_| StoreError::BadPath)?;
        self.move_to_bin(&from, rel_from)
    }

    /// Moves `from` (at `rel_from` under `content/`) into a new folder of the bin.
    fn move_to_bin(&self, from: &Path, rel_from: &Path) -> Result<String, StoreError> {
        let id = Path::new(&stamp()).join(rel_from);
        let to = self.own_dir().join(BIN).join(&id);
        if let Some(parent) = to.parent() {
            create_dirs(&self.own_dir(), parent)?;
        }
        fs::rename(from, &to).map_err(write_error(from))?;
        Ok(id.to_string_lossy().replace('\\', "/"))
    }

    /// Whether a document exists at `rel`.
    pub fn exists(&self, rel: &str) -> bool {
        self.confine(rel).is_ok_and(|p| taken(&p))
    }

    /// A free path for a new document named `name` in `section`: `section/name.md`, or
    /// `name-2.md`…, taken neither by a file nor by a bundle (`name/index.md`).
    pub fn free_document(&self, section: &str, name: &str) -> Result<String, StoreError> {
        free_name(&format!("{section}/{name}"), ".md", |rel| {
            let stem = rel.trim_end_matches(".md");
            self.exists(rel) || self.exists(&format!("{stem}/index.md"))
        })
        .ok_or(StoreError::Exists)
    }

    /// The editor's own folder, `.redakcja/`.
    fn own_dir(&self) -> PathBuf {
        self.root.join(EDITOR_DIR)
    }

    /// The history folder of `rel`; refused when a link is on the way to it (the history
    /// would be read from, or written to, somewhere outside the site).
    fn history_dir(&self, rel: &str) -> Result<PathBuf, StoreError> {
        let dir = self.own_dir().join(HISTORY).join(rel);
        no_links_between(&self.own_dir(), &dir)?;
        Ok(dir)
    }

    /// Keeps `bytes` as a version of `rel` in the history.
    fn keep(&self, rel: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let dir = self.history_dir(rel)?;
        create_dirs(&self.own_dir(), &dir)?;
        let name = free_name(&stamp(), ".md", |n| taken(&dir.join(n))).ok_or(StoreError::Exists)?;
        let path = dir.join(name);
        write_atomic(&path, bytes)
    }

    /// The versions of `rel` kept in the history, newest first.
    pub fn history(&self, rel: &str) -> Result<Vec<Kept>, StoreError> {
        self.confine(rel)?;
        let mut versions: Vec<Kept> = fs::read_dir(self.history_dir(rel)?)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let id = e.file_name().into_string().ok()?;
                let size = e.metadata().ok()?.len();
                Some(Kept { id, size })
            })
            .collect();
        versions.sort_by(|a, b| b.id.cmp(&a.id));
        Ok(versions)
    }

    /// The text of the kept version `id` of `rel`.
    pub fn version(&self, rel: &str, id: &str) -> Result<String, StoreError> {
        self.confine(rel)?;
        let name = checked_relative(id)?;
        if name.components().count() != 1 {
            return Err(StoreError::BadPath);
        }
        let bytes = read_bytes(&self.history_dir(rel)?.join(name))?.ok_or(StoreError::Missing)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Moves the document `rel` into the bin; a bundle (`x/index.md`) goes with its folder.
    pub fn delete(&self, rel: &str) -> Result<String, StoreError> {
        let path = self.confine(rel)?;
        let _guard = self.lock();
        if fs::symlink_metadata(&path).is_err() {
            return Err(StoreError::Missing);
        }
        let (from, rel_from) = if crate::content::is_bundle_index(&path) {
            let folder = Path::new(rel).parent().unwrap_or(Path::new(rel));
            (self.content.join(folder), folder.to_path_buf())
        } else {
            (path, PathBuf::from(rel))
        };
        self.move_to_bin(&from, &rel_from)
    }

    /// What is in the bin, newest first.
    pub fn bin(&self) -> Vec<Kept> {
        let bin = self.own_dir().join(BIN);
        if no_links_between(&self.own_dir(), &bin).is_err() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for time in fs::read_dir(&bin).into_iter().flatten().flatten() {
            // Each document (`posts/x.md`), bundle (`posts/x/`) and file taken out of a
            // bundle (`posts/x/a.jpg`, in a folder without a document).
            let mut walk = walkdir::WalkDir::new(time.path()).min_depth(2).into_iter();
            while let Some(entry) = walk.next() {
                let Ok(entry) = entry else { continue };
                if entry.file_type().is_dir() {
                    if !entry.path().join("index.md").exists() {
                        continue; // its files follow
                    }
                    walk.skip_current_dir();
                }
                let Ok(rel) = entry.path().strip_prefix(&bin) else {
                    continue;
                };
                let size = entry.metadata().map_or(0, |m| m.len());
                let id = rel.to_string_lossy().replace('\\', "/");
                found.push(Kept { id, size });
            }
        }
        found.sort_by(|a, b| b.id.cmp(&a.id));
        found
    }

    /// Puts the bin's `id` (`<time>/posts/x.md`) back where it was, if nothing is there now.
    /// Returns the document's path relative to `content/`.
    pub fn restore(&self, id: &str) -> Result<String, StoreError> {
        let rel = checked_relative(id)?;
        let mut parts = rel.components();
        let _time = parts.next();
        let back = parts.as_path().to_path_buf();
        let back_text = back.to_string_lossy().replace('\\', "/");
        let from = self.own_dir().join(BIN).join(&rel);
        no_links_between(&self.own_dir(), &from)?;
        // Not `is_dir`, which follows a link: a link in the bin is refused above.
        let is_dir = fs::symlink_metadata(&from).is_ok_and(|m| m.is_dir());
        let (document, to) = if is_dir {
            let document = format!("{back_text}/index.md");
            let to = self.confine(&document)?;
            let to = to.parent().map(Path::to_path_buf);
            (document, to.ok_or(StoreError::BadPath)?)
        } else if back.extension().is_some_and(|e| e == "md") {
            let to = self.confine(&back_text)?;
            (back_text, to)
        } else {
            // A file of a bundle (`posts/x/a.jpg`, `posts/x/zdjecia/a.jpg`) goes back beside
            // its document, the nearest `index.md` above it, which must be there.
            let parts: Vec<&str> = back_text.split('/').collect();
            let (document, name) = (2..parts.len())
                .rev()
                .map(|at| {
                    (
                        format!("{}/index.md", parts[..at].join("/")),
                        parts[at..].join("/"),
                    )
                })
                .find(|(document, _)| self.exists(document))
                .ok_or(StoreError::Missing)?;
            let to = self.beside(&document, &name)?;
            (document, to)
        };
        let _guard = self.lock();
        if fs::symlink_metadata(&from).is_err() {
            return Err(StoreError::Missing);
        }
        if fs::symlink_metadata(&to).is_ok() {
            return Err(StoreError::Exists);
        }
        if let Some(parent) = to.parent() {
            create_dirs(&self.content, parent)?;
        }
        fs::rename(&from, &to).map_err(write_error(&from))?;
        Ok(document)
    }
}

/// `rel` as a relative path of plain parts: no `..`, `.`, hidden, empty or absolute part.
fn checked_relative(rel: &str) -> Result<PathBuf, StoreError> {
    if rel.is_empty() || rel.len() > MAX_PATH || rel.contains(['\0', '\\', ':']) {
        return Err(StoreError::BadPath);
    }
    let mut path = PathBuf::new();
    for part in rel.split('/') {
        if part.is_empty() || part.starts_with('.') || part.chars().any(char::is_control) {
            return Err(StoreError::BadPath);
        }
        path.push(part);
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(StoreError::BadPath);
    }
    Ok(path)
}

/// Refuses a path whose folders between `base` and it include a link (naming the link), or
/// that does not lie below `base`.
fn no_links_between(base: &Path, path: &Path) -> Result<(), StoreError> {
    if !path.starts_with(base) {
        return Err(StoreError::BadPath);
    }
    file::no_links_between(base, path).map_err(StoreError::Link)
}

/// Creates the folder `dir` under `base` with those above it, refusing a link on the way
/// before (nothing is created outside) and after (a link put there meanwhile).
fn create_dirs(base: &Path, dir: &Path) -> Result<(), StoreError> {
    no_links_between(base, dir)?;
    fs::create_dir_all(dir).map_err(write_error(dir))?;
    no_links_between(base, dir)
}

/// The bytes of `path`, `None` when it does not exist.
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match file::read(path, MAX_TEXT_BYTES) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(file::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes `bytes` to `path` atomically and synced ([`atomic::replace`]).
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    atomic::replace(path, bytes, Durability::Synced).map_err(write_error(path))
}

/// The first of `stem` + `ext`, `stem-2` + `ext`, `stem-3` + `ext`… that is not `taken`.
fn free_name(stem: &str, ext: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    (1..1000)
        .map(|n| match n {
            1 => format!("{stem}{ext}"),
            n => format!("{stem}-{n}{ext}"),
        })
        .find(|name| !taken(name))
}

/// Whether something (a file, a folder, a link) is at `path`.
fn taken(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// The time now, sortable and usable in file names: `20261124T103000.123456Z`.
fn stamp() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ").to_string()
}
