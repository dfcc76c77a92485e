//! The accessibility and safety checks of a text: what they find ([`Finding`]) and the messages for
//! it.

use std::sync::LazyLock;

use crate::locale::catalogue::Markdown as M;
use crate::locale::{msg, Message};
use crate::url::is_safe_url;

/// Which accessibility check a finding belongs to (its severity is configured per site).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    HeadingLevels,
    EmptyLinkText,
    VagueLinkText,
    ImageAlt,
    TableHeader,
    /// Not configurable: a link or image address that was removed (always a warning).
    Unsafe,
    /// Not configurable: a link to a document that cannot be published (always an error).
    Document,
    /// A frame (`<iframe>`) without a title: screen readers announce frames by their title.
    FrameTitle,
}

/// Something in the text worth telling the editor about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    /// Line within the file (already offset by where the body starts).
    pub line: usize,
    pub message: Message,
    pub hint: Message,
}

pub(super) const VAGUE_LINK_TEXTS: &[&str] = &[
    "kliknij",
    "kliknij tutaj",
    "kliknij tu",
    "tutaj",
    "tu",
    "więcej",
    "czytaj więcej",
    "link",
    "tej stronie",
    "strona",
    "pobierz",
    "pobierz tutaj",
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "this page",
    "download",
];

/// Only images from this site are shown in the text (privacy: no requests to other sites).
/// The address is read as a browser reads it (the URL standard drops tabs and line breaks,
/// and reads `\` as `/`), so `/&#9;/evil.example/x.png` is another host.
pub(super) fn is_local_image(url: &str) -> bool {
    static SITE: LazyLock<Option<url::Url>> =
        LazyLock::new(|| url::Url::parse("https://site.invalid/").ok());
    let Some(site) = SITE.as_ref() else {
        return false;
    };
    let written: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    written.trim_start().starts_with('/')
        && is_safe_url(url)
        && site.join(url).is_ok_and(|u| u.origin() == site.origin())
}

/// Whether an image address is a file name or path relative to the document
/// (`plakat.jpg`, `zdjecia/plakat.jpg`): no scheme, host or site path.
pub(super) fn is_file_name(url: &str) -> bool {
    let url = url.trim();
    !url.is_empty() && !url.contains(':') && !url.starts_with(['/', '\\', '#', '?'])
}

pub(super) fn foreign_image(line: usize, url: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: msg!(M::ForeignImage, url = url),
        hint: M::ForeignImageHint.into(),
    }
}

pub(super) fn unsafe_link(line: usize, url: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: msg!(M::UnsafeLink, url = url),
        hint: M::UnsafeUrlHint.into(),
    }
}
