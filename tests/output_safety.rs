//! `build --output` never deletes what tablica did not write (issue 20, item 1).

mod common;

use common::{snapshot, stderr, TestSite};

/// The text of `rel` (relative to the site root).
fn text(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).expect("read")
}

fn exists(site: &TestSite, rel: &str) -> bool {
    site.root().join(rel).exists()
}

fn site() -> TestSite {
    let site = TestSite::new();
    site.post(
        "2026-11-24-warsztaty",
        "title: Warsztaty\ndate: 2026-11-24",
        "Treść.",
    );
    site
}

/// `tablica build` with `args`, expecting the output folder to be refused: exit status 3, no
/// file of the site touched. Returns stderr.
fn refused(site: &TestSite, args: &[&str]) -> String {
    let before = snapshot(site.root());
    let out = site.run(&[&["build"], args].concat());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "expected a refusal:\n{err}");
    assert!(err.contains("refusing"), "{err}");
    assert_eq!(
        snapshot(site.root()),
        before,
        "the site's files changed:\n{err}"
    );
    err
}

#[test]
fn the_sites_own_folders_are_refused() {
    let site = site();
    for (output, reason) in [
        ("content", "content/ folder"),
        ("content/posts", "content/ folder"),
        ("themes/default", "themes/ folder"),
        (".redakcja", "inside .redakcja/"),
        (".redakcja/kosz", "inside .redakcja/"),
        (".", "holds the site itself"),
    ] {
        for flags in [&[][..], &["--replace-output"][..]] {
            let err = refused(&site, &[&["--output", output], flags].concat());
            assert!(err.contains(reason), "{output} {flags:?}: {err}");
        }
    }
}

#[test]
fn a_foreign_folder_is_refused_and_the_files_named() {
    let site = site();
    site.write("moje/notatki.txt", "x");
    site.write("moje/zdjecia/lato.jpg", "y");
    let err = refused(&site, &["--output", "moje"]);
    assert!(err.contains("2 files"), "{err}");
    assert!(
        err.contains("notatki.txt") && err.contains("zdjecia/lato.jpg"),
        "{err}"
    );
    assert!(err.contains("--replace-output"), "{err}");
    assert_eq!(text(&site, "moje/notatki.txt"), "x");
}

#[test]
fn many_foreign_files_are_counted_and_a_few_named() {
    let site = site();
    for i in 0..12 {
        site.write(&format!("moje/plik-{i:02}.txt"), "x");
    }
    let err = refused(&site, &["--output", "moje"]);
    assert!(err.contains("12 files"), "{err}");
    assert!(
        err.contains("plik-00.txt") && err.contains("and 7 more"),
        "{err}"
    );
    assert!(!err.contains("plik-11.txt"), "{err}");
}

#[test]
fn a_file_added_to_an_earlier_output_is_not_deleted() {
    let site = site();
    site.build_ok();
    assert!(exists(&site, "public/.tablica-output"));
    site.write("public/moj-plik.txt", "mój");
    let err = refused(&site, &["--force"]);
    assert!(
        err.contains("1 file") && err.contains("moj-plik.txt"),
        "{err}"
    );
    assert_eq!(text(&site, "public/moj-plik.txt"), "mój");
}

