//! Alt texts must describe the photo: file names and placeholders are refused.

use crate::locale::catalogue::Photos;

/// Words that editors' tools put where a description should be.
const PLACEHOLDERS: &[&str] = &[
    "bez tytułu",
    "bez tytulu",
    "zdjęcie",
    "zdjecie",
    "zdjęcia",
    "foto",
    "fotografia",
    "fot",
    "obraz",
    "obrazek",
    "grafika",
    "ilustracja",
    "image",
    "img",
    "photo",
    "picture",
    "pic",
    "untitled",
    "alt",
    "tekst alternatywny",
    "opis",
    "brak",
    "brak opisu",
    "null",
    "none",
];

/// Camera and phone file-name patterns: IMG_2041, DSC0001, P1010203, PXL_2026…, WhatsApp Image…
const CAMERA_PREFIXES: &[&str] = &[
    "img",
    "dsc",
    "dscn",
    "dscf",
    "pxl",
    "p",
    "sam",
    "gopr",
    "mvimg",
    "photo",
    "image",
    "screenshot",
    "zrzut",
    "whatsapp",
];

const MIN_LENGTH: usize = 4;

/// Why an alt text is not acceptable, or `None` when it is fine.
pub fn problem(alt: &str) -> Option<Photos> {
    let text = alt.trim();
    if text.is_empty() {
        return Some(Photos::AltEmpty);
    }
    if text.starts_with(crate::content::meta::photo::ALT_PLACEHOLDER) {
        return Some(Photos::AltImportPlaceholder);
    }
    let lower = text.to_lowercase();
    if text.chars().count() < MIN_LENGTH {
        return Some(Photos::AltShort);
    }
    if crate::gallery::is_photo(std::path::Path::new(&lower)) {
        return Some(Photos::AltFileName);
    }
    // "Bez tytułu1", "zdjęcie 3", "IMG_2041", "DSC0001".
    let base = lower.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c == ' ' || c == '_' || c == '-' || c == '.' || c == '#'
    });
    if PLACEHOLDERS.contains(&base) {
        return Some(Photos::AltPlaceholder);
    }
    let letters: String = lower
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let rest = &lower[letters.len()..];
    let rest = rest.trim_start_matches(['_', '-', ' ']);
    if CAMERA_PREFIXES.contains(&letters.as_str())
        && !rest.is_empty()
        && rest.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !rest.contains(' ')
    {
        return Some(Photos::AltCameraName);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn file_names_and_placeholders_are_refused() {
        for bad in [
            "",
            "  ",
            "IMG_2041.jpg",
            "IMG_2041",
            "DSC0001",
            "P1010203",
            "PXL_20261124_101010",
            "Bez tytułu1",
            "Bez tytułu 34",
            "zdjęcie",
            "Zdjęcie 3",
            "image",
            "photo_2",
            "foto",
            "zdjecie-1.JPG",
            "abc",
            "TODO-ALT opisz, co widać na zdjęciu festyn.jpg",
        ] {
            assert!(problem(bad).is_some(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn descriptions_are_accepted() {
        for good in [
            "Uczestniczki warsztatów przy wspólnym stole",
            "Zdjęcie grupowe wolontariuszy przed ośrodkiem",
            "Image of a park bench built from pallets",
            "Plakat festynu",
        ] {
            assert_eq!(problem(good), None, "{good:?}");
        }
    }
}
