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
pub struct RawTag {
    /// Byte offset of its `<` in the HTML.
    pub offset: usize,
    /// An end tag (`</div>`).
    pub end: bool,
    pub name: String,
    /// Names and values, character references decoded.
    pub attributes: Vec<(String, String)>,
}

/// The tags of raw HTML with the offset of each, read by html5ever's tokenizer (the
/// sanitiser's own parser), so the checks see the addresses the sanitiser and the browser
/// see. For reporting and bounding only: the sanitiser decides what is kept.
pub(super) fn raw_tags(html: &str) -> Vec<RawTag> {
    let mut tags = tags(html);
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

/// The tags of an HTML text as a browser's tokenizer reads them, without their offsets
/// (`offset` is 0): for reading whole pages.
pub fn tags(html: &str) -> Vec<RawTag> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::states::RawKind;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };

    #[derive(Default)]
    struct Tags(std::cell::RefCell<Vec<RawTag>>);
    impl TokenSink for Tags {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            let name = tag.name.to_string();
            let end = tag.kind == TagKind::EndTag;
            // The content of these is text, not tags, as the tree builder would tell.
            let raw = match name.as_str() {
                "script" => Some(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                "textarea" | "title" => Some(RawKind::Rcdata),
                _ => None,
            };
            self.0.borrow_mut().push(RawTag {
                offset: 0,
                end,
                name,
                attributes: tag
                    .attrs
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect(),
            });
            match raw {
                Some(kind) if !end => TokenSinkResult::RawData(kind),
                _ => TokenSinkResult::Continue,
            }
        }
    }

    let tokenizer = Tokenizer::new(Tags::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}
