//! `tablica new`: a small working site to start from.

use std::fs;
use std::io;
use std::path::Path;

const SITE_YAML: &str = r#"title: Nasz Ośrodek
language: pl
base_url: https://example.org/
description: Aktualności i projekty naszego ośrodka
organisation:
  name: Nasz Ośrodek
  address: ul. Przykładowa 1, 00-001 Miasto
  email: kontakt@example.org
  phone: "+48 22 000 00 00"
menu:
  - { title: Aktualności, url: /aktualnosci/ }
  - { title: Projekty, url: /projekty/ }
  - { title: O nas, url: /o-nas/ }
posts_per_page: 10
"#;

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

const GITIGNORE: &str = "/public\n/.tablica-cache\n/.tablica-secrets.yaml\n";

/// Creates a new site in `dir`, which must not exist or be empty.
pub fn create(dir: &Path) -> io::Result<()> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the folder is not empty",
        ));
    }
    let content = dir.join("content");
    fs::create_dir_all(content.join("posts/pierwszy-wpis"))?;
    fs::create_dir_all(content.join("projects"))?;
    fs::create_dir_all(content.join("pages"))?;
    fs::create_dir_all(dir.join("themes/default"))?;
    fs::write(content.join("site.yaml"), SITE_YAML)?;
    fs::write(content.join("posts/pierwszy-wpis/index.md"), POST)?;
    fs::write(content.join("projects/przykladowy-projekt.md"), PROJECT)?;
    fs::write(content.join("pages/o-nas.md"), PAGE)?;
    fs::write(dir.join(".gitignore"), GITIGNORE)?;
    example_photo()
        .save_with_format(
            content.join("posts/pierwszy-wpis/zdjecie.jpg"),
            image::ImageFormat::Jpeg,
        )
        .map_err(io::Error::other)
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
