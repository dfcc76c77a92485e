//! Serving the preview folder as static hosting would: pretty URLs, content types, the 404
//! page, no directory listings, and no path outside the folder. Plus the live-reload
//! endpoints under `/__tablica/`.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::status::Shared;
use super::LIVE_SCRIPT;
use crate::render::theme::escape_html;
use crate::render::NOT_FOUND_FILE;
use crate::url::percent_decode;

/// Requests are answered by this many threads; event streams get a thread each.
const WORKERS: usize = 4;
/// An idle event stream gets a comment this often, to notice closed tabs.
const KEEPALIVE: Duration = Duration::from_secs(15);

const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");

/// Starts the threads that answer requests until the server is unblocked.
pub fn spawn_workers(server: Arc<Server>, shared: Arc<Shared>) -> Vec<JoinHandle<()>> {
    (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &shared);
                }
            })
        })
        .collect()
}

/// A header; `None` only for values that are not valid in a header.
fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn add_header<R: std::io::Read>(response: &mut Response<R>, name: &str, value: &str) {
    if let Some(h) = header(name, value) {
        response.add_header(h);
    }
}

fn respond<R: std::io::Read>(request: Request, response: Response<R>) {
    let response = [
        header("Cache-Control", "no-store"),
        header("X-Content-Type-Options", "nosniff"),
    ]
    .into_iter()
    .flatten()
    .fold(response, |r, h| r.with_header(h));
    // A closed connection is the client's choice; nothing to do about it.
    let _ = request.respond(response);
}

fn text(request: Request, status: u16, content_type: &str, body: impl Into<String>) {
    let mut response = Response::from_string(body.into()).with_status_code(StatusCode(status));
    add_header(&mut response, "Content-Type", content_type);
    respond(request, response);
}

fn handle(request: Request, shared: &Arc<Shared>) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let mut response =
            Response::from_string("only GET and HEAD are supported\n").with_status_code(405);
        add_header(&mut response, "Allow", "GET, HEAD");
        return respond(request, response);
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__tablica/live.js" => text(request, 200, "text/javascript; charset=utf-8", LIVE_JS),
        "/__tablica/live.css" => text(request, 200, "text/css; charset=utf-8", LIVE_CSS),
        "/__tablica/status" => {
            let json = serde_json::to_string(&shared.status()).unwrap_or_default();
            text(request, 200, "application/json", json)
        }
        "/__tablica/events" => stream_events(request, Arc::clone(shared)),
        _ => serve_file(request, path, shared),
    }
}

/// What a request path leads to.
#[derive(Debug, PartialEq)]
enum Resolved {
    File(PathBuf),
    /// A folder asked for without the final `/`.
    Redirect(String),
    NotFound,
    BadRequest,
}

fn serve_file(request: Request, path: &str, shared: &Shared) {
    let Some(url_root) = shared.url_root() else {
        // No build has succeeded yet: there is nothing to show but the problems.
        return text(
            request,
            503,
            "text/html; charset=utf-8",
            waiting_page(shared),
        );
    };
    match resolve(&shared.out_dir, &url_root, path) {
        Resolved::File(file) => send_file(request, &file, 200, shared),
        Resolved::Redirect(location) => match header("Location", &location) {
            Some(location) => respond(request, Response::empty(301).with_header(location)),
            None => text(request, 400, "text/plain; charset=utf-8", "bad request\n"),
        },
        Resolved::BadRequest => text(request, 400, "text/plain; charset=utf-8", "bad request\n"),
        Resolved::NotFound => {
            let page = shared.out_dir.join(NOT_FOUND_FILE);
            if page.is_file() {
                send_file(request, &page, 404, shared);
            } else {
                text(request, 404, "text/plain; charset=utf-8", "not found\n");
            }
        }
    }
}

/// Sends a file of the site. The number of the build it comes from goes along as a
/// Server-Timing entry, which the reload script reads to catch builds it did not hear of.
fn send_file(request: Request, path: &Path, status: u16, shared: &Shared) {
    match File::open(path) {
        Ok(file) => {
            let mut response = Response::from_file(file).with_status_code(status);
            add_header(&mut response, "Content-Type", content_type(path));
            let generation = shared.generation();
            add_header(
                &mut response,
                "Server-Timing",
                &format!("tablica-build;desc=\"{generation}\""),
            );
            respond(request, response);
        }
        Err(_) => text(request, 404, "text/plain; charset=utf-8", "not found\n"),
    }
}

