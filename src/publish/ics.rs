//! iCalendar files (RFC 5545): one beside each page that carries an event, for "add to
//! calendar", and the site's calendar feed of all events, for subscribing.
//!
//! Timed events are given in the site's time zone (`DTSTART;TZID=Europe/Warsaw:…`) with a
//! `VTIMEZONE` describing its rules, derived from the tz database; all-day events are dates
//! (`VALUE=DATE`) with the exclusive end calendars expect. Lines end with CRLF and are folded
//! at 75 octets, never inside a UTF-8 sequence.

use std::path::PathBuf;

use chrono::{
    Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Weekday,
};
use chrono_tz::{OffsetComponents, Tz};

use crate::content::date::Date;
use crate::render::calendar_path;
use crate::site::calendar::{self, Listed, Owner};
use crate::site::Site;

/// The longest a content line may be, in octets, without its line break.
const MAX_LINE: usize = 75;

/// Every calendar file of the site as (output file, text): one per event, beside its page,
/// and the calendar feed of all events named `feed_name`. None when the site has no events.
/// `now` (site-local) stamps events whose document gives no revision date.
pub fn files(site: &Site, now: NaiveDateTime, feed_name: &str) -> Vec<(PathBuf, String)> {
    let all = calendar::all(site);
    if all.is_empty() {
        return Vec::new();
    }
    let mut files: Vec<(PathBuf, String)> = all
        .iter()
        .map(|e| {
            let text = calendar(site, None, std::slice::from_ref(e), now);
            (PathBuf::from(e.ics_path()), text)
        })
        .collect();
    let listed: Vec<Listed> = all.iter().filter(|e| !e.archived).copied().collect();
    let feed = calendar(site, Some(feed_name), &listed, now);
    files.push((PathBuf::from(calendar_path(&site.config)), feed));
    files
}

/// A `VCALENDAR` of `events`, with the calendar's name when it is a feed.
fn calendar(site: &Site, name: Option<&str>, events: &[Listed], now: NaiveDateTime) -> String {
    let config = &site.config;
    let tz = config.timezone;
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!(
        "PRODID:-//tablica//tablica {}//{}",
        env!("CARGO_PKG_VERSION"),
        config.language.code().to_uppercase()
    ));
    out.line("CALSCALE:GREGORIAN");
    if let Some(name) = name {
        out.line(&format!("X-WR-CALNAME:{}", escape_text(name)));
        out.line(&format!("X-WR-TIMEZONE:{}", tz.name()));
    }
    let timed = events.iter().filter(|e| !e.event.all_day);
    let years = timed.flat_map(|e| [Some(e.event.start), e.event.end].into_iter().flatten());
    let years = years.map(|d| d.local.year());
    if let (Some(first), Some(last)) = (years.clone().min(), years.max()) {
        vtimezone(&mut out, tz, first, last);
    }
    let host = config
        .origin()
        .split_once("://")
        .map_or(config.origin(), |(_, host)| host);
    for e in events {
        vevent(&mut out, site, host, e, now);
    }
    out.line("END:VCALENDAR");
    out.0
}

fn vevent(out: &mut Lines, site: &Site, host: &str, e: &Listed, now: NaiveDateTime) {
    let config = &site.config;
    let tz = config.timezone;
    let event = e.event;
    out.line("BEGIN:VEVENT");
    let id = format!("{}{}", config.root, e.path);
    out.line(&format!(
        "UID:{}@{host}",
        id.trim_matches('/').replace('/', "-")
    ));
    let revised = e
        .revised
        .map_or(now.date().and_time(NaiveTime::MIN), |d| d.local);
    out.line(&format!("DTSTAMP:{}", utc(tz, revised)));
    if event.all_day {
        let day = |d: NaiveDate| d.format("%Y%m%d").to_string();
        out.line(&format!("DTSTART;VALUE=DATE:{}", day(event.start.date())));
        out.line(&format!(
            "DTEND;VALUE=DATE:{}",
            day(event.end_exclusive_day())
        ));
    } else {
        let local = |d: Date| d.local.format("%Y%m%dT%H%M%S").to_string();
        out.line(&format!(
            "DTSTART;TZID={}:{}",
            tz.name(),
            local(event.start)
        ));
        if let Some(end) = event.end {
            out.line(&format!("DTEND;TZID={}:{}", tz.name(), local(end)));
        }
    }
    // The language of a text in another language than the site's (RFC 5545's LANGUAGE).
    let lang = match e.owner {
        Owner::Post(i) => site.posts[i].lang,
        Owner::Page(i) => site.pages[i].lang,
    };
    let lang = match lang == config.language {
        true => String::new(),
        false => format!(";LANGUAGE={}", lang.code()),
    };
    out.line(&format!("SUMMARY{lang}:{}", escape_text(e.title)));
    if !e.summary.is_empty() {
        out.line(&format!("DESCRIPTION{lang}:{}", escape_text(e.summary)));
    }
    if let Some(location) = event.location() {
        out.line(&format!("LOCATION:{}", escape_text(&location)));
    }
    out.line(&format!("URL:{}", config.permalink(e.path)));
    out.line("END:VEVENT");
}

