//! Events end to end: the event box, the home page's upcoming events, the events page, the
//! calendar files (parsed with the `icalendar` crate) and the `Event` structured data.

mod common;

use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use common::*;
use icalendar::parser::{read_calendar, unfold, Component as Raw};
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike,
};
use serde_json::Value;
use tablica::build::{BuildOptions, Builder};

/// The Saturday before the end of summer time in 2026 (Sunday 25 October) and that Sunday.
const SATURDAY_BEFORE: &str = "2026-10-24 18:00";
const SUNDAY_AFTER: &str = "2026-10-25 18:00";

/// Posts and a page with events around 29 November 2026: past (October, November), today,
/// and upcoming (December), with text that needs escaping in iCalendar.
fn events_site() -> TestSite {
    let site = TestSite::new();
    site.post(
        "wigilia",
        "title: Wigilia dla osób samotnych\ndate: 2026-11-27\nsummary: |-\n  Wspólna kolacja; opłatek, kolędy i rozmowy \\ przy stole.\n  Zapraszamy wszystkie osoby, które święta spędzają same – zapewniamy transport z domu i z powrotem.\nevent:\n  start: 2026-12-20 16:00\n  end: 2026-12-20 19:00\n  place: Stołówka Szkoły Podstawowej nr 2\n  address: ul. Szkolna 4, 05-999 Jarzębinów\n  registration: mailto:wigilia@mops.example.org\n  free: true",
        "Tekst.",
    )
    .post(
        "warsztaty",
        "title: Warsztaty dla wolontariuszy\ndate: 2026-11-20\nevent:\n  start: 2026-12-05 10:00\n  end: 2026-12-05 14:00\n  place: Klub Seniora\n  registration: https://mops.example.org/zapisy/\n  price: 20 zł",
        "Tekst.",
    )
    .post(
        "dzis",
        "title: Dyżur prawnika\ndate: 2026-11-01\nevent:\n  start: 2026-11-29 09:00\n  end: 2026-11-29 11:00",
        "Tekst.",
    )
    .post(
        "sobota",
        &format!("title: Potańcówka sobotnia\ndate: 2026-10-01\nevent:\n  start: {SATURDAY_BEFORE}"),
        "Tekst.",
    )
    .post(
        "niedziela",
        &format!("title: Koncert niedzielny\ndate: 2026-10-02\nevent:\n  start: {SUNDAY_AFTER}"),
        "Tekst.",
    )
    .post(
        "zbiorka",
        "title: Zbiórka żywności\ndate: 2026-11-05\nevent:\n  start: 2026-11-10\n  end: 2026-11-12",
        "Tekst.",
    )
    .page(
        "jarmark",
        "title: Jarmark świąteczny\nsummary: Stoiska z rękodziełem podopiecznych.\nevent:\n  start: 2026-12-12\n  place: Rynek",
        "Tekst.",
    );
    site
}

/// Every JSON-LD script of a page, parsed.
fn json_lds(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    html.split(open)
        .skip(1)
        .map(|rest| {
            let body = &rest[..rest.find("</script>").expect("the script ends")];
            serde_json::from_str(body).unwrap_or_else(|e| panic!("JSON-LD: {e}\n{body}"))
        })
        .collect()
}

fn event_ld(html: &str) -> Value {
    json_lds(html)
        .into_iter()
        .find(|v| v["@type"] == "Event")
        .expect("an Event")
}

fn events_of(ics: &str) -> Vec<icalendar::Event> {
    let calendar = Calendar::from_str(ics).expect("the calendar parses");
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn by_summary<'a>(events: &'a [icalendar::Event], title: &str) -> &'a icalendar::Event {
    events
        .iter()
        .find(|e| e.get_summary() == Some(title))
        .unwrap_or_else(|| panic!("no event {title}"))
}

