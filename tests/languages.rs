//! Texts in other languages in a Polish site: `language:` (pl, en, uk) on posts, projects and
//! pages, `translation_of:` linking translations, the page's `lang` and its title's wherever it
//! is listed, Ukrainian theme texts, dates and plurals, and a search index of Cyrillic words.

mod common;

use common::{content_errors, stderr, texts, TestSite};

/// A Polish site with a page in Polish, Ukrainian and English (translations of one another), a
/// Ukrainian project with a Ukrainian post, and a Polish post.
fn site() -> TestSite {
    let site = TestSite::with_config(
        &common::SITE_YAML.replace("posts_per_page: 2", "posts_per_page: 10"),
    )
    .pin_clock("2026-12-02");
    site.page(
        "pomoc-dla-ukrainy",
        "title: Pomoc dla obywateli Ukrainy\nsummary: Porady i wsparcie.",
        "Porady w każdy wtorek.",
    )
    .page(
        "dopomoha",
        "title: Допомога для громадян України\nlanguage: uk\ntranslation_of: /pomoc-dla-ukrainy/\nsummary: Консультації та підтримка.",
        "Консультації щовівторка. Сім’я може отримати продуктові набори; з'єднаємо вас із психологом.",
    )
    .page(
        "help",
        "title: Help for citizens of Ukraine\nlanguage: en\ntranslation_of: https://mops.example.org/pomoc-dla-ukrainy/",
        "Advice every Tuesday.",
    )
    .project(
        "razom",
        "title: Разом\nlanguage: uk\nstatus: ongoing\nparticipants: 21",
        "Проєкт для родин з України.",
    )
    .post(
        "2026-12-01-konsultacje",
        "title: Консультації для громадян України\nlanguage: uk\ndate: 2026-12-01\nproject: razom\nsummary: Щовівторка в центрі.\nevent: { start: 2026-12-08 10:00, end: 2026-12-08 14:00, place: Кімната 4 }",
        "Приходьте до нас.",
    )
    .post(
        "2026-11-20-festyn",
        "title: Festyn rodzinny\ndate: 2026-11-20",
        "Zapraszamy.",
    );
    site
}

