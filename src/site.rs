//! The site model: every published document with its slug and URL, posts linked to their
//! projects, tags, categories and yearly archive. Built once, then only read by rendering.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::config::Config;
use crate::content::date::{self, Date};
use crate::content::meta::{PageMeta, PostMeta, ProjectMeta, ProjectStatus};
use crate::content::{Content, Document};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Check, MarkdownOptions, Rendered};
use crate::slug::{is_valid_slug, slugify};

/// A news post, ready to render.
#[derive(Debug)]
pub struct Post {
    pub doc: Document<PostMeta>,
    pub title: String,
    pub slug: String,
    /// URL path below the site root, e.g. `aktualnosci/dzien-seniora/`.
    pub path: String,
    pub date: Date,
    pub updated: Option<Date>,
    pub summary: String,
    pub text: Rendered,
    pub tags: Vec<usize>,
    pub category: Option<usize>,
    pub project: Option<usize>,
}

/// A project page.
#[derive(Debug)]
pub struct Project {
    pub doc: Document<ProjectMeta>,
    pub title: String,
    pub slug: String,
    pub path: String,
    pub status: ProjectStatus,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub updated: Option<Date>,
    pub summary: String,
    pub text: Rendered,
    /// Indexes into `Site::posts`, newest first.
    pub posts: Vec<usize>,
}

/// A static page.
#[derive(Debug)]
pub struct Page {
    pub doc: Document<PageMeta>,
    pub title: String,
    pub slug: String,
    pub path: String,
    pub updated: Option<Date>,
    pub summary: String,
    pub text: Rendered,
}

/// A tag or category.
#[derive(Debug)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub path: String,
    /// Indexes into `Site::posts`, newest first.
    pub posts: Vec<usize>,
}

/// The whole site.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Newest first.
    pub posts: Vec<Post>,
    pub projects: Vec<Project>,
    pub pages: Vec<Page>,
    pub tags: Vec<Term>,
    pub categories: Vec<Term>,
    /// Year → indexes into `posts`, newest year first.
    pub years: Vec<(i32, Vec<usize>)>,
}

impl Site {
    /// Every document of the site with its front matter photos, for the gallery step.
    pub fn documents(&self) -> impl Iterator<Item = DocumentRef<'_>> {
        let posts = self.posts.iter().map(|p| {
            DocumentRef::new(
                &p.doc,
                &p.path,
                p.doc.meta.cover.as_ref(),
                p.doc.meta.gallery.as_ref(),
            )
        });
        let projects = self.projects.iter().map(|p| {
            DocumentRef::new(
                &p.doc,
                &p.path,
                p.doc.meta.cover.as_ref(),
                p.doc.meta.gallery.as_ref(),
            )
        });
        let pages = self.pages.iter().map(|p| {
            DocumentRef::new(
                &p.doc,
                &p.path,
                p.doc.meta.cover.as_ref(),
                p.doc.meta.gallery.as_ref(),
            )
        });
        posts.chain(projects).chain(pages)
    }
}

/// What the gallery and attachment steps need to know of a document.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    pub path: &'a Path,
    pub abs_path: &'a Path,
    pub dir: &'a Path,
    /// True for `x/index.md` bundles, whose folder holds the document's own files.
    pub is_bundle: bool,
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub url_path: &'a str,
    pub cover: Option<&'a crate::gallery::PhotoSpec>,
    pub gallery: Option<&'a crate::gallery::GallerySpec>,
}

impl<'a> DocumentRef<'a> {
    fn new<M>(
        doc: &'a Document<M>,
        url_path: &'a str,
        cover: Option<&'a crate::gallery::PhotoSpec>,
        gallery: Option<&'a crate::gallery::GallerySpec>,
    ) -> Self {
        DocumentRef {
            path: &doc.path,
            abs_path: &doc.abs_path,
            dir: &doc.dir,
            is_bundle: doc.abs_path.file_name().is_some_and(|n| n == "index.md"),
            yaml: &doc.yaml,
            yaml_line: doc.yaml_line,
            url_path,
            cover,
            gallery,
        }
    }
}

/// Page names that would collide with files tablica writes itself.
const RESERVED_PAGE_SLUGS: &[&str] = &["assets", "404", "atom", "sitemap", "robots"];

