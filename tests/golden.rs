//! Golden tests: the whole output of two sites, every file, byte for byte.
//!
//! - `example`: the example site in `content/` at the repository root;
//! - `full`: `tests/golden/sites/full`, every page kind and option (photos are generated here);
//! - `english`: `tests/golden/sites/english`, a small site with `language: en`.
//!
//! Text files are stored in full under `tests/golden/expected/<site>/`; binary files (photos,
//! PDFs, films, fonts) and the theme's static CSS and JavaScript (copied as they are from
//! `themes/`) are listed with size and BLAKE3 hash in `tests/golden/expected/<site>.binaries`.
//! The clock is pinned with `TABLICA_NOW`.
//!
//! To accept an intended change of the output (rewrites the expected files, removes stale ones):
//!
//! ```sh
//! TABLICA_BLESS=1 cargo test --test golden
//! ```

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use image::ImageFormat::{self, Gif, Jpeg, Png};

/// The build's "today" for every golden site.
const NOW: &str = "2026-11-30";
/// Set to accept the current output as the expected one.
const BLESS_VAR: &str = "TABLICA_BLESS";
/// Extensions of files stored in full; everything else is listed by size and hash.
const TEXT_EXTENSIONS: &[&str] = &[
    "html",
    "xml",
    "json",
    "ics",
    "css",
    "js",
    "txt",
    "vtt",
    "md",
    "svg",
    "webmanifest",
];

/// One output file: its text, or the size and hash of a binary file.
#[derive(PartialEq)]
enum Entry {
    Text(Vec<u8>),
    Binary { size: u64, hash: String },
}

type Output = BTreeMap<String, Entry>;

/// A photo generated into a fixture: path under `content/`, width, height, format.
type Photo = (&'static str, u32, u32, ImageFormat);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn expected_dir(site: &str) -> PathBuf {
    repo().join("tests/golden/expected").join(site)
}

fn manifest_path(site: &str) -> PathBuf {
    repo()
        .join("tests/golden/expected")
        .join(format!("{site}.binaries"))
}

/// Folders of the theme's static files, copied as they are: listed by hash, since their text is
/// in `themes/` already (and would be stored once per site).
const THEME_ASSETS: &[&str] = &["assets/css/", "assets/js/"];

fn is_text(rel: &str) -> bool {
    !THEME_ASSETS.iter().any(|dir| rel.starts_with(dir))
        && Path::new(rel)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e))
}

/// Copies `content` into a fresh site folder, writes `photos` into it and builds it as of [`NOW`]; returns its output.
fn build(content: &Path, photos: &[Photo]) -> Output {
    build_times(content, photos, 1)
}

/// [`build`], building `times` times in the same folder (again with `--force`): from the
/// third build on, tablica writes over the output before last (src/build/output/spare.rs).
fn build_times(content: &Path, photos: &[Photo], times: usize) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in walkdir::WalkDir::new(content).into_iter().flatten() {
        let rel = entry.path().strip_prefix(content).expect("inside");
        let to = dir.path().join("content").join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).expect("mkdir");
        } else {
            fs::copy(entry.path(), &to).expect("copy");
        }
    }
    for (seed, (rel, w, h, format)) in photos.iter().enumerate() {
        let bytes = common::gradient_image(*w, *h, seed as u8, *format);
        fs::write(dir.path().join("content").join(rel), bytes).expect("write photo");
    }
    for time in 0..times {
        let out = Command::new(env!("CARGO_BIN_EXE_tablica"))
            .args(["build", "--quiet"])
            .args((time > 0).then_some("--force"))
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env("TABLICA_NOW", NOW)
            .output()
            .expect("run tablica");
        assert!(
            out.status.success(),
            "build failed:\n{}",
            common::stderr(&out)
        );
    }
    let public = dir.path().join("public");
    let output: Output = common::snapshot(&public)
        .into_iter()
        .map(|(rel, bytes)| {
            let rel = rel.to_string_lossy().replace('\\', "/");
            let entry = if is_text(&rel) {
                Entry::Text(bytes)
            } else {
                Entry::Binary {
                    size: bytes.len() as u64,
                    hash: blake3::hash(&bytes).to_hex().to_string(),
                }
            };
            (rel, entry)
        })
        .collect();
    let temp = dir.path().to_string_lossy().into_owned();
    for (rel, entry) in &output {
        if let Entry::Text(bytes) = entry {
            assert!(
                !String::from_utf8_lossy(bytes).contains(&temp),
                "{rel} holds the build's temporary folder {temp}"
            );
        }
    }
    output
}

/// The stored expected output of `site`.
fn expected(site: &str) -> Output {
    let dir = expected_dir(site);
    let mut output: Output = common::snapshot(&dir)
        .into_iter()
        .map(|(rel, bytes)| (rel.to_string_lossy().replace('\\', "/"), Entry::Text(bytes)))
        .collect();
    let manifest = fs::read_to_string(manifest_path(site)).unwrap_or_default();
    for line in manifest.lines() {
        let mut fields = line.split('\t');
        let (Some(rel), Some(size), Some(hash)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("{}: bad line {line:?}", manifest_path(site).display());
        };
        let size = size.parse().expect("size in the manifest");
        output.insert(
            rel.to_owned(),
            Entry::Binary {
                size,
                hash: hash.to_owned(),
            },
        );
    }
    output
}

