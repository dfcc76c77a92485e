#!/usr/bin/env bash
# The whole test suite: formatting, lints, Rust unit and integration tests, a compile check of
# the fuzz targets, and the accessibility tests in a real browser. Installs what the browser
# tests need (Debian's chromium, npm packages) and the deploy tests' servers (sshd, vsftpd) on
# first run. Usage: bash tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== deploy test servers (sshd, vsftpd; started and stopped by tests/deploy.rs)"
bash tests/deploy/servers.sh
echo "== cargo test"
# The deploy tests fail, not skip, when they cannot start their servers.
TABLICA_REQUIRE_SERVERS=1 cargo test --locked
echo "== fuzz targets compile (cargo check, stable; not run)"
# The fuzz targets are a workspace of their own (fuzz/Cargo.toml) that `cargo test` never
# builds: checked here so they cannot rot. Stable cargo, crates from the registry only, into
# fuzz/target: 2.5 min of CPU time the first time (7 min wall on the shared 2-core machine,
# 2026-11-30), seconds once fuzz/target exists. Running them needs nightly: see the README.
cargo check --manifest-path fuzz/Cargo.toml --locked --bins
echo "== cargo deny (licenses, bans, sources)"
# Installed from crates.io on first run: 4.5 min of CPU time; 11.5 min wall when measured on
# the 2-core machine while two fuzzers shared it. The advisories check is
# left out: it needs the RustSec advisory database from GitHub, which CI cannot reach (only the
# package registries are). Run `cargo deny check advisories` where GitHub is reachable.
if ! cargo deny --version >/dev/null 2>&1; then
    cargo install cargo-deny --locked
fi
cargo deny --locked check licenses bans sources
echo "== browser tests (Chromium + axe-core + Nu HTML Checker)"
bash tests/browser/run.sh
