"""200 people enroll in a 50-seat cohort at the same moment, on real PostgreSQL: exactly 50
get a seat, 150 wait in the order they asked, and nobody gets an error.

The calls run in threads with their own connections, so the data has to be committed:
a transactional test. Its teardown empties every table, Wagtail's root page (which comes from
a migration) included; ``serialized_rollback`` puts the migrated rows back before the test, so
it works whichever transactional test ran before it.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from accounts.services import user_create
from cohorts import services
from cohorts.models import CohortStatus, Enrollment, EnrollmentStatus, Pace

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

USERS, CAPACITY, WORKERS = 200, 50, 32


@pytest.fixture
def storm_cohort(make_course):
    # tests/cohorts/conftest.py's cohort fixtures are not visible from this directory.
    assert Page.get_first_root_node() is not None, "serialized_rollback restores the root"
    course = make_course(modules=1, lessons=1)
    facilitator = user_create(
        email="fran@example.org", password=None, username="fran", role="facilitator"
    )
    today = timezone.localdate()
    return services.cohort_create(
        course=course,
        title="Spring cohort",
        pace=Pace.FACILITATED,
        status=CohortStatus.OPEN,
        starts_on=today,
        ends_on=today + timedelta(days=60),
        capacity=CAPACITY,
        time_zone="UTC",
        facilitators=[facilitator],
    )


@pytest.fixture
def learners(storm_cohort):
    return [
        user_create(email=f"learner{i}@example.org", password=None, username=f"learner{i}")
        for i in range(USERS)
    ]


def enroll_all_at_once(cohort, people) -> list[Exception]:
    """Each thread connects, waits for all the others, then enrolls people one by one,
    closing its connection after each call like a request would."""
    barrier = threading.Barrier(WORKERS)
    local = threading.local()

    def enroll(user):
        try:
            if not getattr(local, "started", False):
                local.started = True
                connection.ensure_connection()
                barrier.wait(timeout=60)
            return services.cohort_enroll(cohort=cohort, user=user)
        finally:
            connection.close()

    errors = []
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for future in [pool.submit(enroll, user) for user in people]:
            try:
                future.result()
            except Exception as error:
                errors.append(error)
    return errors


def test_concurrent_enrollments_fill_exactly_the_capacity(storm_cohort, learners):
    errors = enroll_all_at_once(storm_cohort, learners)

    assert errors == []
    enrollments = Enrollment.objects.filter(cohort=storm_cohort)
    assert enrollments.filter(status=EnrollmentStatus.ACTIVE).count() == CAPACITY
    waiting = list(
        enrollments.filter(status=EnrollmentStatus.WAITLISTED)
        .order_by("pk")
        .values_list("waitlisted_at", "pk")
    )
    assert len(waiting) == USERS - CAPACITY
    # In arrival (id) order the waitlist times strictly increase: the (waitlisted_at, id)
    # order that promotion follows is first come, first served, with no ties.
    assert all(a < b for a, b in zip(waiting, waiting[1:]))
    assert all(earlier[0] < later[0] for earlier, later in zip(waiting, waiting[1:]))
