//! The search index written by the build: the page, the manifest, term shards and result
//! chunks, checked by looking words up the way the search page does.

mod common;

use common::*;
use serde_json::Value;

fn json(site: &TestSite, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Documents of an exact term, with their title flags, read from the shard that holds it.
fn lookup(site: &TestSite, term: &str) -> Vec<(u64, bool)> {
    let manifest = json(site, "szukaj/index.json");
    let Some(key) = manifest["shards"]
        .as_array()
        .expect("shards")
        .iter()
        .filter_map(Value::as_str)
        .filter(|k| term.starts_with(k))
        .max_by_key(|k| k.len())
    else {
        return Vec::new();
    };
    let shard = json(site, &format!("szukaj/t-{key}.json"));
    let mut doc = 0;
    shard[term]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(Value::as_u64)
                .map(|n| {
                    doc += n >> 1;
                    (doc, n & 1 == 1)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn result(site: &TestSite, doc: u64) -> Value {
    let manifest = json(site, "szukaj/index.json");
    let per_chunk = manifest["docs_per_chunk"].as_u64().expect("chunk size");
    json(site, &format!("szukaj/d-{}.json", doc / per_chunk))[(doc % per_chunk) as usize].clone()
}

#[test]
fn the_index_finds_documents_by_folded_and_stemmed_words() {
    let site = TestSite::new();
    site.project("aktywni", "title: Razem Aktywni\nstatus: ongoing", "Projekt aktywizacji.")
        .post(
            "warsztaty",
            "title: Warsztaty kulinarne w Łodzi\ndate: 2026-11-24\nproject: aktywni\ntags: [wolontariat]",
            "Zapraszamy na **zajęcia** przy ul. Źródlanej. <script>alert(1)</script>",
        )
        .post(
            "zbiorka",
            "title: Zbiórka darów\ndate: 2026-10-01\nsummary: Wyniki zbiórki i podziękowania dla uczestników warsztatów.",
            "Dziękujemy.",
        )
        .page("kontakt", "title: Kontakt", "Adres i telefon.");
    site.build_ok();

    let page = site.read("szukaj/index.html");
    assert!(page.contains(r#"<label class="search-form__label" for="search-input">"#));
    assert!(page.contains(r#"role="status" aria-live="polite""#));
    assert!(
        page.contains("<noscript>"),
        "points to the archive without JavaScript"
    );
    assert!(page.contains("/assets/js/search.js"));
    let home = site.read("index.html");
    assert!(home.contains(r#"<form class="site-search" role="search" action="/szukaj/""#));

    let manifest = json(&site, "szukaj/index.json");
    assert_eq!(manifest["documents"], 4, "2 posts, 1 project, 1 page");
    assert_eq!(manifest["folds"]["ł"], "l");

    // Newest post is document 0; "warsztat" is in its title (flag) and in the other's summary.
    assert_eq!(lookup(&site, "warsztat"), [(0, true), (1, false)]);
    assert_eq!(lookup(&site, "lodz"), [(0, true)], "Łodzi → lodz");
    assert_eq!(
        lookup(&site, "wolontariat"),
        [(0, true)],
        "tags count as labels"
    );
    assert_eq!(lookup(&site, "zajec"), [(0, false)], "zajęcia → zajec");
    assert!(
        lookup(&site, "alert").is_empty(),
        "sanitised script is not text"
    );
    assert!(lookup(&site, "strong").is_empty(), "markup is not text");
    assert!(
        lookup(&site, "dla").is_empty() && lookup(&site, "na").is_empty(),
        "stop words"
    );

    let first = result(&site, 0);
    assert_eq!(first["t"], "Warsztaty kulinarne w Łodzi");
    assert_eq!(first["u"], "/aktualnosci/warsztaty/");
    assert_eq!(first["d"], "24 listopada 2026");
    assert_eq!(first["p"], "Razem Aktywni");
    assert_eq!(first["k"], "Aktualność");
    let project = result(&site, 2);
    assert_eq!(project["k"], "Projekt");
    assert_eq!(project["u"], "/projekty/aktywni/");
    assert_eq!(result(&site, 3)["k"], "Strona");
}

#[test]
fn english_sites_get_english_search() {
    let site = TestSite::with_config(&format!("{SITE_YAML}language: en\n"));
    site.post(
        "p",
        "title: Volunteers wanted\ndate: 2026-11-24",
        "Join us.",
    );
    site.build_ok();
    assert!(site.read("search/index.html").contains("Search this site"));
    assert_eq!(json(&site, "search/d-0.json")[0]["k"], "News");
    assert_eq!(json(&site, "search/d-0.json")[0]["d"], "24 November 2026");
}

#[test]
fn the_index_names_its_build_so_browsers_never_mix_two() {
    let site = TestSite::new().pin_clock("2026-11-29 12:00");
    site.post("a", "title: Warsztaty\ndate: 2026-11-24", "Tekst.");
    site.build_ok();
    let build = |site: &TestSite| {
        json(site, "szukaj/index.json")["build"]
            .as_str()
            .expect("a build hash")
            .to_string()
    };
    let first = build(&site);
    assert_eq!(first.len(), 16);
    assert!(first.chars().all(|c| c.is_ascii_hexdigit()), "{first}");
    // --force: without it the up-to-date check would skip the build and keep the old index.
    let again = site.run(&["build", "--force"]);
    assert!(stdout(&again).contains("built:"), "{}", stdout(&again));
    assert_eq!(build(&site), first, "the same content, the same name");
    site.post("a", "title: Warsztaty\ndate: 2026-11-24", "Nowy tekst.");
    site.build_ok();
    assert_ne!(build(&site), first, "changed content, a new name");
}
