//! The pages of a site: each kind of page ([`Job`]) with its template and address, and the context
//! its template gets ([`Renderer::render_job`]); the addresses of the feed and calendar files pages
//! link to.

use std::path::Path;

use crate::config::Config;
use crate::content::date::Date;
use crate::content::meta::ProjectStatus;
use crate::locale::Lang;
use crate::site::calendar::{self, Owner};
use crate::site::{Page, Post};

use super::pagination::{Chunk, ListKind};
use super::structured_data::{self, Article};
use super::views::*;
use super::{insert, insert_media, RenderError, RenderedPage, Renderer, HOME_EVENTS};

/// The URL path of the calendar feed of all events: `wydarzenia/kalendarz.ics`.
pub fn calendar_path(config: &Config) -> String {
    let file = match config.language {
        Lang::Pl => "kalendarz.ics",
        Lang::En => "calendar.ics",
    };
    format!("{}/{file}", config.paths.events)
}

/// The file name of every feed, in the folder of the page whose posts it follows.
pub const FEED_FILE: &str = "atom.xml";

/// The site's sitemap and robots.txt, at the site root.
pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";

/// Templates that render whole-site files, not pages, each named as its file: no page's
/// fingerprint depends on them.
pub(super) const FILE_TEMPLATES: &[&str] = &[FEED_FILE, SITEMAP_FILE, ROBOTS_FILE];

/// The URL path below the site root of the feed following a page (`projekty/x/` →
/// `projekty/x/atom.xml`; the home page `""` → `atom.xml`).
pub fn feed_path(page_path: &str) -> String {
    format!("{page_path}{FEED_FILE}")
}

pub(super) enum Job {
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
pub(super) enum Task<'p> {
    Job(Job),
    List(ListKind, Chunk<'p>),
}

impl Task<'_> {
    /// The template that renders the page.
    pub(super) fn template(&self) -> &'static str {
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
pub(super) const PAGE_TEMPLATES: &[&str] = &[
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

impl<'a> Renderer<'a> {
    /// The pages there is one of in every site.
    pub(super) fn site_wide_tasks(&self) -> Vec<Task<'_>> {
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

    /// The URL path of a task's page (for the 404 page: its file name).
    pub(super) fn url_path(&self, task: &Task) -> String {
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

    pub(super) fn render_job(
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
                let months: Vec<EventMonth> = calendar::by_month(&past)
                    .iter()
                    .map(|((year, month), list)| EventMonth {
                        id: format!("{year}-{month:02}"),
                        name: format!("{} {year}", t.text(&format!("month_{month}"))),
                        events: self.event_views(list),
                    })
                    .collect();
                insert(&mut page, "upcoming", &self.event_views(&upcoming));
                insert(&mut page, "past_months", &months);
                let calendar = serde_json::json!({ "url": self.url(&calendar_path(config)) });
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
}
