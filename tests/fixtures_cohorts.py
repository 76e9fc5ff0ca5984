"""Cohort fixtures shared by every test package (loaded by tests/conftest.py)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.services import user_create
from cohorts import services
from cohorts.models import CohortStatus, Pace

_counter = itertools.count(1)


@pytest.fixture
def make_user(db):
    def build(name: str | None = None, **fields):
        name = name or f"user{next(_counter)}"
        return user_create(
            email=f"{name}@example.org",
            password="a-long-pass-phrase",
            username=name,
            display_name=fields.pop("display_name", name.title()),
            **fields,
        )

    return build


@pytest.fixture
def facilitator(make_user):
    return make_user("fran", role="facilitator")


@pytest.fixture
def coach(make_user):
    return make_user("maya")


@pytest.fixture
def course(make_course):
    return make_course(modules=3, lessons=2)


@pytest.fixture
def make_cohort(course, facilitator):
    def build(**fields):
        today = timezone.localdate()
        fields.setdefault("title", "Spring cohort")
        fields.setdefault("pace", Pace.FACILITATED)
        if fields["pace"] == Pace.FACILITATED:
            fields.setdefault("starts_on", today - timedelta(days=3))
            fields.setdefault("ends_on", today + timedelta(days=60))
            fields.setdefault("capacity", 20)
        fields.setdefault("status", CohortStatus.OPEN)
        fields.setdefault("time_zone", "UTC")
        return services.cohort_create(
            course=fields.pop("course", course), facilitators=[facilitator], **fields
        )

    return build


@pytest.fixture
def cohort(make_cohort):
    return make_cohort()


@pytest.fixture
def self_paced(make_cohort):
    return make_cohort(pace=Pace.SELF_PACED)  # named after its course
