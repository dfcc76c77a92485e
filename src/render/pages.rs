//! The context of each kind of page: what its template gets as `page` (see [`ROUTES`](super::routes::ROUTES)).

use serde_json::Value;

use crate::content::date::Date;
use crate::content::meta::ProjectStatus;
use crate::site::calendar::{self, Owner};
use crate::site::{Page, Post};

use super::pagination::ListOf;
use super::routes::{calendar_path, Task};
use super::structured_data::{self, Article};
use super::views::*;
use super::{insert, insert_media, Renderer, HOME_EVENTS};

/// What a page's template gets as `page`.
pub(super) type Context<'a> = serde_json::Map<String, Value>;

pub(super) fn home<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let config = &site.config;
    let mut page = r.header("home", &config.title, path, r.description());
    let latest: Vec<usize> = (0..site.posts.len().min(config.posts_per_page.max(3))).collect();
    insert(&mut page, "latest_posts", &r.posts(&latest));
    let ongoing: Vec<_> = site
        .projects
        .iter()
        .filter(|p| p.status == ProjectStatus::Ongoing)
        .map(|p| r.project_summary(p))
        .collect();
    insert(&mut page, "ongoing_projects", &ongoing);
    let (upcoming, _) = r.split_events();
    let upcoming = &upcoming[..upcoming.len().min(HOME_EVENTS)];
    insert(&mut page, "upcoming_events", &r.event_views(upcoming));
    insert(
        &mut page,
        "json_ld",
        &structured_data::organization(&r.organization()),
    );
    page
}

pub(super) fn post<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let config = &site.config;
    let i = task.item;
    let post = &site.posts[i];
    let images = r.images_of(&post.doc.path);
    let full = PostFull {
        summary: r.post_summary(post),
        content: &post.text.html,
        gallery: images.map_or(&[][..], |i| &i.gallery[..]),
        toc: &post.text.toc,
    };
    let mut page = r.header("post", &post.title, path, &post.summary);
    let published = post.date.rfc3339(config.timezone);
    let modified = post.updated.unwrap_or(post.date).rfc3339(config.timezone);
    let cover = images.and_then(|i| i.cover.as_ref());
    let times = Some((published.clone(), modified.clone()));
    let share = r.share(&post.summary, cover, times);
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
        language: config.language.code(),
    };
    insert(
        &mut page,
        "json_ld",
        &structured_data::news_article(&article),
    );
    r.insert_event(&mut page, Owner::Post(i), share.image.as_ref());
    insert(&mut page, "share", &share);
    insert(&mut page, "post", &full);
    insert_media(&mut page, &post.media.videos, &post.text.frame_src);
    let link = |p: &'a Post| Link {
        title: &p.title,
        url: r.url(&p.path),
    };
    insert(
        &mut page,
        "newer",
        &i.checked_sub(1).map(|n| link(&site.posts[n])),
    );
    insert(&mut page, "older", &site.posts.get(i + 1).map(link));
    page
}

pub(super) fn project<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let t = &r.theme.translations;
    let project = &site.projects[task.item];
    let meta = &project.doc.meta;
    let images = r.images_of(&project.doc.path);
    let full = ProjectFull {
        summary: r.project_summary(project),
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
    let mut page = r.header("project", &project.title, path, &project.summary);
    let cover = images.and_then(|i| i.cover.as_ref());
    insert(&mut page, "share", &r.share(&project.summary, cover, None));
    insert(
        &mut page,
        "feed",
        &r.feed_link(&project.path, t.text("project_feed"), &project.title),
    );
    insert(&mut page, "project", &full);
    insert_media(&mut page, &project.media.videos, &project.text.frame_src);
    insert(&mut page, "posts", &r.posts(&project.posts));
    page
}

pub(super) fn projects<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let t = &r.theme.translations;
    let mut page = r.header("projects", t.text("projects"), path, r.description());
    for (key, status) in [
        ("ongoing", ProjectStatus::Ongoing),
        ("planned", ProjectStatus::Planned),
        ("finished", ProjectStatus::Finished),
    ] {
        let list: Vec<_> = (r.site.projects.iter())
            .filter(|p| p.status == status)
            .map(|p| r.project_summary(p))
            .collect();
        insert(&mut page, key, &list);
    }
    page
}

pub(super) fn page<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let p: &Page = &r.site.pages[task.item];
    let images = r.images_of(&p.doc.path);
    let mut page = r.header("page", &p.title, path, &p.summary);
    insert(&mut page, "content", &p.text.html);
    insert(&mut page, "summary", &p.doc.meta.summary);
    insert(&mut page, "updated", &p.updated.as_ref().map(Date::iso));
    insert(
        &mut page,
        "gallery",
        &images.map_or(&[][..], |i| &i.gallery[..]),
    );
    let cover = images.and_then(|i| i.cover.as_ref());
    let share = r.share(&p.summary, cover, None);
    r.insert_event(&mut page, Owner::Page(task.item), share.image.as_ref());
    insert(&mut page, "share", &share);
    insert(&mut page, "cover", &cover);
    insert(&mut page, "toc", &p.text.toc);
    insert(&mut page, "extra", &p.doc.meta.extra);
    insert_media(&mut page, &p.media.videos, &p.text.frame_src);
    page
}

