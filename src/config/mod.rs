//! `content/site.yaml`: the site's settings.

pub(crate) mod accessibility;
mod base_url;
pub(crate) mod brand;
mod checks;
pub(crate) mod deploy;
pub(crate) mod embed;
mod images;
pub(crate) mod info_links;
mod paths;
pub(crate) mod privacy;
mod statement_review;

pub use base_url::{below_root, from_root};
pub use checks::{CheckLevel, Checks, MAX_EXTERNAL_TIMEOUT};
pub use images::{ImageSettings, OnError};
pub use paths::Paths;
use paths::PathsInput;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::embed::EmbedHost;
use crate::content::front_matter;
use crate::content::meta::marking::MarkingSettings;
use crate::content::meta::Extra;
use crate::content::{read_text, relative, CONTENT_DIR};
use crate::diagnostics::Diagnostic;

use crate::locale::catalogue::Content as M;
use crate::locale::msg;
use crate::locale::Lang;
use crate::slug::is_valid_slug;

/// The settings file, relative to the site root.
pub const CONFIG_FILE: &str = "site.yaml";

/// The organisation that publishes the site.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// One item of the main menu.
#[derive(Debug, Clone, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigInput {
    title: Option<String>,
    #[serde(default)]
    language: Lang,
    base_url: Option<String>,
    description: Option<String>,
    #[serde(default)]
    organisation: Organisation,
    #[serde(default)]
    menu: Vec<MenuItem>,
    posts_per_page: Option<usize>,
    #[serde(default)]
    paths: PathsInput,
    #[serde(default)]
    allow_raw_html: bool,
    #[serde(default)]
    embed_hosts: Vec<String>,
    theme: Option<String>,
    timezone: Option<String>,
    #[serde(default)]
    images: ImageSettings,
    #[serde(default)]
    accessibility: crate::config::accessibility::AccessibilitySettings,
    #[serde(default)]
    checks: Checks,
    #[serde(default)]
    extra: Extra,
    #[serde(default)]
    deploy: std::collections::BTreeMap<String, deploy::TargetInput>,
    #[serde(default)]
    marking: MarkingSettings,
    #[serde(default)]
    brand: brand::BrandSettings,
    privacy: Option<privacy::PrivacySettings>,
    #[serde(default)]
    accessible_info: info_links::InfoLinks,
    /// `server_files: false` leaves out `.htaccess`, `_headers` and `_redirects`.
    server_files: Option<bool>,
    #[serde(default)]
    feeds: FeedSettings,
}

/// `feeds:` in site.yaml: what the feeds carry.
#[derive(Debug, Clone, Default, Deserialize, Hash)]
#[serde(default, deny_unknown_fields)]
pub struct FeedSettings {
    /// The RSS feeds carry each post's whole text, not only its summary (Atom always does).
    pub rss_full_text: bool,
}

/// The validated site settings.
///
/// Hashed as a whole to key caches: any setting that changes changes the key.
#[derive(Debug, Clone, Hash)]
pub struct Config {
    /// Path of site.yaml relative to the site root, for messages.
    pub file: PathBuf,
    pub title: String,
    pub language: Lang,
    /// Absolute URL ending with `/`.
    pub base_url: String,
    /// The path part of `base_url`, ending with `/` (usually `/`).
    pub root: String,
    pub description: Option<String>,
    pub organisation: Organisation,
    pub menu: Vec<MenuItem>,
    pub posts_per_page: usize,
    pub paths: Paths,
    pub allow_raw_html: bool,
    /// Where frames (`<iframe>`) in the text may load from; none by default.
    pub embed_hosts: Vec<EmbedHost>,
    pub theme: String,
    pub timezone: chrono_tz::Tz,
    pub images: ImageSettings,
    pub accessibility: crate::config::accessibility::AccessibilitySettings,
    pub checks: Checks,
    pub extra: Extra,
    /// Where `tablica deploy` sends the site, by target name.
    pub deploy: deploy::Targets,
    /// Images of signs for the marking of funded projects.
    pub marking: MarkingSettings,
    /// Logo, favicon and colour as written; the colour checked in `brand_colour`.
    pub brand: brand::BrandSettings,
    pub brand_colour: Option<brand::Rgb>,
    /// What the privacy notice says of the administrator, the officer and the logs.
    pub privacy: privacy::PrivacySettings,
    /// ETR, PJM, text and BIP links of the header.
    pub accessible_info: info_links::InfoLinks,
    /// The targets that get a preview build (`preview: true`).
    pub deploy_previews: std::collections::BTreeSet<String>,
    /// Whether the build writes the servers' configuration files (`.htaccess`, `_headers`,
    /// `_redirects`); on unless `server_files: false`.
    pub server_files: bool,
    pub feeds: FeedSettings,
    /// Advice about the settings (an incomplete accessibility statement, an overdue review, a
    /// `base_url` still at an example domain): reported by every build, which still goes on.
    pub warnings: Warnings,
}

