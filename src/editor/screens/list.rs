//! The list of documents: search, filters, order.

use super::super::index::{self, Filter};
use super::super::pages::{self, notice};
use super::{edit_url, esc, section_name, select, state_name, t, Call, E, PREFIX};
use crate::locale::{msg, Message};
use crate::serve::MountResponse;

/// The list of documents.
pub fn list(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let filter = Filter {
        query: call.get("q").to_string(),
        section: call.get("sekcja").to_string(),
        state: call.get("stan").to_string(),
        project: call.get("projekt").to_string(),
        tag: call.get("tag").to_string(),
        year: call.get("rok").to_string(),
        oldest: call.get("kolejnosc") == "najstarsze",
    };
    let mut items = call.items().to_vec();
    let choices = index::choices(&items);
    if filter.oldest {
        index::sort(&mut items, false);
    }
    let shown: Vec<&index::Item> = items.iter().filter(|i| filter.keeps(i)).collect();
    let pairs = |values: &mut dyn Iterator<Item = String>| -> Vec<(String, String)> {
        values.map(|v| (v.clone(), v)).collect()
    };
    let sections: Vec<(String, String)> = ["posts", "projects", "pages"]
        .iter()
        .map(|s| {
            (
                s.to_string(),
                pages::t(
                    lang,
                    match *s {
                        "projects" => E::Projects,
                        "pages" => E::Pages,
                        _ => E::Posts,
                    },
                ),
            )
        })
        .collect();
    let states: Vec<(String, String)> = [
        index::State::Draft,
        index::State::Scheduled,
        index::State::Published,
    ]
    .iter()
    .map(|s| (s.code().to_string(), state_name(lang, *s)))
    .collect();
    let orders = [
        (
            "najnowsze".to_string(),
            Message::new(E::NewestFirst).render(lang),
        ),
        (
            "najstarsze".to_string(),
            Message::new(E::OldestFirst).render(lang),
        ),
    ];
    let mut main = format!("<h1>{}</h1>", t(lang, E::AllDocuments));
    match call.get("stan-akcji") {
        "usunieto" => main.push_str(&notice(&Message::new(E::MovedToBin).render(lang))),
        "przywrocono" => main.push_str(&notice(&Message::new(E::Restored).render(lang))),
        _ => {}
    }
    main.push_str(&format!(
        "<form method=\"post\" action=\"{PREFIX}opublikuj\" class=\"publikuj\">{}\
         <p class=\"podpowiedz\" id=\"publikuj-podpowiedz\">{}</p>\
         <button type=\"submit\" class=\"przycisk\" aria-describedby=\"publikuj-podpowiedz\">{}</button></form>",
        pages::hidden("csrf", &call.csrf),
        t(lang, E::PublishExplain),
        t(lang, E::Publish)
    ));
    main.push_str(&format!(
        "<p><a class=\"przycisk\" href=\"{PREFIX}nowy\">{}</a></p>\
         <form method=\"get\" action=\"{PREFIX}\" class=\"filtry\" role=\"search\">\
         <div class=\"pole\"><label for=\"filtr-q\">{}</label><input type=\"search\" id=\"filtr-q\" name=\"q\" value=\"{}\"></div>",
        t(lang, E::NewDocument),
        t(lang, E::Search),
        esc(&filter.query)
    ));
    main.push_str(&select(lang, "sekcja", E::Kind, &filter.section, &sections));
    main.push_str(&select(lang, "stan", E::State, &filter.state, &states));
    main.push_str(&select(
        lang,
        "projekt",
        E::Project,
        &filter.project,
        &choices.projects,
    ));
    main.push_str(&select(
        lang,
        "tag",
        E::Tag,
        &filter.tag,
        &pairs(&mut choices.tags.iter().cloned()),
    ));
    main.push_str(&select(
        lang,
        "rok",
        E::Year,
        &filter.year,
        &pairs(&mut choices.years.iter().rev().cloned()),
    ));
    main.push_str(&format!(
        "<div class=\"pole\"><label for=\"filtr-kolejnosc\">{}</label><select id=\"filtr-kolejnosc\" name=\"kolejnosc\">{}</select></div>\
         <button type=\"submit\" class=\"przycisk\">{}</button></form>",
        t(lang, E::Order),
        orders
            .iter()
            .map(|(v, l)| format!(
                "<option value=\"{v}\"{}>{}</option>",
                if (v == "najstarsze") == filter.oldest { " selected" } else { "" },
                esc(l)
            ))
            .collect::<String>(),
        t(lang, E::Filter)
    ));
    main.push_str(&format!(
        "<p role=\"status\">{}</p>",
        t(lang, msg!(E::Found, n = shown.len()))
    ));
    main.push_str(&format!(
        "<table class=\"lista\"><caption class=\"niewidoczne\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        t(lang, E::AllDocuments),
        t(lang, E::TitleColumn),
        t(lang, E::Kind),
        t(lang, E::DateColumn),
        t(lang, E::State),
        t(lang, E::Project)
    ));
    for item in shown {
        let broken = if item.broken {
            format!(
                " <strong class=\"blad-wpisu\">{}</strong>",
                t(lang, E::Broken)
            )
        } else {
            String::new()
        };
        main.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a>{broken}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&edit_url(&item.rel)),
            esc(&item.title),
            section_name(lang, item.section),
            esc(item.date.as_deref().unwrap_or("")),
            state_name(lang, item.state),
            esc(item.project.as_deref().unwrap_or(""))
        ));
    }
    main.push_str("</tbody></table>");
    call.screen(200, E::AllDocuments, &main)
}
