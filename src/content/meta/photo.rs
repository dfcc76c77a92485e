//! How photos are written in front matter (`cover:` and `gallery:`).

use serde::Deserialize;

/// What `tablica import` writes where a photo has no alt text. The build refuses it, in
/// front matter and in the text, until someone replaces it with a description.
pub const ALT_PLACEHOLDER: &str = "TODO-ALT";

/// One photo as written in front matter.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PhotoSpec {
    /// Path relative to the Markdown file's folder (a page bundle).
    pub src: String,
    /// Text alternative; required unless `decorative: true`.
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
    /// The photo shows people (see `images.require_consent`).
    #[serde(default)]
    pub people: bool,
    /// Consent of the people shown has been recorded.
    #[serde(default)]
    pub consent: bool,
    /// The photo shows a child: it needs `guardian_consent`, whatever the site's settings.
    #[serde(default)]
    pub child: bool,
    /// A parent's or legal guardian's consent to publish the child's image has been recorded.
    #[serde(default)]
    pub guardian_consent: bool,
    /// Purely decorative: published with an empty alt.
    #[serde(default)]
    pub decorative: bool,
}

/// `gallery:` is either a list of photos or a folder taken whole.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum GallerySpec {
    List(Vec<PhotoSpec>),
    Dir(GalleryDir),
}

/// `gallery: { dir: zdjecia }`: every image in the folder, in name order, alt texts from a sidecar
/// YAML file (`alt.yaml` in that folder) mapping file name to alt text or to a photo entry.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GalleryDir {
    pub dir: String,
}
