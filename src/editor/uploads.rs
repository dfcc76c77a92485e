//! Photos and documents added to a document: sent by the editor's script as the request body
//! (the form's other fields in the address), checked by their content and never by their name,
//! written beside the document (a single-file post becomes a bundle first), and named in its
//! front matter (a photo: the cover, or the gallery's next one) or returned as a link to insert.

use serde_json::{json, Value};

use super::form::{self, Parts};
use super::routes::Call;
use super::store::StoreError;
use super::yaml_edit::{self, Change};
use crate::gallery::alt;
use crate::locale::catalogue::Editor as E;
use crate::locale::{msg, Message};
use crate::serve::MountResponse;
use crate::site::attachments::DocumentInfo;

/// The documents that can be added, by extension, with how their content begins.
const DOCUMENTS: &[(&str, &[u8])] = &[
    ("pdf", b"%PDF-"),
    ("docx", b"PK\x03\x04"),
    ("xlsx", b"PK\x03\x04"),
    ("pptx", b"PK\x03\x04"),
    ("odt", b"PK\x03\x04"),
    ("ods", b"PK\x03\x04"),
    ("odp", b"PK\x03\x04"),
    ("doc", b"\xD0\xCF\x11\xE0"),
    ("xls", b"\xD0\xCF\x11\xE0"),
    ("ppt", b"\xD0\xCF\x11\xE0"),
    ("rtf", b"{\\rtf"),
];

/// A JSON answer for the script.
fn reply(status: u16, value: &Value) -> MountResponse {
    MountResponse::new(status, "application/json", value.to_string())
}

/// Problems by form field, as the script shows them (GOV.UK: next to the field and in a
/// summary).
fn refused(call: &Call, problems: &[(&str, Message)]) -> MountResponse {
    let lang = call.editor.lang;
    let list: Vec<Value> = problems
        .iter()
        .map(|(field, m)| json!({ "pole": field, "blad": m.render(lang) }))
        .collect();
    reply(422, &json!({ "ok": false, "bledy": list }))
}

fn store_refused(call: &Call, e: &StoreError) -> MountResponse {
    let key = match e {
        StoreError::Conflict { .. } => E::UploadSaveFirst,
        StoreError::Exists => E::BundleExists,
        _ => E::CannotWrite,
    };
    refused(call, &[("plik-wgrany", Message::new(key))])
}

