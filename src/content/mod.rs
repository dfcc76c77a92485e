//! Loading content: finding Markdown files with walkdir, reading them safely and parsing
//! their front matter. Nothing here knows about URLs or templates.

pub mod date;
pub mod front_matter;
pub mod meta;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
pub use meta::{PageMeta, PostMeta, ProjectMeta};

/// Where content lives, relative to the site root.
pub const CONTENT_DIR: &str = "content";

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
}

/// Everything under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub posts: Vec<Document<PostMeta>>,
    pub projects: Vec<Document<ProjectMeta>>,
    pub pages: Vec<Document<PageMeta>>,
}

/// Reads and parses every document under `<root>/content/`. Problems are collected, not
/// fatal: every readable document is returned, every problem reported.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    let mut diagnostics = Vec::new();
    let posts = load_section(root, &content.join("posts"), &mut diagnostics);
    let projects = load_section(root, &content.join("projects"), &mut diagnostics);
    let pages = load_section(root, &content.join("pages"), &mut diagnostics);
    (
        Content {
            posts,
            projects,
            pages,
        },
        diagnostics,
    )
}

fn load_section<M: DeserializeOwned + front_matter::Keys + Send>(
    root: &Path,
    dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Document<M>> {
    let files = find_markdown(root, dir, diagnostics);
    let results: Vec<_> = files
        .par_iter()
        .map(|(abs, is_bundle)| read_document::<M>(root, abs, *is_bundle))
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(doc) => docs.push(doc),
            Err(mut ds) => diagnostics.append(&mut ds),
        }
    }
    docs
}

/// Whether a file name is an editor's temporary or backup file, or hidden.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

/// Markdown files of a section: `x.md` files and `x/index.md` bundles. Other `.md` files inside
/// a bundle belong to it and are not documents of their own. Symlinks are never followed.
fn find_markdown(
    root: &Path,
    dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, bool)> {
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
                    Diagnostic::error(path, format!("cannot read: {e}"))
                        .hint("check that the folder exists and is readable"),
                );
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::error(relative(root, path), "symbolic links are not followed")
                    .hint("copy the file into the site folder instead of linking to it"),
            );
            continue;
        }
        if entry.file_type().is_file() && path.extension().is_some_and(|x| x == "md") {
            let is_bundle = path.file_name().is_some_and(|n| n == "index.md");
            found.push((path.to_path_buf(), is_bundle));
        }
    }
    let bundles: HashSet<PathBuf> = found
        .iter()
        .filter(|(_, b)| *b)
        .filter_map(|(p, _)| p.parent().map(Path::to_path_buf))
        .collect();
    found
        .retain(|(p, is_bundle)| *is_bundle || !p.ancestors().skip(1).any(|a| bundles.contains(a)));
    found
}

/// `path` relative to `root` when it is inside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads a file as UTF-8 text without BOM and with `\n` line ends.
pub fn read_text(root: &Path, abs: &Path) -> Result<String, Diagnostic> {
    let rel = relative(root, abs);
    let bytes = std::fs::read(abs).map_err(|e| {
        Diagnostic::error(&rel, format!("cannot read the file: {e}"))
            .hint("check that the file exists and is readable")
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::error(&rel, "the file is not valid UTF-8 text")
            .at_line(Some(line))
            .hint("save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)")
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

fn read_document<M: DeserializeOwned + front_matter::Keys>(
    root: &Path,
    abs: &Path,
    is_bundle: bool,
) -> Result<Document<M>, Vec<Diagnostic>> {
    let rel = relative(root, abs);
    let text = read_text(root, abs).map_err(|d| vec![d])?;
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::error(&rel, "the file is empty")
            .at_line(Some(1))
            .hint("add front matter with at least `title:` (and `date:` for posts), or delete the file")]);
    }
    let split = front_matter::split(&rel, &text).map_err(|d| vec![d])?;
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
