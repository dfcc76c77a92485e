//! `accessibility:` in site.yaml: the accessibility statement (deklaracja dostępności, after
//! the official Polish template) and the keyboard shortcuts offered on every page.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content::date;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Content as M;
use crate::locale::msg;

/// The actions a keyboard shortcut can trigger, in the order the help dialog lists them.
pub const ACTIONS: &[&str] = &[
    "skip_to_content",
    "main_menu",
    "search",
    "home",
    "news",
    "high_contrast",
    "text_larger",
    "text_smaller",
    "help",
];

/// Default keys: Alt+Shift with a digit does not clash with browsers or screen readers.
fn default_key(action: &str) -> &'static str {
    match action {
        "skip_to_content" => "Alt+Shift+1",
        "main_menu" => "Alt+Shift+2",
        "search" => "Alt+Shift+3",
        "home" => "Alt+Shift+4",
        "news" => "Alt+Shift+5",
        "high_contrast" => "Alt+Shift+6",
        "text_larger" => "Alt+Shift+7",
        "text_smaller" => "Alt+Shift+8",
        _ => "Alt+Shift+0",
    }
}

/// How far the site meets WCAG 2.1 AA.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Compliance {
    Full,
    #[default]
    Partial,
    None,
}

/// How the statement was prepared.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    #[default]
    SelfAssessment,
    External,
}

/// A contact person for accessibility feedback.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct FeedbackContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The statement's data. Fields left out take sensible defaults or are not shown.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Hash)]
#[serde(default, deny_unknown_fields)]
pub struct Statement {
    /// The public body; default: the organisation's name.
    pub entity: Option<String>,
    /// Date the site was published (YYYY-MM-DD).
    pub published: Option<String>,
    /// Date of the site's last significant update.
    pub updated: Option<String>,
    pub status: Compliance,
    /// Content that is not accessible, each with its reason.
    pub non_accessible: Vec<String>,
    /// Content exempt under the law (art. 3 ust. 2 or art. 8 of the act).
    pub exemptions: Vec<String>,
    /// Date the statement was prepared.
    pub prepared: Option<String>,
    /// Date the statement was last reviewed.
    pub reviewed: Option<String>,
    pub method: Method,
    /// Who carried out an external assessment.
    pub evaluator: Option<String>,
    pub contact: FeedbackContact,
    /// The office building: entrances, lifts, parking, toilets, induction loops…
    pub architecture: Vec<String>,
    pub mobile_apps: Option<String>,
    pub sign_language: Option<String>,
}

/// `accessibility:` in site.yaml.
#[derive(Debug, Clone, Deserialize, Hash)]
#[serde(default, deny_unknown_fields)]
pub struct AccessibilitySettings {
    pub statement: Statement,
    /// Action → key combination ("Alt+Shift+1", "Ctrl+Alt+K", or a single key such as "?").
    pub shortcuts: BTreeMap<String, String>,
    /// Whether single-key shortcuts are on for visitors who have not chosen (WCAG 2.1.4: off).
    pub single_key_shortcuts: bool,
    /// Show the "read aloud" button (browser speech synthesis).
    pub read_aloud: bool,
}

impl Default for AccessibilitySettings {
    fn default() -> Self {
        AccessibilitySettings {
            statement: Statement::default(),
            shortcuts: BTreeMap::new(),
            single_key_shortcuts: false,
            read_aloud: true,
        }
    }
}

/// One shortcut as templates and the shortcut script see it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Shortcut {
    pub action: &'static str,
    pub keys: String,
    /// Translation key of the action's name (`a11y_action_<action>`).
    pub label_key: String,
}

const MODIFIERS: &[&str] = &["Alt", "Shift", "Ctrl", "Meta"];

/// Normalises "shift+alt+1" to "Alt+Shift+1"; `None` if it is not a key combination.
fn normalise_keys(keys: &str) -> Option<String> {
    let parts: Vec<&str> = keys.split('+').map(str::trim).collect();
    let (key, mods) = match parts.as_slice() {
        // "Alt+Shift++" is a combination ending in the plus key.
        [rest @ .., "", ""] if !rest.is_empty() => ("+", rest),
        [rest @ .., key] => (*key, rest),
        [] => return None,
    };
    if key.chars().count() != 1 && !matches!(key, "Escape" | "Enter" | "Space" | "Home" | "End") {
        return None;
    }
    let mut normalised = Vec::new();
    for m in MODIFIERS {
        if mods.iter().any(|x| x.eq_ignore_ascii_case(m)) {
            normalised.push(*m);
        }
    }
    if normalised.len() != mods.len() {
        return None;
    }
    let key = if key.chars().count() == 1 && !normalised.is_empty() {
        key.to_uppercase()
    } else {
        key.to_string()
    };
    normalised.push(&key);
    Some(normalised.join("+"))
}

