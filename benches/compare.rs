//! tablica compared with Hugo on the same generated sites, both as real binaries in child
//! processes. Run with `cargo bench --bench compare` (installs Hugo's Debian package with
//! `apt-get install -y hugo` if `hugo` is not on PATH). `TABLICA_BENCH_POSTS=1000` (comma-
//! separated) changes the site sizes, `TABLICA_BENCH_PHOTOS` the number of photos (default 12);
//! with `TABLICA_BENCH_KEEP=1` the generated sites and their outputs are kept for inspection.
//!
//! Cases, per site size:
//! - cold build: output and caches deleted first (tablica: the output and `.tablica-cache`;
//!   Hugo: the output and `resources`);
//! - rebuild, nothing changed: the same command again into the existing output (tablica finds
//!   nothing changed and stops; Hugo builds everything again);
//! - full rebuild: the same with `tablica build --force`, which builds everything again too;
//! - edit in serve: `tablica serve` and `hugo server` run; one post is appended to and the clock
//!   stops when its page, fetched over HTTP every 5 ms, shows the new text.
//!
//! And photo processing: a small site with one gallery post of large photos, cold (caches
//! deleted) and warm (caches and output kept). Hugo's template resizes each photo to tablica's
//! widths and thumbnail with tablica's quality and filter.
//!
//! Per case: the median wall time, CPU time (user + system) and peak resident memory of the
//! child process, and the ratio of the wall times tablica/Hugo. Runs of the two alternate, so
//! both see the same load.

mod corpus;
mod hugo;
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use support::{format_duration, median, ChildRun};

const SEED: u64 = 2026;
/// Edits of one post per serve case.
const EDITS: usize = 10;
/// Posts beside the gallery in the photo case.
const PHOTO_SITE_POSTS: usize = 20;
const PHOTO_COLD_RUNS: usize = 3;
const PHOTO_WARM_RUNS: usize = 5;
/// The longest a server may take to show its first build or an edit.
const SERVER_LIMIT: Duration = Duration::from_secs(600);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tool {
    Tablica,
    Hugo,
}

/// One tool's copy of a generated site, and where its build goes.
struct Site {
    tool: Tool,
    root: PathBuf,
    out: PathBuf,
}

impl Site {
    /// The build command: `tablica build --quiet` or `hugo --quiet`, into `out`. `force`
    /// makes tablica build even when nothing changed (Hugo always builds everything).
    fn build_command(&self, force: bool) -> Command {
        match self.tool {
            Tool::Tablica => {
                let mut c = Command::new(env!("CARGO_BIN_EXE_tablica"));
                c.args(["build", "--quiet", "--root"])
                    .arg(&self.root)
                    .arg("--output")
                    .arg(&self.out);
                if force {
                    c.arg("--force");
                }
                c
            }
            Tool::Hugo => {
                let mut c = Command::new("hugo");
                c.args(["--quiet", "-s"])
                    .arg(&self.root)
                    .arg("-d")
                    .arg(&self.out);
                c
            }
        }
    }

    /// Deletes the output and every cache, for a cold build.
    fn clear(&self) {
        let cache = match self.tool {
            Tool::Tablica => tablica::build::CACHE_DIR,
            Tool::Hugo => "resources",
        };
        for dir in [self.out.clone(), self.root.join(cache)] {
            if dir.exists() {
                std::fs::remove_dir_all(&dir).expect("delete an output or cache");
            }
        }
    }

    /// Starts the preview server (`tablica serve`, `hugo server`); the process and its port.
    fn start_server(&self) -> (Child, u16) {
        match self.tool {
            Tool::Tablica => support::start_tablica_serve(&self.root),
            Tool::Hugo => {
                let port = support::free_port();
                let child = Command::new("hugo")
                    .args([
                        "server",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        &port.to_string(),
                        "-s",
                    ])
                    .arg(&self.root)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("start hugo server");
                (child, port)
            }
        }
    }
}

/// Medians of one tool's runs of one case.
struct Sample {
    wall: Duration,
    cpu: Duration,
    peak_rss_kib: u64,
}

/// One line of the table.
struct Row {
    case: String,
    runs: usize,
    tablica: Sample,
    hugo: Sample,
}

impl Row {
    /// A row from the samples of both tools, tablica's first.
    fn new(case: String, runs: usize, [tablica, hugo]: [Sample; 2]) -> Self {
        Row {
            case,
            runs,
            tablica,
            hugo,
        }
    }
}

