//! Which items of the export become which documents: posts by date, pages in their tree,
//! the rest counted or left out with a reason.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::document::{self, convert, Context, Document, Place};
use super::wxr::{Export, Item};
use crate::import::report::{LeftOut, Report, ToDo};

/// Categories WordPress gives a post nobody categorised: not worth a category of their own.
const DEFAULT_CATEGORIES: &[&str] = &["Uncategorized", "Bez kategorii"];

/// Why an item is not imported, or `None` when it is.
fn left_out(item: &Item) -> Option<LeftOut> {
    if !item.password.is_empty() {
        Some(LeftOut::Password)
    } else if item.status == "trash" {
        Some(LeftOut::Trash)
    } else if item.status == "auto-draft" {
        Some(LeftOut::AutoDraft)
    } else {
        None
    }
}

/// A slug not yet taken in `taken`, which then holds it.
fn unique(slug: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = slug.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    candidate
}

fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|t| serde_json::Value::String(t.clone()).to_string())
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// The fields of a post: date, author, category, tags.
fn post_place(
    item: &Item,
    export: &Export,
    slug: String,
    date: &str,
    day: &str,
    to_do: &mut Vec<ToDo>,
) -> Place {
    let mut fields = vec![format!("date: {date}")];
    let author = export.authors.get(&item.creator).unwrap_or(&item.creator);
    if !author.is_empty() {
        fields.push(format!(
            "author: {}",
            serde_json::Value::String(author.clone())
        ));
    }
    let mut categories: Vec<String> = Vec::new();
    for category in &item.categories {
        if !(DEFAULT_CATEGORIES.contains(&category.as_str())
            || category.is_empty()
            || categories.contains(category))
        {
            categories.push(category.clone());
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for tag in item.tags.iter().chain(categories.iter().skip(1)) {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    if let Some(first) = categories.first() {
        fields.push(format!(
            "category: {}",
            serde_json::Value::String(first.clone())
        ));
    }
    if categories.len() > 1 {
        to_do.push(ToDo::MoreCategories(categories[1..].to_vec()));
    }
    if !tags.is_empty() {
        fields.push(format!("tags: {}", quoted_list(&tags)));
    }
    Place {
        folder: PathBuf::from("content/posts"),
        // The file name carries the date, as editors name posts; the address only the slug.
        file: format!("{day}-{slug}"),
        slug,
        fields,
        always_folder: false,
        new_path: None,
    }
}

/// Plans the whole import: the documents to write and the report of it.
pub fn plan(
    export: &Export,
    uploads: Option<&Path>,
    today: chrono::NaiveDate,
) -> (Vec<Document>, Report) {
    let context = Context {
        attachments: export
            .items
            .iter()
            .filter(|i| i.post_type == "attachment")
            .map(|i| (i.id, i))
            .collect(),
        origin: export.channel.link.trim_end_matches('/').to_string(),
        uploads,
    };
    let mut report = Report {
        source: export.channel.title.clone(),
        ..Report::default()
    };
    let mut documents = Vec::new();
    let mut pages = Vec::new();
    let mut post_slugs = BTreeSet::new();
    for item in &export.items {
        match item.post_type.as_str() {
            "post" | "page" => {}
            "attachment" => continue,
            other => {
                *report.other_kinds.entry(other.to_string()).or_default() += 1;
                continue;
            }
        }
        if let Some(why) = left_out(item) {
            report.left_out.push((item.title.clone(), item.id, why));
            continue;
        }
        if item.post_type == "page" {
            pages.push(item);
            continue;
        }
        let mut to_do = Vec::new();
        let (date, day) = document::date_line(item, today, &mut to_do);
        let slug = unique(document::slug_of(item, "wpis"), &mut post_slugs);
        let place = post_place(item, export, slug, &date, &day, &mut to_do);
        let mut doc = convert(item, place, &context);
        to_do.append(&mut doc.to_do);
        doc.to_do = to_do;
        documents.push(doc);
        report.posts += 1;
    }
    documents.extend(plan_pages(&pages, &context, &mut report));
    for doc in &documents {
        report.drafts += u64::from(doc.draft);
        report.photos += doc.copies.len() as u64;
    }
    let used: BTreeSet<&PathBuf> = documents.iter().flat_map(|d| d.copies.values()).collect();
    report.unused_attachments =
        (context.attachments.len() as u64).saturating_sub(used.len() as u64);
    for doc in &mut documents {
        let path = doc.path.display().to_string();
        report.to_do.push((path, std::mem::take(&mut doc.to_do)));
    }
    report.to_do.sort();
    (documents, report)
}

/// Pages in their tree: a page with pages below it is `<slug>/index.md`, the pages below it
/// beside that file; `weight:` keeps WordPress's order.
fn plan_pages(pages: &[&Item], context: &Context, report: &mut Report) -> Vec<Document> {
    let ids: BTreeSet<u64> = pages.iter().map(|p| p.id).collect();
    let parent_of = |p: &Item| (p.parent != 0 && ids.contains(&p.parent)).then_some(p.parent);
    let mut children: BTreeMap<u64, Vec<&Item>> = BTreeMap::new();
    for page in pages {
        children
            .entry(parent_of(page).unwrap_or(0))
            .or_default()
            .push(page);
    }
    let mut out = Vec::new();
    // Breadth first from the top: each page's folder is known when its children are placed.
    let mut queue: Vec<(u64, PathBuf, String)> =
        vec![(0, PathBuf::from("content/pages"), "/".into())];
    let mut slugs_at: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    while let Some((parent, folder, address)) = queue.pop() {
        let Some(kids) = children.get(&parent) else {
            continue;
        };
        for page in kids {
            let taken = slugs_at.entry(folder.clone()).or_default();
            let slug = unique(document::slug_of(page, "strona"), taken);
            let has_children = children.contains_key(&page.id);
            let mut fields = Vec::new();
            fields.extend(document::updated_line(page));
            fields.push(format!("weight: {}", page.menu_order));
            let new_path = format!("{address}{slug}/");
            let place = Place {
                folder: folder.clone(),
                file: slug.clone(),
                slug: slug.clone(),
                fields,
                always_folder: has_children,
                new_path: Some(new_path.clone()),
            };
            let mut doc = convert(page, place, context);
            if page.parent != 0 && parent_of(page).is_none() {
                doc.to_do.insert(0, ToDo::ParentLeftOut);
            }
            if has_children {
                queue.push((page.id, folder.join(&slug), new_path));
            }
            out.push(doc);
            report.pages += 1;
        }
    }
    out
}
