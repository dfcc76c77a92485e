//! Markdown to HTML with pulldown-cmark: heading anchors, safe links, sanitised raw HTML,
//! and the build-time accessibility checks of the text.

mod checks;
mod names;
mod nesting;
mod photos;
mod raw_html;
mod sanitise;
mod text;

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::config::embed::EmbedHost;
use crate::slug::slugify;
use crate::url::is_safe_url;

use crate::locale::catalogue::Markdown as M;
use crate::locale::{msg, Message};
use checks::{foreign_image, is_file_name, is_local_image, unsafe_link, VAGUE_LINK_TEXTS};
use names::{author_classes, author_id, outside_theme};
use nesting::bound_nesting;
use photos::photo_marker;
use raw_html::check_raw_html;
use sanitise::sanitise;
use text::{plain_text, without_controls, LineIndex};

pub use checks::{Check, Finding};
pub use photos::replace_photos;
pub use raw_html::each_tag;
pub use sanitise::sanitise_rewriting_addresses;
pub(crate) use text::shorten;

/// What a link in the text becomes, as the caller's link check decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNote {
    /// Written as it is.
    Keep,
    /// Written with this text added in brackets at the end of its text: "(PDF, 240 KB)".
    Describe(String),
    /// Written as it is and reported as a [`Check::Document`] finding.
    Problem { message: Message, hint: Message },
}

/// What an image in the text becomes, as the caller's photo check decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageNote {
    /// Written as it is if its address is on this site (`/…`), else removed with a warning.
    Keep,
    /// One of the document's photos, by its number: written as a marker that
    /// [`replace_photos`] turns into the processed photo.
    Photo(usize),
    /// Removed and reported as a [`Check::Document`] finding.
    Problem { message: Message, hint: Message },
    /// Written as it is and reported as a warning ([`Check::Unsafe`]).
    Unchecked { message: Message, hint: Message },
}

/// An image of the text as the caller's photo check sees it.
#[derive(Debug, Clone, Copy)]
pub struct TextImage<'a> {
    /// Its address as written: a file name beside the document (`plakat.jpg`) or a path on
    /// this site (`/aktualnosci/festyn/plakat.jpg`).
    pub url: &'a str,
    pub alt: &'a str,
    pub line: usize,
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
    /// Every link and image of the Markdown, for the check of links within the site.
    pub links: Vec<TextLink>,
}

/// A link or image of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLink {
    /// As the author wrote it (`/o-nas/`).
    pub written: String,
    /// As written into the page (`/mops/o-nas/` on a site under `/mops/`).
    pub url: String,
    pub line: usize,
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownOptions<'a> {
    /// Keep raw HTML as written (trusted authors only). Otherwise it is sanitised.
    pub allow_raw_html: bool,
    /// Where frames (`<iframe>`) in the text may load from (`embed_hosts:` in site.yaml).
    pub embed_hosts: &'a [EmbedHost],
    /// The path the site lives under (`/mops/`): links and images written from the root
    /// (`/o-nas/`) are moved under it (`/mops/o-nas/`). Empty or `/`: none.
    pub url_root: &'a str,
}

impl<'a> MarkdownOptions<'a> {
    /// The options site.yaml sets.
    pub fn of(config: &'a crate::config::Config) -> Self {
        MarkdownOptions {
            allow_raw_html: config.allow_raw_html,
            embed_hosts: &config.embed_hosts,
            url_root: &config.root,
        }
    }
}

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
    render_with(body, first_line, options, links, &mut |_| ImageNote::Keep)
}

