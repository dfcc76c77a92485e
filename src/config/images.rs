//! `images:` in site.yaml: the sizes and quality of photo copies, and what to do with a photo that
//! cannot be processed.

use serde::Deserialize;

/// What to do with a photo that cannot be processed (corrupt, unsupported, too large).
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    /// The build fails (default).
    #[default]
    Fail,
    /// The photo is left out with a warning; the rest of the site is built.
    Skip,
}

/// `images:` in site.yaml.
#[derive(Debug, Clone, Deserialize, PartialEq, Hash)]
#[serde(default, deny_unknown_fields)]
pub struct ImageSettings {
    /// Widths of the responsive copies, in pixels. Never larger than the original.
    pub widths: Vec<u32>,
    /// Width of the gallery thumbnail.
    pub thumbnail_width: u32,
    /// JPEG quality, 1–100.
    pub quality: u8,
    /// Photos with more pixels than this are refused before decoding (decompression bombs).
    pub max_pixels: u64,
    /// Memory in megabytes that decoding photos may take at once, all parallel decodes
    /// together; a photo needing more alone is refused before decoding.
    pub max_memory_mb: u64,
    /// Also publish the original (re-encoded, so still without metadata).
    pub keep_originals: bool,
    /// Photos marked `people: true` need `consent: true`.
    pub require_consent: bool,
    pub on_error: OnError,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 960, 1600],
            thumbnail_width: 320,
            quality: 82,
            max_pixels: 50_000_000,
            max_memory_mb: 512,
            keep_originals: false,
            require_consent: false,
            on_error: OnError::Fail,
        }
    }
}