/// Builds the model from loaded content. Drafts are dropped unless `drafts`.
///
/// Returns the site even when there are problems, so that every problem is reported.
pub fn build(config: Config, content: Content, drafts: bool) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let md = MarkdownOptions {
        allow_raw_html: config.allow_raw_html,
    };

    let draft_projects: Vec<String> = content
        .projects
        .iter()
        .filter(|d| d.meta.draft && !drafts)
        .map(project_slug)
        .collect();
    let mut projects: Vec<Project> = content
        .projects
        .into_iter()
        .filter(|d| drafts || !d.meta.draft)
        .filter_map(|doc| build_project(&config, doc, md, &mut problems))
        .collect();
    projects.sort_by(|a, b| {
        (a.status, std::cmp::Reverse(a.start), &a.title).cmp(&(
            b.status,
            std::cmp::Reverse(b.start),
            &b.title,
        ))
    });
    check_duplicates(
        projects.iter().map(|p| (&p.slug, &p.doc)),
        "project",
        &mut problems,
    );

    let mut posts: Vec<Post> = content
        .posts
        .into_iter()
        .filter(|d| drafts || !d.meta.draft)
        .filter_map(|doc| build_post(&config, doc, md, &mut problems))
        .collect();
    posts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    check_duplicates(
        posts.iter().map(|p| (&p.slug, &p.doc)),
        "post",
        &mut problems,
    );

    let mut pages: Vec<Page> = content
        .pages
        .into_iter()
        .filter(|d| drafts || !d.meta.draft)
        .filter_map(|doc| build_page(&config, doc, md, &mut problems))
        .collect();
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    check_duplicates(
        pages.iter().map(|p| (&p.slug, &p.doc)),
        "page",
        &mut problems,
    );
    for page in &pages {
        if config.paths.all().contains(&page.slug.as_str())
            || RESERVED_PAGE_SLUGS.contains(&page.slug.as_str())
        {
            problems.push(
                Diagnostic::error(
                    &page.doc.path,
                    format!(
                        "the page address `/{}/` is used by tablica itself",
                        page.slug
                    ),
                )
                .field("slug")
                .at_line(page.doc.line_of("slug"))
                .hint("give the page another `slug:`"),
            );
        }
    }

    // Links between posts and projects.
    let project_index: HashMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let mut links = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        let Some(reference) = post.doc.meta.project.as_deref() else {
            continue;
        };
        match project_index.get(reference) {
            Some(&p) => links.push((i, p)),
            None if draft_projects.iter().any(|d| d == reference) => {}
            None => {
                let mut d =
                    Diagnostic::error(&post.doc.path, format!("there is no project `{reference}`"))
                        .field("project")
                        .at_line(post.doc.line_of("project"));
                let known: Vec<&str> = project_index.keys().copied().collect();
                let best = known
                    .iter()
                    .map(|k| (strsim::jaro_winkler(reference, k), *k))
                    .filter(|(s, _)| *s > 0.75)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                d = match best {
                    Some((_, k)) => d.hint(format!(
                        "did you mean `{k}`? A project is named by its slug"
                    )),
                    None if known.is_empty() => {
                        d.hint("add the project in content/projects/ or remove the `project:` line")
                    }
                    None => {
                        let mut names = known.clone();
                        names.sort_unstable();
                        d.hint(format!("use one of: {}", names.join(", ")))
                    }
                };
                problems.push(d);
            }
        }
    }
    for (post, project) in links {
        posts[post].project = Some(project);
        projects[project].posts.push(post);
    }

    let tags = collect_terms(
        &mut posts,
        &config.paths.tags,
        &mut problems,
        |p| {
            p.doc
                .meta
                .tags
                .iter()
                .map(|t| (t.as_str(), "tags"))
                .collect()
        },
        |p, t| p.tags.push(t),
    );
    let categories = collect_terms(
        &mut posts,
        &config.paths.categories,
        &mut problems,
        |p| {
            p.doc
                .meta
                .category
                .iter()
                .map(|c| (c.as_str(), "category"))
                .collect()
        },
        |p, c| p.category = Some(c),
    );

    let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, post) in posts.iter().enumerate() {
        by_year.entry(post.date.local.year()).or_default().push(i);
    }
    let years = by_year.into_iter().rev().collect();

    (
        Site {
            config,
            posts,
            projects,
            pages,
            tags,
            categories,
            years,
        },
        problems,
    )
}

