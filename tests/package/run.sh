#!/usr/bin/env bash
# The Debian/Ubuntu package, tried as a clerk's computer gets it: `cargo deb` builds it, dpkg
# installs it into a clean Debian 12 (bookworm, minbase) chroot that has no Rust and no
# network, where an ordinary user runs `tablica --version`, `tablica new` and `tablica build`;
# then dpkg removes it and the program must be gone.
#
# Runs as root (debootstrap, chroot, unshare). Installs what it needs where missing:
# debootstrap from Debian's packages, cargo-deb from crates.io. The chroot is made once and
# kept as a tarball in ~/.cache/tablica-test/ (TABLICA_TEST_CACHE=DIR to move it; delete it to
# make a new one), unpacked afresh into a temporary folder on every run.
#
# The package holds the debug build that `cargo test` made just before (run-all.sh), not a
# release build: a release build would add minutes of compiling to every CI run, and what is
# tested here (the package's files, its dependencies, install and removal, the program running
# on a system without Rust) is the same. The release workflow packages the release build.
#
# Time on the shared 2-core machine (load ~10), 2026-12-01, after `cargo build`: first run
# 176 s (debootstrap 2 min 43 s of it; installing cargo-deb, when missing, adds 5 min 41 s),
# later runs 34 s (unpacking the 120 MB chroot, packaging and stripping, dpkg, a site built).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
    echo "tests/package/run.sh needs root (debootstrap, chroot, unshare): run it with sudo" >&2
    exit 1
fi

suite=bookworm
cache="${TABLICA_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tablica-test}"
tarball="$cache/debian-$suite-minbase.tar"

if ! command -v debootstrap >/dev/null 2>&1; then
    echo "installing debootstrap from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
# Pinned: cargo-deb warns that packaging a dev-profile build "will be a hard error in the
# future"; a newer version is taken on purpose, after checking this test still works with it.
cargo_deb_version=3.8.0
if [ "$(cargo deb --version 2>/dev/null)" != "cargo-deb $cargo_deb_version" ]; then
    cargo install cargo-deb --locked --version "$cargo_deb_version"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tarball" ]; then
    echo "making a clean Debian $suite chroot (once; kept in $tarball)"
    mkdir -p "$cache"
    debootstrap --variant=minbase "$suite" "$work/new" >"$work/debootstrap.log" 2>&1 || {
        tail -20 "$work/debootstrap.log" >&2
        exit 1
    }
    # Without apt's downloaded packages and lists (80 MB): the test installs with dpkg alone.
    tar -C "$work/new" --numeric-owner --exclude='./var/cache/apt/archives/*.deb' \
        --exclude='./var/lib/apt/lists/*_*' -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$work/new"
fi

echo "building the package (cargo deb)"
deb="$(cargo deb --locked --profile dev --output "$work/" | tail -n 1)"
[ -f "$deb" ] || { echo "cargo deb made no package: $deb" >&2; exit 1; }
version="$(dpkg-deb --field "$deb" Version)"
depends="$(dpkg-deb --field "$deb" Depends)"
echo "package: $(basename "$deb"), depends: $depends"
case "$depends" in
    *libc6*) ;;
    *) echo "the package's dependencies were not worked out (\$auto): '$depends'" >&2; exit 1 ;;
esac

root="$work/root"
mkdir "$root"
tar -C "$root" --numeric-owner -xpf "$tarball"
cp "$deb" "$root/tmp/tablica.deb"

# A command inside the chroot: own mount, process and network namespaces (no network at all,
# so nothing the program does can reach out), a clean environment.
in_chroot() {
    unshare --mount --pid --net --fork --mount-proc="$root/proc" \
        chroot "$@"
}
as_root() { in_chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
as_clerk() {
    in_chroot --userspec=1000:1000 "$root" env -i PATH=/usr/bin:/bin HOME=/home/clerk \
        LANG=C.UTF-8 sh -c "cd /home/clerk && $1"
}
fail() { echo "package test: $*" >&2; exit 1; }

if as_root sh -c 'command -v cargo || command -v rustc'; then
    fail "the chroot has Rust: it is not a clean system"
fi
as_root dpkg -i /tmp/tablica.deb
as_root useradd --create-home --uid 1000 clerk
[ -x "$root/usr/bin/tablica" ] || fail "/usr/bin/tablica is not installed"
for doc in copyright README.md; do
    [ -s "$root/usr/share/doc/tablica/$doc" ] || fail "/usr/share/doc/tablica/$doc is missing"
done

shown="$(as_clerk 'tablica --version')"
[ "$shown" = "tablica ${version%%-*}" ] || fail "tablica --version printed '$shown', the package is $version"
as_clerk 'tablica new strona </dev/null'
as_clerk 'tablica build --root strona </dev/null'
index="$root/home/clerk/strona/public/index.html"
[ -s "$index" ] || fail "tablica build wrote no $index"
grep -q '<html' "$index" || fail "$index is not a page"

as_root dpkg -r tablica
[ ! -e "$root/usr/bin/tablica" ] || fail "/usr/bin/tablica is still there after dpkg -r"
if as_root sh -c 'command -v tablica'; then
    fail "tablica is still on PATH after dpkg -r"
fi
echo "package test passed: installed, ran new and build as a user, removed ($version)"
