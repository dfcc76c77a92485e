//! The editor's screens as server-rendered HTML that works without JavaScript: one layout
//! (language, skip link, landmarks, the style sheet and the small script, never inline), the
//! GOV.UK error summary linking to each field, and fields with labels, hints and errors.

use crate::content::meta::fields::{Field, FieldKind};
use crate::locale::catalogue::Editor as E;
use crate::locale::{Lang, Message};
use crate::render::theme::escape_html as esc;

use super::PREFIX;

/// Text of the catalogue in the editor's language, escaped for HTML.
pub fn t(lang: Lang, key: impl Into<Message>) -> String {
    esc(&key.into().render(lang))
}

/// A whole page: `title` (plain text) and `main` (HTML).
pub fn layout(lang: Lang, title: &str, main: &str, csrf: Option<&str>) -> String {
    layout_with_head(lang, title, "", main, csrf)
}

/// The page, with `head` added to its `<head>` (a refresh while publishing).
pub fn layout_with_head(
    lang: Lang,
    title: &str,
    head: &str,
    main: &str,
    csrf: Option<&str>,
) -> String {
    let logout = csrf.map_or(String::new(), |csrf| {
        format!(
            "<form method=\"post\" action=\"{PREFIX}wyjscie\" class=\"wyjscie\">{}<button type=\"submit\" class=\"przycisk drugi\">{}</button></form>",
            hidden("csrf", csrf),
            t(lang, E::LogOut)
        )
    });
    let nav = csrf.map_or(String::new(), |_| {
        format!(
            "<nav aria-label=\"{}\"><ul><li><a href=\"{PREFIX}\">{}</a></li><li><a href=\"{PREFIX}nowy\">{}</a></li><li><a href=\"{PREFIX}kosz\">{}</a></li><li><a href=\"/\">{}</a></li></ul></nav>",
            t(lang, E::Menu),
            t(lang, E::AllDocuments),
            t(lang, E::NewDocument),
            t(lang, E::Bin),
            t(lang, E::SitePreview),
        )
    });
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – {app}</title>\
         <link rel=\"stylesheet\" href=\"{PREFIX}static/redakcja.css\">\
         <script src=\"{PREFIX}static/redakcja.js\" defer></script>{head}</head>\
         <body><a class=\"pomin\" href=\"#tresc-strony\">{skip}</a>\
         <header><p class=\"nazwa\">{app}</p>{nav}{logout}</header>\
         <main id=\"tresc-strony\" tabindex=\"-1\">{main}</main></body></html>\n",
        lang = lang.code(),
        title = esc(title),
        app = t(lang, E::AppName),
        skip = t(lang, E::SkipToContent),
    )
}

pub fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        esc(name),
        esc(value)
    )
}

/// The error summary: a heading and a link to each field with a problem.
pub fn error_summary(lang: Lang, errors: &[(String, String)]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let items: String = errors
        .iter()
        .map(|(field, text)| {
            format!(
                "<li><a href=\"#pole-{}\">{}</a></li>",
                esc(field),
                esc(text)
            )
        })
        .collect();
    format!(
        "<div class=\"podsumowanie-bledow\" role=\"alert\" aria-labelledby=\"podsumowanie-tytul\" tabindex=\"-1\">\
         <h2 id=\"podsumowanie-tytul\">{}</h2><ul>{items}</ul></div>",
        t(lang, E::ThereIsAProblem)
    )
}

/// A notice after an action (saved, moved to the bin…).
pub fn notice(text: &str) -> String {
    format!(
        "<div class=\"komunikat\" role=\"status\"><p>{}</p></div>",
        esc(text)
    )
}

/// Everything one field's control needs.
pub struct Control<'a> {
    pub field: &'a Field,
    pub value: String,
    pub errors: Vec<String>,
    /// For a project field: the site's projects (slug, title).
    pub projects: &'a [(String, String)],
    /// For tags: the id of the list of suggestions.
    pub suggestions: Option<&'a str>,
    /// Where its value goes: [`super::form::Slot::of`] the field, or of a group's or a row's.
    pub slot: super::form::Slot,
}

