"""Concurrent events award a badge once and open one certification request.

On SQLite (the default run) the storm runs in a subprocess against a fresh SQLite file, as
tests/sqlite_storm.py explains: the suite's in-memory database is
visible to one connection only. Write transactions there start with BEGIN IMMEDIATE, so they
run one at a time; the test proves the service returns the existing award instead of failing.
On PostgreSQL (CI's second pass) the threads really race: the row lock on the recipient and
the partial unique index ``badges_one_open_award`` keep it to one award.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.sqlite_storm import run_on_fresh_sqlite

THREADS = 12

STORM = """
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor

from django.core.files.base import ContentFile
from django.db import connection

from accounts.services import user_create
from badges import services
from badges.models import BadgeAward, BadgeClass, CertificationRequest, Issuer

threads = int(sys.argv[1])
issuer = Issuer.objects.create(name="Praxis", url="https://praxis.example.org/", email="b@x.org")
png = bytes.fromhex(sys.argv[2])
classes = []
for slug, approval in (("auto", False), ("approved", True)):
    badge_class = BadgeClass(issuer=issuer, name=slug, slug=slug, description="d",
                             criteria_narrative="c", requires_approval=approval)
    badge_class.image.save(f"{slug}.png", ContentFile(png), save=False)
    badge_class.save()
    classes.append(badge_class)
person = user_create(email="kevin@example.org", password=None)
barrier = threading.Barrier(threads)

def event(index):
    try:
        connection.ensure_connection()
        barrier.wait(timeout=60)
        if index % 2:
            awarded = services.badge_award(badge_class=classes[0], recipient=person, method="rules")
            return awarded.award.pk
        request, _changed = services.certification_request_open(
            badge_class=classes[1], learner=person
        )
        return -request.pk
    finally:
        connection.close()

errors, results = [], set()
with ThreadPoolExecutor(max_workers=threads) as pool:
    for future in [pool.submit(event, i) for i in range(threads)]:
        try:
            results.add(future.result())
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
print(json.dumps({
    "vendor": connection.vendor,
    "awards": BadgeAward.objects.count(),
    "requests": CertificationRequest.objects.count(),
    "distinct_results": len(results),
    "errors": errors,
}))
"""


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (31, 95, 87)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the PostgreSQL test below runs")
def test_concurrent_events_award_once_on_sqlite(tmp_path):
    result = run_on_fresh_sqlite(
        STORM, tmp_path, THREADS, _png().hex(), extra_env={"MEDIA_ROOT": str(tmp_path / "media")}
    )
    assert result == {
        "vendor": "sqlite",
        "awards": 1,
        "requests": 1,
        "distinct_results": 2,  # every award call got the same award, every request the same
        "errors": [],
    }


@pytest.mark.integration
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_events_award_once_on_postgresql(make_badge_class, make_user):
    from badges import services
    from badges.models import BadgeAward

    badge_class = make_badge_class()
    person = make_user("racer")
    barrier = threading.Barrier(THREADS)

    def award(_index):
        try:
            barrier.wait(timeout=30)
            return services.badge_award(
                badge_class=badge_class, recipient=person, method="rules"
            ).award.pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(award, range(THREADS)))
    assert len(set(results)) == 1
    assert BadgeAward.objects.filter(recipient=person).count() == 1
