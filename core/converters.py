"""Bounded path converters: ``<id:…>`` and ``<page_id:…>`` instead of Django's ``<int:…>``.

Django's ``int`` converter matches any run of digits, so ``/cohorts/3729175242605049937920/``
reaches the view and the database (SQLite: "Python int too large to convert to SQLite
INTEGER"; PostgreSQL: "integer out of range"). These converters match 1–19 digits and refuse a
value past the column's range in ``to_python``, so such a URL does not resolve: a plain 404
(the JSON 404 under /api/) before any view runs.

- ``id``: rows with a ``BigAutoField`` key (signed 64-bit).
- ``page_id``: Wagtail pages, whose ``id`` is a 32-bit ``integer`` column on PostgreSQL.
- ``index``: a position counted from 0 (revocation list numbers), bounded like ``id``.

They are registered by ``cms.apps.CmsConfig.ready`` (before any URLconf is imported); a test
walks the resolver and fails on any project pattern still using ``<int:…>``.
"""

from __future__ import annotations

from django.urls import register_converter

#: Largest value of a signed 64-bit ``bigint`` (Django's ``BigAutoField``).
MAX_BIGINT = 2**63 - 1
#: Largest value of a signed 32-bit ``integer`` (Wagtail's page ids on PostgreSQL).
MAX_INT = 2**31 - 1


class BoundedIdConverter:
    """A whole number in ``min_value..max_value``; anything else does not match."""

    regex = "[0-9]{1,19}"
    min_value = 1
    max_value = MAX_BIGINT

    def to_python(self, value: str) -> int:
        number = int(value)
        if not self.min_value <= number <= self.max_value:
            # → the URL does not match
            raise ValueError(f"{value} is outside {self.min_value}..{self.max_value}")
        return number

    def to_url(self, value) -> str:
        number = int(value)
        if not self.min_value <= number <= self.max_value:
            # → NoReverseMatch
            raise ValueError(f"{value} is outside {self.min_value}..{self.max_value}")
        return str(number)


class IdConverter(BoundedIdConverter):
    max_value = MAX_BIGINT


class PageIdConverter(BoundedIdConverter):
    regex = "[0-9]{1,10}"
    max_value = MAX_INT


class IndexConverter(BoundedIdConverter):
    """A position counted from 0 (e.g. a revocation list's number), bounded like an id."""

    min_value = 0


CONVERTERS = {"id": IdConverter, "page_id": PageIdConverter, "index": IndexConverter}


def register() -> None:
    for name, converter in CONVERTERS.items():
        register_converter(converter, name)


def parse_id(value, *, max_value: int = MAX_BIGINT) -> int | None:
    """An id from a form post or query string, or ``None`` for anything that is not one
    (garbage, ``0``, past the column's range): the same bounds as the path converters, for
    the HTML views that read an id from ``request.POST``."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 1 <= number <= max_value else None
