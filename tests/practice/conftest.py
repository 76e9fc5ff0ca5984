"""Practice fixtures: coaches, district teams with leads, entries and feedback."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from cohorts import services as cohort_services
from cohorts.models import CohortStatus, Pace
from practice import services
from practice.models import Kind

_teams = itertools.count(1)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # per-IP feedback limits must not leak between tests
    yield
    cache.clear()


@pytest.fixture
def today(monkeypatch):
    """Today, and the clock held at this instant for the test, so a run that crosses midnight
    (or a month's end) cannot put the test's dates and the code's in different days."""
    instant = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: instant)
    return timezone.localdate()


@pytest.fixture
def lead(make_user):
    return make_user("lena", role="team_lead")


@pytest.fixture
def make_team(course, facilitator, make_user):
    def build(*, lead, members, name: str | None = None):
        cohort = cohort_services.cohort_create(
            course=course,
            facilitators=[facilitator],
            title=f"Team cohort {next(_teams)}",
            pace=Pace.FACILITATED,
            starts_on=timezone.localdate() - timedelta(days=3),
            ends_on=timezone.localdate() + timedelta(days=60),
            capacity=200,
            status=CohortStatus.OPEN,
            time_zone="UTC",
        )
        org = cohort_services.organization_create(name="Riverside Unified")
        team = cohort_services.team_create(
            organization=org,
            cohort=cohort,
            name=name or f"Team {cohort.pk}",
            seats=max(len(members), 1) + 1,
            leads=[lead],
            by=facilitator,
        )
        for member in members:
            cohort_services.team_join(token=team.join_token, user=member)
        return team

    return build


@pytest.fixture
def log(today):
    def build(coach, *, days_ago: int = 0, minutes: int = 60, kind=Kind.OFFICE_HOURS, **fields):
        return services.practice_entry_create(
            coach=coach,
            date=fields.pop("date", today - timedelta(days=days_ago)),
            minutes=minutes,
            kind=kind,
            **fields,
        )

    return build


@pytest.fixture
def answer():
    def build(entry, *, usefulness: int = 4, confidence: int = 3, comment: str = ""):
        _link, token = services.feedback_link_create(entry=entry, by=entry.coach)
        return services.feedback_submit(
            token=token, usefulness=usefulness, confidence=confidence, comment=comment
        )

    return build
