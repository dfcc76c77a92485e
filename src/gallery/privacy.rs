//! Alt texts and captions that could reveal that a named person receives social assistance.
//!
//! Art. 100 of the social-assistance act (ustawa z 12 marca 2004 r. o pomocy społecznej)
//! binds a centre's staff to keep confidential what they learn about the people they help;
//! a photo captioned "Pani Anna Nowak, podopieczna ośrodka" publishes exactly that. tablica
//! cannot know who is a client, so it warns when a text both names someone and uses words
//! that point to assistance. It is a heuristic: a warning, never an error.

/// First names common in Poland, written as the stem their declined forms share
/// ("Ann" matches Anna, Anny, Annie, Anną).
const FIRST_NAME_STEMS: &[&str] = &[
    "Agnieszk",
    "Aleksandr",
    "Alicj",
    "Ameli",
    "Ann",
    "Barbar",
    "Beat",
    "Dominik",
    "Dorot",
    "Elżbiet",
    "Ew",
    "Gabriel",
    "Halin",
    "Helen",
    "Iren",
    "Iwon",
    "Jadwig",
    "Janin",
    "Joann",
    "Jolant",
    "Juli",
    "Justyn",
    "Karolin",
    "Katarzyn",
    "Krystyn",
    "Leon",
    "Magdalen",
    "Małgorzat",
    "Mari",
    "Mart",
    "Monik",
    "Natali",
    "Ol",
    "Patrycj",
    "Renat",
    "Stanisław",
    "Sylwi",
    "Teres",
    "Urszul",
    "Wand",
    "Zofi",
    "Zuzann",
    "Adam",
    "Andrzej",
    "Antoni",
    "Arkadiusz",
    "Bartosz",
    "Damian",
    "Daniel",
    "Dawid",
    "Filip",
    "Grzegorz",
    "Henryk",
    "Jakub",
    "Jan",
    "Jerz",
    "Józef",
    "Kacper",
    "Kamil",
    "Karol",
    "Krzysztof",
    "Łukasz",
    "Maciej",
    "Marcin",
    "Marek",
    "Mark",
    "Mateusz",
    "Michał",
    "Mikołaj",
    "Patryk",
    "Paweł",
    "Pawł",
    "Piotr",
    "Rafał",
    "Robert",
    "Roman",
    "Ryszard",
    "Sebastian",
    "Szymon",
    "Tadeusz",
    "Tomasz",
    "Wiktor",
    "Wojciech",
    "Zbigniew",
    "Zdzisław",
];

/// Forms of address that come before a name ("Pani Nowak", "pan Jan").
const ADDRESS: &[&str] = &["pan", "pani", "pana", "panu", "panem", "panią", "panie"];

/// Words (lower case, as prefixes) that say someone receives help from the centre.
const ASSISTANCE: &[&str] = &[
    "podopieczn",
    "pomocy społecznej",
    "pomoc społeczn",
    "korzysta z pomocy",
    "korzystający z pomocy",
    "korzystająca z pomocy",
    "korzystających z pomocy",
    "klient ośrodka",
    "klientka ośrodka",
    "klientki ośrodka",
    "klienci ośrodka",
    "zasiłk",
    "zasił",
    "świadczeni",
    "bezdomn",
    "ubóstw",
    "uzależnion",
    "niebieskiej karty",
    "niebieska karta",
    "przemocy domowej",
    "przemocy w rodzinie",
    "asystent rodziny",
    "asystentka rodziny",
    "pieczy zastępczej",
    "piecza zastępcza",
];

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `text` seems to name a person: a common first name, or "pan"/"pani" before a
/// capitalised word.
fn names_someone(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, word)| {
        let first_name = is_capitalised(word)
            && FIRST_NAME_STEMS.iter().any(|stem| {
                word.strip_prefix(stem)
                    .is_some_and(|ending| ending.chars().count() <= 3)
            });
        let addressed = ADDRESS.contains(&word.to_lowercase().as_str())
            && words.get(i + 1).is_some_and(|next| is_capitalised(next));
        first_name || addressed
    })
}

/// Whether `text` both names someone and says they receive social assistance.
pub fn may_reveal_assistance(text: &str) -> bool {
    let lower = text.to_lowercase();
    ASSISTANCE.iter().any(|w| lower.contains(w)) && names_someone(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_client_is_flagged() {
        for text in [
            "Pani Anna Nowak, podopieczna ośrodka, przy stole z farbami",
            "Jan Kowalski odbiera paczkę w ramach pomocy społecznej",
            "Z panem Zielińskim, który korzysta z pomocy ośrodka",
            "Katarzynie przyznano zasiłek celowy na remont",
        ] {
            assert!(may_reveal_assistance(text), "{text}");
        }
    }

    #[test]
    fn names_alone_or_assistance_alone_are_not() {
        for text in [
            // A name, nothing about assistance: staff, volunteers, guests.
            "Koordynatorka Anna Nowak otwiera warsztaty",
            // Assistance, nobody named.
            "Uczestnicy projektu dla osób korzystających z pomocy społecznej",
            "Seniorzy przy wspólnym stole podczas wigilii ośrodka pomocy społecznej",
            // Capitalised words that are not names.
            "Klub Seniora podczas pikniku, dzień bezdomnych zwierząt w schronisku",
            "Dzień Dziecka w parku",
        ] {
            assert!(!may_reveal_assistance(text), "{text}");
        }
    }
}