/// Raw lines (unfolded) of a calendar that start with `prefix`.
fn lines_with(ics: &str, prefix: &str) -> Vec<String> {
    unfold(ics)
        .split("\r\n")
        .filter(|l| l.starts_with(prefix))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_calendar_feed_is_valid_icalendar() {
    let site = events_site();
    site.build_at("2026-11-29");
    let ics = site.read("wydarzenia/kalendarz.ics");
    // CRLF only, no line over 75 octets, continuation lines start with a space.
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains(['\n', '\r']),
        "bare line ends"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "long lines are folded");
    let events = events_of(&ics);
    assert_eq!(events.len(), 7);
    // Escaped `;`, `,`, `\` and the newline come back as written, Polish letters intact.
    let wigilia = by_summary(&events, "Wigilia dla osób samotnych");
    assert_eq!(
        wigilia.get_description(),
        Some("Wspólna kolacja; opłatek, kolędy i rozmowy \\ przy stole.\nZapraszamy wszystkie osoby, które święta spędzają same – zapewniamy transport z domu i z powrotem.")
    );
    assert!(ics.contains("Wspólna kolacja\\; opłatek\\, kolędy i rozmowy \\\\ przy"));
    assert_eq!(
        wigilia.get_location(),
        Some("Stołówka Szkoły Podstawowej nr 2, ul. Szkolna 4, 05-999 Jarzębinów")
    );
    assert_eq!(
        wigilia.get_url(),
        Some("https://mops.example.org/aktualnosci/wigilia/")
    );
    assert_eq!(
        wigilia.get_uid(),
        Some("aktualnosci-wigilia@mops.example.org")
    );
    // DTSTAMP is UTC: the post's date, midnight in Warsaw.
    assert_eq!(
        wigilia.get_timestamp().map(|t| t.to_rfc3339()),
        Some("2026-11-26T23:00:00+00:00".into())
    );
    let unfolded = unfold(&ics);
    let calendar = read_calendar(&unfolded).expect("parses");
    let names = |p: &str| calendar.properties.iter().filter(|x| x.name == p).count();
    assert_eq!((names("VERSION"), names("PRODID")), (1, 1));
    // UIDs are unique.
    let mut uids: Vec<_> = events.iter().filter_map(|e| e.get_uid()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), 7);
}

#[test]
fn each_event_has_its_own_calendar_file_linked_from_its_page() {
    let site = events_site();
    site.build_at("2026-11-29");
    let html = site.read("aktualnosci/wigilia/index.html");
    assert!(html.contains("href=\"/aktualnosci/wigilia/wigilia.ics\""));
    assert!(html.contains("Dodaj do kalendarza (.ics)"));
    assert!(
        html.contains("20 grudnia 2026, 16:00–19:00"),
        "the date in Polish"
    );
    assert!(html.contains(">wigilia@mops.example.org</a>"));
    assert!(html.contains("bezpłatnie"));
    let one = events_of(&site.read("aktualnosci/wigilia/wigilia.ics"));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].get_summary(), Some("Wigilia dla osób samotnych"));
    // A static page's event too.
    let page = site.read("jarmark/index.html");
    assert!(page.contains("href=\"/jarmark/jarmark.ics\"") && page.contains("12 grudnia 2026"));
    assert_eq!(
        events_of(&site.read("jarmark/jarmark.ics"))[0].get_summary(),
        Some("Jarmark świąteczny")
    );
    // A site without events has no events page and no calendar.
    let plain = TestSite::new();
    plain.post("a", "title: A\ndate: 2026-11-01", "Tekst.");
    plain.build_ok();
    assert!(!plain.exists("wydarzenia/index.html") && !plain.exists("wydarzenia/kalendarz.ics"));
}

