//! Hostile content: a corpus of XSS vectors (`tests/fixtures/xss-vectors.txt`) written into
//! every place an editor can write text or an address: Markdown bodies, titles, summaries,
//! tags, categories, authors, alt texts and captions of photos, event and project fields,
//! link and image addresses. Every page, feed and the search index of the built site is then
//! read with an HTML5 parser (the way a browser reads it) and checked for anything that could
//! run: scripts, event handlers, script URLs, frames, plugins, base and refresh elements.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use scraper::{Html, Selector};

/// The vectors of the corpus: one a line; `#!` lines are comments.
pub fn vectors() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-vectors.txt");
    fs::read_to_string(path)
        .expect("corpus")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("#!"))
        .map(str::to_string)
        .collect()
}

/// A YAML scalar holding `s` exactly (a JSON string is a YAML double-quoted string).
fn yaml(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

/// A small JPEG for the gallery.
fn jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(64, 48, |x, _| image::Rgb([x as u8 * 3, 80, 160]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .expect("encode");
    out
}

const EMBED_HOST: &str = "www.youtube-nocookie.com";

/// The site that must build: every vector in every text field and as every address that is
/// checked in the text (unsafe ones are dropped with a warning).
fn hostile_site() -> TestSite {
    // The vectors lack alt texts and link texts; those checks are not what is tested here.
    let site = TestSite::with_config(&format!(
        "{SITE_YAML}embed_hosts: [{EMBED_HOST}]\nchecks: {{ empty_link_text: warning, image_alt: warning, frame_title: warning }}\n"
    ));
    let vectors = vectors();
    let photo = jpeg();
    let mut gallery = String::from("gallery:\n");
    for (i, v) in vectors.iter().enumerate() {
        let n = i + 1;
        let name = format!("{n:03}.jpg");
        site.write_bytes(&format!("content/posts/galeria/{name}"), &photo);
        gallery.push_str(&format!(
            "  - src: {name}\n    alt: {alt}\n    caption: {v}\n",
            alt = yaml(&format!("Zdjęcie {n}: {v}")),
            v = yaml(v)
        ));
        site.post(
            &format!("2026-01-01-wektor-{n:03}"),
            &format!(
                "title: {v}\ndate: 2026-01-01\nsummary: {v}\nauthor: {v}\ntags: [{v}, {tag}]\ncategory: {v}\nsource: {v}\nevent:\n  start: 2026-12-05 17:00\n  place: {v}\n  address: {v}\n  price: {v}\n  registration: https://example.org/zapisy?q=1",
                v = yaml(v),
                tag = yaml(&format!("wektor {n}"))
            ),
            &format!(
                "{v}\n\nW zdaniu: {v} koniec.\n\n[Odnośnik {n}]({v})\n\n[Odnośnik {n}b](<{v}>)\n\n![Obraz {n}]({v})\n\n> {v}\n\n- {v}\n\n| A | B |\n|---|---|\n| {cell} | x |\n",
                cell = v.replace('|', "\\|")
            ),
        );
        site.project(
            &format!("projekt-{n:03}"),
            &format!(
                "title: {v}\nsummary: {v}\nstatus: ongoing\norganiser: {v}\npartners: [{v}]\ngoals: [{v}]\nresults: [{v}]\nfigures:\n  - {{ label: {v}, value: {v} }}\ncontact:\n  name: {v}\nfunding:\n  programme: {v}\n  fund: {v}",
                v = yaml(v)
            ),
            v,
        );
    }
    let all = vectors.join("\n\n");
    site.write(
        "content/posts/galeria/index.md",
        &format!(
            "---\ntitle: Galeria wektorów\ndate: 2026-01-02\n{gallery}---\n{all}\n\n[Odnośnik z definicją][zly]\n\n[zly]: javascript:alert(1)\n"
        ),
    );
    site.post(
        "film",
        "title: Film\ndate: 2026-01-03",
        &format!("Film:\n\n<iframe src=\"https://{EMBED_HOST}/embed/abc\" title=\"Film o festynie\" onload=\"alert(1)\"></iframe>\n"),
    );
    site.page(
        "wszystkie",
        &format!("title: Wszystkie wektory\nsummary: {}", yaml(&vectors[0])),
        &all,
    );
    site
}

/// Every file below `dir` whose name ends with `ext`.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `url` as a browser reads its scheme: ASCII whitespace and control characters anywhere
/// are ignored, case does not matter.
fn scheme_of(url: &str) -> String {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        Some(i) if !cleaned[..i].contains(['/', '?', '#']) => cleaned[..i].to_string(),
        _ => String::new(),
    }
}

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
    "lowsrc",
    "dynsrc",
    "codebase",
    "cite",
];

