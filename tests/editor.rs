//! `tablica edit` (Redakcja): the real binary on a free port, driven over HTTP as a browser
//! would (cookies, Origin, the forms as the pages give them), and by pages of other origins
//! that try to write. Every test checks the files on disk.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::TestSite;

const PATIENCE: Duration = Duration::from_secs(30);

/// A running `tablica edit` and a browser's cookie for it.
struct Redakcja {
    child: Child,
    port: u16,
    /// The one-time login link, when the editor asked for a login.
    login_link: Option<String>,
    cookie: Option<String>,
}

impl Drop for Redakcja {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: status, headers (names in lower case) and body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// The body as sent (a photo).
    bytes: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A form as a page gives it: each field's name and value, in order.
type Form = Vec<(String, String)>;

fn set(form: &mut Form, name: &str, value: &str) {
    match form.iter_mut().rev().find(|(n, _)| n == name) {
        Some(field) => field.1 = value.to_string(),
        None => form.push((name.to_string(), value.to_string())),
    }
}

fn get(form: &Form, name: &str) -> String {
    form.iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn encode(form: &Form) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (n, v) in form {
        out.append_pair(n, v);
    }
    out.finish()
}

/// The fields the form `action` of `html` would send, as a browser sends them: inputs
/// (checkboxes only when checked), selects and textareas, with the newline after
/// `<textarea>` dropped as HTML parsing drops it.
fn form_of(html: &str, action: &str) -> Form {
    let doc = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse(&format!("form[action=\"{action}\"]")).expect("selector");
    let form = doc
        .select(&selector)
        .next()
        .unwrap_or_else(|| panic!("no form {action} in {html}"));
    let fields = scraper::Selector::parse("input, select, textarea").expect("selector");
    let option = scraper::Selector::parse("option[selected]").expect("selector");
    // And the fields outside it that name it (`form="…"`), as a browser sends them.
    let outside = form
        .value()
        .id()
        .map(|id| scraper::Selector::parse(&format!("[form=\"{id}\"]")).expect("selector"));
    let mut out = Form::new();
    let named = outside.iter().flat_map(|sel| doc.select(sel));
    for el in form.select(&fields).chain(named) {
        let v = el.value();
        let Some(name) = v.attr("name") else { continue };
        let value = match v.name() {
            "textarea" => el.text().collect::<String>(),
            "select" => el
                .select(&option)
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or("")
                .to_string(),
            _ if v.attr("type") == Some("checkbox") && v.attr("checked").is_none() => continue,
            _ if v.attr("type") == Some("submit") => continue,
            _ => v.attr("value").unwrap_or("").to_string(),
        };
        out.push((name.to_string(), value));
    }
    out
}

impl Redakcja {
    fn start(site: &TestSite, extra: &[&str], password: Option<&str>) -> Redakcja {
        let mut args = vec!["edit", "--port", "0"];
        args.extend(extra);
        let mut command = site.command(&args);
        if let Some(p) = password {
            command.env("TABLICA_EDIT_PASSWORD", p);
        }
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tablica edit");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let line = rx.recv_timeout(PATIENCE).expect("edit prints its address");
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let login_link = rx
            .recv_timeout(Duration::from_millis(500))
            .ok()
            .and_then(|l| {
                l.split_once("http://")
                    .map(|(_, url)| format!("http://{url}"))
            });
        Redakcja {
            child,
            port,
            login_link,
            cookie: None,
        }
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A raw request with `headers`; the cookie from the last `Set-Cookie` is sent and kept.
    fn send(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n",
            self.port
        );
        if !headers.iter().any(|(n, _)| *n == "Content-Length") {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        if let Some(c) = &self.cookie {
            head.push_str(&format!("Cookie: {c}\r\n"));
        }
        for (n, v) in headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("send head");
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let bytes = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map_or(Vec::new(), |end| raw[end + 4..].to_vec());
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let reply = Reply {
            status,
            headers,
            body: body.to_string(),
            bytes,
        };
        if let Some(c) = reply.header("set-cookie") {
            let pair = c.split(';').next().unwrap_or("").to_string();
            self.cookie = (!pair.ends_with('=')).then_some(pair);
        }
        reply
    }

    fn get(&mut self, path: &str) -> Reply {
        self.send("GET", path, &[], b"")
    }

    /// Sends `form` to `path` as the editor's own page would.
    fn post(&mut self, path: &str, form: &Form) -> Reply {
        let origin = self.origin();
        let body = encode(form);
        self.send(
            "POST",
            path,
            &[
                ("Origin", &origin),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body.as_bytes(),
        )
    }

    /// The edit form of `rel` (under content/).
    fn open(&mut self, rel: &str) -> Form {
        let reply = self.get(&format!("/redakcja/edytuj?plik={}", enc(rel)));
        assert_eq!(reply.status, 200, "{}", reply.body);
        form_of(&reply.body, "/redakcja/zapisz")
    }
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

const POST: &str = "---\n# Napisane ręcznie: ten komentarz zostaje\ntitle: Warsztaty kulinarne   # roboczy tytuł\ndate: 2026-11-24\ntags:\n  - seniorzy\n  - warsztaty\ncategory: 'Wydarzenia'\n---\n\nTreść wpisu z **pogrubieniem**.\n\n## Program\n\n- gotowanie\n";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("content/posts/2026-11-24-warsztaty.md", POST);
    site.project("razem", "title: Razem\nstatus: ongoing", "Projekt.");
    site
}

fn history_of(site: &TestSite, rel: &str) -> Vec<String> {
    let dir = site.root().join(".redakcja/historia").join(rel);
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(e.path()).expect("a kept version");
        found.insert(e.file_name().to_string_lossy().into_owned(), text);
    }
    found.into_values().collect()
}

/// A file of the site (not of its output), as text.
fn disk(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn on_disk(site: &TestSite, rel: &str) -> bool {
    site.root().join(rel).exists()
}

const REL: &str = "posts/2026-11-24-warsztaty.md";
const FILE: &str = "content/posts/2026-11-24-warsztaty.md";

#[test]
fn the_session_cookie_is_strict_http_only_and_only_on_the_editor() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let list = r.get("/redakcja/");
    assert_eq!(list.status, 200);
    let cookie = list.header("set-cookie").expect("a session on 127.0.0.1");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/redakcja/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let csp = list.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(
        list.body.contains("Warsztaty kulinarne"),
        "the list shows the post"
    );
    r.cookie = None;
    let home = r.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.header("set-cookie").is_none(),
        "the public site never gets a cookie"
    );
    let refused = r.send("POST", "/", &[], b"");
    assert_eq!(
        refused.status, 405,
        "the preview stays read-only outside the editor"
    );
}

/// What a write is called, its headers and its body.
type Attempt<'a> = (&'a str, Vec<(&'a str, &'a str)>, String);

