//! The stages of [`Builder::build_then`], each a method taking what the earlier ones made and
//! giving a typed result to the later ones.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDateTime;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::fingerprint;
use crate::gallery::process::Processed;
use crate::publish::redirects;
use crate::render::theme::Theme;
use crate::render::{Fingerprints, RenderOutcome, RenderedPage, Renderer};
use crate::site::{Entry, Kind};
use crate::{config, content, gallery};

use super::incremental::{Base, LastOutput};
use super::last_build::Inputs;
use super::output::Output;
use super::photos::{check_photos, photo_sources, place_photos};
use super::site_files::{
    copy_attachments, copy_static, remove_stale, site_files, static_target, write_all,
};
use super::{external_links, links};
use super::{sorted, BuildError, BuildOptions, BuildReport, Builder, Model, Timings, CACHE_DIR};

/// What every stage knows: the settings, the build's time, and where the site and its caches
/// are.
pub(super) struct Start {
    pub(super) config: Config,
    pub(super) now: NaiveDateTime,
    started: Instant,
    pub(super) cache_root: PathBuf,
    pub(super) canonical_root: PathBuf,
    /// A build that replaces its output records what it was made from, for the next one.
    inputs: Option<Inputs>,
}

impl Start {
    pub(super) fn new(options: &BuildOptions) -> Result<Self, BuildError> {
        let started = Instant::now();
        let root = &options.root;
        let config = config::load(root).map_err(|ds| BuildError::Content(sorted(ds)))?;
        let now = content::date::now(config.timezone).map_err(BuildError::Now)?;
        let inputs = (!options.check_only && !options.in_place).then(|| {
            let build_options = format!(
                "drafts={} preview={} inject={:?}",
                options.drafts, options.preview, options.inject
            );
            Inputs::of(root, &options.output_dir(), &build_options, now.date())
        });
        Ok(Start {
            config,
            now,
            started,
            cache_root: root.join(CACHE_DIR),
            canonical_root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            inputs,
        })
    }

    /// The report of the last build, when nothing it was made from has changed since.
    pub(super) fn up_to_date(&self, options: &BuildOptions) -> Option<BuildReport> {
        let last = (self.inputs.as_ref())
            .filter(|_| options.skip_unchanged)
            .and_then(|i| i.last_build(&self.cache_root, &options.output_dir(), self.now))?;
        Some(BuildReport {
            posts: last.posts,
            projects: last.projects,
            pages: last.pages,
            files: 0,
            rendered: 0,
            photos: last.photos,
            photos_encoded: 0,
            warnings: sorted(last.warnings),
            timed: Vec::new(),
            duration: self.started.elapsed(),
            up_to_date: true,
            url_root: self.config.root.clone(),
            patched: false,
        })
    }

    /// The report of a build that made `written` files, of which `rendered` pages.
    pub(super) fn report(
        &self,
        model: &mut Model,
        photos: &Photos,
        (rendered, written): (usize, usize),
    ) -> BuildReport {
        let site = &model.site;
        BuildReport {
            posts: site.posts.len(),
            projects: site.projects.len(),
            pages: site.pages.len(),
            files: written,
            rendered,
            photos: photo_sources(&model.files.photos).len(),
            photos_encoded: photos.encoded,
            warnings: sorted(std::mem::take(&mut model.problems)),
            timed: site.timetable.timed.clone(),
            duration: self.started.elapsed(),
            up_to_date: false,
            url_root: site.config.root.clone(),
            patched: model.edited.is_some(),
        }
    }
}

impl Model {
    /// Adds the settings' warnings, and stops the build when a document or photo named in
    /// one has errors.
    pub(super) fn check(&mut self) -> Result<(), BuildError> {
        let warnings = self.site.config.warnings.0.iter().cloned();
        self.problems.extend(warnings);
        let photos = self.files.photos.iter().chain(&self.fresh);
        let found: Vec<Diagnostic> = photos.flat_map(|p| p.problems.iter().cloned()).collect();
        self.problems.extend(found);
        self.errors()
    }

