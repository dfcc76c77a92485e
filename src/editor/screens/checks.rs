//! The checks of a document's form: the sent form applied to the file and checked by the
//! build's own code, each problem at the control the page shows it at; for a save, and while
//! the person writes (nothing written then).

use std::collections::HashMap;

use super::super::form::{self, Parts, BODY};
use super::super::index;
use super::super::photos;
use super::{Call, E};
use crate::content::meta::fields::{Field, FieldKind};
use crate::diagnostics::Diagnostic;
use crate::locale::{msg, Message};
use crate::serve::MountResponse;

/// The problems of `text` as the document `rel`: (form field, message) of errors, warnings.
/// The fields are those of the page drawn from `drawn` and sent as `sent`, if it was.
pub(super) fn check(
    call: &Call,
    rel: &str,
    text: &str,
    (drawn, sent): (&Parts, Option<&HashMap<String, String>>),
) -> (Vec<(String, String)>, Vec<String>) {
    let fields = form::fields_of(rel);
    let lang = call.editor.lang;
    let root = &call.editor.root;
    let config = match call.settings() {
        Ok(c) => c,
        Err(ds) => {
            let errors = ds
                .iter()
                .map(|d| (BODY.to_string(), d.render(lang)))
                .collect();
            return (errors, Vec::new());
        }
    };
    let Ok(abs) = call.editor.store.confine(rel) else {
        return (
            vec![(BODY.to_string(), Message::new(E::BadPath).render(lang))],
            Vec::new(),
        );
    };
    let projects = index::project_slugs(root, &call.editor.documents);
    let problems = crate::site::check_text(config, root, &abs, text, &projects).problems;
    let parts = form::parts(text);
    // A photo's alt text is reported next to its own field in the list of photos.
    let field_of = |d: &Diagnostic| {
        d.field
            .as_deref()
            .filter(|f| f.ends_with(".alt"))
            .and_then(|f| photos::index_of(&parts, f))
            .map_or_else(
                || {
                    let controls = |f: &Field| form::controls_of(f, drawn, sent);
                    form::field_of(d.field.as_deref(), fields, controls)
                },
                |i| super::photos::field_name(i, "alt"),
            )
    };
    // A sentence, with the hint of what to write; beside a control of a group or a row, not
    // a hint quoting the YAML (`amount:`) the form writes for the person.
    let said = |d: &Diagnostic, control: bool| {
        let message = d.message.render(lang);
        let mut chars = message.chars();
        let first: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .collect();
        let hint =
            (d.hint.as_ref().map(|h| h.render(lang))).filter(|h| !control || !h.contains('`'));
        match hint {
            Some(h) => format!("{first}{} – {h}", chars.as_str()),
            None => format!("{first}{}", chars.as_str()),
        }
    };
    let in_group = |field: &str| {
        fields.iter().any(|f| {
            matches!(f.kind, FieldKind::Group(_) | FieldKind::Rows(_))
                && field.starts_with(&format!("{}-", f.key))
        })
    };
    let errors = problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let field = field_of(d);
            let said = said(d, in_group(&field));
            (field, said)
        })
        .collect();
    let warnings = problems
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| said(d, false))
        .collect();
    (errors, warnings)
}

/// The form sent for the document `rel`, applied to its file's `text` and checked as the
/// build checks it.
pub(super) struct Sent {
    pub(super) parts: Parts,
    /// The new text (the file's, when the form itself was refused).
    pub(super) text: String,
    /// (form field, message); the form's own (a number that is not one) when `refused`.
    pub(super) errors: Vec<(String, String)>,
    pub(super) warnings: Vec<String>,
    pub(super) refused: bool,
}

pub(super) fn read_sent(call: &Call, rel: &str, text: &str) -> Sent {
    let lang = call.editor.lang;
    let fields = form::fields_of(rel);
    let mut parts = form::parts(text);
    let sent = &call.form;
    if let Err(problems) = form::apply(&mut parts, fields, sent) {
        let errors = problems
            .into_iter()
            .map(|(f, e)| (f, Message::new(e).render(lang)))
            .collect();
        return Sent {
            parts,
            text: text.to_string(),
            errors,
            warnings: Vec::new(),
            refused: true,
        };
    }
    describe_photos(&mut parts, text, fields, sent);
    let mine = parts.text();
    let drawn = form::parts(text);
    let (errors, warnings) = check(call, rel, &mine, (&drawn, Some(sent)));
    Sent {
        parts,
        text: mine,
        errors,
        warnings,
        refused: false,
    }
}

/// The problems of the form as it is now, for the script to show while the person writes
/// (nothing is written): `{"bledy": [{"pole", "blad"}], "ostrzezenia": [..], "stan": ".."}`.
pub fn check_live(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let rel = call.get("plik");
    let sent = match call.editor.store.read(rel) {
        Ok((text, _)) => read_sent(call, rel, &text),
        Err(e) => {
            let said = super::store_problem(lang, &e);
            let answer = serde_json::json!({ "bledy": [{ "pole": BODY, "blad": said }] });
            return MountResponse::new(404, "application/json", answer.to_string());
        }
    };
    let errors: Vec<serde_json::Value> = (sent.errors.iter())
        .map(|(field, said)| serde_json::json!({ "pole": field, "blad": said }))
        .collect();
    let state = match sent.errors.len() {
        0 => Message::new(E::NoProblemsNow),
        n => msg!(E::ProblemsNow, n = n),
    };
    let answer = serde_json::json!({
        "bledy": errors,
        "ostrzezenia": sent.warnings,
        "stan": state.render(lang),
    });
    MountResponse::new(200, "application/json", answer.to_string())
}

/// The photos' descriptions sent with the form, where they differ from the file's (`text`):
/// an untouched photo's lines are left as they are.
fn describe_photos(
    parts: &mut Parts,
    text: &str,
    fields: &[Field],
    sent: &HashMap<String, String>,
) {
    let before = photos::list(&form::parts(text));
    let order: Vec<&str> = fields.iter().map(|f| f.key).collect();
    for (src, described) in super::photos::sent_descriptions(sent) {
        let same = before
            .iter()
            .any(|p| p.src == src && p.described == described);
        if !same {
            // A photo taken out of `cover:` or `gallery:` in their own fields stays out.
            photos::describe(parts, &src, &described, &order).ok();
        }
    }
}
