//! The views of the model that templates see: borrowed, serialisable summaries of posts, projects,
//! terms and events, and the link-preview and header data of a page.

use serde::Serialize;

use crate::content::date::Date;
use crate::content::meta::{Contact, Extra, Figure, Funding, ProjectStatus};
use crate::gallery::Image;
use crate::locale::Lang;
use crate::markdown::Rendered;
use crate::markdown::TocEntry;
use crate::site::calendar::{self, Listed, Owner};
use crate::site::event;
use crate::site::{DocumentImages, Page, PageId, Post, PostId, Project, Term};

use super::context::EventParts;
use super::marking::MarkingView;
use super::routes::{feed_path, rss_path};
use super::structured_data::{self, EventData, Organization, SharedImage};
use super::text_with_photos;
use super::Renderer;

/// A link to a document: its title, address and the language of its title (a template
/// marks a title in another language than its page's with `lang`).
#[derive(Serialize)]
pub(super) struct Link<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) lang: Lang,
}

/// A page of a section as the section's page lists it.
#[derive(Serialize)]
pub(super) struct PageLink<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) summary: &'a str,
    pub(super) lang: Lang,
}

/// A page in the menu of its section, with the pages below it.
#[derive(Serialize)]
pub(super) struct MenuPage<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) lang: Lang,
    /// Whether it is the page being rendered.
    pub(super) current: bool,
    pub(super) pages: Vec<MenuPage<'a>>,
}

/// A post as the yearly archive lists it.
#[derive(Serialize)]
pub(super) struct DatedLink<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) lang: Lang,
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

/// A post, project or static page as templates see it: one shape for the three, with the
/// parts only some kinds have.
#[derive(Serialize)]
pub(super) struct EntryView<'a> {
    /// Title and address; a static page has them in its `page`.
    #[serde(flatten)]
    link: Option<Link<'a>>,
    /// The language of its text (of a static page: its `page.lang`).
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<Lang>,
    summary: Option<&'a str>,
    updated: Option<String>,
    cover: Option<&'a Image>,
    photo_count: usize,
    extra: &'a Extra,
    /// On the document's own page: its text and gallery.
    #[serde(flatten)]
    text: Option<TextView<'a>>,
    #[serde(flatten)]
    post: Option<PostParts<'a>>,
    #[serde(flatten)]
    project: Option<ProjectParts<'a>>,
}

#[derive(Serialize)]
struct TextView<'a> {
    content: std::borrow::Cow<'a, str>,
    gallery: &'a [Image],
    toc: &'a [TocEntry],
}

#[derive(Serialize)]
struct PostParts<'a> {
    date: String,
    author: Option<&'a str>,
    source: Option<&'a str>,
    tags: Vec<TermLink<'a>>,
    category: Option<TermLink<'a>>,
    project: Option<Link<'a>>,
    /// On the post's own page: the marking of its project.
    marking: Option<MarkingView<'a>>,
}

#[derive(Serialize)]
struct ProjectParts<'a> {
    status: ProjectStatus,
    start: Option<String>,
    end: Option<String>,
    organiser: Option<&'a str>,
    /// On the project's own page.
    #[serde(flatten)]
    details: Option<ProjectDetails<'a>>,
}

#[derive(Serialize)]
struct ProjectDetails<'a> {
    partners: &'a [String],
    funding: Option<FundingView<'a>>,
    participants: Option<u64>,
    goals: &'a [String],
    results: &'a [String],
    figures: &'a [Figure],
    contact: Option<&'a Contact>,
    marking: Option<MarkingView<'a>>,
}

/// An event as its box on the page and event lists show it.
#[derive(Serialize)]
pub(super) struct EventView<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    /// The language of its document's text.
    pub(super) lang: Lang,
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

/// The funding box of a project, with the EU's share worked out.
fn funding_view(f: &Funding) -> FundingView<'_> {
    FundingView {
        programme: f.programme.as_deref(),
        fund: f.fund.as_deref(),
        total_value: f.total_value,
        eu_contribution: f.eu_contribution,
        eu_share: match (f.total_value, f.eu_contribution) {
            (Some(total), Some(eu)) if total > 0.0 => Some((eu / total * 1000.0).round() / 10.0),
            _ => None,
        },
        currency: &f.currency,
    }
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
    /// The RSS feed of the same posts.
    pub(super) rss_url: String,
    /// "Kanał Atom tego projektu".
    label: &'a str,
    /// What the feed follows: the project's title, the tag's name.
    pub(super) name: &'a str,
}

