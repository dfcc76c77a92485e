//! One post or page of the export as a tablica document: its front matter, its Markdown and
//! the photos copied beside it, with what a person still has to do about it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use scraper::Html;

use super::html::{self, Image, Resolve};
use super::media::{NotCopied, Photos};
use super::shortcodes::{self, Found};
use super::wxr::Item;
use crate::gallery::alt;
use crate::import::report::ToDo;
use crate::locale::catalogue::Import as M;
use crate::locale::Message;

/// What is known of the export beyond one item.
pub struct Context<'a> {
    /// Attachments by their id.
    pub attachments: BTreeMap<u64, &'a Item>,
    /// The blog's address without its trailing `/`, to make its links paths on the new site.
    pub origin: String,
    pub uploads: Option<&'a Path>,
}

/// A document ready to write.
#[derive(Debug)]
pub struct Document {
    /// The Markdown file, relative to the site's folder.
    pub path: PathBuf,
    pub text: String,
    /// Photos copied beside it: name → file in the uploads folder.
    pub copies: BTreeMap<String, PathBuf>,
    pub to_do: Vec<ToDo>,
    pub draft: bool,
}

/// A value of front matter: JSON text is valid YAML and quotes whatever the text holds.
fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// The placeholder written where a photo has no usable alt text; the build refuses it.
fn placeholder(file: &str) -> String {
    format!(
        "{} {}",
        crate::content::meta::photo::ALT_PLACEHOLDER,
        Message::new(M::AltPlaceholder).arg("file", file)
    )
}

