//! The views of the model that templates see: borrowed, serialisable summaries of posts, projects,
//! terms and events, and the link-preview and header data of a page.

use serde::Serialize;
use serde_json::Value;

use crate::content::date::Date;
use crate::content::meta::{Contact, Extra, Figure, ProjectStatus};
use crate::gallery::Image;
use crate::markdown::TocEntry;
use crate::site::calendar::{self, Listed, Owner};
use crate::site::event;
use crate::site::{Post, Project, Term};

use super::routes::feed_path;
use super::structured_data::{self, EventData, Organization, SharedImage};
use super::{insert, Renderer};

#[derive(Serialize)]
pub(super) struct Link<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
}

/// A post as the yearly archive lists it.
#[derive(Serialize)]
pub(super) struct DatedLink<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) date: String,
}

#[derive(Serialize)]
pub(super) struct TermLink<'a> {
    pub(super) name: &'a str,
    pub(super) url: String,
}

#[derive(Serialize)]
pub(super) struct TermView<'a> {
    pub(super) name: &'a str,
    pub(super) url: String,
    pub(super) count: usize,
}

#[derive(Serialize)]
pub(super) struct PostSummary<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) date: String,
    pub(super) updated: Option<String>,
    pub(super) summary: &'a str,
    pub(super) author: Option<&'a str>,
    pub(super) source: Option<&'a str>,
    pub(super) tags: Vec<TermLink<'a>>,
    pub(super) category: Option<TermLink<'a>>,
    pub(super) project: Option<Link<'a>>,
    pub(super) cover: Option<&'a Image>,
    photo_count: usize,
    pub(super) extra: &'a Extra,
}

#[derive(Serialize)]
pub(super) struct PostFull<'a> {
    #[serde(flatten)]
    pub(super) summary: PostSummary<'a>,
    pub(super) content: &'a str,
    pub(super) gallery: &'a [Image],
    pub(super) toc: &'a [TocEntry],
}

/// An event as its box on the page and event lists show it.
#[derive(Serialize)]
pub(super) struct EventView<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) summary: &'a str,
    /// "5 grudnia 2026, 17:00–19:00".
    pub(super) when: String,
    /// ISO date or date and time, for `<time datetime>`.
    pub(super) start: String,
    pub(super) end: Option<String>,
    all_day: bool,
    pub(super) place: Option<&'a str>,
    pub(super) address: Option<&'a str>,
    pub(super) registration: Option<&'a str>,
    pub(super) price: Option<&'a str>,
    pub(super) free: bool,
    /// The event's own calendar file.
    ics_url: String,
}

/// Past events of one month on the events page.
#[derive(Serialize)]
pub(super) struct EventMonth<'a> {
    /// "2026-11", for ids.
    pub(super) id: String,
    /// "listopad 2026".
    pub(super) name: String,
    pub(super) events: Vec<EventView<'a>>,
}

#[derive(Serialize)]
pub(super) struct FundingView<'a> {
    pub(super) programme: Option<&'a str>,
    pub(super) fund: Option<&'a str>,
    pub(super) total_value: Option<f64>,
    pub(super) eu_contribution: Option<f64>,
    /// EU share of the total value in percent, one decimal.
    pub(super) eu_share: Option<f64>,
    pub(super) currency: &'a str,
}

#[derive(Serialize)]
pub(super) struct ProjectSummary<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) status: ProjectStatus,
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    pub(super) summary: &'a str,
    pub(super) cover: Option<&'a Image>,
    organiser: Option<&'a str>,
    pub(super) extra: &'a Extra,
}

#[derive(Serialize)]
pub(super) struct ProjectFull<'a> {
    #[serde(flatten)]
    pub(super) summary: ProjectSummary<'a>,
    pub(super) content: &'a str,
    pub(super) partners: &'a [String],
    pub(super) funding: Option<FundingView<'a>>,
    pub(super) participants: Option<u64>,
    pub(super) goals: &'a [String],
    pub(super) results: &'a [String],
    pub(super) figures: &'a [Figure],
    pub(super) contact: Option<&'a Contact>,
    pub(super) gallery: &'a [Image],
    pub(super) toc: &'a [TocEntry],
    pub(super) updated: Option<String>,
}

/// What link previews (Open Graph and Twitter card tags in `base.html`) show of a page besides
/// its title and permalink.
#[derive(Serialize)]
pub(super) struct Share<'a> {
    /// `og:type`: "article" for posts, "website" for every other page.
    pub(super) kind: &'static str,
    /// The page's description, or the site's when the page has none.
    pub(super) description: &'a str,
    pub(super) locale: &'static str,
    pub(super) image: Option<SharedImage>,
    /// RFC 3339 publication and modification times of a post.
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
}

/// A feed following the posts of a page (a project or a tag).
#[derive(Serialize)]
pub(super) struct FeedLink<'a> {
    pub(super) url: String,
    /// "Kanał Atom tego projektu".
    label: &'a str,
    /// What the feed follows: the project's title, the tag's name.
    pub(super) name: &'a str,
}

#[derive(Serialize)]
pub(super) struct PageHeader<'a> {
    pub(super) kind: &'a str,
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) permalink: String,
    pub(super) description: &'a str,
}

impl<'a> Renderer<'a> {
    pub(super) fn post_summary(&self, post: &'a Post) -> PostSummary<'a> {
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

    pub(super) fn term_view(&self, term: &'a Term) -> TermView<'a> {
        TermView {
            name: &term.name,
            url: self.url(&term.path),
            count: term.posts.len(),
        }
    }

    pub(super) fn project_summary(&self, project: &'a Project) -> ProjectSummary<'a> {
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

    pub(super) fn dated_links(&self, indexes: &[usize]) -> Vec<DatedLink<'a>> {
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

    pub(super) fn posts(&self, indexes: &[usize]) -> Vec<PostSummary<'a>> {
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
            when: event::when(self.site.config.language, event),
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

    pub(super) fn event_views(&self, list: &[Listed<'a>]) -> Vec<EventView<'a>> {
        list.iter().map(|e| self.event_view(e)).collect()
    }

    /// The events still to come (earliest first) and the past ones (latest first).
    pub(super) fn split_events(&self) -> (Vec<Listed<'a>>, Vec<Listed<'a>>) {
        calendar::split(&self.events, self.today)
    }

    /// Adds a document's event box and its `Event` structured data to its page.
    pub(super) fn insert_event(
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

    pub(super) fn header(
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
    pub(super) fn share<'d>(
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
    pub(super) fn organization(&self) -> Organization<'a> {
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

    pub(super) fn feed_link(&self, page_path: &str, label: &'a str, name: &'a str) -> FeedLink<'a> {
        FeedLink {
            url: self.url(&feed_path(page_path)),
            label,
            name,
        }
    }
}
