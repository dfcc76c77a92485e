//! What a build is asked to do ([`BuildOptions`]), what it reports ([`BuildReport`]) and how it
//! fails ([`BuildError`]).

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::Diagnostics;
use crate::render::theme::ThemeError;
use crate::render::RenderError;

use super::output::OutputError;

/// Where tablica keeps work between builds (processed photos), relative to the site root.
pub const CACHE_DIR: &str = ".tablica-cache";
/// The processed photos, in [`CACHE_DIR`] (the editor's thumbnails share them).
pub const IMAGE_CACHE: &str = "images";

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (the one holding `content/`).
    pub root: PathBuf,
    /// Where to write; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Include documents marked `draft: true`.
    pub drafts: bool,
    /// A preview for colleagues: drafts and documents scheduled for later included, a
    /// "PODGLĄD" banner on every page, `noindex`, and a robots.txt that disallows everything.
    pub preview: bool,
    /// Validate only: render in memory, write nothing.
    pub check_only: bool,
    /// With `check_only`: ask every link to another site whether it still leads somewhere
    /// (`check --external`; the only part of tablica that asks other sites).
    pub external_links: bool,
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
            preview: false,
            check_only: false,
            external_links: false,
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
    /// The documents scheduled for later or expired (not kept for a build up to date).
    pub timed: Vec<crate::site::schedule::Timed>,
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
    #[error("{}", content_errors(.0))]
    Content(Diagnostics),
    #[error("{}", crate::locale::msg!(crate::locale::catalogue::Templates::Prefix, error = .0.to_string()))]
    Theme(#[from] ThemeError),
    #[error("{0}")]
    Render(#[from] RenderError),
    #[error("{0}")]
    Output(#[from] OutputError),
    /// `TABLICA_NOW` is set but is not a date.
    #[error("{0}")]
    Now(String),
}

/// "1 error in the content", "3 errors in the content" (in the language of the run).
fn content_errors(ds: &Diagnostics) -> crate::locale::Message {
    crate::locale::msg!(
        crate::locale::catalogue::Cli::ContentErrors,
        errors = ds.error_count()
    )
}
