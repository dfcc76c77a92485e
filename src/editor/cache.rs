//! What the editor would otherwise read again on every request: the site's settings and what
//! each document's front matter says for the list. Each is kept with the modification time
//! and size of its file and read again only when one of them changed (a save by the editor,
//! a colleague, a `git pull`), so a request reads the files changed since the last one only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::config::{Config, CONFIG_FILE};
use crate::content::CONTENT_DIR;
use crate::diagnostics::Diagnostic;
use crate::fingerprint::FileStamp as Stamp;

/// The site's settings, or the problems that stop them being read.
pub type Settings = Result<Arc<Config>, Arc<Vec<Diagnostic>>>;

/// Values read from files, each kept with its file's stamp.
pub struct Kept<T> {
    entries: Mutex<HashMap<PathBuf, (Option<Stamp>, T)>>,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<T: Clone> Kept<T> {
    fn lock(&self) -> MutexGuard<'_, HashMap<PathBuf, (Option<Stamp>, T)>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The value of each of `paths` (in their order): kept, or `read` again when the file's
    /// stamp changed. Files not asked for are forgotten.
    pub fn each(&self, paths: &[PathBuf], read: impl Fn(&Path) -> T) -> Vec<T> {
        let mut kept = self.lock();
        let mut now = HashMap::with_capacity(paths.len());
        let values = paths
            .iter()
            .map(|path| {
                let stamp = Stamp::of_entry(path);
                let value = match kept.remove(path) {
                    Some((was, value)) if fresh(was, stamp) => value,
                    _ => read(path),
                };
                now.insert(path.clone(), (stamp, value.clone()));
                value
            })
            .collect();
        *kept = now;
        values
    }

    /// The value of `path`: kept, or `read` again when the file's stamp changed.
    pub fn one(&self, path: &Path, read: impl Fn(&Path) -> T) -> T {
        let stamp = Stamp::of_entry(path);
        let mut kept = self.lock();
        if let Some((was, value)) = kept.get(path) {
            if fresh(*was, stamp) {
                return value.clone();
            }
        }
        let value = read(path);
        kept.insert(path.to_path_buf(), (stamp, value.clone()));
        value
    }
}

/// Whether a value read when its file had the stamp `was` still holds now.
fn fresh(was: Option<Stamp>, now: Option<Stamp>) -> bool {
    was.is_some() && was == now
}

/// The settings of the site at `root`, read again when `content/site.yaml` changed.
pub fn settings(kept: &Kept<Settings>, root: &Path) -> Settings {
    let file = root.join(CONTENT_DIR).join(CONFIG_FILE);
    kept.one(&file, |_| {
        crate::config::load(root).map(Arc::new).map_err(Arc::new)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::fs;

    #[test]
    fn a_file_is_read_again_only_when_it_changed_and_forgotten_when_gone() {
        let dir = tempfile::tempdir().expect("a folder");
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        fs::write(&a, "jeden").expect("a");
        fs::write(&b, "dwa").expect("b");
        let kept: Kept<String> = Kept::default();
        let reads = Cell::new(0);
        let read = |p: &Path| {
            reads.set(reads.get() + 1);
            fs::read_to_string(p).unwrap_or_default()
        };
        let both = [a.clone(), b.clone()];
        assert_eq!(kept.each(&both, read), ["jeden", "dwa"]);
        assert_eq!(kept.each(&both, read), ["jeden", "dwa"]);
        assert_eq!(reads.get(), 2, "nothing changed, nothing read");
        fs::write(&a, "jeden, poprawiony").expect("a again");
        assert_eq!(kept.each(&both, read), ["jeden, poprawiony", "dwa"]);
        assert_eq!(reads.get(), 3, "only the changed file is read");
        kept.each(std::slice::from_ref(&b), read);
        assert_eq!(kept.lock().len(), 1, "a file not asked for is forgotten");
    }
}
