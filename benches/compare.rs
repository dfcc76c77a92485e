//! tablica compared with Hugo and Zola on the same generated sites, all as real binaries in
//! child processes. Run with `cargo bench --bench compare` (installs Hugo's Debian package with
//! `apt-get install -y hugo` if `hugo` is not on PATH; Zola is a third column when
//! `benches/zola/build.sh` has built it, or `TABLICA_BENCH_ZOLA` names a binary). `TABLICA_BENCH_POSTS=1000` (comma-
//! separated) changes the site sizes, `TABLICA_BENCH_PHOTOS` the number of photos (default 12);
//! with `TABLICA_BENCH_KEEP=1` the generated sites and their outputs are kept for inspection.
//! `TABLICA_BENCH_CASES` (comma-separated, default all) picks the cases: `cold`, `rebuild`,
//! `force`, `serve`, `photos`; `TABLICA_BENCH_TOOLS=tablica` (or `tablica,zola`) leaves the
//! other tools out, for a site too large for them on the machine. At 100,000 posts and more
//! each build runs once:
//! `TABLICA_BENCH_POSTS=100000 TABLICA_BENCH_CASES=cold cargo bench --bench compare`.
//! `TABLICA_BENCH_BASELINE=<path to another tablica binary>` adds it as a column named
//! `before` (with its own copy of the site), to compare two versions of tablica in one run:
//! build the older commit with `cargo build --release` in a worktree and name its binary.
//!
//! Cases, per site size:
//! - cold build: output and caches deleted first (tablica: the output and `.tablica-cache`;
//!   Hugo: the output and `resources`; Zola: the output and `static/processed_images`);
//! - rebuild, nothing changed: the same command again into the existing output (tablica finds
//!   nothing changed and stops; Hugo and Zola build everything again);
//! - full rebuild: the same with `tablica build --force`, which builds everything again too;
//! - edit in serve: `tablica serve`, `hugo server` and `zola serve` run; one post is appended
//!   to and the clock stops when its page, fetched over HTTP every 5 ms, shows the new text.
//!
//! And photo processing: a small site with one gallery post of large photos, cold (caches
//! deleted) and warm (caches and output kept). Hugo's and Zola's templates resize each photo
//! to tablica's widths and thumbnail with tablica's quality (Hugo also with its filter; Zola's
//! is fixed).
//!
//! Per case: the median wall time, CPU time (user + system) and peak resident memory of the
//! child process, and the ratios of the wall times tablica/Hugo and tablica/Zola. Runs of the
//! tools alternate, so all see the same load. Per site size, what each tool wrote in its
//! cold build: HTML pages, files and bytes.

mod corpus;
mod hugo;
mod support;
mod zola;

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

#[derive(Clone, Debug)]
enum Tool {
    Tablica,
    /// Another version of tablica (`TABLICA_BENCH_BASELINE`).
    Baseline(PathBuf),
    Hugo,
    /// Zola's binary.
    Zola(PathBuf),
}

impl Tool {
    /// The binary of this version of tablica; `None` for Hugo and Zola.
    fn tablica_binary(&self) -> Option<&Path> {
        match self {
            Tool::Tablica => Some(Path::new(env!("CARGO_BIN_EXE_tablica"))),
            Tool::Baseline(bin) => Some(bin),
            Tool::Hugo | Tool::Zola(_) => None,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Tool::Tablica => "tablica",
            Tool::Baseline(_) => "before",
            Tool::Hugo => "Hugo",
            Tool::Zola(_) => "Zola",
        }
    }
}

/// One tool's copy of a generated site, and where its build goes.
struct Site {
    tool: Tool,
    root: PathBuf,
    out: PathBuf,
}

