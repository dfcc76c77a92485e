#!/usr/bin/env bash
# The whole test suite: formatting, lints, Rust unit and integration tests, a type-check for
# Windows, the Debian package in a clean Debian, the release workflow's lint, a compile check
# of the fuzz targets, and the accessibility tests in a real browser. Installs what they need
# on first run (Debian's chromium and debootstrap, npm packages, cargo-deb and cargo-deny,
# linters from PyPI, the deploy tests' sshd and vsftpd). Runs as root (the package test's
# chroot). Usage: bash tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== deploy test servers (sshd, vsftpd; started and stopped by tests/deploy.rs)"
bash tests/deploy/servers.sh
echo "== cargo test"
# WordPress's theme unit test data carries no licence, so it is not in the repository: it lies in
# the shared fixtures beside the checkout (../shared, or ../../shared for a worktree), where
# tests/import_wordpress.rs looks. Found, its test must run (it fails instead of skipping);
# in a clean clone (CI) the test is skipped with a note.
for shared in ../shared ../../shared; do
    if [ -d "$shared/fixtures/wordpress" ]; then
        export TABLICA_REQUIRE_SHARED_FIXTURES=1
        break
    fi
done
if [ "${TABLICA_REQUIRE_SHARED_FIXTURES:-}" != 1 ]; then
    echo "NOTE: no shared/fixtures/wordpress beside the repository: the import of WordPress's theme unit test data is skipped"
fi
# The deploy tests fail, not skip, when they cannot start their servers.
TABLICA_REQUIRE_SERVERS=1 cargo test --locked
echo "== Windows: the library and program type-check (cargo check --target x86_64-pc-windows-gnu)"
# Catches code written for Unix only (std::os::unix, libc) without a Windows branch; the
# release workflow builds and runs the Windows program for real (docs/releasing.md). Needs the
# target's standard library from rustup; where rustup cannot fetch it, this says so and goes
# on. Dependencies checked the first time: 5 min of CPU time; then 30 s after a change to
# tablica, 6 s without (2026-12-01).
if rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu \
    || rustup target add x86_64-pc-windows-gnu; then
    # libssh2 and zlib (SFTP deploys) are C, compiled by their build scripts even for a check:
    # they need the MinGW C compiler (Debian's gcc-mingw-w64-x86-64).
    if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64
    fi
    cargo check --locked --target x86_64-pc-windows-gnu --lib --bins
else
    echo "SKIPPED: rustup could not install the standard library for x86_64-pc-windows-gnu"
fi
echo "== Debian package (cargo deb; installed, run and removed in a clean Debian chroot)"
bash tests/package/run.sh
echo "== GitHub Actions workflows (actionlint, workflow schema; they cannot run here)"
bash tests/package/check-workflows.sh
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
