//! Reading every document of the site ([`build`]): each section's files are read, checked and
//! rendered in parallel, or taken from the [`DocumentCache`], then [linked](super::link).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cache::{Cached, DocumentCache, Loaded, Section};
use super::entry::{self, draft_slug, FrontMatter, Kind};
use super::link::link;
use super::schedule::Moment;
use super::{Entry, Site};
use crate::config::Config;
use crate::content::{self, Source};
use crate::diagnostics::Diagnostic;
use crate::fingerprint::{self, FileStamp};
use crate::markdown::MarkdownOptions;
use rayon::prelude::*;

/// Builds the model from the documents under `<root>/content/`. Drafts are dropped unless
/// `drafts`, and documents scheduled for later unless `moment` is a preview's. Documents
/// unchanged since they went into `cache` are taken from it.
///
/// Returns the site even when there are problems, so that every problem is reported.
pub fn build(
    config: Config,
    root: &Path,
    drafts: bool,
    moment: Moment,
    cache: &mut DocumentCache,
) -> (Site, Vec<Diagnostic>) {
    let (sources, mut problems) = content::find(root);
    let settings = fingerprint::of((&config, drafts));
    if cache.settings != settings {
        *cache = DocumentCache {
            settings,
            ..DocumentCache::default()
        };
    }
    let loader = Loader::new(&config, root, drafts);
    let (projects, draft_projects) =
        loader.section(&sources.projects, &mut cache.projects, &mut problems);
    let (posts, _) = loader.section(&sources.posts, &mut cache.posts, &mut problems);
    let (pages, _) = loader.section(&sources.pages, &mut cache.pages, &mut problems);
    let pictures = super::marking::site_pictures(&config, root, &projects, &mut problems);
    let (mut site, problems) = link(
        config,
        posts,
        projects,
        pages,
        draft_projects,
        moment,
        problems,
    );
    site.pictures = pictures;
    (site, problems)
}

/// Reads, checks and renders the documents of one section, reusing cached ones.
pub(super) struct Loader<'a> {
    pub(super) config: &'a Config,
    pub(super) root: &'a Path,
    pub(super) drafts: bool,
    pub(super) md: MarkdownOptions<'a>,
}

impl<'a> Loader<'a> {
    pub(super) fn new(config: &'a Config, root: &'a Path, drafts: bool) -> Self {
        let md = MarkdownOptions::of(config);
        Loader {
            config,
            root,
            drafts,
            md,
        }
    }

    /// The section's entries and the slugs of its drafts left out.
    pub(super) fn section<K: Kind>(
        &self,
        sources: &[Source],
        cache: &mut Section<Entry<K>>,
        problems: &mut Vec<Diagnostic>,
    ) -> (Vec<Arc<Entry<K>>>, Vec<String>) {
        let results: Vec<(PathBuf, Option<Cached<Entry<K>>>, _)> = sources
            .par_iter()
            .map(|source| {
                let stamp = FileStamp::of(&source.path);
                if let Some(hit) = cache.get(&source.path) {
                    let media_unchanged = match &hit.loaded {
                        Loaded::Entry(e) => e.media.unchanged(),
                        Loaded::Draft(_) => true,
                    };
                    if stamp.is_some() && hit.stamp == stamp && media_unchanged {
                        let again = Cached {
                            stamp,
                            loaded: hit.loaded.clone(),
                            problems: hit.problems.clone(),
                        };
                        return (source.path.clone(), Some(again), Vec::new());
                    }
                }
                let (loaded, ds) = self.load(source, stamp);
                (source.path.clone(), loaded, ds)
            })
            .collect();
        let mut entries = Vec::with_capacity(results.len());
        let mut drafts = Vec::new();
        cache.clear();
        for (path, cached, ds) in results {
            problems.extend(ds);
            let Some(cached) = cached else { continue };
            problems.extend(cached.problems.iter().cloned());
            match &cached.loaded {
                Loaded::Entry(e) => entries.push(Arc::clone(e)),
                Loaded::Draft(slug) => drafts.push(slug.clone()),
            }
            cache.insert(path, cached);
        }
        (entries, drafts)
    }
}

impl Loader<'_> {
    /// Reads, checks and renders one document whose file has `stamp`: its cache entry, or the
    /// problems that keep it out of the site.
    pub(super) fn load<K: Kind>(
        &self,
        source: &Source,
        stamp: Option<FileStamp>,
    ) -> (Option<Cached<Entry<K>>>, Vec<Diagnostic>) {
        let doc = match content::read_document::<K::Meta>(self.root, source) {
            Ok(doc) => doc,
            Err(ds) => return (None, ds),
        };
        let mut ds = Vec::new();
        let loaded = if doc.meta.common().draft && !self.drafts {
            Some(Loaded::Draft(draft_slug(&doc)))
        } else {
            entry::build(self.config, doc, self.md, &mut ds).map(|e| Loaded::Entry(Arc::new(e)))
        };
        match loaded {
            Some(loaded) => {
                let cached = Cached {
                    stamp,
                    loaded,
                    problems: ds,
                };
                (Some(cached), Vec::new())
            }
            None => (None, ds),
        }
    }
}
