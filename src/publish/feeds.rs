//! Machine-readable files: the Atom feeds (the site's, and one per project and per tag),
//! sitemap.xml and robots.txt.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::Config;
use crate::render::feed_path;
use crate::site::{Post, Site};

/// How many posts a feed carries.
const FEED_ENTRIES: usize = 20;

/// Escapes text for XML element content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// What one feed follows: the whole site, a project or a tag.
struct Channel<'a> {
    title: String,
    subtitle: &'a str,
    /// URL path below the site root of the page showing the same posts (`""` for home).
    page_path: &'a str,
    /// Indexes into `site.posts`, newest first.
    posts: &'a [usize],
}

/// Every Atom feed of the site as (output file, XML): the site feed of the newest posts at
/// the root, and one beside each project page and each tag page with only their posts.
pub fn atom_feeds(site: &Site) -> Vec<(PathBuf, String)> {
    let c = &site.config;
    let all: Vec<usize> = (0..site.posts.len()).collect();
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
    channels
        .par_iter()
        .map(|ch| (PathBuf::from(feed_path(ch.page_path)), atom(site, ch)))
        .collect()
}

/// The Atom feed of a channel's newest posts.
fn atom(site: &Site, channel: &Channel) -> String {
    let c = &site.config;
    let tz = c.timezone;
    let page_url = c.permalink(channel.page_path);
    let feed_url = c.permalink(&feed_path(channel.page_path));
    let posts: Vec<&Post> = channel
        .posts
        .iter()
        .take(FEED_ENTRIES)
        .filter_map(|&i| site.posts.get(i))
        .collect();
    // A feed with no posts yet (a new project) takes the date of the site's newest post.
    let updated = posts
        .iter()
        .copied()
        .chain(site.posts.first().filter(|_| posts.is_empty()))
        .map(|p| p.updated.unwrap_or(p.date))
        .max()
        .map(|d| d.rfc3339(tz))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <subtitle>{subtitle}</subtitle>\n  <link href=\"{feed}\" rel=\"self\" type=\"application/atom+xml\"/>\n  <link href=\"{page}\" rel=\"alternate\" type=\"text/html\"/>\n  <id>{page}</id>\n  <updated>{updated}</updated>\n  <generator>tablica</generator>\n",
        lang = c.language.code(),
        title = xml_escape(&channel.title),
        subtitle = xml_escape(channel.subtitle),
        feed = xml_escape(&feed_url),
        page = xml_escape(&page_url),
    );
    let author_default = c.organisation_name();
    for post in posts {
        let url = c.permalink(&post.path);
        xml.push_str(&format!(
            "  <entry>\n    <title>{title}</title>\n    <link href=\"{url}\" rel=\"alternate\" type=\"text/html\"/>\n    <id>{url}</id>\n    <published>{published}</published>\n    <updated>{updated}</updated>\n    <author><name>{author}</name></author>\n    <summary>{summary}</summary>\n    <content type=\"html\">{content}</content>\n  </entry>\n",
            title = xml_escape(&post.title),
            url = xml_escape(&url),
            published = post.date.rfc3339(tz),
            updated = post.updated.unwrap_or(post.date).rfc3339(tz),
            author = xml_escape(post.doc.meta.author.as_deref().unwrap_or(author_default)),
            summary = xml_escape(&post.summary),
            content = xml_escape(&absolute_links(&post.text.html, c)),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// The HTML of a post as a feed carries it: sanitised (feed readers do not apply the site's
/// CSP, and a site may allow raw HTML), with `href="/…"` and `src="/…"` made absolute, since
/// feed readers do not know the site's address (protocol-relative `//host/…` addresses are
/// left as they are, like absolute ones). One parse of the HTML, however many links.
fn absolute_links(html: &str, config: &Config) -> String {
    crate::markdown::sanitise_rewriting_addresses(html, &config.embed_hosts, &|url| {
        config.absolute_url(url)
    })
}

/// sitemap.xml listing every page URL (given as paths below the site root).
pub fn sitemap<'a>(site: &Site, paths: impl Iterator<Item = &'a str>) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&site.config.permalink(path))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// robots.txt allowing everything and pointing to the sitemap.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.permalink("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;");
    }

    #[test]
    fn links_become_absolute_for_feed_readers() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://example.org/mops/\n");
        let html = concat!(
            r#"<a href="/mops/x/">x</a><img src="/mops/a.jpg" alt="a">"#,
            r##"<a href="https://e.org/">e</a><a href="//cdn.e.org/y">y</a><a href="#s">s</a>"##,
        );
        let rel = r#" rel="noopener noreferrer""#;
        assert_eq!(
            absolute_links(html, &config),
            format!(
                r##"<a href="https://example.org/mops/x/"{rel}>x</a><img src="https://example.org/mops/a.jpg" alt="a"><a href="https://e.org/"{rel}>e</a><a href="//cdn.e.org/y"{rel}>y</a><a href="#s"{rel}>s</a>"##
            )
        );
    }

    #[test]
    fn feed_content_is_sanitised_in_one_pass_over_its_links() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://example.org/\n");
        // A site that allows raw HTML hands the feed unsanitised HTML.
        let html = r#"<a href="javascript:alert(1)">a</a><img src="https://tracker.example/p.gif" alt=""><script>alert(1)</script>"#;
        let out = absolute_links(html, &config);
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
