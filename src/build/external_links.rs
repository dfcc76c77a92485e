//! `tablica check --external`: every link to another site (`http:` or `https:`, another host
//! than `base_url`'s) on the pages made, asked once each, a few at a time, whether it still
//! leads somewhere. Only this check uses the network, and only when asked for
//! ([`super::BuildOptions::external_links`]); a build never does.
//!
//! Each address is asked with `HEAD` (headers only), then with `GET` when a server refuses
//! `HEAD` or answers it with an error (many do, wrongly); redirects are followed by hand, at most
//! [`MAX_REDIRECTS`], and one that is permanent (301, 308) is reported as a hint. A server
//! asking to wait (429, 503 with `Retry-After`) is asked again after a short wait, else the link
//! is reported as not checked, not as broken. Problems are reported as `checks.external_links`
//! says, at the document's file and line, or once with the first page showing the link (the
//! menu's, the theme's).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use url::Url;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::catalogue::Documents as M;
use crate::locale::{msg, Message};
use crate::markdown::each_tag;
use crate::render::RenderedPage;

use super::links::Source;

/// How many addresses are asked at once.
const THREADS: usize = 4;
/// Redirects followed from one address.
const MAX_REDIRECTS: u32 = 5;
/// The whole check's time: addresses not asked by then are reported as not checked.
const TOTAL_MINUTES: u64 = 10;
/// The longest wait a server may ask for (`Retry-After`) and still be asked again.
const MAX_WAIT: Duration = Duration::from_secs(30);
/// Times a server asking to wait is asked again.
const RETRIES: u32 = 2;
/// How tablica introduces itself to the other sites.
const USER_AGENT: &str = concat!(
    "tablica/",
    env!("CARGO_PKG_VERSION"),
    " (link check of a static site)"
);

/// Where a link to another site is shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Place {
    /// Written in a document, at its line.
    Written { file: PathBuf, line: usize },
    /// Made by the menu, another setting or the theme: the first page showing it.
    Page(String),
}

/// The links to other sites of the pages made, by address (without its `#fragment`, which is
/// not sent to the server), each with the places showing it.
pub(super) fn collect(
    config: &Config,
    pages: &[RenderedPage],
    sources: &HashMap<&str, Source<'_>>,
) -> BTreeMap<String, Vec<Place>> {
    let mut found: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    if config.checks.external_links.severity().is_none() {
        return found;
    }
    let skip = skipped_hosts(&config.checks.external_skip);
    for page in pages {
        let file = crate::url::slash_path(&page.path);
        let dir = file.strip_suffix("index.html").unwrap_or(&file);
        let Ok(base) = Url::parse(&config.permalink(dir)) else {
            continue;
        };
        let source = sources.get(dir);
        let mut hrefs = Vec::new();
        each_tag(&page.html, |tag| {
            if !tag.end && matches!(tag.name, "a" | "area") {
                hrefs.extend(tag.attribute("href").map(str::to_string));
            }
        });
        for written in &hrefs {
            let Some(address) = external(&base, written, &skip) else {
                continue;
            };
            let line = source.and_then(|s| {
                let plain = |u: &str| crate::url::percent_decode(u).unwrap_or_else(|| u.into());
                (s.links.iter())
                    .find(|l| plain(&l.url) == plain(written))
                    .map(|l| (s.file.to_path_buf(), l.line))
            });
            let places = found.entry(address).or_default();
            let place = match line {
                Some((file, line)) => Place::Written { file, line },
                None => Place::Page(config.permalink(dir)),
            };
            let shown = match &place {
                Place::Written { .. } => places.contains(&place),
                Place::Page(_) => places.iter().any(|p| matches!(p, Place::Page(_))),
            };
            if !shown {
                places.push(place);
            }
        }
    }
    found
}

/// The hosts of `external_skip`, lower case, as written or from an address.
fn skipped_hosts(written: &[String]) -> Vec<String> {
    let host = |w: &str| -> String {
        let w = w.trim();
        let w = (w.split_once("://").map_or(w, |(_, rest)| rest)).trim_start_matches("www.");
        let w = w.split(['/', '?', '#']).next().unwrap_or_default();
        w.to_lowercase()
    };
    written
        .iter()
        .map(|w| host(w))
        .filter(|h| !h.is_empty())
        .collect()
}

