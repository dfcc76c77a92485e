//! The form of a document: shown, checked, previewed, saved, and the conflict when the file
//! changed since it was opened.

use std::collections::HashMap;

use super::super::form::{self, Parts, BODY};
use super::super::index;
use super::super::pages::{error_summary, hidden, notice};
use super::super::store::StoreError;
use super::checks::{check, read_sent};
use super::{edit_url, enc, esc, page, problem_page, t, Call, E, PREFIX};
use crate::content::CONTENT_DIR;
use crate::diagnostics::Diagnostic;
use crate::locale::{msg, Message};
use crate::markdown::LinkNote;
use crate::serve::MountResponse;

/// What the form of a document shows besides the file.
#[derive(Default)]
struct Shown<'a> {
    /// Values sent, shown instead of the file's (after a refused save).
    sent: Option<&'a HashMap<String, String>>,
    /// Problems by form field.
    errors: Vec<(String, String)>,
    warnings: Vec<String>,
    preview: Option<String>,
    notice: Option<String>,
}

/// The form of a document: `parts` of the file whose fingerprint is `hash`.
fn form_page(
    call: &Call,
    rel: &str,
    parts: &Parts,
    hash: &str,
    shown: Shown,
    status: u16,
) -> MountResponse {
    let lang = call.editor.lang;
    let fields = form::fields_of(rel);
    let choices = index::choices(call.items());
    let title = parts_title(parts, rel);
    let mut main = error_summary(lang, &shown.errors);
    if let Some(n) = &shown.notice {
        main.push_str(&notice(n));
    }
    main.push_str(&format!(
        "<h1>{}</h1><p class=\"plik\">{} <code>{}/{}</code></p>",
        esc(&title),
        t(lang, E::File),
        CONTENT_DIR,
        esc(rel)
    ));
    if !shown.warnings.is_empty() {
        let items: String = shown
            .warnings
            .iter()
            .map(|w| format!("<li>{}</li>", esc(w)))
            .collect();
        main.push_str(&format!(
            "<div class=\"ostrzezenia\"><h2>{}</h2><ul>{items}</ul></div>",
            t(lang, E::Warnings)
        ));
    }
    main.push_str(&format!(
        "<form method=\"post\" action=\"{PREFIX}zapisz\" novalidate class=\"formularz\" id=\"{}\" data-szkic=\"{}\" data-sprawdz=\"{PREFIX}sprawdz\">{}{}{}\
         <p class=\"niewidoczne\" role=\"status\" id=\"stan-formularza\"></p>",
        super::photos::FORM_ID,
        esc(rel),
        hidden("csrf", &call.csrf),
        hidden("plik", rel),
        hidden("wersja", hash)
    ));
    let tags: String = choices
        .tags
        .iter()
        .map(|t| format!("<option value=\"{}\">", esc(t)))
        .collect();
    main.push_str(&format!("<datalist id=\"tagi\">{tags}</datalist>"));
    let drawn = super::fields::Drawn {
        lang,
        sent: shown.sent,
        errors: &shown.errors,
        projects: &choices.projects,
        tags: "tagi",
    };
    main.push_str(&super::fields::controls(&drawn, fields, parts));
    let body = shown
        .sent
        .and_then(|s| s.get(BODY).cloned())
        .unwrap_or_else(|| parts.body.clone());
    let body_errors: Vec<&String> = shown
        .errors
        .iter()
        .filter(|(f, _)| f == BODY)
        .map(|(_, e)| e)
        .collect();
    let (invalid, error_html) = if body_errors.is_empty() {
        (String::new(), String::new())
    } else {
        let texts: Vec<String> = body_errors.iter().map(|e| esc(e)).collect();
        (
            " aria-invalid=\"true\"".to_string(),
            format!(
                "<p class=\"blad\" id=\"blad-tresc\"><span class=\"niewidoczne\">{}: </span>{}</p>",
                t(lang, E::Error),
                texts.join("<br>")
            ),
        )
    };
    let described = if body_errors.is_empty() {
        "podpowiedz-tresc"
    } else {
        "podpowiedz-tresc blad-tresc"
    };
    main.push_str(&format!(
        "<div class=\"pole{}\"><label for=\"pole-tresc\">{}</label><p class=\"podpowiedz\" id=\"podpowiedz-tresc\">{}</p>{error_html}\
         <textarea id=\"pole-tresc\" name=\"{BODY}\" rows=\"18\" aria-describedby=\"{described}\"{invalid}>\n{}</textarea></div>",
        if body_errors.is_empty() { "" } else { " z-bledem" },
        t(lang, E::Text),
        t(lang, E::TextHint),
        esc(&body)
    ));
    main.push_str(&format!(
        "<div class=\"przyciski\"><button type=\"submit\" name=\"akcja\" value=\"zapisz\" class=\"przycisk\">{}</button>\
         <button type=\"submit\" name=\"akcja\" value=\"podglad\" class=\"przycisk drugi\">{}</button></div></form>",
        t(lang, E::Save),
        t(lang, E::Preview)
    ));
    main.push_str(&super::photos::section(
        call,
        rel,
        parts,
        hash,
        shown.sent,
        &shown.errors,
    ));
    main.push_str(&upload_forms(call, rel, hash));
    if let Some(html) = &shown.preview {
        main.push_str(&format!(
            "<section class=\"podglad\" aria-labelledby=\"podglad-tytul\"><h2 id=\"podglad-tytul\">{}</h2><div class=\"tekst\">{html}</div></section>",
            t(lang, E::Preview)
        ));
    }
    main.push_str(&format!(
        "<h2>{}</h2><ul class=\"akcje\"><li><a href=\"{PREFIX}zobacz?plik={plik}\">{}</a></li><li><a href=\"{PREFIX}historia?plik={plik}\">{}</a></li></ul>\
         <form method=\"post\" action=\"{PREFIX}duplikuj\" class=\"w-linii\">{}{}<button type=\"submit\" class=\"przycisk drugi\">{}</button></form>\
         <form method=\"post\" action=\"{PREFIX}usun\" class=\"w-linii\">{}{}<button type=\"submit\" class=\"przycisk ostrzegawczy\">{}</button></form>",
        t(lang, E::MoreActions),
        t(lang, E::ViewOnSite),
        t(lang, E::History),
        hidden("csrf", &call.csrf),
        hidden("plik", rel),
        t(lang, E::Duplicate),
        hidden("csrf", &call.csrf),
        hidden("plik", rel),
        t(lang, E::Delete),
        plik = esc(&enc(rel)),
    ));
    let page_title = if shown.errors.is_empty() {
        title
    } else {
        format!("{}: {title}", Message::new(E::Error).render(lang))
    };
    page(lang, status, &page_title, &main, Some(&call.csrf))
}

