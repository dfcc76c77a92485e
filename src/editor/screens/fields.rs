//! The controls of a document's front matter in its form: one per field, a fieldset of
//! controls for a group (`event:`), a fieldset of rows for a list of them (`figures:`), and
//! YAML text for what they cannot show.

use std::collections::HashMap;

use super::super::form::{self, Parts, Slot};
use super::super::pages::{control, Control};
use super::{t, E};
use crate::content::meta::fields::{Field, FieldKind};
use crate::locale::{msg, Lang};

/// What the controls show besides the file.
pub(super) struct Drawn<'a> {
    pub lang: Lang,
    /// Values sent, shown instead of the file's (after a refused save).
    pub sent: Option<&'a HashMap<String, String>>,
    /// Problems by form field.
    pub errors: &'a [(String, String)],
    /// The site's projects (slug, title).
    pub projects: &'a [(String, String)],
    /// The id of the list of tag suggestions.
    pub tags: &'a str,
}

impl Drawn<'_> {
    fn sent(&self, name: &str) -> Option<String> {
        self.sent.and_then(|s| s.get(name).cloned())
    }

    fn errors_of(&self, key: &str) -> Vec<String> {
        (self.errors.iter())
            .filter(|(f, _)| f == key)
            .map(|(_, e)| e.clone())
            .collect()
    }

    /// The control of `field` (or of a group's or row's field) at `slot`, showing `value`
    /// unless another value was sent.
    fn control(&self, field: &Field, slot: Slot, value: String) -> String {
        control(
            self.lang,
            &Control {
                field,
                value: self.sent(&slot.name).unwrap_or(value),
                errors: self.errors_of(&slot.key),
                projects: self.projects,
                suggestions: Some(self.tags),
                slot,
            },
        )
    }

    /// A fieldset: `field`'s label as its legend, its hint, then `inner`.
    fn fieldset(&self, field: &Field, class: &str, inner: &str) -> String {
        format!(
            "<fieldset class=\"{class}\"><legend>{}</legend><p class=\"podpowiedz\">{}</p>{inner}</fieldset>",
            t(self.lang, field.label),
            t(self.lang, field.hint)
        )
    }
}

/// The controls of `fields` for `parts`.
pub(super) fn controls(drawn: &Drawn, fields: &[Field], parts: &Parts) -> String {
    let mut html = String::new();
    for field in fields {
        let as_text = drawn.sent(&form::name(field)).is_some();
        let drawn_here = match field.kind {
            FieldKind::Group(subs) if !as_text => group(drawn, field, subs, parts),
            FieldKind::Rows(subs) if !as_text => rows(drawn, field, subs, parts),
            _ => None,
        };
        html.push_str(&drawn_here.unwrap_or_else(|| {
            // Its own control, or a group shown as YAML text: its fields' errors are its own.
            let slot = Slot::of(field);
            let inner = format!("{}-", field.key);
            let mut errors = drawn.errors_of(&slot.key);
            errors.extend(
                (drawn.errors.iter())
                    .filter(|(f, _)| f.starts_with(&inner))
                    .map(|(_, e)| e.clone()),
            );
            let value = drawn.sent(&slot.name).unwrap_or_else(|| parts.shown(field));
            control(
                drawn.lang,
                &Control {
                    field,
                    value,
                    errors,
                    projects: drawn.projects,
                    suggestions: Some(drawn.tags),
                    slot,
                },
            )
        }));
    }
    html
}

/// A group's controls in a fieldset, when its block holds nothing else.
fn group(drawn: &Drawn, field: &Field, subs: &[Field], parts: &Parts) -> Option<String> {
    let values = parts.group_shown(field, subs)?;
    let inner: String = (subs.iter().zip(values))
        .map(|(sub, value)| drawn.control(sub, Slot::sub(field, sub), value))
        .collect();
    Some(drawn.fieldset(field, "grupa", &inner))
}

/// A list's rows in a fieldset, one fieldset a row, and an empty row to add one more (the
/// script adds more); an emptied row is removed. `None` when the list holds what rows cannot
/// show.
fn rows(drawn: &Drawn, field: &Field, subs: &[Field], parts: &Parts) -> Option<String> {
    // As sent after a refused save, by the numbers the rows had (errors name them), or as
    // the file has them.
    let sent = drawn
        .sent
        .and_then(|sent| form::sent_rows(field, subs, sent));
    let mut rows = match sent {
        Some(rows) => rows,
        None => (parts.rows_shown(field, subs)?.into_iter().enumerate())
            .map(|(at, row)| (at + 1, row))
            .collect(),
    };
    let next = rows.iter().map(|(number, _)| *number).max().unwrap_or(0) + 1;
    rows.push((next, vec![String::new(); subs.len()]));
    let lang = drawn.lang;
    let inner: String = (rows.into_iter().enumerate())
        .map(|(at, (number, values))| {
            let cells: String = (subs.iter().zip(values))
                .map(|(sub, value)| {
                    let slot = Slot::row(field, number, sub);
                    let errors = drawn.errors_of(&slot.key);
                    control(
                        lang,
                        &Control {
                            field: sub,
                            value,
                            errors,
                            projects: &[],
                            suggestions: None,
                            slot,
                        },
                    )
                })
                .collect();
            format!(
                "<fieldset class=\"wiersz\"><legend>{}</legend>{cells}</fieldset>",
                t(lang, msg!(E::RowNumber, n = at + 1))
            )
        })
        .collect();
    // The script adds a button for one more row, numbered as `data-wiersz` says.
    let inner = format!(
        "<p class=\"podpowiedz\">{}</p><div class=\"wiersze\" data-wiersze=\"{}\" data-wiersz=\"{}\" data-dodaj=\"{}\">{inner}</div>",
        t(lang, E::RowsHint),
        form::name(field),
        t(lang, E::RowNumber),
        t(lang, E::AddRow)
    );
    Some(drawn.fieldset(field, "grupa", &inner))
}
