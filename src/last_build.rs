//! What the last successful `build` was made from, so that a build with nothing changed can
//! stop early, as `make` does.
//!
//! The record, `.tablica-cache/last-build.json`, holds two hashes:
//! - the **inputs**: this tablica binary, the build options, the site-local date (pages show
//!   upcoming events and the year), `TABLICA_NOW`, and the name, size and modification time of
//!   every file under `content/` and `themes/`;
//! - the **output**: the name, size and modification time of every file in the output folder,
//!   so an output folder that was changed or deleted by hand is built again.
//!
//! With both unchanged the output is what a new build would write, and the build is skipped.
//! The record is written after the new output is in place; a build killed before that leaves
//! the old record, whose output hash no longer matches the new files, so nothing is skipped.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::content::{is_ignored_name, CONTENT_DIR};
use crate::diagnostics::Diagnostic;
use crate::theme::THEMES_DIR;

/// The record's file name inside the cache folder.
const FILE: &str = "last-build.json";
/// Changes when the record's meaning changes.
const VERSION: u32 = 1;

/// What a finished build was made from and what it reported.
#[derive(Debug, Serialize, Deserialize)]
pub struct LastBuild {
    version: u32,
    inputs: String,
    output: String,
    pub posts: usize,
    pub projects: usize,
    pub pages: usize,
    pub photos: usize,
    /// The warnings of that build, shown again when it is reused.
    pub warnings: Vec<Diagnostic>,
}

/// What a build is made from: see the module documentation.
pub struct Inputs {
    hash: String,
}

impl Inputs {
    /// Hashes the inputs of building the site at `root` into `output` on `today`; `options`
    /// are the build options that change the output, in any stable text form.
    pub fn of(root: &Path, output: &Path, options: &str, today: NaiveDate) -> Inputs {
        let mut h = blake3::Hasher::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        if let Some(exe) = std::env::current_exe()
            .ok()
            .and_then(|p| fs::metadata(p).ok())
        {
            hash_metadata(&mut h, &exe);
        }
        for part in [
            options,
            &output.to_string_lossy(),
            &today.to_string(),
            &std::env::var(crate::events::NOW_VAR).unwrap_or_default(),
        ] {
            hash_str(&mut h, part);
        }
        for dir in [CONTENT_DIR, THEMES_DIR] {
            hash_tree(&mut h, &root.join(dir), true);
        }
        Inputs {
            hash: h.finalize().to_hex().to_string(),
        }
    }

    /// The record of the last build if it was made from these inputs and its output folder is
    /// as it left it.
    pub fn last_build(&self, cache_dir: &Path, output: &Path) -> Option<LastBuild> {
        let text = fs::read(cache_dir.join(FILE)).ok()?;
        let last: LastBuild = serde_json::from_slice(&text).ok()?;
        (last.version == VERSION && last.inputs == self.hash && last.output == output_hash(output))
            .then_some(last)
    }

    /// Records a finished build of these inputs, whose output is now in `output`.
    pub fn record(
        self,
        cache_dir: &Path,
        output: &Path,
        counts: [usize; 4],
        warnings: &[Diagnostic],
    ) -> std::io::Result<()> {
        let [posts, projects, pages, photos] = counts;
        let record = LastBuild {
            version: VERSION,
            inputs: self.hash,
            output: output_hash(output),
            posts,
            projects,
            pages,
            photos,
            warnings: warnings.to_vec(),
        };
        fs::create_dir_all(cache_dir)?;
        let path = cache_dir.join(FILE);
        let temp = cache_dir.join(format!("{FILE}.tmp"));
        fs::write(
            &temp,
            serde_json::to_vec(&record).map_err(std::io::Error::other)?,
        )?;
        fs::rename(temp, path)
    }
}

fn output_hash(output: &Path) -> String {
    let mut h = blake3::Hasher::new();
    hash_tree(&mut h, output, false);
    h.finalize().to_hex().to_string()
}

/// Hashes the relative path, kind, size and modification time of everything under `dir`
/// (symbolic links by what they point to), in name order. With `skip_ignored`, editors'
/// temporary files and hidden files are left out, as the build leaves them out.
fn hash_tree(h: &mut blake3::Hasher, dir: &Path, skip_ignored: bool) {
    let walk = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !skip_ignored || !is_ignored_name(&e.file_name().to_string_lossy())
        });
    for entry in walk {
        let Ok(entry) = entry else {
            // Unreadable: never equal to a readable tree.
            h.update(b"\0unreadable");
            continue;
        };
        let rel: PathBuf = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .into();
        hash_str(h, &rel.to_string_lossy());
        match fs::metadata(entry.path()) {
            Ok(meta) => hash_metadata(h, &meta),
            Err(_) => {
                h.update(b"\0missing");
            }
        }
    }
}

fn hash_metadata(h: &mut blake3::Hasher, meta: &fs::Metadata) {
    h.update(&[u8::from(meta.is_dir())]);
    if meta.is_file() {
        h.update(&meta.len().to_le_bytes());
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .unwrap_or_default();
        h.update(&modified.as_nanos().to_le_bytes());
    }
}

fn hash_str(h: &mut blake3::Hasher, s: &str) {
    h.update(&s.len().to_le_bytes());
    h.update(s.as_bytes());
}
