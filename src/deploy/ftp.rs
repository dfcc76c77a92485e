//! FTPS (FTP with explicit TLS, `AUTH TLS`) through `suppaftp` and the system's TLS (OpenSSL
//! on Linux, Schannel on Windows, Secure Transport on macOS). Plain FTP only with
//! `insecure: true`, after a warning.

use std::path::Path;

use suppaftp::native_tls::{Certificate, Protocol, TlsConnector};
use suppaftp::types::FileType;
use suppaftp::{FtpError, NativeTlsConnector, NativeTlsFtpStream, Status};

use crate::config::deploy::Server;

use super::connect::{tcp, CONNECT_TIMEOUT, IO_TIMEOUT};
use super::messages::{insecure_warning, DeployError};
use super::remote::{temporary_name, MadeDirs, Problem, Remote, RemoteError};
use super::secrets;

/// How long a data connection may stay silent (a refused upload's wait).
const DATA_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

pub struct FtpTarget {
    ftp: NativeTlsFtpStream,
    base: String,
    made: MadeDirs,
}

/// Connects, secures the connection (unless `insecure`) and logs in.
pub fn connect(
    name: &str,
    root: &Path,
    server: &Server,
    insecure: bool,
    certificate: Option<&Path>,
) -> Result<FtpTarget, DeployError> {
    let password = secrets::require_password(root, name)?;
    let stream = tcp(name, &server.host, server.port)?;
    let handshake = |e: FtpError| DeployError::Handshake {
        target: name.to_string(),
        detail: e.to_string(),
    };
    let mut ftp = NativeTlsFtpStream::connect_with_stream(stream).map_err(handshake)?;
    if insecure {
        eprintln!("{}", insecure_warning(name));
    } else {
        let mut tls = TlsConnector::builder();
        // TLS 1.3 servers send session tickets after the handshake, which an upload never
        // reads; closing a data connection with them unread resets it, and the server loses
        // the end of the file (vsftpd: "426 Failure reading network stream").
        tls.max_protocol_version(Some(Protocol::Tlsv12));
        if let Some(path) = certificate {
            let read_error = |source| DeployError::ReadLocal {
                target: name.to_string(),
                path: path.to_path_buf(),
                source,
            };
            let pem = std::fs::read(path).map_err(read_error)?;
            let cert = Certificate::from_pem(&pem)
                .map_err(|e| read_error(std::io::Error::other(e.to_string())))?;
            tls.add_root_certificate(cert);
        }
        let tls = tls.build().map_err(|e| DeployError::Handshake {
            target: name.to_string(),
            detail: e.to_string(),
        })?;
        ftp = ftp
            .into_secure(NativeTlsConnector::from(tls), &server.host)
            .map_err(handshake)?;
    }
    // Servers behind NAT announce an inner address for data connections: use the one
    // connected to, as FileZilla does.
    ftp.set_passive_nat_workaround(true);
    let mut ftp = ftp.passive_stream_builder(data_connection);
    ftp.login(server.user.as_str(), password.as_str())
        .map_err(|e| DeployError::Auth {
            target: name.to_string(),
            user: server.user.clone(),
            detail: describe(&e),
        })?;
    ftp.transfer_type(FileType::Binary).map_err(handshake)?;
    Ok(FtpTarget {
        ftp,
        base: server.path.trim_end_matches('/').to_string(),
        made: MadeDirs::default(),
    })
}

/// Opens a data connection. A server that refuses an upload answers on the control
/// connection and never takes part in the data connection's TLS handshake: the read timeout
/// ends the wait, and the reason is then read from the control connection.
fn data_connection(addr: std::net::SocketAddr) -> Result<std::net::TcpStream, FtpError> {
    let stream = std::net::TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT)
        .map_err(FtpError::ConnectionError)?;
    stream
        .set_read_timeout(Some(DATA_READ_TIMEOUT))
        .and_then(|()| stream.set_write_timeout(Some(IO_TIMEOUT)))
        .map_err(FtpError::ConnectionError)?;
    Ok(stream)
}

/// The server's reply in words, without the protocol's framing.
fn describe(e: &FtpError) -> String {
    match e {
        FtpError::UnexpectedResponse(r) => format!(
            "{} {}",
            r.status.code(),
            String::from_utf8_lossy(&r.body).trim()
        ),
        other => other.to_string(),
    }
}

