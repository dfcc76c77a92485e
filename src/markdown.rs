//! Markdown to HTML with pulldown-cmark: heading anchors, safe links, sanitised raw HTML,
//! and the build-time accessibility checks of the text.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::embed::EmbedHost;
use crate::slug::slugify;

/// Which accessibility check a finding belongs to (its severity is configured per site).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    HeadingLevels,
    EmptyLinkText,
    VagueLinkText,
    ImageAlt,
    TableHeader,
    /// Not configurable: a link or image address that was removed (always a warning).
    Unsafe,
    /// Not configurable: a link to a document that cannot be published (always an error).
    Document,
    /// A frame (`<iframe>`) without a title: screen readers announce frames by their title.
    FrameTitle,
}

/// What a link in the text becomes, as the caller's link check decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNote {
    /// Written as it is.
    Keep,
    /// Written with this text added in brackets at the end of its text: "(PDF, 240 KB)".
    Describe(String),
    /// Written as it is and reported as a [`Check::Document`] finding.
    Problem { message: String, hint: String },
}

/// Something in the text worth telling the editor about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    /// Line within the file (already offset by where the body starts).
    pub line: usize,
    pub message: String,
    pub hint: String,
}

/// A heading of the text, for a table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// The rendered text.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Plain text of the first paragraph, shortened: the default summary.
    pub lead: String,
    /// Plain text of the whole body, for the search index.
    pub text: String,
    pub findings: Vec<Finding>,
    /// Content-Security-Policy `frame-src` sources of the frames the text embeds, sorted.
    pub frame_src: Vec<String>,
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownOptions<'a> {
    /// Keep raw HTML as written (trusted authors only). Otherwise it is sanitised.
    pub allow_raw_html: bool,
    /// Where frames (`<iframe>`) in the text may load from (`embed_hosts:` in site.yaml).
    pub embed_hosts: &'a [EmbedHost],
}

const VAGUE_LINK_TEXTS: &[&str] = &[
    "kliknij",
    "kliknij tutaj",
    "kliknij tu",
    "tutaj",
    "tu",
    "więcej",
    "czytaj więcej",
    "link",
    "tej stronie",
    "strona",
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "this page",
];

const LEAD_MAX_CHARS: usize = 220;

/// Renders `body`, whose first line is line `first_line` of its file.
pub fn render(body: &str, first_line: usize, options: MarkdownOptions) -> Rendered {
    render_with_links(body, first_line, options, &mut |_| LinkNote::Keep)
}

