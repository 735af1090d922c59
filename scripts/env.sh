# Sourced by the other scripts: where the project's tools are, and the
# settings cargo-leptos gives the server build, so that `cargo test --release`
# reuses the release build instead of compiling the dependencies again.

export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

# Cargo's build folder: ./target unless CARGO_TARGET_DIR names another, e.g.
# one outside the checkout that stays warm across fresh clones. The compiled
# site (target/site) always stays in the checkout.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

export LEPTOS_OUTPUT_NAME=motcua
export LEPTOS_SITE_ROOT=target/site
export LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR=127.0.0.1:3000
export LEPTOS_RELOAD_PORT=3001
export LEPTOS_LIB_DIR=frontend
export LEPTOS_BIN_DIR=server
export LEPTOS_JS_MINIFY=true
export LEPTOS_HASH_FILES=false

# Tool versions. cargo-leptos 0.3.11 needs a newer rustc than this machine's;
# wasm-bindgen-cli must match the wasm-bindgen pinned in Cargo.toml.
CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130

step() {
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}
