//! Writing a build over the output before last instead of deleting one output and making
//! another.
//!
//! Deleting a whole output and writing a new one can cost more than building the site: ext4
//! looks through recently freed inodes when it makes files, and a disk mounted with `discard`
//! trims every freed block. So on Linux the output a swap replaces is kept as the site's
//! *spare* ([`SPARE_DIR`] in its cache folder, not beside the output, where a web server
//! serving the output's parent folder would publish it), and the next build takes it as its
//! staging folder: each file is written over the one of the same name (same inode, its blocks
//! reused), and at the end what the build did not write is deleted. The spare is a second copy
//! of the pages (the photos in it are hard links into the cache); deleting it is always safe,
//! the next build then starts an empty staging folder.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::content::file;

use super::{CACHE_DIR, MARKER};

/// The spare, in the site's cache folder.
const SPARE_DIR: &str = "output-spare";

/// The spare of the site at `site_root`.
pub(super) fn of_site(site_root: &Path) -> PathBuf {
    site_root.join(CACHE_DIR).join(SPARE_DIR)
}

/// Keeps the previous output `old`, swapped out, as the spare: false when it cannot be (then
/// it is to be deleted). Only an output tablica wrote its list into (not a folder of someone
/// else's files replaced with `--replace-output`, which goes at once), only on the site's own
/// disk (an output elsewhere cannot be moved there by a rename), and only on Linux, where the
/// swap is atomic (elsewhere a spare is never made, so never taken).
pub(super) fn keep(old: &Path, spare: &Path) -> bool {
    cfg!(target_os = "linux")
        && file::is_regular(&old.join(MARKER))
        && spare
            .parent()
            .is_some_and(|cache| fs::create_dir_all(cache).is_ok())
        && fs::rename(old, spare).is_ok()
}

/// Takes the spare `spare` as the staging folder `dir`: false when there is none that
/// tablica made. Anything in it but files and folders (a link someone put there would lead
/// writes elsewhere) is removed first; when that fails, the spare is deleted and not taken.
/// A spare on another disk than `dir` (the output has moved elsewhere) is deleted, once.
pub(super) fn take(spare: &Path, dir: &Path) -> bool {
    // A link in the spare's place is not followed: what it leads to is not tablica's.
    let is_folder = fs::symlink_metadata(spare).is_ok_and(|m| m.is_dir());
    if !is_folder || !file::is_regular(&spare.join(MARKER)) {
        return false;
    }
    if let Err(e) = fs::rename(spare, dir) {
        if e.kind() == io::ErrorKind::CrossesDevices {
            let _ = fs::remove_dir_all(spare);
        }
        return false;
    }
    let links_removed = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir() && !e.file_type().is_file())
        .all(|e| fs::remove_file(e.path()).is_ok());
    if !links_removed {
        let _ = fs::remove_dir_all(dir);
    }
    links_removed
}

/// The files a build wrote into a taken spare, relative to it: what is left of the output
/// before last is deleted before the swap ([`Written::prune`]).
#[derive(Debug, Default)]
pub(super) struct Written(Mutex<HashSet<PathBuf>>);

impl Written {
    /// Notes the files `rel`, written or put in place by the build.
    pub(super) fn note(&self, rel: impl IntoIterator<Item = PathBuf>) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend(rel);
    }

    /// Deletes every file of `dir` that was not written (but its [`MARKER`]), then the folders
    /// left empty.
    pub(super) fn prune(&self, dir: &Path) {
        let written = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for entry in walkdir::WalkDir::new(dir)
            .min_depth(1)
            .contents_first(true)
            .into_iter()
            .flatten()
        {
            let Ok(rel) = entry.path().strip_prefix(dir) else {
                continue;
            };
            if entry.file_type().is_dir() {
                // Fails, as it should, unless the folder is empty.
                let _ = fs::remove_dir(entry.path());
            } else if !written.contains(rel) && rel != Path::new(MARKER) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Writes `bytes` to `path` inside the taken spare `root`, over the file there when it is a
/// file of its own (not a link, and no other name for the same data such as a photo linked
/// from the cache), so that the file system keeps its inode and blocks. Anything else in the
/// way (a link, a folder where a file goes now, a file where a folder goes now) is removed.
pub(super) fn overwrite(root: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
        let opened = fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path);
        match opened {
            Ok(mut f) => {
                let meta = f.metadata()?;
                if meta.is_file() && meta.nlink() == 1 {
                    f.write_all(bytes)?;
                    return f.set_len(bytes.len() as u64);
                }
                drop(f);
                fs::remove_file(path)?;
            }
            // A link, or a folder where a file goes now (else nothing is there, or a file is
            // where a folder goes now: see below).
            Err(_) => match fs::symlink_metadata(path) {
                Ok(m) if m.is_dir() => fs::remove_dir_all(path)?,
                Ok(_) => fs::remove_file(path)?,
                Err(_) => {}
            },
        }
    }
    if let Some(parent) = path.parent() {
        if fs::create_dir_all(parent).is_err() {
            remove_file_in_the_way(root, parent)?;
            fs::create_dir_all(parent)?;
        }
    }
    fs::write(path, bytes)
}

