//! Sharing and feeds end to end: Open Graph and Twitter card tags, JSON-LD structured data,
//! and the Atom feeds of projects and tags.

mod common;

use common::*;
use serde_json::Value;

/// A site under a sub-path, so absolute URLs must keep both the host and `/mops/`.
const SITE: &str = "title: MOPS Testowo\nbase_url: https://example.org/mops/\ndescription: Strona testowa\norganisation:\n  name: Miejski Ośrodek Pomocy Społecznej w Testowie\n  address: ul. Długa 5, 00-950 Testowo\n  email: mops@example.org\n  phone: +48 22 555 01 10\nposts_per_page: 1\n";

/// A 600×300 JPEG.
fn jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 300, |x, _| image::Rgb([(x % 256) as u8, 90, 160]));
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&img)
        .expect("encode");
    bytes
}

/// Two projects, posts in each (one a bundle with a cover photo) and tags across them.
fn shared_site() -> TestSite {
    let site = TestSite::with_config(SITE);
    site.project(
        "aktywni",
        "title: Aktywni Razem\nstatus: ongoing\nsummary: Projekt aktywizacji społecznej.",
        "Opis projektu.",
    )
    .project(
        "klub",
        "title: Klub Sąsiada\nstatus: finished",
        "Zakończony.",
    );
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn rodzinny\ndate: 2026-06-01\nupdated: 2026-06-03 10:00\nauthor: Anna Kowalska\nsummary: Zabawa dla całych rodzin.\nproject: aktywni\ntags: [rodzina, festyny]\ncover: { src: okladka.jpg, alt: Dzieci przy stoisku z balonami }\n---\nTekst o festynie.\n",
    )
    .write_bytes("content/posts/festyn/okladka.jpg", &jpeg());
    site.post(
        "warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-11-24\nproject: aktywni\ntags: [seniorzy, rodzina]",
        // Markup characters in the text: the feeds must escape them.
        "Gotowaliśmy razem.\n\nKawa & ciasto, 2 < 3, [program](/mops/program/).",
    )
    .post(
        "spotkanie",
        "title: Spotkanie klubu\ndate: 2025-03-01 17:30\nproject: klub\ntags: [seniorzy]",
        "Spotkanie.",
    )
    .post(
        "zbiorka",
        "title: Zbiórka żywności\ndate: 2026-09-15",
        "Zbieramy.",
    );
    site
}

/// The `content` of `<meta {attr}="{key}" content="…">`, as written (still HTML-escaped).
fn meta(html: &str, attr: &str, key: &str) -> Option<String> {
    let open = format!("<meta {attr}=\"{key}\" content=\"");
    let start = html.find(&open)? + open.len();
    let end = start + html[start..].find('"')?;
    Some(html[start..end].to_string())
}

fn og(html: &str, key: &str) -> Option<String> {
    meta(html, "property", &format!("og:{key}"))
}

fn twitter(html: &str, key: &str) -> Option<String> {
    meta(html, "name", &format!("twitter:{key}"))
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("a JSON-LD script") + open.len();
    let end = start + html[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&html[start..end])
        .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{}", &html[start..end]))
}

/// Parses generated XML with a real XML parser (which rejects any XML that is not
/// well-formed: unclosed or misnested elements, a bare `&`, an unknown entity).
fn parse_xml(xml: &str) -> roxmltree::Document<'_> {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{xml}"))
}

fn assert_well_formed(xml: &str) {
    parse_xml(xml);
}

/// Titles of an Atom feed's entries, in order.
fn entry_titles(feed: &str) -> Vec<String> {
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let doc = parse_xml(feed);
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "an Atom feed");
    feed.children()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .map(|entry| {
            let title = entry.children().find(|n| n.has_tag_name((ATOM, "title")));
            title.and_then(|t| t.text()).unwrap_or_default().to_string()
        })
        .collect()
}

