//! Pathological inputs at two sizes, N and 2N: time should double, not quadruple. Each case
//! is a generated site of one such post (and one ordinary post); the build is timed in
//! process, median of three. Run with `cargo bench --bench pathological`
//! (`TABLICA_BENCH_PATHOLOGICAL=1000` for another N).
//!
//! A build that refuses the input (an error for the post) is timed the same way: what
//! matters is how long it takes to say so.

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use tablica::build::{BuildOptions, Builder};

const SITE_YAML: &str = "title: MOPS Testowo\nbase_url: https://mops.example.org/\ndescription: Strona testowa\norganisation:\n  name: Miejski Ośrodek Pomocy Społecznej w Testowie\n  email: mops@example.org\n";

/// A case: its name and the front matter and body of the post for size `n`.
struct Case {
    name: &'static str,
    post: fn(usize) -> (String, String),
}

const CASES: &[Case] = &[
    Case {
        name: "links in a feed post",
        post: |n| {
            let body = (0..n).fold(String::new(), |mut s, i| {
                let _ = writeln!(
                    s,
                    "Zobacz [stronę {i}](/strona-{i}/) i [inną](https://example.org/{i})."
                );
                s
            });
            (String::new(), body)
        },
    },
    Case {
        name: "footnotes in a feed post",
        post: |n| {
            let mut body = (0..n).fold(String::new(), |mut s, i| {
                let _ = writeln!(s, "Zdanie {i}.[^{i}]");
                s
            });
            for i in 0..n {
                let _ = writeln!(body, "\n[^{i}]: Przypis {i}.");
            }
            (String::new(), body)
        },
    },
    Case {
        name: "deeply nested YAML",
        post: |n| {
            let nested = format!("{}1{}", "[".repeat(n), "]".repeat(n));
            (format!("extra:\n  x: {nested}\n"), "Tekst.".into())
        },
    },
    Case {
        name: "tags on one post",
        post: |n| {
            let tags: Vec<String> = (0..n).map(|i| format!("temat{i}")).collect();
            (format!("tags: [{}]\n", tags.join(", ")), "Tekst.".into())
        },
    },
    Case {
        name: "nested raw <div>s",
        post: |n| {
            let body = format!("{}tekst{}", "<div>".repeat(n), "</div>".repeat(n));
            (String::new(), body)
        },
    },
];

fn write_site(root: &Path, front: &str, body: &str) {
    let posts = root.join("content/posts");
    std::fs::create_dir_all(&posts).expect("content folder");
    std::fs::write(root.join("content/site.yaml"), SITE_YAML).expect("site.yaml");
    std::fs::write(
        posts.join("2026-11-20-przypadek.md"),
        format!("---\ntitle: Przypadek\ndate: 2026-11-20\n{front}---\n{body}\n"),
    )
    .expect("post");
    std::fs::write(
        posts.join("2026-11-10-zwykly.md"),
        "---\ntitle: Zwykły wpis\ndate: 2026-11-10\n---\nTekst.\n",
    )
    .expect("post");
}

/// The median build time of the case at size `n`, and whether the build succeeded.
fn measure(case: &Case, n: usize) -> (Duration, bool) {
    let (front, body) = (case.post)(n);
    let mut times = Vec::new();
    let mut ok = false;
    for _ in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        write_site(dir.path(), &front, &body);
        let mut builder = Builder::new(BuildOptions {
            output: Some(dir.path().join("public")),
            ..BuildOptions::new(dir.path())
        });
        let started = Instant::now();
        ok = builder.build().is_ok();
        times.push(started.elapsed());
    }
    (support::median(&mut times), ok)
}

fn main() {
    for n in support::sizes_from_env("TABLICA_BENCH_PATHOLOGICAL", "2000") {
        println!("pathological inputs: build time at N = {n} and 2N = {} (ratio 2 is linear, 4 quadratic)", 2 * n);
        println!(
            "{:<26} {:>12} {:>12} {:>6}  build",
            "case", "N", "2N", "ratio"
        );
        for case in CASES {
            let (small, ok_small) = measure(case, n);
            let (large, ok_large) = measure(case, 2 * n);
            let verdict = match (ok_small, ok_large) {
                (true, true) => "ok",
                (false, false) => "refused",
                _ => "mixed",
            };
            println!(
                "{:<26} {:>12} {:>12} {:>6.2}  {verdict}",
                case.name,
                support::format_duration(small),
                support::format_duration(large),
                large.as_secs_f64() / small.as_secs_f64().max(1e-9)
            );
        }
    }
}
