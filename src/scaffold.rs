//! `tablica new`: a small working site to start from, with the organisation's details
//! asked for in a terminal (or given as options) and written into site.yaml.

mod ci;

use std::fs;
use std::io::{self, BufRead, Write};
use std::path::Path;

use crate::locale::catalogue::Cli as M;
use crate::locale::{msg, Message};

const POST: &str = r#"---
title: Pierwszy wpis na naszej stronie
date: 2026-01-15
summary: Tak wygląda wpis z galerią zdjęć. Zmień go albo usuń.
author: Redakcja
tags: [ogłoszenia]
category: Ogłoszenia
project: przykladowy-projekt
cover:
  src: zdjecie.jpg
  alt: Kolorowe koła na zielonym tle – ilustracja przykładowego wpisu
gallery:
  - src: zdjecie.jpg
    alt: Kolorowe koła na zielonym tle – ilustracja przykładowego wpisu
    caption: Zdjęcia leżą w tym samym folderze co wpis.
---
To jest przykładowy wpis. Pliki Markdown z aktualnościami umieszczaj w folderze
`content/posts/`; wpis ze zdjęciami to folder z plikiem `index.md` i zdjęciami obok.

## Co dalej?

- zmień ustawienia w pliku `content/site.yaml`,
- napisz kolejny wpis,
- zbuduj stronę poleceniem `tablica build`.
"#;

const PROJECT: &str = r#"---
title: Przykładowy projekt
status: ongoing
start: 2026-01-01
end: 2026-12-31
organiser: Nasz Ośrodek
partners: [Stowarzyszenie Sąsiedzi]
participants: 20
goals:
  - Pokazać, jak wygląda strona projektu.
figures:
  - { label: uczestników, value: "20" }
contact: { name: Jan Kowalski, email: projekt@example.org }
---
Opis projektu. Wpisy, które w polu `project:` podają `przykladowy-projekt`,
pojawią się na tej stronie.
"#;

const PAGE: &str = r#"---
title: O nas
---
Kilka zdań o ośrodku: czym się zajmujecie, komu pomagacie, jak się z wami skontaktować.
"#;

/// The page in Polish Sign Language: its film is the body's own to record.
const SIGN_LANGUAGE_PAGE: &str = r#"---
title: Informacje w polskim języku migowym
summary: Film w polskim języku migowym (PJM) o tym, czym się zajmujemy i jak się z nami skontaktować.
# TODO: nagrajcie film z tłumaczem PJM (treść jak w tekście łatwym do czytania) i wpiszcie go tu,
# np. z YouTube (wczyta się dopiero po naciśnięciu „odtwórz”) albo jako plik z napisami:
# video:
#   title: Informacja o ośrodku w polskim języku migowym
#   youtube: https://www.youtube.com/watch?v=...
#   transcript: Tekst tego, co mówi tłumacz.
---
Tu będzie film w polskim języku migowym o tym, czym się zajmujemy i jak się z nami
skontaktować.
"#;

/// The body's activities as easy-to-read text (ETR): short sentences, one thought each, and
/// the same as a text file beside it.
fn easy_read(answers: &Answers) -> (String, String) {
    let text = format!(
        "Kim jesteśmy\n\nNazywamy się: {name}.\n\nNasz adres: {address}.\n\n\
         Co robimy\n\n\
         Pomagamy ludziom, którzy mają trudności.\n\n\
         TODO: napiszcie krótkimi zdaniami, w czym pomagacie. Jedno zdanie – jedna myśl.\n\n\
         Jak się z nami skontaktować\n\n\
         Możesz do nas zadzwonić: {phone}.\n\n\
         Możesz napisać e-mail: {email}.\n\n\
         Możesz przyjść z osobą, której ufasz.\n",
        name = answers.name,
        address = answers.address,
        phone = answers.phone,
        email = answers.email,
    );
    let headings = ["Kim jesteśmy", "Co robimy", "Jak się z nami skontaktować"];
    let mut page = text.clone();
    for h in headings {
        page = page.replacen(&format!("{h}\n"), &format!("## {h}\n"), 1);
    }
    let page = format!(
        "---\ntitle: Tekst łatwy do czytania\nsummary: {summary}\n---\n{page}\n\
         Te same informacje są w [pliku tekstowym](informacje.txt).\n",
        summary = "Informacje o naszej pracy napisane prostym językiem.",
    );
    (page, text)
}

