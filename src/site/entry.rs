//! One entry of the model from one document: its title, dates, address and event checked, its text
//! rendered, and its search terms.

use serde::de::DeserializeOwned;

use super::alias;
use super::body::render_body;
use super::event;
use super::schedule;
use super::search::DocumentTerms;
use super::{next_version, Entry, PageFacts, PostFacts, ProjectFacts};
use crate::config::Config;
use crate::content::date::{self, Date};
use crate::content::meta::event::EventSpec;
use crate::content::meta::photo::{GallerySpec, PhotoSpec};
use crate::content::meta::video::Videos;
use crate::content::meta::{PageMeta, PostMeta, ProjectMeta, ProjectStatus};
use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::{Content, Documents};
use crate::locale::{msg, Lang};
use crate::markdown::MarkdownOptions;
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

pub(super) fn optional_date<M>(
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
    let slug = name_slug(&doc.stem);
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

/// The slug of a document from `slug:` or its file name, unchecked (also of a draft left out
/// of the site: another document may name a draft project).
pub fn draft_slug<M: FrontMatter>(doc: &Document<M>) -> String {
    slug_or_name(doc.meta.common().slug.as_deref(), &doc.stem)
}

/// `slug:` as written, or the slug of the file (or bundle folder) name `stem` without a
/// leading date: what [`draft_slug`] gives, for a reader (the editor) that has only these two.
pub fn slug_or_name(slug: Option<&str>, stem: &str) -> String {
    slug.map_or_else(|| name_slug(stem), str::to_string)
}

/// The slug of a file (or bundle folder) name: "2026-11-24-warsztaty" → "warsztaty".
fn name_slug(stem: &str) -> String {
    slugify(strip_date_prefix(stem))
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

/// The language of the text: its `language:`, or the site's.
fn language<M>(
    config: &Config,
    doc: &Document<M>,
    value: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Lang> {
    let Some(value) = value else {
        return Some(config.language);
    };
    let lang = Lang::from_code(value);
    if lang.is_none() {
        problems.push(
            Diagnostic::error(&doc.path, msg!(Documents::BadLanguage, value = value))
                .field("language")
                .at_line(doc.line_of("language"))
                .hint(Documents::BadLanguageHint),
        );
    }
    lang
}

/// The front matter every kind of document has.
pub struct Common<'a> {
    pub title: &'a Option<String>,
    pub slug: &'a Option<String>,
    pub aliases: &'a [String],
    pub summary: &'a Option<String>,
    pub updated: &'a Option<String>,
    pub draft: bool,
    pub publish: &'a Option<String>,
    pub expires: &'a Option<String>,
    pub cover: Option<&'a PhotoSpec>,
    pub gallery: Option<&'a GallerySpec>,
    pub video: Option<&'a Videos>,
    /// Of posts and pages.
    pub event: Option<&'a EventSpec>,
    pub language: &'a Option<String>,
    pub translation_of: &'a Option<String>,
}

/// Front matter of a kind of document.
pub trait FrontMatter: DeserializeOwned + std::fmt::Debug + Send + Sync {
    fn common(&self) -> Common<'_>;
}

/// Implements [`FrontMatter`] for a front matter type, naming its `event` field if it has one.
macro_rules! front_matter {
    ($meta:ty $(, $event:ident)?) => {
        impl FrontMatter for $meta {
            fn common(&self) -> Common<'_> {
                Common {
                    title: &self.title,
                    slug: &self.slug,
                    aliases: &self.aliases,
                    summary: &self.summary,
                    updated: &self.updated,
                    draft: self.draft,
                    publish: &self.publish,
                    expires: &self.expires,
                    cover: self.cover.as_ref(),
                    gallery: self.gallery.as_ref(),
                    video: self.video.as_ref(),
                    event: None $(.or(self.$event.as_ref()))?,
                    language: &self.language,
                    translation_of: &self.translation_of,
                }
            }
        }
    };
}
front_matter!(PostMeta, event);
front_matter!(ProjectMeta);
front_matter!(PageMeta, event);

/// A kind of document (post, project, static page): its front matter, where its pages are,
/// and what only it has ([`Entry::own`]), checked.
pub trait Kind: Sized + std::fmt::Debug + Send + Sync + 'static {
    type Meta: FrontMatter;
    /// The URL path of the document with `slug`.
    fn path(&self, config: &Config, slug: &str) -> String;
    /// What only this kind has, checked; `None` when it has errors (reported).
    fn check(doc: &Document<Self::Meta>, problems: &mut Vec<Diagnostic>) -> Option<Self>;
    /// What the search finds it by besides its title.
    fn labels(_meta: &Self::Meta) -> Vec<&str> {
        Vec::new()
    }
}

impl Kind for PostFacts {
    type Meta = PostMeta;

