use super::*;

fn md(s: &str) -> Rendered {
    render(s, 1, MarkdownOptions::default())
}

#[test]
fn headings_get_anchors_without_diacritics() {
    let r = md("## Zajęcia w Łodzi\n\n## Zajęcia w Łodzi\n");
    assert!(r.html.contains("<h2 id=\"zajecia-w-lodzi\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"zajecia-w-lodzi-2\">"));
    assert_eq!(r.toc.len(), 2);
}

#[test]
fn level_one_headings_are_shifted_and_reported() {
    let r = md("# Wstęp\n\n## Szczegóły\n");
    assert!(r.html.contains("<h2 id=\"wstep\">"));
    assert!(r.html.contains("<h3 id=\"szczegoly\">"));
    assert_eq!(r.findings[0].check, Check::HeadingLevels);
}

#[test]
fn skipped_heading_levels_are_reported_with_their_line() {
    let r = render("Tekst\n\n#### Za głęboko\n", 10, MarkdownOptions::default());
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].line, 12);
    assert!(r.findings[0].message.to_string().contains("from 1 to 4"));
}

#[test]
fn vague_and_empty_link_texts_are_reported() {
    let r = md("[Kliknij tutaj](https://example.org) i [](https://example.org/a)\n");
    let checks: Vec<_> = r.findings.iter().map(|f| f.check).collect();
    assert_eq!(checks, [Check::VagueLinkText, Check::EmptyLinkText]);
    // As docs/content-format.md says: "pobierz" says nothing of the document either.
    let r = md("Regulamin: [pobierz](regulamin.pdf).\n");
    let checks: Vec<_> = r.findings.iter().map(|f| f.check).collect();
    assert_eq!(checks, [Check::VagueLinkText]);
}

#[test]
fn javascript_links_are_dropped_but_text_kept() {
    let r = md("[Regulamin](javascript:alert(1)) i [x](JaVaScRiPt&#58;alert(1))\n");
    assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
    assert!(r.html.contains("Regulamin"));
    assert!(r.findings.iter().any(|f| f.check == Check::Unsafe));
}

