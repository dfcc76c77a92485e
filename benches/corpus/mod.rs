//! A deterministic corpus of realistic posts for benchmarks: Polish text with diacritics,
//! headings, lists, links, tags, categories and projects. The same seed gives the same site.

// Shared by several benchmarks; each uses a part of it.
#![allow(dead_code)]

pub mod photos;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// A small linear congruential generator: deterministic and dependency-free.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "ośrodek",
    "pomocy",
    "społecznej",
    "mieszkańcy",
    "warsztaty",
    "spotkanie",
    "seniorzy",
    "wolontariusze",
    "projekt",
    "uczestnicy",
    "rodziny",
    "dzieci",
    "młodzież",
    "świetlica",
    "zajęcia",
    "integracja",
    "aktywność",
    "lokalna",
    "inicjatywa",
    "gmina",
    "miasto",
    "źródło",
    "wsparcie",
    "doradztwo",
    "szkolenie",
    "kurs",
    "komputerowy",
    "kulinarny",
    "artystyczny",
    "spacer",
    "wycieczka",
    "piknik",
    "rodzinny",
    "sąsiedzki",
    "festyn",
    "zbiórka",
    "żywności",
    "odzieży",
    "książek",
    "zabawek",
    "dyżur",
    "asystent",
    "rodziny",
    "poradnictwo",
    "psycholog",
    "prawnik",
    "bezpłatne",
    "porady",
    "zapisy",
    "telefonicznie",
    "osobiście",
    "sekretariat",
    "czwartek",
    "wtorek",
    "sobota",
    "listopad",
    "grudzień",
    "styczeń",
    "wiosna",
    "jesień",
    "Łódź",
    "Kraków",
    "Gdańsk",
    "Jarzębinów",
    "Żółkiewka",
    "Ślęża",
    "także",
    "również",
    "dziękujemy",
    "zapraszamy",
    "serdecznie",
    "wszystkich",
    "chętnych",
    "udział",
    "wzięło",
    "osób",
    "godzin",
    "miejsc",
    "grupa",
    "zespół",
    "koordynator",
    "partnerzy",
    "fundacja",
    "stowarzyszenie",
    "klub",
    "biblioteka",
    "dom",
    "kultury",
    "szkoła",
    "przedszkole",
];

const TAGS: &[&str] = &[
    "Seniorzy",
    "Wolontariat",
    "Rodzina",
    "Dzieci",
    "Młodzież",
    "Aktywizacja zawodowa",
    "Integracja",
    "Warsztaty",
    "Zdrowie",
    "Kultura",
    "Sport",
    "Ekologia",
    "Bezpieczeństwo",
    "Cyfryzacja",
    "Niepełnosprawność",
    "Mieszkańcy",
    "Sąsiedztwo",
    "Edukacja",
    "Porady",
    "Zbiórki",
    "Święta",
    "Lato",
    "Zima",
    "Wycieczki",
    "Kuchnia",
    "Sztuka",
    "Muzyka",
    "Czytelnictwo",
    "Pomoc prawna",
    "Psychologia",
    "Dom dziennego pobytu",
    "Klub seniora",
    "Świetlica",
    "Asystent rodziny",
    "Dofinansowanie UE",
    "Konkurs",
    "Ogłoszenie",
    "Rekrutacja",
    "Praca",
    "Mieszkania",
];

const CATEGORIES: &[&str] = &["Wydarzenia", "Ogłoszenia", "Projekty", "Komunikaty"];

const PROJECTS: &[&str] = &[
    "razem-aktywni",
    "senior-w-sieci",
    "asystent-rodziny",
    "klub-sasiedzki",
    "lato-w-miescie",
    "cyfrowa-gmina",
    "zdrowy-senior",
    "mlodziez-dziala",
];