/// What a site's Git repository leaves out: the output, the cache, the deploy passwords.
pub const GITIGNORE: &str = "/public\n/.tablica-cache\n/.tablica-secrets.yaml\n";

/// Why `tablica new` could not make the site.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{}", Message::new(M::FolderNotEmpty))]
    NotEmpty,
    #[error("{}", Message::new(M::NoAnswers))]
    NoAnswers,
    /// A detail given as an option is not valid.
    #[error("{0}")]
    Invalid(Message),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// The details given as options; what is missing is asked for or taken from the examples.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub name: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub base_url: Option<String>,
    pub photos_of_people: Option<bool>,
}

/// The details the new site's settings are written with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub base_url: String,
    pub photos_of_people: bool,
}

const EXAMPLE_NAME: &str = "Nasz Ośrodek";
const EXAMPLE_ADDRESS: &str = "ul. Przykładowa 1, 00-001 Miasto";
const EXAMPLE_EMAIL: &str = "kontakt@example.org";
const EXAMPLE_PHONE: &str = "+48 22 000 00 00";
const EXAMPLE_BASE_URL: &str = "https://example.org/";

impl Given {
    /// The details given, the examples for the rest (`--yes`, or no terminal to ask in).
    pub fn or_examples(self) -> Result<Answers, ScaffoldError> {
        let checked = |value: Option<String>,
                       example: &str,
                       check: &dyn Fn(&str) -> Result<String, Message>| {
            check(value.as_deref().unwrap_or(example)).map_err(ScaffoldError::Invalid)
        };
        Ok(Answers {
            name: checked(self.name, EXAMPLE_NAME, &check_text)?,
            address: checked(self.address, EXAMPLE_ADDRESS, &check_text)?,
            email: checked(self.email, EXAMPLE_EMAIL, &check_email)?,
            phone: checked(self.phone, EXAMPLE_PHONE, &check_text)?,
            base_url: checked(self.base_url, EXAMPLE_BASE_URL, &check_base_url)?,
            photos_of_people: self.photos_of_people.unwrap_or(true),
        })
    }
}

/// An e-mail address of the shape `name@domain.tld`, without spaces.
pub fn check_email(value: &str) -> Result<String, Message> {
    let value = value.trim();
    let shaped = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.split('.').count() >= 2
            && domain.split('.').all(|part| !part.is_empty())
    });
    if shaped && !value.contains(char::is_whitespace) {
        Ok(value.to_string())
    } else {
        Err(msg!(M::BadEmail, value = value))
    }
}

/// An absolute http(s) address with a host, written as the url crate normalises it
/// (`https://mops.pl` → `https://mops.pl/`).
pub fn check_base_url(value: &str) -> Result<String, Message> {
    match url::Url::parse(value.trim()) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => {
            let mut text = url.to_string();
            if !text.ends_with('/') {
                text.push('/');
            }
            Ok(text)
        }
        _ => Err(msg!(M::BadUrl, value = value.trim())),
    }
}

/// Whether an address is still one of the example domains.
pub fn is_example_address(address: &str) -> bool {
    crate::url::example_host(address).is_some()
}

pub fn check_text(value: &str) -> Result<String, Message> {
    match value.trim() {
        "" => Err(Message::new(M::BadEmpty)),
        text => Ok(text.to_string()),
    }
}

fn check_yes_no(value: &str) -> Result<bool, Message> {
    match value.trim().to_lowercase().as_str() {
        "yes" | "y" | "tak" | "t" => Ok(true),
        "no" | "n" | "nie" => Ok(false),
        _ => Err(Message::new(M::BadYesNo)),
    }
}

