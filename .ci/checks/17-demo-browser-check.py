"""Reads the DOM Chromium rendered for the demo's progress pages and checks what an official
would notice: achievements above 300 %, typesetting remnants in targets, over-precise numbers,
the language of the column titles. Standard library only."""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path


class Rows(HTMLParser):
    """The text of every cell, row by row, and the whole page's text."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.text = [], None, None, []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def read(path):
    parser = Rows()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def number(text):
    """`3.833,5%` → 3833.5 (Vietnamese: dots group thousands, the comma is decimal)."""
    return float(text.rstrip("%").strip().replace(".", "").replace(",", "."))


def check(out, name, planted_expected):
    page = read(out / f"{name}.dom.html")
    header = page.rows[0]
    items = [r for r in page.rows[1:] if len(r) == 7]
    assert items, f"{name}: no item rows"
    failures, planted = [], []
    for row in items:
        target, achievement = row[3], row[6]
        if "$" in target or "\\" in target:
            failures.append(f"target {target!r} of {row[1]!r}")
        if achievement and number(achievement) > 300:
            planted.append((row[1], achievement))
    text = " ".join(page.text)
    # More than two decimals after a comma (Vietnamese) is over-precise; a dot followed by
    # three digits groups thousands.
    for match in re.findall(r"\d+,\d{3,}", text):
        failures.append(f"over-precise number {match}")
    assert not failures, f"{name}: " + "; ".join(failures)
    assert len(planted) == planted_expected, f"{name}: above 300 %: {planted}"
    print(f"{name}: {len(items)} items, above 300 %: {planted or 'none'}; columns: {header}")
    return header


def main():
    out = Path(sys.argv[1])
    header = check(out, "thai-tan", 1)
    assert header[0] == "STT" and header[3].startswith("Chỉ tiêu năm"), header
    check(out, "nghi-duong", 0)
    english = check(out, "thai-tan-en", 1)
    assert english[0] == "No." and english[3].startswith("Target"), english
    print("the demo pages read true in the browser")


if __name__ == "__main__":
    main()
