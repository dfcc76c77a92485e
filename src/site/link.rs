//! Linking the entries into the site: posts to their projects, tags, categories and years, with
//! duplicate and reserved addresses reported.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use chrono::Datelike;

use super::entry::{FrontMatter, Kind};
use super::schedule::{Moment, Sifted, Timetable};
use super::translations::{self, Text, Translations};
use super::Entry;
use super::{DocumentImages, Page, PageEntry, PageId, Post, PostEntry, PostId, Project};
use super::{PageFacts, ProjectEntry};
use super::{ProjectId, Site, Term, TermId};
use crate::config::Config;
use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Documents;
use crate::locale::msg;
use crate::slug::slugify;

/// Page names that would collide with files tablica writes itself.
const RESERVED_PAGE_SLUGS: &[&str] = &["assets", "404", "atom", "sitemap", "robots"];

/// Links posts to projects and terms, checks addresses, and sorts everything.
pub(super) fn link(
    config: Config,
    posts: Vec<Arc<PostEntry>>,
    projects: Vec<Arc<ProjectEntry>>,
    pages: Vec<Arc<PageEntry>>,
    mut draft_projects: Vec<String>,
    moment: Moment,
    mut problems: Vec<Diagnostic>,
) -> (Site, Vec<Diagnostic>) {
    let mut timetable = Timetable::default();
    let (projects, later_projects) = moment.sift(projects, &mut timetable);
    let (posts, later_posts) = moment.sift(posts, &mut timetable);
    let (pages, later_pages) = moment.sift(pages, &mut timetable);
    // Addresses are checked with the texts scheduled for later among them: the build that
    // publishes one must not fail. A post may name a project scheduled for later, as a draft.
    check_duplicates(
        (projects.iter().map(|(p, _)| p).chain(&later_projects)).map(|p| (&p.slug, &p.doc)),
        Documents::DuplicateProject,
        &mut problems,
    );
    check_duplicates(
        (posts.iter().map(|(p, _)| p).chain(&later_posts)).map(|p| (&p.slug, &p.doc)),
        Documents::DuplicatePost,
        &mut problems,
    );
    draft_projects.extend(later_projects.iter().map(|p| p.slug.clone()));
    let mut projects: Vec<Project> = projects
        .into_iter()
        .map(|(entry, timing)| Project {
            entry,
            timing,
            posts: Vec::new(),
            photos: DocumentImages::default(),
        })
        .collect();
    projects.sort_by(|a, b| {
        (a.status, std::cmp::Reverse(a.start), &a.title).cmp(&(
            b.status,
            std::cmp::Reverse(b.start),
            &b.title,
        ))
    });

    let mut posts: Vec<Post> = posts
        .into_iter()
        .map(|(entry, timing)| Post {
            entry,
            timing,
            tags: Vec::new(),
            category: None,
            project: None,
            photos: DocumentImages::default(),
        })
        .collect();
    // The expired last: the listed posts are the first `Site::listed_posts`.
    posts.sort_by(|a, b| {
        (a.timing.is_expired().cmp(&b.timing.is_expired()))
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| a.title.cmp(&b.title))
    });

    let pages = link_pages(&config, (pages, later_pages), &mut problems);

    // Links between posts and projects.
    let project_index: HashMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let mut links = Vec::new();
    // The posts scheduled for later too, so that the build publishing one does not fail.
    let current = posts.iter().enumerate().map(|(i, p)| (Some(i), &p.entry));
    for (i, post) in current.chain(later_posts.iter().map(|p| (None, p))) {
        let Some(reference) = post.doc.meta.project.as_deref() else {
            continue;
        };
        match project_index.get(reference) {
            Some(&p) => links.extend(i.map(|i| (i, p))),
            None if draft_projects.iter().any(|d| d == reference) => {}
            None => {
                let known: Vec<&str> = project_index.keys().copied().collect();
                problems.push(unknown_project(&post.doc, reference, &known));
            }
        }
    }
    for (post, project) in links {
        posts[post].project = Some(ProjectId::new(project));
        if !posts[post].timing.is_expired() {
            projects[project].posts.push(PostId::new(post));
        }
    }

    for post in &posts {
        let count = post.doc.meta.tags.len();
        if count > MAX_TAGS_PER_POST {
            problems.push(
                Diagnostic::warning(
                    &post.doc.path,
                    msg!(
                        Documents::TooManyTags,
                        count = count,
                        max = MAX_TAGS_PER_POST
                    ),
                )
                .field("tags")
                .at_line(post.doc.line_of("tags"))
                .hint(Documents::TooManyTagsHint),
            );
        }
    }
    let tags = collect_terms(
        &mut posts,
        &config.paths.tags,
        &mut problems,
        |p| {
            // An expired post is on no list, so its page links to none.
            let tags = if p.timing.is_expired() {
                0
            } else {
                MAX_TAGS_PER_POST
            };
            p.doc
                .meta
                .tags
                .iter()
                .take(tags)
                .map(|t| (t.as_str(), "tags"))
                .collect()
        },
        |p, t| p.tags.push(TermId::new(t)),
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
                .filter(|_| !p.timing.is_expired())
                .map(|c| (c.as_str(), "category"))
                .collect()
        },
        |p, c| p.category = Some(TermId::new(c)),
    );

    let mut by_year: BTreeMap<i32, Vec<PostId>> = BTreeMap::new();
    for (i, post) in posts
        .iter()
        .enumerate()
        .take_while(|(_, p)| !p.timing.is_expired())
    {
        by_year
            .entry(post.date.local.year())
            .or_default()
            .push(PostId::new(i));
    }
    let years = by_year.into_iter().rev().collect();
    let translations = link_translations(&config, &posts, &projects, &pages, &mut problems);

    (
        Site {
            config,
            posts,
            projects,
            pages,
            tags,
            categories,
            years,
            pictures: Default::default(),
            translations,
            timetable,
            preview: moment.preview,
        },
        problems,
    )
}

