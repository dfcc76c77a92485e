//! Building fixture sites end to end and inspecting the HTML produced.

mod common;

use common::*;

fn news_site() -> TestSite {
    let site = TestSite::new();
    site.project(
        "aktywni-razem",
        "title: Aktywni Razem\nstatus: ongoing\nstart: 2026-01-01\nend: 2027-06-30\norganiser: MOPS Testowo\npartners: [Stowarzyszenie Sąsiedzi]\nfunding:\n  programme: Fundusze Europejskie dla Testowa 2021–2027\n  fund: Europejski Fundusz Społeczny Plus\n  total_value: 1250000\n  eu_contribution: 1062500\nparticipants: 145\nfigures:\n  - { label: uczestników, value: \"145\" }\n  - { label: ukończyło, value: \"96\" }",
        "Projekt aktywizacji społecznej.",
    )
    .project("klub-sasiada", "title: Klub Sąsiada\nstatus: finished\nstart: 2024-01-01\nend: 2024-12-31", "Zakończony.");
    site.post(
        "2026-11-24-warsztaty",
        "title: Warsztaty kulinarne w Łodzi\ndate: 2026-11-24\nproject: aktywni-razem\ntags: [Seniorzy, warsztaty]\ncategory: Wydarzenia\nauthor: /ak/",
        "Pierwszy akapit wpisu o warsztatach.\n\n## Program\n\nGotowanie.",
    )
    .post("spotkanie", "title: Spotkanie z mieszkańcami\ndate: 2026-10-02 17:30\nproject: aktywni-razem\ntags: [seniorzy]", "Tekst.")
    .post("zbiorka", "title: Zbiórka żywności\ndate: 2026-09-15\ncategory: Wydarzenia", "Tekst.")
    .post("stary", "title: Stary wpis\ndate: 2025-03-01\nproject: klub-sasiada", "Tekst.")
    .post("szkic", "title: Szkic\ndate: 2026-11-25\ndraft: true", "Nie publikować.")
    .page("o-nas", "title: O nas", "Jesteśmy ośrodkiem.");
    site
}

#[test]
fn builds_every_kind_of_page() {
    let site = news_site();
    site.build_ok();
    for file in [
        "index.html",
        "aktualnosci/index.html",
        "aktualnosci/strona/2/index.html",
        "aktualnosci/warsztaty/index.html",
        "projekty/index.html",
        "projekty/aktywni-razem/index.html",
        "tagi/index.html",
        "tagi/seniorzy/index.html",
        "kategorie/wydarzenia/index.html",
        "archiwum/index.html",
        "archiwum/2025/index.html",
        "archiwum/2026/index.html",
        "o-nas/index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "assets/css/tablica.css",
    ] {
        assert!(site.exists(file), "missing {file}");
    }
}

#[test]
fn a_post_page_has_its_title_date_and_links() {
    let site = news_site();
    site.build_ok();
    let html = site.read("aktualnosci/warsztaty/index.html");
    assert_eq!(count(&html, "<h1"), 1, "exactly one h1");
    assert_eq!(
        element_text(&html, "h1").as_deref(),
        Some("Warsztaty kulinarne w Łodzi")
    );
    assert!(html.contains("<html lang=\"pl\""));
    assert!(html.contains("24 listopada 2026"), "Polish long date");
    assert!(html.contains("datetime=\"2026-11-24\""));
    assert!(
        html.contains("href=\"/projekty/aktywni-razem/\""),
        "link to its project"
    );
    assert!(html.contains("href=\"/tagi/seniorzy/\""));
    assert!(html.contains("href=\"/kategorie/wydarzenia/\""));
    assert!(html.contains("id=\"program\""), "heading anchor");
    assert!(html.contains("<title>Warsztaty kulinarne w Łodzi"));
    assert!(
        html.contains("rel=\"canonical\" href=\"https://mops.example.org/aktualnosci/warsztaty/\"")
    );
}

