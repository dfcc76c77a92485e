//! The `event:` block of posts and pages, as editors write it.

use serde::{Deserialize, Deserializer};

/// The `event:` block of a post or page, as editors write it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// Required: a date (an all-day event) or a date and time.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Inferred from `start` when not given: a date alone means all day.
    pub all_day: Option<bool>,
    /// The name of the place: "Klub Seniora „Pogodna Jesień”".
    pub place: Option<String>,
    /// The postal address on one line: "ul. Jarzębinowa 12, 05-999 Jarzębinów".
    pub address: Option<String>,
    /// Where to sign up: an http(s) address or a `mailto:` link.
    pub registration: Option<String>,
    /// The price as text ("20 zł"); a plain number is read as text too.
    #[serde(default, deserialize_with = "text_or_number")]
    pub price: Option<String>,
    #[serde(default)]
    pub free: bool,
}

fn text_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Value {
        Text(String),
        Integer(i64),
        Number(f64),
    }
    Ok(Option::<Value>::deserialize(d)?.map(|v| match v {
        Value::Text(s) => s,
        Value::Integer(n) => n.to_string(),
        Value::Number(n) => n.to_string(),
    }))
}
