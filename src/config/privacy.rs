//! `privacy:` in site.yaml: what the generated privacy notice says besides what tablica knows
//! itself (no cookies, what the browser keeps, films loaded on request): who administers the
//! data, the data-protection officer, and the server's logs.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Content as M;

use super::Config;

/// A person or office to write to.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// `privacy:` as written.
#[derive(Debug, Clone, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct PrivacySettings {
    /// Who administers the data; the organisation when not given.
    pub administrator: Option<String>,
    /// The data-protection officer (inspektor ochrony danych).
    pub data_protection_officer: Option<Officer>,
    /// Who runs the server that keeps the logs.
    pub hosting: Option<String>,
    /// How long the logs are kept ("30 dni").
    pub log_retention: Option<String>,
}

/// What the privacy notice shows (`privacy.html`).
#[derive(Debug, Serialize)]
pub struct PrivacyView<'a> {
    pub administrator: &'a str,
    pub address: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub data_protection_officer: Option<&'a Officer>,
    pub hosting: Option<&'a str>,
    pub log_retention: Option<&'a str>,
    /// Photos of people are published only with consent (`images.require_consent`).
    pub photo_consent: bool,
    /// The reading aids' read-aloud button is on (it uses the browser's own speech).
    pub read_aloud: bool,
}

impl PrivacySettings {
    /// A `privacy:` block naming no data-protection officer to write to: a public body must
    /// designate one (GDPR art. 37(1)(a)) and the notice must give the contact (art. 13(1)(b)).
    pub(super) fn gaps(&self, written: bool, file: &Path, line: Option<usize>) -> Vec<Diagnostic> {
        let reachable = (self.data_protection_officer.as_ref())
            .is_some_and(|o| o.email.is_some() || o.phone.is_some());
        if !written || reachable {
            return Vec::new();
        }
        vec![Diagnostic::warning(file, M::NoDataProtectionOfficer)
            .field("privacy.data_protection_officer")
            .at_line(line)
            .hint(M::NoDataProtectionOfficerHint)]
    }
}

impl Config {
    pub fn privacy_view(&self) -> PrivacyView<'_> {
        let (p, o) = (&self.privacy, &self.organisation);
        PrivacyView {
            administrator: (p.administrator.as_deref()).unwrap_or(self.organisation_name()),
            address: o.address.as_deref(),
            email: o.email.as_deref(),
            phone: o.phone.as_deref(),
            data_protection_officer: p.data_protection_officer.as_ref(),
            hosting: p.hosting.as_deref(),
            log_retention: p.log_retention.as_deref(),
            photo_consent: self.images.require_consent,
            read_aloud: self.accessibility.read_aloud,
        }
    }
}
