//! schema.org structured data (JSON-LD) for search engines and link previews: a
//! `NewsArticle` on each post page, an `Event` on each page carrying one, and the
//! `Organization` on the home page.
//!
//! The JSON is built with serde_json, never by pasting text into a template, and written by
//! [`script_body`] so that no text in it can end the `<script>` element it is placed in.
//! A `<script type="application/ld+json">` element is a data block: browsers do not run it,
//! so the pages' Content-Security-Policy (`script-src 'self'`) does not apply to it.

use serde::Serialize;
use serde_json::{json, Map, Value};

/// A photo as link previews and structured data give it: an absolute URL and its size.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedImage {
    /// Absolute URL of the largest processed copy.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// The alternative text ("" when the photo is decorative).
    pub alt: String,
}

/// The organisation behind the site: the publisher of its news.
#[derive(Debug, Clone, Copy)]
pub struct Organization<'a> {
    pub name: &'a str,
    /// The site's address (`base_url`).
    pub url: &'a str,
    pub email: Option<&'a str>,
    pub telephone: Option<&'a str>,
    /// The postal address on one line, e.g. "ul. Jarzębinowa 12, 05-999 Jarzębinów".
    pub address: Option<&'a str>,
}

impl Organization<'_> {
    /// The organisation as publisher or author of an article: its name and URL only.
    fn reference(&self) -> Value {
        json!({ "@type": "Organization", "name": self.name, "url": self.url })
    }
}

/// A news post, as the `NewsArticle` of its page describes it.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    pub headline: &'a str,
    /// The summary; left out when empty.
    pub description: &'a str,
    /// The post's permalink.
    pub url: &'a str,
    /// RFC 3339 with the site's time-zone offset.
    pub published: &'a str,
    /// RFC 3339; the publication time when the post was never updated.
    pub modified: &'a str,
    /// The author named in the post; the publisher when `None`.
    pub author: Option<&'a str>,
    pub publisher: Organization<'a>,
    pub image: Option<&'a SharedImage>,
    /// The language code of the site ("pl", "en").
    pub language: &'a str,
}

/// The script body of a post page's `NewsArticle`.
pub fn news_article(article: &Article) -> String {
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("NewsArticle"));
    data.insert("headline".into(), json!(article.headline));
    if !article.description.is_empty() {
        data.insert("description".into(), json!(article.description));
    }
    data.insert("datePublished".into(), json!(article.published));
    data.insert("dateModified".into(), json!(article.modified));
    let author = match article.author {
        Some(name) => json!({ "@type": "Person", "name": name }),
        None => article.publisher.reference(),
    };
    data.insert("author".into(), author);
    data.insert("publisher".into(), article.publisher.reference());
    if let Some(image) = article.image {
        data.insert(
            "image".into(),
            json!({
                "@type": "ImageObject",
                "url": image.url,
                "width": image.width,
                "height": image.height,
            }),
        );
    }
    data.insert(
        "mainEntityOfPage".into(),
        json!({ "@type": "WebPage", "@id": article.url }),
    );
    data.insert("url".into(), json!(article.url));
    data.insert("inLanguage".into(), json!(article.language));
    script_body(&Value::Object(data))
}

/// An event, as the `Event` of its page describes it.
#[derive(Debug, Clone)]
pub struct EventData<'a> {
    pub name: &'a str,
    /// The summary; left out when empty.
    pub description: &'a str,
    /// The permalink of the page carrying the event.
    pub url: &'a str,
    /// RFC 3339 with the site's time-zone offset of that day, or a date for all-day events.
    pub start: String,
    pub end: Option<String>,
    pub place: Option<&'a str>,
    /// The postal address on one line.
    pub address: Option<&'a str>,
    pub registration: Option<&'a str>,
    /// The price as the editor wrote it ("20 zł").
    pub price: Option<&'a str>,
    pub free: bool,
    pub organizer: Organization<'a>,
    pub image: Option<&'a SharedImage>,
    pub language: &'a str,
}

