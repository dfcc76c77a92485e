//! Plain text from rendered Markdown: for leads, search terms and excerpts, and source lines of
//! byte offsets.

use std::borrow::Cow;

use pulldown_cmark::{Event, TagEnd};

use super::checks::{Check, Finding};
use super::Rendered;
use crate::locale::catalogue::Markdown as M;

/// The text without control characters other than tab and line ends (NUL, ESC and the
/// like: they have no place in a page, and in a message they would drive the terminal).
pub(super) fn without_controls<'a>(
    body: &'a str,
    first_line: usize,
    out: &mut Rendered,
) -> Cow<'a, str> {
    let stripped = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let Some(first) = body.find(stripped) else {
        return Cow::Borrowed(body);
    };
    out.findings.push(Finding {
        check: Check::Unsafe,
        line: LineIndex::new(body, first_line).line(first),
        message: M::ControlCharacters.into(),
        hint: M::ControlCharactersHint.into(),
    });
    Cow::Owned(body.chars().filter(|&c| !stripped(c)).collect())
}

/// The text of events: text and code, a space for line breaks and the end of each block.
/// What stands between inline `<script>` or `<style>` tags is code, not text, and is left out.
pub(super) fn plain_text<'a, 'b: 'a>(events: impl Iterator<Item = &'a Event<'b>>) -> String {
    let mut s = String::new();
    let mut in_code_element = false;
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) if !in_code_element => s.push_str(t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => s.push(' '),
            Event::InlineHtml(h) => {
                let tag = h.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    in_code_element = true;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    in_code_element = false;
                }
            }
            _ => {}
        }
    }
    s
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(pos) if pos > max / 2 => &cut[..pos],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// Maps byte offsets of the body to line numbers of the file.
pub(super) struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    pub(super) fn new(text: &str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, first_line }
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        self.first_line + self.starts.partition_point(|&s| s <= offset) - 1
    }
}
