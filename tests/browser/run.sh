#!/usr/bin/env bash
# Builds the example site and runs the browser tests against it. Installs what they need on a
# fresh machine: Debian's chromium and a Java runtime (for the Nu HTML Checker), and the npm
# packages in package-lock.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

bash "$here/setup.sh"

cd "$repo"
cargo build --release --locked --quiet
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
target/release/tablica build --quiet --output "$site/public"

cd "$here"
SITE_DIR="$site/public" node --test --test-concurrency=1 --test-reporter=spec --test-timeout=600000 ./*.test.js