impl Site {
    /// The build command: `tablica build --quiet`, `hugo --quiet` or `zola build`, into
    /// `out`. `force` makes tablica build even when nothing changed (Hugo and Zola always
    /// build everything).
    fn build_command(&self, force: bool) -> Command {
        match &self.tool {
            Tool::Tablica | Tool::Baseline(_) => {
                let mut c = Command::new(self.tool.tablica_binary().expect("a tablica"));
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
            Tool::Zola(bin) => {
                // `--force`: Zola refuses to replace an existing output folder without it.
                let mut c = Command::new(bin);
                c.arg("--root")
                    .arg(&self.root)
                    .args(["build", "--force", "--output-dir"])
                    .arg(&self.out);
                c
            }
        }
    }

    /// Takes the output and every cache away, for a cold build: moved into `spent/` beside
    /// the sites, deleted with them when the bench ends. Not deleted here: on an ext4 without a
    /// journal (this project's machines) the kernel will not give out an inode freed in the
    /// last minute (six while its inode table block is dirty), and every file created then
    /// walks past all of them (`recently_deleted` in its inode allocator), which made a build
    /// right after deleting 15,000 files two to three times slower, whichever tool it was. A
    /// person's cold build does not follow such a deletion.
    fn clear(&self) {
        static SPENT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let cache = match self.tool {
            Tool::Tablica | Tool::Baseline(_) => tablica::build::CACHE_DIR,
            Tool::Hugo => "resources",
            Tool::Zola(_) => "static/processed_images",
        };
        let spent = self.root.parent().expect("the sites' folder").join("spent");
        std::fs::create_dir_all(&spent).expect("a folder for spent outputs");
        for dir in [self.out.clone(), self.root.join(cache)] {
            if dir.exists() {
                let n = SPENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                std::fs::rename(&dir, spent.join(n.to_string())).expect("move an output away");
            }
        }
    }

    /// Starts the preview server (`tablica serve`, `hugo server`, `zola serve`); the process
    /// and its port.
    fn start_server(&self) -> (Child, u16) {
        let port = support::free_port();
        let command = match &self.tool {
            Tool::Tablica | Tool::Baseline(_) => {
                let bin = self.tool.tablica_binary().expect("a tablica");
                return support::start_tablica_binary(bin, &self.root, "serve");
            }
            Tool::Hugo => {
                let mut c = Command::new("hugo");
                c.args([
                    "server",
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    &port.to_string(),
                    "-s",
                ])
                .arg(&self.root);
                c
            }
            Tool::Zola(bin) => {
                let mut c = Command::new(bin);
                c.arg("--root").arg(&self.root).args([
                    "serve",
                    "--interface",
                    "127.0.0.1",
                    "--port",
                    &port.to_string(),
                ]);
                c
            }
        };
        let child = { command }
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}'s server: {e}", self.tool.name()));
        (child, port)
    }
}

/// Medians of one tool's runs of one case.
struct Sample {
    wall: Duration,
    cpu: Duration,
    peak_rss_kib: u64,
}

/// One line of the table: a sample per tool, in the order of the sites.
struct Row {
    case: String,
    runs: usize,
    samples: Vec<Sample>,
}

/// What a cold build wrote: HTML pages, all files and their bytes.
struct Written {
    pages: usize,
    files: usize,
    bytes: u64,
}

impl Written {
    /// Counts the files under `out`.
    fn of(out: &Path) -> Self {
        let mut written = Written {
            pages: 0,
            files: 0,
            bytes: 0,
        };
        for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
            if entry.file_type().is_file() {
                written.files += 1;
                written.bytes += entry.metadata().map_or(0, |m| m.len());
                if entry.path().extension().is_some_and(|e| e == "html") {
                    written.pages += 1;
                }
            }
        }
        written
    }
}

/// What a run of the bench measures: its cases (`TABLICA_BENCH_CASES`) and tools
/// (`TABLICA_BENCH_TOOLS`; tablica always, Hugo unless left out, Zola when built and not left
/// out).
struct Plan {
    cases: Vec<String>,
    /// Another tablica binary to compare with (`TABLICA_BENCH_BASELINE`).
    baseline: Option<PathBuf>,
    hugo: bool,
    zola: Option<PathBuf>,
}

/// The cases a run can measure, in their order.
const CASES: &[&str] = &["cold", "rebuild", "force", "serve", "photos"];

