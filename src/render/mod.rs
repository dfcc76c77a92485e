//! Rendering the site model through the theme's templates: builds each page's context from
//! borrowed views of the model and renders all pages in parallel.

pub mod structured_data;
pub mod theme;

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::config::Config;
use crate::content::date::Date;
use crate::content::meta::{Contact, Extra, Figure, ProjectStatus};
use crate::site::event::{self as events, Listed, Owner};
use crate::publish::feeds::feed_path;
use crate::fingerprint;
use crate::gallery::Image;
use crate::markdown::TocEntry;
use crate::site::{output_file, Edited, Page, Post, Project, Site, Term};
use crate::render::structured_data::{self, Article, EventData, Organization, SharedImage};
use crate::render::theme::{chain, Theme};
use crate::site::video::{Video, VideoSource};

/// The photos of one document, as the gallery step produced them.
#[derive(Debug, Clone, Default, Serialize, Hash)]
pub struct DocumentImages {
    pub cover: Option<Image>,
    pub gallery: Vec<Image>,
}

/// A rendering failure, naming the template and the page.
#[derive(Debug, thiserror::Error)]
#[error("cannot render {page} with template {template}: {message}")]
pub struct RenderError {
    pub page: String,
    pub template: String,
    pub message: String,
}

/// One rendered output file.
pub struct RenderedPage {
    pub path: PathBuf,
    pub html: String,
}

/// Everything a page needs besides its own data.
pub struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    images: &'a HashMap<PathBuf, DocumentImages>,
    site_value: Value,
    translations: Value,
    /// Appended before `</body>` of every HTML page (used by `serve` for live reload).
    inject: Option<&'a str>,
    now_year: i32,
    /// The build's date, site-local: events ending before it are past.
    today: chrono::NaiveDate,
    /// Every event of the site, earliest first.
    events: Vec<Listed<'a>>,
    /// The indexes of all posts: the items of the news list.
    all_posts: Vec<usize>,
}

/// How many upcoming events the home page lists.
const HOME_EVENTS: usize = 3;

#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: String,
}

/// A post as the yearly archive lists it.
#[derive(Serialize)]
struct DatedLink<'a> {
    title: &'a str,
    url: String,
    date: String,
}

#[derive(Serialize)]
struct TermLink<'a> {
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct TermView<'a> {
    name: &'a str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct PostSummary<'a> {
    title: &'a str,
    url: String,
    date: String,
    updated: Option<String>,
    summary: &'a str,
    author: Option<&'a str>,
    source: Option<&'a str>,
    tags: Vec<TermLink<'a>>,
    category: Option<TermLink<'a>>,
    project: Option<Link<'a>>,
    cover: Option<&'a Image>,
    photo_count: usize,
    extra: &'a Extra,
}

#[derive(Serialize)]
struct PostFull<'a> {
    #[serde(flatten)]
    summary: PostSummary<'a>,
    content: &'a str,
    gallery: &'a [Image],
    toc: &'a [TocEntry],
}

/// An event as its box on the page and event lists show it.
#[derive(Serialize)]
struct EventView<'a> {
    title: &'a str,
    url: String,
    summary: &'a str,
    /// "5 grudnia 2026, 17:00–19:00".
    when: String,
    /// ISO date or date and time, for `<time datetime>`.
    start: String,
    end: Option<String>,
    all_day: bool,
    place: Option<&'a str>,
    address: Option<&'a str>,
    registration: Option<&'a str>,
    price: Option<&'a str>,
    free: bool,
    /// The event's own calendar file.
    ics_url: String,
}

/// Past events of one month on the events page.
#[derive(Serialize)]
struct EventMonth<'a> {
    /// "2026-11", for ids.
    id: String,
    /// "listopad 2026".
    name: String,
    events: Vec<EventView<'a>>,
}

#[derive(Serialize)]
struct FundingView<'a> {
    programme: Option<&'a str>,
    fund: Option<&'a str>,
    total_value: Option<f64>,
    eu_contribution: Option<f64>,
    /// EU share of the total value in percent, one decimal.
    eu_share: Option<f64>,
    currency: &'a str,
}

#[derive(Serialize)]
struct ProjectSummary<'a> {
    title: &'a str,
    url: String,
    status: ProjectStatus,
    start: Option<String>,
    end: Option<String>,
    summary: &'a str,
    cover: Option<&'a Image>,
    organiser: Option<&'a str>,
    extra: &'a Extra,
}

#[derive(Serialize)]
struct ProjectFull<'a> {
    #[serde(flatten)]
    summary: ProjectSummary<'a>,
    content: &'a str,
    partners: &'a [String],
    funding: Option<FundingView<'a>>,
    participants: Option<u64>,
    goals: &'a [String],
    results: &'a [String],
    figures: &'a [Figure],
    contact: Option<&'a Contact>,
    gallery: &'a [Image],
    toc: &'a [TocEntry],
    updated: Option<String>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
    /// Pages were left out before this one (show "…").
    gap_before: bool,
}

/// How many page numbers to show on each side of the current one.
const PAGINATION_WINDOW: usize = 2;

