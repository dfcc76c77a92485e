//! Fingerprints of pages, for rendering only what changed: what a page shows is hashed ([`Stamps`])
//! and compared with the last build's ([`Fingerprints`]); [`Renderer::render_edited`] considers
//! only the pages that can show the edited documents.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::fingerprint;
use crate::site::calendar::Owner;
use crate::site::{Edited, Term};

use super::pagination::ListKind;
use super::routes::{Job, Task, FILE_TEMPLATES, PAGE_TEMPLATES};
use super::{RenderError, RenderedPage, Renderer, HOME_EVENTS};

/// Output file → fingerprint of its page.
pub type Fingerprints = HashMap<PathBuf, u64>;

/// What [`Renderer::render`] produced.
pub struct RenderOutcome {
    /// The pages rendered in this run (with no previous fingerprints: all of them).
    pub pages: Vec<RenderedPage>,
    /// Every page considered with its fingerprint, rendered now or not, in a stable order: of
    /// [`Renderer::render`], every page of the site.
    pub fingerprints: Vec<(PathBuf, u64)>,
}

/// Hashes of what pages show, computed at most once per render: a page's fingerprint combines
/// the hashes of the documents, photos and template it uses.
pub(super) struct Stamps {
    pub(super) base: u64,
    pub(super) templates: HashMap<&'static str, u64>,
    /// Per post, when a page needs it: the post as lists show it (its data, photos, terms and
    /// project).
    pub(super) posts: Vec<OnceLock<u64>>,
    pub(super) projects: Vec<u64>,
    pub(super) pages: Vec<u64>,
}

impl Stamps {
    pub(super) fn new(r: &Renderer<'_>) -> Self {
        let site = r.site;
        let theme = r.theme;
        let base = fingerprint::of((&site.config, r.inject, r.now_year, theme.assets_hash));
        // Templates pages are rendered with; every other one (base, partials) is shared, but
        // for those of whole-site files, which no page uses.
        let shared = fingerprint::of(
            theme
                .template_hashes
                .iter()
                .filter(|(name, _)| {
                    !PAGE_TEMPLATES.contains(&name.as_str())
                        && !FILE_TEMPLATES.contains(&name.as_str())
                })
                .collect::<Vec<_>>(),
        );
        let templates = PAGE_TEMPLATES
            .iter()
            .map(|&name| {
                (
                    name,
                    fingerprint::of((shared, theme.template_hashes.get(name))),
                )
            })
            .collect();
        let projects: Vec<u64> = site
            .projects
            .iter()
            .map(|p| fingerprint::of((p.version, r.images_of(&p.doc.path))))
            .collect();
        let pages = site
            .pages
            .iter()
            .map(|p| fingerprint::of((p.version, r.images_of(&p.doc.path))))
            .collect();
        Stamps {
            base,
            templates,
            posts: (0..site.posts.len()).map(|_| OnceLock::new()).collect(),
            projects,
            pages,
        }
    }

    /// The stamp of post `i` as links to it show it: its title, address and date.
    fn post_link(r: &Renderer<'_>, i: usize) -> u64 {
        let p = &r.site.posts[i];
        fingerprint::of((&p.title, &p.path, p.date))
    }

    /// The stamp of post `i`.
    pub(super) fn post(&self, r: &Renderer<'_>, i: usize) -> u64 {
        *self.posts[i].get_or_init(|| {
            let site = r.site;
            let p = &site.posts[i];
            let term = |t: &Term| fingerprint::of((&t.name, &t.path));
            fingerprint::of((
                p.version,
                r.images_of(&p.doc.path),
                p.tags
                    .iter()
                    .map(|&t| term(&site.tags[t]))
                    .collect::<Vec<_>>(),
                p.category.map(|c| term(&site.categories[c])),
                p.project.map(|i| self.projects[i]),
            ))
        })
    }

    /// The stamp of the document carrying an event.
    pub(super) fn owner(&self, r: &Renderer<'_>, owner: Owner) -> u64 {
        match owner {
            Owner::Post(i) => self.post(r, i),
            Owner::Page(i) => self.pages[i],
        }
    }