/// Terms of one taxonomy, merged by slug ("Seniorzy" and "seniorzy" are one tag).
fn collect_terms(
    posts: &mut [Post],
    section: &str,
    problems: &mut Vec<Diagnostic>,
    names: impl Fn(&Post) -> Vec<(&str, &'static str)>,
    mut assign: impl FnMut(&mut Post, usize),
) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut assignments = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        for (name, field) in names(post) {
            let slug = slugify(name);
            if slug.is_empty() {
                problems.push(
                    Diagnostic::error(
                        &post.doc.path,
                        format!("`{name}` cannot be made into an address"),
                    )
                    .field(field)
                    .at_line(post.doc.line_of(field))
                    .hint("use a name with letters or digits"),
                );
                continue;
            }
            let t = *index.entry(slug.clone()).or_insert_with(|| {
                terms.push(Term {
                    name: name.trim().to_string(),
                    path: format!("{section}/{slug}/"),
                    slug,
                    posts: Vec::new(),
                });
                terms.len() - 1
            });
            if terms[t].posts.last() != Some(&i) {
                terms[t].posts.push(i);
                assignments.push((i, t));
            }
        }
    }
    // Sort by name (Polish letters by their base letter) and remap indexes.
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_key(|&t| {
        (
            deunicode::deunicode(&terms[t].name).to_lowercase(),
            terms[t].name.clone(),
        )
    });
    let mut new_index = vec![0; terms.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for (post, t) in assignments {
        assign(&mut posts[post], new_index[t]);
    }
    let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    order.iter().filter_map(|&old| slots[old].take()).collect()
}

fn check_duplicates<'a, M: 'a>(
    items: impl Iterator<Item = (&'a String, &'a Document<M>)>,
    kind: &str,
    problems: &mut Vec<Diagnostic>,
) {
    // In file order, so the message is stable and names the later file.
    let mut items: Vec<_> = items.collect();
    items.sort_by(|a, b| a.1.path.cmp(&b.1.path));
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (slug, doc) in items {
        if let Some(first) = seen.insert(slug, &doc.path) {
            problems.push(
                Diagnostic::error(
                    &doc.path,
                    format!(
                        "another {kind} already has the address `{slug}`: {}",
                        first.display()
                    ),
                )
                .field("slug")
                .at_line(doc.line_of("slug"))
                .hint("give one of them a different `slug:` (or rename the file)"),
            );
        }
    }
}

fn required_title<M>(
    doc: &Document<M>,
    title: &Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    match title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(t.to_string()),
        _ => {
            problems.push(
                Diagnostic::error(&doc.path, "the title is missing")
                    .field("title")
                    .at_line(doc.line_of("title"))
                    .hint("add a line such as `title: Dzień Seniora w Klubie „Pogodna Jesień”`"),
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
                Diagnostic::error(&doc.path, format!("`{v}` is not a valid date"))
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
            return Some(s.clone());
        }
        problems.push(
            Diagnostic::error(&doc.path, format!("`{s}` is not a valid slug"))
                .field("slug")
                .at_line(doc.line_of("slug"))
                .hint(format!(
                    "use lowercase letters without diacritics, digits and hyphens, e.g. `{}`",
                    slugify(s)
                )),
        );
        return None;
    }
    let slug = slugify(strip_date_prefix(&doc.stem));
    if slug.is_empty() {
        problems.push(
            Diagnostic::error(&doc.path, "the file name gives no address")
                .hint("rename the file using letters or digits, or add `slug:`"),
        );
        return None;
    }
    Some(slug)
}

