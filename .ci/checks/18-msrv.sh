#!/usr/bin/env bash
# The declared MSRV is the toolchain CI builds with: rust-toolchain.toml pins it, the manifest's
# rust-version states it, and the build that ran before this check (with --locked) used it. A
# newer lock file or manifest would have failed that build; a drifting declaration fails here.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$CI_ROOT"
declared=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
pinned=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
used=$(rustc --version | awk '{print $2}')
echo "rust-version (Cargo.toml): $declared; rust-toolchain.toml: $pinned; rustc in use: $used"
case "$pinned" in "$declared" | "$declared".*) ;; *)
  echo "rust-toolchain.toml ($pinned) does not pin the declared rust-version ($declared)" >&2
  exit 1 ;;
esac
if [ "$used" != "$pinned" ]; then
  echo "the build used rustc $used, not the pinned $pinned" >&2
  exit 1
fi
# Cargo refuses a crate whose rust-version is above the compiler: check every member says the
# workspace's (none may claim a lower one than the lock file needs).
cargo metadata --format-version 1 --no-deps --locked \
  | python3 -c '
import json, sys
meta = json.load(sys.stdin)
bad = [(p["name"], p.get("rust_version")) for p in meta["packages"] if p.get("rust_version") != sys.argv[1]]
sys.exit("members without the workspace rust-version: %s" % bad if bad else 0)' "$declared"
echo "MSRV $declared: declared, pinned and used"
