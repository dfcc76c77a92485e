//! Helpers shared by the benchmarks: sizes from the environment, medians, durations,
//! measured child processes, edits of a post and a minimal HTTP client for the previews.

// Shared by several benchmarks; each uses a part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Comma-separated numbers from the environment variable `var`, or from `default`.
pub fn sizes_from_env(var: &str, default: &str) -> Vec<usize> {
    std::env::var(var)
        .unwrap_or_else(|_| default.into())
        .split(',')
        .map(|s| match s.trim().parse() {
            Ok(n) if n > 0 => n,
            _ => panic!("{var}: whole numbers above 0 separated by commas, not {s:?}"),
        })
        .collect()
}

/// Sorts `times` and returns their median.
pub fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    let mid = times.len() / 2;
    if times.len().is_multiple_of(2) {
        (times[mid - 1] + times[mid]) / 2
    } else {
        times[mid]
    }
}

/// "4.785 s" or "10.70 ms".
pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs >= 1.0 {
        format!("{secs:.3} s")
    } else {
        format!("{:.2} ms", secs * 1e3)
    }
}

/// Wall time, CPU time (user + system) and peak resident memory of one child process.
#[derive(Clone, Copy, Debug)]
pub struct ChildRun {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss_kib: u64,
}

/// Runs `command` to its end and measures it; panics unless it exits with status 0.
/// Standard output is discarded, standard error is the benchmark's.
pub fn run_measured(command: &mut Command) -> ChildRun {
    command.stdout(Stdio::null()).stderr(Stdio::inherit());
    let started = Instant::now();
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    let (status, usage) = wait_with_usage(child);
    let wall = started.elapsed();
    assert!(status.success(), "{command:?} failed: {status}");
    ChildRun {
        wall,
        cpu: usage.cpu,
        peak_rss_kib: usage.peak_rss_kib,
    }
}

/// CPU time and peak memory of a process that has ended.
#[derive(Clone, Copy, Debug)]
pub struct Usage {
    pub cpu: Duration,
    pub peak_rss_kib: u64,
}

/// Waits for `child` to end (`wait4`) and returns its status and resource usage.
pub fn wait_with_usage(child: Child) -> (ExitStatus, Usage) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not waited for yet; both pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    let usage = Usage {
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux reports kibibytes.
        peak_rss_kib: usage.ru_maxrss as u64,
    };
    (ExitStatus::from_raw(status), usage)
}

/// CPU time (user + system) a running process has used so far, from `/proc/<pid>/stat`
/// (clock-tick resolution, usually 10 ms).
pub fn cpu_time_so_far(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc/<pid>/stat");
    // The command name, field 2, is in parentheses and may contain spaces: count after it.
    let after_name = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Duration::from_nanos(ticks * 1_000_000_000 / per_second)
}

/// The text [`edit`] appends for edit number `n`, as it shows on the rebuilt page.
pub fn edit_marker(n: usize) -> String {
    format!("Aktualizacja numer {n}:")
}

/// Appends a sentence to a post, as an editor saving a change would.
pub fn edit(file: &Path, n: usize) {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(file)
        .expect("open the post");
    writeln!(f, "\n{} zapraszamy ponownie.", edit_marker(n)).expect("append");
}

/// Starts the real `tablica serve` on a free port for the site at `root`; returns the
/// process and its port once it has printed its address (after the first build).
pub fn start_tablica_serve(root: &Path) -> (Child, u16) {
    start_tablica(root, "serve")
}

/// Starts `tablica <command>` (`serve` or `edit`) as [`start_tablica_serve`] does.
pub fn start_tablica(root: &Path, command: &str) -> (Child, u16) {
    start_tablica_binary(Path::new(env!("CARGO_BIN_EXE_tablica")), root, command)
}

/// Starts `bin <command>` (a tablica binary, perhaps another version) as
/// [`start_tablica_serve`] does.
pub fn start_tablica_binary(bin: &Path, root: &Path, command: &str) -> (Child, u16) {
    let mut child = Command::new(bin)
        .args([command, "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start tablica serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("serve prints its address");
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("a port in the first line");
    (child, port)
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// `GET path` from 127.0.0.1:`port` over HTTP/1.0; the status code and body, or `None`
/// when the server does not answer (yet).
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    Some((status, body.to_string()))
}

/// Polls `path` every few milliseconds until its page contains `text`; panics after `limit`.
pub fn wait_for_text(port: u16, path: &str, text: &str, limit: Duration) {
    let started = Instant::now();
    loop {
        if let Some((200, body)) = http_get(port, path) {
            if body.contains(text) {
                return;
            }
        }
        assert!(
            started.elapsed() < limit,
            "{path} did not show {text:?} within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}
