//! A fixture site in a temporary folder, built with the real `tablica` binary.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct TestSite {
    pub dir: tempfile::TempDir,
    /// The build's "now" (`TABLICA_NOW`) for every run, when pinned with [`TestSite::pin_clock`].
    clock: Option<String>,
}

pub const SITE_YAML: &str = "title: MOPS Testowo\nbase_url: https://mops.example.org/\ndescription: Strona testowa\norganisation:\n  name: Miejski Ośrodek Pomocy Społecznej w Testowie\n  email: mops@example.org\nmenu:\n  - { title: Aktualności, url: /aktualnosci/ }\nposts_per_page: 2\n";

impl TestSite {
    /// An empty site with the given site.yaml.
    pub fn with_config(site_yaml: &str) -> Self {
        let site = Self::in_dir(tempfile::tempdir().expect("temp dir"));
        site.write("content/site.yaml", site_yaml);
        site
    }

    /// A site in `dir`, with nothing written yet.
    pub fn in_dir(dir: tempfile::TempDir) -> Self {
        TestSite { dir, clock: None }
    }

    /// Runs every later build with its "now" fixed at `now` (`TABLICA_NOW`), so that two
    /// builds on either side of midnight in Warsaw still see the same day.
    pub fn pin_clock(mut self, now: &str) -> Self {
        self.clock = Some(now.to_string());
        self
    }

    pub fn new() -> Self {
        Self::with_config(SITE_YAML)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders), path relative to the site root.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
        self
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
        self
    }

    /// A post `content/posts/<name>.md` with the given front matter lines and body.
    pub fn post(&self, name: &str, front_matter: &str, body: &str) -> &Self {
        self.write(
            &format!("content/posts/{name}.md"),
            &format!("---\n{front_matter}\n---\n{body}\n"),
        )
    }

    pub fn project(&self, name: &str, front_matter: &str, body: &str) -> &Self {
        self.write(
            &format!("content/projects/{name}.md"),
            &format!("---\n{front_matter}\n---\n{body}\n"),
        )
    }

    pub fn page(&self, name: &str, front_matter: &str, body: &str) -> &Self {
        self.write(
            &format!("content/pages/{name}.md"),
            &format!("---\n{front_matter}\n---\n{body}\n"),
        )
    }

    /// A builder that updates `<root>/preview` in place, as `serve` does, and that folder.
    pub fn in_place_builder(&self) -> (tablica::build::Builder, PathBuf) {
        let output = self.root().join("preview");
        let mut options = tablica::build::BuildOptions::new(self.root());
        options.output = Some(output.clone());
        options.in_place = true;
        (tablica::build::Builder::new(options), output)
    }

    /// Runs `tablica` with `args` in the site's folder, on the pinned clock if there is one.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_at(self.clock.as_deref(), args)
    }

    /// Runs `tablica` with its "now" fixed at `now`, or on the real clock when `None`.
    pub fn run_at(&self, now: Option<&str>, args: &[&str]) -> Output {
        self.command_at(now, args).output().expect("run tablica")
    }

    /// The command [`run`](Self::run) runs, to run it another way.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_at(self.clock.as_deref(), args)
    }

    /// Messages are asked for in English (`TABLICA_LANG=en`), the language the tests check
    /// wording in; tests of the Polish messages remove the variable.
    fn command_at(&self, now: Option<&str>, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tablica"));
        command
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .env("TABLICA_LANG", "en");
        match now {
            Some(now) => command.env("TABLICA_NOW", now),
            None => command.env_remove("TABLICA_NOW"),
        };
        command
    }

    /// `tablica build`; panics with the output if it fails.
    pub fn build_ok(&self) -> Output {
        let out = self.run(&["build"]);
        assert!(out.status.success(), "build failed:\n{}", stderr(&out));
        out
    }

    /// `tablica build` with the build's "now" fixed (`TABLICA_NOW`); panics if it fails.
    pub fn build_at(&self, now: &str) -> Output {
        let out = self.run_at(Some(now), &["build"]);
        assert!(out.status.success(), "build failed:\n{}", stderr(&out));
        out
    }

    /// `tablica build`, expecting failure with exit status 1; returns stderr.
    pub fn build_err(&self) -> String {
        content_errors(&self.run(&["build"]))
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// A file of the output as text.
    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.public().join(rel).exists()
    }
}

