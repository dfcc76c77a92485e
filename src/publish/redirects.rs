//! Old addresses (`aliases:`): a redirect page at each one that can be a file (template
//! `redirect.html`), the `_redirects` rules of Netlify and Cloudflare Pages, the `Redirect`
//! lines of Apache's `.htaccess`, and the check that no old address is also a page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Documents as M;
use crate::locale::msg;
use crate::render::theme::Theme;
use crate::render::{RenderError, REDIRECT_TEMPLATE};
use crate::site::Site;

/// The variables of `redirect.html`.
#[derive(Serialize)]
struct RedirectContext<'a> {
    lang: &'static str,
    /// The document's title.
    title: &'a str,
    /// Its address from the host's root (`/mops/aktualnosci/x/`).
    url: String,
    /// Its full address, the canonical one.
    permalink: String,
    /// The theme's texts.
    t: &'a serde_json::Map<String, serde_json::Value>,
}

/// The redirect pages, as (output file, HTML).
pub fn pages(site: &Site, theme: &Theme) -> Result<Vec<(PathBuf, String)>, RenderError> {
    let config = &site.config;
    site.redirects()
        .filter_map(|r| Some((r.alias.page_file()?, r)))
        .map(|(file, r)| {
            let file = PathBuf::from(file);
            let context = RedirectContext {
                lang: r.lang.code(),
                title: r.title,
                url: format!("{}{}", config.root, r.to),
                permalink: config.permalink(r.to),
                t: &theme.translations(r.lang).strings,
            };
            let html = theme.render(REDIRECT_TEMPLATE, &file, &context)?;
            Ok((file, html))
        })
        .collect()
}

/// The `_redirects` file of Netlify and Cloudflare Pages: one permanent redirect per line.
/// `None` when the site has no aliases.
pub fn netlify(site: &Site) -> Option<String> {
    let root = &site.config.root;
    let lines: Vec<String> = site
        .redirects()
        .map(|r| format!("{} {}{} 301\n", r.alias.encoded(root), root, r.to))
        .collect();
    (!lines.is_empty()).then(|| lines.concat())
}

/// Apache's `RedirectMatch` lines for `.htaccess`, each matching exactly its old address
/// (a folder with or without its `/`; Apache matches the decoded path), to the full new
/// address as Apache wants it.
pub fn apache(site: &Site) -> Vec<String> {
    let root = &site.config.root;
    site.redirects()
        .map(|r| {
            let path = format!("{root}{}", r.alias.path);
            let pattern = match path.strip_suffix('/') {
                Some(folder) => format!("{}/?", regex_escaped(folder)),
                None => regex_escaped(&path),
            };
            let to = site.config.permalink(r.to);
            format!("RedirectMatch 301 \"^{pattern}$\" \"{to}\"")
        })
        .collect()
}

/// `text` matched literally by a regular expression.
fn regex_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Errors for each old address that is also a page (`pages`: every page's output file) or an
/// old address of two documents; each names both files.
pub fn collisions<'a>(site: &Site, pages: impl Iterator<Item = &'a Path>) -> Vec<Diagnostic> {
    let pages: std::collections::HashSet<String> = pages.map(crate::url::slash_path).collect();
    let mut seen: HashMap<String, &Path> = HashMap::new();
    let mut problems = Vec::new();
    for r in site.redirects() {
        // An address with server rules only (`kontakt.php`) is compared as it is.
        let file = (r.alias.page_file()).unwrap_or_else(|| r.alias.path.clone());
        let other = if let Some(first) = seen.get(&file) {
            Some(msg!(M::AliasOfFile, file = first.display().to_string()))
        } else if pages.contains(&file) {
            let dir = file.strip_suffix("index.html").unwrap_or(&file);
            // Looked up only for the rare collision, not mapped for every build.
            Some(match site.documents().find(|d| d.url_path == dir) {
                Some(d) => msg!(M::AliasPageOfFile, file = d.path.display().to_string()),
                None => M::AliasGeneratedPage.into(),
            })
        } else {
            None
        };
        match other {
            Some(other) => problems.push(
                Diagnostic::error(
                    r.file,
                    msg!(
                        M::AliasTaken,
                        alias = format!("/{}", r.alias.path),
                        other = other
                    ),
                )
                .field("aliases")
                .at_line(r.line)
                .hint(M::AliasTakenHint),
            ),
            None => {
                seen.insert(file, r.file);
            }
        }
    }
    problems
}