/// The first, the last, and the pages around the current one: never a thousand links.
fn visible_pages(current: usize, total: usize) -> Vec<usize> {
    let low = current.saturating_sub(PAGINATION_WINDOW).max(1);
    let high = (current + PAGINATION_WINDOW).min(total);
    let mut pages = vec![1];
    pages.extend((low..=high).filter(|&n| n != 1 && n != total));
    if total > 1 {
        pages.push(total);
    }
    pages
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageLink>,
}

/// One page of a paginated list; its links to the other pages are made when it is rendered.
struct Chunk<'p> {
    number: usize,
    /// How many pages the list has.
    total: usize,
    url_path: String,
    items: &'p [usize],
}

/// What link previews (Open Graph and Twitter card tags in `base.html`) show of a page besides
/// its title and permalink.
#[derive(Serialize)]
struct Share<'a> {
    /// `og:type`: "article" for posts, "website" for every other page.
    kind: &'static str,
    /// The page's description, or the site's when the page has none.
    description: &'a str,
    locale: &'static str,
    image: Option<SharedImage>,
    /// RFC 3339 publication and modification times of a post.
    published: Option<String>,
    modified: Option<String>,
}

/// A feed following the posts of a page (a project or a tag).
#[derive(Serialize)]
struct FeedLink<'a> {
    url: String,
    /// "Kanał Atom tego projektu".
    label: &'a str,
    /// What the feed follows: the project's title, the tag's name.
    name: &'a str,
}

#[derive(Serialize)]
struct PageHeader<'a> {
    kind: &'a str,
    title: &'a str,
    url: String,
    permalink: String,
    description: &'a str,
}