impl Plan {
    fn from_env() -> Self {
        let list = |var: &str, all: &[&str]| -> Vec<String> {
            let value = std::env::var(var).unwrap_or_else(|_| all.join(","));
            let picked: Vec<String> = value.split(',').map(|c| c.trim().to_lowercase()).collect();
            if let Some(bad) = picked.iter().find(|c| !all.contains(&c.as_str())) {
                panic!(
                    "{var}: some of {} separated by commas, not {bad:?}",
                    all.join(", ")
                );
            }
            picked
        };
        let cases = list("TABLICA_BENCH_CASES", CASES);
        let tools = list("TABLICA_BENCH_TOOLS", &["tablica", "hugo", "zola"]);
        let hugo = tools.iter().any(|t| t == "hugo");
        let hugo_version = hugo.then(hugo::ensure_installed);
        let wants_zola = tools.iter().any(|t| t == "zola");
        let zola = zola::binary().filter(|_| wants_zola);
        let baseline = std::env::var_os("TABLICA_BENCH_BASELINE").map(PathBuf::from);
        let mut line = format!("tablica {}", env!("CARGO_PKG_VERSION"));
        if let Some(bin) = &baseline {
            assert!(
                bin.is_file(),
                "TABLICA_BENCH_BASELINE: no binary at {}",
                bin.display()
            );
            line += &format!(" vs before ({})", bin.display());
        }
        if let Some(version) = hugo_version {
            line += &format!(" vs {version}");
        }
        match &zola {
            Some((_, version)) => line += &format!(" vs {version}"),
            None if wants_zola => {
                line += &format!(
                    " (no Zola {}: build it with `bash benches/zola/build.sh`)",
                    zola::VERSION
                )
            }
            None => {}
        }
        println!("{line}");
        Plan {
            cases,
            baseline,
            hugo,
            zola: zola.map(|(bin, _)| bin),
        }
    }

    fn has(&self, case: &str) -> bool {
        self.cases.iter().any(|c| c == case)
    }

    /// The tools' names, in the order of the sites.
    fn names(&self) -> Vec<&'static str> {
        let mut names = vec!["tablica"];
        if self.baseline.is_some() {
            names.push("before");
        }
        if self.hugo {
            names.push("Hugo");
        }
        if self.zola.is_some() {
            names.push("Zola");
        }
        names
    }
}

fn main() {
    let plan = Plan::from_env();
    let sizes = support::sizes_from_env("TABLICA_BENCH_POSTS", "1000,10000");
    let photos = support::sizes_from_env("TABLICA_BENCH_PHOTOS", "12")[0];
    println!(
        "{} CPU cores available; medians of alternating runs of the real binaries",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // Each size's rows as soon as they are measured: a run at 10,000 posts takes minutes.
    print_header(&plan.names());
    // Every size's sites and spent outputs are deleted when the bench ends, not before the next
    // size is measured (see `Site::clear`).
    let mut folders = Vec::new();
    // Only the photo case asked for: no text sites to generate and build.
    let text_cases = ["cold", "rebuild", "force", "serve"];
    let sizes = match text_cases.iter().any(|case| plan.has(case)) {
        true => sizes,
        false => Vec::new(),
    };
    for posts in sizes {
        let (rows, folder) = site_cases(posts, &plan);
        rows.iter().for_each(print_row);
        folders.push(folder);
        settle_disk();
    }
    if plan.has("photos") {
        let (rows, folder) = photo_cases(photos, &plan);
        rows.iter().for_each(print_row);
        folders.push(folder);
    }
    print_notes(photos);
}

/// Waits until the files of the last cases (tens of thousands at 10,000 posts, written and
/// deleted) are on disk, so that their write-back does not slow the next cases down.
fn settle_disk() {
    let _ = std::process::Command::new("sync").status();
}

/// A temporary folder for one site size, deleted when dropped unless `TABLICA_BENCH_KEEP` is
/// set.
fn work_dir() -> tempfile::TempDir {
    let mut dir = tempfile::tempdir().expect("temp dir");
    if std::env::var_os("TABLICA_BENCH_KEEP").is_some() {
        dir.disable_cleanup(true);
        eprintln!("keeping {}", dir.path().display());
    }
    dir
}

/// Generates a site of `posts` posts for each tool in a temporary folder: tablica, Hugo, and
/// Zola, as `plan` says.
fn generate_sites(dir: &Path, posts: usize, photos: usize, plan: &Plan) -> Vec<Site> {
    let tablica_root = dir.join("tablica");
    corpus::generate(&tablica_root, posts, SEED);
    if photos > 0 {
        corpus::photos::gallery_post(&tablica_root, photos);
    }
    let mut sites = Vec::new();
    if let Some(bin) = &plan.baseline {
        let root = dir.join("before");
        copy_tree(&tablica_root, &root);
        sites.push(Site {
            tool: Tool::Baseline(bin.clone()),
            root,
            out: dir.join("before-out"),
        });
    }
    if plan.hugo {
        let hugo_root = dir.join("hugo");
        hugo::write_site(&tablica_root, &hugo_root);
        sites.push(Site {
            tool: Tool::Hugo,
            root: hugo_root,
            out: dir.join("hugo-out"),
        });
    }
    if let Some(bin) = &plan.zola {
        let zola_root = dir.join("zola");
        zola::write_site(&tablica_root, &zola_root);
        sites.push(Site {
            tool: Tool::Zola(bin.to_path_buf()),
            root: zola_root,
            out: dir.join("zola-out"),
        });
    }
    sites.insert(
        0,
        Site {
            tool: Tool::Tablica,
            root: tablica_root,
            out: dir.join("tablica-out"),
        },
    );
    sites
}

/// Copies the folder `from` to `to` (files and folders only).
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).expect("inside the site"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create a folder of the copy");
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).expect("copy a file of the site");
        }
    }
}

