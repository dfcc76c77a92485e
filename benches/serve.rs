//! How long `tablica serve` takes from a saved edit to the rebuilt page, for generated sites
//! of 1,000 and 10,000 posts. Run with `cargo bench --bench serve`
//! (`TABLICA_BENCH_POSTS=1000` for other sizes, comma-separated).
//!
//! Two figures per size:
//! - rebuild: `Builder::build` after one post changed, in process (what the preview does
//!   after its debounce);
//! - save → reload: the real `tablica serve` binary; the file is written and the clock stops
//!   when the server announces the new build on its event stream (debounce included). The
//!   page is on disk before the announcement.

mod corpus;
mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use support::{edit, format_duration, median, start_tablica_serve};
use tablica::build::Builder;
use tablica::serve::preview_build_options;

const EDITS: usize = 15;

fn main() {
    let sizes = support::sizes_from_env("TABLICA_BENCH_POSTS", "1000,10000");
    println!("serve: time from a saved edit of one post to the rebuilt page ({EDITS} edits each)");
    println!(
        "{:>7} {:>11} {:>11} {:>9} {:>13} {:>13} {:>13}",
        "posts", "cold build", "no change", "rendered", "rebuild med", "rebuild max", "save→reload"
    );
    for posts in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        corpus::generate(dir.path(), posts, 2026);
        let (cold, unchanged, rendered, mut rebuilds) = in_process(dir.path(), posts);
        let mut reloads = end_to_end(dir.path(), posts);
        println!(
            "{posts:>7} {:>11} {:>11} {rendered:>9} {:>13} {:>13} {:>13}",
            format_duration(cold),
            format_duration(unchanged),
            format_duration(median(&mut rebuilds)),
            format_duration(*rebuilds.iter().max().expect("edits")),
            format_duration(median(&mut reloads)),
        );
    }
}

fn in_process(root: &Path, posts: usize) -> (Duration, Duration, usize, Vec<Duration>) {
    let mut builder = Builder::new(preview_build_options(root, false));
    let started = Instant::now();
    builder.build().expect("cold build");
    let cold = started.elapsed();
    let started = Instant::now();
    let report = builder.build().expect("rebuild");
    let unchanged = started.elapsed();
    assert_eq!(report.rendered, 0, "nothing changed, nothing rendered");
    let mut times = Vec::new();
    let mut rendered = 0;
    let post = corpus::post_file(root, posts / 2);
    for n in 0..EDITS {
        edit(&post, n);
        let started = Instant::now();
        let report = builder.build().expect("rebuild after an edit");
        times.push(started.elapsed());
        rendered = report.rendered;
        assert!(rendered >= 1, "the edited post is rendered");
    }
    (cold, unchanged, rendered, times)
}

fn end_to_end(root: &Path, posts: usize) -> Vec<Duration> {
    let (mut child, port) = start_tablica_serve(root);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "GET /__tablica/events HTTP/1.1\r\nHost: x\r\n\r\n").expect("request");
    let mut events = BufReader::new(stream);
    let mut next_status = || loop {
        let mut l = String::new();
        assert!(
            events.read_line(&mut l).expect("read events") > 0,
            "stream closed"
        );
        if l.starts_with("data: ") {
            assert!(l.contains("\"ok\":true"), "the rebuild failed: {l}");
            return;
        }
    };
    next_status(); // the state at connection
    let mut times = Vec::new();
    // Found before the clock runs: finding it lists the whole posts folder.
    let post = corpus::post_file(root, posts / 3);
    for n in 0..EDITS {
        // Let the previous burst settle, as between an editor's saves.
        std::thread::sleep(Duration::from_millis(100));
        let started = Instant::now();
        edit(&post, n);
        next_status();
        times.push(started.elapsed());
    }
    let _ = child.kill();
    let _ = child.wait();
    times
}
