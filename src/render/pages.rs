//! The context of each kind of page: what its template gets as `page` (see
//! [`ROUTES`](super::routes::ROUTES) and [`Context`]).

use crate::content::meta::ProjectStatus;
use crate::site::calendar::{self, Owner};
use crate::site::{PageId, Post, PostId, Term};

use super::context::{Body, Context, MediaParts, ScheduleNotice};
use super::pagination::ListOf;
use super::routes::{calendar_path, Task};
use super::structured_data::{self, Article};
use super::views::*;
use super::{Renderer, HOME_EVENTS};

pub(super) fn home<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let config = &site.config;
    let latest: Vec<PostId> =
        PostId::all(site.listed_posts().min(config.posts_per_page.max(3))).collect();
    let (upcoming, _) = r.split_events();
    let upcoming = &upcoming[..upcoming.len().min(HOME_EVENTS)];
    let body = Body::Home {
        latest_posts: r.posts(&latest),
        ongoing_projects: r.projects_with(ProjectStatus::Ongoing),
        upcoming_events: r.event_views(upcoming),
    };
    let mut page = r.context("home", config.title.clone(), path, r.description(), body);
    page.json_ld = Some(structured_data::organization(&r.organization()));
    page
}

pub(super) fn post<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let config = &site.config;
    let i = task.item;
    let post = &site.posts[i];
    let neighbours = post_neighbours(r, i);
    let published = post.date.rfc3339(config.timezone);
    let modified = post.updated.unwrap_or(post.date).rfc3339(config.timezone);
    let cover = post.photos.cover.as_ref();
    let share = r.share(
        &post.summary,
        cover,
        Some((published.clone(), modified.clone())),
        post.lang,
    );
    let permalink = config.permalink(path);
    let article = Article {
        headline: &post.title,
        description: &post.summary,
        url: &permalink,
        published: &published,
        modified: &modified,
        author: post.doc.meta.author.as_deref(),
        publisher: r.organization(),
        image: share.image.as_ref(),
        language: post.lang.code(),
    };
    let link = |p: &'a Post| r.link(p);
    let body = Body::Post {
        post: r.post_view(post, true),
        newer: neighbours.0.map(|n| link(&site.posts[n])),
        older: neighbours.1.map(|n| link(&site.posts[n])),
    };
    let mut page = r.context("post", post.title.clone(), path, &post.summary, body);
    r.in_language(&mut page, post.lang, &post.path);
    page.json_ld = Some(structured_data::news_article(&article));
    page.schedule = ScheduleNotice::of(post.timing);
    page.event = r.event_parts(Owner::Post(PostId::new(i)), share.image.as_ref());
    page.share = Some(share);
    page.media = MediaParts::of(&post.entry);
    page
}

/// The newer and the older listed post beside post `i`; an expired post, on no list, has
/// none.
pub(super) fn post_neighbours(r: &Renderer<'_>, i: usize) -> (Option<usize>, Option<usize>) {
    // `all_posts` is the listed posts, counted once per build (`Site::listed_posts` walks them).
    let listed = r.all_posts.len();
    match i < listed {
        true => (i.checked_sub(1), Some(i + 1).filter(|&j| j < listed)),
        false => (None, None),
    }
}

pub(super) fn project<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let project = &r.site.projects[task.item];
    let t = r.theme.translations(project.lang);
    let body = Body::Project {
        project: r.project_view(project, true),
        posts: r.posts(&project.posts),
    };
    let mut page = r.context(
        "project",
        project.title.clone(),
        path,
        &project.summary,
        body,
    );
    r.in_language(&mut page, project.lang, &project.path);
    let cover = project.photos.cover.as_ref();
    page.share = Some(r.share(&project.summary, cover, None, project.lang));
    page.feed = Some(r.feed_link(&project.path, t.text("project_feed"), &project.title));
    page.schedule = ScheduleNotice::of(project.timing);
    page.media = MediaParts::of(&project.entry);
    page
}

pub(super) fn projects<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let title = r.theme.translations.text("projects").to_string();
    let body = Body::Projects {
        ongoing: r.projects_with(ProjectStatus::Ongoing),
        planned: r.projects_with(ProjectStatus::Planned),
        finished: r.projects_with(ProjectStatus::Finished),
    };
    r.context("projects", title, path, r.description(), body)
}

pub(super) fn page<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let id = PageId::new(task.item);
    let p = &site.pages[id];
    let ancestors = site.ancestors(id);
    let top = ancestors.first().copied().unwrap_or(id);
    let link = |i: PageId| r.link(&site.pages[i]);
    let body = Body::Page {
        page: r.page_view(p),
        breadcrumbs: ancestors.into_iter().map(link).collect(),
        children: (p.children.iter())
            .map(|&i| PageLink {
                title: &site.pages[i].title,
                url: r.url(&site.pages[i].path),
                summary: &site.pages[i].summary,
                lang: site.pages[i].lang,
            })
            .collect(),
        section: (top != id).then(|| r.page_menu(top, id)),
    };
    let mut page = r.context("page", p.title.clone(), path, &p.summary, body);
    r.in_language(&mut page, p.lang, &p.path);
    page.schedule = ScheduleNotice::of(p.timing);
    let share = r.share(&p.summary, p.photos.cover.as_ref(), None, p.lang);
    page.event = r.event_parts(Owner::Page(PageId::new(task.item)), share.image.as_ref());
    page.share = Some(share);
    page.media = MediaParts::of(&p.entry);
    page
}