fn sentence(rng: &mut Lcg) -> String {
    let n = 6 + rng.below(10);
    let mut s = String::new();
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                s.extend(first.to_uppercase());
                s.push_str(chars.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn body(rng: &mut Lcg, words: usize) -> String {
    let mut out = String::new();
    let mut written = 0;
    let mut section = 1;
    while written < words {
        if written > 0 && rng.below(4) == 0 {
            let _ = writeln!(out, "## Część {section}: {}\n", rng.pick(WORDS));
            section += 1;
        }
        match rng.below(6) {
            0 => {
                for _ in 0..3 + rng.below(3) {
                    let _ = writeln!(out, "- {}", sentence(rng));
                    written += 8;
                }
                out.push('\n');
            }
            1 => {
                let _ = writeln!(
                    out,
                    "Więcej informacji w [ogłoszeniu o naborze](/aktualnosci/) i na stronie [projektu](/projekty/{}/).\n",
                    rng.pick(PROJECTS)
                );
                written += 12;
            }
            _ => {
                let mut p = String::new();
                for _ in 0..3 + rng.below(4) {
                    p.push_str(&sentence(rng));
                    p.push(' ');
                    written += 10;
                }
                let _ = writeln!(out, "{}\n", p.trim_end());
            }
        }
    }
    out
}

/// Writes a site with `posts` posts and the example projects into `root`.
pub fn generate(root: &Path, posts: usize, seed: u64) {
    let mut rng = Lcg::new(seed);
    let content = root.join("content");
    fs::create_dir_all(content.join("posts")).expect("create content/posts");
    fs::create_dir_all(content.join("projects")).expect("create content/projects");
    fs::write(
        content.join("site.yaml"),
        "title: MOPS Benchmarkowo\nbase_url: https://mops.benchmarkowo.pl/\nlanguage: pl\n\
         description: Wiadomości ośrodka pomocy społecznej\norganisation:\n  name: Miejski Ośrodek Pomocy Społecznej\n\
         menu:\n  - { title: Aktualności, url: /aktualnosci/ }\n  - { title: Projekty, url: /projekty/ }\nposts_per_page: 10\n\
         accessibility:\n  statement:\n    published: 2024-03-01\n    updated: 2026-11-20\n    status: full\n\
         \x20   prepared: 2024-03-01\n    reviewed: 2026-11-20\n    method: self-assessment\n\
         \x20   contact: { name: Anna Nowak, email: dostepnosc@mops.benchmarkowo.pl, phone: +48 22 555 01 17 }\n\
         \x20   architecture: [Budynek ma podjazd i windę.]\n",
    )
    .expect("write site.yaml");
    for (i, slug) in PROJECTS.iter().enumerate() {
        let text = format!(
            "---\ntitle: Projekt {slug}\nstatus: {}\nstart: 2020-01-01\n---\n{}",
            if i % 2 == 0 { "ongoing" } else { "finished" },
            body(&mut rng, 200)
        );
        fs::write(content.join("projects").join(format!("{slug}.md")), text)
            .expect("write project");
    }
    for i in 0..posts {
        let year = 2026 - (i / 1000) as i32 % 15;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let words = 300 + rng.below(700);
        let tags: Vec<&str> = (0..1 + rng.below(3)).map(|_| rng.pick(TAGS)).collect();
        let project = if rng.below(3) == 0 {
            format!("project: {}\n", rng.pick(PROJECTS))
        } else {
            String::new()
        };
        let text = format!(
            "---\ntitle: \"Wiadomość {i}: {} {}\"\ndate: {year}-{month:02}-{day:02}\ntags: [{}]\ncategory: {}\n{project}---\n{}",
            rng.pick(WORDS),
            rng.pick(WORDS),
            tags.join(", "),
            rng.pick(CATEGORIES),
            body(&mut rng, words)
        );
        fs::write(
            content
                .join("posts")
                .join(format!("{year}-{month:02}-{day:02}-wiadomosc-{i}.md")),
            text,
        )
        .expect("write post");
    }
}

/// The file of post number `i` in a generated corpus.
pub fn post_file(root: &Path, i: usize) -> std::path::PathBuf {
    let posts = root.join("content/posts");
    let suffix = format!("-wiadomosc-{i}.md");
    fs::read_dir(&posts)
        .expect("read content/posts")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(&suffix))
        .expect("the post exists")
}
