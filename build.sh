#!/usr/bin/env bash
# threadlab's one entry point: installs what the project needs, builds the wasm engine,
# serves the page and runs every test suite. `./build.sh help` lists the subcommands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

TOOLS="$ROOT/.tools"
PKG_DIR="$ROOT/www/pkg"
WASM_TARGET="wasm32-unknown-unknown"
# std must be rebuilt with atomics for threads; passed here (not in .cargo/config.toml) so
# native builds and `cargo test` stay plain.
BUILD_STD=(-Z build-std=panic_abort,std)
DEFAULT_PORT=8000
# Chromium without these floods a closed network with refused connections
# (docs/wasm-threads.md, "Testing").
CHROMIUM_FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync)

export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
export NO_UPDATE_CHECK=1 # npm `serve` would otherwise ask its registry for a newer version

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs the rest of the arguments, then says how long they took (the README's figures come from here).
timed() {
  local label="$1" start end
  shift
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  say "$label took $((end - start)) s"
}

# ---------------------------------------------------------------------------------------------
# bootstrap: everything the other subcommands need. Idempotent; a no-op costs about a second.

toolchain_channel() {
  sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml
}

# The wasm-bindgen CLI must match the wasm-bindgen crate exactly, so read it from Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_toolchain() {
  have rustup || die "rustup is missing: install it from https://rustup.rs, then run this again"
  local channel sysroot
  channel="$(toolchain_channel)"
  [ -n "$channel" ] || die "no channel in rust-toolchain.toml"
  # RUSTUP_AUTO_INSTALL=0 on some machines: cargo will not fetch the pinned toolchain itself.
  # Checking the sysroot directly is faster than asking rustup to install what is there.
  sysroot="$(rustup run "$channel" rustc --print sysroot 2>/dev/null || true)"
  if [ -n "$sysroot" ] && [ -d "$sysroot/lib/rustlib/src/rust/library" ] &&
    [ -d "$sysroot/lib/rustlib/$WASM_TARGET" ]; then
    return
  fi
  say "installing Rust $channel with rust-src and $WASM_TARGET (about 15 s, once)"
  timed "toolchain install" rustup toolchain install "$channel" --profile minimal -c rust-src -t "$WASM_TARGET"
}

ensure_wasm_bindgen_cli() {
  local want installed=""
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ -x "$TOOLS/bin/wasm-bindgen" ]; then
    installed="$("$TOOLS/bin/wasm-bindgen" --version | awk '{ print $2 }')"
  fi
  [ "$installed" = "$want" ] && [ -x "$TOOLS/bin/wasm-bindgen-test-runner" ] && return
  say "installing wasm-bindgen-cli $want into .tools (about 100-160 s, once)"
  # No --locked: the CLI's own lock file names a crate version the registry here lacks.
  timed "wasm-bindgen-cli install" cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS" --force
}

ensure_node() {
  have node && have npm || die "Node.js 18 or later (with npm) is missing: install it, then run this again"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 18 ] || die "Node.js $major is too old: threadlab needs Node.js 18 or later"
}

# node_modules is current when its stamp holds the checksum of the committed package-lock.json.
ensure_npm_packages() {
  local stamp="node_modules/.threadlab-lock-sha256" want
  want="$(sha256sum package-lock.json 2>/dev/null || shasum -a 256 package-lock.json)"
  want="${want%% *}"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  say "installing npm packages from package-lock.json (binaryen, serve, playwright-core, esbuild, CodeMirror; about 10 s)"
  timed "npm ci" npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

find_chromium() {
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] || die "CHROMIUM=$CHROMIUM is not an executable"
    return
  fi
  local candidate
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then
      CHROMIUM="$candidate"
      return
    fi
  done
  return 1
}

find_chromedriver() {
  if [ -n "${CHROMEDRIVER:-}" ]; then
    [ -x "$CHROMEDRIVER" ] || die "CHROMEDRIVER=$CHROMEDRIVER is not an executable"
    return
  fi
  CHROMEDRIVER="$(command -v chromedriver || true)"
  [ -n "$CHROMEDRIVER" ]
}

