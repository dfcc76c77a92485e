#!/usr/bin/env bash
# Builds the example site and runs the browser tests against it. Installs what they need on a
# fresh machine: Debian's chromium and a Java runtime (for the Nu HTML Checker), and the npm
# packages in package-lock.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

bash "$here/setup.sh"

cd "$repo"
# The debug build: run-all.sh has just built it for `cargo test` (dependencies are optimised
# in that profile), so nothing is compiled twice.
cargo build --locked --quiet
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
# The build's "now" is fixed: which events are upcoming and which are past depends on it, and the
# example site's events (content/) are dated around it, so the tests cover both kinds on any day.
TABLICA_NOW="2026-11-30 12:00" target/debug/tablica build --quiet --output "$site/public"

cd "$here"
SITE_DIR="$site/public" node --test --test-concurrency=1 --test-reporter=spec --test-timeout=600000 ./*.test.js