/// `written` on the page at `base` as an address to ask, when it leads to another site (not
/// one of the skipped hosts).
fn external(base: &Url, written: &str, skip: &[String]) -> Option<String> {
    let mut url = base.join(written.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.origin() == base.origin() {
        return None;
    }
    let host = url.host_str()?.to_lowercase();
    let skipped = |s: &String| host == *s || host.ends_with(&format!(".{s}"));
    if skip.iter().any(skipped) {
        return None;
    }
    url.set_fragment(None);
    Some(url.into())
}

/// What asking one address gave.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Fine,
    /// Fine, after a permanent redirect to this address.
    Moved(String),
    /// An error status (after redirects).
    Status(u16),
    /// No answer within the time given.
    Timeout,
    /// No connection (no such host, refused, TLS failed …), and why.
    Unreachable(Message),
    TooManyRedirects,
    /// The server asked to wait longer than tablica waits.
    Busy,
    /// The check's time ran out first.
    NotAsked,
}

/// How the addresses are asked.
struct Asker {
    agent: ureq::Agent,
    timeout: Duration,
    deadline: Instant,
}

impl Asker {
    fn new(timeout: Duration) -> Self {
        use ureq::tls::{RootCerts, TlsConfig, TlsProvider};
        let tls = TlsConfig::builder()
            .provider(TlsProvider::NativeTls)
            .root_certs(RootCerts::PlatformVerifier)
            .build();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .tls_config(tls)
            .build()
            .into();
        Asker {
            agent,
            timeout,
            deadline: Instant::now() + Duration::from_secs(TOTAL_MINUTES * 60),
        }
    }

    /// Asks `address`, following redirects.
    fn ask(&self, address: &str) -> Answer {
        let mut current = address.to_string();
        let mut moved = None;
        for _ in 0..=MAX_REDIRECTS {
            let (status, location) = match self.ask_once(&current) {
                Ok(answer) => answer,
                Err(answer) => return answer,
            };
            let next = location
                .filter(|_| (300..400).contains(&status))
                .and_then(|l| Url::parse(&current).ok()?.join(&l).ok());
            match next {
                Some(next) if !may_follow(address, &next) => {
                    let to = next.to_string();
                    return Answer::Unreachable(msg!(M::ExternalRedirectInside, to = to));
                }
                Some(next) => {
                    // A permanent move of the address written: the new address is the one to
                    // write (a later temporary hop is the new site's business).
                    if matches!(status, 301 | 308) && moved.is_none() && current == address {
                        moved = Some(next.to_string());
                    }
                    current = next.into();
                }
                None if status < 400 => return moved.map_or(Answer::Fine, Answer::Moved),
                None if status == 429 || status == 503 => return Answer::Busy,
                None => return Answer::Status(status),
            }
        }
        Answer::TooManyRedirects
    }

    /// One request's status and `Location` (HEAD, then GET when HEAD fails), waiting and
    /// asking again when the server asks to wait.
    fn ask_once(&self, address: &str) -> Result<(u16, Option<String>), Answer> {
        let mut tries = 0;
        loop {
            let mut answer = self.request(address, true)?;
            if answer.status >= 400 && answer.status != 429 {
                answer = self.request(address, false)?;
            }
            let wait = match answer.status {
                429 => answer.retry_after.or(Some(Duration::from_secs(2))),
                503 => answer.retry_after,
                _ => None,
            };
            match wait {
                Some(wait)
                    if tries < RETRIES
                        && wait <= MAX_WAIT
                        && Instant::now() + wait < self.deadline =>
                {
                    std::thread::sleep(wait);
                    tries += 1;
                }
                _ => return Ok((answer.status, answer.location)),
            }
        }
    }

