"""200 people enroll in a 50-seat cohort at the same moment, on real PostgreSQL: exactly 50
get a seat, 150 wait in the order they asked, and nobody gets an error.

The calls run in threads with their own connections, so the data has to be committed: a
transactional test. A transactional test's teardown empties every table, including the rows
migrations wrote (Wagtail's locale, root page and root collection), so ``site_root_ensure``
fails on a missing root in any transactional test that runs after another one.
``serialized_rollback`` restores the migrated rows before the test; ``site_tree`` below also
rebuilds them when there was nothing to restore (``--reuse-db`` serializes the database as the
last run left it: empty).
Caveat (Django's): a transactional test *without* ``serialized_rollback`` re-creates content
types in its teardown, which the restore would then duplicate; give any new transactional test
``serialized_rollback=True`` too.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from cms import services as site_services
from cohorts import services
from cohorts.models import Enrollment, EnrollmentStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

USERS, CAPACITY, WORKERS = 200, 50, 32


@pytest.fixture
def site_tree(db):
    """tests/conftest.py's ``site_tree``, plus the rows migrations write (default locale, root
    page, root collection for the course's images) when there was nothing to restore."""
    if Page.get_first_root_node() is None:
        ContentType.objects.clear_cache()  # its cached ids went with the flushed rows
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        Locale.objects.get_or_create(language_code=language)
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return site_services.site_root_ensure()


@pytest.fixture
def learners(make_user):
    return [make_user() for _ in range(USERS)]


def enroll_all_at_once(cohort, people) -> list[Exception]:
    """Each thread connects, waits for all the others, then enrolls people one by one,
    closing its connection after each call as a request would."""
    barrier = threading.Barrier(WORKERS)
    local = threading.local()

    def enroll(user):
        try:
            if not getattr(local, "started", False):
                local.started = True
                connection.ensure_connection()
                barrier.wait(timeout=60)
            return services.cohort_enroll(cohort=cohort, user=user).enrollment
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


def test_concurrent_enrollments_fill_exactly_the_capacity(make_cohort, learners):
    cohort = make_cohort(capacity=CAPACITY)

    errors = enroll_all_at_once(cohort, learners)

    assert errors == []
    enrollments = Enrollment.objects.filter(cohort=cohort)
    assert enrollments.filter(status=EnrollmentStatus.ACTIVE).count() == CAPACITY
    # The queue in the order promotion takes it, (waitlisted_at, id), is arrival order
    # (ids only go up) with no two people at the same instant.
    queue = list(
        enrollments.filter(status=EnrollmentStatus.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .values_list("waitlisted_at", "pk")
    )
    assert len(queue) == USERS - CAPACITY
    ids = [pk for _at, pk in queue]
    times = [at for at, _pk in queue]
    assert ids == sorted(ids)
    assert all(earlier < later for earlier, later in zip(times, times[1:]))
