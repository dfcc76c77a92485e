//! What `tablica deploy` says to the user, as messages of the catalogue
//! ([`crate::locale::catalogue::Deploy`]) in the run's language: errors with their hints, the
//! warning about plain FTP, the progress bar's phases, the dry-run list and the summary.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::locale::catalogue::{Cli, Deploy as M};
use crate::locale::{file_size, language, msg, seconds, Lang, Message};

use super::plan::{Phase, Plan};
use super::remote::{Problem, RemoteError};

/// How a deploy fails. Each message names the target and says what to do.
#[derive(Debug)]
pub enum DeployError {
    /// site.yaml has no `deploy:` section.
    NoTargets { file: PathBuf },
    /// `tablica deploy NAME` with a name site.yaml does not have.
    UnknownTarget { name: String, known: Vec<String> },
    /// Several targets and none named.
    ChooseTarget { known: Vec<String> },
    /// The output folder is not a complete build.
    NotBuilt { output: PathBuf },
    /// `--no-build`: the folder holds a preview build for a target publishing the site, or the
    /// site for a preview target (`preview: true`).
    WrongBuild {
        output: PathBuf,
        target: String,
        preview_target: bool,
    },
    /// A file of the output could not be read.
    ReadOutput {
        path: String,
        source: std::io::Error,
    },
    /// A local file the target names (key, certificate) could not be read.
    ReadLocal {
        target: String,
        path: PathBuf,
        source: std::io::Error,
    },
    /// The secrets file may be read by other users.
    SecretsReadable { file: PathBuf, mode: u32 },
    /// The secrets file is not valid.
    SecretsInvalid { file: PathBuf, detail: String },
    /// A password (or passphrase) the target needs is nowhere.
    MissingSecret {
        target: String,
        variable: String,
        file: PathBuf,
    },
    /// The server could not be reached.
    Unreachable {
        target: String,
        address: String,
        detail: String,
    },
    /// The connection was made, but SSH or TLS could not be set up on it.
    Handshake { target: String, detail: String },
    /// An SFTP server whose key is not known.
    HostKeyUnknown {
        target: String,
        host: String,
        fingerprint: String,
    },
    /// An SFTP server whose key is not the one expected.
    HostKeyChanged {
        target: String,
        expected: String,
        found: String,
    },
    /// The server refused the user name, password or key.
    Auth {
        target: String,
        user: String,
        detail: String,
    },
    /// An operation on the target failed.
    Remote {
        target: String,
        action: Action,
        error: RemoteError,
    },
    /// The manifest on the target is damaged.
    BadManifest { target: String, detail: Message },
    /// The `git` command is not installed.
    GitMissing { target: String },
    /// A `git` command failed.
    Git {
        target: String,
        command: String,
        output: String,
    },
}

/// What the deploy was doing when the target refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reading,
    Writing,
    Deleting,
    Publishing,
}

impl std::error::Error for DeployError {}

/// The message and, on the lines below it, what to do.
impl fmt::Display for DeployError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = language();
        write!(
            f,
            "{}\n  {}: {}",
            self.message().render(lang),
            Message::new(Cli::Hint).render(lang),
            self.hint().render(lang)
        )
    }
}

