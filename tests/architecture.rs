//! The layout of `src/`: its top-level modules are the stages of the pipeline, and each uses
//! only the stages before it. Read from the source, so a new `use` that climbs back up (and
//! would make an import cycle) fails here, naming the file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The top-level modules of `src/` in pipeline order. A module may use the modules of earlier
/// stages only: leaf utilities use none, the model knows nothing of pages, pages nothing of
/// the whole-site files, and so on.
const STAGES: &[(&str, &[&str])] = &[
    ("languages and messages", &["locale"]),
    (
        "leaf utilities",
        &["diagnostics", "fingerprint", "slug", "theme_names", "url"],
    ),
    ("reading files and front matter", &["content"]),
    ("site settings", &["config"]),
    ("Markdown to HTML", &["markdown"]),
    ("photos", &["gallery"]),
    ("the site model", &["site"]),
    ("themed pages", &["render"]),
    ("whole-site files", &["publish"]),
    ("the build", &["build"]),
    ("sending the built site", &["deploy"]),
    ("the preview", &["serve"]),
    ("the editor", &["editor"]),
    ("a new site", &["scaffold"]),
    ("moving in from other systems", &["import"]),
    // The program's own modules (declared by main.rs, not the library): they use the library
    // as `tablica::…`, never `crate::`.
    ("the command line", &["cli"]),
];

/// Files of the model that check one document: they must not know the whole site.
const PER_DOCUMENT: &[&str] = &[
    "site/alias.rs",
    "site/attachments.rs",
    "site/body.rs",
    "site/entry.rs",
    "site/event.rs",
    "site/schedule.rs",
    "site/search.rs",
    "site/video.rs",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/` (relative path, text), but `lib.rs` and `main.rs`.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| p.strip_prefix(src()).expect("under src/").to_path_buf())
        .filter(|p| p != Path::new("lib.rs") && p != Path::new("main.rs"))
        .map(|p| {
            let text = fs::read_to_string(src().join(&p)).expect("a readable source file");
            (p, text)
        })
        .collect()
}

/// The top-level module a file belongs to: `site/cache.rs` → `site`, `url.rs` → `url`.
fn module_of(path: &Path) -> String {
    let first = path.components().next().expect("a relative path");
    let first = first.as_os_str().to_string_lossy();
    first.strip_suffix(".rs").unwrap_or(&first).to_string()
}

/// The code of a file without its comments, so that doc links do not count as uses.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // `"//"` inside a string literal: keep the line (addresses like `https://`).
            Some(i) if l[..i].matches('"').count() % 2 == 0 => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a file's code names through `crate::`, including each name of a
/// group: `use crate::{config, site::Site};` names `config` and `site`.
fn uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `tablica_crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.extend(first_name(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.extend(first_name(&item));
        } else {
            found.extend(first_name(rest));
        }
    }
    found
}

fn first_name(path: &str) -> Option<String> {
    let name: String = path
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty() && name != "self").then_some(name)
}

/// Module → (used module → files that use it).
fn graph() -> BTreeMap<String, BTreeMap<String, BTreeSet<PathBuf>>> {
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<PathBuf>>> = BTreeMap::new();
    for (path, text) in sources() {
        let module = module_of(&path);
        let used = graph.entry(module.clone()).or_default();
        for name in uses(&code(&text)) {
            if name != module {
                used.entry(name).or_default().insert(path.clone());
            }
        }
    }
    graph
}

fn stage_of(module: &str) -> Option<usize> {
    STAGES.iter().position(|(_, ms)| ms.contains(&module))
}

#[test]
fn every_module_has_a_stage() {
    let unplaced: Vec<String> = graph()
        .into_keys()
        .filter(|m| stage_of(m).is_none())
        .collect();
    assert!(
        unplaced.is_empty(),
        "add these modules of src/ to STAGES in tests/architecture.rs: {unplaced:?}"
    );
}

#[test]
fn modules_use_only_earlier_stages() {
    let mut wrong = Vec::new();
    for (module, used) in graph() {
        let Some(stage) = stage_of(&module) else {
            continue;
        };
        for (other, files) in used {
            let allowed = stage_of(&other).is_some_and(|s| s < stage);
            if !allowed {
                let (name, _) = STAGES[stage];
                wrong.push(format!(
                    "{module} ({name}) uses {other}, a later or equal stage, in {files:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_import_cycle() {
    let graph = graph();
    // Depth-first search; a module met again while still on the path closes a cycle.
    fn visit<'g>(
        m: &'g str,
        graph: &'g BTreeMap<String, BTreeMap<String, BTreeSet<PathBuf>>>,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for next in graph.get(m).into_iter().flat_map(|u| u.keys()) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn per_document_checks_do_not_know_the_whole_site() {
    let sources: BTreeMap<PathBuf, String> = sources().into_iter().collect();
    for file in PER_DOCUMENT {
        let text = sources
            .get(Path::new(file))
            .unwrap_or_else(|| panic!("{file} is gone: update PER_DOCUMENT"));
        let names_site = code(text)
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|word| word == "Site");
        assert!(
            !names_site,
            "{file} uses `Site`: move whole-site work out of it"
        );
    }
}

/// The only files that may name `serde_yaml`: the bounded reader and the front-matter parser
/// that reports its errors. Its types stay out of the model, the settings and the templates,
/// so a move to another YAML crate is a change here.
const YAML_READERS: &[&str] = &["content/yaml.rs", "content/front_matter.rs"];

#[test]
fn serde_yaml_is_confined_to_the_yaml_reader() {
    let naming: Vec<PathBuf> = sources()
        .into_iter()
        .filter(|(_, text)| code(text).contains("serde_yaml"))
        .map(|(path, _)| path)
        .collect();
    for path in &naming {
        assert!(
            YAML_READERS.iter().any(|f| path == Path::new(f)),
            "{} names serde_yaml: read YAML through content::yaml into your own or JSON types",
            path.display()
        );
    }
    for file in YAML_READERS {
        assert!(
            naming.iter().any(|p| p == Path::new(file)),
            "{file} no longer names serde_yaml: take it off YAML_READERS"
        );
    }
}

/// The most lines a file of `src/` may have: a longer one holds more than one concept.
const MAX_LINES: usize = 600;

#[test]
fn no_source_file_is_over_600_lines() {
    let mut files = sources();
    for top in ["lib.rs", "main.rs"] {
        let text = fs::read_to_string(src().join(top)).expect("a readable source file");
        files.push((PathBuf::from(top), text));
    }
    assert!(files.len() > 100, "the walk found the source files");
    let long: Vec<String> = files
        .iter()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|&(_, lines)| lines > MAX_LINES)
        .map(|(path, lines)| format!("src/{}: {lines} lines", path.display()))
        .collect();
    assert!(
        long.is_empty(),
        "split these by concept (at most {MAX_LINES} lines each):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_reader_finds_uses_in_groups_and_paths() {
    let text = "use crate::{config, site::{Site, Post}};\n\
                use crate::url::output_file; // crate::serve in a comment\n\
                fn f() { crate::build::x(); }";
    let found = uses(&code(text));
    let expected: BTreeSet<String> = ["build", "config", "site", "url"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}
