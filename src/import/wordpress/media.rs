//! Finding a post's photos in a copy of `wp-content/uploads` and naming their copies beside it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::content::file::{self, MAX_PHOTO_BYTES};

/// Where a file of the export lies under `uploads/`: the path after `/uploads/` (a self-hosted
/// site) or after the host (WordPress.com's `files.wordpress.com`), without the query.
pub fn relative_path(url: &str) -> Option<PathBuf> {
    let without_query = url.split(['?', '#']).next().unwrap_or_default();
    let path = match without_query.find("/uploads/") {
        Some(at) => &without_query[at + "/uploads/".len()..],
        None => {
            let after_scheme = without_query
                .split_once("://")
                .map_or(without_query, |(_, r)| r);
            after_scheme.split_once('/').map(|(_, p)| p)?
        }
    };
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let rel = PathBuf::from(decoded.as_ref());
    // Only plain names: no `..`, no root, nothing that leaves the uploads folder.
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
    (plain && rel.components().next().is_some()).then_some(rel)
}

/// `zdjecie-300x200.jpg` → `zdjecie.jpg`: the original of one of WordPress's resized copies.
fn original_of(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let (base, size) = stem.rsplit_once('-')?;
    let (w, h) = size.split_once('x')?;
    let numbers = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(numbers(w) && numbers(h)) {
        return None;
    }
    let ext = path.extension()?.to_str()?;
    Some(path.with_file_name(format!("{base}.{ext}")))
}

/// Whether `bytes` start like a JPEG, PNG, GIF or WebP image (by content, not by name).
pub fn is_image(bytes: &[u8]) -> bool {
    image::guess_format(&bytes[..bytes.len().min(16)]).is_ok()
}

/// Whether the file is one the build reads as a photo: a regular file, not a link, of at most
/// [`MAX_PHOTO_BYTES`], that starts like an image. Only its first bytes are read here; the
/// copy reads it whole, once, and checks it again.
fn is_photo_file(path: &Path) -> bool {
    let Ok((handle, _)) = file::open(path, MAX_PHOTO_BYTES) else {
        return false;
    };
    let mut head = Vec::with_capacity(16);
    handle.take(16).read_to_end(&mut head).is_ok() && is_image(&head)
}

/// The photos of one document: the files found and the names they get beside it.
#[derive(Debug, Default)]
pub struct Photos<'u> {
    uploads: Option<&'u Path>,
    /// Name beside the document → the file in `uploads`.
    pub copies: BTreeMap<String, PathBuf>,
    /// The address of each photo already placed → its name.
    by_url: BTreeMap<String, String>,
}

/// Why a photo is not copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCopied {
    /// No `--uploads` folder was given.
    NoUploads,
    /// Not in the uploads folder (its path there).
    Missing(PathBuf),
    /// There, but not a photo tablica can process, or too large.
    NotAPhoto(PathBuf),
}

impl<'u> Photos<'u> {
    pub fn new(uploads: Option<&'u Path>) -> Self {
        Photos {
            uploads,
            ..Photos::default()
        }
    }

    /// Finds the photo at `url` and gives the name of its copy beside the document.
    pub fn place(&mut self, url: &str) -> Result<String, NotCopied> {
        if let Some(name) = self.by_url.get(url) {
            return Ok(name.clone());
        }
        let uploads = self.uploads.ok_or(NotCopied::NoUploads)?;
        let rel = relative_path(url).ok_or_else(|| NotCopied::Missing(PathBuf::from(url)))?;
        let candidates = [Some(rel.clone()), original_of(&rel)];
        let found = candidates
            .into_iter()
            .flatten()
            .map(|r| uploads.join(r))
            .find(|p| p.symlink_metadata().is_ok_and(|m| m.is_file()))
            .ok_or_else(|| NotCopied::Missing(rel.clone()))?;
        // A folder on the way may be a link out of the uploads copy: only files inside count.
        let inside = match (found.canonicalize(), uploads.canonicalize()) {
            (Ok(file), Ok(root)) => file.starts_with(root),
            _ => false,
        };
        if !inside {
            return Err(NotCopied::Missing(rel));
        }
        if !is_photo_file(&found) {
            return Err(NotCopied::NotAPhoto(rel));
        }
        if let Some((name, _)) = self.copies.iter().find(|(_, f)| **f == found) {
            let name = name.clone();
            self.by_url.insert(url.to_string(), name.clone());
            return Ok(name);
        }
        let name = self.free_name(&found);
        self.copies.insert(name.clone(), found);
        self.by_url.insert(url.to_string(), name.clone());
        Ok(name)
    }

