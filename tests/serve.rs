//! `tablica serve`: the real binary on a free port, driven over HTTP while the test edits
//! the fixture site on disk.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{texts, TestSite};

/// How long a change may take to show; far above the real figure, for slow CI machines.
const PATIENCE: Duration = Duration::from_secs(30);

struct Preview {
    child: Child,
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Preview {
    /// Starts `tablica serve` on `port` (0: any free port).
    fn start(site: &TestSite, port: u16) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tablica"))
            .args(["serve", "--port", &port.to_string()])
            .current_dir(site.root())
            .env("TABLICA_LANG", "en")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start tablica serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().expect("log").push(line);
            }
        });
        let line = rx.recv_timeout(PATIENCE).expect("serve prints its address");
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Preview { child, port, log }
    }

    fn get(&self, path: &str) -> Reply {
        request(self.port, "GET", path)
    }

    fn log(&self) -> String {
        self.log.lock().expect("log").join("\n")
    }

    /// Waits until `check` holds for the page at `path`; panics with the server log if not.
    fn wait_for(&self, path: &str, what: &str, check: impl Fn(&Reply) -> bool) -> Reply {
        let started = Instant::now();
        loop {
            let reply = self.get(path);
            if check(&reply) {
                return reply;
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "{what}: {path} never did; last reply {} {}\nserver log:\n{}",
                    reply.status,
                    reply.body,
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn status(&self) -> serde_json::Value {
        serde_json::from_str(&self.get("/__tablica/status").body).expect("status is JSON")
    }

    fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -INT");
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(started.elapsed() < PATIENCE, "serve did not stop on Ctrl+C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// A raw HTTP/1.1 request, so that paths reach the server exactly as written.
fn request(port: u16, method: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

fn site_with_posts() -> TestSite {
    let site = TestSite::new();
    site.project(
        "klub-seniora",
        "title: Klub Seniora\nstatus: ongoing\nstart: 2026-01-01",
        "Spotkania w każdy czwartek.",
    );
    site.post(
        "2026-11-20-warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-11-20\nproject: klub-seniora",
        "Gotowaliśmy pierogi.",
    );
    site.post(
        "2026-11-10-spacer",
        "title: Spacer po parku\ndate: 2026-11-10",
        "Jesienny spacer.",
    );
    site.post(
        "2026-10-01-kino",
        "title: Kino dla seniorów\ndate: 2026-10-01",
        "Seans w klubie.",
    );
    site
}

#[test]
fn an_edited_post_is_served_at_once_and_only_what_shows_it_is_rendered_again() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);
    let page = preview.get("/aktualnosci/warsztaty/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Warsztaty kulinarne"));
    assert!(
        page.body.contains("/__tablica/live.js"),
        "the reload script is injected in serve mode"
    );

    site.post(
        "2026-11-20-warsztaty",
        "title: Warsztaty cukiernicze\ndate: 2026-11-20\nproject: klub-seniora",
        "Piekliśmy pierniki.",
    );
    preview.wait_for("/aktualnosci/warsztaty/", "show the edit", |r| {
        r.body.contains("Piekliśmy pierniki")
    });
    // Pages are written in parallel: once the build is logged, all of them are there.
    let edit = preview.rendered("warsztaty.md changed");
    // The lists and the project page that show the post follow.
    assert!(preview
        .get("/aktualnosci/")
        .body
        .contains("Warsztaty cukiernicze"));
    assert!(preview
        .get("/projekty/klub-seniora/")
        .body
        .contains("Warsztaty cukiernicze"));
    assert!(preview.get("/").body.contains("Warsztaty cukiernicze"));

    // The rebuild rendered the changed post and the pages listing it, not the whole site.
    let first = preview.rendered("first build");
    let log = preview.log();
    // Pages that do not show the post were not rendered again.
    assert!(
        edit > 0 && edit <= first - 3,
        "edit rendered {edit} of {first} pages:\n{log}"
    );

    // serve writes its own folder: public/ and `build` output never get the script.
    assert!(!site.public().exists(), "serve does not touch public/");
    drop(preview);
    site.build_ok();
    assert!(!site
        .read("aktualnosci/warsztaty/index.html")
        .contains("__tablica"));
}

/// The number of pages rendered by the last build whose log line mentions `what`.
/// The pages rendered by the builds whose log line mentions `what`, added up: a save can reach
/// the watcher as two batches on a busy machine, and the second build renders what is left.
fn rendered_count(log: &str, what: &str) -> Option<usize> {
    log.lines()
        .filter(|l| l.contains(what))
        .filter_map(|l| {
            l.split(": ")
                .nth(1)?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .reduce(|a, b| a + b)
}

impl Preview {
    /// Waits for a build log line mentioning `what` (the page may be served before the line is
    /// printed) and returns the number of pages the builds so logged rendered.
    fn rendered(&self, what: &str) -> usize {
        let started = Instant::now();
        loop {
            if let Some(n) = rendered_count(&self.log(), what) {
                return n;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no `{what}` line in the log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn a_broken_edit_shows_the_problem_and_keeps_the_last_good_pages_until_fixed() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);
    assert_eq!(preview.status()["ok"], true);

    site.post(
        "2026-11-10-spacer",
        "title: Spacer po parku\ndate: 10.11.2026",
        "Jesienny spacer w deszczu.",
    );
    let started = Instant::now();
    let status = loop {
        let s = preview.status();
        if s["ok"] == false {
            break s;
        }
        assert!(started.elapsed() < PATIENCE, "the error never showed");
        std::thread::sleep(Duration::from_millis(50));
    };
    let problem = &status["problems"][0];
    assert_eq!(problem["file"], "content/posts/2026-11-10-spacer.md");
    assert_eq!(problem["line"], 3);
    assert_eq!(problem["field"], "date");
    assert!(problem["hint"]
        .as_str()
        .is_some_and(|h| h.contains("2026-11-10")));
    // The last good page is still served.
    let page = preview.get("/aktualnosci/spacer/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Jesienny spacer."));

    site.post(
        "2026-11-10-spacer",
        "title: Spacer po parku\ndate: 2026-11-10",
        "Jesienny spacer w deszczu.",
    );
    preview.wait_for("/aktualnosci/spacer/", "recover after the fix", |r| {
        r.body.contains("w deszczu")
    });
    // The page is written before the build is announced.
    preview.rendered("content/posts/2026-11-10-spacer.md changed");
    assert_eq!(preview.status()["ok"], true);
}

#[test]
fn a_site_broken_from_the_start_shows_its_problems_and_recovers() {
    let site = TestSite::new();
    site.post("zepsuty", "title: Bez daty", "Treść.");
    let preview = Preview::start(&site, 0);
    let page = preview.get("/");
    assert_eq!(page.status, 503);
    assert!(
        page.body.contains("content/posts/zepsuty.md"),
        "{}",
        page.body
    );
    assert!(page.body.contains("/__tablica/live.js"));
    site.post("zepsuty", "title: Już z datą\ndate: 2026-11-24", "Treść.");
    preview.wait_for("/aktualnosci/zepsuty/", "build once fixed", |r| {
        r.status == 200
    });
}

/// The README's first command: `tablica serve` in this repository shows the example site
/// (its `content/` and `themes/`) without a problem.
#[test]
fn the_example_site_of_the_readme_builds_in_the_preview() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = TestSite::in_dir(tempfile::tempdir().expect("temp dir"));
    for folder in ["content", "themes"] {
        common::copy_dir(&repo.join(folder), &site.root().join(folder));
    }
    // A build first fills the photo cache (the example's photos take long to encode in a debug
    // build), so that the preview's first build stays within `Preview::start`'s patience.
    site.build_ok();
    let preview = Preview::start(&site, 0);
    let status = preview.status();
    assert_eq!(status["ok"], true, "{status}\n{}", preview.log());
    assert_eq!(preview.get("/").status, 200);
}

/// The preview's own script, which it adds to every page, is not a broken link of the site:
/// a site whose broken links are errors (the example site's setting) builds in the preview.
#[test]
fn the_preview_script_is_not_a_broken_link_of_a_strict_site() {
    let strict = format!("{}checks: {{ broken_links: error }}\n", common::SITE_YAML);
    let site = TestSite::with_config(&strict);
    site.post("wpis", "title: Wpis\ndate: 2026-11-24", "Treść.");
    let preview = Preview::start(&site, 0);
    let page = preview.get("/aktualnosci/wpis/");
    assert_eq!(page.status, 200, "{}\n{}", page.body, preview.log());
    assert!(page.body.contains("/__tablica/live.js"));
    // A real broken link in the text still stops the preview's build.
    site.post(
        "wpis",
        "title: Wpis\ndate: 2026-11-24",
        "[Zobacz](/nie-ma/).",
    );
    let started = Instant::now();
    while preview.status()["ok"] != false {
        assert!(
            started.elapsed() < PATIENCE,
            "the broken link was never reported"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(preview.status().to_string().contains("/nie-ma/"));
}

#[test]
fn it_serves_like_static_hosting_and_no_path_leaves_the_output() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);

    let missing = preview.get("/nie-ma-takiej-strony/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        texts(&missing.body, "h1"),
        ["Nie znaleziono strony"],
        "the site's 404 page"
    );

    let redirect = preview.get("/aktualnosci");
    assert_eq!(redirect.status, 301);
    assert_eq!(
        redirect.header("Location").as_deref(),
        Some("/aktualnosci/")
    );

    let assets = preview.get("/assets/");
    assert_eq!(assets.status, 404, "no directory listing");

    for (path, content_type) in [
        ("/assets/css/tablica.css", "text/css; charset=utf-8"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
    ] {
        let reply = preview.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            reply.header("Content-Type").as_deref(),
            Some(content_type),
            "{path}"
        );
    }

    for attempt in [
        "/../content/site.yaml",
        "/../../etc/passwd",
        "/%2e%2e/content/site.yaml",
        "/%2E%2E%2Fcontent%2Fsite.yaml",
        "/aktualnosci/../../content/site.yaml",
        "/aktualnosci/%2e%2e/%2e%2e/content/site.yaml",
        "/..%5ccontent%5csite.yaml",
        "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
        "/.tablica-cache/",
        "/%00",
    ] {
        let reply = preview.get(attempt);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{attempt}: {}",
            reply.status
        );
        assert!(!reply.body.contains("MOPS Testowo\nbase_url"), "{attempt}");
        assert!(!reply.body.contains("root:"), "{attempt}");
    }
    assert_eq!(request(preview.port, "POST", "/").status, 405);
    assert_eq!(request(preview.port, "HEAD", "/").status, 200);
}

#[test]
fn pages_left_by_an_earlier_preview_are_not_served() {
    let site = site_with_posts();
    site.write(
        ".tablica-cache/serve/aktualnosci/szkic-z-wczoraj/index.html",
        "<p>Szkic, który został z poprzedniej sesji.</p>",
    );
    let preview = Preview::start(&site, 0);
    assert_eq!(preview.get("/aktualnosci/warsztaty/").status, 200);
    assert_eq!(preview.get("/aktualnosci/szkic-z-wczoraj/").status, 404);
}

#[test]
fn open_tabs_are_told_to_reload_after_each_rebuild() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);
    let mut stream = TcpStream::connect(("127.0.0.1", preview.port)).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(
        stream,
        "GET /__tablica/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    let next_event = |reader: &mut BufReader<TcpStream>| -> serde_json::Value {
        let mut line = String::new();
        loop {
            line.clear();
            let n = reader.read_line(&mut line).expect("read the stream");
            assert!(n > 0, "the event stream closed");
            if let Some(data) = line.strip_prefix("data: ") {
                return serde_json::from_str(data.trim()).expect("event data is JSON");
            }
        }
    };
    let first = next_event(&mut reader);
    assert_eq!(first["ok"], true);
    // Pages name the build they come from, so a tab whose event stream connects only after
    // a later build still knows to reload.
    let build_of_page = |path: &str| preview.get(path).header("Server-Timing");
    let named =
        |event: &serde_json::Value| Some(format!("tablica-build;desc=\"{}\"", event["generation"]));
    assert_eq!(build_of_page("/"), named(&first));
    site.post(
        "2026-10-01-kino",
        "title: Kino dla seniorów\ndate: 2026-10-01",
        "Seans.",
    );
    let second = next_event(&mut reader);
    assert!(second["generation"].as_u64() > first["generation"].as_u64());
    assert_eq!(second["ok"], true);
    assert_eq!(build_of_page("/aktualnosci/kino/"), named(&second));
}

#[test]
fn bursts_renames_deletions_and_a_recreated_folder_are_followed() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);

    // A burst, as from `git checkout` or unpacking an archive.
    for i in 0..150 {
        site.post(
            &format!("2025-01-{:02}-wpis-{i}", i % 28 + 1),
            &format!("title: Wpis numer {i}\ndate: 2025-01-{:02}", i % 28 + 1),
            "Krótka wiadomość.",
        );
    }
    preview.wait_for("/aktualnosci/wpis-149/", "publish the burst", |r| {
        r.status == 200
    });
    preview.wait_for("/aktualnosci/wpis-0/", "publish the burst", |r| {
        r.status == 200
    });

    // A renamed post moves; its old address is gone.
    std::fs::rename(
        site.root().join("content/posts/2026-10-01-kino.md"),
        site.root()
            .join("content/posts/2026-10-01-kino-w-klubie.md"),
    )
    .expect("rename");
    preview.wait_for("/aktualnosci/kino-w-klubie/", "follow the rename", |r| {
        r.status == 200
    });
    preview.wait_for("/aktualnosci/kino/", "drop the old address", |r| {
        r.status == 404
    });

    // The whole folder deleted, then created again.
    std::fs::remove_dir_all(site.root().join("content/posts")).expect("rm");
    preview.wait_for("/aktualnosci/spacer/", "drop deleted posts", |r| {
        r.status == 404
    });
    site.post(
        "2026-11-24-nowy",
        "title: Nowy początek\ndate: 2026-11-24",
        "Od nowa.",
    );
    preview.wait_for("/aktualnosci/nowy/", "watch the new folder", |r| {
        r.status == 200
    });
    site.post(
        "2026-11-24-nowy",
        "title: Nowy początek\ndate: 2026-11-24",
        "Zmiana.",
    );
    preview.wait_for("/aktualnosci/nowy/", "keep watching it", |r| {
        r.body.contains("Zmiana.")
    });
}