    fn request(&self, address: &str, head: bool) -> Result<Reply, Answer> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Answer::NotAsked);
        }
        let time = self.timeout.min(left);
        let result = match head {
            true => (self.agent.head(address).config())
                .timeout_global(Some(time))
                .build()
                .call(),
            false => (self.agent.get(address).config())
                .timeout_global(Some(time))
                .build()
                .call(),
        };
        // The body is never read: dropping the response closes the connection.
        let response = result.map_err(|e| match e {
            ureq::Error::Timeout(_) => Answer::Timeout,
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => Answer::Timeout,
            e => Answer::Unreachable(why_unreachable(&e)),
        })?;
        let header = |name: &str| {
            (response.headers().get(name))
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        Ok(Reply {
            status: response.status().as_u16(),
            location: header("location"),
            retry_after: header("retry-after").and_then(|v| retry_after(&v)),
        })
    }
}

/// Whether a redirect from the link `written` may be followed to `next`: over http(s) only,
/// and into a local network or this computer (loopback, private, link-local addresses,
/// `localhost`) only when the link itself points there. A site linked from the text must not
/// steer the check to the office's router or printer.
fn may_follow(written: &str, next: &Url) -> bool {
    let inside = |url: &Url| match url.host() {
        Some(url::Host::Ipv4(ip)) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified()
        }
        Some(url::Host::Ipv6(ip)) => {
            let segment = ip.segments()[0];
            ip.is_loopback()
                || ip.is_unspecified()
                || (segment & 0xfe00) == 0xfc00
                || (segment & 0xffc0) == 0xfe80
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|v4| v4.is_loopback() || v4.is_private())
        }
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.');
            name.eq_ignore_ascii_case("localhost") || name.ends_with(".localhost")
        }
        None => true,
    };
    matches!(next.scheme(), "http" | "https")
        && (!inside(next) || Url::parse(written).is_ok_and(|w| inside(&w)))
}

/// Why a connection failed, in plain words where tablica knows them, else as the library says.
fn why_unreachable(error: &ureq::Error) -> Message {
    match error {
        ureq::Error::HostNotFound => M::ExternalNoHost.into(),
        // The system's resolver: "failed to lookup address information: …".
        ureq::Error::Io(e) if e.to_string().contains("lookup address") => M::ExternalNoHost.into(),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            M::ExternalRefused.into()
        }
        ureq::Error::Tls(_) | ureq::Error::NativeTls(_) => {
            msg!(M::ExternalTls, error = error.to_string())
        }
        e => Message::text(e.to_string()),
    }
}

/// What one request answered.
struct Reply {
    status: u16,
    location: Option<String>,
    retry_after: Option<Duration>,
}

/// `Retry-After`: seconds, or an HTTP date.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let left = when.signed_duration_since(chrono::Utc::now());
    Some(left.to_std().unwrap_or(Duration::ZERO))
}

/// Asks every address of `links`, [`THREADS`] at a time, and gives the problems found.
pub(super) fn check(
    config: &Config,
    links: &BTreeMap<String, Vec<Place>>,
    progress: bool,
) -> Vec<Diagnostic> {
    let Some(severity) = config.checks.external_links.severity() else {
        return Vec::new();
    };
    let timeout = Duration::from_secs(config.checks.external_timeout);
    let asker = Asker::new(timeout);
    let addresses: Vec<&String> = links.keys().collect();
    let bar = progress_bar(progress, addresses.len());
    let next = AtomicUsize::new(0);
    let answers = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..THREADS.min(addresses.len()) {
            scope.spawn(|| {
                while let Some(address) = addresses.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let answer = asker.ask(address);
                    bar.inc(1);
                    if answer != Answer::Fine {
                        if let Ok(mut answers) = answers.lock() {
                            answers.push((*address, answer));
                        }
                    }
                }
            });
        }
    });
    bar.finish_and_clear();
    let mut answers = answers.into_inner().unwrap_or_default();
    answers.sort_by(|a, b| a.0.cmp(b.0));
    let mut problems = Vec::new();
    let mut not_asked = 0_usize;
    for (address, answer) in answers {
        let Some((message, hint, severity)) = problem(address, answer, timeout, severity) else {
            not_asked += 1;
            continue;
        };
        for place in links.get(address).into_iter().flatten() {
            problems.push(match place {
                Place::Written { file, line } => Diagnostic::error(file, message.clone())
                    .at_line(Some(*line))
                    .with_severity(severity)
                    .hint(hint),
                Place::Page(page) => Diagnostic::error(
                    &config.file,
                    msg!(M::ExternalOnPage, problem = message.clone(), page = page),
                )
                .with_severity(severity)
                .hint(hint),
            });
        }
    }
    if not_asked > 0 {
        problems.push(
            Diagnostic::warning(
                &config.file,
                msg!(
                    M::ExternalOutOfTime,
                    count = not_asked,
                    minutes = TOTAL_MINUTES
                ),
            )
            .hint(M::ExternalOutOfTimeHint),
        );
    }
    problems
}