/// What is wrong in one document (a page, or the HTML content of a feed entry), from the
/// point of view of script execution. `page`: a whole page of the theme, where the theme's
/// own scripts, styles and CSP are expected.
fn problems(html: &str, page: bool) -> Vec<String> {
    let doc = if page {
        Html::parse_document(html)
    } else {
        Html::parse_fragment(html)
    };
    let mut found = Vec::new();
    let all = Selector::parse("*").expect("selector");
    for el in doc.select(&all) {
        let v = el.value();
        let name = v.name();
        let described = || {
            let mut s = el.html();
            s.truncate(160);
            s
        };
        for (attr, value) in v.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                found.push(format!("event handler `{attr}`: {}", described()));
            }
            if attr == "srcdoc" {
                found.push(format!("srcdoc: {}", described()));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let scheme = scheme_of(value);
                if matches!(scheme.as_str(), "javascript" | "vbscript" | "data") {
                    found.push(format!("{scheme}: URL in `{attr}`: {}", described()));
                }
            }
            if attr == "style" {
                found.push(format!("inline style: {}", described()));
            }
        }
        match name {
            "script" => {
                let src = v.attr("src");
                let text: String = el.text().collect();
                let ok = match (src, v.attr("type")) {
                    (Some(src), None) => page && src.starts_with("/assets/js/") && text.is_empty(),
                    (None, Some("application/ld+json" | "application/json")) => {
                        page && serde_json::from_str::<serde_json::Value>(&text).is_ok()
                    }
                    _ => false,
                };
                if !ok {
                    found.push(format!("script: {}", described()));
                }
            }
            "iframe" => {
                let allowed = v
                    .attr("src")
                    .is_some_and(|s| s.starts_with(&format!("https://{EMBED_HOST}/")));
                if !allowed || v.attr("title").is_none() || v.attr("sandbox").is_none() {
                    found.push(format!("frame: {}", described()));
                }
            }
            // The theme's own forms (search, reading aids) and its notice for readers without
            // JavaScript; nothing of this kind from content.
            "object" | "embed" | "applet" | "base" | "frame" | "frameset" | "portal" | "style"
            | "template" | "noscript" | "svg" | "math" | "form" | "input" | "button"
            | "textarea" | "select" | "keygen" | "isindex"
                if !page || !matches!(name, "form" | "input" | "button" | "noscript") =>
            {
                found.push(format!("<{name}>: {}", described()));
            }
            "meta" => {
                if let Some(equiv) = v.attr("http-equiv") {
                    if !(page && equiv.eq_ignore_ascii_case("content-security-policy")) {
                        found.push(format!("meta http-equiv: {}", described()));
                    }
                }
            }
            "link" => {
                let href = v.attr("href").unwrap_or_default();
                if v.attr("rel") == Some("stylesheet") && !href.starts_with("/assets/css/") {
                    found.push(format!("stylesheet: {}", described()));
                }
            }
            "form" => {
                let action = v.attr("action").unwrap_or_default();
                if !action.starts_with('/') || action.starts_with("//") {
                    found.push(format!("form: {}", described()));
                }
            }
            _ => {}
        }
    }
    if page {
        found.extend(page_policy_problems(&doc));
    }
    found
}

