//! The theme's contract: the whole-site files (feeds, sitemap, robots.txt) are templates a
//! site can override like the pages, and docs/themes.md lists every template of the built-in
//! theme and every page template the renderer uses.

mod common;

use std::collections::{BTreeMap, BTreeSet};

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

/// The theme's documentation, `docs/themes.md`.
fn themes_doc() -> String {
    std::fs::read_to_string(repo().join("docs/themes.md")).expect("docs/themes.md")
}

fn repo() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The templates named in the first column of the doc's tables (rows `` | `name` | … ``), and
/// those of the table under the heading `## Templates and their `page``.
fn documented_templates(doc: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut all, mut pages) = (BTreeSet::new(), BTreeSet::new());
    let mut in_page_table = false;
    for line in doc.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            in_page_table = heading.starts_with("Templates and their");
        }
        let Some(name) = line
            .strip_prefix("| `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name.to_string())
        else {
            continue;
        };
        if in_page_table {
            pages.insert(name.clone());
        }
        all.insert(name);
    }
    (all, pages)
}

/// Every file of the built-in theme's `templates/`, as `partials/x.html`.
fn theme_templates() -> BTreeSet<String> {
    let dir = repo().join("themes/default/templates");
    walkdir::WalkDir::new(&dir)
        .into_iter()
        .map(|e| e.expect("a theme file"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&dir).expect("below templates/");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

/// The templates the renderer renders pages with: the `"….html"` strings of
/// `src/render/routes.rs` (its page kinds and their templates).
fn route_templates() -> BTreeSet<String> {
    let source = std::fs::read_to_string(repo().join("src/render/routes.rs")).expect("routes.rs");
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.ends_with(".html")
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_template_of_the_theme_is_documented_and_every_documented_one_exists() {
    let (documented, _) = documented_templates(&themes_doc());
    let files = theme_templates();
    assert!(files.len() > 20 && files.contains("atom.xml"), "{files:?}");
    let missing: Vec<_> = files.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "templates of themes/default/templates missing from the tables of docs/themes.md: {missing:?}"
    );
    let stale: Vec<_> = documented.difference(&files).collect();
    assert!(
        stale.is_empty(),
        "docs/themes.md lists templates the theme does not have: {stale:?}"
    );
}

#[test]
fn every_page_template_the_renderer_uses_is_in_the_page_table() {
    let (_, pages) = documented_templates(&themes_doc());
    let routes = route_templates();
    assert!(
        routes.len() >= 14 && routes.contains("events.html"),
        "page templates read from src/render/routes.rs: {routes:?}"
    );
    let missing: Vec<_> = routes.difference(&pages).collect();
    assert!(
        missing.is_empty(),
        "page templates of src/render/routes.rs missing from the table \"Templates and their `page`\" of docs/themes.md: {missing:?}"
    );
}

/// The fields of `page` docs/themes.md promises: (on every page, on the pages that have
/// them), from the line "Keys of `page` on every page: …; …", and per page template its
/// `page.kind`s and fields, from the table "Templates and their `page`".
type PageTable = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn documented_page_keys(doc: &str) -> (BTreeSet<String>, BTreeSet<String>, PageTable) {
    // The names in backticks: `latest_posts [post]` → latest_posts.
    let names = |text: &str| -> BTreeSet<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .filter(|s| !s.is_empty())
            .collect()
    };
    let keys = doc
        .lines()
        .find_map(|l| l.strip_prefix("- Keys of `page` on every page:"))
        .expect("the line \"- Keys of `page` on every page: …\" in docs/themes.md");
    let (always, some) = keys.split_once(';').expect("`;` between the two lists");
    let mut table = PageTable::new();
    let mut in_page_table = false;
    for line in doc.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            in_page_table = heading.starts_with("Templates and their");
        }
        let cells: Vec<&str> = line.split(" | ").collect();
        if in_page_table && line.starts_with("| `") && cells.len() >= 3 {
            let template = names(cells[0]).into_iter().next().expect("a template");
            let kinds = names(cells[1]);
            table.insert(format!("{template}.html"), (kinds, names(cells[2])));
        }
    }
    (names(always), names(some), table)
}

/// Every kind of page renders with the fields docs/themes.md lists for it: each page template
/// is replaced by one writing its `page` as JSON, and the keys of every page built are
/// compared with the doc.
#[test]
fn every_page_has_the_fields_the_theme_doc_lists() {
    let (always, some, table) = documented_page_keys(&themes_doc());
    assert!(table.len() >= 14, "{table:?}");
    let site = site_with_posts();
    site.project(
        "razem",
        "title: Razem\nstatus: ongoing\nstart: 2026-01-01",
        "Projekt.",
    )
    .post(
        "spotkanie",
        "title: Spotkanie\ndate: 2026-11-02\ncategory: Wydarzenia\nproject: razem\nevent:\n  start: 2026-12-05 17:00\n  place: Klub",
        "Zapraszamy.",
    )
    .post(
        "stary",
        "title: Stary\ndate: 2025-03-01\nexpires: 2025-12-31",
        "Dawno.",
    )
    .page(
        "dzien-otwarty",
        "title: Dzień otwarty\nevent:\n  start: 2026-11-10",
        "Był.",
    );
    for template in table.keys() {
        site.write(
            &format!("themes/default/templates/{template}"),
            &format!(
                "{{\"template\": \"{template}\", \"page\": {{{{ page | json_encode() | safe }}}}}}"
            ),
        );
    }
    site.build_at("2026-11-30");
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(site.public()) {
        let entry = entry.expect("an output file");
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("a page");
        let json: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}: {text}", entry.path().display()));
        let template = json["template"].as_str().expect("template").to_string();
        let page = json["page"].as_object().expect("page");
        let keys: BTreeSet<String> = page.keys().cloned().collect();
        let (kinds, fields) = &table[&template];
        let kind = page["kind"].as_str().expect("kind");
        assert!(
            kinds.contains(kind),
            "{template}: kind {kind}, documented {kinds:?}"
        );
        let missing: Vec<_> = always.difference(&keys).collect();
        assert!(missing.is_empty(), "{template} lacks {missing:?}");
        let undocumented: Vec<_> = keys
            .iter()
            .filter(|k| !always.contains(*k) && !some.contains(*k) && !fields.contains(*k))
            .collect();
        assert!(
            undocumented.is_empty(),
            "{template} has fields docs/themes.md does not list for it: {undocumented:?}"
        );
        seen.entry(template).or_default().extend(keys);
    }
    for (template, (_, fields)) in &table {
        let keys = seen
            .get(template)
            .unwrap_or_else(|| panic!("no page rendered with {template}"));
        let absent: Vec<_> = fields.difference(keys).collect();
        assert!(
            absent.is_empty(),
            "docs/themes.md lists fields {template} never has: {absent:?}"
        );
    }
}
