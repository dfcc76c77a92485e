//! `tablica edit`: the editor "Redakcja" at `/redakcja/` of the live preview. Forms drawn
//! from the same field catalogue as the build, the same checks as `tablica check` before
//! anything is written, atomic saves that refuse to overwrite a file changed since it was
//! opened, a history of versions and a bin. Served by the preview's own HTTP server
//! ([`crate::serve::Mount`]); on 127.0.0.1 by default, and behind a login when opened to the
//! network.

mod auth;
mod cache;
mod form;
mod index;
mod pages;
mod photos;
mod publish;
mod routes;
mod screens;
mod store;
mod templates;
mod uploads;
mod yaml_edit;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::locale::catalogue::Editor as E;
use crate::locale::Lang;
use crate::serve::{serve, Mount, MountRequest, MountResponse, ServeError, ServeOptions};

pub use auth::token;
pub use store::{Store, StoreError, EDITOR_DIR};

/// Where the editor lives in the preview.
pub const PREFIX: &str = "/redakcja/";
/// The largest request the editor takes: a photo from a phone's camera (a larger one is
/// refused before it is read).
pub const MAX_BODY: u64 = 32 * 1024 * 1024;

/// What a file over [`MAX_BODY`] is told, by the server and by the script before sending it.
pub(crate) fn too_large(lang: Lang) -> String {
    crate::locale::msg!(E::FileTooLarge, max = MAX_BODY / (1024 * 1024)).render(lang)
}

/// How to run the editor.
#[derive(Debug, Clone)]
pub struct EditOptions {
    pub root: PathBuf,
    /// 127.0.0.1 unless chosen deliberately; any other address needs a login.
    pub bind: IpAddr,
    pub port: u16,
    /// Require a login on 127.0.0.1 too (a computer shared by several people).
    pub login: bool,
    /// The password for logins from other devices (besides the one-time link).
    pub password: Option<String>,
}

/// What the terminal is told once the editor listens.
#[derive(Debug, Clone)]
pub struct Ready {
    /// The editor's address.
    pub url: String,
    /// The one-time login link, when a login is needed.
    pub login_url: Option<String>,
}

/// The editor: the site's files, who may use them, and the site's language.
pub struct Editor {
    root: PathBuf,
    store: Store,
    gate: auth::Gate,
    lang: Lang,
    /// What the list needs of each document, and the settings, until their files change.
    documents: index::Kept,
    settings: cache::Kept<cache::Settings>,
    /// The running or last publication.
    publication: publish::Board,
}

impl Editor {
    pub fn new(root: &Path, login_everywhere: bool, password: Option<String>) -> Self {
        Editor {
            root: root.to_path_buf(),
            store: Store::new(root),
            gate: auth::Gate::new(!login_everywhere, password),
            lang: crate::config::language(root).unwrap_or_default(),
            documents: index::Kept::default(),
            settings: cache::Kept::default(),
            publication: publish::Board::default(),
        }
    }

    /// The one-time login token, while unused.
    pub fn one_time_token(&self) -> Option<String> {
        self.gate.one_time_token()
    }
}

impl Mount for Editor {
    fn prefix(&self) -> &str {
        PREFIX
    }

    fn max_body(&self) -> u64 {
        MAX_BODY
    }

    fn too_large(&self) -> String {
        too_large(self.lang) + "\n"
    }

    fn handle(&self, request: &MountRequest) -> MountResponse {
        routes::handle(self, request)
    }
}

/// Runs the preview with the editor until Ctrl+C; `on_ready` is told its address.
pub fn edit(options: EditOptions, on_ready: impl FnOnce(Ready)) -> Result<(), ServeError> {
    let root = options.root.canonicalize().unwrap_or(options.root.clone());
    let login_everywhere = options.login || !options.bind.is_loopback();
    let editor = Arc::new(Editor::new(&root, login_everywhere, options.password));
    let serve_options = ServeOptions {
        root,
        bind: options.bind,
        port: options.port,
        drafts: true,
        preview: false,
        mount: Some(Arc::clone(&editor) as Arc<dyn Mount>),
    };
    serve(serve_options, |addr: SocketAddr| {
        let url = format!("http://{addr}{PREFIX}");
        let login_url = login_everywhere
            .then(|| editor.one_time_token())
            .flatten()
            .map(|t| format!("{url}wejscie?t={t}"));
        on_ready(Ready { url, login_url });
    })
}
