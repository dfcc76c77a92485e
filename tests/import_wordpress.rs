//! `tablica import wordpress`: a WordPress export becomes a site that builds once the photos
//! the import could not describe are described, and nothing of an existing site is overwritten.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{gradient_jpeg, snapshot, stderr, stdout, TestSite};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress/mops.xml")
}

/// A folder with a copy of `wp-content/uploads` holding the fixture's photos but one, and a
/// PDF; the import goes into `site/`.
fn workspace() -> TestSite {
    let work = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    for (i, photo) in [
        "2024/06/scena.jpg",
        "2024/06/loteria.jpg",
        "2024/06/IMG_2041.jpg",
        "2024/05/park.jpg",
    ]
    .iter()
    .enumerate()
    {
        work.write_bytes(
            &format!("uploads/{photo}"),
            &gradient_jpeg(320, 240, i as u8),
        );
    }
    work.write("uploads/2024/06/regulamin.pdf", "%PDF-1.4");
    work
}

fn import(work: &TestSite, extra: &[&str]) -> std::process::Output {
    let export = fixture();
    let mut args = vec!["import", "wordpress", export.to_str().expect("UTF-8 path")];
    args.extend_from_slice(extra);
    work.run(&args)
}

fn read(work: &TestSite, rel: &str) -> String {
    fs::read_to_string(work.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn an_export_becomes_a_site_that_builds_once_the_photos_are_described() {
    let work = workspace();
    let out = import(&work, &["--uploads", "uploads", "--into", "site"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("imported: 5 posts (3 drafts among them), 5 pages, 4 photos"),
        "{report}"
    );
    // What was left out, and why.
    for expected in [
        "1 menu entry (nav_menu_item)",
        "1 revision (revision)",
        "\"Lista dyżurów\" (no. 24): protected by a password",
        "\"Stary wpis\" (no. 25): in WordPress's bin",
    ] {
        assert!(report.contains(expected), "{expected} in\n{report}");
    }
    // What needs a person, per post.
    for expected in [
        "content/posts/2024-06-15-festyn-rodzinny/index.md",
        "photo scena.jpg has no description",
        "photo img-2041.jpg has no description",
        "photo 2024/06/zaginione.jpg is not in the uploads folder",
        "regulamin.pdf is not a photo and was not copied",
        "the shortcode [contact-form-7] is left in the text",
        "the block latest-posts is made by WordPress",
        "<iframe> was removed",
        "<table> is kept as HTML",
        "it was private: kept as a draft",
        "it was to be published on 2030-12-01",
    ] {
        assert!(report.contains(expected), "{expected} in\n{report}");
    }
    assert_eq!(
        read(&work, "site/wordpress-import-report.txt"),
        report[..report
            .find("\nthe report is also in")
            .expect("the closing lines")]
    );
    for leftover in ["dyzury", "stary", "nav_menu"] {
        assert!(!report.contains(&format!("posts/{leftover}")), "{report}");
    }

    // The post: its fields, its text in Markdown, its photos beside it.
    let festyn = read(
        &work,
        "site/content/posts/2024-06-15-festyn-rodzinny/index.md",
    );
    for expected in [
        "title: \"Festyn rodzinny w parku\"\nslug: festyn-rodzinny\ndate: 2024-06-15 12:30\n",
        "author: \"Anna Nowak\"",
        "category: \"Wydarzenia\"",
        "tags: [\"festyn\", \"Rodzina\"]",
        "summary: \"Ponad 200 osób na festynie.\"",
        "cover: { src: \"park.jpg\", alt: \"Park miejski z lotu ptaka\" }",
        "  - { src: \"loteria.jpg\", alt: \"Dzieci losują nagrody z kosza\", caption: \"Losowanie nagród\" }",
        "  - { src: \"img-2041.jpg\", alt: \"TODO-ALT",
        "\naliases: [\"/2024/06/festyn-rodzinny/\"]\n",
        "W sobotę w parku miejskim spotkało się ponad **200 osób**.",
        "![TODO-ALT describe what the photo scena.jpg shows](scena.jpg)\n\n*Scena z występami dzieci*",
        "## Podziękowania\n\nDziękujemy [wolontariuszom](/o-nas/).",
        "[Plakat festynu](https://mops.przykladowo.pl/wp-content/uploads/2024/06/zaginione.jpg)",
    ] {
        assert!(festyn.contains(expected), "{expected} in\n{festyn}");
    }
    for photo in ["park.jpg", "loteria.jpg", "img-2041.jpg", "scena.jpg"] {
        assert!(
            work.root()
                .join("site/content/posts/2024-06-15-festyn-rodzinny")
                .join(photo)
                .is_file(),
            "{photo}"
        );
    }
    assert!(!festyn.contains("gallery ids"), "{festyn}");
    let kasa = read(&work, "site/content/posts/2024-09-20-godziny-kasy.md");
    assert!(
        kasa.contains("<th>Dzień</th>") && !kasa.contains("onclick"),
        "{kasa}"
    );
    assert!(!kasa.contains("iframe") && !kasa.contains("wp:"), "{kasa}");
    for draft in [
        "2024-10-02-szkic-ogloszenia-o-naborze",
        "2024-10-03-notatka",
        "2030-12-01-wigilia",
    ] {
        let text = read(&work, &format!("site/content/posts/{draft}.md"));
        assert!(text.contains("\ndraft: true\n"), "{text}");
    }

    // The pages keep their tree and their order.
    for page in [
        "pomoc/index.md",
        "pomoc/asystent.md",
        "pomoc/zasilki/index.md",
        "pomoc/zasilki/celowy.md",
        "o-nas.md",
    ] {
        assert!(
            work.root().join("site/content/pages").join(page).is_file(),
            "{page}"
        );
    }
    let zasilki = read(&work, "site/content/pages/pomoc/zasilki/index.md");
    assert!(zasilki.contains("weight: 2\n"), "{zasilki}");
    assert!(zasilki.contains("- stały\n- okresowy\n"), "{zasilki}");
    let settings = read(&work, "site/content/site.yaml");
    assert!(
        settings.contains("title: \"MOPS w Przykładowie\""),
        "{settings}"
    );
    assert!(
        settings.contains("base_url: https://mops.przykladowo.pl/"),
        "{settings}"
    );
    assert!(
        settings.contains("{ title: \"Pomoc\", url: \"/pomoc/\" }"),
        "{settings}"
    );

    // The build refuses the placeholders, and nothing else, until each photo is described.
    let post = work
        .root()
        .join("site/content/posts/2024-06-15-festyn-rodzinny/index.md");
    let errors_now = || {
        let errors = common::content_errors(&work.run(&["build", "--root", "site"]));
        let lines: Vec<String> = errors
            .lines()
            .filter(|l| l.starts_with("error:"))
            .map(String::from)
            .collect();
        lines
    };
    let errors = errors_now();
    assert!(!errors.is_empty());
    assert!(
        errors
            .iter()
            .all(|l| l.contains("scena.jpg") || l.contains("img-2041.jpg")),
        "{errors:?}"
    );
    let text_described = festyn.replace(
        "TODO-ALT describe what the photo scena.jpg shows",
        "Dzieci tańczą na scenie",
    );
    fs::write(&post, &text_described).expect("write");
    assert_eq!(
        errors_now(),
        [
            "error: content/posts/2024-06-15-festyn-rodzinny/index.md:12: field `gallery[1].alt`: \
          the alt text is still the placeholder the import wrote: \
          \"TODO-ALT describe what the photo img-2041.jpg shows\" (photo `img-2041.jpg`)"
        ]
    );
    let described = text_described.replace(
        "TODO-ALT describe what the photo img-2041.jpg shows",
        "Kolejka do stoiska z grochówką",
    );
    fs::write(&post, described).expect("write");
    let out = work.run(&["build", "--root", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public =
        |rel: &str| fs::read_to_string(work.root().join("site/public").join(rel)).expect(rel);
    let post = public("aktualnosci/festyn-rodzinny/index.html");
    assert!(post.contains("Dziękujemy"), "{post}");
    assert!(post.contains("Kolejka do stoiska z grochówką"), "{post}");
    // The photo of the text is shown in it, through the photo pipeline.
    assert!(post.contains("alt=\"Dzieci tańczą na scenie\""), "{post}");
    assert!(public("kategorie/wydarzenia/index.html").contains("Festyn rodzinny w parku"));
    assert!(public("tagi/rodzina/index.html").contains("Festyn rodzinny w parku"));
    assert!(public("pomoc/index.html").contains("Jak możemy pomóc."));
    // The tree: sections, their pages by weight (Asystent rodziny, 1, before Zasiłki, 2).
    let pomoc = public("pomoc/index.html");
    let (asystent, zasilki) = (pomoc.find("Asystent rodziny"), pomoc.find("Zasiłki"));
    assert!(asystent.is_some() && asystent < zasilki, "{pomoc}");
    assert!(public("pomoc/zasilki/celowy/index.html").contains("Wniosek składa się w pokoju 12."));
    // The old address leads to the new one.
    let redirect = public("2024/06/festyn-rodzinny/index.html");
    assert!(
        redirect.contains("/aktualnosci/festyn-rodzinny/"),
        "{redirect}"
    );
    assert!(public("o-nas/index.html").contains("Ośrodek działa od 1990 roku."));
    assert!(!work.root().join("site/public/aktualnosci/notatka").exists());
}

#[test]
fn an_existing_site_is_never_overwritten() {
    let work = workspace();
    assert!(import(&work, &["--into", "site"]).status.success());
    let before = snapshot(&work.root().join("site"));
    let out = import(&work, &["--uploads", "uploads", "--into", "site"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the import would overwrite 11 files of the site, so nothing was written"),
        "{err}"
    );
    assert!(err.contains("site/content/pages/o-nas.md"), "{err}");
    assert!(err.contains("hint: import into an empty folder"), "{err}");
    assert_eq!(snapshot(&work.root().join("site")), before);

    // A folder that is neither a site nor empty is refused as a whole.
    work.write("other/notes.txt", "moje notatki");
    let out = import(&work, &["--into", "other"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("other is neither a tablica site nor an empty folder"));
    assert_eq!(
        fs::read_dir(work.root().join("other"))
            .expect("dir")
            .count(),
        1
    );
}

/// A folder of the site that is a symbolic link (here `content/posts`, pointing out of the
/// site) would take the import's files elsewhere: refused, in Polish, before anything is written.
#[cfg(unix)]
#[test]
fn a_folder_of_the_site_linked_elsewhere_is_never_written_through() {
    let work = workspace();
    work.write("site/content/site.yaml", common::SITE_YAML);
    fs::create_dir(work.root().join("elsewhere")).expect("mkdir");
    std::os::unix::fs::symlink(
        work.root().join("elsewhere"),
        work.root().join("site/content/posts"),
    )
    .expect("symlink");
    let before = snapshot(&work.root().join("site"));
    let export = fixture();
    let out = work
        .command(&[
            "import",
            "wordpress",
            export.to_str().expect("UTF-8"),
            "--uploads",
            "uploads",
            "--into",
            "site",
        ])
        .env("TABLICA_LANG", "pl")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("site/content/posts jest dowiązaniem symbolicznym: import zapisuje tylko we własnych folderach strony, więc niczego nie zapisano"),
        "{err}"
    );
    assert!(err.contains("zastąp dowiązanie zwykłym folderem"), "{err}");
    assert_eq!(
        fs::read_dir(work.root().join("elsewhere"))
            .expect("dir")
            .count(),
        0,
        "nothing written through the link"
    );
    assert_eq!(snapshot(&work.root().join("site")), before);
}

/// The export is read as every file of a site: a link is not followed.
#[cfg(unix)]
#[test]
fn an_export_that_is_a_link_is_refused() {
    let work = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    std::os::unix::fs::symlink(fixture(), work.root().join("eksport.xml")).expect("symlink");
    let out = work.run(&["import", "wordpress", "eksport.xml", "--into", "site"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cannot read the export eksport.xml: "),
        "{err}"
    );
    assert!(err.contains("symbolic link"), "{err}");
    assert!(!work.root().join("site").exists());
}

#[test]
fn a_broken_export_is_reported_with_its_line_in_polish() {
    let work = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    work.write("eksport.xml", "<rss>\n<channel>\n<item>\n</rss>\n");
    let out = work
        .command(&["import", "wordpress", "eksport.xml", "--into", "strona"])
        .env("TABLICA_LANG", "pl")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("eksport.xml:4: plik eksportu nie jest poprawnym XML-em"),
        "{err}"
    );
    assert!(err.contains("pobierz eksport ponownie"), "{err}");
    assert!(!work.root().join("strona").exists());
}

/// WordPress's theme unit test data (186 items with every odd case themes are tested
/// against). It is not in this repository (it carries no licence), so the test reads it from
/// `TABLICA_WP_THEME_TEST_DATA` or the shared fixtures beside the checkout. Without it the
/// test is skipped with a note, unless `TABLICA_REQUIRE_SHARED_FIXTURES=1` (set by
/// tests/run-all.sh when it finds the fixtures) makes that a failure.
#[test]
fn the_theme_unit_test_data_imports_and_builds() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("TABLICA_WP_THEME_TEST_DATA").map(PathBuf::from),
        Some(here.join("../shared/fixtures/wordpress/themeunittestdata.wordpress.xml")),
        Some(here.join("../../shared/fixtures/wordpress/themeunittestdata.wordpress.xml")),
    ];
    let Some(export) = candidates.iter().flatten().find(|p| p.is_file()).cloned() else {
        let tried: Vec<String> = candidates
            .iter()
            .flatten()
            .map(|p| p.display().to_string())
            .collect();
        assert!(
            std::env::var("TABLICA_REQUIRE_SHARED_FIXTURES").as_deref() != Ok("1"),
            "TABLICA_REQUIRE_SHARED_FIXTURES=1 but the theme unit test data is not at any of: {}",
            tried.join(", ")
        );
        eprintln!("skipped: the theme unit test data is not here (set TABLICA_WP_THEME_TEST_DATA)");
        return;
    };
    let work = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    let out = work.run(&[
        "import",
        "wordpress",
        export.to_str().expect("UTF-8"),
        "--into",
        "site",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("imported: 57 posts (2 drafts among them), 21 pages, 0 photos"),
        "{report}"
    );
    assert!(
        report.contains("70 menu entries (nav_menu_item)"),
        "{report}"
    );
    assert!(report.contains("37 media files of the library"), "{report}");
    assert!(
        report.contains("(no. 1168): protected by a password"),
        "{report}"
    );
    // 57 + 21 + 70 + 37 + 1 = all 186 items accounted for.
    let out = work.run(&["build", "--root", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public =
        |rel: &str| fs::read_to_string(work.root().join("site/public").join(rel)).expect(rel);
    let post = public("aktualnosci/markup-html-tags-and-formatting/index.html");
    assert!(post.contains("Headings"), "{post}");
    assert!(public("tagi/markup/index.html").contains("Markup: HTML Tags and Formatting"));
    assert!(public("kategorie/classic/index.html").contains("Markup: Image Alignment"));
    for page in [
        "level-1/index.md",
        "level-1/level-2/index.md",
        "level-1/level-2/level-3.md",
        "about/page-image-alignment.md",
        "greek/epipedo-2/epipedo-3.md",
    ] {
        assert!(
            work.root().join("site/content/pages").join(page).is_file(),
            "{page}"
        );
    }
    assert!(public("about/index.html").contains("Theme Unit Test"));
    assert!(public("level-1/level-2/level-3/index.html").contains("Level 3"));
    let redirect = public("2013/01/11/markup-html-tags-and-formatting/index.html");
    assert!(
        redirect.contains("/aktualnosci/markup-html-tags-and-formatting/"),
        "{redirect}"
    );
}
