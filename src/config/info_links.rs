//! `accessible_info:` in site.yaml: the home-page duties of the act on ensuring accessibility
//! for persons with special needs (ustawa z 19 lipca 2019 r., art. 6 pkt 3 lit. c): the body's
//! activities as easy-to-read text (ETR), as a Polish Sign Language (PJM) film and as a
//! machine-readable text file, linked from the header of every page with their customary
//! symbols, and the body's BIP beside them.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Content as M;
use crate::locale::msg;

/// `accessible_info:` as written: addresses from the site root (`/etr/`) or full ones.
#[derive(Debug, Clone, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct InfoLinks {
    pub easy_read: Option<String>,
    pub sign_language: Option<String>,
    pub text: Option<String>,
    pub bip: Option<String>,
}

/// One link of the header: its kind (`etr`, `pjm`, `text`, `bip`: the icon and the `t.info_*`
/// text) and address.
#[derive(Debug, Clone, Serialize)]
pub struct InfoLink {
    pub kind: &'static str,
    pub url: String,
}

impl InfoLinks {
    fn all(&self) -> [(&'static str, &'static str, &Option<String>); 4] {
        [
            ("etr", "easy_read", &self.easy_read),
            ("pjm", "sign_language", &self.sign_language),
            ("text", "text", &self.text),
            ("bip", "bip", &self.bip),
        ]
    }

    /// Addresses that are not web addresses (`javascript:`, empty).
    pub(super) fn problems(&self, file: &Path, text: &str) -> Vec<Diagnostic> {
        let line =
            |field| crate::content::front_matter::block_key_line(text, 1, "accessible_info", field);
        (self.all().into_iter())
            .filter_map(|(_, field, url)| Some((field, url.as_deref()?)))
            .filter(|(_, url)| url.trim().is_empty() || !crate::url::is_safe_url(url))
            .map(|(field, url)| {
                Diagnostic::error(file, msg!(M::InfoLinkAddress, url = url))
                    .field(format!("accessible_info.{field}"))
                    .at_line(line(field))
                    .hint(M::InfoLinkAddressHint)
            })
            .collect()
    }

    /// The links, in the header's order, root-relative addresses under the site's `root`.
    pub fn links(&self, root: &str) -> Vec<InfoLink> {
        (self.all().into_iter())
            .filter_map(|(kind, _, url)| {
                let url = url.as_deref()?;
                let url = super::from_root(root, url).unwrap_or_else(|| url.to_string());
                Some(InfoLink { kind, url })
            })
            .collect()
    }
}
