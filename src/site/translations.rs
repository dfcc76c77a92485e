//! Texts that translate one another: a document names the text it translates with
//! `translation_of:` (its address, as its page shows it), and each page of the group links
//! to the others ([`Translations::of`]).
//!
//! A field rather than a file-name convention (Hugo's and Zola's `index.uk.md`): a clerk
//! writes the Ukrainian version as a new text, in the editor or by hand, and names the Polish
//! page it translates; nothing else is renamed, and the translation keeps an address of its own.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Documents;
use crate::locale::{msg, Lang, Message};

/// One text of a group of translations.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Translation {
    pub lang: Lang,
    /// Its address below the site root: `pomoc-dla-uchodzcow/`.
    pub path: String,
    pub title: String,
}

/// The groups of translations of the site.
#[derive(Debug, Default)]
pub struct Translations {
    /// Each group in the order of [`Lang::ALL`].
    groups: Vec<Vec<Translation>>,
    /// A document's address → its group.
    group_of: HashMap<String, usize>,
}

/// By the groups: equal groups, equal hash (the address index follows from them).
impl std::hash::Hash for Translations {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.groups.hash(state);
    }
}

impl Translations {
    /// The texts of the group the document at `path` is in, itself included, in the order of
    /// [`Lang::ALL`]; empty when it has no translation.
    pub fn of(&self, path: &str) -> &[Translation] {
        match self.group_of.get(path) {
            Some(&g) => &self.groups[g],
            None => &[],
        }
    }
}

/// What linking needs of a document.
pub(super) struct Text<'a> {
    pub(super) file: &'a Path,
    pub(super) line: Option<usize>,
    pub(super) path: &'a str,
    pub(super) lang: Lang,
    pub(super) title: &'a str,
    pub(super) translation_of: Option<&'a str>,
}

/// The address a `translation_of:` names, as a document's path: `/pomoc/`, `pomoc`, the
/// page's whole address or one below the site's folder all name `pomoc/`.
fn normalise(config: &Config, address: &str) -> String {
    let address = address.trim();
    let address = address.split(['#', '?']).next().unwrap_or_default();
    // The page's whole address: its path on the server.
    let origin = (config.base_url.strip_suffix(config.root.as_str())).unwrap_or(&config.base_url);
    let path = (address.strip_prefix(origin))
        .filter(|p| p.starts_with('/'))
        .unwrap_or(address);
    let path = crate::config::below_root(&config.root, path).unwrap_or(path);
    match path.trim_matches('/') {
        "" => String::new(),
        inner => format!("{inner}/"),
    }
}

