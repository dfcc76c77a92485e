//! The `site` value every template gets: the settings, menu and addresses it shows, made once per
//! build.

use serde_json::Value;

use crate::config::Config;

use super::routes::feed_path;

/// The `site` object every template sees.
pub(super) fn site_value(config: &Config) -> Value {
    let root = &config.root;
    let p = &config.paths;
    let menu: Vec<Value> = config
        .menu
        .iter()
        .map(|m| {
            // Menu URLs are written from the site root (`/aktualnosci/`); add the base path.
            let url = if m.url.starts_with('/') && !m.url.starts_with("//") {
                format!("{root}{}", m.url.trim_start_matches('/'))
            } else {
                m.url.clone()
            };
            serde_json::json!({ "title": m.title, "url": url, "current": false })
        })
        .collect();
    serde_json::json!({
        "title": config.title,
        "description": config.description,
        "language": config.language.code(),
        "base_url": config.base_url,
        "root": root,
        "organisation": config.organisation,
        "menu": menu,
        "paths": config.paths,
        "urls": {
            "home": root,
            "posts": format!("{root}{}/", p.posts),
            "projects": format!("{root}{}/", p.projects),
            "tags": format!("{root}{}/", p.tags),
            "categories": format!("{root}{}/", p.categories),
            "archive": format!("{root}{}/", p.archive),
            "accessibility": format!("{root}{}/", p.accessibility),
            "accessibility_permalink": config.permalink(&format!("{}/", p.accessibility)),
            "feed": format!("{root}{}", feed_path("")),
            "search": format!("{root}{}/", p.search),
            "search_index": format!("{root}{}/index.json", p.search),
            "events": format!("{root}{}/", p.events),
        },
        "shortcuts": config.accessibility.shortcuts(),
        "single_key_shortcuts": config.accessibility.single_key_shortcuts,
        "read_aloud": config.accessibility.read_aloud,
        "extra": config.extra,
        "generator": concat!("tablica ", env!("CARGO_PKG_VERSION")),
    })
}
