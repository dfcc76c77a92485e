//! The build: load → model → photos → render → write, with every content problem collected
//! and the output swapped in only when everything succeeded.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use rayon::prelude::*;

use crate::content::FileStamp;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint;
use crate::gallery::process::Processed;
use crate::gallery::{self, DocumentPhotos, Image};
use crate::last_build::Inputs;
use crate::output::{Output, OutputError};
use crate::render::{DocumentImages, Fingerprints, RenderError, Renderer, NOT_FOUND_FILE};
use crate::site::{DocumentCache, DocumentRef, Edited, Site};
use crate::theme::{Theme, ThemeError};
use crate::{attachments, config, events, feeds, ics, search, site, theme};

/// Where tablica keeps work between builds (processed photos), relative to the site root.
pub const CACHE_DIR: &str = ".tablica-cache";

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (the one holding `content/`).
    pub root: PathBuf,
    /// Where to write; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Include documents marked `draft: true`.
    pub drafts: bool,
    /// Validate only: render in memory, write nothing.
    pub check_only: bool,
    /// HTML appended before `</body>` of every page (live reload in `serve`).
    pub inject: Option<String>,
    /// Show a progress bar for long photo runs (only on a terminal).
    pub progress: bool,
    /// Update the output folder in place, rewriting only what changed since the last build of
    /// the same [`Builder`], instead of swapping in a complete new folder. For `serve`'s private
    /// folder; `public/` is always replaced whole.
    pub in_place: bool,
    /// Skip the build when its inputs and the output folder are as the last build into the
    /// same folder left them (every build that replaces its output records them, see
    /// `last_build`). `tablica build` skips, unless `--force`.
    pub skip_unchanged: bool,
    /// Replace the output folder even if it holds files tablica did not write (they are
    /// deleted). `build --replace-output`; `serve`, whose folder is in tablica's cache.
    pub replace_output: bool,
}

