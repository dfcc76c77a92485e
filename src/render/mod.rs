//! Rendering the site model through the theme's templates: builds each page's context from
//! borrowed views of the model and renders all pages in parallel.

mod context;
mod marking;
mod pages;
mod pagination;
mod routes;
mod site_value;
mod stamps;
pub(crate) mod structured_data;
mod text_photos;
pub(crate) mod theme;
mod views;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value;

use crate::locale::Lang;
use crate::site::calendar::{self, Listed};
use crate::site::{PostId, Site};

use context::Context;
use routes::{Task, ROUTES};
use site_value::SiteView;
use stamps::Stamps;
use theme::{chain, Theme};

pub use crate::site::DocumentImages;
pub use marking::SITE_SIGNS_DIR;
pub use routes::{calendar_path, feed_path, rss_path, FEED_FILE, NOT_FOUND_FILE, ROBOTS_FILE};
pub use routes::{RSS_FILE, SITEMAP_FILE};
pub use site_value::{brand_stylesheet, BRAND_DIR};

/// The template of the page left at an old address (`aliases:`): a whole-site file's
/// template, not a page's (it is not in the route table, nor in the sitemap).
pub const REDIRECT_TEMPLATE: &str = "redirect.html";
pub use stamps::{Fingerprints, RenderOutcome};
pub use text_photos::text_with_photos;

/// A rendering failure, naming the template and the page.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::locale::msg!(
    crate::locale::catalogue::Templates::CannotRender,
    page = &self.page,
    template = &self.template,
    error = &self.message
))]
pub struct RenderError {
    pub page: String,
    pub template: String,
    pub message: String,
}

/// One rendered output file.
pub struct RenderedPage {
    pub path: PathBuf,
    pub html: String,
}

/// A page's HTML with `snippet` (the live preview's script, [`crate::build::BuildOptions`]'s
/// `inject`) added before `</body>`: done when the page is written, after the build has read
/// the page's own links, since the snippet is the preview's and not the site's.
pub fn with_injected(mut html: String, snippet: &str) -> String {
    match html.rfind("</body>") {
        Some(pos) => html.insert_str(pos, snippet),
        None => html.push_str(snippet),
    }
    html
}

/// Everything a page needs besides its own data.
pub struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    site_value: SiteView<'a>,
    /// `site_value` as a template value, made once (each page gets a copy with its menu), or
    /// why it could not be made, which every page then reports.
    site_base: Result<Value, String>,
    /// The theme's texts as templates see them (`t`), of the site's language and of each
    /// other language the theme has.
    translations: Vec<(Lang, Value)>,
    /// Appended before `</body>` of every HTML page (used by `serve` for live reload).
    inject: Option<&'a str>,
    now_year: i32,
    /// The build's date, site-local: events ending before it are past.
    today: chrono::NaiveDate,
    /// Every event of the site, earliest first.
    events: Vec<Listed<'a>>,
    /// The indexes of all posts: the items of the news list.
    all_posts: Vec<PostId>,
}

/// How many upcoming events the home page lists.
const HOME_EVENTS: usize = 3;