#[test]
fn writes_from_another_origin_or_without_the_token_are_refused_and_write_nothing() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let mut form = r.open(REL);
    set(&mut form, "f_title", "Przejęty tytuł");
    let body = encode(&form);
    let ours = r.origin();
    let urlencoded = ("Content-Type", "application/x-www-form-urlencoded");
    let attempts: Vec<Attempt> = vec![
        (
            "another origin",
            vec![("Origin", "http://evil.example"), urlencoded],
            body.clone(),
        ),
        (
            "a null origin",
            vec![("Origin", "null"), urlencoded],
            body.clone(),
        ),
        ("no origin nor referer", vec![urlencoded], body.clone()),
        (
            "a cross-site fetch",
            vec![
                ("Origin", &ours),
                ("Sec-Fetch-Site", "cross-site"),
                urlencoded,
            ],
            body.clone(),
        ),
        (
            "the referer of another site",
            vec![("Referer", "http://evil.example/redakcja/"), urlencoded],
            body.clone(),
        ),
        (
            "no CSRF token",
            vec![("Origin", &ours), urlencoded],
            body.replace("csrf=", "x="),
        ),
        ("a wrong CSRF token", vec![("Origin", &ours), urlencoded], {
            let mut f = form.clone();
            set(&mut f, "csrf", "zgadniety");
            encode(&f)
        }),
    ];
    for (what, headers, body) in attempts {
        let reply = r.send("POST", "/redakcja/zapisz", &headers, body.as_bytes());
        assert_eq!(reply.status, 403, "{what}: {}", reply.body);
        assert_eq!(disk(&site, FILE), POST, "{what} wrote nothing");
    }
    let saved_cookie = r.cookie.take();
    let reply = r.post("/redakcja/zapisz", &form);
    assert_eq!(reply.status, 403, "no session");
    r.cookie = saved_cookie;
    assert_eq!(disk(&site, FILE), POST);
    assert_eq!(
        r.post("/redakcja/zapisz", &form).status,
        303,
        "the page's own form saves"
    );
    assert!(disk(&site, FILE).contains("title: Przejęty tytuł\n"));
}

#[test]
fn no_path_leaves_content_and_no_request_is_unbounded() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let csrf = get(&r.open(REL), "csrf");
    for path in [
        "../content/site.yaml",
        "posts/../../content/site.yaml",
        "site.yaml",
        "/etc/passwd",
        "posts/..%2f..%2fsite.yaml",
        "posts/.ukryty.md",
        "posts\\..\\..\\site.yaml",
        "themes/x.md",
    ] {
        let shown = r.get(&format!("/redakcja/edytuj?plik={}", enc(path)));
        assert_eq!(shown.status, 404, "{path}");
        assert!(
            !shown.body.contains("organisation"),
            "{path}: nothing of site.yaml shown"
        );
        let form: Form = vec![("csrf".into(), csrf.clone()), ("plik".into(), path.into())];
        assert_eq!(r.post("/redakcja/usun", &form).status, 404, "{path}");
        let form: Form = vec![
            ("csrf".into(), csrf.clone()),
            ("id".into(), format!("20260101T000000.000000Z/{path}")),
        ];
        assert_ne!(r.post("/redakcja/przywroc", &form).status, 303, "{path}");
    }
    for bad in ["../../x", "posts/../../../etc/passwd", "posts/x.sh"] {
        let form: Form = vec![
            ("csrf".into(), csrf.clone()),
            ("plik".into(), bad.into()),
            ("wersja".into(), "x".into()),
            ("tekst".into(), "---\ntitle: x\n---\n".into()),
        ];
        assert_ne!(r.post("/redakcja/nadpisz", &form).status, 303, "{bad}");
    }
    assert!(on_disk(&site, "content/site.yaml") && disk(&site, FILE) == POST);
    // 32 MiB is the most the editor reads; a larger body is refused before it is read.
    let origin = r.origin();
    let big = r.send(
        "POST",
        "/redakcja/zapisz",
        &[("Origin", &origin), ("Content-Length", "33554433")],
        b"",
    );
    assert_eq!(big.status, 413);
}

#[test]
fn opened_to_others_it_needs_a_login_that_is_rate_limited() {
    let site = site();
    let mut r = Redakcja::start(&site, &["--login"], Some("długie hasło redakcji"));
    let first = r.get("/redakcja/");
    assert_eq!(first.status, 303, "no session, no editor");
    assert_eq!(first.header("location"), Some("/redakcja/wejscie"));
    assert!(r
        .get(&format!("/redakcja/edytuj?plik={}", enc(REL)))
        .body
        .is_empty());
    let link = r.login_link.clone().expect("a one-time link is printed");
    let path = link
        .split_once(&r.origin())
        .map(|(_, p)| p.to_string())
        .expect("our address");
    let login = r.get(&path);
    assert_eq!(login.status, 303);
    assert!(r.cookie.is_some(), "the link starts a session");
    assert_eq!(r.get("/redakcja/").status, 200);
    r.cookie = None;
    assert_eq!(r.get(&path).status, 403, "the link works once");
    let wrong: Form = vec![("haslo".into(), "zgaduję".into())];
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(r.post("/redakcja/wejscie", &wrong).status);
    }
    assert_eq!(
        statuses,
        [403, 403, 403, 403, 429],
        "the used link counted as a failure"
    );
    let right: Form = vec![("haslo".into(), "długie hasło redakcji".into())];
    assert_eq!(
        r.post("/redakcja/wejscie", &right).status,
        429,
        "even the right one waits"
    );
    assert!(r.cookie.is_none());
}

#[test]
fn an_unchanged_form_writes_nothing_and_one_change_rewrites_only_that_field() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let form = r.open(REL);
    assert_eq!(get(&form, "f_tags"), "seniorzy, warsztaty");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    assert_eq!(disk(&site, FILE), POST, "byte for byte");
    assert!(
        history_of(&site, REL).is_empty(),
        "nothing changed, nothing kept"
    );

    let mut form = r.open(REL);
    set(&mut form, "f_summary", "Gotujemy razem: zupa i pierogi");
    set(&mut form, "f_draft", "true");
    let body = get(&form, "tresc").replace("gotowanie", "gotowanie\n- degustacja");
    set(&mut form, "tresc", &body);
    let reply = r.post("/redakcja/zapisz", &form);
    assert_eq!(reply.status, 303, "{}", reply.body);
    let expected = "---\n# Napisane ręcznie: ten komentarz zostaje\ntitle: Warsztaty kulinarne   # roboczy tytuł\ndate: 2026-11-24\nsummary: \"Gotujemy razem: zupa i pierogi\"\ntags:\n  - seniorzy\n  - warsztaty\ncategory: 'Wydarzenia'\ndraft: true\n---\n\nTreść wpisu z **pogrubieniem**.\n\n## Program\n\n- gotowanie\n- degustacja\n";
    assert_eq!(disk(&site, FILE), expected);
    assert_eq!(
        history_of(&site, REL),
        [POST],
        "the previous version is kept"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root().join("content/posts"))
        .expect("posts")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left");
}