/// The message, hint and severity of an answer that is a problem (`None`: not asked).
fn problem(
    url: &str,
    answer: Answer,
    timeout: Duration,
    severity: Severity,
) -> Option<(Message, M, Severity)> {
    Some(match answer {
        Answer::Fine | Answer::NotAsked => return None,
        Answer::Moved(to) => (
            msg!(M::ExternalMoved, url = url, to = to),
            M::ExternalMovedHint,
            Severity::Warning,
        ),
        Answer::Status(status) => (
            msg!(M::ExternalStatus, url = url, status = u64::from(status)),
            match status {
                404 | 410 => M::ExternalGoneHint,
                _ => M::ExternalServerHint,
            },
            severity,
        ),
        Answer::Timeout => (
            msg!(M::ExternalTimeout, url = url, seconds = timeout.as_secs()),
            M::ExternalTimeoutHint,
            severity,
        ),
        Answer::Unreachable(error) => (
            msg!(M::ExternalUnreachable, url = url, error = error),
            M::ExternalUnreachableHint,
            severity,
        ),
        Answer::TooManyRedirects => (
            msg!(M::ExternalRedirects, url = url, max = MAX_REDIRECTS),
            M::ExternalServerHint,
            severity,
        ),
        Answer::Busy => (
            msg!(M::ExternalBusy, url = url),
            M::ExternalBusyHint,
            Severity::Warning,
        ),
    })
}

fn progress_bar(show: bool, total: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
    if show {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        let template = format!("{} {{bar:30}} {{pos}}/{{len}}", msg!(M::ExternalProgress));
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_into_a_local_network_are_followed_only_from_a_local_link() {
        let next = |u: &str| Url::parse(u).expect("url");
        let outside = "https://example.org/a";
        assert!(may_follow(outside, &next("https://example.com/b")));
        for inside in [
            "http://192.168.1.1/reset",
            "http://10.0.0.5/",
            "http://127.0.0.1:8080/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://localhost/",
            "http://drukarka.localhost/",
            "file:///etc/passwd",
            "ftp://example.com/",
        ] {
            assert!(!may_follow(outside, &next(inside)), "{inside}");
        }
        assert!(may_follow(
            "http://127.0.0.1:9/",
            &next("http://127.0.0.1:9/b")
        ));
        assert!(!may_follow(
            "http://127.0.0.1:9/",
            &next("file:///etc/passwd")
        ));
    }

    #[test]
    fn only_other_sites_are_asked() {
        let base = Url::parse("https://gmina.pl/mops/o-nas/").expect("url");
        let skip = skipped_hosts(&["https://www.facebook.com/gmina".into(), "x.pl".into()]);
        assert_eq!(skip, ["facebook.com", "x.pl"]);
        let e = |w: &str| external(&base, w, &skip);
        assert_eq!(
            e("https://inna.pl/a#b").as_deref(),
            Some("https://inna.pl/a")
        );
        assert_eq!(
            e("http://gmina.pl/mops/").as_deref(),
            Some("http://gmina.pl/mops/")
        );
        for same in [
            "/mops/",
            "https://gmina.pl/inne/",
            "mailto:a@b.pl",
            "tel:+48",
            "https://pl-pl.facebook.com/x",
            "https://x.pl/",
            "ftp://inna.pl/",
        ] {
            assert_eq!(e(same), None, "{same}");
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(retry_after(" 120 "), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }
}
