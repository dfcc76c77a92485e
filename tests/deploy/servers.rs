//! Real servers for the deploy tests, on loopback ports, each with its own configuration in a
//! temporary folder and killed (with every process it started) when dropped: OpenSSH's sshd
//! and vsftpd with TLS. `tests/deploy/servers.sh` installs them (tests/run-all.sh runs it).
//!
//! Both log in as the user [`USER`], made here when missing: the tests run as root, and root
//! may write anywhere, so a refused write needs an ordinary user.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The user the servers log in.
pub const USER: &str = "tablica-deploy";
/// That user's password (a throwaway account that only the test servers let in).
pub const PASSWORD: &str = "tablica-test-haslo-7";

const SSHD: &str = "/usr/sbin/sshd";
const VSFTPD: &str = "/usr/sbin/vsftpd";

/// Whether the tests can start real servers here; otherwise why not. With
/// `TABLICA_REQUIRE_SERVERS` set (CI, tests/run-all.sh) a missing server fails the test.
pub fn available(what: &str) -> bool {
    let missing: Vec<&str> = [SSHD, VSFTPD, "/usr/bin/ssh-keygen", "/usr/bin/openssl"]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if missing.is_empty() && root {
        ensure_user();
        return true;
    }
    let why = match root {
        true => format!("missing {}", missing.join(", ")),
        false => "not running as root (the servers log in a test user)".to_string(),
    };
    if std::env::var_os("TABLICA_REQUIRE_SERVERS").is_some() {
        panic!("{what}: cannot start the test servers: {why}; run tests/deploy/servers.sh");
    }
    eprintln!(
        "\n!!!!!!!! SKIPPED {what}: {why}. Run `bash tests/deploy/servers.sh` as root, or set TABLICA_REQUIRE_SERVERS=1 to make this a failure. !!!!!!!!\n"
    );
    false
}

/// Makes [`USER`] with [`PASSWORD`] once per test run.
fn ensure_user() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let exists = Command::new("id")
            .arg(USER)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !exists {
            run(Command::new("useradd").args(["--create-home", "--shell", "/bin/bash", USER]));
        }
        // vsftpd refuses a user without a home folder.
        let home = format!("/home/{USER}");
        if !Path::new(&home).is_dir() {
            fs::create_dir_all(&home).expect("home folder");
            run(Command::new("chown").arg(format!("{USER}:")).arg(&home));
        }
        let mut chpasswd = Command::new("chpasswd")
            .stdin(Stdio::piped())
            .spawn()
            .expect("chpasswd");
        use std::io::Write;
        chpasswd
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{USER}:{PASSWORD}\n").as_bytes())
            .expect("write to chpasswd");
        assert!(chpasswd.wait().expect("chpasswd").success(), "chpasswd");
    });
}

fn run(command: &mut Command) -> String {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A free loopback port.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A folder the test user can enter (temporary folders are private to root).
pub fn open_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    dir
}

/// An empty folder owned by the test user: the site's folder on a server.
pub fn user_dir(parent: &Path, name: &str) -> PathBuf {
    let dir = parent.join(name);
    fs::create_dir_all(&dir).expect("mkdir");
    run(Command::new("chown").arg(format!("{USER}:")).arg(&dir));
    dir
}

/// Sets the permissions of everything under `dir` (`a-w` to make it read-only).
pub fn chmod_all(dir: &Path, mode: &str) {
    run(Command::new("chmod").args(["-R", mode]).arg(dir));
}

