//! The site's events as a calendar: every event of posts and pages, earliest first, split into
//! upcoming and past and grouped by month. Read by the events page and the calendar files.

use chrono::{Datelike, NaiveDate};

use crate::content::date::Date;

use super::event::Event;
use super::{PageId, PostId, Site};

/// The document an event belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    Post(PostId),
    Page(PageId),
}

/// An event with what lists and calendars show of its document.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'a> {
    pub owner: Owner,
    pub title: &'a str,
    pub slug: &'a str,
    /// URL path of the document's page below the site root.
    pub path: &'a str,
    pub summary: &'a str,
    /// When the document was last revised, when it says so (a post's date or `updated`).
    pub revised: Option<Date>,
    pub event: &'a Event,
    /// Its document has expired: its page keeps the event and its calendar file, but the
    /// events page, the home page and the calendar feed leave it out.
    pub archived: bool,
}

impl Listed<'_> {
    /// The URL path of the event's own calendar file, beside its page: `aktualnosci/x/x.ics`.
    pub fn ics_path(&self) -> String {
        format!("{}{}.ics", self.path, self.slug)
    }
}

/// Every event of the site, earliest start first.
pub fn all(site: &Site) -> Vec<Listed<'_>> {
    let posts = site.posts.iter().enumerate().filter_map(|(i, p)| {
        Some(Listed {
            owner: Owner::Post(PostId::new(i)),
            title: &p.title,
            slug: &p.slug,
            path: &p.path,
            summary: &p.summary,
            revised: Some(p.updated.unwrap_or(p.date)),
            event: p.event.as_ref()?,
            archived: p.timing.is_expired(),
        })
    });
    let pages = site.pages.iter().enumerate().filter_map(|(i, p)| {
        Some(Listed {
            owner: Owner::Page(PageId::new(i)),
            title: &p.title,
            slug: &p.slug,
            path: &p.path,
            summary: &p.summary,
            revised: p.updated,
            event: p.event.as_ref()?,
            archived: p.timing.is_expired(),
        })
    });
    let mut events: Vec<Listed> = posts.chain(pages).collect();
    events.sort_by(|a, b| (a.event.start, a.title, a.path).cmp(&(b.event.start, b.title, b.path)));
    events
}

/// Splits the listed events (earliest first; not the archived) at `today`: the upcoming ones
/// earliest first, and the past ones latest first.
pub fn split<'a>(events: &[Listed<'a>], today: NaiveDate) -> (Vec<Listed<'a>>, Vec<Listed<'a>>) {
    let (upcoming, mut past): (Vec<_>, Vec<_>) = (events.iter())
        .filter(|e| !e.archived)
        .partition(|e| e.event.is_upcoming(today));
    past.reverse();
    (upcoming, past)
}

/// Past events (latest first) grouped by the year and month they started in.
pub fn by_month<'a>(past: &[Listed<'a>]) -> Vec<((i32, u32), Vec<Listed<'a>>)> {
    let mut months: Vec<((i32, u32), Vec<Listed>)> = Vec::new();
    for e in past {
        let key = (e.event.start.local.year(), e.event.start.local.month());
        match months.last_mut() {
            Some((k, list)) if *k == key => list.push(*e),
            _ => months.push((key, vec![*e])),
        }
    }
    months
}
