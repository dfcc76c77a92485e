//! The build: load → model → photos → render → write, with every content problem collected
//! and the output swapped in only when everything succeeded.

mod external_links;
mod incremental;
mod last_build;
mod links;
mod options;
pub(crate) mod output;
mod photos;
mod site_files;
mod stages;
mod turn;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDateTime;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint::FileStamp;
use crate::gallery::process::Processed;
use crate::publish::attachments;
use crate::render::theme::{self, Theme};
use crate::render::{DocumentImages, RenderOutcome, RenderedPage};
use crate::site::schedule::Moment;
use crate::site::{DocumentCache, Edited, Site};
use crate::{config, site};

use incremental::{Base, LastOutput};
use output::Output;
use photos::{resolve_photos, ResolvedPhotos};
use stages::{write_pages, Made, Pages, SiteFiles, Start};

pub use crate::render::theme::ThemeError;
pub use crate::render::RenderError;
pub use options::{BuildError, BuildOptions, BuildReport, CACHE_DIR, IMAGE_CACHE};

/// Builds the site. On any error, nothing is written and the previous output stays.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    Builder::new(options.clone()).build()
}

/// A build that can run again and reuse its earlier work: documents whose files did not
/// change are not read again, photos not hashed again, and (in place) pages whose
/// fingerprint did not change are neither rendered nor written.
pub struct Builder {
    options: BuildOptions,
    documents: DocumentCache,
    /// Photos processed by this builder, with the settings they were processed with.
    photos: HashMap<PathBuf, (FileStamp, Processed)>,
    photo_settings: Option<crate::config::ImageSettings>,
    last: Option<LastOutput>,
    /// The theme of the last build, with the fingerprint of its sources.
    theme: Option<(u64, Arc<Theme>)>,
    /// The files reported changed since the last build, when they were reported.
    changes: Option<Vec<PathBuf>>,
}

/// What [`Builder::model`] gives the rest of a build.
struct Model {
    site: Site,
    problems: Vec<Diagnostic>,
    files: Files,
    /// The photos to process and place in this build.
    fresh: Vec<ResolvedPhotos>,
    /// In a patched build, the documents patched.
    edited: Option<Edited>,
}

/// The files a build publishes beside the pages.
#[derive(Default)]
struct Files {
    /// Bundle files, as (source, output file).
    attachments: Vec<(PathBuf, PathBuf)>,
    /// The photos of each document that has some.
    photos: Vec<ResolvedPhotos>,
    /// The processed copies of those photos placed in the output, by document.
    images: HashMap<PathBuf, DocumentImages>,
    /// The files of those copies in the output, by document.
    placed: HashMap<PathBuf, Vec<PathBuf>>,
}

impl Builder {
    /// A builder with nothing cached yet.
    pub fn new(options: BuildOptions) -> Self {
        Builder {
            options,
            documents: DocumentCache::default(),
            photos: HashMap::new(),
            photo_settings: None,
            last: None,
            theme: None,
            changes: None,
        }
    }

    /// Builds the site. On any error, nothing is written and the previous output stays.
    pub fn build(&mut self) -> Result<BuildReport, BuildError> {
        self.build_then(|_| {})
    }

    /// Builds the site like [`build`](Self::build), and calls `pages_ready` with the site's
    /// URL root as soon as the pages are written, before the sitemap, feeds and search index
    /// are made: a preview can reload the edited page meanwhile.
    ///
    /// The stages: settings → (nothing changed? stop) → model → theme and output → photos →
    /// pages → pages written → whole-site files → output committed and recorded.
    pub fn build_then(
        &mut self,
        pages_ready: impl FnOnce(&str),
    ) -> Result<BuildReport, BuildError> {
        let mut timings = Timings::from_env();
        let start = Start::new(&self.options)?;
        let _turn = turn::Turn::take(&start.canonical_root);
        if let Some(report) = start.up_to_date(&self.options) {
            return Ok(report);
        }
        // The theme's templates are parsed while the documents are read.
        let (cached, root) = (self.theme.take(), self.options.root.clone());
        let (mut model, theme) = rayon::join(
            || self.model(start.config.clone(), start.now, &start.canonical_root),
            || load_theme(&root, &start.config, cached),
        );
        timings.lap("model");
        model.check()?;
        let (sources, theme) = theme?;
        self.theme = Some((sources, Arc::clone(&theme)));
        let output = self.output()?;
        let photos = self.photos(&start, &mut model, output.as_ref())?;
        timings.lap("photos");
        // A build into a staging folder writes each page as soon as it is rendered (nothing
        // is in place before the swap); one in place writes them after the checks below, so
        // that a failed rebuild leaves the folder as it was. Either way the page's links are
        // read before its text is dropped.
        let inject = self.options.inject.as_deref();
        let staging = match &output {
            Some(Output::Staging(staging)) => Some(staging),
            _ => None,
        };
        let check_links = links::checked(&model.site.config);
        let RenderOutcome {
            pages,
            fingerprints,
        } = self.pages(&start, &model, &theme, |page| {
            let links = check_links.then(|| links::read(&page));
            match staging {
                Some(staging) => {
                    staging.write(&page.path, injected(page.html, inject).as_bytes())?;
                    Ok((links, None))
                }
                None => Ok((links, Some(page))),
            }
        })?;
        timings.lap("render");
        let rendered = pages.len();
        let (page_links, pages): (Vec<_>, Vec<_>) = pages.into_iter().unzip();
        let page_links: Vec<links::PageLinks> = page_links.into_iter().flatten().collect();
        // The pages kept: none of a build into a staging folder.
        let pages: Vec<RenderedPage> = pages.into_iter().flatten().collect();
        let patched = model.edited.is_some();
        let earlier = (self.last.as_ref()).filter(|_| patched).map(|l| &l.pages);
        model.check_aliases(fingerprints.iter().map(|(p, _)| p), earlier)?;
        // From here on the folder changes: if this build fails, what it holds is not known any
        // more, and the next build starts from an empty folder.
        let mut last = self.last.take();
        let external = (self.options.external_links && self.options.check_only)
            .then(|| external_links::collect(&model.site.config, &pages, &model.link_sources()));
        let mut written = rendered;
        if let Some(output) = &output {
            let pages = pages.into_iter();
            let pages = pages.map(|p| (p.path, injected(p.html, inject).into_bytes()));
            written += write_pages(output, pages.collect(), &theme, &model, last.as_ref())?;
            timings.lap("write");
            pages_ready(&model.site.config.root);
        }
        let pages = Pages::all(fingerprints, model.edited.is_some(), last.as_mut());
        let check_only = output.is_none();
        let site_files =
            SiteFiles::make(&start, &model, &theme, (&pages, last.as_ref()), check_only)?;
        timings.lap("feeds");
        model.check_links(&page_links, (&pages, &site_files), &theme, output.is_some())?;
        drop(page_links);
        timings.lap("links");
        if let Some(external) = external {
            model.check_external_links(&external, self.options.progress)?;
        }
        written += site_files.changed.len();
        let report = start.report(&mut model, &photos, (rendered, written));
        if let Some(output) = output {
            let made = Made {
                model,
                theme,
                photos,
                pages,
                site_files,
            };
            self.finish(start, made, (output, last), &report, &mut timings)?;
        }
        Ok(report)
    }