#[test]
fn a_post_with_a_cover_shares_it_with_absolute_urls() {
    let site = shared_site();
    site.build_ok();
    let html = site.read("aktualnosci/festyn/index.html");
    let url = "https://example.org/mops/aktualnosci/festyn/";
    assert_eq!(og(&html, "type").as_deref(), Some("article"));
    assert_eq!(og(&html, "title").as_deref(), Some("Festyn rodzinny"));
    assert_eq!(
        og(&html, "description").as_deref(),
        Some("Zabawa dla całych rodzin.")
    );
    assert_eq!(og(&html, "url").as_deref(), Some(url));
    assert_eq!(og(&html, "site_name").as_deref(), Some("MOPS Testowo"));
    assert_eq!(og(&html, "locale").as_deref(), Some("pl_PL"));
    let image = og(&html, "image").expect("og:image");
    assert!(
        image.starts_with(url) && image.ends_with(".jpg"),
        "absolute URL of the cover: {image}"
    );
    let file = image
        .strip_prefix("https://example.org/mops/")
        .expect("below the site");
    assert!(
        site.exists(file),
        "og:image points at a published file: {file}"
    );
    assert_eq!(og(&html, "image:width").as_deref(), Some("600"));
    assert_eq!(og(&html, "image:height").as_deref(), Some("300"));
    assert_eq!(
        og(&html, "image:alt").as_deref(),
        Some("Dzieci przy stoisku z balonami")
    );
    assert_eq!(
        meta(&html, "property", "article:published_time").as_deref(),
        Some("2026-06-01T00:00:00+02:00")
    );
    assert_eq!(
        meta(&html, "property", "article:modified_time").as_deref(),
        Some("2026-06-03T10:00:00+02:00")
    );
    assert_eq!(
        twitter(&html, "card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(twitter(&html, "title").as_deref(), Some("Festyn rodzinny"));
    assert_eq!(
        twitter(&html, "description").as_deref(),
        Some("Zabawa dla całych rodzin.")
    );
    assert_eq!(twitter(&html, "image"), Some(image));
    assert_eq!(
        twitter(&html, "image:alt").as_deref(),
        Some("Dzieci przy stoisku z balonami")
    );
}

#[test]
fn a_post_without_a_cover_gets_a_summary_card() {
    let site = shared_site();
    site.build_ok();
    let html = site.read("aktualnosci/warsztaty/index.html");
    assert_eq!(og(&html, "type").as_deref(), Some("article"));
    assert_eq!(
        og(&html, "description").as_deref(),
        Some("Gotowaliśmy razem."),
        "the lead when there is no summary"
    );
    assert_eq!(twitter(&html, "card").as_deref(), Some("summary"));
    assert_eq!(og(&html, "image"), None);
    assert_eq!(twitter(&html, "image"), None);
    assert_eq!(
        meta(&html, "property", "article:published_time").as_deref(),
        Some("2026-11-24T00:00:00+01:00"),
        "winter time"
    );
}

#[test]
fn home_project_and_tag_pages_are_shared_as_websites() {
    let site = shared_site();
    site.build_ok();
    let home = site.read("index.html");
    assert_eq!(og(&home, "type").as_deref(), Some("website"));
    assert_eq!(og(&home, "title").as_deref(), Some("MOPS Testowo"));
    assert_eq!(
        og(&home, "url").as_deref(),
        Some("https://example.org/mops/")
    );
    assert_eq!(og(&home, "description").as_deref(), Some("Strona testowa"));
    assert_eq!(twitter(&home, "card").as_deref(), Some("summary"));
    assert_eq!(meta(&home, "property", "article:published_time"), None);

    let project = site.read("projekty/aktywni/index.html");
    assert_eq!(og(&project, "type").as_deref(), Some("website"));
    assert_eq!(og(&project, "title").as_deref(), Some("Aktywni Razem"));
    assert_eq!(
        og(&project, "url").as_deref(),
        Some("https://example.org/mops/projekty/aktywni/")
    );
    assert_eq!(
        og(&project, "description").as_deref(),
        Some("Projekt aktywizacji społecznej.")
    );

    let tag = site.read("tagi/seniorzy/index.html");
    assert_eq!(
        og(&tag, "description").as_deref(),
        Some("Strona testowa"),
        "the site's description where the page has none"
    );
}

#[test]
fn the_404_page_has_no_sharing_tags() {
    let site = shared_site();
    site.build_ok();
    let html = site.read("404.html");
    assert!(!html.contains("og:"), "no Open Graph on the 404 page");
    assert!(!html.contains("twitter:"));
    assert!(!html.contains("application/ld+json"));
}

#[test]
fn a_post_has_news_article_json_ld_with_offset_dates() {
    let site = shared_site();
    site.build_ok();
    let data = json_ld(&site.read("aktualnosci/festyn/index.html"));
    assert_eq!(data["@context"], "https://schema.org");
    assert_eq!(data["@type"], "NewsArticle");
    assert_eq!(data["headline"], "Festyn rodzinny");
    assert_eq!(data["description"], "Zabawa dla całych rodzin.");
    assert_eq!(data["datePublished"], "2026-06-01T00:00:00+02:00");
    assert_eq!(data["dateModified"], "2026-06-03T10:00:00+02:00");
    assert_eq!(data["author"]["@type"], "Person");
    assert_eq!(data["author"]["name"], "Anna Kowalska");
    assert_eq!(data["publisher"]["@type"], "Organization");
    assert_eq!(
        data["publisher"]["name"],
        "Miejski Ośrodek Pomocy Społecznej w Testowie"
    );
    assert_eq!(data["publisher"]["url"], "https://example.org/mops/");
    let image = data["image"]["url"].as_str().expect("image URL");
    assert!(image.starts_with("https://example.org/mops/aktualnosci/festyn/"));
    assert_eq!(
        data["mainEntityOfPage"]["@id"],
        "https://example.org/mops/aktualnosci/festyn/"
    );
    assert_eq!(data["inLanguage"], "pl");

    let plain = json_ld(&site.read("aktualnosci/spotkanie/index.html"));
    assert_eq!(plain["datePublished"], "2025-03-01T17:30:00+01:00");
    assert_eq!(
        plain["dateModified"], plain["datePublished"],
        "never updated"
    );
    assert_eq!(
        plain["author"]["@type"], "Organization",
        "no author named: the organisation"
    );
    assert!(plain.get("image").is_none());
}

#[test]
fn a_title_with_script_markup_stays_inside_the_json() {
    let site = TestSite::with_config(SITE);
    let title = r#"</script><script>alert(1)</script> "cytat" & 'apostrof'"#;
    site.post(
        "xss",
        &format!(
            "title: '{}'\ndate: 2026-01-01\nsummary: \"<!-- komentarz --> </SCRIPT>\"",
            title.replace('\'', "''")
        ),
        "Tekst.",
    );
    site.build_ok();
    let html = site.read("aktualnosci/xss/index.html");
    assert!(!html.contains("</script><script>"), "markup broke out");
    assert!(!html.to_lowercase().contains("</script> \"cytat\""));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<!-- komentarz"));
    let data = json_ld(&html);
    assert_eq!(data["headline"], title, "the title survives intact");
    assert_eq!(data["description"], "<!-- komentarz --> </SCRIPT>");
    let og_title = og(&html, "title").expect("og:title");
    assert!(
        og_title.starts_with("&lt;&#x2F;script&gt;") || og_title.starts_with("&lt;/script&gt;"),
        "escaped in the attribute: {og_title}"
    );
    assert!(og_title.contains("&quot;cytat&quot;"), "{og_title}");
}

#[test]
fn the_home_page_describes_the_organisation() {
    let site = shared_site();
    site.build_ok();
    let data = json_ld(&site.read("index.html"));
    assert_eq!(data["@type"], "Organization");
    assert_eq!(data["name"], "Miejski Ośrodek Pomocy Społecznej w Testowie");
    assert_eq!(data["url"], "https://example.org/mops/");
    assert_eq!(data["email"], "mops@example.org");
    assert_eq!(data["telephone"], "+48 22 555 01 10");
    assert_eq!(data["address"]["@type"], "PostalAddress");
    assert_eq!(data["address"]["streetAddress"], "ul. Długa 5");
    assert_eq!(data["address"]["postalCode"], "00-950");
    assert_eq!(data["address"]["addressLocality"], "Testowo");
}

#[test]
fn project_and_tag_feeds_hold_only_their_posts() {
    let site = shared_site();
    site.build_ok();
    let feed = site.read("projekty/aktywni/atom.xml");
    assert_well_formed(&feed);
    assert_eq!(
        entry_titles(&feed),
        ["Warsztaty kulinarne", "Festyn rodzinny"],
        "the project's posts, newest first"
    );
    assert!(feed.contains("<title>Aktywni Razem – MOPS Testowo</title>"));
    assert!(feed.contains(
        "<link href=\"https://example.org/mops/projekty/aktywni/atom.xml\" rel=\"self\""
    ));
    assert!(feed.contains("<id>https://example.org/mops/projekty/aktywni/</id>"));
    assert!(feed.contains("<updated>2026-11-24T00:00:00+01:00</updated>"));

    let other = site.read("projekty/klub/atom.xml");
    assert_well_formed(&other);
    assert_eq!(entry_titles(&other), ["Spotkanie klubu"]);

    let tag = site.read("tagi/seniorzy/atom.xml");
    assert_well_formed(&tag);
    assert_eq!(
        entry_titles(&tag),
        ["Warsztaty kulinarne", "Spotkanie klubu"]
    );
    assert!(
        tag.contains("<link href=\"https://example.org/mops/tagi/seniorzy/\" rel=\"alternate\"")
    );

    let all = site.read("atom.xml");
    assert_well_formed(&all);
    assert_eq!(count(&all, "<entry>"), 4, "the site feed keeps every post");
}

#[test]
fn a_project_without_posts_has_a_valid_feed_dated_by_the_newest_post() {
    let site = TestSite::with_config(SITE);
    site.project("nowy", "title: Nowy projekt\nstatus: planned", "Wkrótce.")
        .post("starszy", "title: Starszy\ndate: 2026-03-01", "Tekst.")
        .post("nowszy", "title: Nowszy\ndate: 2026-05-04 12:00", "Tekst.");
    site.build_ok();
    let feed = site.read("projekty/nowy/atom.xml");
    assert_well_formed(&feed);
    assert_eq!(count(&feed, "<entry>"), 0);
    assert!(
        feed.contains("<updated>2026-05-04T12:00:00+02:00</updated>"),
        "{feed}"
    );
}

#[test]
fn project_and_tag_pages_link_their_feeds() {
    let site = shared_site();
    site.build_ok();
    let project = site.read("projekty/aktywni/index.html");
    assert!(project.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Kanał Atom tego projektu: Aktywni Razem\" href=\"/mops/projekty/aktywni/atom.xml\">"
    ));
    assert!(project
        .contains("<a href=\"/mops/projekty/aktywni/atom.xml\">Kanał Atom tego projektu</a>"));
    assert!(
        project.contains("href=\"/mops/atom.xml\""),
        "the site feed too"
    );

    let tag = site.read("tagi/seniorzy/index.html");
    assert!(tag.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Kanał Atom tego tagu: seniorzy\" href=\"/mops/tagi/seniorzy/atom.xml\">"
    ));
    assert!(tag.contains("<a href=\"/mops/tagi/seniorzy/atom.xml\">Kanał Atom tego tagu</a>"));
    let second = site.read("tagi/seniorzy/strona/2/index.html");
    assert!(
        second.contains("href=\"/mops/tagi/seniorzy/atom.xml\""),
        "later pages of the tag offer the same feed"
    );

    let category = site.read("kategorie/index.html");
    assert_eq!(
        count(&category, "application/atom+xml"),
        1,
        "only the site feed"
    );
}

