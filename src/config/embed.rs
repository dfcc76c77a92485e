//! Embedded frames (`<iframe>`) in the text: which addresses a site allows (`embed_hosts:` in
//! site.yaml) and what the page's Content-Security-Policy must then let in (`frame-src`).

use std::fmt;

use url::{Host, Url};

use crate::locale::catalogue::Content as M;
use crate::locale::Message;

/// One entry of `embed_hosts:`: a host name, optionally followed by a path the frame's
/// address must start with (`www.google.com/maps/embed`). Frames are always loaded over https.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmbedHost {
    host: String,
    /// Empty, or starting with `/`.
    path: String,
}

impl EmbedHost {
    /// Reads an entry as written in site.yaml; `Err` says what is wrong with it.
    ///
    /// Only lowercase-able host characters and plain path characters are accepted, so an
    /// entry can be written into the Content-Security-Policy as it is.
    pub fn parse(entry: &str) -> Result<EmbedHost, Message> {
        let entry = entry.trim();
        if entry.contains("://") {
            return Err(M::EmbedNoScheme.into());
        }
        let (host, path) = match entry.find('/') {
            Some(slash) => entry.split_at(slash),
            None => (entry, ""),
        };
        let host = domain(host).ok_or(M::EmbedHostForm)?;
        let path_ok = path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.' | '~'));
        if !path_ok || path.contains("//") {
            return Err(M::EmbedPath.into());
        }
        Ok(EmbedHost {
            host,
            path: path.to_string(),
        })
    }

    /// The source expression for the Content-Security-Policy's `frame-src`.
    pub fn csp_source(&self) -> String {
        format!("https://{}{}", self.host, self.path)
    }

    /// Whether a frame may load `src`: https, this host (and path, if any) exactly.
    pub fn allows(&self, src: &str) -> bool {
        let Ok(url) = Url::parse(src.trim()) else {
            return false;
        };
        // No user info or other port: `https://www.youtube-nocookie.com@evil.org/`.
        if url.scheme() != "https"
            || !url.username().is_empty()
            || url.password().is_some()
            || url.port().is_some()
            || url.host_str() != Some(self.host.as_str())
        {
            return false;
        }
        // The parser has resolved `..` and kept `%2F` escaped, so a prefix test is sound.
        let path = url.path();
        self.path.is_empty()
            || path == self.path
            || (path.starts_with(&self.path)
                && (self.path.ends_with('/') || path[self.path.len()..].starts_with('/')))
    }

    /// The first of `hosts` that allows `src`.
    pub fn find<'h>(hosts: &'h [EmbedHost], src: &str) -> Option<&'h EmbedHost> {
        hosts.iter().find(|h| h.allows(src))
    }
}

/// The host part of an entry as the browser sends it (lowercase, international names in
/// their `xn--` form), when it is a plain domain name: no user info, port, IP address or
/// characters the parser would drop or escape.
fn domain(written: &str) -> Option<String> {
    if written.is_empty()
        || written.contains(|c: char| {
            c.is_ascii() && !c.is_ascii_alphanumeric() && !matches!(c, '-' | '.')
        })
    {
        return None;
    }
    let url = Url::parse(&format!("https://{written}/")).ok()?;
    let Some(Host::Domain(host)) = url.host() else {
        return None;
    };
    let labels_ok = host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    labels_ok.then(|| host.to_string())
}

impl fmt::Display for EmbedHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.host, self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(s: &str) -> EmbedHost {
        EmbedHost::parse(s).expect("valid entry")
    }

    #[test]
    fn entries_are_host_names_with_an_optional_path() {
        assert_eq!(
            host("www.YouTube-nocookie.com").to_string(),
            "www.youtube-nocookie.com"
        );
        assert_eq!(
            host("www.google.com/maps/embed").csp_source(),
            "https://www.google.com/maps/embed"
        );
        for bad in [
            "https://player.vimeo.com",
            "localhost",
            "evil.org; script-src *",
            "a.org/x'y",
            "a.org/\"",
            "a..org",
            "",
            "a@b.org",
            "b.org:443",
            "b.org\\x",
            "b.org%2Fx",
            "127.0.0.1",
            "b.org?x",
        ] {
            assert!(EmbedHost::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_https_addresses_on_the_host_and_path_are_allowed() {
        let yt = host("www.youtube-nocookie.com");
        assert!(yt.allows("https://www.youtube-nocookie.com/embed/abc?rel=0"));
        assert!(yt.allows("HTTPS://WWW.YOUTUBE-NOCOOKIE.COM/embed/abc"));
        assert!(!yt.allows("http://www.youtube-nocookie.com/embed/abc"));
        assert!(!yt.allows("//www.youtube-nocookie.com/embed/abc"));
        assert!(!yt.allows("https://www.youtube-nocookie.com.evil.org/embed"));
        assert!(!yt.allows("https://www.youtube-nocookie.com@evil.org/embed"));
        assert!(!yt.allows("https://www.youtube-nocookie.com:8443/embed"));
        assert!(!yt.allows("javascript:alert(1)//https://www.youtube-nocookie.com/"));
        let maps = host("www.google.com/maps/embed");
        assert!(maps.allows("https://www.google.com/maps/embed?pb=1"));
        assert!(maps.allows("https://www.google.com/maps/embed/v1/place?q=x"));
        assert!(!maps.allows("https://www.google.com/maps/embedx"));
        assert!(!maps.allows("https://www.google.com/search?q=/maps/embed"));
    }

    #[test]
    fn addresses_are_read_as_a_browser_reads_them() {
        let yt = host("www.youtube-nocookie.com");
        assert_eq!(host("Żory.PL").csp_source(), "https://xn--ory-22a.pl");
        assert!(host("żory.pl").allows("https://ŻORY.pl/film"));
        assert!(yt.allows("https://www.you\ttube-nocookie.com/em\nbed/abc"));
        assert!(yt.allows("https://www.youtube-nocookie.com:443/embed/abc"));
        assert!(!yt.allows("https://a@www.youtube-nocookie.com/embed"));
        // A browser reads `\` as `/`: this frame loads from the allowed host.
        assert!(yt.allows("https://www.youtube-nocookie.com\\@evil.org/embed"));
        assert!(!yt.allows("https:www.youtube-nocookie.com.evil.org/embed"));
        let maps = host("www.google.com/maps/embed");
        assert!(!maps.allows("https://www.google.com/maps/embed/../../search?q=x"));
        assert!(!maps.allows("https://www.google.com/maps/embed%2F..%2F..%2Fsearch"));
        assert!(!maps.allows("https://www.google.com/maps/%65mbed"));
    }
}