/// Asks on `output` for every detail not `given`, reading answers from `input`: Enter takes
/// the value in brackets, a wrong answer is explained and asked again.
pub fn ask(
    given: Given,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> Result<Answers, ScaffoldError> {
    let mut question = |given: Option<String>,
                        key: M,
                        default: &str,
                        check: &dyn Fn(&str) -> Result<String, Message>|
     -> Result<String, ScaffoldError> {
        if let Some(value) = given {
            return check(&value).map_err(ScaffoldError::Invalid);
        }
        loop {
            write!(output, "{} [{default}]: ", Message::new(key))?;
            output.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Err(ScaffoldError::NoAnswers);
            }
            let answer = match line.trim() {
                "" => default,
                text => text,
            };
            match check(answer) {
                Ok(value) => return Ok(value),
                Err(problem) => writeln!(output, "  {problem}")?,
            }
        }
    };
    let name = question(given.name, M::AskName, EXAMPLE_NAME, &check_text)?;
    let address = question(given.address, M::AskAddress, EXAMPLE_ADDRESS, &check_text)?;
    let email = question(given.email, M::AskEmail, EXAMPLE_EMAIL, &check_email)?;
    let phone = question(given.phone, M::AskPhone, EXAMPLE_PHONE, &check_text)?;
    let base_url = question(
        given.base_url,
        M::AskBaseUrl,
        EXAMPLE_BASE_URL,
        &check_base_url,
    )?;
    let yes_no = |yes: bool| if yes { "yes" } else { "no" }.to_string();
    let default = match crate::locale::language() {
        crate::locale::Lang::Pl => "tak",
        crate::locale::Lang::En | crate::locale::Lang::Uk => "yes",
    };
    let photos = question(
        given.photos_of_people.map(yes_no),
        M::AskPhotos,
        default,
        &|v: &str| check_yes_no(v).map(yes_no),
    )?;
    Ok(Answers {
        name,
        address,
        email,
        phone,
        base_url,
        photos_of_people: photos == "yes",
    })
}

/// A YAML scalar holding `text` exactly (a JSON string is one).
fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// The menu of a new site: the example's sections.
const MENU: &[(&str, &str)] = &[
    ("Aktualności", "/aktualnosci/"),
    ("Projekty", "/projekty/"),
    ("O nas", "/o-nas/"),
];

/// The site settings of a new site.
pub fn site_yaml(answers: &Answers, today: chrono::NaiveDate) -> String {
    settings(answers, today, MENU)
}