impl Config {
    /// Scheme and host of `base_url`, without the site's path: `https://example.org`.
    pub fn origin(&self) -> &str {
        let base = self.base_url.trim_end_matches('/');
        base.strip_suffix(self.root.trim_end_matches('/'))
            .unwrap_or(base)
    }

    /// The full address of a page from its path below the site root (`aktualnosci/x/` →
    /// `https://example.org/mops/aktualnosci/x/`).
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The organisation behind the site, or the site's title when it has no name.
    pub fn organisation_name(&self) -> &str {
        self.organisation.name.as_deref().unwrap_or(&self.title)
    }

    /// The absolute form of a URL the site uses from its root (`/mops/a.jpg` →
    /// `https://example.org/mops/a.jpg`), for pages read elsewhere (feeds, link previews).
    /// Absolute and protocol-relative URLs are returned as they are.
    pub fn absolute_url(&self, url: &str) -> String {
        if url.starts_with('/') && !url.starts_with("//") {
            format!("{}{url}", self.origin())
        } else {
            url.to_string()
        }
    }
}

/// The language site.yaml names (`pl` when it names none), or `None` without a readable
/// site.yaml: it chooses the language of messages before the settings are checked.
pub fn language(root: &Path) -> Option<Lang> {
    #[derive(Deserialize)]
    struct OnlyLanguage {
        #[serde(default)]
        language: Lang,
    }
    let abs = root.join(CONTENT_DIR).join(CONFIG_FILE);
    let text = read_text(root, &abs).ok()?;
    let split = crate::content::yaml::from_str::<OnlyLanguage>(&text).ok()?;
    Some(split.language)
}

/// Reads and validates `<root>/content/site.yaml`.
pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let abs = root.join(CONTENT_DIR).join(CONFIG_FILE);
    let file = relative(root, &abs);
    if !abs.is_file() {
        return Err(vec![
            Diagnostic::error(&file, M::SettingsMissing).hint(M::SettingsMissingHint)
        ]);
    }
    let text = read_text(root, &abs).map_err(|d| vec![d])?;
    let input = front_matter::parse::<ConfigInput>(&file, &text, 1)?;
    validate(file, &text, input)
}

