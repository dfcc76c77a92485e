//! Every word `tablica deploy` says to the user: errors, the warning about plain FTP,
//! progress, the dry-run list and the summary. Kept in one file to move into the message
//! catalogue whole.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

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
    BadManifest { target: String, detail: String },
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

impl fmt::Display for DeployError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeployError::NoTargets { file } => write!(
                f,
                "{} has no `deploy:` section, so tablica does not know where to send the site\n  hint: add a target, e.g.\n    deploy:\n      serwer:\n        type: sftp\n        host: serwer.gmina.pl\n        user: mops\n        path: /var/www/mops\n  (docs/deploy.md describes every kind)",
                file.display()
            ),
            DeployError::UnknownTarget { name, known } => write!(
                f,
                "site.yaml has no deploy target `{name}`\n  hint: the targets are: {}",
                known.join(", ")
            ),
            DeployError::ChooseTarget { known } => write!(
                f,
                "site.yaml has several deploy targets; say which one\n  hint: tablica deploy {}",
                known.join(" (or) ")
            ),
            DeployError::NotBuilt { output } => write!(
                f,
                "{} is not a complete build of the site\n  hint: run `tablica build` first (deploy sends only what a build wrote)",
                output.display()
            ),
            DeployError::ReadOutput { path, source } => write!(
                f,
                "cannot read {path} of the built site: {source}\n  hint: build again with `tablica build --force`, then deploy"
            ),
            DeployError::ReadLocal {
                target,
                path,
                source,
            } => write!(
                f,
                "deploy target `{target}`: cannot read {}: {source}\n  hint: check the file name in site.yaml (relative names start in the site folder)",
                path.display()
            ),
            DeployError::SecretsReadable { file, mode } => write!(
                f,
                "{} can be read by other users of this computer (permissions {mode:o}), so tablica will not use its passwords\n  hint: make it private with:  chmod 600 {}",
                file.display(),
                file.display()
            ),
            DeployError::SecretsInvalid { file, detail } => write!(
                f,
                "{} is not valid: {detail}\n  hint: write one section per target, e.g.\n    serwer:\n      password: \"…\"",
                file.display()
            ),
            DeployError::MissingSecret {
                target,
                variable,
                file,
            } => write!(
                f,
                "deploy target `{target}` needs a password, and none is set\n  hint: set the environment variable {variable}, or write it in {} as\n    {target}:\n      password: \"…\"\n  (or give a key file with `key:` in site.yaml)",
                file.display()
            ),
            DeployError::Unreachable {
                target,
                address,
                detail,
            } => write!(
                f,
                "deploy target `{target}`: cannot connect to {address}: {detail}\n  hint: check `host` and `port` in site.yaml and this computer's internet connection; the hosting company can tell whether the server is up"
            ),
            DeployError::Handshake { target, detail } => write!(
                f,
                "deploy target `{target}`: the server answered, but a secure connection could not be set up: {detail}\n  hint: check that `type` and `port` in site.yaml match the service the hosting company gave you (SFTP is usually port 22, FTPS port 21)"
            ),
            DeployError::HostKeyUnknown {
                target,
                host,
                fingerprint,
            } => write!(
                f,
                "deploy target `{target}`: tablica does not know the key of the server {host}, so it cannot tell that it is the real one\n  its key is: {fingerprint}\n  hint: ask the hosting company (or whoever runs the server) for the key's SHA256 fingerprint; if it is the same, add to the target in site.yaml:\n    host_key: {fingerprint}"
            ),
            DeployError::HostKeyChanged {
                target,
                expected,
                found,
            } => write!(
                f,
                "deploy target `{target}`: the server's key is not the one in site.yaml (expected {expected}, the server has {found}); nothing was sent\n  hint: someone may be pretending to be the server. Ask the hosting company whether the key was changed; only if they confirm {found}, put it in `host_key:`"
            ),
            DeployError::Auth {
                target,
                user,
                detail,
            } => write!(
                f,
                "deploy target `{target}`: the server refused to log in user `{user}`: {detail}\n  hint: check `user` in site.yaml and the password (or the key file and its passphrase)"
            ),
            DeployError::Remote {
                target,
                action,
                error,
            } => {
                let doing = match action {
                    Action::Reading => "cannot read",
                    Action::Writing => "cannot write",
                    Action::Deleting => "cannot delete",
                    Action::Publishing => "cannot publish",
                };
                let hint = match error.problem {
                    Problem::PermissionDenied => "the account may not write in that folder: check `path` in site.yaml, or ask the hosting company to give the user write access to it",
                    Problem::DiskFull => "the server's disk or quota is full: delete old files there or ask the hosting company for more space, then deploy again",
                    Problem::NotFound => "check `path` in site.yaml: the folder must exist on the server or be creatable",
                    Problem::Connection => "the connection broke: run `tablica deploy` again, it continues where it stopped",
                    Problem::Other => "run `tablica deploy` again; if it fails the same way, show this message to the hosting company",
                };
                write!(
                    f,
                    "deploy target `{target}`: {doing} {}: {}\n  hint: {hint}\n  The site on the server is still whole: pages already sent link only to files sent before them, and a rerun sends the rest.",
                    error.path, error.detail
                )
            }
            DeployError::BadManifest { target, detail } => write!(
                f,
                "deploy target `{target}`: its list of deployed files ({}) is damaged: {detail}\n  hint: delete that file on the target and deploy again: every file will be sent anew",
                super::plan::MANIFEST
            ),
            DeployError::GitMissing { target } => write!(
                f,
                "deploy target `{target}` needs the `git` program, which is not installed\n  hint: install Git (https://git-scm.com/) and try again"
            ),
            DeployError::Git {
                target,
                command,
                output,
            } => write!(
                f,
                "deploy target `{target}`: `{command}` failed:\n{output}\n  hint: check `repository` and `branch` in site.yaml, and that this computer may push to the repository (try `git push` there yourself)"
            ),
        }
    }
}

