"""Time-zone names: checking one, turning one into a zone, and saying which zone a time is in.

Times are stored as instants (``USE_TZ``); what a person types or reads is wall-clock time in
a named zone (a cohort's, or their own). These helpers are the one place that names are
checked, so a stored name always opens as a ``ZoneInfo``.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

LEGACY_PREFIXES = (
    "Etc/",
    "SystemV/",
    "US/",
    "Canada/",
    "Mexico/",
    "Brazil/",
    "Chile/",
    "posix/",
    "right/",
)


@functools.cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone name, sorted (``America/Chicago`` …), without the legacy aliases that
    only confuse a picker (``US/Central``, ``Etc/GMT+6``, ``CST6CDT``)."""
    names = zoneinfo.available_timezones()
    return tuple(
        sorted(name for name in names if "/" in name and not name.startswith(LEGACY_PREFIXES))
        + ["UTC"]
    )


@functools.cache
def _available() -> frozenset[str]:
    # ``available_timezones()`` walks the tz database's folders (~600 files) on every call:
    # once a process is enough (the middleware asks on every request).
    return frozenset(zoneinfo.available_timezones())


def is_time_zone(name: str) -> bool:
    return bool(name) and name in _available()


def validate_time_zone(value: str) -> None:
    if not is_time_zone(value):
        raise ValidationError(f"{value!r} is not a time zone name such as America/Chicago.")


def zone_or_none(name: str | None) -> zoneinfo.ZoneInfo | None:
    if not name or not is_time_zone(name):
        return None
    return zoneinfo.ZoneInfo(name)


def zone_label(zone: zoneinfo.ZoneInfo, at: datetime | None = None) -> str:
    """``"America/Los_Angeles (PST)"``: the name, and its abbreviation at ``at`` (now)."""
    moment = (at or timezone.now()).astimezone(zone)
    abbreviation = moment.tzname() or ""
    name = str(zone)
    if not abbreviation or abbreviation == name:
        return name
    return f"{name} ({abbreviation})"
