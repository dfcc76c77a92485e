//! The route table: every kind of page ([`ROUTES`]) declared once, with its template, which
//! pages of it a site has, their address, the context its template gets (`pages.rs`) and what
//! its fingerprint depends on (`stamps.rs`); and the addresses of the feed and calendar files
//! pages link to.

use std::collections::hash_map::DefaultHasher;
use std::path::PathBuf;

use crate::config::Config;
use crate::locale::Lang;
use crate::url::output_file;

use super::context::Context;
use super::pages;
use super::pagination::{ListKind, ListOf};
use super::stamps::{self, Stamps};
use super::{Renderer, REDIRECT_TEMPLATE};

/// The URL path of the calendar feed of all events: `wydarzenia/kalendarz.ics`.
pub fn calendar_path(config: &Config) -> String {
    let file = match config.language {
        Lang::Pl | Lang::Uk => "kalendarz.ics",
        Lang::En => "calendar.ics",
    };
    format!("{}/{file}", config.paths.events)
}

/// The file name of every feed, in the folder of the page whose posts it follows.
pub const FEED_FILE: &str = "atom.xml";

/// The RSS 2.0 feed of the same posts, beside each Atom feed.
pub const RSS_FILE: &str = "rss.xml";

/// The site's sitemap and robots.txt, at the site root.
pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";

/// Templates that render whole-site files, not pages, each named as its file: no page's
/// fingerprint depends on them.
pub(super) const FILE_TEMPLATES: &[&str] = &[
    FEED_FILE,
    RSS_FILE,
    SITEMAP_FILE,
    ROBOTS_FILE,
    REDIRECT_TEMPLATE,
];

/// The URL path below the site root of the feed following a page (`projekty/x/` →
/// `projekty/x/atom.xml`; the home page `""` → `atom.xml`).
pub fn feed_path(page_path: &str) -> String {
    format!("{page_path}{FEED_FILE}")
}

/// The URL path of the RSS feed following a page (`projekty/x/` → `projekty/x/rss.xml`).
pub fn rss_path(page_path: &str) -> String {
    format!("{page_path}{RSS_FILE}")
}

/// The 404 page's file in the output (static hosts look for it there).
pub const NOT_FOUND_FILE: &str = "404.html";

