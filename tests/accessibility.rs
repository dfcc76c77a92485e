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
        "jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019",
        "<li>Skany regulaminów z 2020 roku nie mają warstwy tekstowej.</li>",
        "Fundacja Dostępne Miasto",
        "Jan Kowalski",
        r#"href="mailto:dostepnosc@example.org">"#,
        r#"href="tel:+48225550117">"#,
        "Wejście od ul. Lipowej ma podjazd",
        // The entity defaults to the organisation's name.
        "Miejski Ośrodek Pomocy Społecznej w Testowie",
    ] {
        assert!(page.contains(expected), "missing {expected:?}");
    }
    // The sections of the official template (their headings' ids; the shortcut heading's
    // text alone would also match the help dialog on every page).
    for (id, heading) in [
        ("a11y-architektura", "Dostępność architektoniczna"),
        ("a11y-procedura", "Procedura wnioskowo-skargowa"),
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
    assert_eq!(
        by_id(&page, "a11y-data-publikacja").as_deref(),
        Some("2024-03-01"),
        "dates as rrrr-mm-dd in English too"
    );
    assert!(site
        .read("index.html")
        .contains(r#"href="/accessibility-statement/""#));
}

/// The text of the element with this id, whitespace collapsed.
fn by_id(html: &str, id: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(&format!("#{id}")).expect("selector");
    let element = doc.select(&selector).next()?;
    Some(
        element
            .text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn the_statement_carries_the_ids_of_the_official_template_and_every_page_points_to_it() {
    let site = site_with(STATEMENT);
    site.build_ok();
    let page = site.read("deklaracja-dostepnosci/index.html");
    // Each id of the official template, with what a monitoring tool reads from it.
    for (id, text) in [
        (
            "a11y-podmiot",
            "Miejski Ośrodek Pomocy Społecznej w Testowie",
        ),
        ("a11y-url", "MOPS Testowo"),
        ("a11y-data-publikacja", "2024-03-01"),
        ("a11y-data-aktualizacja", "2026-11-20"),
        ("a11y-data-sporzadzenie", "2024-03-04"),
        ("a11y-audytor", "Fundacja Dostępne Miasto"),
        ("a11y-osoba", "Jan Kowalski"),
        ("a11y-email", "dostepnosc@example.org"),
        ("a11y-telefon", "+48 22 555 01 17"),
        ("a11y-kontakt", "Informacje zwrotne i dane kontaktowe"),
        ("a11y-procedura", "Procedura wnioskowo-skargowa"),
        ("a11y-architektura", "Dostępność architektoniczna"),
        ("a11y-aplikacje", "Aplikacje mobilne"),
    ] {
        assert_eq!(by_id(&page, id).as_deref(), Some(text), "#{id}");
    }
    let intro = by_id(&page, "a11y-wstep").expect("#a11y-wstep");
    assert!(
        intro.starts_with("Miejski Ośrodek Pomocy Społecznej w Testowie zobowiązuje się"),
        "{intro}"
    );
    let status = by_id(&page, "a11y-status").expect("#a11y-status");
    assert!(status.contains("częściowo zgodna"), "{status}");
    let assessment = by_id(&page, "a11y-ocena").expect("#a11y-ocena");
    assert!(assessment.contains("podmiot zewnętrzny"), "{assessment}");
    assert!(page.contains(r#"id="a11y-url" href="https://mops.example.org/""#));
    let doc = scraper::Html::parse_document(&page);
    let ombudsman = scraper::Selector::parse(r#"a[href="https://bip.brpo.gov.pl/"]"#).unwrap();
    assert!(
        doc.select(&ombudsman).next().is_some(),
        "a link to the Ombudsman (RPO)"
    );
    // Every page names the statement's address for monitoring tools.
    for rel in [
        "index.html",
        "aktualnosci/wpis/index.html",
        "404.html",
        "deklaracja-dostepnosci/index.html",
    ] {
        assert!(
            site.read(rel).contains(
                r#"<meta name="deklaracja-dostępności" content="https://mops.example.org/deklaracja-dostepnosci/">"#
            ),
            "{rel}: the statement's meta tag"
        );
    }
}

#[test]
fn the_statement_names_the_organisation_safely() {
    let site = TestSite::with_config(&SITE_YAML.replace(
        "name: Miejski Ośrodek Pomocy Społecznej w Testowie",
        "name: \"Fundacja <b>Razem</b> & Co\"",
    ));
    site.build_ok();
    let page = site.read("deklaracja-dostepnosci/index.html");
    assert!(
        page.contains(
            r#"<span id="a11y-podmiot">Fundacja &lt;b&gt;Razem&lt;&#x2F;b&gt; &amp; Co</span>"#
        ) || page.contains(
            r#"<span id="a11y-podmiot">Fundacja &lt;b&gt;Razem&lt;/b&gt; &amp; Co</span>"#
        ),
        "escaped:\n{}",
        &page[page.find("a11y-wstep").unwrap_or(0)..][..400]
    );
}

#[test]
fn check_and_build_say_what_the_statement_lacks() {
    // Never filled in: one warning, and the site is still built.
    let site = site_with("").pin_clock("2026-11-30");
    let out = site.build_ok();
    let report = stderr(&out);
    let line = report
        .lines()
        .find(|l| l.contains("accessibility statement has not been filled in"))
        .unwrap_or_else(|| panic!("no warning about the empty statement:\n{report}"));
    assert!(line.starts_with("warning"), "{line}");
    assert!(line.contains("content/site.yaml"), "{line}");
    assert!(site.exists("deklaracja-dostepnosci/index.html"));

    // Partly compliant with nothing listed, and a review overdue since 31 March.
    let site = site_with(
        "accessibility:
  statement:
    published: 2024-03-01
    status: partial
    prepared: 2024-03-04
    reviewed: 2025-12-01
    contact: { name: Jan Kowalski, email: a@example.org, phone: 22 555 01 17 }
    architecture:
      - Wejście z podjazdem.
",
    )
    .pin_clock("2026-11-30");
    let out = site.run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only:\n{}",
        stderr(&out)
    );
    let report = stderr(&out);
    for (line, field, text) in [
        (13, "accessibility.statement.status", "lists nothing"),
        (
            15,
            "accessibility.statement.reviewed",
            "last reviewed on 2025-12-01; the yearly review was due by 2026-03-31",
        ),
    ] {
        let located = format!("content/site.yaml:{line}:");
        assert!(
            report.lines().any(|l| l.starts_with("warning")
                && l.contains(&located)
                && l.contains(text)
                && l.contains(field)),
            "no warning {text:?} at {located} ({field}):\n{report}"
        );
    }
    // Reviewed before the end of March of this year: nothing overdue.
    let out = site.run_at(Some("2026-03-31"), &["check"]);
    assert!(!stderr(&out).contains("yearly review"), "{}", stderr(&out));
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
