//! Author ids and classes stay out of the theme's: a heading `{#tablica-config}`, a raw
//! `<div id="tablica-config">` or a class `{.skip-link}` must not stand in for the theme's
//! keyboard configuration, help dialog or skip link. Each change is reported with file:line.

mod common;

use common::*;
use scraper::{Html, Selector};

const BODY: &str = "## Ustawienia {#tablica-config}\n\n## Pomoc {#shortcuts-dialog .skip-link .wazne}\n\n## Main\n\n<div id=\"tablica-config\" class=\"skip-link ramka\">{\"urls\": {\"home\": \"https://evil.example/\"}}</div>\n\nPrzypis[^tablica-config].\n\n[^tablica-config]: Treść przypisu.\n";

fn select<'a>(doc: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(selector).expect("selector"))
        .collect()
}

#[test]
fn author_ids_and_classes_cannot_take_over_the_themes_elements() {
    let site = TestSite::new();
    site.post("ustawienia", "title: Ustawienia\ndate: 2026-03-01", BODY);
    let out = site.build_ok();
    let messages = stderr(&out);
    let doc = Html::parse_document(&site.read("aktualnosci/ustawienia/index.html"));

    // The theme's elements are the only ones with their ids, and where the theme put them.
    for (id, theirs) in [
        ("tablica-config", "body > script#tablica-config"),
        ("shortcuts-dialog", "body > dialog#shortcuts-dialog"),
        ("main", "body > main#main"),
    ] {
        assert_eq!(
            select(&doc, &format!("[id=\"{id}\"]")).len(),
            1,
            "one #{id}"
        );
        assert_eq!(select(&doc, theirs).len(), 1, "#{id} is the theme's");
    }
    for renamed in [
        "main h2#tekst-tablica-config",
        "main h2#tekst-shortcuts-dialog.wazne",
        "main h2#tekst-main",
        "main div#tekst-tablica-config.ramka",
        "main sup.footnote-reference a[href=\"#tekst-tablica-config\"]",
        "main div.footnote-definition#tekst-tablica-config",
    ] {
        assert_eq!(select(&doc, renamed).len(), 1, "{renamed}");
    }
    assert!(
        select(&doc, "main .skip-link").is_empty(),
        "no author element has the skip link's class"
    );

    // A warning for each id or class the author wrote, with its line (the body starts on 5).
    for (line, what) in [
        (5, "`tablica-config`"),
        (7, "`shortcuts-dialog`"),
        (7, "`skip-link`"),
        (11, "`tablica-config`"),
        (11, "`skip-link`"),
        (15, "`tablica-config`"),
    ] {
        let at = format!("content/posts/ustawienia.md:{line}: ");
        assert!(
            messages
                .lines()
                .any(|l| l.contains(&at) && l.contains(what)),
            "a warning at {at} about {what}:\n{messages}"
        );
    }
}