/// Rewrites the expected output of `site`, removing stale files.
fn bless(site: &str, output: &Output) {
    let dir = expected_dir(site);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("remove old expected output");
    }
    let mut manifest = String::new();
    for (rel, entry) in output {
        match entry {
            Entry::Text(bytes) => {
                let path = dir.join(rel);
                fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                fs::write(path, bytes).expect("write expected file");
            }
            Entry::Binary { size, hash } => {
                writeln!(manifest, "{rel}\t{size}\t{hash}").expect("string");
            }
        }
    }
    fs::write(manifest_path(site), manifest).expect("write manifest");
}

/// A few lines around the first difference of two texts, unified-diff style.
fn excerpt(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let first = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    // Long lines are shown from a little before the first differing character.
    let (a, b) = (old.get(first).unwrap_or(&""), new.get(first).unwrap_or(&""));
    let column = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or(a.chars().count().min(b.chars().count()));
    let skip = column.saturating_sub(60);
    let from = first.saturating_sub(1);
    let mut text = format!("@@ line {}, column {} @@\n", first + 1, column + 1);
    for (sign, lines) in [("-", &old), ("+", &new)] {
        for line in lines.iter().skip(from).take(4) {
            let shown: String = line.chars().skip(skip).take(160).collect();
            let cut = if skip > 0 { "…" } else { "" };
            writeln!(text, "{sign}{cut}{shown}").expect("string");
        }
    }
    text
}

/// A readable description of how `actual` differs from `expected`, or `None` when equal.
fn differences(expected: &Output, actual: &Output) -> Option<String> {
    let missing: Vec<&String> = expected
        .keys()
        .filter(|k| !actual.contains_key(*k))
        .collect();
    let extra: Vec<&String> = actual
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    let changed: Vec<&String> = expected
        .iter()
        .filter(|(k, v)| actual.get(*k).is_some_and(|a| a != *v))
        .map(|(k, _)| k)
        .collect();
    if missing.is_empty() && extra.is_empty() && changed.is_empty() {
        return None;
    }
    let mut report = String::new();
    for (what, files) in [
        ("expected but not built (missing)", &missing),
        ("built but not expected (extra)", &extra),
        ("changed", &changed),
    ] {
        if !files.is_empty() {
            writeln!(report, "{} {what} file(s):", files.len()).expect("string");
            for f in files.iter() {
                writeln!(report, "  {f}").expect("string");
            }
        }
    }
    for rel in changed.iter().take(5) {
        let text = match (&expected[*rel], &actual[*rel]) {
            (Entry::Text(old), Entry::Text(new)) => excerpt(old, new),
            (Entry::Binary { size: a, hash: h }, Entry::Binary { size: b, hash: g }) => {
                format!("binary: expected {a} bytes {h}, got {b} bytes {g}\n")
            }
            _ => "text and binary swapped\n".to_owned(),
        };
        writeln!(report, "--- {rel}\n{text}").expect("string");
    }
    Some(report)
}

/// Compares the output of `site` with the stored one, or stores it with `TABLICA_BLESS=1`.
fn check(site: &str, actual: &Output) {
    if std::env::var_os(BLESS_VAR).is_some() {
        bless(site, actual);
        return;
    }
    if let Some(report) = differences(&expected(site), actual) {
        panic!(
            "the output of the {site} site differs from tests/golden/expected/{site}:\n{report}\n\
             If the change is intended: {BLESS_VAR}=1 cargo test --test golden"
        );
    }
}

#[test]
fn example_site() {
    let output = build(&repo().join("content"), &[]);
    check("example", &output);
}

/// Photos of the `full` fixture, generated so that the fixture stays a few kilobytes.
const FULL_PHOTOS: &[Photo] = &[
    ("posts/warsztaty-z-galeria/stol.jpg", 160, 120, Jpeg),
    ("posts/warsztaty-z-galeria/tort.png", 120, 120, Png),
    ("posts/warsztaty-z-galeria/szlaczek.gif", 144, 24, Gif),
    ("projects/aktywni-razem/okladka.jpg", 192, 128, Jpeg),
    ("projects/aktywni-razem/zdjecia/a.jpg", 150, 100, Jpeg),
    ("projects/aktywni-razem/zdjecia/b.jpg", 100, 150, Jpeg),
    ("pages/o-nas/budynek.jpg", 140, 140, Jpeg),
];

/// Builds the fixture `tests/golden/sites/<site>` with its generated photos, `times` times.
fn fixture(site: &str, photos: &[Photo], times: usize) -> Output {
    build_times(
        &repo().join("tests/golden/sites").join(site).join("content"),
        photos,
        times,
    )
}

#[test]
fn full_site_every_page_kind() {
    let output = fixture("full", FULL_PHOTOS, 1);
    // More builds in another folder: parallel photo work and hashed names are deterministic,
    // and a build over the output before last writes the same as one into an empty folder.
    let again = fixture("full", FULL_PHOTOS, 3);
    if let Some(report) = differences(&output, &again) {
        panic!("builds of the same site differ:\n{report}");
    }
    check("full", &output);
}

#[test]
fn english_site() {
    let photos = [("posts/open-day/hall.jpg", 160, 90, Jpeg)];
    check("english", &fixture("english", &photos, 1));
}