impl<'a> Renderer<'a> {
    /// Prepares the parts of the context shared by every page.
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        images: &'a HashMap<PathBuf, DocumentImages>,
        inject: Option<&'a str>,
        now: chrono::NaiveDateTime,
    ) -> Self {
        let translations = Value::Object(theme.translations.strings.clone());
        Renderer {
            site_value: site_value(&site.config),
            site,
            theme,
            images,
            translations,
            inject,
            now_year: chrono::Datelike::year(&now),
            today: now.date(),
            events: events::all(site),
            all_posts: (0..site.posts.len()).collect(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.site.config.root)
    }

    fn images_of(&self, doc: &Path) -> Option<&'a DocumentImages> {
        self.images.get(doc)
    }

    fn post_summary(&self, post: &'a Post) -> PostSummary<'a> {
        let site = self.site;
        let images = self.images_of(&post.doc.path);
        PostSummary {
            title: &post.title,
            url: self.url(&post.path),
            date: post.date.iso(),
            updated: post.updated.as_ref().map(Date::iso),
            summary: &post.summary,
            author: post.doc.meta.author.as_deref(),
            source: post.doc.meta.source.as_deref(),
            tags: post
                .tags
                .iter()
                .map(|&t| self.term_link(&site.tags[t]))
                .collect(),
            category: post.category.map(|c| self.term_link(&site.categories[c])),
            project: post.project.map(|p| Link {
                title: &site.projects[p].title,
                url: self.url(&site.projects[p].path),
            }),
            cover: images.and_then(|i| i.cover.as_ref()),
            photo_count: images.map_or(0, |i| i.gallery.len()),
            extra: &post.doc.meta.extra,
        }
    }

    fn term_link(&self, term: &'a Term) -> TermLink<'a> {
        TermLink {
            name: &term.name,
            url: self.url(&term.path),
        }
    }

    fn term_view(&self, term: &'a Term) -> TermView<'a> {
        TermView {
            name: &term.name,
            url: self.url(&term.path),
            count: term.posts.len(),
        }
    }

    fn project_summary(&self, project: &'a Project) -> ProjectSummary<'a> {
        ProjectSummary {
            title: &project.title,
            url: self.url(&project.path),
            status: project.status,
            start: project.start.as_ref().map(Date::iso),
            end: project.end.as_ref().map(Date::iso),
            summary: &project.summary,
            cover: self
                .images_of(&project.doc.path)
                .and_then(|i| i.cover.as_ref()),
            organiser: project.doc.meta.organiser.as_deref(),
            extra: &project.doc.meta.extra,
        }
    }

    fn dated_links(&self, indexes: &[usize]) -> Vec<DatedLink<'a>> {
        indexes
            .iter()
            .map(|&i| {
                let post = &self.site.posts[i];
                DatedLink {
                    title: &post.title,
                    url: self.url(&post.path),
                    date: post.date.iso(),
                }
            })
            .collect()
    }

    fn posts(&self, indexes: &[usize]) -> Vec<PostSummary<'a>> {
        indexes
            .iter()
            .map(|&i| self.post_summary(&self.site.posts[i]))
            .collect()
    }

    fn event_view(&self, e: &Listed<'a>) -> EventView<'a> {
        let event = e.event;
        EventView {
            title: e.title,
            url: self.url(e.path),
            summary: e.summary,
            when: events::when(self.site.config.language, event),
            start: event.start.iso(),
            end: event.end.as_ref().map(Date::iso),
            all_day: event.all_day,
            place: event.place.as_deref(),
            address: event.address.as_deref(),
            registration: event.registration.as_deref(),
            price: event.price.as_deref(),
            free: event.free,
            ics_url: self.url(&e.ics_path()),
        }
    }

    fn event_views(&self, list: &[Listed<'a>]) -> Vec<EventView<'a>> {
        list.iter().map(|e| self.event_view(e)).collect()
    }

    /// The events still to come (earliest first) and the past ones (latest first).
    fn split_events(&self) -> (Vec<Listed<'a>>, Vec<Listed<'a>>) {
        events::split(&self.events, self.today)
    }

    /// Adds a document's event box and its `Event` structured data to its page.
    fn insert_event(
        &self,
        page: &mut serde_json::Map<String, Value>,
        owner: Owner,
        image: Option<&SharedImage>,
    ) {
        let Some(e) = self.events.iter().find(|e| e.owner == owner) else {
            return;
        };
        let config = &self.site.config;
        let tz = config.timezone;
        let time = |d: Date| match e.event.all_day {
            true => d.iso(),
            false => d.rfc3339(tz),
        };
        let url = config.permalink(e.path);
        let data = EventData {
            name: e.title,
            description: e.summary,
            url: &url,
            start: time(e.event.start),
            end: e.event.end.map(time),
            place: e.event.place.as_deref(),
            address: e.event.address.as_deref(),
            registration: e.event.registration.as_deref(),
            price: e.event.price.as_deref(),
            free: e.event.free,
            organizer: self.organization(),
            image,
            language: config.language.code(),
        };
        insert(page, "event", &self.event_view(e));
        insert(page, "event_json_ld", &structured_data::event(&data));
    }

    /// Renders the pages of the site, in parallel, except those whose fingerprint (a hash of
    /// everything the page shows, of its template and of the site settings) is the same in
    /// `previous`: `serve` passes the last build's fingerprints to re-render only what changed,
    /// `build` passes none and gets every page.
    pub fn render(&self, previous: &Fingerprints) -> Result<RenderOutcome, RenderError> {
        let site = self.site;
        let mut tasks = self.site_wide_tasks();
        tasks.extend((0..site.posts.len()).map(|i| Task::Job(Job::Post(i))));
        tasks.extend((0..site.projects.len()).map(|i| Task::Job(Job::Project(i))));
        tasks.extend((0..site.pages.len()).map(|i| Task::Job(Job::Page(i))));
        tasks.extend((0..site.years.len()).map(|i| Task::Job(Job::Year(i))));
        tasks.extend(
            self.paginate(ListKind::Posts)
                .map(|c| Task::List(ListKind::Posts, c)),
        );
        for t in 0..site.tags.len() {
            let kind = ListKind::Tag(t);
            tasks.extend(self.paginate(kind).map(|c| Task::List(kind, c)));
        }
        for c in 0..site.categories.len() {
            let kind = ListKind::Category(c);
            tasks.extend(self.paginate(kind).map(|c| Task::List(kind, c)));
        }
        self.render_tasks(&tasks, previous)
    }

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

    /// The pages there is one of in every site.
    fn site_wide_tasks(&self) -> Vec<Task<'_>> {
        let mut tasks: Vec<Task> = [
            Job::Home,
            Job::Projects,
            Job::NotFound,
            Job::Accessibility,
            Job::Search,
            Job::TagList,
            Job::CategoryList,
            Job::ArchiveList,
        ]
        .into_iter()
        .map(Task::Job)
        .collect();
        if !self.events.is_empty() {
            tasks.push(Task::Job(Job::Events));
        }
        tasks
    }

    /// Renders `tasks` in parallel, except those whose fingerprint is the same in `previous`.
    fn render_tasks(
        &self,
        tasks: &[Task],
        previous: &Fingerprints,
    ) -> Result<RenderOutcome, RenderError> {
        let stamps = Stamps::new(self);
        let results: Vec<(PathBuf, u64, Option<RenderedPage>)> = tasks
            .par_iter()
            .map(|task| {
                let url_path = self.url_path(task);
                let file = match task {
                    Task::Job(Job::NotFound) => PathBuf::from(NOT_FOUND_FILE),
                    _ => output_file(&url_path),
                };
                let fingerprint = stamps.task(self, task);
                if previous.get(&file) == Some(&fingerprint) {
                    return Ok((file, fingerprint, None));
                }
                let page = match task {
                    Task::Job(job) => self.render_job(job, &url_path, task.template())?,
                    Task::List(kind, chunk) => self.render_list(*kind, chunk, task.template())?,
                };
                Ok((file, fingerprint, Some(page)))
            })
            .collect::<Result<_, RenderError>>()?;
        let mut outcome = RenderOutcome {
            pages: Vec::new(),
            fingerprints: Vec::with_capacity(results.len()),
        };
        for (file, fingerprint, page) in results {
            outcome.fingerprints.push((file, fingerprint));
            outcome.pages.extend(page);
        }
        Ok(outcome)
    }

    /// The URL path of a task's page (for the 404 page: its file name).
    fn url_path(&self, task: &Task) -> String {
        let site = self.site;
        let paths = &site.config.paths;
        match task {
            Task::List(_, chunk) => chunk.url_path.clone(),
            Task::Job(job) => match *job {
                Job::Home => String::new(),
                Job::Post(i) => site.posts[i].path.clone(),
                Job::Project(i) => site.projects[i].path.clone(),
                Job::Projects => format!("{}/", paths.projects),
                Job::Page(i) => site.pages[i].path.clone(),
                Job::NotFound => NOT_FOUND_FILE.to_string(),
                Job::Accessibility => format!("{}/", paths.accessibility),
                Job::Search => format!("{}/", paths.search),
                Job::Events => format!("{}/", paths.events),
                Job::TagList => format!("{}/", paths.tags),
                Job::CategoryList => format!("{}/", paths.categories),
                Job::ArchiveList => format!("{}/", paths.archive),
                Job::Year(i) => format!("{}/{}/", paths.archive, site.years[i].0),
            },
        }
    }

    /// The posts of a list, and the URL path of its first page.
    fn list(&self, kind: ListKind) -> (&[usize], &str) {
        let site = self.site;
        match kind {
            ListKind::Posts => (&self.all_posts, &site.config.paths.posts),
            ListKind::Tag(t) => (&site.tags[t].posts, &site.tags[t].path),
            ListKind::Category(c) => (&site.categories[c].posts, &site.categories[c].path),
        }
    }

    /// How many pages a list of `len` posts takes.
    fn page_count(&self, len: usize) -> usize {
        len.div_ceil(self.per_page()).max(1)
    }

    fn per_page(&self) -> usize {
        self.site.config.posts_per_page.max(1)
    }

    /// Page `number` (from 1) of a list.
    fn chunk(&self, kind: ListKind, number: usize) -> Chunk<'_> {
        let (items, base) = self.list(kind);
        let per_page = self.per_page();
        let start = ((number - 1) * per_page).min(items.len());
        let end = (number * per_page).min(items.len());
        Chunk {
            number,
            total: self.page_count(items.len()),
            url_path: self.list_page_path(base, number),
            items: &items[start..end],
        }
    }

    /// Every page of a list.
    fn paginate(&self, kind: ListKind) -> impl Iterator<Item = Chunk<'_>> {
        let total = self.page_count(self.list(kind).0.len());
        (1..=total).map(move |n| self.chunk(kind, n))
    }

    /// The URL path of page `n` of the list whose first page is at `base`.
    fn list_page_path(&self, base: &str, n: usize) -> String {
        let base = base.trim_end_matches('/');
        if n == 1 {
            format!("{base}/")
        } else {
            format!("{base}/{}/{n}/", self.site.config.paths.page)
        }
    }

    /// The links of a list page to the pages before, after and around it.
    fn pagination(&self, kind: ListKind, chunk: &Chunk) -> Pagination {
        let (_, base) = self.list(kind);
        let (n, total) = (chunk.number, chunk.total);
        let url = |k: usize| self.url(&self.list_page_path(base, k));
        let mut previous = 0;
        Pagination {
            current: n,
            total,
            prev_url: (n > 1).then(|| url(n - 1)),
            next_url: (n < total).then(|| url(n + 1)),
            pages: visible_pages(n, total)
                .into_iter()
                .map(|k| {
                    let link = PageLink {
                        number: k,
                        url: url(k),
                        current: k == n,
                        gap_before: k > previous + 1,
                    };
                    previous = k;
                    link
                })
                .collect(),
        }
    }

    fn render_list(
        &self,
        kind: ListKind,
        chunk: &Chunk,
        template: &str,
    ) -> Result<RenderedPage, RenderError> {
        let site = self.site;
        let t = &self.theme.translations;
        let posts = self.posts(chunk.items);
        let mut title = match kind {
            ListKind::Posts => t.text("news").to_string(),
            ListKind::Tag(i) => site.tags[i].name.clone(),
            ListKind::Category(i) => site.categories[i].name.clone(),
        };
        if chunk.number > 1 {
            title = format!(
                "{title} – {}",
                t.text("page_n").replace("{n}", &chunk.number.to_string())
            );
        }
        let (page_kind, extra) = match kind {
            ListKind::Posts => ("posts", serde_json::json!({})),
            ListKind::Tag(i) => {
                let tag = &site.tags[i];
                let feed = self.feed_link(&tag.path, t.text("tag_feed"), &tag.name);
                (
                    "tag",
                    serde_json::json!({ "term": self.term_view(tag), "taxonomy": "tags", "feed": feed }),
                )
            }
            ListKind::Category(i) => (
                "category",
                serde_json::json!({ "term": self.term_view(&site.categories[i]), "taxonomy": "categories" }),
            ),
        };
        let description = site.config.description.clone().unwrap_or_default();
        let mut page = self.header(page_kind, &title, &chunk.url_path, &description);
        insert(&mut page, "posts", &posts);
        insert(&mut page, "pagination", &self.pagination(kind, chunk));
        if let Value::Object(m) = extra {
            for (k, v) in m {
                page.insert(k, v);
            }
        }
        self.render_page(template, &chunk.url_path, page)
    }

    fn header(
        &self,
        kind: &str,
        title: &str,
        url_path: &str,
        description: &str,
    ) -> serde_json::Map<String, Value> {
        let header = PageHeader {
            kind,
            title,
            url: self.url(url_path),
            permalink: self.site.config.permalink(url_path),
            description,
        };
        match serde_json::to_value(header) {
            Ok(Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        }
    }

    /// Link-preview data of a page: of an article when it has publication `times`
    /// (published, modified; RFC 3339), with the cover photo when there is one.
    fn share<'d>(
        &self,
        description: &'d str,
        cover: Option<&Image>,
        times: Option<(String, String)>,
    ) -> Share<'d>
    where
        'a: 'd,
    {
        let config = &self.site.config;
        let (published, modified) = times.unzip();
        Share {
            kind: if published.is_some() {
                "article"
            } else {
                "website"
            },
            description: match description {
                "" => config.description.as_deref().unwrap_or(""),
                d => d,
            },
            locale: config.language.og_locale(),
            image: cover.map(|c| self.shared_image(c)),
            published,
            modified,
        }
    }

    fn shared_image(&self, photo: &Image) -> SharedImage {
        SharedImage {
            url: self.site.config.absolute_url(&photo.src),
            width: photo.width,
            height: photo.height,
            alt: photo.alt.clone(),
        }
    }

    /// The organisation behind the site, as structured data names it.
    fn organization(&self) -> Organization<'a> {
        let config = &self.site.config;
        let org = &config.organisation;
        Organization {
            name: config.organisation_name(),
            url: &config.base_url,
            email: org.email.as_deref(),
            telephone: org.phone.as_deref(),
            address: org.address.as_deref(),
        }
    }

    fn feed_link(&self, page_path: &str, label: &'a str, name: &'a str) -> FeedLink<'a> {
        FeedLink {
            url: self.url(&feed_path(page_path)),
            label,
            name,
        }
    }

    fn render_job(
        &self,
        job: &Job,
        path: &str,
        template: &str,
    ) -> Result<RenderedPage, RenderError> {
        let site = self.site;
        let config = &site.config;
        let t = &self.theme.translations;
        let description = config.description.as_deref().unwrap_or("");
        match *job {
            Job::Home => {
                let mut page = self.header("home", &config.title, path, description);
                let latest: Vec<usize> =
                    (0..site.posts.len().min(config.posts_per_page.max(3))).collect();
                insert(&mut page, "latest_posts", &self.posts(&latest));
                let ongoing: Vec<_> = site
                    .projects
                    .iter()
                    .filter(|p| p.status == ProjectStatus::Ongoing)
                    .map(|p| self.project_summary(p))
                    .collect();
                insert(&mut page, "ongoing_projects", &ongoing);
                let (upcoming, _) = self.split_events();
                let upcoming = &upcoming[..upcoming.len().min(HOME_EVENTS)];
                insert(&mut page, "upcoming_events", &self.event_views(upcoming));
                insert(
                    &mut page,
                    "json_ld",
                    &structured_data::organization(&self.organization()),
                );
                self.render_page(template, path, page)
            }
            Job::Post(i) => {
                let post = &site.posts[i];
                let images = self.images_of(&post.doc.path);
                let full = PostFull {
                    summary: self.post_summary(post),
                    content: &post.text.html,
                    gallery: images.map_or(&[][..], |i| &i.gallery[..]),
                    toc: &post.text.toc,
                };
                let mut page = self.header("post", &post.title, path, &post.summary);
                let published = post.date.rfc3339(config.timezone);
                let modified = post.updated.unwrap_or(post.date).rfc3339(config.timezone);
                let cover = images.and_then(|i| i.cover.as_ref());
                let times = Some((published.clone(), modified.clone()));
                let share = self.share(&post.summary, cover, times);
                let permalink = config.permalink(path);
                let article = Article {
                    headline: &post.title,
                    description: &post.summary,
                    url: &permalink,
                    published: &published,
                    modified: &modified,
                    author: post.doc.meta.author.as_deref(),
                    publisher: self.organization(),
                    image: share.image.as_ref(),
                    language: config.language.code(),
                };
                insert(
                    &mut page,
                    "json_ld",
                    &structured_data::news_article(&article),
                );
                self.insert_event(&mut page, Owner::Post(i), share.image.as_ref());
                insert(&mut page, "share", &share);
                insert(&mut page, "post", &full);
                insert_media(&mut page, &post.media.videos, &post.text.frame_src);
                let link = |p: &'a Post| Link {
                    title: &p.title,
                    url: self.url(&p.path),
                };
                insert(
                    &mut page,
                    "newer",
                    &i.checked_sub(1).map(|n| link(&site.posts[n])),
                );
                insert(&mut page, "older", &site.posts.get(i + 1).map(link));
                self.render_page(template, path, page)
            }
            Job::Project(i) => {
                let project = &site.projects[i];
                let meta = &project.doc.meta;
                let images = self.images_of(&project.doc.path);
                let full = ProjectFull {
                    summary: self.project_summary(project),
                    content: &project.text.html,
                    partners: &meta.partners,
                    funding: meta.funding.as_ref().map(|f| FundingView {
                        programme: f.programme.as_deref(),
                        fund: f.fund.as_deref(),
                        total_value: f.total_value,
                        eu_contribution: f.eu_contribution,
                        eu_share: match (f.total_value, f.eu_contribution) {
                            (Some(total), Some(eu)) if total > 0.0 => {
                                Some((eu / total * 1000.0).round() / 10.0)
                            }
                            _ => None,
                        },
                        currency: &f.currency,
                    }),
                    participants: meta.participants,
                    goals: &meta.goals,
                    results: &meta.results,
                    figures: &meta.figures,
                    contact: meta.contact.as_ref(),
                    gallery: images.map_or(&[][..], |i| &i.gallery[..]),
                    toc: &project.text.toc,
                    updated: project.updated.as_ref().map(Date::iso),
                };
                let mut page = self.header("project", &project.title, path, &project.summary);
                let cover = images.and_then(|i| i.cover.as_ref());
                insert(
                    &mut page,
                    "share",
                    &self.share(&project.summary, cover, None),
                );
                insert(
                    &mut page,
                    "feed",
                    &self.feed_link(&project.path, t.text("project_feed"), &project.title),
                );
                insert(&mut page, "project", &full);
                insert_media(&mut page, &project.media.videos, &project.text.frame_src);
                insert(&mut page, "posts", &self.posts(&project.posts));
                self.render_page(template, path, page)
            }
            Job::Projects => {
                let mut page = self.header("projects", t.text("projects"), path, description);
                for (key, status) in [
                    ("ongoing", ProjectStatus::Ongoing),
                    ("planned", ProjectStatus::Planned),
                    ("finished", ProjectStatus::Finished),
                ] {
                    let list: Vec<_> = site
                        .projects
                        .iter()
                        .filter(|p| p.status == status)
                        .map(|p| self.project_summary(p))
                        .collect();
                    insert(&mut page, key, &list);
                }
                self.render_page(template, path, page)
            }
            Job::Page(i) => {
                let p: &Page = &site.pages[i];
                let images = self.images_of(&p.doc.path);
                let mut page = self.header("page", &p.title, path, &p.summary);
                insert(&mut page, "content", &p.text.html);
                insert(&mut page, "summary", &p.doc.meta.summary);
                insert(&mut page, "updated", &p.updated.as_ref().map(Date::iso));
                insert(
                    &mut page,
                    "gallery",
                    &images.map_or(&[][..], |i| &i.gallery[..]),
                );
                let cover = images.and_then(|i| i.cover.as_ref());
                let share = self.share(&p.summary, cover, None);
                self.insert_event(&mut page, Owner::Page(i), share.image.as_ref());
                insert(&mut page, "share", &share);
                insert(&mut page, "cover", &cover);
                insert(&mut page, "toc", &p.text.toc);
                insert(&mut page, "extra", &p.doc.meta.extra);
                insert_media(&mut page, &p.media.videos, &p.text.frame_src);
                self.render_page(template, path, page)
            }
            Job::Accessibility => {
                let mut page = self.header(
                    "accessibility",
                    t.text("accessibility_statement"),
                    path,
                    description,
                );
                let statement = config
                    .accessibility
                    .statement_view(config.organisation_name());
                insert(&mut page, "statement", &statement);
                self.render_page(template, path, page)
            }
            Job::Search => {
                let page = self.header("search", t.text("search_title"), path, description);
                self.render_page(template, path, page)
            }
            Job::Events => {
                let mut page = self.header("events", t.text("events"), path, description);
                let (upcoming, past) = self.split_events();
                let months: Vec<EventMonth> = events::by_month(&past)
                    .iter()
                    .map(|((year, month), list)| EventMonth {
                        id: format!("{year}-{month:02}"),
                        name: format!("{} {year}", t.text(&format!("month_{month}"))),
                        events: self.event_views(list),
                    })
                    .collect();
                insert(&mut page, "upcoming", &self.event_views(&upcoming));
                insert(&mut page, "past_months", &months);
                let calendar =
                    serde_json::json!({ "url": self.url(&events::calendar_path(config)) });
                insert(&mut page, "calendar", &calendar);
                self.render_page(template, path, page)
            }
            Job::NotFound => {
                let page = self.header("not_found", t.text("not_found_title"), path, description);
                self.render_file(template, Path::new(NOT_FOUND_FILE), path, page)
            }
            Job::TagList | Job::CategoryList => {
                let (terms, kind, title) = if matches!(job, Job::TagList) {
                    (&site.tags, "tags", t.text("tags"))
                } else {
                    (&site.categories, "categories", t.text("categories"))
                };
                let mut page = self.header(kind, title, path, description);
                let views: Vec<_> = terms.iter().map(|term| self.term_view(term)).collect();
                insert(&mut page, "terms", &views);
                self.render_page(template, path, page)
            }
            Job::ArchiveList => {
                let mut page = self.header("archive", t.text("archive"), path, description);
                let years: Vec<_> = site
                    .years
                    .iter()
                    .map(|(year, posts)| serde_json::json!({ "year": year, "url": self.url(&format!("{}/{year}/", config.paths.archive)), "count": posts.len() }))
                    .collect();
                insert(&mut page, "years", &years);
                self.render_page(template, path, page)
            }
            Job::Year(i) => {
                let (year, posts) = &site.years[i];
                let title = format!("{} {year}", t.text("archive"));
                let mut page = self.header("archive_year", &title, path, description);
                let mut months: Vec<(u32, Vec<usize>)> = Vec::new();
                for &p in posts {
                    let month = chrono::Datelike::month(&site.posts[p].date.local);
                    match months.last_mut() {
                        Some((m, list)) if *m == month => list.push(p),
                        _ => months.push((month, vec![p])),
                    }
                }
                let months: Vec<_> = months
                    .iter()
                    .map(|(m, list)| serde_json::json!({ "month": m, "name": t.text(&format!("month_{m}")), "posts": self.dated_links(list) }))
                    .collect();
                insert(&mut page, "year", year);
                insert(&mut page, "months", &months);
                self.render_page(template, path, page)
            }
        }
    }

    fn render_page(
        &self,
        template: &str,
        url_path: &str,
        page: serde_json::Map<String, Value>,
    ) -> Result<RenderedPage, RenderError> {
        self.render_file(template, &output_file(url_path), url_path, page)
    }

    fn render_file(
        &self,
        template: &str,
        path: &Path,
        url_path: &str,
        mut page: serde_json::Map<String, Value>,
    ) -> Result<RenderedPage, RenderError> {
        // Pages that did not describe themselves for link previews get the plain description.
        let kind = page.get("kind").and_then(Value::as_str);
        if !page.contains_key("share") && kind != Some("not_found") {
            let description = page
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            insert(&mut page, "share", &self.share(&description, None, None));
        }
        let mut context = tera::Context::new();
        let mut site = self.site_value.clone();
        if let Some(menu) = site.get_mut("menu").and_then(Value::as_array_mut) {
            let here = self.url(url_path);
            for item in menu {
                let url = item
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let current = url == here
                    || (url.len() > self.site.config.root.len() && here.starts_with(&url));
                item["current"] = Value::Bool(current);
            }
        }
        context.insert("site", &site);
        context.insert("t", &self.translations);
        context.insert("page", &page);
        context.insert("now_year", &self.now_year);
        let mut html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|e| RenderError {
                page: format!("/{url_path}"),
                template: template.to_string(),
                message: chain(&e),
            })?;
        if let Some(inject) = self.inject {
            match html.rfind("</body>") {
                Some(pos) => html.insert_str(pos, inject),
                None => html.push_str(inject),
            }
        }
        Ok(RenderedPage {
            path: path.to_path_buf(),
            html,
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ListKind {
    Posts,
    Tag(usize),
    Category(usize),
}

enum Job {
    Home,
    Post(usize),
    Project(usize),
    Projects,
    Page(usize),
    NotFound,
    Accessibility,
    Search,
    Events,
    TagList,
    CategoryList,
    ArchiveList,
    Year(usize),
}

/// One output page to render.
enum Task<'p> {
    Job(Job),
    List(ListKind, Chunk<'p>),
}

impl Task<'_> {
    /// The template that renders the page.
    fn template(&self) -> &'static str {
        match self {
            Task::Job(job) => match job {
                Job::Home => "index.html",
                Job::Post(_) => "post.html",
                Job::Project(_) => "project.html",
                Job::Projects => "projects.html",
                Job::Page(_) => "page.html",
                Job::NotFound => "404.html",
                Job::Accessibility => "accessibility.html",
                Job::Search => "search.html",
                Job::Events => "events.html",
                Job::TagList | Job::CategoryList => "taxonomy_list.html",
                Job::ArchiveList => "archive_list.html",
                Job::Year(_) => "archive.html",
            },
            Task::List(ListKind::Posts, _) => "posts.html",
            Task::List(_, _) => "taxonomy.html",
        }
    }
}

