//! The theme's contract: the whole-site files (feeds, sitemap, robots.txt) are templates a
//! site can override like the pages.

mod common;

use common::{stderr, TestSite};

/// A site with a tag, so it has a site feed and a tag feed.
fn site_with_posts() -> TestSite {
    let site = TestSite::new();
    site.post(
        "festyn",
        "title: Festyn & piknik\ndate: 2026-10-01\ntags: [rodzina]",
        "Zapraszamy.",
    );
    site
}

#[test]
fn a_site_overrides_the_feed_sitemap_and_robots_templates() {
    let site = site_with_posts();
    let templates = "themes/default/templates";
    site.write(
        &format!("{templates}/atom.xml"),
        "<feed mine=\"{{ lang }}\">{{ feed.title }}|{% for e in entries %}<e>{{ e.title }} {{ e.url }}</e>{% endfor %}</feed>\n",
    )
    .write(
        &format!("{templates}/sitemap.xml"),
        "<mine>{% for e in entries %}{{ e.url }} {% endfor %}</mine>\n",
    )
    .write(
        &format!("{templates}/robots.txt"),
        "User-agent: *\nDisallow: /\n# {{ sitemap_url }}\n",
    );
    site.build_ok();

    let feed = site.read("atom.xml");
    assert_eq!(
        feed,
        "<feed mine=\"pl\">MOPS Testowo|<e>Festyn &amp; piknik https://mops.example.org/aktualnosci/festyn/</e></feed>\n",
        "the site's atom.xml renders the site feed, escaped like the pages"
    );
    let tag_feed = std::fs::read_dir(site.public().join("tagi"))
        .expect("tag pages")
        .map(|e| e.expect("entry").path().join("atom.xml"))
        .find(|p| p.is_file())
        .expect("a tag feed");
    let tag_feed = std::fs::read_to_string(tag_feed).expect("tag feed");
    assert!(
        tag_feed.starts_with("<feed mine=\"pl\">rodzina – MOPS Testowo|"),
        "{tag_feed}"
    );

    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.starts_with("<mine>https://mops.example.org/ "),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("https://mops.example.org/aktualnosci/festyn/ "),
        "{sitemap}"
    );
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nDisallow: /\n# https://mops.example.org/sitemap.xml\n"
    );
}

#[test]
fn without_overrides_the_built_in_feed_templates_are_used() {
    let site = site_with_posts();
    site.build_ok();
    let feed = site.read("atom.xml");
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pl\">"), "{feed}");
    assert!(
        feed.contains("<title>Festyn &amp; piknik</title>"),
        "{feed}"
    );
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://mops.example.org/sitemap.xml\n"
    );
}

#[test]
fn a_broken_feed_template_is_an_error_naming_it() {
    let site = site_with_posts();
    site.write("themes/default/templates/atom.xml", "{{ feed.nie_ma }}");
    let out = site.run(&["build"]);
    assert!(!out.status.success(), "the build must fail");
    let err = stderr(&out);
    assert!(
        err.contains("template atom.xml") && err.contains("/atom.xml"),
        "{err}"
    );
}
