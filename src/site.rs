//! The site model: every published document with its slug and URL, posts linked to their
//! projects, tags, categories and yearly archive. Built once, then only read by rendering.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use chrono::Datelike;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::attachments;
use crate::config::Config;
use crate::content::date::{self, Date};
use crate::content::front_matter::Keys;
use crate::content::meta::{PageMeta, PostMeta, ProjectMeta, ProjectStatus};
use crate::content::{self, Document, FileStamp, Source};
use crate::diagnostics::Diagnostic;
use crate::events::{self, Event};
use crate::fingerprint;
use crate::markdown::{self, Check, LinkNote, MarkdownOptions, Rendered};
use crate::search::DocumentTerms;
use crate::slug::{is_valid_slug, slugify};
use crate::video::{self, Video, VideoContext, Videos};

/// A news post, ready to render: its shared document data and its links in this site.
#[derive(Debug)]
pub struct Post {
    pub entry: Arc<PostEntry>,
    pub tags: Vec<usize>,
    pub category: Option<usize>,
    pub project: Option<usize>,
}

/// What a post is on its own, independent of the other documents.
#[derive(Debug)]
pub struct PostEntry {
    /// New for every time the file is read: equal versions mean equal content.
    pub version: u64,
    pub doc: Document<PostMeta>,
    pub title: String,
    pub slug: String,
    /// URL path below the site root, e.g. `aktualnosci/dzien-seniora/`.
    pub path: String,
    pub date: Date,
    pub updated: Option<Date>,
    pub summary: String,
    pub text: Rendered,
    /// Videos and the bundle files the page shows.
    pub media: Media,
    /// Words for the search index.
    pub search: DocumentTerms,
    pub event: Option<Event>,
}

/// A project page.
#[derive(Debug)]
pub struct Project {
    pub entry: Arc<ProjectEntry>,
    /// Indexes into `Site::posts`, newest first.
    pub posts: Vec<usize>,
}

/// What a project is on its own.
#[derive(Debug)]
pub struct ProjectEntry {
    pub version: u64,
    pub doc: Document<ProjectMeta>,
    pub title: String,
    pub slug: String,
    pub path: String,
    pub status: ProjectStatus,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub updated: Option<Date>,
    pub summary: String,
    pub text: Rendered,
    /// Videos and the bundle files the page shows.
    pub media: Media,
    /// Words for the search index.
    pub search: DocumentTerms,
}

/// A static page.
#[derive(Debug)]
pub struct Page {
    pub entry: Arc<PageEntry>,
}

/// What a page is.
#[derive(Debug)]
pub struct PageEntry {
    pub version: u64,
    pub doc: Document<PageMeta>,
    pub title: String,
    pub slug: String,
    pub path: String,
    pub updated: Option<Date>,
    pub summary: String,
    pub text: Rendered,
    /// Videos and the bundle files the page shows.
    pub media: Media,
    /// Words for the search index.
    pub search: DocumentTerms,
    pub event: Option<Event>,
}

macro_rules! deref_to_entry {
    ($($outer:ty => $entry:ty),*) => {$(
        impl std::ops::Deref for $outer {
            type Target = $entry;
            fn deref(&self) -> &$entry {
                &self.entry
            }
        }
    )*};
}
deref_to_entry!(Post => PostEntry, Project => ProjectEntry, Page => PageEntry);

/// What a document shows from its page bundle besides photos: its videos, and the files its
/// page describes (documents linked in the text with their size, films, captions, transcripts).
#[derive(Debug, Default)]
pub struct Media {
    pub videos: Vec<Video>,
    /// The bundle files the page shows something of, with their stamps when they were read. A
    /// change to one makes the document be read again, so it gets a new version and its pages
    /// a new fingerprint.
    pub files: Vec<(PathBuf, Option<FileStamp>)>,
}

impl Media {
    /// Whether every file is as it was when the document was read.
    fn unchanged(&self) -> bool {
        self.files.iter().all(|(p, s)| FileStamp::of(p) == *s)
    }
}

/// An entry of the model that has [`Media`].
trait HasMedia {
    fn media(&self) -> &Media;
}