apt_install_chromium() {
  say "installing chromium and chromium-driver with apt-get (about 20-60 s, once)"
  apt-get install -y -q chromium chromium-driver </dev/null ||
    { apt-get update -q </dev/null && apt-get install -y -q chromium chromium-driver </dev/null; }
}

ensure_chromium() {
  if ! { find_chromium && find_chromedriver; } && [ "$(id -u)" = 0 ] && have apt-get; then
    apt_install_chromium
  fi
  if find_chromium && find_chromedriver; then
    export CHROMIUM CHROMEDRIVER
    say "browser for the tests: $CHROMIUM with $CHROMEDRIVER"
    return
  fi
  die "the tests need Chromium and a matching chromedriver: on Debian/Ubuntu run
  'sudo apt-get install chromium chromium-driver'; elsewhere install them and set
  CHROMIUM=/path/to/chromium and CHROMEDRIVER=/path/to/chromedriver"
}

# What building and serving need.
ensure_build_tools() {
  ensure_toolchain
  ensure_node
  ensure_npm_packages
  ensure_wasm_bindgen_cli
}

# Everything, including the browser the tests drive.
bootstrap() {
  ensure_build_tools
  ensure_chromium
}

# ---------------------------------------------------------------------------------------------
# build: release wasm with threads -> wasm-bindgen (web target) -> wasm-opt, into www/pkg/.

build_wasm() {
  say "building the wasm engine (release, std rebuilt with atomics; about 35 s the first time)"
  # lazy-pylib: the standard modules in Python are files beside the wasm (www/pkg/pylib/), loaded
  # when first imported, instead of a fifth of the wasm (src/vm/modules/pylib.rs).
  timed "wasm build" cargo build --release --target "$WASM_TARGET" "${BUILD_STD[@]}" --lib --features lazy-pylib
  say "generating JS bindings into www/pkg"
  rm -rf "$PKG_DIR"
  wasm-bindgen --target web --out-dir "$PKG_DIR" "target/$WASM_TARGET/release/threadlab.wasm"
  cp -R "$ROOT/src/vm/modules/pylib" "$PKG_DIR/pylib"
  say "optimizing www/pkg/threadlab_bg.wasm with wasm-opt (npm binaryen)"
  # npm binaryen only: Debian's binaryen 108 writes modules that fail at run time.
  # -g keeps function names, so a panic's stack in the console names Rust functions
  # (1243 KB instead of 1098 KB; 448 KB gzipped instead of 427 KB). dist/ ships the one without.
  mkdir -p "$ROOT/target/wasm-bindgen"
  cp "$PKG_DIR/threadlab_bg.wasm" "$ROOT/target/wasm-bindgen/threadlab_bg.wasm"
  "$ROOT/node_modules/.bin/wasm-opt" -O3 -g "$PKG_DIR/threadlab_bg.wasm" -o "$PKG_DIR/threadlab_bg.wasm"
  patch_rayon_worker_url
}

# wasm-bindgen-rayon starts its workers from a blob: copy of its own script (so that it works from
# a CDN). The page's Content-Security-Policy allows workers from 'self' only, and the script is
# same-origin here, so start them from the script's own URL instead.
patch_rayon_worker_url() {
  local file
  file="$(find "$PKG_DIR/snippets" -name 'workerHelpers.no-bundler.js' | head -n 1)"
  [ -n "$file" ] || die "wasm-bindgen-rayon's workerHelpers.no-bundler.js is missing from www/pkg/snippets"
  node - "$file" <<'NODE'
const fs = require('fs');
const file = process.argv[2];
const before = fs.readFileSync(file, 'utf8');
const after = before
  .replace(/let scriptBlob = await fetch\(import\.meta\.url\)\.then\(r => r\.blob\(\)\);\s*let url = URL\.createObjectURL\(scriptBlob\);/,
    'let url = import.meta.url; // threadlab: same-origin, no blob: (CSP worker-src \'self\')')
  .replace(/URL\.revokeObjectURL\(url\);/, '');
if (after === before || after.includes('createObjectURL')) {
  console.error(`build.sh: the blob: worker start in ${file} changed shape: update patch_rayon_worker_url`);
  process.exit(1);
}
fs.writeFileSync(file, after);
NODE
}