    /// The fingerprint of a task's page.
    pub(super) fn task(&self, r: &Renderer<'_>, task: &Task) -> u64 {
        let site = r.site;
        let mut h = DefaultHasher::new();
        (self.base, self.templates.get(task.template())).hash(&mut h);
        let posts = |list: &[usize], h: &mut DefaultHasher| {
            for &i in list {
                self.post(r, i).hash(h);
            }
        };
        let terms = |terms: &[Term], h: &mut DefaultHasher| {
            for t in terms {
                (&t.name, &t.path, t.posts.len()).hash(h);
            }
        };
        match task {
            Task::Job(job) => match *job {
                Job::Home => {
                    let latest = site.posts.len().min(site.config.posts_per_page.max(3));
                    posts(&(0..latest).collect::<Vec<_>>(), &mut h);
                    self.projects.hash(&mut h);
                    let (upcoming, _) = r.split_events();
                    let shown = &upcoming[..upcoming.len().min(HOME_EVENTS)];
                    shown
                        .iter()
                        .for_each(|e| self.owner(r, e.owner).hash(&mut h));
                }
                Job::Events => {
                    // Which events are listed, and which of them are still to come.
                    let (upcoming, past) = r.split_events();
                    for list in [upcoming, past] {
                        list.len().hash(&mut h);
                        list.iter()
                            .for_each(|e| self.owner(r, e.owner).hash(&mut h));
                    }
                }
                Job::Post(i) => {
                    // The post and the links to its neighbours; not its index, so a new post
                    // re-renders only its neighbours.
                    let newer = i.checked_sub(1);
                    let older = Some(i + 1).filter(|&j| j < site.posts.len());
                    let link = |j: Option<usize>| j.map(|j| Self::post_link(r, j));
                    (self.post(r, i), link(newer), link(older)).hash(&mut h);
                }
                Job::Project(i) => {
                    self.projects[i].hash(&mut h);
                    posts(&site.projects[i].posts, &mut h);
                }
                Job::Projects => self.projects.hash(&mut h),
                Job::Page(i) => self.pages[i].hash(&mut h),
                Job::NotFound | Job::Accessibility | Job::Search => {}
                Job::TagList => terms(&site.tags, &mut h),
                Job::CategoryList => terms(&site.categories, &mut h),
                Job::ArchiveList => {
                    for (year, list) in &site.years {
                        (year, list.len()).hash(&mut h);
                    }
                }
                Job::Year(i) => {
                    site.years[i].0.hash(&mut h);
                    for &p in &site.years[i].1 {
                        Self::post_link(r, p).hash(&mut h);
                    }
                }
            },
            Task::List(kind, chunk) => {
                match *kind {
                    ListKind::Posts => 0.hash(&mut h),
                    // The page shows the term's name and how many posts it has in all.
                    ListKind::Tag(t) => {
                        (1, &site.tags[t].name, site.tags[t].posts.len()).hash(&mut h)
                    }
                    ListKind::Category(t) => {
                        (2, &site.categories[t].name, site.categories[t].posts.len()).hash(&mut h)
                    }
                }
                (chunk.number, chunk.total).hash(&mut h);
                posts(chunk.items, &mut h);
            }
        }
        h.finish()
    }
}

impl<'a> Renderer<'a> {
    /// Like [`render`](Self::render), for a site whose only changes since the build that
    /// `previous` comes from are the `edited` documents, patched in with the site's structure
    /// unchanged (see [`Site::patch`](crate::site::Site::patch)). Only the pages that can show
    /// those documents are considered: the site-wide ones, the edited posts with their
    /// neighbours, their project and year pages and the list pages they are on, and the edited
    /// pages. The outcome's fingerprints are of those pages only; every other page is as it was.
    pub fn render_edited(
        &self,
        previous: &Fingerprints,
        edited: &Edited,
    ) -> Result<RenderOutcome, RenderError> {
        let site = self.site;
        let mut posts = BTreeSet::new();
        let mut projects = BTreeSet::new();
        let mut years = BTreeSet::new();
        let mut lists = BTreeSet::new();
        for &i in &edited.posts {
            let post = &site.posts[i];
            posts.extend(i.saturating_sub(1)..(i + 2).min(site.posts.len()));
            projects.extend(post.project);
            years.extend(
                site.years
                    .iter()
                    .position(|(_, l)| l.binary_search(&i).is_ok()),
            );
            let kinds = std::iter::once(ListKind::Posts)
                .chain(post.tags.iter().map(|&t| ListKind::Tag(t)))
                .chain(post.category.map(ListKind::Category));
            for kind in kinds {
                if let Ok(at) = self.list(kind).0.binary_search(&i) {
                    lists.insert((kind, at / self.per_page() + 1));
                }
            }
        }
        let mut tasks = self.site_wide_tasks();
        tasks.extend(posts.into_iter().map(|i| Task::Job(Job::Post(i))));
        tasks.extend(projects.into_iter().map(|i| Task::Job(Job::Project(i))));
        tasks.extend(edited.pages.iter().map(|&i| Task::Job(Job::Page(i))));
        tasks.extend(years.into_iter().map(|i| Task::Job(Job::Year(i))));
        tasks.extend(
            lists
                .into_iter()
                .map(|(kind, n)| Task::List(kind, self.chunk(kind, n))),
        );
        self.render_tasks(&tasks, previous)
    }
}
