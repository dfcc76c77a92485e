//! Zola's side of the comparison: where the bench finds Zola, and a Zola copy of a generated
//! tablica site with the templates a Zola user would write for the same pages (home page with
//! the newest posts, a paginated post list, post pages, tag, category and project pages,
//! Atom feeds, a gallery's resized photos).
//!
//! Zola is not in Debian, and the bench cannot download it (CI and this machine reach only
//! the package registries). `benches/zola/build.sh` builds the tagged release [`VERSION`] from
//! its source and caches the binary where [`binary`] looks; without it the bench compares
//! tablica with Hugo only and says so.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Zola release the bench is written for (its configuration keys and template names).
pub const VERSION: &str = "0.22.1";

/// `config.toml`: Zola's defaults (sitemap, robots.txt, no search index, no Sass), Atom feeds
/// of tablica's 20 entries for the site and every term, the taxonomies the corpus uses.
const CONFIG: &str = r#"base_url = "https://mops.benchmarkowo.pl"
title = "MOPS Benchmarkowo"
default_language = "pl"
generate_feeds = true
feed_limit = 20
taxonomies = [
    { name = "tags", feed = true, paginate_by = 10 },
    { name = "categories", feed = true, paginate_by = 10 },
    { name = "projects", feed = true, paginate_by = 10 },
]
"#;

