//! The check of links within the site: every address a page names (`href`, `src`, `srcset`,
//! `poster`, `action`; read with html5ever, as a browser reads the page) that stays on the
//! site must be a file the build writes, and its `#anchor` an `id` on that page. Reported as
//! `checks.broken_links` says: at the document's file and line when the link is written in
//! it, else once per address with the first page showing it (the theme's or the menu's).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use url::Url;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::catalogue::Documents as M;
use crate::locale::msg;
use crate::markdown::{each_tag, TextLink};
use crate::render::RenderedPage;

/// Attributes holding one address, by element.
const ADDRESS: &[(&str, &str)] = &[
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("source", "src"),
    ("script", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("form", "action"),
];

/// A document whose page is checked: its file and the links written in it, with lines.
pub(super) struct Source<'a> {
    pub(super) file: &'a Path,
    pub(super) links: &'a [TextLink],
}

/// What the check knows of the output.
pub(super) struct Output<'a> {
    /// Every file the build writes, as `a/b/index.html`.
    pub(super) files: HashSet<String>,
    /// The document behind each page, by the page's address below the root (`o-nas/`).
    pub(super) sources: HashMap<&'a str, Source<'a>>,
    /// Photos are not placed when the build only checks: their copies are not followed.
    pub(super) photos_placed: bool,
}

/// The addresses and ids of one page rendered now, read before its HTML is written and
/// dropped.
pub(super) struct PageLinks {
    /// `a/b/index.html`.
    file: String,
    found: Vec<Found>,
    ids: HashSet<String>,
}

impl PageLinks {
    /// The page's address below the root (`a/b/`).
    fn dir(&self) -> &str {
        self.file.strip_suffix("index.html").unwrap_or(&self.file)
    }
}

/// One address a page names.
struct Found {
    /// As written in the page.
    written: String,
    /// It is a photo's address (`img`, `srcset`).
    photo: bool,
}

/// Whether the site checks its links (`checks.broken_links` is not off).
pub(super) fn checked(config: &Config) -> bool {
    config.checks.broken_links.severity().is_some()
}

/// Reads the addresses and ids of a page rendered now, before it is written and dropped.
pub(super) fn read(page: &RenderedPage) -> PageLinks {
    let (found, ids) = read_page(&page.html);
    PageLinks {
        file: crate::url::slash_path(&page.path),
        found,
        ids,
    }
}

/// The problems found, as the site's `checks.broken_links` reports them.
pub(super) fn check(config: &Config, pages: &[PageLinks], out: &Output) -> Vec<Diagnostic> {
    let Some(severity) = config.checks.broken_links.severity() else {
        return Vec::new();
    };
    let ids: HashMap<&str, &HashSet<String>> =
        pages.iter().map(|p| (p.file.as_str(), &p.ids)).collect();
    // Per page, in parallel: the broken links written in its document, and the addresses
    // broken on it that the theme or menu wrote.
    let found: Vec<(Vec<Diagnostic>, Vec<&str>)> = pages
        .par_iter()
        .map(|page| broken_on(config, page, out, &ids, severity))
        .collect();
    let mut problems = Vec::new();
    // A broken address of the theme or menu, reported once: address → first page.
    let mut shared: BTreeMap<String, String> = BTreeMap::new();
    for (page, (written, theme)) in pages.iter().zip(found) {
        problems.extend(written);
        for url in theme {
            (shared.entry(url.to_owned()))
                .or_insert_with(|| format!("{}{}", config.root, page.dir()));
        }
    }
    problems.extend(shared.into_iter().map(|(url, page)| {
        Diagnostic::error(
            &config.file,
            msg!(M::BrokenThemeLink, url = url, page = page),
        )
        .with_severity(severity)
        .hint(M::BrokenThemeLinkHint)
    }));
    problems
}

/// The links of `page` that lead nowhere: reported at its document's line when written there,
/// else (the theme's or menu's) as the addresses themselves.
fn broken_on<'p>(
    config: &Config,
    page: &'p PageLinks,
    out: &Output,
    ids: &HashMap<&str, &HashSet<String>>,
    severity: Severity,
) -> (Vec<Diagnostic>, Vec<&'p str>) {
    let (mut problems, mut shared) = (Vec::new(), Vec::new());
    let dir = page.dir();
    let Ok(base) = Url::parse(&config.permalink(dir)) else {
        return (problems, shared);
    };
    let source = out.sources.get(dir);
    for found in &page.found {
        if found.photo && !out.photos_placed {
            continue;
        }
        let Some(target) = internal(config, &base, &found.written) else {
            continue;
        };
        if resolves(&target, &out.files, ids) {
            continue;
        }
        let link = source
            .and_then(|s| (s.links.iter()).find(|l| decoded(&l.url) == decoded(&found.written)));
        match (source, link) {
            (Some(s), Some(link)) => problems.push(
                Diagnostic::error(s.file, msg!(M::BrokenLink, url = &link.written))
                    .with_severity(severity)
                    .at_line(Some(link.line))
                    .hint(target.hint()),
            ),
            _ => shared.push(found.written.as_str()),
        }
    }
    (problems, shared)
}

/// Where an address within the site leads.
struct Target {
    /// Below the site root, decoded (when `outside`: the whole path).
    path: String,
    /// Not under the site's path: nothing the build writes is there.
    outside: bool,
    fragment: Option<String>,
}

impl Target {
    fn hint(&self) -> crate::locale::Message {
        match (self.outside, &self.fragment) {
            (true, _) => M::BrokenLinkOutsideHint.into(),
            (false, Some(_)) => M::BrokenAnchorHint.into(),
            (false, None) => M::BrokenLinkHint.into(),
        }
    }
}