/// A running server; killed with its whole process group when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Server {
    fn start(mut command: Command, port: u16, dir: tempfile::TempDir) -> Server {
        let log = fs::File::create(dir.path().join("server.log")).expect("log");
        let child = command
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
        let mut server = Server { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("the server stopped ({status}):\n{}", server.log());
            }
            assert!(
                Instant::now() < deadline,
                "the server did not start:\n{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Kills the server and every session it started, at once: its process group and every
    /// process descended from it (sshd puts each session in a session of its own).
    pub fn kill(&mut self) {
        let root = self.child.id() as i32;
        let mut doomed = vec![root];
        let mut i = 0;
        while i < doomed.len() {
            doomed.extend(children_of(doomed[i]));
            i += 1;
        }
        // SAFETY: kill has no preconditions; these are the server's own processes.
        unsafe {
            libc::kill(-root, libc::SIGKILL);
            for pid in &doomed {
                libc::kill(*pid, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
    }
}

/// The processes whose parent is `pid`, from /proc.
fn children_of(pid: i32) -> Vec<i32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|child| {
            // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces.
            fs::read_to_string(format!("/proc/{child}/stat"))
                .ok()
                .and_then(|stat| {
                    let after = &stat[stat.rfind(')')? + 1..];
                    after.split_whitespace().nth(1)?.parse::<i32>().ok()
                })
                == Some(pid)
        })
        .collect()
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// OpenSSH's sshd with a fresh host key, letting [`USER`] in by key or password.
pub struct Sshd {
    pub server: Server,
    /// The private key [`USER`] logs in with.
    pub key: PathBuf,
    /// The host key's fingerprint, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
}

pub fn sshd() -> Sshd {
    let dir = open_dir();
    let d = dir.path();
    let keygen = |file: &str| {
        run(Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", "tablica-test", "-f"])
            .arg(d.join(file)));
    };
    keygen("host_key");
    keygen("user_key");
    fs::copy(d.join("user_key.pub"), d.join("authorized_keys")).expect("authorized_keys");
    fs::set_permissions(d.join("authorized_keys"), fs::Permissions::from_mode(0o644))
        .expect("chmod");
    let listing = run(Command::new("ssh-keygen")
        .arg("-lf")
        .arg(d.join("host_key.pub")));
    let fingerprint = listing
        .split_whitespace()
        .nth(1)
        .expect("a fingerprint")
        .to_string();
    // sshd refuses to start without its privilege separation folder.
    fs::create_dir_all("/run/sshd").expect("/run/sshd");
    let port = free_port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
         AuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nUsePAM no\n\
         PasswordAuthentication yes\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
         AllowUsers {USER}\nSubsystem sftp internal-sftp\nLogLevel ERROR\n",
        d = d.display()
    );
    fs::write(d.join("sshd_config"), config).expect("sshd_config");
    let mut command = Command::new(SSHD);
    command
        .arg("-D")
        .arg("-e")
        .arg("-f")
        .arg(d.join("sshd_config"));
    let key = d.join("user_key");
    Sshd {
        server: Server::start(command, port, dir),
        key,
        fingerprint,
    }
}

/// vsftpd with explicit TLS required for logins and data, and a self-signed certificate for
/// `localhost`.
pub struct Vsftpd {
    pub server: Server,
    /// The server's certificate, for the target's `certificate:`.
    pub certificate: PathBuf,
}

pub fn vsftpd() -> Vsftpd {
    let dir = open_dir();
    let d = dir.path();
    run(Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args([
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(d.join("key.pem"))
        .arg("-out")
        .arg(d.join("cert.pem")));
    fs::create_dir_all(d.join("empty")).expect("mkdir");
    let port = free_port();
    let pasv = free_port();
    let config = format!(
        "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n\
         anonymous_enable=NO\nlocal_enable=YES\nwrite_enable=YES\nlocal_umask=022\nlocal_root={d}\n\
         pam_service_name=vsftpd\nsecure_chroot_dir={d}/empty\n\
         ssl_enable=YES\nrsa_cert_file={d}/cert.pem\nrsa_private_key_file={d}/key.pem\n\
         force_local_logins_ssl=YES\nforce_local_data_ssl=YES\nrequire_ssl_reuse=NO\n\
         pasv_enable=YES\npasv_address=127.0.0.1\npasv_min_port={pasv}\npasv_max_port={}\n\
         seccomp_sandbox=NO\nisolate=NO\nisolate_network=NO\n\
         xferlog_enable=NO\nvsftpd_log_file={d}/vsftpd.log\n",
        pasv + 50,
        d = d.display()
    );
    fs::write(d.join("vsftpd.conf"), config).expect("vsftpd.conf");
    let mut command = Command::new(VSFTPD);
    command.arg(d.join("vsftpd.conf"));
    let certificate = d.join("cert.pem");
    Vsftpd {
        server: Server::start(command, port, dir),
        certificate,
    }
}

/// A TCP proxy to `port` that passes the first `limit` bytes the client sends and then
/// cuts both connections: a connection lost at a known point of an upload.
pub fn cutting_proxy(port: u16, limit: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let proxy_port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let Ok((client, _)) = listener.accept() else {
            return;
        };
        let server = TcpStream::connect(("127.0.0.1", port)).expect("connect upstream");
        let (mut c_read, mut s_write) = (
            client.try_clone().expect("clone"),
            server.try_clone().expect("clone"),
        );
        let (mut s_read, mut c_write) = (server, client);
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut s_read, &mut c_write);
        });
        use std::io::{Read, Write};
        let mut buf = [0u8; 4096];
        let mut passed = 0;
        while passed < limit {
            let Ok(n) = c_read.read(&mut buf) else { break };
            if n == 0 {
                break;
            }
            let n = n.min(limit - passed);
            if s_write.write_all(&buf[..n]).is_err() {
                break;
            }
            passed += n;
        }
        let _ = c_read.shutdown(std::net::Shutdown::Both);
        let _ = s_write.shutdown(std::net::Shutdown::Both);
    });
    proxy_port
}