/// A site-local time as UTC in iCalendar form: `20261205T160000Z`.
fn utc(tz: Tz, local: NaiveDateTime) -> String {
    let instant = match tz.from_local_datetime(&local).earliest() {
        Some(t) => t.naive_utc(),
        // Skipped by a daylight-saving change: an hour later certainly exists.
        None => local - tz.offset_from_utc_datetime(&local).fix(),
    };
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
/// Other control characters are not allowed in content lines and are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines, each folded and ended with CRLF.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Adds a content line, folded so that no physical line is over 75 octets: a
    /// continuation line starts with a space, and a character is never split.
    fn line(&mut self, line: &str) {
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > MAX_LINE {
                self.0.push_str("\r\n ");
                used = 1;
            }
            self.0.push(c);
            used += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }
}

/// A change of a zone's offset: its instant in UTC, the offsets before and after, whether
/// the new one is daylight-saving time, and its abbreviation.
#[derive(Debug, Clone, PartialEq)]
struct Transition {
    utc: NaiveDateTime,
    from: FixedOffset,
    to: FixedOffset,
    daylight: bool,
    name: String,
}

impl Transition {
    /// The wall-clock time of the change in the offset before it (as `DTSTART` gives it).
    fn local(&self) -> NaiveDateTime {
        self.utc + self.from
    }

    /// The yearly rule it follows: (month, nth weekday of the month (-1 = last), weekday).
    fn rule(&self) -> (u32, i32, Weekday) {
        let day = self.local().date();
        let last = day
            .checked_add_signed(Duration::days(7))
            .is_none_or(|d| d.month() != day.month());
        let nth = if last {
            -1
        } else {
            (day.day() as i32 - 1) / 7 + 1
        };
        (day.month(), nth, day.weekday())
    }
}

/// The offset of `tz` at a UTC instant, with whether it is daylight-saving time and its name.
fn offset_at(tz: Tz, utc: NaiveDateTime) -> (FixedOffset, bool, String) {
    let o = tz.offset_from_utc_datetime(&utc);
    (o.fix(), !o.dst_offset().is_zero(), o.to_string())
}

/// The transitions of `tz` during `year`, found hour by hour and then to the minute.
fn transitions(tz: Tz, year: i32) -> Vec<Transition> {
    let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut t = start.and_time(NaiveTime::MIN);
    let mut before = offset_at(tz, t);
    while t.year() == year {
        let next = t + Duration::hours(1);
        let after = offset_at(tz, next);
        if after.0 != before.0 {
            let mut at = t + Duration::minutes(1);
            while offset_at(tz, at).0 == before.0 {
                at += Duration::minutes(1);
            }
            found.push(Transition {
                utc: at,
                from: before.0,
                to: after.0,
                daylight: after.1,
                name: after.2.clone(),
            });
        }
        (t, before) = (next, after);
    }
    found
}

/// The day of a yearly rule in `year`.
fn rule_day(year: i32, (month, nth, weekday): (u32, i32, Weekday)) -> Option<NaiveDate> {
    match nth {
        -1 => {
            let next_month = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            }?;
            let last = next_month.pred_opt()?;
            let back =
                (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
            Some(last - Duration::days(back.into()))
        }
        n => NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?),
    }
}

