//! The front matter of each kind of document, exactly as editors write it.

pub(crate) mod event;
pub(crate) mod fields;
pub(crate) mod marking;
pub(crate) mod photo;
pub(crate) mod video;

use std::hash::{Hash, Hasher};

use serde::Deserialize;

use event::EventSpec;
use marking::{Period, SignsSpec, StateBudget};
use photo::{GallerySpec, PhotoSpec};
use video::Videos;

/// Site-specific data for custom templates (`extra:`), as the templates see it: JSON values,
/// so that the YAML reader's own types stay in `content/yaml.rs`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, serde::Serialize)]
#[serde(transparent)]
pub struct Extra(pub serde_json::Map<String, serde_json::Value>);

/// By the JSON text, which has its keys in order: equal data, equal hash.
impl Hash for Extra {
    fn hash<H: Hasher>(&self, state: &mut H) {
        serde_json::to_string(&self.0)
            .unwrap_or_default()
            .hash(state);
    }
}

/// Front matter of a news post.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub summary: Option<String>,
    pub author: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub category: Option<String>,
    pub project: Option<String>,
    pub cover: Option<PhotoSpec>,
    pub gallery: Option<GallerySpec>,
    pub source: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub publish: Option<String>,
    pub expires: Option<String>,
    pub slug: Option<String>,
    /// Old addresses that lead here (after a move from another system), from the site's
    /// root: `/aktualnosci/stary-wpis/`. Checked in `site::alias`.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub extra: Extra,
    pub video: Option<Videos>,
    pub event: Option<EventSpec>,
    /// The language of the text when it is not the site's: `pl`, `en` or `uk`. Checked in
    /// `site::entry`, which reports a wrong one with its line.
    pub language: Option<String>,
    /// The address of the text this one translates (`/pomoc-dla-uchodzcow/`): the two pages
    /// link to each other. Checked in `site::translations`.
    pub translation_of: Option<String>,
}

/// Where a project stands.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectStatus {
    Ongoing,
    Planned,
    Finished,
}

/// The funding information block of a project.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    pub programme: Option<String>,
    pub fund: Option<String>,
    pub total_value: Option<f64>,
    pub eu_contribution: Option<f64>,
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The EU programming period: `2021-2027` (the default) or `2014-2020`.
    #[serde(default)]
    pub period: Period,
    /// The programme's own wording instead of "Dofinansowane przez Unię Europejską".
    pub wording: Option<String>,
    /// The programme's logo strip, from the project's folder.
    pub strip: Option<SignsSpec>,
    pub project_number: Option<String>,
    pub beneficiary: Option<String>,
    /// Show the `#FunduszeUE` hashtag.
    #[serde(default)]
    pub hashtag: bool,
}

impl Funding {
    /// Whether the EU pays a part: the project then carries the EU's marking.
    pub fn is_eu(&self) -> bool {
        self.fund.is_some() || self.eu_contribution.is_some() || self.strip.is_some()
    }
}

pub(crate) fn default_currency() -> String {
    "PLN".to_string()
}

/// A key figure such as "145 uczestników".
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub label: String,
    pub value: serde_json::Value,
}

/// A contact person.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Front matter of a project page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectMeta {
    pub title: Option<String>,
    pub slug: Option<String>,
    /// Old addresses that lead here (after a move from another system), from the site's
    /// root: `/aktualnosci/stary-wpis/`. Checked in `site::alias`.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub status: Option<ProjectStatus>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub organiser: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub funding: Option<Funding>,
    pub state_budget: Option<StateBudget>,
    pub participants: Option<u64>,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub results: Vec<String>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub contact: Option<Contact>,
    pub cover: Option<PhotoSpec>,
    pub gallery: Option<GallerySpec>,
    pub video: Option<Videos>,
    pub updated: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub publish: Option<String>,
    pub expires: Option<String>,
    #[serde(default)]
    pub extra: Extra,
    /// The language of the text when it is not the site's: `pl`, `en` or `uk`. Checked in
    /// `site::entry`, which reports a wrong one with its line.
    pub language: Option<String>,
    /// The address of the text this one translates (`/pomoc-dla-uchodzcow/`): the two pages
    /// link to each other. Checked in `site::translations`.
    pub translation_of: Option<String>,
}

/// Front matter of a static page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: Option<String>,
    pub slug: Option<String>,
    /// Old addresses that lead here (after a move from another system), from the site's
    /// root: `/aktualnosci/stary-wpis/`. Checked in `site::alias`.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub updated: Option<String>,
    pub cover: Option<PhotoSpec>,
    pub gallery: Option<GallerySpec>,
    #[serde(default)]
    pub draft: bool,
    pub publish: Option<String>,
    pub expires: Option<String>,
    #[serde(default)]
    pub extra: Extra,
    pub video: Option<Videos>,
    pub event: Option<EventSpec>,
    /// The place among the pages of its section: lower first, then by title (default 0).
    #[serde(default)]
    pub weight: i64,
    /// The language of the text when it is not the site's: `pl`, `en` or `uk`. Checked in
    /// `site::entry`, which reports a wrong one with its line.
    pub language: Option<String>,
    /// The address of the text this one translates (`/pomoc-dla-uchodzcow/`): the two pages
    /// link to each other. Checked in `site::translations`.
    pub translation_of: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::keys;
    use serde::de::DeserializeOwned;

    /// Whether deserialisation takes `key` as one of `T`'s fields (its value may still be
    /// of the wrong type).
    fn accepted<T: DeserializeOwned>(key: &str) -> bool {
        let mut fields = serde_json::Map::new();
        fields.insert(key.to_string(), serde_json::Value::Null);
        serde_json::from_value::<T>(serde_json::Value::Object(fields))
            .map_or_else(|e| !e.to_string().contains("unknown field"), |_| true)
    }

    fn listed_keys_are_the_fields<T: DeserializeOwned>(count: usize) {
        let keys = keys::<T>();
        assert_eq!(keys.len(), count, "{keys:?}");
        for key in keys {
            assert!(accepted::<T>(key), "{key}");
        }
        assert!(!accepted::<T>("titel"));
    }

    #[test]
    fn extra_is_read_into_json_values() {
        let extra: Extra = crate::content::yaml::from_str(
            "motto: Razem\n1: jeden\nlist: [1, 2.5, true, ~]\nnested: {b: 2, a: 1}\n",
        )
        .expect("YAML");
        assert_eq!(
            serde_json::to_string(&extra).expect("JSON"),
            r#"{"1":"jeden","list":[1,2.5,true,null],"motto":"Razem","nested":{"a":1,"b":2}}"#
        );
        let hash = |e: &Extra| crate::fingerprint::of(e);
        assert_eq!(hash(&extra), hash(&extra.clone()));
        assert_ne!(hash(&extra), hash(&Extra::default()));
    }

    #[test]
    fn front_matter_keys_are_the_struct_fields() {
        listed_keys_are_the_fields::<PostMeta>(21);
        listed_keys_are_the_fields::<ProjectMeta>(26);
        listed_keys_are_the_fields::<PageMeta>(16);
        // The order of the "known fields are" hint.
        assert_eq!(
            keys::<PostMeta>().join(", "),
            "title, date, updated, summary, author, tags, category, project, cover, gallery, \
             source, draft, publish, expires, slug, aliases, extra, video, event, language, \
             translation_of"
        );
    }
}
