//! Plain text from rendered Markdown: for leads, search terms and excerpts, and source lines of
//! byte offsets.

use pulldown_cmark::{Event, TagEnd};

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
    pub(super) starts: Vec<usize>,
    pub(super) first_line: usize,
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
