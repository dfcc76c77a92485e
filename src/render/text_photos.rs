//! The photos of a text (`![Plakat festynu](plakat.jpg)`) put in place of the markers the
//! Markdown renderer left: each a responsive photo linked to its largest copy.

use std::borrow::Cow;

use crate::gallery::Image;
use crate::markdown::replace_photos;
use crate::site::DocumentImages;

use super::theme::escape_html;

/// `html` (a document's rendered text) with its photos in place.
pub fn text_with_photos<'a>(html: &'a str, images: &DocumentImages) -> Cow<'a, str> {
    replace_photos(html, |n| images.text.get(n)?.as_ref().map(markup))
}

/// A photo of the text, its WebP copies offered first: linked to its largest JPEG copy when it has an alt text (the link's
/// name); a decorative photo is not a link, which would have no name.
fn markup(image: &Image) -> String {
    let img = format!(
        r#"<img class="text-photo__img" src="{src}" srcset="{srcset}" sizes="{sizes}" width="{width}" height="{height}" alt="{alt}" loading="lazy" decoding="async">"#,
        src = escape_html(&image.src),
        srcset = escape_html(&image.srcset),
        sizes = image.sizes,
        width = image.width,
        height = image.height,
        alt = escape_html(&image.alt),
    );
    let img = if image.webp_srcset.is_empty() {
        img
    } else {
        format!(
            r#"<picture><source type="image/webp" srcset="{}" sizes="{}">{img}</picture>"#,
            escape_html(&image.webp_srcset),
            image.sizes
        )
    };
    if image.alt.is_empty() {
        img
    } else {
        format!(
            r#"<a class="text-photo" href="{}">{img}</a>"#,
            escape_html(&image.src)
        )
    }
}
