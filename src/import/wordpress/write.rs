//! Writing the planned site: only inside the site's folder (no folder on the way may be a
//! symbolic link), only new files, photos read whole once, bounded and checked as they are
//! copied; and when anything fails, what this import made is removed again (its files and the
//! folders it created, never what was there before), so an import writes all or nothing.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{media, shown, ImportError};
use crate::content::file::{self, MAX_PHOTO_BYTES};
use crate::locale::catalogue::Photos;
use crate::locale::Message;

/// The first symbolic link that a write of `path` would follow below `site` (or `site`
/// itself), for the check before anything is written.
pub fn link_on_the_way(site: &Path, path: &Path) -> Option<PathBuf> {
    file::no_links_between(site, path).err()
}

/// Writes `writes` and copies the photos of `copies` (target, source) into `site`: everything,
/// or, after a failure, nothing.
pub fn write_site(
    site: &Path,
    writes: &[(PathBuf, Vec<u8>)],
    copies: &[(PathBuf, PathBuf)],
) -> Result<(), ImportError> {
    let mut writer = Writer {
        site,
        files: Vec::new(),
        folders: Vec::new(),
    };
    let result = writes
        .iter()
        .try_for_each(|(path, bytes)| writer.write(path, bytes))
        .and_then(|()| {
            copies
                .iter()
                .try_for_each(|(to, from)| writer.copy_photo(to, from))
        });
    if result.is_err() {
        writer.undo();
    }
    result
}

/// What one import has made so far.
struct Writer<'a> {
    site: &'a Path,
    files: Vec<PathBuf>,
    /// In the order they were created: parents before their children.
    folders: Vec<PathBuf>,
}

impl Writer<'_> {
    /// Creates the missing folders of `path` one at a time, each checked not to be a link
    /// once it exists, and notes the ones it made.
    fn folders_of(&mut self, path: &Path) -> Result<(), ImportError> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        // The site folder and any missing folder above it (`--into a/new/site`).
        let mut missing: Vec<&Path> = self
            .site
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && fs::symlink_metadata(p).is_err())
            .collect();
        missing.reverse();
        for folder in missing {
            self.create(folder)?;
        }
        let rel = parent.strip_prefix(self.site).map_err(|_| linked(path))?;
        let mut at = self.site.to_path_buf();
        for part in rel.components() {
            at.push(part);
            if fs::symlink_metadata(&at).is_err() {
                self.create(&at)?;
            }
            if let Some(link) = link_on_the_way(self.site, &at) {
                return Err(linked(&link));
            }
        }
        Ok(())
    }

    fn create(&mut self, folder: &Path) -> Result<(), ImportError> {
        fs::create_dir(folder).map_err(write_error(folder))?;
        self.folders.push(folder.to_path_buf());
        Ok(())
    }

    /// Writes `bytes` to a new file at `path` (never over an existing one).
    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
        self.folders_of(path)?;
        let mut handle = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(write_error(path))?;
        self.files.push(path.to_path_buf());
        handle.write_all(bytes).map_err(write_error(path))
    }

    /// Copies the photo `from` to `to`: read once, as the build reads photos (a regular file,
    /// no link, at most [`MAX_PHOTO_BYTES`]), and still an image.
    fn copy_photo(&mut self, to: &Path, from: &Path) -> Result<(), ImportError> {
        let read_error = |error: String| ImportError::Read {
            file: shown(from),
            error,
        };
        let bytes =
            file::read(from, MAX_PHOTO_BYTES).map_err(|e| read_error(e.message().to_string()))?;
        if !media::is_image(&bytes) {
            return Err(read_error(Message::new(Photos::UnknownFormat).to_string()));
        }
        self.write(to, &bytes)
    }

    /// Removes what this import made: its files, then its folders, deepest first.
    fn undo(self) {
        for path in self.files.iter().rev() {
            let _ = fs::remove_file(path);
        }
        for folder in self.folders.iter().rev() {
            // Only an empty folder goes: one the import made, that nobody has filled since.
            let _ = fs::remove_dir(folder);
        }
    }
}

fn linked(path: &Path) -> ImportError {
    ImportError::Linked { path: shown(path) }
}

fn write_error(path: &Path) -> impl Fn(std::io::Error) -> ImportError + '_ {
    move |e| ImportError::Write {
        path: shown(path),
        error: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_half_way_removes_what_the_import_made_and_only_that() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("strona");
        fs::create_dir_all(site.join("content/posts")).expect("mkdir");
        fs::write(site.join("content/posts/stary.md"), "stary").expect("write");
        let writes = vec![
            (site.join("content/posts/nowy/index.md"), b"nowy".to_vec()),
            (site.join("content/pages/pomoc/zasilki.md"), b"z".to_vec()),
        ];
        // The second photo has gone since the import was planned.
        let photo = dir.path().join("scena.jpg");
        fs::write(&photo, [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F']).expect("write");
        let copies = vec![
            (site.join("content/posts/nowy/scena.jpg"), photo.clone()),
            (
                site.join("content/posts/nowy/brak.jpg"),
                dir.path().join("brak.jpg"),
            ),
        ];
        let result = write_site(&site, &writes, &copies);
        assert!(
            matches!(result, Err(ImportError::Read { .. })),
            "{result:?}"
        );
        let mut left: Vec<String> = walkdir::WalkDir::new(&site)
            .into_iter()
            .flatten()
            .map(|e| {
                e.path()
                    .strip_prefix(&site)
                    .expect("inside")
                    .display()
                    .to_string()
            })
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["", "content", "content/posts", "content/posts/stary.md"]
        );

        // Into a new folder: the folder goes too, and the one above it that was made for it.
        let new = dir.path().join("nowe/strona");
        let result = write_site(&new, &writes_into(&new), &copies_into(&new, dir.path()));
        assert!(result.is_err());
        assert!(!dir.path().join("nowe").exists());
        assert!(photo.is_file(), "the source is never touched");
    }

    fn writes_into(site: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        vec![(site.join("content/site.yaml"), b"title: x".to_vec())]
    }

    fn copies_into(site: &Path, from: &Path) -> Vec<(PathBuf, PathBuf)> {
        vec![(site.join("content/posts/a/b.jpg"), from.join("brak.jpg"))]
    }

    #[test]
    fn a_photo_that_is_no_image_any_more_is_not_copied() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("strona");
        let fake = dir.path().join("scena.jpg");
        fs::write(&fake, "<?php echo 1;").expect("write");
        let copies = vec![(site.join("content/posts/a/scena.jpg"), fake)];
        let result = write_site(&site, &[], &copies);
        assert!(
            matches!(&result, Err(ImportError::Read { file, .. }) if file.ends_with("scena.jpg")),
            "{result:?}"
        );
        assert!(!site.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_linked_out_of_the_site_is_never_written_through() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("strona");
        let elsewhere = dir.path().join("gdzie-indziej");
        fs::create_dir_all(site.join("content")).expect("mkdir");
        fs::create_dir(&elsewhere).expect("mkdir");
        std::os::unix::fs::symlink(&elsewhere, site.join("content/posts")).expect("symlink");
        let writes = vec![(site.join("content/posts/a/index.md"), b"a".to_vec())];
        let result = write_site(&site, &writes, &[]);
        assert!(
            matches!(&result, Err(ImportError::Linked { path }) if path.ends_with("content/posts")),
            "{result:?}"
        );
        assert_eq!(fs::read_dir(&elsewhere).expect("read").count(), 0);
    }
}
