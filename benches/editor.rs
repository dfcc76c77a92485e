//! How long Redakcja (`tablica edit`) takes from "Save" to the rebuilt preview, for generated
//! sites of 1,000 and 10,000 posts. Run with `cargo bench --bench editor`
//! (`TABLICA_BENCH_POSTS=1000` for other sizes, comma-separated).
//!
//! Figures per size, medians of the edits:
//! - save: the POST of the form until its answer (the build's checks of the text, the
//!   conflict check, the history copy and the atomic write);
//! - save → preview: from the POST until the preview announces the rebuilt site on its event
//!   stream (the watcher's debounce included);
//! - form: opening a post's form (the list of tags and projects is read from every file);
//! - check: the check the form's script asks for while the person writes (`/redakcja/sprawdz`:
//!   the same checks as a save, nothing written).

mod corpus;
mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use support::{edit_marker, format_duration, median, start_tablica};

const EDITS: usize = 15;

fn main() {
    let sizes = support::sizes_from_env("TABLICA_BENCH_POSTS", "1000,10000");
    println!("editor: from Save in Redakcja to the rebuilt preview ({EDITS} saves each)");
    println!(
        "{:>7} {:>11} {:>11} {:>11} {:>15} {:>15}",
        "posts", "form", "check", "save", "save→preview", "save→prev max"
    );
    for posts in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        corpus::generate(dir.path(), posts, 2026);
        let mut f = measure(dir.path(), posts);
        println!(
            "{posts:>7} {:>11} {:>11} {:>11} {:>15} {:>15}",
            format_duration(median(&mut f.forms)),
            format_duration(median(&mut f.checks)),
            format_duration(median(&mut f.saves)),
            format_duration(median(&mut f.previews)),
            format_duration(*f.previews.iter().max().expect("saves")),
        );
    }
}

struct Figures {
    forms: Vec<Duration>,
    checks: Vec<Duration>,
    saves: Vec<Duration>,
    previews: Vec<Duration>,
}

/// One request on its own connection; the status line, headers and body as text.
fn request(port: u16, head: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "{head}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut out = String::new();
    stream.read_to_string(&mut out).expect("answer");
    out
}

/// The value of the hidden field `name` in a form page.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect("the field") + marker.len();
    page[start..].split('"').next().unwrap_or("").to_string()
}

fn measure(root: &Path, posts: usize) -> Figures {
    let (mut child, port) = start_tablica(root, "edit");
    let host = format!("Host: 127.0.0.1:{port}\r\n");
    let first = request(port, &format!("GET /redakcja/ HTTP/1.1\r\n{host}"), "");
    let cookie = first
        .lines()
        .find_map(|l| l.strip_prefix("Set-Cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a session")
        .to_string();
    let mut events = BufReader::new(TcpStream::connect(("127.0.0.1", port)).expect("connect"));
    write!(
        events.get_mut(),
        "GET /__tablica/events HTTP/1.1\r\n{host}\r\n"
    )
    .expect("events");
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
    next_status();
    let file = corpus::post_file(root, posts / 3);
    let rel = file
        .strip_prefix(root.join("content"))
        .expect("under content/")
        .to_string_lossy()
        .replace('\\', "/");
    let plik: String = url::form_urlencoded::byte_serialize(rel.as_bytes()).collect();
    let mut figures = Figures {
        forms: Vec::new(),
        checks: Vec::new(),
        saves: Vec::new(),
        previews: Vec::new(),
    };
    for n in 0..EDITS {
        std::thread::sleep(Duration::from_millis(500));
        let started = Instant::now();
        let page = request(
            port,
            &format!("GET /redakcja/edytuj?plik={plik} HTTP/1.1\r\n{host}Cookie: {cookie}\r\n"),
            "",
        );
        figures.forms.push(started.elapsed());
        let text = std::fs::read_to_string(&file).expect("the post");
        let body = text.split_once("\n---\n").map_or("", |(_, b)| b);
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf", &hidden(&page, "csrf"))
            .append_pair("plik", &rel)
            .append_pair("wersja", &hidden(&page, "wersja"))
            .append_pair(
                "tresc",
                &format!("{body}\n{} zapraszamy ponownie.\n", edit_marker(n)),
            )
            .finish();
        let post = |action: &str| {
            format!(
                "POST /redakcja/{action} HTTP/1.1\r\n{host}Cookie: {cookie}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            )
        };
        let started = Instant::now();
        let checked = request(port, &post("sprawdz"), &form);
        figures.checks.push(started.elapsed());
        assert!(
            checked.starts_with("HTTP/1.1 200") && checked.contains("\"bledy\":[]"),
            "the check found a problem: {checked}"
        );
        let started = Instant::now();
        let answer = request(port, &post("zapisz"), &form);
        figures.saves.push(started.elapsed());
        assert!(
            answer.starts_with("HTTP/1.1 303"),
            "the save was refused: {answer}"
        );
        next_status();
        figures.previews.push(started.elapsed());
    }
    let _ = child.kill();
    let _ = child.wait();
    figures
}
