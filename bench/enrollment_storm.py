"""Benchmark: 200 people enroll in a 50-seat cohort at the same moment.

200 distinct users call ``cohorts.services.cohort_enroll`` for one facilitated cohort of
capacity 50 from a pool of 32 threads, each with its own database connection (closed after
every call, as a web request with CONN_MAX_AGE=0 would). Every thread connects first and then
waits at a barrier, so the first 32 calls start together and the rest follow as threads free
up. Prints how many enrollments ended active and waitlisted, how many calls raised, the wall
time from the barrier's release, and whether that is exactly 50 / 150 / 0 with the waitlist
in first-come order. Exits 1 when it is not.

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/praxis \
        .venv/bin/python bench/enrollment_storm.py [--users 200 --capacity 50 --workers 32]
    .venv/bin/python bench/enrollment_storm.py --sqlite

PostgreSQL is what production runs and what this is for: the script creates its own database
on that server (praxis_bench_storm_<pid>) and drops it at the end; the database named in the
URL is never read or written. Without a PostgreSQL DATABASE_URL it says so and does nothing
(exit 0, so ``make bench`` carries on). ``--sqlite`` runs the same storm on a throwaway SQLite
file, where write transactions start with BEGIN IMMEDIATE and so run one at a time.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import PG_SCHEMES, own_postgres_database, own_sqlite_database  # noqa: E402


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument(
        "--sqlite", action="store_true", help="run on a throwaway SQLite file instead"
    )
    return parser.parse_args()


def _own_database(sqlite: bool) -> Callable[[], None]:
    """Point DATABASE_URL at a database of our own; returns what removes it afterwards."""
    if sqlite:
        return own_sqlite_database("storm")
    parts = urlsplit(os.environ.get("DATABASE_URL", "").strip())
    if parts.scheme not in PG_SCHEMES:
        sys.stderr.write(
            "enrollment storm skipped: it needs PostgreSQL, where cohort_enroll's "
            "SELECT … FOR UPDATE is what keeps capacity under concurrent requests.\n"
            "  DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/praxis "
            ".venv/bin/python bench/enrollment_storm.py\n"
            "or run the same storm on SQLite with --sqlite.\n"
        )
        raise SystemExit(0)
    return own_postgres_database(parts, f"praxis_bench_storm_{os.getpid()}")


ARGS = _arguments()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
CLEAN_UP = _own_database(ARGS.sqlite)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.services import user_create  # noqa: E402
from cohorts import services as cohort_services  # noqa: E402
from cohorts.models import CohortStatus, Enrollment, EnrollmentStatus, Pace  # noqa: E402
from courses import services as course_services  # noqa: E402


@dataclass
class Storm:
    active: int = 0
    waitlisted: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fifo: bool = False


def build(users: int, capacity: int):
    _home, catalog = course_services.site_root_ensure()
    course, _created = course_services.course_build(
        catalog=catalog,
        title="Coaching in practice",
        slug="coaching",
        summary="x",
        modules=[
            {
                "title": "Module 1",
                "slug": "module-1",
                "lessons": [{"title": "Lesson 1.1", "slug": "lesson-1-1", "body": []}],
            }
        ],
    )
    facilitator = user_create(
        email="fran@example.org", password=None, username="fran", role="facilitator"
    )
    today = timezone.localdate()
    cohort = cohort_services.cohort_create(
        course=course,
        title="Spring cohort",
        pace=Pace.FACILITATED,
        status=CohortStatus.OPEN,
        starts_on=today,
        ends_on=today + timedelta(days=60),
        capacity=capacity,
        time_zone="UTC",
        facilitators=[facilitator],
    )
    # Benchmark fixture: the learners are bulk-created (bypassing accounts.services.
    # user_create) so that setting up 200 of them is not what gets measured.
    User = get_user_model()
    password = make_password(None)
    User.objects.bulk_create(
        User(username=f"learner{i:04d}", email=f"learner{i:04d}@example.org", password=password)
        for i in range(users)
    )
    learners = list(User.objects.filter(username__startswith="learner").order_by("pk"))
    return cohort, learners


def storm(cohort, learners, workers: int) -> Storm:
    """Everyone enrolls at once; every call on its own connection, closed afterwards."""
    workers = max(1, min(workers, len(learners)))
    released: list[float] = []
    barrier = threading.Barrier(workers, action=lambda: released.append(time.perf_counter()))
    local = threading.local()

    def enroll(user) -> str:
        try:
            if not getattr(local, "started", False):
                local.started = True
                try:
                    connection.ensure_connection()  # connect before the start signal
                except Exception:
                    barrier.abort()
                    raise
                barrier.wait(timeout=120)
            return cohort_services.cohort_enroll(cohort=cohort, user=user).status
        finally:
            connection.close()

    result = Storm()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(enroll, user) for user in learners]
        for future in futures:
            try:
                future.result()
            except Exception as error:
                result.errors.append(f"{type(error).__name__}: {error}")
    result.seconds = time.perf_counter() - released[0] if released else 0.0
    enrollments = Enrollment.objects.filter(cohort=cohort)
    result.active = enrollments.filter(status=EnrollmentStatus.ACTIVE).count()
    waiting = list(
        enrollments.filter(status=EnrollmentStatus.WAITLISTED)
        .order_by("pk")
        .values_list("waitlisted_at", "pk")
    )
    result.waitlisted = len(waiting)
    # First come, first served: in arrival (id) order the waitlist times only go up, so the
    # (waitlisted_at, id) order the promotion uses is the order people asked in.
    result.fifo = all(a[0] < b[0] for a, b in zip(waiting, waiting[1:], strict=False))
    return result


def main() -> int:
    call_command("migrate", verbosity=0)
    cohort, learners = build(ARGS.users, ARGS.capacity)
    result = storm(cohort, learners, ARGS.workers)
    expected = (min(ARGS.capacity, ARGS.users), max(0, ARGS.users - ARGS.capacity), 0)
    got = (result.active, result.waitlisted, len(result.errors))
    ok = got == expected and result.fifo
    vendor = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(
        f"enrollment storm ({vendor}): {ARGS.users} users, {min(ARGS.workers, ARGS.users)} "
        f"threads, capacity {ARGS.capacity}"
    )
    print(f"{'active':<12} {result.active:>8}")
    print(f"{'waitlisted':<12} {result.waitlisted:>8}")
    print(f"{'errors':<12} {len(result.errors):>8}")
    print(f"{'wall time':<12} {result.seconds:>7.2f}s")
    for error in sorted(set(result.errors))[:5]:
        print(f"  error: {error}")
    print(f"waitlist in arrival order (waitlisted_at, id): {'yes' if result.fifo else 'NO'}")
    print(
        f"expected {expected[0]}/{expected[1]}/{expected[2]}, got {got[0]}/{got[1]}/{got[2]} "
        f"-> {'OK' if ok else 'MISS'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