pub(super) fn accessibility<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let config = &r.site.config;
    let t = &r.theme.translations;
    let title = t.text("accessibility_statement");
    let mut page = r.header("accessibility", title, path, r.description());
    let statement = config
        .accessibility
        .statement_view(config.organisation_name());
    insert(&mut page, "statement", &statement);
    page
}

pub(super) fn search<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let t = &r.theme.translations;
    r.header("search", t.text("search_title"), path, r.description())
}

pub(super) fn not_found<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let t = &r.theme.translations;
    r.header(
        "not_found",
        t.text("not_found_title"),
        path,
        r.description(),
    )
}

pub(super) fn events<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let t = &r.theme.translations;
    let mut page = r.header("events", t.text("events"), path, r.description());
    let (upcoming, past) = r.split_events();
    let months: Vec<EventMonth> = calendar::by_month(&past)
        .iter()
        .map(|((year, month), list)| EventMonth {
            id: format!("{year}-{month:02}"),
            name: format!("{} {year}", t.text(&format!("month_{month}"))),
            events: r.event_views(list),
        })
        .collect();
    insert(&mut page, "upcoming", &r.event_views(&upcoming));
    insert(&mut page, "past_months", &months);
    let calendar = serde_json::json!({ "url": r.url(&calendar_path(&r.site.config)) });
    insert(&mut page, "calendar", &calendar);
    page
}

pub(super) fn tags<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let title = r.theme.translations.text("tags");
    terms(r, &r.site.tags, "tags", title, path)
}

pub(super) fn categories<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let title = r.theme.translations.text("categories");
    terms(r, &r.site.categories, "categories", title, path)
}

fn terms<'a>(
    r: &Renderer<'a>,
    terms: &'a [crate::site::Term],
    kind: &str,
    title: &str,
    path: &str,
) -> Context<'a> {
    let mut page = r.header(kind, title, path, r.description());
    let views: Vec<_> = terms.iter().map(|term| r.term_view(term)).collect();
    insert(&mut page, "terms", &views);
    page
}

pub(super) fn archive<'a>(r: &Renderer<'a>, _: Task, path: &str) -> Context<'a> {
    let config = &r.site.config;
    let t = &r.theme.translations;
    let mut page = r.header("archive", t.text("archive"), path, r.description());
    let years: Vec<_> = r
        .site
        .years
        .iter()
        .map(|(year, posts)| serde_json::json!({ "year": year, "url": r.url(&format!("{}/{year}/", config.paths.archive)), "count": posts.len() }))
        .collect();
    insert(&mut page, "years", &years);
    page
}

pub(super) fn year<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let t = &r.theme.translations;
    let (year, posts) = &site.years[task.item];
    let title = format!("{} {year}", t.text("archive"));
    let mut page = r.header("archive_year", &title, path, r.description());
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
        .map(|(m, list)| serde_json::json!({ "month": m, "name": t.text(&format!("month_{m}")), "posts": r.dated_links(list) }))
        .collect();
    insert(&mut page, "year", year);
    insert(&mut page, "months", &months);
    page
}

/// A page of a list of posts: all news, a tag's or a category's.
pub(super) fn list<'a>(r: &Renderer<'a>, task: Task, path: &str) -> Context<'a> {
    let site = r.site;
    let t = &r.theme.translations;
    let kind = task.list();
    let chunk = r.chunk(kind, task.number);
    let posts = r.posts(chunk.items);
    let i = kind.item;
    let mut title = match kind.of {
        ListOf::Posts => t.text("news").to_string(),
        ListOf::Tags => site.tags[i].name.clone(),
        ListOf::Categories => site.categories[i].name.clone(),
    };
    if chunk.number > 1 {
        title = format!(
            "{title} – {}",
            t.text("page_n").replace("{n}", &chunk.number.to_string())
        );
    }
    let (page_kind, extra) = match kind.of {
        ListOf::Posts => ("posts", serde_json::json!({})),
        ListOf::Tags => {
            let tag = &site.tags[i];
            let feed = r.feed_link(&tag.path, t.text("tag_feed"), &tag.name);
            (
                "tag",
                serde_json::json!({ "term": r.term_view(tag), "taxonomy": "tags", "feed": feed }),
            )
        }
        ListOf::Categories => (
            "category",
            serde_json::json!({ "term": r.term_view(&site.categories[i]), "taxonomy": "categories" }),
        ),
    };
    let mut page = r.header(page_kind, &title, path, r.description());
    insert(&mut page, "posts", &posts);
    insert(&mut page, "pagination", &r.pagination(kind, &chunk));
    if let Value::Object(m) = extra {
        for (k, v) in m {
            page.insert(k, v);
        }
    }
    page
}
