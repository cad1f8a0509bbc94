#!/usr/bin/env bash
# Builds the release runner and runs every benchmark script in tests/bench/ (called by
# `./build.sh bench`). Timing claims live only in these scripts' output and BENCHMARKS.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
cargo build --release --bin threadlab
bin="${CARGO_TARGET_DIR:-$root/target}/release/threadlab"

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
for script in "$here"/*.sh; do
    [[ "$(basename "$script")" == "run.sh" ]] && continue
    echo
    echo "### $(basename "$script")"
    bash "$script" "$bin"
done

# The browser benchmarks need the wasm engine in www/pkg, built from this checkout.
echo
echo "### browser.mjs (headless Chromium)"
"$root/build.sh" build >&2
node "$here/browser.mjs"

# First load of the static site, isolated and not (dist/ from this checkout).
echo
echo "### firstload.mjs (dist/ in headless Chromium)"
"$root/build.sh" dist >&2
node "$here/firstload.mjs"
