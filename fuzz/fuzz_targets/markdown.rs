//! Markdown rendering with the default options (raw HTML sanitised): nothing may panic or
//! hang, and no script element may come out of untrusted text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tablica::markdown::{render, MarkdownOptions};

fuzz_target!(|body: &str| {
    let rendered = render(body, 1, MarkdownOptions::default());
    assert!(
        !rendered.html.to_ascii_lowercase().contains("<script"),
        "a script element got through the sanitiser: {}",
        rendered.html
    );
});
