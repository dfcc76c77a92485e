//! How deep a text's elements may nest, Markdown and raw HTML together: deeper ones are
//! flattened or shown as text, so the sanitiser's work stays in proportion to the text.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::checks::{Check, Finding};
use super::raw_html::raw_tags;
use super::text::LineIndex;
use super::Rendered;
use crate::locale::catalogue::Markdown as M;
use crate::locale::msg;

/// How deep the elements of a text may nest, Markdown blocks and raw HTML together. The HTML
/// parser behind the sanitiser does work in proportion to the depth for each element, so
/// without a bound its time would grow with the square of the text.
const MAX_NESTING: usize = 100;

/// Bounds the nesting of `events`: which events are written (Markdown elements deeper than
/// [`MAX_NESTING`] are not, their content is), and raw HTML that would nest deeper becomes
/// text. Reports the first place. One pass, each HTML block tokenized once.
pub(super) fn bound_nesting(
    body: &str,
    events: &mut [(Event, Range<usize>)],
    lines: &LineIndex,
    out: &mut Rendered,
) -> Vec<bool> {
    let mut kept = vec![true; events.len()];
    let mut open: Vec<bool> = Vec::new();
    let mut raw = RawNesting::default();
    let mut block_as_text = false;
    let mut too_deep = None;
    for (i, (event, range)) in events.iter_mut().enumerate() {
        let as_text = match event {
            Event::Start(tag) => {
                let keep = open.len() + raw.depth() < MAX_NESTING;
                open.push(keep);
                kept[i] = keep;
                if matches!(tag, Tag::HtmlBlock) {
                    block_as_text = !raw.enter(
                        &body[range.clone()],
                        MAX_NESTING - open.len().min(MAX_NESTING),
                    );
                    block_as_text
                } else {
                    !keep
                }
            }
            Event::End(end) => {
                kept[i] = open.pop().unwrap_or(true);
                if matches!(end, TagEnd::HtmlBlock) {
                    block_as_text = false;
                }
                false
            }
            Event::InlineHtml(h) => !raw.enter(h, MAX_NESTING - open.len().min(MAX_NESTING)),
            Event::Html(_) => block_as_text,
            _ => false,
        };
        if as_text {
            too_deep.get_or_insert(range.start);
            if let Event::Html(h) | Event::InlineHtml(h) = event {
                *event = Event::Text(std::mem::replace(h, CowStr::Borrowed("")));
            }
        }
    }
    if let Some(offset) = too_deep {
        out.findings.push(Finding {
            check: Check::Unsafe,
            line: lines.line(offset),
            message: msg!(M::TooDeep, max = MAX_NESTING),
            hint: M::TooDeepHint.into(),
        });
    }
    kept
}

/// The elements raw HTML leaves open, as a browser's parser would nest them (roughly, and
/// never shallower: for bounding work, not for deciding what is kept).
#[derive(Default)]
pub(super) struct RawNesting {
    open: Vec<String>,
}

impl RawNesting {
    fn depth(&self) -> usize {
        self.open.len()
    }

    /// Takes in the tags of `html` unless they would nest deeper than `room`; false then.
    fn enter(&mut self, html: &str, room: usize) -> bool {
        let mut open = self.open.clone();
        for tag in raw_tags(html) {
            let name = tag.name.as_str();
            if tag.end {
                if let Some(at) = open.iter().rposition(|n| n == name) {
                    open.truncate(at);
                }
                continue;
            }
            if VOID_ELEMENTS.contains(&name) {
                continue;
            }
            // Elements whose start closes an open one of the same kind: `<li>a<li>b`.
            if IMPLIED_END.contains(&name) && open.last().is_some_and(|n| n == name) {
                open.pop();
            }
            open.push(tag.name);
            if open.len() > room {
                return false;
            }
        }
        self.open = open;
        true
    }
}

const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

const IMPLIED_END: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];
