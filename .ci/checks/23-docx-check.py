"""Reads a generated report document with python-docx (a library we did not write) and checks
it against the report's JSON and the progress report's JSON, and against the figures of Decree
30/2020/ND-CP, appendix I. Used by 23-docx.sh.

usage: 23-docx-check.py DOCX REPORT_JSON PROGRESS_JSON EXPECTATIONS_JSON
"""

import json
import math
import re
import sys

from docx import Document
from docx.shared import Mm

STATUS_VI = {
    "achieved": "Đạt",
    "exceeded": "Vượt",
    "notAchieved": "Chưa đạt",
    "noData": "Chưa có số liệu",
    "noTarget": "Không giao chỉ tiêu",
    "needsJudgement": "Cần đánh giá",
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def between(value_mm, low, high, what):
    check(low - 0.2 <= value_mm <= high + 0.2, f"{what} is {value_mm:.1f} mm, not {low}-{high} mm")


def size_of(run):
    return run.font.size.pt if run.font.size is not None else None


def text_runs(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def all_paragraphs(document):
    """Body paragraphs and the paragraphs of every table cell, in document order."""
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield from (p for p in document.paragraphs if p._p is child)
        elif tag == "tbl":
            table = next(t for t in document.tables if t._tbl is child)
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def vietnamese_number(value):
    # Half away from zero, as Rust's f64::round (Python's round() rounds half to even).
    rounded = math.copysign(math.floor(abs(value) * 100 + 0.5), value) / 100
    if rounded == int(rounded):
        text = f"{rounded:.0f}"
    else:
        text = f"{rounded:.2f}".rstrip("0")
    return text.replace(".", ",")


def expected_headings(sections):
    """The narrative's headings in reading order: parents first, siblings by position and code."""
    out = []

    def visit(parent):
        children = [s for s in sections if s.get("parentCode") == parent]
        children.sort(key=lambda s: (s["position"], s["code"]))
        for child in children:
            parts = child["code"].split(".")
            title = child["title"].strip()
            if len(parts) == 1:
                out.append(f"{parts[0]}. {title.upper()}")
            elif len(parts) == 2:
                out.append(f"{parts[1].lstrip('0')}. {title}")
            else:
                out.append(f"{chr(ord('a') + int(parts[2]) - 1)}) {title}")
            visit(child["code"])

    visit(None)
    return out


def main():
    path, report_path, progress_path, expect_path = sys.argv[1:5]
    document = Document(path)
    report = json.load(open(report_path, encoding="utf-8"))
    progress = json.load(open(progress_path, encoding="utf-8"))
    expect = json.load(open(expect_path, encoding="utf-8"))

    # Page: A4 upright; margins top and bottom 20-25, left 30-35, right 15-20 mm.
    section = document.sections[0]
    check(abs(section.page_width - Mm(210)) < Mm(0.5), "the page is not 210 mm wide")
    check(abs(section.page_height - Mm(297)) < Mm(0.5), "the page is not 297 mm high")
    between(section.top_margin.mm, 20, 25, "the top margin")
    between(section.bottom_margin.mm, 20, 25, "the bottom margin")
    between(section.left_margin.mm, 30, 35, "the left margin")
    between(section.right_margin.mm, 15, 20, "the right margin")
    check(section.different_first_page_header_footer, "the first page shows a page number")
    header_xml = section.header._element.xml
    check("PAGE" in header_xml, "no page number in the header of the following pages")

    # Times New Roman everywhere.
    paragraphs = list(all_paragraphs(document))
    for paragraph in paragraphs:
        for run in text_runs(paragraph):
            check(run.font.name == "Times New Roman", f"{run.text!r} is in {run.font.name}")

    texts = [p.text for p in paragraphs if p.text.strip()]
    by_text = {}
    for p in paragraphs:
        by_text.setdefault(p.text, p)

    def first_run(text):
        paragraph = by_text.get(text)
        check(paragraph is not None, f"no paragraph {text!r}")
        runs = text_runs(paragraph) if paragraph is not None else []
        return runs[0] if runs else None

    # The header table: issuing body left, national title and motto (or the Party's title) right.
    header = document.tables[0]
    left = header.rows[0].cells[0].text
    right = header.rows[0].cells[1].text
    for line in expect["left"]:
        check(line in left, f"{line!r} is not in the header's left column: {left!r}")
    for line in expect["right"]:
        check(line in right, f"{line!r} is not in the header's right column: {right!r}")
    if expect.get("party"):
        run = first_run("ĐẢNG CỘNG SẢN VIỆT NAM")
        check(run is not None and run.bold, "the Party title is not bold")
    else:
        run = first_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        check(run is not None and run.bold and 12 <= size_of(run) <= 13,
              "the national title is not bold 12-13 pt")
        run = first_run("Độc lập - Tự do - Hạnh phúc")
        check(run is not None and run.bold and 13 <= size_of(run) <= 14,
              "the motto is not bold 13-14 pt")
    place_date = next((t for t in texts if re.fullmatch(r".+, ngày \d{2} tháng (\d{2}|[3-9]|1[0-2]) năm \d{4}", t)), None)
    check(place_date is not None and place_date.startswith(expect["place"] + ", ngày "),
          f"no place and date in words for {expect['place']!r}")
    if place_date:
        run = first_run(place_date)
        check(run is not None and run.italic and 13 <= size_of(run) <= 14,
              "place and date are not italic 13-14 pt")
    check(any(t == expect["number"] for t in texts), f"no number {expect['number']!r}")
    check(("DỰ THẢO" in texts) == expect["draft"], f"the draft mark should be {expect['draft']}")

    # Title and summary line: bold, 13-14 pt.
    run = first_run("BÁO CÁO")
    check(run is not None and run.bold and 13 <= size_of(run) <= 14, "BÁO CÁO is not bold 13-14 pt")
    title_at = texts.index("BÁO CÁO") if "BÁO CÁO" in texts else 0
    summary = texts[title_at + 1] if title_at + 1 < len(texts) else ""
    check(summary.startswith("Kết quả thực hiện Nghị quyết số 57-NQ/TW"), f"summary line: {summary!r}")

    # Every narrative heading, in order, bold, at body size; body text 13-14 pt.
    at = title_at
    for heading in expected_headings(report["sections"]):
        try:
            at = texts.index(heading, at + 1)
        except ValueError:
            failures.append(f"heading {heading!r} missing or out of order")
            continue
        run = first_run(heading)
        check(run is not None and run.bold and 13 <= size_of(run) <= 14,
              f"heading {heading!r} is not bold 13-14 pt")

    # "Nơi nhận:" bold italic 12 pt, its list 11 pt; then the signature block.
    run = first_run("Nơi nhận:")
    check(run is not None and run.bold and run.italic and size_of(run) == 12,
          "Nơi nhận is not bold italic 12 pt")
    closing = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:")]
    check(len(closing) == 1, "no table with Nơi nhận and the signature")
    recipients = [p for p in closing[0].rows[0].cells[0].paragraphs[1:] if p.text.strip()] if closing else []
    check(recipients and all(p.text.startswith("- ") and size_of(text_runs(p)[0]) == 11 for p in recipients),
          "the recipients are not listed in 11 pt")
    for line in expect["signature"]:
        check(line in texts, f"signature line {line!r} missing")

    # The appendix: the progress report's rows, with their figures.
    appendix = document.tables[-1]
    rows = [[c.text for c in r.cells] for r in appendix.rows]
    check(rows[0][0] == "STT", "the appendix does not start with its column titles")
    items = [r for r in rows[1:] if len(set(r)) > 2]
    expected = [row for s in progress["sections"] for row in s["rows"]]
    check(len(items) == len(expected), f"{len(items)} appendix rows for {len(expected)} progress rows")
    for cells, row in zip(items, expected):
        # The appendix shows targets as people write them (`display`, e.g. "≥ 3 %"), as the
        # progress table does; `raw` is the plan's own wording.
        given = row.get("target") or {}
        target = given.get("display") or given.get("raw", "")
        ratio = row.get("achievementRatio")
        want = [
            row["number"],
            row["indicatorName"],
            row.get("unitOfMeasure") or "",
            target,
            row.get("actualText") or "",
            STATUS_VI[row["status"]],
            f"{vietnamese_number(ratio * 100)}%" if ratio is not None else "",
        ]
        check(cells == want, f"appendix row {cells} is not {want}")

    name = path.rsplit("/", 1)[-1]
    if failures:
        print(f"{name}: {len(failures)} problem(s)")
        for failure in failures:
            print("  -", failure)
        sys.exit(1)
    print(f"{name}: header, title, {len(expected_headings(report['sections']))} headings, "
          f"{len(items)} appendix rows, margins and fonts as the decree gives")


main()
