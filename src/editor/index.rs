//! The list of the site's documents as the editor shows it: title, date, status (draft,
//! scheduled, published), project and tags, searched, filtered and sorted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::cache;
use crate::content::{self, date, Source, CONTENT_DIR};

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Draft,
    /// To be published on a later day (`publish:`, or a date in the future).
    Scheduled,
    Published,
}

impl State {
    pub fn code(self) -> &'static str {
        match self {
            State::Draft => "szkic",
            State::Scheduled => "zaplanowany",
            State::Published => "opublikowany",
        }
    }
}

/// One document in the list.
#[derive(Debug, Clone)]
pub struct Item {
    /// Path relative to `content/`, with `/`.
    pub rel: String,
    /// `posts`, `projects` or `pages`.
    pub section: &'static str,
    /// The title, or the file name when it has none (or cannot be read).
    pub title: String,
    /// `YYYY-MM-DD…` as written, when valid.
    pub date: Option<String>,
    pub state: State,
    pub project: Option<String>,
    pub tags: Vec<String>,
    /// The slug from `slug:` or the file name.
    pub slug: String,
    /// The front matter could not be read.
    pub broken: bool,
}

impl Item {
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(..4))
    }
}

/// The front matter fields the list needs; anything else is ignored here.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct Listed {
    title: Option<String>,
    date: Option<String>,
    draft: bool,
    publish: Option<String>,
    project: Option<String>,
    tags: Vec<String>,
    slug: Option<String>,
}

/// What the list needs of each file, kept until the file changes.
pub type Kept = cache::Kept<Option<Listed>>;

/// Every document of the site at `root`, newest first (undated ones last, by title); only the
/// files changed since `kept` last saw them are read.
pub fn scan(root: &Path, today: chrono::NaiveDate, kept: &Kept) -> Vec<Item> {
    let (sources, _) = content::find(root);
    let sections: [(&'static str, &Vec<Source>); 3] = [
        ("posts", &sources.posts),
        ("projects", &sources.projects),
        ("pages", &sources.pages),
    ];
    let content_dir = root.join(CONTENT_DIR);
    let found: Vec<(&'static str, PathBuf, String)> = sections
        .iter()
        .flat_map(|(section, list)| list.iter().map(move |s| (*section, s)))
        .filter_map(|(section, source)| {
            let rel = source.path.strip_prefix(&content_dir).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            Some((section, source.path.clone(), rel))
        })
        .collect();
    let paths: Vec<PathBuf> = found.iter().map(|(_, path, _)| path.clone()).collect();
    let metas = kept.each(&paths, |path| read_listed(root, path));
    let mut items: Vec<Item> = found
        .into_iter()
        .zip(metas)
        .map(|((section, _, rel), meta)| item(section, rel, meta, today))
        .collect();
    sort(&mut items, true);
    items
}

/// What the front matter of the document at `path` says, `None` when it cannot be read.
fn read_listed(root: &Path, path: &Path) -> Option<Listed> {
    let text = content::read_text(root, path).ok()?;
    let split = content::front_matter::split(path, &text).ok()?;
    content::yaml::from_str::<Listed>(split.yaml).ok()
}

fn item(
    section: &'static str,
    rel: String,
    meta: Option<Listed>,
    today: chrono::NaiveDate,
) -> Item {
    let name = name_of(&rel);
    let broken = meta.is_none();
    let meta = meta.unwrap_or_default();
    let parsed = meta.date.as_deref().and_then(|d| date::parse(d).ok());
    let publish = meta.publish.as_deref().and_then(|d| date::parse(d).ok());
    let state = if meta.draft {
        State::Draft
    } else if [&parsed, &publish]
        .iter()
        .any(|d| d.as_ref().is_some_and(|d| d.date() > today))
    {
        State::Scheduled
    } else {
        State::Published
    };
    Item {
        section,
        slug: crate::site::slug_or_name(meta.slug.as_deref(), &name),
        title: meta.title.filter(|t| !t.trim().is_empty()).unwrap_or(name),
        date: parsed.map(|d| d.iso()),
        state,
        project: meta.project,
        tags: meta.tags,
        broken,
        rel,
    }
}

/// The file name of the document at `rel` without `.md` (a bundle: its folder's name).
fn name_of(rel: &str) -> String {
    let name = rel.trim_end_matches("/index.md").trim_end_matches(".md");
    name.rsplit('/').next().unwrap_or(name).to_string()
}

/// The slugs of the site's projects, read from `content/projects/` only (a save's checks need
/// them, not the thousands of posts a whole [`scan`] would look at).
pub fn project_slugs(root: &Path, kept: &Kept) -> Vec<String> {
    content::find_projects(root)
        .iter()
        .map(|source| {
            let meta = kept.one(&source.path, |path| read_listed(root, path));
            let name = name_of(&source.path.to_string_lossy().replace('\\', "/"));
            crate::site::slug_or_name(meta.and_then(|m| m.slug).as_deref(), &name)
        })
        .collect()
}

/// Newest first (or oldest first), undated ones after, then by title.
pub fn sort(items: &mut [Item], newest_first: bool) {
    items.sort_by(|a, b| {
        let by_date = match (&a.date, &b.date) {
            (Some(x), Some(y)) if newest_first => y.cmp(x),
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_date.then_with(|| a.title.cmp(&b.title))
    });
}

/// What the list is narrowed to.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Words to find in the title, without regard to case or Polish letters.
    pub query: String,
    pub section: String,
    pub state: String,
    pub project: String,
    pub tag: String,
    pub year: String,
    /// Oldest first instead of newest.
    pub oldest: bool,
}

/// Folds text for searching: small letters without diacritics.
fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

impl Filter {
    pub fn keeps(&self, item: &Item) -> bool {
        let words = fold(&self.query);
        let title = fold(&item.title);
        let any = |want: &str, have: Option<&str>| want.is_empty() || have == Some(want);
        words
            .split_whitespace()
            .all(|w| title.contains(w) || item.rel.contains(w))
            && any(&self.section, Some(item.section))
            && any(&self.state, Some(item.state.code()))
            && any(&self.project, item.project.as_deref())
            && (self.tag.is_empty() || item.tags.contains(&self.tag))
            && any(&self.year, item.year())
    }
}

/// The values the filters offer: tags, years and projects (slug, title) in use.
pub struct Choices {
    pub tags: BTreeSet<String>,
    pub years: BTreeSet<String>,
    pub projects: Vec<(String, String)>,
}

pub fn choices(items: &[Item]) -> Choices {
    let mut projects: Vec<(String, String)> = items
        .iter()
        .filter(|i| i.section == "projects")
        .map(|i| (i.slug.clone(), i.title.clone()))
        .collect();
    projects.sort();
    Choices {
        tags: items.iter().flat_map(|i| i.tags.iter().cloned()).collect(),
        years: items
            .iter()
            .filter_map(|i| i.year().map(str::to_string))
            .collect(),
        projects,
    }
}
