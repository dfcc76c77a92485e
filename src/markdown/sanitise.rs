//! The sanitiser policy for rendered HTML (ammonia): what tags, attributes and frames a text may
//! keep.

use std::borrow::Cow;

use crate::config::embed::EmbedHost;

use super::checks::is_local_image;
use super::names::{is_theme_class, outside_theme};

const TABLE_ALIGNMENT_CLASSES: &[&str] = &["align-left", "align-center", "align-right"];

/// What the sanitiser sets on every frame it keeps. The sandbox keeps the player working
/// (scripts, its own cookies, full screen, "open on YouTube" in a new tab) but stops it from
/// navigating the page; the referrer is only this site's origin.
const FRAME_ATTRIBUTES: &[(&str, &str)] = &[
    ("loading", "lazy"),
    ("referrerpolicy", "strict-origin-when-cross-origin"),
    (
        "sandbox",
        "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox",
    ),
];

/// Cleans HTML written by authors: scripts, event handlers, styles and unsafe URLs go.
pub(super) fn sanitise(html: &str, embed_hosts: &[EmbedHost]) -> String {
    serialised(&policy(embed_hosts), html)
}

/// `html` cleaned by `policy`, written as the renderer writes it where that is the same
/// HTML: the serialiser spells a no-break space `&nbsp;`; a `&nbsp;` the author wrote as text
/// comes out as `&amp;nbsp;`, so each one is a U+00A0 and is written as the character.
fn serialised(policy: &ammonia::Builder, html: &str) -> String {
    finish_frames(&policy.clean(html).to_string()).replace("&nbsp;", "\u{a0}")
}

/// [`sanitise`]d HTML with each relative address (`/…`, `#…`, `//host/…`) passed through
/// `rewrite` once: one parse of the HTML, whatever the number of addresses. For feeds,
/// whose readers do not know the site's address and do not apply its CSP.
pub fn sanitise_rewriting_addresses(
    html: &str,
    embed_hosts: &[EmbedHost],
    rewrite: &(dyn Fn(&str) -> String + Send + Sync),
) -> String {
    let mut builder = policy(embed_hosts);
    builder.url_relative(ammonia::UrlRelative::Custom(Box::new(Rewrite(rewrite))));
    serialised(&builder, html)
}

pub(super) struct Rewrite<'r>(&'r (dyn Fn(&str) -> String + Send + Sync));

impl<'r> ammonia::UrlRelativeEvaluate<'r> for Rewrite<'r> {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        Some(Cow::Owned((self.0)(url)))
    }
}

/// The sanitiser's whole allow-list: ammonia's defaults (text-level elements, lists, tables,
/// `figure`/`figcaption`, `details`/`summary`, …) with heading anchors and classes, footnotes,
/// code language classes and table alignment classes; images only from this site; frames
/// only over https from `embed_hosts`, each lazy-loaded, sandboxed and without their
/// fallback content; no id or class the theme uses.
fn policy<'a>(embed_hosts: &[EmbedHost]) -> ammonia::Builder<'a> {
    let hosts = embed_hosts.to_vec();
    let mut builder = ammonia::Builder::default();
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(h, &["id", "class"]);
    }
    builder
        .add_tag_attributes("sup", &["class", "id"])
        .add_tag_attributes("div", &["class", "id"])
        .add_tag_attributes("code", &["class"])
        .add_tag_attributes("th", &["scope"])
        .add_allowed_classes("th", TABLE_ALIGNMENT_CLASSES)
        .add_allowed_classes("td", TABLE_ALIGNMENT_CLASSES)
        .add_tag_attributes("details", &["open"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    if hosts.is_empty() {
        builder.add_clean_content_tags(["iframe"]);
    } else {
        builder.add_tags(["iframe"]).add_tag_attributes(
            "iframe",
            &["src", "title", "width", "height", "allowfullscreen"],
        );
    }
    builder.attribute_filter(
        move |element, attribute, value| match (element, attribute) {
            ("iframe", "src") => EmbedHost::find(&hosts, value).map(|_| value.into()),
            ("img", "src") => is_local_image(value).then(|| value.into()),
            (_, "id") => Some(outside_theme(value).into()),
            ("code", "class") => Some(
                value
                    .split_ascii_whitespace()
                    .filter(|c| c.starts_with("language-"))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .into(),
            ),
            (_, "class") => Some(
                value
                    .split_ascii_whitespace()
                    .filter(|c| !is_theme_class(c))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .into(),
            ),
            _ => Some(value.into()),
        },
    );
    builder
}

/// Sanitised HTML with the frames whose address was removed taken out, the fallback content
/// of the others emptied (nothing shows it; it is text the sanitiser leaves raw) and
/// [`FRAME_ATTRIBUTES`] added to them in their order (not by the sanitiser, which keeps
/// attributes it sets in a `HashMap` and so writes them in a different order at every build).
fn finish_frames(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<iframe") {
        out.push_str(&rest[..start]);
        let frame = &rest[start..];
        // The sanitiser writes attribute values in double quotes and escapes quotes in them.
        let mut quoted = false;
        let tag_end = frame
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(frame.len(), |(i, _)| i + 1);
        let close = frame
            .find("</iframe>")
            .map_or(frame.len(), |i| i + "</iframe>".len());
        let start_tag = &frame[..tag_end];
        if start_tag.contains(" src=\"") {
            out.push_str(start_tag.strip_suffix('>').unwrap_or(start_tag));
            for (name, value) in FRAME_ATTRIBUTES {
                out.push_str(&format!(" {name}=\"{value}\""));
            }
            out.push_str("></iframe>");
        }
        rest = &frame[close.max(tag_end)..];
    }
    out.push_str(rest);
    out
}
