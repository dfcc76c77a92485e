//! The bundle files that pages link to, copied beside the pages.

use std::path::PathBuf;

use crate::diagnostics::Diagnostic;
use crate::fingerprint;
use crate::site::attachments::{extension, is_published};
use crate::site::Site;
use crate::url::output_file;

/// Documents and media files in page bundles, as (source, output file): copied beside the
/// page. Photos are not among them: they are published only through the photo pipeline,
/// which strips their metadata.
pub fn find(site: &Site, problems: &mut Vec<Diagnostic>) -> Vec<(PathBuf, PathBuf)> {
    let mut found = Vec::new();
    for doc in site.documents().filter(|d| d.is_bundle) {
        let Ok(entries) = std::fs::read_dir(doc.dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if fingerprint::is_ignored_name(&name) || !is_published(&extension(&name)) {
                continue;
            }
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_symlink() {
                problems.push(
                    Diagnostic::error(
                        doc.path.with_file_name(&name),
                        crate::locale::catalogue::Content::SymlinkNotFollowed,
                    )
                    .hint(crate::locale::catalogue::Documents::BundleSymlinkHint),
                );
                continue;
            }
            if file_type.is_file() {
                let target = output_file(doc.url_path).with_file_name(&name);
                found.push((entry.path(), target));
            }
        }
    }
    found
}