/// The site settings of a new site with this menu (titles and addresses).
pub fn settings<S: AsRef<str>>(
    answers: &Answers,
    today: chrono::NaiveDate,
    menu: &[(S, S)],
) -> String {
    let name = quoted(&answers.name);
    let email = quoted(&answers.email);
    let phone = quoted(&answers.phone);
    let photos = if answers.photos_of_people {
        "# Zdjęcie, na którym widać ludzi (`people: true`), wymaga zgody tych osób (`consent: true`)."
    } else {
        "# Nie planujecie zdjęć, na których widać ludzi; gdyby jednak się pojawiły (`people: true`),\n  # strona nie zostanie zbudowana bez zapisanej zgody (`consent: true`)."
    };
    format!(
        r#"title: {name}
language: pl
base_url: {base_url}
description: {description}
organisation:
  name: {name}
  address: {address}
  email: {email}
  phone: {phone}
menu:
{menu}
posts_per_page: 10
images:
  {photos}
  require_consent: true
accessibility:
  # Deklaracja dostępności (ustawa z 4 kwietnia 2019 r. o dostępności cyfrowej).
  # TODO: uzupełnij wiersze oznaczone TODO i usuń te oznaczenia.
  statement:
    published: {today}  # TODO: data opublikowania strony (RRRR-MM-DD)
    updated: {today}  # TODO: data ostatniej istotnej aktualizacji strony
    prepared: {today}  # TODO: data sporządzenia deklaracji
    reviewed: {today}  # TODO: data ostatniego przeglądu deklaracji
    status: partial  # TODO: full (zgodna), partial (częściowo zgodna) albo none (niezgodna)
    method: self-assessment  # albo external, wtedy podaj też evaluator:
    non_accessible: []  # TODO: treści niedostępne i powód, np. "skany dokumentów sprzed 2020 r."
    exemptions: []  # TODO: treści wyłączone z ustawy, np. "filmy opublikowane przed 23.09.2020"
    contact:
      name: null  # TODO: osoba odpowiedzialna za dostępność, np. "Anna Nowak"
      email: {email}  # TODO: adres do zgłaszania problemów z dostępnością
      phone: {phone}
    architecture: []  # TODO: dostępność budynku: wejścia, windy, parking, toalety, pętla indukcyjna
    mobile_apps: null  # TODO: aplikacje mobilne, jeśli są
    sign_language: null  # TODO: jak skorzystać z tłumacza języka migowego
accessible_info:
  # Ustawa o zapewnianiu dostępności osobom ze szczególnymi potrzebami: tekst łatwy do czytania,
  # film w polskim języku migowym i plik tekstowy, z linkami w nagłówku każdej strony.
  easy_read: /tekst-latwy-do-czytania/
  sign_language: /jezyk-migowy/
  text: /tekst-latwy-do-czytania/informacje.txt
  # bip: https://twoj-urzad.bip.gov.pl/  # TODO: adres Biuletynu Informacji Publicznej, jeśli go macie
privacy:
  # Informacja o prywatności (RODO art. 13), strona /prywatnosc/, link w stopce.
  # Administratorem jest organizacja z `organisation:`; o plikach cookie, pamięci przeglądarki
  # i filmach tablica pisze sama.
  data_protection_officer:
    name: null  # TODO: inspektor ochrony danych (podmiot publiczny musi go wyznaczyć)
    email: null  # TODO: adres inspektora, np. iod@twoja-domena.pl
  hosting: null  # TODO: kto prowadzi serwer strony (zapisuje on dzienniki z adresami IP)
  log_retention: null  # TODO: jak długo serwer przechowuje dzienniki, np. "30 dni"
"#,
        base_url = answers.base_url,
        description = quoted(&format!("Aktualności i projekty – {}", answers.name)),
        address = quoted(&answers.address),
        menu = menu
            .iter()
            .map(|(title, url)| {
                let (title, url) = (quoted(title.as_ref()), quoted(url.as_ref()));
                format!("  - {{ title: {title}, url: {url} }}")
            })
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Creates a new site in `dir`, which must not exist or be empty.
pub fn create(dir: &Path, answers: &Answers) -> Result<(), ScaffoldError> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(ScaffoldError::NotEmpty);
    }
    let content = dir.join("content");
    fs::create_dir_all(content.join("posts/pierwszy-wpis"))?;
    fs::create_dir_all(content.join("projects"))?;
    fs::create_dir_all(content.join("pages"))?;
    fs::create_dir_all(dir.join("themes/default"))?;
    let today = chrono::Local::now().date_naive();
    fs::write(content.join("site.yaml"), site_yaml(answers, today))?;
    fs::write(content.join("posts/pierwszy-wpis/index.md"), POST)?;
    fs::write(content.join("projects/przykladowy-projekt.md"), PROJECT)?;
    fs::write(content.join("pages/o-nas.md"), PAGE)?;
    let (easy_read_page, easy_read_text) = easy_read(answers);
    fs::create_dir_all(content.join("pages/tekst-latwy-do-czytania"))?;
    fs::write(
        content.join("pages/tekst-latwy-do-czytania/index.md"),
        easy_read_page,
    )?;
    fs::write(
        content.join("pages/tekst-latwy-do-czytania/informacje.txt"),
        easy_read_text,
    )?;
    fs::write(content.join("pages/jezyk-migowy.md"), SIGN_LANGUAGE_PAGE)?;
    fs::write(dir.join(".gitignore"), GITIGNORE)?;
    ci::write(dir)?;
    example_photo()
        .save_with_format(
            content.join("posts/pierwszy-wpis/zdjecie.jpg"),
            image::ImageFormat::Jpeg,
        )
        .map_err(|e| ScaffoldError::Io(io::Error::other(e)))
}

