//! Loading content: finding Markdown files with walkdir, reading them safely and parsing
//! their front matter. Nothing here knows about URLs or templates.

pub mod atomic;
pub mod date;
mod document_ref;
pub(crate) mod file;
pub mod front_matter;
pub mod meta;
pub(crate) mod yaml;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::fingerprint::is_ignored_name;
use crate::locale::catalogue::Content;
use crate::locale::msg;
pub use document_ref::{DocumentRef, TextPhoto};
pub use meta::{PageMeta, PostMeta, ProjectMeta};

/// Where content lives, relative to the site root.
pub const CONTENT_DIR: &str = "content";
/// The editor's own folder at the site root (its history and bin; not under `content/`, so
/// never built).
pub const EDITOR_DIR: &str = ".redakcja";

/// One Markdown file with its parsed front matter.
#[derive(Debug, Clone)]
pub struct Document<M> {
    /// Path relative to the site root, for messages (`content/posts/x.md`).
    pub path: PathBuf,
    /// Absolute path of the file.
    pub abs_path: PathBuf,
    /// The folder that photo paths are relative to.
    pub dir: PathBuf,
    /// The file name without `.md`, or the bundle's folder name.
    pub stem: String,
    pub meta: M,
    pub yaml: String,
    pub yaml_line: usize,
    pub body: String,
    pub body_line: usize,
}

impl<M> Document<M> {
    /// The line of a top-level front matter key, for messages.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        front_matter::key_line(&self.yaml, self.yaml_line, key).or(Some(self.yaml_line))
    }

    /// The line of `field` inside the block `block:` (`event:`, `funding:`), or of `block:`
    /// itself when the block is written on one line.
    pub fn line_in(&self, block: &str, field: &str) -> Option<usize> {
        front_matter::block_key_line(&self.yaml, self.yaml_line, block, field)
    }
}

/// A Markdown file that is a document: `x.md`, or `x/index.md` (a page bundle).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Absolute path of the file.
    pub path: PathBuf,
    pub is_bundle: bool,
}

impl Source {
    /// The document file at `path` (absolute).
    pub fn new(path: PathBuf) -> Self {
        let is_bundle = is_bundle_index(&path);
        Source { path, is_bundle }
    }
}

/// Whether `path` is the `index.md` of a page bundle.
pub fn is_bundle_index(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "index.md")
}

/// The document files under `content/`, by section, in file name order.
#[derive(Debug, Default)]
pub struct Sources {
    pub posts: Vec<Source>,
    pub projects: Vec<Source>,
    pub pages: Vec<Source>,
}

/// Finds every document under `<root>/content/`. Problems (unreadable folders, symlinks) are
/// collected, not fatal.
pub fn find(root: &Path) -> (Sources, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    let mut diagnostics = Vec::new();
    let mut section =
        |name: &str, nested| find_markdown(root, &content.join(name), nested, &mut diagnostics);
    let sources = Sources {
        posts: section("posts", false),
        projects: section("projects", false),
        pages: section("pages", true),
    };
    (sources, diagnostics)
}

/// The Markdown files of `content/projects/` only, as [`find`] finds them (problems left to it).
pub fn find_projects(root: &Path) -> Vec<Source> {
    let mut ignored = Vec::new();
    find_markdown(
        root,
        &root.join(CONTENT_DIR).join("projects"),
        false,
        &mut ignored,
    )
}