/// The error output of a build that failed with content errors (exit status 1).
pub fn content_errors(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected content errors, got:\n{}\n{}",
        stdout(out),
        stderr(out)
    );
    stderr(out)
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text content of the first element matching a simple tag (e.g. "h1"), tags stripped.
pub fn element_text(html: &str, tag: &str) -> Option<String> {
    let open = html.find(&format!("<{tag}"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{tag}>"))?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text of every element of `html` that matches the CSS `selector`, parsed as a browser
/// would, with runs of ASCII white space made one space (no-break spaces are kept).
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(selector).expect("a valid selector");
    scraper::Html::parse_document(html)
        .select(&selector)
        .map(|e| {
            let text: String = e.text().collect();
            text.split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The files of a `srcset` of WebP copies in the site's output, each checked to be WebP: (its
/// address, its bytes).
pub fn webp_copies(site: &TestSite, srcset: &str) -> Vec<(String, Vec<u8>)> {
    srcset
        .split(", ")
        .map(|copy| {
            let url = copy.split(' ').next().expect("url").to_string();
            let bytes = fs::read(site.public().join(url.trim_start_matches('/'))).expect(&url);
            assert!(
                bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP",
                "{url}"
            );
            (url, bytes)
        })
        .collect()
}

pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every file under `dir` with its bytes, by path relative to `dir`: to compare an output
/// before and after a build byte for byte.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            (rel, fs::read(e.path()).expect("read output file"))
        })
        .collect()
}

/// Asserts that `dir` holds exactly the files of `before`, with the same bytes.
pub fn assert_same_files(
    dir: &Path,
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
    what: &str,
) {
    let after = snapshot(dir);
    let names =
        |s: &std::collections::BTreeMap<PathBuf, Vec<u8>>| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&after), names(before), "{what}: the same files");
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{what}: {} changed", path.display());
    }
}

/// A site that builds, built once so that `public/` holds a good output.
pub fn built_site() -> TestSite {
    let site = TestSite::new();
    site.project("aktywni", "title: Aktywni\nstatus: ongoing", "Opis.")
        .post(
            "dobry",
            "title: Dobry wpis\ndate: 2026-01-01\nproject: aktywni",
            "Tekst.",
        );
    site.build_ok();
    site
}

/// Builds the (broken) site, expecting content errors: checks that the message holds each of
/// `expected` and a hint, that `public/` is byte for byte as before and no staging folder is
/// left. Returns the error output.
pub fn assert_rejected(site: &TestSite, expected: &[&str]) -> String {
    assert_rejected_by(site, expected, |site| site.run(&["build"]))
}

/// [`assert_rejected`], with the build run by `build`.
pub fn assert_rejected_by(
    site: &TestSite,
    expected: &[&str],
    build: impl FnOnce(&TestSite) -> Output,
) -> String {
    let before = snapshot(&site.public());
    let err = content_errors(&build(site));
    for e in expected {
        assert!(err.contains(e), "expected {e:?} in:\n{err}");
    }
    assert!(err.contains("hint:"), "every error says what to do:\n{err}");
    assert_same_files(&site.public(), &before, "old output survives");
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tablica-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "staging removed: {leftovers:?}");
    err
}

/// A `w`×`h` PNG in one colour: a strip of signs, a logo.
pub fn solid_png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut bytes = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .expect("encode");
    bytes
}

/// A `w`×`h` JPEG with a colour gradient that depends on `seed`, so that photos with
/// different seeds have different cache keys.
pub fn gradient_jpeg(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 255 / w.max(1)) as u8,
            (y * 255 / h.max(1)) as u8,
            seed.wrapping_mul(37),
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&img)
        .expect("encode");
    out
}

