//! Machine-readable files: the Atom feed, sitemap.xml and robots.txt.

use chrono::TimeZone;

use crate::content::date::Date;
use crate::site::Site;

/// How many posts the feed carries.
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

/// RFC 3339 time of a local date in the site's time zone.
fn rfc3339(site: &Site, date: &Date) -> String {
    let tz = site.config.timezone;
    match tz.from_local_datetime(&date.local).earliest() {
        Some(dt) => dt.to_rfc3339(),
        None => format!("{}Z", date.local.format("%Y-%m-%dT%H:%M:%S")),
    }
}

/// The Atom feed of the newest posts.
pub fn atom(site: &Site) -> String {
    let c = &site.config;
    let feed_url = format!("{}atom.xml", c.base_url);
    let updated = site
        .posts
        .iter()
        .take(FEED_ENTRIES)
        .map(|p| p.updated.unwrap_or(p.date))
        .max()
        .map(|d| rfc3339(site, &d))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <subtitle>{subtitle}</subtitle>\n  <link href=\"{feed}\" rel=\"self\" type=\"application/atom+xml\"/>\n  <link href=\"{base}\" rel=\"alternate\" type=\"text/html\"/>\n  <id>{base}</id>\n  <updated>{updated}</updated>\n  <generator>tablica</generator>\n",
        lang = c.language.code(),
        title = xml_escape(&c.title),
        subtitle = xml_escape(c.description.as_deref().unwrap_or("")),
        feed = xml_escape(&feed_url),
        base = xml_escape(&c.base_url),
    );
    let author_default = c.organisation.name.as_deref().unwrap_or(&c.title);
    for post in site.posts.iter().take(FEED_ENTRIES) {
        let url = format!("{}{}", c.base_url, post.path);
        xml.push_str(&format!(
            "  <entry>\n    <title>{title}</title>\n    <link href=\"{url}\" rel=\"alternate\" type=\"text/html\"/>\n    <id>{url}</id>\n    <published>{published}</published>\n    <updated>{updated}</updated>\n    <author><name>{author}</name></author>\n    <summary>{summary}</summary>\n    <content type=\"html\">{content}</content>\n  </entry>\n",
            title = xml_escape(&post.title),
            url = xml_escape(&url),
            published = rfc3339(site, &post.date),
            updated = rfc3339(site, &post.updated.unwrap_or(post.date)),
            author = xml_escape(post.doc.meta.author.as_deref().unwrap_or(author_default)),
            summary = xml_escape(&post.summary),
            content = xml_escape(&absolute_links(&post.text.html, &c.base_url, &c.root)),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// Feed readers do not know the site's address: make `href="/…"` and `src="/…"` absolute.
fn absolute_links(html: &str, base_url: &str, root: &str) -> String {
    let origin = base_url.strip_suffix(root).unwrap_or(base_url);
    html.replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"))
}

/// sitemap.xml listing every page URL (given as paths below the site root).
pub fn sitemap<'a>(site: &Site, paths: impl Iterator<Item = &'a str>) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&format!("{}{path}", site.config.base_url))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// robots.txt allowing everything and pointing to the sitemap.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.config.base_url
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
        let html =
            r#"<a href="/mops/x/">x</a><img src="/mops/a.jpg"><a href="https://e.org/">e</a>"#;
        let out = absolute_links(html, "https://example.org/mops/", "/mops/");
        assert!(
            out.contains(r#"href="https://example.org/mops/x/""#),
            "{out}"
        );
        assert!(out.contains(r#"src="https://example.org/mops/a.jpg""#));
        assert!(out.contains(r#"href="https://e.org/""#));
    }
}
