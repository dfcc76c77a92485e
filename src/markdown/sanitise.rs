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
/// The sanitiser's output is read again by html5ever's tree builder (through scraper) and
/// written by its serialiser, only when it has a frame.
fn finish_frames(html: &str) -> String {
    use html5ever::{ns, LocalName, QualName};
    use scraper::{Html, Node, StrTendril};

    if !html.contains("<iframe") {
        return html.to_owned();
    }
    let mut fragment = Html::parse_fragment(html);
    let frames: Vec<_> = (fragment.tree.nodes())
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "iframe"))
        .map(|n| {
            (
                n.id(),
                n.value().as_element().and_then(|e| e.attr("src")).is_some(),
            )
        })
        .collect();
    for (id, has_src) in frames {
        let Some(mut frame) = fragment.tree.get_mut(id) else {
            continue;
        };
        if !has_src {
            frame.detach();
            continue;
        }
        while let Some(mut fallback) = frame.first_child() {
            fallback.detach();
        }
        if let Node::Element(element) = frame.value() {
            for (name, value) in FRAME_ATTRIBUTES {
                let name = QualName::new(None, ns!(), LocalName::from(*name));
                element.attrs.push((name, StrTendril::from(*value)));
            }
        }
    }
    fragment.root_element().inner_html()
}
