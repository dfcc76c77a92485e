//! `deploy:` in site.yaml: where `tablica deploy` sends the built site.
//!
//! A map of target names to targets. Each target has a `type` (`sftp`, `ftps`, `git`,
//! `folder`) and the fields of its kind. Passwords and key passphrases are never written
//! here: they come from the environment or from `.tablica-secrets.yaml` (see `deploy::secrets`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::content::front_matter;
use crate::diagnostics::Diagnostic;

/// The kinds of target.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Sftp,
    Ftps,
    Git,
    Folder,
}

/// One target as written in site.yaml; which fields apply depends on `type`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TargetInput {
    #[serde(rename = "type")]
    kind: Kind,
    host: Option<String>,
    port: Option<u16>,
    user: Option<String>,
    path: Option<String>,
    /// SFTP: a private key file; without it the password is used.
    key: Option<String>,
    /// SFTP: the server's key fingerprint (`SHA256:…`, as `ssh-keygen -l` prints it).
    host_key: Option<String>,
    /// FTPS: allow plain, unencrypted FTP.
    #[serde(default)]
    insecure: bool,
    /// FTPS: a PEM certificate to trust besides the system's (a self-signed server).
    certificate: Option<String>,
    /// Git: the repository's address or path.
    repository: Option<String>,
    /// Git: the branch to commit to.
    branch: Option<String>,
    /// Any kind: a target for previews: `deploy` sends it a `build --preview` (drafts and
    /// texts scheduled for later, marked PODGLĄD, hidden from search engines).
    #[serde(default)]
    preview: bool,
    /// Never read: only to say where a password goes instead.
    password: Option<IgnoredAny>,
    /// Never read: only to say where a passphrase goes instead.
    passphrase: Option<IgnoredAny>,
}

/// The file of passwords and passphrases, in the site folder, beside `content/`.
pub const SECRETS_FILE: &str = ".tablica-secrets.yaml";

/// The environment variable holding a target's `password` or `passphrase`:
/// `TABLICA_DEPLOY_<NAME>_PASSWORD`, the name in capitals with `-` as `_`.
pub fn secret_variable(target: &str, field: &str) -> String {
    format!(
        "TABLICA_DEPLOY_{}_{}",
        target.to_ascii_uppercase().replace('-', "_"),
        field.to_ascii_uppercase()
    )
}

/// A checked SFTP or FTPS server.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub user: String,
    /// The site's folder on the server (absolute, or relative to the login folder).
    pub path: String,
}

/// A checked deploy target.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Sftp {
        server: Server,
        key: Option<PathBuf>,
        host_key: Option<String>,
    },
    Ftps {
        server: Server,
        insecure: bool,
        certificate: Option<PathBuf>,
    },
    Git {
        repository: String,
        branch: String,
    },
    Folder {
        path: PathBuf,
    },
}

/// Every target of the site, by name.
pub type Targets = BTreeMap<String, Target>;

/// The names of the targets marked `preview: true`.
pub(super) fn previews(input: &BTreeMap<String, TargetInput>) -> BTreeSet<String> {
    (input.iter())
        .filter(|(_, t)| t.preview)
        .map(|(name, _)| name.clone())
        .collect()
}

/// Which fields each kind takes.
fn fields_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Sftp => &["host", "port", "user", "path", "key", "host_key"],
        Kind::Ftps => &["host", "port", "user", "path", "insecure", "certificate"],
        Kind::Git => &["repository", "branch"],
        Kind::Folder => &["path"],
    }
}

