//! Machine-readable files: the feeds (the site's, and one per project and per tag, each as
//! Atom and as RSS 2.0), sitemap.xml and robots.txt. Each is rendered by a template of the
//! theme (`atom.xml`, `rss.xml`, `sitemap.xml`, `robots.txt`), which a site can override like
//! any other; this module gathers what they show.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::render::theme::Theme;
use crate::render::{
    feed_path, rss_path, text_with_photos, RenderError, FEED_FILE, ROBOTS_FILE, RSS_FILE,
    SITEMAP_FILE,
};
use crate::site::{Post, PostId, Site};

/// How many posts a feed carries.
const FEED_ENTRIES: usize = 20;

/// What one feed follows: the whole site, a project or a tag.
struct Channel<'a> {
    title: String,
    subtitle: &'a str,
    /// URL path below the site root of the page showing the same posts (`""` for home).
    page_path: &'a str,
    /// Its posts, newest first.
    posts: &'a [PostId],
}

/// The variables of `atom.xml` and `rss.xml`.
#[derive(Serialize)]
struct AtomContext<'a> {
    /// The site's language code (`pl`, `en`).
    lang: &'static str,
    /// Whether the RSS feed carries each post's whole text (`feeds.rss_full_text`).
    full_text: bool,
    feed: FeedHead<'a>,
    /// The channel's newest posts, newest first.
    entries: Vec<FeedEntry<'a>>,
}

/// The feed itself: its title and subtitle, its own address (`url`), the address of the
/// page showing the same posts (`page_url`) and the time of its newest change (RFC 3339).
#[derive(Serialize)]
struct FeedHead<'a> {
    title: &'a str,
    subtitle: &'a str,
    url: String,
    /// The address of the RSS feed of the same posts.
    rss_url: String,
    page_url: String,
    updated: String,
    /// `updated` as RFC 2822, for RSS.
    updated_rfc2822: String,
}

/// One post in a feed; `content` is its HTML with absolute links.
#[derive(Serialize)]
struct FeedEntry<'a> {
    title: &'a str,
    /// The language of the post (Atom's `xml:lang` on an entry in another language than
    /// the feed's).
    lang: &'static str,
    url: String,
    published: String,
    /// `published` as RFC 2822, for RSS.
    published_rfc2822: String,
    updated: String,
    author: &'a str,
    summary: &'a str,
    content: &'a str,
}

/// The variables of `sitemap.xml`: every page, by its absolute address.
#[derive(Serialize)]
struct SitemapContext {
    entries: Vec<SitemapEntry>,
    /// Whether any page has translations (the `xhtml` namespace of their links is declared).
    translations: bool,
}

#[derive(Serialize)]
struct SitemapEntry {
    url: String,
    /// The page and its translations, by language, when it has any.
    alternates: Vec<Alternate>,
}

/// A page of a group of translations, as Google's sitemap `xhtml:link` names it.
#[derive(Serialize)]
struct Alternate {
    lang: &'static str,
    url: String,
}

/// The variables of `robots.txt`.
#[derive(Serialize)]
struct RobotsContext {
    sitemap_url: String,
}

/// Every feed of the site as (output file, XML): the site feed of the newest posts at the
/// root, and one beside each project page and each tag page with only their posts, each as
/// Atom (`atom.xml`) and RSS 2.0 (`rss.xml`).
pub fn atom_feeds(site: &Site, theme: &Theme) -> Result<Vec<(PathBuf, String)>, RenderError> {
    let c = &site.config;
    let all: Vec<PostId> = PostId::all(site.listed_posts()).collect();
    let subtitle = c.description.as_deref().unwrap_or("");
    let mut channels = vec![Channel {
        title: c.title.clone(),
        subtitle,
        page_path: "",
        posts: &all,
    }];
    channels.extend(site.projects.iter().map(|p| Channel {
        title: format!("{} – {}", p.title, c.title),
        subtitle: &p.summary,
        page_path: &p.path,
        posts: &p.posts,
    }));
    channels.extend(site.tags.iter().map(|t| Channel {
        title: format!("{} – {}", t.name, c.title),
        subtitle,
        page_path: &t.path,
        posts: &t.posts,
    }));
    let contents = feed_contents(site, &channels);
    channels
        .par_iter()
        .map(|ch| {
            let context = atom(site, ch, &contents);
            let atom_file = PathBuf::from(feed_path(ch.page_path));
            let atom = theme.render(FEED_FILE, &atom_file, &context)?;
            let rss_file = PathBuf::from(rss_path(ch.page_path));
            let rss = theme.render(RSS_FILE, &rss_file, &context)?;
            Ok([(atom_file, atom), (rss_file, rss)])
        })
        .collect::<Result<Vec<_>, RenderError>>()
        .map(|feeds| feeds.into_iter().flatten().collect())
}

