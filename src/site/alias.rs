//! `aliases:` of a document: the old addresses that lead to it (after a move from another
//! system), checked into paths below the site root.
//!
//! Accepted: a path starting with `/`, read from the site's root like the links of the menu
//! (on a site at `https://gmina.pl/mops/`, `/stary-wpis/` is `https://gmina.pl/mops/stary-wpis/`;
//! one already starting with `/mops/` is read as it is), with percent escapes or Polish letters.
//! `/stary-wpis/` and `/stary-wpis` become a folder with a redirect page, `/stary.html` (or
//! `.htm`) that file; any other name with a dot (`/kontakt.php`) gets only the server rules
//! (`_redirects`, `.htaccess`), since a server would not show such a file as a page. Refused:
//! an address with `?` or `#` (a file cannot hold it), another host, `.` or `..` parts, empty
//! parts, backslashes and control characters.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::content::Document;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Documents as M;
use crate::locale::msg;

/// Characters escaped in an alias written into server rules: anything not safe in a path.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\'')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

/// The longest alias, in bytes: every part must still be a file name.
const MAX_LEN: usize = 400;

/// An old address of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// Below the site root, decoded: `aktualnosci/stary-wpis/`, `stary.html`, `kontakt.php`.
    pub path: String,
}

impl Alias {
    /// The output file of its redirect page (`aktualnosci/stary-wpis/index.html`,
    /// `stary.html`), or `None` when the address gets only server rules.
    pub fn page_file(&self) -> Option<String> {
        if self.path.ends_with('/') {
            return Some(format!("{}index.html", self.path));
        }
        let last = self.path.rsplit('/').next().unwrap_or(&self.path);
        // An extension is short and plain: `index.php-strona` has none.
        let extension = (last.rsplit_once('.'))
            .filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()));
        match extension {
            Some((_, ext))
                if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") =>
            {
                Some(self.path.clone())
            }
            Some(_) => None,
            None => Some(format!("{}/index.html", self.path)),
        }
    }

    /// The address as a server rule writes it, from the host's root: `root` + the path,
    /// percent-escaped.
    pub fn encoded(&self, root: &str) -> String {
        format!("{root}{}", utf8_percent_encode(&self.path, PATH))
    }
}

/// An old address with the document it leads to.
#[derive(Debug, Clone, Copy)]
pub struct Redirect<'a> {
    /// The document's file and the line of its `aliases:`.
    pub file: &'a std::path::Path,
    pub line: Option<usize>,
    pub alias: &'a Alias,
    pub title: &'a str,
    /// The language of its text, which its redirect page is in.
    pub lang: crate::locale::Lang,
    /// The document's address below the site root.
    pub to: &'a str,
}

/// The document's aliases, checked; each one refused is reported at `aliases:`.
pub(super) fn check<T>(
    doc: &Document<T>,
    aliases: &[String],
    root: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Alias> {
    let mut out: Vec<Alias> = Vec::new();
    for written in aliases {
        match parse(written, root) {
            Ok(alias) if !out.contains(&alias) => out.push(alias),
            Ok(_) => {}
            Err(reason) => problems.push(
                Diagnostic::error(
                    &doc.path,
                    msg!(M::BadAlias, alias = written, reason = reason.message()),
                )
                .field("aliases")
                .at_line(doc.line_of("aliases"))
                .hint(M::BadAliasHint),
            ),
        }
    }
    out
}

/// Why an alias is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refused {
    NoSlash,
    Query,
    Part,
    Encoding,
    TooLong,
    Root,
}

impl Refused {
    fn message(self) -> crate::locale::Message {
        match self {
            Refused::NoSlash => M::AliasNoSlash.into(),
            Refused::Query => M::AliasQuery.into(),
            Refused::Part => M::AliasPart.into(),
            Refused::Encoding => M::AliasEncoding.into(),
            Refused::TooLong => msg!(M::AliasTooLong, max = MAX_LEN),
            Refused::Root => M::AliasRoot.into(),
        }
    }
}

