//! `tablica build` with nothing changed since the last build stops early and leaves the output
//! alone; any change to what the output is made from builds again.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::*;

const UP_TO_DATE: &str = "up to date: nothing changed since the last build";

/// The "now" of these tests' builds: two builds on the real clock either side of midnight
/// in Warsaw would see two days, and the second would build again.
const NOW: &str = "2026-11-27 12:00";

fn site() -> TestSite {
    let site = TestSite::new().pin_clock(NOW);
    site.post(
        "2026-11-24-warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-11-24\ntags: [seniorzy]",
        "Pierwszy akapit.\n\n[kliknij tutaj](https://example.org/)",
    )
    .post(
        "2026-11-20-spotkanie",
        "title: Spotkanie\ndate: 2026-11-20",
        "Tekst.",
    );
    site
}

/// Builds and tells whether the build was skipped as up to date.
fn skipped(site: &TestSite, args: &[&str]) -> bool {
    let out = site.run(&[&["build"], args].concat());
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(UP_TO_DATE) != text.contains("built:"),
        "exactly one of built/up to date:\n{text}"
    );
    text.contains(UP_TO_DATE)
}

/// (inode, modification time in ns) of an output file: a rewritten file has other ones.
fn identity(path: &Path) -> (u64, i128) {
    let meta = fs::metadata(path).expect("output file");
    (
        meta.ino(),
        i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
    )
}

#[test]
fn a_second_build_with_nothing_changed_writes_nothing_and_repeats_the_warnings() {
    let site = site();
    let first = site.build_ok();
    assert!(stdout(&first).contains("built:"));
    assert!(
        stderr(&first).contains("kliknij tutaj"),
        "{}",
        stderr(&first)
    );
    let index = site.public().join("index.html");
    let before = identity(&index);
    let files = snapshot(&site.public());

    let second = site.build_ok();
    assert!(stdout(&second).contains(UP_TO_DATE), "{}", stdout(&second));
    assert!(stdout(&second).contains("2 posts"), "{}", stdout(&second));
    assert_eq!(stderr(&first), stderr(&second), "the same warnings again");
    assert_eq!(identity(&index), before, "index.html not rewritten");
    assert_same_files(&site.public(), &files, "up-to-date build");

    // --quiet prints only the warnings; --force builds.
    let quiet = site.run(&["build", "--quiet"]);
    assert!(stdout(&quiet).is_empty() && stderr(&quiet).contains("kliknij tutaj"));
    assert!(!skipped(&site, &["--force"]));
    assert_ne!(identity(&index), before, "--force rewrites");
    assert!(skipped(&site, &[]), "--force records its build too");
}

/// What changed, and the change.
type Change<'a> = (&'a str, Box<dyn Fn() + 'a>);

#[test]
fn every_kind_of_change_builds_again() {
    let site = site();
    site.build_ok();
    let post = site.root().join("content/posts/2026-11-20-spotkanie.md");
    let changes: Vec<Change> = vec![
        (
            "a post edited",
            Box::new(|| {
                let text = fs::read_to_string(&post).unwrap() + "\nDopisek.\n";
                fs::write(&post, text).unwrap();
            }),
        ),
        (
            "a post added",
            Box::new(|| {
                site.post("nowy", "title: Nowy wpis\ndate: 2026-11-25", "Nowość.");
            }),
        ),
        (
            "a post removed",
            Box::new(|| fs::remove_file(site.root().join("content/posts/nowy.md")).unwrap()),
        ),
        (
            "a photo or attachment added to content",
            Box::new(|| {
                site.write("content/posts/regulamin.txt", "Regulamin.");
            }),
        ),
        (
            "site.yaml changed",
            Box::new(|| {
                site.write(
                    "content/site.yaml",
                    &SITE_YAML.replace("Testowo", "Testowo Nowe"),
                );
            }),
        ),
        (
            "a theme file overridden",
            Box::new(|| {
                site.write("themes/default/static/css/extra.css", "p { margin: 0 }");
            }),
        ),
        (
            "an output file deleted by hand",
            Box::new(|| fs::remove_file(site.public().join("index.html")).unwrap()),
        ),
        (
            "an output file edited by hand",
            Box::new(|| fs::write(site.public().join("404.html"), "zepsute").unwrap()),
        ),
        (
            "the output folder deleted",
            Box::new(|| fs::remove_dir_all(site.public()).unwrap()),
        ),
    ];
    for (what, change) in changes {
        assert!(skipped(&site, &[]), "before {what}: nothing changed");
        change();
        assert!(!skipped(&site, &[]), "{what}: must build again");
    }
    assert!(site.read("index.html").contains("Testowo Nowe"));
    assert!(!site.read("404.html").contains("zepsute"));
    assert!(site.exists("assets/css/extra.css"));
}

#[test]
fn other_options_or_another_day_build_again() {
    let site = site();
    site.post(
        "szkic",
        "title: Szkic\ndate: 2026-11-21\ndraft: true",
        "Jeszcze nie.",
    );
    site.build_at("2026-11-25 10:00");
    let at = |now: &str| stdout(&site.build_at(now)).contains(UP_TO_DATE);
    assert!(at("2026-11-25 10:00"), "the same time");
    assert!(
        !at("2026-11-26 10:00"),
        "another day: upcoming events may differ"
    );
    // The real clock is never on 26 November 2026 again: its day is another day.
    let on_the_clock = site.run_at(None, &["build"]);
    assert!(on_the_clock.status.success(), "{}", stderr(&on_the_clock));
    assert!(
        stdout(&on_the_clock).contains("built:"),
        "the clock's day, not TABLICA_NOW's:\n{}",
        stdout(&on_the_clock)
    );
    assert!(!skipped(&site, &[]), "back to the pinned day");
    assert!(skipped(&site, &[]));
    assert!(!skipped(&site, &["--drafts"]), "drafts included");
    assert!(skipped(&site, &["--drafts"]), "the same options again");
    assert!(site.exists("aktualnosci/szkic/index.html"));
    assert!(!skipped(&site, &[]), "drafts left out again");
    assert!(!site.exists("aktualnosci/szkic/index.html"));
    assert!(
        !skipped(&site, &["--output", "other"]),
        "another output folder"
    );
    assert!(!skipped(&site, &[]), "the record is of the last build only");
}

#[test]
fn a_failed_build_is_not_recorded() {
    let site = site();
    site.build_ok();
    let good = snapshot(&site.public());
    site.post("zepsuty", "title: [niedomknięty", "Tekst.");
    site.build_err();
    site.build_err();
    fs::remove_file(site.root().join("content/posts/zepsuty.md")).unwrap();
    // Back to the inputs of the last good build, whose output is still in place.
    assert!(skipped(&site, &[]));
    assert_same_files(&site.public(), &good, "after failed builds");
}
