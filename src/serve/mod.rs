//! `tablica serve`: a local preview. Builds the site into a private folder, serves it on
//! 127.0.0.1, watches the site for changes, rebuilds only what changed and reloads open
//! browser tabs. A failed rebuild keeps the last good pages and shows the problems over them.

mod files;
mod http;
mod status;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use crate::build::{BuildOptions, Builder, CACHE_DIR};
use crate::locale::catalogue::Cli as M;
use crate::locale::{msg, Message};
use status::Shared;
pub use status::Status;

/// Where the preview's pages are written, below the cache folder: never `public/`.
const SERVE_DIR: &str = "serve";

/// How many ports after the asked one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

/// The script tag injected into every previewed page (and never into `build` output).
const LIVE_SCRIPT: &str = "<script src=\"/__tablica/live.js\" defer></script>";

/// How to run the preview.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The interface to listen on; 127.0.0.1 unless chosen deliberately.
    pub bind: IpAddr,
    /// The first port to try; 0 lets the system choose.
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Show the site as `build --preview` makes it (see [`BuildOptions::preview`]).
    pub preview: bool,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}", self.message())]
    Listen { addr: SocketAddr, message: String },
    #[error("{}", self.message())]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
    #[error("{}", self.message())]
    Signal(#[from] ctrlc::Error),
}

impl ServeError {
    fn message(&self) -> Message {
        match self {
            ServeError::Listen { addr, message } => {
                msg!(M::CannotListen, addr = addr.to_string(), error = message)
            }
            ServeError::Watch { path, source } => msg!(
                M::CannotWatch,
                path = path.display().to_string(),
                error = source.to_string()
            ),
            ServeError::Signal(e) => msg!(M::CannotStop, error = e.to_string()),
        }
    }
}

/// How the preview builds the site at `root`: in place, into its private folder under the
/// cache, with the live-reload script in every page.
pub fn preview_build_options(root: &Path, drafts: bool) -> BuildOptions {
    BuildOptions {
        output: Some(root.join(CACHE_DIR).join(SERVE_DIR)),
        drafts,
        inject: Some(LIVE_SCRIPT.to_string()),
        in_place: true,
        // The folder is tablica's own, inside its cache.
        replace_output: true,
        ..BuildOptions::new(root)
    }
}

/// Runs the preview until Ctrl+C. `on_ready` is called with the address once it serves.
pub fn serve(
    mut options: ServeOptions,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    // Watchers report absolute paths; compare them with an absolute root.
    if let Ok(root) = options.root.canonicalize() {
        options.root = root;
    }
    let build_options = BuildOptions {
        preview: options.preview,
        ..preview_build_options(&options.root, options.drafts)
    };
    let out_dir = build_options.output_dir();
    let listener = Arc::new(listen(options.bind, options.port)?);
    let addr = listener.addr();
    let shared = Arc::new(Shared::new(out_dir.clone()));
    let stop = Arc::new(AtomicBool::new(false));

    let mut events = watch::start(&options.root)?;
    {
        let stop = Arc::clone(&stop);
        let listener = Arc::clone(&listener);
        let wake = events.waker();
        ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130); // a second Ctrl+C while stopping
            }
            listener.stop();
            wake();
        })?;
    }
    let mut builder = Builder::new(build_options);
    rebuild(&mut builder, &shared, &Message::new(M::FirstBuild));
    let acceptor = http::spawn_acceptor(Arc::clone(&listener), Arc::clone(&shared));
    on_ready(addr);

    while !stop.load(Ordering::SeqCst) {
        let Some(changed) = events.next_batch() else {
            continue;
        };
        builder.changed(&changed);
        let what = describe(&options.root, &changed);
        rebuild(&mut builder, &shared, &what);
    }
    drop(events);
    shared.close();
    listener.stop();
    let _ = acceptor.join();
    eprintln!("{}", Message::new(M::Stopped));
    Ok(())
}

/// Binds the first free port from `port` on.
fn listen(bind: IpAddr, port: u16) -> Result<http::Listener, ServeError> {
    let mut last = String::new();
    let attempts = if port == 0 { 1 } else { PORT_ATTEMPTS };
    for candidate in (0..attempts).filter_map(|i| port.checked_add(i)) {
        let addr = SocketAddr::new(bind, candidate);
        match http::Listener::bind(addr) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = e.to_string(),
        }
    }
    Err(ServeError::Listen {
        addr: SocketAddr::new(bind, port),
        message: last,
    })
}

fn rebuild(builder: &mut Builder, shared: &Shared, what: &Message) {
    let started = Instant::now();
    // The pages are published as soon as they are written, so open tabs reload while the
    // feeds and the search index are made; whoever reads the log line finds them too.
    match builder.build_then(|url_root| shared.publish(Status::built(url_root.to_string()))) {
        Ok(report) => {
            for w in &report.warnings.0 {
                eprintln!("{w}");
            }
            let ms = (started.elapsed().as_secs_f64() * 1000.0).round();
            eprintln!(
                "{}",
                msg!(
                    M::Rebuilt,
                    what = what.clone(),
                    pages = report.rendered,
                    photos = report.photos_encoded,
                    ms = format!("{ms:.0}")
                )
            );
        }
        Err(e) => {
            let status = Status::failed(&e);
            let report = status.report.clone();
            shared.publish(status);
            for line in &report {
                eprintln!("{line}");
            }
            eprintln!("{}", msg!(M::RebuildFailed, what = what.clone()));
        }
    }
}

/// "content/posts/x.md changed" or "3 files changed".
fn describe(root: &Path, changed: &[PathBuf]) -> Message {
    match changed {
        [one] => msg!(
            M::OneChanged,
            file = crate::content::relative(root, one).display().to_string()
        ),
        many => msg!(M::ManyChanged, files = many.len()),
    }
}
