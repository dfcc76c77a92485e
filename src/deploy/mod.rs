//! `tablica deploy`: sends the built site to a target named in site.yaml (`deploy:`), over
//! SFTP, FTPS, Git or to a folder.
//!
//! Incremental: the target keeps a manifest ([`plan::MANIFEST`]) of the hash of every file
//! sent; only files whose hash differs are sent, and files the site no longer has are
//! deleted. Safe when cut off: files go up in [`plan::Phase`] order (photos and files, then
//! pages, then the lists and feeds that link to them), each under a temporary name renamed
//! into place, deletions last, and the manifest is rewritten after each phase. A broken run
//! leaves every page whole and linking only to what is there; the next run sends the rest.

mod connect;
mod ftp;
mod git;
pub(crate) mod messages;
pub(crate) mod plan;
mod remote;
mod secrets;
mod sftp;

use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::build::output::MARKER;
use crate::build::CACHE_DIR;
use crate::config::deploy::Target;
use crate::config::Config;
use crate::locale::catalogue::Deploy;
use crate::locale::Message;

pub use messages::{Action, DeployError, DeployReport};
use plan::{Manifest, Phase, Plan, MANIFEST};
use remote::{LocalDir, Remote};

/// The progress bar: the phase, the bar, bytes sent of all, the file being sent.
const PROGRESS_TEMPLATE: &str = "{prefix} {bar:30} {bytes}/{total_bytes} {msg}";

/// What to deploy, and where.
#[derive(Debug, Clone)]
pub struct DeployOptions {
    /// The site folder (the one holding `content/`).
    pub root: PathBuf,
    /// The built site; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// The target's name in site.yaml; may be left out when there is only one.
    pub target: Option<String>,
    /// List what would change, change nothing.
    pub dry_run: bool,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
}

/// What a deploy did, or would do.
#[derive(Debug)]
pub enum Outcome {
    Deployed(DeployReport),
    /// `--dry-run`: the list of changes, for printing.
    DryRun(String),
}

/// Sends the built site to the target.
pub fn deploy(config: &Config, options: &DeployOptions) -> Result<Outcome, DeployError> {
    let start = Instant::now();
    let (name, target) = choose(config, options.target.as_deref())?;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"));
    if !output.join(MARKER).is_file() {
        return Err(DeployError::NotBuilt { output });
    }
    let preview_target = config.deploy_previews.contains(name);
    if is_preview_build(&output) != preview_target {
        return Err(DeployError::WrongBuild {
            output,
            target: name.to_string(),
            preview_target,
        });
    }
    let local = plan::local_files(&output)
        .map_err(|(path, source)| DeployError::ReadOutput { path, source })?;
    let mut remote = open(name, target, &options.root)?;
    let manifest = read_manifest(name, remote.as_mut())?;
    let plan = Plan::new(&local, &manifest, &config.paths);
    if options.dry_run {
        let listing = messages::dry_run_listing(name, &plan, crate::locale::language());
        return Ok(Outcome::DryRun(listing));
    }
    let mut run = Run {
        name,
        remote: remote.as_mut(),
        manifest,
    };
    let bar = progress_bar(options.progress, plan.bytes());
    let mut bytes = 0;
    for phase in [Phase::Assets, Phase::Pages, Phase::Lists] {
        bar.set_prefix(messages::phase_label(phase));
        let mut sent_any = false;
        for (_, upload) in plan.uploads.iter().filter(|(p, _)| *p == phase) {
            bar.set_message(upload.path.clone());
            let data = std::fs::read(output.join(&upload.path)).map_err(|source| {
                DeployError::ReadOutput {
                    path: upload.path.clone(),
                    source,
                }
            })?;
            run.remote
                .write(&upload.path, &data)
                .map_err(|error| remote_error(name, Action::Writing, error))?;
            // The hash of what was sent, should the file have changed since it was planned.
            run.manifest.files.insert(
                upload.path.clone(),
                blake3::hash(&data).to_hex().to_string(),
            );
            bytes += data.len() as u64;
            bar.inc(data.len() as u64);
            sent_any = true;
        }
        if sent_any {
            run.save_manifest()?;
        }
    }
    bar.finish_and_clear();
    for path in &plan.deletions {
        run.remote
            .remove(path)
            .map_err(|error| remote_error(name, Action::Deleting, error))?;
        run.manifest.files.remove(path);
    }
    for dir in plan.emptied_dirs(&local) {
        run.remote.remove_empty_dir(&dir);
    }
    if !plan.deletions.is_empty() {
        run.save_manifest()?;
    }
    if !plan.is_empty() {
        run.remote.finish(&messages::commit_message(
            plan.uploads.len(),
            plan.deletions.len(),
        ))?;
    }
    Ok(Outcome::Deployed(DeployReport {
        target: name.to_string(),
        sent: plan.uploads.len(),
        bytes,
        deleted: plan.deletions.len(),
        unchanged: plan.unchanged,
        duration: start.elapsed(),
    }))
}

