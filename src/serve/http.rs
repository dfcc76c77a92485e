//! Serving the preview folder as static hosting would: pretty URLs, content types, the 404
//! page, no directory listings, and no path outside the folder. Plus the live-reload
//! endpoints under `/__tablica/`.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::files::serve_file;
use super::mount::{Method, Mount, MountRequest};
use super::status::Shared;
use super::LIVE_SCRIPT;
use crate::render::theme::escape_html;

/// Open connections at most, event streams included; more are answered 503 and closed.
/// Each has its own thread, so a slow client holds only its own.
pub const MAX_CONNECTIONS: usize = 64;
/// The request line and headers together, in bytes; more is answered 431.
pub const MAX_HEAD: usize = 16 * 1024;
/// Headers in one request at most.
const MAX_HEADERS: usize = 64;
/// A request's line and headers must arrive within this, counted from when the connection
/// opens or the previous response was sent: this is the idle timeout too.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// A client that takes no bytes for this long is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// After refusing a request, this much of the rest is read and dropped (so the refusal
/// reaches the client instead of a reset), never more.
const LINGER_BYTES: u64 = 64 * 1024;
/// A mounted part's request body must arrive within this (a photo from a phone on Wi-Fi).
const BODY_TIMEOUT: Duration = Duration::from_secs(120);
/// An idle event stream gets a comment this often, to notice closed tabs.
const KEEPALIVE: Duration = Duration::from_secs(15);

const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");

/// The listening socket, and how to stop accepting.
pub struct Listener {
    socket: TcpListener,
    addr: SocketAddr,
    stopping: AtomicBool,
}

impl Listener {
    pub fn bind(addr: SocketAddr) -> std::io::Result<Self> {
        let socket = TcpListener::bind(addr)?;
        let addr = socket.local_addr()?;
        Ok(Listener {
            socket,
            addr,
            stopping: AtomicBool::new(false),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting: the accepting thread is woken by a connection of our own.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake.ip() {
                IpAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
                IpAddr::V6(_) => IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]),
            });
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
    }
}

/// Frees a connection's place when its thread ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Starts the thread that accepts connections until the listener is stopped; each
/// connection is answered on a thread of its own, at most [`MAX_CONNECTIONS`] at a time.
pub fn spawn_acceptor(listener: Arc<Listener>, shared: Arc<Shared>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let open = Arc::new(AtomicUsize::new(0));
        for stream in listener.socket.incoming() {
            if listener.stopping.load(Ordering::SeqCst) {
                break;
            }
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
            if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                open.fetch_sub(1, Ordering::SeqCst);
                // A fresh socket's buffer takes this at once; the client may retry.
                let _ = stream.write_all(&simple(503, "too many connections; try again\n"));
                continue;
            }
            let slot = Slot(Arc::clone(&open));
            let shared = Arc::clone(&shared);
            // If no thread can be made, the connection is dropped with its slot.
            let _ = std::thread::Builder::new()
                .name("tablica-http".into())
                .spawn(move || {
                    let _slot = slot;
                    connection(stream, &shared);
                });
        }
    })
}

/// A request as far as the preview needs it.
struct Request {
    head_only: bool,
    path: String,
    /// Close the connection after the answer: asked for, or a body we do not read.
    close: bool,
    /// For the mounted part only: the request whose body is still to be read.
    mounted: Option<MountRequest>,
    /// The length of that body.
    body_length: u64,
}

/// Why a request is answered without looking at its path.
struct Refusal {
    status: u16,
    message: Cow<'static, str>,
}

impl Refusal {
    fn new(status: u16, message: impl Into<Cow<'static, str>>) -> Self {
        let message = message.into();
        Refusal { status, message }
    }
}

