//! URL slugs without diacritics: "Łódź – warsztaty" → "lodz-warsztaty".

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
}
