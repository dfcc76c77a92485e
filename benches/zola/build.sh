#!/usr/bin/env bash
# Builds Zola (the release the comparison bench is written for) from its source and caches the
# binary where `cargo bench --bench compare` looks: ~/.cache/tablica-bench/zola-<version>/zola.
# Zola is not packaged in Debian. Usage:
#   bash benches/zola/build.sh            # clones the tag from GitHub (needs github.com)
#   bash benches/zola/build.sh SRC_DIR    # builds a copy of Zola's source at that tag
# The build takes ~10 min of CPU time (release, `--locked`, crates from crates.io).
set -euo pipefail
version=0.22.1
cache="${HOME}/.cache/tablica-bench/zola-${version}"
if [ -x "${cache}/zola" ]; then
    echo "already built: ${cache}/zola ($("${cache}/zola" --version))"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
if [ $# -ge 1 ]; then
    src="$1"
    grep -q "^version = \"${version}\"" "${src}/Cargo.toml" \
        || { echo "${src} is not Zola ${version}'s source" >&2; exit 1; }
else
    git clone --quiet --depth 1 --branch "v${version}" https://github.com/getzola/zola "${work}/zola"
    src="${work}/zola"
fi
CARGO_TARGET_DIR="${work}/target" cargo build --release --locked --manifest-path "${src}/Cargo.toml"
mkdir -p "${cache}"
cp "${work}/target/release/zola" "${cache}/zola"
echo "built: ${cache}/zola ($("${cache}/zola" --version))"
