//! Markdown to HTML with pulldown-cmark: heading anchors, safe links, sanitised raw HTML,
//! and the build-time accessibility checks of the text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::embed::EmbedHost;
use crate::slug::slugify;
use crate::theme_names;

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
    let mut out = Rendered::default();
    let body = without_controls(body, first_line, &mut out);
    let body = body.as_ref();
    let lines = LineIndex::new(body, first_line);
    let parser = Parser::new_ext(
        body,
        Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES,
    );
    let mut events: Vec<(Event, Range<usize>)> = parser.into_offset_iter().collect();
    let kept = bound_nesting(body, &mut events, &lines, &mut out);
    let shift_headings = events.iter().any(|(e, _)| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });

    let mut html_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut previous_level = 1u8;
    // All raw HTML of the text, for the table check.
    let raw_html: String = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(h.as_ref()),
            _ => None,
        })
        .collect();
    let mut first_table_line = None;
    let mut table = TableAlignment::default();
    // Ends of the elements rewritten below, innermost last. Their content goes through this
    // loop like any other events, so a link or image inside a heading or a link is checked.
    let mut closes: Vec<(usize, Close)> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if closes.last().is_some_and(|(end, _)| *end == i) {
            if let Some((_, close)) = closes.pop() {
                match close {
                    Close::Heading(level) => html_events.push(Event::End(TagEnd::Heading(level))),
                    Close::Nothing => {}
                    Close::Note(note) => {
                        html_events.push(Event::Text(format!(" ({note})").into()));
                        html_events.push(events[i].0.clone());
                    }
                }
            }
            i += 1;
            continue;
        }
        if !kept[i] {
            i += 1;
            continue;
        }
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
                let title = plain_text(events[i + 1..end].iter().map(|(e, _)| e));
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
                    Some(id) => author_id(id, line, &mut out),
                    None => unique_id(&mut ids, &title),
                };
                if level_num <= 3 {
                    out.toc.push(TocEntry {
                        level: level_num,
                        id: id.clone(),
                        title,
                    });
                }
                let level = HeadingLevel::try_from(level_num as usize).unwrap_or(HeadingLevel::H6);
                html_events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes: author_classes(classes, line, &mut out),
                    attrs,
                }));
                closes.push((end, Close::Heading(level)));
                i += 1;
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
                    closes.push((end, Close::Nothing));
                    i += 1;
                    continue;
                }
                match links(dest_url) {
                    LinkNote::Keep => {}
                    LinkNote::Describe(note) => {
                        html_events.push(event.clone());
                        closes.push((end, Close::Note(note)));
                        i += 1;
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
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let label = author_id(label, line, &mut out);
                html_events.push(Event::Start(Tag::FootnoteDefinition(label.into())));
                i += 1;
                continue;
            }
            Event::FootnoteReference(label) => {
                html_events.push(Event::FootnoteReference(outside_theme(label).into()));
                i += 1;
                continue;
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
    // Always, not only when the text has raw HTML: whatever the loop above missed or a
    // future change lets through, the page gets only what the allow-list permits.
    out.html = if options.allow_raw_html {
        html
    } else {
        sanitise(&html, options.embed_hosts)
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

/// What the renderer writes at the end of an element it rewrote.
enum Close {
    Heading(HeadingLevel),
    /// Nothing: the element was removed and its content kept.
    Nothing,
    /// A note in brackets before the element's end: " (PDF, 240 KB)".
    Note(String),
}

/// The text without control characters other than tab and line ends (NUL, ESC and the
/// like: they have no place in a page, and in a message they would drive the terminal).
fn without_controls<'a>(body: &'a str, first_line: usize, out: &mut Rendered) -> Cow<'a, str> {
    let stripped = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let Some(first) = body.find(stripped) else {
        return Cow::Borrowed(body);
    };
    out.findings.push(Finding {
        check: Check::Unsafe,
        line: LineIndex::new(body, first_line).line(first),
        message: "the text holds control characters (such as NUL or ESC), which were removed"
            .into(),
        hint: "they are invisible and usually come from copying out of another program: retype the line if something looks wrong".into(),
    });
    Cow::Owned(body.chars().filter(|&c| !stripped(c)).collect())
}

/// How deep the elements of a text may nest, Markdown blocks and raw HTML together. The HTML
/// parser behind the sanitiser does work in proportion to the depth for each element, so
/// without a bound its time would grow with the square of the text.
const MAX_NESTING: usize = 100;

/// Bounds the nesting of `events`: which events are written (Markdown elements deeper than
/// [`MAX_NESTING`] are not, their content is), and raw HTML that would nest deeper becomes
/// text. Reports the first place. One pass, each HTML block tokenized once.
fn bound_nesting(
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
            message: format!(
                "the text nests more than {MAX_NESTING} levels deep (quotes, lists or HTML elements); the deeper levels were flattened or shown as text"
            ),
            hint: "nest fewer quotes, lists or HTML elements inside each other".into(),
        });
    }
    kept
}