#[test]
fn a_file_changed_since_it_was_opened_is_never_overwritten_silently() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let mut form = r.open(REL);
    let theirs = POST.replace(
        "Warsztaty kulinarne",
        "Warsztaty kulinarne (poprawione przez kolegę)",
    );
    site.write(FILE, &theirs);
    set(&mut form, "f_category", "Seniorzy");
    let reply = r.post("/redakcja/zapisz", &form);
    assert_eq!(reply.status, 409);
    assert_eq!(disk(&site, FILE), theirs, "nothing was written");
    assert!(
        reply.body.contains("poprawione przez kolegę"),
        "their version is shown"
    );
    assert!(reply.body.contains("category: Seniorzy"), "and mine");
    // With an error as well, the form comes back with it first, to be corrected: "save mine"
    // could only refuse the whole text, and the changes would be lost.
    let mut broken = form.clone();
    set(&mut broken, "f_title", "");
    let refused = r.post("/redakcja/zapisz", &broken);
    assert_eq!(refused.status, 422, "the error before the conflict");
    assert!(refused.body.contains("href=\"#pole-title\""));
    assert_eq!(disk(&site, FILE), theirs, "nothing was written");
    let mut corrected = form_of(&refused.body, "/redakcja/zapisz");
    assert_eq!(
        get(&corrected, "f_category"),
        "Seniorzy",
        "my changes are kept"
    );
    set(&mut corrected, "f_title", "Warsztaty kulinarne");
    assert_eq!(
        r.post("/redakcja/zapisz", &corrected).status,
        409,
        "then the conflict"
    );
    assert_eq!(disk(&site, FILE), theirs, "nothing was written");
    // "Save my version" of a text that has become wrong since (its project deleted
    // meanwhile): the form of mine with every error linked, over the version on disk now.
    let mut stale = form_of(&reply.body, "/redakcja/nadpisz");
    let tekst = get(&stale, "tekst")
        .replace(
            "category: Seniorzy\n",
            "category: Seniorzy\nproject: usuniety\n",
        )
        .replace("date: 2026-11-24", "date: 2026-02-31");
    set(&mut stale, "tekst", &tekst);
    let wrong = r.post("/redakcja/nadpisz", &stale);
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    for field in ["project", "date"] {
        assert!(
            wrong.body.contains(&format!("href=\"#pole-{field}\"")),
            "{field}: {}",
            wrong.body
        );
    }
    assert_eq!(disk(&site, FILE), theirs, "nothing was written");
    let mut again = form_of(&wrong.body, "/redakcja/zapisz");
    assert_eq!(get(&again, "f_category"), "Seniorzy", "mine is in the form");
    set(&mut again, "f_project", "");
    set(&mut again, "f_date", "2026-11-24");
    let replaced = r.post("/redakcja/zapisz", &again);
    assert_eq!(
        replaced.status, 303,
        "corrected, it replaces theirs: {}",
        replaced.body
    );
    assert!(disk(&site, FILE).contains("category: Seniorzy\n"));
    assert_eq!(history_of(&site, REL), [theirs.as_str()]);
    site.write(FILE, &theirs);
    // "Save my version": the colleague's goes to the history.
    let mine = form_of(&reply.body, "/redakcja/nadpisz");
    let saved = r.post("/redakcja/nadpisz", &mine);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(disk(&site, FILE).contains("category: Seniorzy\n"));
    let kept = history_of(&site, REL);
    assert_eq!(kept.len(), 2, "theirs, kept twice: {kept:#?}");
    // An earlier version comes back, and the one it replaces is kept in turn.
    let page = r.get(&format!("/redakcja/historia?plik={}", enc(REL)));
    let restore = form_of(&page.body, "/redakcja/przywroc-wersje");
    assert_eq!(r.post("/redakcja/przywroc-wersje", &restore).status, 303);
    assert_eq!(disk(&site, FILE), theirs);
    assert_eq!(history_of(&site, REL).len(), 3);
}

#[test]
fn deleted_documents_wait_in_the_bin_and_come_back_whole() {
    let site = site();
    site.write(
        "content/posts/galeria/index.md",
        "---\ntitle: Galeria\ndate: 2026-10-01\n---\nZdjęcia.\n",
    );
    site.write_bytes(
        "content/posts/galeria/a.jpg",
        &common::gradient_jpeg(40, 30, 1),
    );
    let mut r = Redakcja::start(&site, &[], None);
    for rel in [REL, "posts/galeria/index.md"] {
        let form: Form = vec![
            ("csrf".into(), get(&r.open(rel), "csrf")),
            ("plik".into(), rel.into()),
        ];
        assert_eq!(r.post("/redakcja/usun", &form).status, 303);
    }
    assert!(!on_disk(&site, FILE) && !on_disk(&site, "content/posts/galeria"));
    let bin = r.get("/redakcja/kosz");
    let restore = form_of(&bin.body, "/redakcja/przywroc");
    assert_eq!(r.post("/redakcja/przywroc", &restore).status, 303);
    let restored_first = on_disk(&site, FILE) || on_disk(&site, "content/posts/galeria/a.jpg");
    assert!(restored_first);
    let bin = r.get("/redakcja/kosz");
    let restore = form_of(&bin.body, "/redakcja/przywroc");
    assert_eq!(r.post("/redakcja/przywroc", &restore).status, 303);
    assert_eq!(disk(&site, FILE), POST);
    assert_eq!(
        std::fs::read(site.root().join("content/posts/galeria/a.jpg")).expect("photo back"),
        common::gradient_jpeg(40, 30, 1)
    );
}

#[cfg(unix)]
#[test]
fn a_link_in_the_editors_own_folder_is_refused_and_nothing_is_written_outside_the_site() {
    let site = site();
    let outside = tempfile::tempdir().expect("a folder outside the site");
    std::fs::create_dir_all(site.root().join(".redakcja")).expect(".redakcja");
    for name in ["historia", "kosz"] {
        std::os::unix::fs::symlink(outside.path(), site.root().join(".redakcja").join(name))
            .expect("a link");
    }
    let mut r = Redakcja::start(&site, &[], None);
    let mut form = r.open(REL);
    set(&mut form, "f_category", "Seniorzy");
    let saved = r.post("/redakcja/zapisz", &form);
    assert_ne!(
        saved.status, 303,
        "the history would be written through the link"
    );
    assert_eq!(disk(&site, FILE), POST, "the file is as it was");
    let delete: Form = vec![
        ("csrf".into(), get(&form, "csrf")),
        ("plik".into(), REL.into()),
    ];
    assert_ne!(r.post("/redakcja/usun", &delete).status, 303);
    assert_eq!(disk(&site, FILE), POST, "nothing went into the linked bin");
    let page = r.get(&format!("/redakcja/historia?plik={}", enc(REL)));
    assert_ne!(page.status, 200, "the linked history is not read");
    assert_eq!(
        std::fs::read_dir(outside.path()).expect("outside").count(),
        0,
        "nothing was written outside the site"
    );
}

#[test]
fn the_language_of_a_text_is_a_choice_of_the_languages_tablica_knows() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    let doc = scraper::Html::parse_document(&page.body);
    let options = scraper::Selector::parse("select#pole-language option").expect("selector");
    let offered: Vec<(String, String)> = doc
        .select(&options)
        .map(|o| {
            let value = o.value().attr("value").unwrap_or("").to_string();
            (value, o.text().collect())
        })
        .collect();
    let offered: Vec<(&str, &str)> = offered
        .iter()
        .map(|(v, t)| (v.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        offered,
        [
            ("", "język strony"),
            ("pl", "polski (pl)"),
            ("uk", "ukraiński (uk)"),
            ("en", "angielski (en)"),
        ]
    );
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    assert_eq!(
        get(&form, "f_language"),
        "",
        "the site's language by default"
    );
    set(&mut form, "f_language", "uk");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    assert!(disk(&site, FILE).contains("category: 'Wydarzenia'\nlanguage: uk\n---"));
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    assert!(page
        .body
        .contains("<option value=\"uk\" selected>ukraiński (uk)</option>"));
    // A code tablica does not know (written by hand) stays shown, and the build's check names it.
    site.write(FILE, &POST.replace("category", "language: de\ncategory"));
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    assert!(page
        .body
        .contains("<option value=\"de\" selected>de</option>"));
    let form = form_of(&page.body, "/redakcja/zapisz");
    let reply = r.post("/redakcja/zapisz", &form);
    assert_eq!(reply.status, 422, "an unknown language is an error");
    assert!(
        reply.body.contains("href=\"#pole-language\""),
        "{}",
        reply.body
    );
}