fn project_slug(doc: &Document<ProjectMeta>) -> String {
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

fn render_text<M>(
    config: &Config,
    doc: &Document<M>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut rendered = markdown::render(&doc.body, doc.body_line, md);
    for f in std::mem::take(&mut rendered.findings) {
        let level = match f.check {
            Check::HeadingLevels => config.checks.heading_levels.severity(),
            Check::EmptyLinkText => config.checks.empty_link_text.severity(),
            Check::VagueLinkText => config.checks.vague_link_text.severity(),
            Check::ImageAlt => config.checks.image_alt.severity(),
            Check::TableHeader => config.checks.table_header.severity(),
            // The address was removed and the page still builds; the editor should know.
            Check::Unsafe => Some(crate::diagnostics::Severity::Warning),
        };
        if let Some(severity) = level {
            problems.push(
                Diagnostic::error(&doc.path, f.message)
                    .with_severity(severity)
                    .at_line(Some(f.line))
                    .hint(f.hint),
            );
        }
    }
    rendered
}

fn build_post(
    config: &Config,
    doc: Document<PostMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<Post> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let date = match &doc.meta.date {
        None => {
            problems.push(
                Diagnostic::error(&doc.path, "the date is missing")
                    .field("date")
                    .at_line(doc.line_of("date"))
                    .hint("add a line such as `date: 2026-11-24`"),
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
    let text = render_text(config, &doc, md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(new_post(config, doc, title?, date?, updated, slug?, text))
}

fn new_post(
    config: &Config,
    doc: Document<PostMeta>,
    title: String,
    date: Date,
    updated: Option<Date>,
    slug: String,
    text: Rendered,
) -> Post {
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    Post {
        path: format!("{}/{slug}/", config.paths.posts),
        title,
        slug,
        date,
        updated,
        summary,
        text,
        tags: Vec::new(),
        category: None,
        project: None,
        doc,
    }
}

fn build_project(
    config: &Config,
    doc: Document<ProjectMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<Project> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let start = optional_date(&doc, "start", &doc.meta.start, problems);
    let end = optional_date(&doc, "end", &doc.meta.end, problems);
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems);
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    if let (Ok(Some(s)), Ok(Some(e))) = (&start, &end) {
        if e < s {
            problems.push(
                Diagnostic::error(&doc.path, "the project ends before it starts")
                    .field("end")
                    .at_line(doc.line_of("end"))
                    .hint("check the `start:` and `end:` dates"),
            );
        }
    }
    let status = doc.meta.status.unwrap_or_else(|| {
        problems.push(
            Diagnostic::error(&doc.path, "the project status is missing")
                .field("status")
                .at_line(doc.line_of("status"))
                .hint("add `status: planned`, `status: ongoing` or `status: finished`"),
        );
        ProjectStatus::Planned
    });
    if let Some(f) = &doc.meta.funding {
        if let (Some(total), Some(eu)) = (f.total_value, f.eu_contribution) {
            if eu > total || eu < 0.0 || total < 0.0 {
                problems.push(
                    Diagnostic::error(
                        &doc.path,
                        "the EU contribution is larger than the project's total value",
                    )
                    .field("funding.eu_contribution")
                    .at_line(doc.line_of("funding"))
                    .hint("check both amounts; write them as plain numbers, e.g. `1062500`"),
                );
            }
        }
    }
    let text = render_text(config, &doc, md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let slug = slug?;
    Some(Project {
        path: format!("{}/{slug}/", config.paths.projects),
        title: title?,
        slug,
        status,
        start: start.ok()?,
        end: end.ok()?,
        updated: updated.ok()?,
        summary,
        text,
        posts: Vec::new(),
        doc,
    })
}

fn build_page(
    config: &Config,
    doc: Document<PageMeta>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let before = problems.len();
    let title = required_title(&doc, &doc.meta.title, problems);
    let updated = optional_date(&doc, "updated", &doc.meta.updated, problems);
    let slug = slug_for(&doc, &doc.meta.slug, problems);
    let text = render_text(config, &doc, md, problems);
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let summary = doc
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| text.lead.clone());
    let slug = slug?;
    Some(Page {
        path: format!("{slug}/"),
        title: title?,
        slug,
        updated: updated.ok()?,
        summary,
        text,
        doc,
    })
}

/// Where a URL path (`aktualnosci/x/`) is written in the output folder.
pub fn output_file(url_path: &str) -> PathBuf {
    let mut p = PathBuf::from(url_path.trim_matches('/'));
    p.push("index.html");
    p
}
