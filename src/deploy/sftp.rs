//! SFTP through libssh2 (the `ssh2` crate): the server's key is checked against `host_key:`
//! or the user's `~/.ssh/known_hosts` before any password or key is sent.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use base64::Engine as _;
use ssh2::{CheckResult, ErrorCode, HashType, KnownHostFileKind, Session, Sftp};

use crate::config::deploy::Server;
use crate::locale::catalogue::Deploy;
use crate::locale::Message;

use super::connect::{home, tcp};
use super::messages::DeployError;
use super::remote::{temporary_name, MadeDirs, Problem, Remote, RemoteError};
use super::secrets::{self, Secret};

/// How long one network operation may take before the connection counts as broken.
const TIMEOUT_MS: u32 = 60_000;

pub struct SftpTarget {
    sftp: Sftp,
    /// Kept open for as long as `sftp`.
    _session: Session,
    base: String,
    made: MadeDirs,
}

/// `SHA256:…` as OpenSSH prints it.
fn fingerprint(session: &Session) -> String {
    let hash = session.host_key_hash(HashType::Sha256).unwrap_or_default();
    format!(
        "SHA256:{}",
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(hash)
    )
}

/// Connects, checks the server's key and logs in.
pub fn connect(
    name: &str,
    root: &Path,
    server: &Server,
    key: Option<&Path>,
    host_key: Option<&str>,
) -> Result<SftpTarget, DeployError> {
    let stream: TcpStream = tcp(name, &server.host, server.port)?;
    let handshake = |e: ssh2::Error| DeployError::Handshake {
        target: name.to_string(),
        detail: e.message().to_string(),
    };
    let mut session = Session::new().map_err(handshake)?;
    session.set_tcp_stream(stream);
    session.set_timeout(TIMEOUT_MS);
    session.handshake().map_err(handshake)?;
    check_host_key(name, &session, server, host_key)?;
    let auth = |e: ssh2::Error| DeployError::Auth {
        target: name.to_string(),
        user: server.user.clone(),
        detail: e.message().to_string(),
    };
    match key {
        Some(key) => {
            if let Err(source) = std::fs::metadata(key) {
                return Err(DeployError::ReadLocal {
                    target: name.to_string(),
                    path: key.to_path_buf(),
                    source,
                });
            }
            let passphrase = secrets::find(root, name, Secret::Passphrase)?;
            session
                .userauth_pubkey_file(&server.user, None, key, passphrase.as_deref())
                .map_err(auth)?;
        }
        None => {
            let password = secrets::require_password(root, name)?;
            session
                .userauth_password(&server.user, &password)
                .map_err(auth)?;
        }
    }
    let sftp = session.sftp().map_err(handshake)?;
    Ok(SftpTarget {
        sftp,
        _session: session,
        base: server.path.trim_end_matches('/').to_string(),
        made: MadeDirs::default(),
    })
}

fn check_host_key(
    name: &str,
    session: &Session,
    server: &Server,
    expected: Option<&str>,
) -> Result<(), DeployError> {
    let found = fingerprint(session);
    let unknown = || DeployError::HostKeyUnknown {
        target: name.to_string(),
        host: server.host.clone(),
        fingerprint: found.clone(),
    };
    if let Some(expected) = expected {
        // `ssh-keygen -l` prints the fingerprint without padding; accept it with `=` too.
        return match expected.trim_end_matches('=') == found {
            true => Ok(()),
            false => Err(DeployError::HostKeyChanged {
                target: name.to_string(),
                expected: expected.to_string(),
                found,
            }),
        };
    }
    let (Some(home), Some((key, _))) = (home(), session.host_key()) else {
        return Err(unknown());
    };
    let mut known = session.known_hosts().map_err(|_| unknown())?;
    if known
        .read_file(
            &home.join(".ssh").join("known_hosts"),
            KnownHostFileKind::OpenSSH,
        )
        .is_err()
    {
        return Err(unknown());
    }
    match known.check_port(&server.host, server.port, key) {
        CheckResult::Match => Ok(()),
        CheckResult::Mismatch => Err(DeployError::HostKeyChanged {
            target: name.to_string(),
            expected: "the key in ~/.ssh/known_hosts".to_string(),
            found,
        }),
        CheckResult::NotFound | CheckResult::Failure => Err(unknown()),
    }
}

