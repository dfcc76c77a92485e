//! Addresses that always work (issue 15): a site under a sub-path served as a host serves it,
//! with every link and asset followed; the check of links within the site; old addresses
//! (`aliases:`); the servers' configuration files.

mod common;

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use common::{content_errors, stderr, TestSite};
use url::Url;

const BASE: &str = "https://gmina.pl/mops/";
const ROOT: &str = "/mops/";
const ORIGIN: &str = "https://gmina.pl";

/// The example site of this repository (content/), with `base_url` at a sub-path and an
/// old address on its contact page.
fn example_under_sub_path() -> TestSite {
    let site = TestSite::new().pin_clock("2026-11-30");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    common::copy_dir(&from, &site.root().join("content"));
    let yaml = site.root().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    let text: String = text
        .lines()
        .map(|l| match l.starts_with("base_url:") {
            true => format!("base_url: {BASE}\n"),
            false => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&yaml, text).expect("site.yaml");
    let contact = site.root().join("content/pages/kontakt.md");
    let text = std::fs::read_to_string(&contact).expect("kontakt.md");
    let text = text.replacen(
        "---\n",
        "---\naliases: [/stary/kontakt/, /kontakt.html]\n",
        1,
    );
    std::fs::write(&contact, text).expect("kontakt.md");
    site
}

/// A static server on 127.0.0.1 answering `GET /mops/…` from `dir` as a host serves a site
/// in a sub-folder: a folder gives its `index.html`, anything else outside `dir` or missing
/// is a 404 with the site's 404 page. Returns its address.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(&dir, stream);
        }
    });
    address
}

