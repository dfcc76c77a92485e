//! Addresses as written in requests and links.

use std::path::PathBuf;

/// `%20` → space and so on. `None` when an escape is not two hex digits or the result is
/// not UTF-8.
pub(crate) fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Where a URL path (`aktualnosci/x/`) is written in the output folder.
pub fn output_file(url_path: &str) -> PathBuf {
    let mut p = PathBuf::from(url_path.trim_matches('/'));
    p.push("index.html");
    p
}

/// Only http(s), mailto and tel addresses, fragments and site paths are kept.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    match lower.find(':') {
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            matches!(&lower[..colon], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_refuses_broken_ones() {
        assert_eq!(
            percent_decode("Regulamin%20rekrutacji%C5%82.pdf").as_deref(),
            Some("Regulamin rekrutacjił.pdf")
        );
        assert_eq!(percent_decode("a%2"), None);
        assert_eq!(percent_decode("a%zz"), None);
        assert_eq!(percent_decode("%ff"), None, "not UTF-8");
    }
}
