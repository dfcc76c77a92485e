//! Raw HTML in Markdown: its start tags read for the checks (frames without a title, images from
//! other sites, unsafe addresses).

use std::ops::Range;

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

/// The tags of raw HTML with the offset of each, read by a WHATWG tokenizer ([`each_tag`]), so
/// the checks see the addresses the sanitiser and the browser see. For reporting and bounding
/// only: the sanitiser decides what is kept.
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
    /// The attributes' names and values, as ranges of `text`.
    attrs: &'a [(Range<usize>, Range<usize>)],
    text: &'a str,
}

impl<'a> HtmlTag<'a> {
    /// Names and values, character references decoded; of a name written twice, the first
    /// (as a browser keeps it).
    pub fn attributes(&self) -> impl Iterator<Item = (&'a str, &'a str)> + use<'a> {
        let text = self.text;
        (self.attrs.iter()).map(move |(n, v)| (&text[n.clone()], &text[v.clone()]))
    }

    /// The value of the attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&'a str> {
        self.attributes().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The tag being read: its name and attributes in one buffer, reused from tag to tag.
#[derive(Default)]
struct TagBuffer {
    text: String,
    name: Range<usize>,
    attrs: Vec<(Range<usize>, Range<usize>)>,
    /// In a start tag, after its name.
    open: bool,
    /// The value that follows belongs to a name written before in the tag: dropped.
    repeated: bool,
}

impl TagBuffer {
    fn push(&mut self, bytes: &[u8]) -> Range<usize> {
        let start = self.text.len();
        // The page is a `&str`, so its pieces are UTF-8 but where a reference decodes badly.
        match std::str::from_utf8(bytes) {
            Ok(text) => self.text.push_str(text),
            Err(_) => self.text.push_str(&String::from_utf8_lossy(bytes)),
        }
        start..self.text.len()
    }

    fn start(&mut self, name: &[u8]) {
        self.text.clear();
        self.attrs.clear();
        self.name = self.push(name);
        self.open = true;
    }

    fn name(&mut self, name: &[u8]) {
        let text = &self.text;
        self.repeated = (self.attrs.iter()).any(|(n, _)| text.as_bytes()[n.clone()] == *name);
        if !self.repeated {
            let name = self.push(name);
            self.attrs.push((name, 0..0));
        }
    }

    fn value(&mut self, value: &[u8]) {
        if !self.repeated {
            let value = self.push(value);
            if let Some((_, v)) = self.attrs.last_mut() {
                *v = value;
            }
        }
    }

    fn tag(&self, end: bool) -> HtmlTag<'_> {
        HtmlTag {
            end,
            name: &self.text[self.name.clone()],
            attrs: if end { &[] } else { &self.attrs },
            text: &self.text,
        }
    }
}

/// Calls `visit` with each tag of an HTML text as a browser's tokenizer reads it, in order
/// (html5gum's, which passes html5lib's tests). Nothing is copied but the tag being read and
/// what `visit` keeps: whole pages are read this way.
pub fn each_tag(html: &str, mut visit: impl FnMut(&HtmlTag<'_>)) {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    use html5gum::{Span, Tokenizer};

    let mut tag = TagBuffer::default();
    let emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, _: Span<()>| -> Option<std::convert::Infallible> {
            match event {
                CallbackEvent::OpenStartTag { name } => tag.start(name),
                CallbackEvent::AttributeName { name } if tag.open => tag.name(name),
                CallbackEvent::AttributeValue { value } if tag.open => tag.value(value),
                CallbackEvent::CloseStartTag { .. } if tag.open => {
                    tag.open = false;
                    visit(&tag.tag(false));
                }
                CallbackEvent::EndTag { name } => {
                    tag.start(name);
                    tag.open = false;
                    visit(&tag.tag(true));
                }
                _ => {}
            }
            None
        },
    );
    let emitter = TextElements {
        inner: emitter,
        name: Vec::new(),
        start: false,
    };
    for _ in Tokenizer::new_with_emitter(html, emitter) {}
}

/// An emitter that reads the content of `script`, `style`, `title`, `textarea` and the like
/// as text, as a browser's tree builder tells its tokenizer to (the tokenizer alone cannot
/// know). The list is html5ever's tree builder's with scripting off: what is in `noscript` is
/// read as tags, so the links a reader without scripts gets are checked too.
struct TextElements<E> {
    inner: E,
    /// The name of the tag being read, when it is a start tag.
    name: Vec<u8>,
    start: bool,
}

impl<E: html5gum::Emitter> html5gum::ForwardingEmitter for TextElements<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl html5gum::Emitter<Token = Self::Token> {
        &mut self.inner
    }

    /// No parse errors are wanted: the tokenizer then skips checking each character for them
    /// (a quarter of the time it took to read a page).
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn init_start_tag(&mut self) {
        self.start = true;
        self.name.clear();
        self.inner.init_start_tag();
    }

    fn init_end_tag(&mut self) {
        self.start = false;
        self.inner.init_end_tag();
    }

    fn push_tag_name(&mut self, s: &[u8]) {
        if self.start {
            self.name.extend_from_slice(s);
        }
        self.inner.push_tag_name(s);
    }

    fn emit_current_tag(&mut self) -> Option<html5gum::State> {
        use html5gum::State;
        // The inner emitter's own switch is off: it answers `None`.
        let inner = self.inner.emit_current_tag();
        if !self.start {
            return inner;
        }
        inner.or(match self.name.as_slice() {
            b"script" => Some(State::ScriptData),
            b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => Some(State::RawText),
            b"textarea" | b"title" => Some(State::RcData),
            b"plaintext" => Some(State::PlainText),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::each_tag;

    /// Each tag as `name a=v …`, end tags as `/name`.
    fn tags(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_tag(html, |tag| {
            let mut s = format!("{}{}", if tag.end { "/" } else { "" }, tag.name);
            for (name, value) in tag.attributes() {
                s.push_str(&format!(" {name}={value}"));
            }
            out.push(s);
        });
        out
    }

    #[test]
    fn tags_are_read_as_a_browser_reads_them() {
        assert_eq!(
            tags(r#"<A HREF="x&amp;y" href=z Hidden data-n=''>t</a>"#),
            ["a href=x&y hidden= data-n=", "/a"],
            "names in lower case, references decoded, the first of a repeated name kept"
        );
        assert_eq!(
            tags("<script>if (a<b) x = '<img src=no>';</script><p title='<b>'>"),
            ["script", "/script", "p title=<b>"],
            "a script's text is not read as tags"
        );
        assert_eq!(
            tags("<title><a href=no></title><textarea><img></textarea><br/>"),
            ["title", "/title", "textarea", "/textarea", "br"]
        );
        assert_eq!(
            tags("<noframes><a href=no></noframes><noscript><a href=yes></a></noscript>"),
            [
                "noframes",
                "/noframes",
                "noscript",
                "a href=yes",
                "/a",
                "/noscript"
            ],
            "what a reader without scripts gets is read as tags"
        );
        assert_eq!(tags("<!-- <a href=no> --><p"), Vec::<String>::new());
    }
}