#[test]
fn a_project_named_with_a_date_is_offered_by_the_slug_the_build_gives_it() {
    let site = site();
    site.write(
        "content/projects/2026-01-15-zielony-ogrod.md",
        "---\ntitle: Zielony ogród\nstatus: ongoing\n---\nProjekt.\n",
    );
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    assert!(
        page.body
            .contains("<option value=\"zielony-ogrod\">Zielony ogród</option>"),
        "the choice is the build's slug, without the date"
    );
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    set(&mut form, "f_project", "zielony-ogrod");
    let saved = r.post("/redakcja/zapisz", &form);
    assert_eq!(saved.status, 303, "not an unknown project: {}", saved.body);
    assert!(disk(&site, FILE).contains("project: zielony-ogrod\n"));
    site.build_ok();
    // A project renamed on disk is offered by its new title at once.
    site.write(
        "content/projects/2026-01-15-zielony-ogrod.md",
        "---\ntitle: Zielony ogród przy ośrodku\nstatus: ongoing\n---\nProjekt.\n",
    );
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    assert!(page.body.contains(">Zielony ogród przy ośrodku</option>"));
    // A project added after the form was opened is known to the save's checks at once.
    site.write(
        "content/projects/kuchnia-sasiedzka/index.md",
        "---\ntitle: Kuchnia sąsiedzka\nslug: kuchnia\nstatus: ongoing\n---\nProjekt.\n",
    );
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    set(&mut form, "f_project", "kuchnia");
    let saved = r.post("/redakcja/zapisz", &form);
    assert_eq!(saved.status, 303, "a project new on disk: {}", saved.body);
    assert!(disk(&site, FILE).contains("project: kuchnia\n"));
}

#[test]
fn dates_are_picked_in_the_browsers_pickers_and_written_as_the_file_writes_them() {
    let site = site();
    let timed = "content/posts/spotkanie.md";
    site.write(
        timed,
        "---\ntitle: Spotkanie\ndate: 2026-11-24 18:00\npublish: 2026-11-20T08:00\n---\nTekst.\n",
    );
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    assert!(page
        .body
        .contains("<input type=\"date\" id=\"pole-date\" name=\"f_date\""));
    assert!(page.body.contains("value=\"2026-11-24\""));
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    set(&mut form, "f_date", "2026-12-05");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    assert!(disk(&site, FILE).contains("\ndate: 2026-12-05\n"));

    let page = r.get("/redakcja/edytuj?plik=posts/spotkanie.md");
    assert!(page
        .body
        .contains("<input type=\"datetime-local\" id=\"pole-date\" name=\"f_date\""));
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    assert_eq!(get(&form, "f_date"), "2026-11-24T18:00");
    assert_eq!(get(&form, "f_publish"), "2026-11-20T08:00");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    assert!(
        history_of(&site, "posts/spotkanie.md").is_empty(),
        "the same day and time as the file: nothing written"
    );
    set(&mut form, "f_date", "2026-11-25T09:30");
    set(&mut form, "f_publish", "2026-11-21T07:00");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    assert_eq!(
        disk(&site, timed),
        "---\ntitle: Spotkanie\ndate: 2026-11-25 09:30\npublish: 2026-11-21T07:00\n---\nTekst.\n",
        "each date in the style the file had"
    );
    // A date no picker can show stays in a text box, to be corrected.
    let mut form = r.open(REL);
    set(&mut form, "f_date", "31.02.2026");
    let refused = r.post("/redakcja/zapisz", &form);
    assert_eq!(refused.status, 422);
    assert!(refused
        .body
        .contains("<input type=\"text\" id=\"pole-date\" name=\"f_date\""));
    assert!(refused.body.contains("value=\"31.02.2026\""));
}

#[test]
fn bad_input_gives_an_error_next_to_the_field_and_in_the_summary_and_writes_nothing() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let cases: [(&str, &str, &str, &str); 6] = [
        ("f_title", "", "title", "tytuł"),
        ("f_date", "31.02.2026", "date", "31.02.2026"),
        (
            "f_project",
            "nieznany-projekt",
            "project",
            "nieznany-projekt",
        ),
        ("f_event", "start: [", "event", "YAML"),
        (
            "f_event.start",
            "2026-02-31 17:00",
            "event-start",
            "nie ma takiego dnia",
        ),
        (
            "f_event.registration",
            "zapisy u pani Ani",
            "event-registration",
            "zapisy u pani Ani",
        ),
    ];
    for (name, value, field, said) in cases {
        let mut form = r.open(REL);
        set(&mut form, name, value);
        let reply = r.post("/redakcja/zapisz", &form);
        assert_eq!(reply.status, 422, "{name}={value}");
        assert_eq!(disk(&site, FILE), POST, "{name}={value} wrote nothing");
        let doc = scraper::Html::parse_document(&reply.body);
        let link =
            scraper::Selector::parse(&format!(".podsumowanie-bledow a[href=\"#pole-{field}\"]"))
                .expect("selector");
        let summary: String = doc.select(&link).flat_map(|a| a.text()).collect();
        assert!(
            summary.contains(said),
            "{name}: the summary links to the field: {summary:?}"
        );
        let next_to = scraper::Selector::parse(&format!("#blad-{field}")).expect("selector");
        assert!(
            doc.select(&next_to).next().is_some(),
            "{name}: the error is next to the field"
        );
        let input = scraper::Selector::parse(&format!("#pole-{field}[aria-invalid=true]"))
            .expect("selector");
        assert!(
            doc.select(&input).next().is_some(),
            "{name}: the field is marked invalid"
        );
        if name != "f_title" {
            assert!(
                reply.body.contains(&format!("value=\"{value}\"")) || reply.body.contains(value),
                "{name}: what was typed is kept"
            );
        }
    }
    // A day the month does not have, typed as text or held by the browser's picker (which
    // sends nothing for it; the editor's script marks it): named as such, never a missing date.
    for (sent, said) in [
        (
            "2026-02-31",
            "nie ma takiego dnia w kalendarzu: ten miesiąc ma 28 dni",
        ),
        ("", "Nie ma takiego dnia w kalendarzu (np. 31 lutego)"),
    ] {
        let mut form = r.open(REL);
        set(&mut form, "f_date", sent);
        if sent.is_empty() {
            set(&mut form, "zla-data-f_date", "true");
        }
        let reply = r.post("/redakcja/zapisz", &form);
        assert_eq!(reply.status, 422, "{sent:?}");
        assert_eq!(disk(&site, FILE), POST, "{sent:?} wrote nothing");
        let doc = scraper::Html::parse_document(&reply.body);
        let link = scraper::Selector::parse(".podsumowanie-bledow a[href=\"#pole-date\"]")
            .expect("selector");
        let summary: String = doc.select(&link).flat_map(|a| a.text()).collect();
        assert!(summary.contains(said), "{sent:?}: {summary:?}");
        assert!(!summary.contains("brak daty"), "{sent:?}: {summary:?}");
    }
    let mut form = r.open(REL);
    set(&mut form, "f_project", "razem");
    assert_eq!(
        r.post("/redakcja/zapisz", &form).status,
        303,
        "a known project saves"
    );
    assert!(disk(&site, FILE).contains("category: 'Wydarzenia'\nproject: razem\n---"));
}

#[test]
fn a_new_post_from_a_template_and_a_duplicate_are_drafts_in_the_list() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get("/redakcja/nowy");
    let mut form = form_of(&page.body, "/redakcja/utworz");
    set(&mut form, "szablon", "zaproszenie");
    set(&mut form, "tytul", "");
    assert_eq!(
        r.post("/redakcja/utworz", &form).status,
        422,
        "a title is needed"
    );
    set(&mut form, "tytul", "Wigilia w Klubie Seniora");
    let created = r.post("/redakcja/utworz", &form);
    assert_eq!(created.status, 303);
    let location = created
        .header("location")
        .expect("the new post opens")
        .to_string();
    let rel = url::form_urlencoded::parse(location.split_once('?').expect("query").1.as_bytes())
        .find(|(k, _)| k == "plik")
        .map(|(_, v)| v.into_owned())
        .expect("plik");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert_eq!(rel, format!("posts/{today}-wigilia-w-klubie-seniora.md"));
    let text = disk(&site, &format!("content/{rel}"));
    assert!(
        text.starts_with(&format!(
            "---\ntitle: Wigilia w Klubie Seniora\ndate: {today}\n"
        )),
        "{text}"
    );
    assert!(text.contains("draft: true\nevent:\n  start:"), "{text}");
    let form: Form = vec![
        ("csrf".into(), get(&r.open(REL), "csrf")),
        ("plik".into(), REL.into()),
    ];
    assert_eq!(r.post("/redakcja/duplikuj", &form).status, 303);
    let copy = disk(&site, "content/posts/2026-11-24-warsztaty-kopia.md");
    assert!(
        copy.contains("title: Warsztaty kulinarne (kopia)\n") && copy.contains("draft: true\n"),
        "{copy}"
    );
    let drafts = r.get("/redakcja/?stan=szkic");
    assert!(drafts.body.contains("Wigilia w Klubie Seniora") && drafts.body.contains("(kopia)"));
    assert!(
        !drafts.body.contains(">Warsztaty kulinarne<"),
        "published posts are filtered out"
    );
    let found = r.get("/redakcja/?q=wigilia");
    assert!(found.body.contains("Wigilia w Klubie Seniora") && !found.body.contains("(kopia)"));
}

