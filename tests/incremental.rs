//! The preview's patched builds: when a watcher reports exactly which files changed and they
//! are posts or pages edited without changing the site's structure, the builder reads only
//! those and patches its model (`Builder::changed`). Whatever path a build takes, the preview
//! folder must end up byte for byte as a full build of the same files from scratch.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::*;
use tablica::build::{self, BuildOptions, BuildReport, Builder};

/// A site with every kind of page a post edit can touch: several list pages, tags, a
/// category, a project, years, an event, a bundle with photos and a document, a static page.
fn site() -> TestSite {
    let site = TestSite::new(); // two posts per page
    site.project(
        "aktywni",
        "title: Aktywni razem\nstatus: ongoing\nstart: 2025-01-01",
        "Projekt.",
    );
    for (n, date) in ["2026-10-01", "2026-09-01", "2026-08-01", "2025-12-01"]
        .into_iter()
        .enumerate()
    {
        let body = format!("Pierwszy akapit wpisu {n}.\n\nDrugi akapit.");
        numbered_post(&site, n, &format!("title: Wpis {n}\ndate: {date}"), &body);
    }
    site.post(
        "warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-09-15\ntags: [seniorzy]\nevent:\n  start: 2099-12-05 10:00\n  place: Klub Seniora",
        // A removed address is a warning: the builds must report the same warnings.
        "Zapraszamy na warsztaty. [Zapisy](javascript:alert(1)).",
    );
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn rodzinny\ndate: 2026-06-01\ntags: [wolontariat]\ncover: { src: a.jpg, alt: Dzieci przy stole z farbami }\ngallery:\n  - { src: b.jpg, alt: Stoisko z ciastami }\n---\nRegulamin: [zasady](zasady.pdf).\n",
    );
    site.write_bytes("content/posts/festyn/a.jpg", &gradient_jpeg(640, 480, 1));
    site.write_bytes("content/posts/festyn/b.jpg", &gradient_jpeg(640, 480, 2));
    site.write_bytes("content/posts/festyn/zasady.pdf", &vec![b'%'; 10_000]);
    site.page("o-nas", "title: O nas", "Jesteśmy ośrodkiem pomocy.");
    site
}

/// Writes the post `wpis-<n>` with `front_matter` and the tags, category and project `site()`
/// gives it.
fn numbered_post(site: &TestSite, n: usize, front_matter: &str, body: &str) {
    site.post(
        &format!("wpis-{n}"),
        &format!(
            "{front_matter}\ntags: [seniorzy, wolontariat]\ncategory: Komunikaty\nproject: aktywni"
        ),
        body,
    );
}

/// A site with a preview builder that has built it once, in place into `<root>/preview`.
struct Preview {
    site: TestSite,
    builder: Builder,
    dir: PathBuf,
}

impl Preview {
    fn start() -> Self {
        let site = site();
        let (mut builder, dir) = site.in_place_builder();
        builder.build().expect("first build");
        Preview { site, builder, dir }
    }

    /// Tells the builder that `files` changed (as the watcher does), builds, and checks that
    /// the build was patched or not as `patched` says and that the preview equals a full build
    /// from scratch.
    fn rebuild(&mut self, files: &[&str], patched: bool) {
        let paths: Vec<PathBuf> = files.iter().map(|f| self.site.root().join(f)).collect();
        self.builder.changed(&paths);
        let report = self.builder.build().expect("rebuild");
        assert_eq!(report.patched, patched, "patched after changing {files:?}");
        let what = format!("after changing {files:?}");
        let full = self.assert_same_as_full_build(&what);
        assert_eq!(
            report.warnings.0, full.warnings.0,
            "{what}: the same warnings"
        );
    }

    /// Builds the site from scratch into another folder, checks that the preview holds the
    /// same files, and returns that build's report.
    fn assert_same_as_full_build(&self, what: &str) -> BuildReport {
        let full_dir = self.site.root().join("full");
        let options = BuildOptions {
            output: Some(full_dir.clone()),
            ..BuildOptions::new(self.site.root())
        };
        let report = build::build(&options).expect("full build");
        let (got, want) = (snapshot(&self.dir), snapshot(&full_dir));
        let differing: BTreeSet<&PathBuf> = want
            .keys()
            .chain(got.keys())
            .filter(|p| got.get(*p) != want.get(*p))
            .collect();
        assert!(
            differing.is_empty(),
            "{what}: the preview differs from a full build in {differing:?}"
        );
        report
    }

