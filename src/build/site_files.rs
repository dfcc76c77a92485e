//! The whole-site files a build writes besides the pages (feeds, calendars, sitemap, search index),
//! and the copies of the theme's static files and of linked attachments.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::publish::{feeds, ics, redirects, search, server};
use crate::render::theme::{self, Theme, ThemeError};
use crate::render::{
    brand_stylesheet, RenderError, BRAND_DIR, NOT_FOUND_FILE, ROBOTS_FILE, SITEMAP_FILE,
    SITE_SIGNS_DIR,
};
use crate::site::Site;

use super::output::{Output, OutputError};
use super::BuildError;

/// The files made from the whole site, as (output file, bytes): sitemap, robots.txt, the Atom
/// feeds, the calendar files of events and the search index. `pages` are the files of the
/// site's pages; `now` is the build's time, site-local.
pub(super) fn site_files(
    site: &Site,
    theme: &Theme,
    now: NaiveDateTime,
    pages: &[PathBuf],
) -> Result<Vec<(PathBuf, Vec<u8>)>, RenderError> {
    let t = &theme.translations;
    let labels = [
        t.text("search_kind_post"),
        t.text("project"),
        t.text("search_kind_page"),
    ];
    // The two largest parts, side by side.
    let (files, index) = rayon::join(
        || templated(site, theme, pages),
        || search::index_files(site, labels),
    );
    let mut files = files?;
    let calendar_name = format!("{} – {}", t.text("events"), site.config.title);
    files.extend(
        (ics::files(site, now, &calendar_name).into_iter())
            .chain(server::files(site))
            .map(|(path, text)| (path, text.into_bytes()))
            .chain(index)
            .chain(picture_files(site))
            .chain(
                brand_stylesheet(&site.config).map(|(path, css)| (path.into(), css.into_bytes())),
            ),
    );
    Ok(files)
}

/// The whole-site files made through the theme's templates (sitemap, robots.txt, feeds, the
/// pages of old addresses), which a theme may override and so break: a build that only checks
/// makes these for their errors even when it needs no other whole-site file.
pub(super) fn templated(
    site: &Site,
    theme: &Theme,
    pages: &[PathBuf],
) -> Result<Vec<(PathBuf, Vec<u8>)>, RenderError> {
    let archived = site.archived_paths();
    let urls: Vec<String> = pages
        .iter()
        .filter(|path| *path != Path::new(NOT_FOUND_FILE))
        .map(|path| url_path_of(path))
        .filter(|url| !archived.contains(url.as_str()))
        .collect();
    let sitemap = feeds::sitemap(site, theme, urls.iter().map(String::as_str))?;
    Ok([
        (SITEMAP_FILE.into(), sitemap),
        (ROBOTS_FILE.into(), feeds::robots(site, theme)?),
    ]
    .into_iter()
    .chain(feeds::atom_feeds(site, theme)?)
    .chain(redirects::pages(site, theme)?)
    .map(|(path, text)| (path, text.into_bytes()))
    .collect())
}

/// The pictures (re-encoded when read): each project's own strip beside its page, the site's
/// signs under [`SITE_SIGNS_DIR`], its logo and favicon under [`BRAND_DIR`].
fn picture_files(site: &Site) -> impl Iterator<Item = (PathBuf, Vec<u8>)> + '_ {
    let own = (site.projects.iter()).filter_map(|p| {
        let strip = p.strip.as_ref()?;
        Some((Path::new(&p.path).join(&strip.name), &strip.picture))
    });
    let shared = [&site.pictures.eu, &site.pictures.state]
        .into_iter()
        .flatten()
        .map(|s| (Path::new(SITE_SIGNS_DIR).join(&s.name), &s.picture));
    let brand = [&site.pictures.logo, &site.pictures.favicon]
        .into_iter()
        .flatten()
        .map(|p| (Path::new(BRAND_DIR).join(&p.name), p));
    own.chain(shared)
        .chain(brand)
        .map(|(path, picture)| (path, picture.png.to_vec()))
}

/// Writes files into the output, in parallel.
pub(super) fn write_all(output: &Output, files: &[(PathBuf, Vec<u8>)]) -> Result<(), OutputError> {
    files
        .par_iter()
        .try_for_each(|(path, bytes)| output.write(path, bytes))
}

/// Deletes files (relative to `dir`) of the last build that this build no longer has.
pub(super) fn remove_stale<'a>(dir: &Path, stale: impl Iterator<Item = &'a PathBuf>) {
    for path in stale {
        let _ = std::fs::remove_file(dir.join(path));
    }
}

/// "aktualnosci/x/index.html" → "aktualnosci/x/", with `/` on Windows too.
fn url_path_of(file: &Path) -> String {
    let path = crate::url::slash_path(file);
    match path.strip_suffix("index.html") {
        Some(dir) => dir.to_string(),
        None => path,
    }
}

/// Where the theme's static file `rel` goes in the output.
pub(super) fn static_target(rel: &Path) -> PathBuf {
    Path::new("assets").join(rel)
}

pub(super) fn copy_static(theme: &theme::Theme, output: &Output) -> Result<usize, BuildError> {
    for (rel, file) in &theme.static_files {
        let bytes = file.read().map_err(|source| ThemeError::Read {
            path: rel.clone(),
            source,
        })?;
        output.write(&static_target(rel), &bytes)?;
    }
    Ok(theme.static_files.len())
}

pub(super) fn copy_attachments(
    attachments: &[(PathBuf, PathBuf)],
    output: &Output,
) -> Result<usize, BuildError> {
    attachments
        .par_iter()
        .try_for_each(|(source, target)| output.copy(source, target))?;
    Ok(attachments.len())
}