impl DeployError {
    /// What went wrong.
    pub fn message(&self) -> Message {
        match self {
            DeployError::NoTargets { file } => msg!(M::NoTargets, file = shown(file)),
            DeployError::UnknownTarget { name, .. } => msg!(M::UnknownTarget, name = name),
            DeployError::ChooseTarget { .. } => Message::new(M::ChooseTarget),
            DeployError::NotBuilt { output } => msg!(M::NotBuilt, output = shown(output)),
            DeployError::WrongBuild {
                output,
                target,
                preview_target,
            } => {
                let key = match preview_target {
                    true => M::NotPreviewBuild,
                    false => M::PreviewBuild,
                };
                msg!(key, output = shown(output), target = target)
            }
            DeployError::ReadOutput { path, source } => {
                msg!(M::ReadOutput, path = path, error = source.to_string())
            }
            DeployError::ReadLocal {
                target,
                path,
                source,
            } => msg!(
                M::ReadLocal,
                target = target,
                path = shown(path),
                error = source.to_string()
            ),
            DeployError::SecretsReadable { file, mode } => msg!(
                M::SecretsReadable,
                file = shown(file),
                mode = format!("{mode:o}")
            ),
            DeployError::SecretsInvalid { file, detail } => {
                msg!(M::SecretsInvalid, file = shown(file), detail = detail)
            }
            DeployError::MissingSecret { target, .. } => msg!(M::MissingSecret, target = target),
            DeployError::Unreachable {
                target,
                address,
                detail,
            } => msg!(
                M::Unreachable,
                target = target,
                address = address,
                detail = detail
            ),
            DeployError::Handshake { target, detail } => {
                msg!(M::Handshake, target = target, detail = detail)
            }
            DeployError::HostKeyUnknown {
                target,
                host,
                fingerprint,
            } => msg!(
                M::HostKeyUnknown,
                target = target,
                host = host,
                fingerprint = fingerprint
            ),
            DeployError::HostKeyChanged {
                target,
                expected,
                found,
            } => msg!(
                M::HostKeyChanged,
                target = target,
                expected = expected,
                found = found
            ),
            DeployError::Auth {
                target,
                user,
                detail,
            } => msg!(M::Auth, target = target, user = user, detail = detail),
            DeployError::Remote {
                target,
                action,
                error,
            } => {
                let doing = match action {
                    Action::Reading => M::CannotRead,
                    Action::Writing => M::CannotWrite,
                    Action::Deleting => M::CannotDelete,
                    Action::Publishing => M::CannotPublish,
                };
                msg!(
                    M::Remote,
                    target = target,
                    doing = Message::new(doing),
                    path = &error.path,
                    detail = &error.detail
                )
            }
            DeployError::BadManifest { target, detail } => msg!(
                M::BadManifest,
                target = target,
                manifest = super::plan::MANIFEST,
                detail = detail.clone()
            ),
            DeployError::GitMissing { target } => msg!(M::GitMissing, target = target),
            DeployError::Git {
                target,
                command,
                output,
            } => msg!(M::Git, target = target, command = command, output = output),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Message {
        match self {
            DeployError::NoTargets { .. } => M::NoTargetsHint.into(),
            DeployError::UnknownTarget { known, .. } => {
                msg!(M::UnknownTargetHint, known = known.join(", "))
            }
            DeployError::ChooseTarget { known } => {
                msg!(M::ChooseTargetHint, known = alternatives(known))
            }
            DeployError::NotBuilt { .. } => M::NotBuiltHint.into(),
            DeployError::WrongBuild {
                target,
                preview_target,
                ..
            } => {
                let key = match preview_target {
                    true => M::NotPreviewBuildHint,
                    false => M::PreviewBuildHint,
                };
                msg!(key, target = target)
            }
            DeployError::ReadOutput { .. } => M::ReadOutputHint.into(),
            DeployError::ReadLocal { .. } => M::ReadLocalHint.into(),
            DeployError::SecretsReadable { file, .. } => {
                msg!(M::SecretsReadableHint, file = shown(file))
            }
            DeployError::SecretsInvalid { .. } => M::SecretsInvalidHint.into(),
            DeployError::MissingSecret {
                target,
                variable,
                file,
            } => msg!(
                M::MissingSecretHint,
                target = target,
                variable = variable,
                file = shown(file)
            ),
            DeployError::Unreachable { .. } => M::UnreachableHint.into(),
            DeployError::Handshake { .. } => M::HandshakeHint.into(),
            DeployError::HostKeyUnknown { fingerprint, .. } => {
                msg!(M::HostKeyUnknownHint, fingerprint = fingerprint)
            }
            DeployError::HostKeyChanged { found, .. } => {
                msg!(M::HostKeyChangedHint, found = found)
            }
            DeployError::Auth { .. } => M::AuthHint.into(),
            DeployError::Remote { error, .. } => {
                let hint = match error.problem {
                    Problem::PermissionDenied => M::PermissionDeniedHint,
                    Problem::DiskFull => M::DiskFullHint,
                    Problem::NotFound => M::NotFoundHint,
                    Problem::Connection => M::ConnectionHint,
                    Problem::Other => M::OtherHint,
                };
                msg!(M::RemoteHint, hint = Message::new(hint))
            }
            DeployError::BadManifest { .. } => M::BadManifestHint.into(),
            DeployError::GitMissing { .. } => M::GitMissingHint.into(),
            DeployError::Git { .. } => M::GitHint.into(),
        }
    }
}

/// "a (or) b (or) c", in the language the message is rendered in.
fn alternatives(names: &[String]) -> Message {
    match names {
        [first, rest @ ..] if !rest.is_empty() => {
            msg!(M::Or, first = first, rest = alternatives(rest))
        }
        _ => Message::text(names.join("")),
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The warning before a plain FTP connection.
pub fn insecure_warning(target: &str) -> String {
    format!(
        "{}: {}",
        Message::new(Cli::Warning),
        msg!(M::InsecureFtp, target = target)
    )
}

pub fn phase_label(phase: Phase) -> String {
    let key = match phase {
        Phase::Assets => M::PhaseAssets,
        Phase::Pages => M::PhasePages,
        Phase::Lists => M::PhaseLists,
    };
    Message::new(key).to_string()
}

/// The commit message of a Git deploy.
pub fn commit_message(sent: usize, deleted: usize) -> String {
    msg!(M::CommitMessage, sent = sent, deleted = deleted).to_string()
}

/// What `--dry-run` prints: one line per change, then a summary.
pub fn dry_run_listing(target: &str, plan: &Plan, lang: Lang) -> String {
    let [new, changed, delete] = [M::New, M::Changed, M::Delete].map(|k| k.template(lang));
    let width = [new, changed, delete]
        .iter()
        .map(|m| m.chars().count())
        .max()
        .unwrap_or_default();
    let mut out = String::new();
    for (_, u) in &plan.uploads {
        let mark = if u.new { new } else { changed };
        let size = file_size(lang, u.size);
        out.push_str(&format!("  {mark:<width$} {} ({size})\n", u.path));
    }
    for d in &plan.deletions {
        out.push_str(&format!("  {delete:<width$} {d}\n"));
    }
    let summary = msg!(
        M::DryRun,
        sent = plan.uploads.len(),
        size = file_size(lang, plan.bytes()),
        deleted = plan.deletions.len(),
        unchanged = plan.unchanged,
        target = target
    );
    out.push_str(&summary.render(lang));
    out
}

/// What a finished deploy did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployReport {
    pub target: String,
    pub sent: usize,
    pub bytes: u64,
    pub deleted: usize,
    pub unchanged: usize,
    pub duration: Duration,
}

impl DeployReport {
    /// The summary in `lang`.
    pub fn message(&self, lang: Lang) -> Message {
        if self.sent == 0 && self.deleted == 0 {
            return msg!(M::UpToDate, target = &self.target, files = self.unchanged);
        }
        msg!(
            M::Deployed,
            target = &self.target,
            sent = self.sent,
            size = file_size(lang, self.bytes),
            deleted = self.deleted,
            unchanged = self.unchanged,
            seconds = seconds(lang, self.duration)
        )
    }
}

impl fmt::Display for DeployReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = language();
        f.write_str(&self.message(lang).render(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(sent: usize) -> DeployReport {
        DeployReport {
            target: "pendrive".to_string(),
            sent,
            bytes: 1_258_291,
            deleted: 3,
            unchanged: 12,
            duration: Duration::from_millis(1250),
        }
    }

    #[test]
    fn the_summary_counts_files_with_polish_plurals() {
        let said = |sent| report(sent).message(Lang::Pl).render(Lang::Pl);
        assert_eq!(
            said(5),
            "opublikowano w `pendrive`: wysłano 5 plików (1,2\u{a0}MB), usunięto 3, bez zmian 12, czas: 1,25 s"
        );
        for (n, files) in [
            (1, "1 plik "),
            (2, "2 pliki "),
            (12, "12 plików "),
            (22, "22 pliki "),
        ] {
            assert!(
                said(n).contains(&format!("wysłano {files}(")),
                "{}",
                said(n)
            );
        }
        let english = report(1).message(Lang::En).render(Lang::En);
        assert_eq!(
            english,
            "deployed to `pendrive`: 1 file sent (1.2\u{a0}MB), 3 deleted, 12 unchanged, in 1.25 s"
        );
        assert_eq!(
            DeployReport {
                deleted: 0,
                ..report(0)
            }
            .message(Lang::Pl)
            .render(Lang::Pl),
            "aktualne: w `pendrive` jest już ta wersja strony (12 plików)"
        );
    }

    #[test]
    fn errors_render_with_their_hint_in_each_language() {
        let e = DeployError::ChooseTarget {
            known: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            e.message().render(Lang::Pl),
            "site.yaml ma kilka miejsc publikacji; wskaż jedno z nich"
        );
        assert_eq!(e.hint().render(Lang::En), "tablica deploy a (or) b");
        let three = DeployError::ChooseTarget {
            known: vec!["a".into(), "b".into(), "c".into()],
        };
        assert_eq!(
            three.hint().render(Lang::Pl),
            "wpisz: tablica deploy a (albo) b (albo) c"
        );
    }
}