fn validate(file: PathBuf, text: &str, input: ConfigInput) -> Result<Config, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let line = |key: &str| front_matter::key_line(text, 1, key);
    let title = input
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            problems.push(
                Diagnostic::error(&file, M::NoTitle)
                    .field("title")
                    .at_line(Some(1))
                    .hint(M::NoTitleHint),
            );
            String::new()
        });
    let (base_url, root) = match input.base_url.as_deref().map(base_url::parse) {
        Some(Ok(pair)) => pair,
        Some(Err(hint)) => {
            problems.push(
                Diagnostic::error(&file, M::BaseUrlNotAbsolute)
                    .field("base_url")
                    .at_line(line("base_url"))
                    .hint(hint),
            );
            Default::default()
        }
        None => {
            problems.push(
                Diagnostic::error(&file, M::NoBaseUrl)
                    .field("base_url")
                    .at_line(Some(1))
                    .hint(M::NoBaseUrlHint),
            );
            Default::default()
        }
    };
    if input.language == Lang::Uk {
        problems.push(
            Diagnostic::error(&file, M::SiteLanguage)
                .field("language")
                .at_line(line("language"))
                .hint(M::SiteLanguageHint),
        );
    }
    let paths = input.paths.resolve(input.language);
    for name in paths.all() {
        if !is_valid_slug(name) {
            problems.push(
                Diagnostic::error(&file, msg!(M::BadPathName, name = name))
                    .field("paths")
                    .at_line(line("paths"))
                    .hint(msg!(M::SlugForm, example = "aktualnosci")),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for name in paths.all() {
        if !seen.insert(name) {
            problems.push(
                Diagnostic::error(&file, msg!(M::SamePath, name = name))
                    .field("paths")
                    .at_line(line("paths"))
                    .hint(M::SamePathHint),
            );
        }
    }
    let posts_per_page = input.posts_per_page.unwrap_or(10);
    if posts_per_page == 0 {
        problems.push(
            Diagnostic::error(&file, M::PostsPerPage)
                .field("posts_per_page")
                .at_line(line("posts_per_page")),
        );
    }
    if !(1..=MAX_EXTERNAL_TIMEOUT).contains(&input.checks.external_timeout) {
        problems.push(
            Diagnostic::error(&file, msg!(M::ExternalTimeout, max = MAX_EXTERNAL_TIMEOUT))
                .field("checks.external_timeout")
                .at_line(line("checks")),
        );
    }
    let timezone = match input
        .timezone
        .as_deref()
        .unwrap_or("Europe/Warsaw")
        .parse::<chrono_tz::Tz>()
    {
        Ok(tz) => tz,
        Err(_) => {
            problems.push(
                Diagnostic::error(&file, M::UnknownTimezone)
                    .field("timezone")
                    .at_line(line("timezone"))
                    .hint(M::UnknownTimezoneHint),
            );
            chrono_tz::Europe::Warsaw
        }
    };
    let theme = input.theme.unwrap_or_else(|| "default".to_string());
    if !is_valid_slug(&theme) {
        problems.push(
            Diagnostic::error(&file, M::ThemeName)
                .field("theme")
                .at_line(line("theme"))
                .hint(M::ThemeNameHint),
        );
    }
    let mut embed_hosts = Vec::new();
    for entry in &input.embed_hosts {
        match EmbedHost::parse(entry) {
            Ok(host) => embed_hosts.push(host),
            Err(hint) => problems.push(
                Diagnostic::error(&file, msg!(M::NotEmbedHost, entry = entry))
                    .field("embed_hosts")
                    .at_line(line("embed_hosts"))
                    .hint(hint),
            ),
        }
    }
    for item in &input.menu {
        if !crate::url::is_safe_url(&item.url) || item.url.trim().is_empty() {
            problems.push(
                Diagnostic::error(
                    &file,
                    msg!(M::MenuAddress, title = &item.title, url = &item.url),
                )
                .field("menu")
                .at_line(
                    text.lines()
                        .position(|l| l.contains(item.url.as_str()))
                        .map(|i| i + 1)
                        .or_else(|| line("menu")),
                )
                .hint(M::MenuAddressHint),
            );
        }
    }
    problems.extend(input.accessibility.validate(&file));
    problems.extend(input.accessible_info.problems(&file, text));
    let brand_line = front_matter::block_key_line(text, 1, "brand", "colour");
    let brand_colour = input
        .brand
        .colour(&file, brand_line)
        .map_err(|d| problems.push(d))
        .ok()
        .flatten();
    let deploy_previews = deploy::previews(&input.deploy);
    let (deploy, deploy_problems) = deploy::validate(&file, text, input.deploy);
    problems.extend(deploy_problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    // An unreadable `TABLICA_NOW` is the build's error to report; the review date then waits.
    let today = crate::content::date::now(timezone)
        .ok()
        .map(|now| now.date());
    let mut warnings = statement_review::gaps(
        &input.accessibility.statement,
        &input.organisation,
        &file,
        text,
        today,
    );
    let privacy = input.privacy.clone().unwrap_or_default();
    warnings.extend(privacy.gaps(input.privacy.is_some(), &file, line("privacy")));
    warnings.extend(crate::url::example_host(&base_url).map(|host| {
        Diagnostic::warning(&file, msg!(M::ExampleBaseUrl, host = host))
            .field("base_url")
            .at_line(line("base_url"))
            .hint(M::ExampleBaseUrlHint)
    }));
    Ok(Config {
        file,
        title,
        language: input.language,
        base_url,
        root,
        description: input.description,
        organisation: input.organisation,
        menu: input.menu,
        posts_per_page,
        paths,
        allow_raw_html: input.allow_raw_html,
        embed_hosts,
        theme,
        timezone,
        images: input.images,
        accessibility: input.accessibility,
        checks: input.checks,
        extra: input.extra,
        deploy,
        marking: input.marking,
        brand: input.brand,
        brand_colour,
        privacy,
        accessible_info: input.accessible_info,
        deploy_previews,
        server_files: input.server_files.unwrap_or(true),
        feeds: input.feeds,
        warnings: Warnings(warnings),
    })
}

/// Warnings about the settings. Not part of a cache key: they are advice, not settings.
#[derive(Debug, Clone, Default)]
pub struct Warnings(pub Vec<Diagnostic>);

impl std::hash::Hash for Warnings {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// Settings from site.yaml text, for other modules' unit tests.
#[cfg(test)]
pub(crate) fn from_yaml(yaml: &str) -> Config {
    let input =
        front_matter::parse::<ConfigInput>(Path::new("site.yaml"), yaml, 1).expect("valid YAML");
    validate("site.yaml".into(), yaml, input).expect("valid settings")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_yaml_keys_are_the_fields() {
        let keys = front_matter::keys::<ConfigInput>();
        assert_eq!(keys.len(), 23);
        assert_eq!(keys.first(), Some(&"title"));
        assert_eq!(keys.last(), Some(&"feeds"));
    }

    #[test]
    fn the_cache_key_follows_every_setting() {
        let key = |yaml: &str| crate::fingerprint::of(from_yaml(yaml));
        let base = "title: T\nbase_url: https://example.org/\n";
        assert_eq!(key(base), key(base), "equal settings, equal keys");
        assert_eq!(
            key(base),
            key("base_url: https://example.org\ntitle: T\n"),
            "the same settings written otherwise"
        );
        let changed = [
            "title: U\nbase_url: https://example.org/\n".to_string(),
            format!("{base}language: en\n"),
            format!("{base}images:\n  quality: 70\n"),
            format!("{base}accessibility:\n  read_aloud: false\n"),
            format!("{base}checks:\n  heading_levels: off\n"),
            format!("{base}embed_hosts: [player.vimeo.com]\n"),
            format!("{base}timezone: Europe/London\n"),
            format!("{base}extra:\n  motto: x\n"),
        ];
        for yaml in &changed {
            assert_ne!(key(base), key(yaml), "{yaml}");
        }
    }

    #[test]
    fn urls_from_the_root_become_absolute() {
        let sub = from_yaml("title: T\nbase_url: https://example.org/mops\n");
        assert_eq!(sub.origin(), "https://example.org");
        assert_eq!(
            sub.absolute_url("/mops/a.jpg"),
            "https://example.org/mops/a.jpg"
        );
        assert_eq!(sub.absolute_url("https://e.org/x"), "https://e.org/x");
        assert_eq!(sub.absolute_url("//e.org/x"), "//e.org/x");
        let top = from_yaml("title: T\nbase_url: https://mops.example.org/\n");
        assert_eq!(top.origin(), "https://mops.example.org");
        assert_eq!(top.absolute_url("/a.jpg"), "https://mops.example.org/a.jpg");
    }
}