/// Groups the texts by their `translation_of:`. A text naming an address no text has, or one
/// in its own language, is reported with a warning and left out of the group: its page
/// stays as it is.
pub(super) fn link(
    config: &Config,
    texts: &[Text],
    problems: &mut Vec<Diagnostic>,
) -> Translations {
    let by_path: HashMap<&str, usize> =
        texts.iter().enumerate().map(|(i, t)| (t.path, i)).collect();
    // Each text's target, when it names one that exists.
    let mut target: Vec<Option<usize>> = vec![None; texts.len()];
    for (i, text) in texts.iter().enumerate() {
        let Some(address) = text.translation_of else {
            continue;
        };
        let warn = |message: Message, hint: Documents| {
            Diagnostic::warning(text.file, message)
                .field("translation_of")
                .at_line(text.line)
                .hint(hint)
        };
        match by_path.get(normalise(config, address).as_str()) {
            Some(&t) if texts[t].lang == text.lang => problems.push(warn(
                msg!(
                    Documents::TranslationSameLanguage,
                    address = address,
                    lang = text.lang.code()
                ),
                Documents::TranslationSameLanguageHint,
            )),
            Some(&t) if t != i => target[i] = Some(t),
            _ => problems.push(warn(
                msg!(Documents::TranslationUnknown, address = address),
                Documents::TranslationUnknownHint,
            )),
        }
    }
    // The first text of each chain (a translation of a translation belongs to the original);
    // texts naming each other in a circle have the first of them, in reading order.
    let root = |start: usize| {
        let mut chain = vec![start];
        let mut at = start;
        while let Some(next) = target[at] {
            if let Some(from) = chain.iter().position(|&c| c == next) {
                return chain[from..].iter().copied().min().unwrap_or(next);
            }
            chain.push(next);
            at = next;
        }
        at
    };
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, t) in target.iter().enumerate() {
        let r = root(i);
        if t.is_some() && r != i {
            members.entry(r).or_insert_with(|| vec![r]).push(i);
        }
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut translations = Translations::default();
    for r in roots {
        let mut group: Vec<Translation> = Vec::new();
        for &i in &members[&r] {
            let text = &texts[i];
            if group.iter().any(|t| t.lang == text.lang) {
                problems.push(
                    Diagnostic::warning(
                        text.file,
                        msg!(
                            Documents::TranslationSameLanguage,
                            address = format!("/{}", texts[r].path),
                            lang = text.lang.code()
                        ),
                    )
                    .field("translation_of")
                    .at_line(text.line)
                    .hint(Documents::TranslationSameLanguageHint),
                );
                continue;
            }
            group.push(Translation {
                lang: text.lang,
                path: text.path.to_string(),
                title: text.title.to_string(),
            });
        }
        group.sort_by_key(|t| Lang::ALL.iter().position(|&l| l == t.lang));
        let g = translations.groups.len();
        for t in &group {
            translations.group_of.insert(t.path.clone(), g);
        }
        translations.groups.push(group);
    }
    translations
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(path: &'a str, lang: Lang, of: Option<&'a str>) -> Text<'a> {
        Text {
            file: Path::new("content/pages/x.md"),
            line: Some(3),
            path,
            lang,
            title: path,
            translation_of: of,
        }
    }

    #[test]
    fn addresses_are_read_as_a_page_shows_them_below_the_sites_folder() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://gmina.pl/mops/\n");
        for written in [
            "/mops/pomoc/",
            "pomoc",
            "https://gmina.pl/mops/pomoc/",
            " /mops/pomoc#dyzury ",
        ] {
            assert_eq!(normalise(&config, written), "pomoc/", "{written}");
        }
        assert_eq!(normalise(&config, "/mops/pomoc/zasilki"), "pomoc/zasilki/");
        // Written from the site's root, as links in the text are.
        assert_eq!(normalise(&config, "/pomoc/"), "pomoc/");
        // Another folder that merely starts like the site's is not below it.
        assert_eq!(normalise(&config, "/mopsy/pomoc/"), "mopsy/pomoc/");
        assert_eq!(normalise(&config, "https://gmina.pl/mopsy/"), "mopsy/");
    }

    #[test]
    fn texts_naming_each_other_make_one_group_whatever_else_the_site_has() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://gmina.pl/\n");
        for others in 0..3 {
            let mut texts = vec![
                text("pl/", Lang::Pl, Some("/uk/")),
                text("uk/", Lang::Uk, Some("/pl/")),
            ];
            let paths: Vec<String> = (0..others).map(|n| format!("inny-{n}/")).collect();
            texts.extend(paths.iter().map(|p| text(p, Lang::Pl, None)));
            let mut problems = Vec::new();
            let t = link(&config, &texts, &mut problems);
            let group: Vec<&str> = t.of("uk/").iter().map(|t| t.path.as_str()).collect();
            assert_eq!(group, ["pl/", "uk/"], "with {others} other texts");
            assert_eq!(t.of("pl/").len(), 2, "with {others} other texts");
            assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn a_translation_of_a_translation_joins_the_originals_group_in_language_order() {
        let config = crate::config::from_yaml("title: T\nbase_url: https://gmina.pl/\n");
        let texts = [
            text("en/", Lang::En, Some("/uk/")),
            text("pl/", Lang::Pl, None),
            text("uk/", Lang::Uk, Some("/pl/")),
            text("alone/", Lang::Pl, None),
            text("twin/", Lang::Uk, Some("/pl/")),
        ];
        let mut problems = Vec::new();
        let t = link(&config, &texts, &mut problems);
        let group: Vec<&str> = t.of("en/").iter().map(|t| t.path.as_str()).collect();
        assert_eq!(group, ["pl/", "uk/", "en/"]);
        assert_eq!(t.of("pl/").len(), 3);
        assert!(t.of("alone/").is_empty());
        // A second Ukrainian text of the same group is left out, with a warning at its line.
        assert!(t.of("twin/").is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("translation_of"));
        assert_eq!(problems[0].line, Some(3));
    }
}