fn answer(dir: &Path, mut stream: TcpStream) {
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The rest of the request, to its blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let file = decoded
        .strip_prefix(ROOT)
        .filter(|rest| !rest.split('/').any(|p| p == ".."))
        .map(|rest| dir.join(rest))
        .map(|f| match f.is_dir() {
            true => f.join("index.html"),
            false => f,
        })
        .filter(|f| f.is_file());
    let (status, body) = match file {
        Some(f) => ("200 OK", std::fs::read(f).unwrap_or_default()),
        None => (
            "404 Not Found",
            std::fs::read(dir.join("404.html")).unwrap_or_default(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// GET `url`: the status code and the body.
fn get(url: &Url) -> (u16, Vec<u8>) {
    let host = url.host_str().expect("host");
    let port = url.port().expect("port");
    let mut stream = TcpStream::connect((host, port)).expect("connect");
    let path = &url[url::Position::BeforePath..url::Position::AfterQuery];
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut reply = Vec::new();
    std::io::Read::read_to_end(&mut stream, &mut reply).expect("read");
    let split = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers");
    let status = String::from_utf8_lossy(&reply[..split]);
    let code = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    (code, reply[split + 4..].to_vec())
}

/// Every address an HTML page names: attributes holding addresses, `srcset` candidates,
/// the refresh of a redirect page, and the strings of its JSON-LD.
fn addresses_in_html(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut found = Vec::new();
    let any = scraper::Selector::parse("[href], [src], [srcset], [poster], [action], [data-search-index], meta[http-equiv=refresh]").expect("selector");
    for e in doc.select(&any) {
        let el = e.value();
        for name in ["href", "src", "poster", "action", "data-search-index"] {
            found.extend(el.attr(name).map(str::to_string));
        }
        if let Some(srcset) = el.attr("srcset") {
            found.extend(
                srcset
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .map(str::to_string),
            );
        }
        if let Some(content) = el.attr("content").filter(|_| el.name() == "meta") {
            found.extend(content.split_once("url=").map(|(_, u)| u.to_string()));
        }
    }
    let json_ld =
        scraper::Selector::parse("script[type=\"application/ld+json\"]").expect("selector");
    for script in doc.select(&json_ld) {
        let text: String = script.text().collect();
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON-LD");
        json_strings(&value, &mut found);
    }
    found
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if s.starts_with(BASE) || s.starts_with(ROOT) => {
            out.push(s.clone())
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// Every address an XML file (feed, sitemap) names, and those in its entries' HTML.
fn addresses_in_xml(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let mut found = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        found.extend(node.attribute("href").map(str::to_string));
        match node.tag_name().name() {
            "loc" | "id" | "uri" => found.extend(node.text().map(str::to_string)),
            "content" => found.extend(addresses_in_html(node.text().unwrap_or(""))),
            _ => {}
        }
    }
    found
}

/// Every `URL:` of a calendar file.
fn addresses_in_ics(ics: &str) -> Vec<String> {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .lines()
        .filter_map(|l| {
            l.strip_prefix("URL:")
                .or_else(|| l.strip_prefix("URL;VALUE=URI:"))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn a_site_under_a_sub_path_has_no_broken_link_or_asset_when_served_there() {
    let site = example_under_sub_path();
    let out = site.build_ok();
    let warnings = stderr(&out);
    assert!(
        !warnings.contains("leads"),
        "no broken link reported:\n{warnings}"
    );
    let server = Url::parse(&serve(site.public())).expect("server address");
    let local = |written: &str, page: &Url| -> Option<Url> {
        // Full addresses of the site (canonical, feeds, sitemap, JSON-LD) are fetched here.
        let url = page
            .join(written.strip_prefix(ORIGIN).unwrap_or(written))
            .ok()?;
        (url.origin() == server.origin()).then_some(url)
    };
    let start = server.join(ROOT).expect("start");
    let mut queue = VecDeque::from([start.clone()]);
    let mut seen: HashSet<String> = HashSet::from([start.to_string()]);
    // Every file of the search index too: the search page loads them by name.
    for entry in std::fs::read_dir(site.public().join("szukaj")).expect("search index") {
        let name = entry
            .expect("file")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let url = server.join(&format!("{ROOT}szukaj/{name}")).expect("url");
        seen.insert(url.to_string());
        queue.push_back(url);
    }
    // And the old addresses, which nothing links to.
    // (robots.txt names the sitemap.)
    for old in [
        "/mops/stary/kontakt/",
        "/mops/kontakt.html",
        "/mops/robots.txt",
    ] {
        let url = server.join(old).expect("url");
        seen.insert(url.to_string());
        queue.push_back(url);
    }
    let mut broken = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    while let Some(url) = queue.pop_front() {
        let (status, body) = get(&url);
        if status != 200 {
            broken.insert(format!("{url} ({status})"));
            continue;
        }
        let path = url.path().to_string();
        let text = String::from_utf8_lossy(&body);
        let found = if path.ends_with('/') || path.ends_with(".html") {
            kinds.insert("html");
            addresses_in_html(&text)
        } else if path.ends_with(".xml") {
            kinds.insert("xml");
            addresses_in_xml(&text)
        } else if path.ends_with("robots.txt") {
            let sitemap = text.lines().filter_map(|l| l.strip_prefix("Sitemap: "));
            sitemap.map(str::to_string).collect()
        } else if path.ends_with(".ics") {
            kinds.insert("ics");
            addresses_in_ics(&text)
        } else if path.ends_with(".json") {
            kinds.insert("json");
            let value: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
            let mut found = Vec::new();
            json_strings(&value, &mut found);
            found
        } else {
            Vec::new()
        };
        for written in found {
            let Some(mut next) = local(&written, &url) else {
                continue;
            };
            next.set_fragment(None);
            if seen.insert(next.to_string()) {
                queue.push_back(next);
            }
        }
    }
    assert!(
        broken.is_empty(),
        "not found under {ROOT}:\n{}",
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["html", "ics", "json", "xml"]
    );
    let followed: Vec<&String> = seen.iter().collect();
    for must in [
        "/mops/kontakt/",
        "/mops/stary/kontakt/",
        "/mops/kontakt.html",
        "/mops/atom.xml",
        "/mops/sitemap.xml",
        "/mops/wydarzenia/kalendarz.ics",
        "/mops/assets/css/tablica.css",
        "-480.jpg",
    ] {
        assert!(
            followed.iter().any(|u| u.contains(must)),
            "{must} was not followed"
        );
    }
    assert!(seen.len() > 150, "{} addresses", seen.len());

    // A link written from the root in Markdown went under the sub-path.
    let post = site.read("aktualnosci/wyniki-zbiorki-paczka-dla-sasiada/index.html");
    assert!(post.contains("href=\"/mops/kontakt/\""), "{post}");
    // A missing page is the site's 404 page, whose links work under the sub-path.
    let (status, body) = get(&server.join("/mops/nie-ma/").expect("url"));
    assert_eq!(status, 404);
    let links = addresses_in_html(&String::from_utf8_lossy(&body));
    assert!(links.iter().any(|l| l == "/mops/aktualnosci/"), "{links:?}");
    assert!(
        links
            .iter()
            .filter(|l| l.starts_with('/'))
            .all(|l| l.starts_with(ROOT)),
        "{links:?}"
    );
    // The server files name the 404 page and the old addresses under the sub-path.
    let htaccess = site.read(".htaccess");
    assert!(
        htaccess.contains("ErrorDocument 404 /mops/404.html"),
        "{htaccess}"
    );
    assert!(
        htaccess.contains(
            "RedirectMatch 301 \"^/mops/stary/kontakt/?$\" \"https://gmina.pl/mops/kontakt/\""
        ),
        "{htaccess}"
    );
    assert_eq!(
        site.read("_redirects"),
        "/mops/stary/kontakt/ /mops/kontakt/ 301\n/mops/kontakt.html /mops/kontakt/ 301\n"
    );
}

fn site_with_links(body: &str) -> TestSite {
    let site = TestSite::new();
    site.page(
        "o-nas",
        "title: O nas",
        "## Zespół\n\nTekst.\n\n## Godziny pracy {#godziny}\n\nOd 8.",
    )
    .post("wpis", "title: Wpis\ndate: 2026-01-01", body);
    site
}

#[test]
fn broken_links_within_the_site_are_reported_with_file_and_line() {
    let site = site_with_links(
        "Dobre: [O nas](/o-nas/), [sekcja](/o-nas/#godziny), [tu](#gora-strony).\n\n\
         [Nie ma](/o-nas-stare/)\n\n[Zła kotwica](/o-nas/#cennik)\n\n## Góra strony\n\n[Kanał](/atom.xml) [inny](https://inna.example/x)\n",
    );
    let out = site.run(&["check"]);
    let err = stderr(&out);
    assert!(out.status.success(), "warnings by default:\n{err}");
    assert!(err.contains("content/posts/wpis.md:7: the link `/o-nas-stare/` leads to no page or file of the site"), "{err}");
    assert!(
        err.contains("content/posts/wpis.md:9: the link `/o-nas/#cennik` leads"),
        "{err}"
    );
    assert!(err.contains("no such `#` section"), "{err}");
    assert_eq!(common::count(&err, "leads to no page"), 2, "{err}");
    let built = site.build_ok();
    assert_eq!(common::count(&stderr(&built), "leads to no page"), 2);

    // As errors, the build stops and writes nothing.
    let strict = format!("{}checks: {{ broken_links: error }}\n", common::SITE_YAML);
    site.write("content/site.yaml", &strict);
    let before = common::snapshot(&site.public());
    let err = content_errors(&site.run(&["build"]));
    assert!(err.contains("wpis.md:7"), "{err}");
    assert_eq!(
        common::snapshot(&site.public()),
        before,
        "the output stays as it was"
    );
    // Off: nothing is checked.
    site.write(
        "content/site.yaml",
        &format!("{}checks: {{ broken_links: off }}\n", common::SITE_YAML),
    );
    assert!(!stderr(&site.build_ok()).contains("leads to no page"));
}

#[test]
fn a_broken_menu_link_is_reported_once_naming_site_yaml() {
    let yaml = common::SITE_YAML.replace("url: /aktualnosci/", "url: /aktualnosci-stare/");
    let site = TestSite::with_config(&yaml);
    site.post("a", "title: A\ndate: 2026-01-01", "Tekst.").post(
        "b",
        "title: B\ndate: 2026-01-02",
        "Tekst.",
    );
    let err = stderr(&site.build_ok());
    assert_eq!(common::count(&err, "leads nowhere"), 1, "{err}");
    assert!(
        err.contains("content/site.yaml: the link `/aktualnosci-stare/` on the page"),
        "{err}"
    );
}

#[test]
fn old_addresses_get_redirect_pages_and_server_rules() {
    let site = TestSite::new();
    site.page(
        "kontakt",
        "title: Kontakt\naliases:\n  - /stary/kontakt/\n  - /kontakt.htm\n  - /index.php-strona-kontakt\n  - /kontakt.php\n  - /za%C5%BC%C3%B3%C5%82%C4%87/",
        "Telefon.",
    );
    site.build_ok();
    let page = site.read("stary/kontakt/index.html");
    let doc = scraper::Html::parse_document(&page);
    let one = |selector: &str, attr: &str| -> String {
        let s = scraper::Selector::parse(selector).expect("selector");
        doc.select(&s)
            .next()
            .and_then(|e| e.value().attr(attr))
            .unwrap_or_else(|| panic!("{selector} in {page}"))
            .to_string()
    };
    assert_eq!(
        one("link[rel=canonical]", "href"),
        "https://mops.example.org/kontakt/"
    );
    assert_eq!(
        one("meta[http-equiv=refresh]", "content"),
        "0; url=/kontakt/"
    );
    assert_eq!(one("meta[name=robots]", "content"), "noindex");
    assert_eq!(one("main a", "href"), "/kontakt/");
    assert_eq!(common::texts(&page, "main a"), ["Kontakt"]);
    assert!(
        site.exists("kontakt.htm")
            && site.exists("index.php-strona-kontakt/index.html")
            && site.exists("zażółć/index.html")
    );
    assert!(
        !site.exists("kontakt.php"),
        "a .php file would be run, not shown"
    );
    assert_eq!(
        site.read("_redirects"),
        "/stary/kontakt/ /kontakt/ 301\n/kontakt.htm /kontakt/ 301\n/index.php-strona-kontakt /kontakt/ 301\n\
         /kontakt.php /kontakt/ 301\n/za%C5%BC%C3%B3%C5%82%C4%87/ /kontakt/ 301\n"
    );
    let htaccess = site.read(".htaccess");
    for rule in [
        "RedirectMatch 301 \"^/stary/kontakt/?$\" \"https://mops.example.org/kontakt/\"",
        "RedirectMatch 301 \"^/kontakt\\.php$\" \"https://mops.example.org/kontakt/\"",
        "RedirectMatch 301 \"^/zażółć/?$\" \"https://mops.example.org/kontakt/\"",
    ] {
        assert!(htaccess.contains(rule), "{rule}\n{htaccess}");
    }
    // Redirect pages are not pages of the site: not in the sitemap, not in the search.
    assert!(!site.read("sitemap.xml").contains("stary"));
}

#[test]
fn an_old_address_taken_by_a_page_or_another_document_is_an_error_naming_both() {
    let site = TestSite::new();
    site.page("o-nas", "title: O nas", "Tekst.")
        .page(
            "kontakt",
            "title: Kontakt\naliases: [/o-nas/, /stare/]",
            "Tekst.",
        )
        .post(
            "wpis",
            "title: Wpis\ndate: 2026-01-01\naliases: [/stare]",
            "Tekst.",
        )
        .post(
            "drugi",
            "title: Drugi\ndate: 2026-01-02\naliases: [/aktualnosci/]",
            "Tekst.",
        );
    let err = common::assert_rejected(&site, &[]);
    assert!(err.contains("content/pages/kontakt.md:3: field `aliases`: the old address `/o-nas/` is also the address of `content/pages/o-nas.md`"), "{err}");
    assert!(
        err.contains("the old address `/stare/` is also the old address of `content/"),
        "{err}"
    );
    assert!(err.contains("content/posts/drugi.md:4: field `aliases`: the old address `/aktualnosci/` is also the address of a page tablica makes"), "{err}");
}

#[test]
fn old_addresses_a_static_site_cannot_have_are_refused_with_the_reason() {
    let site = TestSite::new();
    site.page(
        "kontakt",
        "title: Kontakt\naliases: [\"/index.php?id=12\", stary/, https://gmina.pl/x/, /a/../b/]",
        "Tekst.",
    );
    let err = common::assert_rejected(&site, &[]);
    for reason in [
        "`/index.php?id=12` cannot be used: an address with `?`",
        "`stary/` cannot be used: it must start with `/`",
        "`https://gmina.pl/x/` cannot be used: it must start",
        "`/a/../b/` cannot be used: it has an empty part",
    ] {
        assert!(err.contains(reason), "{reason}\n{err}");
    }
    assert!(
        err.contains("content/pages/kontakt.md:3: field `aliases`"),
        "{err}"
    );
}

/// The directives of a Content-Security-Policy, by name.
fn directives(policy: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            Some((
                words.next()?.to_string(),
                words.map(str::to_string).collect(),
            ))
        })
        .collect()
}

#[test]
fn the_policy_sent_as_a_header_is_the_pages_own() {
    let site = TestSite::with_config(&format!(
        "{}embed_hosts: [www.google.com/maps/embed]\n",
        common::SITE_YAML
    ));
    site.page("mapa", "title: Mapa", "<iframe src=\"https://www.google.com/maps/embed?pb=1\" title=\"Mapa dojazdu\"></iframe>")
        .post("film", "title: Film\ndate: 2026-01-01\nvideo:\n  title: Relacja\n  youtube: https://www.youtube.com/watch?v=Gk7mW2pRtQ4", "Tekst.")
        .post("tekst", "title: Tekst\ndate: 2026-01-02", "Tekst.");
    site.build_ok();
    let htaccess = site.read(".htaccess");
    let header = htaccess
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Header always set Content-Security-Policy \"")
        })
        .and_then(|l| l.strip_suffix('"'))
        .expect("the policy in .htaccess");
    let headers = site.read("_headers");
    assert!(
        headers.contains(&format!("  Content-Security-Policy: {header}\n")),
        "{headers}"
    );
    let header = directives(header);
    assert_eq!(
        header["frame-ancestors"],
        BTreeSet::from(["'self'".to_string()])
    );
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.public()) {
        let entry = entry.expect("file");
        if entry.path().extension().is_none_or(|e| e != "html")
            || entry.path().starts_with(site.public().join("stary"))
        {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).expect("page");
        let doc = scraper::Html::parse_document(&html);
        let meta =
            scraper::Selector::parse("meta[http-equiv=Content-Security-Policy]").expect("selector");
        let policy = doc
            .select(&meta)
            .next()
            .and_then(|m| m.value().attr("content"))
            .expect("a policy on every page");
        let page = directives(policy);
        for (name, sources) in &page {
            match name.as_str() {
                // The header allows every frame any page has; each page narrows it.
                "frame-src" if sources.contains("'none'") => {}
                "frame-src" => assert!(
                    sources.is_subset(&header[name]),
                    "{}: {sources:?}",
                    entry.path().display()
                ),
                _ => assert_eq!(
                    sources,
                    &header[name],
                    "{name} of {}",
                    entry.path().display()
                ),
            }
        }
        assert_eq!(page.len() + 1, header.len(), "{policy}");
        pages += 1;
    }
    assert!(pages > 5);
    assert_eq!(
        header["frame-src"],
        BTreeSet::from([
            "https://www.google.com/maps/embed".to_string(),
            "https://www.youtube-nocookie.com".to_string()
        ])
    );
    assert!(
        htaccess.contains("Options -Indexes")
            && htaccess.contains("AddDefaultCharset utf-8")
            && htaccess.contains("ErrorDocument 404 /404.html")
    );
    assert!(
        htaccess.contains("immutable") && htaccess.contains("X-Content-Type-Options \"nosniff\"")
    );

    site.write(
        "content/site.yaml",
        &format!("{}server_files: false\n", common::SITE_YAML),
    );
    site.build_ok();
    assert!(!site.exists(".htaccess") && !site.exists("_headers") && !site.exists("_redirects"));
}
