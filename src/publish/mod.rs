//! Whole-site files besides the themed pages, made from the finished model: the Atom feeds, sitemap
//! and robots.txt, the events' calendar files and the search index.

pub mod attachments;
pub mod feeds;
pub mod ics;
pub mod redirects;
pub mod search;
pub mod server;
