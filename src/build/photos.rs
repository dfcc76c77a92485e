//! The photo stage of a build: photos named in front matter resolved and checked, processed (or
//! taken from the cache) and placed in the output.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::DocumentRef;
use crate::diagnostics::Diagnostic;
use crate::fingerprint::FileStamp;
use crate::gallery::process::Processed;
use crate::gallery::{self, DocumentPhotos, Image};
use crate::render::DocumentImages;
use crate::site::Site;

use super::output::{Output, OutputError};
use super::{BuildError, Builder};

/// The photos of one document, resolved from its front matter and checked.
pub(super) struct ResolvedPhotos {
    /// The document's path, relative to the site root.
    pub(super) doc: PathBuf,
    /// The URL path of its page.
    url_path: String,
    pub(super) photos: DocumentPhotos,
    pub(super) problems: Vec<Diagnostic>,
}

/// Resolves and checks the photos of `docs` (of `site`), those that have any. `root` must be
/// canonical.
pub(super) fn resolve_photos<'s>(
    docs: impl Iterator<Item = DocumentRef<'s>>,
    root: &Path,
    site: &Site,
) -> Vec<ResolvedPhotos> {
    docs.filter(|d| d.cover.is_some() || d.gallery.is_some() || !d.text_photos.is_empty())
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
pub(super) fn photo_sources(photos: &[ResolvedPhotos]) -> Vec<PathBuf> {
    let mut set: Vec<PathBuf> = photos
        .iter()
        .flat_map(|p| p.photos.all())
        .map(|p| p.source.clone())
        .collect();
    set.sort();
    set.dedup();
    set
}

/// `check` does not encode photos: it reads their headers to find unreadable and oversized ones.
pub(super) fn check_photos(
    root: &Path,
    sources: &[PathBuf],
    settings: &crate::config::ImageSettings,
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
            Some(Diagnostic::error(rel, problem).hint(crate::locale::catalogue::Photos::ResaveHint))
        })
        .collect()
}

/// The photos of one document placed in the output.
pub(super) struct Placed {
    pub(super) doc: PathBuf,
    pub(super) images: DocumentImages,
    /// The files placed, relative to the output folder.
    pub(super) files: Vec<PathBuf>,
}

/// Links the processed copies into each document's output folder.
pub(super) fn place_photos(
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
                gallery::place(done, photo, cache_dir, output.path(), url_path, url_root)
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
            let mut text = Vec::with_capacity(p.text.len());
            for photo in &p.text {
                text.push(place(photo)?);
            }
            Ok(Placed {
                doc: resolved.doc.clone(),
                images: DocumentImages {
                    cover,
                    gallery,
                    text,
                },
                files,
            })
        })
        .collect()
}

impl Builder {
    /// Processes the photos not already known from an earlier build of this builder.
    pub(super) fn process_photos(
        &mut self,
        root: &Path,
        sources: &[PathBuf],
        settings: &crate::config::ImageSettings,
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