impl Redakcja {
    /// Sends a file as the editor's script does: the body, the fields in the address, the
    /// token in a header.
    fn upload(
        &mut self,
        what: &str,
        fields: &[(&str, &str)],
        csrf: &str,
        bytes: &[u8],
    ) -> (Reply, serde_json::Value) {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (n, v) in fields {
            query.append_pair(n, v);
        }
        let origin = self.origin();
        let reply = self.send(
            "POST",
            &format!("/redakcja/{what}?{}", query.finish()),
            &[("Origin", &origin), ("X-Redakcja-CSRF", csrf)],
            bytes,
        );
        let json = serde_json::from_str(&reply.body).unwrap_or(serde_json::Value::Null);
        (reply, json)
    }
}

/// The fields the upload forms of `rel` send with a file.
fn upload_fields(r: &mut Redakcja, rel: &str) -> (String, String) {
    let form = r.open(rel);
    (get(&form, "csrf"), get(&form, "wersja"))
}

#[test]
fn photos_are_checked_by_content_and_a_single_file_post_becomes_a_folder() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let (csrf, wersja) = upload_fields(&mut r, REL);
    let jpeg = common::gradient_jpeg(64, 48, 7);
    let fields = |name: &'static str, alt: &'static str| -> Vec<(&'static str, String)> {
        vec![
            ("plik", REL.into()),
            ("wersja", String::new()),
            ("nazwa", name.into()),
            ("alt", alt.into()),
        ]
    };
    let bad: [(&str, &str, Vec<u8>, &str); 4] = [
        ("IMG_2041.jpg", "IMG_2041", jpeg.clone(), "alt"),
        ("stol.jpg", "zdjęcie 3", jpeg.clone(), "alt"),
        (
            "program.jpg",
            "Seniorzy przy stole",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec(),
            "plik-wgrany",
        ),
        (
            "../../content/site.yaml.jpg",
            "Seniorzy przy stole",
            jpeg.clone(),
            "plik-wgrany",
        ),
    ];
    for (name, alt, bytes, field) in bad {
        let mut f = fields(name, alt);
        f[1].1.clone_from(&wersja);
        let f: Vec<(&str, &str)> = f.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let (reply, json) = r.upload("zdjecie", &f, &csrf, &bytes);
        assert_eq!(reply.status, 422, "{name} / {alt}");
        assert_eq!(json["bledy"][0]["pole"], field, "{name} / {alt}: {json}");
        assert_eq!(disk(&site, FILE), POST, "{name}: nothing written");
        assert!(
            !on_disk(&site, "content/posts/2026-11-24-warsztaty"),
            "{name}: no folder made"
        );
    }
    let origin = r.origin();
    let huge = r.send(
        "POST",
        &format!("/redakcja/zdjecie?plik={}", enc(REL)),
        &[
            ("Origin", &origin),
            ("X-Redakcja-CSRF", &csrf),
            ("Content-Length", "62914560"),
        ],
        b"",
    );
    assert_eq!(
        huge.status, 413,
        "a 60 MB photo is refused before it is read"
    );
    assert!(
        huge.body
            .starts_with("Plik jest za duży: można dodać najwyżej 32 MB."),
        "and told why, in the site's language: {}",
        huge.body
    );
    let good = [
        ("plik", REL),
        ("wersja", &wersja),
        ("nazwa", "Stół Seniorów.JPG"),
        ("alt", "Seniorzy gotują pierogi"),
        ("osoby", "true"),
        ("zgoda", "true"),
    ];
    let (reply, _) = r.upload("zdjecie", &good, "zły token", &jpeg);
    assert_eq!(reply.status, 403, "the token is needed for files too");
    let (reply, json) = r.upload("zdjecie", &good, &csrf, &jpeg);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let bundle = "posts/2026-11-24-warsztaty/index.md";
    assert_eq!(json["plik"], bundle);
    assert!(!on_disk(&site, FILE), "the single file became a folder");
    let with_cover = POST.replace(
        "category: 'Wydarzenia'\n",
        "category: 'Wydarzenia'\ncover:\n  src: stol-seniorow.jpg\n  alt: Seniorzy gotują pierogi\n  people: true\n  consent: true\n",
    );
    assert_eq!(disk(&site, &format!("content/{bundle}")), with_cover);
    assert_eq!(
        std::fs::read(
            site.root()
                .join("content/posts/2026-11-24-warsztaty/stol-seniorow.jpg")
        )
        .expect("the photo"),
        jpeg
    );
    let (csrf, wersja) = upload_fields(&mut r, bundle);
    let second = [
        ("plik", bundle),
        ("wersja", &wersja),
        ("nazwa", "b.png"),
        ("alt", "Stół z pierogami"),
        ("podpis", "Pierogi: ruskie"),
    ];
    let png = common::gradient_image(30, 20, 2, image::ImageFormat::Png);
    let (reply, _) = r.upload("zdjecie", &second, &csrf, &png);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        disk(&site, &format!("content/{bundle}")),
        with_cover.replace(
            "  consent: true\n",
            "  consent: true\ngallery:\n  - src: b.png\n    alt: Stół z pierogami\n    caption: \"Pierogi: ruskie\"\n",
        )
    );
    let built = site.build_ok();
    assert!(built.status.success());
    let page = std::fs::read_to_string(site.public().join("aktualnosci/warsztaty/index.html"))
        .expect("the post's page");
    assert!(
        page.contains("alt=\"Seniorzy gotują pierogi\"")
            && page.contains("alt=\"Stół z pierogami\"")
    );
}

const PICNIC: &str = "posts/piknik/index.md";

