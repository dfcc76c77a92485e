//! Reading YAML written by editors with a bound on its size after aliases are expanded.
//!
//! serde_yaml limits nesting (128 levels) and alias jumps, but its jump limit grows with the
//! length of the document: a few kilobytes of "billion laughs" (`&a [*b, *b, …]` nine levels
//! deep) padded with ordinary values still take seconds and hundreds of megabytes. Every
//! value is therefore counted first, aliases at each use, and the text is refused as soon as
//! the count passes [`MAX_VALUES`], before anything is built from it.

use std::cell::Cell;

use crate::locale::catalogue::Content as M;
use crate::locale::{msg, Lang, Message};
use std::fmt;

use serde::de::{
    DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// The most values (texts, numbers, lists, mappings; an alias counts as everything it
/// stands for) one YAML file may hold. Generous for a gallery of hundreds of photos.
pub const MAX_VALUES: usize = 20_000;

/// The start of the error message for YAML over [`MAX_VALUES`], for hints.
pub const TOO_MANY_VALUES: &str = "too many values";

/// The deepest nesting of `[…]` and `{…}` lists and mappings a YAML text may have. serde_yaml
/// refuses values nested more than 128 levels, but only after libyaml has read the whole
/// text, and libyaml's work grows with the square of that nesting: 100,000 `[` take minutes.
pub const MAX_DEPTH: usize = 128;

/// The start of the error message for YAML nested deeper than [`MAX_DEPTH`], for hints.
pub const TOO_DEEP: &str = "nested too deeply";

/// Parses `text` like `serde_yaml::from_str`, refusing it first if it nests `[`/`{` deeper
/// than [`MAX_DEPTH`] or holds more than [`MAX_VALUES`] values once aliases are expanded.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_yaml::Error> {
    check_depth(text)?;
    check_size(text)?;
    serde_yaml::from_str(text)
}

/// A serde_yaml error in words that never quote the rejected value: "invalid type: string
/// \"…\", expected a list" becomes "invalid type: text, expected a list". A value may be
/// anything a file holds, and the message goes to the terminal, CI logs and `serve`'s page.
/// The position (" at line N column M") is left out: callers report the line.
pub fn describe(e: &serde_yaml::Error) -> String {
    let mut message = e.to_string();
    if let Some(pos) = message.find(" at line ") {
        message.truncate(pos);
    }
    without_values(&message, crate::locale::language())
}

/// The kind of value serde names (`string`, `a sequence`, `struct PhotoSpec`, `u32` …) in
/// the reader's words; `None` for what it cannot name.
fn kind_in_words(serde_kind: &str) -> Option<M> {
    let kind = serde_kind
        .trim()
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    Some(match kind.split([' ', ',']).next().unwrap_or_default() {
        "string" | "character" | "str" | "char" => M::YamlText,
        "integer" | "floating" | "number" | "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32"
        | "u64" | "usize" | "isize" | "f32" | "f64" => M::YamlNumber,
        "boolean" | "bool" => M::YamlBool,
        "sequence" | "list" | "tuple" => M::YamlList,
        "map" | "mapping" | "struct" => M::YamlMapping,
        "unit" => M::YamlEmpty,
        _ => return None,
    })
}

/// What serde says it expected, in the reader's language: a kind of value, or the values
/// allowed (`` `skip` or `fail` ``, `` one of `a`, `b`, `c` ``).
fn expected_in_words(expected: &str, lang: Lang) -> String {
    if let Some(kind) = kind_in_words(expected) {
        return Message::new(kind).render(lang);
    }
    if expected.starts_with('`') {
        let values = expected
            .strip_prefix("one of ")
            .unwrap_or(expected)
            .replace("` or `", "`, `");
        return msg!(M::YamlOneOf, values = values).render(lang);
    }
    if let Some(values) = expected.strip_prefix("one of ") {
        return msg!(M::YamlOneOf, values = values).render(lang);
    }
    expected.to_string()
}

