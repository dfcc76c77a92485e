//! List pages: the posts of a list (all news, a tag, a category) cut into pages, with links to the
//! pages around.

use serde::Serialize;

use super::Renderer;
use crate::site::PostId;

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
    pub(super) items: &'p [PostId],
}

/// The kinds of lists of posts.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ListOf {
    /// All news.
    Posts,
    Tags,
    Categories,
}

/// One list of posts: all news, or the posts of one tag or category (`item`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct ListKind {
    pub(super) of: ListOf,
    pub(super) item: usize,
}

impl<'a> Renderer<'a> {
    /// The posts of a list, and the URL path of its first page.
    pub(super) fn list(&self, kind: ListKind) -> (&[PostId], &str) {
        let site = self.site;
        let t = kind.item;
        match kind.of {
            ListOf::Posts => (&self.all_posts, &site.config.paths.posts),
            ListOf::Tags => (&site.tags[t].posts, &site.tags[t].path),
            ListOf::Categories => (&site.categories[t].posts, &site.categories[t].path),
        }
    }

    /// How many pages a list of `len` posts takes.
    pub(super) fn page_count(&self, len: usize) -> usize {
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
