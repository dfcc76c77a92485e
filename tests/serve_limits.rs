//! `tablica serve` under hostile clients: slow readers, endless headers, idle connections
//! and pages of other sites (DNS rebinding). The real binary on a free port.

mod common;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::TestSite;

/// A deadline only against hanging forever, far above any real figure.
const PATIENCE: Duration = Duration::from_secs(60);

struct Preview {
    child: Child,
    port: u16,
}

impl Preview {
    fn start(site: &TestSite) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tablica"))
            .args(["serve", "--port", "0"])
            .current_dir(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tablica serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("serve prints its address");
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Preview { child, port }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
        stream
    }

    /// A GET naming `host`; the status and the whole answer.
    fn get(&self, path: &str, host: &str) -> (u16, String) {
        let mut stream = self.connect();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        read_answer(&mut stream)
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_answer(stream: &mut TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// A site with one large page (a few megabytes, more than socket buffers hold).
fn site_with_a_large_page() -> TestSite {
    let site = TestSite::new();
    let paragraph = "Spotkania w każdy czwartek w klubie seniora. ".repeat(40);
    let body = vec![paragraph; 2500].join("\n\n");
    site.post(
        "2026-11-20-duzy",
        "title: Duży wpis\ndate: 2026-11-20",
        &body,
    );
    site.post(
        "2026-11-10-maly",
        "title: Mały wpis\ndate: 2026-11-10",
        "Krótko.",
    );
    site
}

#[test]
fn clients_that_never_read_do_not_stop_the_preview() {
    let site = site_with_a_large_page();
    let preview = Preview::start(&site);
    let host = format!("127.0.0.1:{}", preview.port);
    // More than the old server had workers; each asks for the large page and reads nothing.
    let stalled: Vec<TcpStream> = (0..12)
        .map(|_| {
            let mut s = preview.connect();
            write!(s, "GET /aktualnosci/duzy/ HTTP/1.1\r\nHost: {host}\r\n\r\n").expect("send");
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let (status, answer) = preview.get("/aktualnosci/maly/", &host);
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("Krótko."));
    drop(stalled);
}

#[test]
fn an_endless_header_is_refused_and_read_only_so_far() {
    let site = site_with_a_large_page();
    let preview = Preview::start(&site);

    // A header line over the limit: 431, and the answer arrives.
    let mut stream = preview.connect();
    let long = "a".repeat(40_000);
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: {long}\r\n\r\n"
    )
    .expect("send");
    let (status, answer) = read_answer(&mut stream);
    assert_eq!(status, 431, "{answer}");

    // A header that never ends: the server stops reading long before the client stops
    // sending, so what it holds is bounded, not what the client sends.
    let mut stream = preview.connect();
    stream
        .set_write_timeout(Some(PATIENCE))
        .expect("write timeout");
    let offered: usize = 256 << 20;
    let chunk = vec![b'a'; 64 << 10];
    let mut sent = 0;
    let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: ");
    while sent < offered {
        match stream.write(&chunk) {
            Ok(n) => sent += n,
            Err(_) => break,
        }
    }
    assert!(
        sent < 32 << 20,
        "the server kept reading an endless header: {sent} bytes taken"
    );
}

#[test]
fn an_idle_connection_is_closed() {
    let site = site_with_a_large_page();
    let preview = Preview::start(&site);
    let mut stream = preview.connect();
    let mut byte = [0u8; 1];
    match stream.read(&mut byte) {
        Ok(0) => {}
        Ok(_) => panic!("the server sent something unasked"),
        Err(e) => assert!(
            !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
            "an idle connection was kept open: {e}"
        ),
    }
}

#[test]
fn only_its_own_host_names_are_answered_and_no_cors_is_granted() {
    let site = site_with_a_large_page();
    let preview = Preview::start(&site);
    let port = preview.port;
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "evil.example".to_string(),
    ] {
        for path in ["/", "/__tablica/status", "/aktualnosci/maly/"] {
            let (status, answer) = preview.get(path, &host);
            assert_eq!(status, 421, "{host}{path}: {answer}");
            assert!(!answer.contains("Krótko."), "{host}{path}: {answer}");
        }
    }
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        for path in [
            "/",
            "/__tablica/status",
            "/__tablica/live.js",
            "/aktualnosci/maly/",
            "/nie-ma/",
        ] {
            let (status, answer) = preview.get(path, &host);
            assert!(matches!(status, 200 | 404), "{host}{path}: {answer}");
            let head = answer.split("\r\n\r\n").next().unwrap_or_default();
            assert!(
                !head.to_ascii_lowercase().contains("access-control-"),
                "{host}{path} grants CORS: {head}"
            );
        }
    }
}
