//! The preview's state shared between the build loop and the HTTP workers: the result of
//! the last build, numbered, so that open pages know when to reload or show an error.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

use super::mount::Mount;
use crate::build::BuildError;
use crate::locale::catalogue::Cli;
use crate::locale::Message;

/// The result of the last build, as `/__tablica/status` reports it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Status {
    /// Increases with every build, good or failed.
    pub generation: u64,
    pub ok: bool,
    /// What went wrong, when the build failed.
    pub error: Option<String>,
    /// Every problem of the failed build.
    pub problems: Vec<Problem>,
    /// The path the site lives under (from `base_url`), e.g. `/`.
    #[serde(skip)]
    pub url_root: Option<String>,
    /// The problems and the error as the terminal shows them.
    #[serde(skip)]
    pub report: Vec<String>,
}

/// One problem, for the error overlay.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Problem {
    pub severity: &'static str,
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Status {
    /// A successful build of a site living under `url_root`.
    pub fn built(url_root: String) -> Self {
        Status {
            generation: 0,
            ok: true,
            error: None,
            problems: Vec::new(),
            url_root: Some(url_root),
            report: Vec::new(),
        }
    }

    /// The status as the browser gets it: at most [`BROWSER_PROBLEMS`] problems, each text
    /// cut to [`BROWSER_TEXT`] characters. Enough to say what to fix; the terminal has it all.
    pub fn for_browser(&self) -> Status {
        let mut status = self.clone();
        status.problems.truncate(BROWSER_PROBLEMS);
        for p in &mut status.problems {
            for text in [&mut p.message, &mut p.file]
                .into_iter()
                .chain(p.hint.as_mut())
                .chain(p.field.as_mut())
            {
                clip(text);
            }
        }
        if let Some(error) = &mut status.error {
            clip(error);
        }
        status
    }

    /// A failed build.
    pub fn failed(error: &BuildError) -> Self {
        let diagnostics = match error {
            BuildError::Content(ds) => &ds.0[..],
            _ => &[],
        };
        let mut report: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        report.push(format!("{}: {error}", Message::new(Cli::Error)));
        let problems = diagnostics
            .iter()
            .map(|d| Problem {
                severity: d.severity.as_str(),
                file: d.file.display().to_string(),
                line: d.line,
                field: d.field.clone(),
                message: d.message.to_string(),
                hint: d.hint.as_ref().map(ToString::to_string),
            })
            .collect();
        Status {
            generation: 0,
            ok: false,
            error: Some(error.to_string()),
            problems,
            url_root: None,
            report,
        }
    }
}

/// Problems the browser is shown at most.
const BROWSER_PROBLEMS: usize = 50;
/// Characters of one text the browser is shown at most.
const BROWSER_TEXT: usize = 300;

/// Cuts `text` to [`BROWSER_TEXT`] characters, marking the cut.
fn clip(text: &mut String) {
    if let Some((at, _)) = text.char_indices().nth(BROWSER_TEXT) {
        text.truncate(at);
        text.push('…');
    }
}

/// The status, a signal for waiting readers, and where the pages are.
pub struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    /// The folder the pages are served from.
    pub out_dir: PathBuf,
    /// The part served by a later stage (the editor), if any.
    pub mount: Option<Arc<dyn Mount>>,
}

struct State {
    status: Status,
    /// The path the site lives under, from the last good build.
    url_root: Option<String>,
    closed: bool,
}

impl Shared {
    pub fn new(out_dir: PathBuf, mount: Option<Arc<dyn Mount>>) -> Self {
        let building = Message::new(Cli::BeingBuilt);
        Shared {
            state: Mutex::new(State {
                status: Status {
                    generation: 0,
                    ok: false,
                    error: Some(building.to_string()),
                    problems: Vec::new(),
                    url_root: None,
                    report: vec![format!("{}: {building}", Message::new(Cli::Error))],
                },
                url_root: None,
                closed: false,
            }),
            changed: Condvar::new(),
            out_dir,
            mount,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records a build's result and wakes everyone waiting for one.
    pub fn publish(&self, mut status: Status) {
        let mut state = self.lock();
        status.generation = state.status.generation + 1;
        if let Some(root) = &status.url_root {
            state.url_root = Some(root.clone());
        }
        state.status = status;
        self.changed.notify_all();
    }

    /// The last build's result.
    pub fn status(&self) -> Status {
        self.lock().status.clone()
    }

    /// The number of the last build, counting failed ones.
    pub fn generation(&self) -> u64 {
        self.lock().status.generation
    }

    /// The path the site lives under, once a build succeeded.
    pub fn url_root(&self) -> Option<String> {
        self.lock().url_root.clone()
    }

    /// Waits until a build newer than `generation` is published, or `timeout` passes.
    /// `None` when the preview is stopping.
    pub fn wait_newer(&self, generation: u64, timeout: Duration) -> Option<Status> {
        let state = self.lock();
        let (state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |s| {
                !s.closed && s.status.generation <= generation
            })
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (!state.closed).then(|| state.status.clone())
    }

    /// Tells waiting readers that the preview stops.
    pub fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }
}
