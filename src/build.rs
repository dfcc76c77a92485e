//! The build: load → model → photos → render → write, with every content problem collected
//! and the output swapped in only when everything succeeded.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::content::FileStamp;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint;
use crate::gallery::process::Processed;
use crate::gallery::{self, DocumentPhotos, Image};
use crate::last_build::Inputs;
use crate::output::{Output, OutputError};
use crate::render::{DocumentImages, Fingerprints, RenderError, Renderer, NOT_FOUND_FILE};
use crate::site::{DocumentCache, Site};
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
}

/// The files made from the whole site, as (output file, bytes): sitemap, robots.txt, the Atom
/// feeds, the calendar files of events and the search index. `pages` are the site's pages with
/// their fingerprints; `now` is the build's time, site-local.
fn site_files(
    site: &Site,
    theme: &Theme,
    now: NaiveDateTime,
    pages: &[(PathBuf, u64)],
) -> Vec<(PathBuf, Vec<u8>)> {
    let sitemap = feeds::sitemap(
        site,
        pages
            .iter()
            .filter(|(path, _)| path != Path::new(NOT_FOUND_FILE))
            .map(|(path, _)| url_path_of(path)),
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

/// What the last in-place build left in the output folder.
struct LastOutput {
    /// Pages and feeds with their fingerprints.
    files: Fingerprints,
    assets_hash: u64,
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
        }
    }

    /// Tells the builder that a file, or anything below a folder, changed, in case sizes and
    /// times did not (a watcher that lost events reports the whole `content/` folder).
    pub fn invalidate(&mut self, path: &Path) {
        self.documents.forget(path);
        self.photos.retain(|p, _| !p.starts_with(path));
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
            });
        }
        let (site, mut problems) = site::build(config, root, options.drafts, &mut self.documents);
        timings.lap("model");
        let attachments = attachments::find(&site, &mut problems);
        let photos = resolve_photos(&site, root, &mut problems);
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
            Some(Output::new(&options.output_dir(), root, in_place)?)
        };

        let cache_dir = cache_root.join("images");
        let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let sources: Vec<PathBuf> = {
            let mut set: Vec<PathBuf> = photos
                .iter()
                .flat_map(|(_, _, p)| p.cover.iter().chain(&p.gallery))
                .map(|p| p.source.clone())
                .collect();
            set.sort();
            set.dedup();
            set
        };
        let (processed, photo_problems, photos_encoded) = if options.check_only {
            let problems = check_photos(&canonical_root, &sources, &site.config.images);
            (HashMap::new(), problems, 0)
        } else {
            self.process_photos(&canonical_root, &sources, &site.config.images, &cache_dir)
        };
        problems.extend(photo_problems);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(BuildError::Content(sorted(problems)));
        }
        timings.lap("photos");
        let images = match &output {
            Some(output) => {
                place_photos(&photos, &processed, &cache_dir, output, &site.config.root)?
            }
            None => HashMap::new(),
        };
        let renderer = Renderer::new(&site, &theme, &images, options.inject.as_deref(), now);
        let no_fingerprints = Fingerprints::new();
        let previous = match &self.last {
            Some(last) if options.in_place => &last.files,
            _ => &no_fingerprints,
        };
        let rendered = renderer.render(previous)?;
        timings.lap("render");
        let mut fingerprints = rendered.fingerprints;
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
            if self.last.as_ref().map(|l| l.assets_hash) != Some(theme.assets_hash) {
                written += copy_static(&theme, output)?;
            }
            written += copy_attachments(&attachments, output)?;
            timings.lap("write");
            pages_ready(&site.config.root);
        }
        // The sitemap, feeds and search index are fingerprinted like pages: in place, an
        // unchanged file is not written again, and one that is no longer produced (the feed of
        // a removed tag, a search shard) is deleted.
        let mut changed = Vec::new();
        if !options.check_only {
            for (path, bytes) in site_files(&site, &theme, now, &fingerprints) {
                let fingerprint = fingerprint::of(&bytes);
                if previous.get(&path) != Some(&fingerprint) {
                    changed.push((path.clone(), bytes));
                }
                fingerprints.push((path, fingerprint));
            }
        }
        written += changed.len();
        timings.lap("feeds");

        if let Some(output) = output {
            write_all(&output, &changed)?;
            let files: Fingerprints = fingerprints.into_iter().collect();
            let last = self.last.take().filter(|_| options.in_place);
            if let Some(last) = &last {
                remove_stale(output.path(), &last.files, &files);
            }
            timings.lap("finish");
            output.commit()?;
            timings.lap("swap");
            if let Some(inputs) = inputs {
                let counts = [
                    site.posts.len(),
                    site.projects.len(),
                    site.pages.len(),
                    sources.len(),
                ];
                // Not fatal: without a record the next build simply builds again.
                let _ = inputs.record(&cache_root, &options.output_dir(), counts, &problems);
                timings.lap("record");
            }
            let used = processed.values().map(|p| p.key.clone()).collect();
            gallery::process::prune(&cache_dir, &used);
            self.last = Some(LastOutput {
                files,
                assets_hash: theme.assets_hash,
            });
        }
        Ok(BuildReport {
            posts: site.posts.len(),
            projects: site.projects.len(),
            pages: site.pages.len(),
            files: written,
            rendered: pages_rendered,
            photos: sources.len(),
            photos_encoded,
            warnings: sorted(problems),
            duration: started.elapsed(),
            up_to_date: false,
            url_root: site.config.root.clone(),
        })
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

/// Deletes the pages and feeds of the last build that this build no longer has.
fn remove_stale(dir: &Path, last: &Fingerprints, now: &Fingerprints) {
    for path in last.keys().filter(|p| !now.contains_key(*p)) {
        let _ = std::fs::remove_file(dir.join(path));
    }
}

/// Resolves and checks the photos of every document: (document path, URL path, photos).
fn resolve_photos(
    site: &Site,
    root: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String, DocumentPhotos)> {
    let Ok(root) = root.canonicalize() else {
        return Vec::new();
    };
    let mut all = Vec::new();
    for doc in site
        .documents()
        .filter(|d| d.cover.is_some() || d.gallery.is_some())
    {
        let (photos, ds) = gallery::resolve(&root, &doc, &site.config.images);
        problems.extend(ds);
        all.push((doc.path.to_path_buf(), doc.url_path.to_string(), photos));
    }
    all
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

/// Links the processed copies into each document's output folder.
fn place_photos(
    photos: &[(PathBuf, String, DocumentPhotos)],
    processed: &HashMap<PathBuf, Processed>,
    cache_dir: &Path,
    output: &Output,
    url_root: &str,
) -> Result<HashMap<PathBuf, DocumentImages>, BuildError> {
    photos
        .par_iter()
        .map(|(doc, url_path, p)| {
            let place = |photo: &gallery::Photo| -> Result<Option<Image>, BuildError> {
                let Some(done) = processed.get(&photo.source) else {
                    return Ok(None);
                };
                gallery::process::place(done, photo, cache_dir, output.path(), url_path, url_root)
                    .map(Some)
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
            Ok((doc.clone(), DocumentImages { cover, gallery }))
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

fn copy_static(theme: &theme::Theme, output: &Output) -> Result<usize, BuildError> {
    for (rel, file) in &theme.static_files {
        let bytes = file.read().map_err(|source| ThemeError::Read {
            path: rel.clone(),
            source,
        })?;
        output.write(&Path::new("assets").join(rel), &bytes)?;
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