#[test]
fn the_project_page_lists_its_news_and_funding() {
    let site = news_site();
    site.build_ok();
    let html = site.read("projekty/aktywni-razem/index.html");
    assert!(html.contains("href=\"/aktualnosci/warsztaty/\""));
    assert!(html.contains("href=\"/aktualnosci/spotkanie/\""));
    assert!(
        !html.contains("href=\"/aktualnosci/stary/\""),
        "another project's post"
    );
    assert!(html.contains("Europejski Fundusz Społeczny Plus"));
    assert!(
        html.contains("1\u{a0}062\u{a0}500,00\u{a0}zł"),
        "EU contribution formatted in Polish"
    );
    let funding = texts(&html, ".funding dt")
        .into_iter()
        .zip(texts(&html, ".funding dd"))
        .find(|(term, _)| term == "Wkład Funduszy Europejskich")
        .map(|(_, value)| value);
    assert_eq!(
        funding.as_deref(),
        Some("1\u{a0}062\u{a0}500,00\u{a0}zł (85% wartości projektu)"),
        "EU contribution and share in percent"
    );
    assert_eq!(
        texts(&html, ".figures__item"),
        ["145 uczestników", "96 ukończyło"]
    );
}

#[test]
fn news_is_paginated_newest_first() {
    let site = news_site();
    site.build_ok();
    let first = site.read("aktualnosci/index.html");
    let second = site.read("aktualnosci/strona/2/index.html");
    let warsztaty = first
        .find("/aktualnosci/warsztaty/")
        .expect("newest on page 1");
    let spotkanie = first
        .find("/aktualnosci/spotkanie/")
        .expect("second newest on page 1");
    assert!(warsztaty < spotkanie);
    assert!(
        !first.contains("/aktualnosci/zbiorka/"),
        "third post is on page 2"
    );
    assert!(second.contains("/aktualnosci/zbiorka/"));
    assert!(
        first.contains("href=\"/aktualnosci/strona/2/\""),
        "link to page 2"
    );
    assert!(
        second.contains("href=\"/aktualnosci/\""),
        "link back to page 1"
    );
    assert!(
        !site.exists("aktualnosci/strona/3/index.html"),
        "4 posts, 2 per page"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = news_site();
    site.build_ok();
    assert!(!site.exists("aktualnosci/szkic/index.html"));
    assert!(!site.read("atom.xml").contains("Szkic"));
    let out = site.run(&["build", "--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.exists("aktualnosci/szkic/index.html"));
}

#[test]
fn text_from_front_matter_is_escaped() {
    let site = TestSite::new();
    site.post(
        "xss",
        "title: \"<script>alert(1)</script> & <b>bold</b>\"\ndate: 2026-01-01\nsummary: \"<img src=x onerror=alert(1)>\"\ntags: [\"<svg onload=alert(1)>\"]",
        "Tekst.",
    );
    site.build_ok();
    let html = site.read("aktualnosci/xss/index.html");
    assert!(!html.contains("<script>alert(1)"), "title not escaped");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<svg onload"));
    let feed = site.read("atom.xml");
    assert!(!feed.contains("<script>"), "feed escapes titles");
}

#[test]
fn slugs_are_transliterated_from_polish() {
    let site = TestSite::new();
    site.post(
        "Łódź – spotkanie",
        "title: W Łodzi\ndate: 2026-01-01",
        "Tekst.",
    )
    .post(
        "inny",
        "title: Inny\ndate: 2026-01-02\nslug: zrodlo-zrodel\ntags: [Źródło Ćwiczeń]",
        "Tekst.",
    );
    site.build_ok();
    assert!(site.exists("aktualnosci/lodz-spotkanie/index.html"));
    assert!(site.exists("aktualnosci/zrodlo-zrodel/index.html"));
    assert!(site.exists("tagi/zrodlo-cwiczen/index.html"));
}

#[test]
fn feed_sitemap_and_robots_use_absolute_urls() {
    let site = news_site();
    site.build_ok();
    let feed = site.read("atom.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(feed.contains("<id>https://mops.example.org/aktualnosci/warsztaty/</id>"));
    assert!(
        feed.contains("<published>2026-11-24T00:00:00+01:00</published>"),
        "Warsaw winter time"
    );
    assert!(
        feed.contains("<published>2026-10-02T17:30:00+02:00</published>"),
        "Warsaw summer time"
    );
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://mops.example.org/o-nas/</loc>"));
    assert!(!sitemap.contains("404"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://mops.example.org/sitemap.xml"));
}

#[test]
fn an_english_site_gets_english_dates_and_paths() {
    let site = TestSite::with_config(
        "title: Test Centre\nlanguage: en\nbase_url: https://example.org/centre\n",
    );
    site.post("workshop", "title: Workshop\ndate: 2026-11-24", "Text.");
    site.build_ok();
    let html = site.read("news/workshop/index.html");
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("24 November 2026"));
    assert!(
        html.contains("href=\"/centre/news/\""),
        "links carry the base path"
    );
}

#[test]
fn a_site_overrides_a_single_template() {
    let site = news_site();
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><p class=\"custom-page\">własny szablon</p>{% endblock content %}",
    );
    site.build_ok();
    assert!(site.read("o-nas/index.html").contains("custom-page"));
    assert!(
        !site
            .read("aktualnosci/warsztaty/index.html")
            .contains("custom-page"),
        "other templates still built in"
    );
}

#[test]
fn raw_html_in_markdown_is_sanitised() {
    let site = TestSite::new();
    site.post("raw", "title: Raw\ndate: 2026-01-01", "Akapit <script>alert(1)</script>\n\n<div onclick=\"alert(1)\">x</div>\n\n[Regulamin](javascript:alert(1))");
    site.build_ok();
    let html = site.read("aktualnosci/raw/index.html");
    assert!(!html.contains("alert(1)</script>"));
    assert!(!html.contains("onclick"));
    assert!(!html.contains("javascript:"));
    assert!(html.contains("Regulamin"));
}

#[test]
fn check_reports_without_writing() {
    let site = news_site();
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.public().exists(), "check writes nothing");
}

#[test]
fn new_creates_a_site_that_builds() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("nowa-strona");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tablica"))
        .args(["new", dir.to_str().expect("utf-8 path")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tablica"))
        .args(["build", "--root", dir.to_str().expect("utf-8 path")])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.join("public/aktualnosci/pierwszy-wpis/index.html"))
        .expect("post built");
    assert!(html.contains("Pierwszy wpis"));
    assert!(dir
        .join("public/projekty/przykladowy-projekt/index.html")
        .exists());
    assert!(dir.join("public/o-nas/index.html").exists());
}

#[test]
fn output_flag_writes_elsewhere() {
    let site = news_site();
    let out_dir = site.root().join("gdzie-indziej");
    let out = site.run(&["build", "--output", out_dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_dir.join("index.html").exists());
    assert!(!site.public().exists());
}

#[test]
fn an_older_post_joining_a_tag_updates_the_count_on_the_tags_first_page_in_place() {
    let site = TestSite::new(); // two posts per page
    for (name, date) in [
        ("a", "2026-11-03"),
        ("b", "2026-11-02"),
        ("c", "2026-11-01"),
    ] {
        site.post(
            name,
            &format!("title: Wpis {name}\ndate: {date}\ntags: [seniorzy]"),
            "Tekst.",
        );
    }
    let (mut builder, output) = site.in_place_builder();
    builder.build().expect("first build");
    let first_page =
        || std::fs::read_to_string(output.join("tagi/seniorzy/index.html")).expect("tag page");
    assert!(first_page().contains("3 wpisy"), "{}", first_page());

    // The new post is the oldest: it lands on page 2, but page 1 shows the tag's total.
    site.post(
        "d",
        "title: Wpis d\ndate: 2026-10-01\ntags: [seniorzy]",
        "Tekst.",
    );
    builder.build().expect("second build");
    assert!(first_page().contains("4 wpisy"), "{}", first_page());
}

#[test]
fn a_new_post_in_place_re_renders_its_neighbour_and_the_lists_not_every_post() {
    let site = TestSite::new();
    for day in 1..=9 {
        site.post(
            &format!("wpis-{day}"),
            &format!("title: Wpis {day}\ndate: 2026-10-0{day}"),
            "Tekst.",
        );
    }
    let (mut builder, output) = site.in_place_builder();
    let first = builder.build().expect("first build");
    let oldest = output.join("aktualnosci/wpis-1/index.html");
    std::fs::write(&oldest, "not rendered again").expect("mark");

    site.post("nowy", "title: Nowy wpis\ndate: 2026-11-01", "Tekst.");
    let report = builder.build().expect("second build");
    let newest_before = std::fs::read_to_string(output.join("aktualnosci/wpis-9/index.html"))
        .expect("the former newest post");
    assert!(
        newest_before.contains("Nowy wpis"),
        "the former newest post links to the new one"
    );
    assert_eq!(
        std::fs::read_to_string(&oldest).expect("oldest"),
        "not rendered again",
        "posts far from the new one are not rendered again"
    );
    assert!(
        report.rendered < first.rendered / 2,
        "{} of {} pages rendered again",
        report.rendered,
        first.rendered
    );
}

#[test]
fn in_place_the_pages_are_ready_before_the_feeds_and_search_index_are_made() {
    let site = TestSite::new();
    site.post("wpis", "title: Wpis\ndate: 2026-10-01", "Stary tekst.");
    let (mut builder, output) = site.in_place_builder();
    builder.build().expect("first build");
    let read = |rel: &str| std::fs::read_to_string(output.join(rel)).expect(rel);
    let feed_before = read("atom.xml");
    let index_before = read("szukaj/index.json");

    site.post("wpis", "title: Wpis\ndate: 2026-10-01", "Nowy tekst.");
    let mut calls = 0;
    builder
        .build_then(|url_root| {
            calls += 1;
            assert_eq!(url_root, "/");
            assert!(read("aktualnosci/wpis/index.html").contains("Nowy tekst"));
            assert_eq!(read("atom.xml"), feed_before, "the feed comes after");
            assert_eq!(
                read("szukaj/index.json"),
                index_before,
                "the index comes after"
            );
        })
        .expect("second build");
    assert_eq!(calls, 1);
    assert!(read("atom.xml").contains("Nowy tekst"));
    assert_ne!(read("szukaj/index.json"), index_before);
}

#[test]
fn a_builder_keeps_its_theme_until_an_override_file_changes() {
    let site = TestSite::new();
    site.post("wpis", "title: Wpis\ndate: 2026-10-01", "Tekst.");
    let template = |text: &str| {
        format!("{{% extends \"base.html\" %}}{{% block content %}}<h1>{text}</h1>{{% endblock content %}}")
    };
    site.write("themes/default/templates/404.html", &template("Pierwszy"));
    let (mut builder, output) = site.in_place_builder();
    let read = || std::fs::read_to_string(output.join("404.html")).expect("404 page");
    builder.build().expect("first build");
    assert!(read().contains("Pierwszy"));
    site.write(
        "themes/default/templates/404.html",
        &template("Drugi, dłuższy"),
    );
    builder.build().expect("after an edit");
    assert!(read().contains("Drugi, dłuższy"));
    std::fs::remove_file(site.root().join("themes/default/templates/404.html")).expect("rm");
    builder.build().expect("after removing the override");
    assert!(!read().contains("Drugi"), "the built-in 404 page again");
}
