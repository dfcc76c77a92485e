//! Every file tablica reads is a regular file, never a link or a FIFO, and what a rejected
//! file holds never reaches the terminal (issue 20, item 2 and its siblings in items 5 and 8).

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{stderr, stdout, TestSite};

const SECRET: &str = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

/// A site whose post `festyn` has a folder gallery `zdjecia` with one photo.
fn gallery_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn\ndate: 2026-06-01\ngallery: { dir: zdjecia }\n---\nTekst.\n",
    );
    let img = image::RgbImage::from_pixel(64, 32, image::Rgb([200, 30, 30]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
        .encode_image(&img)
        .expect("encode");
    site.write_bytes("content/posts/festyn/zdjecia/1.jpg", &jpeg);
    site
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// Runs `tablica <args>` in the site, killing it if it has not finished after a minute (a
/// read blocked on a FIFO never finishes); returns (exit code, stdout + stderr).
fn run_bounded(site: &TestSite, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tablica"))
        .args(args)
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .env("TABLICA_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tablica");
    for _ in 0..600 {
        if child.try_wait().expect("wait").is_some() {
            let out = child.wait_with_output().expect("output");
            return (
                out.status.code(),
                format!("{}{}", stdout(&out), stderr(&out)),
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("tablica {args:?} hung");
}

#[test]
fn a_symlinked_alt_yaml_is_not_read_and_its_target_never_shown() {
    let site = gallery_site();
    let secret = tempfile::tempdir().expect("tempdir");
    let env = secret.path().join(".env");
    std::fs::write(&env, format!("{SECRET}\n")).expect("write");
    std::os::unix::fs::symlink(
        &env,
        site.root().join("content/posts/festyn/zdjecia/alt.yaml"),
    )
    .expect("symlink");
    for command in ["build", "check"] {
        let (code, said) = run_bounded(&site, &[command]);
        assert_eq!(code, Some(1), "{command}: {said}");
        assert!(
            !said.contains("wJalrXUtnFEMI"),
            "{command} printed the secret:\n{said}"
        );
        assert!(said.contains("zdjecia/alt.yaml"), "{said}");
        assert!(said.contains("symbolic links are not followed"), "{said}");
    }
}

#[test]
fn a_fifo_alt_yaml_does_not_hang_and_is_reported() {
    let site = gallery_site();
    mkfifo(&site.root().join("content/posts/festyn/zdjecia/alt.yaml"));
    for command in ["build", "check"] {
        let (code, said) = run_bounded(&site, &[command]);
        assert_eq!(code, Some(1), "{command}: {said}");
        assert!(said.contains("zdjecia/alt.yaml"), "{said}");
        assert!(said.contains("named pipe (FIFO)"), "{said}");
    }
}

#[test]
fn a_fifo_markdown_file_is_reported() {
    let site = TestSite::new();
    site.post(
        "2026-11-24-warsztaty",
        "title: Warsztaty\ndate: 2026-11-24",
        "Treść.",
    );
    mkfifo(&site.root().join("content/posts/kolejka.md"));
    let (code, said) = run_bounded(&site, &["build"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("content/posts/kolejka.md"), "{said}");
    assert!(said.contains("not a regular file"), "{said}");
}

#[test]
fn a_symlinked_site_yaml_is_refused() {
    let site = TestSite::new();
    let secret = tempfile::tempdir().expect("tempdir");
    let env = secret.path().join("site.yaml");
    std::fs::write(&env, format!("title: {SECRET}\n")).expect("write");
    std::fs::remove_file(site.root().join("content/site.yaml")).expect("rm");
    std::os::unix::fs::symlink(&env, site.root().join("content/site.yaml")).expect("symlink");
    let (code, said) = run_bounded(&site, &["build"]);
    assert_ne!(code, Some(0), "{said}");
    assert!(!said.contains("wJalrXUtnFEMI"), "{said}");
    assert!(said.contains("symbolic links are not followed"), "{said}");
}

#[test]
fn yaml_type_errors_do_not_echo_the_value() {
    let site = gallery_site();
    // A list where text is expected, and text where a list is expected.
    site.write(
        "content/posts/festyn/zdjecia/alt.yaml",
        &format!("1.jpg: [\"{SECRET}\"]\n"),
    );
    site.post(
        "2026-11-24-warsztaty",
        &format!("title: Warsztaty\ndate: 2026-11-24\ntags: {SECRET}"),
        "Treść.",
    );
    let said = site.build_err();
    assert!(!said.contains("wJalrXUtnFEMI"), "{said}");
    assert!(said.contains("zdjecia/alt.yaml"), "{said}");
    assert!(
        said.contains("2026-11-24-warsztaty.md:4"),
        "line of `tags:`: {said}"
    );
    assert!(said.contains("invalid type: text"), "{said}");
}

#[test]
fn deeply_nested_yaml_is_refused_at_the_limit() {
    let site = TestSite::new();
    let deep = format!("extra: {}", "[".repeat(100_000));
    site.post(
        "2026-11-24-gleboko",
        &format!("title: Głęboko\ndate: 2026-11-24\n{deep}"),
        "x",
    );
    let said = site.build_err();
    assert!(said.contains("2026-11-24-gleboko.md"), "{said}");
    assert!(
        said.contains("nested too deeply") && said.contains("128 levels"),
        "{said}"
    );
}

#[test]
fn too_long_slugs_and_tags_are_content_errors_with_their_line() {
    let site = TestSite::new();
    let long = "bardzo-dluga-nazwa-".repeat(20);
    site.post(
        "2026-11-24-slug",
        &format!("title: Slug\ndate: 2026-11-24\nslug: {}x", long),
        "x",
    );
    site.post(
        "2026-11-24-tag",
        &format!(
            "title: Tag\ndate: 2026-11-24\ntags: [zwykly, {}]",
            long.replace('-', " ")
        ),
        "x",
    );
    let said = site.build_err();
    assert!(said.contains("2026-11-24-slug.md:4"), "{said}");
    assert!(said.contains("2026-11-24-tag.md:4"), "{said}");
    assert!(
        said.contains("too long") && said.contains("at most 200"),
        "{said}"
    );
    assert!(!said.contains("tablica-tmp"), "no staging path: {said}");
}

#[test]
fn windows_device_names_are_not_published() {
    let site = TestSite::new();
    site.page("con", "title: Kontakt", "Telefon.");
    site.post("2026-11-24-aux", "title: Aux\ndate: 2026-11-24", "x");
    site.post(
        "2026-11-25-spotkanie",
        "title: Spotkanie\ndate: 2026-11-25\ntags: [Nul]",
        "x",
    );
    let said = site.build_err();
    assert!(said.contains("content/pages/con.md"), "{said}");
    assert!(
        said.contains("`con` is a device name Windows reserves"),
        "{said}"
    );
    assert!(said.contains("`aux`"), "{said}");
    assert!(
        said.contains("2026-11-25-spotkanie.md:4: field `tags`: `Nul`"),
        "{said}"
    );
    assert!(said.contains("slug: kontakt"), "hint: {said}");
    assert!(!site.root().join("public").exists());
}
