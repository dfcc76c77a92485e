//! Reading a WordPress export (WXR: RSS 2.0 with WordPress's own elements) with roxmltree.
//!
//! Only what the import uses is read; everything else in the file is ignored. Elements are
//! matched by their local name within the namespace prefixes WordPress has used (`wp:` moved
//! from `http://wordpress.org/export/1.x/` to `https://…`), so exports of every version read.

use std::collections::BTreeMap;

use roxmltree::{Document, Node};

/// The site the export came from.
#[derive(Debug, Clone, Default)]
pub struct Channel {
    pub title: String,
    /// The blog's address (`wp:base_blog_url`, else `<link>`).
    pub link: String,
}

/// One `<item>`: a post, a page, an attachment, a menu entry …
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub id: u64,
    pub title: String,
    /// The public address it had (`<link>`).
    pub link: String,
    /// The author's login (`dc:creator`).
    pub creator: String,
    pub content: String,
    pub excerpt: String,
    /// `YYYY-MM-DD HH:MM:SS`, site time; empty or all zeros for some drafts.
    pub date: String,
    pub modified: String,
    /// `post_name`, as WordPress stores it (percent-encoded for non-ASCII).
    pub name: String,
    pub status: String,
    pub parent: u64,
    pub menu_order: i64,
    pub post_type: String,
    pub password: String,
    pub attachment_url: String,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// `wp:postmeta` keys and values (`_thumbnail_id`, `_wp_attachment_image_alt` …).
    pub meta: BTreeMap<String, String>,
}

/// A whole export.
#[derive(Debug, Clone, Default)]
pub struct Export {
    pub channel: Channel,
    /// Author login → display name.
    pub authors: BTreeMap<String, String>,
    pub items: Vec<Item>,
}

/// Why the file could not be read as an export.
#[derive(Debug, thiserror::Error)]
pub enum WxrError {
    /// Not well-formed XML (line of the problem).
    #[error("{detail}")]
    Xml { line: u32, detail: String },
    /// Well-formed, but no `<rss><channel>`.
    #[error("not a WordPress export")]
    NotWxr,
}

/// The text of the first child element named `name` (local name), or "".
fn child_text(node: Node, name: &str) -> String {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
        .map(|c| c.text().unwrap_or_default().trim().to_string())
        .unwrap_or_default()
}

/// The text of `name`, where the namespace is WordPress's own (`wp:`), not RSS's.
fn wp_text(node: Node, name: &str) -> String {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name && is_wp(*c))
        .map(|c| c.text().unwrap_or_default().trim().to_string())
        .unwrap_or_default()
}

fn is_wp(node: Node) -> bool {
    node.tag_name()
        .namespace()
        .is_some_and(|ns| ns.contains("wordpress.org/export"))
}

/// The whole text of an element in a namespace containing `ns` (content and excerpt keep
/// their spacing).
fn ns_text(node: Node, name: &str, ns: &str) -> String {
    node.children()
        .find(|c| {
            c.is_element()
                && c.tag_name().name() == name
                && c.tag_name().namespace().is_some_and(|n| n.contains(ns))
        })
        .map(|c| c.text().unwrap_or_default().to_string())
        .unwrap_or_default()
}

fn number<T: std::str::FromStr + Default>(text: &str) -> T {
    text.trim().parse().unwrap_or_default()
}

fn item(node: Node) -> Item {
    let mut item = Item {
        id: number(&wp_text(node, "post_id")),
        title: child_text(node, "title"),
        link: child_text(node, "link"),
        creator: ns_text(node, "creator", "purl.org/dc").trim().to_string(),
        content: ns_text(node, "encoded", "purl.org/rss/1.0/modules/content"),
        excerpt: ns_text(node, "encoded", "export/1.").trim().to_string(),
        date: wp_text(node, "post_date"),
        modified: wp_text(node, "post_modified"),
        name: wp_text(node, "post_name"),
        status: wp_text(node, "status"),
        parent: number(&wp_text(node, "post_parent")),
        menu_order: number(&wp_text(node, "menu_order")),
        post_type: wp_text(node, "post_type"),
        password: wp_text(node, "post_password"),
        attachment_url: wp_text(node, "attachment_url"),
        ..Item::default()
    };
    for c in node.children().filter(Node::is_element) {
        match c.tag_name().name() {
            "category" => {
                let text = c.text().unwrap_or_default().trim().to_string();
                match c.attribute("domain") {
                    Some("category") => item.categories.push(text),
                    Some("post_tag") => item.tags.push(text),
                    _ => {}
                }
            }
            "postmeta" if is_wp(c) => {
                let key = wp_text(c, "meta_key");
                item.meta.insert(key, wp_text(c, "meta_value"));
            }
            _ => {}
        }
    }
    item
}

