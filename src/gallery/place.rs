//! Placing the processed copies of a photo in the output and describing them for templates
//! ([`Image`]): a JPEG `srcset` and, when the copies were also encoded as WebP, a WebP one for
//! `<picture>`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::process::Processed;
use super::Photo;

/// A photo as templates see it (see docs/themes.md).
#[derive(Debug, Clone, Serialize, PartialEq, Hash)]
pub struct Image {
    pub src: String,
    pub srcset: String,
    /// The same copies as WebP, for a `<source type="image/webp">` ("" when there are none).
    pub webp_srcset: String,
    pub sizes: &'static str,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: Option<String>,
    pub thumb: Thumb,
}

/// The gallery thumbnail.
#[derive(Debug, Clone, Serialize, PartialEq, Hash)]
pub struct Thumb {
    pub src: String,
    /// The same as WebP ("" when there is none).
    pub webp: String,
    pub width: u32,
    pub height: u32,
}

/// Puts the copies of `processed` into `out_dir` (a folder of the output) and describes
/// them for templates. Files are hard-linked from the cache where possible. Also returns the
/// files placed, relative to `out_root`.
pub fn place(
    processed: &Processed,
    photo: &Photo,
    cache_dir: &Path,
    out_root: &Path,
    out_dir: &str,
    url_root: &str,
) -> std::io::Result<(Image, Vec<PathBuf>)> {
    let stem = crate::slug::slugify(
        &photo
            .source
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    let stem = if stem.is_empty() {
        "zdjecie".to_string()
    } else {
        stem
    };
    let short = &processed.key[..8];
    let entry = cache_dir.join(&processed.key);
    let dir = out_root.join(out_dir.trim_matches('/'));
    fs::create_dir_all(&dir)?;
    let url_dir = format!(
        "{url_root}{}",
        if out_dir.is_empty() {
            String::new()
        } else {
            format!("{}/", out_dir.trim_matches('/'))
        }
    );
    let mut placed = Vec::new();
    let mut link = |from: &str, name: String| -> std::io::Result<String> {
        let target = dir.join(&name);
        if !target.exists() && fs::hard_link(entry.join(from), &target).is_err() {
            fs::copy(entry.join(from), &target)?;
        }
        placed.push(Path::new(out_dir.trim_matches('/')).join(&name));
        Ok(format!("{url_dir}{name}"))
    };
    let mut srcset = Vec::new();
    let mut src = String::new();
    let mut webp_srcset = Vec::new();
    for &(w, _) in &processed.variants {
        src = link(&format!("{w}.jpg"), format!("{stem}-{short}-{w}.jpg"))?;
        srcset.push(format!("{src} {w}w"));
        if processed.webp {
            let webp = link(&format!("{w}.webp"), format!("{stem}-{short}-{w}.webp"))?;
            webp_srcset.push(format!("{webp} {w}w"));
        }
    }
    if processed.original.is_some() {
        link("original.jpg", format!("{stem}-{short}.jpg"))?;
    }
    let thumb_src = link("thumb.jpg", format!("{stem}-{short}-thumb.jpg"))?;
    let thumb_webp = if processed.webp {
        link("thumb.webp", format!("{stem}-{short}-thumb.webp"))?
    } else {
        String::new()
    };
    let (width, height) = processed
        .variants
        .last()
        .copied()
        .unwrap_or(processed.thumb);
    let image = Image {
        src,
        srcset: srcset.join(", "),
        webp_srcset: webp_srcset.join(", "),
        sizes: "(min-width: 60em) 46rem, 100vw",
        width,
        height,
        alt: photo.alt.clone(),
        caption: photo.caption.clone(),
        thumb: Thumb {
            src: thumb_src,
            webp: thumb_webp,
            width: processed.thumb.0,
            height: processed.thumb.1,
        },
    };
    Ok((image, placed))
}
