//! What a deploy sends, in which order, and what it deletes: the built files against the
//! manifest kept on the target ([`MANIFEST`], the content hash of every file deployed).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::build::output::MARKER;
use crate::config::Paths;
use crate::locale::catalogue::Deploy;
use crate::locale::{msg, Message};

/// The manifest on the target: every file the last deploys sent, with its BLAKE3 hash.
pub const MANIFEST: &str = ".tablica-deploy.json";
/// The largest manifest read from a target (about 100,000 files).
const MAX_MANIFEST_BYTES: usize = 16 << 20;

/// The file list kept on the target.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Path (relative, with `/`) → hex BLAKE3 hash of the file as sent.
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    /// Reads a manifest from the target. Every path must be a plain relative path: deletions
    /// are made from this list, and the target's copy is not to be trusted with `..`.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, Message> {
        if bytes.len() > MAX_MANIFEST_BYTES {
            return Err(msg!(Deploy::ManifestTooLarge, max = MAX_MANIFEST_BYTES));
        }
        let manifest: Manifest =
            serde_json::from_slice(bytes).map_err(|e| Message::text(e.to_string()))?;
        for (path, hash) in &manifest.files {
            if !is_plain_path(path) {
                return Err(msg!(Deploy::ManifestBadPath, path = path));
            }
            if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(msg!(Deploy::ManifestBadHash, path = path));
            }
        }
        Ok(manifest)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// `a/b.html`: no empty part, no `.` or `..`, no `\`, not absolute, not the manifest.
fn is_plain_path(path: &str) -> bool {
    !path.is_empty()
        && path != MANIFEST
        && !path.contains(['\\', '\0'])
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalFile {
    pub hash: String,
    pub size: u64,
}

/// Every file of the output folder but tablica's own list, by relative path with `/`.
pub fn local_files(output: &Path) -> Result<BTreeMap<String, LocalFile>, (String, std::io::Error)> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            (path, std::io::Error::other(e.to_string()))
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(output)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel == MARKER || rel == MANIFEST || rel.ends_with(".tablica-part") {
            continue;
        }
        let bytes = fs::read(entry.path()).map_err(|e| (rel.clone(), e))?;
        files.insert(
            rel,
            LocalFile {
                hash: blake3::hash(&bytes).to_hex().to_string(),
                size: bytes.len() as u64,
            },
        );
    }
    Ok(files)
}

/// The steps of an upload, in the order they run, so that a reader who opens the site during
/// one never meets a page whose photos are missing or a list that links to nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Photos, styles, scripts, documents, a post's calendar file.
    Assets,
    /// The pages of posts, projects and static pages.
    Pages,
    /// What links to the pages: the home page, lists, tags, archive, feeds, sitemap, search.
    Lists,
}

/// The phase a file is sent in, from its path and the site's section names.
pub fn phase_of(path: &str, paths: &Paths) -> Phase {
    let first = path.split('/').next().unwrap_or_default();
    let list_sections = [
        &paths.tags,
        &paths.categories,
        &paths.archive,
        &paths.search,
        &paths.events,
    ];
    let at_root = !path.contains('/');
    let is_list = path == "index.html"
        || (at_root && [".txt", ".json"].iter().any(|e| path.ends_with(e)))
        || path.ends_with(".xml")
        || (!at_root && list_sections.iter().any(|s| s.as_str() == first))
        || path == format!("{}/index.html", paths.posts)
        || path.starts_with(&format!("{}/{}/", paths.posts, paths.page))
        || path == format!("{}/index.html", paths.projects);
    if is_list {
        Phase::Lists
    } else if path.ends_with(".html") {
        Phase::Pages
    } else {
        Phase::Assets
    }
}

/// One file to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub path: String,
    pub hash: String,
    pub size: u64,
    /// Not on the target yet (otherwise changed).
    pub new: bool,
}

/// What a deploy will do.
#[derive(Debug, Default)]
pub struct Plan {
    /// Files to send, in order: assets, pages, lists; each sorted by path.
    pub uploads: Vec<(Phase, Upload)>,
    /// Files on the target that the site no longer has.
    pub deletions: Vec<String>,
    /// Files already on the target as they are.
    pub unchanged: usize,
}

