//! The words of a document for the site search ([`DocumentTerms`]), after the three steps the index
//! and the browser share: folding, stop words and light stemming (see [`crate::publish::search`]).

/// Shortest stem left after cutting an ending.
pub const MIN_STEM: usize = 4;

/// Inflection endings, longest first, already folded: Polish ones, then Ukrainian ones
/// (of nouns and adjectives: `допомога`, `допомоги`, `допомогою` → `допомог`), which only a
/// Cyrillic word can end with.
pub(crate) const ENDINGS: &[&str] = &[
    "owania", "owanie", "owaniu", "iami", "iach", "iego", "iemu", "owie", "ach", "ami", "ego",
    "emu", "ich", "iem", "imi", "ych", "ymi", "iom", "owi", "ia", "ie", "iu", "ow", "om", "em",
    "a", "e", "i", "o", "u", "y", //
    "ами", "ями", "ові", "еві", "ого", "ому", "ими", "іми", "ах", "ях", "ам", "ям", "ів", "їв",
    "ою", "ею", "єю", "ий", "ій", "ім", "им", "их", "іх", "ої", "ей", "ом", "ем", "а", "я", "и",
    "і", "ї", "у", "ю", "е", "є", "о",
];

/// Apostrophes, which Ukrainian writes inside words (`сім'я`, `м’ясо`, `пам ʼять` with the
/// letter apostrophe): a word keeps them, and folding removes them, so that every way of
/// typing one finds the others.
pub(crate) const APOSTROPHES: &str = "'’ʼ";

/// Words not worth indexing, folded and sorted (single letters are never indexed anyway).
pub(crate) const STOP_WORDS: &[&str] = &[
    "aby", "ale", "an", "and", "are", "as", "at", "be", "bo", "by", "ci", "co", "czy", "dla", "do",
    "for", "from", "in", "is", "it", "ja", "jak", "jako", "je", "jest", "juz", "ku", "lub", "ma",
    "na", "nad", "nie", "od", "of", "on", "or", "oraz", "po", "pod", "przez", "przy", "sa", "sie",
    "so", "ta", "tak", "te", "tej", "ten", "the", "to", "tu", "we", "with", "za", "zas", "ze",
    "або", "але", "від", "для", "до", "за", "зі", "на", "не", "по", "при", "про", "та", "те", "то",
    "це", "чи", "що", "як", "із",
];

/// Letters folded to plain ones (after lower-casing).
pub(crate) const FOLDS: &[(char, char)] = &[
    ('ą', 'a'),
    ('ć', 'c'),
    ('ę', 'e'),
    ('ł', 'l'),
    ('ń', 'n'),
    ('ó', 'o'),
    ('ś', 's'),
    ('ź', 'z'),
    ('ż', 'z'),
    ('á', 'a'),
    ('à', 'a'),
    ('â', 'a'),
    ('ä', 'a'),
    ('č', 'c'),
    ('ç', 'c'),
    ('é', 'e'),
    ('è', 'e'),
    ('ê', 'e'),
    ('ë', 'e'),
    ('ě', 'e'),
    ('í', 'i'),
    ('î', 'i'),
    ('ï', 'i'),
    ('ô', 'o'),
    ('ö', 'o'),
    ('ř', 'r'),
    ('š', 's'),
    ('ú', 'u'),
    ('ů', 'u'),
    ('ü', 'u'),
    ('ý', 'y'),
    ('ž', 'z'),
    // Ukrainian `ґ` is often typed as `г` (keyboards without it).
    ('ґ', 'г'),
];

pub(crate) fn fold(c: char) -> char {
    FOLDS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// A word lower-cased and folded, without apostrophes.
pub(crate) fn fold_word(word: &str) -> String {
    if word.is_ascii() && !word.contains('\'') {
        word.to_ascii_lowercase()
    } else {
        word.chars()
            .filter(|c| !APOSTROPHES.contains(*c))
            .flat_map(char::to_lowercase)
            .map(fold)
            .collect()
    }
}

/// Splits text into words as written (an apostrophe is part of a word: see [`APOSTROPHES`]);
/// some may be empty.
fn written_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && !APOSTROPHES.contains(c))
}

/// Splits text into folded words.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    written_words(text).map(fold_word).filter(|w| !w.is_empty())
}

/// Whether a folded word is indexed: not a single letter, not a stop word.
pub(crate) fn is_indexed(word: &str) -> bool {
    word.chars().nth(1).is_some() && STOP_WORDS.binary_search(&word).is_err()
}

/// The stem of a folded word.
pub fn stem(word: &str) -> &str {
    let letters = word.chars().count();
    for ending in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending) {
            if letters - ending.chars().count() >= MIN_STEM {
                return stem;
            }
        }
    }
    word
}

/// A folded word cut to its stem, in place.
pub(crate) fn into_stem(mut word: String) -> String {
    let len = stem(&word).len();
    word.truncate(len);
    word
}

/// The index terms of a text: folded, without stop words, stemmed.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).filter(|w| is_indexed(w)).map(into_stem)
}