#[test]
fn feeds_updated_in_place_follow_edits_and_removals() {
    let site = shared_site();
    let (mut builder, output) = site.in_place_builder();
    builder.build().expect("first build");
    assert!(output.join("tagi/seniorzy/atom.xml").is_file());
    assert!(output.join("projekty/klub/atom.xml").is_file());
    // A feed no edit touches is not written again.
    let untouched = output.join("tagi/festyny/atom.xml");
    std::fs::write(&untouched, "not rewritten").expect("mark");

    // Both posts tagged "seniorzy" lose the tag, one is retitled; the "klub" project goes away.
    site.post(
        "warsztaty",
        "title: Warsztaty i degustacja\ndate: 2026-11-24\nproject: aktywni\ntags: [rodzina]",
        "Gotowaliśmy razem.",
    )
    .post(
        "spotkanie",
        "title: Spotkanie klubu\ndate: 2025-03-01 17:30",
        "Spotkanie.",
    );
    std::fs::remove_file(site.root().join("content/projects/klub.md")).expect("remove project");
    for file in ["content/posts/warsztaty.md", "content/posts/spotkanie.md"] {
        builder.invalidate(&site.root().join(file));
    }
    builder.build().expect("second build");
    assert!(
        !output.join("tagi/seniorzy/atom.xml").exists(),
        "stale tag feed"
    );
    assert!(!output.join("tagi/seniorzy/index.html").exists());
    assert!(
        !output.join("projekty/klub/atom.xml").exists(),
        "stale project feed"
    );
    let kept = std::fs::read_to_string(output.join("tagi/rodzina/atom.xml")).expect("kept feed");
    assert_eq!(
        entry_titles(&kept),
        ["Warsztaty i degustacja", "Festyn rodzinny"],
        "a changed feed is written again"
    );
    assert_eq!(
        std::fs::read_to_string(&untouched).expect("untouched feed"),
        "not rewritten"
    );
}

