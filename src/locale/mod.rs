//! Language-specific formatting: dates ("24 listopada 2026"), plural forms
//! ("5 zdjęć") and money ("1 062 500,00 zł"), and the messages of the program in the
//! user's language ([`Message`], [`catalogue`]).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub mod catalogue;
mod messages;

/// `msg!(Key, name = value, …)`: a [`Message`] with arguments. Exported at the crate root
/// (for the command line); named here so modules take it from `locale` like the rest.
pub use super::msg;
pub use messages::{lang_of_locale, language, set_language, system_language, Arg, Message};

/// The languages tablica ships text for. The program's messages (the catalogue) and a whole
/// site are Polish or English; Ukrainian is a language of documents in a site (their
/// `language:`), with the theme's texts, dates and plural forms of its own.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, Serialize, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Pl,
    En,
    Uk,
}

impl Lang {
    /// Every language, in the order a language switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::Pl, Lang::Uk, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    /// The language of a code as documents write it (`pl`, `en`, `uk`; any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of the program's messages closest to this one: Ukrainian documents
    /// are written in Polish or English sites, whose clerks read the messages.
    pub fn interface(self) -> Lang {
        match self {
            Lang::Uk => Lang::En,
            lang => lang,
        }
    }

    /// The locale as Open Graph writes it (`og:locale`): "pl_PL", "en_GB", "uk_UA".
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::Pl => "pl_PL",
            Lang::En => "en_GB",
            Lang::Uk => "uk_UA",
        }
    }

    /// The language's own name, as a link to a translation in it says: "Po polsku",
    /// "Українською", "In English".
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Pl => "Po polsku",
            Lang::En => "In English",
            Lang::Uk => "Українською",
        }
    }
}

/// Which plural form a count takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Few,
    Many,
}

impl PluralForm {
    pub fn key(self) -> &'static str {
        match self {
            PluralForm::One => "one",
            PluralForm::Few => "few",
            PluralForm::Many => "many",
        }
    }
}

/// The CLDR plural category of `n` for integers.
///
/// Polish: one = 1; few = 2–4, 22–24, 32–34… but not 12–14; many = the rest.
/// Ukrainian: one = 1, 21, 31… but not 11; few as Polish; many = the rest ("1 допис",
/// "21 допис", "2 дописи", "5 дописів", "11 дописів").
/// English: one = 1; many = the rest (`few` is never used).
pub fn plural_form(lang: Lang, n: u64) -> PluralForm {
    match lang {
        Lang::En => {
            if n == 1 {
                PluralForm::One
            } else {
                PluralForm::Many
            }
        }
        Lang::Pl | Lang::Uk => {
            let (ten, hundred) = (n % 10, n % 100);
            let one = match lang {
                Lang::Uk => ten == 1 && hundred != 11,
                _ => n == 1,
            };
            if one {
                PluralForm::One
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
    }
}

const PL_MONTHS_GENITIVE: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];
const UK_MONTHS_GENITIVE: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "24 listopada 2026" / "24 November 2026" / "24 листопада 2026".
pub fn date_long(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", day_month(lang, date), date.year())
}

/// "24 listopada" / "24 November": a date without its year, for ranges within one year.
pub fn day_month(lang: Lang, date: NaiveDate) -> String {
    let month = date.month0() as usize;
    let name = match lang {
        Lang::Pl => PL_MONTHS_GENITIVE[month],
        Lang::En => EN_MONTHS[month],
        Lang::Uk => UK_MONTHS_GENITIVE[month],
    };
    format!("{} {}", date.day(), name)
}

/// "24.11.2026" / "24 Nov 2026".
pub fn date_short(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Pl | Lang::Uk => date.format("%d.%m.%Y").to_string(),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            &EN_MONTHS[date.month0() as usize][..3],
            date.year()
        ),
    }
}

/// Money with grouped thousands: "1 062 500,00 zł" / "PLN 1,062,500.00".
pub fn money(lang: Lang, amount: f64, currency: &str) -> String {
    let cents = (amount * 100.0).round() as i128;
    let (whole, frac) = (cents.abs() / 100, cents.abs() % 100);
    let digits = whole.to_string();
    let (group_sep, decimal_sep) = match lang {
        // A no-break space keeps the number on one line.
        Lang::Pl | Lang::Uk => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(c);
    }
    let sign = if cents < 0 { "-" } else { "" };
    let number = format!("{sign}{grouped}{decimal_sep}{frac:02}");
    match (lang, currency) {
        (Lang::Pl, "PLN") => format!("{number}\u{a0}zł"),
        (Lang::Uk, "PLN") => format!("{number}\u{a0}зл"),
        (Lang::Pl | Lang::Uk, _) => format!("{number}\u{a0}{currency}"),
        (Lang::En, _) => format!("{currency}\u{a0}{number}"),
    }
}