/// The groups of texts that translate one another, of every document in the site.
fn link_translations(
    config: &Config,
    posts: &[Post],
    projects: &[Project],
    pages: &[Page],
    problems: &mut Vec<Diagnostic>,
) -> Translations {
    fn text<K: Kind>(e: &Entry<K>) -> Text<'_> {
        Text {
            file: &e.doc.path,
            line: e.doc.line_of("translation_of"),
            path: &e.path,
            lang: e.lang,
            title: &e.title,
            translation_of: e.doc.meta.common().translation_of.as_deref(),
        }
    }
    let texts: Vec<Text> = (posts.iter().map(|p| text(&p.entry)))
        .chain(projects.iter().map(|p| text(&p.entry)))
        .chain(pages.iter().map(|p| text(&p.entry)))
        .collect();
    translations::link(config, &texts, problems)
}

/// Tags one post may have; more are left out with a warning. Every tag page lists the post
/// with its tags, so thousands on one post would make the build quadratic in them.
pub const MAX_TAGS_PER_POST: usize = 50;

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
    // Thousands of posts share a few hundred names: each is made into a slug once.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut assignments = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        for (name, field) in names(post) {
            let slug = slugs.entry(name).or_insert_with(|| slugify(name)).clone();
            let shown: String = name.chars().take(40).collect();
            let problem = if slug.is_empty() {
                Some((
                    msg!(Documents::TermNoAddress, name = &shown),
                    Documents::TermNoAddressHint,
                ))
            } else {
                crate::slug::check(&slug).err().map(|e| {
                    let message = msg!(
                        Documents::TermUnusable,
                        name = &shown,
                        problem = e.message()
                    );
                    (message, Documents::TermUnusableHint)
                })
            };
            if let Some((message, hint)) = problem {
                problems.push(
                    Diagnostic::error(&post.doc.path, message)
                        .field(field)
                        .at_line(post.doc.line_of(field))
                        .hint(hint),
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
            if terms[t].posts.last() != Some(&PostId::new(i)) {
                terms[t].posts.push(PostId::new(i));
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

/// The static pages in the order of their addresses, each linked to the page of its section
/// and to the pages of the section it heads; duplicate and reserved addresses reported.
fn link_pages(
    config: &Config,
    (pages, later): Sifted<PageFacts>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let mut pages: Vec<Page> = pages
        .into_iter()
        .map(|(entry, timing)| Page {
            entry,
            timing,
            photos: DocumentImages::default(),
            parent: None,
            children: Vec::new(),
        })
        .collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    // Addresses are checked with the pages scheduled for later among them: the build that
    // publishes one must not fail.
    let all = || pages.iter().map(|p| &p.entry).chain(&later);
    let addresses: Vec<String> = all()
        .map(|p| p.path.trim_end_matches('/').to_string())
        .collect();
    check_duplicates(
        addresses.iter().zip(all().map(|p| &p.doc)),
        Documents::DuplicatePage,
        problems,
    );
    for page in all().filter(|p| p.section.is_empty()) {
        if config.paths.all().contains(&page.slug.as_str())
            || RESERVED_PAGE_SLUGS.contains(&page.slug.as_str())
        {
            problems.push(
                Diagnostic::error(
                    &page.doc.path,
                    msg!(Documents::ReservedPage, slug = &page.slug),
                )
                .field("slug")
                .at_line(page.doc.line_of("slug"))
                .hint(Documents::ReservedPageHint),
            );
        }
    }
    let index: HashMap<&str, usize> = (pages.iter().enumerate())
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();
    let mut missing: BTreeMap<String, &Path> = BTreeMap::new();
    let parents: Vec<Option<usize>> = (pages.iter())
        .map(|p| {
            if p.section.is_empty() {
                return None;
            }
            let parent = index.get(p.section.as_str()).copied();
            if parent.is_none() {
                let folder = p.doc.path.parent().map(|f| {
                    if crate::content::is_bundle_index(&p.doc.path) {
                        f.parent().unwrap_or(f)
                    } else {
                        f
                    }
                });
                missing
                    .entry(p.section.clone())
                    .or_insert(folder.unwrap_or(&p.doc.path));
            }
            parent
        })
        .collect();
    for folder in missing.values() {
        let folder = folder.display().to_string();
        problems.push(
            Diagnostic::warning(
                folder.clone(),
                msg!(Documents::NoSectionPage, folder = &folder),
            )
            .hint(msg!(Documents::NoSectionPageHint, folder = &folder)),
        );
    }
    for (child, parent) in parents.into_iter().enumerate() {
        if let Some(parent) = parent {
            pages[child].parent = Some(PageId::new(parent));
            pages[parent].children.push(PageId::new(child));
        }
    }
    let order = |i: &PageId| {
        let p = &pages[i.index()];
        (p.weight, deunicode::deunicode(&p.title).to_lowercase())
    };
    let sorted: Vec<Vec<PageId>> = (pages.iter())
        .map(|p| {
            let mut children = p.children.clone();
            children.sort_by_cached_key(order);
            children
        })
        .collect();
    for (page, children) in pages.iter_mut().zip(sorted) {
        page.children = children;
    }
    pages
}

fn check_duplicates<'a, M: 'a>(
    items: impl Iterator<Item = (&'a String, &'a Document<M>)>,
    message: Documents,
    problems: &mut Vec<Diagnostic>,
) {
    // In file order, so the message is stable and names the later file.
    let mut items: Vec<_> = items.collect();
    items.sort_by(|a, b| a.1.path.as_os_str().cmp(b.1.path.as_os_str()));
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (slug, doc) in items {
        if let Some(first) = seen.insert(slug, &doc.path) {
            problems.push(
                Diagnostic::error(
                    &doc.path,
                    msg!(message, slug = slug, first = first.display().to_string()),
                )
                .field("slug")
                .at_line(doc.line_of("slug"))
                .hint(Documents::DuplicateHint),
            );
        }
    }
}

/// The error for a post naming the project `reference` that is not among `known`, with the
/// closest name or the list of them.
pub(super) fn unknown_project<M>(doc: &Document<M>, reference: &str, known: &[&str]) -> Diagnostic {
    let d = Diagnostic::error(&doc.path, msg!(Documents::NoProject, reference = reference))
        .field("project")
        .at_line(doc.line_of("project"));
    let best = known
        .iter()
        .map(|k| (strsim::jaro_winkler(reference, k), *k))
        .filter(|(s, _)| *s > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, k)) => d.hint(msg!(Documents::NoProjectDidYouMean, close = k)),
        None if known.is_empty() => d.hint(Documents::NoProjects),
        None => {
            let mut names = known.to_vec();
            names.sort_unstable();
            d.hint(msg!(Documents::UseOneOf, list = names.join(", ")))
        }
    }
}
