//! Splitting a Markdown file into YAML front matter and body, and parsing the front matter
//! with errors that point at the right line and suggest the key that was meant.

use std::path::Path;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Content as M;
use crate::locale::msg;

/// A Markdown file cut into its two parts, with the line numbers where each starts.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line number of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line number of the first body line.
    pub body_line: usize,
}

/// Splits `text` (already free of BOM and CR) at the `---` fences.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Err(Diagnostic::error(file, M::NoFrontMatter)
            .at_line(Some(1))
            .hint(M::NoFrontMatterHint));
    }
    let yaml_start = first_line.len() + 1;
    let rest = text.get(yaml_start..).unwrap_or("");
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = (offset + line.len()).min(rest.len());
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body: &rest[body_start..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(file, M::FrontMatterNotClosed)
        .at_line(Some(1))
        .hint(M::FrontMatterNotClosedHint))
}

/// The keys a front matter type accepts, for typo hints: the field names its derived
/// `Deserialize` passes to `deserialize_struct` (the introspection of serde-rs/serde#1110).
/// Empty for a type that is not a struct with named fields.
pub(crate) fn keys<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    // The deserializer always stops with an error, once it has the field names.
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// A deserializer that only records the field names a struct asks for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("field names read"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Parses front matter into `T`, checking for unknown keys first.
///
/// All problems are returned as diagnostics with file and line.
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    yaml: &str,
    yaml_line: usize,
) -> Result<T, Vec<Diagnostic>> {
    let value: serde_yaml::Value = match super::yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => return Err(vec![yaml_error(file, yaml, yaml_line, &e, None)]),
    };
    let mapping = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            return Err(vec![Diagnostic::error(file, M::NotAMapping)
                .at_line(Some(yaml_line))
                .hint(M::NotAMappingHint)])
        }
    };
    let known = keys::<T>();
    let mut problems = Vec::new();
    for key in mapping.keys() {
        let Some(key) = key.as_str() else {
            problems.push(
                Diagnostic::error(file, M::KeyNotText)
                    .at_line(Some(yaml_line))
                    .hint(M::KeyNotTextHint),
            );
            continue;
        };
        if !known.contains(&key) {
            let mut d = Diagnostic::error(file, msg!(M::UnknownField, key = key))
                .at_line(key_line(yaml, yaml_line, key))
                .field(key);
            d = match did_you_mean(key, known) {
                Some(close) => d.hint(msg!(M::DidYouMeanExtra, close = close)),
                None => d.hint(msg!(M::KnownFieldsExtra, known = known.join(", "))),
            };
            problems.push(d);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Deserialise from the text (not the Value) so type errors keep their line numbers. Its
    // size was checked above.
    serde_yaml::from_str::<T>(yaml).map_err(|e| {
        let field = e.to_string().split_once(": ").and_then(|(path, _)| {
            let first = path.split(['.', '[']).next().unwrap_or(path);
            known.contains(&first).then(|| path.to_string())
        });
        vec![yaml_error(file, yaml, yaml_line, &e, field)]
    })
}

fn yaml_error(
    file: &Path,
    yaml: &str,
    yaml_line: usize,
    e: &serde_yaml::Error,
    field: Option<String>,
) -> Diagnostic {
    // Without the rejected value, and without serde_yaml's " at line N column M": we report
    // the line ourselves.
    let mut message = super::yaml::describe(e);
    if let Some(f) = &field {
        if let Some(rest) = message.strip_prefix(&format!("{f}: ")) {
            message = rest.to_string();
        }
    }
    let line = e.location().map(|l| yaml_line + l.line() - 1);
    // An unknown key inside a block (`event:`, `funding:`): name it and suggest the known one.
    if let Some((key, known)) = unknown_nested_key(&message) {
        let hint = match did_you_mean(&key, &known) {
            Some(close) => msg!(M::DidYouMean, close = close),
            None => msg!(M::KnownFieldsHere, known = known.join(", ")),
        };
        let field = match field {
            Some(f) => format!("{f}.{key}"),
            None => key.clone(),
        };
        return Diagnostic::error(file, msg!(M::UnknownField, key = &key))
            .at_line(line)
            .field(field)
            .hint(hint);
    }
    // libyaml reports a tab in the indentation as "found character that cannot start any
    // token": look at the line itself.
    let tab_indented = e
        .location()
        .and_then(|l| yaml.lines().nth(l.line().saturating_sub(1)))
        .is_some_and(|l| {
            l.starts_with(|c: char| c.is_whitespace())
                && l.trim_start_matches(' ').starts_with('\t')
        });
    let hint = if message.contains("tab") || tab_indented {
        M::IndentWithSpaces
    } else if message.contains("duplicate") {
        M::FieldOnce
    } else if message.contains("recursion")
        || message.contains("repetition")
        || message.contains(super::yaml::TOO_MANY_VALUES)
        || message.contains(super::yaml::TOO_DEEP)
    {
        M::TooNested
    } else {
        M::CheckYaml
    };
    let mut d = Diagnostic::error(file, msg!(M::InvalidFrontMatter, detail = message))
        .at_line(line)
        .hint(hint);
    if let Some(f) = field {
        d = d.field(f);
    }
    d
}

/// The key and the known keys of serde's "unknown field `x`, expected one of `a`, `b`" (or
/// "expected `a`").
fn unknown_nested_key(message: &str) -> Option<(String, Vec<&str>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, expected) = rest.split_once("`, expected ")?;
    let known = expected.split('`').skip(1).step_by(2).collect::<Vec<_>>();
    Some((key.to_string(), known))
}