/// A number with `places` decimals and the language's decimal separator: "4.4" / "4,4".
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    with_separator(lang, format!("{value:.places$}"))
}

/// A number written with a `.` (by `format!`), with the language's decimal separator.
fn with_separator(lang: Lang, text: String) -> String {
    match lang {
        Lang::Pl | Lang::Uk => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Seconds with two decimals and the language's decimal separator: "1.25" / "1,25".
pub fn seconds(lang: Lang, duration: std::time::Duration) -> String {
    decimal(lang, duration.as_secs_f64(), 2)
}

/// A file size in human units with the language's decimal separator and a no-break space:
/// "812 B", "240 KB", "1,2 MB" / "1.2 MB". Units are powers of 1024, as file managers show
/// them; kilobytes are whole, larger units have one decimal below 100.
pub fn file_size(lang: Lang, bytes: u64) -> String {
    let (byte, units) = match lang {
        Lang::Uk => ("Б", ["КБ", "МБ", "ГБ", "ТБ"]),
        _ => ("B", ["KB", "MB", "GB", "TB"]),
    };
    if bytes < 1024 {
        return format!("{bytes}\u{a0}{byte}");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    // Rounded as it will be shown, so 1023.7 KB becomes "1 MB" rather than "1024 KB".
    while unit + 1 < units.len() && value.round() >= 1024.0 {
        value /= 1024.0;
        unit += 1;
    }
    let text = if unit == 0 || value >= 99.95 {
        format!("{:.0}", value.round())
    } else {
        let text = format!("{value:.1}");
        with_separator(lang, text.strip_suffix(".0").unwrap_or(&text).to_string())
    };
    format!("{text}\u{a0}{}", units[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn polish_dates_use_the_genitive() {
        assert_eq!(date_long(Lang::Pl, d(2026, 11, 24)), "24 listopada 2026");
        assert_eq!(date_long(Lang::Pl, d(2025, 9, 1)), "1 września 2025");
        assert_eq!(date_long(Lang::En, d(2026, 11, 24)), "24 November 2026");
        assert_eq!(date_short(Lang::Pl, d(2026, 3, 5)), "05.03.2026");
        assert_eq!(date_short(Lang::En, d(2026, 3, 5)), "5 Mar 2026");
        assert_eq!(date_long(Lang::Uk, d(2026, 12, 1)), "1 грудня 2026");
        assert_eq!(date_long(Lang::Uk, d(2026, 5, 9)), "9 травня 2026");
        assert_eq!(date_short(Lang::Uk, d(2026, 3, 5)), "05.03.2026");
    }

    #[test]
    fn polish_plural_forms() {
        let forms: Vec<_> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 24, 25, 102, 112, 1000]
            .iter()
            .map(|&n| plural_form(Lang::Pl, n).key())
            .collect();
        assert_eq!(
            forms,
            [
                "many", "one", "few", "few", "many", "many", "many", "many", "many", "few", "few",
                "many", "few", "many", "many"
            ]
        );
        let uk: Vec<_> = [1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111, 1000]
            .iter()
            .map(|&n| plural_form(Lang::Uk, n).key())
            .collect();
        assert_eq!(
            uk,
            [
                "one", "few", "few", "many", "many", "many", "one", "few", "many", "one", "many",
                "many"
            ]
        );
        assert_eq!(plural_form(Lang::En, 1), PluralForm::One);
        assert_eq!(plural_form(Lang::En, 3), PluralForm::Many);
    }

    #[test]
    fn money_is_grouped_per_language() {
        assert_eq!(
            money(Lang::Pl, 1_062_500.0, "PLN"),
            "1\u{a0}062\u{a0}500,00\u{a0}zł"
        );
        assert_eq!(money(Lang::En, 1_062_500.5, "PLN"), "PLN\u{a0}1,062,500.50");
        assert_eq!(money(Lang::Pl, 999.0, "EUR"), "999,00\u{a0}EUR");
    }

    #[test]
    fn file_sizes_use_the_language_decimal_separator() {
        let pl = |n| file_size(Lang::Pl, n).replace('\u{a0}', " ");
        assert_eq!(pl(812), "812 B");
        assert_eq!(pl(240 * 1024), "240 KB");
        assert_eq!(pl(1500), "1 KB");
        assert_eq!(pl(1_258_291), "1,2 MB");
        assert_eq!(pl(1024 * 1024 - 100), "1 MB");
        assert_eq!(pl(150 * 1024 * 1024), "150 MB");
        assert_eq!(file_size(Lang::En, 1_258_291), "1.2\u{a0}MB");
        assert_eq!(file_size(Lang::En, 3 * 1024 * 1024 * 1024), "3\u{a0}GB");
        assert_eq!(file_size(Lang::Uk, 1_258_291), "1,2\u{a0}МБ");
    }
}
