//! How long `tablica serve` takes from a saved edit to the rebuilt page, for generated sites
//! of 1,000 and 10,000 posts. Run with `cargo bench --bench serve`
//! (`TABLICA_BENCH_POSTS=1000` for other sizes, comma-separated).
//!
//! Figures per size:
//! - pages ready: `Builder::build_then` after one post changed, in process, told which file
//!   changed as the preview's watcher tells it (what the preview does after its debounce),
//!   until the pages are written and open tabs are told to reload;
//! - rebuild: the same build to its end, with the sitemap, feeds and search index;
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
        "{:>7} {:>11} {:>11} {:>9} {:>11} {:>11} {:>11} {:>12}",
        "posts",
        "cold build",
        "no change",
        "rendered",
        "pages med",
        "pages max",
        "rebuild med",
        "save→reload"
    );
    for posts in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        corpus::generate(dir.path(), posts, 2026);
        let mut edits = in_process(dir.path(), posts);
        let mut reloads = end_to_end(dir.path(), posts);
        println!(
            "{posts:>7} {:>11} {:>11} {:>9} {:>11} {:>11} {:>11} {:>12}",
            format_duration(edits.cold),
            format_duration(edits.unchanged),
            edits.rendered,
            format_duration(median(&mut edits.pages_ready)),
            format_duration(*edits.pages_ready.iter().max().expect("edits")),
            format_duration(median(&mut edits.rebuilds)),
            format_duration(median(&mut reloads)),
        );
    }
}

/// In-process figures of one site size.
struct Edits {
    cold: Duration,
    unchanged: Duration,
    /// Pages rendered after the last edit.
    rendered: usize,
    /// Per edit: until the pages are written.
    pages_ready: Vec<Duration>,
    /// Per edit: the whole build.
    rebuilds: Vec<Duration>,
}

fn in_process(root: &Path, posts: usize) -> Edits {
    let mut builder = Builder::new(preview_build_options(root, false));
    let started = Instant::now();
    builder.build().expect("cold build");
    let cold = started.elapsed();
    let started = Instant::now();
    let report = builder.build().expect("rebuild");
    let unchanged = started.elapsed();
    assert_eq!(report.rendered, 0, "nothing changed, nothing rendered");
    let mut edits = Edits {
        cold,
        unchanged,
        rendered: 0,
        pages_ready: Vec::new(),
        rebuilds: Vec::new(),
    };
    let post = corpus::post_file(root, posts / 2);
    for n in 0..EDITS {
        edit(&post, n);
        let started = Instant::now();
        // As the preview does with what its watcher saw.
        builder.changed(std::slice::from_ref(&post));
        let report = builder
            .build_then(|_| edits.pages_ready.push(started.elapsed()))
            .expect("rebuild after an edit");
        edits.rebuilds.push(started.elapsed());
        edits.rendered = report.rendered;
        assert!(edits.rendered >= 1, "the edited post is rendered");
        assert!(report.patched, "an edit of the text patches the model");
    }
    edits
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
        // Between an editor's saves: the previous build, feeds and search index included,
        // has finished by then.
        std::thread::sleep(Duration::from_millis(500));
        let started = Instant::now();
        edit(&post, n);
        next_status();
        times.push(started.elapsed());
    }
    let _ = child.kill();
    let _ = child.wait();
    times
}