/// The feed content of each post shown in a feed, by post: made once, though a post is in the
/// site's feed and in those of its tags and project.
fn feed_contents(site: &Site, channels: &[Channel]) -> HashMap<PostId, String> {
    let c = &site.config;
    let shown: HashSet<PostId> = channels
        .iter()
        .flat_map(|ch| ch.posts.iter().take(FEED_ENTRIES).copied())
        .collect();
    shown
        .into_par_iter()
        .filter_map(|id| {
            let post = site.posts.get(id.index())?;
            let html = text_with_photos(&post.text.html, &post.photos);
            Some((id, absolute_links(&html, c, &c.permalink(&post.path))))
        })
        .collect()
}

/// What the Atom feed of a channel shows: its newest posts.
fn atom<'a>(
    site: &'a Site,
    channel: &'a Channel,
    contents: &'a HashMap<PostId, String>,
) -> AtomContext<'a> {
    let c = &site.config;
    let tz = c.timezone;
    let posts: Vec<(PostId, &Post)> = (channel.posts.iter().take(FEED_ENTRIES))
        .filter_map(|&i| Some((i, site.posts.get(i.index())?)))
        .collect();
    // A feed with no posts yet (a new project) takes the date of the site's newest post.
    let updated = (posts.iter().map(|&(_, p)| p))
        .chain(
            site.posts
                .first()
                .filter(|p| posts.is_empty() && !p.timing.is_expired()),
        )
        .map(|p| p.updated.unwrap_or(p.date))
        .max();
    let updated_rfc2822 = updated.map_or_else(
        || "Thu, 01 Jan 1970 00:00:00 +0000".to_string(),
        |d| d.rfc2822(tz),
    );
    let updated = updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| d.rfc3339(tz));
    let author_default = c.organisation_name();
    let entries = posts
        .into_iter()
        .map(|(id, post)| FeedEntry {
            title: &post.title,
            lang: post.lang.code(),
            url: c.permalink(&post.path),
            published: post.date.rfc3339(tz),
            published_rfc2822: post.date.rfc2822(tz),
            updated: post.updated.unwrap_or(post.date).rfc3339(tz),
            author: post.doc.meta.author.as_deref().unwrap_or(author_default),
            summary: &post.summary,
            content: contents.get(&id).map_or("", String::as_str),
        })
        .collect();
    AtomContext {
        lang: c.language.code(),
        full_text: c.feeds.rss_full_text,
        feed: FeedHead {
            title: &channel.title,
            subtitle: channel.subtitle,
            url: c.permalink(&feed_path(channel.page_path)),
            rss_url: c.permalink(&rss_path(channel.page_path)),
            page_url: c.permalink(channel.page_path),
            updated,
            updated_rfc2822,
        },
        entries,
    }
}

/// The HTML of a post as a feed carries it: sanitised (feed readers do not apply the site's
/// CSP, and a site may allow raw HTML), with `href="/…"` and `src="/…"` made absolute, since
/// feed readers do not know the site's address, and addresses relative to the post's page
/// (`regulamin.pdf` in a bundle) made absolute from the post's address `page`, which a reader
/// would otherwise read from the feed's (protocol-relative `//host/…` addresses and `#…` are
/// left as they are, like absolute ones). One parse of the HTML, however many links.
fn absolute_links(html: &str, config: &Config, page: &str) -> String {
    let page = url::Url::parse(page).ok();
    crate::markdown::sanitise_rewriting_addresses(html, &config.embed_hosts, &|url| {
        let relative = !url.starts_with(['/', '#', '?']);
        match page.as_ref().filter(|_| relative).map(|p| p.join(url)) {
            Some(Ok(joined)) => joined.to_string(),
            _ => config.absolute_url(url),
        }
    })
}

