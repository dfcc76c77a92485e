//! The catalogue: every message tablica shows, in English and in Polish, grouped by the part
//! of the program that shows it. A message missing in one language does not compile; the
//! tests below check that both languages use the same arguments and plural forms.

use serde::{Deserialize, Serialize};

use super::Lang;

/// Declares a group of messages: an enum of keys and the template of each in each language.
macro_rules! catalogue {
    ($(#[$doc:meta])* $group:ident { $($key:ident: $en:literal, $pl:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $group {
            $($key,)*
        }

        impl $group {
            pub const ALL: &'static [$group] = &[$($group::$key,)*];

            /// The message in `lang`; Ukrainian takes [`Lang::interface`]'s: the catalogue
            /// holds the program's messages to the clerks of a Polish or English site, none of
            /// them shown on a site's page (a Ukrainian page's texts are the theme's).
            pub fn template(self, lang: $crate::locale::Lang) -> &'static str {
                match self {
                    $($group::$key => match lang.interface() {
                        $crate::locale::Lang::En => $en,
                        $crate::locale::Lang::Pl | $crate::locale::Lang::Uk => $pl,
                    },)*
                }
            }
        }

        impl From<$group> for $crate::locale::catalogue::Key {
            fn from(key: $group) -> Self {
                $crate::locale::catalogue::Key::$group(key)
            }
        }

        impl From<$group> for $crate::locale::Message {
            fn from(key: $group) -> Self {
                $crate::locale::Message::new(key)
            }
        }
    };
}

mod cli;
mod content;
mod deploy;
mod documents;
mod editor;
mod fields;
mod import;
mod markdown;
mod marking;
mod photos;
mod theme;

pub use cli::Cli;
pub use content::Content;
pub use deploy::Deploy;
pub use documents::Documents;
pub use editor::Editor;
pub use fields::Fields;
pub use import::Import;
pub use markdown::Markdown;
pub use marking::Marking;
pub use photos::Photos;
pub use theme::{Output, Templates};

/// A message of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Key {
    /// Text from outside tablica, shown as it is (argument `text`).
    Text,
    Cli(Cli),
    Content(Content),
    Markdown(Markdown),
    Photos(Photos),
    Templates(Templates),
    Output(Output),
    Documents(Documents),
    Deploy(Deploy),
    Marking(Marking),
    Fields(Fields),
    Editor(Editor),
    Import(Import),
}

impl Key {
    pub fn template(self, lang: Lang) -> &'static str {
        match self {
            Key::Text => "{text}",
            Key::Cli(k) => k.template(lang),
            Key::Content(k) => k.template(lang),
            Key::Markdown(k) => k.template(lang),
            Key::Photos(k) => k.template(lang),
            Key::Templates(k) => k.template(lang),
            Key::Output(k) => k.template(lang),
            Key::Documents(k) => k.template(lang),
            Key::Deploy(k) => k.template(lang),
            Key::Marking(k) => k.template(lang),
            Key::Fields(k) => k.template(lang),
            Key::Editor(k) => k.template(lang),
            Key::Import(k) => k.template(lang),
        }
    }

    /// Every key, for the tests of the catalogue.
    pub fn all() -> Vec<Key> {
        let mut all = vec![Key::Text];
        all.extend(Cli::ALL.iter().copied().map(Key::from));
        all.extend(Content::ALL.iter().copied().map(Key::from));
        all.extend(Markdown::ALL.iter().copied().map(Key::from));
        all.extend(Photos::ALL.iter().copied().map(Key::from));
        all.extend(Templates::ALL.iter().copied().map(Key::from));
        all.extend(Output::ALL.iter().copied().map(Key::from));
        all.extend(Documents::ALL.iter().copied().map(Key::from));
        all.extend(Deploy::ALL.iter().copied().map(Key::from));
        all.extend(Marking::ALL.iter().copied().map(Key::from));
        all.extend(Fields::ALL.iter().copied().map(Key::from));
        all.extend(Editor::ALL.iter().copied().map(Key::from));
        all.extend(Import::ALL.iter().copied().map(Key::from));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a template: (name, number of noun forms).
    fn placeholders(template: &str) -> Vec<(String, usize)> {
        let mut found = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .unwrap_or_else(|| panic!("an unclosed brace in {template:?}"));
            let mut parts = after[..close].split('|');
            let name = parts.next().unwrap_or_default().to_string();
            found.push((name, parts.count()));
            rest = &after[close + 1..];
        }
        found.sort();
        found
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_arguments() {
        let mut problems = Vec::new();
        for key in Key::all() {
            let (en, pl) = (key.template(Lang::En), key.template(Lang::Pl));
            if en.trim().is_empty() || pl.trim().is_empty() {
                problems.push(format!("{key:?}: a language has no text"));
            }
            let (en_args, pl_args) = (placeholders(en), placeholders(pl));
            let names = |args: &[(String, usize)]| -> Vec<String> {
                args.iter().map(|(n, _)| n.clone()).collect()
            };
            if names(&en_args) != names(&pl_args) {
                problems.push(format!("{key:?}: arguments differ: {en:?} / {pl:?}"));
            }
            for (name, forms) in &en_args {
                if *forms != 0 && *forms != 2 {
                    problems.push(format!("{key:?}: English `{name}` needs 2 forms"));
                }
            }
            for ((name, en_forms), (_, pl_forms)) in en_args.iter().zip(&pl_args) {
                if (*en_forms == 0) != (*pl_forms == 0) || (*pl_forms != 0 && *pl_forms != 3) {
                    problems.push(format!(
                        "{key:?}: Polish `{name}` needs 3 forms where English has 2"
                    ));
                }
            }
            // The same text in both languages is right only when it has no words of its own.
            let words = |t: &str| {
                t.split('{')
                    .map(|part| part.split_once('}').map_or(part, |(_, after)| after))
                    .any(|text| text.chars().any(char::is_alphabetic))
            };
            if en == pl && words(en) {
                problems.push(format!("{key:?}: not translated: {en:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
