//! Helpers shared by the benchmarks: sizes from the environment, medians, durations.

// Shared by several benchmarks; each uses a part of it.
#![allow(dead_code)]

use std::time::Duration;

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
    if times.len() % 2 == 0 {
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
