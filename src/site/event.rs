//! Events: the `event:` block of posts and pages checked into an [`Event`], the site's events
//! listed by start and split into upcoming and past, and their dates as readers see them.
//!
//! A static site shows "upcoming" as of its build: [`now`] is the build's clock (or
//! `TABLICA_NOW`), so a site with events should be rebuilt daily.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::content::date::{self, Date};
use crate::content::meta::event::EventSpec;
use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::{Content, Documents};
use crate::locale::{date_long, day_month, msg, Lang, Message};

/// A checked event. Dates are local to the site's time zone; all-day events have dates only.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub start: Date,
    pub end: Option<Date>,
    pub all_day: bool,
    pub place: Option<String>,
    pub address: Option<String>,
    pub registration: Option<String>,
    pub price: Option<String>,
    pub free: bool,
}

impl Event {
    /// The last day the event takes place on.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).date()
    }

    /// Whether the event is still to come (or going on) on `today`.
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        self.last_day() >= today
    }

    /// Place and address on one line, as calendars show a location.
    pub fn location(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.place, &self.address]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The day after an all-day event's last day: the exclusive end calendars expect.
    pub fn end_exclusive_day(&self) -> NaiveDate {
        self.last_day() + Duration::days(1)
    }
}

/// When an event takes place, in the site's language: "5 grudnia 2026, 17:00–19:00",
/// "5–7 grudnia 2026", "30 listopada, 10:00 – 2 grudnia 2026, 14:00".
pub fn when(lang: Lang, event: &Event) -> String {
    let start = event.start.local;
    let time = |d: NaiveDateTime| d.format("%H:%M").to_string();
    match (event.all_day, event.end.map(|e| e.local)) {
        (true, None) => date_long(lang, start.date()),
        (true, Some(end)) => day_range(lang, start.date(), end.date()),
        (false, None) => format!("{}, {}", date_long(lang, start.date()), time(start)),
        (false, Some(end)) if end.date() == start.date() => format!(
            "{}, {}–{}",
            date_long(lang, start.date()),
            time(start),
            time(end)
        ),
        (false, Some(end)) => format!(
            "{}, {} – {}, {}",
            date_long(lang, start.date()),
            time(start),
            date_long(lang, end.date()),
            time(end)
        ),
    }
}

fn day_range(lang: Lang, a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        date_long(lang, a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), date_long(lang, b))
    } else if a.year() == b.year() {
        format!("{} – {}", day_month(lang, a), date_long(lang, b))
    } else {
        format!("{} – {}", date_long(lang, a), date_long(lang, b))
    }
}

/// Checks a document's `event:` block. Every problem is reported with the line of its field;
/// returns `None` when there was an error.
pub fn check<M>(
    doc: &Document<M>,
    spec: &EventSpec,
    problems: &mut Vec<Diagnostic>,
) -> Option<Event> {
    let before = problems.len();
    let problem = |field: &str, message: Message, hint: Documents| {
        Diagnostic::error(&doc.path, message)
            .field(format!("event.{field}"))
            .at_line(field_line(doc, field))
            .hint(hint)
    };
    let parse = |field: &str, value: &Option<String>, problems: &mut Vec<Diagnostic>| {
        let v = value.as_deref()?;
        date::parse(v)
            .map_err(|hint| {
                problems.push(
                    Diagnostic::error(&doc.path, msg!(Content::InvalidDate, value = v))
                        .field(format!("event.{field}"))
                        .at_line(field_line(doc, field))
                        .hint(hint),
                )
            })
            .ok()
    };
    let start = parse("start", &spec.start, problems);
    let end = parse("end", &spec.end, problems);
    if spec.start.is_none() {
        problems.push(problem(
            "start",
            Documents::EventNoStart.into(),
            Documents::EventNoStartHint,
        ));
    }
    let mut all_day = false;
    if let Some(start) = start {
        let timed_end = end.map(|e| e.has_time);
        all_day = spec.all_day.unwrap_or(!start.has_time);
        if all_day && spec.all_day.is_some() && (start.has_time || timed_end == Some(true)) {
            problems.push(
                problem(
                    "all_day",
                    Documents::AllDayTimes.into(),
                    Documents::AllDayTimesHint,
                )
                .with_severity(crate::diagnostics::Severity::Warning),
            );
        } else if !all_day && !start.has_time {
            problems.push(problem(
                "start",
                Documents::NeedsStartTime.into(),
                Documents::NeedsStartTimeHint,
            ));
        } else if timed_end.is_some_and(|t| t != start.has_time) {
            problems.push(problem(
                "end",
                Documents::MixedTimes.into(),
                Documents::MixedTimesHint,
            ));
        }
    }
    let (start, end) = match all_day {
        true => (start.map(day_only), end.map(day_only)),
        false => (start, end),
    };
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            problems.push(problem(
                "end",
                Documents::EndsBeforeStart.into(),
                Documents::EndsBeforeStartHint,
            ));
        }
    }
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let registration = text(&spec.registration);
    if let Some(link) = &registration {
        if !is_registration_link(link) {
            problems.push(problem(
                "registration",
                msg!(Documents::BadRegistration, link = link),
                Documents::BadRegistrationHint,
            ));
        }
    }
    let price = text(&spec.price);
    if price.is_some() && spec.free {
        problems.push(problem(
            "free",
            Documents::PriceAndFree.into(),
            Documents::PriceAndFreeHint,
        ));
    }
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(Event {
        start: start?,
        end,
        all_day,
        place: text(&spec.place),
        address: text(&spec.address),
        registration,
        price,
        free: spec.free,
    })
}

