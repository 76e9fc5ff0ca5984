"""Capacity holds under concurrent enrollments on SQLite too, where write transactions start
with BEGIN IMMEDIATE (cms/settings/env.py) and so run one at a time.

The storm runs in a subprocess against a fresh SQLite file (tests/sqlite_storm.py says why):
build a cohort of capacity 10, then 40 threads, each with its own connection, enroll 40 people
at the same moment. On PostgreSQL the same storm is tests/integration/test_enrollment_storm.py.
The two rows Wagtail's migrations would have written, the default locale and the root page,
are created here.
"""

from __future__ import annotations

import pytest
from django.db import connection

from tests.sqlite_storm import run_on_fresh_sqlite

USERS, CAPACITY = 40, 10

STORM = """
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from accounts.services import user_create
from cohorts import services
from cohorts.models import Enrollment
from cms import services as site_services
from courses import services as course_services

users, capacity = int(sys.argv[1]), int(sys.argv[2])
Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
Page.add_root(instance=Page(title="Root", slug="root"))
_home, catalog = site_services.site_root_ensure()
lesson = {"title": "Lesson 1.1", "slug": "lesson-1-1", "body": []}
course, _ = course_services.course_build(
    catalog=catalog, title="Coaching", slug="coaching", summary="x",
    modules=[{"title": "Module 1", "slug": "module-1", "lessons": [lesson]}],
)
facilitator = user_create(email="fran@example.org", password=None, role="facilitator")
today = timezone.localdate()
cohort = services.cohort_create(
    course=course, title="Spring cohort", status="open", starts_on=today,
    ends_on=today + timedelta(days=60), capacity=capacity, time_zone="UTC",
    facilitators=[facilitator],
)
people = [user_create(email=f"learner{i}@example.org", password=None) for i in range(users)]
barrier = threading.Barrier(users)

def enroll(user):
    try:
        connection.ensure_connection()
        barrier.wait(timeout=60)
        return services.cohort_enroll(cohort=cohort, user=user).enrollment.status
    finally:
        connection.close()

errors = []
with ThreadPoolExecutor(max_workers=users) as pool:
    for future in [pool.submit(enroll, person) for person in people]:
        try:
            future.result()
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
queue = list(
    Enrollment.objects.filter(cohort=cohort, status="waitlisted")
    .order_by("waitlisted_at", "pk").values_list("waitlisted_at", "pk")
)
print(json.dumps({
    "vendor": connection.vendor,
    "active": Enrollment.objects.filter(cohort=cohort, status="active").count(),
    "waitlisted": len(queue),
    "errors": errors,
    "queue_ids_in_order": [pk for _at, pk in queue] == sorted(pk for _at, pk in queue),
    "queue_times_distinct": len({at for at, _pk in queue}) == len(queue),
}))
"""


@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="on PostgreSQL, tests/integration/test_enrollment_storm.py runs the storm",
)
def test_capacity_holds_when_everyone_enrolls_at_once(tmp_path):
    result = run_on_fresh_sqlite(STORM, tmp_path, USERS, CAPACITY)

    assert result["vendor"] == "sqlite"
    assert (result["active"], result["waitlisted"], len(result["errors"])) == (
        CAPACITY,
        USERS - CAPACITY,
        0,
    ), result["errors"]
    assert result["queue_ids_in_order"]
    assert result["queue_times_distinct"]


GRANT_STORM = """
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.db import connection
from django.db.models import Sum
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from accounts.services import user_create
from core.errors import ApplicationError
from cohorts import services
from cohorts.models import SeatRequest, Team
from cms import services as site_services
from courses import services as course_services

teams, capacity = int(sys.argv[1]), int(sys.argv[2])
Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
Page.add_root(instance=Page(title="Root", slug="root"))
_home, catalog = site_services.site_root_ensure()
lesson = {"title": "Lesson 1.1", "slug": "lesson-1-1", "body": []}
course, _ = course_services.course_build(
    catalog=catalog, title="Coaching", slug="coaching", summary="x",
    modules=[{"title": "Module 1", "slug": "module-1", "lessons": [lesson]}],
)
facilitator = user_create(email="fran@example.org", password=None, role="facilitator")
today = timezone.localdate()
cohort = services.cohort_create(
    course=course, title="Spring cohort", status="open", starts_on=today,
    ends_on=today + timedelta(days=60), capacity=capacity, time_zone="UTC",
    facilitators=[facilitator],
)
org = services.organization_create(name="District")
requests = []
for i in range(teams):
    lead = user_create(email=f"lead{i}@example.org", password=None)
    team = services.team_create(
        organization=org, cohort=cohort, name=f"Team {i}", seats=1, leads=[lead], by=facilitator
    )
    requests.append(services.seat_request_create(team=team, seats=3, by=lead))
barrier = threading.Barrier(teams)

def grant(request):
    try:
        connection.ensure_connection()
        barrier.wait(timeout=60)
        services.seat_request_grant(seat_request=request, by=facilitator)
        return "granted"
    except ApplicationError as error:
        return error.code
    finally:
        connection.close()

with ThreadPoolExecutor(max_workers=teams) as pool:
    outcomes = [future.result() for future in [pool.submit(grant, r) for r in requests]]
print(json.dumps({
    "outcomes": sorted(outcomes),
    "reserved": Team.objects.filter(cohort=cohort).aggregate(n=Sum("seats"))["n"],
    "granted_rows": SeatRequest.objects.filter(status="granted").count(),
}))
"""


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="the SQLite storm; PostgreSQL locks the same row"
)
def test_two_grants_at_once_cannot_oversell_the_cohort(tmp_path):
    # Capacity 10, four one-seat teams (6 free), each asking for 3: only two grants fit.
    result = run_on_fresh_sqlite(GRANT_STORM, tmp_path, 4, 10)
    assert result["outcomes"] == ["granted", "granted", "no_seats", "no_seats"], result
    assert result["reserved"] == 10 and result["granted_rows"] == 2
