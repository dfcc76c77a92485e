//! `paths:` in site.yaml: the names of the site's sections in its addresses, each defaulting
//! to a word of the site's language.

use serde::{Deserialize, Serialize};

use crate::locale::Lang;

/// URL path names of the sections.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Paths {
    pub posts: String,
    pub projects: String,
    pub tags: String,
    pub categories: String,
    pub archive: String,
    pub page: String,
    pub accessibility: String,
    pub search: String,
    pub events: String,
    pub privacy: String,
}

impl Paths {
    fn defaults(lang: Lang) -> Self {
        let s = |pl: &str, en: &str| match lang.interface() {
            Lang::Pl | Lang::Uk => pl.to_string(),
            Lang::En => en.to_string(),
        };
        Paths {
            posts: s("aktualnosci", "news"),
            projects: s("projekty", "projects"),
            tags: s("tagi", "tags"),
            categories: s("kategorie", "categories"),
            archive: s("archiwum", "archive"),
            page: s("strona", "page"),
            accessibility: s("deklaracja-dostepnosci", "accessibility-statement"),
            search: s("szukaj", "search"),
            events: s("wydarzenia", "events"),
            privacy: s("prywatnosc", "privacy"),
        }
    }

    /// All section names, for collision checks with page slugs.
    pub fn all(&self) -> [&str; 10] {
        [
            &self.posts,
            &self.projects,
            &self.tags,
            &self.categories,
            &self.archive,
            &self.page,
            &self.accessibility,
            &self.search,
            &self.events,
            &self.privacy,
        ]
    }
}

/// Partial `paths:` as written; missing names take the language's defaults.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PathsInput {
    posts: Option<String>,
    projects: Option<String>,
    tags: Option<String>,
    categories: Option<String>,
    archive: Option<String>,
    page: Option<String>,
    accessibility: Option<String>,
    search: Option<String>,
    events: Option<String>,
    privacy: Option<String>,
}

impl PathsInput {
    /// The names as written, the language's defaults for the rest.
    pub(super) fn resolve(self, lang: Lang) -> Paths {
        let defaults = Paths::defaults(lang);
        let p = self;
        Paths {
            posts: p.posts.unwrap_or(defaults.posts),
            projects: p.projects.unwrap_or(defaults.projects),
            tags: p.tags.unwrap_or(defaults.tags),
            categories: p.categories.unwrap_or(defaults.categories),
            archive: p.archive.unwrap_or(defaults.archive),
            page: p.page.unwrap_or(defaults.page),
            accessibility: p.accessibility.unwrap_or(defaults.accessibility),
            search: p.search.unwrap_or(defaults.search),
            events: p.events.unwrap_or(defaults.events),
            privacy: p.privacy.unwrap_or(defaults.privacy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sites_get_english_paths() {
        assert_eq!(Paths::defaults(Lang::En).posts, "news");
        assert_eq!(Paths::defaults(Lang::Pl).posts, "aktualnosci");
        let partial = PathsInput {
            posts: Some("wiesci".into()),
            ..PathsInput::default()
        };
        let paths = partial.resolve(Lang::Pl);
        assert_eq!(
            (paths.posts.as_str(), paths.tags.as_str()),
            ("wiesci", "tagi")
        );
    }
}
