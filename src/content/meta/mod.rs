//! The front matter of each kind of document, exactly as editors write it.

pub mod event;
pub mod photo;
pub mod video;

use serde::Deserialize;

use crate::content::front_matter::Keys;
use event::EventSpec;
use photo::{GallerySpec, PhotoSpec};
use video::Videos;

/// Site-specific data for custom templates.
pub type Extra = serde_yaml::Mapping;

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
    pub video: Option<Videos>,
    pub event: Option<EventSpec>,
    pub source: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
    #[serde(default)]
    pub extra: Extra,
}

impl Keys for PostMeta {
    const KEYS: &'static [&'static str] = &[
        "title", "date", "updated", "summary", "author", "tags", "category", "project", "cover",
        "gallery", "source", "draft", "slug", "extra", "video", "event",
    ];
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
}

fn default_currency() -> String {
    "PLN".to_string()
}

/// A key figure such as "145 uczestników".
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub label: String,
    pub value: serde_yaml::Value,
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
    pub summary: Option<String>,
    pub status: Option<ProjectStatus>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub organiser: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub funding: Option<Funding>,
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
    #[serde(default)]
    pub extra: Extra,
}

impl Keys for ProjectMeta {
    const KEYS: &'static [&'static str] = &[
        "title",
        "slug",
        "summary",
        "status",
        "start",
        "end",
        "organiser",
        "partners",
        "funding",
        "participants",
        "goals",
        "results",
        "figures",
        "contact",
        "cover",
        "gallery",
        "video",
        "updated",
        "draft",
        "extra",
    ];
}

/// Front matter of a static page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub updated: Option<String>,
    pub cover: Option<PhotoSpec>,
    pub gallery: Option<GallerySpec>,
    pub video: Option<Videos>,
    pub event: Option<EventSpec>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: Extra,
}

impl Keys for PageMeta {
    const KEYS: &'static [&'static str] = &[
        "title", "slug", "summary", "updated", "cover", "gallery", "draft", "extra", "video",
        "event",
    ];
}
