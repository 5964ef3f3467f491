#!/usr/bin/env bash
# Licences, banned crates and sources of every dependency (cargo-deny, deny.toml). The
# advisories check needs the RustSec database from GitHub, which CI cannot reach: run
# `cargo deny check advisories` where the network allows it.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$CI_ROOT"
if ! command -v cargo-deny >/dev/null; then
  step "installing cargo-deny (once; several minutes on two cores)"
  cargo install cargo-deny --locked --quiet
fi
cargo deny --locked check licenses bans sources