/// What an SFTP status means for the user.
fn problem(e: &ssh2::Error) -> Problem {
    // SSH_FX_* codes of the SFTP protocol; OpenSSH reports a full disk as FAILURE (4).
    match e.code() {
        ErrorCode::SFTP(2) => Problem::NotFound,
        ErrorCode::SFTP(3) => Problem::PermissionDenied,
        ErrorCode::SFTP(14 | 15) => Problem::DiskFull,
        ErrorCode::SFTP(6 | 7) | ErrorCode::Session(_) => Problem::Connection,
        ErrorCode::SFTP(_) => Problem::Other,
    }
}

fn remote_error(path: &str, e: &ssh2::Error) -> RemoteError {
    let detail = match e.code() {
        ErrorCode::SFTP(4) => Message::new(Deploy::ServerFailure).to_string(),
        _ => e.message().to_string(),
    };
    RemoteError::new(problem(e), path, detail)
}

/// An I/O error from reading or writing an SFTP file: ssh2 keeps only the message and the
/// kind of the SFTP status.
fn io_error(path: &str, e: &std::io::Error) -> RemoteError {
    let problem = match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Problem::Connection,
        _ => RemoteError::io(path, e).problem,
    };
    RemoteError::new(problem, path, e.to_string())
}

impl SftpTarget {
    fn full(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }
}

impl Remote for SftpTarget {
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        let mut file = match self.sftp.open(Path::new(&self.full(path))) {
            Ok(file) => file,
            Err(e) if problem(&e) == Problem::NotFound => return Ok(None),
            Err(e) => return Err(remote_error(path, &e)),
        };
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| io_error(path, &e))?;
        Ok(Some(bytes))
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), RemoteError> {
        let full = self.full(path);
        let dir = full.rsplit_once('/').map_or("", |(d, _)| d);
        let sftp = &self.sftp;
        self.made.ensure(dir, |d| match sftp.stat(Path::new(d)) {
            Ok(stat) if stat.is_dir() => Ok(()),
            _ => sftp
                .mkdir(Path::new(d), 0o755)
                .map_err(|e| remote_error(path, &e)),
        })?;
        let tmp = temporary_name(&full);
        let mut file = sftp
            .create(Path::new(&tmp))
            .map_err(|e| remote_error(path, &e))?;
        file.write_all(bytes).map_err(|e| io_error(path, &e))?;
        file.close().map_err(|e| remote_error(path, &e))?;
        drop(file);
        // SFTP version 3 (OpenSSH) does not rename over an existing file: delete it first.
        // The page is missing only between these two requests.
        if let Err(e) = sftp.rename(Path::new(&tmp), Path::new(&full), None) {
            if e.code() != ErrorCode::SFTP(4) {
                return Err(remote_error(path, &e));
            }
            let _ = sftp.unlink(Path::new(&full));
            sftp.rename(Path::new(&tmp), Path::new(&full), None)
                .map_err(|e| remote_error(path, &e))?;
        }
        Ok(())
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        match self.sftp.unlink(Path::new(&self.full(path))) {
            Err(e) if problem(&e) != Problem::NotFound => Err(remote_error(path, &e)),
            _ => Ok(()),
        }
    }

    fn remove_empty_dir(&mut self, path: &str) {
        let _ = self.sftp.rmdir(Path::new(&self.full(path)));
    }

    fn finish(&mut self, _summary: &str) -> Result<(), DeployError> {
        Ok(())
    }
}
