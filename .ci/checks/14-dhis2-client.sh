#!/usr/bin/env bash
# A DHIS2 client we did not write (the `dhis2-client` package from PyPI) posts a data value set
# to the release binary with Basic authentication, as it would to DHIS2, and reads its
# importCount; then again with an API key in DHIS2's `Authorization: ApiToken` header; then
# reads the set back with its `get_data_value_set` (GET /api/dataValueSets).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ci_pip "dhis2-client==0.3.*"

work="$(mktemp -d)"
port="$(ci_free_port)"
password="dhis2 client check $(date +%s)"
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "chitieu on SQLite with the demo, port $port"
DATABASE_URL="sqlite://$work/chitieu.db" CHITIEU_DEMO=on CHITIEU_PORT="$port" \
  CHITIEU_DEMO_UPSTREAM_PORT="$(ci_free_port)" CHITIEU_SYNC_WORKER=off CHITIEU_SYNC_SCHEDULE=off \
  CHITIEU_BOOTSTRAP_ADMIN=admin CHITIEU_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  CHITIEU_LOG_FORMAT=text RUST_LOG=warn "$CI_BIN" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null

step "dhis2-client posts a set with Basic authentication and reads its importCount"
CHITIEU_URL="http://127.0.0.1:$port" CHITIEU_PASSWORD="$password" "$CI_VENV/bin/python" - <<'PY'
import json, os, urllib.request
from dhis2_client import DHIS2Client

base = os.environ["CHITIEU_URL"]
password = os.environ["CHITIEU_PASSWORD"]
# The demo's plan TT-18-2025 of commune 31001 (Thái Tân); the yearly report of 2030 is not
# open yet, so the values are new. Indicator 12 is a count, 18 a count too.
data_set = {
    "dataSet": "TT-18-2025", "period": "2030", "orgUnit": "31001",
    "dataValues": [
        {"dataElement": "NQ57-THAITAN-2025-12", "value": "4", "comment": "dhis2-client"},
        {"dataElement": "NQ57-THAITAN-2025-18", "value": "7", "followup": False},
    ],
}
answer = DHIS2Client(base, username="admin", password=password).post_data_value_set(data_set)
print(json.dumps(answer, ensure_ascii=False))
count = answer["response"]["importCount"]
assert answer["status"] == "OK", answer
assert (count["imported"], count["updated"], count["ignored"]) == (2, 0, 0), count

# The same set again with an API key as DHIS2's ApiToken: both values are counted updated.
request = urllib.request.Request(
    f"{base}/api/v1/auth/token",
    data=json.dumps({"grantType": "password", "username": "admin",
                     "password": password}).encode(),
    headers={"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(request))["accessToken"]
request = urllib.request.Request(
    f"{base}/api/v1/api-keys",
    data=json.dumps({"name": "dhis2-client check", "role": "administrator"}).encode(),
    headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
key = json.load(urllib.request.urlopen(request))["apiKey"]
answer = DHIS2Client(base, token=key).post_data_value_set(data_set)
count = answer["response"]["importCount"]
assert (count["imported"], count["updated"], count["ignored"]) == (0, 2, 0), count
print("dhis2-client: Basic imported 2, ApiToken updated 2")

# Read the set back with the client's own export call (GET /api/dataValueSets).
client = DHIS2Client(base, username="admin", password=password)
exported = client.get_data_value_set(
    {"dataSet": "TT-18-2025", "period": "2030", "orgUnit": "31001"})
values = {v["dataElement"]: v for v in exported["dataValues"]}
assert exported["dataSet"] == "TT-18-2025", exported
assert values["NQ57-THAITAN-2025-12"]["value"] == "4", values
assert values["NQ57-THAITAN-2025-12"]["comment"] == "dhis2-client", values
assert values["NQ57-THAITAN-2025-18"]["value"] == "7", values
# An illegal query is DHIS2's 409 WebMessage with its error code, as the client reports it.
from dhis2_client.errors import DHIS2HTTPError
try:
    client.get_data_value_set({"period": "2030", "orgUnit": "31001"})
    raise AssertionError("a query without a data set was answered")
except DHIS2HTTPError as error:
    assert error.status_code == 409 and error.payload["errorCode"] == "E2001", error.payload
print("dhis2-client: get_data_value_set read both values back; E2001 without a data set")
PY
