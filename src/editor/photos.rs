//! The photos of a document as the form lists them: the cover and the gallery's list, in
//! order. They can be moved up or down the gallery, made the cover (the old cover takes the
//! new one's place), or taken out. Only the `cover:` and `gallery:` fields are rewritten; each
//! photo keeps its own fields (alt text, caption, consent marks).

use serde_json::Value;

use super::form::Parts;
use super::yaml_edit::{self, Change};
use crate::locale::catalogue::Editor as E;

/// One photo of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The file, relative to the document's folder.
    pub src: String,
    pub cover: bool,
    /// What the form says of it besides the file.
    pub described: Description,
}

/// A photo's alt text, caption and marks (people, consent, child, guardian's consent), as the
/// form's list edits them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Description {
    pub alt: String,
    pub caption: String,
    pub marks: [bool; 4],
}

/// The marks: the form's name, the front matter's key.
pub const MARKS: [(&str, &str); 4] = [
    ("osoby", "people"),
    ("zgoda", "consent"),
    ("dziecko", "child"),
    ("opiekun", "guardian_consent"),
];

/// What is done to a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Cover,
    Remove,
    /// To the place of another photo of the gallery (dragged onto it).
    To(String),
}

impl Action {
    /// The action sent by the form's button (`akcja`), or by dragging (`na-miejsce` of the
    /// photo `miejsce`).
    pub fn from_form(sent: &str, place: &str) -> Option<Action> {
        match sent {
            "w-gore" => Some(Action::Up),
            "w-dol" => Some(Action::Down),
            "okladka" => Some(Action::Cover),
            "usun" => Some(Action::Remove),
            "na-miejsce" => Some(Action::To(place.to_string())),
            _ => None,
        }
    }
}

