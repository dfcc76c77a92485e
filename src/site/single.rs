//! The checks of `tablica check` on one document's text before it is written (for the
//! editor): its front matter, text, event and photos, and for a post whether its project
//! exists; and the address the build gives it. Problems that need the whole site (two
//! documents with one address) are left to the build.

use std::path::Path;

use super::entry::{self, Kind};
use super::{PageFacts, PostFacts, ProjectFacts};
use crate::config::Config;
use crate::content::{self, Source, CONTENT_DIR};
use crate::diagnostics::Diagnostic;
use crate::markdown::MarkdownOptions;

/// One document's text as the build would take it.
#[derive(Debug, Default)]
pub struct Checked {
    pub problems: Vec<Diagnostic>,
    /// Its address below the site's root (`aktualnosci/dzien-seniora/`), when its front
    /// matter could be read.
    pub path: Option<String>,
}

/// The problems of `text` as the document at `abs` (under `content/posts/`, `projects/` or
/// `pages/` of `root`), and its address. `projects`: the slugs of the site's projects.
pub fn check_text(
    config: &Config,
    root: &Path,
    abs: &Path,
    text: &str,
    projects: &[String],
) -> Checked {
    let section = abs
        .strip_prefix(root.join(CONTENT_DIR))
        .ok()
        .and_then(|rel| rel.components().next())
        .and_then(|c| c.as_os_str().to_str().map(str::to_string));
    let source = Source::new(abs.to_path_buf());
    let mut checked = Checked::default();
    let problems = &mut checked.problems;
    match section.as_deref() {
        Some("projects") => {
            checked.path = one::<ProjectFacts>(config, root, &source, text, problems).1;
        }
        Some("pages") => {
            checked.path = one::<PageFacts>(config, root, &source, text, problems).1;
        }
        _ => {
            let (doc, path) = one::<PostFacts>(config, root, &source, text, problems);
            checked.path = path;
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
    checked
}

/// Checks one document of kind `K`; its parsed front matter when it could be read, and its
/// address when it became an entry.
fn one<K: Kind>(
    config: &Config,
    root: &Path,
    source: &Source,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> (Option<content::Document<K::Meta>>, Option<String>)
where
    K::Meta: Clone,
{
    let doc = match content::parse_document::<K::Meta>(root, source, text) {
        Ok(doc) => doc,
        Err(ds) => {
            problems.extend(ds);
            return (None, None);
        }
    };
    let md = MarkdownOptions::of(config);
    let kept = doc.clone();
    let path = entry::build::<K>(config, doc, md, problems).map(|entry| {
        let (_, photo_problems) = crate::gallery::resolve(root, &entry.document(), &config.images);
        problems.extend(photo_problems);
        entry.path
    });
    (Some(kept), path)
}