/// Maps a request path to a file of `out_dir`, never outside it.
fn resolve(out_dir: &Path, url_root: &str, raw: &str) -> Resolved {
    let Some(decoded) = percent_decode(raw) else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\0', '\\']) {
        return Resolved::BadRequest;
    }
    let rest = match decoded.strip_prefix(url_root) {
        Some(rest) => rest,
        None if format!("{decoded}/") == url_root => {
            return Resolved::Redirect(url_root.to_string())
        }
        None => return Resolved::NotFound,
    };
    let mut rel = PathBuf::new();
    for segment in rest.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." {
            return Resolved::BadRequest;
        }
        if segment.starts_with('.') {
            return Resolved::NotFound;
        }
        rel.push(segment);
    }
    let (Ok(base), Ok(found)) = (out_dir.canonicalize(), out_dir.join(&rel).canonicalize()) else {
        return Resolved::NotFound;
    };
    if !found.starts_with(&base) {
        return Resolved::NotFound;
    }
    if found.is_dir() {
        if !decoded.ends_with('/') {
            // One leading slash: `//host/` would send the browser to another site.
            return Resolved::Redirect(format!("/{}/", raw.trim_start_matches('/')));
        }
        let index = found.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound // never a directory listing
        };
    }
    if found.is_file() {
        Resolved::File(found)
    } else {
        Resolved::NotFound
    }
}

/// The content type static hosts send for a file name.
fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if path.file_name().is_some_and(|n| n == "atom.xml") => {
            "application/atom+xml; charset=utf-8"
        }
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "vtt" => "text/vtt; charset=utf-8",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt" => "application/vnd.oasis.opendocument.text",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odp" => "application/vnd.oasis.opendocument.presentation",
        "rtf" => "application/rtf",
        "zip" => "application/zip",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

/// The page shown while no build has succeeded: the problems, and the reload script so the
/// tab reloads once they are fixed.
fn waiting_page(shared: &Shared) -> String {
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

/// Server-sent events: the current status at once, then every new one.
fn stream_events(request: Request, shared: Arc<Shared>) {
    std::thread::spawn(move || {
        let mut out = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        let mut status = shared.status();
        let send = |out: &mut Box<dyn Write + Send>, text: &str| -> bool {
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .is_ok()
        };
        let event = |s: &super::Status| {
            format!(
                "event: status\ndata: {}\n\n",
                serde_json::to_string(s).unwrap_or_default()
            )
        };
        if !send(&mut out, head) || !send(&mut out, &event(&status)) {
            return;
        }
        loop {
            match shared.wait_newer(status.generation, KEEPALIVE) {
                None => return,
                Some(newer) if newer.generation > status.generation => {
                    status = newer;
                    if !send(&mut out, &event(&status)) {
                        return;
                    }
                }
                Some(_) => {
                    if !send(&mut out, ": keepalive\n\n") {
                        return;
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("aktualnosci/post")).expect("mkdir");
        std::fs::create_dir_all(out.join("assets")).expect("mkdir");
        std::fs::write(out.join("aktualnosci/post/index.html"), "post").expect("write");
        std::fs::write(out.join("index.html"), "home").expect("write");
        std::fs::write(dir.path().join("secret.txt"), "secret").expect("write");
        dir
    }

    #[test]
    fn pretty_urls_and_folders() {
        let dir = site();
        let out = dir.path().join("out");
        let base = out.canonicalize().expect("canonical");
        assert_eq!(
            resolve(&out, "/", "/"),
            Resolved::File(base.join("index.html"))
        );
        assert_eq!(
            resolve(&out, "/", "/aktualnosci/post/"),
            Resolved::File(base.join("aktualnosci/post/index.html"))
        );
        assert_eq!(
            resolve(&out, "/", "/aktualnosci/post"),
            Resolved::Redirect("/aktualnosci/post/".into())
        );
        assert_eq!(
            resolve(&out, "/", "//aktualnosci/post"),
            Resolved::Redirect("/aktualnosci/post/".into()),
            "never to another host"
        );
        assert_eq!(resolve(&out, "/", "/assets/"), Resolved::NotFound);
        assert_eq!(resolve(&out, "/", "/nope/"), Resolved::NotFound);
        assert_eq!(
            resolve(&out, "/mops/", "/mops"),
            Resolved::Redirect("/mops/".into())
        );
        assert_eq!(resolve(&out, "/mops/", "/index.html"), Resolved::NotFound);
    }

    #[test]
    fn no_path_leaves_the_folder() {
        let dir = site();
        let out = dir.path().join("out");
        for attempt in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/aktualnosci/../../secret.txt",
            "/..%5csecret.txt",
            "/%2e%2e%5csecret.txt",
            "/%00",
            "/%zz",
            "/%c0%ae%c0%ae/secret.txt",
        ] {
            let r = resolve(&out, "/", attempt);
            assert!(
                matches!(r, Resolved::BadRequest | Resolved::NotFound),
                "{attempt}: {r:?}"
            );
        }
    }

    #[test]
    fn content_types_match_static_hosting() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("atom.xml")),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("x/Zdjecie.JPG")), "image/jpeg");
        assert_eq!(content_type(Path::new("regulamin.pdf")), "application/pdf");
        assert_eq!(
            content_type(Path::new("x.unknown")),
            "application/octet-stream"
        );
    }
}