/// A post of the yearly archive, by month.
#[derive(Serialize)]
pub(super) struct MonthPosts<'a> {
    /// 1–12.
    pub(super) month: u32,
    /// "listopad".
    pub(super) name: String,
    pub(super) posts: Vec<DatedLink<'a>>,
}

/// A year of the archive.
#[derive(Serialize)]
pub(super) struct YearLink {
    pub(super) year: i32,
    pub(super) url: String,
    pub(super) count: usize,
}

#[derive(Serialize)]
pub(super) struct UrlOnly {
    pub(super) url: String,
}

#[derive(Serialize)]
pub(super) struct PageHeader<'a> {
    pub(super) kind: &'static str,
    /// The language of the page: its document's, else the site's.
    pub(super) lang: Lang,
    pub(super) title: String,
    pub(super) url: String,
    pub(super) permalink: String,
    pub(super) description: &'a str,
}

impl<'a> Renderer<'a> {
    /// What posts, projects and pages have in common as templates see them: with `text`, as
    /// on the document's own page.
    fn entry_view(
        &self,
        (title, path, lang): (Option<&'a str>, &str, Lang),
        summary: Option<&'a str>,
        updated: Option<Date>,
        photos: &'a DocumentImages,
        extra: &'a Extra,
        text: Option<&'a Rendered>,
    ) -> EntryView<'a> {
        let gallery = &photos.gallery[..];
        EntryView {
            link: title.map(|title| Link {
                title,
                url: self.url(path),
                lang,
            }),
            lang: title.map(|_| lang),
            summary,
            updated: updated.as_ref().map(Date::iso),
            cover: photos.cover.as_ref(),
            photo_count: gallery.len(),
            extra,
            text: text.map(|t| TextView {
                content: text_with_photos(&t.html, photos),
                gallery,
                toc: &t.toc,
            }),
            post: None,
            project: None,
        }
    }

