#!/usr/bin/env bash
# Webhook deliveries verified by a party we did not write: the official Python library of the
# Standard Webhooks specification (`standardwebhooks` from PyPI) checks the signature and the
# timestamp of every delivery the release binary sends to a receiver in this script — a test
# delivery, a report returned for correction (its first attempt answered 503, so the retry,
# signed anew, is what is verified), and a delivery after a secret rotation checked with the
# new secret alone. A subscription of another commune gets nothing of it.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ci_pip "standardwebhooks==1.*"

work="$(mktemp -d)"
port="$(ci_free_port)"
password="webhooks check $(date +%s)"
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "chitieu on SQLite with the demo and the sync worker on, port $port"
DATABASE_URL="sqlite://$work/chitieu.db" CHITIEU_DEMO=on CHITIEU_PORT="$port" \
  CHITIEU_DEMO_UPSTREAM_PORT="$(ci_free_port)" CHITIEU_SYNC_WORKER=on CHITIEU_SYNC_SCHEDULE=off \
  CHITIEU_SYNC_POLL_INTERVAL_MS=200 CHITIEU_SYNC_BACKOFF_BASE_MS=200 CHITIEU_SYNC_BACKOFF_CAP_MS=500 \
  CHITIEU_BOOTSTRAP_ADMIN=admin CHITIEU_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  CHITIEU_LOG_FORMAT=text RUST_LOG=warn "$CI_BIN" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null

step "standardwebhooks verifies the deliveries"
CHITIEU_URL="http://127.0.0.1:$port" CHITIEU_PASSWORD="$password" RECEIVER_PORT="$(ci_free_port)" \
  "$CI_VENV/bin/python" - <<'PY'
import json, os, threading, time, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

base, port = os.environ["CHITIEU_URL"], int(os.environ["RECEIVER_PORT"])
received = {"/a": [], "/b": []}
attempts = {}

class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        msg = self.headers["webhook-id"]
        attempts[msg] = attempts.get(msg, 0) + 1
        # The first attempt of each real event fails: the retry is what gets verified.
        if attempts[msg] == 1 and not msg.startswith("msg_test_"):
            self.send_response(503); self.end_headers(); return
        received.setdefault(self.path, []).append((body, dict(self.headers)))
        self.send_response(204); self.end_headers()
    def log_message(self, *args):
        pass

ThreadingHTTPServer.allow_reuse_address = True
httpd = ThreadingHTTPServer(("127.0.0.1", port), Receiver)
threading.Thread(target=httpd.serve_forever, daemon=True).start()

def call(method, path, body=None, token=None, etag=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = f"Bearer {token}"
    if etag: headers["If-Match"] = etag
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return (json.loads(text) if text else None), response.headers.get("ETag")

token, _ = call("POST", "/api/v1/auth/token",
                {"grantType": "password", "username": "admin", "password": os.environ["CHITIEU_PASSWORD"]})
token = token["accessToken"]
kinds = ["report.returned", "report.approved"]
a, _ = call("POST", "/api/v1/webhooks", {"unitCode": "31001", "url": f"http://127.0.0.1:{port}/a",
            "events": kinds}, token)
b, _ = call("POST", "/api/v1/webhooks", {"unitCode": "31002", "url": f"http://127.0.0.1:{port}/b",
            "events": kinds}, token)
assert a["secret"].startswith("whsec_"), a

def wait_for(path, count):
    for _ in range(150):
        if len(received[path]) >= count: return
        time.sleep(0.2)
    raise AssertionError(f"{path}: {len(received[path])} deliveries, expected {count}")

def verified(path, index, secret):
    body, headers = received[path][index]
    payload = Webhook(secret).verify(body, headers)
    try:
        Webhook(secret).verify(body.replace(b"31001", b"31009"), headers)
        raise AssertionError("a changed body verified")
    except WebhookVerificationError:
        pass
    return payload, headers

tested, _ = call("POST", f"/api/v1/webhooks/{a['id']}/test", None, token)
assert tested["delivered"], tested
wait_for("/a", 1)
payload, _ = verified("/a", 0, a["secret"])
assert payload["type"] == "webhook.test", payload

def send_back(unit, period, reason):
    path = f"/api/v1/reports/{unit}/TT-18-2025/{period}"
    _, etag = call("GET", path, None, token)
    call("POST", f"{path}/return", {"reason": reason}, token, etag)

send_back("31001-CA", "202611", "Thiếu số liệu tháng 11")
wait_for("/a", 2)
payload, headers = verified("/a", 1, a["secret"])
assert payload["type"] == "report.returned" and payload["data"]["unitCode"] == "31001-CA", payload
assert attempts[headers["webhook-id"]] == 2, attempts
print("standardwebhooks: test delivery and report.returned (after a 503) verified")

rotated, _ = call("POST", f"/api/v1/webhooks/{a['id']}/rotate-secret", None, token)
send_back("31001", "202610", "Bổ sung phần đánh giá")
wait_for("/a", 3)
payload, headers = verified("/a", 2, rotated["secret"])
assert len(headers["webhook-signature"].split(" ")) == 2, headers
Webhook(a["secret"]).verify(received["/a"][2][0], headers)
assert payload["data"]["unitCode"] == "31001", payload
print("standardwebhooks: after rotation both the new and the previous secret verify")

time.sleep(1)
assert received["/b"] == [], "commune 31002's subscription got 31001's events"
print("standardwebhooks: commune 31002's subscription got nothing of 31001")
PY
