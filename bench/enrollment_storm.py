"""Benchmark: 200 people enroll in a 50-seat cohort at the same moment.

200 distinct users call ``cohorts.services.cohort_enroll`` for one facilitated cohort of
capacity 50 from a pool of 32 threads, each with its own database connection (closed after
every call, as a web request with CONN_MAX_AGE=0 would). Every thread connects first and then
waits at a barrier, so the first 32 calls start together and the rest follow as threads free
up. Prints how many enrollments ended active and waitlisted, how many calls raised, the wall
time from the barrier's release, and whether that is exactly 50 / 150 / 0 with the waitlist
in first-come order. Three storms (``--runs``), each on a fresh cohort, take turns with the
baseline, the same 200 calls one at a time (what the locking costs); the wall times are given
as a median with the lowest and highest run (bench/_report.py, also in
var/bench/enrollment_storm[-sqlite].json). Exits 1 when any run is not exactly that, never
on a time.

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/praxis \
        .venv/bin/python bench/enrollment_storm.py [--users 200 --capacity 50 --workers 32 --runs 3]
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
from bench._report import Report, Spread, add_arguments, alternate  # noqa: E402


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3, help="storms, and as many baselines")
    parser.add_argument(
        "--sqlite", action="store_true", help="run on a throwaway SQLite file instead"
    )
    add_arguments(parser)
    args = parser.parse_args()
    args.runs = max(3, args.runs)
    return args


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
from cms import services as site_services  # noqa: E402
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


def build_course():
    _home, catalog = site_services.site_root_ensure()
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
    return course, facilitator


def build(course, facilitator, users: int, capacity: int, label: str):
    """A cohort of ``capacity`` seats and ``users`` learners who have not enrolled yet."""
    today = timezone.localdate()
    cohort = cohort_services.cohort_create(
        course=course,
        title=f"Spring cohort {label}",
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
    prefix = f"{label}-learner"
    User.objects.bulk_create(
        User(username=f"{prefix}{i:04d}", email=f"{prefix}{i:04d}@example.org", password=password)
        for i in range(users)
    )
    learners = list(User.objects.filter(username__startswith=prefix).order_by("pk"))
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
            return cohort_services.cohort_enroll(cohort=cohort, user=user).enrollment.status
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
    return outcome(cohort, result)


def one_at_a_time(cohort, learners) -> Storm:
    """The baseline: the same calls one after the other, each on its own connection."""
    result = Storm()
    started = time.perf_counter()
    for user in learners:
        try:
            cohort_services.cohort_enroll(cohort=cohort, user=user)
        except Exception as error:
            result.errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()
    result.seconds = time.perf_counter() - started
    return outcome(cohort, result)


def outcome(cohort, result: Storm) -> Storm:
    """Who ended active and waitlisted, and whether the waitlist is in arrival order."""
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
    vendor = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    threads = max(1, min(ARGS.workers, ARGS.users))
    report = Report(
        "enrollment_storm",
        f"Enrollment storm ({ARGS.users} at once into {ARGS.capacity} seats)",
        f"{vendor}, {threads} threads, {ARGS.runs} runs taking turns with the baseline, the "
        "same calls one at a time, each run on a fresh cohort",
        variant="sqlite" if vendor == "SQLite" else "",
        quick=ARGS.quick,
    )
    call_command("migrate", verbosity=0)
    course, facilitator = build_course()
    runs = iter(range(2 * ARGS.runs))

    def step(name: str, enroll) -> Storm:
        cohort, learners = build(course, facilitator, ARGS.users, ARGS.capacity, f"r{next(runs)}")
        result = enroll(cohort, learners)
        got = (result.active, result.waitlisted, len(result.errors))
        if got != expected or not result.fifo:
            report.fail(
                f"{name}: expected {expected[0]}/{expected[1]}/{expected[2]} active/waitlisted/"
                f"errors in arrival order, got {got[0]}/{got[1]}/{got[2]}"
                f"{'' if result.fifo else ', the waitlist out of order'}"
                + "".join(f"; {error}" for error in sorted(set(result.errors))[:5])
            )
        return result

    expected = (min(ARGS.capacity, ARGS.users), max(0, ARGS.users - ARGS.capacity), 0)
    steps = {
        f"storm, {threads} threads": lambda: step(
            "storm", lambda c, people: storm(c, people, ARGS.workers)
        ),
        "baseline: one at a time": lambda: step("one at a time", one_at_a_time),
    }
    for name, results in alternate(steps, ARGS.runs).items():
        report.row(
            name,
            target=f"{expected[0]} / {expected[1]} / 0, in arrival order",
            ok=all((r.active, r.waitlisted, len(r.errors)) == expected and r.fifo for r in results),
            **{
                "wall s": Spread.of(r.seconds for r in results),
                "active": _values(r.active for r in results),
                "waitlisted": _values(r.waitlisted for r in results),
                "errors": _values(len(r.errors) for r in results),
                "in arrival order": all(r.fifo for r in results),
            },
        )
    return report.finish()


def _values(values) -> str:
    """One value when every run gave it, else each run's."""
    values = list(values)
    return str(values[0]) if len(set(values)) == 1 else ", ".join(map(str, values))


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
