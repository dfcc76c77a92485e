//! The form of a document, drawn from the field catalogue ([`crate::content::meta::fields`])
//! that the build's front matter follows, and the document text made from what was sent.
//! Only fields whose shown value changed are rewritten ([`super::yaml_edit`]); the rest of
//! the file keeps its exact text.

use std::collections::HashMap;

use serde_json::Value;

use crate::content::{date, yaml};

mod groups;

pub use groups::{controls_of, sent_rows, Slot};

use super::yaml_edit::{self, Block, Change};
use crate::content::meta::fields::{self, Field, FieldKind};
use crate::locale::catalogue::Editor as E;

/// The name of the form field holding the Markdown text.
pub const BODY: &str = "tresc";

/// A document cut into what the form edits.
#[derive(Debug, Clone)]
pub struct Parts {
    /// The opening fence line (`---\n`).
    pub open: String,
    pub blocks: Vec<Block>,
    /// The closing fence line (`---\n` or `...\n`).
    pub close: String,
    pub body: String,
}

/// The fields of the document at `rel` (by its section).
pub fn fields_of(rel: &str) -> &'static [Field] {
    match rel.split('/').next() {
        Some("projects") => fields::PROJECT,
        Some("pages") => fields::PAGE,
        _ => fields::POST,
    }
}

/// Cuts `text` at its front matter fences; a text without front matter gets an empty one.
pub fn parts(text: &str) -> Parts {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() == "---" {
        let mut yaml = String::new();
        for line in lines.by_ref() {
            let t = line.trim_end();
            if t == "---" || t == "..." {
                let consumed = first.len() + yaml.len() + line.len();
                return Parts {
                    open: first.to_string(),
                    blocks: yaml_edit::blocks(&yaml),
                    close: line.to_string(),
                    body: text[consumed..].to_string(),
                };
            }
            yaml.push_str(line);
        }
    }
    Parts {
        open: "---\n".into(),
        blocks: Vec::new(),
        close: "---\n".into(),
        body: text.to_string(),
    }
}

impl Parts {
    /// The whole text again.
    pub fn text(&self) -> String {
        let mut close = self.close.clone();
        if !close.ends_with('\n') {
            close.push('\n');
        }
        format!(
            "{}{}{}{}",
            self.open,
            yaml_edit::join(&self.blocks),
            close,
            self.body
        )
    }

    fn block(&self, key: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.key.as_deref() == Some(key))
    }

    /// What the form shows for `field`.
    pub fn shown(&self, field: &Field) -> String {
        let Some(block) = self.block(field.key) else {
            return String::new();
        };
        let value = yaml_edit::value(block);
        match (field.kind, value) {
            (FieldKind::Tags | FieldKind::Lines, Some(Value::Array(items))) => {
                let sep = if field.kind == FieldKind::Tags {
                    ", "
                } else {
                    "\n"
                };
                items.iter().map(scalar_text).collect::<Vec<_>>().join(sep)
            }
            (FieldKind::Block | FieldKind::Group(_) | FieldKind::Rows(_), _) | (_, None) => {
                yaml_edit::value_text(block)
            }
            (_, Some(v)) => scalar_text(&v),
        }
    }

    /// Sets a field's value directly (new documents: the title and date asked for).
    pub fn set(&mut self, key: &str, value: &str, order: &[&str]) {
        let value = (!value.is_empty()).then(|| Value::String(value.to_string()));
        yaml_edit::apply(&mut self.blocks, key, &Change::Value(value), order);
    }
}

/// A value as one line of the form: text as it is, numbers and `true`/`false` written out.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => serde_json::to_string(other)
            .unwrap_or_default()
            .trim_end()
            .to_string(),
    }
}

/// The sent form: each name with its last value (a checkbox follows its hidden `false`).
pub fn read_form(body: &[u8]) -> HashMap<String, String> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.replace("\r\n", "\n").replace('\r', "\n")))
        .collect()
}

/// The form name of a field.
pub fn name(field: &Field) -> String {
    format!("f_{}", field.key)
}