impl<'a> Renderer<'a> {
    /// Prepares the parts of the context shared by every page.
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        inject: Option<&'a str>,
        now: chrono::NaiveDateTime,
    ) -> Self {
        let translations = std::iter::once(site.config.language)
            .chain(theme.other_languages())
            .map(|lang| {
                let t = theme.translations(lang);
                (lang, Value::Object(t.strings.clone()))
            })
            .collect();
        let site_value = SiteView::new(&site.config, &site.pictures, site.preview);
        Renderer {
            site_base: site_value.value().map_err(|e| e.to_string()),
            site_value,
            site,
            theme,
            translations,
            inject,
            now_year: chrono::Datelike::year(&now),
            today: now.date(),
            events: calendar::all(site),
            all_posts: PostId::all(site.listed_posts()).collect(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.site.config.root)
    }

    /// The site's description, for pages that have none of their own.
    fn description(&self) -> &'a str {
        self.site.config.description.as_deref().unwrap_or("")
    }

    /// Renders the pages of the site, in parallel, except those whose fingerprint (a hash of
    /// everything the page shows, of its template and of the site settings) is the same in
    /// `previous`: `serve` passes the last build's fingerprints to re-render only what changed,
    /// `build` passes none and gets every page. Each page is handed to `each` as soon as it is
    /// rendered (a build writes it then, so that no more than a page per thread is held), and
    /// the outcome keeps what `each` returns.
    pub fn render<T: Send, E: From<RenderError> + Send>(
        &self,
        previous: &Fingerprints,
        each: impl Fn(RenderedPage) -> Result<T, E> + Sync,
    ) -> Result<RenderOutcome<T>, E> {
        let tasks: Vec<Task> = ROUTES.iter().flat_map(|r| self.tasks(r, None)).collect();
        self.render_tasks(&tasks, previous, each)
    }

    /// Renders `tasks` in parallel, except those whose fingerprint is the same in `previous`,
    /// handing each page to `each`.
    fn render_tasks<T: Send, E: From<RenderError> + Send>(
        &self,
        tasks: &[Task],
        previous: &Fingerprints,
        each: impl Fn(RenderedPage) -> Result<T, E> + Sync,
    ) -> Result<RenderOutcome<T>, E> {
        let stamps = Stamps::new(self);
        let results: Vec<(PathBuf, u64, Option<T>)> = tasks
            .par_iter()
            .map(|&task| {
                let route = task.route;
                let url_path = (route.address)(self, task);
                let file = (route.file)(&url_path);
                let fingerprint = stamps.task(self, task);
                if previous.get(&file) == Some(&fingerprint) {
                    return Ok((file, fingerprint, None));
                }
                let page = (route.context)(self, task, &url_path);
                let page = self.render_file(route.template, &file, &url_path, page)?;
                Ok((file, fingerprint, Some(each(page)?)))
            })
            .collect::<Result<_, E>>()?;
        let mut outcome = RenderOutcome {
            pages: Vec::new(),
            fingerprints: Vec::with_capacity(results.len()),
        };
        for (file, fingerprint, page) in results {
            outcome.fingerprints.push((file, fingerprint));
            outcome.pages.extend(page);
        }
        Ok(outcome)
    }

    fn render_file(
        &self,
        template: &str,
        path: &Path,
        url_path: &str,
        page: Context,
    ) -> Result<RenderedPage, RenderError> {
        let lang = page.header.lang;
        let (tera, _) = self.theme.localised(lang);
        let texts = (self.translations.iter())
            .find(|(l, _)| *l == lang)
            .or(self.translations.first())
            .map(|(_, t)| t);
        // The context is made of values, `site` and `t` copied from the build's rather than
        // serialised again for every page.
        let context = || -> Result<tera::Context, String> {
            let mut site = self.site_base.clone()?;
            if let Value::Object(fields) = &mut site {
                let menu =
                    (self.site_value.menu(&self.url(url_path))).map_err(|e| e.to_string())?;
                fields.insert("menu".to_string(), menu);
            }
            let mut context = serde_json::Map::new();
            context.insert("site".to_string(), site);
            context.insert("t".to_string(), texts.cloned().unwrap_or_default());
            let page = serde_json::to_value(&page).map_err(|e| e.to_string())?;
            context.insert("page".to_string(), page);
            context.insert("now_year".to_string(), self.now_year.into());
            tera::Context::from_value(Value::Object(context)).map_err(|e| chain(&e))
        };
        let failed = |message: String| RenderError {
            page: format!("/{url_path}"),
            template: template.to_string(),
            message,
        };
        let context = context().map_err(failed)?;
        let html = (tera.render(template, &context)).map_err(|e| failed(chain(&e)))?;
        Ok(RenderedPage {
            path: path.to_path_buf(),
            html,
        })
    }
}
