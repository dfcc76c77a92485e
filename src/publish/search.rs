//! The site search: a static, Polish-aware index that the search page loads piece by piece.
//!
//! Words are matched after three steps, the same in the build and in the browser (the browser
//! gets the rules from the index itself, so the two cannot drift apart):
//! 1. **folding**: lower case, diacritics removed (`Łódź` → `lodz`, `źródło` → `zrodlo`);
//! 2. **stop words**: single letters and the most common Polish and English words (`na`,
//!    `oraz`, `the`) are not indexed;
//! 3. **light stemming**: the longest of a list of Polish inflection endings is cut off when
//!    at least [`MIN_STEM`] letters remain (`warsztatów`, `warsztaty`, `warsztatach` →
//!    `warsztat`). It does not know alternations (`źródło`/`źródeł`) or irregular forms.
//!
//! The steps are in [`crate::site::search`], which gives each document its terms; this module
//! writes the index of them.
//!
//! The last word of a query also matches as a prefix, so results appear while typing.
//!
//! Files, under `<search path>/` of the output:
//! - `index.json`: the rules above, the shard keys and the number of documents;
//! - `t-<key>.json`: terms starting with `<key>` and their documents (a shard); a shard that
//!   would be larger than [`SHARD_TARGET`] bytes is split by the next letter;
//! - `d-<n>.json`: the titles, addresses, dates and excerpts of [`DOCS_PER_CHUNK`] documents.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::locale;
use crate::markdown::shorten;
use crate::site::search::{DocumentTerms, APOSTROPHES, ENDINGS, FOLDS, MIN_STEM, STOP_WORDS};
use crate::site::Site;

/// Documents per `d-<n>.json` file.
pub const DOCS_PER_CHUNK: usize = 20;
/// Size above which a shard is split by one more letter.
pub const SHARD_TARGET: usize = 24 * 1024;
/// Longest shard key (a shard with this key is never split further).
const MAX_KEY: usize = 4;
// The browser looks a word up in the shard of its first letters; a stem keeps at least
// MIN_STEM of them, so word and stem share their shard only while keys are not longer.
const _: () = assert!(MAX_KEY <= MIN_STEM);
/// Characters of text in a result's excerpt.
const EXCERPT_CHARS: usize = 240;

/// A result as the search page shows it.
#[derive(Debug, Serialize)]
struct ResultEntry<'a> {
    /// Title.
    t: &'a str,
    /// URL.
    u: String,
    /// Kind of page ("Aktualność", "Projekt", "Strona").
    k: &'a str,
    /// ISO date and its long form, for posts.
    #[serde(skip_serializing_if = "Option::is_none")]
    i: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<String>,
    /// The project a post belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    p: Option<&'a str>,
    /// The language of a text in another language than the site's, for its title's `lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<&'static str>,
    /// Excerpt.
    x: String,
}

/// What the browser needs to search the same way the index was built.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// A hash of the other files, which the browser adds to their addresses so that a cached
    /// shard of an older build is never mixed with this one.
    build: String,
    documents: usize,
    docs_per_chunk: usize,
    min_stem: usize,
    endings: &'a [&'a str],
    stop_words: &'a [&'a str],
    folds: BTreeMap<char, char>,
    /// Characters that are part of a word but removed when it is folded.
    apostrophes: &'a str,
    shards: Vec<String>,
}

