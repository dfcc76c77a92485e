//! Changing front matter the way a person would: the YAML text is cut into its top-level
//! fields, and only a field whose value the form changed is rewritten. Every other field keeps
//! its exact text (comments, quotes, layout, order); a new field goes where the documented
//! order puts it; comments on lines of their own stay where they were.

use serde_json::Value;

use crate::content::yaml;

/// One top-level field as written, with the comment and blank lines above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Comment and blank lines before the field.
    pub lead: String,
    /// The field's key, `None` for trailing comments.
    pub key: Option<String>,
    /// The field's lines: `key: value` and its indented continuation.
    pub text: String,
}

/// The top-level fields of front matter `yaml`, in order. Joining every block's `lead` and
/// `text` gives `yaml` back exactly.
pub fn blocks(yaml: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut lead = String::new();
    for line in yaml.split_inclusive('\n') {
        let first = line.chars().next().unwrap_or('\n');
        let continues = matches!(first, ' ' | '\t' | '-') && !line.starts_with("---");
        if let Some(key) = key_of(line) {
            blocks.push(Block {
                lead: std::mem::take(&mut lead),
                key: Some(key),
                text: line.to_string(),
            });
        } else if continues && lead.is_empty() && !blocks.is_empty() {
            if let Some(last) = blocks.last_mut() {
                last.text.push_str(line);
            }
        } else if continues && !blocks.is_empty() && lead.trim().is_empty() {
            // Blank lines inside a block's value (a literal text), then more of it.
            if let Some(last) = blocks.last_mut() {
                last.text.push_str(&std::mem::take(&mut lead));
                last.text.push_str(line);
            }
        } else {
            lead.push_str(line);
        }
    }
    if !lead.is_empty() {
        blocks.push(Block {
            lead,
            key: None,
            text: String::new(),
        });
    }
    blocks
}

/// The key of a line starting a top-level field: `title: …` → `title`.
fn key_of(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if matches!(
        first,
        ' ' | '\t' | '#' | '-' | '\n' | '\r' | '[' | '{' | '"' | '\''
    ) {
        return None;
    }
    let (key, rest) = line.split_once(':')?;
    let valid = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    (valid && (rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r'])))
        .then(|| key.to_string())
}

/// The value of a block, as YAML reads it.
pub fn value(block: &Block) -> Option<Value> {
    let key = block.key.as_deref()?;
    let map: serde_json::Map<String, Value> = yaml::from_str(&block.text).ok()?;
    map.get(key).cloned()
}

/// The YAML of a block's value alone, for editing a nested block as text: the lines under the
/// key without their common indentation, or the value written on the key's line.
pub fn value_text(block: &Block) -> String {
    let mut lines = block.text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let inline = first.split_once(':').map_or("", |(_, v)| v.trim());
    let rest: Vec<&str> = lines.collect();
    if rest.is_empty() {
        return inline.to_string();
    }
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let body: String = rest
        .iter()
        .map(|l| l.get(indent..).unwrap_or(l.trim_start()))
        .collect();
    body.trim_end().to_string()
}

/// A change the form makes to one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The field takes this value (`None`: the field is removed).
    Value(Option<Value>),
    /// A nested block edited as YAML text (already checked to be YAML); empty removes it.
    Text(String),
}

/// Applies `change` to `key` in `blocks`. A value equal to the one written changes nothing;
/// a new field goes before the first field that comes after it in `order`.
pub fn apply(blocks: &mut Vec<Block>, key: &str, change: &Change, order: &[&str]) {
    let at = blocks.iter().position(|b| b.key.as_deref() == Some(key));
    let new_text = match change {
        Change::Value(v) => {
            if let Some(i) = at {
                if value(&blocks[i]) == *v || (v.is_none() && value(&blocks[i]).is_none()) {
                    return;
                }
            }
            v.as_ref().map(|v| render(key, v))
        }
        Change::Text(t) => {
            if let Some(i) = at {
                if value_text(&blocks[i]) == t.trim_end() {
                    return;
                }
            }
            (!t.trim().is_empty()).then(|| {
                let lines: String = t
                    .trim_end()
                    .lines()
                    .map(|l| {
                        if l.is_empty() {
                            "\n".to_string()
                        } else {
                            format!("  {l}\n")
                        }
                    })
                    .collect();
                format!("{key}:\n{lines}")
            })
        }
    };
    match (at, new_text) {
        (Some(i), Some(text)) => blocks[i].text = text,
        (Some(i), None) => {
            let lead = std::mem::take(&mut blocks[i].lead);
            blocks.remove(i);
            if let Some(next) = blocks.get_mut(i) {
                next.lead.insert_str(0, &lead);
            } else if !lead.is_empty() {
                blocks.push(Block {
                    lead,
                    key: None,
                    text: String::new(),
                });
            }
        }
        (None, Some(text)) => {
            let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(usize::MAX);
            let mine = rank(key);
            let before = blocks
                .iter()
                .position(|b| b.key.as_deref().is_none_or(|k| rank(k) > mine))
                .unwrap_or(blocks.len());
            blocks.insert(
                before,
                Block {
                    lead: String::new(),
                    key: Some(key.to_string()),
                    text,
                },
            );
        }
        (None, None) => {}
    }
}

/// The YAML text of the blocks.
pub fn join(blocks: &[Block]) -> String {
    blocks
        .iter()
        .flat_map(|b| [b.lead.as_str(), b.text.as_str()])
        .collect()
}

/// `key: value` as a person writes it: plain text where YAML reads it back the same, quoted
/// otherwise; short lists on one line (`[a, b]`), longer ones one item a line.
pub fn render(key: &str, value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let inline: Vec<String> = items.iter().map(|v| scalar(v, true)).collect();
            let one_line = format!("[{}]", inline.join(", "));
            if one_line.len() + key.len() < 78 {
                format!("{key}: {one_line}\n")
            } else {
                let lines: String = items
                    .iter()
                    .map(|v| format!("  - {}\n", scalar(v, false)))
                    .collect();
                format!("{key}:\n{lines}")
            }
        }
        v => format!("{key}: {}\n", scalar(v, false)),
    }
}