/// A button of the photo list: `akcja` done to the photo `zdjecie` of the picnic post.
#[test]
fn several_photos_are_added_one_by_one_and_each_needs_its_alt_text_before_saving() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let (csrf, mut wersja) = upload_fields(&mut r, REL);
    let jpeg = common::gradient_jpeg(64, 48, 7);
    let mut rel = REL.to_string();
    let files: [(&str, &[u8]); 3] = [
        ("Las 1.jpg", &jpeg),
        ("notatki.jpg", b"to nie jest zdjecie"),
        ("Las 2.jpg", &jpeg),
    ];
    for (name, bytes) in files {
        let fields = [
            ("plik", rel.as_str()),
            ("wersja", wersja.as_str()),
            ("nazwa", name),
            ("alt", ""),
            ("wiele", "true"),
        ];
        let (reply, json) = r.upload("zdjecie", &fields, &csrf, bytes);
        if name == "notatki.jpg" {
            assert_eq!(reply.status, 422, "{}", reply.body);
            assert_eq!(json["bledy"][0]["pole"], "plik-wgrany", "{json}");
            continue;
        }
        assert_eq!(reply.status, 200, "{name}: {}", reply.body);
        rel = json["plik"].as_str().expect("the document").to_string();
        wersja = json["wersja"]
            .as_str()
            .expect("its new version")
            .to_string();
    }
    let bundle = "posts/2026-11-24-warsztaty/index.md";
    assert_eq!(rel, bundle);
    let file = format!("content/{bundle}");
    let added = disk(&site, &file);
    assert!(
        added.contains("cover:\n  src: las-1.jpg\ngallery:\n  - src: las-2.jpg\n"),
        "{added}"
    );
    assert!(!on_disk(
        &site,
        "content/posts/2026-11-24-warsztaty/notatki.jpg"
    ));
    // Without a description the alt text is still required for one photo alone.
    let fields = [
        ("plik", bundle),
        ("wersja", &wersja),
        ("nazwa", "a.jpg"),
        ("alt", ""),
    ];
    assert_eq!(r.upload("zdjecie", &fields, &csrf, &jpeg).0.status, 422);
    // The form lists both with their fields; saved without alt texts, it is refused per photo.
    let mut form = r.open(bundle);
    assert_eq!(get(&form, "zdjecie-1-src"), "las-2.jpg");
    set(&mut form, "akcja", "zapisz");
    set(&mut form, "zdjecie-0-alt", "IMG_2041");
    let refused = r.post("/redakcja/zapisz", &form);
    assert_eq!(refused.status, 422, "{}", refused.body);
    for (i, src) in ["las-1.jpg", "las-2.jpg"].iter().enumerate() {
        assert!(
            refused
                .body
                .contains(&format!("href=\"#pole-zdjecie-{i}-alt\"")),
            "{i}: in the summary"
        );
        let next_to = format!("<p class=\"blad\" id=\"blad-zdjecie-{i}-alt\">");
        let error = refused.body.split(&next_to).nth(1).unwrap_or("");
        assert!(
            error.split("</p>").next().unwrap_or("").contains(src),
            "{i}: {error}"
        );
    }
    assert!(
        refused.body.contains("value=\"IMG_2041\""),
        "what was typed is kept"
    );
    assert_eq!(disk(&site, &file), added, "nothing written");
    set(&mut form, "zdjecie-0-alt", "Ścieżka wśród sosen");
    set(&mut form, "zdjecie-1-alt", "Grupa seniorów przy ognisku");
    set(&mut form, "zdjecie-1-osoby", "true");
    set(&mut form, "zdjecie-1-zgoda", "true");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    let saved = disk(&site, &file);
    assert!(
        saved.contains("cover:\n  src: las-1.jpg\n  alt: Ścieżka wśród sosen\ngallery:\n  - src: las-2.jpg\n    alt: Grupa seniorów przy ognisku\n    people: true\n    consent: true\n"),
        "{saved}"
    );
    // Saved again unchanged: nothing is written.
    let form = r.open(bundle);
    let before = history_of(&site, bundle).len();
    let mut again = form.clone();
    set(&mut again, "akcja", "zapisz");
    assert_eq!(r.post("/redakcja/zapisz", &again).status, 303);
    assert_eq!(disk(&site, &file), saved);
    assert_eq!(history_of(&site, bundle).len(), before);
}

fn photo_button(r: &mut Redakcja, zdjecie: &str, akcja: &str) -> Reply {
    let form = r.open(PICNIC);
    let sent: Form = ["csrf", "plik", "wersja"]
        .iter()
        .map(|n| (n.to_string(), get(&form, n)))
        .chain([
            ("zdjecie".to_string(), zdjecie.to_string()),
            ("akcja".to_string(), akcja.to_string()),
        ])
        .collect();
    r.post("/redakcja/zdjecia", &sent)
}

#[test]
fn photos_are_shown_as_thumbnails_and_moved_made_the_cover_and_removed_without_a_script() {
    let site = site();
    site.write(
        "content/posts/piknik/index.md",
        "---\ntitle: Piknik\ndate: 2026-06-01\ncover:\n  src: a.jpg\n  alt: Stoły w ogrodzie\ngallery:\n  - src: b.jpg\n    alt: Dzieci przy grillu\n    consent: true\n  - src: c.jpg\n    alt: Koncert\n---\nTekst.\n",
    );
    let original = common::gradient_jpeg(1200, 900, 3);
    for (n, name) in ["a.jpg", "b.jpg", "c.jpg"].iter().enumerate() {
        site.write_bytes(
            &format!("content/posts/piknik/{name}"),
            &common::gradient_jpeg(1200, 900, n as u8),
        );
    }
    site.write_bytes("content/posts/piknik/a.jpg", &original);
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(PICNIC)));
    let listed: Vec<&str> = page
        .body
        .split("data-zdjecie=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(listed, ["a.jpg", "b.jpg", "c.jpg"], "the cover first");
    assert!(page
        .body
        .contains("W górę<span class=\"niewidoczne\">: Koncert</span>"));

    let thumb = r.send(
        "GET",
        "/redakcja/miniatura?plik=posts%2Fpiknik%2Findex.md&zdjecie=a.jpg",
        &[],
        b"",
    );
    assert_eq!(thumb.status, 200);
    assert_eq!(thumb.header("content-type"), Some("image/jpeg"));
    let shown = image::load_from_memory(&thumb.bytes).expect("a photo");
    assert!(
        shown.width() <= 320 && shown.width() < 1200,
        "the thumbnail, not the original: {} px wide",
        shown.width()
    );
    assert!(
        std::fs::read_dir(site.root().join(".tablica-cache/images"))
            .expect("the build's photo cache")
            .count()
            >= 1,
        "made by the photo pipeline into its cache"
    );
    for bad in ["../2026-11-24-warsztaty.md", "index.md", "nie-ma.jpg"] {
        let reply = r.get(&format!(
            "/redakcja/miniatura?plik=posts%2Fpiknik%2Findex.md&zdjecie={}",
            enc(bad)
        ));
        assert_eq!(reply.status, 404, "{bad}");
    }

    assert_eq!(photo_button(&mut r, "c.jpg", "w-gore").status, 303);
    assert!(disk(&site, "content/posts/piknik/index.md")
        .contains("gallery:\n  - src: c.jpg\n    alt: Koncert\n  - src: b.jpg\n    alt: Dzieci przy grillu\n    consent: true\n"));
    assert_eq!(photo_button(&mut r, "b.jpg", "okladka").status, 303);
    assert_eq!(
        disk(&site, "content/posts/piknik/index.md"),
        "---\ntitle: Piknik\ndate: 2026-06-01\ncover:\n  src: b.jpg\n  alt: Dzieci przy grillu\n  consent: true\ngallery:\n  - src: c.jpg\n    alt: Koncert\n  - src: a.jpg\n    alt: Stoły w ogrodzie\n---\nTekst.\n",
        "the old cover takes the new one's place; every field kept"
    );
    let removed = photo_button(&mut r, "a.jpg", "usun");
    assert_eq!(removed.status, 303);
    let page = r.get(removed.header("location").expect("back to the form"));
    assert!(page.body.contains("Zdjęcie przeniesiono do kosza"));
    assert!(
        !on_disk(&site, "content/posts/piknik/a.jpg"),
        "the file went"
    );
    assert!(!disk(&site, "content/posts/piknik/index.md").contains("a.jpg"));
    site.build_ok();

    let bin = r.get("/redakcja/kosz");
    assert!(
        bin.body.contains("<code>posts/piknik/a.jpg</code>"),
        "{}",
        bin.body
    );
    let restore = form_of(&bin.body, "/redakcja/przywroc");
    assert_eq!(r.post("/redakcja/przywroc", &restore).status, 303);
    assert_eq!(
        std::fs::read(site.root().join("content/posts/piknik/a.jpg")).expect("back"),
        original
    );
    assert_eq!(
        photo_button(&mut r, "x.jpg", "usun").status,
        409,
        "a photo the post does not name"
    );
}

