//! Dates as editors write them in front matter.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone};

use crate::locale::catalogue::Content as M;
use crate::locale::msg;
use crate::locale::Message;

/// A date from front matter, optionally with a time of day (local to the site's time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub local: NaiveDateTime,
    pub has_time: bool,
}

impl Date {
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// "2026-11-24" or "2026-11-24T10:30:00" for templates.
    pub fn iso(&self) -> String {
        if self.has_time {
            self.local.format("%Y-%m-%dT%H:%M:%S").to_string()
        } else {
            self.local.format("%Y-%m-%d").to_string()
        }
    }

    /// RFC 3339 time with the offset of the site's time zone on that day, as feeds and
    /// structured data need it: "2026-11-24T00:00:00+01:00" (a date alone means midnight).
    /// A local time skipped by the spring change to summer time (02:30 on the last Sunday of
    /// March in Warsaw) means what the clocks show an hour later: 03:30, summer time.
    pub fn rfc3339(&self, tz: chrono_tz::Tz) -> String {
        self.zoned(tz).map_or_else(
            || format!("{}Z", self.local.format("%Y-%m-%dT%H:%M:%S")),
            |dt| dt.to_rfc3339(),
        )
    }

    /// The same time as RFC 2822 wants it, for RSS: "Tue, 24 Nov 2026 00:00:00 +0100".
    pub fn rfc2822(&self, tz: chrono_tz::Tz) -> String {
        self.zoned(tz).map_or_else(
            || format!("{} +0000", self.local.format("%a, %d %b %Y %H:%M:%S")),
            |dt| dt.to_rfc2822(),
        )
    }

    /// The time in the site's time zone (see [`Date::rfc3339`]).
    fn zoned(&self, tz: chrono_tz::Tz) -> Option<chrono::DateTime<chrono_tz::Tz>> {
        let hour = TimeDelta::hours(1);
        tz.from_local_datetime(&self.local).earliest().or_else(|| {
            let before = tz.from_local_datetime(&(self.local - hour)).earliest()?;
            Some(before + hour)
        })
    }
}

/// Parses `2026-11-24`, `2026-11-24 10:30`, `2026-11-24T10:30:00` and RFC 3339 with an offset
/// (the offset is dropped: times are read as local time of the site).
///
/// On failure returns a hint that shows the date in the right form where it can be guessed.
pub fn parse(s: &str) -> Result<Date, Message> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Date {
            local: d.and_time(NaiveTime::MIN),
            has_time: false,
        });
    }
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(Date {
                local,
                has_time: true,
            });
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(Date {
            local: dt.naive_local(),
            has_time: true,
        });
    }
    Err(guess_hint(s))
}

fn guess_hint(s: &str) -> Message {
    // 24.11.2026, 24/11/2026, 24-11-2026: day first, as written in Poland; or the year first
    // with a day the month does not have (2026-02-31). The time, if any, is left aside.
    let day = s.split([' ', 'T']).next().unwrap_or(s);
    let numbers: Option<Vec<i32>> = day
        .split(['.', '/', '-'])
        .map(|p| p.trim().parse().ok())
        .collect();
    let (y, m, d) = match numbers.as_deref() {
        Some(&[y, m, d]) if y > 999 => (y, m, d),
        Some(&[d, m, y]) if y > 999 => (y, m, d),
        _ => return M::DateForm.into(),
    };
    let (Ok(m), Ok(d)) = (u32::try_from(m), u32::try_from(d)) else {
        return M::DateForm.into();
    };
    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
        return msg!(M::DateAs, date = date.format("%Y-%m-%d").to_string());
    }
    let days = (28..=31)
        .rev()
        .find(|&last| NaiveDate::from_ymd_opt(y, m, last).is_some());
    match days {
        Some(days) if d > days => msg!(M::NoSuchDay, days = days),
        _ => M::DateForm.into(),
    }
}

/// The environment variable that fixes the build's "now" (site-local, in any form `date:`
/// accepts), for tests and reproducible builds.
pub const NOW_VAR: &str = "TABLICA_NOW";

/// The build's "now" in the site's time zone: `TABLICA_NOW` when it is set, else the clock.
pub fn now(tz: chrono_tz::Tz) -> Result<NaiveDateTime, String> {
    match std::env::var(NOW_VAR) {
        Ok(v) => parse(&v).map(|d| d.local).map_err(|hint| {
            msg!(M::NowNotADate, var = NOW_VAR, value = v, hint = hint).to_string()
        }),
        Err(_) => Ok(chrono::Utc::now().with_timezone(&tz).naive_local()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(
            parse("2026-11-24").map(|d| d.iso()),
            Ok("2026-11-24".into())
        );
        assert_eq!(
            parse("2026-11-24 10:30").map(|d| d.iso()),
            Ok("2026-11-24T10:30:00".into())
        );
        assert_eq!(
            parse("2026-11-24T10:30:00+01:00").map(|d| d.iso()),
            Ok("2026-11-24T10:30:00".into())
        );
    }

    #[test]
    fn rfc3339_carries_the_offset_of_the_day() {
        let warsaw = chrono_tz::Europe::Warsaw;
        for (written, rfc3339) in [
            ("2026-11-24", "2026-11-24T00:00:00+01:00"),
            ("2026-07-01 17:30", "2026-07-01T17:30:00+02:00"),
            // 02:30 on the last Sunday of March does not exist in Warsaw: the clocks jump
            // from 02:00 winter time (01:00Z) to 03:00 summer time.
            ("2026-03-29 02:30", "2026-03-29T03:30:00+02:00"),
            // 02:30 on the last Sunday of October happens twice: the first one counts.
            ("2026-10-25 02:30", "2026-10-25T02:30:00+02:00"),
        ] {
            let date = parse(written).expect("valid date");
            assert_eq!(date.rfc3339(warsaw), rfc3339, "{written}");
        }
    }

    #[test]
    fn polish_style_dates_get_a_corrected_hint() {
        let hint = parse("24.11.2026").expect_err("not ISO");
        assert!(hint.to_string().contains("`2026-11-24`"), "{hint}");
        assert!(parse("2026-02-30").is_err());
        assert!(parse("jutro")
            .expect_err("words")
            .to_string()
            .contains("YYYY-MM-DD"));
    }

    #[test]
    fn a_day_the_month_does_not_have_is_named_as_such() {
        for (impossible, days) in [
            ("31.02.2026", 28),
            ("2026-02-31", 28),
            ("30.02.2028 10:00", 29),
            ("2026-04-31T10:30", 30),
        ] {
            let hint = parse(impossible).expect_err("no such day").to_string();
            assert!(
                hint.contains("no such day") && hint.contains(&format!("has {days} days")),
                "{impossible}: {hint}"
            );
        }
        // A month that does not exist is not a day that does not exist.
        let hint = parse("2026-13-01").expect_err("no such month").to_string();
        assert!(hint.contains("YYYY-MM-DD"), "{hint}");
    }
}
