//! The language of messages: Polish for a Polish site or, outside a site, a Polish system;
//! English otherwise; `--lang` chooses. Run with the real binary on real sites.

mod common;

use std::process::{Command, Output};

use common::{stderr, stdout, TestSite, SITE_YAML};

/// `tablica <args>` in `site` with no language chosen by the tests' helper and the system's
/// locale variables set to `locale` (`LANG`; `LC_ALL` and `LC_MESSAGES` unset).
fn run_in(site: &TestSite, locale: &str, args: &[&str]) -> Output {
    let mut command: Command = site.command(args);
    command
        .env_remove("TABLICA_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale);
    command.output().expect("run tablica")
}

/// A Polish site (the default language) whose settings use a real domain.
fn polish_site() -> TestSite {
    let site = TestSite::with_config(&SITE_YAML.replace("mops.example.org", "mops.testowo.pl"));
    site.post(
        "2026-11-20-spotkanie",
        "title: Spotkanie\ndate: 2026-11-20",
        "Tekst.",
    );
    site
}

#[test]
fn a_polish_site_reports_its_build_in_polish_with_polish_plurals() {
    let site = polish_site();
    let out = run_in(&site, "en_GB.UTF-8", &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("zbudowano: 1 wpis, 0 projektów, "),
        "the site's language wins over the system's:\n{said}"
    );
    assert!(
        said.contains(" plików w ") || said.contains(" pliki w "),
        "{said}"
    );
    // Two more posts: "3 wpisy".
    for day in [21, 22] {
        site.post(
            &format!("2026-11-{day}-wpis-{day}"),
            &format!("title: Wpis {day}\ndate: 2026-11-{day}"),
            "Tekst.",
        );
    }
    let out = run_in(&site, "en_GB.UTF-8", &["build"]);
    let said = stdout(&out);
    assert!(
        said.starts_with("zbudowano: 3 wpisy, "),
        "{said}{}",
        stderr(&out)
    );
    let said = stdout(&run_in(&site, "en_GB.UTF-8", &["build"]));
    assert!(
        said.starts_with("bez zmian: od ostatniego budowania nic się nie zmieniło (3 wpisy, "),
        "{said}"
    );
}

#[test]
fn lang_chooses_english_for_a_polish_site_and_english_plurals_are_right() {
    let site = polish_site();
    let out = run_in(&site, "pl_PL.UTF-8", &["build", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.starts_with("built: 1 post, 0 projects, "), "{said}");
    // Before the subcommand too.
    let out = run_in(&site, "pl_PL.UTF-8", &["--lang", "en", "build", "--force"]);
    assert!(
        stdout(&out).starts_with("built: 1 post, "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_polish_error_names_file_line_field_and_hint() {
    let site = polish_site();
    site.post(
        "2026-11-21-literowka",
        "title: Literówka\ndate: 2026-11-21\ntgas: [festyn]",
        "Tekst.",
    );
    let out = run_in(&site, "en_GB.UTF-8", &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains(
            "błąd: content/posts/2026-11-21-literowka.md:4: pole `tgas`: nieznane pole `tgas`\n  wskazówka: czy chodziło o `tags`?"
        ),
        "{said}"
    );
    assert!(
        said.contains("1 błąd w treści: niczego nie zapisano"),
        "{said}"
    );
    // The same in English when asked for.
    let said = stderr(&run_in(&site, "en_GB.UTF-8", &["build", "--lang", "en"]));
    assert!(
        said.contains("error: content/posts/2026-11-21-literowka.md:4: field `tgas`: unknown field `tgas`\n  hint: did you mean `tags`?"),
        "{said}"
    );
}

#[test]
fn outside_a_site_the_system_language_chooses() {
    let empty = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    let out = run_in(&empty, "pl_PL.UTF-8", &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("błąd: content/site.yaml: brak pliku ustawień strony"),
        "{}",
        stderr(&out)
    );
    let out = run_in(&empty, "en_US.UTF-8", &["build"]);
    assert!(
        stderr(&out).contains("error: content/site.yaml: the site settings file is missing"),
        "{}",
        stderr(&out)
    );
    // LC_ALL wins over LANG.
    let mut command = empty.command(&["build"]);
    command
        .env_remove("TABLICA_LANG")
        .env("LC_ALL", "pl_PL.UTF-8")
        .env("LANG", "en_US.UTF-8");
    let out = command.output().expect("run tablica");
    assert!(
        stderr(&out).contains("brak pliku ustawień"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_is_in_the_chosen_language() {
    let empty = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    let out = run_in(&empty, "pl_PL.UTF-8", &["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for expected in [
        "Użycie:",
        "Polecenia",
        "Buduje stronę w folderze public/",
        "Zakłada nową stronę",
        "Wyświetla pomoc",
    ] {
        assert!(help.contains(expected), "{expected:?} in:\n{help}");
    }
    let help = stdout(&run_in(&empty, "pl_PL.UTF-8", &["build", "--help"]));
    assert!(
        help.contains("Publikuje także dokumenty oznaczone `draft: true`."),
        "{help}"
    );
    assert!(help.contains("Kod wyjścia"), "{help}");
    let help = stdout(&run_in(
        &empty,
        "pl_PL.UTF-8",
        &["--lang", "en", "new", "--help"],
    ));
    assert!(
        help.contains("The organisation's e-mail address."),
        "{help}"
    );
    assert!(help.contains("Usage:"), "{help}");
}

#[test]
fn an_example_base_url_is_a_warning_on_every_build_until_changed() {
    let site = TestSite::new();
    site.post("2026-11-20-a", "title: A\ndate: 2026-11-20", "Tekst.");
    let warning = "warning: content/site.yaml:2: field `base_url`: `base_url` still points at the example domain `mops.example.org`";
    let first = site.build_ok();
    assert!(stderr(&first).contains(warning), "{}", stderr(&first));
    assert!(stderr(&first).contains("hint: write the address the site will be published at"));
    // Nothing changed: the build is skipped, the warning is not.
    let second = site.build_ok();
    assert!(
        stdout(&second).starts_with("up to date"),
        "{}",
        stdout(&second)
    );
    assert!(stderr(&second).contains(warning), "{}", stderr(&second));
    // In Polish for a Polish site.
    let said = stderr(&run_in(&site, "pl_PL.UTF-8", &["build", "--force"]));
    assert!(
        said.contains("ostrzeżenie: content/site.yaml:2: pole `base_url`: `base_url` wciąż wskazuje przykładową domenę `mops.example.org`"),
        "{said}"
    );
    // A real address: no warning.
    site.write(
        "content/site.yaml",
        &SITE_YAML.replace("mops.example.org", "mops.testowo.pl"),
    );
    let out = site.build_ok();
    assert!(!stderr(&out).contains("base_url"), "{}", stderr(&out));
}

#[test]
fn a_refused_output_folder_is_explained_in_polish() {
    let site = polish_site();
    let out = run_in(
        &site,
        "en_GB.UTF-8",
        &["build", "--output", "content/strona"],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.starts_with("błąd: strona nie zostanie zapisana do "),
        "{said}"
    );
    assert!(said.contains(": leży w folderze content/ strony\n  wskazówka: wybierz folder wynikowy poza folderami strony"), "{said}");
    assert!(
        said.ends_with("niczego nie zapisano; poprzednia wersja strony została bez zmian.\n"),
        "{said}"
    );
}

/// "plik", "pliki" or "plików": the form Polish gives `n` files.
fn pliki(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        _ if n == 1 => "plik",
        (2..=4, t) if !(12..=14).contains(&t) => "pliki",
        _ => "plików",
    }
}

/// The number at the start of `text` ("12 plików…" → 12).
fn leading_number(text: &str) -> usize {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in {text:?}"))
}

#[test]
fn a_polish_site_deploys_with_polish_summary_dry_run_and_errors() {
    let target = tempfile::tempdir().expect("temp dir");
    let site = TestSite::with_config(&format!(
        "{}deploy:\n  pendrive:\n    type: folder\n    path: {}\n",
        SITE_YAML.replace("mops.example.org", "mops.testowo.pl"),
        target.path().display()
    ));
    site.post(
        "2026-11-20-spotkanie",
        "title: Spotkanie\ndate: 2026-11-20",
        "Tekst.",
    );
    let out = run_in(&site, "en_GB.UTF-8", &["deploy"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    let summary = said
        .lines()
        .find_map(|l| l.strip_prefix("opublikowano w `pendrive`: wysłano "))
        .unwrap_or_else(|| panic!("no Polish summary in:\n{said}"));
    let sent = leading_number(summary);
    assert!(sent > 1, "{summary}");
    assert!(
        summary.starts_with(&format!("{sent} {} (", pliki(sent))),
        "{summary}"
    );
    assert!(
        summary.contains("), usunięto 0, bez zmian 0, czas: ") && summary.ends_with(" s"),
        "{summary}"
    );

    let said = stdout(&run_in(&site, "en_GB.UTF-8", &["deploy"]));
    assert!(
        said.contains(&format!(
            "aktualne: w `pendrive` jest już ta wersja strony ({sent} {})",
            pliki(sent)
        )),
        "{said}"
    );

    site.post(
        "2026-11-21-festyn",
        "title: Festyn\ndate: 2026-11-21",
        "Tekst.",
    );
    let out = run_in(&site, "en_GB.UTF-8", &["deploy", "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    // The marks are aligned to the longest, "do usunięcia".
    assert!(
        said.lines()
            .any(|l| l.starts_with(&format!("  {:<12} ", "nowy")) && l.contains("index.html (")),
        "{said}"
    );
    assert!(
        said.lines()
            .any(|l| l.starts_with(&format!("  {:<12} ", "zmieniony"))),
        "{said}"
    );
    let summary = said
        .lines()
        .find_map(|l| l.strip_prefix("próbne uruchomienie: wysłano by "))
        .unwrap_or_else(|| panic!("no Polish dry-run summary in:\n{said}"));
    let would = leading_number(summary);
    assert!(
        summary.starts_with(&format!("{would} {} (", pliki(would))),
        "{summary}"
    );
    assert!(
        summary.ends_with("; w miejscu publikacji `pendrive` niczego nie zmieniono"),
        "{summary}"
    );

    let out = run_in(&site, "en_GB.UTF-8", &["deploy", "--no-build", "serwer"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "błąd: site.yaml nie ma miejsca publikacji `serwer`\n  wskazówka: miejsca publikacji to: pendrive\n"
    );
}

#[test]
fn mistakes_on_the_command_line_are_explained_in_polish() {
    let site = polish_site();
    // A misspelt option, with clap's suggestion, in Polish; exit status 2 as clap's own.
    let out = run_in(&site, "pl_PL.UTF-8", &["build", "--draft"]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.starts_with("błąd: nieznana opcja `--draft`"), "{said}");
    assert!(said.contains("czy chodziło o `--drafts`?"), "{said}");
    assert!(
        said.contains("wskazówka: `tablica --help` pokazuje polecenia"),
        "{said}"
    );
    // An unknown command, and a value outside the allowed ones.
    let said = stderr(&run_in(&site, "pl_PL.UTF-8", &["buduj"]));
    assert!(
        said.starts_with("błąd: nieznane polecenie `buduj`"),
        "{said}"
    );
    let said = stderr(&run_in(&site, "pl_PL.UTF-8", &["build", "--lang", "de"]));
    assert!(
        said.contains("`de` to niepoprawna wartość opcji `--lang"),
        "{said}"
    );
    assert!(said.contains("możliwe wartości: pl, en"), "{said}");
    assert!(!said.contains("error:"), "no English left:\n{said}");
    // English keeps clap's own wording.
    let said = stderr(&run_in(
        &site,
        "pl_PL.UTF-8",
        &["--lang", "en", "build", "--draft"],
    ));
    assert!(
        said.starts_with("error: unexpected argument '--draft'"),
        "{said}"
    );
}