/// A field: its label, hint, errors and control.
pub fn control(lang: Lang, c: &Control) -> String {
    let (key, name) = (&c.slot.key, &c.slot.name);
    let id = format!("pole-{key}");
    let hint_id = format!("podpowiedz-{key}");
    let error_id = format!("blad-{key}");
    let mut described = hint_id.clone();
    let errors: String = if c.errors.is_empty() {
        String::new()
    } else {
        described.push(' ');
        described.push_str(&error_id);
        let texts: Vec<String> = c.errors.iter().map(|e| esc(e)).collect();
        format!(
            "<p class=\"blad\" id=\"{error_id}\"><span class=\"niewidoczne\">{}: </span>{}</p>",
            t(lang, E::Error),
            texts.join("<br>")
        )
    };
    let invalid = if c.errors.is_empty() {
        ""
    } else {
        " aria-invalid=\"true\""
    };
    let attrs = format!("id=\"{id}\" name=\"{name}\" aria-describedby=\"{described}\"{invalid}");
    let value = esc(&c.value);
    let label = t(lang, c.field.label);
    let hint = format!(
        "<p class=\"podpowiedz\" id=\"{hint_id}\">{}</p>",
        t(lang, c.field.hint)
    );
    let group = |inner: String| {
        let class = if c.errors.is_empty() {
            "pole"
        } else {
            "pole z-bledem"
        };
        format!("<div class=\"{class}\">{inner}</div>")
    };
    match c.field.kind {
        FieldKind::Bool => {
            let checked = if c.value == "true" { " checked" } else { "" };
            group(format!(
                "{}<div class=\"wybor\"><input type=\"checkbox\" value=\"true\"{checked} {attrs}>\
                 <label for=\"{id}\">{label}</label></div>{hint}{errors}",
                hidden(name, "false")
            ))
        }
        FieldKind::LongText
        | FieldKind::Lines
        | FieldKind::Block
        | FieldKind::Group(_)
        | FieldKind::Rows(_) => {
            let yaml = !matches!(c.field.kind, FieldKind::LongText | FieldKind::Lines);
            let (rows, class) = if yaml { (5, " class=\"kod\"") } else { (3, "") };
            group(format!(
                "<label for=\"{id}\">{label}</label>{hint}{errors}\
                 <textarea {attrs} rows=\"{rows}\"{class} spellcheck=\"{}\">\n{value}</textarea>",
                !yaml
            ))
        }
        FieldKind::Project | FieldKind::Choice(_) | FieldKind::Language => {
            let none = match c.field.kind {
                FieldKind::Language => E::SitesLanguage,
                _ => E::NoneChosen,
            };
            let mut options: Vec<(String, String)> = vec![(String::new(), t(lang, none))];
            match c.field.kind {
                FieldKind::Choice(choices) => {
                    options.extend((choices.iter()).map(|(v, l)| (v.to_string(), t(lang, *l))))
                }
                FieldKind::Language => options.extend(
                    Lang::ALL
                        .iter()
                        .map(|l| (l.code().to_string(), t(lang, language_name(*l)))),
                ),
                _ => options.extend(c.projects.iter().map(|(s, title)| (s.clone(), esc(title)))),
            }
            if !c.value.is_empty() && !options.iter().any(|(v, _)| *v == c.value) {
                options.push((c.value.clone(), value.clone()));
            }
            let options: String = options
                .iter()
                .map(|(v, text)| {
                    let selected = if *v == c.value { " selected" } else { "" };
                    format!("<option value=\"{}\"{selected}>{text}</option>", esc(v))
                })
                .collect();
            group(format!(
                "<label for=\"{id}\">{label}</label>{hint}{errors}<select {attrs}>{options}</select>"
            ))
        }
        FieldKind::Date | FieldKind::DateTime => {
            let with_time = c.field.kind == FieldKind::DateTime;
            let (kind, shown, step) = date_input(&c.value, with_time);
            group(format!(
                "<label for=\"{id}\">{label}</label>{hint}{errors}\
                 <input type=\"{kind}\" {attrs} value=\"{}\"{step} autocomplete=\"off\" class=\"krotkie\">",
                esc(&shown)
            ))
        }
        FieldKind::Text | FieldKind::Tags | FieldKind::Number | FieldKind::Amount => {
            let extra = match (c.field.kind, c.suggestions) {
                (FieldKind::Number, _) => " inputmode=\"numeric\" class=\"krotkie\"",
                (FieldKind::Amount, _) => " inputmode=\"decimal\" class=\"krotkie\"",
                (FieldKind::Tags, Some(_)) => " autocomplete=\"off\"",
                _ => "",
            };
            let list = match (c.field.kind, c.suggestions) {
                (FieldKind::Tags, Some(list)) => format!(" list=\"{list}\""),
                _ => String::new(),
            };
            group(format!(
                "<label for=\"{id}\">{label}</label>{hint}{errors}\
                 <input type=\"text\" {attrs} value=\"{value}\"{extra}{list}>"
            ))
        }
    }
}

/// A language's name in the language's list of a text.
fn language_name(lang: Lang) -> E {
    match lang {
        Lang::Pl => E::LanguagePl,
        Lang::Uk => E::LanguageUk,
        Lang::En => E::LanguageEn,
    }
}

/// How a date field is shown: the browser's date picker for a day (or an empty field; its
/// date-and-time picker when `with_time`, an event's start), its
/// date-and-time picker for a day with a time (seconds only when the file has them), and a text
/// box for a value that is neither, so that what was written stays visible to be corrected.
/// The form gives the value back in the file's own style ([`super::form::apply`]).
fn date_input(value: &str, with_time: bool) -> (&'static str, String, &'static str) {
    use chrono::Timelike;
    if value.trim().is_empty() {
        let kind = if with_time { "datetime-local" } else { "date" };
        return (kind, String::new(), "");
    }
    match crate::content::date::parse(value) {
        Ok(d) if !d.has_time => ("date", d.local.format("%Y-%m-%d").to_string(), ""),
        Ok(d) if d.local.second() == 0 => (
            "datetime-local",
            d.local.format("%Y-%m-%dT%H:%M").to_string(),
            "",
        ),
        Ok(d) => (
            "datetime-local",
            d.local.format("%Y-%m-%dT%H:%M:%S").to_string(),
            " step=\"1\"",
        ),
        Err(_) => ("text", value.to_string(), ""),
    }
}