/// The UTC offset of a local time by the `VTIMEZONE`'s own yearly rules (`BYMONTH=m;BYDAY=-1SU`
/// or `nSU`), as a calendar program would resolve it, without a time-zone database.
fn offset_by_vtimezone(vtimezone: &Raw, local: NaiveDateTime) -> Duration {
    let prop = |c: &Raw, name: &str| {
        c.find_prop(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .val
            .as_str()
            .to_string()
    };
    let offset = |s: &str| {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let h: i64 = s[1..3].parse().expect("hours");
        let m: i64 = s[3..5].parse().expect("minutes");
        Duration::minutes(sign * (h * 60 + m))
    };
    // Each observance's onset in the year before and in the year of `local`, in local time.
    let mut onsets: Vec<(NaiveDateTime, Duration)> = Vec::new();
    for obs in &vtimezone.components {
        let start =
            NaiveDateTime::parse_from_str(&prop(obs, "DTSTART"), "%Y%m%dT%H%M%S").expect("DTSTART");
        let rule = prop(obs, "RRULE");
        let part = |key: &str| {
            rule.split(';')
                .find_map(|p| p.strip_prefix(key))
                .unwrap_or_else(|| panic!("{key} in {rule}"))
                .to_string()
        };
        assert_eq!(part("FREQ="), "YEARLY");
        let month: u32 = part("BYMONTH=").parse().expect("month");
        let byday = part("BYDAY=");
        assert!(byday.ends_with("SU"), "{byday}");
        let nth: i32 = byday.trim_end_matches("SU").parse().expect("nth");
        for year in [local.year() - 1, local.year()] {
            let day = if nth < 0 {
                let first_next = NaiveDate::from_ymd_opt(year, month + 1, 1).expect("date");
                let mut d = first_next.pred_opt().expect("date");
                while d.weekday() != Weekday::Sun {
                    d = d.pred_opt().expect("date");
                }
                d
            } else {
                NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, nth as u8)
                    .expect("date")
            };
            onsets.push((day.and_time(start.time()), offset(&prop(obs, "TZOFFSETTO"))));
        }
    }
    onsets.sort();
    onsets
        .iter()
        .rev()
        .find(|(onset, _)| *onset <= local)
        .map(|(_, o)| *o)
        .expect("an observance in force")
}

#[test]
fn times_are_right_on_both_sides_of_the_change_to_winter_time() {
    let site = events_site();
    site.build_at("2026-11-29");
    let ld = |post: &str| event_ld(&site.read(&format!("aktualnosci/{post}/index.html")));
    assert_eq!(ld("sobota")["startDate"], "2026-10-24T18:00:00+02:00");
    assert_eq!(ld("niedziela")["startDate"], "2026-10-25T18:00:00+01:00");

    let ics = site.read("wydarzenia/kalendarz.ics");
    assert_eq!(
        lines_with(&ics, "DTSTART;TZID=Europe/Warsaw:2026102"),
        [
            "DTSTART;TZID=Europe/Warsaw:20261024T180000",
            "DTSTART;TZID=Europe/Warsaw:20261025T180000"
        ]
    );
    let unfolded = unfold(&ics);
    let calendar = read_calendar(&unfolded).expect("parses");
    let vtimezone = calendar
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert_eq!(
        vtimezone.find_prop("TZID").map(|p| p.val.as_str()),
        Some("Europe/Warsaw")
    );
    let kinds: Vec<&str> = vtimezone
        .components
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(kinds, ["DAYLIGHT", "STANDARD"]);
    // By the calendar's own rules: 16:00 and 17:00 UTC.
    let utc = |local: &str| {
        let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("time");
        (local - offset_by_vtimezone(vtimezone, local))
            .format("%Y-%m-%dT%H:%MZ")
            .to_string()
    };
    assert_eq!(utc(SATURDAY_BEFORE), "2026-10-24T16:00Z");
    assert_eq!(utc(SUNDAY_AFTER), "2026-10-25T17:00Z");
    assert_eq!(utc("2026-03-28 18:00"), "2026-03-28T17:00Z");
    assert_eq!(utc("2026-03-29 18:00"), "2026-03-29T16:00Z");
    // And as the parser resolves the TZID with the tz database.
    let events = events_of(&ics);
    let start_utc = |title: &str| match by_summary(&events, title).get_start() {
        Some(DatePerhapsTime::DateTime(dt @ CalendarDateTime::WithTimezone { .. })) => {
            dt.try_into_utc().expect("resolves").to_rfc3339()
        }
        other => panic!("not a time with TZID: {other:?}"),
    };
    assert_eq!(
        start_utc("Potańcówka sobotnia"),
        "2026-10-24T16:00:00+00:00"
    );
    assert_eq!(start_utc("Koncert niedzielny"), "2026-10-25T17:00:00+00:00");
}

#[test]
fn all_day_events_are_dates_with_an_exclusive_end() {
    let site = events_site();
    site.build_at("2026-11-29");
    let ics = site.read("jarmark/jarmark.ics");
    assert_eq!(lines_with(&ics, "DTSTART"), ["DTSTART;VALUE=DATE:20261212"]);
    assert_eq!(lines_with(&ics, "DTEND"), ["DTEND;VALUE=DATE:20261213"]);
    assert!(!ics.contains("VTIMEZONE"), "dates need no time zone");
    let e = &events_of(&ics)[0];
    let date = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not a date: {other:?}"),
    };
    assert_eq!(date(e.get_start()), "2026-12-12");
    assert_eq!(date(e.get_end()), "2026-12-13");
    // Several days: the end is the day after the last one.
    let feed = events_of(&site.read("wydarzenia/kalendarz.ics"));
    let zbiorka = by_summary(&feed, "Zbiórka żywności");
    assert_eq!(date(zbiorka.get_end()), "2026-11-13");
    let ld = event_ld(&site.read("jarmark/index.html"));
    assert_eq!(ld["startDate"], "2026-12-12");
}

