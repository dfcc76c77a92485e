//! The checks of `tablica check` on one document's text before it is written (for the
//! editor): its front matter, text, event and photos, and for a post whether its project
//! exists. Problems that need the whole site (two documents with one address) are left to
//! the build.

use std::path::Path;

use super::entry::{self, Kind};
use super::{PageFacts, PostFacts, ProjectFacts};
use crate::config::Config;
use crate::content::{self, Source, CONTENT_DIR};
use crate::diagnostics::Diagnostic;
use crate::markdown::MarkdownOptions;

/// The problems of `text` as the document at `abs` (under `content/posts/`, `projects/` or
/// `pages/` of `root`). `projects`: the slugs of the site's projects.
pub fn check_text(
    config: &Config,
    root: &Path,
    abs: &Path,
    text: &str,
    projects: &[String],
) -> Vec<Diagnostic> {
    let section = abs
        .strip_prefix(root.join(CONTENT_DIR))
        .ok()
        .and_then(|rel| rel.components().next())
        .and_then(|c| c.as_os_str().to_str().map(str::to_string));
    let source = Source::new(abs.to_path_buf());
    let mut problems = Vec::new();
    match section.as_deref() {
        Some("projects") => {
            one::<ProjectFacts>(config, root, &source, text, &mut problems);
        }
        Some("pages") => {
            one::<PageFacts>(config, root, &source, text, &mut problems);
        }
        _ => {
            let doc = one::<PostFacts>(config, root, &source, text, &mut problems);
            let named = doc
                .as_ref()
                .and_then(|d| Some((d, d.meta.project.as_deref()?)));
            if let Some((doc, reference)) = named {
                if !projects.iter().any(|p| p == reference) {
                    let known: Vec<&str> = projects.iter().map(String::as_str).collect();
                    problems.push(super::link::unknown_project(doc, reference, &known));
                }
            }
        }
    }
    problems
}

/// Checks one document of kind `K`; its parsed front matter when it could be read.
fn one<K: Kind>(
    config: &Config,
    root: &Path,
    source: &Source,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<content::Document<K::Meta>>
where
    K::Meta: Clone,
{
    let doc = match content::parse_document::<K::Meta>(root, source, text) {
        Ok(doc) => doc,
        Err(ds) => {
            problems.extend(ds);
            return None;
        }
    };
    let md = MarkdownOptions::of(config);
    let kept = doc.clone();
    if let Some(entry) = entry::build::<K>(config, doc, md, problems) {
        let (_, photo_problems) = crate::gallery::resolve(root, &entry.document(), &config.images);
        problems.extend(photo_problems);
    }
    Some(kept)
}