#[test]
fn editors_temporary_files_trigger_nothing_and_are_never_published() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);
    // The first build is announced before the address is printed.
    assert_eq!(preview.status()["generation"], 1);
    // Saved together with a real edit: only the post is named. On a busy machine the
    // debounce may split the saves into two builds; what matters is that none of them is
    // for a temporary file and the end state is the saved post.
    site.write("content/posts/.2026-11-20-warsztaty.md.swp", "binary junk");
    site.write("content/posts/2026-11-20-warsztaty.md~", "backup");
    site.post(
        "2026-11-20-warsztaty",
        "title: Warsztaty kulinarne\ndate: 2026-11-20\nproject: klub-seniora",
        "Po zapisie.",
    );
    preview.wait_for("/aktualnosci/warsztaty/", "show the saved post", |r| {
        r.body.contains("Po zapisie.")
    });
    preview.rendered("content/posts/2026-11-20-warsztaty.md changed");
    let log = preview.log();
    let rebuilds: Vec<&str> = log.lines().filter(|l| l.contains(" changed")).collect();
    assert!(
        !rebuilds.is_empty()
            && rebuilds
                .iter()
                .all(|l| l.starts_with("content/posts/2026-11-20-warsztaty.md changed:")),
        "every rebuild names the post alone:\n{log}"
    );
    assert_eq!(preview.status()["ok"], true, "{log}");
    for temporary in [
        "/aktualnosci/.2026-11-20-warsztaty.md.swp",
        "/aktualnosci/2026-11-20-warsztaty.md~",
    ] {
        assert_eq!(preview.get(temporary).status, 404, "{temporary}");
    }
}