/// Cold build, rebuild with nothing changed, full rebuild and an edit in serve, for a site
/// of `posts`: those of them `plan` names; and the folder of its sites, to delete at the end.
fn site_cases(posts: usize, plan: &Plan) -> (Vec<Row>, tempfile::TempDir) {
    let dir = work_dir();
    eprintln!("generating {posts} posts…");
    let sites = generate_sites(dir.path(), posts, 0, plan);
    settle_disk();
    let runs = match posts {
        0..=1000 => 5,
        1001..=99_999 => 3,
        _ => 1,
    };
    let label = thousands(posts);
    let mut rows = Vec::new();
    // The other cases build into the output of a cold build.
    eprintln!("{label} posts: cold builds");
    let cold = measure_builds(&sites, runs, Site::clear, false);
    print_written(&label, &sites);
    if plan.has("cold") {
        rows.push(Row {
            case: format!("cold build, {label} posts"),
            runs,
            samples: cold,
        });
    }
    if plan.has("rebuild") {
        eprintln!("{label} posts: rebuilds");
        rows.push(Row {
            case: format!("rebuild, nothing changed, {label}"),
            runs,
            samples: measure_builds(&sites, runs, |_| {}, false),
        });
    }
    if plan.has("force") {
        eprintln!("{label} posts: full rebuilds");
        rows.push(Row {
            case: format!("full rebuild (--force), {label}"),
            runs,
            samples: measure_builds(&sites, runs, |_| {}, true),
        });
    }
    if plan.has("serve") {
        eprintln!("{label} posts: edits in serve");
        let post = posts / 3;
        rows.push(Row {
            case: format!("edit in serve → page, {label}"),
            runs: EDITS,
            samples: sites.iter().map(|site| measure_serve(site, post)).collect(),
        });
    }
    (rows, dir)
}

/// Photo processing cold (caches deleted) and warm (caches and output kept; tablica with
/// `--force`, so that it processes the gallery from its cache instead of skipping the build);
/// and the folder of its sites, to delete at the end.
fn photo_cases(photos: usize, plan: &Plan) -> (Vec<Row>, tempfile::TempDir) {
    let dir = work_dir();
    eprintln!("generating {photos} photos…");
    let sites = generate_sites(dir.path(), PHOTO_SITE_POSTS, photos, plan);
    settle_disk();
    eprintln!("photos: cold");
    let cold = measure_builds(&sites, PHOTO_COLD_RUNS, Site::clear, false);
    print_written(&format!("{photos} photos"), &sites);
    // The cold runs wrote their caches and outputs: on disk before the warm runs are timed.
    settle_disk();
    eprintln!("photos: warm");
    let warm = measure_builds(&sites, PHOTO_WARM_RUNS, |_| {}, true);
    let rows = vec![
        Row {
            case: format!("photos cold, {photos}"),
            runs: PHOTO_COLD_RUNS,
            samples: cold,
        },
        Row {
            case: format!("photos warm, {photos}"),
            runs: PHOTO_WARM_RUNS,
            samples: warm,
        },
    ];
    (rows, dir)
}

