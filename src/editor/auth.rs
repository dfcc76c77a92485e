//! Who may use the editor. On 127.0.0.1 the person at the computer gets a session on their
//! first visit; opened to the network (`--bind`), a session starts only with the one-time link
//! printed in the terminal or the password. Sessions live in a cookie (HttpOnly,
//! SameSite=Strict, only under the editor's path); every write must carry the session's CSRF
//! token and come from the editor's own origin; failed logins are rate-limited.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::serve::MountRequest as Request;

/// The session cookie's name.
pub const COOKIE: &str = "redakcja";
/// A session ends after this long without a request.
const IDLE: Duration = Duration::from_secs(8 * 60 * 60);
/// Failed logins from one address in [`WINDOW`] before it must wait.
const MAX_FAILURES: usize = 5;
const WINDOW: Duration = Duration::from_secs(60);
/// Sessions at most; the oldest is dropped past this.
const MAX_SESSIONS: usize = 64;

/// A random token: 32 bytes from the operating system, URL-safe base64.
pub fn token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    // Without the system's randomness no secret can be made: better to stop than guess.
    getrandom::fill(&mut bytes).expect("the operating system's random numbers");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (blake3::hash(a.as_bytes()), blake3::hash(b.as_bytes()));
    a == b // blake3::Hash compares in constant time
}

/// One logged-in browser.
#[derive(Debug, Clone)]
pub struct Session {
    pub csrf: String,
    last: Instant,
}

/// How a session may start.
#[derive(Debug)]
pub struct Gate {
    /// Whether a visit from loopback starts a session by itself (editor on 127.0.0.1 only).
    pub open_on_loopback: bool,
    /// The one-time login token printed in the terminal; taken once.
    one_time: Mutex<Option<String>>,
    /// The password, when one was given.
    password: Option<String>,
    sessions: Mutex<HashMap<String, Session>>,
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

/// Why a login was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginError {
    Wrong,
    TooMany,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Gate {
    pub fn new(open_on_loopback: bool, password: Option<String>) -> Self {
        Gate {
            open_on_loopback,
            one_time: Mutex::new(Some(token())),
            password,
            sessions: Mutex::new(HashMap::new()),
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// The one-time login token, while it is unused.
    pub fn one_time_token(&self) -> Option<String> {
        lock(&self.one_time).clone()
    }

    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The session of the request's cookie, refreshed.
    pub fn session(&self, request: &Request) -> Option<(String, Session)> {
        let id = request.cookie(COOKIE)?;
        let mut sessions = lock(&self.sessions);
        let session = sessions.get_mut(id)?;
        if session.last.elapsed() > IDLE {
            sessions.remove(id);
            return None;
        }
        session.last = Instant::now();
        Some((id.to_string(), session.clone()))
    }

    /// A new session; returns its id.
    pub fn start(&self) -> String {
        let mut sessions = lock(&self.sessions);
        sessions.retain(|_, s| s.last.elapsed() <= IDLE);
        if sessions.len() >= MAX_SESSIONS {
            let oldest = sessions
                .iter()
                .min_by_key(|(_, s)| s.last)
                .map(|(id, _)| id.clone());
            if let Some(id) = oldest {
                sessions.remove(&id);
            }
        }
        let id = token();
        sessions.insert(
            id.clone(),
            Session {
                csrf: token(),
                last: Instant::now(),
            },
        );
        id
    }

    /// The session `id`, if it exists.
    pub fn session_by_id(&self, id: &str) -> Option<Session> {
        lock(&self.sessions).get(id).cloned()
    }

    pub fn end(&self, id: &str) {
        lock(&self.sessions).remove(id);
    }

    /// Checks a login attempt from `peer` with the one-time token or the password.
    pub fn login(
        &self,
        peer: IpAddr,
        one_time: Option<&str>,
        password: Option<&str>,
    ) -> Result<(), LoginError> {
        {
            let mut failures = lock(&self.failures);
            let recent = failures.entry(peer).or_default();
            recent.retain(|t| t.elapsed() < WINDOW);
            if recent.len() >= MAX_FAILURES {
                return Err(LoginError::TooMany);
            }
        }
        let by_token = one_time.is_some_and(|given| {
            let mut slot = lock(&self.one_time);
            let ok = slot.as_deref().is_some_and(|t| same_secret(t, given));
            if ok {
                *slot = None; // once only
            }
            ok
        });
        let by_password = match (&self.password, password) {
            (Some(p), Some(given)) => same_secret(p, given),
            _ => false,
        };
        if by_token || by_password {
            return Ok(());
        }
        lock(&self.failures)
            .entry(peer)
            .or_default()
            .push(Instant::now());
        Err(LoginError::Wrong)
    }
}

/// The `Set-Cookie` value for session `id` (HttpOnly, SameSite=Strict, the editor's path only).
pub fn cookie(id: &str, prefix: &str) -> String {
    format!("{COOKIE}={id}; Path={prefix}; HttpOnly; SameSite=Strict")
}

/// The `Set-Cookie` value that ends the session in the browser.
pub fn cookie_gone(prefix: &str) -> String {
    format!("{COOKIE}=; Path={prefix}; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// Whether a write comes from the editor's own pages: its `Origin` (or, without one, its
/// `Referer`) is this server as the browser addressed it, and the browser does not say the
/// request crossed sites.
pub fn same_origin(request: &Request) -> bool {
    let Some(host) = request.header("host") else {
        return false;
    };
    let ours = format!("http://{host}");
    if let Some(site) = request.header("sec-fetch-site") {
        if site != "same-origin" {
            return false;
        }
    }
    match (request.header("origin"), request.header("referer")) {
        (Some(origin), _) => origin == ours,
        (None, Some(referer)) => referer == ours || referer.starts_with(&format!("{ours}/")),
        (None, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_time_token_works_once_and_failures_are_limited() {
        let gate = Gate::new(false, Some("tajne hasło".into()));
        let peer: IpAddr = "192.168.1.7".parse().expect("ip");
        let t = gate.one_time_token().expect("a token");
        assert_eq!(gate.login(peer, Some(&t), None), Ok(()));
        assert_eq!(gate.login(peer, Some(&t), None), Err(LoginError::Wrong));
        assert_eq!(gate.login(peer, None, Some("tajne hasło")), Ok(()));
        for _ in 0..4 {
            assert_eq!(
                gate.login(peer, None, Some("zgadnij")),
                Err(LoginError::Wrong)
            );
        }
        assert_eq!(
            gate.login(peer, None, Some("tajne hasło")),
            Err(LoginError::TooMany),
            "even the right password waits after five failures"
        );
    }
}
