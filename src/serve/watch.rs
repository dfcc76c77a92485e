//! Watching the site for changes with notify: `content/` and `themes/` recursively and the
//! site folder itself (to see those folders deleted and created again). Bursts of events are
//! debounced into one batch; editors' temporary files are ignored.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::ServeError;
use crate::content::CONTENT_DIR;
use crate::fingerprint::is_ignored_name;
use crate::render::theme::THEMES_DIR;

/// A batch ends after this long without a new event (an editor's save is a burst of events
/// microseconds apart; a patched rebuild takes a few milliseconds, so this wait is most of
/// the time from save to page)...
const QUIET: Duration = Duration::from_millis(10);
/// ...or after this long in all, so a long burst still shows progress.
const MAX_WAIT: Duration = Duration::from_millis(1000);

enum Message {
    Fs(notify::Result<notify::Event>),
    Wake,
}

/// Changes to the site, in batches.
pub struct Events {
    rx: Receiver<Message>,
    tx: Sender<Message>,
    watcher: RecommendedWatcher,
    root: PathBuf,
}

/// Starts watching the site at `root`.
pub fn start(root: &Path) -> Result<Events, ServeError> {
    let (tx, rx) = channel();
    let sender = tx.clone();
    let watcher = notify::recommended_watcher(move |e| {
        let _ = sender.send(Message::Fs(e));
    })
    .map_err(|source| ServeError::Watch {
        path: root.to_path_buf(),
        source,
    })?;
    let mut events = Events {
        rx,
        tx,
        watcher,
        root: root.to_path_buf(),
    };
    events
        .watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|source| ServeError::Watch {
            path: root.to_path_buf(),
            source,
        })?;
    events.watch_sections();
    Ok(events)
}

impl Events {
    /// A function that makes [`Events::next_batch`] return at once (to stop).
    pub fn waker(&self) -> impl Fn() + Send + 'static {
        let tx = self.tx.clone();
        move || {
            let _ = tx.send(Message::Wake);
        }
    }

    /// (Re)starts the recursive watches of `content/` and `themes/` where they exist.
    fn watch_sections(&mut self) {
        for dir in [CONTENT_DIR, THEMES_DIR] {
            let path = self.root.join(dir);
            if path.is_dir() {
                let _ = self.watcher.unwatch(&path);
                let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
    }

    /// Waits for the next change and returns the changed paths once events stop coming for a
    /// moment. `None` when woken, or when only ignored files changed.
    pub fn next_batch(&mut self) -> Option<Vec<PathBuf>> {
        let mut changed = BTreeSet::new();
        let mut sections_changed = false;
        let mut take = |message: Message, changed: &mut BTreeSet<PathBuf>| -> bool {
            let Message::Fs(result) = message else {
                return false;
            };
            match result {
                Ok(event) if !matches!(event.kind, EventKind::Access(_)) => {
                    for path in event.paths {
                        if self.is_section(&path) {
                            sections_changed = true;
                            changed.insert(path);
                        } else if self.is_relevant(&path) {
                            changed.insert(path);
                        }
                    }
                }
                Ok(_) => {}
                // The watcher lost events (e.g. its queue overflowed): rebuild everything.
                Err(_) => {
                    sections_changed = true;
                    changed.insert(self.root.join(CONTENT_DIR));
                }
            }
            true
        };
        let first = self.rx.recv().ok()?;
        if !take(first, &mut changed) {
            return None;
        }
        let started = Instant::now();
        while started.elapsed() < MAX_WAIT {
            match self.rx.recv_timeout(QUIET) {
                Ok(message) => {
                    if !take(message, &mut changed) {
                        return None;
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        if sections_changed {
            self.watch_sections();
        }
        (!changed.is_empty()).then(|| changed.into_iter().collect())
    }

    /// `content/` or `themes/` themselves (created, deleted, renamed).
    fn is_section(&self, path: &Path) -> bool {
        path == self.root.join(CONTENT_DIR) || path == self.root.join(THEMES_DIR)
    }

    /// A file below `content/` or `themes/` that is not an editor's temporary file.
    fn is_relevant(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let in_section = rel.starts_with(CONTENT_DIR) || rel.starts_with(THEMES_DIR);
        in_section
            && !rel.components().any(|c| {
                let name = c.as_os_str().to_string_lossy();
                is_ignored_name(&name) || is_editor_temp(&name)
            })
    }
}

/// Temporary files of editors that `is_ignored_name` does not already cover.
fn is_editor_temp(name: &str) -> bool {
    name == "4913" // vim's test file
        || name.ends_with(".kate-swp")
        || name.ends_with(".crswap")
        || name.contains("___jb_")
        || name.contains(".tablica-tmp")
        || name.ends_with(".part")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_temporary_files_are_ignored() {
        for name in [
            ".post.md.swp",
            "post.md~",
            "4913",
            ".#post.md",
            "#post.md#",
            "post.md.kate-swp",
            "post.md___jb_tmp___",
            "~$raport.docx",
        ] {
            assert!(
                is_ignored_name(name) || is_editor_temp(name),
                "{name} should be ignored"
            );
        }
        for name in ["post.md", "index.md", "zdjecie-1.jpg", "site.yaml"] {
            assert!(!is_ignored_name(name) && !is_editor_temp(name), "{name}");
        }
    }
}