/// A page must carry the strict Content-Security-Policy and the referrer policy, in `<head>`.
fn page_policy_problems(doc: &Html) -> Vec<String> {
    let mut found = Vec::new();
    let csp = Selector::parse("head > meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    let policies: Vec<&str> = doc
        .select(&csp)
        .filter_map(|m| m.value().attr("content"))
        .collect();
    match policies.as_slice() {
        [policy] => {
            for directive in [
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
            ] {
                if !policy.split(';').any(|d| d.trim() == directive) {
                    found.push(format!("CSP without `{directive}`: {policy}"));
                }
            }
            if policy.contains("unsafe-") || policy.contains('*') {
                found.push(format!("CSP allows too much: {policy}"));
            }
            let frames = policy
                .split(';')
                .map(str::trim)
                .find_map(|d| d.strip_prefix("frame-src "))
                .unwrap_or_default();
            if frames != "'none'" && frames != format!("https://{EMBED_HOST}") {
                found.push(format!("frame-src: {frames}"));
            }
        }
        _ => found.push(format!("{} CSP meta elements", policies.len())),
    }
    let referrer = Selector::parse("head > meta[name=\"referrer\"]").unwrap();
    let referrers: Vec<&str> = doc
        .select(&referrer)
        .filter_map(|m| m.value().attr("content"))
        .collect();
    if referrers != ["strict-origin-when-cross-origin"] {
        found.push(format!("referrer policy: {referrers:?}"));
    }
    found
}

/// The HTML of every entry of an Atom feed, from its `<content type="html">` (titles and
/// summaries are text, which feed readers do not read as markup); every entry must have one.
fn feed_entries(xml: &str) -> Vec<String> {
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("feed XML: {e}"));
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .map(|entry| {
            let content = entry
                .children()
                .find(|n| n.has_tag_name((ATOM, "content")) && n.attribute("type") == Some("html"))
                .expect("every entry has HTML content");
            content.text().unwrap_or_default().to_string()
        })
        .collect()
}

/// All problems of the built site: pages, feeds, the search index.
fn site_problems(site: &TestSite) -> Vec<String> {
    let public = site.public();
    let mut found = Vec::new();
    let pages = files(&public, ".html");
    assert!(pages.len() > 300, "only {} pages", pages.len());
    for path in &pages {
        let html = fs::read_to_string(path).expect("page");
        for p in problems(&html, true) {
            found.push(format!("{}: {p}", path.display()));
        }
    }
    let feeds = files(&public, ".xml");
    assert!(feeds.len() > 2, "feeds");
    let mut checked_entries = 0;
    for path in feeds.iter().filter(|p| !p.ends_with("sitemap.xml")) {
        let xml = fs::read_to_string(path).expect("feed");
        assert!(
            !xml.contains("<script") && !xml.contains("<iframe"),
            "{}: markup in the feed's XML",
            path.display()
        );
        let entries = feed_entries(&xml);
        // A project without posts has an empty feed; the site's own feed has every post.
        assert!(
            !entries.is_empty() || path != &public.join("atom.xml"),
            "{}: no entries",
            path.display()
        );
        checked_entries += entries.len();
        for entry in entries {
            for p in problems(&entry, false) {
                found.push(format!("{} (feed entry): {p}", path.display()));
            }
        }
    }
    assert!(checked_entries > 0, "no feed entry was checked");
    found
}

