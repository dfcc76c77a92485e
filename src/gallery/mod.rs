//! Photo galleries: resolving photos from front matter, processing them into responsive,
//! metadata-free copies (cached), and describing them to templates.

pub mod spec;

pub use spec::{GalleryDir, GallerySpec, PhotoSpec};

/// Placeholder until the photo pipeline lands: `images:` in site.yaml.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ImageSettings {}