/// The target of `written` on `page` when it stays on the site (same scheme, host and port).
fn internal(config: &Config, page: &Url, written: &str) -> Option<Target> {
    let url = page.join(written.trim()).ok()?;
    if url.origin() != page.origin() || url.scheme() != page.scheme() {
        return None;
    }
    let path = crate::url::percent_decode(url.path()).unwrap_or_else(|| url.path().to_string());
    let fragment = (url.fragment())
        .filter(|f| !f.is_empty())
        .map(|f| crate::url::percent_decode(f).unwrap_or_else(|| f.to_string()));
    Some(match crate::config::below_root(&config.root, &path) {
        Some(rest) => Target {
            path: rest.to_string(),
            outside: false,
            fragment,
        },
        None => Target {
            path,
            outside: true,
            fragment,
        },
    })
}

/// Whether the target is a file of the output (a folder: its `index.html`, as servers
/// answer), and its anchor an id on that page (when the page was rendered now).
fn resolves(
    target: &Target,
    files: &HashSet<String>,
    ids: &HashMap<&str, &HashSet<String>>,
) -> bool {
    if target.outside {
        return false;
    }
    let path = target.path.as_str();
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if files.contains(path) {
        path.to_string()
    } else {
        format!("{path}/index.html")
    };
    if !files.contains(&file) {
        return false;
    }
    match (&target.fragment, ids.get(file.as_str())) {
        (Some(fragment), Some(ids)) => ids.contains(fragment),
        _ => true,
    }
}

/// `%C5%82` and `ł` alike, for finding a page's link in its document.
fn decoded(url: &str) -> String {
    crate::url::percent_decode(url).unwrap_or_else(|| url.to_string())
}

/// Every address a page names, and every id (and `name` of an `a`) on it: one read of the
/// page, keeping only those.
fn read_page(html: &str) -> (Vec<Found>, HashSet<String>) {
    let (mut found, mut ids) = (Vec::new(), HashSet::new());
    each_tag(html, |tag| {
        if tag.end {
            return;
        }
        for (name, value) in tag.attributes() {
            if name == "id" || (name == "name" && tag.name == "a") {
                ids.insert(value.to_string());
            } else if ADDRESS.contains(&(tag.name, name)) {
                found.push(Found {
                    written: value.to_string(),
                    photo: matches!(tag.name, "img" | "source"),
                });
            } else if name == "srcset" {
                // `a.jpg 480w, b.jpg 960w`: each candidate's address is before its space.
                let candidates = value.split(',').filter_map(|c| c.split_whitespace().next());
                found.extend(candidates.map(|c| Found {
                    written: c.to_string(),
                    photo: true,
                }));
            }
        }
    });
    (found, ids)
}

/// Every output file from the lists the build keeps, as `a/b/index.html`.
pub(super) fn file_set<'a>(files: impl Iterator<Item = &'a PathBuf>) -> HashSet<String> {
    files.map(|p| crate::url::slash_path(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::config::from_yaml("title: T\nbase_url: https://gmina.pl/mops/\n")
    }

    #[test]
    fn addresses_are_read_as_a_browser_reads_them() {
        let html = r#"<a href="/mops/o-nas/#kontakt">x</a><img src="a.jpg" srcset="a-480.jpg 480w, b-960.jpg 960w" alt="">
            <script>var a = '<a href="/nie/">';</script><link rel="stylesheet" href="/mops/assets/s.css">"#;
        let written: Vec<String> = read_page(html).0.into_iter().map(|f| f.written).collect();
        assert_eq!(
            written,
            [
                "/mops/o-nas/#kontakt",
                "a.jpg",
                "a-480.jpg",
                "b-960.jpg",
                "/mops/assets/s.css"
            ]
        );
        assert_eq!(
            read_page(r#"<h2 id="a">x</h2><a name="b"></a><p id='c'>"#)
                .1
                .len(),
            3
        );
    }

    #[test]
    fn targets_within_the_site_and_out_of_it() {
        let c = config();
        let page = Url::parse("https://gmina.pl/mops/aktualnosci/x/").expect("url");
        let t = |w: &str| internal(&c, &page, w).map(|t| (t.path, t.outside, t.fragment));
        assert_eq!(t("/mops/o-nas/"), Some(("o-nas/".into(), false, None)));
        assert_eq!(
            t("zdj%C4%99cie.jpg"),
            Some(("aktualnosci/x/zdjęcie.jpg".into(), false, None))
        );
        assert_eq!(
            t("#sekcja"),
            Some(("aktualnosci/x/".into(), false, Some("sekcja".into())))
        );
        assert_eq!(t("/mops"), Some(("".into(), false, None)));
        assert_eq!(
            t("https://gmina.pl/mops/?q=1"),
            Some(("".into(), false, None))
        );
        assert_eq!(t("/o-nas/"), Some(("/o-nas/".into(), true, None)));
        assert_eq!(t("https://inna.pl/mops/"), None);
        assert_eq!(t("http://gmina.pl/mops/"), None);
        assert_eq!(t("mailto:a@b.pl"), None);

        let files = file_set([PathBuf::from("o-nas/index.html"), PathBuf::from("a.pdf")].iter());
        let here = HashSet::from(["tu".to_string()]);
        let ids = HashMap::from([("o-nas/index.html", &here)]);
        let ok = |w: &str| resolves(&internal(&c, &page, w).expect("internal"), &files, &ids);
        assert!(
            ok("/mops/o-nas/") && ok("/mops/o-nas") && ok("/mops/o-nas/#tu") && ok("/mops/a.pdf")
        );
        assert!(!ok("/mops/o-nas/#tam") && !ok("/mops/b.pdf") && !ok("/o-nas/") && !ok("/mops/"));
    }
}