/// The name the file had, if it is a plain file name: no folders, no `..`, no control
/// characters; `(stem, extension)` in small letters.
fn plain_name(name: &str) -> Option<(String, String)> {
    if name.is_empty()
        || name.len() > 255
        || name.contains(['/', '\\', '\0'])
        || name.contains("..")
        || name.chars().any(char::is_control)
    {
        return None;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    Some((crate::slug::slugify(stem), ext.to_lowercase()))
}

/// Makes the document a bundle if needed, after checking it is the version the page shows.
fn bundle(call: &Call) -> Result<(String, String, String), StoreError> {
    let rel = call.get("plik");
    let (_, hash) = call.editor.store.read(rel)?;
    if hash != call.get("wersja") {
        return Err(StoreError::Conflict {
            theirs: String::new(),
            hash,
        });
    }
    let rel = call.editor.store.make_bundle(rel)?;
    let (text, hash) = call.editor.store.read(&rel)?;
    Ok((rel, text, hash))
}

/// Writes `bytes` beside the document (a bundle from now on) as `<stem>.<ext>` (`fallback`
/// when the name had no letters): the document's path, text and fingerprint, and the name used.
fn write_beside(
    call: &Call,
    stem: &str,
    fallback: &str,
    ext: &str,
    bytes: &[u8],
) -> Result<(String, String, String, String), MountResponse> {
    let (rel, text, hash) = bundle(call).map_err(|e| store_refused(call, &e))?;
    let stem = if stem.is_empty() { fallback } else { stem };
    let file = call
        .editor
        .store
        .add_file(&rel, &format!("{stem}.{ext}"), bytes)
        .map_err(|e| store_refused(call, &e))?;
    Ok((rel, text, hash, file))
}

/// A photo: alt text required (placeholders and file names refused, as in the build), the
/// content a JPEG, PNG, WebP or GIF that decodes; the cover if there is none, else the next
/// photo of the gallery.
pub fn photo(call: &Call, bytes: &[u8]) -> MountResponse {
    let mut problems: Vec<(&str, Message)> = Vec::new();
    let name = plain_name(call.get("nazwa"));
    if name.is_none() {
        problems.push(("plik-wgrany", Message::new(E::BadFileName)));
    }
    let alt_text = call.get("alt").trim();
    // One of several files: each is described in the list of photos afterwards, and the
    // document cannot be saved until it is.
    let later = call.get("wiele") == "true" && alt_text.is_empty();
    if let Some(why) = alt::problem(alt_text).filter(|_| !later) {
        problems.push(("alt", Message::new(why)));
    }
    let format = image::guess_format(bytes).ok();
    let ext = match format {
        Some(image::ImageFormat::Jpeg) => Some("jpg"),
        Some(image::ImageFormat::Png) => Some("png"),
        Some(image::ImageFormat::WebP) => Some("webp"),
        Some(image::ImageFormat::Gif) => Some("gif"),
        _ => None,
    };
    let max_pixels = call.settings().as_ref().map_or_else(
        |_| crate::config::ImageSettings::default().max_pixels,
        |c| c.images.max_pixels,
    );
    match ext.map(|_| crate::gallery::process::decode(bytes, max_pixels)) {
        Some(Ok(_)) => {}
        Some(Err(why)) => problems.push(("plik-wgrany", why)),
        None => problems.push(("plik-wgrany", Message::new(E::NotAPhoto))),
    }
    let (Some((stem, _)), Some(ext), true) = (name, ext, problems.is_empty()) else {
        return refused(call, &problems);
    };
    let (rel, text, hash, file) = match write_beside(call, &stem, "zdjecie", ext, bytes) {
        Ok(done) => done,
        Err(refusal) => return refusal,
    };
    let mut lines = yaml_edit::render("src", &Value::String(file.clone()));
    if !later {
        lines.push_str(&yaml_edit::render("alt", &Value::String(alt_text.into())));
    }
    let caption = call.get("podpis").trim();
    if !caption.is_empty() {
        lines.push_str(&yaml_edit::render(
            "caption",
            &Value::String(caption.into()),
        ));
    }
    for (sent, key) in super::photos::MARKS {
        if call.get(sent) == "true" {
            lines.push_str(&yaml_edit::render(key, &Value::Bool(true)));
        }
    }
    let mut parts = form::parts(&text);
    let fields = form::fields_of(&rel);
    let order: Vec<&str> = fields.iter().map(|f| f.key).collect();
    if let Err(problem) = place_photo(&mut parts, &lines, &order) {
        return refused(call, &[("plik-wgrany", Message::new(problem))]);
    }
    match call.editor.store.save(&rel, &parts.text(), &hash) {
        Ok(version) => reply(
            200,
            &json!({ "ok": true, "plik": rel, "nazwa": file, "wersja": version }),
        ),
        Err(e) => store_refused(call, &e),
    }
}

/// Names the photo (its `lines`, `src:` first) as the cover, or adds it to the gallery list.
fn place_photo(parts: &mut Parts, lines: &str, order: &[&str]) -> Result<(), E> {
    let has = |key: &str| parts.blocks.iter().any(|b| b.key.as_deref() == Some(key));
    if !has("cover") {
        yaml_edit::apply(
            &mut parts.blocks,
            "cover",
            &Change::Text(lines.into()),
            order,
        );
        return Ok(());
    }
    let item = super::photos::item(lines);
    let gallery = parts
        .blocks
        .iter()
        .find(|b| b.key.as_deref() == Some("gallery"));
    let text = match gallery {
        None => item,
        Some(b) if matches!(yaml_edit::value(b), Some(Value::Array(_))) => {
            format!("{}\n{item}", yaml_edit::value_text(b))
        }
        Some(_) => return Err(E::GalleryIsAFolder),
    };
    yaml_edit::apply(&mut parts.blocks, "gallery", &Change::Text(text), order);
    Ok(())
}

/// A document (PDF, DOCX, ODT…): its content must begin as its kind does. Returns the
/// Markdown link to insert in the text.
pub fn document(call: &Call, bytes: &[u8]) -> MountResponse {
    let Some((stem, ext)) = plain_name(call.get("nazwa")) else {
        return refused(call, &[("plik-wgrany", Message::new(E::BadFileName))]);
    };
    let Some((_, magic)) = DOCUMENTS.iter().find(|(e, _)| *e == ext) else {
        return refused(call, &[("plik-wgrany", Message::new(E::NotADocumentKind))]);
    };
    if !bytes.starts_with(magic) {
        return refused(call, &[("plik-wgrany", Message::new(E::NotWhatItSays))]);
    }
    let (rel, _, _, file) = match write_beside(call, &stem, "dokument", &ext, bytes) {
        Ok(done) => done,
        Err(refusal) => return refusal,
    };
    let label = match call.get("opis").trim() {
        "" => call
            .get("nazwa")
            .rsplit_once('.')
            .map_or("", |(s, _)| s)
            .to_string(),
        given => given.to_string(),
    };
    let label = label.replace(['[', ']'], "");
    let link = format!("[{label}]({file})");
    // What the built page will say of it: "Regulamin (PDF, 240 KB)".
    let lang = call.editor.lang;
    let described = DocumentInfo {
        kind: ext.to_uppercase(),
        size: bytes.len() as u64,
    }
    .label(lang);
    let said = msg!(E::DocumentLinked, text = format!("{label} ({described})")).render(lang);
    reply(
        200,
        &json!({ "ok": true, "plik": rel, "nazwa": file, "link": link, "opis": described, "komunikat": said }),
    )
}