/// A small picture drawn here, so the example needs no downloaded files.
fn example_photo() -> image::RgbImage {
    let (w, h) = (1200u32, 800u32);
    let circles = [
        (300.0, 400.0, 180.0, [230, 126, 34]),
        (650.0, 300.0, 140.0, [41, 128, 185]),
        (900.0, 520.0, 160.0, [241, 196, 15]),
    ];
    image::RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        for (cx, cy, r, color) in circles {
            if (fx - cx).powi(2) + (fy - cy).powi(2) < r * r {
                return image::Rgb(color);
            }
        }
        let shade = (y * 60 / h) as u8;
        image::Rgb([39 + shade / 2, 120 + shade, 70 + shade / 2])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    #[test]
    fn answers_are_checked() {
        assert_eq!(check_email(" mops@gmina.pl "), Ok("mops@gmina.pl".into()));
        for bad in [
            "mops",
            "mops@",
            "@gmina.pl",
            "mops@gmina",
            "a b@gmina.pl",
            "a@b@c.pl",
            "a@b..pl",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            check_base_url("https://mops.gmina.pl"),
            Ok("https://mops.gmina.pl/".into())
        );
        assert_eq!(
            check_base_url("http://gmina.pl/mops"),
            Ok("http://gmina.pl/mops/".into())
        );
        for bad in [
            "mops.gmina.pl",
            "ftp://gmina.pl/",
            "https://",
            "javascript:alert(1)",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad:?}");
        }
        let problem = check_email("mops").expect_err("not an address");
        assert!(problem
            .render(Lang::Pl)
            .contains("to nie jest adres e-mail"));
        assert_eq!(check_yes_no("Tak"), Ok(true));
        assert_eq!(check_yes_no("no"), Ok(false));
        assert!(check_yes_no("może").is_err());
    }

    #[test]
    fn the_settings_written_are_valid_whatever_the_answers() {
        let answers = Answers {
            name: "MOPS: \"Pomoc\" # 1 – 'ośrodek'\\".into(),
            address: "ul. Długa 5\nMiasto".into(),
            email: "mops@gmina.pl".into(),
            phone: "+48 22 123 45 67".into(),
            base_url: "https://mops.gmina.pl/".into(),
            photos_of_people: false,
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        let config = crate::config::from_yaml(&site_yaml(&answers, date));
        assert_eq!(config.title, answers.name);
        assert_eq!(
            config.organisation.name.as_deref(),
            Some(answers.name.as_str())
        );
        assert_eq!(
            config.organisation.address.as_deref(),
            Some(answers.address.as_str())
        );
        assert!(config.images.require_consent);
        assert_eq!(
            config.accessibility.statement.published.as_deref(),
            Some("2026-12-01")
        );
        // What is left to do is the statement's and the privacy notice's TODO lines, which
        // every build points out.
        let fields = |config: &crate::config::Config| -> Vec<String> {
            let mut fields: Vec<String> = config
                .warnings
                .0
                .iter()
                .filter_map(|d| d.field.clone())
                .collect();
            fields.sort();
            fields
        };
        let statement = [
            "accessibility.statement.architecture",
            "accessibility.statement.contact",
            "accessibility.statement.status",
            "privacy.data_protection_officer",
        ];
        assert_eq!(fields(&config), statement);
        let examples = Given::default()
            .or_examples()
            .expect("the examples are valid");
        let config = crate::config::from_yaml(&site_yaml(&examples, date));
        let mut with_address = statement.to_vec();
        with_address.push("base_url");
        with_address.sort();
        assert_eq!(fields(&config), with_address, "the example address too");
    }
}
