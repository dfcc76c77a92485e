//! The automatic builds `tablica new` writes beside the site: a GitHub Actions workflow, a
//! GitLab CI file, and a systemd service and timer for a server. Each builds on a change (CI)
//! and every morning, so events move from upcoming to past and `publish:` texts appear, then
//! publishes (GitHub or GitLab Pages, or a `deploy:` target with its password from the CI's
//! secret store). `tests/package/check-workflows.sh` lints the files as they are here.

use std::fs;
use std::io;
use std::path::Path;

/// Where the released programs are, by tag: `<RELEASES>/v0.1.0/tablica-v0.1.0-…tar.gz` (see
/// `.github/workflows/release.yml` for the names). The repository's public address is not
/// recorded anywhere in this repository yet: this one is assumed, and must be corrected here
/// (the only place) if the releases are published elsewhere. A site's workflow can also be
/// pointed elsewhere by editing its `TABLICA_RELEASES`.
pub const RELEASES: &str = "https://github.com/tablica-cms/tablica/releases/download";

/// Each file: where `new` writes it in the site, and its text with `__VERSION__` and
/// `__RELEASES__` to fill in.
const FILES: &[(&str, &str)] = &[
    (
        ".github/workflows/strona.yml",
        include_str!("ci/github.yml"),
    ),
    (".gitlab-ci.yml", include_str!("ci/gitlab.yml")),
    (
        "serwer/tablica-strona.service",
        include_str!("ci/tablica-strona.service"),
    ),
    (
        "serwer/tablica-strona.timer",
        include_str!("ci/tablica-strona.timer"),
    ),
];

/// Writes the files into the new site at `dir`, for this version of tablica.
pub(super) fn write(dir: &Path) -> io::Result<()> {
    for (path, text) in FILES {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let text = text
            .replace("__VERSION__", env!("CARGO_PKG_VERSION"))
            .replace("__RELEASES__", RELEASES);
        fs::write(path, text)?;
    }
    Ok(())
}
