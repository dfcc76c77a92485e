//! Ids and classes authors write, kept out of the theme's own names (which the theme's
//! scripts and styles rely on).

use pulldown_cmark::CowStr;

use crate::theme_names;

use super::checks::{Check, Finding};
use super::Rendered;
use crate::locale::catalogue::Markdown as M;
use crate::locale::msg;

/// Prefix of author ids that the theme uses itself.
const AUTHOR_ID_PREFIX: &str = "tekst-";

/// Classes the renderer itself writes into the text (the theme styles them).
const RENDERER_CLASSES: &[&str] = &[
    "footnote-definition",
    "footnote-definition-label",
    "footnote-reference",
    "align-left",
    "align-center",
    "align-right",
];

/// `id` as the text may use it: an id the theme uses gets [`AUTHOR_ID_PREFIX`], so author
/// content never takes over an element the theme's script or style looks for.
pub(super) fn outside_theme(id: &str) -> String {
    if theme_names::reserved().reserves(id) {
        format!("{AUTHOR_ID_PREFIX}{id}")
    } else {
        id.to_string()
    }
}

/// An id the author wrote, moved out of the theme's names with a warning.
pub(super) fn author_id(id: &str, line: usize, out: &mut Rendered) -> String {
    let renamed = outside_theme(id);
    if renamed != id {
        out.findings.push(Finding {
            check: Check::Unsafe,
            line,
            message: msg!(M::ThemeId, id = id, renamed = &renamed),
            hint: M::ThemeIdHint.into(),
        });
    }
    renamed
}

/// The classes an author gave a heading without the theme's, each dropped one reported.
pub(super) fn author_classes<'a>(
    classes: &[CowStr<'a>],
    line: usize,
    out: &mut Rendered,
) -> Vec<CowStr<'a>> {
    classes
        .iter()
        .filter(|class| {
            let theirs = is_theme_class(class);
            if theirs {
                out.findings.push(theme_class(line, class));
            }
            !theirs
        })
        .cloned()
        .collect()
}

pub(super) fn is_theme_class(class: &str) -> bool {
    !RENDERER_CLASSES.contains(&class) && theme_names::reserved().reserves(class)
}

pub(super) fn theme_class(line: usize, class: &str) -> Finding {
    Finding {
        check: Check::Unsafe,
        line,
        message: msg!(M::ThemeClass, class = class),
        hint: M::ThemeClassHint.into(),
    }
}
