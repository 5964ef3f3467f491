#!/usr/bin/env bash
# The demo as an official first sees it: the release binary with the demo serves the 2026 (this
# year's) progress pages of Thái Tân and Nghi Dương; headless Chromium renders each one and its
# DOM text is checked: no achievement above 300 % except the one planted outlier (Thái Tân), no
# `$` or `\` in any target, no number with more than two decimals, Vietnamese column titles by
# default and English ones with `lang=en`. A screenshot of each page is left under
# target/ci-demo-browser/ for people to look at.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

command -v chromium >/dev/null 2>&1 || ci_apt chromium
command -v chromium >/dev/null 2>&1 || ci_apt fonts-liberation2

OUT="$CI_ROOT/target/ci-demo-browser"
rm -rf "$OUT" && mkdir -p "$OUT"
ci_start_demo "$OUT"

# The demo's reports cover the twelve months before today (Vietnam time): this year, or last
# year in January.
YEAR=$(python3 -c '
import datetime as d
t = (d.datetime.now(d.timezone.utc) + d.timedelta(hours=7)).date()
print(t.year - 1 if t.month == 1 else t.year)')

# The browser fetches the page itself; the page needs a token, so it is saved first and opened
# from a file (it has no script and no external resource, so it renders the same).
browse() { # name url-query
  local name="$1" query="$2"
  curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/org-units/$query" -o "$OUT/$name.html"
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --dump-dom "file://$OUT/$name.html" >"$OUT/$name.dom.html" 2>"$OUT/$name.chromium.log"
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --window-size=1400,2400 --screenshot="$OUT/$name.png" "file://$OUT/$name.html" \
    >>"$OUT/$name.chromium.log" 2>&1
  [ -s "$OUT/$name.dom.html" ] || { cat "$OUT/$name.chromium.log"; exit 1; }
}

step "Thái Tân and Nghi Dương, $YEAR, rendered by $(chromium --version 2>/dev/null | head -1)"
browse thai-tan "31001/progress.html?plan=TT-18-2025&period=$YEAR"
browse nghi-duong "31002/progress.html?plan=ND-KH-2025&period=$YEAR"
browse thai-tan-en "31001/progress.html?plan=TT-18-2025&period=$YEAR&lang=en"

step "the rendered text reads true"
python3 "$CI_ROOT/.ci/checks/17-demo-browser-check.py" "$OUT"
echo "screenshots: $OUT/thai-tan.png $OUT/nghi-duong.png $OUT/thai-tan-en.png"