#[test]
fn a_text_page_is_in_its_language_with_the_theme_texts_dates_and_plurals_of_it() {
    let site = site();
    site.build_ok();
    let post = site.read("aktualnosci/konsultacje/index.html");
    assert!(post.contains(r#"<html lang="uk">"#), "{post}");
    assert!(post.contains(r#"<meta property="og:locale" content="uk_UA">"#));
    // The theme's texts and the date are Ukrainian.
    assert_eq!(texts(&post, ".skip-link")[0], "Перейти до змісту");
    assert!(post.contains(">1 грудня 2026</time>"), "{post}");
    assert!(post.contains(r#""inLanguage":"uk""#));
    // The site's own texts stay Polish, and say so.
    assert!(post.contains(r#"<ul class="container main-nav__list" lang="pl">"#));
    assert!(post.contains(r#"class="site-title" href="/" lang="pl">"#));
    // The Ukrainian project: 21 takes the singular in Ukrainian ("21 учасник"; Polish would
    // say "21 uczestników").
    let project = site.read("projekty/razom/index.html");
    assert!(project.contains(r#"<html lang="uk">"#));
    assert_eq!(texts(&project, ".figures__label"), ["учасник"]);
    // Polish pages are as before.
    let festyn = site.read("aktualnosci/festyn/index.html");
    assert!(festyn.contains(r#"<html lang="pl">"#));
    assert!(festyn.contains(">20 listopada 2026</time>"));
    assert_eq!(
        common::count(&festyn, r#"lang="pl""#),
        1,
        "no lang on Polish texts of a Polish page but <html>"
    );
}

#[test]
fn a_title_in_another_language_is_marked_wherever_it_is_listed() {
    let site = site();
    site.build_ok();
    let marked =
        r#"<a href="/aktualnosci/konsultacje/" lang="uk">Консультації для громадян України</a>"#;
    for page in [
        "index.html",
        "aktualnosci/index.html",
        "archiwum/2026/index.html",
    ] {
        let html = site.read(page);
        assert!(html.contains(marked), "{page}: {html}");
        assert!(html.contains(r#"<html lang="pl">"#), "{page}");
    }
    // Its summary too, on the cards.
    let news = site.read("aktualnosci/index.html");
    assert!(news.contains(r#"<p class="card__summary" lang="uk">Щовівторка в центрі.</p>"#));
    // The Polish post's neighbour link names the Ukrainian one in its language.
    let festyn = site.read("aktualnosci/festyn/index.html");
    assert!(festyn.contains(r#"<span lang="uk">Консультації для громадян України</span>"#));
    // The Ukrainian post's neighbour is Polish, marked as such on its Ukrainian page.
    let post = site.read("aktualnosci/konsultacje/index.html");
    assert!(
        post.contains(r#"<span lang="pl">Festyn rodzinny</span>"#),
        "{post}"
    );
    // The event: on the Polish home page its title is marked, on its own page its time is
    // Ukrainian, and calendars say the language of its summary (RFC 5545 LANGUAGE).
    let home = site.read("index.html");
    assert!(
        home.contains(
            r#"class="event-list__title"><a href="/aktualnosci/konsultacje/" lang="uk">"#
        ),
        "{home}"
    );
    assert!(post.contains("8 грудня 2026, 10:00–14:00"), "{post}");
    let ics = site.read("wydarzenia/kalendarz.ics").replace("\r\n ", "");
    assert!(
        ics.contains("SUMMARY;LANGUAGE=uk:Консультації для громадян України"),
        "{ics}"
    );
    assert!(
        ics.contains("DESCRIPTION;LANGUAGE=uk:Щовівторка в центрі."),
        "{ics}"
    );
    // Projects list.
    let projects = site.read("projekty/index.html");
    assert!(projects.contains(r#"<a href="/projekty/razom/" lang="uk">Разом</a>"#));
    // The Atom feed: the entry says its language, the Polish one does not.
    let feed = site.read("atom.xml");
    assert!(feed.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">"#));
    assert_eq!(
        common::count(&feed, r#"<entry xml:lang="uk">"#),
        1,
        "{feed}"
    );
    assert_eq!(common::count(&feed, "<entry>"), 1);
}

#[test]
fn translations_link_to_each_other_with_hreflang_and_a_switcher() {
    let site = site();
    site.build_ok();
    let alternates = [
        r#"<link rel="alternate" hreflang="pl" href="https://mops.example.org/pomoc-dla-ukrainy/">"#,
        r#"<link rel="alternate" hreflang="uk" href="https://mops.example.org/dopomoha/">"#,
        r#"<link rel="alternate" hreflang="en" href="https://mops.example.org/help/">"#,
    ];
    for (page, lang, others) in [
        ("pomoc-dla-ukrainy", "pl", ["Українською", "In English"]),
        ("dopomoha", "uk", ["Po polsku", "In English"]),
        ("help", "en", ["Po polsku", "Українською"]),
    ] {
        let html = site.read(&format!("{page}/index.html"));
        assert!(html.contains(&format!(r#"<html lang="{lang}">"#)), "{page}");
        for a in alternates {
            assert!(html.contains(a), "{page}: {a}");
        }
        assert_eq!(texts(&html, "nav.translations a"), others, "{page}");
    }
    let uk = site.read("dopomoha/index.html");
    assert!(uk.contains(r#"<a href="/pomoc-dla-ukrainy/" hreflang="pl" lang="pl">Po polsku</a>"#));
    assert!(uk.contains(r#"<nav class="translations" aria-label="Цей текст іншими мовами">"#));
    // A page without translations has neither.
    let festyn = site.read("aktualnosci/festyn/index.html");
    assert!(!festyn.contains("hreflang") && !festyn.contains(r#"class="translations""#));
    // The sitemap lists the alternates of each page of the group.
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
    assert_eq!(
        common::count(
            &sitemap,
            r#"<xhtml:link rel="alternate" hreflang="uk" href="https://mops.example.org/dopomoha/"/>"#
        ),
        3
    );
}

#[test]
fn the_search_index_holds_cyrillic_words_folded_and_stemmed() {
    let site = site();
    site.build_ok();
    let manifest = site.read("szukaj/index.json");
    assert!(manifest.contains(r#""apostrophes":"'’ʼ""#), "{manifest}");
    // Shards of Cyrillic words have plain file names: `д` is U+0434.
    let shard = site.read("szukaj/t-_434.json");
    assert!(shard.contains(r#""допомог":"#), "{shard}");
    // Lower-cased, and the apostrophe of `Сім’я` and `з'єднаємо` folded away.
    let s = site.read("szukaj/t-_441.json");
    assert!(s.contains(r#""сімя":"#), "{s}");
    let z = site.read("szukaj/t-_437.json");
    assert!(z.contains(r#""зєднаєм":"#), "{z}");
    // A result in another language carries it, for its title's `lang`.
    let docs: String = (0..2)
        .filter(|n| site.exists(&format!("szukaj/d-{n}.json")))
        .map(|n| site.read(&format!("szukaj/d-{n}.json")))
        .collect();
    assert!(
        docs.contains(
            r#""t":"Допомога для громадян України","u":"/dopomoha/","k":"Strona","l":"uk""#
        ),
        "{docs}"
    );
    assert!(docs.contains(r#""t":"Festyn rodzinny""#) && !docs.contains(r#""l":"pl""#));
}

#[test]
fn a_wrong_language_is_an_error_at_its_line_in_the_site_language() {
    let site = site();
    site.post(
        "2026-11-02-zly",
        "title: Zły język\ndate: 2026-11-02\nlanguage: ua",
        "Tekst.",
    );
    let errors = content_errors(&site.run_at(None, &["--lang", "pl", "build"]));
    assert!(
        errors.contains("content/posts/2026-11-02-zly.md:4: pole `language`: `ua` to nie jest język, w którym tablica ma teksty"),
        "{errors}"
    );
    assert!(
        errors.contains("wpisz `language: uk` (ukraiński)"),
        "{errors}"
    );
}

#[test]
fn a_translation_of_an_unknown_address_is_a_warning_and_the_page_stays() {
    let site = site();
    site.page(
        "zle",
        "title: Не та адреса\nlanguage: uk\ntranslation_of: /nie-ma-takiej/",
        "Текст.",
    );
    let out = site.build_ok();
    let warnings = stderr(&out);
    assert!(
        warnings.contains("content/pages/zle.md:4: field `translation_of`: no text of the site has the address `/nie-ma-takiej/`"),
        "{warnings}"
    );
    let page = site.read("zle/index.html");
    assert!(page.contains(r#"<html lang="uk">"#) && !page.contains("hreflang"));
}

#[test]
fn a_whole_site_in_ukrainian_is_refused_with_a_way_out() {
    let site = TestSite::with_config(&format!("language: uk\n{}", common::SITE_YAML));
    let errors = site.build_err();
    assert!(
        errors.contains("content/site.yaml:1: field `language`"),
        "{errors}"
    );
    assert!(errors.contains("`language: uk` in the front matter of each Ukrainian text"));
}
