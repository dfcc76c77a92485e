//! Messages of the command line in the user's language: a [`Message`] is a key of the
//! catalogue ([`super::catalogue`]) with named arguments, rendered when it is shown.
//!
//! Templates name their arguments in braces: `{file}` inserts an argument as it is, and
//! `{posts|wpis|wpisy|wpisów}` writes a count with the form of the noun that the language's
//! plural rules ([`super::plural_form`]) choose: "1 wpis", "22 wpisy", "12 wpisów". English
//! gives two forms (`{posts|post|posts}`), Polish three.

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

use super::catalogue::Key;
use super::{plural_form, Lang, PluralForm};

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Arg {
    /// Text shown as it is: a file name, a value from the content, a library's error.
    Text(String),
    /// A number; a placeholder with noun forms writes it with the right form.
    Count(u64),
    /// Another message, rendered in the same language (e.g. "post" / "wpis").
    Message(Box<Message>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Count(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n as u64)
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Arg::Count(u64::from(n))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(u64::from(n))
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}

/// A message of the catalogue with its arguments, rendered in a language when shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Message {
    pub key: Key,
    /// A boxed slice, not a `Vec`: every [`crate::diagnostics::Diagnostic`] holds two
    /// messages, and results carrying one stay small.
    pub args: Box<[(String, Arg)]>,
}

impl Message {
    pub fn new(key: impl Into<Key>) -> Self {
        Message {
            key: key.into(),
            args: Box::new([]),
        }
    }

    /// Text from outside the catalogue, shown as it is in every language: a library's error
    /// message, an operating system's description of an I/O error.
    pub fn text(text: impl Into<String>) -> Self {
        Message::new(Key::Text).arg("text", text.into())
    }

    pub fn arg(self, name: &str, value: impl Into<Arg>) -> Self {
        let mut args = self.args.into_vec();
        args.push((name.to_string(), value.into()));
        Message {
            key: self.key,
            args: args.into_boxed_slice(),
        }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let template = self.key.template(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            self.placeholder(&after[..close], lang, &mut out);
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn placeholder(&self, spec: &str, lang: Lang, out: &mut String) {
        let mut parts = spec.split('|');
        let name = parts.next().unwrap_or_default();
        let forms: Vec<&str> = parts.collect();
        let value = self.args.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        match (value, forms.as_slice()) {
            (Some(Arg::Count(n)), [one, many]) | (Some(Arg::Count(n)), [one, _, many])
                if lang == Lang::En || forms.len() == 2 =>
            {
                let form = if plural_form(Lang::En, *n) == PluralForm::One {
                    one
                } else {
                    many
                };
                out.push_str(&format!("{n} {form}"));
            }
            (Some(Arg::Count(n)), [one, few, many]) => {
                let form = match plural_form(lang, *n) {
                    PluralForm::One => one,
                    PluralForm::Few => few,
                    PluralForm::Many => many,
                };
                out.push_str(&format!("{n} {form}"));
            }
            (Some(Arg::Count(n)), _) => out.push_str(&n.to_string()),
            (Some(Arg::Text(t)), _) => out.push_str(t),
            (Some(Arg::Message(m)), _) => out.push_str(&m.render(lang)),
            // A missing argument shows as written, so the test of the catalogue and a reader
            // of the output both see it.
            (None, _) => {
                out.push('{');
                out.push_str(spec);
                out.push('}');
            }
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::text(text)
    }
}

/// Shown in the language chosen for this run ([`set_language`]).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

/// A message: `msg!(Cli::Built, posts = 3, file = name)`.
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::Message::new($key) $(.arg(stringify!($name), $value))*
    };
}

/// English until the command line chooses: the library's messages (and its tests) read the
/// same whoever calls it.
static LANGUAGE: AtomicU8 = AtomicU8::new(1);

/// The language messages are shown in from now on, for the whole process.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(matches!(lang, Lang::En) as u8, Ordering::Relaxed);
}

/// The language messages are shown in.
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        0 => Lang::Pl,
        _ => Lang::En,
    }
}

/// The language of a locale name as the system gives it ("pl_PL.UTF-8", "pl-PL", "en_US"),
/// when tablica speaks it.
pub fn lang_of_locale(name: &str) -> Option<Lang> {
    let code: String = name
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    match code.as_str() {
        "pl" => Some(Lang::Pl),
        "" | "c" | "posix" => None,
        _ => Some(Lang::En),
    }
}

/// The user's language as the system says: `LC_ALL`, `LC_MESSAGES`, `LANG` (the first one set
/// and not empty, as POSIX orders them), then the platform's setting (the Windows user
/// interface language, the macOS preferred language) through `sys-locale`.
pub fn system_language(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env(var).filter(|v| !v.is_empty()) {
            return lang_of_locale(&value);
        }
    }
    sys_locale::get_locale().and_then(|l| lang_of_locale(&l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::catalogue::Cli;

    #[test]
    fn counts_take_the_plural_form_of_each_language() {
        let posts = |n: u64, lang| msg!(Cli::CountPosts, n = n).render(lang);
        let pl: Vec<String> = [1, 2, 5, 12, 14, 22, 25, 112, 122]
            .iter()
            .map(|&n| posts(n, Lang::Pl))
            .collect();
        assert_eq!(
            pl,
            [
                "1 wpis",
                "2 wpisy",
                "5 wpisów",
                "12 wpisów",
                "14 wpisów",
                "22 wpisy",
                "25 wpisów",
                "112 wpisów",
                "122 wpisy"
            ]
        );
        assert_eq!(posts(1, Lang::En), "1 post");
        assert_eq!(posts(2, Lang::En), "2 posts");
        assert_eq!(posts(0, Lang::En), "0 posts");
    }

    #[test]
    fn locale_names_give_the_language() {
        assert_eq!(lang_of_locale("pl_PL.UTF-8"), Some(Lang::Pl));
        assert_eq!(lang_of_locale("pl-PL"), Some(Lang::Pl));
        assert_eq!(lang_of_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(lang_of_locale("de_DE"), Some(Lang::En));
        assert_eq!(lang_of_locale("C.UTF-8"), None);
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            system_language(env(&[("LANG", "pl_PL.UTF-8")])),
            Some(Lang::Pl)
        );
        // LC_ALL wins over LANG; an empty variable counts as not set.
        assert_eq!(
            system_language(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "pl_PL.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            system_language(env(&[("LC_ALL", ""), ("LC_MESSAGES", "pl_PL")])),
            Some(Lang::Pl)
        );
    }

    #[test]
    fn nested_messages_and_missing_arguments() {
        let m = msg!(Cli::CountPosts);
        assert_eq!(m.render(Lang::En), "{n|post|posts}");
        assert_eq!(Message::text("as is").render(Lang::Pl), "as is");
    }
}
