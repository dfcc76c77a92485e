//! The `site` every template gets: the settings, menu and addresses it shows, made once per
//! build ([`SiteView`]); the menu marks the current page's item per page.

use serde::Serialize;

use crate::config::accessibility::Shortcut;
use crate::config::info_links::InfoLink;
use crate::config::{Config, Organisation, Paths};
use crate::content::meta::Extra;
use crate::site::marking::SitePictures;

use super::routes::{feed_path, rss_path};

/// The `site` object, but for its menu.
#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'static str,
    base_url: &'a str,
    root: &'a str,
    organisation: &'a Organisation,
    paths: &'a Paths,
    urls: Urls,
    shortcuts: Vec<Shortcut>,
    single_key_shortcuts: bool,
    read_aloud: bool,
    extra: &'a Extra,
    generator: &'static str,
    brand: Brand,
    /// ETR, PJM, text and BIP links of the header.
    info_links: Vec<InfoLink>,
    /// A preview build: every page shows a banner saying so, and asks not to be indexed.
    preview: bool,
    /// The menu, its addresses with the base path.
    #[serde(skip)]
    menu: Vec<(&'a str, String)>,
}

/// Root-relative addresses of the site-wide pages and files.
#[derive(Serialize)]
struct Urls {
    home: String,
    posts: String,
    projects: String,
    tags: String,
    categories: String,
    archive: String,
    accessibility: String,
    /// The accessibility statement's absolute address.
    accessibility_permalink: String,
    feed: String,
    /// The RSS feed of the same posts as `feed`.
    rss: String,
    search: String,
    search_index: String,
    events: String,
    privacy: String,
}

/// The site's own look: its colour's stylesheet, logo and favicon (addresses from the root).
#[derive(Serialize)]
struct Brand {
    css: Option<String>,
    logo: Option<Logo>,
    favicon: Option<String>,
}

#[derive(Serialize)]
struct Logo {
    url: String,
    width: u32,
    height: u32,
}

/// Where the site's logo and favicon are published.
pub const BRAND_DIR: &str = "assets/brand";

/// The stylesheet of the site's brand colour, as (path below the root, text): a file, since
/// the Content-Security-Policy allows no inline style, named by its content's hash so that a
/// new colour is never taken from a cache.
pub fn brand_stylesheet(config: &Config) -> Option<(String, String)> {
    let colour = config.brand_colour?;
    let css = format!(
        "/* The brand colour of site.yaml (`brand: colour:`), written by tablica. */\n:root {{ --brand: {}; }}\n",
        colour.hex()
    );
    let hash = format!("{:016x}", crate::fingerprint::of(&css));
    Some((format!("assets/css/brand-{}.css", &hash[..8]), css))
}

#[derive(Serialize)]
struct MenuItem<'a> {
    title: &'a str,
    url: &'a str,
    current: bool,
}

impl<'a> SiteView<'a> {
    pub(super) fn new(config: &'a Config, pictures: &SitePictures, preview: bool) -> Self {
        let root = &config.root;
        let p = &config.paths;
        let menu = (config.menu.iter())
            .map(|m| {
                // Menu URLs are written from the site root (`/aktualnosci/`); add the base path.
                let url = crate::config::from_root(root, &m.url).unwrap_or_else(|| m.url.clone());
                (m.title.as_str(), url)
            })
            .collect();
        let folder = |name: &str| format!("{root}{name}/");
        SiteView {
            title: &config.title,
            description: config.description.as_deref(),
            language: config.language.code(),
            base_url: &config.base_url,
            root,
            organisation: &config.organisation,
            paths: p,
            urls: Urls {
                home: root.clone(),
                posts: folder(&p.posts),
                projects: folder(&p.projects),
                tags: folder(&p.tags),
                categories: folder(&p.categories),
                archive: folder(&p.archive),
                accessibility: folder(&p.accessibility),
                accessibility_permalink: config.permalink(&format!("{}/", p.accessibility)),
                feed: format!("{root}{}", feed_path("")),
                rss: format!("{root}{}", rss_path("")),
                search: folder(&p.search),
                search_index: format!("{root}{}/index.json", p.search),
                events: folder(&p.events),
                privacy: folder(&p.privacy),
            },
            shortcuts: config.accessibility.shortcuts(),
            single_key_shortcuts: config.accessibility.single_key_shortcuts,
            read_aloud: config.accessibility.read_aloud,
            extra: &config.extra,
            generator: concat!("tablica ", env!("CARGO_PKG_VERSION")),
            info_links: config.accessible_info.links(root),
            brand: Brand {
                css: brand_stylesheet(config).map(|(path, _)| format!("{root}{path}")),
                logo: pictures.logo.as_ref().map(|p| Logo {
                    url: format!("{root}{BRAND_DIR}/{}", p.name),
                    width: p.width,
                    height: p.height,
                }),
                favicon: (pictures.favicon.as_ref())
                    .map(|p| format!("{root}{BRAND_DIR}/{}", p.name)),
            },
            preview,
            menu,
        }
    }

    /// The `site` of every page as a template value, but for its menu: made once per build.
    pub(super) fn value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::to_value(self)
    }

    /// The menu of the page at `here` (its root-relative address), its item marked `current`.
    pub(super) fn menu(&self, here: &str) -> Result<serde_json::Value, serde_json::Error> {
        let items: Vec<MenuItem> = (self.menu.iter())
            .map(|(title, url)| MenuItem {
                title,
                url,
                current: url == here || (url.len() > self.root.len() && here.starts_with(url)),
            })
            .collect();
        serde_json::to_value(items)
    }
}