#[test]
fn links_are_described_or_reported_as_the_link_check_says() {
    let body = "Zobacz [Regulamin](regulamin.pdf) i [wzór](brak.docx).\n\n[Strona stowarzyszenia](https://example.org)\n";
    let mut asked = Vec::new();
    let r = render_with_links(body, 5, MarkdownOptions::default(), &mut |url| {
        asked.push(url.to_string());
        match url {
            "regulamin.pdf" => LinkNote::Describe("PDF, 240 KB".into()),
            "brak.docx" => LinkNote::Problem {
                message: "missing".into(),
                hint: "add it".into(),
            },
            _ => LinkNote::Keep,
        }
    });
    assert_eq!(asked, ["regulamin.pdf", "brak.docx", "https://example.org"]);
    assert!(
        r.html.contains(
            r#"<a href="regulamin.pdf" rel="noopener noreferrer">Regulamin (PDF, 240 KB)</a>"#
        ),
        "{}",
        r.html
    );
    assert!(r
        .html
        .contains(r#"<a href="brak.docx" rel="noopener noreferrer">wzór</a>"#));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].check, Check::Document);
    assert_eq!(r.findings[0].line, 5);
}

#[test]
fn raw_html_is_sanitised_unless_allowed() {
    let src =
        "Tekst <script>alert(1)</script><img src=x onerror=alert(1)>\n\n<b onclick=\"x()\">b</b>\n";
    let safe = md(src);
    assert!(!safe.html.contains("<script"), "{}", safe.html);
    assert!(!safe.html.contains("onerror"));
    assert!(!safe.html.contains("onclick"));
    let trusted = render(
        src,
        1,
        MarkdownOptions {
            allow_raw_html: true,
            ..MarkdownOptions::default()
        },
    );
    assert!(trusted.html.contains("<script>"));
}

#[test]
fn raw_html_inside_links_the_renderer_rewrites_is_sanitised() {
    // The branches that drop an unsafe link or describe a document link write the link's
    // text themselves; raw HTML in that text must still reach the sanitiser.
    let unsafe_link = md("[<img src=x onerror=alert(1)>](javascript:alert(1))\n");
    assert!(
        !unsafe_link.html.contains("onerror"),
        "{}",
        unsafe_link.html
    );
    let described = render_with_links(
        "[<b onmouseover=alert(1)>Regulamin</b>](regulamin.pdf)\n",
        1,
        MarkdownOptions::default(),
        &mut |_| LinkNote::Describe("PDF, 240 KB".into()),
    );
    assert!(
        !described.html.contains("onmouseover"),
        "{}",
        described.html
    );
    assert!(
        described
            .html
            .contains("<b>Regulamin</b> (PDF, 240 KB)</a>"),
        "{}",
        described.html
    );
}

#[test]
fn heading_attributes_cannot_add_event_handlers() {
    let r = md("## Zapisy {#zapisy .wazne onclick=alert(1) style=x}\n");
    assert_eq!(r.html, "<h2 id=\"zapisy\" class=\"wazne\">Zapisy</h2>\n");
}

#[test]
fn what_editors_need_is_kept() {
    let r = md("<figure><img src=\"/a.jpg\" alt=\"Plakat\"><figcaption>Plakat</figcaption></figure>\n\n<details open><summary>Więcej</summary>Tekst</details>\n\n<table><tr><th scope=\"col\">A</th></tr><tr><td colspan=\"2\">1</td></tr></table>\n");
    for kept in [
        "<figure><img src=\"/a.jpg\" alt=\"Plakat\"><figcaption>",
        "<details open=\"\"><summary>Więcej</summary>",
        "<th scope=\"col\">A</th>",
        "<td colspan=\"2\">1</td>",
    ] {
        assert!(r.html.contains(kept), "{kept} in {}", r.html);
    }
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn images_from_other_sites_in_raw_html_are_removed_and_reported() {
    let r = md("Tekst\n\n<img src=\"https://tracker.example/p.gif\" alt=\"\">\n");
    assert!(!r.html.contains("tracker"), "{}", r.html);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(
        (r.findings[0].check, r.findings[0].line),
        (Check::Unsafe, 3)
    );
}

fn with_embeds(body: &str, hosts: &[&str]) -> Rendered {
    let hosts: Vec<EmbedHost> = hosts.iter().map(|h| EmbedHost::parse(h).unwrap()).collect();
    render(
        body,
        1,
        MarkdownOptions {
            embed_hosts: &hosts,
            ..MarkdownOptions::default()
        },
    )
}

#[test]
fn frames_load_only_from_the_configured_hosts() {
    let body = "Mapa:\n\n<iframe src=\"https://www.google.com/maps/embed?pb=1&amp;x=2\" title=\"Mapa dojazdu\" onload=\"alert(1)\" allow=\"camera\">fallback <b>x</b></iframe>\n\n<iframe\n  src=\"https://evil.example/x\" title=\"Zła\"></iframe>\n";
    let r = with_embeds(body, &["www.google.com/maps/embed"]);
    for kept in [
        "<iframe src=\"https://www.google.com/maps/embed?pb=1&amp;x=2\" title=\"Mapa dojazdu\"",
        " loading=\"lazy\"",
        " referrerpolicy=\"strict-origin-when-cross-origin\"",
        " sandbox=\"allow-scripts ",
        "></iframe>",
    ] {
        assert!(r.html.contains(kept), "{kept} in {}", r.html);
    }
    assert!(
        !r.html.contains("onload") && !r.html.contains("camera") && !r.html.contains("fallback"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("evil"), "{}", r.html);
    assert_eq!(r.html.matches("<iframe").count(), 1, "{}", r.html);
    assert_eq!(r.frame_src, ["https://www.google.com/maps/embed"]);
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(
        (r.findings[0].check, r.findings[0].line),
        (Check::Unsafe, 5)
    );

    let none = with_embeds(body, &[]);
    assert!(!none.html.contains("<iframe"), "{}", none.html);
    assert!(none.frame_src.is_empty());
}

#[test]
fn frames_without_a_title_are_reported() {
    let r = with_embeds(
        "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>\n",
        &["player.vimeo.com"],
    );
    assert!(r
        .html
        .contains("<iframe src=\"https://player.vimeo.com/video/1\""));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(
        (r.findings[0].check, r.findings[0].line),
        (Check::FrameTitle, 1)
    );
}

#[test]
fn tables_footnotes_and_strikethrough_render() {
    let r = md("| A | B |\n|---|---|\n| 1 | 2 |\n\nTekst[^1] ~~stare~~\n\n[^1]: Przypis.\n");
    assert!(r.html.contains("<th>A</th>"));
    assert!(r.html.contains("footnote-definition"));
    assert!(r.html.contains("<del>stare</del>"));
}

#[test]
fn table_alignment_uses_classes_not_inline_styles() {
    let table = "| Miesiąc | Osoby | Uwagi |\n|:--|--:|:-:|\n| maj | 12 | — |\n";
    for body in [table.to_string(), format!("{table}\n<p>tekst</p>\n")] {
        let r = md(&body);
        assert!(!r.html.contains("style="), "{}", r.html);
        assert!(
            r.html.contains(r#"<th class="align-left">Miesiąc</th>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<th class="align-right">Osoby</th>"#));
        assert!(r.html.contains(r#"<td class="align-right">12</td>"#));
        assert!(r.html.contains(r#"<td class="align-center">—</td>"#));
    }
    let unaligned = md("| A | B |\n|---|---|\n| 1 | 2 |\n");
    assert!(
        unaligned.html.contains("<td>1</td><td>2</td>"),
        "{}",
        unaligned.html
    );
}

#[test]
fn images_in_the_text_must_be_local_paths() {
    let r = md("![Mapa dojazdu](https://maps.example.com/x.png)\n");
    assert!(!r.html.contains("maps.example.com"));
    assert!(r.findings.iter().any(|f| f.check == Check::Unsafe));
    let ok = md("![Logo programu](/assets/img/logo.png)\n");
    assert!(ok.html.contains("src=\"/assets/img/logo.png\""));
}

#[test]
fn the_lead_leaves_out_inline_scripts() {
    let r = md("Zapraszamy <script>alert(1)</script>na festyn <style>p{}</style>w sobotę.\n");
    assert_eq!(r.lead, "Zapraszamy na festyn w sobotę.");
    // A one-line HTML block with a style element does not swallow the text after it.
    let r = md("<style>p { color: red }</style>\n\nPierwszy akapit.\n");
    assert_eq!(r.lead, "Pierwszy akapit.");
}

#[test]
fn lead_is_the_first_paragraph_shortened() {
    let long = "słowo ".repeat(100);
    let r = md(&format!("## Nagłówek\n\n{long}\n\nDrugi akapit.\n"));
    assert!(r.lead.ends_with('…'));
    assert!(r.lead.chars().count() <= LEAD_MAX_CHARS + 1);
    assert!(!r.lead.contains("Drugi"));
}

#[test]
fn links_and_images_from_the_root_move_under_the_site_path() {
    let text = "[O nas](/o-nas/) [już](/mops/kontakt/) [sekcja](#a) [plik](plan.pdf) \
                [inny](https://gmina.pl/) [host](//cdn.example.org/x)\n\n![Plan](/plan.png)\n";
    let under = |url_root| {
        render(
            text,
            3,
            MarkdownOptions {
                url_root,
                ..MarkdownOptions::default()
            },
        )
    };
    let r = under("/mops/");
    for written in [
        "href=\"/mops/o-nas/\"",
        "href=\"/mops/kontakt/\"",
        "href=\"#a\"",
        "href=\"plan.pdf\"",
        "href=\"https://gmina.pl/\"",
        "href=\"//cdn.example.org/x\"",
        "src=\"/mops/plan.png\"",
    ] {
        assert!(r.html.contains(written), "{written}: {}", r.html);
    }
    let link = |w: &str, url: &str, line| crate::markdown::TextLink {
        written: w.into(),
        url: url.into(),
        line,
    };
    assert_eq!(r.links[0], link("/o-nas/", "/mops/o-nas/", 3));
    assert_eq!(
        r.links.last(),
        Some(&link("/plan.png", "/mops/plan.png", 5))
    );
    let top = under("/");
    assert!(top.html.contains("href=\"/o-nas/\"") && top.html.contains("src=\"/plan.png\""));
}
