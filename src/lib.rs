//! tablica: an accessible, private static site generator for news and project pages.
//!
//! The folders of `src/` are the stages of the pipeline; each uses only the stages before it
//! (`tests/architecture.rs` holds the order and checks it):
//!
//! 0. [`locale`]: Polish and English words, dates, money, plural forms, and the catalogue of
//!    every message the program shows ([`locale::catalogue`]), rendered in the user's language.
//! 1. Leaf utilities, used by every stage: [`diagnostics`] (problems with file, line, field
//!    and hint, carrying catalogue messages), `slug`, `url`
//!    (addresses, output files), `fingerprint` (hashes and file stamps for incremental
//!    builds) and `theme_names` (the built-in theme, and the ids and classes it keeps for
//!    itself).
//! 2. [`content`] finds the Markdown files and reads them: front matter ([`content::meta`],
//!    with every block editors write: event, video, photos), YAML, dates.
//! 3. [`config`] reads and checks `site.yaml` (with its accessibility, embed and image
//!    sections).
//! 4. [`markdown`] renders a text to sanitised HTML and checks it.
//! 5. [`gallery`] resolves, checks and processes photos named in front matter.
//! 6. [`site`] builds the model: every document checked and rendered into an entry (one
//!    generic `Entry<K>` for posts, projects and pages, the kind adding its own checks,
//!    address and fields), linked into posts, projects, pages, terms and years by typed ids,
//!    each with its photos; [`site::DocumentCache`] keeps entries between builds of a preview.
//! 7. `render` turns the model into pages through the theme: one route table (`routes`:
//!    each page kind with its template, pages, address, context and fingerprint), typed
//!    contexts (`context`, `pages`, `views`), pagination, page fingerprints (`stamps`),
//!    JSON-LD.
//! 8. [`publish`] makes the whole-site files: Atom feeds, sitemap, robots.txt, calendars,
//!    the search index, and the linked documents to copy.
//! 9. [`build`] runs the stages (photos, pages, site files, in-place rebuilds) and writes
//!    the output atomically ([`build::output`]); [`serve`] runs it again on every change for
//!    a live preview, and [`scaffold`] creates a new site.
//! 10. [`deploy`] sends the built site to the server (SFTP, FTPS, Git, a folder),
//!     incrementally and in an order that keeps the live site whole.
//! 11. [`import`] moves a site in from WordPress: its export read, its posts and pages
//!     written as documents with their photos, and a report of what needs a person.

#![forbid(unsafe_code)]

pub mod build;
pub mod config;
pub mod content;
pub mod deploy;
pub mod diagnostics;
mod fingerprint;
pub mod gallery;
pub mod import;
pub mod locale;
pub mod markdown;
pub mod publish;
pub(crate) mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub(crate) mod slug;
mod theme_names;
mod url;