/// Answers requests on one connection until it closes, idles or misbehaves.
fn connection(mut stream: TcpStream, shared: &Arc<Shared>) {
    let Ok(local) = stream.local_addr() else {
        return;
    };
    let mut buffer = Vec::new();
    loop {
        let mount = shared.mount.as_deref();
        let request = match read_request(&mut stream, &mut buffer, local, mount) {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(refusal) => {
                let _ = stream.write_all(&simple(refusal.status, &refusal.message));
                linger(stream);
                return;
            }
        };
        let keep = handle(&request, &mut stream, shared) && !request.close;
        if !keep {
            linger(stream);
            return;
        }
    }
}

/// Reads and drops a bounded rest of what the client sent, then closes.
fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = std::io::copy(&mut (&mut stream).take(LINGER_BYTES), &mut std::io::sink());
}

/// Reads one request's line and headers (never more than [`MAX_HEAD`] bytes, never longer
/// than [`REQUEST_TIMEOUT`]). `None` when the client closed or went quiet.
fn read_request(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    local: SocketAddr,
    mount: Option<&dyn Mount>,
) -> Result<Option<Request>, Refusal> {
    let deadline = Instant::now() + REQUEST_TIMEOUT;
    let too_large = Refusal::new(431, "request headers too large\n");
    loop {
        if !buffer.is_empty() {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut parsed = httparse::Request::new(&mut headers);
            match parsed.parse(buffer) {
                Ok(httparse::Status::Complete(length)) => {
                    let mut request = accept(&parsed, local, mount)?;
                    buffer.drain(..length);
                    if let Some(mounted) = &mut request.mounted {
                        mounted.peer = stream.peer_addr().map_or(local.ip(), |a| a.ip());
                        mounted.body = read_body(stream, buffer, request.body_length)?;
                    }
                    return Ok(Some(request));
                }
                Ok(httparse::Status::Partial) if buffer.len() >= MAX_HEAD => return Err(too_large),
                Ok(httparse::Status::Partial) => {}
                Err(httparse::Error::TooManyHeaders) => return Err(too_large),
                Err(_) => return Err(Refusal::new(400, "bad request\n")),
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Ok(None);
        }
        let mut chunk = [0u8; 4096];
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Ok(None),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// Reads a mounted request's body of `length` bytes (already bounded), part of which may be
/// in `buffer` after the head.
fn read_body(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    length: u64,
) -> Result<Vec<u8>, Refusal> {
    let length = usize::try_from(length).unwrap_or(usize::MAX);
    let deadline = Instant::now() + BODY_TIMEOUT;
    let timeout = Refusal::new(408, "the request body did not arrive in time\n");
    while buffer.len() < length {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err(timeout);
        }
        let mut chunk = vec![0u8; 64 * 1024];
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(timeout),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
    Ok(buffer.drain(..length).collect())
}

/// Checks a parsed request's method and host. POST is taken only under the mounted part's
/// prefix, with a `Content-Length` no larger than it allows.
fn accept(
    parsed: &httparse::Request,
    local: SocketAddr,
    mount: Option<&dyn Mount>,
) -> Result<Request, Refusal> {
    let header = |name: &str| {
        parsed
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .and_then(|h| std::str::from_utf8(h.value).ok())
    };
    match header("Host") {
        Some(host) if host_is_served(host.trim(), local) => {}
        _ => {
            return Err(Refusal::new(
                421,
                "this preview answers only to localhost and the address it listens on\n",
            ))
        }
    }
    let path = parsed.path.unwrap_or("/").to_string();
    let mount = mount.filter(|m| path.starts_with(m.prefix()));
    let method = match parsed.method {
        Some("GET") => Method::Get,
        Some("HEAD") => Method::Head,
        Some("POST") if mount.is_some() => Method::Post,
        _ => return Err(Refusal::new(405, "only GET and HEAD are supported\n")),
    };
    let head_only = method == Method::Head;
    let has_body = header("Transfer-Encoding").is_some()
        || header("Content-Length").is_some_and(|l| l.trim() != "0");
    let close = has_body
        || match header("Connection") {
            Some(c) => c.eq_ignore_ascii_case("close"),
            None => parsed.version == Some(0),
        };
    let Some(mount) = mount else {
        return Ok(Request {
            head_only,
            path,
            close,
            mounted: None,
            body_length: 0,
        });
    };
    let body_length = match (header("Transfer-Encoding"), header("Content-Length")) {
        (Some(_), _) => {
            return Err(Refusal::new(
                411,
                "send the length of the body (Content-Length)\n",
            ))
        }
        (None, None) => 0,
        (None, Some(length)) => length
            .trim()
            .parse::<u64>()
            .map_err(|_| Refusal::new(400, "bad request\n"))?,
    };
    if body_length > mount.max_body() {
        return Err(Refusal::new(413, mount.too_large()));
    }
    let headers = parsed
        .headers
        .iter()
        .filter_map(|h| {
            let value = std::str::from_utf8(h.value).ok()?;
            Some((h.name.to_ascii_lowercase(), value.trim().to_string()))
        })
        .collect();
    let mounted = MountRequest {
        method,
        target: path.clone(),
        headers,
        body: Vec::new(),
        peer: local.ip(),
        local,
    };
    Ok(Request {
        head_only,
        path,
        // The body is read, so the connection can carry on.
        close: match header("Connection") {
            Some(c) => c.eq_ignore_ascii_case("close"),
            None => parsed.version == Some(0),
        },
        mounted: Some(mounted),
        body_length,
    })
}

/// Whether `host` (a Host header) names this preview: `localhost`, a loopback address or
/// the address the connection came in on, with the port it listens on if one is named.
/// Anything else
/// could be a DNS-rebinding page reading the preview from another site.
fn host_is_served(host: &str, local: SocketAddr) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((name, rest)) => (name, rest.strip_prefix(':')),
            None => return false,
        },
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    // Without a port the name alone decides: no other site can be reached by these names.
    let port_matches = port.is_none_or(|port| port.parse::<u16>() == Ok(local.port()));
    let name_matches = name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip == local.ip());
    port_matches && name_matches
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The status line and the headers every answer carries, then `extra` ones.
fn head(status: u16, extra: &[(&str, &str)]) -> String {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Cross-Origin-Resource-Policy: same-origin\r\n",
        reason(status)
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head
}

/// A whole plain-text answer that closes the connection.
fn simple(status: u16, message: &str) -> Vec<u8> {
    let length = message.len().to_string();
    let mut bytes = head(
        status,
        &[
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", &length),
            ("Allow", "GET, HEAD"),
            ("Connection", "close"),
        ],
    )
    .into_bytes();
    bytes.extend_from_slice(message.as_bytes());
    bytes
}

/// An answer's body.
pub(super) enum Body {
    Text(String),
    Bytes(Vec<u8>),
    File(File, u64),
}

/// One answer to `request`; false when the connection must close.
pub(super) struct Answer<'a> {
    request: &'a Request,
    stream: &'a mut TcpStream,
}

