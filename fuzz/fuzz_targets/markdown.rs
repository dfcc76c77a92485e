//! Markdown rendering with the default options (raw HTML sanitised): nothing may panic or
//! hang, and nothing that runs may come out of untrusted text. The output is parsed as a
//! browser would (html5ever) and checked for script and style elements, frames (no embed hosts
//! are configured), event-handler attributes, script addresses in links and sources, and
//! images from other sites. Run with `-dict=markdown.dict` (Markdown and HTML tokens).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::Html;
use tablica::markdown::{render, MarkdownOptions};

const FORBIDDEN_ELEMENTS: &[&str] = &["script", "style", "iframe", "object", "embed", "base"];
const ADDRESS_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "xlink:href", "poster"];

/// The scheme of an address as a browser reads it: ASCII whitespace and control characters
/// removed, lower case, up to the first `:` (none for relative addresses).
fn scheme(address: &str) -> Option<String> {
    let cleaned: String = address
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let (scheme, _) = cleaned.split_once(':')?;
    scheme
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        .then(|| scheme.to_string())
}

fuzz_target!(|body: &str| {
    let rendered = render(body, 1, MarkdownOptions::default());
    let doc = Html::parse_fragment(&rendered.html);
    for node in doc.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        assert!(
            !FORBIDDEN_ELEMENTS.contains(&name),
            "<{name}> got through the sanitiser: {}",
            rendered.html
        );
        for (attribute, value) in element.attrs() {
            assert!(
                !attribute.to_ascii_lowercase().starts_with("on"),
                "event handler {attribute} got through the sanitiser: {}",
                rendered.html
            );
            if name == "img" && attribute == "src" {
                // Images only from this site, read as a browser reads the address (tabs
                // and line breaks dropped, `\` as `/`).
                let read: String = value
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .map(|c| if c == '\\' { '/' } else { c })
                    .collect();
                let read = read.trim_start_matches(|c: char| c <= ' ');
                assert!(
                    read.starts_with('/') && !read.starts_with("//"),
                    "img src={value:?} loads from another site: {}",
                    rendered.html
                );
            }
            if ADDRESS_ATTRIBUTES.contains(&attribute) {
                let scheme = scheme(value);
                assert!(
                    !matches!(scheme.as_deref(), Some("javascript" | "vbscript" | "data")),
                    "{attribute}={value:?} got through the sanitiser: {}",
                    rendered.html
                );
            }
        }
    }
});