pub(super) fn accessibility<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let config = &r.site.config;
    let title = r.theme.translations.text("accessibility_statement");
    let statement = (config.accessibility).statement_view(config.organisation_name());
    let body = Body::Accessibility { statement };
    r.context(
        "accessibility",
        title.to_string(),
        path,
        r.description(),
        body,
    )
}

pub(super) fn privacy<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let title = r.theme.translations.text("privacy_title").to_string();
    let body = Body::Privacy {
        privacy: r.site.config.privacy_view(),
    };
    r.context("privacy", title, path, r.description(), body)
}

pub(super) fn search<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let title = r.theme.translations.text("search_title").to_string();
    r.context("search", title, path, r.description(), Body::Nothing)
}

pub(super) fn not_found<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let title = r.theme.translations.text("not_found_title").to_string();
    let mut page = r.context("not_found", title, path, r.description(), Body::Nothing);
    page.share = None;
    page
}

pub(super) fn events<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let t = &r.theme.translations;
    let (upcoming, past) = r.split_events();
    let past_months = calendar::by_month(&past)
        .iter()
        .map(|((year, month), list)| EventMonth {
            id: format!("{year}-{month:02}"),
            name: format!("{} {year}", t.text(&format!("month_{month}"))),
            events: r.event_views(list),
        })
        .collect();
    let body = Body::Events {
        upcoming: r.event_views(&upcoming),
        past_months,
        calendar: UrlOnly {
            url: r.url(&calendar_path(&r.site.config)),
        },
    };
    r.context(
        "events",
        t.text("events").to_string(),
        path,
        r.description(),
        body,
    )
}

pub(super) fn tags<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    terms(r, &r.site.tags, "tags", path)
}

pub(super) fn categories<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    terms(r, &r.site.categories, "categories", path)
}

/// The page listing every tag or category: `kind` names the page, and its title's key.
fn terms<'a>(r: &Renderer<'a>, terms: &'a [Term], kind: &'static str, path: &str) -> Context<'a> {
    let title = r.theme.translations.text(kind).to_string();
    let terms = terms.iter().map(|term| r.term_view(term)).collect();
    r.context(kind, title, path, r.description(), Body::Terms { terms })
}

pub(super) fn archive<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let archive = &r.site.config.paths.archive;
    let years = (r.site.years.iter())
        .map(|(year, posts)| YearLink {
            year: *year,
            url: r.url(&format!("{archive}/{year}/")),
            count: posts.len(),
        })
        .collect();
    let title = r.theme.translations.text("archive").to_string();
    r.context(
        "archive",
        title,
        path,
        r.description(),
        Body::Archive { years },
    )
}

pub(super) fn year<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let t = &r.theme.translations;
    let (year, posts) = &site.years[task.item];
    let title = format!("{} {year}", t.text("archive"));
    let mut months: Vec<(u32, Vec<PostId>)> = Vec::new();
    for &p in posts {
        let month = chrono::Datelike::month(&site.posts[p].date.local);
        match months.last_mut() {
            Some((m, list)) if *m == month => list.push(p),
            _ => months.push((month, vec![p])),
        }
    }
    let months = months
        .iter()
        .map(|(m, list)| MonthPosts {
            month: *m,
            name: t.text(&format!("month_{m}")).to_string(),
            posts: r.dated_links(list),
        })
        .collect();
    let body = Body::Year {
        year: *year,
        months,
    };
    r.context("archive_year", title, path, r.description(), body)
}

/// A page of a list of posts: all news, a tag's or a category's.
pub(super) fn list<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let t = &r.theme.translations;
    let kind = task.list();
    let chunk = r.chunk(kind, task.number);
    let (page_kind, term, taxonomy) = match kind.of {
        ListOf::Posts => ("posts", None, None),
        ListOf::Tags => ("tag", Some(&site.tags[kind.item]), Some("tags")),
        ListOf::Categories => (
            "category",
            Some(&site.categories[kind.item]),
            Some("categories"),
        ),
    };
    let mut title = term.map_or_else(|| t.text("news").to_string(), |term| term.name.clone());
    if chunk.number > 1 {
        let n = t.text("page_n").replace("{n}", &chunk.number.to_string());
        title = format!("{title} – {n}");
    }
    let body = Body::List {
        posts: r.posts(chunk.items),
        pagination: r.pagination(kind, &chunk),
        term: term.map(|term| r.term_view(term)),
        taxonomy,
    };
    let mut page = r.context(page_kind, title, path, r.description(), body);
    if let (ListOf::Tags, Some(tag)) = (kind.of, term) {
        page.feed = Some(r.feed_link(&tag.path, t.text("tag_feed"), &tag.name));
    }
    page
}