/// Reads an export from its text.
pub fn parse(text: &str) -> Result<Export, WxrError> {
    // roxmltree refuses a DTD (so no entity expansion) and bounds the depth of nesting.
    let doc = Document::parse(text).map_err(|e| WxrError::Xml {
        line: e.pos().row,
        detail: e.to_string(),
    })?;
    let channel = doc
        .root_element()
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "channel")
        .filter(|_| doc.root_element().tag_name().name() == "rss")
        .ok_or(WxrError::NotWxr)?;
    let blog = wp_text(channel, "base_blog_url");
    let mut export = Export {
        channel: Channel {
            title: child_text(channel, "title"),
            link: if blog.is_empty() {
                child_text(channel, "link")
            } else {
                blog
            },
        },
        ..Export::default()
    };
    for c in channel.children().filter(Node::is_element) {
        match c.tag_name().name() {
            "author" if is_wp(c) => {
                let login = wp_text(c, "author_login");
                let shown = wp_text(c, "author_display_name");
                export
                    .authors
                    .insert(login.clone(), if shown.is_empty() { login } else { shown });
            }
            "item" => export.items.push(item(c)),
            _ => {}
        }
    }
    Ok(export)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>MOPS</title><link>https://mops.example.org</link>
<wp:author><wp:author_login><![CDATA[anna]]></wp:author_login>
  <wp:author_display_name><![CDATA[Anna Nowak]]></wp:author_display_name></wp:author>
<item><title>Festyn &amp; piknik</title><link>https://mops.example.org/2020/05/festyn/</link>
  <dc:creator><![CDATA[anna]]></dc:creator>
  <content:encoded><![CDATA[<p>Tekst</p>]]></content:encoded>
  <excerpt:encoded><![CDATA[Krótko]]></excerpt:encoded>
  <wp:post_id>7</wp:post_id><wp:post_date>2020-05-01 10:00:00</wp:post_date>
  <wp:post_name>festyn</wp:post_name><wp:status>publish</wp:status>
  <wp:post_parent>0</wp:post_parent><wp:menu_order>2</wp:menu_order>
  <wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
  <category domain="category" nicename="a"><![CDATA[Wydarzenia]]></category>
  <category domain="post_tag" nicename="b"><![CDATA[rodzina]]></category>
  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
</item></channel></rss>"#;

    #[test]
    fn an_export_is_read() {
        let export = parse(SAMPLE).expect("a valid export");
        assert_eq!(export.channel.title, "MOPS");
        assert_eq!(export.authors["anna"], "Anna Nowak");
        let item = &export.items[0];
        assert_eq!(
            (item.id, item.title.as_str(), item.excerpt.as_str()),
            (7, "Festyn & piknik", "Krótko")
        );
        assert_eq!((item.categories.len(), item.tags.len()), (1, 1));
        assert_eq!(item.meta["_thumbnail_id"], "9");
        assert_eq!((item.menu_order, item.post_type.as_str()), (2, "post"));
    }

    #[test]
    fn broken_xml_names_its_line_and_other_xml_is_refused() {
        let Err(WxrError::Xml { line, .. }) = parse("<rss>\n<channel>\n</rss>") else {
            panic!("broken XML accepted");
        };
        assert_eq!(line, 3);
        assert!(matches!(parse("<html/>"), Err(WxrError::NotWxr)));
        // No entity tricks: a DTD is refused.
        assert!(parse("<!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>").is_err());
    }
}