fn day_only(d: Date) -> Date {
    Date {
        local: d.date().and_time(NaiveTime::MIN),
        has_time: false,
    }
}

fn is_registration_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    rest.is_some_and(|r| !r.is_empty()) && !link.contains(char::is_whitespace)
}

/// The line of `event:`'s `field`, or of `event:` itself when the block is written on one line.
fn field_line<M>(doc: &Document<M>, field: &str) -> Option<usize> {
    doc.line_in("event", field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn doc(yaml: &str) -> Document<()> {
        Document {
            path: PathBuf::from("content/posts/x.md"),
            abs_path: PathBuf::new(),
            dir: PathBuf::new(),
            stem: "x".into(),
            meta: (),
            yaml: yaml.into(),
            yaml_line: 2,
            body: String::new(),
            body_line: 1,
        }
    }

    /// The `event:` of a front matter.
    fn spec_of(yaml: &str) -> EventSpec {
        #[derive(serde::Deserialize)]
        struct Front {
            event: EventSpec,
        }
        crate::content::yaml::from_str::<Front>(yaml)
            .expect("an event")
            .event
    }

    fn checked(yaml: &str) -> Result<Event, Vec<Diagnostic>> {
        let spec = spec_of(yaml);
        let mut problems = Vec::new();
        check(&doc(yaml), &spec, &mut problems).ok_or(problems)
    }

    #[test]
    fn dates_read_in_the_site_language() {
        let e = |yaml| checked(yaml).expect("valid event");
        let evening = e("event:\n  start: 2026-12-05 17:00\n  end: 2026-12-05 19:00\n");
        assert!(!evening.all_day);
        assert_eq!(when(Lang::Pl, &evening), "5 grudnia 2026, 17:00–19:00");
        assert_eq!(when(Lang::En, &evening), "5 December 2026, 17:00–19:00");
        let days = e("event: { start: 2026-11-30, end: 2026-12-02 }");
        assert!(days.all_day);
        assert_eq!(when(Lang::Pl, &days), "30 listopada – 2 grudnia 2026");
        assert_eq!(days.end_exclusive_day().to_string(), "2026-12-03");
        let one = e("event: { start: 2026-12-20 }");
        assert_eq!(when(Lang::Pl, &one), "20 grudnia 2026");
        assert_eq!(one.end_exclusive_day().to_string(), "2026-12-21");
        let fair = e("event: { start: 2026-06-05, end: 2026-06-07 }");
        assert_eq!(when(Lang::Pl, &fair), "5–7 czerwca 2026");
        let long = e("event: { start: 2026-12-30 10:00, end: 2027-01-02 14:00 }");
        assert_eq!(
            when(Lang::Pl, &long),
            "30 grudnia 2026, 10:00 – 2 stycznia 2027, 14:00"
        );
    }

    #[test]
    fn problems_name_the_field_and_its_line() {
        let errs =
            checked("title: A\nevent:\n  start: 2026-12-05 19:00\n  end: 2026-12-05 17:00\n")
                .expect_err("ends before");
        assert_eq!(errs[0].field.as_deref(), Some("event.end"));
        assert_eq!(errs[0].line, Some(5));
        let errs = checked("event:\n  start: 5.12.2026\n").expect_err("bad date");
        assert_eq!(errs[0].field.as_deref(), Some("event.start"));
        assert_eq!(errs[0].line, Some(3));
        assert!(errs[0]
            .hint
            .as_ref()
            .is_some_and(|h| h.to_string().contains("2026-12-05")));
        let errs = checked("event:\n  start: 2026-12-05 17:00\n  registration: www.example.org\n")
            .expect_err("bad link");
        assert_eq!(errs[0].field.as_deref(), Some("event.registration"));
        // Registration by phone is common: `tel:` is a link as good as `mailto:`.
        checked("event:\n  start: 2026-12-05 17:00\n  registration: tel:+48123456789\n")
            .expect("a phone link");
        let errs = checked("event:\n  start: 2026-12-05\n  price: 20 zł\n  free: true\n")
            .expect_err("both");
        assert_eq!(errs[0].field.as_deref(), Some("event.free"));
        let errs =
            checked("event:\n  start: 2026-12-05\n  end: 2026-12-05 19:00\n").expect_err("mixed");
        assert_eq!(errs[0].field.as_deref(), Some("event.end"));
        assert!(checked("event:\n  place: Klub\n").is_err());
    }

    #[test]
    fn all_day_may_be_forced_with_a_warning() {
        let mut problems = Vec::new();
        let yaml = "event:\n  start: 2026-12-05 10:00\n  all_day: true\n";
        let spec = spec_of(yaml);
        let e = check(&doc(yaml), &spec, &mut problems).expect("a warning only");
        assert!(e.all_day && !e.start.has_time);
        assert!(!problems[0].is_error());
    }

    #[test]
    fn upcoming_until_the_last_day() {
        let e = checked("event: { start: 2026-11-30, end: 2026-12-02 }").expect("valid");
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        assert!(e.is_upcoming(day("2026-12-02")));
        assert!(!e.is_upcoming(day("2026-12-03")));
    }
}
