//! A part of the preview served by a later stage (the editor, `tablica edit`): every request
//! under its prefix, including POST with a body of bounded size, goes to it. The rest of the
//! preview stays read-only; nothing outside the prefix ever gets its headers (cookies).

use std::net::{IpAddr, SocketAddr};

/// What is mounted under a path of the preview.
pub trait Mount: Send + Sync {
    /// The path it answers under, with the slashes: `/redakcja/`.
    fn prefix(&self) -> &str;
    /// The largest request body it takes, in bytes; a larger one is answered 413 unread.
    fn max_body(&self) -> u64;
    /// What a request over [`Mount::max_body`] is told (plain text), in its users' language.
    fn too_large(&self) -> String {
        "the request is too large\n".into()
    }
    /// Answers one request.
    fn handle(&self, request: &MountRequest) -> MountResponse;
}

/// The request methods a mount is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
}

/// One request to a mount, its body read whole.
#[derive(Debug)]
pub struct MountRequest {
    pub method: Method,
    /// The request target as sent: path and query.
    pub target: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Who is asking.
    pub peer: IpAddr,
    /// The address the connection came in on.
    pub local: SocketAddr,
}

impl MountRequest {
    /// The first header named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("/")
    }

    /// The query, without `?`.
    pub fn query(&self) -> &str {
        self.target
            .split_once('?')
            .map_or("", |(_, q)| q.split('#').next().unwrap_or(""))
    }
}

/// A mount's answer.
#[derive(Debug)]
pub struct MountResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl MountResponse {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        MountResponse {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// `303 See Other` to `location` (after a form was sent).
    pub fn see_other(location: &str) -> Self {
        let mut r = MountResponse::new(303, "text/plain; charset=utf-8", "");
        r.headers.push(("Location".into(), location.into()));
        r
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

impl MountRequest {
    /// The value of the cookie `name`.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }
}
