//! The site's own look from site.yaml (`brand:`): a colour that fails 4.5:1 against the
//! theme's white is refused with the nearest colour that passes; a passing one becomes a
//! stylesheet file (the Content-Security-Policy forbids inline style), named by its hash; the
//! logo and favicon are published as re-encoded PNG.

mod common;

use common::{assert_rejected, stderr, TestSite, SITE_YAML};

fn png(w: u32, h: u32) -> Vec<u8> {
    common::solid_png(w, h, [200, 30, 30])
}

fn site_with(brand: &str) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}brand:\n{brand}"));
    site.post("wpis", "title: Wpis\ndate: 2026-01-01", "Tekst.");
    site
}

#[test]
fn a_colour_that_fails_contrast_is_refused_with_the_nearest_that_passes() {
    let site = common::built_site();
    let yaml = format!("{SITE_YAML}brand:\n  colour: \"#7fb2e5\"\n");
    site.write("content/site.yaml", &yaml);
    // 2.23:1 and #57799c (4.55:1) checked by hand with the WCAG formula.
    let err = assert_rejected(
        &site,
        &[
            "content/site.yaml:11: field `brand.colour`: the brand colour `#7fb2e5` has too little contrast with white: 2.2:1",
            "hint: the nearest colour that passes is the same colour darkened: write `colour: \"#57799c\"`",
        ],
    );
    assert!(err.contains("at least 4.5:1"), "{err}");
    // The suggestion passes: written in, the site builds.
    site.write("content/site.yaml", &yaml.replace("#7fb2e5", "#57799c"));
    site.build_ok();
}

#[test]
fn the_refusal_is_in_polish_for_a_polish_site() {
    let site = site_with("  colour: \"#ffcc00\"\n");
    let mut command = site.command(&["build"]);
    command.env_remove("TABLICA_LANG");
    let said = stderr(&command.output().expect("run"));
    assert!(
        said.contains("błąd: content/site.yaml:11: pole `brand.colour`: kolor marki `#ffcc00` ma za mały kontrast z bielą: 1,5:1, a tekst wymaga co najmniej 4,5:1"),
        "{said}"
    );
    assert!(said.contains("wskazówka: najbliższy kolor, który spełnia wymóg, to ten sam kolor przyciemniony: wpisz `colour: \"#907300\"`"), "{said}");
}

#[test]
fn a_colour_not_in_hex_form_is_explained() {
    let site = common::built_site();
    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}brand:\n  colour: niebieski\n"),
    );
    assert_rejected(&site, &["content/site.yaml:11: field `brand.colour`: the brand colour is not a colour in the form `#rrggbb`"]);
}

#[test]
fn a_passing_colour_is_a_hashed_stylesheet_linked_on_every_page() {
    let site = site_with("  colour: \"#8a1538\"\n");
    site.build_ok();
    let html = site.read("index.html");
    let href = html
        .split("<link rel=\"stylesheet\" href=\"/assets/css/brand-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a brand stylesheet after the theme's")
        .to_string();
    assert!(
        href.len() == "12345678.css".len() && href.ends_with(".css"),
        "{href}"
    );
    let css = site.read(&format!("assets/css/brand-{href}"));
    assert!(css.contains(":root { --brand: #8a1538; }"), "{css}");
    assert!(html.find("tablica.css").expect("theme") < html.find("brand-").expect("brand"));
    assert!(!html.contains("style="), "no inline style");
    assert!(site
        .read("aktualnosci/wpis/index.html")
        .contains(&format!("brand-{href}")));
    // Another colour, another file name.
    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}brand:\n  colour: \"#005a32\"\n"),
    );
    site.build_ok();
    assert!(!site.read("index.html").contains(&format!("brand-{href}")));
    assert!(
        !site.exists(&format!("assets/css/brand-{href}")),
        "the old file is removed"
    );
}

#[test]
fn the_logo_and_favicon_are_published_as_png_beside_the_sites_name() {
    let site = site_with("  logo: znaki/herb.png\n  favicon: znaki/ikona.png\n");
    site.write_bytes("content/znaki/herb.png", &png(90, 110));
    site.write_bytes("content/znaki/ikona.png", &png(64, 64));
    site.build_ok();
    let html = site.read("index.html");
    assert!(
        html.contains(r#"<a class="site-title" href="/" aria-current="page"><img class="site-title__logo" src="/assets/brand/herb.png" alt="" width="90" height="110">MOPS Testowo</a>"#),
        "{html}"
    );
    assert!(html.contains(r#"<link rel="icon" type="image/png" href="/assets/brand/ikona.png">"#));
    assert!(image::load_from_memory(
        &std::fs::read(site.public().join("assets/brand/herb.png")).expect("logo")
    )
    .is_ok());

    let site = site_with("  logo: ../poza.png\n");
    let out = site.run(&["build"]);
    let said = common::content_errors(&out);
    assert!(
        said.contains("field `brand.logo`: `../poza.png` is not a file under content/"),
        "{said}"
    );
}
