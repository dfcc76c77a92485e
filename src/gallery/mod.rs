//! Photo galleries: resolving photos from front matter ([`resolve`]), checking their alt
//! texts ([`alt`]), and processing them into responsive, metadata-free copies that are
//! cached between builds ([`process`]).

pub(crate) mod alt;
mod place;
mod privacy;
pub mod process;
mod resize;
pub(crate) mod resolve;
mod webp;

pub use place::{place, Image, Thumb};
pub use process::{process, ProcessReport};
pub use resolve::{resolve, DocumentPhotos, Photo};

/// File extensions treated as photos.
pub const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];

/// Whether a path names a photo, by its extension.
pub fn is_photo(path: &std::path::Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| PHOTO_EXTENSIONS.contains(&e.as_str()))
}

/// Whether a path names an HEIC/HEIF photo (the iPhone's format), which no maintained
/// decoder without system libraries reads: refused with a way out (save it as JPEG).
pub fn is_heic(path: &std::path::Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| e == "heic" || e == "heif")
}