macro_rules! has_media {
    ($($entry:ty),*) => {$(
        impl HasMedia for $entry {
            fn media(&self) -> &Media {
                &self.media
            }
        }
    )*};
}
has_media!(PostEntry, ProjectEntry, PageEntry);

static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

/// A tag or category.
#[derive(Debug)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub path: String,
    /// Indexes into `Site::posts`, newest first.
    pub posts: Vec<usize>,
}

/// The whole site.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Newest first.
    pub posts: Vec<Post>,
    pub projects: Vec<Project>,
    pub pages: Vec<Page>,
    pub tags: Vec<Term>,
    pub categories: Vec<Term>,
    /// Year → indexes into `posts`, newest year first.
    pub years: Vec<(i32, Vec<usize>)>,
}

impl Site {
    /// Every document of the site with its front matter photos, for the gallery step.
    pub fn documents(&self) -> impl Iterator<Item = DocumentRef<'_>> {
        let posts = self.posts.iter().map(|p| p.document());
        let projects = self.projects.iter().map(|p| p.document());
        let pages = self.pages.iter().map(|p| p.document());
        posts.chain(projects).chain(pages)
    }

    /// The documents [`Site::patch`] replaced.
    pub fn edited_documents<'s>(
        &'s self,
        edited: &'s Edited,
    ) -> impl Iterator<Item = DocumentRef<'s>> {
        let posts = edited.posts.iter().map(|&i| self.posts[i].document());
        let pages = edited.pages.iter().map(|&i| self.pages[i].document());
        posts.chain(pages)
    }

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
                let new = reread(&loader, path, &*self.posts[i].entry, build_post)?;
                posts.push((i, path, new));
            } else if let Some(i) = self.pages.iter().position(|p| p.doc.abs_path == *path) {
                let new = reread(&loader, path, &*self.pages[i].entry, build_page)?;
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

macro_rules! document_ref {
    ($($entry:ty),*) => {$(
        impl $entry {
            /// What the gallery and attachment steps need to know of it.
            pub fn document(&self) -> DocumentRef<'_> {
                DocumentRef::new(
                    &self.doc,
                    &self.path,
                    self.doc.meta.cover.as_ref(),
                    self.doc.meta.gallery.as_ref(),
                )
            }
        }
    )*};
}
document_ref!(PostEntry, ProjectEntry, PageEntry);

/// What the gallery and attachment steps need to know of a document.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    pub path: &'a Path,
    pub abs_path: &'a Path,
    pub dir: &'a Path,
    /// True for `x/index.md` bundles, whose folder holds the document's own files.
    pub is_bundle: bool,
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub url_path: &'a str,
    pub cover: Option<&'a crate::gallery::PhotoSpec>,
    pub gallery: Option<&'a crate::gallery::GallerySpec>,
}

impl<'a> DocumentRef<'a> {
    fn new<M>(
        doc: &'a Document<M>,
        url_path: &'a str,
        cover: Option<&'a crate::gallery::PhotoSpec>,
        gallery: Option<&'a crate::gallery::GallerySpec>,
    ) -> Self {
        DocumentRef {
            path: &doc.path,
            abs_path: &doc.abs_path,
            dir: &doc.dir,
            is_bundle: content::is_bundle_index(&doc.abs_path),
            yaml: &doc.yaml,
            yaml_line: doc.yaml_line,
            url_path,
            cover,
            gallery,
        }
    }
}

/// Page names that would collide with files tablica writes itself.
const RESERVED_PAGE_SLUGS: &[&str] = &["assets", "404", "atom", "sitemap", "robots"];

/// Documents already read and rendered, kept between builds of a `serve` session: a file
/// whose size and modification time are unchanged is not read again.
#[derive(Default)]
pub struct DocumentCache {
    /// What the cached entries were built with (settings, drafts); a change empties the cache.
    settings: u64,
    posts: Section<PostEntry>,
    projects: Section<ProjectEntry>,
    pages: Section<PageEntry>,
}

type Section<E> = HashMap<PathBuf, Cached<E>>;

