//! Photos in the text: `![Plakat festynu](plakat.jpg)` beside `index.md` goes through the photo
//! pipeline like a gallery photo and is shown in the text, linked to its largest copy.

mod common;

use common::*;

/// The bundle `content/posts/festyn/` with `body` as its text and a photo `plakat.jpg` turned
/// on its side (EXIF orientation 6) carrying a GPS position.
fn festyn(body: &str) -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/posts/festyn/index.md",
        &format!("---\ntitle: Festyn\ndate: 2026-06-01\n---\nZapraszamy.\n\n{body}\n"),
    )
    .write_bytes("content/posts/festyn/plakat.jpg", &jpeg(Some(6), true));
    site
}

#[test]
fn a_photo_in_the_text_is_processed_and_linked_to_its_largest_copy() {
    let site = festyn("![Plakat festynu rodzinnego](plakat.jpg)");
    site.build_ok();
    let html = site.read("aktualnosci/festyn/index.html");
    let doc = scraper::Html::parse_document(&html);
    let link = scraper::Selector::parse(".prose a.text-photo").expect("selector");
    let link = doc.select(&link).next().unwrap_or_else(|| panic!("{html}"));
    let img = scraper::Selector::parse("img").expect("selector");
    let img = link.select(&img).next().expect("the photo inside its link");
    let attr = |name| img.value().attr(name).unwrap_or_default().to_string();
    assert_eq!(attr("alt"), "Plakat festynu rodzinnego");
    // Upright: the 800×400 photo on its side is 400 wide and 800 high.
    assert_eq!(
        (attr("width"), attr("height")),
        ("400".into(), "800".into())
    );
    assert_eq!(attr("loading"), "lazy");
    let href = link.value().attr("href").expect("href");
    assert!(href.starts_with("/aktualnosci/festyn/plakat-"), "{href}");
    assert_eq!(attr("src"), href, "linked to its largest copy");
    let srcset = attr("srcset");
    assert!(srcset.contains(" 400w"), "{srcset}");
    // Every copy in the output, without metadata; the original not published.
    for copy in srcset.split(", ") {
        let url = copy.split(' ').next().expect("url");
        let bytes = std::fs::read(site.public().join(url.trim_start_matches('/'))).expect(url);
        assert!(!contains(&bytes, b"Exif"), "{url} keeps EXIF");
    }
    assert!(!site.exists("aktualnosci/festyn/plakat.jpg"));

    // WebP copies of the same sizes offered first, through <picture>; no metadata in them.
    let source =
        scraper::Selector::parse(r#"picture > source[type="image/webp"]"#).expect("selector");
    let source = link
        .select(&source)
        .next()
        .unwrap_or_else(|| panic!("{html}"));
    let webp_srcset = source.value().attr("srcset").expect("srcset");
    assert_eq!(
        webp_srcset.replace(".webp", ".jpg"),
        srcset,
        "the same copies as WebP"
    );
    for (url, bytes) in webp_copies(&site, webp_srcset) {
        assert!(
            !contains(&bytes, b"EXIF") && !contains(&bytes, b"Exif"),
            "{url}"
        );
        let decoded = image::load_from_memory(&bytes).expect("a WebP the image crate reads");
        assert_eq!(
            (decoded.width(), decoded.height()),
            (400, 800),
            "{url} upright"
        );
    }
    assert!(!html.contains('\u{FFFC}'), "no marker left");

    // The feed carries the photo with an absolute address.
    let feed = site.read("atom.xml");
    assert!(
        feed.contains("src=&quot;https://mops.example.org/aktualnosci/festyn/plakat-"),
        "{feed}"
    );

    // Cached: a second build encodes nothing.
    let out = site.run(&["build", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(site.read("aktualnosci/festyn/index.html"), html);
}

#[test]
fn a_path_below_the_documents_own_address_is_its_photo() {
    let site = festyn("![Plakat festynu rodzinnego](/aktualnosci/festyn/plakat.jpg)");
    site.build_ok();
    let html = site.read("aktualnosci/festyn/index.html");
    assert!(
        html.contains(r#"<a class="text-photo" href="/aktualnosci/festyn/plakat-"#),
        "{html}"
    );
}

#[test]
fn another_path_on_the_site_is_kept_with_a_warning_naming_file_and_line() {
    let site = festyn("Tekst.\n\n![Logo ośrodka](/assets/img/logo.png)");
    let out = site.build_ok();
    let err = stderr(&out);
    assert!(
        err.contains("warning: content/posts/festyn/index.md:9: the image `/assets/img/logo.png` is not a photo beside this document"),
        "{err}"
    );
    assert!(err.contains("![Plakat festynu](plakat.jpg)"), "{err}");
    let html = site.read("aktualnosci/festyn/index.html");
    assert!(html.contains(r#"<img src="/assets/img/logo.png" alt="Logo ośrodka">"#));
}

#[test]
fn a_missing_photo_a_heic_photo_and_a_file_name_as_alt_are_errors_with_file_and_line() {
    let site = festyn(
        "![Plakat](brak.jpg)\n\n![Plakat festynu](zdjecie.heic)\n\n![IMG_1234.jpg](plakat.jpg)",
    );
    site.write_bytes("content/posts/festyn/zdjecie.heic", b"\0\0\0\x18ftypheic");
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/posts/festyn/index.md:7: the photo `brak.jpg` does not exist"),
        "{err}"
    );
    assert!(
        err.contains("content/posts/festyn/index.md:9: `zdjecie.heic` is an HEIC photo"),
        "{err}"
    );
    assert!(err.contains("Most Compatible"), "{err}");
    assert!(
        err.contains("content/posts/festyn/index.md:11: the alt text is a file name: \"IMG_1234.jpg\" (photo `plakat.jpg`)"),
        "{err}"
    );
}

/// The photos of the text are found as those of the front matter are: a path out of the post's
/// folder and a link to a file outside the site are named as such (not as missing), with file
/// and line, in the site's language.
#[cfg(unix)]
#[test]
fn a_photo_out_of_the_posts_folder_or_linked_outside_the_site_is_named_as_such() {
    let site = festyn("![Plakat](../inny/plakat.jpg)\n\n![Mapa dojazdu do ośrodka](mapa.jpg)");
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("mapa.jpg"), jpeg(None, false)).expect("write");
    std::os::unix::fs::symlink(
        outside.path().join("mapa.jpg"),
        site.root().join("content/posts/festyn/mapa.jpg"),
    )
    .expect("symlink");
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/posts/festyn/index.md:7: the photo path `../inny/plakat.jpg` leads out of the document's folder"),
        "{err}"
    );
    assert!(
        err.contains("content/posts/festyn/index.md:9: the photo `mapa.jpg` is a link to a file outside the site"),
        "{err}"
    );
    assert!(err.contains("instead of linking to it"), "{err}");
    let mut command = site.command(&["build"]);
    command.env("TABLICA_LANG", "pl");
    let err = stderr(&command.output().expect("run"));
    assert!(
        err.contains("content/posts/festyn/index.md:7: ścieżka zdjęcia `../inny/plakat.jpg` wychodzi poza folder dokumentu"),
        "{err}"
    );
    assert!(
        err.contains("content/posts/festyn/index.md:9: zdjęcie `mapa.jpg` jest dowiązaniem do pliku spoza strony"),
        "{err}"
    );
    assert!(
        !site.exists("aktualnosci/festyn/index.html"),
        "nothing built"
    );
}

/// The import's placeholder in place of an alt text is refused once, by the photo's own
/// message naming the import, not a second time as an image without alt text.
#[test]
fn the_imports_alt_placeholder_on_a_text_photo_is_reported_once() {
    let site = festyn("![TODO-ALT opisz, co widać na zdjęciu plakat.jpg](plakat.jpg)");
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/posts/festyn/index.md:7: the alt text is still the placeholder the import wrote"),
        "{err}"
    );
    assert_eq!(count(&err, "index.md:7:"), 1, "{err}");
}

#[test]
fn the_heic_way_out_is_in_polish_for_polish_clerks() {
    let site = festyn("![Plakat festynu](zdjecie.heic)");
    let mut command = site.command(&["build"]);
    command.env("TABLICA_LANG", "pl");
    let out = command.output().expect("run");
    let err = stderr(&out);
    assert!(err.contains("to zdjęcie HEIC (format iPhone'a)"), "{err}");
    assert!(
        err.contains("Ustawienia → Aparat → Formaty → Najbardziej zgodny"),
        "{err}"
    );
}

#[test]
fn a_photo_in_the_text_of_a_single_file_post_needs_a_bundle() {
    let site = TestSite::new();
    site.post(
        "festyn",
        "title: Festyn\ndate: 2026-06-01",
        "![Plakat festynu](plakat.jpg)",
    );
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains(
            "content/posts/festyn.md:5: the photo in the text `plakat.jpg` needs a page bundle"
        ),
        "{err}"
    );
    assert!(err.contains("move `x.md` to `x/index.md`"), "{err}");
}

#[test]
fn a_heic_photo_in_the_gallery_is_refused_with_the_same_way_out() {
    let site = TestSite::new();
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn\ndate: 2026-06-01\ngallery:\n  - { src: IMG_0001.HEIC, alt: Plakat festynu }\n---\nTekst.\n",
    )
    .write_bytes("content/posts/festyn/IMG_0001.HEIC", b"\0\0\0\x18ftypheic");
    let err = content_errors(&site.run(&["build"]));
    assert!(
        err.contains("content/posts/festyn/index.md:5: field `gallery[0].src`: `IMG_0001.HEIC` is an HEIC photo"),
        "{err}"
    );
}