    /// Stops the build when an old address (`aliases:`) is also a page or an old address of
    /// another document. `pages`: the pages rendered now; `earlier`: in a patched build, those
    /// of the build it patches.
    pub(super) fn check_aliases<'a>(
        &mut self,
        pages: impl Iterator<Item = &'a PathBuf>,
        earlier: Option<&'a Fingerprints>,
    ) -> Result<(), BuildError> {
        let all = pages.chain(earlier.into_iter().flat_map(|f| f.keys()));
        let found = redirects::collisions(&self.site, all.map(PathBuf::as_path));
        self.problems.extend(found);
        self.errors()
    }

    /// Adds the problems of links within the site (see [`links`]), and stops the build when
    /// they are errors. `placed`: whether the photos are in the output.
    pub(super) fn check_links(
        &mut self,
        page_links: &[links::PageLinks],
        (pages, site_files): (&Pages, &SiteFiles),
        theme: &Theme,
        placed: bool,
    ) -> Result<(), BuildError> {
        if self.site.config.checks.broken_links.severity().is_none() {
            return Ok(());
        }
        let statics: Vec<PathBuf> = theme
            .static_files
            .keys()
            .map(|r| static_target(r))
            .collect();
        let files = &self.files;
        let all = (pages.fingerprints.keys())
            .chain(site_files.fingerprints.keys())
            .chain(&statics)
            .chain(files.attachments.iter().map(|(_, target)| target))
            .chain(files.placed.values().flatten());
        let output = links::Output {
            files: links::file_set(all),
            sources: self.link_sources(),
            photos_placed: placed,
        };
        let found = links::check(&self.site.config, page_links, &output);
        self.problems.extend(found);
        self.errors()
    }

    /// The document behind each page, with the links written in it, by the page's address
    /// below the root (`o-nas/`).
    pub(super) fn link_sources(&self) -> HashMap<&str, links::Source<'_>> {
        fn source<K: Kind>(e: &Entry<K>) -> (&str, links::Source<'_>) {
            let links = links::Source {
                file: &e.doc.path,
                links: &e.text.links,
            };
            (e.path.as_str(), links)
        }
        let site = &self.site;
        (site.posts.iter().map(|p| source(&p.entry)))
            .chain(site.projects.iter().map(|p| source(&p.entry)))
            .chain(site.pages.iter().map(|p| source(&p.entry)))
            .collect()
    }

    /// Adds the problems of the links to other sites (see [`external_links`]), asking each
    /// of them over the network, and stops when they are errors.
    pub(super) fn check_external_links(
        &mut self,
        found: &BTreeMap<String, Vec<external_links::Place>>,
        progress: bool,
    ) -> Result<(), BuildError> {
        let problems = external_links::check(&self.site.config, found, progress);
        self.problems.extend(problems);
        self.errors()
    }

    fn errors(&mut self) -> Result<(), BuildError> {
        match self.problems.iter().any(Diagnostic::is_error) {
            true => Err(BuildError::Content(sorted(std::mem::take(
                &mut self.problems,
            )))),
            false => Ok(()),
        }
    }
}

/// What the photo stage did.
pub(super) struct Photos {
    cache_dir: PathBuf,
    /// Every photo of the build, processed.
    processed: HashMap<PathBuf, Processed>,
    encoded: usize,
    /// False when photos could not be processed (left out with a warning): such a build is
    /// not patched later, the warning belongs to every build until the photo is mended.
    patchable: bool,
}

/// The pages of the site with their fingerprints, whether rendered now or not.
pub(super) struct Pages {
    /// Every page's file, in the order the sitemap lists them.
    order: Vec<PathBuf>,
    fingerprints: Fingerprints,
}

/// The whole-site files (sitemap, feeds, calendars, search index) with their fingerprints,
/// and those that changed since the last build.
pub(super) struct SiteFiles {
    pub(super) changed: Vec<(PathBuf, Vec<u8>)>,
    fingerprints: Fingerprints,
}

