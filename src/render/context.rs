//! What a page's template gets as `page` ([`Context`]): the header every page has, the parts
//! some pages have, and the fields of its kind ([`Body`]). `docs/themes.md` documents these
//! keys and `tests/theme_contract.rs` checks it against rendered pages.

use serde::Serialize;

use crate::site::schedule::Timing;
use crate::site::video::{Video, VideoSource};
use crate::site::{Entry, Kind};

use super::views::*;
use super::Renderer;

/// A page's context.
#[derive(Serialize)]
pub(super) struct Context<'a> {
    #[serde(flatten)]
    pub(super) header: PageHeader<'a>,
    /// Link previews: on every page but the 404 page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) share: Option<Share<'a>>,
    /// The page's structured data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) json_ld: Option<String>,
    /// The Atom feed of a project's or tag's posts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) feed: Option<FeedLink<'a>>,
    /// A post, project or page that is not simply current: expired, or in a preview
    /// scheduled for later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) schedule: Option<ScheduleNotice>,
    /// The event of a post or page.
    #[serde(flatten)]
    pub(super) event: Option<EventParts<'a>>,
    /// The texts translating one another that the page's document is one of (itself
    /// included, `current`), for `hreflang` links and the language switcher.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) translations: Vec<TranslationLink<'a>>,
    #[serde(flatten)]
    pub(super) media: MediaParts<'a>,
    #[serde(flatten)]
    pub(super) body: Body<'a>,
}

/// The fields of each kind of page (see the table of `docs/themes.md`).
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum Body<'a> {
    Home {
        latest_posts: Vec<EntryView<'a>>,
        ongoing_projects: Vec<EntryView<'a>>,
        upcoming_events: Vec<EventView<'a>>,
    },
    Post {
        post: EntryView<'a>,
        newer: Option<Link<'a>>,
        older: Option<Link<'a>>,
    },
    Project {
        project: EntryView<'a>,
        /// Its news, newest first.
        posts: Vec<EntryView<'a>>,
    },
    /// A static page: its entry's fields are the page's own, with its place in the tree.
    Page {
        #[serde(flatten)]
        page: EntryView<'a>,
        /// The pages above it, from the top down (the home page not included).
        breadcrumbs: Vec<Link<'a>>,
        /// The pages of the section it heads, in order.
        children: Vec<PageLink<'a>>,
        /// The tree of pages it is in, from its top page, when it is below that page.
        section: Option<MenuPage<'a>>,
    },
    Projects {
        ongoing: Vec<EntryView<'a>>,
        planned: Vec<EntryView<'a>>,
        finished: Vec<EntryView<'a>>,
    },
    Terms {
        terms: Vec<TermView<'a>>,
    },
    Archive {
        years: Vec<YearLink>,
    },
    Year {
        year: i32,
        months: Vec<MonthPosts<'a>>,
    },
    Events {
        upcoming: Vec<EventView<'a>>,
        past_months: Vec<EventMonth<'a>>,
        calendar: UrlOnly,
    },
    Accessibility {
        statement: serde_json::Value,
    },
    Privacy {
        privacy: crate::config::privacy::PrivacyView<'a>,
    },
    List {
        posts: Vec<EntryView<'a>>,
        pagination: super::pagination::Pagination,
        /// The tag or category of its page.
        #[serde(skip_serializing_if = "Option::is_none")]
        term: Option<TermView<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        taxonomy: Option<&'static str>,
    },
    Nothing,
}

/// A text of a group of translations, as a page links to it.
#[derive(Serialize)]
pub(super) struct TranslationLink<'a> {
    pub(super) lang: crate::locale::Lang,
    /// The language's own name: "Українською", "Po polsku", "In English".
    pub(super) name: &'static str,
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) permalink: String,
    /// Whether it is the page's own document.
    pub(super) current: bool,
}

/// What a page says of its document's `publish:` or `expires:`.
#[derive(Serialize)]
pub(super) struct ScheduleNotice {
    /// `expired` (out of every list; the page stays as an archive) or `scheduled`.
    state: &'static str,
    /// Its `expires:` or `publish:`, as written (`2026-12-31` or `2026-12-05T08:00:00`).
    date: String,
    /// Its hour ("08:00"), when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<String>,
}

impl ScheduleNotice {
    pub(super) fn of(timing: Timing) -> Option<Self> {
        let (state, date) = match timing {
            Timing::Current => return None,
            Timing::Expired(d) => ("expired", d),
            Timing::Scheduled(d) => ("scheduled", d),
        };
        Some(ScheduleNotice {
            state,
            date: date.iso(),
            time: date
                .has_time
                .then(|| date.local.format("%H:%M").to_string()),
        })
    }
}

/// A document's event box and its `Event` structured data.
#[derive(Serialize)]
pub(super) struct EventParts<'a> {
    pub(super) event: EventView<'a>,
    pub(super) event_json_ld: String,
}

/// A page's videos, and the Content-Security-Policy's `frame-src`: the origins of the
/// videos' players and the sources of the frames embedded in the text (`embed_hosts:`).
/// `base.html` allows no frames when there are none.
#[derive(Serialize, Default)]
pub(super) struct MediaParts<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    videos: Option<&'a [Video]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_external_video: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frame_src: Option<String>,
}

impl<'a> MediaParts<'a> {
    pub(super) fn of<K: Kind>(entry: &'a Entry<K>) -> Self {
        let videos = &entry.media.videos[..];
        let external = |v: &Video| matches!(v.source, VideoSource::External { .. });
        let has_external_video = (!videos.is_empty()).then(|| videos.iter().any(external));
        let mut sources: Vec<&str> = entry.frame_sources().collect();
        sources.sort_unstable();
        sources.dedup();
        MediaParts {
            videos: (!videos.is_empty()).then_some(videos),
            has_external_video,
            frame_src: (!sources.is_empty()).then(|| sources.join(" ")),
        }
    }
}

impl<'a> Renderer<'a> {
    /// The page of a document in `lang` at `path`: in its language, with links to its
    /// translations.
    pub(super) fn in_language(
        &self,
        page: &mut Context<'a>,
        lang: crate::locale::Lang,
        path: &str,
    ) {
        page.header.lang = lang;
        let config = &self.site.config;
        page.translations = (self.site.translations.of(path).iter())
            .map(|t| TranslationLink {
                lang: t.lang,
                name: t.lang.own_name(),
                title: &t.title,
                url: self.url(&t.path),
                permalink: config.permalink(&t.path),
                current: t.path == path,
            })
            .collect();
    }

    /// A page of `kind` with the fields of `body`, previewed with its description.
    pub(super) fn context(
        &self,
        kind: &'static str,
        title: String,
        url_path: &str,
        description: &'a str,
        body: Body<'a>,
    ) -> Context<'a> {
        Context {
            header: PageHeader {
                kind,
                lang: self.site.config.language,
                title,
                url: self.url(url_path),
                permalink: self.site.config.permalink(url_path),
                description,
            },
            share: Some(self.share(description, None, None, self.site.config.language)),
            json_ld: None,
            schedule: None,
            feed: None,
            event: None,
            translations: Vec::new(),
            media: MediaParts::default(),
            body,
        }
    }
}
