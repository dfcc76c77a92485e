//! A post's HTML turned into Markdown, read with scraper (html5ever, the parser the build's
//! sanitiser uses, so both see the same tree).
//!
//! Paragraphs, headings, emphasis, links, images, lists, quotes, code and rules become
//! Markdown; what Markdown cannot say (tables, definition lists, `<sup>`, `<abbr>` …) stays
//! HTML, cleaned by the sanitiser; scripts, forms, frames and styles are dropped and named.

use scraper::{ElementRef, Html, Node};

/// An image of the text, as the import found it.
pub enum Image {
    /// Copied beside the post: its file name and the alt text to write.
    Local { file: String, alt: String },
    /// Not found: the text keeps a link to where it was.
    Missing,
}

/// What the conversion asks of the rest of the import.
pub trait Resolve {
    /// Where an image of the text (`src`, its `alt`) is now.
    fn image(&mut self, src: &str, alt: &str) -> Image;
    /// The address a link gets on the new site.
    fn link(&self, href: &str) -> String;
}

/// What was dropped or kept as HTML.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Notes {
    /// Elements removed with their content (`iframe`, `script`, `form` …).
    pub removed: Vec<String>,
    /// Elements kept as (sanitised) HTML.
    pub kept_html: Vec<String>,
}

/// Dropped with everything inside.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "select",
    "textarea", "noscript", "svg", "math", "audio", "video", "canvas", "template", "head",
];

/// Kept as HTML: Markdown has no form for them.
const KEPT: &[&str] = &["table", "dl", "details"];

/// Inline elements kept as HTML (their text inside converted).
const INLINE_KEPT: &[&str] = &[
    "sup", "sub", "abbr", "acronym", "kbd", "mark", "q", "small", "var", "ins", "cite",
];

struct Converter<'r> {
    resolve: &'r mut dyn Resolve,
    notes: Notes,
    /// The level each heading level of the HTML gets: the levels used, in order, from 2
    /// (the title is the page's only h1), so the text skips none.
    levels: [usize; 7],
}

/// Markdown's special characters in text, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whitespace runs as one space, as a browser shows them.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// A line that Markdown would read as a list item, heading or quote, escaped.
fn safe_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && trimmed[digits..].starts_with(['.', ')']);
    if trimmed.starts_with(['-', '+', '=']) {
        format!("\\{trimmed}")
    } else if numbered {
        format!("{}\\{}", &trimmed[..digits], &trimmed[digits..])
    } else {
        trimmed.to_string()
    }
}

