# Shared helpers for .ci/run and the checks in .ci/checks/ (sourced, not run).
# Everything an outside check needs is installed here, only when missing.

CI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CI_VENV="$CI_ROOT/target/ci-venv"
CI_NODE="$CI_ROOT/target/ci-node"
CI_BIN="${CI_BIN:-$CI_ROOT/target/release/chitieu}"

step() { printf '\n==> %s\n' "$*"; }

# ci_pip PACKAGE[==VERSION]...: install into the CI virtual environment when not there yet.
ci_pip() {
  [ -x "$CI_VENV/bin/python" ] || python3 -m venv "$CI_VENV"
  local missing=()
  for spec in "$@"; do
    "$CI_VENV/bin/pip" show --quiet "${spec%%[=<>]*}" >/dev/null 2>&1 || missing+=("$spec")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    "$CI_VENV/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}"
  fi
}

# ci_npm PACKAGE@VERSION...: install into a local folder under target/ when not there yet.
ci_npm() {
  mkdir -p "$CI_NODE"
  local missing=()
  for spec in "$@"; do
    local name="${spec%@*}"
    [ -d "$CI_NODE/node_modules/$name" ] || missing+=("$spec")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    (cd "$CI_NODE" && { [ -f package.json ] || npm init -y >/dev/null; } \
      && npm install --no-audit --no-fund --silent "${missing[@]}")
  fi
}

# ci_apt PACKAGE...: apt-get install when a package is missing.
ci_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# ci_free_port: a TCP port nobody listens on.
ci_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# ci_start_demo LOG_DIR: $CI_BIN with the demo data in a fresh folder (sync off), stopped and
# removed on exit. Sets BASE (its address) and TOKEN (an administrator's access token); the
# server's log goes to LOG_DIR/server.log.
ci_start_demo() {
  local log_dir="$1" port sim_port password
  DEMO_WORK="$(mktemp -d)"
  port="$(ci_free_port)"
  sim_port="$(ci_free_port)"
  password="ci-demo-$(date +%s)-password"
  BASE="http://127.0.0.1:$port"
  step "start $CI_BIN with the demo on port $port (data in $DEMO_WORK)"
  (cd "$DEMO_WORK" && unset DATABASE_URL && CHITIEU_DEMO=on CHITIEU_BOOTSTRAP_ADMIN=admin \
    CHITIEU_BOOTSTRAP_ADMIN_PASSWORD="$password" CHITIEU_PORT="$port" \
    CHITIEU_DEMO_UPSTREAM_PORT="$sim_port" CHITIEU_SYNC_WORKER=off CHITIEU_SYNC_SCHEDULE=off \
    CHITIEU_LOG_FORMAT=json exec "$CI_BIN" serve >"$log_dir/server.log" 2>&1) &
  DEMO_SERVER=$!
  trap 'kill "$DEMO_SERVER" 2>/dev/null || true; wait "$DEMO_SERVER" 2>/dev/null || true; rm -rf "$DEMO_WORK"' EXIT
  for _ in $(seq 1 120); do
    curl -sf "$BASE/health/ready" >/dev/null && break
    kill -0 "$DEMO_SERVER" 2>/dev/null || { cat "$log_dir/server.log"; return 1; }
    sleep 0.5
  done
  curl -sf "$BASE/health/ready" >/dev/null
  TOKEN=$(curl -sf "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"grantType\":\"password\",\"username\":\"admin\",\"password\":\"$password\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
}