fn field(v: &Value, key: &str) -> Option<String> {
    match v {
        Value::String(s) if key == "src" => Some(s.clone()),
        Value::Object(map) => map.get(key).and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn photo(v: &Value, cover: bool) -> Option<Photo> {
    let mark = |key: &str| v.get(key).and_then(Value::as_bool).unwrap_or(false);
    Some(Photo {
        src: field(v, "src")?,
        described: Description {
            alt: field(v, "alt").unwrap_or_default(),
            caption: field(v, "caption").unwrap_or_default(),
            marks: MARKS.map(|(_, key)| mark(key)),
        },
        cover,
    })
}

/// The place in [`list`] of the photo a problem's field names (`cover.alt`, `gallery[2].alt`).
pub fn index_of(parts: &Parts, problem_field: &str) -> Option<usize> {
    let has_cover = value(parts, "cover")
        .and_then(|v| photo(&v, true))
        .is_some();
    if problem_field.starts_with("cover.") {
        return has_cover.then_some(0);
    }
    let k: usize = problem_field
        .strip_prefix("gallery[")?
        .split_once(']')?
        .0
        .parse()
        .ok()?;
    let items = gallery(parts).ok()?;
    let v = items.get(k)?;
    field(v, "src")?;
    let before = items[..k]
        .iter()
        .filter(|v| field(v, "src").is_some())
        .count();
    Some(before + usize::from(has_cover))
}

/// Gives the photo `src` the description `to`, unless it says that already; `Ok(false)` when
/// nothing changed.
pub fn describe(parts: &mut Parts, src: &str, to: &Description, order: &[&str]) -> Result<bool, E> {
    let mut cover = value(parts, "cover");
    let mut items = gallery(parts)?;
    let is = |v: &&mut Value| field(v, "src").as_deref() == Some(src);
    let Some(v) = cover.iter_mut().chain(items.iter_mut()).find(is) else {
        return Err(E::PhotoNotThere);
    };
    if photo(v, false).is_some_and(|p| p.described == *to) {
        return Ok(false);
    }
    if let Value::String(s) = v {
        *v = serde_json::json!({ "src": s });
    }
    let Value::Object(map) = v else {
        return Err(E::PhotoNotThere);
    };
    for (key, text) in [("alt", &to.alt), ("caption", &to.caption)] {
        match text.trim() {
            "" => map.remove(key),
            given => map.insert(key.into(), Value::String(given.into())),
        };
    }
    for ((_, key), on) in MARKS.iter().zip(to.marks) {
        match (on, map.get(*key)) {
            (true, _) => {
                map.insert((*key).into(), Value::Bool(true));
            }
            // Left as written when it says no already (`people: false`).
            (false, Some(Value::Bool(false)) | None) => {}
            (false, Some(_)) => {
                map.remove(*key);
            }
        }
    }
    write_back(parts, cover, &items, order);
    Ok(true)
}

fn value(parts: &Parts, key: &str) -> Option<Value> {
    let block = parts
        .blocks
        .iter()
        .find(|b| b.key.as_deref() == Some(key))?;
    yaml_edit::value(block)
}

/// The gallery's list; `Err` when the gallery is a folder (its photos are not listed).
fn gallery(parts: &Parts) -> Result<Vec<Value>, E> {
    match value(parts, "gallery") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(E::GalleryIsAFolder),
    }
}

/// The cover first, then the gallery's photos in order.
pub fn list(parts: &Parts) -> Vec<Photo> {
    let cover = value(parts, "cover").and_then(|v| photo(&v, true));
    let items = gallery(parts).unwrap_or_default();
    cover
        .into_iter()
        .chain(items.iter().filter_map(|v| photo(v, false)))
        .collect()
}

/// Does `action` to the photo `src`; nothing changes when it cannot be done.
pub fn arrange(parts: &mut Parts, src: &str, action: Action, order: &[&str]) -> Result<(), E> {
    let mut cover = value(parts, "cover");
    let mut items = gallery(parts)?;
    let is = |v: &Value| field(v, "src").as_deref() == Some(src);
    let at = items.iter().position(is);
    let in_cover = cover.as_ref().is_some_and(is);
    let target = match &action {
        Action::To(place) => items
            .iter()
            .position(|v| field(v, "src").as_deref() == Some(place)),
        _ => None,
    };
    match (action, at) {
        (Action::Remove, _) if in_cover => cover = None,
        (Action::Remove, Some(i)) => {
            items.remove(i);
        }
        (Action::Up, Some(i)) if i > 0 => items.swap(i, i - 1),
        (Action::Down, Some(i)) if i + 1 < items.len() => items.swap(i, i + 1),
        (Action::Up | Action::Down, Some(_)) => {}
        (Action::To(_), Some(i)) => {
            // Onto the cover: it becomes the cover; elsewhere it takes the other's place.
            let Some(to) = target else {
                return arrange(parts, src, Action::Cover, order);
            };
            let moved = items.remove(i);
            items.insert(to, moved);
        }
        (Action::Cover, Some(i)) => {
            let chosen = items.remove(i);
            if let Some(old) = cover.take() {
                items.insert(i, old);
            }
            cover = Some(chosen);
        }
        _ if in_cover => {} // the cover is already the cover, and first
        _ => return Err(E::PhotoNotThere),
    }
    write_back(parts, cover, &items, order);
    Ok(())
}

/// Rewrites `cover:` and `gallery:` as `cover` and `items` say.
fn write_back(parts: &mut Parts, cover: Option<Value>, items: &[Value], order: &[&str]) {
    let cover_change = match cover {
        Some(Value::Object(_)) => Change::Text(cover.as_ref().map(lines).unwrap_or_default()),
        other => Change::Value(other),
    };
    yaml_edit::apply(&mut parts.blocks, "cover", &cover_change, order);
    let list: String = items.iter().map(|v| item(&lines(v))).collect();
    yaml_edit::apply(&mut parts.blocks, "gallery", &Change::Text(list), order);
}

/// A photo's fields one a line in the documented order (a photo given as its file name
/// alone: that).
fn lines(v: &Value) -> String {
    let Value::Object(map) = v else {
        return format!("{}\n", yaml_edit::scalar(v, false));
    };
    // As the upload writes them (and the documentation lists them); others after, by name.
    let first = [
        "src",
        "alt",
        "caption",
        "people",
        "consent",
        "child",
        "guardian_consent",
    ];
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| first.iter().position(|f| f == k).unwrap_or(first.len()));
    keys.into_iter()
        .map(|k| yaml_edit::render(k, &map[k]))
        .collect()
}

