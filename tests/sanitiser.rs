//! Links and images wherever Markdown nests them (headings, table cells, link text, footnotes),
//! control characters and browser-read image addresses: checked in a post, in its video
//! transcript and in the Atom feed, on the parsed output, with a warning naming file and line.

mod common;

use common::*;
use scraper::{Html, Selector};

/// Each vector on its own line (the line is the warning's), and what its warning says.
const VECTORS: &[(&str, &str)] = &[
    (
        "## Zapisy: [formularz](javascript:alert(1))",
        "javascript:alert(1)",
    ),
    (
        "## Partner ![Logo](https://tracker.example/p.gif)",
        "tracker.example/p.gif",
    ),
    (
        "Wsparcie [![Logo](https://tracker.example/l.gif)](javascript:alert(2)) partnera.",
        "tracker.example/l.gif",
    ),
    (
        "Zobacz [![Logo](https://tracker.example/d.gif) regulamin](regulamin.pdf).",
        "tracker.example/d.gif",
    ),
    (
        "| [tabela](javascript:alert(3)) | ![t](https://tracker.example/t.gif) |",
        "tracker.example/t.gif",
    ),
    ("Przypis[^p] w tekście.", ""),
    (
        "[^p]: [przypis](javascript:alert(4)) ![f](https://tracker.example/f.gif)",
        "tracker.example/f.gif",
    ),
    (
        "<img src=\"/&#9;/evil.example/x.png\" alt=\"x\">",
        "evil.example/x.png",
    ),
    (
        "Obraz ![y](/&#9;/evil.example/y.png) w tekście.",
        "evil.example/y.png",
    ),
    (
        "Sterowanie \u{1b}[31mczerwone\u{0}\u{7} i koniec.",
        "control characters",
    ),
];

/// The body: the vectors, a table header where the table needs one, blank lines between.
fn body() -> String {
    let mut body = String::new();
    for (vector, _) in VECTORS {
        if vector.starts_with('|') {
            body.push_str("| A | B |\n|---|---|\n");
        }
        body.push_str(vector);
        body.push_str("\n\n");
    }
    body
}

/// Line of each vector in `text` (1-based), after `offset` lines before it in the file.
fn line_of(text: &str, vector: &str, offset: usize) -> usize {
    let at = text.find(vector).expect("vector in the text");
    offset + text[..at].matches('\n').count() + 1
}

/// Every address in `html` that a browser would follow or load, as written.
fn addresses(html: &str) -> (Vec<String>, Vec<String>) {
    let doc = Html::parse_document(html);
    let attr = |sel: &str, name: &str| -> Vec<String> {
        doc.select(&Selector::parse(sel).expect("selector"))
            .filter_map(|e| e.value().attr(name).map(str::to_string))
            .collect()
    };
    (attr("a[href]", "href"), attr("img[src]", "src"))
}

/// No script address among the links and only images of `site` among the images, read as a
/// browser reads them (the `url` crate follows the URL standard).
fn assert_safe(html: &str, page: &str, what: &str) {
    let (links, images) = addresses(html);
    assert!(!links.is_empty(), "{what}: links were found");
    for href in links {
        let cleaned: String = href
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
            .collect();
        assert!(
            !cleaned.to_ascii_lowercase().starts_with("javascript:"),
            "{what}: a script link survived: {href}"
        );
    }
    let base = url::Url::parse(page).expect("page address");
    for src in images {
        let loaded = base.join(&src).expect("image address");
        assert_eq!(
            loaded.host_str(),
            base.host_str(),
            "{what}: an image from another site survived: {src}"
        );
    }
    for gone in [
        "tracker.example",
        "evil.example",
        "\u{1b}",
        "\u{0}",
        "\u{7}",
    ] {
        assert!(!html.contains(gone), "{what}: {gone:?} in {html}");
    }
}

/// The HTML of the feed entry of the post, as a feed reader reads it.
fn feed_entry_html(feed: &str) -> String {
    let start = feed
        .find("<content type=\"html\">")
        .expect("a feed entry with content")
        + "<content type=\"html\">".len();
    let end = start
        + feed[start..]
            .find("</content>")
            .expect("end of the content");
    feed[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn links_and_images_nested_anywhere_are_checked_in_posts_transcripts_and_feeds() {
    let site = TestSite::new();
    let body = body();
    let front = "title: Klub seniora\ndate: 2026-03-01\nvideo:\n  title: Zajęcia w klubie\n  src: film.mp4\n  captions: napisy.vtt\n  transcript: transkrypcja.md";
    site.write(
        "content/posts/klub/index.md",
        &format!("---\n{front}\n---\n{body}"),
    );
    site.write_bytes("content/posts/klub/film.mp4", &[0; 2048]);
    site.write_bytes("content/posts/klub/regulamin.pdf", &[b'%'; 1024]);
    site.write(
        "content/posts/klub/napisy.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nDzień dobry.\n",
    );
    site.write("content/posts/klub/transkrypcja.md", &body);
    let out = site.build_ok();
    let messages = stderr(&out);

    let body_offset = front.lines().count() + 2;
    for (vector, warning) in VECTORS.iter().filter(|(_, w)| !w.is_empty()) {
        for (file, offset) in [
            ("content/posts/klub/index.md", body_offset),
            ("content/posts/klub/transkrypcja.md", 0),
        ] {
            let line = line_of(&body, vector, offset);
            let at = format!("{file}:{line}: ");
            assert!(
                messages
                    .lines()
                    .any(|l| l.contains(&at) && l.contains(warning)),
                "a warning names {at} and {warning:?}:\n{messages}"
            );
        }
    }
    for control in ['\u{1b}', '\u{0}', '\u{7}'] {
        assert!(
            !messages.contains(control),
            "{control:?} reached the terminal: {messages:?}"
        );
    }

    let page = site.read("aktualnosci/klub/index.html");
    assert!(
        page.contains("Transkrypcja"),
        "the transcript is on the page"
    );
    assert!(
        page.contains("formularz") && page.contains("przypis"),
        "link texts are kept"
    );
    assert_safe(
        &page,
        "https://mops.example.org/aktualnosci/klub/",
        "post and transcript",
    );

    let feed = site.read("atom.xml");
    let entry = feed_entry_html(&feed);
    assert!(
        entry.contains("formularz"),
        "the entry holds the post: {entry}"
    );
    assert_safe(&entry, "https://mops.example.org/aktualnosci/klub/", "feed");
}

#[test]
fn a_site_that_allows_raw_html_still_feeds_only_sanitised_html() {
    let site = TestSite::with_config(&format!("{SITE_YAML}allow_raw_html: true\n"));
    site.post(
        "zapisy",
        "title: Zapisy\ndate: 2026-03-01",
        "Zapisy: [regulamin](/regulamin/), <a href=\"javascript:alert(1)\">formularz</a> <img src=\"https://tracker.example/p.gif\" alt=\"\"><script>alert(2)</script>",
    );
    site.build_ok();
    let entry = feed_entry_html(&site.read("atom.xml"));
    assert!(entry.contains("Zapisy"), "{entry}");
    assert!(!entry.contains("<script"), "{entry}");
    assert_safe(
        &entry,
        "https://mops.example.org/",
        "feed of a trusted site",
    );
}
