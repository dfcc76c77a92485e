//! Files published beside their page: the documents and media files of page bundles
//! (`content/posts/<name>/index.md` + files beside it). Finds them for copying, checks the
//! file names that front matter and links give, and describes documents for link texts
//! ("PDF, 240 KB").

use std::path::{Path, PathBuf};

use crate::locale::catalogue::Documents as M;
use crate::locale::{self, msg, Lang, Message};
use crate::url::percent_decode;

/// Attachments that links in the text describe with their type and size.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "txt", "csv", "rtf",
    "zip",
];

/// Films, sound and captions, published beside their page like documents.
const MEDIA_EXTENSIONS: &[&str] = &["mp3", "mp4", "webm", "vtt"];

/// Whether files with this (lowercase) extension are published beside their page.
pub(crate) fn is_published(extension: &str) -> bool {
    DOCUMENT_EXTENSIONS.contains(&extension) || MEDIA_EXTENSIONS.contains(&extension)
}

/// The lowercase extension of a file name ("" when it has none).
pub fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Why a file named in a document cannot be published with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleProblem {
    /// The document is `x.md`, not a bundle `x/index.md`: it has no folder of its own.
    NotABundle,
    /// The name is a path (`../x.pdf`, `/x.pdf`, `files/x.pdf`), not a file beside `index.md`.
    NotAFileName,
    Missing,
    Symlink,
}

impl BundleProblem {
    /// The message and hint for `what` (e.g. [`M::CaptionsFile`]) named `name`.
    pub fn describe(
        self,
        what: impl Into<crate::locale::catalogue::Key>,
        name: &str,
    ) -> (Message, Message) {
        let (message, hint) = match self {
            BundleProblem::NotABundle => (M::NeedsBundle, M::NeedsBundleHint),
            BundleProblem::NotAFileName => (M::NotInFolder, M::NotInFolderHint),
            BundleProblem::Missing => (M::FileMissing, M::FileMissingHint),
            BundleProblem::Symlink => (M::FileSymlink, M::FileSymlinkHint),
        };
        (
            msg!(message, what = Message::new(what), name = name),
            hint.into(),
        )
    }
}

/// The file `name` in the bundle folder `bundle` (`None`: the document is not a bundle).
/// Only plain file names are accepted, so nothing outside the bundle can be published.
pub fn bundle_file(bundle: Option<&Path>, name: &str) -> Result<PathBuf, BundleProblem> {
    let name = name.strip_prefix("./").unwrap_or(name);
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control);
    if !plain {
        return Err(BundleProblem::NotAFileName);
    }
    let dir = bundle.ok_or(BundleProblem::NotABundle)?;
    let path = dir.join(name);
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => Err(BundleProblem::Symlink),
        Ok(m) if m.is_file() => Ok(path),
        _ => Err(BundleProblem::Missing),
    }
}

/// A document of the bundle with its type and size, as [`bundle_file`] finds it.
pub fn bundle_document(
    bundle: Option<&Path>,
    name: &str,
) -> Result<(PathBuf, DocumentInfo), BundleProblem> {
    let path = bundle_file(bundle, name)?;
    let info = DocumentInfo::of(&path).map_err(|_| BundleProblem::Missing)?;
    Ok((path, info))
}

/// What a link text says about a document: its type and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// "PDF", "DOCX", from the extension.
    pub kind: String,
    pub size: u64,
}

impl DocumentInfo {
    /// Reads the size of the file at `path`.
    pub fn of(path: &Path) -> std::io::Result<DocumentInfo> {
        let size = std::fs::metadata(path)?.len();
        let kind = extension(&path.to_string_lossy()).to_uppercase();
        Ok(DocumentInfo { kind, size })
    }

    /// "PDF, 240 KB" / "PDF, 1,2 MB" in Polish.
    pub fn label(&self, lang: Lang) -> String {
        format!("{}, {}", self.kind, locale::file_size(lang, self.size))
    }
}

/// The file name that a link in the text gives when it points at a document in the page's own
/// folder: a relative address with a document extension, without `?query` or `#fragment`,
/// percent-decoded. `None` for every other link (other sites, site paths, anchors, pages).
pub fn linked_document(url: &str) -> Option<String> {
    let url = url.trim();
    let has_scheme = url
        .find(':')
        .is_some_and(|colon| !url[..colon].contains(['/', '?', '#']));
    if has_scheme || url.starts_with(['/', '#', '?']) {
        return None;
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = percent_decode(path).unwrap_or_else(|| path.to_string());
    DOCUMENT_EXTENSIONS
        .contains(&extension(&name).as_str())
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_links_to_documents_are_attachments() {
        assert_eq!(
            linked_document("regulamin.pdf").as_deref(),
            Some("regulamin.pdf")
        );
        assert_eq!(
            linked_document("Regulamin%20rekrutacji.PDF#page=2").as_deref(),
            Some("Regulamin rekrutacji.PDF")
        );
        assert_eq!(
            linked_document("../inny/wzor.docx").as_deref(),
            Some("../inny/wzor.docx")
        );
        for other in [
            "https://example.org/a.pdf",
            "/aktualnosci/x/a.pdf",
            "#sekcja",
            "mailto:a@example.org",
            "../inny-wpis/",
            "film.mp4",
        ] {
            assert_eq!(linked_document(other), None, "{other}");
        }
    }

    #[test]
    fn bundle_files_are_plain_names_inside_the_bundle() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.pdf"), b"%PDF").expect("write");
        let bundle = Some(dir.path());
        assert!(bundle_file(bundle, "a.pdf").is_ok());
        assert!(bundle_file(bundle, "./a.pdf").is_ok());
        for escape in [
            "../a.pdf",
            "/etc/passwd",
            "sub/a.pdf",
            "..",
            "C:\\a.pdf",
            "",
        ] {
            assert_eq!(
                bundle_file(bundle, escape),
                Err(BundleProblem::NotAFileName),
                "{escape}"
            );
        }
        assert_eq!(bundle_file(bundle, "b.pdf"), Err(BundleProblem::Missing));
        assert_eq!(bundle_file(None, "a.pdf"), Err(BundleProblem::NotABundle));
    }

    #[test]
    fn a_document_is_labelled_with_its_type_and_size() {
        let info = DocumentInfo {
            kind: "PDF".into(),
            size: 240 * 1024,
        };
        assert_eq!(info.label(Lang::Pl), "PDF, 240\u{a0}KB");
        let big = DocumentInfo {
            kind: "DOCX".into(),
            size: 1_258_291,
        };
        assert_eq!(big.label(Lang::Pl), "DOCX, 1,2\u{a0}MB");
        assert_eq!(big.label(Lang::En), "DOCX, 1.2\u{a0}MB");
    }
}
