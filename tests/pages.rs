//! Nested static pages: `content/pages/pomoc/index.md` heads the section `/pomoc/`, the other
//! pages of its folder are below it, with breadcrumbs, a section menu and `weight:` order.

mod common;

use common::{content_errors, stderr, texts, TestSite};

/// A site with the section `pomoc` (two pages, one a bundle with its own child), a page at the
/// top and a menu item pointing at the section.
fn site_with_sections() -> TestSite {
    let site = TestSite::with_config(
        &common::SITE_YAML.replace("menu:\n", "menu:\n  - { title: Pomoc, url: /pomoc/ }\n"),
    );
    site.page("kontakt", "title: Kontakt", "Telefon.")
        .page(
            "pomoc/index",
            "title: Pomoc społeczna\nsummary: Jak uzyskać pomoc.",
            "Wybierz temat.",
        )
        .page(
            "pomoc/zasilki",
            "title: Zasiłki\nsummary: Zasiłki stałe i okresowe.\nweight: 2",
            "Treść.",
        )
        .page(
            "pomoc/asystent/index",
            "title: Asystent rodziny\nweight: 1",
            "Treść.",
        )
        .page(
            "pomoc/asystent/dyzury",
            "title: Dyżury asystentów",
            "Treść.",
        )
        .page("pomoc/zywnosc", "title: Żywność\nweight: 2", "Treść.");
    site
}

#[test]
fn pages_in_a_folder_are_below_its_section_page() {
    let site = site_with_sections();
    site.build_ok();
    for page in [
        "kontakt/index.html",
        "pomoc/index.html",
        "pomoc/zasilki/index.html",
        "pomoc/zywnosc/index.html",
        "pomoc/asystent/index.html",
        "pomoc/asystent/dyzury/index.html",
    ] {
        assert!(site.exists(page), "{page}");
    }
    assert!(!site.exists("zasilki/index.html"), "no longer flattened");

    // The section page lists its children by weight, then title (Polish letters by their base),
    // each with its summary (or the first paragraph of its text).
    let section = site.read("pomoc/index.html");
    assert_eq!(
        texts(&section, ".subpages__item > a"),
        ["Asystent rodziny", "Zasiłki", "Żywność"]
    );
    assert_eq!(
        texts(&section, ".subpages__item p"),
        ["Treść.", "Zasiłki stałe i okresowe.", "Treść."]
    );
    assert!(
        section.contains(r#"<a href="/pomoc/asystent/">Asystent rodziny</a>"#),
        "{section}"
    );
    // The top page of a section has its list, not a menu repeating it.
    assert!(texts(&section, ".section-nav").is_empty());
    // The main menu points at the section; on the section page it is the current page.
    assert!(
        section.contains(r#"<a href="/pomoc/" aria-current="page">Pomoc</a>"#),
        "{section}"
    );

    // A page two levels down: breadcrumbs through the tree, the section menu with it current.
    let deep = site.read("pomoc/asystent/dyzury/index.html");
    assert_eq!(
        texts(&deep, ".breadcrumbs__item"),
        ["Strona główna", "Pomoc społeczna", "Asystent rodziny"]
    );
    assert!(
        deep.contains(r#"<nav class="section-nav" aria-label="Menu działu: Pomoc społeczna">"#),
        "{deep}"
    );
    assert_eq!(
        texts(&deep, ".section-nav a"),
        [
            "Pomoc społeczna",
            "Asystent rodziny",
            "Dyżury asystentów",
            "Zasiłki",
            "Żywność"
        ]
    );
    assert_eq!(
        texts(&deep, r#".section-nav a[aria-current="page"]"#),
        ["Dyżury asystentów"]
    );
    assert!(
        deep.contains(r#"<a href="/pomoc/asystent/dyzury/" aria-current="page">"#),
        "{deep}"
    );

    // A page at the top is in no section.
    let contact = site.read("kontakt/index.html");
    assert!(texts(&contact, ".section-nav").is_empty());
    assert_eq!(texts(&contact, ".breadcrumbs__item"), ["Strona główna"]);

    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("https://mops.example.org/pomoc/asystent/dyzury/"));
}

#[test]
fn a_transcript_beside_a_section_page_is_not_a_page() {
    let site = site_with_sections();
    site.write(
        "content/pages/pomoc/transkrypcja.md",
        "Lektor: dzień dobry.\n",
    );
    site.build_ok();
    assert!(!site.exists("pomoc/transkrypcja/index.html"));
}

#[test]
fn a_folder_without_a_section_page_is_a_warning_and_its_pages_still_build() {
    let site = TestSite::new();
    site.page("uslugi/opieka", "title: Usługi opiekuńcze", "Treść.");
    let out = site.build_ok();
    let err = stderr(&out);
    assert!(
        err.contains(
            "content/pages/uslugi: the folder `content/pages/uslugi` has pages but no `index.md`"
        ),
        "{err}"
    );
    assert!(err.contains("add `content/pages/uslugi/index.md`"), "{err}");
    let page = site.read("uslugi/opieka/index.html");
    assert_eq!(texts(&page, ".breadcrumbs__item"), ["Strona główna"]);
}

#[test]
fn two_pages_at_one_address_are_an_error_but_the_same_name_in_two_sections_is_not() {
    let site = TestSite::new();
    site.page("pomoc/index", "title: Pomoc", "")
        .page("pomoc/kontakt", "title: Kontakt w sprawie pomocy", "")
        .page("kontakt", "title: Kontakt", "");
    site.build_ok();
    assert!(site.exists("pomoc/kontakt/index.html") && site.exists("kontakt/index.html"));

    site.page("pomoc/inny", "title: Inny\nslug: kontakt", "");
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/pages/pomoc/kontakt.md:2: field `slug`: another page already has the address `pomoc/kontakt`: content/pages/pomoc/inny.md"),
        "{err}"
    );
}

#[test]
fn a_folder_name_that_gives_no_address_is_reported() {
    let site = TestSite::new();
    site.page("!!!/strona", "title: Strona", "");
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/pages/!!!/strona.md: the folder `!!!` gives no address"),
        "{err}"
    );
    assert!(err.contains("rename the folder"), "{err}");
}
