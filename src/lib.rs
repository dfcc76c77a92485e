//! tablica: an accessible, private static site generator for news and project pages.
//!
//! The pipeline: [`config`] and [`content`] load the site, [`site`] builds the model
//! (URLs, links between posts and projects, taxonomies), [`render`] turns it into pages
//! through the theme, and [`output`] writes them atomically.

pub mod diagnostics;
pub mod gallery;
