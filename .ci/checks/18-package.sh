#!/usr/bin/env bash
# The Debian package as an operator meets it: built from the release binary (cargo-deb), the
# unit checked by systemd-analyze, installed with dpkg, /usr/bin/chitieu started as the service
# user with the packaged env file and the token secret handed over as a credential file (systemd
# is not the init system here, so the unit cannot be started), ready and notifying READY=1,
# stopped, purged. The machine is left as it was found.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$CI_ROOT"

if ! command -v cargo-deb >/dev/null; then
  step "installing cargo-deb (once)"
  cargo install cargo-deb --locked --quiet
fi

work=$(mktemp -d)
chmod 755 "$work"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  dpkg --purge chitieu >/dev/null 2>&1 || true
  rm -rf /var/lib/chitieu "$work"
  getent passwd chitieu >/dev/null && userdel chitieu 2>/dev/null || true
  getent group chitieu >/dev/null && groupdel chitieu 2>/dev/null || true
}
trap cleanup EXIT

step "cargo deb (reusing $CI_BIN)"
deb=$(cargo deb -p chitieu-api --no-build --locked --output "$work/" | tail -n 1)
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$deb" | awk '{print $6}'

step "dpkg -i"
dpkg -i "$deb"
unit=$(dpkg -L chitieu | grep '/chitieu.service$')
id chitieu
test "$(stat -c '%U %a' /var/lib/chitieu)" = "chitieu 750"
test "$(stat -c '%U %a' /etc/chitieu/jwt-secret)" = "root 600"

step "systemd-analyze verify $unit"
systemd-analyze verify "$unit"

step "/usr/bin/chitieu as the service user, with /etc/chitieu/chitieu.env"
# What systemd would do: read the env file (as NAME=value lines), load the credential into a
# directory only the service can read, notify on a socket, run in the state directory.
mapfile -t settings < <(runuser -u chitieu -- grep -E '^[A-Za-z_][A-Za-z0-9_]*=' /etc/chitieu/chitieu.env)
install -d -o chitieu -m 0700 "$work/credentials"
install -o chitieu -m 0400 /etc/chitieu/jwt-secret "$work/credentials/jwt-secret"
port=$(ci_free_port)
notify="$work/notify.sock"
python3 - "$notify" > "$work/notified" <<'PY' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o777); s.settimeout(120)
print(s.recv(256).decode(), flush=True)
PY
listener=$!
for _ in $(seq 1 50); do [ -S "$notify" ] && break; sleep 0.1; done
(cd /var/lib/chitieu && exec runuser -u chitieu -- env -i PATH=/usr/bin:/bin "${settings[@]}" \
  CHITIEU_PORT="$port" CHITIEU_JWT_SECRET_FILE="$work/credentials/jwt-secret" \
  NOTIFY_SOCKET="$notify" /usr/bin/chitieu serve) > "$work/server.log" 2>&1 &
server=$!
ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" > "$work/ready.json" 2>/dev/null; then
    ready=yes; break
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "the packaged service did not become ready; its log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
cat "$work/ready.json"; echo
wait "$listener"
grep -qx 'READY=1' "$work/notified"
test "$(stat -c '%U %a' /var/lib/chitieu/bootstrap-admin-password)" = "chitieu 600"
test -s /var/lib/chitieu/chitieu.db
if grep -q 'CHITIEU_JWT_SECRET is not set' "$work/server.log"; then
  echo "the credential file was not used for the token secret" >&2
  exit 1
fi
# runuser passes SIGTERM on to chitieu, waits for it, then ends by that signal itself: its own
# status says nothing; the log says whether chitieu shut down gracefully.
kill -TERM "$server"
wait "$server" || true
server=""
grep -q 'graceful shutdown' "$work/server.log"

step "dpkg --purge keeps the data"
dpkg --purge chitieu
test ! -e /usr/bin/chitieu
test -s /var/lib/chitieu/chitieu.db
echo "package built, installed, served, purged; data kept"
