//! A post with thousands of tags: only the first few dozen become pages, with a warning.

mod common;

use common::*;

#[test]
fn thousands_of_tags_on_one_post_are_cut_to_the_limit_with_a_warning() {
    let site = TestSite::new();
    let tags: Vec<String> = (0..3000).map(|i| format!("temat{i}")).collect();
    site.post(
        "2026-11-20-tagi",
        &format!(
            "title: Wpis z tagami\ndate: 2026-11-20\ntags: [{}]",
            tags.join(", ")
        ),
        "Tekst.",
    );
    site.post(
        "2026-11-10-inny",
        "title: Inny\ndate: 2026-11-10\ntags: [temat1]",
        "Tekst.",
    );
    let out = site.build_ok();
    let err = stderr(&out);
    assert!(err.contains("2026-11-20-tagi.md:4"), "{err}");
    assert!(err.contains("field `tags`"), "{err}");
    assert!(
        err.contains("3000 tags; only the first 50 are used"),
        "{err}"
    );

    let tag_pages = std::fs::read_dir(site.public().join("tagi"))
        .expect("tag folder")
        .flatten()
        .filter(|e| e.path().join("index.html").is_file())
        .count();
    assert_eq!(tag_pages, 50);
    // Each tag page lists the post with at most the limit of tags.
    let page = site.read("tagi/temat1/index.html");
    assert!(page.contains("Wpis z tagami") && page.contains("Inny"));
    assert!(!page.contains("temat50<") && !page.contains("temat2999"));
}