fn parse(written: &str, root: &str) -> Result<Alias, Refused> {
    let written = written.trim();
    if written.contains(['?', '#']) {
        return Err(Refused::Query);
    }
    if !written.starts_with('/') || written.starts_with("//") {
        return Err(Refused::NoSlash);
    }
    let decoded = crate::url::percent_decode(written).ok_or(Refused::Encoding)?;
    if decoded.len() > MAX_LEN {
        return Err(Refused::TooLong);
    }
    // `/mops/x/` on a site at `/mops/` is `x/`.
    let below = crate::config::below_root(root, &decoded).unwrap_or(&decoded[1..]);
    if below.is_empty() {
        return Err(Refused::Root);
    }
    let folder = below.ends_with('/');
    let parts: Vec<&str> = below.trim_end_matches('/').split('/').collect();
    let bad_part = |p: &&str| {
        p.is_empty()
            || *p == "."
            || *p == ".."
            || p.ends_with('.')
            || p.len() > crate::slug::MAX_LEN
            || crate::slug::is_reserved(p)
            || p.chars()
                .any(|c| c.is_control() || c.is_whitespace() || "\\\"<>|*:".contains(c))
    };
    if parts.iter().any(bad_part) {
        return Err(Refused::Part);
    }
    let path = parts.join("/") + if folder { "/" } else { "" };
    Ok(Alias { path })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(written: &str, root: &str) -> Alias {
        parse(written, root).unwrap_or_else(|e| panic!("{written}: {e:?}"))
    }

    #[test]
    fn accepted_forms_and_their_files() {
        let a = ok("/aktualnosci/stary-wpis/", "/");
        assert_eq!(a.path, "aktualnosci/stary-wpis/");
        assert_eq!(
            a.page_file().as_deref(),
            Some("aktualnosci/stary-wpis/index.html")
        );
        assert_eq!(
            ok("/stary-wpis", "/").page_file().as_deref(),
            Some("stary-wpis/index.html")
        );
        assert_eq!(
            ok("/stary.html", "/").page_file().as_deref(),
            Some("stary.html")
        );
        assert_eq!(
            ok("/a/stary.HTM", "/").page_file().as_deref(),
            Some("a/stary.HTM")
        );
        assert_eq!(ok("/kontakt.php", "/").page_file(), None);
        assert_eq!(
            ok("/index.php-strona", "/").page_file().as_deref(),
            Some("index.php-strona/index.html")
        );
        // Escapes are decoded for the file and written escaped in server rules.
        let polish = ok("/za%C5%BCa%C5%82%C3%B3/", "/");
        assert_eq!(polish.path, "zażałó/");
        assert_eq!(polish.encoded("/mops/"), "/mops/za%C5%BCa%C5%82%C3%B3/");
        assert_eq!(ok("/łódź/", "/").encoded("/"), "/%C5%82%C3%B3d%C5%BA/");
        // Read from the site's root; the root itself may be written.
        assert_eq!(ok("/stary/", "/mops/").path, "stary/");
        assert_eq!(ok("/mops/stary/", "/mops/").path, "stary/");
    }

    #[test]
    fn refused_forms() {
        let refused = |w: &str| parse(w, "/").expect_err(w);
        assert_eq!(refused("/index.php?id=12"), Refused::Query);
        assert_eq!(refused("/a/#x"), Refused::Query);
        assert_eq!(refused("stary-wpis/"), Refused::NoSlash);
        assert_eq!(refused("https://gmina.pl/stary/"), Refused::NoSlash);
        assert_eq!(refused("//evil.example/x"), Refused::NoSlash);
        assert_eq!(refused("/"), Refused::Root);
        assert_eq!(parse("/mops/", "/mops/"), Err(Refused::Root));
        assert_eq!(parse("/mops", "/mops/"), Err(Refused::Root));
        for part in [
            "/a//b/",
            "/../x/",
            "/a/./b",
            "/a/%2E%2E/b",
            "/con/",
            "/a\\b/",
            "/a\u{7}/",
            "/a /",
        ] {
            assert_eq!(refused(part), Refused::Part, "{part:?}");
        }
        assert_eq!(refused("/a%zz/"), Refused::Encoding);
        assert_eq!(refused(&format!("/{}/", "a".repeat(500))), Refused::TooLong);
    }
}
