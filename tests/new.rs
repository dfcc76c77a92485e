//! `tablica new`: the organisation's details from options or asked for, written into a
//! site.yaml that builds, with the consent gate on and an accessibility statement to complete.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{stderr, stdout};

/// `tablica <args>` in `dir` with messages in `lang`, `input` on standard input (a pipe, not
/// a terminal).
fn run(dir: &Path, lang: &str, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tablica"))
        .args(args)
        .current_dir(dir)
        .env("TABLICA_LANG", lang)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tablica");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write answers");
    drop(stdin);
    child.wait_with_output().expect("wait for tablica")
}

fn settings(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("nowa/content/site.yaml")).expect("site.yaml written")
}

#[test]
fn options_give_every_detail_and_the_site_builds_warning_only_about_the_statement() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = run(
        tmp.path(),
        "pl",
        &[
            "new",
            "nowa",
            "--name",
            "MOPS w Testowie: \"Pomoc\" # 1",
            "--address",
            "ul. Długa 5, 00-950 Testowo",
            "--email",
            "mops@testowo.pl",
            "--phone",
            "+48 22 123 45 67",
            "--base-url",
            "https://mops.testowo.pl",
            "--photos-of-people",
            "no",
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("Utworzono nową stronę w nowa."), "{said}");
    assert!(said.contains("tablica serve --root nowa"), "{said}");
    assert!(said.contains("deklarację dostępności"), "{said}");
    assert!(
        !said.contains("przykład"),
        "a real address needs no warning:\n{said}"
    );
    let yaml = settings(tmp.path());
    for expected in [
        r#"name: "MOPS w Testowie: \"Pomoc\" # 1""#,
        r#"address: "ul. Długa 5, 00-950 Testowo""#,
        r#"email: "mops@testowo.pl""#,
        r#"phone: "+48 22 123 45 67""#,
        "base_url: https://mops.testowo.pl/",
        "require_consent: true",
        "statement:",
        "TODO",
    ] {
        assert!(yaml.contains(expected), "{expected:?} in:\n{yaml}");
    }
    let out = run(tmp.path(), "pl", &["build", "--root", "nowa"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let warnings = stderr(&out);
    assert!(
        !warnings.contains("base_url"),
        "a real address:\n{warnings}"
    );
    // The statement's TODO lines are what is left to do, and every build says so, in Polish.
    assert!(
        warnings.contains("ostrzeżenie: content/site.yaml:")
            && warnings.contains("pole `accessibility.statement.architecture`: deklaracja dostępności nie opisuje budynku urzędu"),
        "{warnings}"
    );
    let home = std::fs::read_to_string(tmp.path().join("nowa/public/index.html")).expect("home");
    assert!(
        home.contains("MOPS w Testowie: "),
        "the name is on the page"
    );
}

#[test]
fn yes_takes_the_examples_and_the_example_address_is_pointed_out() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = run(tmp.path(), "en", &["new", "nowa", "--yes"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("The site's address is still an example"),
        "{said}"
    );
    assert!(settings(tmp.path()).contains("base_url: https://example.org/"));
    let out = run(tmp.path(), "en", &["build", "--root", "nowa"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: content/site.yaml:3: field `base_url`: `base_url` still points at the example domain `example.org`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ask_reads_answers_and_asks_again_after_a_wrong_one() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // Name, address, a wrong e-mail then a right one, phone (Enter: the example), a wrong
    // address then a right one, a wrong yes/no then "nie".
    let answers = "Gminny Ośrodek\nul. Polna 1\nmops(at)gmina\nmops@gmina.pl\n\nmops.gmina.pl\nhttps://mops.gmina.pl/\nmoże\nnie\n";
    let out = run(tmp.path(), "pl", &["new", "nowa", "--ask"], answers);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    for expected in [
        "Nazwa organizacji [Nasz Ośrodek]: ",
        "`mops(at)gmina` to nie jest adres e-mail",
        "`mops.gmina.pl` to nie jest adres strony",
        "odpowiedz tak albo nie",
        "Czy będziecie publikować zdjęcia, na których widać ludzi? (tak/nie) [tak]: ",
    ] {
        assert!(said.contains(expected), "{expected:?} in:\n{said}");
    }
    assert_eq!(
        said.matches("Adres e-mail [").count(),
        2,
        "asked twice:\n{said}"
    );
    let yaml = settings(tmp.path());
    assert!(yaml.contains(r#"name: "Gminny Ośrodek""#), "{yaml}");
    assert!(yaml.contains(r#"email: "mops@gmina.pl""#), "{yaml}");
    assert!(yaml.contains(r#"phone: "+48 22 000 00 00""#), "{yaml}");
    assert!(yaml.contains("base_url: https://mops.gmina.pl/"), "{yaml}");
    assert!(yaml.contains("Nie planujecie zdjęć"), "{yaml}");
}

#[test]
fn options_are_checked_and_answers_that_run_out_are_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = run(
        tmp.path(),
        "en",
        &["new", "nowa", "--yes", "--email", "nobody"],
        "",
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("`nobody` is not an e-mail address"),
        "{}",
        stderr(&out)
    );
    assert!(!tmp.path().join("nowa").exists(), "nothing is created");
    let out = run(tmp.path(), "en", &["new", "nowa", "--ask"], "Only a name\n");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("no more answers on standard input"),
        "{}",
        stderr(&out)
    );
}

/// `new` writes the automatic builds: GitHub Actions and GitLab CI (on a change, every
/// morning, then publish), and a systemd service and timer for a server, for this version.
/// `tests/package/check-workflows.sh` lints the same files with actionlint and the schemas.
#[test]
fn new_writes_ready_ci_workflows_and_a_server_timer() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = run(tmp.path(), "pl", &["new", "nowa", "--yes"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let site = tmp.path().join("nowa");
    let read = |rel: &str| {
        std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    let version = format!("v{}", env!("CARGO_PKG_VERSION"));
    let github = read(".github/workflows/strona.yml");
    assert!(github.contains("  push:\n    branches: [main]"), "{github}");
    assert!(github.contains("    - cron: \"15 4 * * *\""));
    assert!(github.contains("uses: actions/deploy-pages@"));
    assert!(github.contains("secrets.TABLICA_DEPLOY_PASSWORD"));
    assert!(github.contains("tablica deploy \"$TARGET\" --no-build"));
    let gitlab = read(".gitlab-ci.yml");
    assert!(gitlab.contains("\npages:\n"), "{gitlab}");
    assert!(gitlab.contains("Pipeline schedules"));
    assert!(gitlab.contains("tablica deploy \"$TABLICA_DEPLOY_TARGET\""));
    for text in [&github, &gitlab] {
        assert!(text.contains(&format!("TABLICA_VERSION: {version}\n")));
        assert!(!text.contains("__"), "a placeholder left: {text}");
    }
    let service = read("serwer/tablica-strona.service");
    assert!(service.contains("ExecStart=/usr/bin/tablica deploy serwer"));
    let timer = read("serwer/tablica-strona.timer");
    assert!(timer.contains("OnCalendar=*-*-* 05:15:00\nPersistent=true"));
    // They are beside the content, not in it: the new site builds as before.
    let built = run(&site, "pl", &["build"], "");
    assert!(built.status.success(), "{}", stderr(&built));
}