    fn path(&self, config: &Config, slug: &str) -> String {
        format!("{}/{slug}/", config.paths.posts)
    }

    fn check(doc: &Document<PostMeta>, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        if doc.meta.date.is_none() {
            problems.push(
                Diagnostic::error(&doc.path, Documents::NoDate)
                    .field("date")
                    .at_line(doc.line_of("date"))
                    .hint(Documents::NoDateHint),
            );
        }
        let date = optional_date(doc, "date", &doc.meta.date, problems).ok()??;
        Some(PostFacts { date })
    }

    fn labels(meta: &PostMeta) -> Vec<&str> {
        let tags = meta.tags.iter().map(String::as_str);
        tags.chain(meta.category.as_deref()).collect()
    }
}

impl Kind for ProjectFacts {
    type Meta = ProjectMeta;

    fn path(&self, config: &Config, slug: &str) -> String {
        format!("{}/{slug}/", config.paths.projects)
    }

    fn check(doc: &Document<ProjectMeta>, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        let start = optional_date(doc, "start", &doc.meta.start, problems);
        let end = optional_date(doc, "end", &doc.meta.end, problems);
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
        let strip = super::marking::check_project(doc, problems);
        Some(ProjectFacts {
            status,
            start: start.ok()?,
            end: end.ok()?,
            strip,
        })
    }
}

impl Kind for PageFacts {
    type Meta = PageMeta;

    fn path(&self, _: &Config, slug: &str) -> String {
        format!("{}{slug}/", self.section)
    }

    fn check(doc: &Document<PageMeta>, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        let section = page_section(doc, problems)?;
        Some(PageFacts {
            section,
            weight: doc.meta.weight,
        })
    }
}

/// The address of the section a page is in, from the folders between `content/pages/` and it
/// (`content/pages/pomoc/zasilki.md` and `content/pages/pomoc/zasilki/index.md` → `pomoc/`;
/// a page directly in `pages/`, or its bundle, → ``). `None` when a folder's name cannot be
/// an address (reported).
fn page_section(doc: &Document<PageMeta>, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let pages = std::path::Path::new(crate::content::CONTENT_DIR).join("pages");
    let mut folder = doc.path.parent();
    if crate::content::is_bundle_index(&doc.path) {
        folder = folder.and_then(std::path::Path::parent);
    }
    let Some(inside) = folder.and_then(|f| f.strip_prefix(&pages).ok()) else {
        return Some(String::new());
    };
    let mut section = String::new();
    for name in inside.iter() {
        let name = name.to_string_lossy();
        let slug = slugify(&name);
        let problem = match crate::slug::check(&slug) {
            _ if slug.is_empty() => Some(msg!(Documents::FolderNoAddress, folder = name.as_ref())),
            Err(e) => Some(e.message()),
            Ok(()) => None,
        };
        if let Some(message) = problem {
            problems.push(Diagnostic::error(&doc.path, message).hint(Documents::FolderNameHint));
            return None;
        }
        section.push_str(&slug);
        section.push('/');
    }
    Some(section)
}

/// The entry of a document of kind `K`: checked, its text rendered, its search terms found;
/// `None` when it has errors (reported in `problems`).
pub(super) fn build<K: Kind>(
    config: &Config,
    doc: Document<K::Meta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<Entry<K>> {
    let before = problems.len();
    let common = doc.meta.common();
    let title = required_title(&doc, common.title, problems);
    let own = K::check(&doc, problems);
    let updated = optional_date(&doc, "updated", common.updated, problems);
    let schedule = schedule::check(&doc, &common, problems);
    let slug = slug_for(&doc, common.slug, problems);
    let lang = language(config, &doc, common.language, problems);
    let aliases = alias::check(&doc, common.aliases, &config.root, problems);
    let event = common
        .event
        .and_then(|spec| event::check(&doc, spec, problems));
    let path = own
        .as_ref()
        .zip(slug.as_ref())
        .map(|(o, s)| o.path(config, s));
    let (mut text, media) = render_body(config, &doc, path.as_deref(), common.video, md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let (title, slug, own, updated, path) = (title?, slug?, own?, updated.ok()?, path?);
    let (schedule, lang) = (schedule?, lang?);
    let summary = (common.summary.clone()).unwrap_or_else(|| text.lead.clone());
    let mut labels = vec![title.as_str()];
    labels.extend(K::labels(&doc.meta));
    // The body's plain text is needed only here: it is taken out of `text`.
    let body = std::mem::take(&mut text.text);
    let search = DocumentTerms::new(&labels, common.summary.as_deref(), &body);
    Some(Entry {
        version: next_version(),
        search,
        path,
        aliases,
        title,
        slug,
        updated,
        schedule,
        summary,
        text,
        media,
        event,
        lang,
        own,
        doc,
    })
}