/// The files of the search index, paths relative to the output folder.
///
/// `labels` names the kinds of page in the site's language: post, project, page.
pub fn index_files(site: &Site, labels: [&str; 3]) -> Vec<(PathBuf, Vec<u8>)> {
    let c = &site.config;
    let dir = PathBuf::from(&c.paths.search);
    let url = |path: &str| format!("{}{path}", c.root);
    let other_language = |lang: locale::Lang| (lang != c.language).then_some(lang.code());
    let mut docs: Vec<(&DocumentTerms, ResultEntry)> = Vec::new();
    for post in site.posts.iter().filter(|p| !p.timing.is_expired()) {
        docs.push((
            &post.search,
            ResultEntry {
                t: &post.title,
                u: url(&post.path),
                k: labels[0],
                i: Some(post.date.iso()),
                d: Some(locale::date_long(c.language, post.date.date())),
                p: post.project.map(|p| site.projects[p].title.as_str()),
                l: other_language(post.lang),
                x: shorten(&post.summary, EXCERPT_CHARS),
            },
        ));
    }
    for project in site.projects.iter().filter(|p| !p.timing.is_expired()) {
        docs.push((
            &project.search,
            ResultEntry {
                l: other_language(project.lang),
                ..entry(
                    &project.title,
                    url(&project.path),
                    labels[1],
                    &project.summary,
                )
            },
        ));
    }
    for page in site.pages.iter().filter(|p| !p.timing.is_expired()) {
        docs.push((
            &page.search,
            ResultEntry {
                l: other_language(page.lang),
                ..entry(&page.title, url(&page.path), labels[2], &page.summary)
            },
        ));
    }

    // term → postings: document number × 2, plus 1 when the term is in the title or labels.
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
    for (n, (terms, _)) in docs.iter().enumerate() {
        let n = n as u32 * 2;
        for t in terms.heading() {
            postings.entry(t).or_default().push(n + 1);
        }
        for t in terms.body() {
            postings.entry(t).or_default().push(n);
        }
    }
    let mut terms: Vec<(&str, String)> = postings
        .into_par_iter()
        .map(|(term, list)| (term, encode(&list)))
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));

    let mut files = Vec::new();
    let mut shards = Vec::new();
    shard(&terms, 1, &mut |key, group| {
        let mut json = String::from("{");
        for (i, (term, list)) in group.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&serde_json::to_string(term).unwrap_or_default());
            json.push_str(":[");
            json.push_str(list);
            json.push(']');
        }
        json.push('}');
        files.push((dir.join(shard_file(key)), json.into_bytes()));
        shards.push(key.to_string());
    });
    for (n, chunk) in docs.chunks(DOCS_PER_CHUNK).enumerate() {
        let entries: Vec<&ResultEntry> = chunk.iter().map(|(_, e)| e).collect();
        let json = serde_json::to_vec(&entries).unwrap_or_default();
        files.push((dir.join(format!("d-{n}.json")), json));
    }
    let build = {
        let mut hasher = blake3::Hasher::new();
        for (path, bytes) in &files {
            hasher.update(path.as_os_str().as_encoded_bytes());
            hasher.update(bytes);
        }
        hasher.finalize().to_hex()[..16].to_string()
    };
    let manifest = Manifest {
        version: 1,
        build,
        documents: docs.len(),
        docs_per_chunk: DOCS_PER_CHUNK,
        min_stem: MIN_STEM,
        endings: ENDINGS,
        stop_words: STOP_WORDS,
        folds: FOLDS.iter().copied().collect(),
        apostrophes: APOSTROPHES,
        shards,
    };
    files.push((
        dir.join("index.json"),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
    files
}

fn entry<'a>(title: &'a str, url: String, kind: &'a str, summary: &str) -> ResultEntry<'a> {
    ResultEntry {
        t: title,
        u: url,
        k: kind,
        i: None,
        d: None,
        p: None,
        l: None,
        x: shorten(summary, EXCERPT_CHARS),
    }
}

/// Postings as JSON numbers: each the gap to the previous document, doubled, plus the
/// title flag (the browser adds them up again).
fn encode(list: &[u32]) -> String {
    let mut out = String::with_capacity(list.len() * 3);
    let mut previous = 0;
    for (i, value) in list.iter().enumerate() {
        let (doc, flag) = (value / 2, value % 2);
        if i > 0 {
            out.push(',');
        }
        // Writing to a String cannot fail.
        let _ = write!(out, "{}", (doc - previous) * 2 + flag);
        previous = doc;
    }
    out
}

/// The file of the shard `key`: `t-wa.json`; a key of other letters than a–z and digits
/// (Cyrillic: `до`) by their code points, `t-_434_43e.json`, so that every file name is
/// plain ASCII for any server and upload tool (search.js names them the same way).
fn shard_file(key: &str) -> String {
    if key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        return format!("t-{key}.json");
    }
    let mut name = String::from("t-");
    for c in key.chars() {
        // Writing to a String cannot fail.
        let _ = write!(name, "_{:x}", c as u32);
    }
    name.push_str(".json");
    name
}

/// Groups sorted terms by their first `len` letters, splitting groups that are too large.
fn shard(terms: &[(&str, String)], len: usize, emit: &mut impl FnMut(&str, &[(&str, String)])) {
    let key_of = |t: &str| t.chars().take(len).collect::<String>();
    let mut start = 0;
    while start < terms.len() {
        let key = key_of(terms[start].0);
        let end = start
            + terms[start..]
                .iter()
                .take_while(|(t, _)| key_of(t) == key)
                .count();
        let group = &terms[start..end];
        let size: usize = group.iter().map(|(t, l)| t.len() + l.len() + 6).sum();
        // Terms as long as the key itself stay in this shard; longer ones may be split off.
        let (short, long): (Vec<_>, Vec<_>) = group
            .iter()
            .cloned()
            .partition(|(t, _)| t.chars().count() <= len);
        if size > SHARD_TARGET && len < MAX_KEY && !long.is_empty() {
            if !short.is_empty() {
                emit(&key, &short);
            }
            shard(&long, len + 1, emit);
        } else {
            emit(&key, group);
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_gaps_with_the_title_flag() {
        // Documents 0 (title), 2, 5 (title), 6.
        assert_eq!(encode(&[1, 4, 11, 12]), "1,4,7,2");
    }

    #[test]
    fn large_groups_are_split_by_the_next_letter() {
        let big = "1,".repeat(SHARD_TARGET / 2);
        let terms: Vec<(&str, String)> = vec![
            ("pa", "1".into()),
            ("pol", big.clone()),
            ("pom", big.clone()),
            ("ra", "1".into()),
        ];
        let mut keys = Vec::new();
        shard(&terms, 1, &mut |key, group| {
            keys.push((key.to_string(), group.len()))
        });
        assert_eq!(
            keys,
            [
                ("pa".to_string(), 1),
                ("pol".to_string(), 1),
                ("pom".to_string(), 1),
                ("r".to_string(), 1)
            ]
        );
    }
}
