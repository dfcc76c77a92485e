//! Whole-site files besides the themed pages, made from the finished model: the Atom feeds, sitemap
//! and robots.txt, the events' calendar files and the search index.

pub(crate) mod attachments;
pub(crate) mod feeds;
pub(crate) mod ics;
pub(crate) mod redirects;
pub mod search;
pub(crate) mod server;