#[test]
fn an_english_site_shares_in_british_english() {
    let site = TestSite::with_config(
        "title: Help Centre\nlanguage: en\nbase_url: https://help.example.org/\n",
    );
    site.post("open-day", "title: Open day\ndate: 2026-05-04", "Come in.")
        .project(
            "active",
            "title: Active Together\nstatus: ongoing",
            "About.",
        );
    site.build_ok();
    let post = site.read("news/open-day/index.html");
    assert_eq!(og(&post, "locale").as_deref(), Some("en_GB"));
    assert_eq!(json_ld(&post)["inLanguage"], "en");
    let project = site.read("projects/active/index.html");
    assert!(project.contains(">Atom feed of this project</a>"));
    assert!(site.exists("projects/active/atom.xml"));
}

/// Every `<script type="application/ld+json">` of a page, parsed.
fn all_json_ld(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    html.split(open)
        .skip(1)
        .map(|rest| {
            let json = &rest[..rest.find("</script>").expect("the script ends")];
            serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{json}"))
        })
        .collect()
}

/// Properties schema.org defines for each type tablica writes (the type's own and those it
/// inherits from CreativeWork, Event, Organization, Intangible and Thing that could apply), and
/// those search engines require for a rich result.
const SCHEMA_ORG: &[(&str, &[&str], &[&str])] = &[
    (
        "NewsArticle",
        &[
            "headline",
            "description",
            "datePublished",
            "dateModified",
            "author",
            "publisher",
            "image",
            "mainEntityOfPage",
            "inLanguage",
            "url",
            "name",
            "keywords",
            "articleSection",
            "about",
            "isPartOf",
            "wordCount",
            "dateline",
        ],
        &["headline", "datePublished", "author", "publisher"],
    ),
    (
        "Event",
        &[
            "name",
            "description",
            "startDate",
            "endDate",
            "location",
            "eventAttendanceMode",
            "eventStatus",
            "organizer",
            "offers",
            "url",
            "image",
            "inLanguage",
            "isAccessibleForFree",
            "duration",
            "about",
            "audience",
        ],
        &["name", "startDate", "location"],
    ),
    (
        "Organization",
        &[
            "name",
            "url",
            "email",
            "telephone",
            "address",
            "logo",
            "description",
            "sameAs",
            "legalName",
            "contactPoint",
            "areaServed",
        ],
        &["name", "url"],
    ),
    ("Person", &["name", "url", "email", "jobTitle"], &["name"]),
    ("Place", &["name", "address", "geo", "url"], &["address"]),
    (
        "PostalAddress",
        &[
            "streetAddress",
            "postalCode",
            "addressLocality",
            "addressRegion",
            "addressCountry",
        ],
        &[],
    ),
    (
        "Offer",
        &[
            "price",
            "priceCurrency",
            "availability",
            "url",
            "description",
            "validFrom",
            "category",
        ],
        &[],
    ),
    (
        "ImageObject",
        &["url", "contentUrl", "width", "height", "caption", "name"],
        &["url"],
    ),
    ("WebPage", &["@id", "url", "name"], &[]),
];

