//! List pages: the posts of a list (all news, a tag, a category) cut into pages, with links to the
//! pages around.

use serde::Serialize;
use serde_json::Value;

use super::{insert, RenderError, RenderedPage, Renderer};

#[derive(Serialize)]
pub(super) struct PageLink {
    pub(super) number: usize,
    pub(super) url: String,
    pub(super) current: bool,
    /// Pages were left out before this one (show "…").
    gap_before: bool,
}

/// How many page numbers to show on each side of the current one.
const PAGINATION_WINDOW: usize = 2;

/// The first, the last, and the pages around the current one: never a thousand links.
fn visible_pages(current: usize, total: usize) -> Vec<usize> {
    let low = current.saturating_sub(PAGINATION_WINDOW).max(1);
    let high = (current + PAGINATION_WINDOW).min(total);
    let mut pages = vec![1];
    pages.extend((low..=high).filter(|&n| n != 1 && n != total));
    if total > 1 {
        pages.push(total);
    }
    pages
}

#[derive(Serialize)]
pub(super) struct Pagination {
    pub(super) current: usize,
    pub(super) total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pub(super) pages: Vec<PageLink>,
}

/// One page of a paginated list; its links to the other pages are made when it is rendered.
pub(super) struct Chunk<'p> {
    pub(super) number: usize,
    /// How many pages the list has.
    pub(super) total: usize,
    pub(super) url_path: String,
    pub(super) items: &'p [usize],
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ListKind {
    Posts,
    Tag(usize),
    Category(usize),
}

impl<'a> Renderer<'a> {
    /// The posts of a list, and the URL path of its first page.
    pub(super) fn list(&self, kind: ListKind) -> (&[usize], &str) {
        let site = self.site;
        match kind {
            ListKind::Posts => (&self.all_posts, &site.config.paths.posts),
            ListKind::Tag(t) => (&site.tags[t].posts, &site.tags[t].path),
            ListKind::Category(c) => (&site.categories[c].posts, &site.categories[c].path),
        }
    }

    /// How many pages a list of `len` posts takes.
    fn page_count(&self, len: usize) -> usize {
        len.div_ceil(self.per_page()).max(1)
    }

    pub(super) fn per_page(&self) -> usize {
        self.site.config.posts_per_page.max(1)
    }

    /// Page `number` (from 1) of a list.
    pub(super) fn chunk(&self, kind: ListKind, number: usize) -> Chunk<'_> {
        let (items, base) = self.list(kind);
        let per_page = self.per_page();
        let start = ((number - 1) * per_page).min(items.len());
        let end = (number * per_page).min(items.len());
        Chunk {
            number,
            total: self.page_count(items.len()),
            url_path: self.list_page_path(base, number),
            items: &items[start..end],
        }
    }

    /// Every page of a list.
    pub(super) fn paginate(&self, kind: ListKind) -> impl Iterator<Item = Chunk<'_>> {
        let total = self.page_count(self.list(kind).0.len());
        (1..=total).map(move |n| self.chunk(kind, n))
    }

    /// The URL path of page `n` of the list whose first page is at `base`.
    fn list_page_path(&self, base: &str, n: usize) -> String {
        let base = base.trim_end_matches('/');
        if n == 1 {
            format!("{base}/")
        } else {
            format!("{base}/{}/{n}/", self.site.config.paths.page)
        }
    }

    /// The links of a list page to the pages before, after and around it.
    pub(super) fn pagination(&self, kind: ListKind, chunk: &Chunk) -> Pagination {
        let (_, base) = self.list(kind);
        let (n, total) = (chunk.number, chunk.total);
        let url = |k: usize| self.url(&self.list_page_path(base, k));
        let mut previous = 0;
        Pagination {
            current: n,
            total,
            prev_url: (n > 1).then(|| url(n - 1)),
            next_url: (n < total).then(|| url(n + 1)),
            pages: visible_pages(n, total)
                .into_iter()
                .map(|k| {
                    let link = PageLink {
                        number: k,
                        url: url(k),
                        current: k == n,
                        gap_before: k > previous + 1,
                    };
                    previous = k;
                    link
                })
                .collect(),
        }
    }

    pub(super) fn render_list(
        &self,
        kind: ListKind,
        chunk: &Chunk,
        template: &str,
    ) -> Result<RenderedPage, RenderError> {
        let site = self.site;
        let t = &self.theme.translations;
        let posts = self.posts(chunk.items);
        let mut title = match kind {
            ListKind::Posts => t.text("news").to_string(),
            ListKind::Tag(i) => site.tags[i].name.clone(),
            ListKind::Category(i) => site.categories[i].name.clone(),
        };
        if chunk.number > 1 {
            title = format!(
                "{title} – {}",
                t.text("page_n").replace("{n}", &chunk.number.to_string())
            );
        }
        let (page_kind, extra) = match kind {
            ListKind::Posts => ("posts", serde_json::json!({})),
            ListKind::Tag(i) => {
                let tag = &site.tags[i];
                let feed = self.feed_link(&tag.path, t.text("tag_feed"), &tag.name);
                (
                    "tag",
                    serde_json::json!({ "term": self.term_view(tag), "taxonomy": "tags", "feed": feed }),
                )
            }
            ListKind::Category(i) => (
                "category",
                serde_json::json!({ "term": self.term_view(&site.categories[i]), "taxonomy": "categories" }),
            ),
        };
        let description = site.config.description.clone().unwrap_or_default();
        let mut page = self.header(page_kind, &title, &chunk.url_path, &description);
        insert(&mut page, "posts", &posts);
        insert(&mut page, "pagination", &self.pagination(kind, chunk));
        if let Value::Object(m) = extra {
            for (k, v) in m {
                page.insert(k, v);
            }
        }
        self.render_page(template, &chunk.url_path, page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_shows_a_window_not_every_page() {
        assert_eq!(visible_pages(1, 1), [1]);
        assert_eq!(visible_pages(1, 3), [1, 2, 3]);
        assert_eq!(visible_pages(50, 300), [1, 48, 49, 50, 51, 52, 300]);
        assert_eq!(visible_pages(300, 300), [1, 298, 299, 300]);
    }
}
