//! The document cache of a `serve` session, and patching the model with edited documents
//! ([`Site::patch`]) instead of building it again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::entry::{FrontMatter, Kind};
use super::load::Loader;
use super::{Entry, Id, PageEntry, PageId, PostEntry, PostId, ProjectEntry, Site};
use crate::content::Source;
use crate::diagnostics::Diagnostic;
use crate::fingerprint::FileStamp;

/// Documents already read and rendered, kept between builds of a `serve` session: a file
/// whose size and modification time are unchanged is not read again.
#[derive(Default)]
pub struct DocumentCache {
    /// What the cached entries were built with (settings, drafts); a change empties the cache.
    pub(super) settings: u64,
    pub(super) posts: Section<PostEntry>,
    pub(super) projects: Section<ProjectEntry>,
    pub(super) pages: Section<PageEntry>,
}

pub(super) type Section<E> = HashMap<PathBuf, Cached<E>>;

pub(super) struct Cached<E> {
    pub(super) stamp: Option<FileStamp>,
    pub(super) loaded: Loaded<E>,
    pub(super) problems: Vec<Diagnostic>,
}

pub(super) enum Loaded<E> {
    Entry(Arc<E>),
    /// A draft left out of this build, with its slug (projects' drafts may be referenced).
    Draft(String),
}

impl<E> Clone for Loaded<E> {
    fn clone(&self) -> Self {
        match self {
            Loaded::Entry(e) => Loaded::Entry(Arc::clone(e)),
            Loaded::Draft(slug) => Loaded::Draft(slug.clone()),
        }
    }
}

impl DocumentCache {
    /// Forgets a file, or every file below a folder, e.g. when a watcher reports it changed.
    pub fn forget(&mut self, path: &Path) {
        self.posts.retain(|p, _| !p.starts_with(path));
        self.projects.retain(|p, _| !p.starts_with(path));
        self.pages.retain(|p, _| !p.starts_with(path));
    }

    /// The problems (warnings, in a site that builds) found in the cached documents.
    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        fn of<E>(section: &Section<E>) -> impl Iterator<Item = &Diagnostic> {
            section.values().flat_map(|c| &c.problems)
        }
        of(&self.posts)
            .chain(of(&self.projects))
            .chain(of(&self.pages))
    }
}

/// The documents that [`Site::patch`] replaced.
#[derive(Debug, Default)]
pub struct Edited {
    pub posts: Vec<PostId>,
    pub pages: Vec<PageId>,
}

/// A document read again: its new entry, and the cache entry holding it.
pub(super) type Reread<E> = (Arc<E>, Cached<E>);

/// Reads the document at `path` again, for [`Site::patch`]: its new entry and cache entry, or
/// `None` unless it is still published, has no errors and shows other pages what `old` showed
/// them.
fn reread<K: Kind>(loader: &Loader, path: &Path, old: &Entry<K>) -> Option<Reread<Entry<K>>>
where
    Entry<K>: Linked,
{
    let stamp = FileStamp::of(path);
    let (cached, _) = loader.load::<K>(&Source::new(path.to_path_buf()), stamp);
    let cached = cached?;
    let Loaded::Entry(entry) = &cached.loaded else {
        return None;
    };
    if cached.problems.iter().any(Diagnostic::is_error) || !entry.same_links(old) {
        return None;
    }
    Some((Arc::clone(entry), cached))
}

/// Puts documents read again, by their index in `model`, in place of the old ones (`entry`
/// gives a model item's entry) and into the cache; returns their ids.
fn replace<T, E>(
    documents: Vec<(Id<T>, &PathBuf, Reread<E>)>,
    cache: &mut Section<E>,
    model: &mut [T],
    entry: impl Fn(&mut T) -> &mut Arc<E>,
) -> Vec<Id<T>> {
    let mut indexes = Vec::with_capacity(documents.len());
    for (i, path, (new, cached)) in documents {
        *entry(&mut model[i.index()]) = new;
        cache.insert(path.clone(), cached);
        indexes.push(i);
    }
    indexes
}

/// What other pages and the site's structure take from an entry: while it stays the same,
/// an edit changes the entry's own page and the pages listing it, and nothing else.
trait Linked {
    /// Whether other pages and the site's structure take the same from `self` as from `other`.
    fn same_links(&self, other: &Self) -> bool;
}

impl Linked for PostEntry {
    fn same_links(&self, other: &Self) -> bool {
        (self.slug == other.slug && self.path == other.path)
            && (self.title == other.title && self.date == other.date)
            && (self.doc.meta.tags == other.doc.meta.tags)
            && (self.doc.meta.category == other.doc.meta.category)
            && (self.doc.meta.project == other.doc.meta.project)
            && (self.event.is_some() == other.event.is_some())
            && (self.schedule == other.schedule)
            && same_language(&self.doc.meta, &other.doc.meta)
    }
}

/// Whether two versions of a document have the same language and translate the same text:
/// the pages listing them and their translations show both.
fn same_language<M: FrontMatter>(a: &M, b: &M) -> bool {
    let (a, b) = (a.common(), b.common());
    a.language == b.language && a.translation_of == b.translation_of
}

impl Linked for PageEntry {
    fn same_links(&self, other: &Self) -> bool {
        (self.slug == other.slug && self.path == other.path && self.title == other.title)
            && (self.weight == other.weight)
            && (self.event.is_some() == other.event.is_some())
            && (self.schedule == other.schedule)
            && same_language(&self.doc.meta, &other.doc.meta)
    }
}

impl Site {
    /// Reads the documents at `changed` (absolute paths) again and puts their new versions in
    /// place of the old ones, without building the model again: for a preview that is told
    /// exactly which files changed. `cache` must be the one the site was built with.
    ///
    /// Only edits that leave the site's structure as it was qualify: of posts and static pages
    /// (not projects, which every post of theirs shows) that read without errors and keep
    /// their address, title, date, tags, category, project, and event or none. For anything
    /// else (another kind of file, a new or deleted one, an error) it returns `None` and leaves
    /// the site and the cache as they were: build the model again.
    pub fn patch(
        &mut self,
        root: &Path,
        drafts: bool,
        cache: &mut DocumentCache,
        changed: &[PathBuf],
    ) -> Option<Edited> {
        let loader = Loader::new(&self.config, root, drafts);
        let mut posts = Vec::new();
        let mut pages = Vec::new();
        for path in changed {
            if let Some(i) = self.posts.iter().position(|p| p.doc.abs_path == *path) {
                let i = Id::new(i);
                let new = reread(&loader, path, &*self.posts[i].entry)?;
                posts.push((i, path, new));
            } else if let Some(i) = self.pages.iter().position(|p| p.doc.abs_path == *path) {
                let i = Id::new(i);
                let new = reread(&loader, path, &*self.pages[i].entry)?;
                pages.push((i, path, new));
            } else {
                return None;
            }
        }
        Some(Edited {
            posts: replace(posts, &mut cache.posts, &mut self.posts, |p| &mut p.entry),
            pages: replace(pages, &mut cache.pages, &mut self.pages, |p| &mut p.entry),
        })
    }
}