impl BuildOptions {
    /// Options to build the site at `root` into `<root>/public`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            drafts: false,
            check_only: false,
            inject: None,
            progress: false,
            in_place: false,
            skip_unchanged: false,
            replace_output: false,
        }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub posts: usize,
    pub projects: usize,
    pub pages: usize,
    /// Files written (HTML pages, feeds, assets, photos).
    pub files: usize,
    /// HTML pages rendered in this build (in place, only the changed ones).
    pub rendered: usize,
    pub photos: usize,
    /// Photos encoded in this build (the rest came from the cache).
    pub photos_encoded: usize,
    /// Warnings (a successful build has no errors).
    pub warnings: Diagnostics,
    pub duration: Duration,
    /// Nothing changed since the last build: nothing was built or written, and the counts
    /// and warnings are that build's.
    pub up_to_date: bool,
    /// The path the site lives under, from `base_url` (usually `/`).
    pub url_root: String,
    /// Only the documents reported changed were read again, and patched into the site model
    /// of the last build instead of building it again (see [`Builder::changed`]).
    pub patched: bool,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{} in the content", plural_errors(.0.error_count()))]
    Content(Diagnostics),
    #[error("theme: {0}")]
    Theme(#[from] ThemeError),
    #[error("{0}")]
    Render(#[from] RenderError),
    #[error("{0}")]
    Output(#[from] OutputError),
    /// `TABLICA_NOW` is set but is not a date.
    #[error("{0}")]
    Now(String),
}

fn plural_errors(n: usize) -> String {
    if n == 1 {
        "1 error".to_string()
    } else {
        format!("{n} errors")
    }
}

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
    photo_settings: Option<gallery::ImageSettings>,
    last: Option<LastOutput>,
    /// The theme of the last build, with the fingerprint of its sources.
    theme: Option<(u64, Arc<Theme>)>,
    /// The files reported changed since the last build, when they were reported.
    changes: Option<Vec<PathBuf>>,
}

/// The files made from the whole site, as (output file, bytes): sitemap, robots.txt, the Atom
/// feeds, the calendar files of events and the search index. `pages` are the files of the
/// site's pages; `now` is the build's time, site-local.
fn site_files(
    site: &Site,
    theme: &Theme,
    now: NaiveDateTime,
    pages: &[PathBuf],
) -> Vec<(PathBuf, Vec<u8>)> {
    let sitemap = feeds::sitemap(
        site,
        pages
            .iter()
            .filter(|path| *path != Path::new(NOT_FOUND_FILE))
            .map(|path| url_path_of(path)),
    );
    let t = &theme.translations;
    let labels = [
        t.text("search_kind_post"),
        t.text("project"),
        t.text("search_kind_page"),
    ];
    let calendar_name = format!("{} – {}", t.text("events"), site.config.title);
    [
        ("sitemap.xml".into(), sitemap),
        ("robots.txt".into(), feeds::robots(site)),
    ]
    .into_iter()
    .chain(feeds::atom_feeds(site))
    .chain(ics::files(site, now, &calendar_name))
    .map(|(path, text)| (path, text.into_bytes()))
    .chain(search::index_files(site, labels))
    .collect()
}

/// Writes files into the output, in parallel.
fn write_all(output: &Output, files: &[(PathBuf, Vec<u8>)]) -> Result<(), OutputError> {
    files
        .par_iter()
        .try_for_each(|(path, bytes)| output.write(path, bytes))
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

/// What a build made that a patched build can start from (see [`Builder::changed`]).
struct Base {
    site: Site,
    /// The build's date, site-local: on another day, events have moved.
    date: NaiveDate,
    files: Files,
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

/// The photos of one document, resolved from its front matter and checked.
struct ResolvedPhotos {
    /// The document's path, relative to the site root.
    doc: PathBuf,
    /// The URL path of its page.
    url_path: String,
    photos: DocumentPhotos,
    problems: Vec<Diagnostic>,
}

/// What the last in-place build left in the output folder.
struct LastOutput {
    /// The pages, with their fingerprints.
    pages: Fingerprints,
    /// The pages' files, in the order the sitemap lists them.
    order: Vec<PathBuf>,
    /// The sitemap, robots.txt, feeds, calendar files and search index, with their
    /// fingerprints.
    site_files: Fingerprints,
    /// Files copied as they are (photo copies, attachments, the theme's static files).
    copies: HashSet<PathBuf>,
    assets_hash: u64,
    /// That build's model and files, when the next build may patch them.
    base: Option<Base>,
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

    /// Tells the builder that a file, or anything below a folder, changed, in case sizes and
    /// times did not (a watcher that lost events reports the whole `content/` folder).
    pub fn invalidate(&mut self, path: &Path) {
        self.documents.forget(path);
        self.photos.retain(|p, _| !p.starts_with(path));
    }

    /// Tells the builder every file that changed since its last build (absolute paths, as a
    /// watcher reports them), and [invalidates](Self::invalidate) each. When they are all posts
    /// or pages edited in ways that keep the site's structure, the next in-place build reads
    /// only them and patches the last build's model (see [`Site::patch`]) instead of finding,
    /// checking and linking every document again. Files changed but not reported would be
    /// missed by that build: report all of them, or none and let the build look.
    pub fn changed(&mut self, paths: &[PathBuf]) {
        if paths.is_empty() {
            return;
        }
        for path in paths {
            self.invalidate(path);
        }
        let changes = self.changes.get_or_insert_with(Vec::new);
        changes.extend_from_slice(paths);
        changes.sort();
        changes.dedup();
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
        let now = events::now(config.timezone).map_err(BuildError::Now)?;
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
            site,
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
        let renderer = Renderer::new(&site, &theme, &files.images, options.inject.as_deref(), now);
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
            for (path, bytes) in site_files(&site, &theme, now, &order) {
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

    /// Processes the photos not already known from an earlier build of this builder.
    fn process_photos(
        &mut self,
        root: &Path,
        sources: &[PathBuf],
        settings: &gallery::ImageSettings,
        cache_dir: &Path,
    ) -> (HashMap<PathBuf, Processed>, Vec<Diagnostic>, usize) {
        // Other sizes or quality: what this builder remembers no longer applies (the cache
        // folder, keyed by content and settings, still answers for settings used before).
        if self.photo_settings.as_ref() != Some(settings) {
            self.photos.clear();
            self.photo_settings = Some(settings.clone());
        }
        let mut done = HashMap::new();
        let mut todo = Vec::new();
        for source in sources {
            let stamp = FileStamp::of(source);
            match (stamp, self.photos.get(source)) {
                (Some(stamp), Some((known, p)))
                    if *known == stamp && cache_dir.join(&p.key).is_dir() =>
                {
                    done.insert(source.clone(), p.clone());
                }
                _ => todo.push(source.clone()),
            }
        }
        let (fresh, problems, report) =
            gallery::process::process(root, &todo, settings, cache_dir, self.options.progress);
        for (source, p) in fresh {
            if let Some(stamp) = FileStamp::of(&source) {
                self.photos.insert(source.clone(), (stamp, p.clone()));
            }
            done.insert(source, p);
        }
        (done, problems, report.encoded)
    }
}

/// Deletes files (relative to `dir`) of the last build that this build no longer has.
fn remove_stale<'a>(dir: &Path, stale: impl Iterator<Item = &'a PathBuf>) {
    for path in stale {
        let _ = std::fs::remove_file(dir.join(path));
    }
}

/// Resolves and checks the photos of `docs` (of `site`), those that have any. `root` must be
/// canonical.
fn resolve_photos<'s>(
    docs: impl Iterator<Item = DocumentRef<'s>>,
    root: &Path,
    site: &Site,
) -> Vec<ResolvedPhotos> {
    docs.filter(|d| d.cover.is_some() || d.gallery.is_some())
        .map(|doc| {
            let (photos, problems) = gallery::resolve(root, &doc, &site.config.images);
            ResolvedPhotos {
                doc: doc.path.to_path_buf(),
                url_path: doc.url_path.to_string(),
                photos,
                problems,
            }
        })
        .collect()
}

/// Every photo file of `photos`, each once, in order.
fn photo_sources(photos: &[ResolvedPhotos]) -> Vec<PathBuf> {
    let mut set: Vec<PathBuf> = photos
        .iter()
        .flat_map(|p| p.photos.cover.iter().chain(&p.photos.gallery))
        .map(|p| p.source.clone())
        .collect();
    set.sort();
    set.dedup();
    set
}

/// `check` does not encode photos: it reads their headers to find unreadable and oversized ones.
fn check_photos(
    root: &Path,
    sources: &[PathBuf],
    settings: &gallery::ImageSettings,
) -> Vec<Diagnostic> {
    sources
        .par_iter()
        .filter_map(|source| {
            let problem = gallery::process::inspect(source, settings.max_pixels).err()?;
            let rel = source
                .canonicalize()
                .ok()?
                .strip_prefix(root.canonicalize().ok()?)
                .ok()?
                .to_path_buf();
            Some(
                Diagnostic::error(rel, problem)
                    .hint("open the photo in an image viewer and save it again as JPEG"),
            )
        })
        .collect()
}

/// The photos of one document placed in the output.
struct Placed {
    doc: PathBuf,
    images: DocumentImages,
    /// The files placed, relative to the output folder.
    files: Vec<PathBuf>,
}

/// Links the processed copies into each document's output folder.
fn place_photos(
    photos: &[ResolvedPhotos],
    processed: &HashMap<PathBuf, Processed>,
    cache_dir: &Path,
    output: &Output,
    url_root: &str,
) -> Result<Vec<Placed>, BuildError> {
    photos
        .par_iter()
        .map(|resolved| {
            let (url_path, p) = (&resolved.url_path, &resolved.photos);
            let mut files = Vec::new();
            let mut place = |photo: &gallery::Photo| -> Result<Option<Image>, BuildError> {
                let Some(done) = processed.get(&photo.source) else {
                    return Ok(None);
                };
                gallery::process::place(done, photo, cache_dir, output.path(), url_path, url_root)
                    .map(|(image, placed)| {
                        files.extend(placed);
                        Some(image)
                    })
                    .map_err(|source| {
                        BuildError::Output(OutputError::Io {
                            path: output.path().join(url_path),
                            source,
                        })
                    })
            };
            let cover = match &p.cover {
                Some(c) => place(c)?,
                None => None,
            };
            let mut gallery = Vec::with_capacity(p.gallery.len());
            for photo in &p.gallery {
                gallery.extend(place(photo)?);
            }
            Ok(Placed {
                doc: resolved.doc.clone(),
                images: DocumentImages { cover, gallery },
                files,
            })
        })
        .collect()
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

/// "aktualnosci/x/index.html" → "aktualnosci/x/".
fn url_path_of(file: &Path) -> &str {
    let s = file.to_str().unwrap_or("");
    s.strip_suffix("index.html").unwrap_or(s)
}

/// Where the theme's static file `rel` goes in the output.
fn static_target(rel: &Path) -> PathBuf {
    Path::new("assets").join(rel)
}

fn copy_static(theme: &theme::Theme, output: &Output) -> Result<usize, BuildError> {
    for (rel, file) in &theme.static_files {
        let bytes = file.read().map_err(|source| ThemeError::Read {
            path: rel.clone(),
            source,
        })?;
        output.write(&static_target(rel), &bytes)?;
    }
    Ok(theme.static_files.len())
}

fn copy_attachments(
    attachments: &[(PathBuf, PathBuf)],
    output: &Output,
) -> Result<usize, BuildError> {
    attachments.par_iter().try_for_each(|(source, target)| {
        let dest = output.path().join(target);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|source| OutputError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        std::fs::copy(source, &dest).map_err(|e| OutputError::Io {
            path: source.clone(),
            source: e,
        })?;
        Ok::<_, BuildError>(())
    })?;
    Ok(attachments.len())
}
