//! Fingerprints: quick (not cryptographic) hashes that tell whether what a page or a file is
//! made of changed since the last build.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use walkdir::WalkDir;

/// The fingerprint of a value (bytes, strings, tuples of them, …).
pub(crate) fn of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The fingerprint of everything under `dir`: each entry's path relative to `dir`, with the
/// size and modification time of files (symbolic links by what they point to), in name order,
/// but for the entries `skip` names (and what is under them). A missing `dir` has a
/// fingerprint of its own.
pub(crate) fn of_tree(dir: &Path, skip: impl Fn(&walkdir::DirEntry) -> bool) -> u64 {
    of_tree_listing(dir, skip, |_| {})
}

/// [`of_tree`], telling `file` on the way the path relative to `dir` of each entry that is not
/// a folder (unreadable entries too), in name order: one walk where both are needed.
pub(crate) fn of_tree_listing(
    dir: &Path,
    skip: impl Fn(&walkdir::DirEntry) -> bool,
    mut file: impl FnMut(&Path),
) -> u64 {
    let mut h = DefaultHasher::new();
    let walk = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skip(e));
    for entry in walk {
        match entry {
            Ok(entry) => {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                // Folders by name only: their times change whenever an entry comes and goes,
                // which the entries themselves show.
                let stamp = match entry.file_type().is_dir() {
                    true => None,
                    false => {
                        file(rel);
                        FileStamp::of(entry.path())
                    }
                };
                (rel, stamp).hash(&mut h);
            }
            // Unreadable: never equal to a readable tree.
            Err(e) => {
                let rel = e.path().and_then(|p| p.strip_prefix(dir).ok());
                if let Some(rel) = rel.filter(|rel| !rel.as_os_str().is_empty()) {
                    file(rel);
                }
                e.to_string().hash(&mut h)
            }
        }
    }
    h.finish()
}

/// When a file was last changed, to tell whether a document must be read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path`, or `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        std::fs::metadata(path)
            .ok()
            .map(|meta| FileStamp::from(&meta))
    }

    /// The stamp of `path` itself when it is a link (the link is not followed).
    pub fn of_entry(path: &Path) -> Option<FileStamp> {
        std::fs::symlink_metadata(path)
            .ok()
            .map(|meta| FileStamp::from(&meta))
    }
}

impl From<&std::fs::Metadata> for FileStamp {
    fn from(meta: &std::fs::Metadata) -> Self {
        FileStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// For [`of_tree`]: editors' temporary files and hidden files, which the build leaves out.
pub(crate) fn ignored(entry: &walkdir::DirEntry) -> bool {
    is_ignored_name(&entry.file_name().to_string_lossy())
}

/// Whether a file name is an editor's temporary or backup file, or hidden.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}
