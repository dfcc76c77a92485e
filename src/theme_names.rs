//! The ids and classes the default theme uses, read from the theme's own files, so that author
//! content can be kept out of them: a heading `{#tablica-config}` or a raw
//! `<div class="skip-link">` must not take over an element the theme's script or style looks for.

use std::collections::HashSet;
use std::sync::LazyLock;

use include_dir::{include_dir, Dir};

/// The built-in theme, compiled into the program.
pub(crate) static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The names (ids and classes together: one namespace) the theme writes or looks for.
#[derive(Debug, Default)]
pub(crate) struct ThemeNames {
    exact: HashSet<String>,
    /// Beginnings of names the templates complete with a value (`sc-label-{{ s.action }}`).
    prefixes: HashSet<String>,
}

static DEFAULT: LazyLock<ThemeNames> = LazyLock::new(|| ThemeNames::of(&DEFAULT_THEME));

/// The names of the built-in theme.
pub(crate) fn reserved() -> &'static ThemeNames {
    &DEFAULT
}

impl ThemeNames {
    /// Reads the names from every template (`id="…"`, `class="…"`), style sheet (`#…` and
    /// `.…` in selectors) and script (`getElementById`, `className`, `classList`, selectors)
    /// of `theme`.
    pub(crate) fn of(theme: &Dir) -> ThemeNames {
        let mut names = ThemeNames::default();
        let mut dirs = vec![theme];
        while let Some(dir) = dirs.pop() {
            dirs.extend(dir.dirs());
            for file in dir.files() {
                let Some(text) = file.contents_utf8() else {
                    continue;
                };
                match file.path().extension().and_then(|e| e.to_str()) {
                    Some("html") => names.read_template(text),
                    Some("css") => names.read_style(text),
                    Some("js") => names.read_script(text),
                    _ => {}
                }
            }
        }
        names
    }

    /// Whether author content may not use `name` as an id or class.
    pub(crate) fn reserves(&self, name: &str) -> bool {
        self.exact.contains(name) || self.prefixes.iter().any(|p| name.starts_with(p.as_str()))
    }

    fn read_template(&mut self, text: &str) {
        for attribute in ["id=\"", "class=\""] {
            for value in quoted_after(text, attribute, '"') {
                // Template code in the value: `{{ … }}` glued to a name makes it a prefix.
                let mut literal = String::with_capacity(value.len());
                let mut rest = value;
                while let Some(open) = rest.find('{') {
                    literal.push_str(&rest[..open]);
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
                    let close = (close + 2).min(rest.len());
                    literal.push('\u{0}');
                    rest = &rest[close..];
                }
                literal.push_str(rest);
                for token in literal.split_ascii_whitespace() {
                    match token.split_once('\u{0}') {
                        Some((prefix, _)) if is_name(prefix) => {
                            self.prefixes.insert(prefix.to_string());
                        }
                        Some(_) => {}
                        None => self.add(token),
                    }
                }
            }
        }
    }

    fn read_style(&mut self, text: &str) {
        let mut uncommented = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find("/*") {
            uncommented.push_str(&rest[..open]);
            rest = rest[open..]
                .find("*/")
                .map_or("", |c| &rest[open + c + 2..]);
        }
        uncommented.push_str(rest);
        // A stretch of text followed by `{` is a selector (or an at-rule's prelude); one
        // followed by `}` holds declarations, where `#fff` is a colour.
        let mut start = 0;
        for (i, c) in uncommented.char_indices() {
            match c {
                '{' => {
                    self.read_selector(&uncommented[start..i]);
                    start = i + 1;
                }
                '}' | ';' => start = i + 1,
                _ => {}
            }
        }
    }

    fn read_selector(&mut self, selector: &str) {
        for (i, c) in selector.char_indices() {
            if c == '.' || c == '#' {
                let name: String = selector[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                    .collect();
                if name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '-') {
                    self.add(&name);
                }
            }
        }
    }

    fn read_script(&mut self, text: &str) {
        for call in [
            "getElementById(\"",
            "className = \"",
            "classList.add(\"",
            "classList.remove(\"",
            "classList.toggle(\"",
        ] {
            for value in quoted_after(text, call, '"') {
                for token in value.split_ascii_whitespace() {
                    self.add(token);
                }
            }
        }
        for call in ["querySelector(", "querySelectorAll(", "closest("] {
            for quote in ['"', '\''] {
                let opening = format!("{call}{quote}");
                for selector in quoted_after(text, &opening, quote) {
                    self.read_selector(selector);
                }
            }
        }
    }

    fn add(&mut self, name: &str) {
        if is_name(name) {
            self.exact.insert(name.to_string());
        }
    }
}

/// The texts between each `opening` in `text` and the next `quote`.
fn quoted_after<'a>(text: &'a str, opening: &'a str, quote: char) -> impl Iterator<Item = &'a str> {
    text.match_indices(opening).map(move |(i, _)| {
        let value = &text[i + opening.len()..];
        &value[..value.find(quote).unwrap_or(value.len())]
    })
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_reserves_its_ids_and_classes() {
        let names = reserved();
        for name in [
            "tablica-config",
            "shortcuts-dialog",
            "skip-link",
            "main",
            "search-results",
            "video__placeholder--playing",
            "sc-label-next",
        ] {
            assert!(names.reserves(name), "{name} in {names:?}");
        }
        for name in ["zapisy", "wazne", "fff", "if", "endif"] {
            assert!(!names.reserves(name), "{name}");
        }
    }
}
