//! `tablica check --external` (issue 15): the links to other sites of a real fixture site,
//! asked of a real HTTP server this test starts on 127.0.0.1 (no Internet needed), which
//! answers as the sites of the web do: found, gone, moved, refusing `HEAD`, too slow, busy.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{stderr, stdout, TestSite};

/// The requests the server was sent: (method, path, user agent).
type Log = Arc<Mutex<Vec<(String, String, String)>>>;

/// A server on 127.0.0.1 answering each path as below, each request on its own thread (so a
/// slow answer holds up no other). Returns its address and the log of requests.
fn other_site() -> (String, Log) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("server");
    let address = server.server_addr().to_ip().expect("an IP address");
    let log: Log = Arc::default();
    let seen = Arc::clone(&log);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let method = request.method().to_string();
            let path = request.url().to_string();
            let agent = (request.headers().iter())
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            let before = {
                let mut log = seen.lock().expect("log");
                let before = log.iter().filter(|(_, p, _)| *p == path).count();
                log.push((method.clone(), path.clone(), agent));
                before
            };
            std::thread::spawn(move || {
                let header = |name: &str, value: &str| {
                    tiny_http::Header::from_bytes(name, value).expect("a header")
                };
                let status = |code: u16| tiny_http::Response::empty(code);
                let response = match path.as_str() {
                    "/gone" | "/menu-gone" => status(404),
                    "/old" => status(301).with_header(header("Location", "/new")),
                    "/for-now" => status(302).with_header(header("Location", "/new")),
                    "/round" => status(302).with_header(header("Location", "/round")),
                    "/no-head" if method == "HEAD" => status(405),
                    "/slow" => {
                        std::thread::sleep(Duration::from_secs(4));
                        status(200)
                    }
                    "/busy" if before == 0 => status(429).with_header(header("Retry-After", "1")),
                    "/very-busy" => status(429).with_header(header("Retry-After", "3600")),
                    "/ok" | "/new" | "/no-head" | "/busy" => status(200),
                    _ => status(500),
                };
                let _ = request.respond(response);
            });
        }
    });
    (format!("http://{address}"), log)
}

/// The address of a port on 127.0.0.1 where nothing listens (any more).
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    format!("http://{}", listener.local_addr().expect("address"))
}

/// A site linking to every path of `other` from two posts and its menu, with
/// `checks:` as given.
fn site_linking_to(other: &str, checks: &str) -> TestSite {
    let yaml = format!(
        "title: MOPS Testowo\nbase_url: https://mops.example.org/\norganisation:\n  name: MOPS w Testowie\n\
         menu:\n  - {{ title: Aktualności, url: /aktualnosci/ }}\n  - {{ title: Gmina, url: \"{other}/menu-gone\" }}\n\
         checks:\n{checks}"
    );
    let site = TestSite::with_config(&yaml);
    site.post(
        "a",
        "title: Pierwszy\ndate: 2026-11-20",
        &format!(
            "Strona [znaleziona]({other}/ok).\n\n\
             Strona [usunięta]({other}/gone).\n\n\
             Strona [przeniesiona]({other}/old) i [chwilowo gdzie indziej]({other}/for-now#sekcja).\n\n\
             Serwer [bez HEAD]({other}/no-head) i [powolny]({other}/slow).\n\n\
             Serwer [zajęty]({other}/busy) i [bardzo zajęty]({other}/very-busy).\n\n\
             Strona [w kółko]({other}/round).\n\n\
             Napisz na [adres e-mail](mailto:mops@example.org), zadzwoń pod [numer](tel:+48123456789),\n\
             zobacz [pominięty serwis](https://pominiety.invalid/strona) i [o nas](/o-nas/)."
        ),
    );
    site.post(
        "b",
        "title: Drugi\ndate: 2026-11-21",
        &format!(
            "Znowu [usunięta]({other}/gone) i [znaleziona]({other}/ok#góra).\n\n\
             Serwer [wyłączony]({}/).",
            closed_port()
        ),
    );
    site.page("o-nas", "title: O nas", "Tekst.");
    site
}

/// The default theme's one link to another site (the Ombudsman's, on the accessibility
/// statement) is skipped: the test has no Internet.
const SKIP: &str = "  external_skip: [pominiety.invalid, https://bip.brpo.gov.pl/]\n";

fn checks(lines: &str) -> String {
    format!("{lines}  external_timeout: 1\n{SKIP}")
}