    /// Asserts that the preview's file `rel` holds `text`.
    fn assert_shows(&self, rel: &str, text: &str) {
        let html =
            std::fs::read_to_string(self.dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert!(html.contains(text), "{rel} should show {text:?}");
    }
}

#[test]
fn a_first_preview_build_equals_a_full_build() {
    let full = Preview::start().assert_same_as_full_build("after the first build");
    // The removed address; advice about site.yaml (its empty statement) is not counted here.
    let about_content = full
        .warnings
        .0
        .iter()
        .filter(|d| !d.file.ends_with("site.yaml"))
        .count();
    assert_eq!(about_content, 1, "{:?}", full.warnings);
}

#[test]
fn an_edited_text_is_patched_into_the_post_and_every_list_showing_it() {
    let mut preview = Preview::start();
    let body = "Poprawiony pierwszy akapit.\n\nDrugi akapit.";
    numbered_post(&preview.site, 2, "title: Wpis 2\ndate: 2026-08-01", body);
    preview.rebuild(&["content/posts/wpis-2.md"], true);
    for page in [
        "aktualnosci/wpis-2/index.html",
        "aktualnosci/strona/2/index.html",
        "projekty/aktywni/index.html",
    ] {
        preview.assert_shows(page, "Poprawiony pierwszy");
    }
    let index = snapshot(&preview.dir.join("szukaj"));
    assert!(
        index
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("\"popraw")),
        "the search index has the new words"
    );
}

#[test]
fn every_kind_of_edit_leaves_the_preview_as_a_full_build_would() {
    let mut preview = Preview::start();
    let site = &preview.site;
    let wpis_0 = "content/posts/wpis-0.md";
    let wpis_1 = "content/posts/wpis-1.md";
    let festyn = "content/posts/festyn/index.md";
    let warsztaty = "content/posts/warsztaty.md";

    // Patched: edits that show only on the document's page and the lists showing it.
    let first = "title: Wpis 1\ndate: 2026-09-01";
    numbered_post(
        site,
        1,
        &format!("{first}\nsummary: Krótko."),
        "Nowy tekst.",
    );
    preview.rebuild(&[wpis_1], true);
    let extra = "\nupdated: 2026-11-02\nauthor: Anna Nowak";
    numbered_post(&preview.site, 1, &format!("{first}{extra}"), "Nowy tekst.");
    preview.rebuild(&[wpis_1], true);
    preview.site.write(
        festyn,
        "---\ntitle: Festyn rodzinny\ndate: 2026-06-01\ntags: [wolontariat]\ncover: { src: b.jpg, alt: Stoisko z ciastami }\ngallery:\n  - { src: a.jpg, alt: Dzieci malują farbami }\n  - { src: b.jpg, alt: Stoisko z ciastami }\n---\nNowy regulamin: [zasady](zasady.pdf).\n",
    );
    preview.rebuild(&[festyn], true);
    preview.site.post(
        "warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-09-15\ntags: [seniorzy]\nevent:\n  start: 2099-12-06 12:00\n  place: Świetlica",
        "Przenieśliśmy warsztaty.",
    );
    preview.rebuild(&[warsztaty], true);
    let site = &preview.site;
    site.page(
        "o-nas",
        "title: O nas",
        "Jesteśmy ośrodkiem pomocy społecznej.",
    );
    numbered_post(site, 1, first, "Dwa pliki naraz.");
    preview.rebuild(&[wpis_1, "content/pages/o-nas.md"], true);

    // Built again: what changes the site's structure, or what a post alone cannot tell.
    let body = "Pierwszy akapit wpisu 0.";
    numbered_post(
        &preview.site,
        0,
        "title: Wpis zerowy\ndate: 2026-10-01",
        body,
    );
    preview.rebuild(&[wpis_0], false);
    numbered_post(
        &preview.site,
        0,
        "title: Wpis zerowy\ndate: 2026-07-01",
        body,
    );
    preview.rebuild(&[wpis_0], false);
    let retagged = "title: Wpis 1\ndate: 2026-09-01\ntags: [seniorzy]\ncategory: Komunikaty";
    preview
        .site
        .post("wpis-1", retagged, "Inne tagi, bez projektu.");
    preview.rebuild(&[wpis_1], false);
    preview
        .site
        .post("nowy", "title: Nowy wpis\ndate: 2026-11-01", "Nowy.");
    preview.rebuild(&["content/posts/nowy.md"], false);
    std::fs::remove_file(preview.site.root().join("content/posts/nowy.md")).expect("rm");
    preview.rebuild(&["content/posts/nowy.md"], false);
    preview.site.project(
        "aktywni",
        "title: Aktywni razem\nstatus: ongoing\nstart: 2025-01-01",
        "Nowy opis projektu.",
    );
    preview.rebuild(&["content/projects/aktywni.md"], false);
    let photo = "content/posts/festyn/a.jpg";
    preview.site.write_bytes(photo, &gradient_jpeg(480, 640, 3));
    preview.rebuild(&[photo], false);
    let attachment = "content/posts/festyn/zasady.pdf";
    std::fs::remove_file(preview.site.root().join(attachment)).expect("rm");
    preview.site.write(
        festyn,
        "---\ntitle: Festyn rodzinny\ndate: 2026-06-01\ntags: [wolontariat]\n---\nBez regulaminu.\n",
    );
    preview.rebuild(&[attachment, festyn], false);
    let style = "themes/default/static/css/dodatki.css";
    preview.site.write(style, "body { margin: 0 }");
    preview.rebuild(&[style], false);
    std::fs::remove_file(preview.site.root().join(style)).expect("rm");
    preview.rebuild(&[style], false);
    let fewer_per_page = SITE_YAML.replace("posts_per_page: 2", "posts_per_page: 3");
    preview.site.write("content/site.yaml", &fewer_per_page);
    preview.rebuild(&["content/site.yaml"], false);
    preview.site.post(
        "warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-09-15\ntags: [seniorzy]\ndraft: true",
        "Jeszcze nie.",
    );
    preview.rebuild(&[warsztaty], false);

    // Patched again on the structure built last.
    preview
        .site
        .post("wpis-1", retagged, "I znowu tylko tekst.");
    preview.rebuild(&[wpis_1], true);
}

