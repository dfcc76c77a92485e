//! The blocks of front matter edited as several controls: a group of single values (`event:`,
//! `funding:`) and rows of them (`figures:`, a label and a value each). Each is shown as
//! controls only while its block holds nothing else; a block with a comment, a list or a key
//! written by hand is edited as YAML text, so that nothing written by hand is lost.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::super::yaml_edit::{self, Change};
use super::{change, name, scalar_text, sent_change, Parts};
use crate::content::meta::fields::{Field, FieldKind};
use crate::locale::catalogue::Editor as E;

/// Where a control's value travels: its name in the sent form, and the key of its id
/// (`pole-{key}`) and of its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub name: String,
    pub key: String,
}

impl Slot {
    /// A field of its own: `f_title`, `title`.
    pub fn of(field: &Field) -> Self {
        Self {
            name: name(field),
            key: field.key.to_string(),
        }
    }

    /// The field `sub` of the group `group`: `f_event.start`, `event-start`.
    pub fn sub(group: &Field, sub: &Field) -> Self {
        Self {
            name: format!("f_{}.{}", group.key, sub.key),
            key: format!("{}-{}", group.key, sub.key),
        }
    }

    /// The field `sub` of row `row` (from 1) of `rows`: `f_figures.2.value`, `figures-2-value`.
    pub fn row(rows: &Field, row: usize, sub: &Field) -> Self {
        Self {
            name: format!("f_{}.{row}.{}", rows.key, sub.key),
            key: format!("{}-{row}-{}", rows.key, sub.key),
        }
    }
}

impl Parts {
    /// What the form shows in each control of the group `field` (`event:`), in the order of
    /// `subs`; `None` when the block holds what they cannot show: it is then YAML text.
    pub fn group_shown(&self, field: &Field, subs: &[Field]) -> Option<Vec<String>> {
        let empty = || vec![String::new(); subs.len()];
        let Some(block) = self.block(field.key) else {
            return Some(empty());
        };
        if has_comment(&block.text) {
            return None;
        }
        match yaml_edit::value(block) {
            None | Some(Value::Null) => Some(empty()),
            Some(Value::Object(map)) => values_of(&map, subs),
            Some(_) => None,
        }
    }

    /// What the form shows in each row of `field` (`figures:`), each in the order of `subs`;
    /// `None` when the list holds what the rows cannot show.
    pub fn rows_shown(&self, field: &Field, subs: &[Field]) -> Option<Vec<Vec<String>>> {
        let Some(block) = self.block(field.key) else {
            return Some(Vec::new());
        };
        if has_comment(&block.text) {
            return None;
        }
        match yaml_edit::value(block) {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Array(items)) => (items.iter())
                .map(|item| match item {
                    Value::Object(map) => values_of(map, subs),
                    _ => None,
                })
                .collect(),
            Some(_) => None,
        }
    }
}

/// The values of `map` in the order of `subs`, when it holds single values of them alone.
fn values_of(map: &Map<String, Value>, subs: &[Field]) -> Option<Vec<String>> {
    let simple = map.iter().all(|(k, v)| {
        subs.iter().any(|s| s.key == k) && !matches!(v, Value::Array(_) | Value::Object(_))
    });
    simple.then(|| {
        subs.iter()
            .map(|s| map.get(s.key).map(scalar_text).unwrap_or_default())
            .collect()
    })
}

