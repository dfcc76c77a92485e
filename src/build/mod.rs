//! The build: load → model → photos → render → write, with every content problem collected
//! and the output swapped in only when everything succeeded.

mod incremental;
mod last_build;
mod options;
pub mod output;
mod photos;
mod site_files;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint::{self, FileStamp};
use crate::gallery::process::Processed;
use crate::publish::attachments;
use crate::render::theme::{self, Theme};
use crate::render::{DocumentImages, Fingerprints, Renderer};
use crate::site::{DocumentCache, Edited, Site};
use crate::{config, content, gallery, site};

use incremental::{Base, LastOutput};
use last_build::Inputs;
use output::Output;
use photos::{check_photos, photo_sources, place_photos, resolve_photos, ResolvedPhotos};
use site_files::{
    copy_attachments, copy_static, remove_stale, site_files, static_target, write_all,
};

pub use crate::render::theme::ThemeError;
pub use crate::render::RenderError;
pub use options::{BuildError, BuildOptions, BuildReport, CACHE_DIR};

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
    pub fn build_then(
        &mut self,
        pages_ready: impl FnOnce(&str),
    ) -> Result<BuildReport, BuildError> {
        let started = Instant::now();
        let mut timings = Timings::from_env();
        let options = self.options.clone();
        let root = &options.root;
        let config = config::load(root).map_err(|ds| BuildError::Content(sorted(ds)))?;
        let now = content::date::now(config.timezone).map_err(BuildError::Now)?;
        let cache_root = root.join(CACHE_DIR);
        // A build that replaces its output records what it was made from, for the next one.
        let inputs = (!options.check_only && !options.in_place).then(|| {
            let build_options = format!("drafts={} inject={:?}", options.drafts, options.inject);
            Inputs::of(root, &options.output_dir(), &build_options, now.date())
        });
        if let Some(last) = inputs
            .as_ref()
            .filter(|_| options.skip_unchanged)
            .and_then(|i| i.last_build(&cache_root, &options.output_dir()))
        {
            return Ok(BuildReport {
                posts: last.posts,
                projects: last.projects,
                pages: last.pages,
                files: 0,
                rendered: 0,
                photos: last.photos,
                photos_encoded: 0,
                warnings: sorted(last.warnings),
                duration: started.elapsed(),
                up_to_date: true,
                url_root: config.root.clone(),
                patched: false,
            });
        }
        let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let Model {
            mut site,
            mut problems,
            mut files,
            fresh,
            edited,
        } = self.model(config, now.date(), &canonical_root);
        timings.lap("model");
        problems.extend(
            files
                .photos
                .iter()
                .chain(&fresh)
                .flat_map(|p| p.problems.iter().cloned()),
        );
        if problems.iter().any(Diagnostic::is_error) {
            return Err(BuildError::Content(sorted(problems)));
        }
        let theme = self.theme(&site.config)?;
        let output = if options.check_only {
            None
        } else {
            // The first build of a preview starts from an empty folder (pages of an earlier
            // session, drafts among them, must not stay); later ones update it in place.
            let in_place = options.in_place && self.last.is_some();
            Some(Output::new(
                &options.output_dir(),
                root,
                in_place,
                options.replace_output,
            )?)
        };

        let cache_dir = cache_root.join("images");
        let sources = photo_sources(&fresh);
        let (processed, photo_problems, photos_encoded) = if options.check_only {
            let problems = check_photos(&canonical_root, &sources, &site.config.images);
            (HashMap::new(), problems, 0)
        } else {
            self.process_photos(&canonical_root, &sources, &site.config.images, &cache_dir)
        };
        // A build with photos that could not be processed (left out with a warning) is not
        // patched later: the warning belongs to every build until the photo is mended.
        let patchable = photo_problems.is_empty();
        problems.extend(photo_problems);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(BuildError::Content(sorted(problems)));
        }
        timings.lap("photos");
        if let Some(output) = &output {
            let placed = place_photos(&fresh, &processed, &cache_dir, output, &site.config.root)
                .inspect_err(|_| self.last = None)?;
            for p in placed {
                // Recorded now: if this build fails, the next one still knows they are there.
                if let Some(last) = self.last.as_mut() {
                    last.copies.extend(p.files.iter().cloned());
                }
                files.images.insert(p.doc.clone(), p.images);
                files.placed.insert(p.doc, p.files);
            }
        }
        files.photos.extend(fresh);
        site.attach_photos(&files.images);
        let renderer = Renderer::new(&site, &theme, options.inject.as_deref(), now);
        let no_fingerprints = Fingerprints::new();
        let previous = self.last.as_ref().map_or(&no_fingerprints, |l| &l.pages);
        let rendered = match &edited {
            Some(edited) => renderer.render_edited(previous, edited)?,
            None => renderer.render(previous)?,
        };
        timings.lap("render");
        // From here on the folder changes: if this build fails, what it holds is not known any
        // more, and the next build starts from an empty folder.
        let mut last = self.last.take();
        let fingerprints = rendered.fingerprints;
        let pages: Vec<(PathBuf, Vec<u8>)> = rendered
            .pages
            .into_iter()
            .map(|p| (p.path, p.html.into_bytes()))
            .collect();
        let pages_rendered = pages.len();
        let mut written = pages.len();
        if let Some(output) = &output {
            write_all(output, &pages)?;
            drop(pages);
            if last.as_ref().map(|l| l.assets_hash) != Some(theme.assets_hash) {
                written += copy_static(&theme, output)?;
            }
            // A patched build changed no file beside the pages.
            if edited.is_none() {
                written += copy_attachments(&files.attachments, output)?;
            }
            timings.lap("write");
            pages_ready(&site.config.root);
        }
        // Every page with its fingerprint, and their order. A patched build (whose base came
        // with `last`) fingerprinted only the pages that can show its edits; the others, and
        // the order, are as the last build left them.
        let (order, page_fingerprints) = match last.as_mut().filter(|_| edited.is_some()) {
            Some(last) => {
                let mut pages = std::mem::take(&mut last.pages);
                pages.extend(fingerprints);
                (std::mem::take(&mut last.order), pages)
            }
            None => {
                let order = fingerprints.iter().map(|(p, _)| p.clone()).collect();
                (order, fingerprints.into_iter().collect::<Fingerprints>())
            }
        };
        // The sitemap, feeds and search index are fingerprinted like pages: in place, an
        // unchanged file is not written again, and one that is no longer produced (the feed of
        // a removed tag, a search shard) is deleted.
        let mut site_fingerprints = Fingerprints::new();
        let mut changed = Vec::new();
        if !options.check_only {
            let old = last.as_ref().map_or(&no_fingerprints, |l| &l.site_files);
            for (path, bytes) in site_files(&site, &theme, now, &order)? {
                let fingerprint = fingerprint::of(&bytes);
                if old.get(&path) != Some(&fingerprint) {
                    changed.push((path.clone(), bytes));
                }
                site_fingerprints.insert(path, fingerprint);
            }
        }
        written += changed.len();
        timings.lap("feeds");

        let report = BuildReport {
            posts: site.posts.len(),
            projects: site.projects.len(),
            pages: site.pages.len(),
            files: written,
            rendered: pages_rendered,
            photos: photo_sources(&files.photos).len(),
            photos_encoded,
            warnings: sorted(problems),
            duration: started.elapsed(),
            up_to_date: false,
            url_root: site.config.root.clone(),
            patched: edited.is_some(),
        };
        if let Some(output) = output {
            write_all(&output, &changed)?;
            // Only an in-place build deletes what the last one left and no longer belongs.
            let copies: HashSet<PathBuf> = match options.in_place {
                true => (files.placed.values().flatten().cloned())
                    .chain(files.attachments.iter().map(|(_, target)| target.clone()))
                    .chain(theme.static_files.keys().map(|rel| static_target(rel)))
                    .collect(),
                false => HashSet::new(),
            };
            if let Some(last) = &last {
                let stale = (last.pages.keys())
                    .filter(|p| !page_fingerprints.contains_key(*p))
                    .chain(
                        last.site_files
                            .keys()
                            .filter(|p| !site_fingerprints.contains_key(*p)),
                    )
                    .chain(last.copies.iter().filter(|p| !copies.contains(*p)));
                remove_stale(output.path(), stale);
            }
            timings.lap("finish");
            output.commit()?;
            timings.lap("swap");
            if let Some(inputs) = inputs {
                let counts = [report.posts, report.projects, report.pages, report.photos];
                // Not fatal: without a record the next build simply builds again.
                let warnings = &report.warnings.0;
                let _ = inputs.record(&cache_root, &options.output_dir(), counts, warnings);
                timings.lap("record");
            }
            // The cache keeps what this build used; a patched build used only some of it.
            if edited.is_none() {
                let used = processed.values().map(|p| p.key.clone()).collect();
                gallery::process::prune(&cache_dir, &used);
            }
            if options.in_place {
                self.last = Some(LastOutput {
                    pages: page_fingerprints,
                    order,
                    site_files: site_fingerprints,
                    copies,
                    assets_hash: theme.assets_hash,
                    base: patchable.then(|| Base {
                        site,
                        date: now.date(),
                        files,
                    }),
                });
            }
        }
        Ok(report)
    }

    /// The model, the files published beside the pages, and the photos to process and place:
    /// of every document, or in a patched build of the edited ones only (the others' are as
    /// the last build left them). `today` is the build's date, site-local.
    fn model(&mut self, config: config::Config, today: NaiveDate, canonical_root: &Path) -> Model {
        let options = &self.options;
        // The last build's model and files, taken: they come back only if this build succeeds.
        let base = (self.last.as_mut())
            .and_then(|last| last.base.take())
            .filter(|b| b.date == today);
        let changes = self.changes.take().filter(|_| options.in_place);
        let patched = match (base, changes) {
            (Some(mut base), Some(changes)) => base
                .site
                .patch(&options.root, options.drafts, &mut self.documents, &changes)
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
                let (site, mut problems) =
                    site::build(config, &options.root, options.drafts, &mut self.documents);
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

    /// The site's theme, loaded again only when its files changed.
    fn theme(&mut self, config: &config::Config) -> Result<Arc<Theme>, ThemeError> {
        let root = &self.options.root;
        let sources = theme::sources_fingerprint(root, &config.theme, config.language);
        if let Some((known, theme)) = &self.theme {
            if *known == sources {
                return Ok(Arc::clone(theme));
            }
        }
        let theme = Arc::new(theme::load(root, &config.theme, config.language)?);
        self.theme = Some((sources, Arc::clone(&theme)));
        Ok(theme)
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

fn sorted(ds: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics(ds);
    d.sort();
    d
}