/// Checks the `deploy:` targets. File names (`key`, `certificate`, a folder's `path`) are kept
/// as written: `deploy` reads them from the site folder, and `~/` from the home folder.
pub(super) fn validate(
    file: &Path,
    text: &str,
    input: BTreeMap<String, TargetInput>,
) -> (Targets, Vec<Diagnostic>) {
    let mut targets = Targets::new();
    let mut problems = Vec::new();
    let deploy_line = front_matter::key_line(text, 1, "deploy");
    for (name, t) in input {
        // The line of `  name:` under `deploy:`, for messages.
        let line = text
            .lines()
            .enumerate()
            .skip(deploy_line.unwrap_or(1))
            .find(|(_, l)| {
                l.trim_start()
                    .strip_prefix(name.as_str())
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map(|(i, _)| i + 1)
            .or(deploy_line);
        let mut problem = |field: &str, message: String, hint: String| {
            problems.push(
                Diagnostic::error(file, message)
                    .field(match field {
                        "" => format!("deploy.{name}"),
                        field => format!("deploy.{name}.{field}"),
                    })
                    .at_line(line)
                    .hint(hint),
            );
        };
        if !is_valid_name(&name) {
            problem(
                "",
                format!("`{name}` is not a valid deploy target name"),
                "use lowercase letters, digits, `-` and `_`, e.g. `serwer` or `github`".into(),
            );
            continue;
        }
        let mut wrong = false;
        let present = [
            ("host", t.host.is_some()),
            ("port", t.port.is_some()),
            ("user", t.user.is_some()),
            ("path", t.path.is_some()),
            ("key", t.key.is_some()),
            ("host_key", t.host_key.is_some()),
            ("insecure", t.insecure),
            ("certificate", t.certificate.is_some()),
            ("repository", t.repository.is_some()),
            ("branch", t.branch.is_some()),
        ];
        if t.password.is_some() || t.passphrase.is_some() {
            wrong = true;
            let field = if t.password.is_some() {
                "password"
            } else {
                "passphrase"
            };
            problem(
                field,
                format!("a {field} must not be written in site.yaml"),
                format!(
                    "delete this line; set the environment variable {} or write it in {} (see docs/deploy.md)",
                    secret_variable(&name, field),
                    SECRETS_FILE
                ),
            );
        }
        let allowed = fields_of(t.kind);
        for (field, is_there) in present {
            if is_there && !allowed.contains(&field) {
                wrong = true;
                problem(
                    field,
                    format!(
                        "`{field}` does not apply to a target of type `{}`",
                        kind_name(t.kind)
                    ),
                    format!(
                        "a `{}` target takes: {}",
                        kind_name(t.kind),
                        allowed.join(", ")
                    ),
                );
            }
        }
        let mut required = |field: &str, value: Option<String>, example: &str| -> String {
            match value.filter(|v| !v.trim().is_empty()) {
                Some(v) => v.trim().to_string(),
                None => {
                    wrong = true;
                    problem(
                        field,
                        format!("the deploy target `{name}` has no `{field}`"),
                        format!("add e.g. `{field}: {example}`"),
                    );
                    String::new()
                }
            }
        };
        let target = match t.kind {
            Kind::Sftp | Kind::Ftps => {
                let server = Server {
                    host: required("host", t.host, "serwer.gmina.pl"),
                    user: required("user", t.user, "mops"),
                    path: required("path", t.path, "/var/www/mops"),
                    port: t.port.unwrap_or(if t.kind == Kind::Sftp { 22 } else { 21 }),
                };
                if t.kind == Kind::Sftp {
                    Target::Sftp {
                        server,
                        key: t.key.map(PathBuf::from),
                        host_key: t.host_key.map(|k| k.trim().to_string()),
                    }
                } else {
                    Target::Ftps {
                        server,
                        insecure: t.insecure,
                        certificate: t.certificate.map(PathBuf::from),
                    }
                }
            }
            Kind::Git => Target::Git {
                repository: required(
                    "repository",
                    t.repository,
                    "git@github.com:mops-jarzebinow/strona.git",
                ),
                branch: required("branch", t.branch, "gh-pages"),
            },
            Kind::Folder => Target::Folder {
                path: PathBuf::from(required("path", t.path, "/media/pendrive/strona")),
            },
        };
        if !wrong {
            targets.insert(name, target);
        }
    }
    (targets, problems)
}

/// `sftp`, `ftps`, `git`, `folder`.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Sftp => "sftp",
        Kind::Ftps => "ftps",
        Kind::Git => "git",
        Kind::Folder => "folder",
    }
}

/// Target names become parts of environment variable names: letters, digits, `-`, `_`.
fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(yaml: &str) -> (Targets, Vec<Diagnostic>) {
        #[derive(Deserialize)]
        struct Only {
            deploy: BTreeMap<String, TargetInput>,
        }
        let input: Only = crate::content::yaml::from_str(yaml).expect("valid YAML");
        validate(Path::new("site.yaml"), yaml, input.deploy)
    }

    #[test]
    fn targets_of_every_kind() {
        let (targets, problems) = check(
            "deploy:\n  urzad:\n    type: sftp\n    host: h\n    user: u\n    path: /www\n    key: klucz\n  ftp:\n    type: ftps\n    host: h\n    port: 2121\n    user: u\n    path: www\n  pages:\n    type: git\n    repository: /r.git\n    branch: gh-pages\n  usb:\n    type: folder\n    path: /media/usb\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            targets["urzad"],
            Target::Sftp {
                server: Server {
                    host: "h".into(),
                    port: 22,
                    user: "u".into(),
                    path: "/www".into()
                },
                key: Some(PathBuf::from("klucz")),
                host_key: None,
            }
        );
        assert!(
            matches!(&targets["ftp"], Target::Ftps { server, insecure: false, .. } if server.port == 2121)
        );
        assert!(matches!(&targets["pages"], Target::Git { branch, .. } if branch == "gh-pages"));
        assert_eq!(
            targets["usb"],
            Target::Folder {
                path: "/media/usb".into()
            }
        );
    }

    #[test]
    fn missing_and_misplaced_fields_are_named_with_their_line() {
        let (targets, problems) = check(
            "title: x\ndeploy:\n  pages:\n    type: git\n    repository: /r.git\n  srv:\n    type: sftp\n    host: h\n    user: u\n    path: /p\n    branch: main\n",
        );
        assert!(targets.is_empty());
        let fields: Vec<_> = problems
            .iter()
            .map(|d| (d.field.clone().unwrap(), d.line))
            .collect();
        assert_eq!(
            fields,
            [
                ("deploy.pages.branch".to_string(), Some(3)),
                ("deploy.srv.branch".to_string(), Some(6))
            ]
        );
    }

    #[test]
    fn passwords_are_refused_with_where_they_go() {
        let (targets, problems) = check(
            "deploy:\n  my-ftp:\n    type: ftps\n    host: h\n    user: u\n    path: p\n    password: tajne\n",
        );
        assert!(targets.is_empty());
        assert_eq!(problems.len(), 1);
        let hint = problems[0].hint.as_ref().unwrap().to_string();
        assert!(hint.contains("TABLICA_DEPLOY_MY_FTP_PASSWORD"), "{hint}");
        assert!(hint.contains(SECRETS_FILE), "{hint}");
    }

    #[test]
    fn names_must_fit_an_environment_variable() {
        let (_, problems) = check("deploy:\n  Mój serwer:\n    type: folder\n    path: /x\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .message
            .to_string()
            .contains("not a valid deploy target name"));
    }
}