/// The change the controls of the group `field` (`event:`) make: the block written again from
/// them, in the order of `subs`, when one of them changed; a box not ticked is left out
/// unless the file said `false`. Problems by the key of their control.
pub(super) fn group_change(
    parts: &Parts,
    field: &Field,
    subs: &[Field],
    form: &HashMap<String, String>,
) -> Result<Option<Change>, Vec<(String, E)>> {
    let Some(shown) = parts.group_shown(field, subs) else {
        return Ok(None); // shown as YAML text, and that was not sent
    };
    if !subs
        .iter()
        .any(|s| form.contains_key(&Slot::sub(field, s).name))
    {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let mut changed = false;
    let mut text = String::new();
    for (sub, was) in subs.iter().zip(&shown) {
        let slot = Slot::sub(field, sub);
        let sent = form.get(&slot.name).map_or("", |s| s.trim());
        let value = match sent_change(sub, &slot.name, sent, was, form) {
            Ok(Some(Change::Value(value))) => {
                changed = true;
                value
            }
            Ok(_) if was.is_empty() => None,
            // Unchanged: the value as its kind writes it (a number stays a number).
            Ok(_) => match change(sub, was) {
                Ok(Change::Value(value)) => value,
                _ => Some(Value::String(was.clone())),
            },
            Err(e) => {
                problems.push((slot.key, e));
                continue;
            }
        };
        match value {
            Some(Value::Bool(false)) if was != "false" => {}
            Some(v) => text.push_str(&yaml_edit::render(sub.key, &v)),
            None => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(changed.then_some(Change::Text(text)))
}

/// Whether YAML `text` holds a comment: a `#` starting a line or after a space, outside a
/// quoted value (`place: "Sala #3"` has none).
fn has_comment(text: &str) -> bool {
    text.lines().any(|line| {
        let mut quote = None;
        let mut before = ' ';
        for c in line.chars() {
            match (quote, c) {
                (None, '#') if before.is_whitespace() => return true,
                (None, '"' | '\'') if before.is_whitespace() || "[{,:".contains(before) => {
                    quote = Some(c)
                }
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            before = c;
        }
        false
    })
}

/// How the form shows the group or rows `field`: `None` as YAML text (or not a group at all);
/// else as controls, with, for rows, the numbers of those holding values, in order. `drawn`:
/// the file the page is drawn from; `sent`: the form sent from that page, if any.
pub fn controls_of(
    field: &Field,
    drawn: &Parts,
    sent: Option<&HashMap<String, String>>,
) -> Option<Vec<usize>> {
    if sent.is_some_and(|s| s.contains_key(&name(field))) {
        return None;
    }
    match field.kind {
        FieldKind::Rows(subs) => match sent.and_then(|s| sent_rows(field, subs, s)) {
            Some(rows) => Some(rows.into_iter().map(|(n, _)| n).collect()),
            None => (drawn.rows_shown(field, subs)).map(|rows| (1..=rows.len()).collect()),
        },
        FieldKind::Group(subs) => {
            let named = |s: &HashMap<String, String>| {
                subs.iter()
                    .any(|sub| s.contains_key(&Slot::sub(field, sub).name))
            };
            (sent.is_some_and(named) || drawn.group_shown(field, subs).is_some()).then(Vec::new)
        }
        _ => None,
    }
}

/// The rows sent for `field` (`f_figures.1.label` …) by their number, in order, each in the
/// order of `subs`, without the rows left empty; `None` when the form had no rows of it.
pub fn sent_rows(
    field: &Field,
    subs: &[Field],
    form: &HashMap<String, String>,
) -> Option<Vec<(usize, Vec<String>)>> {
    let prefix = format!("{}.", name(field));
    let mut rows: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (key, value) in form {
        let Some((row, sub)) = key.strip_prefix(&prefix).and_then(|r| r.split_once('.')) else {
            continue;
        };
        let (Ok(row), Some(at)) = (row.parse(), subs.iter().position(|s| s.key == sub)) else {
            continue;
        };
        let cells = rows
            .entry(row)
            .or_insert_with(|| vec![String::new(); subs.len()]);
        cells[at] = value.trim().to_string();
    }
    if rows.is_empty() {
        return None;
    }
    let filled = |row: &Vec<String>| row.iter().any(|v| !v.is_empty());
    Some(rows.into_iter().filter(|(_, row)| filled(row)).collect())
}

/// The change the rows of `field` (`figures:`) make: the list written again, one row a line
/// (`- { label: uczestników, value: "138" }`), when a row changed, was added or emptied.
/// Every value of a row is needed; problems by the key of their control (the row's number as
/// sent).
pub(super) fn rows_change(
    parts: &Parts,
    field: &Field,
    subs: &[Field],
    form: &HashMap<String, String>,
) -> Result<Option<Change>, Vec<(String, E)>> {
    let Some(shown) = parts.rows_shown(field, subs) else {
        return Ok(None);
    };
    let Some(sent) = sent_rows(field, subs, form) else {
        return Ok(None);
    };
    if sent.iter().map(|(_, row)| row).eq(shown.iter()) {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let mut text = String::new();
    for (number, row) in &sent {
        let mut items = Vec::new();
        for (sub, value) in subs.iter().zip(row) {
            let key = Slot::row(field, *number, sub).key;
            match change(sub, value) {
                _ if value.is_empty() => problems.push((key, E::RowHalfFilled)),
                Ok(Change::Value(Some(v))) => {
                    items.push(format!("{}: {}", sub.key, yaml_edit::scalar(&v, true)));
                }
                Ok(_) => {}
                Err(e) => problems.push((key, e)),
            }
        }
        text.push_str(&format!("- {{ {} }}\n", items.join(", ")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Some(Change::Text(text)))
}

#[cfg(test)]
mod tests {
    use super::super::{apply, field_of, parts, BODY};
    use super::*;
    use crate::content::meta::fields::{self, FieldKind};

    /// The field `key` of `fields`, a group or rows, and its fields.
    fn with_subs(fields: &'static [Field], key: &str) -> (&'static Field, &'static [Field]) {
        let field = fields.iter().find(|f| f.key == key).expect(key);
        match field.kind {
            FieldKind::Group(subs) | FieldKind::Rows(subs) => (field, subs),
            _ => panic!("{key} has no fields of its own: {field:?}"),
        }
    }

    /// The form field of the build's `problem` on the page drawn from `drawn` and sent as
    /// `sent`.
    fn on_page(
        problem: &str,
        drawn: &Parts,
        fields: &[Field],
        sent: Option<&HashMap<String, String>>,
    ) -> String {
        field_of(Some(problem), fields, |f| controls_of(f, drawn, sent))
    }

    /// The text after the form `form` was applied to `p`.
    fn saved(p: &mut Parts, fields: &[Field], form: &HashMap<String, String>) -> String {
        apply(p, fields, form).expect("valid");
        p.text()
    }

    /// The form as drawn: a group shown as controls sends each of them, else its YAML text.
    fn drawn_form(parts: &Parts, fields: &[Field]) -> HashMap<String, String> {
        let mut form = HashMap::new();
        for f in fields {
            if let FieldKind::Rows(subs) = f.kind {
                if let Some(rows) = parts.rows_shown(f, subs) {
                    // The rows, then an empty one to add to, as the form draws them.
                    let empty = vec![String::new(); subs.len()];
                    for (at, row) in rows.iter().chain([&empty]).enumerate() {
                        for (sub, v) in subs.iter().zip(row) {
                            form.insert(Slot::row(f, at + 1, sub).name, v.clone());
                        }
                    }
                    continue;
                }
            }
            let group = match f.kind {
                FieldKind::Group(subs) => parts.group_shown(f, subs).map(|v| (subs, v)),
                _ => None,
            };
            match group {
                Some((subs, values)) => {
                    for (sub, v) in subs.iter().zip(values) {
                        form.insert(Slot::sub(f, sub).name, v);
                    }
                }
                None => {
                    form.insert(name(f), parts.shown(f));
                }
            }
        }
        form.insert(BODY.into(), parts.body.clone());
        form
    }

    #[test]
    fn an_event_is_edited_value_by_value_and_written_in_the_documented_order() {
        let post =
            "---\ntitle: Piknik\nevent:\n  place: Park\n  start: 2026-06-01 15:00\n---\nTekst.\n";
        let mut p = parts(post);
        let form = drawn_form(&p, fields::POST);
        assert_eq!(form["f_event.place"], "Park");
        assert_eq!(form["f_event.free"], "");
        apply(&mut p, fields::POST, &form).expect("valid");
        assert_eq!(p.text(), post, "unchanged: the block as it was written");
        let mut form = drawn_form(&p, fields::POST);
        form.insert("f_event.start".into(), "2026-06-01T16:30".into());
        form.insert("f_event.price".into(), "20".into());
        form.insert("f_event.free".into(), "false".into());
        assert_eq!(
            saved(&mut p, fields::POST, &form),
            "---\ntitle: Piknik\nevent:\n  start: 2026-06-01 16:30\n  place: Park\n  price: \"20\"\n---\nTekst.\n"
        );
        let mut form = drawn_form(&p, fields::POST);
        for key in ["start", "place", "price"] {
            form.insert(format!("f_event.{key}"), String::new());
        }
        assert_eq!(
            saved(&mut p, fields::POST, &form),
            "---\ntitle: Piknik\n---\nTekst.\n",
            "emptied: gone"
        );
        let mut form = drawn_form(&p, fields::POST);
        form.insert("f_event.start".into(), "2026-07-01".into());
        form.insert("f_event.free".into(), "true".into());
        assert_eq!(
            saved(&mut p, fields::POST, &form),
            "---\ntitle: Piknik\nevent:\n  start: 2026-07-01\n  free: true\n---\nTekst.\n",
            "a new event goes where the documented order puts it"
        );
    }

    #[test]
    fn funding_amounts_are_numbers_written_as_a_person_writes_them() {
        let project =
            "---\ntitle: Razem\nfunding:\n  programme: FEM 2021-2027\n  total_value: 250000\n---\n";
        let mut p = parts(project);
        let mut form = drawn_form(&p, fields::PROJECT);
        assert_eq!(form["f_funding.total_value"], "250000");
        form.insert("f_funding.eu_contribution".into(), "212 500,50".into());
        assert_eq!(
            saved(&mut p, fields::PROJECT, &form),
            "---\ntitle: Razem\nfunding:\n  programme: FEM 2021-2027\n  total_value: 250000\n  eu_contribution: 212500.5\n---\n",
            "the unchanged total stays a number"
        );
        let mut form = drawn_form(&p, fields::PROJECT);
        form.insert("f_funding.total_value".into(), "dużo".into());
        assert_eq!(
            apply(&mut p, fields::PROJECT, &form),
            Err(vec![("funding-total_value".to_string(), E::NotAnAmount)])
        );
        let with_strip = parts("---\nfunding:\n  fund: EFS+\n  strip: { src: logo.png }\n---\n");
        let (funding, subs) = with_subs(fields::PROJECT, "funding");
        assert_eq!(
            with_strip.group_shown(funding, subs),
            None,
            "a strip: YAML text"
        );
    }

    const FIGURES: &str = "---\ntitle: Razem\nfigures:\n  - { label: uczestników, value: \"138\" }\n  - { label: godzin, value: 540 }\ncontact: { name: Ewa }\n---\nTekst.\n";

    #[test]
    fn figures_are_edited_as_rows_and_written_one_a_line() {
        let mut p = parts(FIGURES);
        let form = drawn_form(&p, fields::PROJECT);
        assert_eq!(form["f_figures.1.label"], "uczestników");
        assert_eq!(form["f_figures.2.value"], "540");
        assert_eq!(form["f_figures.3.value"], "", "an empty row to add to");
        apply(&mut p, fields::PROJECT, &form).expect("valid");
        assert_eq!(p.text(), FIGURES, "unchanged: as written, 540 a number");
        let mut form = drawn_form(&p, fields::PROJECT);
        form.insert("f_figures.1.label".into(), String::new());
        form.insert("f_figures.1.value".into(), String::new());
        form.insert(
            "f_figures.3.label".into(),
            "wolontariuszy, w tym młodzież".into(),
        );
        form.insert("f_figures.3.value".into(), "14".into());
        // A row the script added, numbered past the others.
        form.insert("f_figures.17.label".into(), "dofinansowania".into());
        form.insert("f_figures.17.value".into(), "85%".into());
        assert_eq!(
            saved(&mut p, fields::PROJECT, &form),
            "---\ntitle: Razem\nfigures:\n  - { label: godzin, value: \"540\" }\n  - { label: \"wolontariuszy, w tym młodzież\", value: \"14\" }\n  - { label: dofinansowania, value: 85% }\ncontact: { name: Ewa }\n---\nTekst.\n",
            "the emptied row gone, the new ones in their order"
        );
        let mut form = drawn_form(&p, fields::PROJECT);
        form.insert("f_figures.2.value".into(), String::new());
        assert_eq!(
            apply(&mut p, fields::PROJECT, &form),
            Err(vec![("figures-2-value".to_string(), E::RowHalfFilled)])
        );
        let mut form = drawn_form(&p, fields::PROJECT);
        for row in 1..=3 {
            form.insert(format!("f_figures.{row}.label"), String::new());
            form.insert(format!("f_figures.{row}.value"), String::new());
        }
        assert_eq!(
            saved(&mut p, fields::PROJECT, &form),
            "---\ntitle: Razem\ncontact: { name: Ewa }\n---\nTekst.\n"
        );
        assert_eq!(
            on_page("figures[1].value", &parts(FIGURES), fields::PROJECT, None),
            "figures-2-value"
        );
        assert_eq!(
            on_page("figures", &parts(FIGURES), fields::PROJECT, None),
            "figures-1-label"
        );
        let (figures, subs) = with_subs(fields::PROJECT, "figures");
        for block in [
            "figures:\n  - { label: a, value: 1 } # szacunek\n",
            "figures:\n  - { label: a, value: 1, icon: x }\n",
            "figures:\n  - a\n",
            "figures: { label: a }\n",
        ] {
            let p = parts(&format!("---\n{block}---\n"));
            assert_eq!(p.rows_shown(figures, subs), None, "{block}");
            assert_eq!(
                on_page("figures[0].value", &p, fields::PROJECT, None),
                "figures"
            );
        }
    }

    #[test]
    fn problems_go_to_the_controls_the_page_shows() {
        let drawn = parts(FIGURES);
        let mut sent = drawn_form(&drawn, fields::PROJECT);
        sent.insert("f_figures.1.label".into(), String::new());
        sent.insert("f_figures.1.value".into(), String::new());
        sent.insert("f_figures.7.label".into(), "spotkań".into());
        let at = |problem| on_page(problem, &drawn, fields::PROJECT, Some(&sent));
        assert_eq!(at("figures[0].value"), "figures-2-value", "row 1 emptied");
        assert_eq!(
            at("figures[1]"),
            "figures-7-label",
            "a row the script added"
        );
        let quoted = parts("---\nevent:\n  place: \"Sala #3\"\n  start: 2026-06-01\n---\n");
        assert_eq!(
            on_page("event.start", &quoted, fields::POST, None),
            "event-start",
            "a # in a quoted value is no comment"
        );
        let mut as_text = drawn_form(&quoted, fields::POST);
        as_text.insert(
            "f_event".into(),
            "start: 2026-06-01 # do potwierdzenia".into(),
        );
        assert_eq!(
            on_page("event.start", &quoted, fields::POST, Some(&as_text)),
            "event",
            "sent as YAML text"
        );
    }

    #[test]
    fn a_state_budget_is_edited_value_by_value() {
        let mut p = parts("---\ntitle: Senior+\n---\n");
        let mut form = drawn_form(&p, fields::PROJECT);
        assert_eq!(form["f_state_budget.share"], "");
        form.insert("f_state_budget.programme".into(), "Senior+".into());
        form.insert("f_state_budget.share".into(), "whole".into());
        form.insert("f_state_budget.amount".into(), "80 000".into());
        assert_eq!(
            saved(&mut p, fields::PROJECT, &form),
            "---\ntitle: Senior+\nstate_budget:\n  programme: Senior+\n  share: whole\n  amount: 80000\n---\n"
        );
    }

    #[test]
    fn a_group_holding_more_than_its_controls_show_is_edited_as_yaml() {
        let (event, subs) = with_subs(fields::POST, "event");
        for block in [
            "event:\n  start: 2026-06-01 # do potwierdzenia\n",
            "event:\n  start: 2026-06-01\n  program: [a, b]\n",
            "event: [2026-06-01]\n",
        ] {
            let p = parts(&format!("---\n{block}---\n"));
            assert_eq!(p.group_shown(event, subs), None, "{block}");
        }
        let none = parts("");
        assert_eq!(
            on_page("event.start", &none, fields::POST, None),
            "event-start"
        );
        assert_eq!(on_page("event.nowhere", &none, fields::POST, None), "event");
        assert_eq!(
            on_page("contact.email", &none, fields::PROJECT, None),
            "contact-email"
        );
        assert_eq!(
            on_page("gallery[1].alt", &none, fields::POST, None),
            "gallery"
        );
        let as_yaml = parts("---\nevent:\n  start: 2026-06-01 # do potwierdzenia\n---\n");
        assert_eq!(
            on_page("event.start", &as_yaml, fields::POST, None),
            "event",
            "a group shown as YAML text takes its fields' problems"
        );
    }
}
