//! Benchmark of the photo pipeline (`tablica::gallery::process::process`).
//!
//! Run with `cargo bench --bench images`. A plain `harness = false` benchmark: a cold run
//! of large photos takes seconds, so it measures a few repetitions and prints a table
//! instead of using a statistics framework.
//!
//! - cold: an empty cache directory, every photo decoded, resized and encoded
//!   (3 runs, a fresh cache directory each time);
//! - warm: the cache of the last cold run, nothing changed, so nothing is encoded
//!   (10 runs).
//!
//! After the runs, the sizes before and after: the originals, every copy as JPEG (what pages
//! served before WebP) and as WebP (what a browser that reads WebP now downloads through
//! `<picture>`), in all and per photo, then each width on its own.
//!
//! The photos are generated deterministically (gradients, waves and a hash-based noise
//! pattern, different for every photo so each has its own cache key) into a temporary
//! directory. `TABLICA_BENCH_PHOTOS` changes how many (default 12).

mod corpus;
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corpus::photos::{generate_photos, HEIGHT, WIDTH};
use support::{format_duration, median};

use tablica::config::ImageSettings;
use tablica::gallery::process::{process, ProcessReport};

const DEFAULT_PHOTOS: usize = 12;
const COLD_RUNS: usize = 3;
const WARM_RUNS: usize = 10;

fn main() {
    let count = photo_count();
    let settings = ImageSettings::default();
    let root = tempfile::tempdir().expect("cannot create a temporary directory");

    let started = Instant::now();
    let sources = generate_photos(&root.path().join("photos"), count);
    let source_bytes: u64 = sources
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    let megapixels_each = f64::from(WIDTH) * f64::from(HEIGHT) / 1e6;
    let megapixels = megapixels_each * count as f64;
    println!(
        "photo pipeline: {count} photos of {WIDTH}×{HEIGHT} px ({megapixels_each:.1} MP each, \
         {megapixels:.0} MP in all), {:.1} MiB of JPEG, generated in {:.1} s",
        source_bytes as f64 / (1024.0 * 1024.0),
        started.elapsed().as_secs_f64()
    );
    println!(
        "settings: widths {:?}, thumbnail {} px, quality {}, keep originals {}; {} threads",
        settings.widths,
        settings.thumbnail_width,
        settings.quality,
        settings.keep_originals,
        rayon::current_num_threads()
    );

    // Cold: a fresh, empty cache directory for every run.
    let mut cold = Vec::with_capacity(COLD_RUNS);
    let mut cache_dir = root.path().join("cache-cold-0");
    for run in 0..COLD_RUNS {
        cache_dir = root.path().join(format!("cache-cold-{run}"));
        if run > 0 {
            // Keep the disk use down: only the last cold cache is needed for the warm runs.
            let _ = std::fs::remove_dir_all(root.path().join(format!("cache-cold-{}", run - 1)));
        }
        let (elapsed, report) = timed_run(root.path(), &sources, &settings, &cache_dir);
        if report.encoded != count {
            panic!(
                "cold run {}: expected every photo to be encoded ({count}), but {} were encoded \
                 and {} came from the cache ({report:?})",
                run + 1,
                report.encoded,
                report.cached
            );
        }
        eprintln!("  cold run {}: {:.3} s", run + 1, elapsed.as_secs_f64());
        cold.push(elapsed);
    }

    // Warm: the cache of the last cold run, nothing changed.
    let mut warm = Vec::with_capacity(WARM_RUNS);
    for run in 0..WARM_RUNS {
        let (elapsed, report) = timed_run(root.path(), &sources, &settings, &cache_dir);
        if report.encoded != 0 || report.cached != count {
            panic!(
                "warm run {}: expected nothing to be encoded and all {count} photos to come \
                 from the cache, but {} were encoded and {} were cached ({report:?})",
                run + 1,
                report.encoded,
                report.cached
            );
        }
        warm.push(elapsed);
    }

    let cold_median = median(&mut cold);
    let warm_median = median(&mut warm);
    println!();
    println!(
        "{:<6} {:>5} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "run", "runs", "median", "min", "max", "photos/s", "MP/s"
    );
    for (name, times, med) in [("cold", &cold, cold_median), ("warm", &warm, warm_median)] {
        let secs = med.as_secs_f64();
        println!(
            "{:<6} {:>5} {:>12} {:>12} {:>12} {:>10.1} {:>10.1}",
            name,
            times.len(),
            format_duration(med),
            format_duration(times[0]),
            format_duration(times[times.len() - 1]),
            count as f64 / secs,
            megapixels / secs
        );
    }
    println!(
        "warm/cold: {:.2} % (median warm run / median cold run)",
        100.0 * warm_median.as_secs_f64() / cold_median.as_secs_f64()
    );
    print_sizes(&cache_dir, count, source_bytes);
}