#[test]
fn links_to_other_sites_are_asked_once_each_and_reported_with_file_and_line() {
    let (other, log) = other_site();
    let site = site_linking_to(&other, &checks("  external_links: error\n"));
    let out = site.run(&["check", "--external"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{}\n{err}", stdout(&out));

    let expected = [
        format!("error: content/posts/a.md:7: the link `{other}/gone` answers with the error 404"),
        format!("error: content/posts/b.md:5: the link `{other}/gone` answers with the error 404"),
        format!("warning: content/posts/a.md:9: the link `{other}/old` has moved for good to `{other}/new`"),
        format!("error: content/posts/a.md:11: the link `{other}/slow` got no answer within 1 s"),
        format!("warning: content/posts/a.md:13: the link `{other}/very-busy` was not checked: its site asks to be asked later"),
        format!("error: content/posts/a.md:15: the link `{other}/round` is sent on more than 5 times"),
        "error: content/posts/b.md:7: the link `http://127.0.0.1:".to_string(),
        "cannot be reached: the server refused the connection".to_string(),
        format!("error: content/site.yaml: the link `{other}/menu-gone` answers with the error 404 (on the page `https://mops.example.org/"),
    ];
    for line in &expected {
        assert!(err.contains(line.as_str()), "missing {line:?} in:\n{err}");
    }
    assert!(err.contains("hint: the page was moved or removed"), "{err}");
    assert!(
        err.contains("hint: write the new address in the link"),
        "{err}"
    );
    // The menu's link is on every page, reported once.
    assert_eq!(common::count(&err, "/menu-gone"), 1, "{err}");
    // Found, refusing HEAD, moved for now, busy for a second, mail, phone and skipped: fine.
    for fine in [
        "/ok", "/new", "/no-head", "/for-now", "/busy", "mailto:", "tel:",
    ] {
        let reported = format!(
            "the link `{}{fine}",
            if fine.starts_with('/') { &other } else { "" }
        );
        assert!(!err.contains(&reported), "{fine} reported:\n{err}");
    }
    assert!(!err.contains("pominiety") && !err.contains("brpo"), "{err}");
    assert!(err.contains("6 errors in the content found"), "{err}");

    let log = log.lock().expect("log").clone();
    let heads = |path: &str| {
        (log.iter())
            .filter(|(m, p, _)| m == "HEAD" && p == path)
            .count()
    };
    // Each address once, however many pages link to it; HEAD first, GET only when HEAD fails.
    for path in [
        "/ok",
        "/gone",
        "/old",
        "/for-now",
        "/no-head",
        "/slow",
        "/menu-gone",
    ] {
        assert_eq!(heads(path), 1, "{path}: {log:?}");
    }
    assert_eq!(
        heads("/busy"),
        2,
        "asked again after its Retry-After: {log:?}"
    );
    let gets = |path: &str| {
        (log.iter())
            .filter(|(m, p, _)| m == "GET" && p == path)
            .count()
    };
    assert_eq!((gets("/ok"), gets("/no-head"), gets("/gone")), (0, 1, 1));
    assert!(
        log.iter()
            .all(|(_, _, agent)| agent.starts_with("tablica/")),
        "{log:?}"
    );
}

#[test]
fn a_build_and_a_plain_check_ask_no_other_site() {
    let (other, log) = other_site();
    let site = site_linking_to(&other, &checks("  external_links: error\n"));
    site.build_ok();
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(*log.lock().expect("log"), Vec::new());
}

#[test]
fn warnings_by_default_in_polish_for_a_polish_site() {
    let (other, _log) = other_site();
    let site = site_linking_to(&other, &checks(""));
    let out = site
        .command(&["check", "--external"])
        .env_remove("TABLICA_LANG")
        .output()
        .expect("run tablica");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for line in [
        format!("ostrzeżenie: content/posts/a.md:7: odnośnik `{other}/gone` odpowiada błędem 404"),
        format!("odnośnik `{other}/old` został na stałe przeniesiony pod `{other}/new`"),
        format!("odnośnik `{other}/slow` nie dostał odpowiedzi w ciągu 1 s"),
        "wskazówka: strona została przeniesiona albo usunięta".to_string(),
        "nie da się połączyć z adresem odnośnika `http://127.0.0.1:".to_string(),
        "serwer odmówił połączenia".to_string(),
    ] {
        assert!(err.contains(&line), "missing {line:?} in:\n{err}");
    }
}

#[test]
fn a_time_to_answer_out_of_range_is_named_with_its_line() {
    let site = TestSite::with_config(&format!(
        "{}checks:\n  external_timeout: 0\n",
        common::SITE_YAML
    ));
    let err = common::content_errors(&site.run(&["check"]));
    assert!(
        err.contains("content/site.yaml:10: field `checks.external_timeout`: the time for another site to answer must be from 1 to 300 seconds"),
        "{err}"
    );
}