    /// A post as lists show it, or with `full` as its page does.
    pub(super) fn post_view(&self, post: &'a Post, full: bool) -> EntryView<'a> {
        let site = self.site;
        let meta = &post.doc.meta;
        let parts = PostParts {
            date: post.date.iso(),
            author: meta.author.as_deref(),
            source: meta.source.as_deref(),
            tags: (post.tags.iter())
                .map(|&t| self.term_link(&site.tags[t]))
                .collect(),
            category: post.category.map(|c| self.term_link(&site.categories[c])),
            project: post.project.map(|p| self.link(&site.projects[p])),
            marking: (post.project)
                .filter(|_| full)
                .and_then(|p| self.marking_view(&site.projects[p])),
        };
        let text = full.then_some(&post.text);
        let (summary, doc) = (Some(post.summary.as_str()), &post.photos);
        EntryView {
            post: Some(parts),
            ..self.entry_view(
                (Some(&post.title), &post.path, post.lang),
                summary,
                post.updated,
                doc,
                &meta.extra,
                text,
            )
        }
    }

    /// A project as lists show it, or with `full` as its page does.
    pub(super) fn project_view(&self, project: &'a Project, full: bool) -> EntryView<'a> {
        let meta = &project.doc.meta;
        let details = full.then(|| ProjectDetails {
            partners: &meta.partners,
            funding: meta.funding.as_ref().map(funding_view),
            participants: meta.participants,
            goals: &meta.goals,
            results: &meta.results,
            figures: &meta.figures,
            contact: meta.contact.as_ref(),
            marking: self.marking_view(project),
        });
        let parts = ProjectParts {
            status: project.status,
            start: project.start.as_ref().map(Date::iso),
            end: project.end.as_ref().map(Date::iso),
            organiser: meta.organiser.as_deref(),
            details,
        };
        let text = full.then_some(&project.text);
        let (summary, doc) = (Some(project.summary.as_str()), &project.photos);
        let link = (
            Some(project.title.as_str()),
            project.path.as_str(),
            project.lang,
        );
        EntryView {
            project: Some(parts),
            ..self.entry_view(link, summary, project.updated, doc, &meta.extra, text)
        }
    }

    /// A static page: its fields are its `page`'s own.
    pub(super) fn page_view(&self, page: &'a Page) -> EntryView<'a> {
        let meta = &page.doc.meta;
        let summary = meta.summary.as_deref();
        let doc = &page.photos;
        self.entry_view(
            (None, &page.path, page.lang),
            summary,
            page.updated,
            doc,
            &meta.extra,
            Some(&page.text),
        )
    }

    /// The menu of the tree of pages below `top`, `current` marked.
    pub(super) fn page_menu(&self, top: PageId, current: PageId) -> MenuPage<'a> {
        let page = &self.site.pages[top];
        MenuPage {
            title: &page.title,
            url: self.url(&page.path),
            lang: page.lang,
            current: top == current,
            pages: (page.children.iter())
                .map(|&child| self.page_menu(child, current))
                .collect(),
        }
    }

    /// The projects of one status, as lists show them.
    pub(super) fn projects_with(&self, status: ProjectStatus) -> Vec<EntryView<'a>> {
        (self.site.projects.iter())
            .filter(|p| p.status == status && !p.timing.is_expired())
            .map(|p| self.project_view(p, false))
            .collect()
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

    pub(super) fn dated_links(&self, indexes: &[PostId]) -> Vec<DatedLink<'a>> {
        indexes
            .iter()
            .map(|&i| {
                let post = &self.site.posts[i];
                DatedLink {
                    title: &post.title,
                    url: self.url(&post.path),
                    lang: post.lang,
                    date: post.date.iso(),
                }
            })
            .collect()
    }

    pub(super) fn posts(&self, indexes: &[PostId]) -> Vec<EntryView<'a>> {
        indexes
            .iter()
            .map(|&i| self.post_view(&self.site.posts[i], false))
            .collect()
    }

    /// An event as a page in `lang` shows it.
    fn event_view(&self, e: &Listed<'a>, lang: Lang) -> EventView<'a> {
        let event = e.event;
        EventView {
            title: e.title,
            url: self.url(e.path),
            lang: self.owner_lang(e.owner),
            summary: e.summary,
            when: event::when(lang, event),
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
        let lang = self.site.config.language;
        list.iter().map(|e| self.event_view(e, lang)).collect()
    }

    /// The language of the document carrying an event.
    fn owner_lang(&self, owner: Owner) -> Lang {
        match owner {
            Owner::Post(i) => self.site.posts[i].lang,
            Owner::Page(i) => self.site.pages[i].lang,
        }
    }

    /// A link to a document, with the language of its title.
    pub(super) fn link<K: crate::site::Kind>(&self, e: &'a crate::site::Entry<K>) -> Link<'a> {
        Link {
            title: &e.title,
            url: self.url(&e.path),
            lang: e.lang,
        }
    }

    /// The events still to come (earliest first) and the past ones (latest first).
    pub(super) fn split_events(&self) -> (Vec<Listed<'a>>, Vec<Listed<'a>>) {
        calendar::split(&self.events, self.today)
    }

    /// A document's event box and its `Event` structured data, when it has an event.
    pub(super) fn event_parts(
        &self,
        owner: Owner,
        image: Option<&SharedImage>,
    ) -> Option<EventParts<'a>> {
        let e = self.events.iter().find(|e| e.owner == owner)?;
        let config = &self.site.config;
        let lang = self.owner_lang(owner);
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
            language: lang.code(),
        };
        Some(EventParts {
            event: self.event_view(e, lang),
            event_json_ld: structured_data::event(&data),
        })
    }

    /// Link-preview data of a page: of an article when it has publication `times`
    /// (published, modified; RFC 3339), with the cover photo when there is one.
    pub(super) fn share<'d>(
        &self,
        description: &'d str,
        cover: Option<&Image>,
        times: Option<(String, String)>,
        lang: Lang,
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
            locale: lang.og_locale(),
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
            rss_url: self.url(&rss_path(page_path)),
            label,
            name,
        }
    }
}
