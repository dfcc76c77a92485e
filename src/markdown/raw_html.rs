//! Raw HTML in Markdown: its start tags read for the checks (frames without a title, images from
//! other sites, unsafe addresses).

use super::checks::{foreign_image, is_local_image, Check, Finding};
use super::text::LineIndex;
use super::{MarkdownOptions, Rendered};
use crate::config::embed::EmbedHost;

/// Reports the frames and images of raw HTML (`html`, at byte `offset` of the body) that
/// the sanitiser removes, frames without a title, and notes the sources of allowed frames.
pub(super) fn check_raw_html(
    html: &str,
    offset: usize,
    lines: &LineIndex,
    options: MarkdownOptions,
    out: &mut Rendered,
) {
    let outcome = if options.allow_raw_html {
        "is blocked by the page's Content-Security-Policy"
    } else {
        "was removed"
    };
    for tag in start_tags(html) {
        let line = lines.line(offset + tag.offset);
        let attr = |name: &str| {
            tag.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        match tag.name.as_str() {
            "iframe" => {
                let src = attr("src").unwrap_or_default();
                match EmbedHost::find(options.embed_hosts, src) {
                    Some(host) => out.frame_src.push(host.csp_source()),
                    None => out.findings.push(Finding {
                        check: Check::Unsafe,
                        line,
                        message: format!("the frame (`<iframe>`) from `{src}` {outcome}"),
                        hint: "frames load only over https from the hosts listed under `embed_hosts:` in site.yaml; add the host there if the site trusts it".into(),
                    }),
                }
                if attr("title").map_or(true, |t| t.trim().is_empty()) {
                    out.findings.push(Finding {
                        check: Check::FrameTitle,
                        line,
                        message: "a frame (`<iframe>`) has no title".into(),
                        hint: "say what it shows: <iframe title=\"Mapa dojazdu do ośrodka\" …> (screen readers announce frames by their title)".into(),
                    });
                }
            }
            "img" => {
                let src = attr("src").unwrap_or_default();
                if !is_local_image(src) {
                    let mut finding = foreign_image(line, src);
                    if options.allow_raw_html {
                        finding.message = format!("the image `{src}` {outcome}");
                    }
                    out.findings.push(finding);
                }
                if attr("alt").is_none() {
                    out.findings.push(Finding {
                        check: Check::ImageAlt,
                        line,
                        message: format!("the image `{src}` has no alt text"),
                        hint: "describe the image in its alt attribute: <img alt=\"Uczestnicy warsztatów przy stole\" …> (alt=\"\" for decoration)".into(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// A start tag of raw HTML that the checks look at.
pub(super) struct StartTag {
    /// Byte offset of its `<` in the HTML.
    pub(super) offset: usize,
    /// Lowercase.
    pub(super) name: String,
    /// Lowercase names; values with `&amp;` decoded.
    pub(super) attributes: Vec<(String, String)>,
}

/// The `<iframe>` and `<img>` start tags of raw HTML, read as a browser would read their
/// attributes. For reporting only: the sanitiser decides what is kept.
fn start_tags(html: &str) -> Vec<StartTag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find('<') {
        let offset = from + found;
        from = offset + 1;
        let name_end = html[from..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .map_or(html.len(), |n| from + n);
        let name = html[from..name_end].to_ascii_lowercase();
        if name != "iframe" && name != "img" {
            continue;
        }
        let mut attributes = Vec::new();
        let mut i = name_end;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr_name = html[start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (value_start, value_end) = match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(q as char)
                            .map_or(html.len(), |n| i + 1 + n);
                        let span = (i + 1, end);
                        i = (end + 1).min(html.len());
                        span
                    }
                    _ => {
                        let start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        (start, i)
                    }
                };
                value = html[value_start..value_end].replace("&amp;", "&");
            }
            if !attr_name.is_empty()
                && !attributes
                    .iter()
                    .any(|(n, _): &(String, String)| *n == attr_name)
            {
                attributes.push((attr_name, value));
            }
            from = i;
        }
        tags.push(StartTag {
            offset,
            name,
            attributes,
        });
    }
    tags
}