    /// A file name for the copy: the original's, as a slug, not yet used by this document.
    fn free_name(&self, file: &Path) -> String {
        let stem = file
            .file_stem()
            .map(|s| crate::slug::slugify(&s.to_string_lossy()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "zdjecie".to_string());
        let ext = file
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_else(|| "jpg".to_string());
        let mut name = format!("{stem}.{ext}");
        let mut n = 2;
        while self.copies.contains_key(&name) {
            name = format!("{stem}-{n}.{ext}");
            n += 1;
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_paths_inside_uploads_only() {
        let rel = |u: &str| relative_path(u).map(|p| p.to_string_lossy().into_owned());
        assert_eq!(
            rel("https://mops.pl/wp-content/uploads/2020/05/festyn.jpg?w=300").as_deref(),
            Some("2020/05/festyn.jpg")
        );
        assert_eq!(
            rel("https://x.files.wordpress.com/2008/06/a%20b.jpg").as_deref(),
            Some("2008/06/a b.jpg")
        );
        assert_eq!(
            rel("https://mops.pl/wp-content/uploads/../../etc/passwd"),
            None
        );
        assert_eq!(
            original_of(Path::new("2020/05/a-b-300x200.jpg")),
            Some(PathBuf::from("2020/05/a-b.jpg"))
        );
        assert_eq!(original_of(Path::new("2020/05/rok-2020.jpg")), None);
    }

    #[test]
    fn photos_are_found_by_content_and_named_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("2020/05");
        std::fs::create_dir_all(&folder).expect("folder");
        let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        std::fs::write(folder.join("Park Zimą.png"), png).expect("write");
        std::fs::write(folder.join("nie-zdjecie.jpg"), b"<?php echo 1;").expect("write");
        let mut photos = Photos::new(Some(dir.path()));
        let url = "https://m.pl/wp-content/uploads/2020/05/Park%20Zim%C4%85-300x200.png";
        assert_eq!(photos.place(url), Ok("park-zima.png".to_string()));
        assert_eq!(photos.place(url), Ok("park-zima.png".to_string()));
        assert_eq!(photos.copies.len(), 1);
        assert!(matches!(
            photos.place("https://m.pl/wp-content/uploads/2020/05/nie-zdjecie.jpg"),
            Err(NotCopied::NotAPhoto(_))
        ));
        assert!(matches!(
            photos.place("https://m.pl/wp-content/uploads/2020/05/brak.jpg"),
            Err(NotCopied::Missing(_))
        ));
        assert_eq!(Photos::new(None).place(url), Err(NotCopied::NoUploads));
    }

    #[test]
    fn photos_are_bounded_by_the_builds_own_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        // Sparse files: the size without the disk space.
        for (name, len) in [("duze.png", 80 << 20), ("za-duze.png", MAX_PHOTO_BYTES + 1)] {
            std::fs::write(dir.path().join(name), png).expect("write");
            let handle = std::fs::OpenOptions::new()
                .write(true)
                .open(dir.path().join(name))
                .expect("open");
            handle.set_len(len).expect("grow");
        }
        let mut photos = Photos::new(Some(dir.path()));
        // 80 MB is a large camera photo, not a reason to leave it behind.
        assert_eq!(
            photos.place("https://m.pl/wp-content/uploads/duze.png"),
            Ok("duze.png".to_string())
        );
        assert_eq!(
            photos.place("https://m.pl/wp-content/uploads/za-duze.png"),
            Err(NotCopied::NotAPhoto(PathBuf::from("za-duze.png")))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_linked_out_of_the_uploads_copy_is_not_followed() {
        let outside = tempfile::tempdir().expect("temp dir");
        let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        std::fs::write(outside.path().join("tajne.png"), png).expect("write");
        let uploads = tempfile::tempdir().expect("temp dir");
        std::os::unix::fs::symlink(outside.path(), uploads.path().join("2024")).expect("link");
        let mut photos = Photos::new(Some(uploads.path()));
        assert!(matches!(
            photos.place("https://m.pl/wp-content/uploads/2024/tajne.png"),
            Err(NotCopied::Missing(_))
        ));
    }
}