/// The line of a top-level `key:` in the front matter, if it is there.
pub fn key_line(yaml: &str, yaml_line: usize, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| yaml_line + i)
}

/// The line of `field` inside the top-level block `block:`, or of `block:` itself when the
/// block is written on one line (`None` without the block).
pub fn block_key_line(yaml: &str, yaml_line: usize, block: &str, field: &str) -> Option<usize> {
    let start = key_line(yaml, yaml_line, block)?;
    yaml.lines()
        .enumerate()
        .skip(start - yaml_line + 1)
        .take_while(|(_, l)| l.starts_with([' ', '\t']) || l.trim().is_empty())
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(i, _)| yaml_line + i)
        .or(Some(start))
}

/// The closest known key, if one is close enough to be a typo.
fn did_you_mean<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = key.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&lower, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Meta {
        title: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn the_keys_are_the_fields_serde_reads() {
        assert_eq!(keys::<Meta>(), ["title", "tags"]);
        assert_eq!(keys::<Outer>(), ["event"]);
        assert!(keys::<String>().is_empty());
    }

    #[test]
    fn splits_front_matter_and_body_with_line_numbers() {
        let text = "---\ntitle: A\ndate: 2026-01-01\n---\nHello\n";
        let s = split(Path::new("a.md"), text).expect("valid");
        assert_eq!(s.yaml, "title: A\ndate: 2026-01-01\n");
        assert_eq!(s.body, "Hello\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let e = split(Path::new("a.md"), "---\ntitle: A\n").expect_err("unclosed");
        assert!(e.message.to_string().contains("not closed"));
    }

    #[test]
    fn unknown_key_suggests_the_known_one_with_its_line() {
        let errs = parse::<Meta>(Path::new("a.md"), "title: A\ntgas: [x]\n", 2).expect_err("typo");
        assert_eq!(errs[0].line, Some(3));
        assert_eq!(errs[0].field.as_deref(), Some("tgas"));
        assert!(errs[0]
            .hint
            .as_ref()
            .is_some_and(|h| h.to_string().contains("did you mean `tags`")));
    }

    #[test]
    fn type_errors_keep_their_line() {
        let errs =
            parse::<Meta>(Path::new("a.md"), "title: A\ntags: {a: 1}\n", 2).expect_err("type");
        assert_eq!(errs[0].line, Some(3));
        assert_eq!(errs[0].field.as_deref(), Some("tags"));
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        event: Inner,
    }
    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        start: Option<String>,
        place: Option<String>,
    }

    #[test]
    fn unknown_keys_in_a_block_are_named_with_a_suggestion() {
        let errs = parse::<Outer>(Path::new("a.md"), "event:\n  place: X\n  strat: 1\n", 2)
            .expect_err("typo");
        assert_eq!(errs[0].line, Some(4));
        assert_eq!(errs[0].field.as_deref(), Some("event.strat"));
        assert_eq!(errs[0].message.to_string(), "unknown field `strat`");
        assert_eq!(
            errs[0].hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `start`?")
        );
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let errs = parse::<Meta>(Path::new("a.md"), "title: A\n\ttags: x\n", 2).expect_err("tab");
        assert!(errs[0].line.is_some());
    }
}
