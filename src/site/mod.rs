//! The site model: every published document with its slug and URL, posts linked to their
//! projects, tags, categories and yearly archive. Built once, then only read by rendering.

pub mod attachments;
mod body;
mod cache;
pub mod calendar;
mod entry;
pub mod event;
mod link;
mod load;
pub mod search;
pub mod video;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::config::Config;
use crate::content::date::Date;
use crate::content::meta::{PageMeta, PostMeta, ProjectMeta, ProjectStatus};
use crate::content::{Document, DocumentRef};
use crate::fingerprint::FileStamp;
use crate::markdown::Rendered;

pub use cache::{DocumentCache, Edited};
pub use link::MAX_TAGS_PER_POST;
pub use load::{build, HasDraft};

use event::Event;
use search::DocumentTerms;
use video::Video;

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
