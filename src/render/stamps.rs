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
use crate::site::{Edited, Id, PageId, PostId, Term};

use super::pagination::{ListKind, ListOf};
use super::routes::{page_templates, Each, Task, FILE_TEMPLATES, ROUTES};
use super::{RenderError, RenderedPage, Renderer, HOME_EVENTS};

/// Output file → fingerprint of its page.
pub type Fingerprints = HashMap<PathBuf, u64>;

/// What [`Renderer::render`] produced.
pub struct RenderOutcome<T> {
    /// What was kept of the pages rendered in this run (with no previous fingerprints: all of
    /// them).
    pub pages: Vec<T>,
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
        let base = fingerprint::of((
            &site.config,
            site.preview,
            r.inject,
            r.now_year,
            theme.assets_hash,
            // Rare to change, and shown by every page of a group: all pages are stamped.
            &site.translations,
        ));
        // Templates pages are rendered with; every other one (base, partials) is shared, but
        // for those of whole-site files, which no page uses.
        let shared = fingerprint::of(
            theme
                .template_hashes
                .iter()
                .filter(|(name, _)| {
                    !page_templates().any(|t| t == name.as_str())
                        && !FILE_TEMPLATES.contains(&name.as_str())
                })
                .collect::<Vec<_>>(),
        );
        let templates = page_templates()
            .map(|name| {
                (
                    name,
                    fingerprint::of((shared, theme.template_hashes.get(name))),
                )
            })
            .collect();
        let projects: Vec<u64> = site
            .projects
            .iter()
            .map(|p| fingerprint::of((p.version, &p.photos, p.timing)))
            .collect();
        let pages = site
            .pages
            .iter()
            .map(|p| fingerprint::of((p.version, &p.photos, p.timing)))
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
    fn post_link(r: &Renderer<'_>, i: PostId) -> u64 {
        let p = &r.site.posts[i];
        fingerprint::of((&p.title, &p.path, p.date))
    }

    /// The stamp of post `i`.
    pub(super) fn post(&self, r: &Renderer<'_>, i: PostId) -> u64 {
        *self.posts[i.index()].get_or_init(|| {
            let site = r.site;
            let p = &site.posts[i];
            let term = |t: &Term| fingerprint::of((&t.name, &t.path));
            fingerprint::of((
                p.version,
                &p.photos,
                p.timing,
                p.tags
                    .iter()
                    .map(|&t| term(&site.tags[t]))
                    .collect::<Vec<_>>(),
                p.category.map(|c| term(&site.categories[c])),
                p.project.map(|i| self.projects[i.index()]),
            ))
        })
    }

    /// The stamp of the document carrying an event.
    pub(super) fn owner(&self, r: &Renderer<'_>, owner: Owner) -> u64 {
        match owner {
            Owner::Post(i) => self.post(r, i),
            Owner::Page(i) => self.pages[i.index()],
        }
    }

    /// The fingerprint of a task's page: of its template, the site's settings and what its
    /// route's `stamp` adds.
    pub(super) fn task(&self, r: &Renderer<'_>, task: Task) -> u64 {
        let mut h = DefaultHasher::new();
        (self.base, self.templates.get(task.route.template)).hash(&mut h);
        (task.route.stamp)(self, r, task, &mut h);
        h.finish()
    }

    fn posts(&self, r: &Renderer<'_>, list: &[PostId], h: &mut DefaultHasher) {
        for &i in list {
            self.post(r, i).hash(h);
        }
    }
}

/// What the home page shows: the latest posts, the projects and the next events.
pub(super) fn home(s: &Stamps, r: &Renderer<'_>, _: Task, h: &mut DefaultHasher) {
    let site = r.site;
    let latest = site.listed_posts().min(site.config.posts_per_page.max(3));
    s.posts(r, &PostId::all(latest).collect::<Vec<_>>(), h);
    s.projects.hash(h);
    let (upcoming, _) = r.split_events();
    let shown = &upcoming[..upcoming.len().min(HOME_EVENTS)];
    shown.iter().for_each(|e| s.owner(r, e.owner).hash(h));
}

/// Which events are listed, and which of them are still to come.
pub(super) fn events(s: &Stamps, r: &Renderer<'_>, _: Task, h: &mut DefaultHasher) {
    let (upcoming, past) = r.split_events();
    for list in [upcoming, past] {
        list.len().hash(h);
        list.iter().for_each(|e| s.owner(r, e.owner).hash(h));
    }
}

/// The post and the links to its neighbours; not its index, so a new post re-renders only
/// its neighbours.
pub(super) fn post(s: &Stamps, r: &Renderer<'_>, task: Task, h: &mut DefaultHasher) {
    let i = task.item;
    let (newer, older) = super::pages::post_neighbours(r, i);
    let link = |j: Option<usize>| j.map(|j| Stamps::post_link(r, PostId::new(j)));
    (s.post(r, PostId::new(i)), link(newer), link(older)).hash(h);
}

pub(super) fn project(s: &Stamps, r: &Renderer<'_>, task: Task, h: &mut DefaultHasher) {
    s.projects[task.item].hash(h);
    s.posts(r, &r.site.projects[task.item].posts, h);
}

pub(super) fn projects(s: &Stamps, _: &Renderer<'_>, _: Task, h: &mut DefaultHasher) {
    s.projects.hash(h);
}