pub(super) fn parts_title(parts: &Parts, rel: &str) -> String {
    let title = parts.shown(&crate::content::meta::fields::POST[0]);
    if title.is_empty() {
        rel.to_string()
    } else {
        title
    }
}

/// The form of the document `?plik=`.
pub fn edit(call: &Call) -> MountResponse {
    let rel = call.get("plik");
    match call.editor.store.read(rel) {
        Ok((text, hash)) => {
            let notice = match call.get("zapisano") {
                "1" => Some(E::Saved),
                "zdjecia" => Some(E::PhotosChanged),
                "dodane" => Some(E::PhotosAdded),
                "kosz" => Some(E::PhotoRemoved),
                _ => None,
            };
            let notice = notice.map(|n| Message::new(n).render(call.editor.lang));
            let shown = Shown {
                notice,
                ..Shown::default()
            };
            form_page(call, rel, &form::parts(&text), &hash, shown, 200)
        }
        Err(e) => problem_page(call, 404, &e),
    }
}

/// The document's page in the site preview, as last saved (drafts included): the address the
/// build gives it. A document the build cannot take yet gets its problems instead.
pub fn view_on_site(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let rel = call.get("plik");
    let text = match call.editor.store.read(rel) {
        Ok((text, _)) => text,
        Err(e) => return problem_page(call, 404, &e),
    };
    let abs = match call.editor.store.confine(rel) {
        Ok(abs) => abs,
        Err(e) => return problem_page(call, 404, &e),
    };
    let listed = |problems: &[Diagnostic]| -> String {
        (problems.iter())
            .filter(|d| d.is_error())
            .map(|d| format!("<li>{}</li>", esc(&d.render(lang))))
            .collect()
    };
    // Settings that cannot be read stop the whole site: their problems, as the build says them.
    let problems = match call.settings() {
        Err(settings) => listed(settings),
        Ok(config) => {
            let root = &call.editor.root;
            let projects = index::project_slugs(root, &call.editor.documents);
            let checked = crate::site::check_text(config, root, &abs, &text, &projects);
            if let Some(path) = checked.path {
                return MountResponse::see_other(&format!("{}{path}", config.root));
            }
            listed(&checked.problems)
        }
    };
    let main = format!(
        "<h1>{}</h1><p>{}</p><ul>{problems}</ul><p><a href=\"{}\">{}</a></p>",
        t(lang, E::ViewOnSite),
        t(lang, E::NoPageYet),
        esc(&edit_url(rel)),
        t(lang, E::BackToDocument)
    );
    call.screen(422, E::ViewOnSite, &main)
}

