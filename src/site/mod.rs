//! The site model: every published document with its slug and URL, posts linked to their
//! projects, tags, categories and yearly archive. Built once, then only read by rendering.

pub(crate) mod alias;
pub(crate) mod attachments;
mod body;
mod cache;
pub(crate) mod calendar;
mod entry;
pub(crate) mod event;
mod link;
mod load;
pub(crate) mod marking;
pub mod schedule;
pub mod search;
mod single;
pub(crate) mod translations;
pub(crate) mod video;

use std::collections::HashMap;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::Serialize;

use crate::config::Config;
use crate::content::date::Date;
use crate::content::meta::ProjectStatus;
use crate::content::{Document, DocumentRef, TextPhoto};
use crate::fingerprint::FileStamp;
use crate::gallery::Image;
use crate::locale::Lang;
use crate::markdown::Rendered;

pub use cache::{DocumentCache, Edited};
pub use entry::{draft_slug as slug_of, slug_or_name};
pub use entry::{FrontMatter, Kind};
pub use link::MAX_TAGS_PER_POST;
pub use load::build;
pub use single::check_text;

use event::Event;
use schedule::{Schedule, Timetable, Timing};
use search::DocumentTerms;
use video::Video;

/// A typed index into one of the site's lists: a [`PostId`] indexes `Site::posts` only.
pub struct Id<T>(u32, PhantomData<fn() -> T>);

pub type PostId = Id<Post>;
pub type ProjectId = Id<Project>;
pub type PageId = Id<Page>;
/// A tag or a category, in its own list.
pub type TermId = Id<Term>;

impl<T> Id<T> {
    /// The id of the item at `index`.
    pub fn new(index: usize) -> Self {
        Id(index as u32, PhantomData)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The ids of a list of `len` items, in order.
    pub fn all(len: usize) -> impl Iterator<Item = Self> {
        (0..len).map(Self::new)
    }
}

// By hand: derived, they would ask the same of `T`.
impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<T> Eq for Id<T> {}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}
impl<T> std::hash::Hash for Id<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}
impl<T> std::fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

impl<T> std::ops::Index<Id<T>> for Vec<T> {
    type Output = T;
    fn index(&self, id: Id<T>) -> &T {
        &self[id.index()]
    }
}

/// A news post, ready to render: its entry, its links in this site and its photos.
#[derive(Debug)]
pub struct Post {
    pub entry: Arc<PostEntry>,
    /// Current, expired, or (in a preview) scheduled.
    pub timing: Timing,
    pub tags: Vec<TermId>,
    pub category: Option<TermId>,
    pub project: Option<ProjectId>,
    pub photos: DocumentImages,
}

/// A project page.
#[derive(Debug)]
pub struct Project {
    pub entry: Arc<ProjectEntry>,
    pub timing: Timing,
    /// Its posts, newest first.
    pub posts: Vec<PostId>,
    pub photos: DocumentImages,
}

/// A static page.
#[derive(Debug)]
pub struct Page {
    pub entry: Arc<PageEntry>,
    pub timing: Timing,
    pub photos: DocumentImages,
    /// The page of its section (`pomoc/index.md` for `pomoc/zasilki.md`), if there is one.
    pub parent: Option<PageId>,
    /// The pages of the section it heads, by weight, then title.
    pub children: Vec<PageId>,
}

impl Site {
    /// The pages above `page`, from the top down.
    pub fn ancestors(&self, page: PageId) -> Vec<PageId> {
        let mut above = Vec::new();
        let mut at = self.pages[page].parent;
        while let Some(p) = at {
            above.push(p);
            at = self.pages[p].parent;
        }
        above.reverse();
        above
    }

    /// The top page of the tree `page` is in (itself at the top).
    pub fn top_page(&self, page: PageId) -> PageId {
        self.ancestors(page).first().copied().unwrap_or(page)
    }

    /// Every page of the tree `page` is in, from its top page down (`page` alone when it is
    /// in no section).
    pub fn tree_of(&self, page: PageId) -> Vec<PageId> {
        let mut tree = vec![self.top_page(page)];
        let mut next = 0;
        while let Some(&at) = tree.get(next) {
            tree.extend_from_slice(&self.pages[at].children);
            next += 1;
        }
        tree
    }
}

/// The photos of one document, as the gallery step produced them.
#[derive(Debug, Clone, Default, Serialize, Hash)]
pub struct DocumentImages {
    pub cover: Option<Image>,
    pub gallery: Vec<Image>,
    /// The photos of the text, by number (`None`: left out, reported).
    #[serde(skip)]
    pub text: Vec<Option<Image>>,
}

/// What a document is on its own, independent of the other documents: a post, project or
/// static page alike, with what only its kind has in `own` (a post's date; a project's
/// status and dates), which the entry dereferences to.
#[derive(Debug)]
pub struct Entry<K: Kind> {
    /// New for every time the file is read: equal versions mean equal content.
    pub version: u64,
    pub doc: Document<K::Meta>,
    pub title: String,
    pub slug: String,
    /// URL path below the site root, e.g. `aktualnosci/dzien-seniora/`.
    pub path: String,
    /// Old addresses that redirect here (`aliases:`).
    pub aliases: Vec<alias::Alias>,
    pub updated: Option<Date>,
    /// Its `publish:` and `expires:`.
    pub schedule: Schedule,
    pub summary: String,
    pub text: Rendered,
    /// Videos and the bundle files the page shows.
    pub media: Media,
    /// Words for the search index.
    pub search: DocumentTerms,
    /// The event of a post or page (projects have none).
    pub event: Option<Event>,
    /// The language of its text (`language:`, or the site's).
    pub lang: Lang,
    pub own: K,
}

