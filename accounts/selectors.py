"""Reads of accounts."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import QuerySet, Subquery
from django.utils import timezone

from core.time_zones import zone_or_none


def user_by_login(*, login: str):
    """The account a login name points at: an email address (with an ``@``) or a username,
    either case-insensitive; ``None`` when there is none."""
    User = get_user_model()
    login = (login or "").strip()
    if not login:
        return None
    field = "email__iexact" if "@" in login else "username__iexact"
    return User._default_manager.filter(**{field: login}).order_by("pk").first()


def email_has_account(*, email: str) -> bool:
    return get_user_model()._default_manager.filter(email__iexact=(email or "").strip()).exists()


class ZoneSource:
    PROFILE = "profile"
    DISTRICT = "district"
    COHORT = "cohort"
    SITE = "site"


def user_time_zone_with_source(user) -> tuple[zoneinfo.ZoneInfo, str]:
    """The zone a person's times are shown in, and where it came from: their profile's zone;
    else their district's (the organization of their latest team); else that of their latest
    active cohort; else the site's ``TIME_ZONE``. Remembered on the user object for the
    request, since every page asks."""
    cached = getattr(user, "_time_zone_with_source", None)
    if cached is not None:
        return cached
    found = _time_zone_with_source(user)
    if getattr(user, "pk", None) is not None:
        user._time_zone_with_source = found
    return found


# Where a person's zone comes from when their profile names none, in order: the apps that know
# (cohorts: their district's, then their latest active cohort's) register a subquery in their
# ``AppConfig.ready``. Each is a one-column queryset of zone names, correlated to the person with
# ``OuterRef("pk")``; all of them are asked in one query.
_zone_fallbacks: list[tuple[str, Callable[[], QuerySet]]] = []


def time_zone_fallback_register(source: str, subquery: Callable[[], QuerySet]) -> None:
    if all(known != source for known, _ in _zone_fallbacks):
        _zone_fallbacks.append((source, subquery))


def _time_zone_with_source(user) -> tuple[zoneinfo.ZoneInfo, str]:
    if not getattr(user, "is_authenticated", False):
        return timezone.get_default_timezone(), ZoneSource.SITE
    zone = zone_or_none(user.time_zone)
    if zone is not None:
        return zone, ZoneSource.PROFILE
    if _zone_fallbacks:
        # One query for every fallback: this runs on every page of a person without a zone.
        columns = {f"zone_{i}": Subquery(make()) for i, (_, make) in enumerate(_zone_fallbacks)}
        found = (
            get_user_model()
            ._default_manager.filter(pk=user.pk)
            .annotate(**columns)
            .values_list(*columns)
            .first()
        ) or ()
        for name, (source, _) in zip(found, _zone_fallbacks, strict=False):
            zone = zone_or_none(name)
            if zone is not None:
                return zone, source
    return timezone.get_default_timezone(), ZoneSource.SITE


def user_time_zone(user) -> zoneinfo.ZoneInfo:
    return user_time_zone_with_source(user)[0]
