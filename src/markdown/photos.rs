//! The places of the text's photos in its HTML: a marker the renderer writes where a photo of
//! the document stands, replaced by the photo's markup once the photos are processed.

use std::borrow::Cow;

/// Marks the place of a photo of the text in the HTML; the character cannot be typed as
/// text to any effect but showing that photo of the document.
const PHOTO_MARK: char = '\u{FFFC}';

pub(super) fn photo_marker(n: usize) -> String {
    format!("{PHOTO_MARK}{n}{PHOTO_MARK}")
}

/// `html` with the marker of each photo of the text replaced by `photo(n)` (its markup;
/// nothing when the photo is unknown).
pub fn replace_photos(html: &str, photo: impl Fn(usize) -> Option<String>) -> Cow<'_, str> {
    if !html.contains(PHOTO_MARK) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut parts = html.split(PHOTO_MARK);
    out.push_str(parts.next().unwrap_or(""));
    let mut inside = true;
    for part in parts {
        match part.parse::<usize>() {
            Ok(n) if inside => {
                out.push_str(&photo(n).unwrap_or_default());
                inside = false;
            }
            _ => {
                // Not a marker: an odd character of the text, kept.
                if inside {
                    out.push(PHOTO_MARK);
                }
                out.push_str(part);
                inside = true;
            }
        }
    }
    Cow::Owned(out)
}
