//! Bad input: every class of problem names the file and line, says what to do, and leaves the
//! previous output untouched.

mod common;

use common::*;

#[test]
fn malformed_yaml() {
    let site = built_site();
    site.post("zly", "title: Zły\ndate: 2026-01-02\ntags: [a, b", "Tekst.");
    assert_rejected(&site, &["content/posts/zly.md:", "invalid front matter"]);
}

#[test]
fn missing_title() {
    let site = built_site();
    site.post("bez-tytulu", "date: 2026-01-02", "Tekst.");
    assert_rejected(
        &site,
        &[
            "content/posts/bez-tytulu.md:2",
            "field `title`",
            "title is missing",
        ],
    );
}

#[test]
fn wrong_date_gets_the_corrected_form() {
    let site = built_site();
    site.post("data", "title: Data\ndate: 24.11.2026", "Tekst.");
    assert_rejected(
        &site,
        &["content/posts/data.md:3", "field `date`", "`2026-11-24`"],
    );
}

#[test]
fn unknown_key_with_a_hint() {
    let site = built_site();
    site.post(
        "literowka",
        "title: Literówka\ndate: 2026-01-02\ncategry: Wydarzenia",
        "Tekst.",
    );
    assert_rejected(
        &site,
        &[
            "content/posts/literowka.md:4",
            "unknown field `categry`",
            "did you mean `category`",
        ],
    );
}

#[test]
fn unknown_project() {
    let site = built_site();
    site.post(
        "projekt",
        "title: Projekt\ndate: 2026-01-02\nproject: aktywny",
        "Tekst.",
    );
    assert_rejected(
        &site,
        &[
            "content/posts/projekt.md:4",
            "field `project`",
            "no project `aktywny`",
            "did you mean `aktywni`",
        ],
    );
}

#[test]
fn duplicate_slug() {
    let site = built_site();
    site.post(
        "kopia",
        "title: Kopia\ndate: 2026-01-02\nslug: dobry",
        "Tekst.",
    );
    assert_rejected(
        &site,
        &[
            "content/posts/kopia.md:4",
            "already has the address `dobry`",
            "content/posts/dobry.md",
        ],
    );
}

#[test]
fn several_broken_files_are_all_reported() {
    let site = built_site();
    site.post("a", "date: 2026-01-02", "Tekst.")
        .post("b", "title: B\ndate: wczoraj", "Tekst.")
        .post("c", "title: C\ndate: 2026-01-02\nautor: x", "Tekst.");
    let err = assert_rejected(
        &site,
        &[
            "content/posts/a.md",
            "content/posts/b.md",
            "content/posts/c.md",
        ],
    );
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn unclosed_front_matter_and_non_utf8() {
    let site = built_site();
    site.write(
        "content/posts/otwarty.md",
        "---\ntitle: Otwarty\ndate: 2026-01-02\nTekst bez końca.\n",
    );
    site.write_bytes(
        "content/posts/latin2.md",
        b"---\ntitle: Zaj\xeacia\ndate: 2026-01-02\n---\n",
    );
    assert_rejected(
        &site,
        &[
            "content/posts/otwarty.md:1",
            "not closed",
            "content/posts/latin2.md:2",
            "not valid UTF-8",
        ],
    );
}

#[test]
fn bad_site_settings() {
    let site = built_site();
    site.write(
        "content/site.yaml",
        "title: X\nbase_url: mops.example.org\nlangauge: pl\n",
    );
    assert_rejected(&site, &["content/site.yaml:3", "did you mean `language`"]);
    site.write(
        "content/site.yaml",
        "title: X\nbase_url: mops.example.org\n",
    );
    assert_rejected(&site, &["content/site.yaml:2", "base_url"]);
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = built_site();
    site.write(
        "content/posts/windows.md",
        "\u{feff}---\r\ntitle: Z Windowsa\r\ndate: 2026-01-03\r\n---\r\nTekst.\r\n",
    );
    site.build_ok();
    assert!(site
        .read("aktualnosci/windows/index.html")
        .contains("Z Windowsa"));
}

#[test]
fn warnings_do_not_stop_the_build() {
    let site = built_site();
    site.post(
        "linki",
        "title: Linki\ndate: 2026-01-02",
        "Więcej [kliknij tutaj](https://example.org).\n\n#### Za głęboko",
    );
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning: content/posts/linki.md:5"), "{err}");
    assert!(err.contains("kliknij tutaj"));
    assert!(err.contains("warning: content/posts/linki.md:7"), "{err}");
}

#[test]
fn check_fails_on_errors_with_exit_status_one() {
    let site = built_site();
    site.post("zly", "title: Zły", "Tekst.");
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("content/posts/zly.md"));
}
