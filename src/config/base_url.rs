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
        || parsed.host_str().map_or(true, str::is_empty)
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

#[cfg(test)]
mod tests {
    use super::*;

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