/// Writes the `VTIMEZONE` of `tz` valid for the years `first..=last`: yearly `STANDARD` and
/// `DAYLIGHT` rules when the zone follows the same ones every year (as Europe/Warsaw does),
/// else each change of those years on its own.
fn vtimezone(out: &mut Lines, tz: Tz, first: i32, last: i32) {
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", tz.name()));
    let template = transitions(tz, first);
    let yearly = !template.is_empty()
        && (first..=last + 1).all(|year| {
            let these = transitions(tz, year);
            these.len() == template.len()
                && these.iter().zip(&template).all(|(t, model)| {
                    (t.from, t.to, t.rule(), t.local().time())
                        == (model.from, model.to, model.rule(), model.local().time())
                        && rule_day(year, model.rule()) == Some(t.local().date())
                })
        });
    if yearly {
        for t in &template {
            let rule = t.rule();
            let anchor = rule_day(1970, rule).map_or(t.local(), |d| d.and_time(t.local().time()));
            let byday = format!("{}{}", rule.1, &rule.2.to_string()[..2].to_uppercase());
            let rrule = format!("FREQ=YEARLY;BYMONTH={};BYDAY={byday}", rule.0);
            observance(out, t, anchor, Some(&rrule));
        }
    } else {
        // What is in force at the start of the first year, then every change until the last.
        let start = NaiveDate::from_ymd_opt(first, 1, 1).map(|d| d.and_time(NaiveTime::MIN));
        if let Some(start) = start {
            let (offset, daylight, name) = offset_at(tz, start);
            let initial = Transition {
                utc: start - offset,
                from: offset,
                to: offset,
                daylight,
                name,
            };
            observance(out, &initial, initial.local(), None);
        }
        for t in (first..=last).flat_map(|year| transitions(tz, year)) {
            observance(out, &t, t.local(), None);
        }
    }
    out.line("END:VTIMEZONE");
}

fn observance(out: &mut Lines, t: &Transition, start: NaiveDateTime, rrule: Option<&str>) {
    let kind = if t.daylight { "DAYLIGHT" } else { "STANDARD" };
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
    if let Some(rule) = rrule {
        out.line(&format!("RRULE:{rule}"));
    }
    out.line(&format!("TZOFFSETFROM:{}", utc_offset(t.from)));
    out.line(&format!("TZOFFSETTO:{}", utc_offset(t.to)));
    out.line(&format!("TZNAME:{}", escape_text(&t.name)));
    out.line(&format!("END:{kind}"));
}

/// `+0100`, `-0330`, or with seconds when the offset has them.
fn utc_offset(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(f: impl FnOnce(&mut Lines)) -> String {
        let mut out = Lines::default();
        f(&mut out);
        out.0
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a\\b;c,d\ne\r\u{7}"), "a\\\\b\\;c\\,d\\ne");
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let value = "Źdźbło ".repeat(30);
        let text = text_of(|out| out.line(&format!("SUMMARY:{value}")));
        assert!(text.ends_with("\r\n"));
        for line in text.trim_end_matches("\r\n").split("\r\n") {
            assert!(line.len() <= MAX_LINE, "{} octets: {line}", line.len());
        }
        assert_eq!(text.replace("\r\n ", ""), format!("SUMMARY:{value}\r\n"));
    }

    #[test]
    fn warsaw_follows_the_european_rules() {
        let text = text_of(|out| vtimezone(out, chrono_tz::Europe::Warsaw, 2026, 2027));
        let expected = [
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Warsaw",
            "BEGIN:DAYLIGHT",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "END:STANDARD",
            "END:VTIMEZONE",
            "",
        ];
        assert_eq!(text, expected.join("\r\n"));
    }

    #[test]
    fn zones_without_daylight_saving_have_one_observance() {
        let text = text_of(|out| vtimezone(out, chrono_tz::Asia::Tokyo, 2026, 2026));
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1, "{text}");
        assert!(text.contains("TZOFFSETTO:+0900") && !text.contains("DAYLIGHT"));
    }

    #[test]
    fn local_times_become_utc() {
        let warsaw = chrono_tz::Europe::Warsaw;
        let t = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
        assert_eq!(utc(warsaw, t("2026-10-24 18:00")), "20261024T160000Z");
        assert_eq!(utc(warsaw, t("2026-10-25 18:00")), "20261025T170000Z");
    }
}