/// Titles of the event list items of a piece of HTML, in order.
fn listed(html: &str) -> Vec<String> {
    html.split("class=\"event-list__title\"><a href=\"")
        .skip(1)
        .filter_map(|s| {
            let s = &s[s.find("\">")? + 2..];
            Some(s[..s.find("</a>")?].to_string())
        })
        .collect()
}

#[test]
fn upcoming_and_past_events_split_at_the_build_date() {
    let site = events_site();
    site.build_at("2026-11-29");
    let home = site.read("index.html");
    assert!(home.contains("Nadchodzące wydarzenia"));
    // Today's event counts as upcoming; three are shown, earliest first.
    assert_eq!(
        listed(&home),
        [
            "Dyżur prawnika",
            "Warsztaty dla wolontariuszy",
            "Jarmark świąteczny"
        ]
    );
    assert!(home.contains("href=\"/wydarzenia/\""));

    let page = site.read("wydarzenia/index.html");
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"text/calendar\" title=\"Kalendarz wszystkich wydarzeń (.ics) – MOPS Testowo\" href=\"/wydarzenia/kalendarz.ics\">"
    ));
    let (upcoming, past) = page.split_once("id=\"past-heading\"").expect("past events");
    assert_eq!(
        listed(upcoming),
        [
            "Dyżur prawnika",
            "Warsztaty dla wolontariuszy",
            "Jarmark świąteczny",
            "Wigilia dla osób samotnych"
        ]
    );
    // Past events by month, newest first, under nominative month names.
    let november = past.find(">Listopad 2026</h3>").expect("November");
    let october = past.find(">Październik 2026</h3>").expect("October");
    assert!(november < october);
    assert_eq!(
        listed(past),
        [
            "Zbiórka żywności",
            "Koncert niedzielny",
            "Potańcówka sobotnia"
        ]
    );
    assert!(past.contains("10–12 listopada 2026"));

    // A month later everything is past; the home page lists nothing.
    site.build_at("2027-01-10");
    assert!(!site.read("index.html").contains("Nadchodzące wydarzenia"));
    let page = site.read("wydarzenia/index.html");
    assert!(page.contains("Nie ma teraz zaplanowanych wydarzeń."));
    let december = page.find(">Grudzień 2026</h3>").expect("December");
    assert!(december < page.find(">Listopad 2026</h3>").expect("November"));
}

#[test]
fn json_ld_of_an_event_is_complete() {
    let site = events_site();
    site.build_at("2026-11-29");
    let html = site.read("aktualnosci/wigilia/index.html");
    let scripts = json_lds(&html);
    let types: Vec<&str> = scripts.iter().filter_map(|v| v["@type"].as_str()).collect();
    assert_eq!(types, ["NewsArticle", "Event"]);
    let ld = event_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["name"], "Wigilia dla osób samotnych");
    assert_eq!(ld["startDate"], "2026-12-20T16:00:00+01:00");
    assert_eq!(ld["endDate"], "2026-12-20T19:00:00+01:00");
    assert_eq!(ld["location"]["name"], "Stołówka Szkoły Podstawowej nr 2");
    assert_eq!(ld["location"]["address"]["@type"], "PostalAddress");
    assert_eq!(ld["location"]["address"]["addressLocality"], "Jarzębinów");
    assert_eq!(
        ld["organizer"]["name"],
        "Miejski Ośrodek Pomocy Społecznej w Testowie"
    );
    assert_eq!(ld["offers"]["price"], 0);
    assert_eq!(ld["url"], "https://mops.example.org/aktualnosci/wigilia/");
    let paid = event_ld(&site.read("aktualnosci/warsztaty/index.html"));
    assert_eq!(paid["offers"]["price"], 20.0);
    assert_eq!(paid["offers"]["priceCurrency"], "PLN");
    assert_eq!(paid["offers"]["url"], "https://mops.example.org/zapisy/");
    // Pages without an event have none; the events page has the usual meta tags.
    let plain_post = site.read("aktualnosci/dzis/index.html");
    assert_eq!(json_lds(&plain_post).len(), 2);
    let events_page = site.read("wydarzenia/index.html");
    assert!(events_page
        .contains("<meta property=\"og:url\" content=\"https://mops.example.org/wydarzenia/\">"));
    assert!(events_page
        .contains("<link rel=\"canonical\" href=\"https://mops.example.org/wydarzenia/\">"));
}

