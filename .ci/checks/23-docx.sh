#!/usr/bin/env bash
# The report as officials file it: the release binary with the demo renders the Thái Tân and
# Nghi Dương quarters as Word documents; python-docx reads them back (header, title, every
# narrative heading in order, the appendix equal to the progress report's JSON, the decree's
# margins and fonts); LibreOffice opens each one and converts it to PDF without error; the first
# page of each becomes a PNG under target/ci-docx/ for people to look at.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

ci_pip python-docx
ci_apt libreoffice-writer-nogui poppler-utils fonts-liberation2

OUT="$CI_ROOT/target/ci-docx"
rm -rf "$OUT" && mkdir -p "$OUT"
ci_start_demo "$OUT"
get() { curl -sf -H "Authorization: Bearer $TOKEN" "$BASE$1" -o "$2"; }

# The demo's quarters: the last complete quarter in Vietnam time (UTC+7).
QUARTER=$("$CI_VENV/bin/python" -c '
import datetime as d
t = (d.datetime.now(d.timezone.utc) + d.timedelta(hours=7)).date()
q = (t.month - 1) // 3 + 1
print(f"{t.year - 1}Q4" if q == 1 else f"{t.year}Q{q - 1}")')

# name unit plan expectations
documents=(
  "nghi-duong 31002 ND-KH-2025"
  "thai-tan 31001 TT-18-2025"
)
cat >"$OUT/nghi-duong.expect.json" <<'JSON'
{"party": false, "draft": false, "place": "Nghi Dương", "number": "Số: 11/BC-HĐND",
 "left": ["HĐND XÃ NGHI DƯƠNG", "THƯỜNG TRỰC", "Số: 11/BC-HĐND"],
 "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
 "signature": ["TM. THƯỜNG TRỰC HĐND", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Thanh"]}
JSON
cat >"$OUT/thai-tan.expect.json" <<'JSON'
{"party": false, "draft": true, "place": "Thái Tân",
 "number": "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND",
 "left": ["ỦY BAN NHÂN DÂN", "XÃ THÁI TÂN"],
 "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
 "signature": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]}
JSON

for entry in "${documents[@]}"; do
  read -r name unit plan <<<"$entry"
  step "$name: $unit/$plan/$QUARTER as a Word document, read back with python-docx"
  get "/api/v1/reports/$unit/$plan/$QUARTER/document" "$OUT/$name.docx"
  get "/api/v1/reports/$unit/$plan/$QUARTER" "$OUT/$name.report.json"
  get "/api/v1/org-units/$unit/progress?plan=$plan&period=$QUARTER" "$OUT/$name.progress.json"
  "$CI_VENV/bin/python" "$CI_ROOT/.ci/checks/23-docx-check.py" "$OUT/$name.docx" \
    "$OUT/$name.report.json" "$OUT/$name.progress.json" "$OUT/$name.expect.json"

  step "$name: LibreOffice converts it to PDF; the first page becomes $OUT/$name-page1.png"
  # A profile of its own, so a stale or concurrent LibreOffice cannot interfere.
  soffice -env:UserInstallation="file://$DEMO_WORK/lo-profile" --headless --norestore \
    --convert-to pdf --outdir "$OUT" "$OUT/$name.docx" 2>&1 | tee "$OUT/$name.soffice.log"
  [ -s "$OUT/$name.pdf" ] || { echo "LibreOffice made no PDF of $name.docx"; exit 1; }
  if grep -qi "error" "$OUT/$name.soffice.log"; then echo "LibreOffice reported an error"; exit 1; fi
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$OUT/$name.pdf" "$OUT/$name-page1"
  [ -s "$OUT/$name-page1.png" ]
  echo "pages: $(pdfinfo "$OUT/$name.pdf" | sed -n 's/^Pages: *//p'); first page: $OUT/$name-page1.png"
done
