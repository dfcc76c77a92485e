//! The generated privacy notice (`/prywatnosc/`): what site.yaml's `privacy:` gives
//! (administrator, data-protection officer, server logs) and what tablica knows of the site (no
//! cookies, the reading aids' localStorage, films loaded only on request, photo consent),
//! linked in the footer of every page; a `privacy:` block without an officer is a warning.

mod common;

use common::{stderr, texts, TestSite, SITE_YAML};

const PRIVACY: &str = "privacy:\n  data_protection_officer: { name: Marek Zieliński, email: iod@mops.example.org }\n  hosting: Centrum Usług Wspólnych\n  log_retention: 30 dni\n";

fn site(extra: &str) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}{extra}"));
    site.post("wpis", "title: Wpis\ndate: 2026-01-01", "Tekst.");
    site
}

#[test]
fn the_notice_names_controller_officer_logs_and_what_the_browser_keeps() {
    let site = site(&format!("images:\n  require_consent: true\n{PRIVACY}"));
    let out = site.build_ok();
    assert!(!stderr(&out).contains("privacy"), "{}", stderr(&out));
    let html = site.read("prywatnosc/index.html");
    let main = &html[html.find("<main").expect("main")..html.find("</main>").expect("end")];
    assert_eq!(texts(main, "h1"), ["Informacja o prywatności"]);
    assert_eq!(
        texts(main, "h2"),
        [
            "Administrator danych",
            "Inspektor ochrony danych",
            "Dzienniki serwera",
            "Co zapisuje przeglądarka",
            "Filmy",
            "Zdjęcia osób",
            "Twoje prawa"
        ]
    );
    for said in [
        "Administratorem Twoich danych jest Miejski Ośrodek Pomocy Społecznej w Testowie.",
        "Marek Zieliński",
        r#"<a href="mailto:iod@mops.example.org">iod@mops.example.org</a>"#,
        "(prowadzi go Centrum Usług Wspólnych)",
        "adres IP",
        "Dzienniki są przechowywane przez 30 dni.",
        "Strona nie używa plików cookie",
        "(localStorage)",
        "wczytują się dopiero po naciśnięciu przycisku odtwarzania",
        "za zgodą rodzica lub opiekuna",
        "Prezesa Urzędu Ochrony Danych Osobowych",
    ] {
        assert!(main.contains(said), "{said:?} in {main}");
    }
    // Linked in the footer of every page.
    for page in [
        "index.html",
        "aktualnosci/wpis/index.html",
        "prywatnosc/index.html",
    ] {
        assert!(
            site.read(page)
                .contains(r#"<li><a href="/prywatnosc/">Informacja o prywatności</a></li>"#),
            "{page}"
        );
    }
    assert!(site
        .read("sitemap.xml")
        .contains("https://mops.example.org/prywatnosc/"));
}

#[test]
fn without_settings_the_notice_says_what_tablica_knows_and_leaves_out_the_rest() {
    let site = site("");
    let out = site.build_ok();
    assert!(
        !stderr(&out).contains("privacy"),
        "old sites get no new warning"
    );
    let html = site.read("prywatnosc/index.html");
    assert!(html.contains("Strona nie używa plików cookie"));
    assert!(
        !html.contains("Inspektor ochrony danych"),
        "no officer to name"
    );
    assert!(
        !html.contains("Zdjęcia osób"),
        "photos of people are not gated on this site"
    );
    assert!(!html.contains("przechowywane przez"));
}

#[test]
fn a_privacy_block_without_an_officer_is_a_warning_naming_the_field() {
    let site = site("privacy:\n  hosting: X\n");
    let said = stderr(&site.build_ok());
    assert!(
        said.contains("warning: content/site.yaml:10: field `privacy.data_protection_officer`: the privacy notice names no data-protection officer to write to"),
        "{said}"
    );
    assert!(said.contains("GDPR art. 37"), "{said}");
}

#[test]
fn an_english_site_has_its_notice_at_privacy() {
    let site = site("language: en\n");
    site.build_ok();
    let html = site.read("privacy/index.html");
    assert!(html.contains("<h1 class=\"page-title\">Privacy notice</h1>"));
    assert!(site
        .read("index.html")
        .contains(r#"<a href="/privacy/">Privacy notice</a>"#));
}