impl Converter<'_> {
    /// The Markdown of the text-level content of `node`.
    fn inline(&mut self, node: ElementRef) -> String {
        let mut out = String::new();
        for child in node.children() {
            match child.value() {
                Node::Text(t) => out.push_str(&escape(&collapse(t))),
                Node::Element(_) => {
                    if let Some(el) = ElementRef::wrap(child) {
                        out.push_str(&self.inline_element(el));
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn inline_element(&mut self, el: ElementRef) -> String {
        let name = el.value().name();
        let wrap = |s: String, mark: &str| {
            let t = s.trim();
            if t.is_empty() {
                s
            } else {
                format!("{mark}{t}{mark}")
            }
        };
        match name {
            "br" => "\\\n".to_string(),
            "strong" | "b" => wrap(self.inline(el), "**"),
            "em" | "i" | "dfn" => wrap(self.inline(el), "*"),
            "del" | "s" | "strike" => wrap(self.inline(el), "~~"),
            "code" | "tt" => {
                let text = el.text().collect::<String>();
                let fence = if text.contains('`') { "`` " } else { "`" };
                format!("{fence}{}{}", text, fence.chars().rev().collect::<String>())
            }
            "a" => {
                let text = self.inline(el);
                match el.value().attr("href") {
                    Some(href) if !href.trim().is_empty() => {
                        let href = self.resolve.link(href.trim());
                        if text.trim().is_empty() || text.starts_with("![") {
                            text
                        } else {
                            format!("[{}]({})", text.trim(), href.replace(' ', "%20"))
                        }
                    }
                    _ => text,
                }
            }
            "img" => self.image(el),
            _ if DROPPED.contains(&name) => {
                self.notes.removed.push(name.to_string());
                String::new()
            }
            _ if INLINE_KEPT.contains(&name) => {
                format!("<{name}>{}</{name}>", self.inline(el))
            }
            _ => self.inline(el),
        }
    }

    fn image(&mut self, el: ElementRef) -> String {
        let src = el.value().attr("src").unwrap_or_default();
        let alt = collapse(el.value().attr("alt").unwrap_or_default())
            .trim()
            .to_string();
        if src.is_empty() {
            return String::new();
        }
        match self.resolve.image(src, &alt) {
            Image::Local { file, alt } => format!("![{}]({})", escape(&alt), file),
            Image::Missing => {
                let name = src.rsplit('/').next().unwrap_or(src);
                let text = if alt.is_empty() { name } else { &alt };
                format!("[{}]({})", escape(text), src.replace(' ', "%20"))
            }
        }
    }

    /// The Markdown blocks of the children of `node`.
    fn blocks(&mut self, node: ElementRef, out: &mut Vec<String>) {
        let mut line = String::new();
        for child in node.children() {
            let block = ElementRef::wrap(child).filter(|el| is_block(el.value().name()));
            match block {
                Some(el) => {
                    flush(&mut line, out);
                    self.block(el, out);
                }
                None => match child.value() {
                    Node::Text(t) => line.push_str(&escape(&collapse(t))),
                    Node::Element(_) => {
                        if let Some(el) = ElementRef::wrap(child) {
                            line.push_str(&self.inline_element(el));
                        }
                    }
                    _ => {}
                },
            }
        }
        flush(&mut line, out);
    }

    fn block(&mut self, el: ElementRef, out: &mut Vec<String>) {
        let name = el.value().name();
        match name {
            "p" => {
                let mut line = self.inline(el);
                flush(&mut line, out);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = self.levels[name[1..].parse::<usize>().unwrap_or(2).min(6)];
                let text = collapse(&self.inline(el)).trim().to_string();
                if !text.is_empty() {
                    out.push(format!("{} {}", "#".repeat(level), text));
                }
            }
            "ul" | "ol" => out.push(self.list(el, name == "ol")),
            "blockquote" => {
                let mut inner = Vec::new();
                self.blocks(el, &mut inner);
                let quoted = inner
                    .join("\n\n")
                    .lines()
                    .map(|l| {
                        if l.is_empty() {
                            ">".to_string()
                        } else {
                            format!("> {l}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                if !quoted.is_empty() {
                    out.push(quoted);
                }
            }
            "pre" => {
                let text = el.text().collect::<String>();
                let fence = if text.contains("```") { "~~~~" } else { "```" };
                out.push(format!("{fence}\n{}\n{fence}", text.trim_end()));
            }
            "hr" => out.push("* * *".to_string()),
            "figcaption" => {
                let text = collapse(&self.inline(el)).trim().to_string();
                if !text.is_empty() {
                    out.push(format!("*{text}*"));
                }
            }
            _ if KEPT.contains(&name) => {
                self.notes.kept_html.push(name.to_string());
                out.push(ammonia::clean(&el.html()));
            }
            _ if DROPPED.contains(&name) => self.notes.removed.push(name.to_string()),
            // div, figure, section …: their content.
            _ => self.blocks(el, out),
        }
    }

    fn list(&mut self, el: ElementRef, ordered: bool) -> String {
        let mut items = Vec::new();
        for (n, li) in el
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "li")
            .enumerate()
        {
            let mut inner = Vec::new();
            self.blocks(li, &mut inner);
            let marker = if ordered {
                format!("{}. ", n + 1)
            } else {
                "- ".to_string()
            };
            let indent = " ".repeat(marker.len());
            // A list inside an item follows its text directly: the list stays tight.
            let mut text = String::new();
            for (k, block) in inner.iter().enumerate() {
                if k > 0 {
                    let list = block.starts_with("- ")
                        || block.split_once(". ").is_some_and(|(n, _)| {
                            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
                        });
                    text.push_str(if list { "\n" } else { "\n\n" });
                }
                text.push_str(block);
            }
            let mut lines = text.lines();
            let first = lines.next().unwrap_or_default();
            let mut item = format!("{marker}{first}");
            for l in lines {
                item.push('\n');
                if !l.is_empty() {
                    item.push_str(&indent);
                    item.push_str(l);
                }
            }
            items.push(item);
        }
        items.join("\n")
    }
}

/// Elements that make blocks of their own; the rest is text-level.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "hr",
    "div",
    "figure",
    "figcaption",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "center",
    "address",
];

pub(super) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name) || KEPT.contains(&name) || DROPPED.contains(&name)
}

/// Ends a paragraph of inline text: trimmed, each line safe at its start.
fn flush(line: &mut String, out: &mut Vec<String>) {
    // A line break at either end of a paragraph shows nothing.
    let text = line.trim().trim_start_matches("\\\n").trim();
    // An address alone on its line (what WordPress turns into an embedded player) is a link.
    let address = text.replace('\\', "");
    let bare = address.starts_with("https://") || address.starts_with("http://");
    if bare && !address.contains(char::is_whitespace) && !address.contains(['<', '>']) {
        out.push(format!("<{address}>"));
    } else if !text.is_empty() && text != "\\" {
        let safe = text
            .lines()
            .map(safe_line_start)
            .collect::<Vec<_>>()
            .join("\n");
        out.push(safe.trim_end_matches('\\').trim_end().to_string());
    }
    line.clear();
}

/// Markdown for an HTML fragment, and what was dropped or kept as HTML.
pub fn to_markdown(html: &str, resolve: &mut dyn Resolve) -> (String, Notes) {
    let fragment = Html::parse_fragment(html);
    let mut used = [false; 7];
    for node in fragment.root_element().descendants() {
        if let Some(el) = ElementRef::wrap(node) {
            let name = el.value().name();
            if let Some(n) = name.strip_prefix('h').and_then(|n| n.parse::<usize>().ok()) {
                used[n.min(6)] = true;
            }
        }
    }
    let mut levels = [2; 7];
    let mut next = 2;
    for (level, used) in used.iter().enumerate() {
        levels[level] = next.min(6);
        if *used {
            next += 1;
        }
    }
    let mut converter = Converter {
        resolve,
        notes: Notes::default(),
        levels,
    };
    let mut blocks = Vec::new();
    converter.blocks(fragment.root_element(), &mut blocks);
    (blocks.join("\n\n"), converter.notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Resolve for Fake {
        fn image(&mut self, src: &str, alt: &str) -> Image {
            if src.contains("brak") {
                Image::Missing
            } else {
                Image::Local {
                    file: src.rsplit('/').next().unwrap_or_default().to_string(),
                    alt: if alt.is_empty() {
                        "OPISZ".into()
                    } else {
                        alt.into()
                    },
                }
            }
        }
        fn link(&self, href: &str) -> String {
            href.replace("https://stary.example.org", "")
        }
    }

    fn md(html: &str) -> (String, Notes) {
        to_markdown(html, &mut Fake)
    }

    #[test]
    fn common_html_becomes_markdown() {
        let (text, notes) = md(
            "<h1>Duży</h1><h3>Mniejszy</h3><p><br>Zwykły <strong>gruby</strong> i <em>pochyły</em>, \
             <a href=\"https://stary.example.org/o-nas/\">o nas</a>, 2 * 3 [a]</p>\
             <ul><li>jeden</li><li>dwa<ol><li>pod</li></ol></li></ul>\
             <blockquote><p>Cytat</p></blockquote><pre>kod\n  wcięty</pre><hr>\
             <p>- nie lista<br>1. też nie</p><p>https://www.youtube.com/watch?v=a_b</p>",
        );
        assert_eq!(
            text,
            "## Duży\n\n### Mniejszy\n\nZwykły **gruby** i *pochyły*, [o nas](/o-nas/), 2 \\* 3 \\[a\\]\n\n\
             - jeden\n- dwa\n  1. pod\n\n> Cytat\n\n```\nkod\n  wcięty\n```\n\n* * *\n\n\
             \\- nie lista\\\n1\\. też nie\n\n<https://www.youtube.com/watch?v=a_b>"
        );
        assert_eq!(notes, Notes::default());
    }

    #[test]
    fn images_are_resolved_and_missing_ones_become_links() {
        let (text, _) = md(
            "<figure><a href=\"/duze.jpg\"><img src=\"/up/park.jpg\" alt=\"\"></a>\
             <figcaption>Park zimą</figcaption></figure>\
             <p><img src=\"https://x/brak.jpg\" alt=\"Plakat\"></p>",
        );
        assert_eq!(
            text,
            "![OPISZ](park.jpg)\n\n*Park zimą*\n\n[Plakat](https://x/brak.jpg)"
        );
    }

    #[test]
    fn tables_stay_html_and_scripts_and_frames_go() {
        let (text, notes) = md(
            "<table><tr><th>A</th></tr><tr><td onclick=\"x()\">1</td></tr></table>\
             <script>alert(1)</script><p>Po<iframe src=\"https://x\"></iframe></p>",
        );
        assert!(text.starts_with("<table>"), "{text}");
        assert!(
            !text.contains("onclick") && !text.contains("alert"),
            "{text}"
        );
        assert!(text.ends_with("\n\nPo"), "{text}");
        assert_eq!(notes.kept_html, vec!["table"]);
        assert_eq!(notes.removed, vec!["script", "iframe"]);
    }
}
