//! Raw HTML in Markdown: its start tags read for the checks (frames without a title, images from
//! other sites, unsafe addresses).

use crate::config::embed::EmbedHost;

use super::checks::{foreign_image, is_local_image, Check, Finding};
use super::names::{author_id, is_theme_class, theme_class};
use super::text::LineIndex;
use super::{MarkdownOptions, Rendered};
use crate::locale::catalogue::Markdown as M;
use crate::locale::msg;

/// Reports the frames and images of raw HTML (`html`, at byte `offset` of the body) that
/// the sanitiser removes, frames without a title, ids and classes of the theme, and notes
/// the sources of allowed frames.
pub(super) fn check_raw_html(
    html: &str,
    offset: usize,
    lines: &LineIndex,
    options: MarkdownOptions,
    out: &mut Rendered,
) {
    let (frame, image) = if options.allow_raw_html {
        (M::FrameBlocked, M::ImageBlocked)
    } else {
        (M::FrameRemoved, M::ImageRemoved)
    };
    for tag in raw_tags(html) {
        if tag.end {
            continue;
        }
        let line = lines.line(offset + tag.offset);
        let attr = |name: &str| {
            tag.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        if !options.allow_raw_html {
            if let Some(id) = attr("id") {
                author_id(id, line, out);
            }
            for class in attr("class").unwrap_or_default().split_ascii_whitespace() {
                if is_theme_class(class) {
                    out.findings.push(theme_class(line, class));
                }
            }
        }
        match tag.name.as_str() {
            "iframe" => {
                let src = attr("src").unwrap_or_default();
                match EmbedHost::find(options.embed_hosts, src) {
                    Some(host) => out.frame_src.push(host.csp_source()),
                    None => out.findings.push(Finding {
                        check: Check::Unsafe,
                        line,
                        message: msg!(frame, src = src),
                        hint: M::FrameHint.into(),
                    }),
                }
                if attr("title").is_none_or(|t| t.trim().is_empty()) {
                    out.findings.push(Finding {
                        check: Check::FrameTitle,
                        line,
                        message: M::FrameNoTitle.into(),
                        hint: M::FrameNoTitleHint.into(),
                    });
                }
            }
            "img" => {
                let src = attr("src").unwrap_or_default();
                if !is_local_image(src) {
                    let mut finding = foreign_image(line, src);
                    if options.allow_raw_html {
                        finding.message = msg!(image, src = src);
                    }
                    out.findings.push(finding);
                }
                if attr("alt").is_none() {
                    out.findings.push(Finding {
                        check: Check::ImageAlt,
                        line,
                        message: msg!(M::ImageNoAlt, url = src),
                        hint: M::HtmlImageNoAltHint.into(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// A tag of raw HTML, as a browser's tokenizer reads it.
pub(super) struct RawTag {
    /// Byte offset of its `<` in the HTML.
    pub(super) offset: usize,
    /// An end tag (`</div>`).
    pub(super) end: bool,
    pub(super) name: String,
    /// Names and values, character references decoded.
    pub(super) attributes: Vec<(String, String)>,
}

/// The tags of raw HTML with the offset of each, read by html5ever's tokenizer (the
/// sanitiser's own parser), so the checks see the addresses the sanitiser and the browser
/// see. For reporting and bounding only: the sanitiser decides what is kept.
pub(super) fn raw_tags(html: &str) -> Vec<RawTag> {
    let mut tags = Vec::new();
    each_tag(html, |tag| {
        tags.push(RawTag {
            offset: 0,
            end: tag.end,
            name: tag.name.to_string(),
            attributes: (tag.attributes())
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        });
    });
    // The tokenizer tells where a tag ends; findings name the line where it starts. The tags
    // come in the order they are written, so one forward search finds each.
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    for tag in &mut tags {
        let opening = format!("<{}{}", if tag.end { "/" } else { "" }, tag.name);
        if let Some(at) = lower[from..].find(&opening) {
            from += at;
        }
        tag.offset = from;
    }
    tags
}

/// A tag as the tokenizer read it, borrowed for the time of a call of [`each_tag`].
pub struct HtmlTag<'a> {
    /// An end tag (`</div>`).
    pub end: bool,
    pub name: &'a str,
    attrs: &'a [html5ever::Attribute],
}

impl<'a> HtmlTag<'a> {
    /// Names and values, character references decoded.
    pub fn attributes(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        (self.attrs.iter()).map(|a| (&*a.name.local, &*a.value))
    }

    /// The value of the attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&'a str> {
        self.attributes().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Calls `visit` with each tag of an HTML text as a browser's tokenizer reads it, in order.
/// Nothing is copied but what `visit` keeps: whole pages are read this way.
pub fn each_tag(html: &str, visit: impl FnMut(&HtmlTag<'_>)) {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::states::RawKind;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };

    struct Tags<F>(std::cell::RefCell<F>);
    impl<F: FnMut(&HtmlTag<'_>)> TokenSink for Tags<F> {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            let end = tag.kind == TagKind::EndTag;
            let name: &str = &tag.name;
            // The content of these is text, not tags, as the tree builder would tell.
            let raw = match name {
                "script" => Some(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                "textarea" | "title" => Some(RawKind::Rcdata),
                _ => None,
            };
            (self.0.borrow_mut())(&HtmlTag {
                end,
                name,
                attrs: &tag.attrs,
            });
            match raw {
                Some(kind) if !end => TokenSinkResult::RawData(kind),
                _ => TokenSinkResult::Continue,
            }
        }
    }

    let tokenizer = Tokenizer::new(Tags(visit.into()), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
}
