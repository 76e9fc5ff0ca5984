"""Reads of accounts."""

from __future__ import annotations

import zoneinfo

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
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


def _time_zone_with_source(user) -> tuple[zoneinfo.ZoneInfo, str]:
    from cohorts.models import Enrollment, EnrollmentStatus, TeamMembership

    if not getattr(user, "is_authenticated", False):
        return timezone.get_default_timezone(), ZoneSource.SITE
    zone = zone_or_none(user.time_zone)
    if zone is not None:
        return zone, ZoneSource.PROFILE
    # One query for both fallbacks: this runs on every page of a person without a zone.
    district = (
        TeamMembership.objects.filter(user=OuterRef("pk"))
        .exclude(team__organization__time_zone="")
        .order_by("-joined_at", "-pk")
        .values("team__organization__time_zone")[:1]
    )
    cohort = (
        Enrollment.objects.filter(user=OuterRef("pk"), status=EnrollmentStatus.ACTIVE)
        .order_by("-enrolled_at", "-pk")
        .values("cohort__time_zone")[:1]
    )
    found = (
        get_user_model()
        ._default_manager.filter(pk=user.pk)
        .annotate(district_zone=Subquery(district), cohort_zone=Subquery(cohort))
        .values_list("district_zone", "cohort_zone")
        .first()
    ) or (None, None)
    for name, source in zip(found, (ZoneSource.DISTRICT, ZoneSource.COHORT), strict=True):
        zone = zone_or_none(name)
        if zone is not None:
            return zone, source
    return timezone.get_default_timezone(), ZoneSource.SITE


def user_time_zone(user) -> zoneinfo.ZoneInfo:
    return user_time_zone_with_source(user)[0]