/// Applies the sent form to `parts`: the fields whose shown value changed, and the text.
/// Problems in what was sent (a number that is not one, a block that is not YAML) are
/// returned by field key, and nothing is changed then.
pub fn apply(
    parts: &mut Parts,
    fields: &[Field],
    form: &HashMap<String, String>,
) -> Result<(), Vec<(String, E)>> {
    let order: Vec<&str> = fields.iter().map(|f| f.key).collect();
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for field in fields {
        let Some(sent) = form.get(&name(field)) else {
            let controls = match field.kind {
                FieldKind::Group(subs) => groups::group_change(parts, field, subs, form),
                FieldKind::Rows(subs) => groups::rows_change(parts, field, subs, form),
                _ => Ok(None),
            };
            match controls {
                Ok(Some(c)) => changes.push((field.key, c)),
                Ok(None) => {}
                Err(mut found) => problems.append(&mut found),
            }
            continue; // not in the form: left as it is
        };
        let sent = if matches!(
            field.kind,
            FieldKind::Block | FieldKind::Group(_) | FieldKind::Rows(_) | FieldKind::Lines
        ) {
            sent.trim_end().to_string()
        } else {
            sent.trim().to_string()
        };
        let shown = parts.shown(field);
        match sent_change(field, &name(field), &sent, &shown, form) {
            Ok(Some(c)) => changes.push((field.key, c)),
            Ok(None) => {}
            Err(e) => problems.push((field.key.to_string(), e)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for (key, c) in changes {
        yaml_edit::apply(&mut parts.blocks, key, &c, &order);
    }
    if let Some(body) = form.get(BODY) {
        parts.body.clone_from(body);
    }
    Ok(())
}

/// The change `sent` in the control named `name` makes to `field`, shown as `shown`: `None`
/// when it shows the same.
fn sent_change(
    field: &Field,
    name: &str,
    sent: &str,
    shown: &str,
    form: &HashMap<String, String>,
) -> Result<Option<Change>, E> {
    let is_date = matches!(field.kind, FieldKind::Date | FieldKind::DateTime);
    // The browser's picker holds a day that does not exist (31 February): it sends nothing
    // for it, and the editor's script says so beside it.
    if is_date && form.contains_key(&impossible_date(name)) {
        return Err(E::DateDoesNotExist);
    }
    let shown = match field.kind {
        FieldKind::Bool if shown.is_empty() => "false", // absent reads as false
        _ => shown,
    };
    let sent = match field.kind {
        FieldKind::Bool if sent.is_empty() => "false".to_string(),
        _ if is_date => date_as_written(sent, shown),
        _ => sent.to_string(),
    };
    if sent == shown {
        return Ok(None);
    }
    change(field, &sent).map(Some)
}

/// The form field the editor's script adds when the date picker named `name` holds a day
/// that does not exist (the picker itself sends an empty value then).
pub fn impossible_date(name: &str) -> String {
    format!("zla-data-{name}")
}

/// A date sent by the form in the style of the file: the same day and time as `shown` gives
/// `shown` back (nothing is rewritten), and a picker's `2026-11-24T10:30` is written
/// `2026-11-24 10:30`, as the documentation writes it, unless the file uses the `T`.
fn date_as_written(sent: &str, shown: &str) -> String {
    match (date::parse(sent), date::parse(shown)) {
        (Ok(new), Ok(old)) if new == old => shown.to_string(),
        (Ok(new), _) if new.has_time && matches!(sent.len(), 16 | 19) && !shown.contains('T') => {
            sent.replacen('T', " ", 1)
        }
        _ => sent.to_string(),
    }
}

/// The change a field's new shown value makes.
fn change(field: &Field, sent: &str) -> Result<Change, E> {
    let text = |s: &str| (!s.is_empty()).then(|| Value::String(s.to_string()));
    let list = |items: Vec<&str>| {
        let items: Vec<Value> = items
            .into_iter()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.to_string()))
            .collect();
        (!items.is_empty()).then_some(Value::Array(items))
    };
    Ok(Change::Value(match field.kind {
        FieldKind::Block | FieldKind::Group(_) | FieldKind::Rows(_) => {
            if yaml::from_str::<Value>(sent).is_err() {
                return Err(E::NotYaml);
            }
            return Ok(Change::Text(sent.to_string()));
        }
        FieldKind::Tags => list(sent.split(',').collect()),
        FieldKind::Lines => list(sent.lines().collect()),
        FieldKind::Bool => match sent {
            "true" => Some(Value::Bool(true)),
            _ => Some(Value::Bool(false)),
        },
        FieldKind::Number | FieldKind::Amount if sent.is_empty() => None,
        FieldKind::Amount => {
            let written: String = (sent.chars())
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            let amount = written.parse::<f64>().ok().filter(|a| *a >= 0.0);
            // Whole amounts are written without a fraction, as a person writes them.
            let number = amount.and_then(|a| match a.fract() == 0.0 && a < 1e15 {
                true => Some(serde_json::Number::from(a as i64)),
                false => serde_json::Number::from_f64(a),
            });
            match number {
                Some(n) => Some(Value::Number(n)),
                None => return Err(E::NotAnAmount),
            }
        }
        FieldKind::Number => match sent.parse::<i64>() {
            Ok(n) => Some(Value::Number(n.into())),
            Err(_) => return Err(E::NotANumber),
        },
        FieldKind::Text
        | FieldKind::LongText
        | FieldKind::Date
        | FieldKind::DateTime
        | FieldKind::Project
        | FieldKind::Choice(_)
        | FieldKind::Language => text(sent),
    }))
}

/// The form field a problem of the build belongs to: `event.start` → `event-start` (the
/// group's control), `figures[1].value` → `figures-5-value` (the value of the second row
/// holding values, numbered 5 on the page), `gallery[1]` → `gallery`; problems of the text and
/// of unknown fields go to the text. `controls` says how the page shows a group or rows
/// ([`controls_of`]): one shown as YAML text takes its fields' problems.
pub fn field_of(
    problem_field: Option<&str>,
    fields: &[Field],
    controls: impl Fn(&Field) -> Option<Vec<usize>>,
) -> String {
    let problem = problem_field.unwrap_or("");
    let key = problem.split(['.', '[']).next().unwrap_or(problem);
    let Some(field) = fields.iter().find(|f| f.key == key) else {
        return BODY.to_string();
    };
    let rest = &problem[key.len()..];
    let sub_named = |subs: &[Field], rest: &str| {
        let sub = rest.strip_prefix('.')?.split(['.', '[']).next()?;
        subs.iter().find(|s| s.key == sub).copied()
    };
    let Some(numbers) = controls(field) else {
        return key.to_string();
    };
    match field.kind {
        FieldKind::Group(subs) => {
            sub_named(subs, rest).map_or_else(|| key.to_string(), |s| Slot::sub(field, &s).key)
        }
        FieldKind::Rows(subs) => {
            // `[1].value`: the second row's value; the first value of the first row else.
            let (row, rest) = (rest.strip_prefix('['))
                .and_then(|r| r.split_once(']'))
                .and_then(|(n, rest)| Some((n.parse::<usize>().ok()?, rest)))
                .unwrap_or((0, ""));
            let number = (numbers.get(row).or(numbers.first()).copied()).unwrap_or(1);
            match sub_named(subs, rest).or(subs.first().copied()) {
                Some(sub) => Slot::row(field, number, &sub).key,
                None => key.to_string(),
            }
        }
        _ => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\n# komentarz\ntitle: Warsztaty\ndate: 2026-11-24\ntags:\n  - a\n  - b\ncover: { src: x.jpg, alt: Stół }\n---\n\nTreść.\n";

    fn shown_form(parts: &Parts) -> HashMap<String, String> {
        let mut form: HashMap<String, String> = fields::POST
            .iter()
            .map(|f| (name(f), parts.shown(f)))
            .collect();
        form.insert(BODY.into(), parts.body.clone());
        form
    }

    #[test]
    fn an_unchanged_form_gives_the_file_back_byte_for_byte() {
        let mut p = parts(POST);
        assert_eq!(p.text(), POST);
        let form = shown_form(&p);
        apply(&mut p, fields::POST, &form).expect("valid");
        assert_eq!(p.text(), POST);
    }

    #[test]
    fn a_changed_field_is_rewritten_alone() {
        let mut p = parts(POST);
        let mut form = shown_form(&p);
        form.insert("f_title".into(), "Warsztaty: nowe".into());
        form.insert("f_draft".into(), "true".into());
        form.insert(BODY.into(), "\nInna treść.\n".into());
        apply(&mut p, fields::POST, &form).expect("valid");
        assert_eq!(
            p.text(),
            "---\n# komentarz\ntitle: \"Warsztaty: nowe\"\ndate: 2026-11-24\ntags:\n  - a\n  - b\ncover: { src: x.jpg, alt: Stół }\ndraft: true\n---\n\nInna treść.\n"
        );
    }

    #[test]
    fn bad_values_are_refused_by_field() {
        let mut p = parts(POST);
        let mut form = shown_form(&p);
        form.insert("f_event".into(), "start: [".into());
        assert_eq!(
            apply(&mut p, fields::POST, &form),
            Err(vec![("event".to_string(), E::NotYaml)])
        );
        assert_eq!(p.text(), POST);
    }
}