#[test]
fn an_earlier_output_is_replaced() {
    let site = site();
    site.build_ok();
    site.post("2026-11-25-nowy", "title: Nowy\ndate: 2026-11-25", "Nowy.");
    site.build_ok();
    assert!(exists(&site, "public/aktualnosci/nowy/index.html"));
    // Into another folder too, twice.
    for _ in 0..2 {
        let out = site.run(&["build", "--force", "--output", "gdzie-indziej"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(exists(&site, "gdzie-indziej/aktualnosci/nowy/index.html"));
}

#[test]
fn an_output_of_a_version_without_the_list_is_recognised_by_the_last_build() {
    // Versions before `.tablica-output` wrote no list; the last build's record of the folder
    // (its files' names, sizes and times) tells it is tablica's, as long as nobody changed it.
    let site = site();
    site.build_ok();
    std::fs::remove_file(site.root().join("public/.tablica-output")).expect("remove the list");
    site.post("2026-11-25-nowy", "title: Nowy\ndate: 2026-11-25", "Nowy.");
    site.build_ok();
    assert!(exists(&site, "public/aktualnosci/nowy/index.html"));
    assert!(exists(&site, "public/.tablica-output"));

    // Changed by hand after that build: the record no longer matches, the file is kept.
    std::fs::remove_file(site.root().join("public/.tablica-output")).expect("remove the list");
    site.write("public/notatki.txt", "moje");
    site.post(
        "2026-11-26-drugi",
        "title: Drugi\ndate: 2026-11-26",
        "Drugi.",
    );
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tablica did not write"),
        "{}",
        stderr(&out)
    );
    assert!(exists(&site, "public/notatki.txt"));
}

#[test]
fn replace_output_replaces_a_foreign_folder() {
    let site = site();
    site.write("moje/notatki.txt", "x");
    let out = site.run(&["build", "--output", "moje", "--replace-output"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!exists(&site, "moje/notatki.txt"));
    assert!(exists(&site, "moje/index.html"));
    // From now on the folder is tablica's: no flag needed.
    let out = site.run(&["build", "--force", "--output", "moje"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The foreign folder was deleted, not kept for the next build to write over.
    let kept = site.root().join(".tablica-cache/output-spare");
    assert!(!kept.join("notatki.txt").exists());
}

/// A build over the output before last (kept in the site's cache folder, see
/// src/build/output/spare.rs) writes the same files as one into an empty folder: what only
/// the output before last had is gone.
#[test]
fn a_build_over_the_output_before_last_writes_what_a_fresh_build_writes() {
    let make = || {
        let site = site().pin_clock("2026-11-30");
        for (seed, name) in ["zebranie", "galeria"].into_iter().enumerate() {
            let dir = format!("content/posts/2026-11-2{seed}-{name}");
            site.write(
                &format!("{dir}/index.md"),
                &format!("---\ntitle: {name}\ndate: 2026-11-2{seed}\ncover: {{ src: sala.jpg, alt: Sala {name} }}\n---\nTekst.\n"),
            );
            site.write_bytes(
                &format!("{dir}/sala.jpg"),
                &common::gradient_jpeg(64, 48, seed as u8),
            );
        }
        site
    };
    let site = make();
    site.build_ok();
    // The second output, without the meeting; the first is kept as the spare.
    std::fs::remove_dir_all(site.root().join("content/posts/2026-11-20-zebranie"))
        .expect("remove the post");
    site.post("2026-11-25-nowy", "title: Nowy\ndate: 2026-11-25", "Nowy.");
    site.build_ok();
    let spare = site.root().join(".tablica-cache/output-spare");
    assert!(spare.join("aktualnosci/zebranie/index.html").exists());

    // The third is written over the first.
    let out = site.run(&["build", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!exists(&site, "public/aktualnosci/zebranie"));
    assert!(
        spare.join("aktualnosci/nowy/index.html").exists(),
        "the second is the spare"
    );

    let fresh = make();
    std::fs::remove_dir_all(fresh.root().join("content/posts/2026-11-20-zebranie"))
        .expect("remove the post");
    fresh.post("2026-11-25-nowy", "title: Nowy\ndate: 2026-11-25", "Nowy.");
    fresh.build_ok();
    assert_eq!(snapshot(&site.public()), snapshot(&fresh.public()));
}

#[test]
fn an_empty_or_new_folder_is_used() {
    let site = site();
    site.write("pusty/.keep", "");
    std::fs::remove_file(site.root().join("pusty/.keep")).expect("rm");
    for output in ["pusty", "nowy/folder"] {
        let out = site.run(&["build", "--output", output]);
        assert!(out.status.success(), "{output}: {}", stderr(&out));
        assert!(exists(&site, &format!("{output}/index.html")));
    }
}

#[cfg(unix)]
#[test]
fn an_abandoned_looking_folder_without_the_marker_is_kept() {
    // A folder named like a staging folder of a killed build, but not written by tablica.
    let site = site();
    site.write(".public.tablica-tmp-999999999-1/dane.txt", "dane");
    site.build_ok();
    assert_eq!(
        text(&site, ".public.tablica-tmp-999999999-1/dane.txt"),
        "dane"
    );
}

#[test]
fn a_file_as_the_output_is_refused_and_kept() {
    let site = site();
    site.write("notatki.txt", "moje notatki");
    for flags in [&[][..], &["--replace-output"][..]] {
        let err = refused(&site, &[&["--output", "notatki.txt"], flags].concat());
        assert!(err.contains("it is a file, not a folder"), "{err}");
    }
    assert_eq!(text(&site, "notatki.txt"), "moje notatki");
}