/// Every template a page is rendered with ([`Task::template`]); the theme's other templates
/// (the base layout, partials) are shared by all pages.
const PAGE_TEMPLATES: &[&str] = &[
    "index.html",
    "post.html",
    "project.html",
    "projects.html",
    "page.html",
    "404.html",
    "accessibility.html",
    "search.html",
    "events.html",
    "taxonomy_list.html",
    "archive_list.html",
    "archive.html",
    "posts.html",
    "taxonomy.html",
];

/// The 404 page's file in the output (static hosts look for it there).
pub const NOT_FOUND_FILE: &str = "404.html";

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
struct Stamps {
    base: u64,
    templates: HashMap<&'static str, u64>,
    /// Per post, when a page needs it: the post as lists show it (its data, photos, terms and
    /// project).
    posts: Vec<OnceLock<u64>>,
    projects: Vec<u64>,
    pages: Vec<u64>,
}

impl Stamps {
    fn new(r: &Renderer<'_>) -> Self {
        let site = r.site;
        let theme = r.theme;
        let base = fingerprint::of((
            format!("{:?}", site.config),
            r.inject,
            r.now_year,
            theme.assets_hash,
        ));
        // Templates pages are rendered with; every other one (base, partials) is shared.
        let shared = fingerprint::of(
            theme
                .template_hashes
                .iter()
                .filter(|(name, _)| !PAGE_TEMPLATES.contains(&name.as_str()))
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
    fn post(&self, r: &Renderer<'_>, i: usize) -> u64 {
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
    fn owner(&self, r: &Renderer<'_>, owner: Owner) -> u64 {
        match owner {
            Owner::Post(i) => self.post(r, i),
            Owner::Page(i) => self.pages[i],
        }
    }

    /// The fingerprint of a task's page.
    fn task(&self, r: &Renderer<'_>, task: &Task) -> u64 {
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

fn insert<T: Serialize + ?Sized>(page: &mut serde_json::Map<String, Value>, key: &str, value: &T) {
    page.insert(
        key.to_string(),
        serde_json::to_value(value).unwrap_or(Value::Null),
    );
}

/// A page's videos, and the Content-Security-Policy's `frame-src`: the origins of the
/// videos' players and the sources of the frames embedded in the text (`embeds`, from
/// `embed_hosts:`). `base.html` allows no frames when there are none.
fn insert_media(page: &mut serde_json::Map<String, Value>, videos: &[Video], embeds: &[String]) {
    let players: Vec<&str> = videos
        .iter()
        .filter_map(|v| match &v.source {
            VideoSource::External { frame_src, .. } => Some(*frame_src),
            VideoSource::Local { .. } => None,
        })
        .collect();
    if !videos.is_empty() {
        insert(page, "videos", videos);
        insert(page, "has_external_video", &!players.is_empty());
    }
    let mut sources: Vec<&str> = players
        .into_iter()
        .chain(embeds.iter().map(String::as_str))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    if !sources.is_empty() {
        insert(page, "frame_src", &sources.join(" "));
    }
}

/// The `site` object every template sees.
fn site_value(config: &Config) -> Value {
    let root = &config.root;
    let p = &config.paths;
    let menu: Vec<Value> = config
        .menu
        .iter()
        .map(|m| {
            // Menu URLs are written from the site root (`/aktualnosci/`); add the base path.
            let url = if m.url.starts_with('/') && !m.url.starts_with("//") {
                format!("{root}{}", m.url.trim_start_matches('/'))
            } else {
                m.url.clone()
            };
            serde_json::json!({ "title": m.title, "url": url, "current": false })
        })
        .collect();
    serde_json::json!({
        "title": config.title,
        "description": config.description,
        "language": config.language.code(),
        "base_url": config.base_url,
        "root": root,
        "organisation": config.organisation,
        "menu": menu,
        "paths": config.paths,
        "urls": {
            "home": root,
            "posts": format!("{root}{}/", p.posts),
            "projects": format!("{root}{}/", p.projects),
            "tags": format!("{root}{}/", p.tags),
            "categories": format!("{root}{}/", p.categories),
            "archive": format!("{root}{}/", p.archive),
            "accessibility": format!("{root}{}/", p.accessibility),
            "feed": format!("{root}{}", feed_path("")),
            "search": format!("{root}{}/", p.search),
            "search_index": format!("{root}{}/index.json", p.search),
            "events": format!("{root}{}/", p.events),
        },
        "shortcuts": config.accessibility.shortcuts(),
        "single_key_shortcuts": config.accessibility.single_key_shortcuts,
        "read_aloud": config.accessibility.read_aloud,
        "extra": config.extra,
        "generator": concat!("tablica ", env!("CARGO_PKG_VERSION")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_is_listed_as_one() {
        let chunk = || Chunk {
            number: 1,
            total: 1,
            url_path: String::new(),
            items: &[],
        };
        let jobs = [
            Job::Home,
            Job::Post(0),
            Job::Project(0),
            Job::Projects,
            Job::Page(0),
            Job::NotFound,
            Job::Accessibility,
            Job::Search,
            Job::Events,
            Job::TagList,
            Job::CategoryList,
            Job::ArchiveList,
            Job::Year(0),
        ];
        let tasks = jobs.into_iter().map(Task::Job).chain([
            Task::List(ListKind::Posts, chunk()),
            Task::List(ListKind::Tag(0), chunk()),
            Task::List(ListKind::Category(0), chunk()),
        ]);
        for task in tasks {
            assert!(
                PAGE_TEMPLATES.contains(&task.template()),
                "{}",
                task.template()
            );
        }
    }

    #[test]
    fn pagination_shows_a_window_not_every_page() {
        assert_eq!(visible_pages(1, 1), [1]);
        assert_eq!(visible_pages(1, 3), [1, 2, 3]);
        assert_eq!(visible_pages(50, 300), [1, 48, 49, 50, 51, 52, 300]);
        assert_eq!(visible_pages(300, 300), [1, 298, 299, 300]);
    }
}
