//! tablica: an accessible, private static site generator for news and project pages.
//!
//! The pipeline: [`config`] and [`content`] load the site, [`site`] builds the model
//! (URLs, links between posts and projects, taxonomies), [`gallery`] processes photos,
//! [`render`] turns the model into pages through the [`theme`], and [`output`] writes them
//! atomically. [`build`] runs the whole pipeline; [`serve`] runs it again on every change for
//! a live preview.

pub mod accessibility;
pub mod attachments;
pub mod build;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod embed;
pub mod events;
pub mod feeds;
mod fingerprint;
pub mod gallery;
pub mod ics;
mod last_build;
pub mod locale;
pub mod markdown;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod structured_data;
pub mod theme;
mod theme_names;
mod url;
pub mod video;