/// A page shows the titles and addresses of the pages in its tree, and the summaries of those
/// below it: it changes with any of them.
pub(super) fn page(s: &Stamps, r: &Renderer<'_>, task: Task, h: &mut DefaultHasher) {
    // The tree holds the page itself: its breadcrumbs, section menu and children.
    for i in r.site.tree_of(PageId::new(task.item)) {
        s.pages[i.index()].hash(h);
    }
}

/// For pages that show nothing of the documents.
pub(super) fn nothing(_: &Stamps, _: &Renderer<'_>, _: Task, _: &mut DefaultHasher) {}

fn terms(terms: &[Term], h: &mut DefaultHasher) {
    for t in terms {
        (&t.name, &t.path, t.posts.len()).hash(h);
    }
}

pub(super) fn tags(_: &Stamps, r: &Renderer<'_>, _: Task, h: &mut DefaultHasher) {
    terms(&r.site.tags, h);
}

pub(super) fn categories(_: &Stamps, r: &Renderer<'_>, _: Task, h: &mut DefaultHasher) {
    terms(&r.site.categories, h);
}

pub(super) fn archive(_: &Stamps, r: &Renderer<'_>, _: Task, h: &mut DefaultHasher) {
    for (year, list) in &r.site.years {
        (year, list.len()).hash(h);
    }
}

pub(super) fn year(_: &Stamps, r: &Renderer<'_>, task: Task, h: &mut DefaultHasher) {
    let (year, posts) = &r.site.years[task.item];
    year.hash(h);
    for &p in posts {
        Stamps::post_link(r, p).hash(h);
    }
}

/// A page of a list: which list (a term's page shows its name and how many posts it has in
/// all), which page, and its posts.
pub(super) fn list(s: &Stamps, r: &Renderer<'_>, task: Task, h: &mut DefaultHasher) {
    let site = r.site;
    let kind = task.list();
    let t = kind.item;
    match kind.of {
        ListOf::Posts => 0.hash(h),
        ListOf::Tags => (1, &site.tags[t].name, site.tags[t].posts.len()).hash(h),
        ListOf::Categories => (2, &site.categories[t].name, site.categories[t].posts.len()).hash(h),
    }
    let chunk = r.chunk(kind, task.number);
    (chunk.number, chunk.total).hash(h);
    s.posts(r, chunk.items, h);
}

impl<'a> Renderer<'a> {
    /// Like [`render`](Self::render), for a site whose only changes since the build that
    /// `previous` comes from are the `edited` documents, patched in with the site's structure
    /// unchanged (see [`Site::patch`](crate::site::Site::patch)). Only the pages that can show
    /// those documents are considered: the site-wide ones, the edited posts with their
    /// neighbours, their project and year pages and the list pages they are on, and the edited
    /// pages. The outcome's fingerprints are of those pages only; every other page is as it was.
    pub fn render_edited<T: Send, E: From<RenderError> + Send>(
        &self,
        previous: &Fingerprints,
        edited: &Edited,
        each: impl Fn(RenderedPage) -> Result<T, E> + Sync,
    ) -> Result<RenderOutcome<T>, E> {
        let site = self.site;
        let mut posts = BTreeSet::new();
        let mut projects = BTreeSet::new();
        let mut years = BTreeSet::new();
        let mut lists = BTreeSet::new();
        for &i in &edited.posts {
            let post = &site.posts[i];
            let n = i.index();
            posts.extend(n.saturating_sub(1)..(n + 2).min(site.posts.len()));
            projects.extend(post.project.map(Id::index));
            years.extend(
                site.years
                    .iter()
                    .position(|(_, l)| l.binary_search(&i).is_ok()),
            );
            let list = |of, item| ListKind { of, item };
            let kinds = std::iter::once(list(ListOf::Posts, 0))
                .chain(post.tags.iter().map(|&t| list(ListOf::Tags, t.index())))
                .chain(post.category.map(|c| list(ListOf::Categories, c.index())));
            for kind in kinds {
                if let Ok(at) = self.list(kind).0.binary_search(&i) {
                    lists.insert((kind, at / self.per_page() + 1));
                }
            }
        }
        let posts: Vec<usize> = posts.into_iter().collect();
        let projects: Vec<usize> = projects.into_iter().collect();
        let years: Vec<usize> = years.into_iter().collect();
        let pages: BTreeSet<usize> = (edited.pages.iter())
            .flat_map(|&p| site.tree_of(p))
            .map(|p| p.index())
            .collect();
        let pages: Vec<usize> = pages.into_iter().collect();
        let mut tasks = Vec::new();
        for route in ROUTES {
            match route.each {
                Each::Site(_) => tasks.extend(self.tasks(route, None)),
                Each::Post => tasks.extend(self.tasks(route, Some(&posts))),
                Each::Project => tasks.extend(self.tasks(route, Some(&projects))),
                Each::Page => tasks.extend(self.tasks(route, Some(&pages))),
                Each::Year => tasks.extend(self.tasks(route, Some(&years))),
                Each::List(of) => {
                    tasks.extend((lists.iter()).filter(|(kind, _)| kind.of == of).map(
                        |&(kind, number)| Task {
                            route,
                            item: kind.item,
                            number,
                        },
                    ))
                }
            }
        }
        self.render_tasks(&tasks, previous, each)
    }
}