/// Checks a JSON-LD object and every object in it against [`SCHEMA_ORG`]; returns the types met.
fn assert_schema_org(value: &Value, at: &str, types: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| assert_schema_org(v, at, types)),
        Value::Object(map) => {
            if let Some(kind) = map.get("@type").and_then(Value::as_str) {
                let (_, allowed, required) = SCHEMA_ORG
                    .iter()
                    .find(|(name, _, _)| *name == kind)
                    .unwrap_or_else(|| panic!("{at}: unexpected type {kind}"));
                for key in map
                    .keys()
                    .filter(|k| !["@context", "@type"].contains(&k.as_str()))
                {
                    assert!(
                        allowed.contains(&key.as_str()),
                        "{at}: {kind} has no `{key}`"
                    );
                }
                for key in *required {
                    assert!(map.contains_key(*key), "{at}: {kind} needs `{key}`");
                }
                for key in ["datePublished", "dateModified", "startDate", "endDate"] {
                    if let Some(date) = map.get(key).and_then(Value::as_str) {
                        let valid = chrono::DateTime::parse_from_rfc3339(date).is_ok()
                            || chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok();
                        assert!(valid, "{at}: {kind}.{key} = {date}");
                    }
                }
                for key in ["eventStatus", "eventAttendanceMode", "availability"] {
                    if let Some(v) = map.get(key) {
                        let v = v.as_str().unwrap_or_default();
                        assert!(
                            v.starts_with("https://schema.org/"),
                            "{at}: {kind}.{key} = {v}"
                        );
                    }
                }
                types.insert(kind.to_string());
            }
            map.values().for_each(|v| assert_schema_org(v, at, types));
        }
        _ => {}
    }
}

