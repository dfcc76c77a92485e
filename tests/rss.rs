//! RSS 2.0 feeds beside the Atom ones: parsed as XML and checked against what RSS 2.0 requires,
//! with summaries by default and the whole text with `feeds.rss_full_text: true`.

mod common;

use common::{TestSite, SITE_YAML};

fn site(extra_yaml: &str) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}{extra_yaml}"));
    site.project("razem", "title: Razem aktywni\nstatus: ongoing", "Opis.")
        .post(
            "festyn",
            "title: Festyn & piknik\ndate: 2026-07-10 17:30\nsummary: Zapraszamy całe rodziny.\ntags: [rodzina]\nproject: razem\nauthor: Anna Nowak",
            "Pierwszy akapit z [odnośnikiem](/kontakt/).\n\nDrugi akapit <b>pogrubiony</b>.",
        )
        .post("zima", "title: Zimowe dyżury\ndate: 2026-01-15", "Dyżury w styczniu.");
    site
}

/// The parsed feed's `<channel>`, with the checks every RSS 2.0 feed must pass.
fn channel(xml: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let rss = doc.root_element();
    assert_eq!(rss.tag_name().name(), "rss");
    assert_eq!(rss.attribute("version"), Some("2.0"));
    let channel = rss
        .children()
        .find(|n| n.has_tag_name("channel"))
        .expect("a channel");
    for required in ["title", "link", "description"] {
        let node = channel
            .children()
            .find(|n| n.has_tag_name(required))
            .unwrap_or_else(|| panic!("channel without {required}"));
        assert!(!node.text().unwrap_or("").trim().is_empty(), "{required}");
    }
    for item in channel.children().filter(|n| n.has_tag_name("item")) {
        let date = child_text(item, "pubDate");
        chrono::DateTime::parse_from_rfc2822(&date).unwrap_or_else(|e| panic!("{date}: {e}"));
        let guid = item
            .children()
            .find(|n| n.has_tag_name("guid"))
            .expect("guid");
        assert_eq!(guid.attribute("isPermaLink"), Some("true"));
        assert_eq!(guid.text(), Some(child_text(item, "link").as_str()));
    }
    doc
}

fn child_text(node: roxmltree::Node, name: &str) -> String {
    node.children()
        .find(|n| n.tag_name().name() == name)
        .and_then(|n| n.text())
        .unwrap_or_else(|| panic!("no {name}"))
        .to_string()
}

fn items<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("item"))
        .collect()
}

#[test]
fn every_atom_feed_has_an_rss_feed_beside_it_linked_from_the_pages() {
    let site = site("");
    site.build_ok();
    let xml = site.read("rss.xml");
    let doc = channel(&xml);
    let ch = doc
        .descendants()
        .find(|n| n.has_tag_name("channel"))
        .expect("channel");
    assert_eq!(child_text(ch, "title"), "MOPS Testowo");
    assert_eq!(child_text(ch, "link"), "https://mops.example.org/");
    assert_eq!(child_text(ch, "description"), "Strona testowa");
    assert_eq!(child_text(ch, "language"), "pl");
    let self_link = ch
        .children()
        .find(|n| n.tag_name().name() == "link" && n.tag_name().namespace().is_some())
        .expect("atom:link rel=self");
    assert_eq!(
        self_link.attribute("href"),
        Some("https://mops.example.org/rss.xml")
    );

    let all = items(&doc);
    assert_eq!(all.len(), 2);
    let festyn = all[0];
    assert_eq!(child_text(festyn, "title"), "Festyn & piknik");
    assert_eq!(
        child_text(festyn, "link"),
        "https://mops.example.org/aktualnosci/festyn/"
    );
    // 17:30 in Warsaw in July is summer time.
    assert_eq!(
        child_text(festyn, "pubDate"),
        "Fri, 10 Jul 2026 17:30:00 +0200"
    );
    assert_eq!(child_text(festyn, "creator"), "Anna Nowak");
    assert_eq!(
        child_text(festyn, "description"),
        "Zapraszamy całe rodziny."
    );
    assert!(
        !festyn.children().any(|n| n.tag_name().name() == "encoded"),
        "summaries only by default"
    );
    // Winter time in January; the newest change dates the channel.
    assert_eq!(
        child_text(all[1], "pubDate"),
        "Thu, 15 Jan 2026 00:00:00 +0100"
    );
    assert_eq!(
        child_text(ch, "lastBuildDate"),
        "Fri, 10 Jul 2026 17:30:00 +0200"
    );

    // Beside each project's and tag's Atom feed.
    for folder in ["projekty/razem", "tagi/rodzina"] {
        assert!(site.exists(&format!("{folder}/atom.xml")), "{folder}");
        let doc_xml = site.read(&format!("{folder}/rss.xml"));
        let doc = channel(&doc_xml);
        assert_eq!(items(&doc).len(), 1, "{folder}");
    }

    // Linked from every page, and from a project's page to its own.
    let home = site.read("index.html");
    assert!(
        home.contains(r#"<link rel="alternate" type="application/rss+xml" title="Kanał RSS z aktualnościami – MOPS Testowo" href="/rss.xml">"#),
        "{home}"
    );
    let project = site.read("projekty/razem/index.html");
    assert!(
        project.contains(r#"<link rel="alternate" type="application/rss+xml" title="RSS: Razem aktywni" href="/projekty/razem/rss.xml">"#),
        "{project}"
    );
}

#[test]
fn with_full_text_the_items_carry_the_whole_post_with_absolute_links() {
    let site = site("feeds:\n  rss_full_text: true\n");
    site.build_ok();
    let xml = site.read("rss.xml");
    let doc = channel(&xml);
    let festyn = items(&doc)[0];
    let content = child_text(festyn, "encoded");
    assert!(
        content.contains(r#"<a href="https://mops.example.org/kontakt/""#),
        "{content}"
    );
    assert!(content.contains("<b>pogrubiony</b>"), "{content}");
    assert_eq!(child_text(festyn, "description"), content);
}

#[test]
fn a_misspelt_feed_setting_is_an_error_naming_the_field() {
    let site = site("feeds:\n  rss_fulltext: true\n");
    let err = common::content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/site.yaml:11: field `feeds.rss_fulltext`: unknown field"),
        "{err}"
    );
    assert!(err.contains("did you mean `rss_full_text`?"), "{err}");
}