#[test]
fn after_a_failed_build_the_mended_post_is_built_again_in_full() {
    let mut preview = Preview::start();
    let before = snapshot(&preview.dir);
    let bad = "title: Wpis 0\ndate: 2026-13-45";
    numbered_post(&preview.site, 0, bad, "Zła data.");
    let path = preview.site.root().join("content/posts/wpis-0.md");
    preview.builder.changed(&[path]);
    let err = preview.builder.build().expect_err("a bad date fails");
    assert!(err.to_string().contains("1 error"), "{err}");
    assert_eq!(
        snapshot(&preview.dir),
        before,
        "the preview keeps its pages"
    );

    let good = "title: Wpis 0\ndate: 2026-10-01";
    numbered_post(&preview.site, 0, good, "Naprawione.");
    preview.rebuild(&["content/posts/wpis-0.md"], false);
    preview.assert_shows("aktualnosci/wpis-0/index.html", "Naprawione");
}

#[test]
fn a_build_without_reported_changes_looks_at_every_file() {
    let mut preview = Preview::start();
    let fm = "title: Wpis 3\ndate: 2025-12-01";
    numbered_post(&preview.site, 3, fm, "Zmieniony bez zgłoszenia.");
    let report = preview.builder.build().expect("rebuild");
    assert!(!report.patched);
    preview.assert_shows("aktualnosci/wpis-3/index.html", "Zmieniony bez");
}

#[test]
fn photos_placed_by_a_build_that_then_fails_are_removed_later() {
    let mut preview = Preview::start();
    // A theme's post template that fails on posts asking for it.
    let template = "themes/default/templates/post.html";
    preview.site.write(
        template,
        "{% extends \"base.html\" %}{% block content %}{% if page.post.extra.zepsuj %}{{ nie_ma.tego }}{% endif %}{{ page.post.content | safe }}{% endblock content %}",
    );
    preview.rebuild(&[template], false);

    let festyn = "content/posts/festyn/index.md";
    let photo = "content/posts/festyn/c.jpg";
    preview
        .site
        .write_bytes(photo, &gradient_jpeg(640, 480, 4))
        .write(
            festyn,
            "---\ntitle: Festyn rodzinny\ndate: 2026-06-01\ntags: [wolontariat]\nextra: { zepsuj: true }\ngallery:\n  - { src: c.jpg, alt: Taniec na placu }\n---\nTekst.\n",
        );
    let paths = [photo, festyn].map(|f| preview.site.root().join(f));
    preview.builder.changed(&paths);
    let err = preview.builder.build().expect_err("the template fails");
    assert!(err.to_string().contains("post.html"), "{err}");
    let copies = |p: &Preview| {
        snapshot(&p.dir.join("aktualnosci/festyn"))
            .into_keys()
            .filter(|f| f.to_string_lossy().starts_with("c-"))
            .count()
    };
    assert!(copies(&preview) > 0, "the failed build placed the photo");

    preview.site.write(
        festyn,
        "---\ntitle: Festyn rodzinny\ndate: 2026-06-01\ntags: [wolontariat]\n---\nTekst.\n",
    );
    preview.rebuild(&[festyn], false);
    assert_eq!(copies(&preview), 0, "its copies are gone");
}