fn remote_error(path: &str, e: &FtpError) -> RemoteError {
    let problem = match e {
        FtpError::ConnectionError(_) | FtpError::SecureError(_) | FtpError::BadResponse => {
            Problem::Connection
        }
        FtpError::UnexpectedResponse(r) => {
            let body = String::from_utf8_lossy(&r.body).to_lowercase();
            match r.status {
                Status::ExceededStorage => Problem::DiskFull,
                Status::RequestFileActionIgnored
                | Status::FileUnavailable
                | Status::BadFilename
                    if body.contains("permission") || body.contains("denied") =>
                {
                    Problem::PermissionDenied
                }
                // 452: insufficient storage; 553 "could not create file" is vsftpd's word for
                // a folder it may not write in.
                _ if r.status.code() == 452 || body.contains("space") || body.contains("quota") => {
                    Problem::DiskFull
                }
                Status::BadFilename => Problem::PermissionDenied,
                Status::FileUnavailable
                    if body.contains("no such") || body.contains("not found") =>
                {
                    Problem::NotFound
                }
                _ => Problem::Other,
            }
        }
        _ => Problem::Other,
    };
    RemoteError::new(problem, path, describe(e))
}

impl FtpTarget {
    fn full(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }
}

impl Remote for FtpTarget {
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        let full = self.full(path);
        // Asked first: a RETR of a missing file has the server close the data connection
        // during its TLS handshake, which reads as a broken connection.
        match self.ftp.size(&full) {
            Err(FtpError::UnexpectedResponse(r)) if r.status == Status::FileUnavailable => {
                return Ok(None)
            }
            Err(e) => return Err(remote_error(path, &e)),
            Ok(_) => {}
        }
        match self.ftp.retr_as_buffer(&full) {
            Ok(cursor) => Ok(Some(cursor.into_inner())),
            Err(FtpError::UnexpectedResponse(r)) if r.status == Status::FileUnavailable => Ok(None),
            Err(e) => Err(remote_error(path, &e)),
        }
    }

    fn write(&mut self, path: &str, mut bytes: &[u8]) -> Result<(), RemoteError> {
        let full = self.full(path);
        let dir = full.rsplit_once('/').map_or("", |(d, _)| d);
        let ftp = &mut self.ftp;
        // A folder that exists answers MKD with an error, as does one that cannot be made;
        // the upload below says which.
        self.made.ensure::<RemoteError>(dir, |d| {
            let _ = ftp.mkdir(d);
            Ok(())
        })?;
        let tmp = temporary_name(&full);
        if let Err(e) = ftp.put_file(&tmp, &mut bytes) {
            // A refused upload (no permission, disk full) has the server close the data
            // connection during its TLS handshake; its reason waits on the control connection.
            let e = match e {
                FtpError::SecureError(_) | FtpError::ConnectionError(_) => match ftp.noop() {
                    Err(FtpError::UnexpectedResponse(r)) if r.status.code() >= 400 => {
                        FtpError::UnexpectedResponse(r)
                    }
                    _ => e,
                },
                e => e,
            };
            return Err(remote_error(path, &e));
        }
        if let Err(e) = ftp.rename(&tmp, &full) {
            let error = remote_error(path, &e);
            if error.problem != Problem::Other {
                return Err(error);
            }
            // Servers that do not rename over a file: delete it first.
            let _ = ftp.rm(&full);
            ftp.rename(&tmp, &full)
                .map_err(|e| remote_error(path, &e))?;
        }
        Ok(())
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        match self.ftp.rm(self.full(path)) {
            Err(e) => match remote_error(path, &e) {
                RemoteError {
                    problem: Problem::NotFound,
                    ..
                } => Ok(()),
                error => Err(error),
            },
            Ok(()) => Ok(()),
        }
    }

    fn remove_empty_dir(&mut self, path: &str) {
        let _ = self.ftp.rmdir(self.full(path));
    }

    fn finish(&mut self, _summary: &str) -> Result<(), DeployError> {
        let _ = self.ftp.quit();
        Ok(())
    }
}
