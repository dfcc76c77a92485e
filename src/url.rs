//! Addresses as written in requests and links.

use std::path::{Path, PathBuf};

use url::Url;

/// `%20` → space and so on. `None` when an escape is not two hex digits or the result is
/// not UTF-8.
pub(crate) fn percent_decode(raw: &str) -> Option<String> {
    let well_formed = raw.split('%').skip(1).all(|after| {
        after
            .as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()
        .map(|text| text.into_owned())
}

/// `path` with `/` between its parts whatever the system's separator (Windows writes `\`):
/// how a relative output path is named in URLs and in the lists tablica writes.
pub fn slash_path(path: &Path) -> String {
    let parts: Vec<_> = path.iter().map(|p| p.to_string_lossy()).collect();
    parts.join("/")
}

/// Where a URL path (`aktualnosci/x/`) is written in the output folder.
pub fn output_file(url_path: &str) -> PathBuf {
    let mut p = PathBuf::from(url_path.trim_matches('/'));
    p.push("index.html");
    p
}

/// Only http(s), mailto and tel addresses, fragments and site paths are kept.
///
/// Whitespace and control characters are dropped first (browsers drop tabs and newlines
/// anywhere in an address), then the address is read as a browser reads an `href` on a page:
/// relative ones (`/o-nas/`, `#kontakt`, `plik.pdf`) take the page's https scheme. One a
/// browser could not read either (`https://[x`) is not kept.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let page = Url::parse("https://page.invalid/").expect("a valid address");
    Url::options()
        .base_url(Some(&page))
        .parse(&cleaned)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https" | "mailto" | "tel"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_are_named_with_slashes() {
        // On Windows `output_file` ends in `\index.html`; the name must not.
        let file = output_file("/aktualnosci/x/");
        assert_eq!(slash_path(&file), "aktualnosci/x/index.html");
        assert_eq!(
            slash_path(&Path::new("assets").join("css/site.css")),
            "assets/css/site.css"
        );
        assert_eq!(slash_path(Path::new("")), "");
    }

    #[test]
    fn decodes_escapes_and_refuses_broken_ones() {
        assert_eq!(
            percent_decode("Regulamin%20rekrutacji%C5%82.pdf").as_deref(),
            Some("Regulamin rekrutacjił.pdf")
        );
        assert_eq!(percent_decode("a%2"), None);
        assert_eq!(percent_decode("a%zz"), None);
        assert_eq!(percent_decode("%ff"), None, "not UTF-8");
        assert_eq!(percent_decode("a%2Fb").as_deref(), Some("a/b"));
        assert_eq!(percent_decode("100%").as_deref(), None);
        assert_eq!(percent_decode("%%41"), None);
        assert_eq!(percent_decode("plain").as_deref(), Some("plain"));
    }

    #[test]
    fn only_web_mail_and_phone_addresses_are_safe() {
        for safe in [
            "https://example.org/a?b#c",
            "HTTP://EXAMPLE.ORG/",
            "mailto:biuro@mops.example.org",
            "tel:+48123456789",
            "/o-nas/",
            "//example.org/x",
            "#kontakt",
            "plik.pdf",
            "a/b:c",
            "?q=x:y",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_ in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            " \u{1}javascript:alert(1)",
            "jav ascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "file:///etc/passwd",
            "https://[::1",
        ] {
            assert!(!is_safe_url(unsafe_), "{unsafe_:?}");
        }
    }
}
