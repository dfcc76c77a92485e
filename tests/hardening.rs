//! Broken and odd input, crashes and full disks: the rows of the robustness matrix
//! (docs/robustness.md) not already covered by tests/errors.rs and tests/photos.rs. Every
//! rejected input gets an error with file, line, field and hint, and the previous `public/`
//! stays byte for byte as it was; tolerated input is built correctly. How long the hostile
//! inputs take is measured by `cargo bench --bench hostile`; the tests here bound the memory
//! they take, which a build that expanded or decoded them would exceed by far.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::*;

/// The memory a build of a small site may take (its data: heap and other private writable
/// memory); about five times what it needs (6 MiB, measured 2026-11-30 with `prlimit`).
const SMALL_BUILD_MIB: u64 = 32;
/// The size of the Markdown file refused before reading: more than a small build may take.
const HUGE_MARKDOWN_MIB: u64 = 50;
/// The memory a small site with a title of 100,000 letters and a word of a million may take:
/// four times what it needs (between 16 and 32 MiB, measured as above).
const LONG_TEXT_BUILD_MIB: u64 = 128;
/// How long a limited build may run before it is taken for hung (a build short of memory
/// may hang instead of failing); far more than any of them takes.
const HUNG_AFTER: Duration = Duration::from_secs(300);

/// `tablica build` of `site` with its memory limited to `limit_mib` (`RLIMIT_DATA`): a build
/// that needs more fails to allocate and is aborted.
fn build_within(site: &TestSite, limit_mib: u64) -> Output {
    use std::os::unix::process::CommandExt;
    let bytes = limit_mib * 1024 * 1024;
    let mut command = site.command(&["build"]);
    // SAFETY: the closure, run between fork and exec, only calls setrlimit (async-signal-safe)
    // with a value on its own stack.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            match libc::setrlimit(libc::RLIMIT_DATA, &limit) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            }
        });
    }
    let logs = tempfile::tempdir().expect("temp dir");
    let log = |name: &str| fs::File::create(logs.path().join(name)).expect("log file");
    let mut child = command
        .stdout(log("stdout"))
        .stderr(log("stderr"))
        .spawn()
        .expect("start tablica");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > HUNG_AFTER {
            child.kill().expect("kill");
            panic!("the build hung (more than {limit_mib} MiB?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |name: &str| fs::read(logs.path().join(name)).expect("log file");
    let out = Output {
        status,
        stdout: read("stdout"),
        stderr: read("stderr"),
    };
    assert!(
        out.status.code().is_some(),
        "the build did not end by itself ({}): more than {limit_mib} MiB?\n{}",
        out.status,
        stderr(&out)
    );
    out
}

/// Rejects the site as [`assert_rejected`] does, with the build's memory limited to
/// `limit_mib`.
fn assert_rejected_within(site: &TestSite, expected: &[&str], limit_mib: u64) -> String {
    assert_rejected_by(site, expected, |site| build_within(site, limit_mib))
}

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
fn yaml_alias_bomb_is_refused_unexpanded() {
    let site = built_site();
    site.post("bomba", &alias_bomb_front_matter(), "Tekst.");
    // 9^10 values expanded would take many gigabytes.
    assert_rejected_within(
        &site,
        &[
            "content/posts/bomba.md:",
            "too many values",
            "write the values out",
        ],
        SMALL_BUILD_MIB,
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
        .post("kreski", "title: Kreski\ndate: 24-11-2026", "Tekst.")
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
            "content/posts/kreski.md:3",
            "content/posts/slownie.md:3",
            "YYYY-MM-DD",
        ],
    );
}

