//! When a document is on the site: `publish:` (not before that time) and `expires:` (out of the
//! lists, feeds, search, sitemap and calendars after it; its own page stays, marked archival).
//!
//! Times are the site's local time, compared with the build's "now" (`TABLICA_NOW` in tests).
//! A date without a time means midnight for `publish:` (from the start of that day) and the end
//! of that day for `expires:` (`expires: 2026-12-31` is still current on 31 December).

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{NaiveDateTime, TimeDelta};

use crate::content::date::Date;
use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Documents;

use super::entry::{optional_date, Common, Kind};
use super::Entry;

/// A document's `publish:` and `expires:`, checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Schedule {
    pub publish: Option<Date>,
    pub expires: Option<Date>,
}

/// Where a document stands at the build's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timing {
    /// Published and not expired: on its page and in every list.
    Current,
    /// Its `publish:` time is still to come: out of the site (but for a preview build).
    Scheduled(Date),
    /// Its `expires:` time has passed: its page stays, marked archival, out of every list.
    Expired(Date),
}

impl Timing {
    /// Whether lists, feeds, the search, the sitemap and calendars leave it out.
    pub fn is_expired(self) -> bool {
        matches!(self, Timing::Expired(_))
    }
}

impl Schedule {
    /// The moment `expires:` takes effect: a date alone ends with its day.
    fn expiry(date: Date) -> NaiveDateTime {
        match date.has_time {
            true => date.local,
            false => date.local + TimeDelta::days(1),
        }
    }

    /// Where the document stands at `now` (site-local).
    pub fn timing(&self, now: NaiveDateTime) -> Timing {
        match (self.publish, self.expires) {
            (Some(p), _) if p.local > now => Timing::Scheduled(p),
            (_, Some(e)) if Self::expiry(e) <= now => Timing::Expired(e),
            _ => Timing::Current,
        }
    }

    /// The first of its times after `now`: a build made at `now` is out of date from then on.
    pub fn next_change(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let publish = self.publish.map(|d| d.local);
        let expires = self.expires.map(Self::expiry);
        publish
            .into_iter()
            .chain(expires)
            .filter(|t| *t > now)
            .min()
    }
}

/// The build's time (site-local), and whether it shows what is scheduled for later too (a
/// preview build).
#[derive(Debug, Clone, Copy)]
pub struct Moment {
    pub now: NaiveDateTime,
    pub preview: bool,
}

/// A document that is not simply current: scheduled for later, or expired. `tablica check`
/// lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timed {
    /// Its file, relative to the site root.
    pub file: PathBuf,
    pub title: String,
    pub timing: Timing,
}

/// What [`Moment::sift`] learnt about the whole site's timing.
#[derive(Debug, Default)]
pub struct Timetable {
    /// Every document scheduled or expired, in file order.
    pub timed: Vec<Timed>,
    /// The first time after the build's when a document is published or expires: the site
    /// must be built again then.
    pub next_change: Option<NaiveDateTime>,
}

impl Moment {
    /// Each entry to publish with its timing, and apart those scheduled for later (unless a
    /// preview), which are still checked against the others: the build that publishes them
    /// must not fail.
    pub(super) fn sift<K: Kind>(
        &self,
        entries: Vec<Arc<Entry<K>>>,
        table: &mut Timetable,
    ) -> Sifted<K> {
        let mut kept = Vec::with_capacity(entries.len());
        let mut later = Vec::new();
        for entry in entries {
            let timing = entry.schedule.timing(self.now);
            if let Some(next) = entry.schedule.next_change(self.now) {
                table.next_change = Some(table.next_change.map_or(next, |t| t.min(next)));
            }
            if timing != Timing::Current {
                table.timed.push(Timed {
                    file: entry.doc.path.clone(),
                    title: entry.title.clone(),
                    timing,
                });
            }
            match timing {
                Timing::Scheduled(_) if !self.preview => later.push(entry),
                _ => kept.push((entry, timing)),
            }
        }
        table.timed.sort_by(|a, b| a.file.cmp(&b.file));
        (kept, later)
    }
}

/// The entries to publish, with their timing, and those scheduled for later.
pub(super) type Sifted<K> = (Vec<(Arc<Entry<K>>, Timing)>, Vec<Arc<Entry<K>>>);

/// Reads and checks `publish:` and `expires:` of `doc`; `None` when one is wrong (reported).
pub(super) fn check<M>(
    doc: &Document<M>,
    common: &Common,
    problems: &mut Vec<Diagnostic>,
) -> Option<Schedule> {
    let publish = optional_date(doc, "publish", common.publish, problems);
    let expires = optional_date(doc, "expires", common.expires, problems);
    let schedule = Schedule {
        publish: publish.ok()?,
        expires: expires.ok()?,
    };
    if let (Some(p), Some(e)) = (schedule.publish, schedule.expires) {
        if Schedule::expiry(e) <= p.local {
            problems.push(
                Diagnostic::error(&doc.path, Documents::ExpiresBeforePublish)
                    .field("expires")
                    .at_line(doc.line_of("expires"))
                    .hint(Documents::ExpiresBeforePublishHint),
            );
            return None;
        }
    }
    Some(schedule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::date::parse;

    fn at(s: &str) -> NaiveDateTime {
        parse(s).expect("a date").local
    }

    fn schedule(publish: Option<&str>, expires: Option<&str>) -> Schedule {
        Schedule {
            publish: publish.map(|s| parse(s).expect("a date")),
            expires: expires.map(|s| parse(s).expect("a date")),
        }
    }

    #[test]
    fn publish_waits_for_its_minute_and_expires_ends_its_day() {
        let s = schedule(Some("2026-12-05 08:00"), Some("2026-12-31"));
        assert!(matches!(
            s.timing(at("2026-12-05 07:59")),
            Timing::Scheduled(_)
        ));
        assert_eq!(s.timing(at("2026-12-05 08:00")), Timing::Current);
        assert_eq!(s.timing(at("2026-12-31 23:59")), Timing::Current);
        assert!(s.timing(at("2027-01-01 00:00")).is_expired());
        assert_eq!(
            s.next_change(at("2026-12-01")),
            Some(at("2026-12-05 08:00"))
        );
        assert_eq!(
            s.next_change(at("2026-12-06")),
            Some(at("2027-01-01 00:00"))
        );
        assert_eq!(s.next_change(at("2027-01-01 00:00")), None);
        assert_eq!(
            Schedule::default().timing(at("2026-12-01")),
            Timing::Current
        );
    }
}