struct Cached<E> {
    stamp: Option<FileStamp>,
    loaded: Loaded<E>,
    problems: Vec<Diagnostic>,
}

enum Loaded<E> {
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
    /// Indexes into [`Site::posts`].
    pub posts: Vec<usize>,
    /// Indexes into [`Site::pages`].
    pub pages: Vec<usize>,
}

/// A document read again: its new entry, and the cache entry holding it.
type Reread<E> = (Arc<E>, Cached<E>);

/// Reads the document at `path` again, for [`Site::patch`]: its new entry and cache entry, or
/// `None` unless it is still published, has no errors and shows other pages what `old` showed
/// them.
fn reread<M, E: Linked>(
    loader: &Loader,
    path: &Path,
    old: &E,
    make: impl Fn(&Config, Document<M>, MarkdownOptions, &mut Vec<Diagnostic>) -> Option<E>,
) -> Option<Reread<E>>
where
    M: DeserializeOwned + Keys + HasDraft,
{
    let stamp = FileStamp::of(path);
    let (cached, _) = loader.load(
        &Source::new(path.to_path_buf()),
        stamp,
        |_| String::new(),
        make,
    );
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
/// gives a model item's entry) and into the cache; returns their indexes.
fn replace<T, E>(
    documents: Vec<(usize, &PathBuf, Reread<E>)>,
    cache: &mut Section<E>,
    model: &mut [T],
    entry: impl Fn(&mut T) -> &mut Arc<E>,
) -> Vec<usize> {
    let mut indexes = Vec::with_capacity(documents.len());
    for (i, path, (new, cached)) in documents {
        *entry(&mut model[i]) = new;
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
    }
}

impl Linked for PageEntry {
    fn same_links(&self, other: &Self) -> bool {
        (self.slug == other.slug && self.path == other.path && self.title == other.title)
            && (self.event.is_some() == other.event.is_some())
    }
}

/// Builds the model from the documents under `<root>/content/`. Drafts are dropped unless
/// `drafts`. Documents unchanged since they went into `cache` are taken from it.
///
/// Returns the site even when there are problems, so that every problem is reported.
pub fn build(
    config: Config,
    root: &Path,
    drafts: bool,
    cache: &mut DocumentCache,
) -> (Site, Vec<Diagnostic>) {
    let (sources, mut problems) = content::find(root);
    let settings = fingerprint::of((format!("{config:?}"), drafts));
    if cache.settings != settings {
        *cache = DocumentCache {
            settings,
            ..DocumentCache::default()
        };
    }
    let loader = Loader::new(&config, root, drafts);
    let (projects, draft_projects) = loader.section(
        &sources.projects,
        &mut cache.projects,
        &mut problems,
        project_slug,
        build_project,
    );
    let (posts, _) = loader.section(
        &sources.posts,
        &mut cache.posts,
        &mut problems,
        |_| String::new(),
        build_post,
    );
    let (pages, _) = loader.section(
        &sources.pages,
        &mut cache.pages,
        &mut problems,
        |_| String::new(),
        build_page,
    );
    link(config, posts, projects, pages, &draft_projects, problems)
}

/// Reads, checks and renders the documents of one section, reusing cached ones.
struct Loader<'a> {
    config: &'a Config,
    root: &'a Path,
    drafts: bool,
    md: MarkdownOptions<'a>,
}

impl<'a> Loader<'a> {
    fn new(config: &'a Config, root: &'a Path, drafts: bool) -> Self {
        let md = MarkdownOptions {
            allow_raw_html: config.allow_raw_html,
            embed_hosts: &config.embed_hosts,
        };
        Loader {
            config,
            root,
            drafts,
            md,
        }
    }

