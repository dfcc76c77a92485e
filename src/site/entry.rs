//! One entry of the model from one document: its title, dates, address and event checked, its text
//! rendered, and its search terms.

use super::body::render_body;
use super::event::{self, Event};
use super::search::DocumentTerms;
use super::{next_version, Media, PageEntry, PostEntry, ProjectEntry};
use crate::config::Config;
use crate::content::date::{self, Date};
use crate::content::meta::event::EventSpec;
use crate::content::meta::{PageMeta, PostMeta, ProjectMeta, ProjectStatus};
use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::{Content, Documents};
use crate::locale::msg;
use crate::markdown::{MarkdownOptions, Rendered};
use crate::slug::{is_valid_slug, slugify};

fn required_title<M>(
    doc: &Document<M>,
    title: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    match title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(t.to_string()),
        _ => {
            problems.push(
                Diagnostic::error(&doc.path, Documents::NoTitle)
                    .field("title")
                    .at_line(doc.line_of("title"))
                    .hint(Documents::NoTitleHint),
            );
            None
        }
    }
}

fn optional_date<M>(
    doc: &Document<M>,
    field: &str,
    value: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<Date>, ()> {
    match value {
        None => Ok(None),
        Some(v) => date::parse(v).map(Some).map_err(|hint| {
            problems.push(
                Diagnostic::error(&doc.path, msg!(Content::InvalidDate, value = v))
                    .field(field)
                    .at_line(doc.line_of(field))
                    .hint(hint),
            );
        }),
    }
}

/// The slug from `slug:`, or from the file (or bundle folder) name without a leading date.
fn slug_for<M>(
    doc: &Document<M>,
    explicit: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(s) = explicit {
        if is_valid_slug(s) {
            return usable(doc, s.clone(), problems);
        }
        problems.push(
            Diagnostic::error(&doc.path, msg!(Documents::BadSlug, slug = s))
                .field("slug")
                .at_line(doc.line_of("slug"))
                .hint(msg!(Content::SlugForm, example = slugify(s))),
        );
        return None;
    }
    let slug = slugify(strip_date_prefix(&doc.stem));
    if slug.is_empty() {
        problems.push(
            Diagnostic::error(&doc.path, Documents::NoAddressFromName)
                .hint(Documents::NoAddressFromNameHint),
        );
        return None;
    }
    usable(doc, slug, problems)
}

/// `slug` if it can be the name of the document's folder in the output (see
/// [`crate::slug::check`]), else `None` with an error at `slug:` (or the file name).
fn usable<M>(doc: &Document<M>, slug: String, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let Err(e) = crate::slug::check(&slug) else {
        return Some(slug);
    };
    problems.push(
        Diagnostic::error(&doc.path, e.message())
            .field("slug")
            .at_line(doc.line_of("slug"))
            .hint(Documents::ChooseSlugHint),
    );
    None
}

pub(super) fn project_slug(doc: &Document<ProjectMeta>) -> String {
    doc.meta
        .slug
        .clone()
        .unwrap_or_else(|| slugify(strip_date_prefix(&doc.stem)))
}

/// "2026-11-24-warsztaty" → "warsztaty".
fn strip_date_prefix(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    let is_date = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && matches!(bytes[10], b'-' | b'_');
    if is_date {
        &stem[11..]
    } else {
        stem
    }
}

pub(super) fn build_post(
    config: &Config,
    doc: Document<PostMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<PostEntry> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let date = match &doc.meta.date {
        None => {
            problems.push(
                Diagnostic::error(&doc.path, Documents::NoDate)
                    .field("date")
                    .at_line(doc.line_of("date"))
                    .hint(Documents::NoDateHint),
            );
            None
        }
        Some(_) => optional_date(&doc, "date", &doc.meta.date, problems)
            .ok()
            .flatten(),
    };
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems)
        .ok()
        .flatten();
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    let event = optional_event(&doc, &doc.meta.event, problems);
    let (text, media) = render_body(config, &doc, doc.meta.video.as_ref(), md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let mut post = new_post(config, doc, title?, date?, updated, slug?, (text, media));
    post.event = event;
    Some(post)
}

fn new_post(
    config: &Config,
    doc: Document<PostMeta>,
    title: String,
    date: Date,
    updated: Option<Date>,
    slug: String,
    (mut text, media): (Rendered, Media),
) -> PostEntry {
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let mut labels: Vec<&str> = vec![&title];
    labels.extend(doc.meta.tags.iter().map(String::as_str));
    labels.extend(doc.meta.category.as_deref());
    let search = search_terms(&labels, &doc.meta.summary, &mut text);
    PostEntry {
        version: next_version(),
        search,
        path: format!("{}/{slug}/", config.paths.posts),
        title,
        slug,
        date,
        updated,
        summary,
        text,
        media,
        doc,
        event: None,
    }
}

/// A checked `event:` block, or `None` when there is none (or it has errors, reported).
fn optional_event<M>(
    doc: &Document<M>,
    spec: &Option<EventSpec>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Event> {
    event::check(doc, spec.as_ref()?, problems)
}

/// A document's search terms. The body's plain text is needed only here: it is taken out of
/// `text` rather than kept with the entry.
fn search_terms(labels: &[&str], summary: &Option<String>, text: &mut Rendered) -> DocumentTerms {
    DocumentTerms::new(labels, summary.as_deref(), &std::mem::take(&mut text.text))
}

pub(super) fn build_project(
    config: &Config,
    doc: Document<ProjectMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<ProjectEntry> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let start = optional_date(&doc, "start", &doc.meta.start, problems);
    let end = optional_date(&doc, "end", &doc.meta.end, problems);
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems);
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    if let (Ok(Some(s)), Ok(Some(e))) = (&start, &end) {
        if e < s {
            problems.push(
                Diagnostic::error(&doc.path, Documents::ProjectEndsEarly)
                    .field("end")
                    .at_line(doc.line_of("end"))
                    .hint(Documents::ProjectEndsEarlyHint),
            );
        }
    }
    let status = doc.meta.status.unwrap_or_else(|| {
        problems.push(
            Diagnostic::error(&doc.path, Documents::NoStatus)
                .field("status")
                .at_line(doc.line_of("status"))
                .hint(Documents::NoStatusHint),
        );
        ProjectStatus::Planned
    });
    if let Some(f) = &doc.meta.funding {
        if let (Some(total), Some(eu)) = (f.total_value, f.eu_contribution) {
            if eu > total || eu < 0.0 || total < 0.0 {
                problems.push(
                    Diagnostic::error(&doc.path, Documents::EuTooLarge)
                        .field("funding.eu_contribution")
                        .at_line(doc.line_of("funding"))
                        .hint(Documents::EuTooLargeHint),
                );
            }
        }
    }
    let (mut text, media) = render_body(config, &doc, doc.meta.video.as_ref(), md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let slug = slug?;
    let title = title?;
    let search = search_terms(&[&title], &doc.meta.summary, &mut text);
    Some(ProjectEntry {
        version: next_version(),
        search,
        path: format!("{}/{slug}/", config.paths.projects),
        title,
        slug,
        status,
        start: start.ok()?,
        end: end.ok()?,
        updated: updated.ok()?,
        summary,
        text,
        media,
        doc,
    })
}

pub(super) fn build_page(
    config: &Config,
    doc: Document<PageMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<PageEntry> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems);
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    let event = optional_event(&doc, &doc.meta.event, problems);
    let (mut text, media) = render_body(config, &doc, doc.meta.video.as_ref(), md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let slug = slug?;
    let title = title?;
    let search = search_terms(&[&title], &doc.meta.summary, &mut text);
    Some(PageEntry {
        event,
        version: next_version(),
        search,
        path: format!("{slug}/"),
        title,
        slug,
        updated: updated.ok()?,
        summary,
        text,
        media,
        doc,
    })
}