impl AccessibilitySettings {
    /// Problems in the settings, reported against `file` (site.yaml).
    pub fn validate(&self, file: &Path) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (action, keys) in &self.shortcuts {
            let field = format!("accessibility.shortcuts.{action}");
            if !ACTIONS.contains(&action.as_str()) {
                problems.push(
                    Diagnostic::error(file, msg!(M::UnknownShortcut, action = action))
                        .field(field)
                        .hint(msg!(M::UseOneOf, list = ACTIONS.join(", "))),
                );
            } else if normalise_keys(keys).is_none() {
                problems.push(
                    Diagnostic::error(file, msg!(M::NotKeyCombination, keys = keys))
                        .field(field)
                        .hint(M::NotKeyCombinationHint),
                );
            }
        }
        // Clashes among the shortcuts in effect: a configured key may collide with a default.
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for shortcut in self.shortcuts() {
            if let Some(other) = seen.insert(shortcut.keys.clone(), shortcut.action) {
                let configured = if self.shortcuts.contains_key(shortcut.action) {
                    shortcut.action
                } else {
                    other
                };
                problems.push(
                    Diagnostic::error(
                        file,
                        msg!(
                            M::ShortcutClash,
                            keys = &shortcut.keys,
                            first = other,
                            second = shortcut.action
                        ),
                    )
                    .field(format!("accessibility.shortcuts.{configured}"))
                    .hint(M::ShortcutClashHint),
                );
            }
        }
        let s = &self.statement;
        for (name, value) in [
            ("published", &s.published),
            ("updated", &s.updated),
            ("prepared", &s.prepared),
            ("reviewed", &s.reviewed),
        ] {
            if let Some(v) = value {
                if let Err(hint) = date::parse(v) {
                    problems.push(
                        Diagnostic::error(file, msg!(M::InvalidDate, value = v))
                            .field(format!("accessibility.statement.{name}"))
                            .hint(hint),
                    );
                }
            }
        }
        problems
    }

    /// The shortcuts in effect (configured, else default), in the help dialog's order.
    pub fn shortcuts(&self) -> Vec<Shortcut> {
        ACTIONS
            .iter()
            .map(|&action| Shortcut {
                action,
                keys: self
                    .shortcuts
                    .get(action)
                    .and_then(|k| normalise_keys(k))
                    .unwrap_or_else(|| default_key(action).to_string()),
                label_key: format!("a11y_action_{action}"),
            })
            .collect()
    }

    /// The statement for the template, with dates as ISO strings and the entity defaulted.
    pub fn statement_view(&self, default_entity: &str) -> serde_json::Value {
        let mut value = serde_json::to_value(&self.statement).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(map) = &mut value {
            let entity = self.statement.entity.as_deref().unwrap_or(default_entity);
            map.insert("entity".into(), entity.into());
            for key in ["published", "updated", "prepared", "reviewed"] {
                let iso = map
                    .get(key)
                    .and_then(serde_json::Value::as_str)
                    .and_then(|v| date::parse(v).ok())
                    .map(|d| d.date().format("%Y-%m-%d").to_string());
                map.insert(key.into(), iso.into());
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_combinations_are_normalised() {
        assert_eq!(
            normalise_keys("shift+alt+1").as_deref(),
            Some("Alt+Shift+1")
        );
        assert_eq!(normalise_keys("Ctrl+Alt+k").as_deref(), Some("Alt+Ctrl+K"));
        assert_eq!(normalise_keys("?").as_deref(), Some("?"));
        assert_eq!(
            normalise_keys("Alt+Shift++").as_deref(),
            Some("Alt+Shift++")
        );
        assert_eq!(normalise_keys("Hyper+1"), None);
        assert_eq!(normalise_keys("Alt+ab"), None);
    }

    #[test]
    fn defaults_fill_in_and_duplicates_are_errors() {
        let mut s = AccessibilitySettings::default();
        s.shortcuts.insert("help".into(), "?".into());
        let list = s.shortcuts();
        assert_eq!(list.len(), ACTIONS.len());
        assert_eq!(list[0].keys, "Alt+Shift+1");
        assert_eq!(list.last().map(|x| x.keys.as_str()), Some("?"));
        assert!(s.validate(Path::new("site.yaml")).is_empty());

        s.shortcuts.insert("home".into(), "alt+shift+1".into());
        s.shortcuts
            .insert("skip_to_content".into(), "Alt+Shift+1".into());
        s.shortcuts.insert("fly".into(), "F".into());
        let problems = s.validate(Path::new("site.yaml"));
        assert_eq!(problems.len(), 2, "{problems:?}");

        // A configured key that a default already uses is a clash too.
        let mut s = AccessibilitySettings::default();
        s.shortcuts.insert("help".into(), "Alt+Shift+2".into());
        let problems = format!("{:?}", s.validate(Path::new("site.yaml")));
        assert!(problems.contains("main_menu"), "{problems}");
        assert!(
            problems.contains("accessibility.shortcuts.help"),
            "{problems}"
        );
    }

    #[test]
    fn the_statement_defaults_its_entity_and_normalises_dates() {
        let mut s = AccessibilitySettings::default();
        s.statement.published = Some("2025-01-15".into());
        let v = s.statement_view("MOPS");
        assert_eq!(v["entity"], "MOPS");
        assert_eq!(v["published"], "2025-01-15");
        assert_eq!(v["status"], "partial");
        s.statement.updated = Some("15.01.2025".into());
        assert_eq!(s.validate(Path::new("site.yaml")).len(), 1);
    }
}