/// The bytes of the originals (`source_bytes`) and of every copy in `cache_dir` by name
/// (`960.jpg`, `960.webp`, `thumb.jpg`…), summed over all photos, JPEG beside WebP.
fn print_sizes(cache_dir: &Path, count: usize, source_bytes: u64) {
    let mut sizes: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(cache_dir)
        .expect("the cache folder")
        .flatten()
    {
        for file in std::fs::read_dir(entry.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            *sizes.entry(name).or_default() += len;
        }
    }
    // Only the widths made in both formats count, so the two totals compare like with like.
    let pairs: Vec<(&str, u64, u64)> = sizes
        .iter()
        .filter_map(|(name, &jpeg)| {
            let copy = name.strip_suffix(".jpg")?;
            let &webp = sizes.get(&format!("{copy}.webp"))?;
            Some((copy, jpeg, webp))
        })
        .collect();
    let all_jpeg: u64 = pairs.iter().map(|p| p.1).sum();
    let all_webp: u64 = pairs.iter().map(|p| p.2).sum();
    let mib = |b: u64| format!("{:.2} MiB", b as f64 / 1048576.0);
    let kib = |b: u64| format!("{:.0} KiB", b as f64 / 1024.0);
    let per_photo = |b: u64| kib(b / count.max(1) as u64);
    let share = |b: u64| match all_jpeg {
        0 => "-".to_string(),
        _ => format!("{:.0} %", 100.0 * b as f64 / all_jpeg as f64),
    };
    println!();
    println!("sizes of all {count} photos: before (the originals; JPEG copies only) and after (WebP copies, which a browser reading WebP downloads instead)");
    println!(
        "{:<22} {:>12} {:>12} {:>10}",
        "", "total", "per photo", "of JPEG"
    );
    for (what, bytes) in [
        ("originals", source_bytes),
        ("JPEG copies (before)", all_jpeg),
        ("WebP copies (after)", all_webp),
    ] {
        println!(
            "{what:<22} {:>12} {:>12} {:>10}",
            mib(bytes),
            per_photo(bytes),
            share(bytes)
        );
    }
    println!();
    println!("each copy, summed over the photos");
    println!(
        "{:<8} {:>12} {:>12} {:>10}",
        "copy", "JPEG", "WebP", "WebP/JPEG"
    );
    for (copy, jpeg, webp) in pairs {
        println!(
            "{copy:<8} {:>12} {:>12} {:>9.0} %",
            kib(jpeg),
            kib(webp),
            100.0 * webp as f64 / jpeg as f64
        );
    }
}

/// How many photos to generate: `TABLICA_BENCH_PHOTOS`, or 12.
fn photo_count() -> usize {
    support::sizes_from_env("TABLICA_BENCH_PHOTOS", &DEFAULT_PHOTOS.to_string())[0]
}

/// One call of the pipeline, timed; panics on any diagnostic or missing photo.
fn timed_run(
    root: &Path,
    sources: &[PathBuf],
    settings: &ImageSettings,
    cache_dir: &Path,
) -> (Duration, ProcessReport) {
    let started = Instant::now();
    let (done, problems, report) = process(root, sources, settings, cache_dir, false);
    let elapsed = started.elapsed();
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("the pipeline reported problems:\n{}", list.join("\n"));
    }
    if done.len() != sources.len() {
        panic!(
            "the pipeline returned {} photos for {} sources",
            done.len(),
            sources.len()
        );
    }
    (elapsed, report)
}
