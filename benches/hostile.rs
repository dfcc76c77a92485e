//! How long `tablica build` takes on the hostile inputs of tests/hardening.rs: a YAML alias
//! bomb, a photo whose header claims 30,000 × 30,000 pixels, a 50 MB Markdown file (refused
//! before reading) and a title of 100,000 letters with a word of a million (built). The tests
//! bound the memory these builds take; their time is measured here, not asserted.
//!
//! Run with `cargo bench --bench hostile`. Each case is built `TABLICA_BENCH_RUNS` times
//! (default 5) in its own fixture site (the real binary, debug or release as cargo built it);
//! the table shows the median wall time and the median CPU time. (Peak memory is left out: a
//! child's `ru_maxrss` includes the memory of this process at the spawn, which holds the 50 MB
//! file; the tests bound the builds' memory with `RLIMIT_DATA` instead.)

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::process::Stdio;

use common::{
    alias_bomb_front_matter, built_site, huge_markdown, huge_title_and_word, jpeg_claiming,
    TestSite,
};
use support::{format_duration, median, wait_with_usage};

/// A case: its name, what it adds to a built site, and the exit status expected.
type Case = (&'static str, fn(&TestSite), i32);

fn main() {
    let runs = support::sizes_from_env("TABLICA_BENCH_RUNS", "5")[0];
    let cases: [Case; 4] = [
        ("YAML alias bomb (refused)", alias_bomb, 1),
        ("30000 × 30000 photo header (refused)", huge_photo, 1),
        ("50 MB Markdown file (refused)", huge_file, 1),
        ("100k-letter title, 1M-letter word", long_text, 0),
    ];
    println!("hostile inputs: `tablica build`, {runs} runs each");
    println!("{:<38} {:>10} {:>10}", "case", "wall", "cpu");
    for (name, make, expected_code) in cases {
        let site = built_site();
        make(&site);
        let (mut walls, mut cpus) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let started = std::time::Instant::now();
            let child = site
                .command(&["build", "--force"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start tablica");
            let (status, usage) = wait_with_usage(child);
            walls.push(started.elapsed());
            assert_eq!(status.code(), Some(expected_code), "{name}: {status}");
            cpus.push(usage.cpu);
        }
        println!(
            "{name:<38} {:>10} {:>10}",
            format_duration(median(&mut walls)),
            format_duration(median(&mut cpus))
        );
    }
}

fn alias_bomb(site: &TestSite) {
    site.post("bomba", &alias_bomb_front_matter(), "Tekst.");
}

fn huge_photo(site: &TestSite) {
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn\ndate: 2026-06-01\ncover: { src: ogromne.jpg, alt: Scena podczas festynu }\n---\nTekst.\n",
    );
    site.write_bytes(
        "content/posts/festyn/ogromne.jpg",
        &jpeg_claiming(30_000, 30_000),
    );
}

fn huge_file(site: &TestSite) {
    site.write("content/posts/ogromny.md", &huge_markdown(50));
}

fn long_text(site: &TestSite) {
    let (title, word) = huge_title_and_word();
    site.post("dlugi", &format!("title: {title}\ndate: 2026-01-02"), &word);
}