/// The elements raw HTML leaves open, as a browser's parser would nest them (roughly, and
/// never shallower: for bounding work, not for deciding what is kept).
#[derive(Default)]
struct RawNesting {
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

/// Prefix of author ids that the theme uses itself.
const AUTHOR_ID_PREFIX: &str = "tekst-";

/// Classes the renderer itself writes into the text (the theme styles them).
const RENDERER_CLASSES: &[&str] = &[
    "footnote-definition",
    "footnote-definition-label",
    "footnote-reference",
    "align-left",
    "align-center",
    "align-right",
];

/// `id` as the text may use it: an id the theme uses gets [`AUTHOR_ID_PREFIX`], so author
/// content never takes over an element the theme's script or style looks for.
fn outside_theme(id: &str) -> String {
    if theme_names::reserved().reserves(id) {
        format!("{AUTHOR_ID_PREFIX}{id}")
    } else {
        id.to_string()
    }
}

/// An id the author wrote, moved out of the theme's names with a warning.
fn author_id(id: &str, line: usize, out: &mut Rendered) -> String {
    let renamed = outside_theme(id);
    if renamed != id {
        out.findings.push(Finding {
            check: Check::Unsafe,
            line,
            message: format!("the id `{id}` is used by the theme; it was changed to `{renamed}`"),
            hint: "choose another id (links to this place use the new one)".into(),
        });
    }
    renamed
}

/// The classes an author gave a heading without the theme's, each dropped one reported.
fn author_classes<'a>(classes: &[CowStr<'a>], line: usize, out: &mut Rendered) -> Vec<CowStr<'a>> {
    classes
        .iter()
        .filter(|class| {
            let theirs = is_theme_class(class);
            if theirs {
                out.findings.push(theme_class(line, class));
            }
            !theirs
        })
        .cloned()
        .collect()
}

fn is_theme_class(class: &str) -> bool {
    !RENDERER_CLASSES.contains(&class) && theme_names::reserved().reserves(class)
}

fn theme_class(line: usize, class: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: format!("the class `{class}` is used by the theme and was removed"),
        hint: "choose another class name".into(),
    }
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
/// the sanitiser removes, frames without a title, ids and classes of the theme, and notes
/// the sources of allowed frames.
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
/// The address is read as a browser reads it (the URL standard drops tabs and line breaks,
/// and reads `\` as `/`), so `/&#9;/evil.example/x.png` is another host.
fn is_local_image(url: &str) -> bool {
    static SITE: LazyLock<Option<url::Url>> =
        LazyLock::new(|| url::Url::parse("https://site.invalid/").ok());
    let Some(site) = SITE.as_ref() else {
        return false;
    };
    let written: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    written.trim_start().starts_with('/')
        && is_safe_url(url)
        && site.join(url).is_ok_and(|u| u.origin() == site.origin())
}

fn foreign_image(line: usize, url: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: format!("the image `{url}` cannot be shown in the text"),
        hint: "list photos under `gallery:` or `cover:` in the front matter: they are resized and stripped of GPS data there; images from other sites are not loaded (privacy)".into(),
    }
}

/// A tag of raw HTML, as a browser's tokenizer reads it.
struct RawTag {
    /// Byte offset of its `<` in the HTML.
    offset: usize,
    /// An end tag (`</div>`).
    end: bool,
    name: String,
    /// Names and values, character references decoded.
    attributes: Vec<(String, String)>,
}

/// The tags of raw HTML, read by html5ever's tokenizer (the sanitiser's own parser), so the
/// checks see the addresses the sanitiser and the browser see. For reporting and bounding
/// only: the sanitiser decides what is kept.
fn raw_tags(html: &str) -> Vec<RawTag> {
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
    let mut tags = tokenizer.sink.0.take();
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
        s => outside_theme(&s),
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
fn sanitise(html: &str, embed_hosts: &[EmbedHost]) -> String {
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

struct Rewrite<'r>(&'r (dyn Fn(&str) -> String + Send + Sync));

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
            r.html.contains(
                r#"<a href="regulamin.pdf" rel="noopener noreferrer">Regulamin (PDF, 240 KB)</a>"#
            ),
            "{}",
            r.html
        );
        assert!(r
            .html
            .contains(r#"<a href="brak.docx" rel="noopener noreferrer">wzór</a>"#));
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
