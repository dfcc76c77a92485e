//! Configuration files for the servers sites are published on, written into the output unless
//! `server_files: false`: Apache's `.htaccess` and the `_headers` and `_redirects` files of
//! Netlify and Cloudflare Pages. They send the pages' security policy as HTTP headers (the
//! Content-Security-Policy of `base.html`, with every frame source the site uses, and
//! `frame-ancestors`, which only a header can set), keep photos (named by their content) in
//! caches for a year, name the 404 page and the character set, and turn directory listings
//! off. An nginx example is in docs/hosting.md.

use std::path::PathBuf;

use crate::site::Site;

use super::redirects;

/// The Content-Security-Policy of the default theme's pages (`base.html`) without its
/// `frame-src`, which each page sets to the frames it shows. `tests/server_files.rs` checks
/// that every page's policy is this one.
pub const PAGE_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/// Photo copies carry a hash of their content in their name (`stol-591b2887-960.jpg`): a
/// changed photo gets a new name, so these can be cached for a year.
const HASHED_PHOTO: &str = r"-[0-9a-f]{8}-([0-9]+|thumb)\.(jpe?g|png|webp|gif|avif)$";

/// Headers every answer carries besides the policy.
const HEADERS: &[(&str, &str)] = &[
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "SAMEORIGIN"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// The policy sent as a header: the pages' policy with every frame source any page uses
/// (each page's own `<meta>` still narrows it to its frames: a browser applies both), and
/// `frame-ancestors 'self'`.
pub fn header_policy(site: &Site) -> String {
    let mut sources: Vec<&str> = Vec::new();
    sources.extend(site.posts.iter().flat_map(|p| p.entry.frame_sources()));
    sources.extend(site.projects.iter().flat_map(|p| p.entry.frame_sources()));
    sources.extend(site.pages.iter().flat_map(|p| p.entry.frame_sources()));
    sources.sort_unstable();
    sources.dedup();
    let frame_src = match sources.is_empty() {
        true => "'none'".to_string(),
        false => sources.join(" "),
    };
    format!("{PAGE_POLICY}; frame-src {frame_src}; frame-ancestors 'self'")
}

/// The files, as (output file, text); none when `server_files: false`.
pub fn files(site: &Site) -> Vec<(PathBuf, String)> {
    if !site.config.server_files {
        return Vec::new();
    }
    let policy = header_policy(site);
    let mut files = vec![
        (PathBuf::from(".htaccess"), htaccess(site, &policy)),
        (PathBuf::from("_headers"), headers(site, &policy)),
    ];
    files.extend(redirects::netlify(site).map(|r| (PathBuf::from("_redirects"), r)));
    files
}

fn htaccess(site: &Site, policy: &str) -> String {
    let root = &site.config.root;
    let mut out = String::from(
        "# Written by tablica on every build: edit site.yaml, not this file\n\
         # (`server_files: false` leaves it out). See docs/hosting.md.\n\n\
         AddDefaultCharset utf-8\n\
         AddCharset utf-8 .css .js .json .xml .ics .txt .vtt\n\
         AddType text/calendar .ics\n\
         AddType text/vtt .vtt\n\
         Options -Indexes\n\
         DirectoryIndex index.html\n",
    );
    out += &format!("ErrorDocument 404 {root}404.html\n\n<IfModule mod_headers.c>\n");
    out += &format!("  Header always set Content-Security-Policy \"{policy}\"\n");
    for (name, value) in HEADERS {
        out += &format!("  Header always set {name} \"{value}\"\n");
    }
    out +=
        "  <FilesMatch \"\\.html$\">\n    Header set Cache-Control \"no-cache\"\n  </FilesMatch>\n";
    out += &format!(
        "  <FilesMatch \"{HASHED_PHOTO}\">\n    Header set Cache-Control \"public, max-age=31536000, immutable\"\n  </FilesMatch>\n"
    );
    out += "</IfModule>\n";
    let redirects = redirects::apache(site);
    if !redirects.is_empty() {
        out += "\n# Old addresses (`aliases:`)\n<IfModule mod_alias.c>\n";
        for line in redirects {
            out += &format!("  {line}\n");
        }
        out += "</IfModule>\n";
    }
    out
}

/// `_headers`: paths are from the host's root, `*` matches any rest of the path.
fn headers(site: &Site, policy: &str) -> String {
    let root = &site.config.root;
    let mut out = String::from(
        "# Written by tablica on every build (Netlify, Cloudflare Pages). See docs/hosting.md.\n",
    );
    out += &format!("{root}*\n  Content-Security-Policy: {policy}\n");
    for (name, value) in HEADERS {
        out += &format!("  {name}: {value}\n");
    }
    // No rule for photos: `_headers` matches no pattern finer than `*`, which would take in
    // files not named by their content, and these hosts revalidate with ETags by themselves.
    out
}
