//! Hugo's side of the comparison: installing Hugo, and a Hugo copy of a generated tablica site
//! with the templates a Hugo user would write for the same pages: a home page with the newest
//! posts (as tablica's), a paginated post list, post pages, tag, category and project pages,
//! RSS feeds (Hugo's own template, with summaries), a gallery's resized photos.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// `hugo.toml`. `paginate` is the key of Hugo 0.111 (`pagination.pagerSize` from 0.128);
/// photo quality and filter are tablica's defaults (quality 82, Catmull-Rom), the feed has
/// tablica's 20 entries. Like tablica, it writes a sitemap and robots.txt.
const CONFIG: &str = r#"baseURL = "https://mops.benchmarkowo.pl/"
languageCode = "pl"
title = "MOPS Benchmarkowo"
paginate = 10
removePathAccents = true
enableRobotsTXT = true

[taxonomies]
tag = "tags"
category = "categories"
project = "projects"

[services.rss]
limit = 20

[imaging]
quality = 82
resampleFilter = "CatmullRom"

[[menu.main]]
name = "Aktualności"
url = "/posts/"
weight = 1

[[menu.main]]
name = "Projekty"
url = "/projects/"
weight = 2
"#;

/// The templates: (path under `layouts/`, text).
const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><a href="/">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#,
    ),
    (
        "partials/teaser.html",
        r#"<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2.01.2006" }}</time>
<p>{{ .Summary }}</p>
</article>
"#,
    ),
    (
        "index.html",
        r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ range first 10 (where .Site.RegularPages "Section" "posts") }}{{ partial "teaser.html" . }}{{ end }}
<h2>Projekty</h2>
<ul>{{ range .Site.Taxonomies.projects }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>
{{ end }}
"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pager := .Paginate .Pages }}
{{ range $pager.Pages }}{{ partial "teaser.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
"#,
    ),
    (
        "_default/terms.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2.01.2006" }}</time>
<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}
{{ with .Resources.ByType "image" }}
<ul class="gallery">
{{ range . }}
{{ $thumb := .Resize "320x" }}{{ $small := .Resize "480x" }}{{ $medium := .Resize "960x" }}{{ $large := .Resize "1600x" }}
<li><a href="{{ $large.RelPermalink }}"><img src="{{ $thumb.RelPermalink }}" srcset="{{ $small.RelPermalink }} 480w, {{ $medium.RelPermalink }} 960w, {{ $large.RelPermalink }} 1600w" width="{{ $thumb.Width }}" height="{{ $thumb.Height }}" alt=""></a></li>
{{ end }}
</ul>
{{ end }}
</article>
{{ end }}
"#,
    ),
];

/// Makes sure `hugo` runs: if it is not on PATH, installs the Debian package with
/// `apt-get install -y hugo` (and `apt-get update` once if that fails). Returns its version.
pub fn ensure_installed() -> String {
    if let Some(version) = version() {
        return version;
    }
    println!("hugo is not on PATH: running `apt-get install -y hugo`");
    if !apt_get(&["install", "-y", "hugo"]) {
        println!("that failed: running `apt-get update`, then the install again");
        let _ = apt_get(&["update"]);
        apt_get(&["install", "-y", "hugo"]);
    }
    version().unwrap_or_else(|| {
        panic!(
            "Hugo is needed and could not be installed (apt-get needs root and Debian's \
             package registry): install it with `sudo apt-get install hugo` and run again"
        )
    })
}

/// `hugo version`'s first line, or `None` when Hugo does not run.
fn version() -> Option<String> {
    let out = Command::new("hugo").arg("version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Runs `apt-get` with `args`, its output shown; whether it succeeded.
fn apt_get(args: &[&str]) -> bool {
    Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .status()
        .is_ok_and(|s| s.success())
}

/// Writes a Hugo site at `hugo` with the content of the tablica site at `tablica`: the same
/// posts (bundles with their photos, hard-linked), projects as the terms of a `projects`
/// taxonomy whose pages carry the project's text, the config and the templates.
pub fn write_site(tablica: &Path, hugo: &Path) {
    fs::create_dir_all(hugo).expect("create the Hugo site");
    fs::write(hugo.join("hugo.toml"), CONFIG).expect("write hugo.toml");
    for (path, text) in LAYOUTS {
        let file = hugo.join("layouts").join(path);
        fs::create_dir_all(file.parent().expect("a folder")).expect("create layouts");
        fs::write(file, text).expect("write a template");
    }
    let posts = hugo.join("content/posts");
    fs::create_dir_all(&posts).expect("create content/posts");
    fs::write(posts.join("_index.md"), "---\ntitle: Aktualności\n---\n").expect("write _index");
    copy_posts(&tablica.join("content/posts"), &posts);
    copy_projects(
        &tablica.join("content/projects"),
        &hugo.join("content/projects"),
    );
}

/// Copies posts: Markdown with its front matter converted, other files (photos) hard-linked.
fn copy_posts(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read the posts").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            fs::create_dir_all(&target).expect("create a bundle");
            copy_posts(&path, &target);
        } else if path.extension().is_some_and(|e| e == "md") {
            let text = fs::read_to_string(&path).expect("read a post");
            let bundle = entry.file_name() == "index.md";
            fs::write(&target, front_matter_for_hugo(&text, bundle)).expect("write a post");
        } else if fs::hard_link(&path, &target).is_err() {
            fs::copy(&path, &target).expect("copy a bundle file");
        }
    }
}

/// Each project `<slug>.md` becomes `projects/<slug>/_index.md`: the page of the term `slug`
/// of the `projects` taxonomy, with the project's text above its posts.
fn copy_projects(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read the projects").flatten() {
        let path = entry.path();
        let slug = path.file_stem().expect("a file name");
        let dir = to.join(slug);
        fs::create_dir_all(&dir).expect("create a project folder");
        fs::copy(&path, dir.join("_index.md")).expect("copy a project");
    }
}

/// tablica's front matter in Hugo's terms: `category: X` → `categories: [X]`,
/// `project: X` → `projects: [X]`; title, date and tags are the same. A bundle's files are
/// published only when a template uses them (tablica does not publish the original photos).
/// The body is unchanged.
fn front_matter_for_hugo(text: &str, bundle: bool) -> String {
    let (front, body) = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .expect("a post starts with front matter");
    let mut front: Vec<String> = front
        .lines()
        .map(|line| {
            if let Some(value) = line.strip_prefix("category: ") {
                format!("categories: [{value}]")
            } else if let Some(value) = line.strip_prefix("project: ") {
                format!("projects: [{value}]")
            } else {
                line.to_string()
            }
        })
        .collect();
    if bundle {
        front.push("_build: { publishResources: false }".to_string());
    }
    format!("---\n{}\n---\n{body}", front.join("\n"))
}