/// Text of HTML, whitespace collapsed (summaries and captions are plain text).
pub fn plain(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let text: String = fragment.root_element().text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The date of the item: when it was published, else last changed.
fn date(item: &Item) -> Option<NaiveDateTime> {
    [&item.date, &item.modified]
        .into_iter()
        .filter_map(|d| NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M:%S").ok())
        .find(|d| chrono::Datelike::year(d) > 1900)
}

/// The path of an address of the old site on the new one (`/2020/05/festyn/`), if it has one.
pub fn old_path(link: &str, origin: &str) -> Option<String> {
    let rest = link.strip_prefix(origin)?;
    let path = rest.trim_start_matches('/');
    (!path.is_empty() && !path.contains(['?', '#', '"'])).then(|| format!("/{path}"))
}

struct Resolver<'c, 'u> {
    context: &'c Context<'c>,
    photos: Photos<'u>,
    to_do: Vec<ToDo>,
}

impl Resolver<'_, '_> {
    /// The alt text WordPress has for the photo at `url` (its attachment's), if any.
    fn stored_alt(&self, url: &str) -> String {
        let base = |u: &str| {
            let name = u.split(['?', '#']).next().unwrap_or(u);
            name.rsplit('/').next().unwrap_or(name).to_string()
        };
        let wanted = base(url);
        self.context
            .attachments
            .values()
            .find(|a| {
                let stem = base(&a.attachment_url);
                let stem = stem.rsplit_once('.').map_or(stem.as_str(), |(s, _)| s);
                wanted.starts_with(stem)
            })
            .and_then(|a| a.meta.get("_wp_attachment_image_alt").cloned())
            .unwrap_or_default()
    }

    /// A usable alt text, or the placeholder (noted) when there is none.
    fn alt_or_placeholder(&mut self, given: &str, file: &str) -> String {
        if alt::problem(given).is_none() {
            return given.trim().to_string();
        }
        self.to_do.push(ToDo::Alt(file.to_string()));
        placeholder(file)
    }

    /// Places the photo at `url`, noting why not when it cannot be.
    fn place(&mut self, url: &str) -> Option<String> {
        match self.photos.place(url) {
            Ok(name) => Some(name),
            Err(NotCopied::NoUploads) => {
                self.to_do.push(ToDo::NoUploads(url.to_string()));
                None
            }
            Err(NotCopied::Missing(p)) => {
                self.to_do.push(ToDo::PhotoMissing(p.display().to_string()));
                None
            }
            Err(NotCopied::NotAPhoto(p)) => {
                self.to_do.push(ToDo::NotAPhoto(p.display().to_string()));
                None
            }
        }
    }

    /// A `cover:`/`gallery:` entry for an attachment.
    fn photo_entry(&mut self, attachment: &Item) -> Option<(String, String)> {
        let name = self.place(&attachment.attachment_url)?;
        let stored = attachment
            .meta
            .get("_wp_attachment_image_alt")
            .cloned()
            .unwrap_or_default();
        let alt = self.alt_or_placeholder(&stored, &name);
        let caption = plain(&attachment.excerpt);
        let caption = if caption.is_empty() {
            String::new()
        } else {
            format!(", caption: {}", quoted(&caption))
        };
        let entry = format!(
            "{{ src: {}, alt: {}{caption} }}",
            quoted(&name),
            quoted(&alt)
        );
        Some((name, entry))
    }
}

impl Resolve for Resolver<'_, '_> {
    fn image(&mut self, src: &str, given: &str) -> Image {
        let Some(file) = self.place(src) else {
            return Image::Missing;
        };
        let stored;
        let given = if given.trim().is_empty() {
            stored = self.stored_alt(src);
            &stored
        } else {
            given
        };
        let alt = self.alt_or_placeholder(given, &file);
        Image::Local { file, alt }
    }

    fn link(&self, href: &str) -> String {
        let to_file = href.contains("/wp-content/") || href.contains(".files.wordpress.com");
        match old_path(href, &self.context.origin) {
            Some(path) if !to_file => path,
            _ => href.to_string(),
        }
    }
}

/// Where the document goes and what its front matter says besides the text.
pub struct Place {
    /// The document's folder (`content/posts`, `content/pages/o-nas` …).
    pub folder: PathBuf,
    /// The name of its file or folder.
    pub file: String,
    pub slug: String,
    /// Lines of front matter for its kind (`date:`, `tags:` … or `weight:`).
    pub fields: Vec<String>,
    /// A file of its own even without photos (a page with pages below it).
    pub always_folder: bool,
    /// Its address on the new site, when known: an old address equal to it is no alias.
    pub new_path: Option<String>,
}

/// Converts one post or page.
pub fn convert(item: &Item, place: Place, context: &Context) -> Document {
    let mut found = Found::default();
    let prepared = shortcodes::prepare(&item.content, &mut found);
    let mut resolver = Resolver {
        context,
        photos: Photos::new(context.uploads),
        to_do: Vec::new(),
    };
    let (body, notes) = html::to_markdown(&prepared, &mut resolver);
    let mut fm = Vec::new();
    let title = item.title.trim();
    if title.is_empty() {
        resolver.to_do.push(ToDo::NoTitle);
        fm.push(format!(
            "title: {}",
            quoted(&Message::new(M::NoTitle).arg("id", item.id).to_string())
        ));
    } else {
        fm.push(format!("title: {}", quoted(title)));
    }
    fm.push(format!("slug: {}", place.slug));
    fm.extend(place.fields);
    let summary = plain(&item.excerpt);
    if !summary.is_empty() {
        fm.push(format!("summary: {}", quoted(&summary)));
    }
    let thumbnail = item
        .meta
        .get("_thumbnail_id")
        .and_then(|id| id.trim().parse::<u64>().ok())
        .and_then(|id| context.attachments.get(&id).copied());
    if let Some((_, entry)) = thumbnail.and_then(|a| resolver.photo_entry(a)) {
        fm.push(format!("cover: {entry}"));
    }
    let mut used: Vec<String> = resolver.photos.copies.keys().cloned().collect();
    let named: Vec<u64> = found.galleries.iter().flatten().copied().collect();
    let mut gallery = Vec::new();
    for attachment in context.attachments.values() {
        let belongs = attachment.parent == item.id || named.contains(&attachment.id);
        if !belongs || thumbnail.is_some_and(|t| t.id == attachment.id) {
            continue;
        }
        let url = &attachment.attachment_url;
        let path = url.split(['?', '#']).next().unwrap_or(url);
        if !crate::gallery::is_photo(Path::new(&path.to_ascii_lowercase())) {
            resolver.to_do.push(ToDo::Attachment(url.clone()));
            continue;
        }
        if let Some((name, entry)) = resolver.photo_entry(attachment) {
            if !used.contains(&name) {
                used.push(name);
                gallery.push(format!("  - {entry}"));
            }
        }
    }
    if !gallery.is_empty() {
        fm.push("gallery:".to_string());
        fm.extend(gallery);
    }
    let draft = match item.status.as_str() {
        "publish" => false,
        "future" => {
            resolver.to_do.push(ToDo::Scheduled(item.date.clone()));
            true
        }
        "private" => {
            resolver.to_do.push(ToDo::Private);
            true
        }
        _ => true,
    };
    if draft {
        fm.push("draft: true".to_string());
    }
    let old = old_path(&item.link, &context.origin).filter(|p| Some(p) != place.new_path.as_ref());
    if let Some(old) = old {
        // Links from outside to the old address keep working: a redirect to the new one.
        fm.push(format!("aliases: [{}]", quoted(&old)));
    }
    let to_do = &mut resolver.to_do;
    to_do.extend(found.shortcodes.into_iter().map(ToDo::Shortcode));
    to_do.extend(found.dynamic_blocks.into_iter().map(ToDo::Block));
    to_do.extend(notes.removed.into_iter().map(ToDo::Removed));
    to_do.extend(notes.kept_html.into_iter().map(ToDo::KeptHtml));
    let mut seen = std::collections::BTreeSet::new();
    to_do.retain(|t| seen.insert(t.clone()));
    let copies = resolver.photos.copies;
    let path = if copies.is_empty() && !place.always_folder {
        place.folder.join(format!("{}.md", place.file))
    } else {
        place.folder.join(&place.file).join("index.md")
    };
    let text = format!("---\n{}\n---\n{}\n", fm.join("\n"), body.trim());
    Document {
        path,
        text,
        copies,
        to_do: resolver.to_do,
        draft,
    }
}

/// The date line of a post (`2020-05-01 10:00`), or today's with a note when it has none.
pub fn date_line(item: &Item, today: chrono::NaiveDate, to_do: &mut Vec<ToDo>) -> (String, String) {
    match date(item) {
        Some(d) => (
            d.format("%Y-%m-%d %H:%M").to_string(),
            d.format("%Y-%m-%d").to_string(),
        ),
        None => {
            to_do.push(ToDo::NoDate);
            let day = today.format("%Y-%m-%d").to_string();
            (day.clone(), day)
        }
    }
}

/// The `updated:` line of a page, from when it was last changed.
pub fn updated_line(item: &Item) -> Option<String> {
    NaiveDateTime::parse_from_str(&item.modified, "%Y-%m-%d %H:%M:%S")
        .ok()
        .filter(|d| chrono::Datelike::year(d) > 1900)
        .map(|d| format!("updated: {}", d.format("%Y-%m-%d")))
}

/// A slug for the item: WordPress's own (decoded), else from the title, else from its number.
pub fn slug_of(item: &Item, fallback: &str) -> String {
    let name = percent_encoding::percent_decode_str(&item.name).decode_utf8_lossy();
    let from = |s: &str| {
        let slug = crate::slug::slugify(s);
        let mut slug: String = slug.chars().take(80).collect();
        while slug.ends_with('-') {
            slug.pop();
        }
        slug
    };
    [from(&name), from(&item.title)]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| format!("{fallback}-{}", item.id))
}