/// Old Mac line ends (a lone CR) are read as LF: the post builds, and a mistake in it is
/// reported at its real line.
#[test]
fn lone_cr_line_ends() {
    let site = built_site();
    site.write(
        "content/posts/mac.md",
        "---\rtitle: Ze starego Maca\rdate: 2026-01-03\r---\rPierwszy akapit.\r\rDrugi akapit.\r",
    );
    site.build_ok();
    let html = site.read("aktualnosci/mac/index.html");
    assert_eq!(texts(&html, "h1"), ["Ze starego Maca"]);
    assert!(
        texts(&html, "p").contains(&"Drugi akapit.".to_string()),
        "{html}"
    );
    site.write(
        "content/posts/mac.md",
        "---\rtitle: Ze starego Maca\rdate: 03.01.2026\r---\rTekst.\r",
    );
    assert_rejected(
        &site,
        &["content/posts/mac.md:3", "field `date`", "`2026-01-03`"],
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

    // With `on_error: skip` the post is published without the photo, with a warning.
    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}images:\n  on_error: skip\n"),
    );
    let out = site.build_ok();
    assert!(
        stderr(&out).contains("warning: content/posts/festyn/pusty.jpg"),
        "{}",
        stderr(&out)
    );
    let html = site.read("aktualnosci/festyn/index.html");
    assert_eq!(texts(&html, "h1"), ["Festyn"]);
    assert!(!html.contains("<img"), "the photo is left out:\n{html}");
    assert!(
        !snapshot(&site.public())
            .keys()
            .any(|p| p.to_string_lossy().contains("pusty")),
        "nothing of the photo is published"
    );
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
    // Decoding 900 megapixels would take 2.7 GB.
    assert_rejected_within(
        &site,
        &[
            "content/posts/festyn/ogromne.jpg",
            "too large: 30000 × 30000 pixels",
            "export a smaller copy",
        ],
        SMALL_BUILD_MIB,
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
    site.write(
        "content/posts/ogromny.md",
        &huge_markdown(HUGE_MARKDOWN_MIB as usize),
    );
    // Reading the file would take more memory than the whole build may.
    const { assert!(HUGE_MARKDOWN_MIB > SMALL_BUILD_MIB) };
    assert_rejected_within(
        &site,
        &["content/posts/ogromny.md", "too large", "split the text"],
        SMALL_BUILD_MIB,
    );
}

#[test]
fn huge_strings_are_built() {
    let site = built_site();
    let (title, word) = huge_title_and_word();
    site.post("dlugi", &format!("title: {title}\ndate: 2026-01-02"), &word);
    // The text is held in a few copies (page, summary, search index), not one per letter.
    let out = build_within(&site, LONG_TEXT_BUILD_MIB);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = site.read("aktualnosci/dlugi/index.html");
    assert!(html.contains(&title) && html.contains(&word));
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

/// When a build is stopped in [`killed_builds_leave_the_previous_output_and_a_usable_cache`]:
/// at a point of its progress, not after a time, so that every kill lands mid-build however
/// busy the machine is.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// As soon as the staging folder beside `public/` appears (before any photo is done).
    Staging,
    /// As soon as a new finished entry appears in the photo cache.
    NewCacheEntry,
    /// As soon as the staging folder holds this many files (photos placed, pages written).
    StagedFiles(usize),
}