/// [`describe`] on the text of a message, in `lang`.
fn without_values(message: &str, lang: Lang) -> String {
    for (prefix, key) in [
        ("invalid type: ", M::YamlInvalidType),
        ("invalid value: ", M::YamlInvalidValue),
    ] {
        let Some(start) = message.find(prefix) else {
            continue;
        };
        let rest = &message[start + prefix.len()..];
        // serde writes the value between backticks or quotes after its kind.
        let found = Message::new(kind_in_words(rest).unwrap_or(M::YamlValue)).render(lang);
        let expected = rest
            .rfind(", expected ")
            .map(|i| expected_in_words(&rest[i + ", expected ".len()..], lang))
            .unwrap_or_default();
        let said = msg!(key, found = found, expected = expected).render(lang);
        return format!("{}{said}", &message[..start]);
    }
    // "unknown variant `x`, expected one of …"
    if let Some(start) = message.find("unknown variant `") {
        let expected = message
            .rfind("`, expected ")
            .map(|i| expected_in_words(&message[i + "`, expected ".len()..], lang))
            .unwrap_or_default();
        let said = msg!(M::YamlUnknownValue, expected = expected).render(lang);
        return format!("{}{said}", &message[..start]);
    }
    message.to_string()
}

/// Refuses `text` if its flow lists and mappings (`[…]`, `{…}`) nest deeper than
/// [`MAX_DEPTH`], in one pass before libyaml reads it.
///
/// The count errs on the high side, never the low one: every `[` or `{` where a value may
/// start counts, and inside what looks like quoted text an opening bracket still counts
/// while a closing one only undoes those (a `"]]]"` never lowers the count). Comments are
/// skipped as YAML skips them.
pub fn check_depth(text: &str) -> Result<(), serde_yaml::Error> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    // The depth where the quoted text began: brackets inside it never go below it.
    let mut floor = 0;
    let too_deep = || {
        serde_yaml::Error::custom(format_args!(
            "{TOO_DEEP} (lists or mappings inside each other more than {MAX_DEPTH} levels deep)"
        ))
    };
    // After `[`, `{`, `,`, `: `, `- `, `? ` or at a line's start: a quote or bracket here
    // opens a value.
    let mut token_start = true;
    let mut chars = text.chars().peekable();
    let mut prev = '\n';
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            match c {
                '\\' if q == '"' => {
                    chars.next();
                }
                '\'' if q == '\'' && chars.peek() == Some(&'\'') => {
                    chars.next();
                }
                _ if c == q => {
                    quote = None;
                    token_start = false;
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(too_deep());
                    }
                }
                ']' | '}' if depth > floor => depth -= 1,
                // Outside `[…]`, a quoted text does not go on past its line for this count:
                // a line that libyaml reads as plain text must not hide the next line.
                '\n' if depth == 0 => {
                    quote = None;
                    token_start = true;
                }
                _ => {}
            }
            prev = c;
            continue;
        }
        match c {
            '#' if prev.is_whitespace() => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                prev = '\n';
                token_start = true;
                continue;
            }
            '\n' => token_start = true,
            ' ' | '\t' | '\r' => {}
            '"' | '\'' if token_start => {
                quote = Some(c);
                floor = depth;
            }
            '[' | '{' if token_start || depth > 0 => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
                token_start = true;
            }
            ']' | '}' if depth > 0 => {
                depth -= 1;
                token_start = false;
            }
            ',' if depth > 0 => token_start = true,
            ':' | '-' | '?' => {
                // A value starts after `: ` (or `:` right before a bracket or quote in a
                // list), `- ` and `? `.
                let next = chars.peek().copied().unwrap_or('\n');
                token_start = next.is_whitespace()
                    || (depth > 0 && c == ':' && matches!(next, '[' | '{' | '"' | '\''));
            }
            // Anchors and tags come before the value they name.
            '&' | '!' if token_start => {
                while chars.peek().is_some_and(|c| !c.is_whitespace()) {
                    chars.next();
                }
            }
            _ => token_start = false,
        }
        prev = c;
    }
    Ok(())
}

/// Counts the values of `text` (aliases expanded), stopping with an error past [`MAX_VALUES`].
pub fn check_size(text: &str) -> Result<(), serde_yaml::Error> {
    let count = Cell::new(0);
    for document in serde_yaml::Deserializer::from_str(text) {
        Counter(&count).deserialize(document)?;
    }
    Ok(())
}

/// Visits every value, adding one to the shared count for each.
#[derive(Clone, Copy)]
struct Counter<'a>(&'a Cell<usize>);