/// A `w`×`h` gradient image like [`gradient_jpeg`], encoded in `format` (PNG, GIF …).
pub fn gradient_image(w: u32, h: u32, seed: u8, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 255 / w.max(1)) as u8,
            seed.wrapping_mul(53),
            (y * 255 / h.max(1)) as u8,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .expect("encode");
    out.into_inner()
}

/// Front matter with a YAML "billion laughs": nine levels of nine aliases each, 9^10 values
/// when expanded.
pub fn alias_bomb_front_matter() -> String {
    let mut bomb = String::from("title: Bomba\ndate: 2026-01-02\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        bomb.push_str(&format!("\n  a{level}: &a{level} [{refs}]"));
    }
    bomb
}

/// A JPEG whose header claims `w`×`h` pixels (the data is that of a small photo).
pub fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
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

/// A post file of about `mib` MiB of Polish text.
pub fn huge_markdown(mib: usize) -> String {
    let line = "Bardzo długi tekst o pomocy społecznej, powtarzany bez końca. ".repeat(16);
    let mut text = String::from("---\ntitle: Ogromny\ndate: 2026-01-02\n---\n");
    while text.len() < mib * 1024 * 1024 {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// A title of 100,000 letters "ż" and a body of one word of a million letters.
pub fn huge_title_and_word() -> (String, String) {
    (
        format!("Długi tytuł {}", "ż".repeat(100_000)),
        "a".repeat(1_000_000),
    )
}

/// A PNG chunk: length, type, data and CRC.
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    chunk.extend_from_slice(&crc.finalize().to_be_bytes());
    chunk
}

/// An 800×400 JPEG, left half red, right half blue, optionally with an EXIF block
/// (orientation and a GPS position) inserted after the SOI marker.
pub fn jpeg(orientation: Option<u16>, gps: bool) -> Vec<u8> {
    let img = image::RgbImage::from_fn(800, 400, |x, _| {
        if x < 400 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&img)
        .expect("encode");
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let mut entries: Vec<[u8; 12]> = Vec::new();
    if let Some(o) = orientation {
        let mut e = [0u8; 12];
        e[..2].copy_from_slice(&0x0112u16.to_be_bytes());
        e[2..4].copy_from_slice(&3u16.to_be_bytes());
        e[4..8].copy_from_slice(&1u32.to_be_bytes());
        e[8..10].copy_from_slice(&o.to_be_bytes());
        entries.push(e);
    }
    let ifd0_len = 2 + entries.len() as u32 * 12 + if gps { 12 } else { 0 } + 4;
    if gps {
        // GPSInfo pointer to a GPS IFD right after IFD0, with GPSLatitudeRef = "N".
        let mut e = [0u8; 12];
        e[..2].copy_from_slice(&0x8825u16.to_be_bytes());
        e[2..4].copy_from_slice(&4u16.to_be_bytes());
        e[4..8].copy_from_slice(&1u32.to_be_bytes());
        e[8..12].copy_from_slice(&(8 + ifd0_len).to_be_bytes());
        entries.push(e);
    }
    tiff.extend_from_slice(&(entries.len() as u16).to_be_bytes());
    for e in &entries {
        tiff.extend_from_slice(e);
    }
    tiff.extend_from_slice(&0u32.to_be_bytes());
    if gps {
        tiff.extend_from_slice(&1u16.to_be_bytes());
        tiff.extend_from_slice(&0x0001u16.to_be_bytes());
        tiff.extend_from_slice(&2u16.to_be_bytes());
        tiff.extend_from_slice(&2u32.to_be_bytes());
        tiff.extend_from_slice(b"N\x00\x00\x00");
        tiff.extend_from_slice(&0u32.to_be_bytes());
    }
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

/// Whether `haystack` holds the bytes `needle`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Copies the folder tree `from` into `to` (created as needed).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