impl Answer<'_> {
    pub(super) fn send(self, status: u16, headers: &[(&str, &str)], body: Body) -> bool {
        let length = match &body {
            Body::Text(text) => text.len() as u64,
            Body::Bytes(bytes) => bytes.len() as u64,
            Body::File(_, length) => *length,
        };
        let length = length.to_string();
        let connection = if self.request.close {
            "close"
        } else {
            "keep-alive"
        };
        let mut all = headers.to_vec();
        all.extend([
            ("Content-Length", length.as_str()),
            ("Connection", connection),
        ]);
        if self
            .stream
            .write_all(head(status, &all).as_bytes())
            .is_err()
        {
            return false;
        }
        if self.request.head_only {
            return true;
        }
        match body {
            Body::Text(text) => self.stream.write_all(text.as_bytes()).is_ok(),
            Body::Bytes(bytes) => self.stream.write_all(&bytes).is_ok(),
            Body::File(file, length) => {
                std::io::copy(&mut file.take(length), self.stream).is_ok_and(|n| n == length)
            }
        }
    }

    pub(super) fn text(self, status: u16, content_type: &str, body: impl Into<String>) -> bool {
        self.send(
            status,
            &[("Content-Type", content_type)],
            Body::Text(body.into()),
        )
    }
}

/// Answers one request; false when the connection must close.
fn handle(request: &Request, stream: &mut TcpStream, shared: &Arc<Shared>) -> bool {
    let path = request.path.split(['?', '#']).next().unwrap_or("/");
    let answer = Answer { request, stream };
    if let (Some(mounted), Some(mount)) = (&request.mounted, &shared.mount) {
        let response = mount.handle(mounted);
        let headers: Vec<(&str, &str)> = response
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .filter(|(n, v)| !v.contains(['\r', '\n']) && !n.contains(['\r', '\n', ':']))
            .collect();
        return answer.send(response.status, &headers, Body::Bytes(response.body));
    }
    match path {
        "/__tablica/live.js" => answer.text(200, "text/javascript; charset=utf-8", LIVE_JS),
        "/__tablica/live.css" => answer.text(200, "text/css; charset=utf-8", LIVE_CSS),
        "/__tablica/status" => {
            let json = serde_json::to_string(&shared.status().for_browser()).unwrap_or_default();
            answer.text(200, "application/json", json)
        }
        "/__tablica/events" => {
            stream_events(answer.stream, shared);
            false
        }
        _ => serve_file(answer, path, shared),
    }
}

