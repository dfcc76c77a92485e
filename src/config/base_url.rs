//! `base_url`: the site's full address, parsed with the url crate into the address every
//! permalink starts with and the path the site lives under.

use url::Url;

use crate::locale::catalogue::Content as M;
use crate::locale::Message;

/// Splits `https://host/sub` into (`https://host/sub/`, `/sub/`).
pub(super) fn parse(url: &str) -> Result<(String, String), Message> {
    const FULL_ADDRESS: M = M::BaseUrlFull;
    let url = url.trim();
    if url.contains(|c: char| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c)) {
        return Err(FULL_ADDRESS.into());
    }
    let parsed = match Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => parsed,
        Ok(_) | Err(url::ParseError::RelativeUrlWithoutBase) => return Err(M::BaseUrlScheme.into()),
        Err(_) => return Err(FULL_ADDRESS.into()),
    };
    // The parser reads `https:mops.example.org` and `https:///x` as `https://…`.
    let written_scheme_end = parsed.scheme().len() + "://".len();
    let plain = url
        .get(..written_scheme_end)
        .is_some_and(|s| s.eq_ignore_ascii_case(&format!("{}://", parsed.scheme())))
        && !url[written_scheme_end..].starts_with('/');
    if !plain
        || parsed.host_str().is_none_or(str::is_empty)
        || !parsed.username().is_empty()
        || parsed.password().is_some()
        || parsed.query().is_some()
        || parsed.fragment().is_some()
    {
        return Err(FULL_ADDRESS.into());
    }
    let path = parsed.path().trim_matches('/');
    let root = if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    };
    let origin = parsed.origin().ascii_serialization();
    Ok((format!("{origin}{root}"), root))
}

/// The part of an absolute path below the path the site lives under (`root`, `/` or
/// `/mops/`): `/mops/o-nas/` → `o-nas/`, the root itself (`/mops` too) → ``; `None` for a
/// path outside it. The one rule of what is on the site, for links, old addresses and menus.
pub fn below_root<'p>(root: &str, path: &'p str) -> Option<&'p str> {
    match path.strip_prefix(root) {
        Some(rest) => Some(rest),
        None if root.strip_suffix('/') == Some(path) => Some(""),
        None => None,
    }
}

/// An address written from the site's root (`/o-nas/`, as menus, links in the text and
/// `accessible_info:` take them) placed under the path the site lives under (`root`,
/// `/mops/` → `/mops/o-nas/`); one already below it stays as it is. `None` for any other
/// address (full, protocol-relative `//host/`, relative, `#anchor`), which is left alone.
pub fn from_root(root: &str, written: &str) -> Option<String> {
    let rest = written.strip_prefix('/').filter(|r| !r.starts_with('/'))?;
    Some(match below_root(root, written) {
        Some(_) => written.to_string(),
        None => format!("{root}{rest}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_below_the_root() {
        assert_eq!(below_root("/", "/o-nas/"), Some("o-nas/"));
        assert_eq!(below_root("/mops/", "/mops/o-nas/"), Some("o-nas/"));
        assert_eq!(below_root("/mops/", "/mops"), Some(""));
        assert_eq!(below_root("/mops/", "/o-nas/"), None);
        assert_eq!(below_root("/mops/", "/mopsy/"), None);
        assert_eq!(from_root("/", "/o-nas/").as_deref(), Some("/o-nas/"));
        assert_eq!(
            from_root("/mops/", "/o-nas/").as_deref(),
            Some("/mops/o-nas/")
        );
        assert_eq!(
            from_root("/mops/", "/mops/o-nas/").as_deref(),
            Some("/mops/o-nas/")
        );
        for other in ["//e.org/", "https://e.org/", "o-nas/", "#top", ""] {
            assert_eq!(from_root("/mops/", other), None, "{other}");
        }
    }

    #[test]
    fn base_url_gets_a_trailing_slash_and_root() {
        assert_eq!(
            parse("https://mops.example.org"),
            Ok(("https://mops.example.org/".into(), "/".into()))
        );
        assert_eq!(
            parse("http://example.org/mops/"),
            Ok(("http://example.org/mops/".into(), "/mops/".into()))
        );
        assert!(parse("mops.example.org").is_err());
    }

    #[test]
    fn base_url_tricky_inputs() {
        let ok = |s: &str| parse(s).map(|(base, _)| base);
        assert_eq!(
            ok("HTTPS://Mops.Example.ORG"),
            Ok("https://mops.example.org/".into())
        );
        assert_eq!(
            ok("https://example.org:8080/a"),
            Ok("https://example.org:8080/a/".into())
        );
        assert_eq!(
            ok("https://example.org:443/"),
            Ok("https://example.org/".into())
        );
        assert_eq!(ok("https://żory.pl/"), Ok("https://xn--ory-22a.pl/".into()));
        assert_eq!(
            parse("https://example.org/a%2Fb"),
            Ok(("https://example.org/a%2Fb/".into(), "/a%2Fb/".into()))
        );
        let start = Err(Message::new(M::BaseUrlScheme));
        assert_eq!(ok("mops.example.org"), start);
        assert_eq!(ok("//mops.example.org/"), start);
        assert_eq!(ok("ftp://mops.example.org/"), start);
        assert_eq!(ok("mailto:a@b.org"), start);
        let full = Err(Message::new(M::BaseUrlFull));
        for bad in [
            "https://",
            "https:///x",
            "https:mops.example.org",
            "https://a@b.org/",
            "https://a:p@b.org/",
            "https://b.org/?x=1",
            "https://b.org/#top",
            "https://b.org/a b",
            "https://b.org/\tx",
            "https://b\n.org/",
            "https://b.org/\"x",
            "https://b.org:99999/",
            "https://[::1/",
        ] {
            assert_eq!(ok(bad), full, "{bad:?}");
        }
    }
}
