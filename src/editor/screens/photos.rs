//! The form's list of photos: each with its thumbnail (made by the build's photo pipeline into
//! its cache, never the original sent to the browser), and buttons that work without a script:
//! up, down, make it the cover, remove (the file to the bin). The script adds dragging.

use std::collections::HashMap;

use super::super::form::{self, Parts};
use super::super::pages::hidden;
use super::super::photos::{self, Action, Description, Photo, MARKS};
use super::super::store::StoreError;
use super::document::write_with_notice;
use super::{edit_url, enc, esc, problem_page, t, Call, E, PREFIX};
use crate::content::file;
use crate::serve::MountResponse;

/// The id of the main form, which the photos' description fields belong to.
pub const FORM_ID: &str = "dokument-formularz";

/// The form's name of a description field of the `i`th photo of the list.
pub fn field_name(i: usize, name: &str) -> String {
    format!("zdjecie-{i}-{name}")
}

/// The descriptions sent with the form, by photo (`zdjecie-<i>-src` names it).
pub fn sent_descriptions(sent: &HashMap<String, String>) -> Vec<(String, Description)> {
    let get = |i: usize, name: &str| sent.get(&field_name(i, name)).cloned();
    (0..)
        .map_while(|i| {
            let src = get(i, "src")?;
            let described = Description {
                alt: get(i, "alt").unwrap_or_default(),
                caption: get(i, "podpis").unwrap_or_default(),
                marks: MARKS.map(|(name, _)| get(i, name).is_some_and(|v| v == "true")),
            };
            Some((src, described))
        })
        .collect()
}

/// The fields describing the `i`th photo: alt text (with its errors), caption, marks; part of
/// the main form, saved with it.
fn description_fields(
    call: &Call,
    i: usize,
    photo: &Photo,
    sent: Option<&HashMap<String, String>>,
    errors: &[(String, String)],
) -> String {
    let lang = call.editor.lang;
    let shown = sent
        .and_then(|s| {
            sent_descriptions(s)
                .into_iter()
                .nth(i)
                .filter(|(src, _)| *src == photo.src)
        })
        .map_or_else(|| photo.described.clone(), |(_, d)| d);
    let alt_name = field_name(i, "alt");
    let own: Vec<String> = errors
        .iter()
        .filter(|(f, _)| *f == alt_name)
        .map(|(_, e)| esc(e))
        .collect();
    let (class, invalid, error_html) = if own.is_empty() {
        ("", String::new(), String::new())
    } else {
        (
            " z-bledem",
            format!(" aria-invalid=\"true\" aria-describedby=\"blad-{alt_name}\""),
            format!(
                "<p class=\"blad\" id=\"blad-{alt_name}\"><span class=\"niewidoczne\">{}: </span>{}</p>",
                t(lang, E::Error),
                own.join("<br>")
            ),
        )
    };
    let input = |name: &str, label: E, value: &str, extra: &str| {
        let name = field_name(i, name);
        format!(
            "<label for=\"pole-{name}\">{}</label>{extra}<input type=\"text\" id=\"pole-{name}\" name=\"{name}\" form=\"{FORM_ID}\" value=\"{}\"{}>",
            t(lang, label),
            esc(value),
            if extra.is_empty() { "" } else { &invalid }
        )
    };
    let marks: String = MARKS
        .iter()
        .zip(shown.marks)
        .zip([E::People, E::Consent, E::Child, E::GuardianConsent])
        .map(|(((name, _), on), label)| {
            let name = field_name(i, name);
            format!(
                "<div class=\"wybor\"><input type=\"checkbox\" id=\"pole-{name}\" name=\"{name}\" value=\"true\" form=\"{FORM_ID}\"{}><label for=\"pole-{name}\">{}</label></div>",
                if on { " checked" } else { "" },
                t(lang, label)
            )
        })
        .collect();
    format!(
        "<fieldset class=\"opis{class}\"><legend>{}: <code>{}</code></legend>\
         <input type=\"hidden\" name=\"{}\" value=\"{}\" form=\"{FORM_ID}\"><div class=\"pole\">{}</div><div class=\"pole\">{}</div>{marks}</fieldset>",
        t(lang, E::PhotoFile),
        esc(&photo.src),
        field_name(i, "src"),
        esc(&photo.src),
        input("alt", E::Alt, &shown.alt, &error_html),
        input("podpis", E::Caption, &shown.caption, ""),
    )
}

