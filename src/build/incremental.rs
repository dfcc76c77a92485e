//! What an in-place build keeps of the last one, to do only what changed: the last output's
//! fingerprints, the model it was built from, and the files reported changed since.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::render::Fingerprints;
use crate::site::Site;

use super::{Builder, Files};

/// What a build made that a patched build can start from (see [`Builder::changed`]).
pub(super) struct Base {
    pub(super) site: Site,
    /// The build's date, site-local: on another day, events have moved.
    pub(super) date: NaiveDate,
    pub(super) files: Files,
}

/// What the last in-place build left in the output folder.
pub(super) struct LastOutput {
    /// The pages, with their fingerprints.
    pub(super) pages: Fingerprints,
    /// The pages' files, in the order the sitemap lists them.
    pub(super) order: Vec<PathBuf>,
    /// The sitemap, robots.txt, feeds, calendar files and search index, with their
    /// fingerprints.
    pub(super) site_files: Fingerprints,
    /// Files copied as they are (photo copies, attachments, the theme's static files).
    pub(super) copies: HashSet<PathBuf>,
    pub(super) assets_hash: u64,
    /// That build's model and files, when the next build may patch them.
    pub(super) base: Option<Base>,
}

impl Builder {
    /// Tells the builder that a file, or anything below a folder, changed, in case sizes and
    /// times did not (a watcher that lost events reports the whole `content/` folder).
    pub fn invalidate(&mut self, path: &Path) {
        self.documents.forget(path);
        self.photos.retain(|p, _| !p.starts_with(path));
    }

    /// Tells the builder every file that changed since its last build (absolute paths, as a
    /// watcher reports them), and [invalidates](Self::invalidate) each. When they are all posts
    /// or pages edited in ways that keep the site's structure, the next in-place build reads
    /// only them and patches the last build's model (see [`Site::patch`]) instead of finding,
    /// checking and linking every document again. Files changed but not reported would be
    /// missed by that build: report all of them, or none and let the build look.
    pub fn changed(&mut self, paths: &[PathBuf]) {
        if paths.is_empty() {
            return;
        }
        for path in paths {
            self.invalidate(path);
        }
        let changes = self.changes.get_or_insert_with(Vec::new);
        changes.extend_from_slice(paths);
        changes.sort();
        changes.dedup();
    }
}