/// Like [`render_with_links`], asking `images` about every image of the text with a file
/// name (`plakat.jpg`) or an address on this site (`/…/plakat.jpg`).
pub fn render_with(
    body: &str,
    first_line: usize,
    options: MarkdownOptions,
    links: &mut dyn FnMut(&str) -> LinkNote,
    images: &mut dyn FnMut(TextImage) -> ImageNote,
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
                        message: M::Heading1.into(),
                        hint: M::Heading1Hint.into(),
                    });
                } else if level_num > previous_level + 1 {
                    out.findings.push(Finding {
                        check: Check::HeadingLevels,
                        line,
                        message: msg!(M::HeadingJump, from = previous_level, to = level_num),
                        hint: msg!(
                            M::HeadingJumpHint,
                            marks = "#".repeat(previous_level as usize + 1)
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
                        message: msg!(M::EmptyLink, url = dest_url.as_ref()),
                        hint: M::EmptyLinkHint.into(),
                    });
                } else if VAGUE_LINK_TEXTS.contains(&normalized.as_str()) {
                    out.findings.push(Finding {
                        check: Check::VagueLinkText,
                        line,
                        message: msg!(M::VagueLink, text = text.trim()),
                        hint: M::VagueLinkHint.into(),
                    });
                }
                if !is_safe_url(dest_url) {
                    out.findings.push(unsafe_link(line, dest_url));
                    // Keep the link text, drop the link.
                    closes.push((end, Close::Nothing));
                    i += 1;
                    continue;
                }
                let event = under_root(event, options.url_root);
                out.links.push(TextLink::of(&event, dest_url, line));
                match links(dest_url) {
                    LinkNote::Keep => {}
                    LinkNote::Describe(note) => closes.push((end, Close::Note(note))),
                    LinkNote::Problem { message, hint } => out.findings.push(Finding {
                        check: Check::Document,
                        line,
                        message,
                        hint,
                    }),
                }
                html_events.push(event);
                i += 1;
                continue;
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let end = find_end(&events, i);
                let alt = plain_text(events[i + 1..end].iter().map(|(e, _)| e));
                // The import's placeholder is no description either.
                let placeholder = crate::content::meta::photo::ALT_PLACEHOLDER;
                let placeholder = alt.trim_start().starts_with(placeholder);
                let local = is_local_image(dest_url);
                let note = if local || is_file_name(dest_url) {
                    images(TextImage {
                        url: dest_url,
                        alt: alt.trim(),
                        line,
                    })
                } else {
                    ImageNote::Keep
                };
                // A photo of the text refused for its placeholder says so itself: once.
                let refused = matches!(note, ImageNote::Problem { .. });
                if alt.trim().is_empty() || (placeholder && !refused) {
                    out.findings.push(Finding {
                        check: Check::ImageAlt,
                        line,
                        message: msg!(M::ImageNoAlt, url = dest_url.as_ref()),
                        hint: M::ImageNoAltHint.into(),
                    });
                }
                match note {
                    ImageNote::Keep if local => {}
                    ImageNote::Keep => {
                        out.findings.push(foreign_image(line, dest_url));
                        i = end + 1;
                        continue;
                    }
                    ImageNote::Photo(n) => {
                        html_events.push(Event::Html(photo_marker(n).into()));
                        i = end + 1;
                        continue;
                    }
                    ImageNote::Unchecked { message, hint } => out.findings.push(Finding {
                        check: Check::Unsafe,
                        line,
                        message,
                        hint,
                    }),
                    ImageNote::Problem { message, hint } => {
                        out.findings.push(Finding {
                            check: Check::Document,
                            line,
                            message,
                            hint,
                        });
                        i = end + 1;
                        continue;
                    }
                }
                let event = under_root(event, options.url_root);
                out.links.push(TextLink::of(&event, dest_url, line));
                html_events.push(event);
                i += 1;
                continue;
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
                message: M::TableNoHeader.into(),
                hint: M::TableNoHeaderHint.into(),
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
pub(super) enum Close {
    Heading(HeadingLevel),
    /// Nothing: the element was removed and its content kept.
    Nothing,
    /// A note in brackets before the element's end: " (PDF, 240 KB)".
    Note(String),
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

/// A link or image written from the site's root (`/o-nas/`) moved under the path the site
/// lives under (`root`, e.g. `/mops/` → `/mops/o-nas/`); one already under it, or any other
/// address, as it is.
fn under_root<'e>(event: &Event<'e>, root: &str) -> Event<'e> {
    let moved = |dest: &CowStr<'e>| -> Option<CowStr<'e>> {
        let new = crate::config::from_root(root, dest)?;
        (new != dest.as_ref()).then(|| new.into())
    };
    let mut event = event.clone();
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &mut event {
        if let Some(new) = moved(dest_url) {
            *dest_url = new;
        }
    }
    event
}

impl TextLink {
    /// The link or image `event`, written `written` at `line`.
    fn of(event: &Event, written: &str, line: usize) -> Self {
        let url = match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
            _ => written,
        };
        TextLink {
            written: written.to_string(),
            url: url.to_string(),
            line,
        }
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

#[cfg(test)]
mod tests;
