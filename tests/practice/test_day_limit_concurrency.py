"""The 24-hours-a-day rule holds when one coach saves many entries at the same moment (two
phones, a retried request): eight threads, each with its own connection, each logging five
hours on the same date. Only four can fit; the others get the rule's error.

As tests/sqlite_storm.py explains, the suite's in-memory SQLite database is
visible to one connection only, so the storm runs in a subprocess on a fresh SQLite file
(write transactions start with BEGIN IMMEDIATE there; PostgreSQL takes the row lock).
"""

from __future__ import annotations

import pytest
from django.db import connection

from tests.sqlite_storm import run_on_fresh_sqlite

STORM = """
import json, threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from accounts.services import user_create
from core.errors import ApplicationError
from practice import services
from practice.models import PracticeEntry

coach = user_create(email="maya@example.org", password=None)
today = timezone.localdate()
barrier = threading.Barrier(8)

def log(_):
    try:
        connection.ensure_connection()
        barrier.wait(timeout=60)
        services.practice_entry_create(coach=coach, date=today, minutes=300, kind="planning")
        return "ok"
    except ApplicationError as error:
        return error.code
    finally:
        connection.close()

with ThreadPoolExecutor(max_workers=8) as pool:
    outcomes = list(pool.map(log, range(8)))
print(json.dumps({
    "outcomes": sorted(outcomes),
    "minutes": PracticeEntry.objects.aggregate(m=Sum("minutes"))["m"],
}))
"""


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite storm (own file)")
def test_a_day_never_passes_24_hours_under_concurrent_saves(tmp_path):
    result = run_on_fresh_sqlite(STORM, tmp_path)
    assert result["outcomes"] == ["day_over_24_hours"] * 4 + ["ok"] * 4
    assert result["minutes"] == 1200