/// The photos section of the form of `rel` (`parts` of the version `hash`), with the
/// descriptions `sent` (a refused save) and their `errors`.
pub fn section(
    call: &Call,
    rel: &str,
    parts: &Parts,
    hash: &str,
    sent: Option<&HashMap<String, String>>,
    errors: &[(String, String)],
) -> String {
    let lang = call.editor.lang;
    let list = photos::list(parts);
    let mut html = format!(
        "<section class=\"zdjecia\" aria-labelledby=\"zdjecia-tytul\"><h2 id=\"zdjecia-tytul\">{}</h2>",
        t(lang, E::Photos)
    );
    if list.is_empty() {
        html.push_str(&format!("<p>{}</p></section>", t(lang, E::NoPhotos)));
        return html;
    }
    html.push_str(&format!(
        "<p>{}</p><ol class=\"lista-zdjec\">",
        t(lang, E::PhotosExplain)
    ));
    let last = list.len() - 1;
    let first_in_gallery = usize::from(list.first().is_some_and(|p| p.cover));
    for (i, photo) in list.iter().enumerate() {
        let alt = if photo.described.alt.is_empty() {
            t(lang, E::NoAlt)
        } else {
            esc(&photo.described.alt)
        };
        // Each button names its photo for a screen reader ("W górę: Dzieci przy grillu").
        let named = |label: E| {
            format!(
                "{}<span class=\"niewidoczne\">: {alt}</span>",
                t(lang, label)
            )
        };
        let button = |action: &str, label: E, class: &str| {
            format!(
                "<button type=\"submit\" name=\"akcja\" value=\"{action}\" class=\"przycisk {class}\">{}</button>",
                named(label)
            )
        };
        let mut buttons = String::new();
        if !photo.cover {
            if i > first_in_gallery {
                buttons.push_str(&button("w-gore", E::MoveUp, "drugi"));
            }
            if i < last {
                buttons.push_str(&button("w-dol", E::MoveDown, "drugi"));
            }
            buttons.push_str(&button("okladka", E::MakeCover, "drugi"));
        }
        buttons.push_str(&button("usun", E::RemovePhoto, "ostrzegawczy"));
        let mark = if photo.cover {
            format!(
                "<strong class=\"znacznik\">{}</strong> ",
                t(lang, E::CoverMark)
            )
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<li class=\"zdjecie\" data-zdjecie=\"{src}\"><img src=\"{PREFIX}miniatura?plik={}&amp;zdjecie={}\" alt=\"\" loading=\"lazy\">\
             <div class=\"opis-zdjecia\"><p>{mark}{alt}</p>{}\
             <form method=\"post\" action=\"{PREFIX}zdjecia\" class=\"przyciski-zdjecia\">{}{}{}{}{buttons}</form></div></li>",
            esc(&enc(rel)),
            esc(&enc(&photo.src)),
            description_fields(call, i, photo, sent, errors),
            hidden("csrf", &call.csrf),
            hidden("plik", rel),
            hidden("wersja", hash),
            hidden("zdjecie", &photo.src),
            src = esc(&photo.src),
        ));
    }
    html.push_str("</ol></section>");
    html
}

/// A button of the list: the photo moved, made the cover or removed, over the version shown.
pub fn arrange(call: &Call) -> MountResponse {
    let rel = call.get("plik");
    let src = call.get("zdjecie");
    let Some(action) = Action::from_form(call.get("akcja"), call.get("miejsce")) else {
        return problem_page(call, 400, &StoreError::BadPath);
    };
    let (text, _) = match call.editor.store.read(rel) {
        Ok(found) => found,
        Err(e) => return problem_page(call, 404, &e),
    };
    let mut parts = form::parts(&text);
    let order: Vec<&str> = form::fields_of(rel).iter().map(|f| f.key).collect();
    let removing = action == Action::Remove;
    if let Err(why) = photos::arrange(&mut parts, src, action, &order) {
        let main = format!(
            "<h1>{}</h1><p>{}</p><p><a href=\"{}\">{}</a></p>",
            t(call.editor.lang, E::Refused),
            t(call.editor.lang, why),
            esc(&edit_url(rel)),
            t(call.editor.lang, E::BackToDocument)
        );
        return call.screen(409, E::Refused, &main);
    }
    let notice = if removing { "kosz" } else { "zdjecia" };
    let written = write_with_notice(call, rel, &parts.text(), call.get("wersja"), notice);
    if removing && written.status == 303 {
        // The post no longer names it: the file goes to the bin, when it is the post's own (in
        // its folder, and no other entry of the post names it). A single-file post's photo
        // sits among other posts' files and stays.
        let own = call
            .editor
            .store
            .confine(rel)
            .is_ok_and(|p| crate::content::is_bundle_index(&p));
        if own && !photos::list(&parts).iter().any(|p| p.src == src) {
            match call.editor.store.discard(rel, src) {
                // Not a file of the post's folder (`../wspolne.jpg`) or gone already: the
                // save stands and nothing is moved.
                Ok(_) | Err(StoreError::BadPath | StoreError::Missing) => {}
                Err(e) => return problem_page(call, 500, &e),
            }
        }
    }
    written
}

/// The thumbnail of the photo `?zdjecie=` of `?plik=`, from the build's photo cache (made
/// there first when needed).
pub fn thumbnail(call: &Call) -> MountResponse {
    let root = &call.editor.root;
    let Ok(path) = call
        .editor
        .store
        .beside(call.get("plik"), call.get("zdjecie"))
    else {
        return MountResponse::new(404, "text/plain; charset=utf-8", "");
    };
    let settings = match call.settings() {
        Ok(config) => config.images.clone(),
        Err(_) => crate::config::ImageSettings::default(),
    };
    let cache = root
        .join(crate::build::CACHE_DIR)
        .join(crate::build::IMAGE_CACHE);
    // The preview's build prunes the cache of photos its last build did not use, and may do
    // so between making a thumbnail and reading it (a photo added a moment ago): then it is
    // made again.
    let thumb = (0..3).find_map(|_| {
        let (done, _, _) = crate::gallery::process::process(
            root,
            std::slice::from_ref(&path),
            &settings,
            &cache,
            false,
        );
        let entry = cache.join(&done.get(&path)?.key);
        file::read(&entry.join("thumb.jpg"), file::MAX_PHOTO_BYTES).ok()
    });
    match thumb {
        Some(bytes) => MountResponse::new(200, "image/jpeg", bytes)
            .header("Cache-Control", "private, no-cache"),
        None => MountResponse::new(404, "text/plain; charset=utf-8", ""),
    }
}