/// Saving the form: checked first, written only without errors and only over the version
/// that was opened.
pub fn save(call: &Call) -> MountResponse {
    let rel = call.get("plik");
    let expected = call.get("wersja");
    let (text, hash) = match call.editor.store.read(rel) {
        Ok(found) => found,
        Err(e) => return problem_page(call, 404, &e),
    };
    let sent = read_sent(call, rel, &text);
    let preview = call.get("akcja") == "podglad" && !sent.refused;
    // The errors first, shown in the form where they can be corrected: a conflict's "save
    // mine" takes the whole text and could only refuse it.
    if hash != expected && sent.errors.is_empty() && !preview {
        return conflict(call, rel, &sent.text, &text, &hash);
    }
    if !sent.errors.is_empty() || preview {
        let html = preview.then(|| preview_html(call, rel, &sent.parts.body));
        let status = if sent.errors.is_empty() { 200 } else { 422 };
        let shown = Shown {
            sent: Some(&call.form),
            errors: sent.errors,
            warnings: sent.warnings,
            preview: html,
            ..Shown::default()
        };
        return form_page(call, rel, &form::parts(&text), expected, shown, status);
    }
    write(call, rel, &sent.text, expected)
}

/// The text rendered as the build renders it: tablica's Markdown with the site's settings,
/// and a link to a document beside the post described by its type and size, in the site's
/// language ("Regulamin (PDF, 240 KB)").
fn preview_html(call: &Call, rel: &str, body: &str) -> String {
    use crate::site::attachments;
    let config = call.settings().as_ref().ok();
    // Without readable settings, the safe defaults: raw HTML sanitised, no frames.
    let md = config.map_or_else(Default::default, |c| {
        crate::markdown::MarkdownOptions::of(c)
    });
    let abs = call.editor.store.confine(rel).ok();
    let bundle = abs
        .as_deref()
        .filter(|p| crate::content::is_bundle_index(p))
        .and_then(std::path::Path::parent);
    let lang = call.editor.lang;
    let mut links = |url: &str| {
        attachments::linked_document(url)
            .and_then(|name| attachments::bundle_document(bundle, &name).ok())
            .map_or(LinkNote::Keep, |(_, info)| {
                LinkNote::Describe(info.label(lang))
            })
    };
    crate::markdown::render_with_links(body, 1, md, &mut links).html
}

