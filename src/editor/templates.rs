//! The templates of new documents: tablica's own (an invitation, a recruitment, a project
//! summary, an announcement, a project, a page) and the site's, from `content/templates/`.

use std::path::Path;

use crate::content::{self, CONTENT_DIR};
use crate::locale::catalogue::Editor as E;
use crate::locale::{Lang, Message};

/// The folder of a site's own templates, under `content/`.
pub const SITE_TEMPLATES: &str = "templates";

/// A template of a new document.
#[derive(Debug, Clone)]
pub struct Template {
    pub id: String,
    /// The section the new document goes into.
    pub section: &'static str,
    /// The built-in template's name, or the site template's file name.
    name: Result<E, String>,
    pub text: String,
}

impl Template {
    pub fn name(&self, lang: Lang) -> String {
        match &self.name {
            Ok(key) => Message::new(*key).render(lang),
            Err(file) => format!("{file} ({})", Message::new(E::SiteTemplate).render(lang)),
        }
    }
}

const BUILT_IN: &[(&str, &str, E, &str)] = &[
    (
        "zaproszenie",
        "posts",
        E::TemplateInvitation,
        include_str!("templates/zaproszenie.md"),
    ),
    (
        "rekrutacja",
        "posts",
        E::TemplateRecruitment,
        include_str!("templates/rekrutacja.md"),
    ),
    (
        "podsumowanie",
        "posts",
        E::TemplateSummary,
        include_str!("templates/podsumowanie.md"),
    ),
    (
        "ogloszenie",
        "posts",
        E::TemplateAnnouncement,
        include_str!("templates/ogloszenie.md"),
    ),
    (
        "projekt",
        "projects",
        E::TemplateProject,
        include_str!("templates/projekt.md"),
    ),
    (
        "strona",
        "pages",
        E::TemplatePage,
        include_str!("templates/strona.md"),
    ),
];

/// Every template: the built-in ones, then the site's (`content/templates/*.md`, new posts;
/// `section: projects` or `pages` in a template's first comment line is not read: site
/// templates make posts).
pub fn all(root: &Path) -> Vec<Template> {
    let mut all: Vec<Template> = BUILT_IN
        .iter()
        .map(|(id, section, name, text)| Template {
            id: (*id).to_string(),
            section,
            name: Ok(*name),
            text: (*text).to_string(),
        })
        .collect();
    let dir = root.join(CONTENT_DIR).join(SITE_TEMPLATES);
    let mut site: Vec<Template> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let file = e.file_name().into_string().ok()?;
            let stem = file.strip_suffix(".md")?.to_string();
            if stem.starts_with('.') {
                return None;
            }
            let text = content::read_text(root, &e.path()).ok()?;
            Some(Template {
                id: format!("strona:{stem}"),
                section: "posts",
                name: Err(stem),
                text,
            })
        })
        .collect();
    site.sort_by(|a, b| a.id.cmp(&b.id));
    all.extend(site);
    all
}
