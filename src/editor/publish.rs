//! "Opublikuj": builds the site into `public/` as `tablica build` does, then, when `site.yaml`
//! names one publishing target (`deploy:`), sends it there as `tablica deploy` does. The work
//! runs in a thread of its own; the button leads to a page that shows its stage (building,
//! sending, done) and reloads itself until the end (a `<meta http-equiv="refresh">` without
//! the script, a polite live region polled by the script), then the result in plain words.
//! One publication at a time: a second click shows the running one.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::cache::Settings;
use super::pages::t;
use super::routes::Call;
use super::PREFIX;
use crate::build::{build, BuildError, BuildOptions};
use crate::deploy::{deploy, DeployOptions, Outcome};
use crate::locale::catalogue::Editor as E;
use crate::locale::{msg, Lang};
use crate::render::theme::escape_html as esc;
use crate::serve::MountResponse;

/// Where the page showing the publication is.
pub const STATUS: &str = "publikacja";
/// How often the page without a script reloads itself, in seconds.
const REFRESH: u32 = 3;

/// Where a publication is.
#[derive(Debug, Clone)]
pub enum Stage {
    Building,
    /// Built (`files` files written), being sent to the server.
    Sending {
        files: usize,
    },
    Done(Ended),
}

/// How a publication ended: the answer's status, what happened, the details.
#[derive(Debug, Clone)]
pub struct Ended {
    pub status: u16,
    pub what: E,
    pub lines: Vec<String>,
}

/// The running or last publication, shared with the thread doing it.
#[derive(Debug, Default, Clone)]
pub struct Board(Arc<Mutex<Option<Stage>>>);

impl Board {
    fn lock(&self) -> MutexGuard<'_, Option<Stage>> {
        // A thread that panicked left a stage that is still true.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn stage(&self) -> Option<Stage> {
        self.lock().clone()
    }

    fn set(&self, stage: Stage) {
        *self.lock() = Some(stage);
    }

    /// Marks a publication as started; `false` when one is running already.
    fn start(&self) -> bool {
        let mut stage = self.lock();
        if matches!(*stage, Some(Stage::Building | Stage::Sending { .. })) {
            return false;
        }
        *stage = Some(Stage::Building);
        true
    }
}

/// The button: starts a publication unless one runs, and shows it.
pub fn publish(call: &Call) -> MountResponse {
    let board = call.editor.publication.clone();
    if !board.start() {
        return MountResponse::see_other(&format!("{PREFIX}{STATUS}?juz=tak"));
    }
    let root = call.editor.root.clone();
    let lang = call.editor.lang;
    let settings = call.settings().clone();
    std::thread::spawn(move || {
        let ended = catch_unwind(AssertUnwindSafe(|| run(&board, &root, lang, settings)))
            .unwrap_or_else(|_| Ended {
                status: 500,
                what: E::PublishBuildFailed,
                lines: Vec::new(),
            });
        board.set(Stage::Done(ended));
    });
    MountResponse::see_other(&format!("{PREFIX}{STATUS}"))
}

/// Builds, then deploys when a target is configured.
fn run(board: &Board, root: &Path, lang: Lang, settings: Settings) -> Ended {
    let ended = |status, what, lines| Ended {
        status,
        what,
        lines,
    };
    let report = match build(&BuildOptions::new(root)) {
        Ok(report) => report,
        Err(BuildError::Content(ds)) => {
            let lines = ds.0.iter().map(|d| d.render(lang)).collect();
            return ended(422, E::PublishBuildFailed, lines);
        }
        Err(other) => return ended(422, E::PublishBuildFailed, vec![other.to_string()]),
    };
    let config = match settings {
        Ok(c) => c,
        Err(ds) => {
            let lines = ds.iter().map(|d| d.render(lang)).collect();
            return ended(422, E::PublishBuildFailed, lines);
        }
    };
    let built = msg!(
        E::PublishBuiltCounts,
        posts = report.posts,
        pages = report.pages + report.projects,
        files = report.files
    )
    .render(lang);
    if config.deploy.is_empty() {
        return ended(200, E::PublishBuiltOnly, vec![built]);
    }
    board.set(Stage::Sending {
        files: report.files,
    });
    let options = DeployOptions {
        root: PathBuf::from(root),
        output: None,
        target: None,
        dry_run: false,
        progress: false,
    };
    match deploy(&config, &options) {
        Ok(Outcome::Deployed(report)) => ended(200, E::Published, vec![built, report.to_string()]),
        Ok(Outcome::DryRun(listing)) => ended(200, E::Published, vec![built, listing.to_string()]),
        Err(e) => ended(502, E::PublishDeployFailed, vec![built, e.to_string()]),
    }
}

/// The page of the publication: its stage while it runs (reloading itself), then its result.
pub fn status(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let (status, running, said, lines) = match call.editor.publication.stage() {
        None => (200, false, t(lang, E::PublishNone), Vec::new()),
        Some(Stage::Building) => (200, true, t(lang, E::PublishBuilding), Vec::new()),
        Some(Stage::Sending { files }) => {
            let said = msg!(E::PublishSending, files = files).render(lang);
            (200, true, esc(&said), Vec::new())
        }
        Some(Stage::Done(ended)) => (ended.status, false, t(lang, ended.what), ended.lines),
    };
    let details: String = lines
        .iter()
        .map(|l| format!("<li><pre>{}</pre></li>", esc(l)))
        .collect();
    let (head, attribute, more) = if running {
        (
            format!("<noscript><meta http-equiv=\"refresh\" content=\"{REFRESH}\"></noscript>"),
            " data-trwa=\"tak\"",
            format!(
                "<p>{} <a href=\"{PREFIX}{STATUS}\">{}</a></p>",
                t(lang, E::PublishRefreshes),
                t(lang, E::PublishRefresh)
            ),
        )
    } else {
        (String::new(), "", String::new())
    };
    let busy = if running && call.get("juz") == "tak" {
        format!("<p>{}</p>", t(lang, E::PublishBusy))
    } else {
        String::new()
    };
    let main = format!(
        "<h1>{}</h1>{busy}<div id=\"publikacja\" class=\"komunikat\" role=\"status\"{attribute}><p>{said}</p>{more}\
         <ul class=\"wynik\">{details}</ul></div><p><a href=\"{PREFIX}\">{}</a></p>",
        t(lang, E::Publish),
        t(lang, E::BackToList)
    );
    call.screen_with_head(status, E::Publish, &head, &main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_publication_at_a_time_and_another_once_it_ended() {
        let board = Board::default();
        assert!(board.stage().is_none());
        assert!(board.start());
        assert!(!board.start(), "building");
        board.set(Stage::Sending { files: 3 });
        assert!(!board.start(), "sending");
        board.set(Stage::Done(Ended {
            status: 200,
            what: E::Published,
            lines: Vec::new(),
        }));
        assert!(board.start(), "the last one ended");
    }
}