# vendor: the editor (CodeMirror 6, pinned in package-lock.json) bundled once into one ES module.
build_vendor() {
  say "bundling CodeMirror into www/vendor/codemirror.js (esbuild)"
  esbuild scripts/codemirror-entry.mjs --bundle --format=esm --minify --legal-comments=eof \
    --target=es2020 --log-level=warning --outfile=www/vendor/codemirror.js
}

build() {
  ensure_build_tools
  build_vendor
  build_wasm
}

# ---------------------------------------------------------------------------------------------
# dist: the static site for any host (scripts/dist.mjs; README, "Deploying").

DIST_DIR="$ROOT/dist"

build_dist() {
  say "optimizing the wasm for dist/ (wasm-opt -O3, no -g: no function names)"
  mkdir -p "$ROOT/target/dist"
  "$ROOT/node_modules/.bin/wasm-opt" -O3 "$ROOT/target/wasm-bindgen/threadlab_bg.wasm" \
    -o "$ROOT/target/dist/threadlab_bg.wasm"
  say "writing dist/ (scripts/dist.mjs)"
  node "$ROOT/scripts/dist.mjs" "$ROOT/www" "$ROOT/target/dist/threadlab_bg.wasm" "$DIST_DIR"
}

dist() {
  build
  build_dist
  say "dist/ is ready: upload it to any static host (README, \"Deploying\")"
}

# ---------------------------------------------------------------------------------------------
# serve: the page on 127.0.0.1 with the cross-origin isolation headers (serve.json).

serve_www() {
  local port="$1"
  # serve.json sends COOP/COEP/CORP on every response; without them there is no
  # SharedArrayBuffer and so no worker pool. Ctrl-C stops the server.
  exec "$ROOT/node_modules/.bin/serve" "$ROOT/www" --config "$ROOT/serve.json" \
    --listen "tcp://127.0.0.1:$port" --no-clipboard --no-port-switching
}

# --no-build is for the e2e tests, which start this same server on port 0 (a free port)
# after `test` has built www/pkg once.
serve() {
  local port="$DEFAULT_PORT" build_first=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port="${2:?--port needs a number}"; shift 2 ;;
      --port=*) port="${1#--port=}"; shift ;;
      --no-build) build_first=0; shift ;;
      *) die "serve: unknown option $1 (usage: ./build.sh serve [--port N])" ;;
    esac
  done
  if [ "$build_first" = 1 ]; then
    build
  else
    [ -f "$PKG_DIR/threadlab.js" ] || die "www/pkg is not built: run ./build.sh build"
  fi
  if [ "$port" = 0 ]; then
    say "serving www/ on a free port (Ctrl-C stops it)"
  else
    say "serving www/ at http://127.0.0.1:$port/ (Ctrl-C stops it)"
  fi
  serve_www "$port"
}

# ---------------------------------------------------------------------------------------------
# test: native cargo tests, wasm tests in headless Chromium, then the page end to end.

# Every suite's output is also kept here, to add up the counts at the end.
TEST_LOG="$ROOT/target/test-output.log"

test_native() {
  say "native tests: cargo test"
  cargo test 2>&1 | tee -a "$TEST_LOG"
}

# wasm-bindgen-test-runner reads the browser's capabilities from this file.
write_webdriver_json() {
  local file="$ROOT/target/webdriver.json" args="" flag
  for flag in "${CHROMIUM_FLAGS[@]}"; do
    args+="${args:+, }\"${flag#--}\""
  done
  mkdir -p "$ROOT/target"
  printf '{ "goog:chromeOptions": { "binary": "%s", "args": [%s] } }\n' "$CHROMIUM" "$args" >"$file"
  export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$file"
}

