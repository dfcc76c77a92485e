//! The editor's addresses: who may ask (a session, or the login), what every write must carry
//! (the session's CSRF token, the editor's own origin), and which screen answers.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::auth::{self, LoginError};
use super::cache::{self, Settings};
use super::form::read_form;
use super::index::{self, Item};
use super::{pages, publish, screens, uploads, Editor, PREFIX};
use crate::locale::catalogue::Editor as E;
use crate::serve::{Method, MountRequest, MountResponse};

const CSS: &str = include_str!("redakcja.css");
const JS: &str = include_str!("redakcja.js");

/// The Content-Security-Policy of every editor page: nothing inline, nothing from elsewhere,
/// never in a frame.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// One request, with what the screens need of it.
pub struct Call<'a> {
    pub editor: &'a Editor,
    /// The sent form (POST) or the query (GET).
    pub form: HashMap<String, String>,
    /// The session's CSRF token.
    pub csrf: String,
    /// The site's documents and settings, read at most once per request.
    items: OnceCell<Vec<Item>>,
    settings: OnceCell<Settings>,
}

impl Call<'_> {
    pub fn get(&self, name: &str) -> &str {
        self.form.get(name).map_or("", String::as_str)
    }

    /// The site's documents as the list shows them (read again only where a file changed).
    pub fn items(&self) -> &[Item] {
        self.items.get_or_init(|| {
            index::scan(&self.editor.root, screens::today(), &self.editor.documents)
        })
    }

    /// A screen of the editor titled `title`, for the session.
    pub fn screen(&self, status: u16, title: E, main: &str) -> MountResponse {
        self.screen_with_head(status, title, "", main)
    }

    /// A screen with `head` added to the page's `<head>`.
    pub fn screen_with_head(&self, status: u16, title: E, head: &str, main: &str) -> MountResponse {
        let lang = self.editor.lang;
        let title = crate::locale::Message::new(title).render(lang);
        let html = pages::layout_with_head(lang, &title, head, main, Some(&self.csrf));
        MountResponse::new(status, "text/html; charset=utf-8", html)
    }

    /// The site's settings (read again only when `site.yaml` changed).
    pub fn settings(&self) -> &Settings {
        self.settings
            .get_or_init(|| cache::settings(&self.editor.settings, &self.editor.root))
    }
}

