//! Front matter: bytes of a Markdown file → text (BOM, CRLF, UTF-8) → split at the fences →
//! YAML parsed into each document type → dates parsed. Nothing may panic, hang or blow up
//! (YAML alias bombs included); every failure must be a diagnostic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tablica::content::{date, decode_text, front_matter, PageMeta, PostMeta, ProjectMeta};

fuzz_target!(|data: &[u8]| {
    let file = Path::new("content/posts/fuzz.md");
    let Ok(text) = decode_text(file, data) else {
        return;
    };
    let split = match front_matter::split(file, &text) {
        Ok(s) => s,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    match front_matter::parse::<PostMeta>(file, split.yaml, split.yaml_line) {
        Ok(meta) => {
            for d in [meta.date, meta.updated].iter().flatten() {
                let _ = date::parse(d);
            }
        }
        Err(ds) => {
            for d in ds {
                let _ = d.to_string();
            }
        }
    }
    let _ = front_matter::parse::<ProjectMeta>(file, split.yaml, split.yaml_line);
    let _ = front_matter::parse::<PageMeta>(file, split.yaml, split.yaml_line);
});