#[test]
fn no_vector_reaches_the_output_as_something_that_runs() {
    let site = hostile_site();
    let out = site.build_ok();
    let warnings = stderr(&out);
    let found = site_problems(&site);
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );

    // The text of every vector is still there to read, not evaluated as a template.
    let vectors = vectors();
    let template_vector = vectors
        .iter()
        .position(|v| v == "{{ 7*7 }}")
        .expect("in corpus");
    let post = site.read(&format!(
        "aktualnosci/wektor-{:03}/index.html",
        template_vector + 1
    ));
    assert!(
        post.contains("<h1 class=\"page-title\">{{ 7*7 }}</h1>"),
        "{post}"
    );

    // Addresses that were dropped are reported with their file and line.
    let javascript_link = vectors
        .iter()
        .position(|v| v == "[x](javascript:alert(1))")
        .expect("in corpus");
    let file = format!(
        "content/posts/2026-01-01-wektor-{:03}.md",
        javascript_link + 1
    );
    assert!(
        warnings.lines().any(|l| l.contains(&file)
            && l.contains(".md:16: ")
            && l.contains("javascript:alert(1)")),
        "no warning with file and line for the link in {file}:\n{warnings}"
    );

    // The allowed frame is there, and only its page lets frames from its host in.
    let film = site.read("aktualnosci/film/index.html");
    assert!(film.contains(&format!("<iframe src=\"https://{EMBED_HOST}/embed/abc\"")));
    assert!(film.contains(&format!("frame-src https://{EMBED_HOST}\"")));
    let home = site.read("index.html");
    assert!(home.contains("frame-src 'none'\""));

    // The search index is data (titles and excerpts in `d-<n>.json`); the scripts put it
    // into pages as text.
    let search = site.public().join("szukaj");
    let chunks = files(&search, ".json");
    assert!(chunks.len() > 1, "{chunks:?}");
    let mut titles = String::new();
    for path in chunks {
        let data: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(path).expect("index")).expect("JSON");
        titles.push_str(&data.to_string());
    }
    assert!(
        titles.contains("onerror=alert(1)"),
        "vectors are in the index"
    );
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/js");
    for path in files(&scripts, ".js") {
        let js = fs::read_to_string(&path).expect("script");
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            assert!(!js.contains(sink), "{} uses {sink}", path.display());
        }
    }
}

#[test]
fn trusted_raw_html_is_opt_in_and_still_under_the_csp() {
    let site = TestSite::with_config(&format!("{SITE_YAML}allow_raw_html: true\n"));
    site.post(
        "zaufany",
        "title: Zaufany HTML\ndate: 2026-01-01",
        "<div class=\"baner\" data-x=\"1\">Baner</div>\n\n<script>window.__xss = 1</script>\n",
    );
    site.build_ok();
    let html = site.read("aktualnosci/zaufany/index.html");
    assert!(html.contains("<div class=\"baner\" data-x=\"1\">Baner</div>"));
    // Written as it is, and not run: the policy allows scripts from the site's files only.
    assert!(html.contains("<script>window.__xss = 1</script>"));
    assert!(html.contains("script-src 'self';"));
}

/// Asserts that one line of `errors` names the place `at` (file:line) and quotes `text`.
fn assert_error_line(errors: &str, at: &str, text: &str) {
    assert!(
        errors.lines().any(|l| l.contains(at) && l.contains(text)),
        "{at} and {text:?} on one line of:\n{errors}"
    );
}

#[test]
fn unsafe_addresses_in_front_matter_and_settings_are_rejected_with_file_and_line() {
    let site = TestSite::with_config(
        "title: T\nbase_url: https://mops.example.org/\nmenu:\n  - { title: Start, url: / }\n  - { title: Zła, url: \"javascript:alert(1)\" }\nembed_hosts: [\"evil.org; script-src *\"]\n",
    );
    let errors = site.build_err();
    assert_error_line(&errors, "content/site.yaml:5", "javascript:alert(1)");
    assert_error_line(&errors, "content/site.yaml:6", "evil.org; script-src *");

    let site = TestSite::new();
    site.post(
        "zapisy",
        "title: Zapisy\ndate: 2026-01-01\nevent:\n  start: 2026-12-05\n  registration: \"javascript:alert(1)\"",
        "Tekst.",
    );
    let errors = site.build_err();
    assert_error_line(&errors, "content/posts/zapisy.md:6", "javascript:alert(1)");
}

#[test]
fn the_checks_see_what_a_browser_would_run() {
    for bad in [
        "<a href=\" jav&#x09;ascript:alert(1)\">x</a>",
        "<img src=x onerror=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<script>alert(1)</script>",
        "<iframe src=\"https://evil.example/\" title=\"t\" sandbox></iframe>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<object data=\"/x.swf\"></object>",
        "<form><button formaction=\"DATA:text/html,x\">x</button></form>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
    ] {
        assert!(!problems(bad, false).is_empty(), "not seen: {bad}");
    }
    let fine = "<p>Tekst <a href=\"/aktualnosci/\">link</a> <img src=\"/a.jpg\" alt=\"\"></p>";
    assert!(problems(fine, false).is_empty());
}