/// The page shown while no build has succeeded: the problems, and the reload script so the
/// tab reloads once they are fixed.
pub(super) fn waiting_page(shared: &Shared) -> String {
    let status = shared.status();
    let items: String = status
        .report
        .iter()
        .map(|l| format!("<li><pre>{}</pre></li>", escape_html(l)))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>tablica: the site is not built</title>\
         <link rel=\"stylesheet\" href=\"/__tablica/live.css\"></head>\
         <body><main class=\"tablica-waiting\"><h1>The site could not be built yet</h1>\
         <p>Fix the problems below and save the file; this page reloads by itself.</p>\
         <ul>{items}</ul></main>{LIVE_SCRIPT}</body></html>\n"
    )
}

/// Server-sent events: the current status at once, then every new one, on this
/// connection's own thread until the tab closes or the preview stops.
fn stream_events(out: &mut TcpStream, shared: &Shared) {
    let mut status = shared.status();
    let mut send = |text: &str| out.write_all(text.as_bytes()).is_ok();
    let event = |s: &super::Status| {
        format!(
            "event: status\ndata: {}\n\n",
            serde_json::to_string(&s.for_browser()).unwrap_or_default()
        )
    };
    let head = head(
        200,
        &[
            ("Content-Type", "text/event-stream"),
            ("Connection", "close"),
        ],
    );
    if !send(&head) || !send(&event(&status)) {
        return;
    }
    loop {
        match shared.wait_newer(status.generation, KEEPALIVE) {
            None => return,
            Some(newer) if newer.generation > status.generation => {
                status = newer;
                if !send(&event(&status)) {
                    return;
                }
            }
            Some(_) => {
                if !send(": keepalive\n\n") {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_hosts_it_serves() {
        let local: SocketAddr = "127.0.0.1:1111".parse().expect("addr");
        for host in [
            "localhost:1111",
            "LOCALHOST:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "localhost",
            "127.0.0.1",
        ] {
            assert!(host_is_served(host, local), "{host}");
        }
        for host in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "localhost:2222",
            "evil.example",
            "[::1",
            "",
        ] {
            assert!(!host_is_served(host, local), "{host}");
        }
        let lan: SocketAddr = "192.168.1.5:80".parse().expect("addr");
        assert!(host_is_served("192.168.1.5", lan));
        assert!(!host_is_served("192.168.1.6", lan));
    }
}
