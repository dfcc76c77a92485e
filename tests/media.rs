//! Documents and videos of page bundles: link texts with type and size, films with required
//! captions, and YouTube/Vimeo films that load nothing until the reader asks.

mod common;

use common::*;

const NBSP: char = '\u{a0}';
const WEBVTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nDzień dobry, zapraszamy do klubu.\n";

/// A post bundle `content/posts/<name>/index.md` with the given front matter and body.
fn bundle(site: &TestSite, name: &str, front_matter: &str, body: &str) {
    site.write(
        &format!("content/posts/{name}/index.md"),
        &format!("---\n{front_matter}\n---\n{body}\n"),
    );
}

fn documents_site(config: &str) -> TestSite {
    let site = TestSite::with_config(config);
    bundle(
        &site,
        "rekrutacja",
        "title: Rekrutacja\ndate: 2026-02-10",
        "Zasady opisuje [Regulamin rekrutacji](regulamin.pdf).\n\nFormularz: [wzór zgłoszenia](Wzor%20zgloszenia.docx#strona-2).\n\n[Strona programu](https://example.org/program.pdf)",
    );
    site.write_bytes(
        "content/posts/rekrutacja/regulamin.pdf",
        &vec![b'%'; 240 * 1024],
    );
    site.write_bytes(
        "content/posts/rekrutacja/Wzor zgloszenia.docx",
        &vec![0; 1_258_291],
    );
    site
}