/// One value on one line. Text stays plain when YAML reads it back as the same text (in a
/// `[…]` list or a `{…}` map, `in_list`, also there: `:)` is text alone, a key in a list),
/// else it is written in double quotes.
pub fn scalar(value: &Value, in_list: bool) -> String {
    match value {
        Value::String(s) => {
            let needs_quotes = s.is_empty()
                || s.trim() != s
                || s.contains(['\n', '\t'])
                || (in_list && s.contains([',', '[', ']', '{', '}']));
            let same = |yaml: &str, read: Value| yaml::from_str::<Value>(yaml).ok() == Some(read);
            let plain_ok = !needs_quotes
                && same(s, Value::String(s.clone()))
                && (!in_list || same(&format!("[{s}]"), Value::Array(vec![s.clone().into()])));
            if plain_ok {
                s.clone()
            } else {
                serde_json::to_string(s).unwrap_or_default()
            }
        }
        Value::Null => "~".to_string(),
        other => serde_json::to_string(other)
            .unwrap_or_default()
            .trim_end()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "# Wpis o warsztatach\ntitle: Warsztaty  # roboczy\ndate: 2026-11-24\ntags:\n  - seniorzy\n  - warsztaty\n\n# zdjęcie\ncover:\n  src: stol.jpg\n  alt: Stół\n# koniec\n";

    #[test]
    fn blocks_give_the_text_back() {
        let b = blocks(YAML);
        assert_eq!(join(&b), YAML);
        let keys: Vec<_> = b.iter().map(|b| b.key.as_deref()).collect();
        assert_eq!(
            keys,
            [
                Some("title"),
                Some("date"),
                Some("tags"),
                Some("cover"),
                None
            ]
        );
        assert_eq!(value_text(&b[3]), "src: stol.jpg\nalt: Stół");
    }

    #[test]
    fn only_changed_fields_are_rewritten() {
        let order = ["title", "date", "summary", "tags", "cover"];
        let mut b = blocks(YAML);
        let same = Value::String("Warsztaty".into());
        apply(&mut b, "title", &Change::Value(Some(same)), &order);
        apply(
            &mut b,
            "cover",
            &Change::Text("src: stol.jpg\nalt: Stół\n".into()),
            &order,
        );
        assert_eq!(
            join(&b),
            YAML,
            "unchanged values keep their text and comments"
        );
        let summary = Value::String("Gotowanie: razem".into());
        apply(&mut b, "summary", &Change::Value(Some(summary)), &order);
        apply(&mut b, "date", &Change::Value(None), &order);
        assert_eq!(
            join(&b),
            YAML.replace("date: 2026-11-24\n", "summary: \"Gotowanie: razem\"\n")
        );
    }

    #[test]
    fn values_read_back_the_same() {
        for s in [
            "2026-11-24",
            "true",
            "12",
            "a: b",
            "#x",
            "zwykły tekst",
            "- a",
            "'q'",
        ] {
            let text = render("k", &Value::String(s.into()));
            let map: serde_json::Map<String, Value> = yaml::from_str(&text).expect("YAML");
            assert_eq!(map.get("k"), Some(&Value::String(s.into())), "{text}");
        }
        let list = Value::Array(vec![
            Value::String("a, b".into()),
            Value::String("c".into()),
        ]);
        assert_eq!(render("tags", &list), "tags: [\"a, b\", c]\n");
        // In a list or a `{…}` map, text that reads as a key there is quoted.
        for s in [
            ":)",
            "?x",
            "a:?b",
            "85%",
            "C# i Java",
            "x: y",
            "@",
            "!ważne",
            "&a",
            "*",
            "|",
            ">",
        ] {
            let row = format!(
                "- {{ label: {}, value: \"1\" }}",
                scalar(&Value::String(s.into()), true)
            );
            let read: Vec<serde_json::Map<String, Value>> = yaml::from_str(&row).expect(&row);
            assert_eq!(
                read[0].get("label"),
                Some(&Value::String(s.into())),
                "{row}"
            );
        }
    }
}
