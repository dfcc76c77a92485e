//! Creating, duplicating, deleting and restoring documents and versions, and the login form.

use super::super::form::{self, Parts};
use super::super::pages::{error_summary, hidden};
use super::super::templates;
use super::document::{parts_title, write};
use super::{edit_url, enc, esc, problem_page, t, today, Call, E, PREFIX};
use crate::content::CONTENT_DIR;
use crate::locale::{Lang, Message};
use crate::serve::MountResponse;

/// Choosing what to create.
pub fn new_form(call: &Call) -> MountResponse {
    new_page(call, &[], 200)
}

fn new_page(call: &Call, errors: &[(String, String)], status: u16) -> MountResponse {
    let lang = call.editor.lang;
    let chosen = call.get("szablon");
    let options: String = templates::all(&call.editor.root)
        .iter()
        .map(|tpl| {
            let selected = if tpl.id == chosen { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                esc(&tpl.id),
                esc(&tpl.name(lang))
            )
        })
        .collect();
    let title_error = errors
        .iter()
        .find(|(f, _)| f == "title")
        .map_or(String::new(), |(_, e)| {
            format!(
                "<p class=\"blad\" id=\"blad-title\"><span class=\"niewidoczne\">{}: </span>{}</p>",
                t(lang, E::Error),
                esc(e)
            )
        });
    let invalid = if title_error.is_empty() {
        ""
    } else {
        " aria-invalid=\"true\" aria-describedby=\"blad-title\""
    };
    let main = format!(
        "{}<h1>{}</h1><form method=\"post\" action=\"{PREFIX}utworz\" novalidate>{}\
         <div class=\"pole\"><label for=\"pole-szablon\">{}</label><p class=\"podpowiedz\" id=\"podpowiedz-szablon\">{}</p>\
         <select id=\"pole-szablon\" name=\"szablon\" aria-describedby=\"podpowiedz-szablon\">{options}</select></div>\
         <div class=\"pole{}\"><label for=\"pole-title\">{}</label>{title_error}<input type=\"text\" id=\"pole-title\" name=\"tytul\" value=\"{}\"{invalid}></div>\
         <button type=\"submit\" class=\"przycisk\">{}</button></form>",
        error_summary(lang, errors),
        t(lang, E::NewDocument),
        hidden("csrf", &call.csrf),
        t(lang, E::Template),
        t(lang, E::TemplateHint),
        if title_error.is_empty() { "" } else { " z-bledem" },
        t(lang, crate::locale::catalogue::Fields::Title),
        esc(call.get("tytul")),
        t(lang, E::Create),
    );
    call.screen(status, E::NewDocument, &main)
}

/// Creates a document from a template, as a draft, and opens it.
pub fn create(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let title = call.get("tytul").trim();
    let all = templates::all(&call.editor.root);
    let Some(template) = all.iter().find(|t| t.id == call.get("szablon")) else {
        return new_page(
            call,
            &[(
                "pole-szablon".into(),
                Message::new(E::ChooseTemplate).render(lang),
            )],
            422,
        );
    };
    if title.is_empty() {
        return new_page(
            call,
            &[("title".into(), Message::new(E::TitleNeeded).render(lang))],
            422,
        );
    }
    let mut parts = form::parts(&template.text);
    let fields = form::fields_of(template.section);
    let order: Vec<&str> = fields.iter().map(|f| f.key).collect();
    parts.set("title", title, &order);
    let date = today().format("%Y-%m-%d").to_string();
    let stem = crate::slug::slugify(title);
    let stem = if stem.is_empty() {
        "wpis".to_string()
    } else {
        stem
    };
    let name = if template.section == "posts" {
        parts.set("date", &date, &order);
        format!("{date}-{stem}")
    } else {
        stem
    };
    let created = (call.editor.store.free_document(template.section, &name))
        .and_then(|rel| call.editor.store.create(&rel, &parts.text()).map(|_| rel));
    match created {
        Ok(rel) => MountResponse::see_other(&edit_url(&rel)),
        Err(e) => problem_page(call, 409, &e),
    }
}

/// A copy of a document as a new draft beside it.
pub fn duplicate(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let rel = call.get("plik");
    let (text, _) = match call.editor.store.read(rel) {
        Ok(found) => found,
        Err(e) => return problem_page(call, 404, &e),
    };
    let mut parts = form::parts(&text);
    let fields = form::fields_of(rel);
    let order: Vec<&str> = fields.iter().map(|f| f.key).collect();
    let title = format!(
        "{} ({})",
        parts_title(&parts, rel),
        Message::new(E::Copy).render(lang)
    );
    parts.set("title", &title, &order);
    parts.set("slug", "", &order);
    yaml_draft(&mut parts, &order);
    let section = rel.split('/').next().unwrap_or("posts");
    let stem = rel.trim_end_matches("/index.md").trim_end_matches(".md");
    let stem = stem.rsplit('/').next().unwrap_or(stem);
    let created = (call
        .editor
        .store
        .free_document(section, &format!("{stem}-kopia")))
    .and_then(|rel| call.editor.store.create(&rel, &parts.text()).map(|_| rel));
    match created {
        Ok(rel) => MountResponse::see_other(&edit_url(&rel)),
        Err(e) => problem_page(call, 409, &e),
    }
}

fn yaml_draft(parts: &mut Parts, order: &[&str]) {
    use super::super::yaml_edit::{apply, Change};
    apply(
        &mut parts.blocks,
        "draft",
        &Change::Value(Some(serde_json::Value::Bool(true))),
        order,
    );
}