#[test]
fn a_photo_written_with_dot_slash_in_a_sub_folder_is_removed_and_restored_to_its_folder() {
    let site = site();
    site.write(
        "content/posts/piknik/index.md",
        "---\ntitle: Piknik\ndate: 2026-06-01\ngallery:\n  - src: ./zdjecia/d.jpg\n    alt: Ognisko\n---\nTekst.\n",
    );
    let original = common::gradient_jpeg(800, 600, 7);
    site.write_bytes("content/posts/piknik/zdjecia/d.jpg", &original);
    site.build_ok();
    let mut r = Redakcja::start(&site, &[], None);
    let removed = photo_button(&mut r, "./zdjecia/d.jpg", "usun");
    assert_eq!(removed.status, 303, "{}", removed.body);
    assert!(
        !on_disk(&site, "content/posts/piknik/zdjecia/d.jpg"),
        "the file went to the bin"
    );
    let bin = r.get("/redakcja/kosz");
    assert!(
        bin.body.contains("<code>posts/piknik/zdjecia/d.jpg</code>"),
        "{}",
        bin.body
    );
    let restore = form_of(&bin.body, "/redakcja/przywroc");
    assert_eq!(r.post("/redakcja/przywroc", &restore).status, 303);
    assert_eq!(
        std::fs::read(site.root().join("content/posts/piknik/zdjecia/d.jpg")).expect("back"),
        original,
        "back in its sub-folder, beside the post's index.md above it"
    );
}

#[test]
fn documents_are_checked_by_content_and_give_a_link_to_insert() {
    let site = site();
    let mut r = Redakcja::start(&site, &[], None);
    let (csrf, wersja) = upload_fields(&mut r, REL);
    let base = [("plik", REL), ("wersja", wersja.as_str())];
    for (name, bytes) in [
        ("regulamin.pdf", b"MZ\x90\0 not a pdf".as_slice()),
        ("regulamin.exe", b"%PDF-1.4"),
    ] {
        let mut f = base.to_vec();
        f.push(("nazwa", name));
        let (reply, json) = r.upload("dokument", &f, &csrf, bytes);
        assert_eq!(reply.status, 422, "{name}");
        assert_eq!(json["bledy"][0]["pole"], "plik-wgrany");
        assert!(
            !on_disk(&site, "content/posts/2026-11-24-warsztaty"),
            "{name}: nothing written"
        );
    }
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let mut f = base.to_vec();
    f.extend([("nazwa", "Regulamin.pdf"), ("opis", "Regulamin rekrutacji")]);
    let (reply, json) = r.upload("dokument", &f, &csrf, pdf);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(json["link"], "[Regulamin rekrutacji](regulamin.pdf)");
    assert_eq!(
        json["opis"], "PDF, 45\u{a0}B",
        "type and size as the build says them"
    );
    assert!(json["komunikat"]
        .as_str()
        .is_some_and(|s| s.contains("Regulamin rekrutacji (PDF, 45\u{a0}B)")));
    assert_eq!(
        std::fs::read(
            site.root()
                .join("content/posts/2026-11-24-warsztaty/regulamin.pdf")
        )
        .expect("the document"),
        pdf
    );
    assert_eq!(
        disk(&site, "content/posts/2026-11-24-warsztaty/index.md"),
        POST,
        "the text is the page's to save"
    );
    // The preview describes the link as the built page will.
    let bundle = "posts/2026-11-24-warsztaty/index.md";
    let mut form = r.open(bundle);
    let body = format!(
        "{}\n[Regulamin rekrutacji](regulamin.pdf)\n",
        get(&form, "tresc")
    );
    set(&mut form, "tresc", &body);
    set(&mut form, "akcja", "podglad");
    let preview = r.post("/redakcja/zapisz", &form);
    assert!(
        preview
            .body
            .contains(">Regulamin rekrutacji (PDF, 45\u{a0}B)</a>"),
        "{}",
        preview.body
    );
    set(&mut form, "akcja", "zapisz");
    assert_eq!(r.post("/redakcja/zapisz", &form).status, 303);
    site.build_ok();
    let built = site.read("aktualnosci/warsztaty/index.html");
    assert!(built.contains(">Regulamin rekrutacji (PDF, 45\u{a0}B)</a>"));
}

#[test]
fn publish_builds_then_sends_the_site_to_the_configured_folder_or_says_what_failed() {
    let site = TestSite::with_config(&format!(
        "{}deploy:\n  pendrive:\n    type: folder\n    path: serwer\n",
        common::SITE_YAML
    ));
    site.write("content/posts/2026-11-24-warsztaty.md", POST);
    std::fs::create_dir_all(site.root().join("serwer")).expect("the target folder");
    let mut r = Redakcja::start(&site, &[], None);
    let list = r.get("/redakcja/");
    let publish = form_of(&list.body, "/redakcja/opublikuj");
    let none = r.get("/redakcja/publikacja");
    assert!(
        none.body.contains("niczego nie publikowano"),
        "{}",
        none.body
    );
    let done = publication(&mut r, &publish);
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("Opublikowano"), "{}", done.body);
    assert!(
        done.body.contains("Zbudowano: wpisy – 1"),
        "the counts: {}",
        done.body
    );
    assert!(!done.body.contains("http-equiv"), "no refresh once done");
    let page = site.root().join("serwer/aktualnosci/warsztaty/index.html");
    assert!(page.is_file(), "the site is in the target folder");
    // A broken post: nothing is sent, the problem is named.
    site.write(
        "content/posts/zepsuty.md",
        "---\ntitle: Zepsuty\ndate: 31.02.2026\n---\nTekst.\n",
    );
    let failed = publication(&mut r, &publish);
    assert_eq!(failed.status, 422);
    assert!(
        failed.body.contains("content/posts/zepsuty.md") && failed.body.contains("31.02.2026"),
        "{}",
        failed.body
    );
    assert!(!site.root().join("serwer/aktualnosci/zepsuty").exists());
}

