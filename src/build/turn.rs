//! One build at a time per site in this process. `tablica edit` builds the preview, the
//! publishing build and the editor's own checks in threads of one process, and they share the
//! site's photo cache: a build that finished prunes the entries it did not use, which may be
//! the very entries another build is copying at that moment. Builds of other sites (the tests
//! run many at once) do not wait for each other.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The sites (by their canonical folder) that have a build running.
static BUSY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static FREED: Condvar = Condvar::new();

/// A running build's turn on its site, given back when dropped.
pub(super) struct Turn(PathBuf);

impl Turn {
    /// Waits until no other build of the site at `root` runs in this process.
    pub(super) fn take(root: &Path) -> Turn {
        let mut busy = busy();
        while busy.iter().any(|r| r == root) {
            busy = FREED.wait(busy).unwrap_or_else(PoisonError::into_inner);
        }
        busy.push(root.to_path_buf());
        Turn(root.to_path_buf())
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        busy().retain(|r| r != &self.0);
        FREED.notify_all();
    }
}

fn busy() -> MutexGuard<'static, Vec<PathBuf>> {
    // The list stays consistent even if a build panicked while holding the lock.
    BUSY.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn builds_of_one_site_take_turns_and_other_sites_do_not_wait() {
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (inside, most) = (inside.clone(), most.clone());
                std::thread::spawn(move || {
                    let _turn = Turn::take(Path::new("/site/a"));
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    inside.fetch_sub(1, Ordering::SeqCst);
                })
            })
            .collect();
        for thread in threads {
            thread.join().expect("a build thread");
        }
        assert_eq!(
            most.load(Ordering::SeqCst),
            1,
            "two builds of one site ran at once"
        );
        let _a = Turn::take(Path::new("/site/a"));
        // Would wait forever if another site's build waited for this one.
        let _b = Turn::take(Path::new("/site/b"));
    }
}