/// Builds every site `runs` times, alternating, `prepare` called before each build; `force`
/// as in [`Site::build_command`]. A sample per site, in their order.
fn measure_builds(
    sites: &[Site],
    runs: usize,
    prepare: impl Fn(&Site),
    force: bool,
) -> Vec<Sample> {
    let mut results: Vec<Vec<ChildRun>> = sites.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs {
        for (site, result) in sites.iter().zip(&mut results) {
            prepare(site);
            result.push(support::run_measured(&mut site.build_command(force)));
        }
    }
    results.iter().map(|r| sample_of(r)).collect()
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
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Prints the header of the table: per tool its wall time, CPU time and peak memory; the
/// ratios of tablica's wall time to each other tool's.
fn print_header(names: &[&str]) {
    println!();
    let mut line = format!("{:<33} {:>4}", "case", "runs");
    for name in names {
        line += &format!(
            " {:>11} {:>9} {:>6}",
            name,
            format!("CPU {name}"),
            format!("MB {name}")
        );
    }
    for name in &names[1..] {
        line += &format!(" {:>7}", format!("t/{name}"));
    }
    println!("{line}");
}

/// Prints one line of the table: medians, peak memory in MiB and the ratios of wall times.
fn print_row(row: &Row) {
    let mut line = format!("{:<33} {:>4}", row.case, row.runs);
    for sample in &row.samples {
        line += &format!(
            " {:>11} {:>9} {:>6.0}",
            format_duration(sample.wall),
            format_duration(sample.cpu),
            sample.peak_rss_kib as f64 / 1024.0
        );
    }
    let tablica = row.samples[0].wall.as_secs_f64();
    for other in &row.samples[1..] {
        line += &format!(" {:>7.2}", tablica / other.wall.as_secs_f64());
    }
    println!("{line}");
}

/// Prints what each tool's last cold build wrote (stderr, beside the progress, so that the
/// table stays one table).
fn print_written(label: &str, sites: &[Site]) {
    for site in sites {
        let w = Written::of(&site.out);
        eprintln!(
            "{label}: {} wrote {} HTML pages, {} files, {:.1} MB",
            site.tool.name(),
            w.pages,
            w.files,
            w.bytes as f64 / 1e6
        );
    }
}

/// Prints what the figures mean and how the builds differ.
fn print_notes(photos: usize) {
    println!();
    println!(
        "wall, CPU (user+sys) and peak RSS of the child process, medians; t/X = tablica's \
         wall time / X's. Edit in serve: from the write to the page showing the new text \
         (polled over HTTP every 5 ms), CPU of the server in between, peak RSS over the session."
    );
    println!(
        "All build the home page with the 10 newest posts, the post list paginated by 10, post \
         pages, tag and category pages paginated by 10, project pages (Hugo and Zola paginate \
         them too), feeds, a sitemap and robots.txt. tablica also writes the search index, an archive, JSON-LD, \
         sanitised HTML and Atom feeds per tag and project (Hugo: RSS per section and term; \
         Zola: Atom per term); `hugo server` and `zola serve` render into memory, tablica's \
         serve to disk. Rebuild, nothing changed: tablica finds nothing changed and stops (`up \
         to date`); Hugo and Zola build everything again. Full rebuild: tablica with --force. \
         Photos warm: tablica with --force (from its cache). Counts of what each wrote: above."
    );
    println!(
        "Photos: {photos} generated {}×{} JPEGs in one gallery post (plus {PHOTO_SITE_POSTS} \
         posts), resized to 480, 960, 1600 px and a 320 px thumbnail, quality 82 (tablica and \
         Hugo: Catmull-Rom; Zola: its fixed Lanczos3). Zola also copies the originals into its \
         output (its default for a page's files).",
        corpus::photos::WIDTH,
        corpus::photos::HEIGHT
    );
}
