//! URL slugs without diacritics: "Łódź – warsztaty" → "lodz-warsztaty".

use crate::locale::catalogue::Documents;
use crate::locale::{msg, Message};

/// Turns any text into a lowercase ASCII slug of letters, digits and single hyphens.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// Whether `s` is already a valid slug (what `slug:` in front matter must look like).
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The longest slug: a folder name of the output (`tagi/<slug>/index.html`), with room to
/// spare below the 255-byte limit of a file name on every common file system.
pub const MAX_LEN: usize = 200;

/// Why a slug cannot be a folder name of the output, on every system the site may be copied to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unusable {
    #[error("{}", self.message())]
    TooLong { slug: String, len: usize },
    #[error("{}", self.message())]
    Reserved(String),
}

impl Unusable {
    /// What is wrong, in the catalogue's words.
    pub fn message(&self) -> Message {
        match self {
            Unusable::TooLong { slug, len } => msg!(
                Documents::SlugTooLong,
                start = slug.chars().take(40).collect::<String>(),
                len = *len,
                max = MAX_LEN
            ),
            Unusable::Reserved(slug) => msg!(Documents::SlugReserved, slug = slug),
        }
    }
}

/// Checks that a slug (already made of `a-z`, `0-9` and `-`) is usable as a folder name.
pub fn check(slug: &str) -> Result<(), Unusable> {
    if slug.len() > MAX_LEN {
        return Err(Unusable::TooLong {
            slug: slug.to_string(),
            len: slug.len(),
        });
    }
    if is_reserved(slug) {
        return Err(Unusable::Reserved(slug.to_string()));
    }
    Ok(())
}

/// Whether Windows reserves `name` (`con`, `aux`, `nul`, `prn`, `com1`…`lpt9`, in any case
/// and with any extension: `con.txt` is the device too).
pub fn is_reserved(name: &str) -> bool {
    let base = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_lowercase();
    matches!(base.as_str(), "con" | "prn" | "aux" | "nul")
        || ((base.starts_with("com") || base.starts_with("lpt"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit()
            && base.as_bytes()[3] != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_letters_are_transliterated() {
        assert_eq!(slugify("Łódź"), "lodz");
        assert_eq!(slugify("Zażółć gęślą jaźń"), "zazolc-gesla-jazn");
        assert_eq!(slugify("ŹRÓDŁO Ćwiczeń"), "zrodlo-cwiczen");
    }

    #[test]
    fn punctuation_collapses_to_single_hyphens() {
        assert_eq!(
            slugify("  „Aktywne Centrum – Szansa dla Nas!” (2026) "),
            "aktywne-centrum-szansa-dla-nas-2026"
        );
        assert_eq!(slugify("---"), "");
    }

    #[test]
    fn validates_slugs() {
        assert!(is_valid_slug("dzien-seniora-2026"));
        assert!(!is_valid_slug("Dzień"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug("-a"));
        assert!(!is_valid_slug("../etc"));
        assert!(!is_valid_slug(""));
    }

    #[test]
    fn unusable_slugs_are_found() {
        assert!(check("kontakt").is_ok());
        assert!(check("con-kurs").is_ok());
        assert!(check("com0").is_ok());
        for reserved in ["con", "aux", "nul", "prn", "com1", "lpt9"] {
            assert_eq!(check(reserved), Err(Unusable::Reserved(reserved.into())));
        }
        assert!(is_reserved("CON.txt") && is_reserved("Aux"));
        assert!(check(&"a".repeat(MAX_LEN)).is_ok());
        assert!(matches!(
            check(&"a".repeat(MAX_LEN + 1)),
            Err(Unusable::TooLong { len, .. }) if len == MAX_LEN + 1
        ));
    }
}
