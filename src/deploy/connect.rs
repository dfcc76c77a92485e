//! The TCP connection both SFTP and FTPS start with, and the user's home folder.

use std::net::{TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use crate::locale::catalogue::Deploy;
use crate::locale::Message;

use super::messages::DeployError;

/// How long to wait for a server to answer a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a read or write may wait before the connection counts as broken.
pub const IO_TIMEOUT: Duration = Duration::from_secs(60);

/// Connects to `host:port`, trying each of its addresses.
pub fn tcp(target: &str, host: &str, port: u16) -> Result<TcpStream, DeployError> {
    let address = format!("{host}:{port}");
    let unreachable = |detail: String| DeployError::Unreachable {
        target: target.to_string(),
        address: address.clone(),
        detail,
    };
    let addrs = (host, port)
        .to_socket_addrs()
        .map_err(|e| unreachable(e.to_string()))?;
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT) {
            Ok(stream) => {
                stream
                    .set_read_timeout(Some(IO_TIMEOUT))
                    .and_then(|()| stream.set_write_timeout(Some(IO_TIMEOUT)))
                    .map_err(|e| unreachable(e.to_string()))?;
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(unreachable(last.map_or_else(
        || Message::new(Deploy::NoAddress).to_string(),
        |e| e.to_string(),
    )))
}

/// The user's home folder, for `~/` and `~/.ssh/known_hosts`.
pub fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
}