/// sitemap.xml listing every page URL (given as paths below the site root).
pub fn sitemap<'a>(
    site: &Site,
    theme: &Theme,
    paths: impl Iterator<Item = &'a str>,
) -> Result<String, RenderError> {
    let config = &site.config;
    let entries: Vec<SitemapEntry> = paths
        .map(|path| SitemapEntry {
            url: config.permalink(path),
            alternates: (site.translations.of(path).iter())
                .map(|t| Alternate {
                    lang: t.lang.code(),
                    url: config.permalink(&t.path),
                })
                .collect(),
        })
        .collect();
    let translations = entries.iter().any(|e| !e.alternates.is_empty());
    theme.render(
        SITEMAP_FILE,
        Path::new(SITEMAP_FILE),
        &SitemapContext {
            entries,
            translations,
        },
    )
}

/// What a preview's robots.txt says, whatever the theme's template: keep out.
/// Its first line tells it from a site's own robots.txt that turns every search engine away
/// (a site not open yet), which `tablica deploy` must not take for a preview.
pub const PREVIEW_ROBOTS: &str =
    "# tablica build --preview: a preview for colleagues, not for search engines\nUser-agent: *\nDisallow: /\n";

/// robots.txt: by default allowing everything and pointing to the sitemap; of a preview,
/// disallowing everything.
pub fn robots(site: &Site, theme: &Theme) -> Result<String, RenderError> {
    if site.preview {
        return Ok(PREVIEW_ROBOTS.to_string());
    }
    let sitemap_url = site.config.permalink(SITEMAP_FILE);
    theme.render(
        ROBOTS_FILE,
        Path::new(ROBOTS_FILE),
        &RobotsContext { sitemap_url },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_absolute_for_feed_readers() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://example.org/mops/\n");
        let html = concat!(
            r#"<a href="/mops/x/">x</a><img src="/mops/a.jpg" alt="a">"#,
            r##"<a href="https://e.org/">e</a><a href="//cdn.e.org/y">y</a><a href="#s">s</a>"##,
            r#"<a href="plan.pdf">p</a>"#,
        );
        let rel = r#" rel="noopener noreferrer""#;
        assert_eq!(
            absolute_links(html, &config, "https://example.org/mops/wpis/"),
            format!(
                r##"<a href="https://example.org/mops/x/"{rel}>x</a><img src="https://example.org/mops/a.jpg" alt="a"><a href="https://e.org/"{rel}>e</a><a href="//cdn.e.org/y"{rel}>y</a><a href="#s"{rel}>s</a><a href="https://example.org/mops/wpis/plan.pdf"{rel}>p</a>"##
            )
        );
    }

    #[test]
    fn feed_content_is_sanitised_in_one_pass_over_its_links() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://example.org/\n");
        // A site that allows raw HTML hands the feed unsanitised HTML.
        let html = r#"<a href="javascript:alert(1)">a</a><img src="https://tracker.example/p.gif" alt=""><script>alert(1)</script>"#;
        let out = absolute_links(html, &config, "https://example.org/x/");
        assert!(
            !out.contains("javascript") && !out.contains("tracker") && !out.contains("<script"),
            "{out}"
        );

        // Each relative address is rewritten once, by one parse: the work grows with the
        // number of links, not with links × length (the old string search rescanned the
        // rest of the HTML for every link).
        for n in [10, 1000] {
            let html = r#"<p><a href="/a/">a</a> <img src="/b.png" alt="b"></p>"#.repeat(n);
            let calls = std::sync::atomic::AtomicUsize::new(0);
            let out = crate::markdown::sanitise_rewriting_addresses(&html, &[], &|url| {
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                config.absolute_url(url)
            });
            assert_eq!(calls.into_inner(), 2 * n);
            assert_eq!(out.matches("https://example.org/").count(), 2 * n);
        }
    }
}