/// The script body of an `Event`: an in-person, scheduled event organised by the site's
/// organisation, with its place and, when a price or `free` is given, an `Offer`.
pub fn event(event: &EventData) -> String {
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("Event"));
    data.insert("name".into(), json!(event.name));
    if !event.description.is_empty() {
        data.insert("description".into(), json!(event.description));
    }
    data.insert("startDate".into(), json!(event.start));
    if let Some(end) = &event.end {
        data.insert("endDate".into(), json!(end));
    }
    data.insert(
        "eventStatus".into(),
        json!("https://schema.org/EventScheduled"),
    );
    data.insert(
        "eventAttendanceMode".into(),
        json!("https://schema.org/OfflineEventAttendanceMode"),
    );
    if event.place.is_some() || event.address.is_some() {
        let mut place = Map::new();
        place.insert("@type".into(), json!("Place"));
        if let Some(name) = event.place.or(event.address) {
            place.insert("name".into(), json!(name));
        }
        if let Some(address) = event.address {
            place.insert("address".into(), postal_address(address));
        }
        data.insert("location".into(), Value::Object(place));
    }
    data.insert("organizer".into(), event.organizer.reference());
    let offer_url = event.registration.unwrap_or(event.url);
    let offer = match (event.free, event.price) {
        (true, _) => {
            Some(json!({ "@type": "Offer", "price": 0, "priceCurrency": "PLN", "url": offer_url }))
        }
        (false, Some(text)) => Some(match parse_price(text) {
            Some((price, currency)) => {
                json!({ "@type": "Offer", "price": price, "priceCurrency": currency, "url": offer_url })
            }
            None => json!({ "@type": "Offer", "description": text, "url": offer_url }),
        }),
        (false, None) => None,
    };
    if let Some(offer) = offer {
        data.insert("offers".into(), offer);
    }
    if let Some(image) = event.image {
        data.insert("image".into(), json!([image.url]));
    }
    data.insert("url".into(), json!(event.url));
    data.insert("inLanguage".into(), json!(event.language));
    script_body(&Value::Object(data))
}

/// The amount and currency of a price written as text: "20 zł" → (20, "PLN"), "12,50 EUR" →
/// (12.5, "EUR"). `None` when the text does not start with a number ("co łaska").
fn parse_price(text: &str) -> Option<(f64, &'static str)> {
    let text = text.trim();
    let number: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}'))
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let amount = number.trim_end_matches('.').parse::<f64>().ok()?;
    let currency = if text.contains("EUR") || text.contains('€') {
        "EUR"
    } else {
        "PLN"
    };
    Some((amount, currency))
}

/// The script body of the home page's `Organization`, with the contact details given.
pub fn organization(org: &Organization) -> String {
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("Organization"));
    data.insert("name".into(), json!(org.name));
    data.insert("url".into(), json!(org.url));
    if let Some(email) = org.email {
        data.insert("email".into(), json!(email));
    }
    if let Some(phone) = org.telephone {
        data.insert("telephone".into(), json!(phone));
    }
    if let Some(address) = org.address {
        data.insert("address".into(), postal_address(address));
    }
    script_body(&Value::Object(data))
}

/// A `PostalAddress` from an address on one line. The usual Polish form "street, 00-000 town"
/// is split into `streetAddress`, `postalCode` and `addressLocality`; any other form is kept
/// whole as `streetAddress`, since guessing its parts could only get them wrong.
fn postal_address(text: &str) -> Value {
    let text = text.trim();
    let split = text.rsplit_once(',').and_then(|(street, rest)| {
        let (code, town) = rest.trim().split_once(' ')?;
        is_postal_code(code).then(|| (street.trim(), code, town.trim()))
    });
    match split {
        Some((street, code, town)) if !street.is_empty() && !town.is_empty() => json!({
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": code,
            "addressLocality": town,
        }),
        _ => json!({ "@type": "PostalAddress", "streetAddress": text }),
    }
}

