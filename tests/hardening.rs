//! Broken and odd input, crashes and full disks: the rows of the robustness matrix
//! (docs/robustness.md) not already covered by tests/errors.rs and tests/photos.rs. Every
//! rejected input gets an error with file, line, field and hint, and the previous `public/`
//! stays byte for byte as it was; tolerated input is built correctly.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

/// A page bundle `content/posts/festyn/` with the given front matter lines, on a built site.
fn bundle(site: &TestSite, front_matter: &str) {
    site.write(
        "content/posts/festyn/index.md",
        &format!("---\ntitle: Festyn\ndate: 2026-06-01\n{front_matter}\n---\nTekst.\n"),
    );
}

#[test]
fn empty_file() {
    let site = built_site();
    site.write("content/posts/pusty.md", "");
    assert_rejected(
        &site,
        &[
            "content/posts/pusty.md:1",
            "the file is empty",
            "delete the file",
        ],
    );
}

#[test]
fn yaml_indented_with_tabs() {
    let site = built_site();
    site.post(
        "taby",
        "title: Taby\ndate: 2026-01-02\ntags:\n\t- zima",
        "Tekst.",
    );
    assert_rejected(
        &site,
        &[
            "content/posts/taby.md:5",
            "invalid front matter",
            "indent with spaces",
        ],
    );
}