/// The distinct terms of some texts, sorted. Words repeat a lot in a text, so they are made
/// distinct as they are written (a borrowed slice each, no copy) before they are folded, and
/// once folded before the stop-word and stem steps.
pub(crate) fn distinct_terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let written: std::collections::HashSet<&str> =
        texts.into_iter().flat_map(written_words).collect();
    let mut words: Vec<String> = (written.into_iter().map(fold_word))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut terms: Vec<String> = words
        .into_iter()
        .filter(|w| is_indexed(w))
        .map(into_stem)
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// A document's terms, worked out once when the document is loaded and kept until the search
/// index is written: each list in one string, the terms separated by spaces (a term is letters
/// and digits only), which takes a tenth of the memory of a `String` per term.
#[derive(Debug, Clone, Default)]
pub struct DocumentTerms {
    /// Terms of the title and labels (tags, category): they rank a result higher.
    heading: Box<str>,
    /// Terms of the summary and text.
    body: Box<str>,
}

impl DocumentTerms {
    /// Terms of a document with its title and labels, its own summary (when it has one: the
    /// default summary is part of the text) and the plain text of its body.
    pub fn new(heading: &[&str], summary: Option<&str>, text: &str) -> Self {
        let head = distinct_terms(heading.iter().copied());
        let mut body = distinct_terms(summary.into_iter().chain([text]));
        body.retain(|t| head.binary_search(t).is_err());
        DocumentTerms {
            heading: head.join(" ").into(),
            body: body.join(" ").into(),
        }
    }

    /// The terms of the title and labels, sorted.
    pub(crate) fn heading(&self) -> impl Iterator<Item = &str> {
        self.heading.split_ascii_whitespace()
    }

    /// The terms of the summary and text that are not in the title or labels, sorted.
    pub(crate) fn body(&self) -> impl Iterator<Item = &str> {
        self.body.split_ascii_whitespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        terms(text).collect()
    }

    #[test]
    fn diacritics_and_case_are_folded() {
        assert_eq!(all("Łódź"), ["lodz"]);
        assert_eq!(all("ŹRÓDŁO"), all("zrodlo"));
        assert_eq!(all("Gęś, żółw!"), all("ges zolw"));
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        for group in [
            &[
                "warsztaty",
                "warsztatów",
                "warsztatach",
                "warsztatami",
                "warsztat",
            ][..],
            &[
                "wolontariusze",
                "wolontariuszy",
                "wolontariuszami",
                "wolontariusz",
            ],
            &["Łódź", "Łodzi"],
            &["źródło", "źródła", "zrodlo"],
            &["projekt", "projektu", "projektów", "projektem"],
        ] {
            let stems: Vec<Vec<String>> = group.iter().map(|w| all(w)).collect();
            assert!(
                stems.windows(2).all(|w| w[0] == w[1]),
                "{group:?} gave {stems:?}"
            );
        }
        // Short words keep their endings: `ul` and `ula` stay apart from `ulica`.
        assert_eq!(stem("ula"), "ula");
        assert_ne!(all("kot"), all("kota"));
    }

    #[test]
    fn ukrainian_words_are_lower_cased_their_apostrophes_folded_and_endings_cut() {
        // Capitals, and the three apostrophes a Ukrainian text may use.
        assert_eq!(all("ДОПОМОГА"), all("допомога"));
        assert_eq!(all("сім'я"), ["сімя"]);
        assert_eq!(all("сім’я"), all("сімʼя"));
        assert_eq!(all("«м'ясо» 'так'"), ["мясо", "так"]);
        assert_eq!(all("Ґанок"), all("ганок"));
        for group in [
            // Alternations (`допомозі`) are not known, as in Polish (`źródeł`).
            &["допомога", "допомоги", "допомогу", "допомогою"][..],
            &["біженці", "біженців", "біженцям", "біженцями"],
            &["Україна", "України", "Україні", "Україною"],
            &["центр", "центру", "центрі", "центром"],
        ] {
            let stems: Vec<Vec<String>> = group.iter().map(|w| all(w)).collect();
            assert!(
                stems.windows(2).all(|w| w[0] == w[1]),
                "{group:?} gave {stems:?}"
            );
        }
        // Short words keep their endings; stop words are left out.
        assert_eq!(all("діти та їжа для сімей"), ["діти", "їжа", "сімей"]);
        // Polish words are stemmed as before: Cyrillic endings never cut a Latin word.
        assert_eq!(all("warsztatach"), ["warsztat"]);
    }

    #[test]
    fn stop_words_and_single_letters_are_left_out() {
        assert_eq!(
            all("Warsztaty i spotkania w MOPS oraz 5 x"),
            ["warsztat", "spotkan", "mops"]
        );
        assert_eq!(all("2026"), ["2026"]);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| !is_indexed(w)));
    }

    #[test]
    fn distinct_terms_are_the_sorted_distinct_terms_of_each_word() {
        let text = "Warsztaty, warsztatów i WARSZTATACH dla Seniorów; seniorzy, Łódź, łódź";
        let mut expected = all(text);
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(distinct_terms([text]), expected);
        assert_eq!(expected, ["lodz", "senior", "seniorz", "warsztat"]);
    }

    #[test]
    fn headings_rank_and_are_not_repeated_in_the_body() {
        let t = DocumentTerms::new(
            &["Dzień Sąsiada"],
            Some("Festyn dla sąsiadów"),
            "Zapraszamy na festyn i piknik.",
        );
        assert_eq!(t.heading().collect::<Vec<_>>(), ["dzien", "sasiad"]);
        assert_eq!(
            t.body().collect::<Vec<_>>(),
            ["festyn", "piknik", "zapraszam"]
        );
    }
}
