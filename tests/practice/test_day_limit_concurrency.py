"""The 24-hours-a-day rule holds when one coach saves many entries at the same moment (two
phones, a retried request): eight threads, each with its own connection, each logging five
hours on the same date. Only four can fit; the others get the rule's error.

As in tests/cohorts/test_enrollment_concurrency.py, the suite's in-memory SQLite database is
visible to one connection only, so the storm runs in a subprocess on a fresh SQLite file
(write transactions start with BEGIN IMMEDIATE there; PostgreSQL takes the row lock).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

STORM = """
import json, threading
from concurrent.futures import ThreadPoolExecutor

import django
from django.conf import settings


class NoMigrations:
    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


settings.MIGRATION_MODULES = NoMigrations()
django.setup()

from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from accounts.services import user_create
from cms.errors import ApplicationError
from practice import services
from practice.models import PracticeEntry

call_command("migrate", run_syncdb=True, verbosity=0)
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
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'day.sqlite3'}"
    run = subprocess.run(
        [sys.executable, "-c", STORM],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["outcomes"] == ["day_over_24_hours"] * 4 + ["ok"] * 4
    assert result["minutes"] == 1200