/// The folder `deploy` sends to the target named (or the only one), and whether that target
/// gets a preview build (`preview: true`; false when there is no such target: `deploy` says
/// why).
///
/// When `deploy` builds: `output` (`--output`) when given, else for a preview target a folder
/// of tablica's own in its cache, so that `public/` stays the published site, else `public/`.
/// With `--no-build` (`built`): what `tablica build` wrote, `output` or `public/`; [`deploy`]
/// refuses it when it is not the kind of build the target gets.
pub fn source(
    config: &Config,
    root: &Path,
    name: Option<&str>,
    (output, built): (Option<PathBuf>, bool),
) -> (PathBuf, bool) {
    let preview = choose(config, name).is_ok_and(|(name, _)| config.deploy_previews.contains(name));
    let folder = match output {
        Some(output) => output,
        None if preview && !built => root.join(CACHE_DIR).join("preview"),
        None => root.join("public"),
    };
    (folder, preview)
}

/// Whether the built site in `output` is a preview build: its robots.txt turns every search
/// engine away, as only a preview's does.
fn is_preview_build(output: &Path) -> bool {
    std::fs::read(output.join("robots.txt"))
        .is_ok_and(|r| r == crate::publish::feeds::PREVIEW_ROBOTS.as_bytes())
}

/// The target named, or the only one.
fn choose<'c>(
    config: &'c Config,
    name: Option<&str>,
) -> Result<(&'c str, &'c Target), DeployError> {
    let known = || config.deploy.keys().cloned().collect::<Vec<_>>();
    match name {
        Some(name) => config
            .deploy
            .get_key_value(name)
            .map(|(n, t)| (n.as_str(), t))
            .ok_or_else(|| DeployError::UnknownTarget {
                name: name.to_string(),
                known: known(),
            }),
        None => {
            let mut targets = config.deploy.iter();
            match (targets.next(), targets.next()) {
                (Some((n, t)), None) => Ok((n.as_str(), t)),
                (None, _) => Err(DeployError::NoTargets {
                    file: config.file.clone(),
                }),
                _ => Err(DeployError::ChooseTarget { known: known() }),
            }
        }
    }
}

/// Connects to the target.
fn open(name: &str, target: &Target, root: &Path) -> Result<Box<dyn Remote>, DeployError> {
    Ok(match target {
        Target::Sftp {
            server,
            key,
            host_key,
        } => Box::new(sftp::connect(
            name,
            root,
            server,
            key.as_deref().map(|k| local_path(root, k)).as_deref(),
            host_key.as_deref(),
        )?),
        Target::Ftps {
            server,
            insecure,
            certificate,
        } => Box::new(ftp::connect(
            name,
            root,
            server,
            *insecure,
            certificate
                .as_deref()
                .map(|c| local_path(root, c))
                .as_deref(),
        )?),
        Target::Git { repository, branch } => {
            // A local repository named relative to the site; addresses (`https://…`,
            // `git@host:…`) and absolute paths as written.
            let repository = match repository.contains(':') || Path::new(repository).is_absolute() {
                true => repository.clone(),
                false => root.join(repository).display().to_string(),
            };
            let clone = root.join(CACHE_DIR).join("deploy").join(name);
            Box::new(git::connect(name, &repository, branch, clone)?)
        }
        Target::Folder { path } => {
            let path = local_path(root, path);
            // A drive that is not mounted must not become a new folder on this disk.
            if !path.is_dir() {
                return Err(remote_error(
                    name,
                    Action::Reading,
                    remote::RemoteError::new(
                        remote::Problem::NotFound,
                        &path.display().to_string(),
                        Message::new(Deploy::FolderMissing).to_string(),
                    ),
                ));
            }
            Box::new(LocalDir::new(path))
        }
    })
}

/// A local path from site.yaml: `~/x` in the home folder, relative ones in the site folder.
fn local_path(root: &Path, written: &Path) -> PathBuf {
    match (written.strip_prefix("~"), connect::home()) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => root.join(written),
    }
}

fn remote_error(target: &str, action: Action, error: remote::RemoteError) -> DeployError {
    DeployError::Remote {
        target: target.to_string(),
        action,
        error,
    }
}

fn read_manifest(name: &str, remote: &mut dyn Remote) -> Result<Manifest, DeployError> {
    match remote
        .read(MANIFEST)
        .map_err(|error| remote_error(name, Action::Reading, error))?
    {
        None => Ok(Manifest::default()),
        Some(bytes) => Manifest::parse(&bytes).map_err(|detail| DeployError::BadManifest {
            target: name.to_string(),
            detail,
        }),
    }
}

/// A deploy under way: the target and the manifest of what it holds now.
struct Run<'a> {
    name: &'a str,
    remote: &'a mut dyn Remote,
    manifest: Manifest,
}

impl Run<'_> {
    fn save_manifest(&mut self) -> Result<(), DeployError> {
        self.remote
            .write(MANIFEST, &self.manifest.to_bytes())
            .map_err(|error| remote_error(self.name, Action::Writing, error))
    }
}

fn progress_bar(show: bool, total: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    if show {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(PROGRESS_TEMPLATE) {
            bar.set_style(style);
        }
    }
    bar
}
