//! What the preview serves for a request path, as static hosting would: pretty URLs, the
//! files' content types, no directory listings, and no path outside the folder.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::render::NOT_FOUND_FILE;
use crate::url::percent_decode;

use super::http::{waiting_page, Answer, Body};
use super::status::Shared;

/// What a request path leads to.
#[derive(Debug, PartialEq)]
pub(super) enum Resolved {
    File(PathBuf),
    /// A folder asked for without the final `/`.
    Redirect(String),
    NotFound,
    BadRequest,
}

pub(super) fn serve_file(answer: Answer, path: &str, shared: &Shared) -> bool {
    let Some(url_root) = shared.url_root() else {
        // No build has succeeded yet: there is nothing to show but the problems.
        return answer.text(503, "text/html; charset=utf-8", waiting_page(shared));
    };
    match resolve(&shared.out_dir, &url_root, path) {
        Resolved::File(file) => send_file(answer, &file, 200, shared),
        Resolved::Redirect(location) if !location.contains(['\r', '\n']) => {
            answer.send(301, &[("Location", &location)], Body::Text(String::new()))
        }
        Resolved::Redirect(_) | Resolved::BadRequest => {
            answer.text(400, "text/plain; charset=utf-8", "bad request\n")
        }
        Resolved::NotFound => {
            let page = shared.out_dir.join(NOT_FOUND_FILE);
            if page.is_file() {
                send_file(answer, &page, 404, shared)
            } else {
                answer.text(404, "text/plain; charset=utf-8", "not found\n")
            }
        }
    }
}

/// Sends a file of the site. The number of the build it comes from goes along as a
/// Server-Timing entry, which the reload script reads to catch builds it did not hear of.
pub(super) fn send_file(answer: Answer, path: &Path, status: u16, shared: &Shared) -> bool {
    let opened = File::open(path).and_then(|f| Ok((f.metadata()?.len(), f)));
    match opened {
        Ok((length, file)) => {
            let timing = format!("tablica-build;desc=\"{}\"", shared.generation());
            answer.send(
                status,
                &[
                    ("Content-Type", content_type(path)),
                    ("Server-Timing", &timing),
                ],
                Body::File(file, length),
            )
        }
        Err(_) => answer.text(404, "text/plain; charset=utf-8", "not found\n"),
    }
}

/// Maps a request path to a file of `out_dir`, never outside it.
pub(super) fn resolve(out_dir: &Path, url_root: &str, raw: &str) -> Resolved {
    let Some(decoded) = percent_decode(raw) else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\0', '\\']) {
        return Resolved::BadRequest;
    }
    let rest = match decoded.strip_prefix(url_root) {
        Some(rest) => rest,
        // The server's root and the site's without its slash both lead to the site's root
        // (a site at `/mops/`: the editor's "site preview" link and a typed address).
        None if decoded == "/" || format!("{decoded}/") == url_root => {
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
pub(super) fn content_type(path: &Path) -> &'static str {
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
        "xml" if path.file_name().is_some_and(|n| n == "rss.xml") => {
            "application/rss+xml; charset=utf-8"
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
        assert_eq!(
            resolve(&out, "/mops/", "/"),
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