impl Plan {
    /// Compares the built files with the target's manifest.
    pub fn new(local: &BTreeMap<String, LocalFile>, remote: &Manifest, paths: &Paths) -> Plan {
        let mut plan = Plan::default();
        for (path, file) in local {
            match remote.files.get(path) {
                Some(hash) if *hash == file.hash => plan.unchanged += 1,
                known => plan.uploads.push((
                    phase_of(path, paths),
                    Upload {
                        path: path.clone(),
                        hash: file.hash.clone(),
                        size: file.size,
                        new: known.is_none(),
                    },
                )),
            }
        }
        plan.uploads
            .sort_by(|a, b| (a.0, &a.1.path).cmp(&(b.0, &b.1.path)));
        plan.deletions = remote
            .files
            .keys()
            .filter(|p| !local.contains_key(*p))
            .cloned()
            .collect();
        plan
    }

    pub fn bytes(&self) -> u64 {
        self.uploads.iter().map(|(_, u)| u.size).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.uploads.is_empty() && self.deletions.is_empty()
    }

    /// The folders left empty by the deletions, innermost first: those that held a deleted
    /// file and hold no file of the site.
    pub fn emptied_dirs(&self, local: &BTreeMap<String, LocalFile>) -> Vec<String> {
        let mut dirs: Vec<String> = self
            .deletions
            .iter()
            .flat_map(|p| super::remote::parent_dirs(p))
            .filter(|d| {
                let prefix = format!("{d}/");
                !local.keys().any(|p| p.starts_with(&prefix))
            })
            .map(str::to_string)
            .collect();
        dirs.sort_by(|a, b| {
            b.matches('/')
                .count()
                .cmp(&a.matches('/').count())
                .then(a.cmp(b))
        });
        dirs.dedup();
        dirs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Paths {
        crate::config::from_yaml("title: T\nbase_url: https://e.org/\n").paths
    }

    fn file(hash: char) -> LocalFile {
        LocalFile {
            hash: hash.to_string().repeat(64),
            size: 10,
        }
    }

    #[test]
    fn phases_put_assets_first_and_lists_last() {
        let p = paths();
        for (path, phase) in [
            ("aktualnosci/wpis/zdjecie-800.webp", Phase::Assets),
            ("assets/style.css", Phase::Assets),
            ("aktualnosci/wpis/wpis.ics", Phase::Assets),
            ("aktualnosci/wpis/index.html", Phase::Pages),
            ("o-nas/index.html", Phase::Pages),
            ("projekty/razem/index.html", Phase::Pages),
            ("404.html", Phase::Pages),
            ("index.html", Phase::Lists),
            ("atom.xml", Phase::Lists),
            ("sitemap.xml", Phase::Lists),
            ("robots.txt", Phase::Lists),
            ("aktualnosci/index.html", Phase::Lists),
            ("aktualnosci/strona/2/index.html", Phase::Lists),
            ("projekty/index.html", Phase::Lists),
            ("projekty/razem/atom.xml", Phase::Lists),
            ("tagi/seniorzy/index.html", Phase::Lists),
            ("szukaj/t-a.json", Phase::Lists),
            ("wydarzenia/kalendarz.ics", Phase::Lists),
        ] {
            assert_eq!(phase_of(path, &p), phase, "{path}");
        }
    }

    #[test]
    fn only_changes_are_sent_and_removed_files_deleted() {
        let local: BTreeMap<String, LocalFile> = [
            ("index.html".to_string(), file('a')),
            ("a/index.html".to_string(), file('b')),
            ("a/x.jpg".to_string(), file('c')),
        ]
        .into();
        let remote = Manifest {
            files: [
                ("index.html".to_string(), "0".repeat(64)),
                ("a/x.jpg".to_string(), "c".repeat(64)),
                ("old/index.html".to_string(), "d".repeat(64)),
                ("old/deep/p.jpg".to_string(), "e".repeat(64)),
            ]
            .into(),
        };
        let plan = Plan::new(&local, &remote, &paths());
        let sent: Vec<_> = plan
            .uploads
            .iter()
            .map(|(_, u)| (u.path.as_str(), u.new))
            .collect();
        assert_eq!(sent, [("a/index.html", true), ("index.html", false)]);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.deletions, ["old/deep/p.jpg", "old/index.html"]);
        assert_eq!(plan.emptied_dirs(&local), ["old/deep", "old"]);
    }

    #[test]
    fn a_manifest_cannot_reach_outside_the_target() {
        let hash = "a".repeat(64);
        for bad in ["../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "", MANIFEST] {
            let json = serde_json::json!({ "files": { bad: hash } }).to_string();
            assert!(Manifest::parse(json.as_bytes()).is_err(), "{bad:?}");
        }
        let good = serde_json::json!({ "files": { "a/b.html": hash } }).to_string();
        assert!(Manifest::parse(good.as_bytes()).is_ok());
        assert!(Manifest::parse(b"{\"files\": {\"a\": \"zz\"}}").is_err());
    }
}
