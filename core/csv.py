"""The one CSV writer every export uses, so a spreadsheet never runs a cell as a formula.

A display name such as ``=HYPERLINK("https://evil.example","Click")`` is data in Praxis, but
Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula, and some also look past a leading tab, carriage return or spaces ("CSV
injection", OWASP). Following OWASP's advice (and ASVS 1.2.10), a *text* cell whose first
character, or first character after leading whitespace, is one of those, or that starts with a
tab, carriage return or NUL, gets a leading single quote: spreadsheets show it as text, and a
reader of the raw file can still tell what was typed. Separators and quotes inside a cell are
handled by :mod:`csv` quoting (RFC 4180), so a value cannot start a new cell either.

Numbers stay numbers: only ``str`` values are neutralised. A column of counts, hours or
percentages must therefore be written from Python as ``int``/``float``/``Decimal`` (``-3`` is
written as ``-3``); a string that merely looks numeric (``"-3"``) is text and is quoted.

Do not call :func:`csv.writer` or :class:`csv.DictWriter` anywhere else (a test greps for it).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

from django.http import HttpResponse

#: A cell starting with one of these is run (or mangled) by a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@")
#: Control characters that spreadsheets skip or act on at the start of a cell.
CONTROL_TRIGGERS = ("\t", "\r", "\n", "\0")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def neutralise(value: Any) -> Any:
    """The value as it is safe to put in a cell: a dangerous text gets a leading ``'``.

    Non-text values (numbers, ``None``, dates) are returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(CONTROL_TRIGGERS) or value.lstrip().startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeWriter:
    """:func:`csv.writer` whose every cell goes through :func:`neutralise` first."""

    def __init__(self, stream: _Writable, **fmtparams: Any) -> None:
        self._writer = csv.writer(stream, **fmtparams)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_response(filename: str, rows: Iterable[Iterable[Any]]) -> HttpResponse:
    """A CSV download: ``rows`` (the header first) written safely into an attachment."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    SafeWriter(response).writerows(rows)
    return response