/// The number of files under `dir`.
fn file_count(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count()
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
        KillAt::Staging,
        KillAt::NewCacheEntry,
        KillAt::NewCacheEntry,
        KillAt::StagedFiles(1),
        KillAt::StagedFiles(40),
        KillAt::StagedFiles(100),
    ];
    for point in points {
        let old_staging = staging_folders(&site);
        let old_entries = names(&cache);
        let new_staging = || {
            let mut found = staging_folders(&site);
            found.retain(|n| !old_staging.contains(n));
            found
        };
        let mut child = spawn_build(&site);
        let start = Instant::now();
        let due = || match point {
            KillAt::Staging => !new_staging().is_empty(),
            KillAt::NewCacheEntry => names(&cache)
                .iter()
                .any(|n| !n.contains(".tmp-") && !old_entries.contains(n)),
            KillAt::StagedFiles(n) => new_staging()
                .iter()
                .any(|name| file_count(&site.root().join(name)) >= n),
        };
        let killed = loop {
            if child.try_wait().expect("wait").is_some() {
                break false;
            }
            if due() {
                child.kill().expect("SIGKILL");
                child.wait().expect("reap");
                break true;
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        let staged = new_staging();
        eprintln!(
            "{point:?}: killed={killed} after {:?}, staging left: {staged:?}",
            start.elapsed()
        );
        // A build killed before its swap leaves its staging folder behind (nothing removes
        // it); one that ended, or was killed after the swap, does not.
        assert!(killed, "{point:?}: the build ended before the kill");
        assert_eq!(staged.len(), 1, "{point:?}: the kill landed after the swap");
        assert_same_files(
            &site.public(),
            &first,
            &format!("{point:?}: the previous output after the kill"),
        );
    }

    // The next build succeeds, reusing the photos the killed builds finished, and gives
    // exactly the output of an uninterrupted build.
    let out = site.build_at(NOW);
    let summary = stdout(&out);
    eprintln!("after the kills: {summary}");
    assert!(!summary.contains(" 0 from cache"), "{summary}");
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
    common::copy_dir(&site.root().join("content"), &fresh.root().join("content"));
    fresh.build_at(NOW);
    assert_same_files(
        &site.public(),
        &snapshot(&fresh.public()),
        "output after killed builds equals a clean build",
    );
}

/// Copies a folder tree (files and folders only).

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

/// A small tmpfs mounted for one test: a disk that fills up. Unmounted when dropped, also
/// when the test fails.
struct Tmpfs(tempfile::TempDir);

/// Set for a test re-run inside a user and mount namespace by [`Tmpfs::mount`].
const IN_NAMESPACE: &str = "TABLICA_TEST_IN_NAMESPACE";

impl Tmpfs {
    /// Mounts a tmpfs of `size` (e.g. "1M") for the test named `test`. As root (as in CI) it
    /// is mounted here. Otherwise the test is run again in a user and mount namespace of its
    /// own (`unshare --user --map-root-user --mount`), where mounting a tmpfs is allowed:
    /// then this returns `None` once that run has passed, and the caller returns. Panics with
    /// the reasons when neither works, so the test never passes untested.
    fn mount(test: &str, size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("mount point");
        let mount = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .expect("run mount");
        if mount.status.success() {
            return Some(Tmpfs(dir));
        }
        let refused = stderr(&mount);
        assert!(
            std::env::var_os(IN_NAMESPACE).is_none(),
            "cannot mount a tmpfs even in a user and mount namespace: {refused}"
        );
        let exe = std::env::current_exe().expect("the test binary");
        let rerun = Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "--"])
            .arg(exe)
            .args([test, "--exact", "--nocapture", "--test-threads=1"])
            .env(IN_NAMESPACE, "1")
            .output()
            .unwrap_or_else(|e| {
                panic!("no full disk to test with: mount refused ({refused}) and unshare cannot run ({e})")
            });
        let text = format!("{}{}", stdout(&rerun), stderr(&rerun));
        assert!(
            rerun.status.success() && text.contains("1 passed"),
            "mount refused ({refused}); run in a user and mount namespace instead:\n{text}"
        );
        eprintln!("run in a user and mount namespace (mount refused: {refused}):\n{text}");
        None
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let path = self.0.path();
        let unmounted = |args: &[&str]| {
            Command::new("umount")
                .args(args)
                .arg(path)
                .status()
                .is_ok_and(|s| s.success())
        };
        if !unmounted(&[]) && !unmounted(&["--lazy"]) {
            eprintln!("could not unmount the test's tmpfs at {}", path.display());
        }
    }
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_previous_output_stays() {
    let Some(disk) = Tmpfs::mount(
        "a_full_disk_is_a_clear_error_and_the_previous_output_stays",
        "2M",
    ) else {
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
    let Some(disk) = Tmpfs::mount("a_full_disk_while_caching_photos_is_a_clear_error", "4M") else {
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