/// Like [`render`], asking `links` about the address of every (safe) link in the text.
pub fn render_with_links(
    body: &str,
    first_line: usize,
    options: MarkdownOptions,
    links: &mut dyn FnMut(&str) -> LinkNote,
) -> Rendered {
    let lines = LineIndex::new(body, first_line);
    let parser = Parser::new_ext(
        body,
        Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES,
    );
    let events: Vec<(Event, Range<usize>)> = parser.into_offset_iter().collect();
    let shift_headings = events.iter().any(|(e, _)| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });

    let mut out = Rendered::default();
    let mut html_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut previous_level = 1u8;
    // All raw HTML of the text, found here once: the loop below writes some events itself
    // (inside headings and rewritten links), and none of them may skip the sanitiser.
    let raw_html: String = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(h.as_ref()),
            _ => None,
        })
        .collect();
    let mut first_table_line = None;
    let mut table = TableAlignment::default();
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        let line = lines.line(range.start);
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // `## Title {onclick=…}`: pulldown-cmark writes any attribute it is given.
                let attrs = if options.allow_raw_html {
                    attrs.clone()
                } else {
                    Vec::new()
                };
                let end = find_end(&events, i);
                let inner = &events[i + 1..end];
                let title = plain_text(inner.iter().map(|(e, _)| e));
                let written = *level as u8;
                let level_num = if shift_headings {
                    (written + 1).min(6)
                } else {
                    written
                };
                if written == 1 {
                    out.findings.push(Finding {
                        check: Check::HeadingLevels,
                        line,
                        message: "a level-1 heading (`#`) in the text".into(),
                        hint: "the title is the page's only level-1 heading: start sections with `##` (tablica shifted the headings down one level)".into(),
                    });
                } else if level_num > previous_level + 1 {
                    out.findings.push(Finding {
                        check: Check::HeadingLevels,
                        line,
                        message: format!(
                            "heading level jumps from {previous_level} to {level_num}"
                        ),
                        hint: format!(
                            "use {} for this heading, or add the missing level above it",
                            "#".repeat(previous_level as usize + 1)
                        ),
                    });
                }
                previous_level = level_num;
                let id = match id {
                    Some(id) => id.to_string(),
                    None => unique_id(&mut ids, &title),
                };
                if level_num <= 3 {
                    out.toc.push(TocEntry {
                        level: level_num,
                        id: id.clone(),
                        title,
                    });
                }
                html_events.push(Event::Start(Tag::Heading {
                    level: HeadingLevel::try_from(level_num as usize).unwrap_or(HeadingLevel::H6),
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs,
                }));
                html_events.extend(inner.iter().map(|(e, _)| e.clone()));
                html_events.push(Event::End(TagEnd::Heading(
                    HeadingLevel::try_from(level_num as usize).unwrap_or(HeadingLevel::H6),
                )));
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let end = find_end(&events, i);
                let text = plain_text(events[i + 1..end].iter().map(|(e, _)| e));
                let normalized = text
                    .trim()
                    .trim_end_matches(['.', '!', ':', '…'])
                    .to_lowercase();
                if normalized.is_empty() {
                    out.findings.push(Finding {
                        check: Check::EmptyLinkText,
                        line,
                        message: format!("a link to `{dest_url}` has no text"),
                        hint: "write what the link leads to between the brackets: [Regulamin projektu](…)".into(),
                    });
                } else if VAGUE_LINK_TEXTS.contains(&normalized.as_str()) {
                    out.findings.push(Finding {
                        check: Check::VagueLinkText,
                        line,
                        message: format!(
                            "link text \"{}\" does not say where it leads",
                            text.trim()
                        ),
                        hint: "name the target instead, e.g. [formularz zgłoszeniowy](…)".into(),
                    });
                }
                if !is_safe_url(dest_url) {
                    out.findings.push(unsafe_url(line, dest_url, "link"));
                    // Keep the link text, drop the link.
                    for (e, _) in &events[i + 1..end] {
                        html_events.push(e.clone());
                    }
                    i = end + 1;
                    continue;
                }
                match links(dest_url) {
                    LinkNote::Keep => {}
                    LinkNote::Describe(note) => {
                        html_events.extend(events[i..end].iter().map(|(e, _)| e.clone()));
                        html_events.push(Event::Text(format!(" ({note})").into()));
                        html_events.push(events[end].0.clone());
                        i = end + 1;
                        continue;
                    }
                    LinkNote::Problem { message, hint } => out.findings.push(Finding {
                        check: Check::Document,
                        line,
                        message,
                        hint,
                    }),
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let end = find_end(&events, i);
                let alt = plain_text(events[i + 1..end].iter().map(|(e, _)| e));
                if alt.trim().is_empty() {
                    out.findings.push(Finding {
                        check: Check::ImageAlt,
                        line,
                        message: format!("the image `{dest_url}` has no alt text"),
                        hint: "describe the image between the brackets: ![Uczestnicy warsztatów przy stole](…)".into(),
                    });
                }
                if !is_local_image(dest_url) {
                    out.findings.push(foreign_image(line, dest_url));
                    i = end + 1;
                    continue;
                }
            }
            Event::Start(Tag::Table(alignments)) => {
                html_events.push(table.start(alignments));
                i += 1;
                continue;
            }
            Event::Start(Tag::TableHead) => table.start_row(true),
            Event::Start(Tag::TableRow) => table.start_row(false),
            Event::Start(Tag::TableCell) => {
                if let Some(cell) = table.cell() {
                    html_events.push(cell);
                    i += 1;
                    continue;
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                check_raw_html(&body[range.clone()], range.start, &lines, options, &mut out);
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                if matches!(event, Event::InlineHtml(_)) {
                    check_raw_html(h, range.start, &lines, options, &mut out);
                }
                if first_table_line.is_none() && h.to_ascii_lowercase().contains("<table") {
                    first_table_line = Some(line);
                }
            }
            _ => {}
        }
        html_events.push(event.clone());
        i += 1;
    }
    if let Some(line) = first_table_line {
        if !raw_html.to_ascii_lowercase().contains("<th") {
            out.findings.push(Finding {
                check: Check::TableHeader,
                line,
                message: "an HTML table without header cells (<th>)".into(),
                hint: "give the table a header row, or write it as a Markdown table (its first row is the header)".into(),
            });
        }
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, html_events.into_iter());
    out.frame_src.sort();
    out.frame_src.dedup();
    out.html = if !raw_html.is_empty() && !options.allow_raw_html {
        sanitise(&html, options.embed_hosts)
    } else {
        html
    };
    out.text = plain_text(events.iter().map(|(e, _)| e));
    let lead = events
        .iter()
        .position(|(e, _)| matches!(e, Event::Start(Tag::Paragraph)))
        .map(|start| {
            plain_text(
                events[start + 1..find_end(&events, start)]
                    .iter()
                    .map(|(e, _)| e),
            )
        })
        .unwrap_or_default();
    out.lead = shorten(lead.trim(), LEAD_MAX_CHARS);
    out
}

