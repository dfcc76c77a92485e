#!/usr/bin/env bash
# The whole test suite: formatting, lints, Rust unit and integration tests, and the
# accessibility tests in a real browser. Installs what the browser tests need (Debian's
# chromium, npm packages) on first run. Usage: bash tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --locked
echo "== browser tests (Chromium + axe-core + Nu HTML Checker)"
bash tests/browser/run.sh
