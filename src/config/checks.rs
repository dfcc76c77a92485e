//! `checks:` in site.yaml: how each build-time accessibility check of the text reports.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;

/// How a build-time accessibility check reports what it finds.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum CheckLevel {
    Error,
    Warning,
    Off,
}

impl CheckLevel {
    pub fn severity(self) -> Option<Severity> {
        match self {
            CheckLevel::Error => Some(Severity::Error),
            CheckLevel::Warning => Some(Severity::Warning),
            CheckLevel::Off => None,
        }
    }
}

/// The most seconds `checks.external_timeout` may give another site.
pub const MAX_EXTERNAL_TIMEOUT: u64 = 300;

/// Severity of each build-time accessibility check of Markdown content.
#[derive(Debug, Clone, Deserialize, Serialize, Hash)]
#[serde(default, deny_unknown_fields)]
pub struct Checks {
    /// `#` in the text (the title is the only h1) or a skipped level (## then ####).
    pub heading_levels: CheckLevel,
    /// A link with no text.
    pub empty_link_text: CheckLevel,
    /// Link text such as "kliknij tutaj" or "click here".
    pub vague_link_text: CheckLevel,
    /// An image in the text without alt text.
    pub image_alt: CheckLevel,
    /// A raw HTML table without header cells.
    pub table_header: CheckLevel,
    /// A frame (`<iframe>`) without a title.
    pub frame_title: CheckLevel,
    /// A link, photo or `#anchor` within the site that leads nowhere.
    pub broken_links: CheckLevel,
    /// A link to another site that answers with an error or not at all: asked only by
    /// `tablica check --external`, never by a build.
    pub external_links: CheckLevel,
    /// Hosts `check --external` does not ask (`facebook.com` covers `www.facebook.com` too).
    pub external_skip: Vec<String>,
    /// Seconds another site has to answer `check --external`, from 1 to
    /// [`MAX_EXTERNAL_TIMEOUT`].
    pub external_timeout: u64,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            heading_levels: CheckLevel::Warning,
            empty_link_text: CheckLevel::Error,
            vague_link_text: CheckLevel::Warning,
            image_alt: CheckLevel::Error,
            table_header: CheckLevel::Warning,
            frame_title: CheckLevel::Error,
            broken_links: CheckLevel::Warning,
            external_links: CheckLevel::Warning,
            external_skip: Vec::new(),
            external_timeout: 10,
        }
    }
}