#[test]
fn a_theme_change_rerenders_the_pages_using_the_template() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Zabłądziłeś</h1>{% endblock content %}",
    );
    preview.wait_for("/nie-ma/", "use the new template", |r| {
        r.body.contains("Zabłądziłeś")
    });
    let rendered = preview.rendered("themes changed");
    assert_eq!(rendered, 1, "only the 404 page uses it:\n{}", preview.log());
}

#[test]
fn a_feed_template_change_rewrites_the_feeds_and_no_page() {
    let site = site_with_posts();
    let preview = Preview::start(&site, 0);
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/atom.xml"),
    )
    .expect("the built-in feed template");
    site.write(
        "themes/default/templates/atom.xml",
        &builtin.replacen("<feed", "<!-- własny kanał -->\n<feed", 1),
    );
    preview.wait_for("/atom.xml", "use the new feed template", |r| {
        r.body.contains("własny kanał")
    });
    let rendered = preview.rendered("themes changed");
    assert_eq!(
        rendered,
        0,
        "no page uses the feed template:\n{}",
        preview.log()
    );
}

#[test]
fn a_taken_port_moves_to_the_next_one_and_ctrl_c_stops_cleanly() {
    let site = site_with_posts();
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let mut preview = Preview::start(&site, port);
    assert_ne!(preview.port, port);
    assert!(preview.port > port && preview.port <= port + 20);
    assert_eq!(preview.get("/").status, 200);
    let status = preview.interrupt();
    assert!(
        status.success(),
        "exit status {status:?}\n{}",
        preview.log()
    );
    assert!(preview.log().contains("stopped"));
}