/// The templates: (path under `templates/`, text). Zola's templates are Tera, like tablica's.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        r#"<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title>
<link rel="alternate" type="application/atom+xml" href="{{ get_url(path="atom.xml", trailing_slash=false) }}">
</head>
<body>
<header><a href="{{ config.base_url }}/">{{ config.title }}</a>
<nav><ul><li><a href="{{ get_url(path="@/posts/_index.md") }}">Aktualności</a></li><li><a href="{{ get_url(path="@/projekty/_index.md") }}">Projekty</a></li></ul></nav>
</header>
<main>{% block main %}{% endblock %}</main>
</body>
</html>
"#,
    ),
    (
        "macros.html",
        r#"{% macro teaser(page) %}
<article>
<h2><a href="{{ page.permalink | safe }}">{{ page.title }}</a></h2>
<time datetime="{{ page.date }}">{{ page.date | date(format="%-d.%m.%Y") }}</time>
<p>{{ page.content | striptags | truncate(length=280) }}</p>
</article>
{% endmacro %}
{% macro pagination(paginator) %}
<nav>{% if paginator.previous %}<a href="{{ paginator.previous }}">Nowsze</a>{% endif %} {% if paginator.next %}<a href="{{ paginator.next }}">Starsze</a>{% endif %}</nav>
{% endmacro %}
"#,
    ),
    (
        "index.html",
        r#"{% extends "base.html" %}
{% import "macros.html" as m %}
{% block main %}
<h1>{{ config.title }}</h1>
{% set posts = get_section(path="posts/_index.md") %}
{% for page in posts.pages | slice(end=10) %}{{ m::teaser(page=page) }}{% endfor %}
<h2>Projekty</h2>
<ul>{% set projects = get_section(path="projekty/_index.md", metadata_only=true) %}{% for p in projects.pages %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a></li>{% endfor %}</ul>
{% endblock %}
"#,
    ),
    (
        "section.html",
        r#"{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock %}
{% block main %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
{% if paginator %}
{% for page in paginator.pages %}{{ m::teaser(page=page) }}{% endfor %}
{{ m::pagination(paginator=paginator) }}
{% else %}
<ul>{% for page in section.pages %}<li><a href="{{ page.permalink | safe }}">{{ page.title }}</a></li>{% endfor %}</ul>
{% endif %}
{% endblock %}
"#,
    ),
    (
        "page.html",
        r#"{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
{% if page.date %}<time datetime="{{ page.date }}">{{ page.date | date(format="%-d.%m.%Y") }}</time>{% endif %}
{% if page.taxonomies.tags %}<p>{% for tag in page.taxonomies.tags %}<a href="{{ get_taxonomy_url(kind="tags", name=tag) }}">{{ tag }}</a> {% endfor %}</p>{% endif %}
{{ page.content | safe }}
{% if page.assets %}
<ul class="gallery">
{% for photo in page.assets %}
{% set thumb = resize_image(path=photo, width=320, op="fit_width", quality=82) %}
{% set small = resize_image(path=photo, width=480, op="fit_width", quality=82) %}
{% set medium = resize_image(path=photo, width=960, op="fit_width", quality=82) %}
{% set large = resize_image(path=photo, width=1600, op="fit_width", quality=82) %}
<li><a href="{{ large.url }}"><img src="{{ thumb.url }}" srcset="{{ small.url }} 480w, {{ medium.url }} 960w, {{ large.url }} 1600w" width="{{ thumb.width }}" height="{{ thumb.height }}" alt=""></a></li>
{% endfor %}
</ul>
{% endif %}
</article>
{% endblock %}
"#,
    ),
    (
        "taxonomy_list.html",
        r#"{% extends "base.html" %}
{% block main %}
<h1>{{ taxonomy.name }}</h1>
<ul>{% for term in terms %}<li><a href="{{ term.permalink | safe }}">{{ term.name }}</a> ({{ term.page_count }})</li>{% endfor %}</ul>
{% endblock %}
"#,
    ),
    (
        "taxonomy_single.html",
        r#"{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ term.name }} | {{ config.title }}{% endblock %}
{% block main %}
<h1>{{ term.name }}</h1>
{% for page in paginator.pages %}{{ m::teaser(page=page) }}{% endfor %}
{{ m::pagination(paginator=paginator) }}
{% endblock %}
"#,
    ),
];

/// The Zola binary: `TABLICA_BENCH_ZOLA`, else `zola` on PATH, else the one
/// `benches/zola/build.sh` caches; `None` when there is none. Returns it with its version.
pub fn binary() -> Option<(PathBuf, String)> {
    let cached = std::env::var_os("HOME")
        .map(|home| Path::new(&home).join(format!(".cache/tablica-bench/zola-{VERSION}/zola")));
    let candidates = std::env::var_os("TABLICA_BENCH_ZOLA")
        .map(PathBuf::from)
        .into_iter()
        .chain([PathBuf::from("zola")])
        .chain(cached);
    candidates
        .filter_map(|bin| {
            let out = Command::new(&bin).arg("--version").output().ok()?;
            let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
            out.status.success().then_some((bin, version))
        })
        .next()
}

/// Writes a Zola site at `zola` with the content of the tablica site at `tablica`: posts with
/// their front matter in Zola's terms (photos hard-linked into the bundles), projects as pages
/// of a `projekty` section (Zola's term pages carry no text), the config and the templates.
pub fn write_site(tablica: &Path, zola: &Path) {
    fs::create_dir_all(zola).expect("create the Zola site");
    fs::write(zola.join("config.toml"), CONFIG).expect("write config.toml");
    for (path, text) in TEMPLATES {
        let file = zola.join("templates").join(path);
        fs::create_dir_all(file.parent().expect("a folder")).expect("create templates");
        fs::write(file, text).expect("write a template");
    }
    let content = zola.join("content");
    fs::create_dir_all(&content).expect("create content");
    fs::write(content.join("_index.md"), "+++\n+++\n").expect("write the home page");
    let posts = content.join("posts");
    fs::create_dir_all(&posts).expect("create content/posts");
    fs::write(
        posts.join("_index.md"),
        "+++\ntitle = \"Aktualności\"\nsort_by = \"date\"\npaginate_by = 10\n+++\n",
    )
    .expect("write the post section");
    copy_posts(&tablica.join("content/posts"), &posts);
    let projects = content.join("projekty");
    fs::create_dir_all(&projects).expect("create content/projekty");
    fs::write(
        projects.join("_index.md"),
        "+++\ntitle = \"Projekty\"\nsort_by = \"title\"\n+++\n",
    )
    .expect("write the project section");
    for entry in fs::read_dir(tablica.join("content/projects"))
        .expect("read the projects")
        .flatten()
    {
        let text = fs::read_to_string(entry.path()).expect("read a project");
        fs::write(
            projects.join(entry.file_name()),
            front_matter_for_zola(&text),
        )
        .expect("write a project");
    }
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
            fs::write(&target, front_matter_for_zola(&text)).expect("write a post");
        } else if path.extension().is_some_and(|e| e == "jpg")
            && fs::hard_link(&path, &target).is_err()
        {
            fs::copy(&path, &target).expect("copy a bundle file");
        }
    }
}

/// tablica's front matter in Zola's terms: title and date kept, `tags`, `category` and
/// `project` under `taxonomies` (`categories`, `projects`), anything else (a project's status,
/// a gallery's folder) under `extra`. The body is unchanged.
fn front_matter_for_zola(text: &str) -> String {
    let (front, body) = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .expect("a page starts with front matter");
    let mut kept = Vec::new();
    let mut taxonomies = Vec::new();
    let mut extra = Vec::new();
    for line in front.lines() {
        let (key, value) = line.split_once(": ").expect("one `key: value` per line");
        match key {
            "title" | "date" => kept.push(line.to_string()),
            "tags" => taxonomies.push(format!("  tags: {value}")),
            "category" => taxonomies.push(format!("  categories: [{value}]")),
            "project" => taxonomies.push(format!("  projects: [{value}]")),
            _ => extra.push(format!("  {key}: {value}")),
        }
    }
    for (name, lines) in [("taxonomies", taxonomies), ("extra", extra)] {
        if !lines.is_empty() {
            kept.push(format!("{name}:"));
            kept.extend(lines);
        }
    }
    format!("---\n{}\n---\n{body}", kept.join("\n"))
}