test_wasm() {
  local file tests=()
  for file in tests/wasm*.rs; do
    [ -e "$file" ] && tests+=(--test "$(basename "$file" .rs)")
  done
  [ ${#tests[@]} -gt 0 ] || die "no tests/wasm*.rs found"
  write_webdriver_json
  say "wasm tests in headless Chromium: ${tests[*]}"
  # The runner (.cargo/config.toml) is wasm-bindgen-test-runner from .tools/bin.
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target "$WASM_TARGET" "${BUILD_STD[@]}" "${tests[@]}" 2>&1 | tee -a "$TEST_LOG"
}

test_e2e() {
  say "end-to-end tests of the page: node --test tests/e2e/*.test.mjs"
  mkdir -p tests/screenshots
  node --test --test-concurrency=1 tests/e2e/*.test.mjs 2>&1 | tee -a "$TEST_LOG"
}

# One closing line for all suites: cargo's "test result: ok. N passed; M failed; ..." lines and
# node's "# pass N" / "# fail M" (TAP) or "ℹ pass N" (spec reporter) lines, added up.
count_results() {
  awk '
    /^test result: / { for (i = 2; i <= NF; i++) { if ($i == "passed;") p += $(i - 1); if ($i == "failed;") f += $(i - 1) } }
    /^(#|ℹ) pass [0-9]+$/ { p += $3 }
    /^(#|ℹ) fail [0-9]+$/ { f += $3 }
    END { printf "threadlab: %d passed, %d failed\n", p, f }
  ' "$TEST_LOG"
}

run_tests() {
  bootstrap
  mkdir -p "$ROOT/target"
  : >"$TEST_LOG"
  timed "native tests" test_native
  build_vendor
  build_wasm
  build_dist
  timed "wasm tests" test_wasm
  timed "e2e tests" test_e2e
  say "all test suites passed"
  count_results
}

# ---------------------------------------------------------------------------------------------
# bench: every benchmark (native, headless Chromium, and the peers Pyodide and MicroPython in node)
# through tests/bench/run.sh, which prints markdown tables for BENCHMARKS.md. Timing claims live
# there, never in the tests.

# The peers the bench times beside threadlab (Pyodide, MicroPython) have their own package.json
# and lock file under tests/bench/peers, so the tests' `npm ci` never downloads them.
ensure_bench_peers() {
  local dir="tests/bench/peers" stamp want
  stamp="$dir/node_modules/.threadlab-lock-sha256"
  want="$(sha256sum "$dir/package-lock.json" 2>/dev/null || shasum -a 256 "$dir/package-lock.json")"
  want="${want%% *}"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
  say "installing the bench's peers (Pyodide, MicroPython) into $dir/node_modules (about 15 MB, once)"
  timed "npm ci (bench peers)" npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

bench() {
  ensure_build_tools
  ensure_chromium
  ensure_bench_peers
  say "bench: tests/bench/run.sh (release build, then native and browser benchmarks)"
  bash tests/bench/run.sh "$@"
}

usage() {
  cat <<'EOF'
usage: ./build.sh <command>

  serve [--port N]  build, then serve www/ at http://127.0.0.1:N/ (default 8000) with the
                    cross-origin isolation headers threads need
  test              every test suite: native cargo test, wasm tests in headless Chromium,
                    end-to-end tests of the page
  build             build the wasm engine into www/pkg/
  dist              build, then write dist/: the site for any static host, offline-capable
                    (headers file, nginx example, service worker; README, "Deploying")
  bench             run the benchmarks (native and headless Chromium; see BENCHMARKS.md)
  bootstrap         install the pinned toolchain, wasm-bindgen-cli, npm packages and
                    Chromium for the tests (the other commands do this themselves)
EOF
}

main() {
  local command="${1:-help}"
  [ $# -gt 0 ] && shift
  case "$command" in
    bootstrap) timed "bootstrap" bootstrap ;;
    build) build ;;
    dist) dist ;;
    serve) serve "$@" ;;
    test) run_tests ;;
    bench) bench "$@" ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