#[test]
fn yaml_alias_bomb_ends_quickly() {
    let site = built_site();
    let mut bomb = String::from("title: Bomba\ndate: 2026-01-02\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        bomb.push_str(&format!("\n  a{level}: &a{level} [{refs}]"));
    }
    site.post("bomba", &bomb, "Tekst.");
    let start = Instant::now();
    assert_rejected(
        &site,
        &[
            "content/posts/bomba.md:",
            "too many values",
            "write the values out",
        ],
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn duplicate_keys() {
    let site = built_site();
    site.post("dwa", "title: Raz\ndate: 2026-01-02\ntitle: Dwa", "Tekst.");
    assert_rejected(
        &site,
        &[
            "content/posts/dwa.md:",
            "duplicate",
            "each field may appear only once",
        ],
    );
}

#[test]
fn dates_in_other_formats() {
    let site = built_site();
    site.post("ukosniki", "title: Ukośniki\ndate: 24/11/2026", "Tekst.")
        .post(
            "slownie",
            "title: Słownie\ndate: 24 listopada 2026",
            "Tekst.",
        );
    assert_rejected(
        &site,
        &[
            "content/posts/ukosniki.md:3",
            "field `date`",
            "`2026-11-24`",
            "content/posts/slownie.md:3",
            "YYYY-MM-DD",
        ],
    );
}

#[test]
fn absolute_photo_path() {
    let site = built_site();
    bundle(
        &site,
        "cover: { src: /etc/passwd.jpg, alt: Coś spoza strony }",
    );
    assert_rejected(
        &site,
        &[
            "content/posts/festyn/index.md:4",
            "field `cover.src`",
            "leads out of the document's folder",
        ],
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    use std::os::unix::fs::symlink;
    let site = built_site();
    // A folder linking to its own parent in content/: never followed.
    symlink("..", site.root().join("content/posts/petla")).expect("symlink");
    assert_rejected(
        &site,
        &["content/posts/petla", "symbolic links are not followed"],
    );
    fs::remove_file(site.root().join("content/posts/petla")).expect("rm");

    // Two photos linking to each other.
    bundle(&site, "cover: { src: a.jpg, alt: Scena podczas festynu }");
    symlink("b.jpg", site.root().join("content/posts/festyn/a.jpg")).expect("symlink");
    symlink("a.jpg", site.root().join("content/posts/festyn/b.jpg")).expect("symlink");
    assert_rejected(
        &site,
        &[
            "content/posts/festyn/index.md:4",
            "field `cover.src`",
            "leads nowhere",
        ],
    );
}

#[test]
fn empty_photo() {
    let site = built_site();
    bundle(
        &site,
        "cover: { src: pusty.jpg, alt: Scena podczas festynu }",
    );
    site.write_bytes("content/posts/festyn/pusty.jpg", b"");
    assert_rejected(
        &site,
        &[
            "content/posts/festyn/pusty.jpg",
            "not a photo",
            "save it again as JPEG",
        ],
    );
}

/// A JPEG whose header claims `w`×`h` pixels (the data is that of a small photo).
fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    let mut bytes = gradient_jpeg(16, 16, 1);
    let sof = bytes
        .windows(2)
        .position(|m| m == [0xFF, 0xC0])
        .expect("baseline SOF0 marker");
    // FF C0, length (2), precision (1), height (2), width (2).
    bytes[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    bytes
}

#[test]
fn huge_photo_is_refused_from_its_header() {
    let site = built_site();
    bundle(
        &site,
        "cover: { src: ogromne.jpg, alt: Scena podczas festynu }",
    );
    site.write_bytes(
        "content/posts/festyn/ogromne.jpg",
        &jpeg_claiming(30_000, 30_000),
    );
    let start = Instant::now();
    assert_rejected(
        &site,
        &[
            "content/posts/festyn/ogromne.jpg",
            "too large: 30000 × 30000 pixels",
            "export a smaller copy",
        ],
    );
    // Decoding 900 megapixels would take far longer (and 2.7 GB).
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn file_names_with_spaces_and_polish_letters_are_built() {
    let site = built_site();
    site.write(
        "content/posts/Dzień Seniora w Łodzi.md",
        "---\ntitle: Dzień Seniora\ndate: 2026-01-02\ncover: { src: zdjęcie z sali.jpg, alt: Seniorzy tańczą na sali }\n---\nTekst.\n",
    );
    site.write_bytes(
        "content/posts/zdjęcie z sali.jpg",
        &gradient_jpeg(640, 480, 2),
    );
    site.build_ok();
    let html = site.read("aktualnosci/dzien-seniora-w-lodzi/index.html");
    assert!(html.contains("Dzień Seniora"), "{html}");
    assert!(
        html.contains("zdjecie-z-sali-"),
        "photo published under a safe name"
    );
    assert!(html.contains("Seniorzy tańczą na sali"));
}

#[test]
fn huge_markdown_file_is_refused_before_reading() {
    let site = built_site();
    let line = "Bardzo długi tekst o pomocy społecznej, powtarzany bez końca. ".repeat(16);
    let mut text = String::from("---\ntitle: Ogromny\ndate: 2026-01-02\n---\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&line);
        text.push('\n');
    }
    site.write("content/posts/ogromny.md", &text);
    let start = Instant::now();
    assert_rejected(
        &site,
        &["content/posts/ogromny.md", "too large", "split the text"],
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn huge_strings_are_built() {
    let site = built_site();
    let title = format!("Długi tytuł {}", "ż".repeat(100_000));
    let word = "a".repeat(1_000_000);
    site.post("dlugi", &format!("title: {title}\ndate: 2026-01-02"), &word);
    let start = Instant::now();
    site.build_ok();
    let html = site.read("aktualnosci/dlugi/index.html");
    assert!(html.contains(&title) && html.contains(&word));
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
}

/// The build's fixed "now", so that two builds of the same site give the same bytes.
const NOW: &str = "2026-11-29";

/// `tablica build` as a child process, with output discarded.
fn spawn_build(site: &TestSite) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_tablica"))
        .args(["build", "--quiet"])
        .current_dir(site.root())
        .env("TABLICA_NOW", NOW)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start tablica")
}

/// Names of the entries of a folder (empty when it does not exist).
fn names(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The staging folders beside `public/`.
fn staging_folders(site: &TestSite) -> Vec<String> {
    let mut found = names(site.root());
    found.retain(|n| n.contains("tablica-tmp"));
    found
}

/// Adds enough posts and photos that a build takes a noticeable time.
fn make_slow(site: &TestSite, seed: u8) {
    for i in 0..6u8 {
        site.write(
            &format!("content/posts/galeria-{i}/index.md"),
            &format!("---\ntitle: Galeria {i}\ndate: 2026-03-{:02}\ncover: {{ src: foto.jpg, alt: Uczestnicy warsztatów numer {i} }}\n---\nTekst.\n", i + 1),
        );
        site.write_bytes(
            &format!("content/posts/galeria-{i}/foto.jpg"),
            &gradient_jpeg(900, 600, seed.wrapping_add(i)),
        );
    }
    for i in 0..60 {
        site.post(
            &format!("wpis-{i}"),
            &format!("title: Wpis {i}\ndate: 2026-02-01"),
            &"Akapit tekstu o pomocy.\n\n".repeat(20),
        );
    }
}

/// How a build was stopped in [`killed_builds_leave_the_previous_output_and_a_usable_cache`].
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// This long after the start.
    After(Duration),
    /// As soon as the staging folder beside `public/` appears.
    Staging,
    /// As soon as the first finished cache entry appears.
    FirstCacheEntry,
}

#[cfg(unix)]
#[test]
fn killed_builds_leave_the_previous_output_and_a_usable_cache() {
    let site = TestSite::new();
    site.post("pierwszy", "title: Pierwszy\ndate: 2026-01-01", "Tekst.");
    site.build_at(NOW);
    let first = snapshot(&site.public());
    make_slow(&site, 1);
    let cache = site.root().join(".tablica-cache/images");

    let points = [
        KillAt::After(Duration::from_millis(20)),
        KillAt::Staging,
        KillAt::After(Duration::from_millis(150)),
        KillAt::FirstCacheEntry,
        KillAt::After(Duration::from_millis(400)),
        KillAt::After(Duration::from_millis(800)),
        KillAt::After(Duration::from_millis(1500)),
    ];
    // Outputs that differ from the first: a build that got as far as swapping its output in.
    let mut swapped_in = Vec::new();
    for point in points {
        let old_staging = staging_folders(&site);
        let old_entries = names(&cache);
        let mut child = spawn_build(&site);
        let start = Instant::now();
        let due = || match point {
            KillAt::After(d) => start.elapsed() >= d,
            KillAt::Staging => staging_folders(&site)
                .iter()
                .any(|n| !old_staging.contains(n)),
            KillAt::FirstCacheEntry => names(&cache)
                .iter()
                .any(|n| !n.contains(".tmp-") && !old_entries.contains(n)),
        };
        let killed = loop {
            if child.try_wait().expect("wait").is_some() {
                break false;
            }
            if due() || start.elapsed() > Duration::from_secs(60) {
                child.kill().expect("SIGKILL");
                child.wait().expect("reap");
                break true;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        eprintln!("{point:?}: killed={killed} after {:?}", start.elapsed());
        let now = snapshot(&site.public());
        if now != first {
            swapped_in.push((point, now));
        }
    }

    // The next build succeeds, reusing the photos the killed builds finished, and gives
    // exactly the output of an uninterrupted build.
    let out = site.build_at(NOW);
    let summary = stdout(&out);
    eprintln!("after the kills: {summary}");
    assert!(!summary.contains(" 0 from cache"), "{summary}");
    let last = snapshot(&site.public());
    for (point, output) in &swapped_in {
        assert!(
            *output == last,
            "{point:?}: a half-finished output was swapped in"
        );
    }
    assert!(
        names(&cache).iter().all(|n| !n.contains(".tmp-")),
        "half-written cache entries are removed: {:?}",
        names(&cache)
    );
    assert!(
        staging_folders(&site).is_empty(),
        "staging folders of killed builds are removed"
    );

    let fresh = TestSite::new();
    copy_dir(&site.root().join("content"), &fresh.root().join("content"));
    fresh.build_at(NOW);
    assert_same_files(
        &site.public(),
        &snapshot(&fresh.public()),
        "output after killed builds equals a clean build",
    );
}

/// Copies a folder tree (files and folders only).
fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn output_folder_under_a_file_is_a_clear_error() {
    let site = built_site();
    site.write("plik.txt", "to nie folder");
    let out = site.run(&["build", "--output", "plik.txt/public"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("cannot write") && err.contains("plik.txt"),
        "{err}"
    );
    assert!(
        err.contains("hint:") && err.contains("not a folder"),
        "{err}"
    );
    assert!(err.contains("previous output is unchanged"), "{err}");
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    /// Mounts a tmpfs of `size` (e.g. "1M"), or `None` when this machine does not allow it
    /// (not root, or no mount permission in a container).
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs(dir))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_previous_output_stays() {
    let Some(disk) = Tmpfs::mount("2M") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root and mount permission)");
        return;
    };
    let site = built_site();
    let target = disk.0.path().join("public");
    let target_arg = target.to_string_lossy().into_owned();
    let out = site.run(&["build", "--output", &target_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = snapshot(&target);

    // About 1.5 MB of text, published in the page, the search index and the feed.
    site.post(
        "dlugi",
        "title: Długi wpis\ndate: 2026-01-05",
        &"Zdanie o pomocy społecznej w naszym mieście. ".repeat(34_000),
    );
    let out = site.run(&["build", "--output", &target_arg]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    // The path named is the file being written, in the staging folder beside the target.
    let disk_path = disk.0.path().to_string_lossy().into_owned();
    assert!(
        err.contains("cannot write") && err.contains(&disk_path),
        "{err}"
    );
    assert!(err.contains("No space left on device"), "{err}");
    assert!(err.contains("hint:") && err.contains("free"), "{err}");
    assert_same_files(&target, &before, "previous output on the full disk");
    assert_eq!(names(disk.0.path()), ["public"], "staging folder removed");
}

/// Found by the `markdown` fuzz target: raw HTML inside a heading skipped the sanitiser when
/// the text had no other raw HTML.
#[test]
fn raw_html_in_a_heading_is_sanitised() {
    let site = built_site();
    site.post(
        "naglowek",
        "title: Nagłówek\ndate: 2026-01-02",
        "## T<script>alert(2)</script>\n\nTekst.",
    );
    site.build_ok();
    let html = site.read("aktualnosci/naglowek/index.html");
    assert!(!html.contains("alert(2)"), "{html}");
    assert!(
        html.contains(">T</h3>") || html.contains(">T</h2>"),
        "{html}"
    );
}

/// Writes a file into `dir` until the disk is full.
fn fill_disk(dir: &Path) {
    use std::io::Write;
    let mut filler = fs::File::create(dir.join("wypelniacz")).expect("create filler");
    let chunk = vec![0u8; 64 * 1024];
    while filler.write_all(&chunk).is_ok() {}
    let _ = filler.write_all(&chunk[..512]);
}

#[test]
fn a_full_disk_while_caching_photos_is_a_clear_error() {
    let Some(disk) = Tmpfs::mount("4M") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root and mount permission)");
        return;
    };
    let site =
        TestSite::in_dir(tempfile::tempdir_in(disk.0.path()).expect("site on the small disk"));
    site.write("content/site.yaml", SITE_YAML);
    site.post("dobry", "title: Dobry wpis\ndate: 2026-01-01", "Tekst.");
    site.build_ok();
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn\ndate: 2026-06-01\ncover: { src: foto.jpg, alt: Scena podczas festynu }\n---\nTekst.\n",
    );
    site.write_bytes("content/posts/festyn/foto.jpg", &gradient_jpeg(600, 400, 3));
    fill_disk(disk.0.path());

    let err = assert_rejected(
        &site,
        &[
            "content/posts/festyn/foto.jpg",
            "cannot write the photo cache",
            "No space left on device",
            "free some disk space",
        ],
    );
    assert!(
        !err.contains("save it again as JPEG"),
        "not the photo's fault:\n{err}"
    );
}
