//! A branch of a Git repository (GitHub, GitLab or Codeberg Pages): a working copy of the
//! branch in tablica's cache is brought to the remote's state, updated like a folder, then
//! committed and pushed. Runs the `git` program, with the user's own credentials.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::messages::DeployError;
use super::remote::{LocalDir, Remote, RemoteError};

pub struct GitTarget {
    name: String,
    dir: LocalDir,
    branch: String,
}

fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        // Never wait for a password typed on the terminal: fail and say so.
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C");
    command
}

/// Runs a git command, returning its output when it succeeds.
fn run(name: &str, mut command: Command, shown: &str) -> Result<Output, DeployError> {
    let output = command.output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => DeployError::GitMissing {
            target: name.to_string(),
        },
        _ => DeployError::Git {
            target: name.to_string(),
            command: shown.to_string(),
            output: e.to_string(),
        },
    })?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(DeployError::Git {
            target: name.to_string(),
            command: shown.to_string(),
            output: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        })
    }
}

/// Makes `dir` a working copy of `branch` of `repository` as it is there now (or an empty
/// new branch, when the repository has none of that name).
pub fn connect(
    name: &str,
    repository: &str,
    branch: &str,
    dir: PathBuf,
) -> Result<GitTarget, DeployError> {
    let fail = |e: std::io::Error| DeployError::Git {
        target: name.to_string(),
        command: format!("mkdir {}", dir.display()),
        output: e.to_string(),
    };
    if !dir.join(".git").exists() {
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let mut init = git(&dir);
        init.args(["init", "-q"]);
        run(name, init, "git init")?;
    }
    let mut set_url = git(&dir);
    set_url.args(["remote", "remove", "origin"]);
    let _ = set_url.output();
    let mut add = git(&dir);
    add.args(["remote", "add", "origin", repository]);
    run(name, add, "git remote add origin")?;
    let mut ls = git(&dir);
    ls.args(["ls-remote", "--heads", "origin", branch]);
    let heads = run(name, ls, &format!("git ls-remote {repository}"))?;
    let exists = !heads.stdout.is_empty();
    if exists {
        let mut fetch = git(&dir);
        fetch.args(["fetch", "-q", "--depth", "1", "origin", branch]);
        run(name, fetch, &format!("git fetch {repository} {branch}"))?;
        let mut checkout = git(&dir);
        checkout.args(["checkout", "-q", "-f", "-B", branch, "FETCH_HEAD"]);
        run(name, checkout, "git checkout")?;
    } else {
        // A new branch with no history: start from an empty tree.
        let mut orphan = git(&dir);
        orphan.args(["checkout", "-q", "-f", "--orphan", branch]);
        run(name, orphan, "git checkout --orphan")?;
        let mut clear = git(&dir);
        clear.args(["rm", "-q", "-r", "-f", "--cached", "--ignore-unmatch", "."]);
        run(name, clear, "git rm")?;
    }
    let mut clean = git(&dir);
    clean.args(["clean", "-q", "-d", "-f", "-x"]);
    run(name, clean, "git clean")?;
    Ok(GitTarget {
        name: name.to_string(),
        dir: LocalDir::new(dir),
        branch: branch.to_string(),
    })
}

impl GitTarget {
    fn commit_and_push(&self, summary: &str) -> Result<(), DeployError> {
        let dir = self.dir.root();
        let name = &self.name;
        let mut add = git(dir);
        add.args(["add", "-A"]);
        run(name, add, "git add")?;
        let mut commit = git(dir);
        // The user's own name when Git knows it; otherwise tablica's.
        let mut who = git(dir);
        who.args(["config", "user.email"]);
        if !who.output().is_ok_and(|o| o.status.success()) {
            commit.args([
                "-c",
                "user.name=tablica",
                "-c",
                "user.email=tablica@localhost",
            ]);
        }
        commit.args(["commit", "-q", "-m", summary]);
        run(name, commit, "git commit")?;
        let mut push = git(dir);
        push.args([
            "push",
            "-q",
            "origin",
            &format!("HEAD:refs/heads/{}", self.branch),
        ]);
        run(name, push, &format!("git push origin {}", self.branch))?;
        Ok(())
    }
}

impl Remote for GitTarget {
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        self.dir.read(path)
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), RemoteError> {
        self.dir.write(path, bytes)
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        self.dir.remove(path)
    }

    fn remove_empty_dir(&mut self, path: &str) {
        self.dir.remove_empty_dir(path);
    }

    fn finish(&mut self, summary: &str) -> Result<(), DeployError> {
        self.commit_and_push(summary)
    }
}