/// Moves a document to the bin.
pub fn delete(call: &Call) -> MountResponse {
    match call.editor.store.delete(call.get("plik")) {
        Ok(_) => MountResponse::see_other(&format!("{PREFIX}?stan-akcji=usunieto")),
        Err(e) => problem_page(call, 404, &e),
    }
}

/// What is in the bin.
pub fn bin(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let kept = call.editor.store.bin();
    let mut main = format!(
        "<h1>{}</h1><p>{}</p>",
        t(lang, E::Bin),
        t(lang, E::BinExplain)
    );
    if kept.is_empty() {
        main.push_str(&format!("<p>{}</p>", t(lang, E::BinEmpty)));
    }
    main.push_str("<ul class=\"kosz\">");
    for item in kept {
        let (time, path) = item.id.split_once('/').unwrap_or(("", &item.id));
        main.push_str(&format!(
            "<li><code>{}</code> <span class=\"czas\">{}</span> <form method=\"post\" action=\"{PREFIX}przywroc\" class=\"w-linii\">{}{}<button type=\"submit\" class=\"przycisk drugi\">{}</button></form></li>",
            esc(path),
            esc(&readable_time(time)),
            hidden("csrf", &call.csrf),
            hidden("id", &item.id),
            t(lang, E::Restore),
        ));
    }
    main.push_str("</ul>");
    call.screen(200, E::Bin, &main)
}

/// `20261124T103000.123456Z` → `2026-11-24 10:30:00 UTC`.
fn readable_time(stamp: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(stamp.trim_end_matches(".md"), "%Y%m%dT%H%M%S%.fZ")
        .map_or(stamp.to_string(), |t| {
            t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
        })
}

/// Puts a document from the bin back.
pub fn restore(call: &Call) -> MountResponse {
    match call.editor.store.restore(call.get("id")) {
        Ok(rel) => MountResponse::see_other(&edit_url(&rel)),
        Err(e) => problem_page(call, 409, &e),
    }
}

/// The kept versions of a document, or one of them.
pub fn history(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let rel = call.get("plik");
    let (_, hash) = match call.editor.store.read(rel) {
        Ok(found) => found,
        Err(e) => return problem_page(call, 404, &e),
    };
    let versions = match call.editor.store.history(rel) {
        Ok(v) => v,
        Err(e) => return problem_page(call, 404, &e),
    };
    let mut main = format!(
        "<h1>{}</h1><p><code>{}/{}</code></p><p><a href=\"{}\">{}</a></p>",
        t(lang, E::History),
        CONTENT_DIR,
        esc(rel),
        esc(&edit_url(rel)),
        t(lang, E::BackToDocument)
    );
    let viewed = call.get("wersja");
    if !viewed.is_empty() {
        match call.editor.store.version(rel, viewed) {
            Ok(text) => main.push_str(&format!(
                "<div class=\"pole\"><label for=\"wersja\">{} {}</label><textarea id=\"wersja\" rows=\"16\" readonly>\n{}</textarea></div>",
                t(lang, E::VersionOf),
                esc(&readable_time(viewed)),
                esc(&text)
            )),
            Err(e) => return problem_page(call, 404, &e),
        }
    }
    if versions.is_empty() {
        main.push_str(&format!("<p>{}</p>", t(lang, E::NoHistory)));
    }
    main.push_str("<ul class=\"historia\">");
    for v in versions {
        main.push_str(&format!(
            "<li><a href=\"{PREFIX}historia?plik={}&amp;wersja={}\">{}</a> <form method=\"post\" action=\"{PREFIX}przywroc-wersje\" class=\"w-linii\">{}{}{}{}<button type=\"submit\" class=\"przycisk drugi\">{}</button></form></li>",
            esc(&enc(rel)),
            esc(&enc(&v.id)),
            esc(&readable_time(&v.id)),
            hidden("csrf", &call.csrf),
            hidden("plik", rel),
            hidden("id", &v.id),
            hidden("wersja", &hash),
            t(lang, E::Restore),
        ));
    }
    main.push_str("</ul>");
    call.screen(200, E::History, &main)
}

/// Puts a kept version back (the current one is kept in turn).
pub fn restore_version(call: &Call) -> MountResponse {
    let rel = call.get("plik");
    match call.editor.store.version(rel, call.get("id")) {
        Ok(text) => write(call, rel, &text, call.get("wersja")),
        Err(e) => problem_page(call, 404, &e),
    }
}

/// The login form.
pub fn login_form(lang: Lang, has_password: bool, error: Option<E>) -> String {
    let errors: Vec<(String, String)> = error
        .map(|e| vec![("haslo".to_string(), Message::new(e).render(lang))])
        .unwrap_or_default();
    let mut main = format!(
        "{}<h1>{}</h1><p>{}</p>",
        error_summary(lang, &errors),
        t(lang, E::LogIn),
        t(lang, E::LoginExplain)
    );
    if has_password {
        main.push_str(&format!(
            "<form method=\"post\" action=\"{PREFIX}wejscie\" novalidate><div class=\"pole\"><label for=\"pole-haslo\">{}</label>\
             <input type=\"password\" id=\"pole-haslo\" name=\"haslo\" autocomplete=\"current-password\"></div>\
             <button type=\"submit\" class=\"przycisk\">{}</button></form>",
            t(lang, E::Password),
            t(lang, E::LogIn)
        ));
    }
    main
}