/// The warning before a plain FTP connection.
pub fn insecure_warning(target: &str) -> String {
    format!(
        "warning: deploy target `{target}` uses plain FTP (`insecure: true`): the password and every file travel unencrypted; use FTPS or SFTP if the server offers it"
    )
}

/// The progress bar's template and the label of each phase.
pub const PROGRESS_TEMPLATE: &str = "{prefix} {bar:30} {bytes}/{total_bytes} {msg}";

pub fn phase_label(phase: Phase) -> &'static str {
    match phase {
        Phase::Assets => "photos and files",
        Phase::Pages => "pages",
        Phase::Lists => "lists and feeds",
    }
}

/// The commit message of a Git deploy.
pub fn commit_message(sent: usize, deleted: usize) -> String {
    format!("tablica deploy: {sent} files sent, {deleted} deleted")
}

/// What `--dry-run` prints: one line per change, then a summary.
pub fn dry_run_listing(target: &str, plan: &Plan) -> String {
    let mut out = String::new();
    for (_, u) in &plan.uploads {
        let mark = if u.new { "new    " } else { "changed" };
        out.push_str(&format!("  {mark} {} ({})\n", u.path, size(u.size)));
    }
    for d in &plan.deletions {
        out.push_str(&format!("  delete  {d}\n"));
    }
    out.push_str(&format!(
        "dry run: {} files would be sent ({}), {} deleted, {} unchanged; nothing was changed on `{target}`",
        plan.uploads.len(),
        size(plan.bytes()),
        plan.deletions.len(),
        plan.unchanged
    ));
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

impl fmt::Display for DeployReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sent == 0 && self.deleted == 0 {
            return write!(
                f,
                "up to date: `{}` already has this site ({} files)",
                self.target, self.unchanged
            );
        }
        write!(
            f,
            "deployed to `{}`: {} files sent ({}), {} deleted, {} unchanged, in {:.2} s",
            self.target,
            self.sent,
            size(self.bytes),
            self.deleted,
            self.unchanged,
            self.duration.as_secs_f64()
        )
    }
}

/// "512 B", "12.3 kB", "4.5 MB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} kB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}