pub fn handle(editor: &Editor, request: &MountRequest) -> MountResponse {
    let mut response = route(editor, request);
    response.headers.extend(
        [
            ("Content-Security-Policy", CSP),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        .map(|(n, v)| (n.to_string(), v.to_string())),
    );
    response
}

fn route(editor: &Editor, request: &MountRequest) -> MountResponse {
    let path = request.path().strip_prefix(PREFIX).unwrap_or("");
    let lang = editor.lang;
    match path {
        "static/redakcja.css" => return MountResponse::new(200, "text/css; charset=utf-8", CSS),
        "static/redakcja.js" => {
            return MountResponse::new(200, "text/javascript; charset=utf-8", JS)
        }
        _ => {}
    }
    let post = request.method == Method::Post;
    if post && !auth::same_origin(request) {
        return refuse(editor, 403, E::OtherOrigin);
    }
    if path == "wejscie" {
        return login(editor, request);
    }
    let mut set_cookie = None;
    let session = match editor.gate.session(request) {
        Some(s) => s,
        None if editor.gate.open_on_loopback && request.peer.is_loopback() && !post => {
            let id = editor.gate.start();
            set_cookie = Some(auth::cookie(&id, PREFIX));
            match editor.gate.session_by_id(&id) {
                Some(s) => (id, s),
                None => return refuse(editor, 500, E::NoSession),
            }
        }
        None if post => return refuse(editor, 403, E::NoSession),
        None => return MountResponse::see_other(&format!("{PREFIX}wejscie")),
    };
    let (session_id, session) = session;
    // A photo or document comes as the body, its form's fields in the address.
    let upload = matches!(path, "zdjecie" | "dokument");
    if upload
        && request
            .header("content-type")
            .is_some_and(|t| t.starts_with("multipart/"))
    {
        return refuse(editor, 415, E::NeedsScript);
    }
    let form = if post && !upload {
        read_form(&request.body)
    } else {
        read_form(request.query().as_bytes())
    };
    if post {
        let sent = match upload {
            true => request.header("x-redakcja-csrf").unwrap_or(""),
            false => form.get("csrf").map_or("", String::as_str),
        };
        if !auth::same_secret(sent, &session.csrf) {
            return refuse(editor, 403, E::BadCsrf);
        }
    }
    let call = Call {
        editor,
        form,
        csrf: session.csrf.clone(),
        items: OnceCell::new(),
        settings: OnceCell::new(),
    };
    let response = match (post, path) {
        (false, "") => screens::list(&call),
        (false, "edytuj") => screens::edit(&call),
        (true, "zapisz") => screens::save(&call),
        (true, "sprawdz") => screens::check_live(&call),
        (false, "nowy") => screens::new_form(&call),
        (true, "utworz") => screens::create(&call),
        (true, "duplikuj") => screens::duplicate(&call),
        (true, "usun") => screens::delete(&call),
        (false, "kosz") => screens::bin(&call),
        (true, "przywroc") => screens::restore(&call),
        (false, "historia") => screens::history(&call),
        (false, "zobacz") => screens::view_on_site(&call),
        (true, "przywroc-wersje") => screens::restore_version(&call),
        (true, "nadpisz") => screens::overwrite(&call),
        (true, "zdjecia") => screens::arrange_photos(&call),
        (false, "miniatura") => screens::thumbnail(&call),
        (true, "opublikuj") => publish::publish(&call),
        (false, publish::STATUS) => publish::status(&call),
        (true, "zdjecie") => uploads::photo(&call, &request.body),
        (true, "dokument") => uploads::document(&call, &request.body),
        (true, "wyjscie") => {
            editor.gate.end(&session_id);
            return MountResponse::see_other(&format!("{PREFIX}wejscie"))
                .header("Set-Cookie", auth::cookie_gone(PREFIX));
        }
        _ => page(
            lang,
            404,
            &pages::t(lang, E::NotFound),
            &format!("<h1>{}</h1>", pages::t(lang, E::NotFound)),
            Some(&call.csrf),
        ),
    };
    match set_cookie {
        Some(cookie) => response.header("Set-Cookie", cookie),
        None => response,
    }
}

/// An HTML page answer.
pub fn page(
    lang: crate::locale::Lang,
    status: u16,
    title: &str,
    main: &str,
    csrf: Option<&str>,
) -> MountResponse {
    MountResponse::new(
        status,
        "text/html; charset=utf-8",
        pages::layout(lang, title, main, csrf),
    )
}

/// A refusal with a plain explanation and the way back.
fn refuse(editor: &Editor, status: u16, why: E) -> MountResponse {
    let lang = editor.lang;
    let main = format!(
        "<h1>{}</h1><p>{}</p><p><a href=\"{PREFIX}\">{}</a></p>",
        pages::t(lang, E::Refused),
        pages::t(lang, why),
        pages::t(lang, E::BackToList)
    );
    page(lang, status, &pages::t(lang, E::Refused), &main, None)
}

/// The login: the one-time link (`?t=`) or the password form.
fn login(editor: &Editor, request: &MountRequest) -> MountResponse {
    let lang = editor.lang;
    let query = read_form(request.query().as_bytes());
    let form = read_form(&request.body);
    let token = query.get("t").map(String::as_str);
    let password = form.get("haslo").map(String::as_str);
    let attempt = request.method == Method::Post || token.is_some();
    let mut error = None;
    if attempt {
        match editor.gate.login(request.peer, token, password) {
            Ok(()) => {
                let id = editor.gate.start();
                return MountResponse::see_other(PREFIX)
                    .header("Set-Cookie", auth::cookie(&id, PREFIX));
            }
            Err(LoginError::Wrong) => error = Some(E::LoginWrong),
            Err(LoginError::TooMany) => error = Some(E::LoginTooMany),
        }
    }
    let status = match error {
        Some(E::LoginTooMany) => 429,
        Some(_) => 403,
        None => 200,
    };
    page(
        lang,
        status,
        &pages::t(lang, E::LogIn),
        &screens::login_form(lang, editor.gate.has_password(), error),
        None,
    )
}