/// Removes the first part of the folder `dir` below `root` that is not a folder: a file of
/// the output before last where this one has a folder.
fn remove_file_in_the_way(root: &Path, dir: &Path) -> io::Result<()> {
    let parts: Vec<&Path> = dir
        .ancestors()
        .take_while(|a| a.starts_with(root) && *a != root)
        .collect();
    for part in parts.into_iter().rev() {
        match fs::symlink_metadata(part) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return fs::remove_file(part),
            Err(_) => break,
        }
    }
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn a_file_is_written_over_in_place_and_shortened() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("index.html");
        fs::write(&path, "the output before last, longer").expect("write");
        let inode = fs::metadata(&path).expect("stat").ino();
        overwrite(tmp.path(), &path, b"new").expect("overwrite");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        assert_eq!(
            fs::metadata(&path).expect("stat").ino(),
            inode,
            "the same file"
        );
    }

    #[test]
    fn links_and_other_names_are_replaced_not_written_through() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (root, elsewhere) = (tmp.path().join("spare"), tmp.path().join("cache.jpg"));
        fs::create_dir(&root).expect("mkdir");
        fs::write(&elsewhere, "photo in the cache").expect("write");
        let (linked, symlinked) = (root.join("a.jpg"), root.join("b.html"));
        fs::hard_link(&elsewhere, &linked).expect("hard link");
        std::os::unix::fs::symlink(&elsewhere, &symlinked).expect("symlink");
        overwrite(&root, &linked, b"page").expect("overwrite");
        overwrite(&root, &symlinked, b"page").expect("overwrite");
        assert_eq!(fs::read(&elsewhere).expect("read"), b"photo in the cache");
        assert_eq!(fs::read(&linked).expect("read"), b"page");
        assert!(fs::symlink_metadata(&symlinked).expect("stat").is_file());
    }

    #[test]
    fn files_and_folders_of_the_output_before_last_make_way() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        fs::create_dir_all(root.join("was-a-folder/deep")).expect("mkdir");
        fs::write(root.join("was-a-folder/deep/x.html"), "old").expect("write");
        fs::write(root.join("was-a-file"), "old").expect("write");
        overwrite(root, &root.join("was-a-folder"), b"file").expect("overwrite");
        overwrite(root, &root.join("was-a-file/index.html"), b"page").expect("overwrite");
        assert_eq!(fs::read(root.join("was-a-folder")).expect("read"), b"file");
        assert_eq!(
            fs::read(root.join("was-a-file/index.html")).expect("read"),
            b"page"
        );
    }

    #[test]
    fn a_taken_spare_loses_its_links_and_keeps_only_what_was_written() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (spare, dir) = (of_site(tmp.path()), tmp.path().join("s"));
        assert!(!take(&spare, &dir), "no spare");
        // A link in the spare's place, to a folder that looks like an output, is not taken.
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).expect("mkdir");
        fs::write(elsewhere.join(MARKER), "x").expect("write");
        fs::create_dir_all(spare.parent().expect("cache")).expect("mkdir");
        std::os::unix::fs::symlink(&elsewhere, &spare).expect("symlink");
        assert!(!take(&spare, &dir), "a link");
        assert!(elsewhere.join(MARKER).exists() && !dir.exists());
        fs::remove_file(&spare).expect("remove the link");

        fs::create_dir_all(spare.join("old/deep")).expect("mkdir");
        assert!(!take(&spare, &dir), "not tablica's: no list");
        for file in [MARKER, "kept.html", "old/deep/gone.html"] {
            fs::write(spare.join(file), "x").expect("write");
        }
        std::os::unix::fs::symlink(tmp.path(), spare.join("link")).expect("symlink");
        assert!(take(&spare, &dir));
        assert!(!spare.exists() && fs::symlink_metadata(dir.join("link")).is_err());

        let written = Written::default();
        written.note([PathBuf::from("kept.html")]);
        written.prune(&dir);
        let mut left: Vec<_> = walkdir::WalkDir::new(&dir)
            .min_depth(1)
            .into_iter()
            .flatten()
            .map(|e| e.path().strip_prefix(&dir).expect("inside").to_path_buf())
            .collect();
        left.sort();
        assert_eq!(left, [PathBuf::from(MARKER), PathBuf::from("kept.html")]);
    }
}
