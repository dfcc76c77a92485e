//! `publish:` and `expires:` end to end, on a pinned clock (`TABLICA_NOW`): a scheduled text is
//! nowhere until its time, an expired one leaves every list but keeps its page, marked
//! archival; `check` lists both; and `build --preview` shows everything, marked as a preview.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// Before the scheduled post's time (5 December 2026, 08:00, Warsaw).
const BEFORE: &str = "2026-12-05 07:59";
/// From the scheduled post's time on.
const AFTER: &str = "2026-12-05 08:00";

/// A current post, one scheduled for 5 December 08:00, one that expired at the end of
/// 30 November (with an event), a page that expired, and a project scheduled for 2027 that a
/// current post names.
fn scheduled_site() -> TestSite {
    let site = TestSite::new();
    site.post(
        "biezacy",
        "title: Dyżur w sprawie dodatku osłonowego\ndate: 2026-11-20\ntags: [dyżury]\nproject: nowy-projekt",
        "Tekst bieżący.",
    )
    .post(
        "zaplanowany",
        "title: Ferie zimowe w świetlicy\ndate: 2026-12-05\npublish: 2026-12-05 08:00\ntags: [dzieci]",
        "Zapisy na ferie otwieramy rano.",
    )
    .post(
        "wygasly",
        "title: Nabór do programu Opieka 75+\ndate: 2026-10-01\nexpires: 2026-11-30\ntags: [nabory]\nevent:\n  start: 2026-11-15 10:00",
        "Nabór trwa do końca listopada.",
    )
    .page(
        "stary-cennik",
        "title: Cennik usług opiekuńczych 2026\nexpires: 2026-11-30 23:59",
        "Cennik na rok 2026.",
    )
    .project(
        "nowy-projekt",
        "title: Nowy projekt\nstatus: planned\npublish: 2027-01-01",
        "Opis.",
    );
    site
}

fn sitemap_and_feeds(site: &TestSite) -> String {
    [
        "sitemap.xml",
        "atom.xml",
        "aktualnosci/index.html",
        "index.html",
    ]
    .iter()
    .map(|f| site.read(f))
    .chain(search_index(site))
    .collect()
}

/// Every file of the search index, as text.
fn search_index(site: &TestSite) -> Vec<String> {
    let dir = site.public().join("szukaj");
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("a search file");
        if entry.file_type().is_file() {
            texts.push(fs::read_to_string(entry.path()).expect("text"));
        }
    }
    assert!(!texts.is_empty(), "no search index");
    texts
}

/// `tablica <args>` at `now`, with messages in the site's language (Polish).
fn in_polish(site: &TestSite, now: &str, args: &[&str]) -> std::process::Output {
    (site.command(args).env("TABLICA_NOW", now))
        .env_remove("TABLICA_LANG")
        .output()
        .expect("run tablica")
}

#[test]
fn a_scheduled_post_is_nowhere_until_its_minute() {
    let site = scheduled_site();
    site.build_at(BEFORE);
    assert!(!site.exists("aktualnosci/zaplanowany/index.html"));
    assert!(!site.exists("tagi/dzieci/index.html"));
    let everywhere = sitemap_and_feeds(&site);
    assert!(!everywhere.contains("Ferie zimowe"), "{everywhere}");
    assert!(!everywhere.contains("zaplanowany"));
    // The current post names a project scheduled for 2027: no error, and no link to it.
    assert!(!site.exists("projekty/nowy-projekt/index.html"));
    assert!(!site
        .read("aktualnosci/biezacy/index.html")
        .contains("projekty/nowy-projekt"));

    site.build_at(AFTER);
    let page = site.read("aktualnosci/zaplanowany/index.html");
    assert!(page.contains("Zapisy na ferie"));
    assert!(!page.contains("noindex"), "a published post is indexed");
    assert!(site.exists("tagi/dzieci/index.html"));
    let everywhere = sitemap_and_feeds(&site);
    assert!(everywhere.contains("Ferie zimowe"));
    assert!(site
        .read("sitemap.xml")
        .contains("https://mops.example.org/aktualnosci/zaplanowany/"));
}