impl Counter<'_> {
    fn tick<E: serde::de::Error>(self) -> Result<(), E> {
        let n = self.0.get() + 1;
        self.0.set(n);
        if n > MAX_VALUES {
            return Err(E::custom(format_args!(
                "{TOO_MANY_VALUES} (more than {MAX_VALUES}, counting each use of an alias `*name` as all it stands for)"
            )));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.tick()
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.tick()
    }
    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
        self.tick()
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.tick()
    }
    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
        self.tick()
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.tick()
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.tick()
    }
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<(), E> {
        self.tick()
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.tick()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.tick()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }

    /// A tagged value (`!tag value`).
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        self.tick()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self).map_err(A::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// "Billion laughs": nine levels of nine aliases each, after `padding` ordinary values.
    pub(crate) fn alias_bomb(padding: usize) -> String {
        let mut y = String::from("title: Bomba\nextra:\n  pad: [");
        y.push_str(&vec!["x"; padding].join(", "));
        y.push_str("]\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for level in 1..10 {
            let refs = vec![format!("*a{}", level - 1); 9].join(", ");
            y.push_str(&format!("  a{level}: &a{level} [{refs}]\n"));
        }
        y
    }

    #[test]
    fn alias_bombs_end_quickly_with_an_error() {
        for padding in [0, 5_000, 15_000] {
            let start = Instant::now();
            let e = from_str::<serde_yaml::Value>(&alias_bomb(padding)).expect_err("bomb");
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "{padding}: {:?}",
                start.elapsed()
            );
            assert!(e.to_string().contains(TOO_MANY_VALUES), "{e}");
        }
    }

    #[test]
    fn ordinary_yaml_with_aliases_and_tags_is_read() {
        let v: serde_yaml::Value = from_str("a: &x [1, 2]\nb: *x\nc: !tag {d: e}\n").expect("fine");
        assert_eq!(v["b"], v["a"]);
    }

    #[test]
    fn many_plain_values_are_refused() {
        let list = format!("[{}]", vec!["1"; MAX_VALUES + 1].join(","));
        assert!(from_str::<serde_yaml::Value>(&list).is_err());
        let list = format!("[{}]", vec!["1"; MAX_VALUES - 1].join(","));
        assert!(from_str::<serde_yaml::Value>(&list).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        for open in ["[", "{a: ", "- ["] {
            let deep = open.repeat(100_000);
            let e = from_str::<serde_yaml::Value>(&deep).expect_err("deep");
            assert!(e.to_string().contains(TOO_DEEP), "{open}: {e}");
        }
        let ok = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(check_depth(&ok).is_ok());
        // Balanced brackets in quoted text, and any in comments and plain text, do not count.
        let many = "[x]".repeat(MAX_DEPTH + 1);
        let text = format!(
            "a: \"{many}\"\nb: '{many}'\nc: x {0}\n# {0}\nd: [\"]]\", '{many}']\n",
            "[".repeat(MAX_DEPTH + 1)
        );
        assert!(check_depth(&text).is_ok(), "{text}");
        // A closing bracket inside quotes does not close anything.
        let hidden = "[\"]\", ".repeat(MAX_DEPTH + 1);
        assert!(check_depth(&hidden).is_err());
    }

    #[test]
    fn type_errors_do_not_quote_the_value() {
        #[derive(Debug, serde::Deserialize)]
        struct T {
            #[allow(dead_code)]
            list: Vec<String>,
        }
        let e = from_str::<T>("list: SECRET_TOKEN=abc123\n").expect_err("type");
        let said = describe(&e);
        assert!(!said.contains("SECRET"), "{said}");
        assert!(
            said.contains("invalid type: text, expected a list"),
            "{said}"
        );
        assert_eq!(
            without_values(
                "unknown variant `hasło`, expected `skip` or `fail`",
                Lang::En
            ),
            "unknown value, expected one of: `skip`, `fail`"
        );
        assert_eq!(
            without_values(
                "x: unknown variant `y`, expected one of `full`, `partial`, `none`",
                Lang::En
            ),
            "x: unknown value, expected one of: `full`, `partial`, `none`"
        );
        assert_eq!(
            without_values("invalid type: map, expected struct PhotoSpec", Lang::En),
            "invalid type: fields `key: value`, expected fields `key: value`"
        );
        assert_eq!(
            without_values("invalid value: integer `-1`, expected u32", Lang::En),
            "invalid value: a number, expected a number"
        );
        let polish = without_values(
            "invalid type: string \"abc\", expected a sequence",
            Lang::Pl,
        );
        assert_eq!(
            polish,
            "niewłaściwy rodzaj wartości: tekst, a powinna być lista"
        );
    }
}