/// Writes `text` over the version `expected` of `rel`, then shows the form again.
pub(super) fn write(call: &Call, rel: &str, text: &str, expected: &str) -> MountResponse {
    write_with_notice(call, rel, text, expected, "1")
}

/// [`write`], then the form says what was saved (`zapisano=` `1`, `zdjecia` or `kosz`).
pub(super) fn write_with_notice(
    call: &Call,
    rel: &str,
    text: &str,
    expected: &str,
    saved: &str,
) -> MountResponse {
    match call.editor.store.save(rel, text, expected) {
        Ok(_) => MountResponse::see_other(&format!("{}&zapisano={saved}", edit_url(rel))),
        Err(StoreError::Conflict { theirs, hash }) => conflict(call, rel, text, &theirs, &hash),
        Err(e) => problem_page(call, 500, &e),
    }
}

/// The file changed since it was opened: both versions, and a choice.
fn conflict(call: &Call, rel: &str, mine: &str, theirs: &str, their_hash: &str) -> MountResponse {
    let lang = call.editor.lang;
    let main = format!(
        "<h1>{}</h1><p>{}</p>\
         <div class=\"dwie-wersje\"><div class=\"pole\"><label for=\"moja\">{}</label><textarea id=\"moja\" rows=\"16\" readonly>\n{}</textarea></div>\
         <div class=\"pole\"><label for=\"ich\">{}</label><textarea id=\"ich\" rows=\"16\" readonly>\n{}</textarea></div></div>\
         <h2>{}</h2><form method=\"post\" action=\"{PREFIX}nadpisz\">{}{}{}{}<button type=\"submit\" class=\"przycisk\">{}</button></form>\
         <p><a href=\"{}\">{}</a></p>",
        t(lang, E::ConflictTitle),
        t(lang, E::ConflictExplain),
        t(lang, E::MyVersion),
        esc(mine),
        t(lang, E::DiskVersion),
        esc(theirs),
        t(lang, E::WhatNow),
        hidden("csrf", &call.csrf),
        hidden("plik", rel),
        hidden("wersja", their_hash),
        hidden("tekst", mine),
        t(lang, E::KeepMine),
        esc(&edit_url(rel)),
        t(lang, E::TakeTheirs),
    );
    call.screen(409, E::ConflictTitle, &main)
}

/// "Keep my version" after a conflict: the whole text, checked, over the version shown.
pub fn overwrite(call: &Call) -> MountResponse {
    let rel = call.get("plik");
    let text = call.get("tekst");
    let mine = form::parts(text);
    let (errors, warnings) = check(call, rel, text, (&mine, None));
    if !errors.is_empty() {
        // Wrong since (a project deleted meanwhile): the form of "mine" with every error,
        // over the version chosen to be replaced, so that a corrected save replaces it and a
        // newer one is a conflict again.
        let shown = Shown {
            errors,
            warnings,
            ..Shown::default()
        };
        return form_page(call, rel, &mine, call.get("wersja"), shown, 422);
    }
    write(call, rel, text, call.get("wersja"))
}

/// One field of an upload form: `prefix` keeps the ids of the two forms apart.
fn upload_field(
    call: &Call,
    prefix: &str,
    name: &str,
    label: E,
    hint: Option<E>,
    input: &str,
) -> String {
    let lang = call.editor.lang;
    let id = format!("{prefix}-{name}");
    let (hint_html, described) = match hint {
        Some(h) => (
            format!(
                "<p class=\"podpowiedz\" id=\"{id}-podpowiedz\">{}</p>",
                t(lang, h)
            ),
            format!(" aria-describedby=\"{id}-podpowiedz\""),
        ),
        None => (String::new(), String::new()),
    };
    format!(
        "<div class=\"pole\"><label for=\"{id}\">{}</label>{hint_html}<input id=\"{id}\" name=\"{name}\"{described} {input}></div>",
        t(lang, label)
    )
}