#[test]
fn an_expired_text_keeps_its_page_marked_archival_and_leaves_every_list() {
    let site = scheduled_site();
    // Still current on its last day.
    site.build_at("2026-11-30 20:00");
    assert!(site.read("atom.xml").contains("Opieka 75+"));
    assert!(site.read("sitemap.xml").contains("stary-cennik"));

    site.build_at("2026-12-01 00:00");
    let page = site.read("aktualnosci/wygasly/index.html");
    assert!(page.contains("Nabór trwa do końca listopada."));
    assert!(page.contains("<strong>Informacja archiwalna.</strong> Ta informacja była aktualna do <time datetime=\"2026-11-30\">30 listopada 2026</time>."), "{page}");
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(!page.contains(r#"rel="canonical""#));
    // On no list, so it links to none: no tags, no neighbours.
    assert!(!page.contains("tagi/nabory"));
    assert!(!page.contains("post-nav"));
    let expired_page = site.read("stary-cennik/index.html");
    assert!(expired_page.contains("Informacja archiwalna."));

    let everywhere = sitemap_and_feeds(&site);
    assert!(!everywhere.contains("Opieka 75+"), "{everywhere}");
    assert!(!everywhere.contains("Cennik usług"));
    assert!(!everywhere.contains("wygasly"));
    assert!(!site.exists("tagi/nabory/index.html"));
    assert!(!site.read("wydarzenia/index.html").contains("Opieka 75+"));
    assert!(!site.read("wydarzenia/kalendarz.ics").contains("Opieka 75+"));
    // The page's own "add to calendar" file stays, as its page links to it.
    assert!(site.exists("aktualnosci/wygasly/wygasly.ics"));
    // The current post's neighbours are current posts only.
    assert!(!site
        .read("aktualnosci/biezacy/index.html")
        .contains("wygasly"));
}

#[test]
fn check_lists_what_is_scheduled_and_what_expired() {
    let site = scheduled_site();
    let out = site.run_at(Some("2026-12-01 12:00"), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("scheduled: content/posts/zaplanowany.md „Ferie zimowe w świetlicy” appears on the site on 5 December 2026, 08:00"),
        "{text}"
    );
    assert!(text.contains("scheduled: content/projects/nowy-projekt.md „Nowy projekt” appears on the site on 1 January 2027"));
    assert!(text.contains("expired: content/posts/wygasly.md „Nabór do programu Opieka 75+” was current until 30 November 2026;"));
    assert!(text.contains("expired: content/pages/stary-cennik.md „Cennik usług opiekuńczych 2026” was current until 30 November 2026, 23:59;"));

    let text = stdout(&in_polish(&site, "2026-12-01 12:00", &["check"]));
    assert!(
        text.contains("zaplanowane: content/posts/zaplanowany.md „Ferie zimowe w świetlicy” pojawi się na stronie 5 grudnia 2026, 08:00"),
        "{text}"
    );
    assert!(text.contains("wygasłe: content/posts/wygasly.md „Nabór do programu Opieka 75+” było aktualne do 30 listopada 2026;"));
}

#[test]
fn wrong_times_are_errors_naming_file_line_and_field_in_polish() {
    let site = TestSite::new();
    site.post(
        "zly",
        "title: Zły termin\ndate: 2026-11-20\npublish: 5.12.2026\n",
        "Tekst.",
    )
    .post(
        "odwrotny",
        "title: Odwrotnie\ndate: 2026-11-20\npublish: 2026-12-05\nexpires: 2026-12-01",
        "Tekst.",
    );
    let errors = content_errors(&in_polish(&site, BEFORE, &["build"]));
    assert!(
        errors.contains("content/posts/zly.md:4: pole `publish`:"),
        "{errors}"
    );
    assert!(
        errors.contains("`2026-12-05`"),
        "the hint corrects the date: {errors}"
    );
    assert!(
        errors.contains("content/posts/odwrotny.md:5: pole `expires`: `expires:` nie jest późniejsze niż `publish:`"),
        "{errors}"
    );
    assert!(!site.public().exists(), "nothing is written");
}

/// A scheduled text's address and project are checked now: the build that would publish it,
/// unattended at dawn, must not be the first to fail.
#[test]
fn a_scheduled_text_is_checked_before_its_time() {
    let site = TestSite::new();
    site.post("dyzur", "title: Dyżur\ndate: 2026-11-20", "Tekst.")
        .post(
            "dyzur-grudzien",
            "title: Dyżur w grudniu\ndate: 2026-12-05\nslug: dyzur\npublish: 2026-12-05 08:00",
            "Tekst.",
        )
        .post(
            "ferie",
            "title: Ferie\ndate: 2026-12-05\nproject: feire\npublish: 2026-12-05 08:00",
            "Tekst.",
        )
        .project("ferie", "title: Ferie\nstatus: planned", "Opis.");
    let errors = content_errors(&site.run_at(Some(BEFORE), &["build"]));
    assert!(
        errors.contains("field `slug`: another post already has the address `dyzur`"),
        "{errors}"
    );
    assert!(
        errors.contains("content/posts/ferie.md:4: field `project`:"),
        "{errors}"
    );
    assert!(
        errors.contains("`ferie`"),
        "the hint names the close project: {errors}"
    );
}

#[test]
fn a_preview_shows_drafts_and_scheduled_texts_marked_and_hidden_from_search_engines() {
    let site = scheduled_site();
    site.post(
        "szkic",
        "title: Szkic wpisu o Wigilii\ndate: 2026-11-25\ndraft: true",
        "Szkic.",
    );
    let out = site.run_at(Some(BEFORE), &["build", "--preview"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let scheduled = site.read("aktualnosci/zaplanowany/index.html");
    assert!(
        scheduled.contains("<strong>Zaplanowane.</strong> Ten tekst pojawi się na stronie <time datetime=\"2026-12-05T08:00:00\">5 grudnia 2026, 08:00</time>."),
        "{scheduled}"
    );
    assert!(site.exists("aktualnosci/szkic/index.html"));
    assert!(site.exists("projekty/nowy-projekt/index.html"));
    assert!(site.read("index.html").contains("Ferie zimowe"));
    for entry in walkdir::WalkDir::new(site.public()) {
        let entry = entry.expect("an output file");
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = fs::read_to_string(entry.path()).expect("html");
            let file = entry.path().display();
            assert!(
                html.contains(r#"<meta name="robots" content="noindex">"#),
                "{file}"
            );
            assert!(
                html.contains(r#"<strong class="preview-banner__word">PODGLĄD</strong>"#),
                "{file}"
            );
        }
    }
    assert!(site
        .read("robots.txt")
        .ends_with("\nUser-agent: *\nDisallow: /\n"));

    // The same site built for real has neither, and the draft is gone.
    site.build_at(BEFORE);
    assert!(!site.read("index.html").contains("preview-banner"));
    assert!(!site.read("index.html").contains("noindex"));
    assert!(site.read("robots.txt").contains("Allow: /"));
    assert!(!site.exists("aktualnosci/szkic/index.html"));
}

#[test]
fn an_english_preview_says_preview() {
    let site = TestSite::with_config(&format!("{SITE_YAML}language: en\n"));
    site.post("a", "title: A\ndate: 2026-11-20", "Text.");
    let out = site.run_at(Some(BEFORE), &["build", "--preview"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let home = site.read("index.html");
    assert!(home.contains(r#"<div class="preview-banner" role="region" aria-label="PREVIEW">"#));
    assert!(home.contains("This is a version for the team to check"));
}

/// A site with a draft and two folder targets: `podglad` for previews, `zywa` for the site.
/// Returns the site, the folder holding the targets, and the targets' folders.
fn preview_and_live() -> (TestSite, tempfile::TempDir, PathBuf, PathBuf) {
    let targets = tempfile::tempdir().expect("temp dir");
    let (preview, live) = (targets.path().join("podglad"), targets.path().join("zywa"));
    fs::create_dir(&preview).expect("preview folder");
    fs::create_dir(&live).expect("live folder");
    let site = TestSite::with_config(&format!(
        "{SITE_YAML}deploy:\n  podglad:\n    type: folder\n    path: {}\n    preview: true\n  zywa:\n    type: folder\n    path: {}\n",
        preview.display(),
        live.display()
    ))
    .pin_clock(BEFORE);
    site.post("biezacy", "title: Bieżący\ndate: 2026-11-20", "Tekst.")
        .post(
            "szkic",
            "title: Szkic\ndate: 2026-11-25\ndraft: true",
            "Szkic.",
        );
    (site, targets, preview, live)
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_preview_target_gets_the_preview_and_the_live_one_the_site() {
    let (site, _targets, preview, live) = preview_and_live();
    let out = site.run(&["deploy", "podglad"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&preview, "index.html").contains("preview-banner"));
    assert!(preview.join("aktualnosci/szkic/index.html").is_file());
    assert!(read(&preview, "robots.txt").ends_with("\nUser-agent: *\nDisallow: /\n"));
    assert!(!site.public().exists(), "public/ stays the published site");

    let out = site.run(&["deploy", "zywa"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!read(&live, "index.html").contains("preview-banner"));
    assert!(!live.join("aktualnosci/szkic/index.html").exists());
    assert!(read(&live, "robots.txt").contains("Allow: /"));
}

/// `--no-build` sends what `tablica build` wrote (`public/`), never the preview deploy built
/// earlier in its own folder, and refuses a build of the wrong kind: a preview (drafts, hidden
/// from search engines) is never published as the site, nor the site sent as the preview.
#[test]
fn deploy_without_building_sends_the_build_of_the_targets_kind_only() {
    let (site, _targets, preview, live) = preview_and_live();
    site.build_ok();
    let out = site.run(&["deploy", "podglad", "--no-build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("holds the site itself, not a preview build, and `podglad` is for previews"),
        "{err}"
    );
    assert!(
        err.contains("`tablica deploy podglad` without `--no-build`"),
        "{err}"
    );
    assert_eq!(
        fs::read_dir(&preview).expect("preview").count(),
        0,
        "nothing sent"
    );
    let out = site.run(&["deploy", "zywa", "--no-build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!live.join("aktualnosci/szkic/index.html").exists());

    // A preview deployed (built in tablica's own folder), then a new post and a preview built
    // into public/: `--no-build` sends that one, with the new post.
    let out = site.run(&["deploy", "podglad"]);
    assert!(out.status.success(), "{}", stderr(&out));
    site.post("nowy", "title: Nowy\ndate: 2026-11-30", "Tekst.");
    let out = site.run(&["build", "--preview"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = site.run(&["deploy", "podglad", "--no-build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(preview.join("aktualnosci/nowy/index.html").is_file());
    assert!(read(&preview, "index.html").contains("preview-banner"));

    let live_before = common::snapshot(&live);
    let out = site.run(&["deploy", "zywa", "--no-build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("holds a preview build (drafts, scheduled texts, hidden from search engines), and `zywa` publishes the site"),
        "{err}"
    );
    assert_eq!(
        common::snapshot(&live),
        live_before,
        "the live site untouched"
    );
}

#[test]
fn a_site_whose_own_robots_txt_turns_search_engines_away_is_still_deployed_as_the_site() {
    let (site, _targets, _preview, live) = preview_and_live();
    // A site not open yet: its theme's robots.txt forbids everything, as a preview's does.
    site.write(
        "themes/default/templates/robots.txt",
        "User-agent: *\nDisallow: /\n",
    );
    let out = site.run(&["deploy", "zywa"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(&live, "robots.txt"), "User-agent: *\nDisallow: /\n");
}

/// `serve` patches the last build's model when only a post's text changed; once a `publish:`
/// time has passed, it must build the model again, or the scheduled post would stay missing
/// until another file changed. (The only test here that sets `TABLICA_NOW` in this process: the
/// others give it to the `tablica` they run.)
#[test]
fn the_preview_server_builds_anew_once_a_publish_time_has_passed() {
    let site = scheduled_site();
    let (mut builder, dir) = site.in_place_builder();
    std::env::set_var("TABLICA_NOW", BEFORE);
    builder.build().expect("first build");
    assert!(!dir.join("aktualnosci/zaplanowany/index.html").exists());

    // An edit that keeps the site's structure: patched, on the same day.
    site.post(
        "biezacy",
        "title: Dyżur w sprawie dodatku osłonowego\ndate: 2026-11-20\ntags: [dyżury]\nproject: nowy-projekt",
        "Tekst poprawiony.",
    );
    builder.changed(&[site.root().join("content/posts/biezacy.md")]);
    let report = builder.build().expect("patched build");
    assert!(report.patched, "an edit of the text alone is patched");

    // The same edit after 08:00: the whole model, with the post now published.
    site.post(
        "biezacy",
        "title: Dyżur w sprawie dodatku osłonowego\ndate: 2026-11-20\ntags: [dyżury]\nproject: nowy-projekt",
        "Tekst poprawiony jeszcze raz.",
    );
    builder.changed(&[site.root().join("content/posts/biezacy.md")]);
    std::env::set_var("TABLICA_NOW", AFTER);
    let report = builder.build().expect("build after the publish time");
    std::env::remove_var("TABLICA_NOW");
    assert!(!report.patched, "the model is built again");
    assert!(dir.join("aktualnosci/zaplanowany/index.html").is_file());
    let home = fs::read_to_string(dir.join("index.html")).expect("home page");
    assert!(home.contains("Ferie zimowe"), "{home}");
}
