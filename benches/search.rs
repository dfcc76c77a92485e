//! How much of the search index a reader downloads per query, for generated sites of 1,000
//! and 10,000 posts, and how long the build spends writing the index. Run with
//! `cargo bench --bench search` (`TABLICA_BENCH_POSTS=1000` for other sizes).
//!
//! A query loads `index.json`, the shard of each of its words (the longest shard key the
//! word's stem starts with; the prefix matching of the word being typed is not modelled)
//! and the result files of the first 10 results.

mod corpus;
mod support;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use tablica::build::{BuildOptions, Builder};
use tablica::config;
use tablica::publish::search;
use tablica::site::schedule::Moment;
use tablica::site::{self, DocumentCache};

const QUERIES: &[&str] = &[
    "warsztatów",
    "wolontariusze",
    "świetlica dla dzieci",
    "Łódź",
    "pomoc społeczna seniorom",
];
const FIRST_PAGE: usize = 10;

fn main() {
    let sizes = support::sizes_from_env("TABLICA_BENCH_POSTS", "1000,10000");
    println!("search: kilobytes a reader downloads per query (first {FIRST_PAGE} results)");
    print!(
        "{:>7} {:>9} {:>7} {:>11}",
        "posts", "index MB", "files", "index time"
    );
    for q in QUERIES {
        print!(" {:>14}", truncate(q));
    }
    println!();
    for posts in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        corpus::generate(dir.path(), posts, 2026);
        let out = dir.path().join("public");
        let mut builder = Builder::new(BuildOptions {
            output: Some(out.clone()),
            ..BuildOptions::new(dir.path())
        });
        builder.build().expect("build");
        let index = out.join("szukaj");
        let mut site = Site::open(&index);
        let (bytes, files) = folder_size(&index);
        print!(
            "{posts:>7} {:>9.2} {files:>7} {:>11}",
            bytes as f64 / 1e6,
            support::format_duration(index_time(dir.path()))
        );
        for q in QUERIES {
            print!(" {:>11.1} KB", site.query_bytes(q) as f64 / 1024.0);
        }
        println!();
    }
}

fn truncate(q: &str) -> String {
    q.chars().take(14).collect()
}

/// How long writing the index takes, measured in process on the built model.
fn index_time(root: &Path) -> Duration {
    let config = config::load(root).expect("site settings");
    let moment = Moment {
        now: tablica::content::date::now(config.timezone).expect("a valid TABLICA_NOW"),
        preview: false,
    };
    let (site, _) = site::build(config, root, false, moment, &mut DocumentCache::default());
    let started = Instant::now();
    let files = search::index_files(&site, ["Aktualność", "Projekt", "Strona"]);
    let elapsed = started.elapsed();
    assert!(!files.is_empty());
    elapsed
}

/// Size and number of the index's files (the search page beside them is not counted).
fn folder_size(dir: &Path) -> (u64, usize) {
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dir).expect("index folder").flatten() {
        if entry.path().extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        total.0 += entry.metadata().map(|m| m.len()).unwrap_or(0);
        total.1 += 1;
    }
    total
}

/// The index as the browser sees it.
struct Site<'a> {
    dir: &'a Path,
    shards: Vec<String>,
    per_chunk: u64,
    sizes: HashMap<String, u64>,
}

impl<'a> Site<'a> {
    fn open(dir: &'a Path) -> Self {
        let manifest: Value =
            serde_json::from_slice(&std::fs::read(dir.join("index.json")).expect("index.json"))
                .expect("manifest");
        Site {
            dir,
            shards: manifest["shards"]
                .as_array()
                .expect("shards")
                .iter()
                .filter_map(|k| k.as_str().map(String::from))
                .collect(),
            per_chunk: manifest["docs_per_chunk"].as_u64().expect("chunk size"),
            sizes: HashMap::new(),
        }
    }

    fn size(&mut self, file: &str) -> u64 {
        let dir = self.dir;
        *self.sizes.entry(file.to_string()).or_insert_with(|| {
            std::fs::metadata(dir.join(file))
                .map(|m| m.len())
                .unwrap_or(0)
        })
    }

    fn query_bytes(&mut self, query: &str) -> u64 {
        let mut files = vec!["index.json".to_string()];
        let mut scores: Option<HashMap<u64, u64>> = None;
        for term in site::search::terms(query) {
            let Some(key) = self
                .shards
                .iter()
                .filter(|k| term.starts_with(k.as_str()))
                .max_by_key(|k| k.len())
                .cloned()
            else {
                scores = Some(HashMap::new());
                continue;
            };
            let file = format!("t-{key}.json");
            let shard: Value =
                serde_json::from_slice(&std::fs::read(self.dir.join(&file)).expect("shard"))
                    .expect("shard json");
            files.push(file);
            let mut docs = HashMap::new();
            let mut doc = 0;
            for n in shard[&term].as_array().into_iter().flatten() {
                let n = n.as_u64().unwrap_or(0);
                doc += n >> 1;
                docs.insert(doc, if n & 1 == 1 { 3 } else { 1 });
            }
            scores = Some(match scores {
                None => docs,
                Some(previous) => previous
                    .into_iter()
                    .filter_map(|(d, s)| docs.get(&d).map(|t| (d, s + t)))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u64, u64)> = scores.unwrap_or_default().into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (doc, _) in ranked.iter().take(FIRST_PAGE) {
            files.push(format!("d-{}.json", doc / self.per_chunk));
        }
        files.sort();
        files.dedup();
        files.iter().map(|f| self.size(f)).sum()
    }
}