/// A Polish postal code: "05-999".
fn is_postal_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 6
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// Serialises JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&`
/// can only occur inside JSON strings, where they are written as `\u003c`, `\u003e` and
/// `\u0026`: the data means the same, and no text (a title with `</script>` or `<!--`) can
/// end the element early. The result is safe to insert into the page unescaped.
pub fn script_body(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOPS: Organization = Organization {
        name: "MOPS Testowo",
        url: "https://mops.example.org/",
        email: Some("mops@example.org"),
        telephone: Some("+48 22 555 01 10"),
        address: Some("ul. Jarzębinowa 12, 05-999 Jarzębinów"),
    };

    fn parse(body: &str) -> Value {
        serde_json::from_str(body).expect("valid JSON")
    }

    fn article<'a>(headline: &'a str, image: Option<&'a SharedImage>) -> Article<'a> {
        Article {
            headline,
            description: "Krótko.",
            url: "https://mops.example.org/aktualnosci/x/",
            published: "2026-11-24T00:00:00+01:00",
            modified: "2026-11-25T10:00:00+01:00",
            author: None,
            publisher: MOPS,
            image,
            language: "pl",
        }
    }

    #[test]
    fn markup_in_text_cannot_end_the_script_element() {
        let title = "</script><script>alert(1)</script> \"cytat\" & <!-- x";
        let body = news_article(&article(title, None));
        for raw in ['<', '>', '&'] {
            assert!(!body.contains(raw), "{raw} left raw in {body}");
        }
        assert!(body.contains("\\u003c/script\\u003e"), "{body}");
        assert_eq!(parse(&body)["headline"], title);
    }

    #[test]
    fn a_news_article_has_what_search_engines_need() {
        let image = SharedImage {
            url: "https://mops.example.org/aktualnosci/x/a-1600.jpg".into(),
            width: 1600,
            height: 900,
            alt: "Uczestnicy".into(),
        };
        let mut a = article("Warsztaty", Some(&image));
        a.author = Some("Anna Kowalska");
        let data = parse(&news_article(&a));
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "NewsArticle");
        assert_eq!(data["datePublished"], "2026-11-24T00:00:00+01:00");
        assert_eq!(data["dateModified"], "2026-11-25T10:00:00+01:00");
        assert_eq!(data["author"]["@type"], "Person");
        assert_eq!(data["author"]["name"], "Anna Kowalska");
        assert_eq!(data["publisher"]["@type"], "Organization");
        assert_eq!(data["publisher"]["url"], "https://mops.example.org/");
        assert_eq!(data["image"]["url"], image.url);
        assert_eq!(data["image"]["width"], 1600);
        assert_eq!(data["mainEntityOfPage"]["@id"], a.url);
        assert_eq!(data["inLanguage"], "pl");
        assert_eq!(data["description"], "Krótko.");
    }

    #[test]
    fn without_an_author_the_organisation_wrote_it() {
        let mut a = article("Bez autora", None);
        a.description = "";
        let data = parse(&news_article(&a));
        assert_eq!(data["author"]["@type"], "Organization");
        assert_eq!(data["author"]["name"], "MOPS Testowo");
        assert!(data.get("description").is_none());
        assert!(data.get("image").is_none());
    }

    #[test]
    fn the_organisation_has_its_contact_details() {
        let data = parse(&organization(&MOPS));
        assert_eq!(data["@type"], "Organization");
        assert_eq!(data["email"], "mops@example.org");
        assert_eq!(data["telephone"], "+48 22 555 01 10");
        assert_eq!(data["address"]["@type"], "PostalAddress");
        assert_eq!(data["address"]["streetAddress"], "ul. Jarzębinowa 12");
        assert_eq!(data["address"]["postalCode"], "05-999");
        assert_eq!(data["address"]["addressLocality"], "Jarzębinów");
        let bare = Organization {
            email: None,
            telephone: None,
            address: None,
            ..MOPS
        };
        let data = parse(&organization(&bare));
        assert!(data.get("email").is_none() && data.get("address").is_none());
    }

    fn event_data<'a>(start: &str, end: Option<&str>) -> EventData<'a> {
        EventData {
            name: "Wigilia dla osób samotnych",
            description: "Wspólna kolacja.",
            url: "https://mops.example.org/aktualnosci/wigilia/",
            start: start.into(),
            end: end.map(str::to_string),
            place: Some("Klub Seniora"),
            address: Some("ul. Długa 5, 00-950 Testowo"),
            registration: Some("mailto:zapisy@example.org"),
            price: None,
            free: true,
            organizer: MOPS,
            image: None,
            language: "pl",
        }
    }

    #[test]
    fn an_event_has_place_organizer_and_a_free_offer() {
        let data = parse(&event(&event_data(
            "2026-12-20T17:00:00+01:00",
            Some("2026-12-20T20:00:00+01:00"),
        )));
        assert_eq!(data["@type"], "Event");
        assert_eq!(data["startDate"], "2026-12-20T17:00:00+01:00");
        assert_eq!(data["endDate"], "2026-12-20T20:00:00+01:00");
        assert_eq!(data["eventStatus"], "https://schema.org/EventScheduled");
        assert_eq!(
            data["eventAttendanceMode"],
            "https://schema.org/OfflineEventAttendanceMode"
        );
        assert_eq!(data["location"]["@type"], "Place");
        assert_eq!(data["location"]["name"], "Klub Seniora");
        assert_eq!(data["location"]["address"]["postalCode"], "00-950");
        assert_eq!(data["organizer"]["name"], "MOPS Testowo");
        assert_eq!(data["offers"]["price"], 0);
        assert_eq!(data["offers"]["priceCurrency"], "PLN");
        assert_eq!(data["offers"]["url"], "mailto:zapisy@example.org");
    }

    #[test]
    fn prices_are_read_from_text_when_they_can_be() {
        assert_eq!(parse_price("20 zł"), Some((20.0, "PLN")));
        assert_eq!(parse_price("1 250,50 zł"), Some((1250.5, "PLN")));
        assert_eq!(parse_price("12.50 EUR"), Some((12.5, "EUR")));
        assert_eq!(parse_price("co łaska"), None);
        let mut e = event_data("2026-12-20", None);
        e.free = false;
        e.price = Some("dobrowolna składka");
        let data = parse(&event(&e));
        assert_eq!(data["offers"]["description"], "dobrowolna składka");
        assert!(data["offers"].get("price").is_none());
        assert!(data.get("endDate").is_none());
    }

    #[test]
    fn addresses_of_another_form_stay_whole() {
        for text in [
            "Rynek 1, Testowo",
            "Plac Wolności 3",
            "ul. Długa 5, 1234 Town",
        ] {
            assert_eq!(
                postal_address(text),
                json!({ "@type": "PostalAddress", "streetAddress": text })
            );
        }
        assert!(is_postal_code("00-950") && !is_postal_code("0-0950") && !is_postal_code("ab-cde"));
    }
}