/// Markdown files of a section: `x.md` files and `x/index.md` bundles. Other `.md` files inside
/// a bundle belong to it and are not documents of their own (a video's transcript), except, when
/// `nested` (static pages), those directly beside a bundle's `index.md` that start with front
/// matter: the child pages of a section (`pomoc/index.md` and `pomoc/zasilki.md`). Symlinks are
/// never followed.
fn find_markdown(
    root: &Path,
    dir: &Path,
    nested: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let mut found = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                if e.io_error()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
                    && e.depth() == 0
                {
                    continue; // a site may have no pages/ or projects/ folder
                }
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| relative(root, dir));
                diagnostics.push(
                    Diagnostic::error(path, msg!(Content::CannotReadFolder, error = e.to_string()))
                        .hint(Content::CannotReadFolderHint),
                );
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::error(relative(root, path), Content::SymlinkNotFollowed)
                    .hint(Content::SymlinkHint),
            );
            continue;
        }
        let t = entry.file_type();
        if t.is_dir() || path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        if t.is_file() {
            found.push(Source::new(path.to_path_buf()));
        } else if let Ok(meta) = entry.metadata() {
            // A FIFO, socket or device named `.md`: reading it could block the build forever.
            let e = file::ReadError::NotRegular(file::kind(&meta));
            diagnostics.push(Diagnostic::error(relative(root, path), e.message()).hint(e.hint()));
        }
    }
    let bundles: HashSet<PathBuf> = found
        .iter()
        .filter(|s| s.is_bundle)
        .filter_map(|s| s.path.parent().map(Path::to_path_buf))
        .collect();
    found.retain(|s| {
        let parent = s.path.parent();
        s.is_bundle
            || (nested && parent.is_some_and(|p| bundles.contains(p)) && has_front_matter(&s.path))
            || !s.path.ancestors().skip(1).any(|a| bundles.contains(a))
    });
    found
}

/// Whether the file at `path` starts with a front matter fence (`---`, after a BOM); a file
/// that cannot be read counts as a document, so that reading it reports why.
fn has_front_matter(path: &Path) -> bool {
    use std::io::Read;
    let Ok((file, _)) = file::open(path, MAX_TEXT_BYTES) else {
        return true;
    };
    let mut start = Vec::with_capacity(8);
    if file.take(6).read_to_end(&mut start).is_err() {
        return true;
    }
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&start);
    start.starts_with(b"---")
}

/// `path` relative to `root` when it is inside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The largest text file (Markdown, YAML) tablica reads: 8 MiB, some 4,000 pages of text.
/// Larger files are refused before they are read, so a mistaken export cannot exhaust the
/// memory or the time of a build.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a file as UTF-8 text without BOM and with `\n` line ends, refusing files larger than
/// [`MAX_TEXT_BYTES`], links and anything that is not a regular file (see [`file::open`]).
pub fn read_text(root: &Path, abs: &Path) -> Result<String, Diagnostic> {
    let rel = relative(root, abs);
    let bytes = file::read(abs, MAX_TEXT_BYTES).map_err(|e| {
        let d = Diagnostic::error(&rel, e.message());
        match e {
            file::ReadError::TooLarge { .. } => d.at_line(Some(1)).hint(Content::TooLargeTextHint),
            e => d.hint(e.hint()),
        }
    })?;
    decode_text(&rel, &bytes)
}

/// Turns the bytes of the file `rel` into UTF-8 text without BOM and with `\n` line ends.
///
/// Invalid UTF-8 is an error naming the line of the first bad byte.
pub fn decode_text(rel: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::error(rel, Content::NotUtf8)
            .at_line(Some(line))
            .hint(Content::NotUtf8Hint)
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// Reads a document and parses its front matter.
pub fn read_document<M: DeserializeOwned>(
    root: &Path,
    source: &Source,
) -> Result<Document<M>, Vec<Diagnostic>> {
    let text = read_text(root, &source.path).map_err(|d| vec![d])?;
    parse_document(root, source, &text)
}

/// Parses `text` as the document `source` (which need not be on disk yet): what
/// [`read_document`] does once the file is read.
pub fn parse_document<M: DeserializeOwned>(
    root: &Path,
    source: &Source,
    text: &str,
) -> Result<Document<M>, Vec<Diagnostic>> {
    let (abs, is_bundle) = (source.path.as_path(), source.is_bundle);
    let rel = relative(root, abs);
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::error(&rel, Content::EmptyFile)
            .at_line(Some(1))
            .hint(Content::EmptyFileHint)]);
    }
    let split = front_matter::split(&rel, text).map_err(|d| vec![d])?;
    let meta = front_matter::parse::<M>(&rel, split.yaml, split.yaml_line)?;
    let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
    let stem = if is_bundle {
        dir.file_name()
    } else {
        abs.file_stem()
    }
    .map(|s| s.to_string_lossy().into_owned())
    .unwrap_or_default();
    Ok(Document {
        path: rel,
        abs_path: abs.to_path_buf(),
        dir,
        stem,
        meta,
        yaml: split.yaml.to_string(),
        yaml_line: split.yaml_line,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}
