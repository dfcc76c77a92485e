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
//! With both unchanged the output is what a new build would write, and the build is skipped;
//! unless the time of a document's `publish:` or `expires:` has come since (the record keeps the
//! first such time after its build).
//! The record is written after the new output is in place; a build killed before that leaves
//! the old record, whose output hash no longer matches the new files, so nothing is skipped.

use std::fs;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::content::{file, CONTENT_DIR};
use crate::diagnostics::Diagnostic;
use crate::fingerprint;
use crate::fingerprint::FileStamp;
use crate::render::theme::THEMES_DIR;

use super::output::output_hash;

/// The record's file name inside the cache folder.
const FILE: &str = "last-build.json";
/// Changes when the record's meaning changes.
const VERSION: u32 = 3;

/// What a finished build was made from and what it reported.
#[derive(Debug, Serialize, Deserialize)]
pub struct LastBuild {
    version: u32,
    inputs: String,
    output: String,
    /// The first time after that build when a document was to be published or expire.
    until: Option<NaiveDateTime>,
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
        let exe = std::env::current_exe().ok().and_then(|p| FileStamp::of(&p));
        let hash = fingerprint::of((
            env!("CARGO_PKG_VERSION"),
            exe,
            options,
            output,
            today,
            std::env::var(crate::content::date::NOW_VAR).ok(),
            fingerprint::of_tree(&root.join(CONTENT_DIR), fingerprint::ignored),
            fingerprint::of_tree(&root.join(THEMES_DIR), fingerprint::ignored),
        ));
        Inputs {
            hash: format!("{hash:016x}"),
        }
    }

    /// The record of the last build if it was made from these inputs, its output folder is
    /// as it left it, and no document's publish or expiry time has come by `now`.
    pub fn last_build(
        &self,
        cache_dir: &Path,
        output: &Path,
        now: NaiveDateTime,
    ) -> Option<LastBuild> {
        let text = file::read(&cache_dir.join(FILE), file::MAX_RECORD_BYTES).ok()?;
        let last: LastBuild = serde_json::from_slice(&text).ok()?;
        (last.version == VERSION && last.inputs == self.hash && last.output == output_hash(output))
            .then_some(last)
            .filter(|last| last.until.is_none_or(|until| now < until))
    }

    /// Records a finished build of these inputs, whose output (now as its [`output_hash`] is)
    /// stays current `until` the next publish or expiry time.
    pub fn record(
        self,
        cache_dir: &Path,
        output: String,
        (counts, until): ([usize; 4], Option<NaiveDateTime>),
        warnings: &[Diagnostic],
    ) -> std::io::Result<()> {
        let [posts, projects, pages, photos] = counts;
        let record = LastBuild {
            version: VERSION,
            inputs: self.hash,
            output,
            until,
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

/// Whether the last build recorded in `cache_dir` left `output` exactly as it is now: then every
/// file in it is tablica's, also when an earlier version of tablica wrote no list of them.
pub fn wrote(cache_dir: &Path, output: &Path) -> bool {
    file::read(&cache_dir.join(FILE), file::MAX_RECORD_BYTES)
        .ok()
        .and_then(|text| serde_json::from_slice::<LastBuild>(&text).ok())
        .is_some_and(|last| last.version == VERSION && last.output == output_hash(output))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_out_of_date_from_the_next_publish_or_expiry_time() {
        let root = tempfile::tempdir().expect("temp dir");
        let (cache, output) = (root.path().join("cache"), root.path().join("public"));
        fs::create_dir_all(&output).expect("output folder");
        let at = |s: &str| crate::content::date::parse(s).expect("a date").local;
        let day = at("2026-12-05").date();
        let inputs = || Inputs::of(root.path(), &output, "", day);
        let until = Some(at("2026-12-05 08:00"));
        inputs()
            .record(&cache, output_hash(&output), ([1, 0, 0, 0], until), &[])
            .expect("recorded");
        let last = |now| inputs().last_build(&cache, &output, at(now));
        assert_eq!(last("2026-12-05 07:59").map(|l| l.posts), Some(1));
        assert!(last("2026-12-05 08:00").is_none());
    }
}