impl Builder {
    /// The output folder, unless the build only checks.
    pub(super) fn output(&self) -> Result<Option<Output>, BuildError> {
        let options = &self.options;
        if options.check_only {
            return Ok(None);
        }
        // The first build of a preview starts from an empty folder (pages of an earlier
        // session, drafts among them, must not stay); later ones update it in place.
        let in_place = options.in_place && self.last.is_some();
        let dir = options.output_dir();
        Ok(Some(Output::new(
            &dir,
            &options.root,
            in_place,
            options.replace_output,
        )?))
    }

    /// Processes (or, checking only, inspects) the new photos, places them in the output and
    /// gives each document its photos.
    pub(super) fn photos(
        &mut self,
        start: &Start,
        model: &mut Model,
        output: Option<&Output>,
    ) -> Result<Photos, BuildError> {
        let root = &start.canonical_root;
        let settings = &model.site.config.images;
        let cache_dir = start.cache_root.join(super::options::IMAGE_CACHE);
        let sources = photo_sources(&model.fresh);
        let (processed, problems, encoded) = if self.options.check_only {
            (HashMap::new(), check_photos(root, &sources, settings), 0)
        } else {
            self.process_photos(root, &sources, settings, &cache_dir)
        };
        let patchable = problems.is_empty();
        model.problems.extend(problems);
        model.errors()?;
        let fresh = std::mem::take(&mut model.fresh);
        let files = &mut model.files;
        if let Some(output) = output {
            let url_root = &model.site.config.root;
            let placed = place_photos(&fresh, &processed, &cache_dir, output, url_root)
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
        model.site.attach_photos(&files.images);
        Ok(Photos {
            cache_dir,
            processed,
            encoded,
            patchable,
        })
    }

    /// Renders the pages whose fingerprint changed since the last build (all of them in a
    /// build that replaces its output); of a patched build, those that can show its edits.
    /// Each page is handed to `each` as soon as it is rendered.
    pub(super) fn pages<T: Send>(
        &self,
        start: &Start,
        model: &Model,
        theme: &Theme,
        each: impl Fn(RenderedPage) -> Result<T, BuildError> + Sync,
    ) -> Result<RenderOutcome<T>, BuildError> {
        let inject = self.options.inject.as_deref();
        let renderer = Renderer::new(&model.site, theme, inject, start.now);
        let none = Fingerprints::new();
        let previous = self.last.as_ref().map_or(&none, |l| &l.pages);
        match &model.edited {
            Some(edited) => renderer.render_edited(previous, edited, each),
            None => renderer.render(previous, each),
        }
    }
}

/// Writes the rendered pages not written yet, and the theme's static files and the
/// attachments when they may have changed; how many files beside the pages it wrote.
pub(super) fn write_pages(
    output: &Output,
    pages: Vec<(PathBuf, Vec<u8>)>,
    theme: &Theme,
    model: &Model,
    last: Option<&LastOutput>,
) -> Result<usize, BuildError> {
    write_all(output, &pages)?;
    drop(pages);
    let mut written = 0;
    if last.map(|l| l.assets_hash) != Some(theme.assets_hash) {
        written += copy_static(theme, output)?;
    }
    // A patched build changed no file beside the pages.
    if model.edited.is_none() {
        written += copy_attachments(&model.files.attachments, output)?;
    }
    Ok(written)
}

impl Pages {
    /// Every page with its fingerprint, and their order. A patched build (whose base came
    /// with `last`) fingerprinted only the pages that can show its edits; the others, and the
    /// order, are as the last build left them.
    pub(super) fn all(
        fingerprints: Vec<(PathBuf, u64)>,
        patched: bool,
        last: Option<&mut LastOutput>,
    ) -> Self {
        match last.filter(|_| patched) {
            Some(last) => {
                let mut pages = std::mem::take(&mut last.pages);
                pages.extend(fingerprints);
                Pages {
                    order: std::mem::take(&mut last.order),
                    fingerprints: pages,
                }
            }
            None => Pages {
                order: fingerprints.iter().map(|(p, _)| p.clone()).collect(),
                fingerprints: fingerprints.into_iter().collect(),
            },
        }
    }
}

impl SiteFiles {
    /// The sitemap, feeds and search index, fingerprinted like pages: in place, an unchanged
    /// file is not written again, and one that is no longer produced (the feed of a removed
    /// tag, a search shard) is deleted. A build that only checks (`check_only`) makes them
    /// when the check of links, which follows addresses to them, is on; else only those made
    /// through the theme's templates, for their errors.
    pub(super) fn make(
        start: &Start,
        model: &Model,
        theme: &Theme,
        (pages, last): (&Pages, Option<&LastOutput>),
        check_only: bool,
    ) -> Result<Self, BuildError> {
        let mut files = SiteFiles {
            changed: Vec::new(),
            fingerprints: Fingerprints::new(),
        };
        let site = &model.site;
        if check_only && site.config.checks.broken_links.severity().is_none() {
            super::site_files::templated(site, theme, &pages.order)?;
            return Ok(files);
        }
        let none = Fingerprints::new();
        let old = last.map_or(&none, |l| &l.site_files);
        for (path, bytes) in site_files(site, theme, start.now, &pages.order)? {
            let fingerprint = fingerprint::of(&bytes);
            if old.get(&path) != Some(&fingerprint) {
                files.changed.push((path.clone(), bytes));
            }
            files.fingerprints.insert(path, fingerprint);
        }
        Ok(files)
    }
}

/// What a build made, for its last stage.
pub(super) struct Made {
    pub(super) model: Model,
    pub(super) theme: Arc<Theme>,
    pub(super) photos: Photos,
    pub(super) pages: Pages,
    pub(super) site_files: SiteFiles,
}

impl Builder {
    /// Writes the changed whole-site files, deletes what the last build left and no longer
    /// belongs, swaps the output in, records the build and keeps what the next one needs.
    pub(super) fn finish(
        &mut self,
        start: Start,
        made: Made,
        (output, last): (Output, Option<LastOutput>),
        report: &BuildReport,
        timings: &mut Timings,
    ) -> Result<(), BuildError> {
        let options = &self.options;
        let Made {
            model,
            theme,
            photos,
            pages,
            site_files,
        } = made;
        write_all(&output, &site_files.changed)?;
        // Only an in-place build deletes what the last one left and no longer belongs; a build
        // over the output before last keeps what it wrote and deletes the rest.
        let files = &model.files;
        let copies: HashSet<PathBuf> = match options.in_place || output.recycled() {
            true => (files.placed.values().flatten().cloned())
                .chain(files.attachments.iter().map(|(_, target)| target.clone()))
                .chain(theme.static_files.keys().map(|rel| static_target(rel)))
                .collect(),
            false => HashSet::new(),
        };
        output.keep(&copies);
        if let Some(last) = &last {
            let stale = (last.pages.keys())
                .filter(|p| !pages.fingerprints.contains_key(*p))
                .chain(
                    (last.site_files.keys()).filter(|p| !site_files.fingerprints.contains_key(*p)),
                )
                .chain(last.copies.iter().filter(|p| !copies.contains(*p)));
            remove_stale(output.path(), stale);
        }
        timings.lap("finish");
        let committed = output.commit()?;
        timings.lap("swap");
        if let Some(inputs) = start.inputs {
            let counts = [report.posts, report.projects, report.pages, report.photos];
            // Not fatal: without a record the next build simply builds again.
            let warnings = &report.warnings.0;
            let until = model.site.timetable.next_change;
            let output = committed.hash;
            let _ = inputs.record(&start.cache_root, output, (counts, until), warnings);
            timings.lap("record");
        }
        // The cache keeps what this build used; a patched build used only some of it.
        if model.edited.is_none() {
            let used = photos.processed.values().map(|p| p.key.clone()).collect();
            gallery::process::prune(&photos.cache_dir, &used);
        }
        if options.in_place {
            self.last = Some(LastOutput {
                pages: pages.fingerprints,
                order: pages.order,
                site_files: site_files.fingerprints,
                copies,
                assets_hash: theme.assets_hash,
                base: photos.patchable.then(|| Base {
                    site: model.site,
                    date: start.now.date(),
                    files: model.files,
                }),
            });
        } else {
            // Freed while the previous output is deleted (where it is not kept as the spare).
            drop((model, pages, site_files));
        }
        committed.removal.wait();
        timings.lap("removed");
        Ok(())
    }
}
