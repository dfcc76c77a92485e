//! What WordPress does to a post's text before it is HTML: paragraphs from blank lines
//! ("autop", for text written in the classic editor), shortcodes (`[caption]`, `[gallery]`,
//! `[embed]` …) and the block editor's comments (`<!-- wp:paragraph -->`).
//!
//! The result is plain HTML for [`super::html`]; what could not be carried over is returned
//! as [`Found`] so the report can name it.

/// What the text held besides HTML.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Found {
    /// `[gallery]` shortcodes: the attachment ids each names (empty: the post's attached photos).
    pub galleries: Vec<Vec<u64>>,
    /// Shortcodes left in the text as written, by name (`audio`, `contact-form` …).
    pub shortcodes: Vec<String>,
    /// Blocks whose content WordPress makes when the page is shown (latest posts, search …):
    /// the export has nothing of them, so they are left out.
    pub dynamic_blocks: Vec<String>,
}

/// Parts of lists, tables and definition lists: a chunk starting with one is inside a block.
const BLOCK_PARTS: &[&str] = &[
    "li", "dd", "dt", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Whether a chunk starts with an element that is a block of its own (or a comment), so it
/// is not wrapped in `<p>`.
fn starts_block(chunk: &str) -> bool {
    let Some(rest) = chunk.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    super::html::is_block(&name) || BLOCK_PARTS.contains(&name.as_str()) || name.starts_with("!--")
}

/// Elements that stand apart from the text around them, as WordPress's `wpautop` sees them.
const SEPARATE: &[&str] = &[
    "address",
    "blockquote",
    "div",
    "dl",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// A blank line before each element of [`SEPARATE`] and after its end, so that text written
/// right beside a table or a list is a paragraph of its own.
fn separate_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let closing = rest.starts_with("</");
        let name: String = rest[if closing { 2 } else { 1 }..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let separate = SEPARATE.contains(&name.as_str());
        if separate && !closing {
            out.push_str("\n\n");
        }
        out.push_str(&rest[..end]);
        if separate && (closing || name == "hr") {
            out.push_str("\n\n");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// WordPress's `wpautop`, simply: a chunk between blank lines that does not start with a block
/// element becomes a paragraph, and its single line breaks become `<br>`. Text inside `<pre>`
/// is left as it is.
pub fn paragraphs(text: &str) -> String {
    let text = separate_blocks(&text.replace("\r\n", "\n"));
    let mut out = Vec::new();
    let mut open_pre = 0usize;
    for chunk in text.split("\n\n") {
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        if open_pre > 0 || starts_block(trimmed) {
            out.push(trimmed.to_string());
        } else {
            out.push(format!("<p>{}</p>", trimmed.replace('\n', "<br>\n")));
        }
        open_pre = (open_pre + lower.matches("<pre").count())
            .saturating_sub(lower.matches("</pre").count());
    }
    out.join("\n\n")
}

/// A shortcode's attributes: `ids="1,2" columns=3` → pairs.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = inside.trim();
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().rsplit(' ').next().unwrap_or_default();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or_default())
            }
            _ => {
                let end = after.find(' ').unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        pairs.push((name.to_ascii_lowercase(), value.to_string()));
        rest = next;
    }
    pairs
}

/// One shortcode found at the start of `text` (which starts with `[`): its name, attribute
/// text and length; `None` when the bracket is ordinary text.
fn opening(text: &str) -> Option<(String, &str, usize)> {
    let close = text.find(']')?;
    let inside = &text[1..close];
    let name: String = inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let first = name.chars().next()?;
    let after = &inside[name.len()..];
    let ends_name = after.is_empty() || after.starts_with([' ', '/']);
    (first.is_ascii_alphabetic() && ends_name).then(|| {
        let attrs = after.trim_end_matches('/');
        (name.to_ascii_lowercase(), attrs, close + 1)
    })
}

/// Replaces the shortcodes tablica can express with HTML and lists the rest.
pub fn shortcodes(text: &str, found: &mut Found) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some((name, attrs, len)) = opening(rest) else {
            out.push('[');
            rest = &rest[1..];
            continue;
        };
        let closing = format!("[/{name}]");
        let body_end = rest[len..].find(&closing);
        let (body, after) = match body_end {
            Some(end) => (&rest[len..len + end], &rest[len + end + closing.len()..]),
            None => ("", &rest[len..]),
        };
        let attrs = attributes(attrs);
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        match name.as_str() {
            "caption" | "wp_caption" => {
                // The caption is the text after the image, or the `caption` attribute.
                let (image, text) = match body.rfind('>') {
                    Some(end) => (&body[..=end], body[end + 1..].trim()),
                    None => ("", body.trim()),
                };
                let caption = attr("caption").unwrap_or(text);
                out.push_str(&format!(
                    "<figure>{image}<figcaption>{caption}</figcaption></figure>"
                ));
            }
            "gallery" => {
                let ids = attr("ids")
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|id| id.trim().parse().ok())
                    .collect();
                found.galleries.push(ids);
            }
            "embed" => {
                let url = body.trim();
                out.push_str(&format!("<p><a href=\"{url}\">{url}</a></p>"));
            }
            _ => {
                found.shortcodes.push(name);
                out.push('[');
                rest = &rest[1..];
                continue;
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Removes the block editor's comments, noting the blocks that have no content in the export.
pub fn blocks(text: &str, found: &mut Found) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<!-- ") {
        out.push_str(&rest[..at]);
        let comment = &rest[at..];
        let inside = &comment["<!-- ".len()..];
        let (Some(name), Some(end)) = (
            inside
                .strip_prefix("wp:")
                .or_else(|| inside.strip_prefix("/wp:")),
            comment.find("-->"),
        ) else {
            out.push_str("<!-- ");
            rest = inside;
            continue;
        };
        let block = &comment[..end];
        if block.trim_end().ends_with('/') && inside.starts_with("wp:") {
            let name = name.split_whitespace().next().unwrap_or_default();
            found
                .dynamic_blocks
                .push(name.trim_end_matches('/').to_string());
        }
        rest = &comment[end + 3..];
    }
    out.push_str(rest);
    out
}

