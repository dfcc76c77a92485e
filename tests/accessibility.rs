//! The accessibility statement page, the keyboard shortcuts it lists, and the build-time
//! accessibility checks of the text with their configurable severity.

mod common;

use common::*;

const STATEMENT: &str = "accessibility:
  shortcuts:
    help: Ctrl+Alt+H
    high_contrast: Alt+Shift+K
  statement:
    published: 2024-03-01
    updated: 2026-11-20
    status: partial
    non_accessible:
      - Skany regulaminów z 2020 roku nie mają warstwy tekstowej.
    prepared: 2024-03-04
    method: external
    evaluator: Fundacja Dostępne Miasto
    contact: { name: Jan Kowalski, email: dostepnosc@example.org, phone: +48 22 555 01 17 }
    architecture:
      - Wejście od ul. Lipowej ma podjazd i drzwi otwierane automatycznie.
";

fn site_with(extra_config: &str) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}{extra_config}"));
    site.post("wpis", "title: Wpis\ndate: 2026-11-24", "Tekst.");
    site
}

#[test]
fn the_statement_is_generated_from_site_settings_and_linked_from_every_page() {
    let site = site_with(STATEMENT);
    site.build_ok();
    let page = site.read("deklaracja-dostepnosci/index.html");
    assert_eq!(
        element_text(&page, "h1").as_deref(),
        Some("Deklaracja dostępności")
    );
    for expected in [
        r#"<time datetime="2024-03-01">1 marca 2024</time>"#,
        r#"<time datetime="2026-11-20">20 listopada 2026</time>"#,
        "jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019",
        "<li>Skany regulaminów z 2020 roku nie mają warstwy tekstowej.</li>",
        "Fundacja Dostępne Miasto",
        "Jan Kowalski",
        r#"<a href="mailto:dostepnosc@example.org">"#,
        r#"<a href="tel:+48225550117">"#,
        "Wejście od ul. Lipowej ma podjazd",
        // The entity defaults to the organisation's name.
        "Miejski Ośrodek Pomocy Społecznej w Testowie",
    ] {
        assert!(page.contains(expected), "missing {expected:?}");
    }
    // The sections of the official template (their headings' ids; the shortcut heading's
    // text alone would also match the help dialog on every page).
    for (id, heading) in [
        ("architektura", "Dostępność architektoniczna"),
        ("procedura", "Procedura wnioskowo-skargowa"),
        ("skroty", "Skróty klawiszowe"),
    ] {
        assert!(
            page.contains(&format!(r#"<h2 id="{id}">{heading}</h2>"#)),
            "missing section {heading:?}"
        );
    }
    // Shortcuts are listed from the real configuration, changed keys included.
    let section = &page[page.find("id=\"skroty\"").expect("shortcuts section")..];
    let table = &section[..section.find("</table>").expect("shortcut table")];
    // Written as Ctrl+Alt+H, listed in the normalised order the shortcut script uses.
    assert!(table.contains("<kbd>Alt+Ctrl+H</kbd>"));
    assert!(table.contains("<kbd>Alt+Shift+K</kbd>"));
    assert!(table.contains("<kbd>Alt+Shift+1</kbd>"), "defaults fill in");
    assert!(
        !table.contains("<kbd>Alt+Shift+6</kbd>"),
        "replaced default gone"
    );

    for rel in [
        "index.html",
        "aktualnosci/wpis/index.html",
        "404.html",
        "deklaracja-dostepnosci/index.html",
    ] {
        let html = site.read(rel);
        let footer = &html[html.find("<footer").expect("footer")..];
        assert!(
            footer.contains(r#"href="/deklaracja-dostepnosci/""#),
            "{rel}: footer links to the statement"
        );
        assert!(html.contains(r#"<html lang="pl""#), "{rel}: page language");
        assert!(
            html.contains(r##"<a class="skip-link" href="#main">"##),
            "{rel}: skip link"
        );
        assert!(html.contains(r#"<main id="main""#), "{rel}: its target");
        assert_eq!(count(&html, "<h1"), 1, "{rel}: one h1");
        // The help dialog lists the same keys on every page.
        assert!(
            html.contains("<kbd data-keys>Alt+Ctrl+H</kbd>"),
            "{rel}: help dialog"
        );
    }
}

#[test]
fn an_english_site_gets_an_english_statement() {
    let site = TestSite::with_config(&format!(
        "{}language: en\n{STATEMENT}",
        SITE_YAML.replace("Aktualności, url: /aktualnosci/", "News, url: /news/")
    ));
    site.post("post", "title: A post\ndate: 2026-11-24", "Text.");
    site.build_ok();
    let page = site.read("accessibility-statement/index.html");
    assert_eq!(
        element_text(&page, "h1").as_deref(),
        Some("Accessibility statement")
    );
    assert!(page.contains("partially compliant with the Act of 4 April 2019"));
    assert!(page.contains(r#"<time datetime="2024-03-01">1 March 2024</time>"#));
    assert!(site
        .read("index.html")
        .contains(r#"href="/accessibility-statement/""#));
}

#[test]
fn bad_shortcut_settings_name_the_field() {
    let site =
        site_with("accessibility:\n  shortcuts:\n    help: Alt+Shift+1\n    skok: Alt+Shift+9\n");
    let err = site.build_err();
    assert!(err.contains("content/site.yaml"), "{err}");
    assert!(err.contains("Alt+Shift+1"), "duplicate keys named:\n{err}");
    assert!(err.contains("skok"), "unknown action named:\n{err}");

    let site = site_with("accessibility:\n  statement:\n    published: 01.03.2024\n");
    let err = site.build_err();
    assert!(err.contains("published"), "{err}");
    assert!(
        err.contains("2024-03-01"),
        "the corrected form is suggested:\n{err}"
    );
}

/// A post breaking every check of the text, line by line.
const BAD_TEXT: &str = "Wstęp.

## Sekcja

#### Za głęboko

[](/regulamin.pdf)

Zapisy: [kliknij tutaj](/zapisy/).

![](/obraz.png)

<table><tr><td>1</td></tr></table>
";

#[test]
fn text_checks_report_file_and_line_with_default_severities() {
    let site = site_with("");
    site.post("zly", "title: Zły wpis\ndate: 2026-11-24", BAD_TEXT);
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1), "errors by default");
    let report = stderr(&out);
    // The body starts on line 5 of the file (after four lines of front matter).
    for (line, severity, text) in [
        (9, "warning", "heading level jumps from 2 to 4"),
        (11, "error", "has no text"),
        (13, "warning", "kliknij tutaj"),
        (15, "error", "has no alt text"),
        (17, "warning", "without header cells"),
    ] {
        let located = format!("content/posts/zly.md:{line}:");
        let entry = report
            .lines()
            .find(|l| l.contains(&located) && l.contains(text))
            .unwrap_or_else(|| panic!("no report of {text:?} at {located}:\n{report}"));
        assert!(entry.starts_with(severity), "{entry}");
    }
    assert!(!site.exists("index.html"), "check writes nothing");
}

#[test]
fn text_check_severities_are_configurable() {
    let relaxed = "checks:
  heading_levels: off
  empty_link_text: warning
  vague_link_text: off
  image_alt: warning
  table_header: off
";
    let site = site_with(relaxed);
    site.post("zly", "title: Zły wpis\ndate: 2026-11-24", BAD_TEXT);
    let out = site.build_ok();
    let report = stderr(&out);
    assert!(report.contains("has no text"), "still reported:\n{report}");
    assert!(report.contains("has no alt text"));
    for silenced in ["heading level", "kliknij tutaj", "header cells"] {
        assert!(!report.contains(silenced), "{silenced} is off:\n{report}");
    }
    assert!(site.exists("aktualnosci/zly/index.html"));

    let strict = site_with("checks: { heading_levels: error, vague_link_text: error }\n");
    strict.post(
        "naglowki",
        "title: Nagłówki\ndate: 2026-11-24",
        "## A\n\n#### B\n",
    );
    let err = strict.build_err();
    assert!(err.contains("content/posts/naglowki.md:7:"), "{err}");
    assert!(err.contains("hint:"), "{err}");

    let typo = site_with("checks: { heading_level: off }\n");
    let err = typo.build_err();
    assert!(err.contains("heading_levels"), "did-you-mean hint:\n{err}");
}