/// Column alignment of Markdown tables as classes instead of pulldown-cmark's `style`
/// attributes, which the pages' Content-Security-Policy (`style-src 'self'`) would block.
#[derive(Default)]
struct TableAlignment {
    columns: Vec<Alignment>,
    head: bool,
    cell: usize,
}

impl TableAlignment {
    /// Remembers the columns' alignment and returns the table's start without it.
    fn start(&mut self, columns: &[Alignment]) -> Event<'static> {
        self.columns = columns.to_vec();
        Event::Start(Tag::Table(vec![Alignment::None; columns.len()]))
    }

    fn start_row(&mut self, head: bool) {
        self.head = head;
        self.cell = 0;
    }

    /// The start of the next cell when its column is aligned (`None`: write it as usual).
    fn cell(&mut self) -> Option<Event<'static>> {
        let alignment = self.columns.get(self.cell).copied();
        self.cell += 1;
        let class = match alignment? {
            Alignment::None => return None,
            Alignment::Left => "align-left",
            Alignment::Center => "align-center",
            Alignment::Right => "align-right",
        };
        let tag = if self.head { "th" } else { "td" };
        Some(Event::Html(format!("<{tag} class=\"{class}\">").into()))
    }
}

/// Reports the frames and images of raw HTML (`html`, at byte `offset` of the body) that
/// the sanitiser removes, frames without a title, and notes the sources of allowed frames.
fn check_raw_html(
    html: &str,
    offset: usize,
    lines: &LineIndex,
    options: MarkdownOptions,
    out: &mut Rendered,
) {
    let outcome = if options.allow_raw_html {
        "is blocked by the page's Content-Security-Policy"
    } else {
        "was removed"
    };
    for tag in start_tags(html) {
        let line = lines.line(offset + tag.offset);
        let attr = |name: &str| {
            tag.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        match tag.name.as_str() {
            "iframe" => {
                let src = attr("src").unwrap_or_default();
                match EmbedHost::find(options.embed_hosts, src) {
                    Some(host) => out.frame_src.push(host.csp_source()),
                    None => out.findings.push(Finding {
                        check: Check::Unsafe,
                        line,
                        message: format!("the frame (`<iframe>`) from `{src}` {outcome}"),
                        hint: "frames load only over https from the hosts listed under `embed_hosts:` in site.yaml; add the host there if the site trusts it".into(),
                    }),
                }
                if attr("title").map_or(true, |t| t.trim().is_empty()) {
                    out.findings.push(Finding {
                        check: Check::FrameTitle,
                        line,
                        message: "a frame (`<iframe>`) has no title".into(),
                        hint: "say what it shows: <iframe title=\"Mapa dojazdu do ośrodka\" …> (screen readers announce frames by their title)".into(),
                    });
                }
            }
            "img" => {
                let src = attr("src").unwrap_or_default();
                if !is_local_image(src) {
                    let mut finding = foreign_image(line, src);
                    if options.allow_raw_html {
                        finding.message = format!("the image `{src}` {outcome}");
                    }
                    out.findings.push(finding);
                }
                if attr("alt").is_none() {
                    out.findings.push(Finding {
                        check: Check::ImageAlt,
                        line,
                        message: format!("the image `{src}` has no alt text"),
                        hint: "describe the image in its alt attribute: <img alt=\"Uczestnicy warsztatów przy stole\" …> (alt=\"\" for decoration)".into(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// Only images from this site are shown in the text (privacy: no requests to other sites).
fn is_local_image(url: &str) -> bool {
    let url = url.trim();
    url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\") && is_safe_url(url)
}

fn foreign_image(line: usize, url: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: format!("the image `{url}` cannot be shown in the text"),
        hint: "list photos under `gallery:` or `cover:` in the front matter: they are resized and stripped of GPS data there; images from other sites are not loaded (privacy)".into(),
    }
}

/// A start tag of raw HTML that the checks look at.
struct StartTag {
    /// Byte offset of its `<` in the HTML.
    offset: usize,
    /// Lowercase.
    name: String,
    /// Lowercase names; values with `&amp;` decoded.
    attributes: Vec<(String, String)>,
}

/// The `<iframe>` and `<img>` start tags of raw HTML, read as a browser would read their
/// attributes. For reporting only: the sanitiser decides what is kept.
fn start_tags(html: &str) -> Vec<StartTag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find('<') {
        let offset = from + found;
        from = offset + 1;
        let name_end = html[from..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .map_or(html.len(), |n| from + n);
        let name = html[from..name_end].to_ascii_lowercase();
        if name != "iframe" && name != "img" {
            continue;
        }
        let mut attributes = Vec::new();
        let mut i = name_end;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr_name = html[start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (value_start, value_end) = match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(q as char)
                            .map_or(html.len(), |n| i + 1 + n);
                        let span = (i + 1, end);
                        i = (end + 1).min(html.len());
                        span
                    }
                    _ => {
                        let start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        (start, i)
                    }
                };
                value = html[value_start..value_end].replace("&amp;", "&");
            }
            if !attr_name.is_empty()
                && !attributes
                    .iter()
                    .any(|(n, _): &(String, String)| *n == attr_name)
            {
                attributes.push((attr_name, value));
            }
            from = i;
        }
        tags.push(StartTag {
            offset,
            name,
            attributes,
        });
    }
    tags
}

fn unsafe_url(line: usize, url: &str, what: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: format!("the {what} address `{url}` is not allowed and was removed"),
        hint: "use an http(s), mailto: or tel: address, or a path on this site".into(),
    }
}

/// Index of the event that closes the one at `start`.
fn find_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// The text of events: text and code, a space for line breaks and the end of each block.
/// What stands between inline `<script>` or `<style>` tags is code, not text, and is left out.
fn plain_text<'a, 'b: 'a>(events: impl Iterator<Item = &'a Event<'b>>) -> String {
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

fn unique_id(ids: &mut HashMap<String, usize>, title: &str) -> String {
    let base = match slugify(title) {
        s if s.is_empty() => "sekcja".to_string(),
        s => s,
    };
    let n = ids.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{n}")
    }
}

/// Only http(s), mailto and tel addresses, fragments and site paths are kept.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    match lower.find(':') {
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            matches!(&lower[..colon], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

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
///
/// This is the sanitiser's whole allow-list: ammonia's defaults (text-level elements, lists,
/// tables, `figure`/`figcaption`, `details`/`summary`, …) with heading anchors, footnotes and
/// table alignment classes; images only from this site; frames only over https from
/// `embed_hosts`, each lazy-loaded, sandboxed and without their fallback content.
fn sanitise(html: &str, embed_hosts: &[EmbedHost]) -> String {
    let hosts = embed_hosts.to_vec();
    let mut builder = ammonia::Builder::default();
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(h, &["id"]);
    }
    builder
        .add_tag_attributes("sup", &["class", "id"])
        .add_tag_attributes("div", &["class", "id"])
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
            _ => Some(value.into()),
        },
    );
    finish_frames(&builder.clean(html).to_string())
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
struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    fn new(text: &str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, first_line }
    }

    fn line(&self, offset: usize) -> usize {
        self.first_line + self.starts.partition_point(|&s| s <= offset) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> Rendered {
        render(s, 1, MarkdownOptions::default())
    }

    #[test]
    fn headings_get_anchors_without_diacritics() {
        let r = md("## Zajęcia w Łodzi\n\n## Zajęcia w Łodzi\n");
        assert!(r.html.contains("<h2 id=\"zajecia-w-lodzi\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"zajecia-w-lodzi-2\">"));
        assert_eq!(r.toc.len(), 2);
    }

    #[test]
    fn level_one_headings_are_shifted_and_reported() {
        let r = md("# Wstęp\n\n## Szczegóły\n");
        assert!(r.html.contains("<h2 id=\"wstep\">"));
        assert!(r.html.contains("<h3 id=\"szczegoly\">"));
        assert_eq!(r.findings[0].check, Check::HeadingLevels);
    }

    #[test]
    fn skipped_heading_levels_are_reported_with_their_line() {
        let r = render("Tekst\n\n#### Za głęboko\n", 10, MarkdownOptions::default());
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].line, 12);
        assert!(r.findings[0].message.contains("from 1 to 4"));
    }

    #[test]
    fn vague_and_empty_link_texts_are_reported() {
        let r = md("[Kliknij tutaj](https://example.org) i [](https://example.org/a)\n");
        let checks: Vec<_> = r.findings.iter().map(|f| f.check).collect();
        assert_eq!(checks, [Check::VagueLinkText, Check::EmptyLinkText]);
    }

    #[test]
    fn javascript_links_are_dropped_but_text_kept() {
        let r = md("[Regulamin](javascript:alert(1)) i [x](JaVaScRiPt&#58;alert(1))\n");
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(r.html.contains("Regulamin"));
        assert!(r.findings.iter().any(|f| f.check == Check::Unsafe));
    }

    #[test]
    fn links_are_described_or_reported_as_the_link_check_says() {
        let body = "Zobacz [Regulamin](regulamin.pdf) i [wzór](brak.docx).\n\n[Strona stowarzyszenia](https://example.org)\n";
        let mut asked = Vec::new();
        let r = render_with_links(body, 5, MarkdownOptions::default(), &mut |url| {
            asked.push(url.to_string());
            match url {
                "regulamin.pdf" => LinkNote::Describe("PDF, 240 KB".into()),
                "brak.docx" => LinkNote::Problem {
                    message: "missing".into(),
                    hint: "add it".into(),
                },
                _ => LinkNote::Keep,
            }
        });
        assert_eq!(asked, ["regulamin.pdf", "brak.docx", "https://example.org"]);
        assert!(
            r.html
                .contains(r#"<a href="regulamin.pdf">Regulamin (PDF, 240 KB)</a>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<a href="brak.docx">wzór</a>"#));
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].check, Check::Document);
        assert_eq!(r.findings[0].line, 5);
    }

    #[test]
    fn raw_html_is_sanitised_unless_allowed() {
        let src = "Tekst <script>alert(1)</script><img src=x onerror=alert(1)>\n\n<b onclick=\"x()\">b</b>\n";
        let safe = md(src);
        assert!(!safe.html.contains("<script"), "{}", safe.html);
        assert!(!safe.html.contains("onerror"));
        assert!(!safe.html.contains("onclick"));
        let trusted = render(
            src,
            1,
            MarkdownOptions {
                allow_raw_html: true,
                ..MarkdownOptions::default()
            },
        );
        assert!(trusted.html.contains("<script>"));
    }

    #[test]
    fn raw_html_inside_links_the_renderer_rewrites_is_sanitised() {
        // The branches that drop an unsafe link or describe a document link write the link's
        // text themselves; raw HTML in that text must still reach the sanitiser.
        let unsafe_link = md("[<img src=x onerror=alert(1)>](javascript:alert(1))\n");
        assert!(
            !unsafe_link.html.contains("onerror"),
            "{}",
            unsafe_link.html
        );
        let described = render_with_links(
            "[<b onmouseover=alert(1)>Regulamin</b>](regulamin.pdf)\n",
            1,
            MarkdownOptions::default(),
            &mut |_| LinkNote::Describe("PDF, 240 KB".into()),
        );
        assert!(
            !described.html.contains("onmouseover"),
            "{}",
            described.html
        );
        assert!(
            described
                .html
                .contains("<b>Regulamin</b> (PDF, 240 KB)</a>"),
            "{}",
            described.html
        );
    }

    #[test]
    fn heading_attributes_cannot_add_event_handlers() {
        let r = md("## Zapisy {#zapisy .wazne onclick=alert(1) style=x}\n");
        assert_eq!(r.html, "<h2 id=\"zapisy\" class=\"wazne\">Zapisy</h2>\n");
    }

    #[test]
    fn what_editors_need_is_kept() {
        let r = md("<figure><img src=\"/a.jpg\" alt=\"Plakat\"><figcaption>Plakat</figcaption></figure>\n\n<details open><summary>Więcej</summary>Tekst</details>\n\n<table><tr><th scope=\"col\">A</th></tr><tr><td colspan=\"2\">1</td></tr></table>\n");
        for kept in [
            "<figure><img src=\"/a.jpg\" alt=\"Plakat\"><figcaption>",
            "<details open=\"\"><summary>Więcej</summary>",
            "<th scope=\"col\">A</th>",
            "<td colspan=\"2\">1</td>",
        ] {
            assert!(r.html.contains(kept), "{kept} in {}", r.html);
        }
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn images_from_other_sites_in_raw_html_are_removed_and_reported() {
        let r = md("Tekst\n\n<img src=\"https://tracker.example/p.gif\" alt=\"\">\n");
        assert!(!r.html.contains("tracker"), "{}", r.html);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(
            (r.findings[0].check, r.findings[0].line),
            (Check::Unsafe, 3)
        );
    }

    fn with_embeds(body: &str, hosts: &[&str]) -> Rendered {
        let hosts: Vec<EmbedHost> = hosts.iter().map(|h| EmbedHost::parse(h).unwrap()).collect();
        render(
            body,
            1,
            MarkdownOptions {
                allow_raw_html: false,
                embed_hosts: &hosts,
            },
        )
    }

    #[test]
    fn frames_load_only_from_the_configured_hosts() {
        let body = "Mapa:\n\n<iframe src=\"https://www.google.com/maps/embed?pb=1&amp;x=2\" title=\"Mapa dojazdu\" onload=\"alert(1)\" allow=\"camera\">fallback <b>x</b></iframe>\n\n<iframe\n  src=\"https://evil.example/x\" title=\"Zła\"></iframe>\n";
        let r = with_embeds(body, &["www.google.com/maps/embed"]);
        for kept in [
            "<iframe src=\"https://www.google.com/maps/embed?pb=1&amp;x=2\" title=\"Mapa dojazdu\"",
            " loading=\"lazy\"",
            " referrerpolicy=\"strict-origin-when-cross-origin\"",
            " sandbox=\"allow-scripts ",
            "></iframe>",
        ] {
            assert!(r.html.contains(kept), "{kept} in {}", r.html);
        }
        assert!(
            !r.html.contains("onload")
                && !r.html.contains("camera")
                && !r.html.contains("fallback"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("evil"), "{}", r.html);
        assert_eq!(r.html.matches("<iframe").count(), 1, "{}", r.html);
        assert_eq!(r.frame_src, ["https://www.google.com/maps/embed"]);
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(
            (r.findings[0].check, r.findings[0].line),
            (Check::Unsafe, 5)
        );

        let none = with_embeds(body, &[]);
        assert!(!none.html.contains("<iframe"), "{}", none.html);
        assert!(none.frame_src.is_empty());
    }

    #[test]
    fn frames_without_a_title_are_reported() {
        let r = with_embeds(
            "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>\n",
            &["player.vimeo.com"],
        );
        assert!(r
            .html
            .contains("<iframe src=\"https://player.vimeo.com/video/1\""));
        assert_eq!(r.findings.len(), 1);
        assert_eq!(
            (r.findings[0].check, r.findings[0].line),
            (Check::FrameTitle, 1)
        );
    }

    #[test]
    fn tables_footnotes_and_strikethrough_render() {
        let r = md("| A | B |\n|---|---|\n| 1 | 2 |\n\nTekst[^1] ~~stare~~\n\n[^1]: Przypis.\n");
        assert!(r.html.contains("<th>A</th>"));
        assert!(r.html.contains("footnote-definition"));
        assert!(r.html.contains("<del>stare</del>"));
    }

    #[test]
    fn table_alignment_uses_classes_not_inline_styles() {
        let table = "| Miesiąc | Osoby | Uwagi |\n|:--|--:|:-:|\n| maj | 12 | — |\n";
        for body in [table.to_string(), format!("{table}\n<p>tekst</p>\n")] {
            let r = md(&body);
            assert!(!r.html.contains("style="), "{}", r.html);
            assert!(
                r.html.contains(r#"<th class="align-left">Miesiąc</th>"#),
                "{}",
                r.html
            );
            assert!(r.html.contains(r#"<th class="align-right">Osoby</th>"#));
            assert!(r.html.contains(r#"<td class="align-right">12</td>"#));
            assert!(r.html.contains(r#"<td class="align-center">—</td>"#));
        }
        let unaligned = md("| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            unaligned.html.contains("<td>1</td><td>2</td>"),
            "{}",
            unaligned.html
        );
    }

    #[test]
    fn images_in_the_text_must_be_local_paths() {
        let r = md("![Mapa dojazdu](https://maps.example.com/x.png)\n");
        assert!(!r.html.contains("maps.example.com"));
        assert!(r.findings.iter().any(|f| f.check == Check::Unsafe));
        let ok = md("![Logo programu](/assets/img/logo.png)\n");
        assert!(ok.html.contains("src=\"/assets/img/logo.png\""));
    }

    #[test]
    fn the_lead_leaves_out_inline_scripts() {
        let r = md("Zapraszamy <script>alert(1)</script>na festyn <style>p{}</style>w sobotę.\n");
        assert_eq!(r.lead, "Zapraszamy na festyn w sobotę.");
        // A one-line HTML block with a style element does not swallow the text after it.
        let r = md("<style>p { color: red }</style>\n\nPierwszy akapit.\n");
        assert_eq!(r.lead, "Pierwszy akapit.");
    }

    #[test]
    fn lead_is_the_first_paragraph_shortened() {
        let long = "słowo ".repeat(100);
        let r = md(&format!("## Nagłówek\n\n{long}\n\nDrugi akapit.\n"));
        assert!(r.lead.ends_with('…'));
        assert!(r.lead.chars().count() <= LEAD_MAX_CHARS + 1);
        assert!(!r.lead.contains("Drugi"));
    }
}