/// The whole preparation: blocks, shortcodes, paragraphs.
pub fn prepare(text: &str, found: &mut Found) -> String {
    let text = blocks(text, found);
    let text = shortcodes(&text, found);
    paragraphs(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_make_paragraphs_but_not_around_blocks_or_in_pre() {
        let html = paragraphs("Pierwszy\nwiersz\n\n<h2>Tytuł</h2>\n\n<pre>a\n\nb</pre>\n\nKoniec");
        assert_eq!(
            html,
            "<p>Pierwszy<br>\nwiersz</p>\n\n<h2>Tytuł</h2>\n\n<pre>a\n\nb</pre>\n\n<p>Koniec</p>"
        );
        // Text right beside a table is a paragraph of its own; the table's lines are not breaks.
        let html =
            paragraphs("<strong>Tabela</strong>\n<table>\n<tr><td>1</td></tr>\n</table>\nPo");
        assert_eq!(
            html,
            "<p><strong>Tabela</strong></p>\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\n<p>Po</p>"
        );
    }

    #[test]
    fn captions_become_figures_galleries_are_noted_and_unknown_codes_stay() {
        let mut found = Found::default();
        let html = shortcodes(
            "[caption id=\"a\" width=\"300\"]<img src=\"x.jpg\"> Park zimą[/caption] \
             [gallery ids=\"3, 4\"][gallery] [audio https://a/b.mp3] [1] [embed]https://v/1[/embed]",
            &mut found,
        );
        assert!(html
            .starts_with("<figure><img src=\"x.jpg\"><figcaption>Park zimą</figcaption></figure>"));
        assert!(html.contains("[audio https://a/b.mp3] [1] <p><a href=\"https://v/1\">"));
        assert_eq!(found.galleries, vec![vec![3, 4], vec![]]);
        assert_eq!(found.shortcodes, vec!["audio"]);
        let mut found = Found::default();
        let html = shortcodes(
            "[caption caption=\"Z atrybutu\"]<img src=\"y.jpg\" />[/caption] dalej",
            &mut found,
        );
        assert_eq!(
            html,
            "<figure><img src=\"y.jpg\" /><figcaption>Z atrybutu</figcaption></figure> dalej"
        );
    }

    #[test]
    fn block_comments_go_and_dynamic_blocks_are_noted() {
        let mut found = Found::default();
        let html = blocks(
            "<!-- wp:paragraph --><p>Tekst</p><!-- /wp:paragraph --><!-- wp:latest-posts {\"a\":1} /-->",
            &mut found,
        );
        assert_eq!(html, "<p>Tekst</p>");
        assert_eq!(found.dynamic_blocks, vec!["latest-posts"]);
    }
}