/// Publishes with the list's button: the answer leads to the publication's page, which shows
/// its stage and reloads itself (a refresh without a script) until the result.
fn publication(r: &mut Redakcja, publish: &Form) -> Reply {
    let started = r.post("/redakcja/opublikuj", publish);
    assert_eq!(started.status, 303, "{}", started.body);
    let to = started.header("location").unwrap_or("").to_string();
    assert!(to.starts_with("/redakcja/publikacja"), "{to}");
    // Only one at a time: a second click shows the one running (or its result).
    let again = r.post("/redakcja/opublikuj", publish);
    assert_eq!(again.status, 303);
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let page = r.get(&to);
        if !page.body.contains("data-trwa") {
            return page;
        }
        assert!(
            page.body
                .contains("<meta http-equiv=\"refresh\" content=\"3\">")
                && page.body.contains("role=\"status\"")
                && (page.body.contains("budowanie strony")
                    || page.body.contains("wysyłanie na serwer")),
            "{}",
            page.body
        );
        assert!(
            std::time::Instant::now() < deadline,
            "publishing never ended"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn see_it_on_the_site_leads_to_the_documents_page_in_the_preview_or_says_why_there_is_none() {
    let site = site();
    site.write(
        "content/posts/szkic-zebrania.md",
        "---\ntitle: Zebranie rady seniorów\ndate: 2026-11-28\ndraft: true\n---\nSzkic.\n",
    );
    let mut r = Redakcja::start(&site, &[], None);
    let form = r.get(&format!("/redakcja/edytuj?plik={}", enc(REL)));
    let link = format!("/redakcja/zobacz?plik={}", enc(REL));
    assert!(
        form.body.contains(&format!("href=\"{link}\"")),
        "the form links to it"
    );
    for (rel, title) in [
        (REL, "Warsztaty kulinarne"),
        ("posts/szkic-zebrania.md", "Zebranie rady seniorów"),
    ] {
        let went = r.get(&format!("/redakcja/zobacz?plik={}", enc(rel)));
        assert_eq!(went.status, 303, "{rel}: {}", went.body);
        let address = went.header("location").expect("an address").to_string();
        assert!(
            address.starts_with('/') && address.ends_with('/'),
            "{address}"
        );
        // The preview's first build may still be running: its page comes when it is written.
        let deadline = std::time::Instant::now() + PATIENCE;
        let page = loop {
            let page = r.get(&address);
            if page.status == 200 || std::time::Instant::now() > deadline {
                break page;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        assert_eq!(page.status, 200, "{rel}: {address} in the preview");
        assert!(page.body.contains(title), "{rel}: its page at {address}");
    }
    site.write(
        "content/posts/zla-data.md",
        "---\ntitle: Piknik\ndate: 2026-02-31\n---\nTekst.\n",
    );
    let none = r.get("/redakcja/zobacz?plik=posts%2Fzla-data.md");
    assert_eq!(none.status, 422);
    assert!(none.body.contains("nie ma takiego dnia"), "{}", none.body);
    assert!(none
        .body
        .contains("/redakcja/edytuj?plik=posts%2Fzla-data.md"));
    let gone = r.get("/redakcja/zobacz?plik=posts%2Fnie-ma.md");
    assert_eq!(gone.status, 404);
    // Settings that cannot be read: their problem, not a silent return to the form.
    site.write("content/site.yaml", "title: [MOPS\n");
    let broken = r.get(&link);
    assert_eq!(broken.status, 422, "{}", broken.body);
    assert!(broken.body.contains("site.yaml"), "{}", broken.body);
}

#[test]
fn a_projects_figures_are_rows_and_its_state_budget_has_a_control_for_each_value() {
    let site = site();
    let file = "content/projects/klub-seniora.md";
    let text = "---\ntitle: Klub Seniora\nstatus: ongoing\nfigures:\n  - { label: uczestników, value: \"40\" }\n---\nProjekt.\n";
    site.write(file, text);
    let rel = "projects/klub-seniora.md";
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(rel)));
    for id in [
        "pole-figures-1-label",
        "pole-figures-2-value",
        "pole-state_budget-share",
    ] {
        assert!(page.body.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(
        page.body.contains("<option value=\"whole\">"),
        "the share is a choice"
    );
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    assert_eq!(get(&form, "f_figures.1.value"), "40");
    assert_eq!(
        get(&form, "f_figures.2.label"),
        "",
        "an empty row for one more"
    );
    set(&mut form, "f_figures.2.label", "spotkań");
    let refused = r.post("/redakcja/zapisz", &form);
    assert_eq!(refused.status, 422, "a row needs its number");
    assert!(refused.body.contains("href=\"#pole-figures-2-value\""));
    assert!(
        refused.body.contains("value=\"spotkań\""),
        "what was typed stays"
    );
    assert_eq!(disk(&site, file), text, "nothing written");

    set(&mut form, "f_figures.2.value", "24");
    set(&mut form, "f_state_budget.programme", "Senior+");
    set(&mut form, "f_state_budget.share", "whole");
    set(&mut form, "f_state_budget.amount", "80 000,00");
    set(&mut form, "f_state_budget.total_value", "100 000");
    let saved = r.post("/redakcja/zapisz", &form);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        disk(&site, file),
        "---\ntitle: Klub Seniora\nstatus: ongoing\nstate_budget:\n  programme: Senior+\n  share: whole\n  amount: 80000\n  total_value: 100000\nfigures:\n  - { label: uczestników, value: \"40\" }\n  - { label: spotkań, value: \"24\" }\n---\nProjekt.\n"
    );
    let went = r.get(&format!("/redakcja/zobacz?plik={}", enc(rel)));
    let address = went.header("location").expect("its address").to_string();
    site.build_ok();
    let built = site.read(&format!("{}index.html", address.trim_start_matches('/')));
    assert!(built.contains("spotkań") && built.contains("24"), "{built}");
    assert!(
        built.contains("Sfinansowano ze środków budżetu państwa"),
        "the whole task: the regulation's wording"
    );
}

#[test]
fn the_form_is_checked_as_they_write_without_writing_anything() {
    let site = site();
    let file = "content/projects/klub-seniora.md";
    let text = "---\ntitle: Klub Seniora\nstatus: ongoing\n---\nProjekt.\n";
    site.write(file, text);
    let rel = "projects/klub-seniora.md";
    let mut r = Redakcja::start(&site, &[], None);
    let page = r.get(&format!("/redakcja/edytuj?plik={}", enc(rel)));
    assert!(page.body.contains("data-sprawdz=\"/redakcja/sprawdz\""));
    assert!(
        page.body.contains("role=\"status\" id=\"stan-formularza\""),
        "a polite region for the count"
    );
    let mut form = form_of(&page.body, "/redakcja/zapisz");
    set(&mut form, "f_state_budget.programme", "Senior+");
    set(&mut form, "f_state_budget.amount", "80 000");
    set(&mut form, "f_figures.1.label", "spotkań");
    set(
        &mut form,
        "tresc",
        "Projekt.\n\n#### Za głęboko\n\n[kliknij tutaj](/x/)\n",
    );
    let checked = r.post("/redakcja/sprawdz", &form);
    assert_eq!(checked.status, 200, "{}", checked.body);
    assert!(checked
        .header("content-type")
        .is_some_and(|t| t.starts_with("application/json")));
    let answer: serde_json::Value = serde_json::from_str(&checked.body).expect("JSON");
    let fields: Vec<&str> = (answer["bledy"].as_array().expect("errors").iter())
        .filter_map(|b| b["pole"].as_str())
        .collect();
    assert_eq!(
        fields,
        ["figures-1-value"],
        "the form's own errors come first: {answer}"
    );
    set(&mut form, "f_figures.1.label", "");
    let answer: serde_json::Value =
        serde_json::from_str(&r.post("/redakcja/sprawdz", &form).body).expect("JSON");
    let fields: Vec<&str> = (answer["bledy"].as_array().expect("errors").iter())
        .filter_map(|b| b["pole"].as_str())
        .collect();
    assert_eq!(
        fields,
        ["state_budget-total_value"],
        "the build's: {answer}"
    );
    assert_eq!(
        answer["bledy"][0]["blad"],
        "Oznaczenie budżetu państwa wymaga kwoty dofinansowania i całkowitej wartości",
        "a sentence, without the hint about the YAML the form writes itself"
    );
    assert_eq!(answer["stan"], "Błędy w formularzu: 1");
    let warnings = answer["ostrzezenia"].to_string();
    assert!(
        warnings.contains("kliknij tutaj"),
        "vague link text: {warnings}"
    );
    set(&mut form, "f_state_budget.total_value", "100 000");
    let answer: serde_json::Value =
        serde_json::from_str(&r.post("/redakcja/sprawdz", &form).body).expect("JSON");
    assert_eq!(answer["bledy"], serde_json::json!([]), "{answer}");
    assert_eq!(answer["stan"], "Formularz nie ma teraz błędów");
    assert_eq!(disk(&site, file), text, "a check writes nothing");
    assert!(history_of(&site, rel).is_empty());
    // Like every write, a check from another page or without the token is refused.
    let mut no_token = form.clone();
    set(&mut no_token, "csrf", "");
    assert_eq!(r.post("/redakcja/sprawdz", &no_token).status, 403);
}