/// A photo's `lines` as an item of the gallery's list.
pub fn item(lines: &str) -> String {
    lines
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{}{l}\n", if i == 0 { "- " } else { "  " }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::form;

    const ORDER: &[&str] = &["title", "cover", "gallery"];
    const POST: &str = "---\ntitle: Piknik\n# okładka\ncover:\n  src: a.jpg\n  alt: Stoły w ogrodzie\ngallery:\n  - src: b.jpg\n    alt: Dzieci przy grillu\n    consent: true\n  - c.jpg\n---\nTekst.\n";

    fn srcs(parts: &Parts) -> Vec<String> {
        list(parts).into_iter().map(|p| p.src).collect()
    }

    #[test]
    fn photos_move_become_the_cover_and_go_keeping_their_fields() {
        let mut parts = form::parts(POST);
        assert_eq!(srcs(&parts), ["a.jpg", "b.jpg", "c.jpg"]);
        arrange(&mut parts, "c.jpg", Action::Up, ORDER).expect("up");
        assert_eq!(srcs(&parts), ["a.jpg", "c.jpg", "b.jpg"]);
        arrange(&mut parts, "b.jpg", Action::To("c.jpg".into()), ORDER).expect("dragged");
        assert_eq!(
            srcs(&parts),
            ["a.jpg", "b.jpg", "c.jpg"],
            "onto the one above it"
        );
        arrange(&mut parts, "b.jpg", Action::To("c.jpg".into()), ORDER).expect("dragged");
        assert_eq!(
            srcs(&parts),
            ["a.jpg", "c.jpg", "b.jpg"],
            "onto the one below it"
        );
        arrange(&mut parts, "b.jpg", Action::Cover, ORDER).expect("cover");
        assert_eq!(
            parts.text(),
            "---\ntitle: Piknik\n# okładka\ncover:\n  src: b.jpg\n  alt: Dzieci przy grillu\n  consent: true\ngallery:\n  - c.jpg\n  - src: a.jpg\n    alt: Stoły w ogrodzie\n---\nTekst.\n"
        );
        arrange(&mut parts, "b.jpg", Action::Remove, ORDER).expect("remove");
        arrange(&mut parts, "a.jpg", Action::Remove, ORDER).expect("remove");
        assert_eq!(srcs(&parts), ["c.jpg"], "the gallery keeps the rest");
        assert_eq!(
            arrange(&mut parts, "x.jpg", Action::Down, ORDER),
            Err(E::PhotoNotThere)
        );
    }

    #[test]
    fn a_photo_described_keeps_the_others_and_unchanged_writes_nothing() {
        let mut parts = form::parts(POST);
        let c = list(&parts)[2].described.clone();
        assert_eq!(describe(&mut parts, "c.jpg", &c, ORDER), Ok(false));
        assert_eq!(parts.text(), POST);
        let to = Description {
            alt: "Ognisko wieczorem".into(),
            marks: [true, true, false, false],
            ..Description::default()
        };
        assert_eq!(describe(&mut parts, "c.jpg", &to, ORDER), Ok(true));
        assert!(parts.text().ends_with(
            "    consent: true\n  - src: c.jpg\n    alt: Ognisko wieczorem\n    people: true\n    consent: true\n---\nTekst.\n"
        ));
        assert_eq!(index_of(&parts, "cover.alt"), Some(0));
        assert_eq!(index_of(&parts, "gallery[1].alt"), Some(2));
        assert_eq!(index_of(&parts, "gallery[7].alt"), None);
    }
}