#[test]
fn document_links_say_type_and_size_in_the_site_language() {
    let site = documents_site(SITE_YAML);
    site.build_ok();
    let html = site.read("aktualnosci/rekrutacja/index.html");
    assert!(
        html.contains(&format!(
            r#"<a href="regulamin.pdf" rel="noopener noreferrer">Regulamin rekrutacji (PDF, 240{NBSP}KB)</a>"#
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!("wzór zgłoszenia (DOCX, 1,2{NBSP}MB)</a>")),
        "Polish decimal comma: {html}"
    );
    assert!(
        html.contains(r#"<a href="https://example.org/program.pdf" rel="noopener noreferrer">Strona programu</a>"#),
        "links to other sites are left alone"
    );
    assert!(site.exists("aktualnosci/rekrutacja/regulamin.pdf"));

    let english =
        documents_site("title: Help Centre\nlanguage: en\nbase_url: https://help.example.org/\n");
    english.build_ok();
    let html = english.read("news/rekrutacja/index.html");
    assert!(html.contains(&format!("Regulamin rekrutacji (PDF, 240{NBSP}KB)</a>")));
    assert!(
        html.contains(&format!("(DOCX, 1.2{NBSP}MB)</a>")),
        "English decimal point: {html}"
    );
}

#[test]
fn a_link_to_a_missing_or_outside_document_is_an_error_with_file_and_line() {
    let site = TestSite::new();
    bundle(
        &site,
        "rekrutacja",
        "title: Rekrutacja\ndate: 2026-02-10",
        "Wstęp.\n\nZobacz [Regulamin](regulamin.pdf).\n\n[Wzór](../inny/wzor.docx)",
    );
    site.post(
        "bez-folderu",
        "title: Bez folderu\ndate: 2026-02-11",
        "[Regulamin](regulamin.pdf)",
    );
    let err = site.build_err();
    assert!(
        err.contains("content/posts/rekrutacja/index.md:7: the linked document `regulamin.pdf` does not exist"),
        "{err}"
    );
    assert!(
        err.contains("content/posts/rekrutacja/index.md:9: the linked document `../inny/wzor.docx` is not a file in this document's folder"),
        "{err}"
    );
    assert!(
        err.contains("content/posts/bez-folderu.md:5: the linked document `regulamin.pdf` needs a page bundle"),
        "{err}"
    );
    assert!(err.contains("move `x.md` to `x/index.md`"), "{err}");
}

#[test]
fn a_document_changed_on_disk_renders_its_page_again_in_place() {
    let site = documents_site(SITE_YAML);
    let (mut builder, output) = site.in_place_builder();
    builder.build().expect("first build");
    let unchanged = builder.build().expect("same again");
    assert_eq!(unchanged.rendered, 0, "nothing changed");

    // Only the PDF changes; the Markdown file is untouched and not invalidated.
    site.write_bytes(
        "content/posts/rekrutacja/regulamin.pdf",
        &vec![b'%'; 2 * 1024 * 1024],
    );
    let report = builder.build().expect("second build");
    assert!(report.rendered >= 1, "the page is rendered again");
    let html =
        std::fs::read_to_string(output.join("aktualnosci/rekrutacja/index.html")).expect("page");
    assert!(
        html.contains(&format!("Regulamin rekrutacji (PDF, 2{NBSP}MB)")),
        "{html}"
    );
}

fn video_site(video: &str) -> TestSite {
    let site = TestSite::new();
    bundle(
        &site,
        "klub",
        &format!("title: Klub seniora\ndate: 2026-03-01\n{video}"),
        "Film z zajęć.",
    );
    site.write_bytes("content/posts/klub/film.mp4", &[0; 2048]);
    site
}

#[test]
fn a_local_film_without_captions_is_an_error_naming_the_field() {
    let site = video_site("video:\n  title: Zajęcia w klubie\n  src: film.mp4");
    let err = site.build_err();
    assert!(
        err.contains("content/posts/klub/index.md:6: field `video.captions`: the film `film.mp4` has no captions"),
        "{err}"
    );
    assert!(
        err.contains("WEBVTT"),
        "the hint says how to make one: {err}"
    );
}

#[test]
fn a_local_film_plays_with_its_captions_and_transcript() {
    let site = video_site(
        "video:\n  title: Zajęcia w klubie\n  src: film.mp4\n  captions: napisy.vtt\n  transcript: transkrypcja.md",
    );
    site.write("content/posts/klub/napisy.vtt", WEBVTT);
    site.write(
        "content/posts/klub/transkrypcja.md",
        "**Prowadząca:** Dzień dobry, zapraszamy do klubu.\n",
    );
    site.build_ok();
    let html = site.read("aktualnosci/klub/index.html");
    assert!(
        html.contains(r#"<video class="video__player" controls preload="none">"#),
        "{html}"
    );
    assert!(html.contains(r#"<source src="film.mp4" type="video/mp4">"#));
    assert!(
        html.contains(
            r#"<track kind="captions" src="napisy.vtt" srclang="pl" label="Napisy" default>"#
        ),
        "{html}"
    );
    assert!(html.contains("<summary>Transkrypcja filmu"));
    assert!(html.contains("<strong>Prowadząca:</strong> Dzień dobry"));
    assert!(html.contains(&format!("Pobierz film (MP4, 2{NBSP}KB)")));
    assert!(
        html.contains("frame-src 'none'"),
        "a local film needs no frames"
    );
    assert!(site.exists("aktualnosci/klub/film.mp4"));
    assert!(site.exists("aktualnosci/klub/napisy.vtt"));
    assert!(
        !site.exists("aktualnosci/klub/transkrypcja.md"),
        "the transcript is shown, not copied"
    );
}

#[test]
fn captions_must_be_webvtt() {
    let site =
        video_site("video:\n  title: Zajęcia w klubie\n  src: film.mp4\n  captions: napisy.vtt");
    site.write(
        "content/posts/klub/napisy.vtt",
        "1\n00:00:01,000 --> 00:00:04,000\nTo są napisy SRT.\n",
    );
    let err = site.build_err();
    assert!(
        err.contains("content/posts/klub/index.md:7: field `video.captions`: the captions file `napisy.vtt` is not a WebVTT file"),
        "{err}"
    );
}

#[test]
fn video_files_must_stay_in_the_bundle() {
    let site = video_site(
        "video:\n  - title: Zajęcia\n    src: ../inny/film.mp4\n    captions: napisy.vtt\n  - title: Drugi\n    src: film.mp4\n    captions: /etc/passwd",
    );
    site.write("content/posts/klub/napisy.vtt", WEBVTT);
    site.write("content/posts/inny/film.mp4", "film");
    let err = site.build_err();
    assert!(
        err.contains("content/posts/klub/index.md:6: field `video[0].src`: the film `../inny/film.mp4` is not a file in this document's folder"),
        "{err}"
    );
    assert!(
        err.contains("field `video[1].captions`: the captions file `/etc/passwd` is not a file in this document's folder"),
        "{err}"
    );
}

/// Every `src="…"` and `href="…"` value of the HTML with the tag it belongs to.
fn addresses(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (start, _) in html.match_indices('<') {
        let Some(end) = html[start..].find('>') else {
            continue;
        };
        let tag = &html[start..start + end];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        for attr in [" src=\"", " href=\""] {
            for (at, _) in tag.match_indices(attr) {
                let value = &tag[at + attr.len()..];
                let value = &value[..value.find('"').unwrap_or(value.len())];
                found.push((name.clone(), value.to_string()));
            }
        }
    }
    found
}

#[test]
fn an_external_film_loads_nothing_from_other_hosts_until_asked() {
    let site = video_site(
        "video:\n  title: Dzień seniora 2025\n  youtube: https://www.youtube.com/watch?v=Xk3_9-aBcDe&t=12",
    );
    site.build_ok();
    let html = site.read("aktualnosci/klub/index.html");
    for (tag, url) in addresses(&html) {
        let other_host = ["youtube", "ytimg", "youtu.be", "vimeo", "google"]
            .iter()
            .any(|h| url.contains(h));
        if other_host {
            assert_eq!(
                tag, "a",
                "only a plain link may point at YouTube: <{tag} {url}>"
            );
            assert_eq!(url, "https://www.youtube.com/watch?v=Xk3_9-aBcDe");
        }
    }
    assert_eq!(count(&html, "<iframe"), 0);
    assert_eq!(count(&html, "youtube.com/watch"), 1, "one plain link");
    assert!(html.contains(
        r#"data-video-embed="https://www.youtube-nocookie.com/embed/Xk3_9-aBcDe?autoplay=1""#
    ));
    assert!(
        html.contains(r#"<button type="button" class="video__play" data-video-play hidden>Odtwórz film „Dzień seniora 2025” – wczyta odtwarzacz z serwisu YouTube (Google)</button>"#),
        "a real button named with the film's title: {html}"
    );
    assert!(html.contains("może zapisać pliki cookie"), "the notice");
    assert!(
        html.contains("; frame-src https://www.youtube-nocookie.com\">"),
        "the CSP allows exactly the player's host"
    );
    assert!(html.contains(r#"<script src="/assets/js/video.js" defer></script>"#));
    assert!(site.exists("assets/js/video.js"));
    let home = site.read("index.html");
    assert!(
        home.contains("frame-src 'none'"),
        "other pages allow no frames"
    );
}

#[test]
fn bad_video_ids_and_two_sources_are_refused() {
    let site = video_site(
        "video:\n  - title: Zły adres\n    youtube: https://example.org/watch?v=Xk3_9-aBcDe\n  - title: Za krótki\n    youtube: abc\n  - title: Oba\n    src: film.mp4\n    vimeo: \"76979871\"",
    );
    let err = site.build_err();
    assert!(
        err.contains("content/posts/klub/index.md:6: field `video[0].youtube`: `https://example.org/watch?v=Xk3_9-aBcDe` is not the address or ID of a film on YouTube (Google)"),
        "{err}"
    );
    assert!(
        err.contains("content/posts/klub/index.md:8: field `video[1].youtube`: `abc` is not"),
        "{err}"
    );
    assert!(
        err.contains("field `video[2].vimeo`: the video has both `src` and `vimeo`"),
        "{err}"
    );
}

#[test]
fn a_vimeo_film_allows_only_the_vimeo_player() {
    let site = video_site("video:\n  title: Festyn\n  vimeo: https://vimeo.com/76979871");
    site.build_ok();
    let html = site.read("aktualnosci/klub/index.html");
    assert!(html.contains("; frame-src https://player.vimeo.com\">"));
    assert!(html.contains(
        r#"data-video-embed="https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1""#
    ));
    assert!(html.contains(r#"<a class="video__link" href="https://vimeo.com/76979871">"#));
}
