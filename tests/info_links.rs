//! The links the special-needs act asks for (ETR, PJM, a text file) and the BIP, in the header of
//! every page from `accessible_info:` in site.yaml, each with its drawn symbol and a visible
//! abbreviation that is part of its name; wrong addresses are refused naming the field.

mod common;

use common::{assert_rejected, built_site, texts, TestSite, SITE_YAML};

const LINKS: &str = "accessible_info:\n  easy_read: /etr/\n  sign_language: /pjm/\n  text: /etr/informacje.txt\n  bip: https://mops.bip.example.org/\n";

#[test]
fn every_page_has_the_four_links_in_the_header() {
    let site = TestSite::with_config(&format!("{SITE_YAML}{LINKS}"));
    site.post("wpis", "title: Wpis\ndate: 2026-01-01", "Tekst.")
        .page("etr", "title: Tekst łatwy do czytania", "Proste zdania.")
        .page("pjm", "title: Język migowy", "Film.");
    site.build_ok();
    for page in [
        "index.html",
        "aktualnosci/wpis/index.html",
        "etr/index.html",
        "404.html",
        "prywatnosc/index.html",
    ] {
        let html = site.read(page);
        let header =
            &html[html.find("<header").expect("header")..html.find("</header>").expect("end")];
        let start = header
            .find(r#"<nav class="info-links" aria-label="Informacje dostępne">"#)
            .unwrap_or_else(|| panic!("{page}: the links"));
        let nav = &header[start..start + header[start..].find("</nav>").expect("its end")];
        let names = texts(nav, "a");
        assert_eq!(
            names,
            [
                "Tekst łatwy do czytania ETR",
                "Informacje w polskim języku migowym PJM",
                "Informacje w pliku tekstowym TXT",
                "Biuletyn Informacji Publicznej BIP"
            ],
            "{page}"
        );
        for href in [
            "/etr/",
            "/pjm/",
            "/etr/informacje.txt",
            "https://mops.bip.example.org/",
        ] {
            assert!(
                nav.contains(&format!(r#"href="{href}"><svg class="info-links__icon""#)),
                "{page}: {href}"
            );
        }
        assert_eq!(
            nav.matches(r#"aria-hidden="true""#).count(),
            4,
            "the symbols are hidden from screen readers"
        );
    }
}

#[test]
fn without_settings_there_are_no_links_and_a_sub_path_site_gets_its_prefix() {
    let site = TestSite::new();
    site.post("wpis", "title: Wpis\ndate: 2026-01-01", "Tekst.");
    site.build_ok();
    assert!(!site.read("index.html").contains("info-links"));

    let site = TestSite::with_config(&format!(
        "{}accessible_info:\n  easy_read: /etr/\n",
        SITE_YAML.replace("https://mops.example.org/", "https://example.gov.pl/mops/")
    ));
    site.build_ok();
    assert!(site
        .read("index.html")
        .contains(r#"href="/mops/etr/"><svg"#));
}

#[test]
fn a_link_that_is_not_a_web_address_is_refused() {
    let site = built_site();
    site.write(
        "content/site.yaml",
        &format!(
            "{SITE_YAML}accessible_info:\n  easy_read: /etr/\n  bip: \"javascript:alert(1)\"\n"
        ),
    );
    assert_rejected(&site, &["content/site.yaml:12: field `accessible_info.bip`: `javascript:alert(1)` is not a web address"]);
}