/// The forms adding a photo and a document (sent by the script; without it the server says
/// what to do instead).
fn upload_forms(call: &Call, rel: &str, hash: &str) -> String {
    let lang = call.editor.lang;
    let first = t(lang, E::SaveFirst);
    let problem = t(lang, E::ThereIsAProblem);
    let sending = esc(&msg!(
        E::UploadSending,
        n = "{n}",
        total = "{total}",
        file = "{file}"
    )
    .render(lang));
    let done = esc(&msg!(E::UploadDone, added = "{added}", total = "{total}").render(lang));
    let added = esc(&msg!(E::UploadAddedOne, file = "{file}").render(lang));
    // The script refuses a larger file before sending it, with the server's own words.
    let limit = format!(
        "data-najwiecej=\"{}\" data-za-duzy=\"{}\"",
        super::super::MAX_BODY,
        esc(&super::super::too_large(lang))
    );
    let keep = format!(
        "{}{}{}",
        hidden("csrf", &call.csrf),
        hidden("plik", rel),
        hidden("wersja", hash)
    );
    let checkbox = |name: &str, label: E| {
        format!(
            "<div class=\"wybor\"><input type=\"checkbox\" id=\"zdjecie-{name}\" name=\"{name}\" value=\"true\"><label for=\"zdjecie-{name}\">{}</label></div>",
            t(lang, label)
        )
    };
    format!(
        "<section class=\"pliki\" aria-labelledby=\"zdjecie-tytul\"><h2 id=\"zdjecie-tytul\">{}</h2>\
         <form method=\"post\" action=\"{PREFIX}zdjecie\" enctype=\"multipart/form-data\" class=\"wgrywanie\" data-prefiks=\"zdjecie\" data-najpierw=\"{first}\" data-problem=\"{problem}\" \
         data-wysylanie=\"{sending}\" data-koniec=\"{done}\" data-dodano=\"{added}\" {limit} novalidate>{keep}{}{}{}\
         <fieldset><legend>{}</legend>{}{}{}{}</fieldset><button type=\"submit\" class=\"przycisk\">{}</button></form><div role=\"status\" id=\"zdjecie-postep\"></div></section>\
         <section class=\"pliki\" aria-labelledby=\"dokument-tytul\"><h2 id=\"dokument-tytul\">{}</h2>\
         <form method=\"post\" action=\"{PREFIX}dokument\" enctype=\"multipart/form-data\" class=\"wgrywanie\" data-prefiks=\"dokument\" data-najpierw=\"{first}\" data-problem=\"{problem}\" {limit} novalidate>{keep}{}{}\
         <button type=\"submit\" class=\"przycisk\">{}</button></form><div role=\"status\" id=\"dokument-ogloszenie\"></div></section>",
        t(lang, E::AddPhoto),
        upload_field(call, "zdjecie", "plik-wgrany", E::PhotoFile, Some(E::PhotoFileHint), "type=\"file\" accept=\"image/*\" multiple"),
        upload_field(call, "zdjecie", "alt", E::Alt, Some(E::AltHint), "type=\"text\""),
        upload_field(call, "zdjecie", "podpis", E::Caption, None, "type=\"text\""),
        t(lang, E::Consents),
        checkbox("osoby", E::People),
        checkbox("zgoda", E::Consent),
        checkbox("dziecko", E::Child),
        checkbox("opiekun", E::GuardianConsent),
        t(lang, E::Upload),
        t(lang, E::AddDocument),
        upload_field(call, "dokument", "plik-wgrany", E::DocumentFile, Some(E::DocumentHint), "type=\"file\" accept=\".pdf,.docx,.odt,.xlsx,.ods,.pptx,.odp,.doc,.xls,.ppt,.rtf\""),
        upload_field(call, "dokument", "opis", E::LinkText, Some(E::LinkTextHint), "type=\"text\""),
        t(lang, E::Upload),
    )
}