fn main() {
    let hugo_version = hugo::ensure_installed();
    let sizes = support::sizes_from_env("TABLICA_BENCH_POSTS", "1000,10000");
    let photos = support::sizes_from_env("TABLICA_BENCH_PHOTOS", "12")[0];
    println!("tablica {} vs {hugo_version}", env!("CARGO_PKG_VERSION"));
    println!(
        "{} CPU cores available; medians of alternating runs of the real binaries",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // Each size's rows as soon as they are measured: a run at 10,000 posts takes minutes.
    print_header();
    for posts in sizes {
        site_cases(posts).iter().for_each(print_row);
        settle_disk();
    }
    photo_cases(photos).iter().for_each(print_row);
    print_notes(photos);
}

/// Waits until the files of the last cases (tens of thousands at 10,000 posts, written and
/// deleted) are on disk, so that their write-back does not slow the next cases down.
fn settle_disk() {
    let _ = std::process::Command::new("sync").status();
}

/// A temporary folder for one site size, deleted at the end unless `TABLICA_BENCH_KEEP` is set.
fn work_dir() -> tempfile::TempDir {
    let mut dir = tempfile::tempdir().expect("temp dir");
    if std::env::var_os("TABLICA_BENCH_KEEP").is_some() {
        dir.disable_cleanup(true);
        eprintln!("keeping {}", dir.path().display());
    }
    dir
}

/// Generates a site of `posts` posts for both tools in a temporary folder.
fn generate_sites(dir: &Path, posts: usize, photos: usize) -> [Site; 2] {
    let tablica_root = dir.join("tablica");
    corpus::generate(&tablica_root, posts, SEED);
    if photos > 0 {
        corpus::photos::gallery_post(&tablica_root, photos);
    }
    let hugo_root = dir.join("hugo");
    hugo::write_site(&tablica_root, &hugo_root);
    [
        Site {
            tool: Tool::Tablica,
            root: tablica_root,
            out: dir.join("tablica-out"),
        },
        Site {
            tool: Tool::Hugo,
            root: hugo_root,
            out: dir.join("hugo-out"),
        },
    ]
}

/// Cold build, rebuild with nothing changed and an edit in serve, for a site of `posts`.
fn site_cases(posts: usize) -> Vec<Row> {
    let dir = work_dir();
    eprintln!("generating {posts} posts…");
    let sites = generate_sites(dir.path(), posts, 0);
    let runs = if posts > 1000 { 3 } else { 5 };
    let label = thousands(posts);
    eprintln!("{label} posts: cold builds");
    let cold = measure_builds(&sites, runs, Site::clear, false);
    eprintln!("{label} posts: rebuilds");
    let rebuild = measure_builds(&sites, runs, |_| {}, false);
    let forced = measure_builds(&sites, runs, |_| {}, true);
    eprintln!("{label} posts: edits in serve");
    let post = posts / 3;
    let serve = sites.each_ref().map(|site| measure_serve(site, post));
    vec![
        Row::new(format!("cold build, {label} posts"), runs, cold),
        Row::new(format!("rebuild, nothing changed, {label}"), runs, rebuild),
        Row::new(format!("full rebuild (--force), {label}"), runs, forced),
        Row::new(format!("edit in serve → page, {label}"), EDITS, serve),
    ]
}

/// Photo processing cold (caches deleted) and warm (caches and output kept; tablica with
/// `--force`, so that it processes the gallery from its cache instead of skipping the build).
fn photo_cases(photos: usize) -> Vec<Row> {
    let dir = work_dir();
    eprintln!("generating {photos} photos…");
    let sites = generate_sites(dir.path(), PHOTO_SITE_POSTS, photos);
    settle_disk();
    eprintln!("photos: cold");
    let cold = measure_builds(&sites, PHOTO_COLD_RUNS, Site::clear, false);
    // The cold runs wrote their caches and outputs: on disk before the warm runs are timed.
    settle_disk();
    eprintln!("photos: warm");
    let warm = measure_builds(&sites, PHOTO_WARM_RUNS, |_| {}, true);
    vec![
        Row::new(format!("photos cold, {photos}"), PHOTO_COLD_RUNS, cold),
        Row::new(format!("photos warm, {photos}"), PHOTO_WARM_RUNS, warm),
    ]
}

/// Builds both sites `runs` times, alternating, `prepare` called before each build; `force`
/// as in [`Site::build_command`].
fn measure_builds(
    sites: &[Site; 2],
    runs: usize,
    prepare: impl Fn(&Site),
    force: bool,
) -> [Sample; 2] {
    let mut results: [Vec<ChildRun>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (site, result) in sites.iter().zip(&mut results) {
            prepare(site);
            result.push(support::run_measured(&mut site.build_command(force)));
        }
    }
    results.map(|r| sample_of(&r))
}

/// The medians of some runs.
fn sample_of(runs: &[ChildRun]) -> Sample {
    let mut walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
    let mut cpus: Vec<Duration> = runs.iter().map(|r| r.cpu).collect();
    let mut peaks: Vec<u64> = runs.iter().map(|r| r.peak_rss_kib).collect();
    peaks.sort_unstable();
    Sample {
        wall: median(&mut walls),
        cpu: median(&mut cpus),
        peak_rss_kib: peaks[peaks.len() / 2],
    }
}

/// Runs the site's preview server and edits post number `post` [`EDITS`] times; per edit,
/// the time from the write to its page showing the new text and the server's CPU time in
/// between (medians), and the server's peak memory over the session.
fn measure_serve(site: &Site, post: usize) -> Sample {
    let file = corpus::post_file(&site.root, post);
    let path = page_path(&site.out, post);
    let (child, port) = site.start_server();
    support::wait_for_text(port, &path, "</html>", SERVER_LIMIT);
    let mut walls = Vec::with_capacity(EDITS);
    let mut cpus = Vec::with_capacity(EDITS);
    for n in 0..EDITS {
        // Between an editor's saves: the previous rebuild has finished (tablica makes the
        // feeds and search index after the page, about 0.2 s later at 10,000 posts).
        std::thread::sleep(Duration::from_millis(1000));
        let cpu_before = support::cpu_time_so_far(child.id());
        let started = std::time::Instant::now();
        support::edit(&file, n);
        support::wait_for_text(port, &path, &support::edit_marker(n), SERVER_LIMIT);
        walls.push(started.elapsed());
        cpus.push(support::cpu_time_so_far(child.id()).saturating_sub(cpu_before));
    }
    let usage = stop(child);
    Sample {
        wall: median(&mut walls),
        cpu: median(&mut cpus),
        peak_rss_kib: usage.peak_rss_kib,
    }
}

/// Kills a server and returns its resource usage.
fn stop(mut child: Child) -> support::Usage {
    child.kill().expect("stop the server");
    support::wait_with_usage(child).1
}

/// The address of post number `i`'s page in a built site: the folder whose name ends with
/// `wiadomosc-<i>` and holds an `index.html`.
fn page_path(out: &Path, i: usize) -> String {
    let name = format!("wiadomosc-{i}");
    let dashed = format!("-{name}");
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .find(|e| {
            let file = e.file_name().to_string_lossy();
            e.file_type().is_dir()
                && (file == name || file.ends_with(&dashed))
                && e.path().join("index.html").is_file()
        })
        .map(|e| {
            let rel = e.path().strip_prefix(out).expect("inside the output");
            format!("/{}/", rel.to_string_lossy())
        })
        .unwrap_or_else(|| panic!("no page of post {i} in {}", out.display()))
}

/// "10,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Prints the header of the table.
fn print_header() {
    println!();
    println!(
        "{:<33} {:>4} {:>11} {:>11} {:>8} {:>9} {:>9} {:>8} {:>8}",
        "case", "runs", "tablica", "Hugo", "t/Hugo", "CPU t", "CPU Hugo", "MB t", "MB Hugo"
    );
}

/// Prints one line of the table: medians, the ratio of wall times and peak memory in MiB.
fn print_row(row: &Row) {
    println!(
        "{:<33} {:>4} {:>11} {:>11} {:>8.2} {:>9} {:>9} {:>8.0} {:>8.0}",
        row.case,
        row.runs,
        format_duration(row.tablica.wall),
        format_duration(row.hugo.wall),
        row.tablica.wall.as_secs_f64() / row.hugo.wall.as_secs_f64(),
        format_duration(row.tablica.cpu),
        format_duration(row.hugo.cpu),
        row.tablica.peak_rss_kib as f64 / 1024.0,
        row.hugo.peak_rss_kib as f64 / 1024.0,
    );
}

/// Prints what the figures mean and how the two builds differ.
fn print_notes(photos: usize) {
    println!();
    println!(
        "wall, CPU (user+sys) and peak RSS of the child process, medians; t/Hugo = tablica's \
         wall time / Hugo's. Edit in serve: from the write to the page showing the new text \
         (polled over HTTP every 5 ms), CPU of the server in between, peak RSS over the session."
    );
    println!(
        "Both build the post pages, the list paginated by 10, tag, category and project pages \
         and feeds. tablica also writes the search index, an archive, JSON-LD, sanitised HTML \
         and Atom feeds per tag and project (Hugo: RSS per section and term); Hugo's `hugo \
         server` renders into memory, tablica's serve to disk. Rebuild, nothing changed: tablica \
         finds nothing changed and stops (`up to date`); Hugo builds everything again. Full \
         rebuild: tablica with --force. Photos warm: tablica with --force (from its cache)."
    );
    println!(
        "Photos: {photos} generated {}×{} JPEGs in one gallery post (plus {PHOTO_SITE_POSTS} \
         posts), resized to 480, 960, 1600 px and a 320 px thumbnail, quality 82, Catmull-Rom.",
        corpus::photos::WIDTH,
        corpus::photos::HEIGHT
    );
}