impl<K: Kind> std::ops::Deref for Entry<K> {
    type Target = K;
    fn deref(&self) -> &K {
        &self.own
    }
}

pub type PostEntry = Entry<PostFacts>;
pub type ProjectEntry = Entry<ProjectFacts>;
pub type PageEntry = Entry<PageFacts>;

/// What only a post has.
#[derive(Debug)]
pub struct PostFacts {
    pub date: Date,
}

/// What only a project has.
#[derive(Debug)]
pub struct ProjectFacts {
    pub status: ProjectStatus,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The programme's logo strip from the project's folder.
    pub strip: Option<marking::Signs>,
}

/// What only a static page has: its place in the tree of pages.
#[derive(Debug)]
pub struct PageFacts {
    /// The address of the section (folder) it is in, `pomoc/`, or `` at the top.
    pub section: String,
    /// Its place among the pages of its section (`weight:`).
    pub weight: i64,
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
    /// The photos of the bundle the text shows, in the order of their markers.
    pub photos: Vec<TextPhoto>,
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
    /// Its posts, newest first.
    pub posts: Vec<PostId>,
}

/// The whole site.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Newest first; the expired ones after the others (see [`Site::listed_posts`]).
    pub posts: Vec<Post>,
    pub projects: Vec<Project>,
    pub pages: Vec<Page>,
    pub tags: Vec<Term>,
    pub categories: Vec<Term>,
    /// Year → its posts, newest year first.
    pub years: Vec<(i32, Vec<PostId>)>,
    /// The pictures site.yaml supplies (`marking:`, `brand:`).
    pub pictures: marking::SitePictures,
    /// The texts that translate one another (`translation_of:`).
    pub translations: translations::Translations,
    /// The documents scheduled for later or expired, and when the site changes next.
    pub timetable: Timetable,
    /// A preview for colleagues (`build --preview`): drafts and documents scheduled for
    /// later are in it, and every page says it is a preview.
    pub preview: bool,
}

impl Site {
    /// How many posts the lists, feeds and the search show: the first ones, all but the
    /// expired.
    pub fn listed_posts(&self) -> usize {
        (self.posts.iter())
            .take_while(|p| !p.timing.is_expired())
            .count()
    }

    /// The addresses of the expired documents, whose pages the sitemap leaves out.
    pub fn archived_paths(&self) -> std::collections::HashSet<&str> {
        let posts = (self.posts.iter()).map(|p| (p.timing, p.path.as_str()));
        let projects = (self.projects.iter()).map(|p| (p.timing, p.path.as_str()));
        let pages = (self.pages.iter()).map(|p| (p.timing, p.path.as_str()));
        (posts.chain(projects).chain(pages))
            .filter(|(timing, _)| timing.is_expired())
            .map(|(_, path)| path)
            .collect()
    }

    /// Every document of the site with its front matter photos, for the gallery step.
    pub fn documents(&self) -> impl Iterator<Item = DocumentRef<'_>> {
        let posts = self.posts.iter().map(|p| p.document());
        let projects = self.projects.iter().map(|p| p.document());
        let pages = self.pages.iter().map(|p| p.document());
        posts.chain(projects).chain(pages)
    }

    /// Every old address (`aliases:`) of every document.
    pub fn redirects(&self) -> impl Iterator<Item = alias::Redirect<'_>> {
        fn of<K: Kind>(e: &Entry<K>) -> impl Iterator<Item = alias::Redirect<'_>> {
            e.aliases.iter().map(move |alias| alias::Redirect {
                file: &e.doc.path,
                line: e.doc.line_of("aliases"),
                alias,
                title: &e.title,
                lang: e.lang,
                to: &e.path,
            })
        }
        let posts = self.posts.iter().flat_map(|p| of(p));
        let projects = self.projects.iter().flat_map(|p| of(p));
        let pages = self.pages.iter().flat_map(|p| of(p));
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
}

impl<K: Kind> Entry<K> {
    /// The Content-Security-Policy `frame-src` sources its page needs, unsorted: the origins
    /// of its videos' players and the sources of the frames its text embeds (`embed_hosts:`).
    pub fn frame_sources(&self) -> impl Iterator<Item = &str> {
        let players = self.media.videos.iter().filter_map(|v| match &v.source {
            video::VideoSource::External { frame_src, .. } => Some(*frame_src),
            video::VideoSource::Local { .. } => None,
        });
        players.chain(self.text.frame_src.iter().map(String::as_str))
    }

    /// What the gallery and attachment steps need to know of it.
    pub fn document(&self) -> DocumentRef<'_> {
        let common = self.doc.meta.common();
        DocumentRef::new(
            &self.doc,
            &self.path,
            common.cover,
            common.gallery,
            &self.media.photos,
        )
    }
}

impl Site {
    /// Gives each document its processed photos (`photos`: by document path; a document
    /// not in it has none).
    pub fn attach_photos(&mut self, photos: &HashMap<PathBuf, DocumentImages>) {
        let of = |doc: &Path| photos.get(doc).cloned().unwrap_or_default();
        self.posts
            .iter_mut()
            .for_each(|p| p.photos = of(&p.doc.path));
        self.projects
            .iter_mut()
            .for_each(|p| p.photos = of(&p.doc.path));
        self.pages
            .iter_mut()
            .for_each(|p| p.photos = of(&p.doc.path));
    }
}