    /// The model, the files published beside the pages, and the photos to process and place:
    /// of every document, or in a patched build of the edited ones only (the others' are as
    /// the last build left them). `now` is the build's time, site-local.
    fn model(
        &mut self,
        config: config::Config,
        now: NaiveDateTime,
        canonical_root: &Path,
    ) -> Model {
        let options = &self.options;
        let drafts = options.drafts || options.preview;
        // The last build's model and files, taken: they come back only if this build succeeds,
        // and serve only on the same day and before a document's publish or expiry time.
        let base = (self.last.as_mut())
            .and_then(|last| last.base.take())
            .filter(|b| b.date == now.date())
            .filter(|b| b.site.timetable.next_change.is_none_or(|t| now < t));
        let changes = self.changes.take().filter(|_| options.in_place);
        let patched = match (base, changes) {
            (Some(mut base), Some(changes)) => base
                .site
                .patch(&options.root, drafts, &mut self.documents, &changes)
                .map(|edited| (base, edited)),
            _ => None,
        };
        match patched {
            Some((base, edited)) => {
                let Base {
                    site, mut files, ..
                } = base;
                let docs: Vec<&Path> = site.edited_documents(&edited).map(|d| d.path).collect();
                files.photos.retain(|p| !docs.contains(&p.doc.as_path()));
                files.images.retain(|doc, _| !docs.contains(&doc.as_path()));
                files.placed.retain(|doc, _| !docs.contains(&doc.as_path()));
                let fresh = resolve_photos(site.edited_documents(&edited), canonical_root, &site);
                Model {
                    problems: self.documents.problems().cloned().collect(),
                    site,
                    files,
                    fresh,
                    edited: Some(edited),
                }
            }
            None => {
                let moment = Moment {
                    now,
                    preview: options.preview,
                };
                let (site, mut problems) =
                    site::build(config, &options.root, drafts, moment, &mut self.documents);
                let files = Files {
                    attachments: attachments::find(&site, &mut problems),
                    ..Files::default()
                };
                let fresh = resolve_photos(site.documents(), canonical_root, &site);
                Model {
                    site,
                    problems,
                    files,
                    fresh,
                    edited: None,
                }
            }
        }
    }
}

/// The site's theme with the fingerprint of its files: `cached` again when they did not
/// change, else loaded.
fn load_theme(
    root: &Path,
    config: &config::Config,
    cached: Option<(u64, Arc<Theme>)>,
) -> Result<(u64, Arc<Theme>), ThemeError> {
    let sources = theme::sources_fingerprint(root, &config.theme, config.language);
    match cached {
        Some((known, theme)) if known == sources => Ok((known, theme)),
        _ => Ok((
            sources,
            Arc::new(theme::load(root, &config.theme, config.language)?),
        )),
    }
}

/// Phase durations printed to stderr when `TABLICA_TIMINGS` is set (for profiling).
struct Timings {
    last: Option<Instant>,
}

impl Timings {
    fn from_env() -> Self {
        Timings {
            last: std::env::var_os("TABLICA_TIMINGS").map(|_| Instant::now()),
        }
    }

    fn lap(&mut self, phase: &str) {
        if let Some(last) = self.last.as_mut() {
            eprintln!(
                "timing: {phase:<8} {:>8.1} ms",
                last.elapsed().as_secs_f64() * 1000.0
            );
            *last = Instant::now();
        }
    }
}

/// A page's HTML with the preview's script when there is one (see
/// [`crate::render::with_injected`]).
fn injected(html: String, snippet: Option<&str>) -> String {
    match snippet {
        Some(snippet) => crate::render::with_injected(html, snippet),
        None => html,
    }
}

fn sorted(ds: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics(ds);
    d.sort();
    d
}