    /// The section's entries and the slugs of its drafts left out.
    fn section<M, E>(
        &self,
        sources: &[Source],
        cache: &mut Section<E>,
        problems: &mut Vec<Diagnostic>,
        draft_slug: impl Fn(&Document<M>) -> String + Sync,
        make: impl Fn(&Config, Document<M>, MarkdownOptions, &mut Vec<Diagnostic>) -> Option<E> + Sync,
    ) -> (Vec<Arc<E>>, Vec<String>)
    where
        M: DeserializeOwned + Keys + Send + HasDraft,
        E: Send + Sync + HasMedia,
    {
        let results: Vec<(PathBuf, Option<Cached<E>>, Vec<Diagnostic>)> = sources
            .par_iter()
            .map(|source| {
                let stamp = FileStamp::of(&source.path);
                if let Some(hit) = cache.get(&source.path) {
                    let media_unchanged = match &hit.loaded {
                        Loaded::Entry(e) => e.media().unchanged(),
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
                let (loaded, ds) = self.load(source, stamp, &draft_slug, &make);
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
    fn load<M, E>(
        &self,
        source: &Source,
        stamp: Option<FileStamp>,
        draft_slug: impl Fn(&Document<M>) -> String,
        make: impl Fn(&Config, Document<M>, MarkdownOptions, &mut Vec<Diagnostic>) -> Option<E>,
    ) -> (Option<Cached<E>>, Vec<Diagnostic>)
    where
        M: DeserializeOwned + Keys + HasDraft,
    {
        let doc = match content::read_document::<M>(self.root, source) {
            Ok(doc) => doc,
            Err(ds) => return (None, ds),
        };
        let mut ds = Vec::new();
        let loaded = if doc.meta.is_draft() && !self.drafts {
            Some(Loaded::Draft(draft_slug(&doc)))
        } else {
            make(self.config, doc, self.md, &mut ds).map(|e| Loaded::Entry(Arc::new(e)))
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

/// Front matter that can mark a document as a draft.
pub trait HasDraft {
    fn is_draft(&self) -> bool;
}

macro_rules! has_draft {
    ($($meta:ty),*) => {$(
        impl HasDraft for $meta {
            fn is_draft(&self) -> bool {
                self.draft
            }
        }
    )*};
}
has_draft!(PostMeta, ProjectMeta, PageMeta);

/// Links posts to projects and terms, checks addresses, and sorts everything.
fn link(
    config: Config,
    posts: Vec<Arc<PostEntry>>,
    projects: Vec<Arc<ProjectEntry>>,
    pages: Vec<Arc<PageEntry>>,
    draft_projects: &[String],
    mut problems: Vec<Diagnostic>,
) -> (Site, Vec<Diagnostic>) {
    let mut projects: Vec<Project> = projects
        .into_iter()
        .map(|entry| Project {
            entry,
            posts: Vec::new(),
        })
        .collect();
    projects.sort_by(|a, b| {
        (a.status, std::cmp::Reverse(a.start), &a.title).cmp(&(
            b.status,
            std::cmp::Reverse(b.start),
            &b.title,
        ))
    });
    check_duplicates(
        projects.iter().map(|p| (&p.slug, &p.doc)),
        "project",
        &mut problems,
    );

    let mut posts: Vec<Post> = posts
        .into_iter()
        .map(|entry| Post {
            entry,
            tags: Vec::new(),
            category: None,
            project: None,
        })
        .collect();
    posts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    check_duplicates(
        posts.iter().map(|p| (&p.slug, &p.doc)),
        "post",
        &mut problems,
    );

    let mut pages: Vec<Page> = pages.into_iter().map(|entry| Page { entry }).collect();
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    check_duplicates(
        pages.iter().map(|p| (&p.slug, &p.doc)),
        "page",
        &mut problems,
    );
    for page in &pages {
        if config.paths.all().contains(&page.slug.as_str())
            || RESERVED_PAGE_SLUGS.contains(&page.slug.as_str())
        {
            problems.push(
                Diagnostic::error(
                    &page.doc.path,
                    format!(
                        "the page address `/{}/` is used by tablica itself",
                        page.slug
                    ),
                )
                .field("slug")
                .at_line(page.doc.line_of("slug"))
                .hint("give the page another `slug:`"),
            );
        }
    }

    // Links between posts and projects.
    let project_index: HashMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let mut links = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        let Some(reference) = post.doc.meta.project.as_deref() else {
            continue;
        };
        match project_index.get(reference) {
            Some(&p) => links.push((i, p)),
            None if draft_projects.iter().any(|d| d == reference) => {}
            None => {
                let mut d =
                    Diagnostic::error(&post.doc.path, format!("there is no project `{reference}`"))
                        .field("project")
                        .at_line(post.doc.line_of("project"));
                let known: Vec<&str> = project_index.keys().copied().collect();
                let best = known
                    .iter()
                    .map(|k| (strsim::jaro_winkler(reference, k), *k))
                    .filter(|(s, _)| *s > 0.75)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                d = match best {
                    Some((_, k)) => d.hint(format!(
                        "did you mean `{k}`? A project is named by its slug"
                    )),
                    None if known.is_empty() => {
                        d.hint("add the project in content/projects/ or remove the `project:` line")
                    }
                    None => {
                        let mut names = known.clone();
                        names.sort_unstable();
                        d.hint(format!("use one of: {}", names.join(", ")))
                    }
                };
                problems.push(d);
            }
        }
    }
    for (post, project) in links {
        posts[post].project = Some(project);
        projects[project].posts.push(post);
    }

    for post in &posts {
        let count = post.doc.meta.tags.len();
        if count > MAX_TAGS_PER_POST {
            problems.push(
                Diagnostic::warning(
                    &post.doc.path,
                    format!("the post has {count} tags; only the first {MAX_TAGS_PER_POST} are used"),
                )
                .field("tags")
                .at_line(post.doc.line_of("tags"))
                .hint("keep the few tags a reader would look for; each tag is a page listing its posts"),
            );
        }
    }
    let tags = collect_terms(
        &mut posts,
        &config.paths.tags,
        &mut problems,
        |p| {
            p.doc
                .meta
                .tags
                .iter()
                .take(MAX_TAGS_PER_POST)
                .map(|t| (t.as_str(), "tags"))
                .collect()
        },
        |p, t| p.tags.push(t),
    );
    let categories = collect_terms(
        &mut posts,
        &config.paths.categories,
        &mut problems,
        |p| {
            p.doc
                .meta
                .category
                .iter()
                .map(|c| (c.as_str(), "category"))
                .collect()
        },
        |p, c| p.category = Some(c),
    );

    let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, post) in posts.iter().enumerate() {
        by_year.entry(post.date.local.year()).or_default().push(i);
    }
    let years = by_year.into_iter().rev().collect();

    (
        Site {
            config,
            posts,
            projects,
            pages,
            tags,
            categories,
            years,
        },
        problems,
    )
}

/// Tags one post may have; more are left out with a warning. Every tag page lists the post
/// with its tags, so thousands on one post would make the build quadratic in them.
pub const MAX_TAGS_PER_POST: usize = 50;

/// Terms of one taxonomy, merged by slug ("Seniorzy" and "seniorzy" are one tag).
fn collect_terms(
    posts: &mut [Post],
    section: &str,
    problems: &mut Vec<Diagnostic>,
    names: impl Fn(&Post) -> Vec<(&str, &'static str)>,
    mut assign: impl FnMut(&mut Post, usize),
) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // Thousands of posts share a few hundred names: each is made into a slug once.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut assignments = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        for (name, field) in names(post) {
            let slug = slugs.entry(name).or_insert_with(|| slugify(name)).clone();
            let problem = if slug.is_empty() {
                Some((
                    "cannot be made into an address".to_string(),
                    "use a name with letters or digits",
                ))
            } else {
                crate::slug::check(&slug)
                    .err()
                    .map(|e| (e.to_string(), "use a shorter or different name"))
            };
            if let Some((message, hint)) = problem {
                let shown: String = name.chars().take(40).collect();
                problems.push(
                    Diagnostic::error(&post.doc.path, format!("`{shown}`: {message}"))
                        .field(field)
                        .at_line(post.doc.line_of(field))
                        .hint(hint),
                );
                continue;
            }
            let t = *index.entry(slug.clone()).or_insert_with(|| {
                terms.push(Term {
                    name: name.trim().to_string(),
                    path: format!("{section}/{slug}/"),
                    slug,
                    posts: Vec::new(),
                });
                terms.len() - 1
            });
            if terms[t].posts.last() != Some(&i) {
                terms[t].posts.push(i);
                assignments.push((i, t));
            }
        }
    }
    // Sort by name (Polish letters by their base letter) and remap indexes.
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_key(|&t| {
        (
            deunicode::deunicode(&terms[t].name).to_lowercase(),
            terms[t].name.clone(),
        )
    });
    let mut new_index = vec![0; terms.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for (post, t) in assignments {
        assign(&mut posts[post], new_index[t]);
    }
    let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    order.iter().filter_map(|&old| slots[old].take()).collect()
}

fn check_duplicates<'a, M: 'a>(
    items: impl Iterator<Item = (&'a String, &'a Document<M>)>,
    kind: &str,
    problems: &mut Vec<Diagnostic>,
) {
    // In file order, so the message is stable and names the later file.
    let mut items: Vec<_> = items.collect();
    items.sort_by(|a, b| a.1.path.as_os_str().cmp(b.1.path.as_os_str()));
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (slug, doc) in items {
        if let Some(first) = seen.insert(slug, &doc.path) {
            problems.push(
                Diagnostic::error(
                    &doc.path,
                    format!(
                        "another {kind} already has the address `{slug}`: {}",
                        first.display()
                    ),
                )
                .field("slug")
                .at_line(doc.line_of("slug"))
                .hint("give one of them a different `slug:` (or rename the file)"),
            );
        }
    }
}

fn required_title<M>(
    doc: &Document<M>,
    title: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    match title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(t.to_string()),
        _ => {
            problems.push(
                Diagnostic::error(&doc.path, "the title is missing")
                    .field("title")
                    .at_line(doc.line_of("title"))
                    .hint("add a line such as `title: Dzień Seniora w Klubie „Pogodna Jesień”`"),
            );
            None
        }
    }
}

fn optional_date<M>(
    doc: &Document<M>,
    field: &str,
    value: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<Date>, ()> {
    match value {
        None => Ok(None),
        Some(v) => date::parse(v).map(Some).map_err(|hint| {
            problems.push(
                Diagnostic::error(&doc.path, format!("`{v}` is not a valid date"))
                    .field(field)
                    .at_line(doc.line_of(field))
                    .hint(hint),
            );
        }),
    }
}

/// The slug from `slug:`, or from the file (or bundle folder) name without a leading date.
fn slug_for<M>(
    doc: &Document<M>,
    explicit: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(s) = explicit {
        if is_valid_slug(s) {
            return usable(doc, s.clone(), problems);
        }
        problems.push(
            Diagnostic::error(&doc.path, format!("`{s}` is not a valid slug"))
                .field("slug")
                .at_line(doc.line_of("slug"))
                .hint(format!(
                    "use lowercase letters without diacritics, digits and hyphens, e.g. `{}`",
                    slugify(s)
                )),
        );
        return None;
    }
    let slug = slugify(strip_date_prefix(&doc.stem));
    if slug.is_empty() {
        problems.push(
            Diagnostic::error(&doc.path, "the file name gives no address")
                .hint("rename the file using letters or digits, or add `slug:`"),
        );
        return None;
    }
    usable(doc, slug, problems)
}

/// `slug` if it can be the name of the document's folder in the output (see
/// [`crate::slug::check`]), else `None` with an error at `slug:` (or the file name).
fn usable<M>(doc: &Document<M>, slug: String, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let Err(e) = crate::slug::check(&slug) else {
        return Some(slug);
    };
    problems.push(
        Diagnostic::error(&doc.path, e.to_string())
            .field("slug")
            .at_line(doc.line_of("slug"))
            .hint("give the document a short `slug:` of your choice, e.g. `slug: kontakt`"),
    );
    None
}

fn project_slug(doc: &Document<ProjectMeta>) -> String {
    doc.meta
        .slug
        .clone()
        .unwrap_or_else(|| slugify(strip_date_prefix(&doc.stem)))
}

/// "2026-11-24-warsztaty" → "warsztaty".
fn strip_date_prefix(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    let is_date = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && matches!(bytes[10], b'-' | b'_');
    if is_date {
        &stem[11..]
    } else {
        stem
    }
}

/// Renders a document's text and resolves its videos, reporting what the checks found.
/// Links to documents in the bundle get their type and size in the link text.
fn render_body<M>(
    config: &Config,
    doc: &Document<M>,
    videos: Option<&Videos>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> (Rendered, Media) {
    let bundle = content::is_bundle_index(&doc.abs_path).then_some(doc.dir.as_path());
    let lang = config.language;
    let mut files = Vec::new();
    let mut links = |url: &str| {
        let Some(name) = attachments::linked_document(url) else {
            return LinkNote::Keep;
        };
        match attachments::bundle_document(bundle, &name) {
            Ok((path, info)) => {
                files.push(path);
                LinkNote::Describe(info.label(lang))
            }
            Err(problem) => {
                let (message, hint) = problem.describe("the linked document", &name);
                LinkNote::Problem { message, hint }
            }
        }
    };
    let mut text = markdown::render_with_links(&doc.body, doc.body_line, md, &mut links);
    report_findings(config, &doc.path, &mut text, problems);
    let videos = match videos {
        None => Vec::new(),
        Some(videos) => {
            let depth = doc.path.components().count();
            let root = doc.abs_path.ancestors().nth(depth).unwrap_or(Path::new(""));
            let cx = VideoContext {
                root,
                doc: &doc.path,
                yaml: &doc.yaml,
                yaml_line: doc.yaml_line,
                bundle,
                lang,
            };
            let mut found = Vec::new();
            let mut transcript = |file: &Path, body: &str, line: usize| {
                let mut text = markdown::render(body, line, md);
                report_findings(config, file, &mut text, &mut found);
                text.html
            };
            let resolved = video::resolve(&cx, videos, problems, &mut files, &mut transcript);
            problems.extend(found);
            resolved
        }
    };
    files.sort();
    files.dedup();
    let files = files
        .into_iter()
        .map(|p| {
            let stamp = FileStamp::of(&p);
            (p, stamp)
        })
        .collect();
    (text, Media { videos, files })
}

/// Adds the findings of rendered Markdown from `file` to `problems`, as the site configures
/// their severity.
fn report_findings(
    config: &Config,
    file: &Path,
    rendered: &mut Rendered,
    problems: &mut Vec<Diagnostic>,
) {
    for f in std::mem::take(&mut rendered.findings) {
        let level = match f.check {
            Check::HeadingLevels => config.checks.heading_levels.severity(),
            Check::EmptyLinkText => config.checks.empty_link_text.severity(),
            Check::VagueLinkText => config.checks.vague_link_text.severity(),
            Check::ImageAlt => config.checks.image_alt.severity(),
            Check::TableHeader => config.checks.table_header.severity(),
            Check::FrameTitle => config.checks.frame_title.severity(),
            // The address was removed and the page still builds; the editor should know.
            Check::Unsafe => Some(crate::diagnostics::Severity::Warning),
            Check::Document => Some(crate::diagnostics::Severity::Error),
        };
        if let Some(severity) = level {
            problems.push(
                Diagnostic::error(file, f.message)
                    .with_severity(severity)
                    .at_line(Some(f.line))
                    .hint(f.hint),
            );
        }
    }
}

fn build_post(
    config: &Config,
    doc: Document<PostMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<PostEntry> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let date = match &doc.meta.date {
        None => {
            problems.push(
                Diagnostic::error(&doc.path, "the date is missing")
                    .field("date")
                    .at_line(doc.line_of("date"))
                    .hint("add a line such as `date: 2026-11-24`"),
            );
            None
        }
        Some(_) => optional_date(&doc, "date", &doc.meta.date, problems)
            .ok()
            .flatten(),
    };
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems)
        .ok()
        .flatten();
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    let event = optional_event(&doc, &doc.meta.event, problems);
    let (text, media) = render_body(config, &doc, doc.meta.video.as_ref(), md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let mut post = new_post(config, doc, title?, date?, updated, slug?, (text, media));
    post.event = event;
    Some(post)
}

fn new_post(
    config: &Config,
    doc: Document<PostMeta>,
    title: String,
    date: Date,
    updated: Option<Date>,
    slug: String,
    (mut text, media): (Rendered, Media),
) -> PostEntry {
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let mut labels: Vec<&str> = vec![&title];
    labels.extend(doc.meta.tags.iter().map(String::as_str));
    labels.extend(doc.meta.category.as_deref());
    let search = search_terms(&labels, &doc.meta.summary, &mut text);
    PostEntry {
        version: next_version(),
        search,
        path: format!("{}/{slug}/", config.paths.posts),
        title,
        slug,
        date,
        updated,
        summary,
        text,
        media,
        doc,
        event: None,
    }
}

/// A checked `event:` block, or `None` when there is none (or it has errors, reported).
fn optional_event<M>(
    doc: &Document<M>,
    spec: &Option<events::EventSpec>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Event> {
    events::check(doc, spec.as_ref()?, problems)
}

/// A document's search terms. The body's plain text is needed only here: it is taken out of
/// `text` rather than kept with the entry.
fn search_terms(labels: &[&str], summary: &Option<String>, text: &mut Rendered) -> DocumentTerms {
    DocumentTerms::new(labels, summary.as_deref(), &std::mem::take(&mut text.text))
}

fn build_project(
    config: &Config,
    doc: Document<ProjectMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<ProjectEntry> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let start = optional_date(&doc, "start", &doc.meta.start, problems);
    let end = optional_date(&doc, "end", &doc.meta.end, problems);
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems);
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    if let (Ok(Some(s)), Ok(Some(e))) = (&start, &end) {
        if e < s {
            problems.push(
                Diagnostic::error(&doc.path, "the project ends before it starts")
                    .field("end")
                    .at_line(doc.line_of("end"))
                    .hint("check the `start:` and `end:` dates"),
            );
        }
    }
    let status = doc.meta.status.unwrap_or_else(|| {
        problems.push(
            Diagnostic::error(&doc.path, "the project status is missing")
                .field("status")
                .at_line(doc.line_of("status"))
                .hint("add `status: planned`, `status: ongoing` or `status: finished`"),
        );
        ProjectStatus::Planned
    });
    if let Some(f) = &doc.meta.funding {
        if let (Some(total), Some(eu)) = (f.total_value, f.eu_contribution) {
            if eu > total || eu < 0.0 || total < 0.0 {
                problems.push(
                    Diagnostic::error(
                        &doc.path,
                        "the EU contribution is larger than the project's total value",
                    )
                    .field("funding.eu_contribution")
                    .at_line(doc.line_of("funding"))
                    .hint("check both amounts; write them as plain numbers, e.g. `1062500`"),
                );
            }
        }
    }
    let (mut text, media) = render_body(config, &doc, doc.meta.video.as_ref(), md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let slug = slug?;
    let title = title?;
    let search = search_terms(&[&title], &doc.meta.summary, &mut text);
    Some(ProjectEntry {
        version: next_version(),
        search,
        path: format!("{}/{slug}/", config.paths.projects),
        title,
        slug,
        status,
        start: start.ok()?,
        end: end.ok()?,
        updated: updated.ok()?,
        summary,
        text,
        media,
        doc,
    })
}

fn build_page(
    config: &Config,
    doc: Document<PageMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<PageEntry> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems);
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    let event = optional_event(&doc, &doc.meta.event, problems);
    let (mut text, media) = render_body(config, &doc, doc.meta.video.as_ref(), md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let slug = slug?;
    let title = title?;
    let search = search_terms(&[&title], &doc.meta.summary, &mut text);
    Some(PageEntry {
        event,
        version: next_version(),
        search,
        path: format!("{slug}/"),
        title,
        slug,
        updated: updated.ok()?,
        summary,
        text,
        media,
        doc,
    })
}

/// Where a URL path (`aktualnosci/x/`) is written in the output folder.
pub fn output_file(url_path: &str) -> PathBuf {
    let mut p = PathBuf::from(url_path.trim_matches('/'));
    p.push("index.html");
    p
}