/// Which pages of a kind a site has.
#[derive(Clone, Copy)]
pub(super) enum Each {
    /// One, when the condition holds for the site.
    Site(fn(&Renderer<'_>) -> bool),
    /// One per post, project, static page or year of the archive (the task's `item`).
    Post,
    Project,
    Page,
    Year,
    /// Every page of each list of posts of this kind (`item`: the tag or category).
    List(ListOf),
}

/// One kind of page.
pub(super) struct Route {
    /// The template that renders it.
    pub(super) template: &'static str,
    pub(super) each: Each,
    /// The URL path of a page (for the 404 page: its file name).
    pub(super) address: fn(&Renderer<'_>, Task) -> String,
    /// The file of a page with that address in the output.
    pub(super) file: fn(&str) -> PathBuf,
    /// What its template gets as `page`.
    pub(super) context: for<'a> fn(&Renderer<'a>, Task, &str) -> Context<'a>,
    /// What its fingerprint hashes besides its template and the site's settings.
    pub(super) stamp: fn(&Stamps, &Renderer<'_>, Task, &mut DefaultHasher),
}

/// One page to render: its kind, the item it shows (a post, year, tag… of `route.each`; 0
/// for the site-wide pages) and, in a list, the page number (from 1).
#[derive(Clone, Copy)]
pub(super) struct Task {
    pub(super) route: &'static Route,
    pub(super) item: usize,
    pub(super) number: usize,
}

impl Task {
    /// The list a list page belongs to.
    pub(super) fn list(self) -> ListKind {
        match self.route.each {
            Each::List(of) => ListKind {
                of,
                item: self.item,
            },
            _ => ListKind {
                of: ListOf::Posts,
                item: 0,
            },
        }
    }
}

fn always(_: &Renderer<'_>) -> bool {
    true
}

/// A site-wide page at `<folder>/`, the folder from `paths:` in `site.yaml`.
macro_rules! folder {
    ($name:ident) => {
        |r, _| format!("{}/", r.site.config.paths.$name)
    };
}

/// Every kind of page, in the order the sitemap lists their pages.
pub(super) static ROUTES: &[Route] = &[
    Route {
        template: "index.html",
        each: Each::Site(always),
        address: |_, _| String::new(),
        file: output_file,
        context: pages::home,
        stamp: stamps::home,
    },
    Route {
        template: "projects.html",
        each: Each::Site(always),
        address: folder!(projects),
        file: output_file,
        context: pages::projects,
        stamp: stamps::projects,
    },
    Route {
        template: "404.html",
        each: Each::Site(always),
        address: |_, _| NOT_FOUND_FILE.to_string(),
        file: |_| PathBuf::from(NOT_FOUND_FILE),
        context: pages::not_found,
        stamp: stamps::nothing,
    },
    Route {
        template: "accessibility.html",
        each: Each::Site(always),
        address: folder!(accessibility),
        file: output_file,
        context: pages::accessibility,
        stamp: stamps::nothing,
    },
    Route {
        template: "privacy.html",
        each: Each::Site(always),
        address: folder!(privacy),
        file: output_file,
        context: pages::privacy,
        stamp: stamps::nothing,
    },
    Route {
        template: "search.html",
        each: Each::Site(always),
        address: folder!(search),
        file: output_file,
        context: pages::search,
        stamp: stamps::nothing,
    },
    Route {
        template: "taxonomy_list.html",
        each: Each::Site(always),
        address: folder!(tags),
        file: output_file,
        context: pages::tags,
        stamp: stamps::tags,
    },
    Route {
        template: "taxonomy_list.html",
        each: Each::Site(always),
        address: folder!(categories),
        file: output_file,
        context: pages::categories,
        stamp: stamps::categories,
    },
    Route {
        template: "archive_list.html",
        each: Each::Site(always),
        address: folder!(archive),
        file: output_file,
        context: pages::archive,
        stamp: stamps::archive,
    },
    Route {
        template: "events.html",
        each: Each::Site(|r| !r.events.is_empty()),
        address: folder!(events),
        file: output_file,
        context: pages::events,
        stamp: stamps::events,
    },
    Route {
        template: "post.html",
        each: Each::Post,
        address: |r, t| r.site.posts[t.item].path.clone(),
        file: output_file,
        context: pages::post,
        stamp: stamps::post,
    },
    Route {
        template: "project.html",
        each: Each::Project,
        address: |r, t| r.site.projects[t.item].path.clone(),
        file: output_file,
        context: pages::project,
        stamp: stamps::project,
    },
    Route {
        template: "page.html",
        each: Each::Page,
        address: |r, t| r.site.pages[t.item].path.clone(),
        file: output_file,
        context: pages::page,
        stamp: stamps::page,
    },
    Route {
        template: "archive.html",
        each: Each::Year,
        address: |r, t| {
            let paths = &r.site.config.paths;
            format!("{}/{}/", paths.archive, r.site.years[t.item].0)
        },
        file: output_file,
        context: pages::year,
        stamp: stamps::year,
    },
    list("posts.html", ListOf::Posts),
    list("taxonomy.html", ListOf::Tags),
    list("taxonomy.html", ListOf::Categories),
];

/// The pages of each list of posts of a kind (all news, each tag's, each category's).
const fn list(template: &'static str, of: ListOf) -> Route {
    Route {
        template,
        each: Each::List(of),
        address: list_address,
        file: output_file,
        context: pages::list,
        stamp: stamps::list,
    }
}

fn list_address(r: &Renderer<'_>, task: Task) -> String {
    r.chunk(task.list(), task.number).url_path
}

/// Every template a page is rendered with; the theme's other templates (the base layout,
/// partials) are shared by all pages.
pub(super) fn page_templates() -> impl Iterator<Item = &'static str> {
    ROUTES.iter().map(|r| r.template)
}

impl Renderer<'_> {
    /// The pages of a kind: of `items` (posts, projects, pages, years or tags, as its `each`
    /// says) or, when `None`, all of them in the site.
    pub(super) fn tasks(&self, route: &'static Route, items: Option<&[usize]>) -> Vec<Task> {
        let site = self.site;
        let one = |item, number| Task {
            route,
            item,
            number,
        };
        let count = match route.each {
            Each::Site(when) => return if when(self) { vec![one(0, 1)] } else { vec![] },
            Each::Post => site.posts.len(),
            Each::Project => site.projects.len(),
            Each::Page => site.pages.len(),
            Each::Year => site.years.len(),
            Each::List(ListOf::Posts) => 1,
            Each::List(ListOf::Tags) => site.tags.len(),
            Each::List(ListOf::Categories) => site.categories.len(),
        };
        let all: Vec<usize>;
        let items = match items {
            Some(items) => items,
            None => {
                all = (0..count).collect();
                &all
            }
        };
        match route.each {
            Each::List(_) => items
                .iter()
                .flat_map(|&item| {
                    let total = self.page_count(self.list(one(item, 1).list()).0.len());
                    (1..=total).map(move |number| one(item, number))
                })
                .collect(),
            _ => items.iter().map(|&item| one(item, 1)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_is_a_theme_template() {
        let theme =
            super::super::theme::load(std::path::Path::new("/nonexistent"), "default", Lang::Pl)
                .expect("the built-in theme");
        for template in page_templates() {
            assert!(theme.template_hashes.contains_key(template), "{template}");
        }
    }
}
