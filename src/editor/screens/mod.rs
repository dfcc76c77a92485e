//! The editor's screens: the list, the form of a document (with its checks and preview),
//! the conflict, the history, the bin, a new document and the login.

mod checks;
mod document;
mod fields;
mod list;
mod manage;
mod photos;

use super::index;
use super::pages::t;
use super::routes::{page, Call};
use super::store::StoreError;
use super::PREFIX;
use crate::locale::catalogue::Editor as E;
use crate::locale::{msg, Lang, Message};
use crate::render::theme::escape_html as esc;
use crate::serve::MountResponse;

pub use checks::check_live;
pub use document::{edit, overwrite, save, view_on_site};
pub use list::list;
pub use manage::{
    bin, create, delete, duplicate, history, login_form, new_form, restore, restore_version,
};
pub use photos::{arrange as arrange_photos, thumbnail};

pub(super) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

pub(super) fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub(super) fn edit_url(rel: &str) -> String {
    format!("{PREFIX}edytuj?plik={}", enc(rel))
}

/// A message of the store's refusal, for people.
fn store_problem(lang: Lang, e: &StoreError) -> String {
    let key = match e {
        StoreError::BadPath => E::BadPath,
        StoreError::Link(path) => {
            let shown = path.to_string_lossy().into_owned();
            return msg!(E::Link, path = shown).render(lang);
        }
        StoreError::Missing => E::Missing,
        StoreError::Exists => E::Exists,
        StoreError::Conflict { .. } => E::ConflictTitle,
        StoreError::Read(_) | StoreError::Write { .. } => E::CannotWrite,
    };
    match e {
        StoreError::Read(_) | StoreError::Write { .. } => {
            format!("{} ({e})", Message::new(key).render(lang))
        }
        _ => Message::new(key).render(lang),
    }
}

pub(super) fn problem_page(call: &Call, status: u16, e: &StoreError) -> MountResponse {
    let lang = call.editor.lang;
    let main = format!(
        "<h1>{}</h1><p>{}</p><p><a href=\"{PREFIX}\">{}</a></p>",
        t(lang, E::Refused),
        esc(&store_problem(lang, e)),
        t(lang, E::BackToList)
    );
    call.screen(status, E::Refused, &main)
}

pub(super) fn section_name(lang: Lang, section: &str) -> String {
    t(
        lang,
        match section {
            "projects" => E::ProjectKind,
            "pages" => E::Page,
            _ => E::Post,
        },
    )
}

pub(super) fn state_name(lang: Lang, state: index::State) -> String {
    t(
        lang,
        match state {
            index::State::Draft => E::StateDraft,
            index::State::Scheduled => E::StateScheduled,
            index::State::Published => E::StatePublished,
        },
    )
}

/// A `<select>` of the list's filters.
pub(super) fn select(
    lang: Lang,
    name: &str,
    label: E,
    chosen: &str,
    options: &[(String, String)],
) -> String {
    let mut html = format!(
        "<div class=\"pole\"><label for=\"filtr-{name}\">{}</label><select id=\"filtr-{name}\" name=\"{name}\"><option value=\"\">{}</option>",
        t(lang, label),
        t(lang, E::All)
    );
    for (value, text) in options {
        let selected = if value == chosen { " selected" } else { "" };
        html.push_str(&format!(
            "<option value=\"{}\"{selected}>{}</option>",
            esc(value),
            esc(text)
        ));
    }
    html.push_str("</select></div>");
    html
}
