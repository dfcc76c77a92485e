//! What the photo and attachment steps need to know of a document.

use std::path::Path;

use super::meta::photo::{GallerySpec, PhotoSpec};
use super::{self as content, Document};

/// What the gallery and attachment steps need to know of a document.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    pub path: &'a Path,
    pub abs_path: &'a Path,
    pub dir: &'a Path,
    /// True for `x/index.md` bundles, whose folder holds the document's own files.
    pub is_bundle: bool,
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub url_path: &'a str,
    pub cover: Option<&'a PhotoSpec>,
    pub gallery: Option<&'a GallerySpec>,
    /// The photos its text shows (`![Plakat](plakat.jpg)`), by their number in the text.
    pub text_photos: &'a [TextPhoto],
}

/// A photo of the bundle that the text of a document shows, found as the photos of the front
/// matter are (`gallery::locate`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextPhoto {
    /// Its file, canonical, inside the site.
    pub path: std::path::PathBuf,
    pub alt: String,
    /// The line of the text that shows it.
    pub line: usize,
}

impl<'a> DocumentRef<'a> {
    pub(crate) fn new<M>(
        doc: &'a Document<M>,
        url_path: &'a str,
        cover: Option<&'a PhotoSpec>,
        gallery: Option<&'a GallerySpec>,
        text_photos: &'a [TextPhoto],
    ) -> Self {
        DocumentRef {
            path: &doc.path,
            abs_path: &doc.abs_path,
            dir: &doc.dir,
            is_bundle: content::is_bundle_index(&doc.abs_path),
            yaml: &doc.yaml,
            yaml_line: doc.yaml_line,
            url_path,
            cover,
            gallery,
            text_photos,
        }
    }
}