#[test]
fn registration_by_phone_links_the_number() {
    let site = TestSite::new();
    site.page(
        "zapisy",
        "title: Zapisy\nevent:\n  start: 2026-12-05 10:00\n  registration: tel:+48221234567",
        "Zapisy telefoniczne.",
    );
    site.build_ok();
    let html = site.read("zapisy/index.html");
    let doc = scraper::Html::parse_document(&html);
    let link = scraper::Selector::parse(r#"a[href="tel:+48221234567"]"#).expect("selector");
    let texts: Vec<String> = doc.select(&link).map(|a| a.text().collect()).collect();
    assert_eq!(texts, ["+48221234567"], "{html}");
}

#[test]
fn bad_event_blocks_name_file_line_and_field() {
    let site = TestSite::new();
    site.post(
        "odwrotnie",
        "title: A\ndate: 2026-11-01\nevent:\n  start: 2026-12-05 19:00\n  end: 2026-12-05 17:00",
        "Tekst.",
    )
    .post(
        "data",
        "title: B\ndate: 2026-11-01\nevent:\n  start: 5.12.2026 17:00",
        "Tekst.",
    )
    .post(
        "klucz",
        "title: C\ndate: 2026-11-01\nevent:\n  start: 2026-12-05\n  miejsce: Klub",
        "Tekst.",
    )
    .page(
        "zapisy",
        "title: D\nevent:\n  start: 2026-12-05\n  registration: javascript:alert(1)",
        "Tekst.",
    );
    let err = site.build_err();
    assert!(
        err.contains(
            "content/posts/odwrotnie.md:6: field `event.end`: the event ends before it starts"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/posts/data.md:5: field `event.start`: `5.12.2026 17:00` is not a valid date"
        ),
        "{err}"
    );
    assert!(
        err.contains("content/posts/klucz.md:6: field `event.miejsce`: unknown field `miejsce`"),
        "{err}"
    );
    assert!(
        err.contains("content/pages/zapisy.md:5: field `event.registration`"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!site.exists("index.html"));
}

#[test]
fn incremental_builds_update_the_pages_that_list_a_changed_event() {
    // Far in the future, so the events are upcoming whatever the clock says.
    let site = TestSite::new();
    site.post(
        "wydarzenie",
        "title: Spotkanie\ndate: 2026-01-01\nevent:\n  start: 2099-05-05 17:00",
        "Tekst.",
    )
    .post("nowy", "title: Nowy wpis\ndate: 2026-06-01", "Tekst.")
    .post("nowszy", "title: Nowszy wpis\ndate: 2026-06-02", "Tekst.")
    .post("najnowszy", "title: Najnowszy\ndate: 2026-06-03", "Tekst.")
    .write(
        "content/site.yaml",
        &SITE_YAML.replace("posts_per_page: 2", "posts_per_page: 1"),
    );
    let mut options = BuildOptions::new(site.root());
    options.in_place = true;
    let mut builder = Builder::new(options);
    builder.build().expect("first build");
    assert!(site.read("index.html").contains("5 maja 2099, 17:00"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.post(
        "wydarzenie",
        "title: Spotkanie\ndate: 2026-01-01\nevent:\n  start: 2099-05-06 18:30",
        "Tekst zmieniony, żeby plik miał inną długość.",
    );
    let report = builder.build().expect("second build");
    assert!(
        report.rendered < 10,
        "only the affected pages: {}",
        report.rendered
    );
    assert!(site.read("index.html").contains("6 maja 2099, 18:30"));
    assert!(site
        .read("wydarzenia/index.html")
        .contains("6 maja 2099, 18:30"));
    assert!(site
        .read("wydarzenia/kalendarz.ics")
        .contains("20990506T183000"));
}