#[test]
fn every_page_of_the_example_site_is_shared_with_well_formed_data() {
    // The example site of this repository has every kind of page: posts with photos, films,
    // events and documents, projects, lists, archives, the events and search pages.
    let site = TestSite::new();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in walkdir::WalkDir::new(&example) {
        let entry = entry.expect("walk the example site");
        let rel = entry.path().strip_prefix(&example).expect("inside");
        if entry.file_type().is_file() {
            let target = site.root().join("content").join(rel);
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
    site.build_ok();
    let base = "https://mops.example.org/";
    let mut types = std::collections::BTreeSet::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.public()) {
        let entry = entry.expect("walk the output");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") || path.ends_with("404.html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(path).expect("read");
        let at = path.display();
        let canonical = html
            .split("<link rel=\"canonical\" href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{at}: no canonical link"));
        assert!(canonical.starts_with(base), "{at}: {canonical}");
        assert_eq!(og(&html, "url").as_deref(), Some(canonical), "{at}");
        for key in ["title", "type", "description", "site_name", "locale"] {
            assert!(
                og(&html, key).is_some_and(|v| !v.is_empty()),
                "{at}: og:{key}"
            );
        }
        assert!(twitter(&html, "card").is_some(), "{at}: twitter:card");
        if let Some(image) = og(&html, "image") {
            assert!(image.starts_with(base), "{at}: og:image {image}");
        }
        for data in all_json_ld(&html) {
            assert_eq!(data["@context"], "https://schema.org", "{at}");
            assert_schema_org(&data, &at.to_string(), &mut types);
        }
    }
    assert!(pages > 40, "the example site has {pages} pages");
    for kind in ["Event", "NewsArticle", "Organization", "Place", "Offer"] {
        assert!(types.contains(kind), "no {kind} in {types:?}");
    }
}
