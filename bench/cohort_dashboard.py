"""Benchmark: the facilitator dashboard and the roster API at 500 and at 2,000 learners.

Builds a course of 20 lessons (4 modules x 5) and one facilitated cohort per size, three
weeks in, with learners spread along the course (some ahead, some behind, some not started),
a short waitlist and one reflection per learner who has started. Then, as the facilitator,
requests through Django's test client: the dashboard page (/cohorts/<pk>/dashboard/, its
first page of learners), the roster API (/api/v1/cohorts/<pk>/roster/, its first page), the
CSV export (everyone, for reference: no target), and, as the baseline of the same client on
the same machine, My learning (/learn/); and calls the ``roster_progress`` selector with a
page slice on its own to tell query time from rendering time.

Each target is timed in ``--rounds`` rounds of ``--runs`` requests, the targets and the
baseline taking turns round by round: the table gives the p50 and p95 of the rounds (median,
lowest and highest round), this process's CPU p50 (which other processes on a busy machine do
not inflate) and the most full garbage collections of a round. The load average and a CPU
calibration are printed first: on a shared machine compare the targets with the baseline
rather than with another run's numbers. A missed target does not fail the script; a page
that answers anything but 200 does.

Targets: the same number of queries at every size; p95 <= 150 ms at 500 learners and
<= 400 ms at 2,000, for the dashboard page and the roster API.

    .venv/bin/python bench/cohort_dashboard.py [--runs 20] [--rounds 3] [--sizes 500,2000] [--quick]
    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/praxis \
        .venv/bin/python bench/cohort_dashboard.py

Without DATABASE_URL it uses a throwaway SQLite file. With a PostgreSQL DATABASE_URL it
creates its own database on that server (praxis_bench_dashboard_<pid>) and drops it at the
end: the database named in the URL is never read or written.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
CLEAN_UP = own_database("dashboard")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.services import user_create  # noqa: E402
from bench._measure import client_report, get_ok, timed_rounds  # noqa: E402
from bench._report import add_arguments  # noqa: E402
from cms import services as site_services  # noqa: E402
from cohorts import services as cohort_services  # noqa: E402
from cohorts.models import (  # noqa: E402
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    LessonCompletion,
    Pace,
    Reflection,
)
from cohorts.selectors import roster_progress  # noqa: E402
from courses import services as course_services  # noqa: E402
from courses.selectors import course_outline  # noqa: E402

MODULES, LESSONS_PER_MODULE = 4, 5
DAYS_IN = 17  # modules open weekly: 3 of 4 are open, 2 are past due
P95_TARGETS_MS = {500: 150.0, 2000: 400.0}  # learners -> p95 target
FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jamal"]
LAST = ["Okafor", "Nguyen", "Garcia", "Smith", "Kowalski", "Haddad", "Ito", "Brown"]


def build_course(catalog):
    body = [
        {"type": "heading", "value": "Why trust comes first"},
        {"type": "rich_text", "value": "<p>" + "Coaching is a relationship. " * 40 + "</p>"},
        {"type": "reflection_prompt", "value": {"prompt": "What did you notice?", "guidance": ""}},
        {"type": "key_takeaways", "value": {"items": ["Listen first", "Follow up"]}},
    ]
    outline = [
        {
            "title": f"Module {m}",
            "slug": f"module-{m}",
            "lessons": [
                {"title": f"Lesson {m}.{n}", "slug": f"lesson-{m}-{n}", "body": body}
                for n in range(1, LESSONS_PER_MODULE + 1)
            ],
        }
        for m in range(1, MODULES + 1)
    ]
    course, _created = course_services.course_build(
        catalog=catalog, title="Coaching in practice", slug="coaching", modules=outline, summary="x"
    )
    return course


def build_cohort(course, facilitator, learners: int):
    """A running cohort with ``learners`` active learners and a short waitlist.

    Benchmark fixture: users, enrollments, completions and reflections are written with
    bulk_create, bypassing the services (user_create, cohort_enroll, lesson_complete,
    reflection_save), so that 500 learners take a second rather than minutes. The rows are the
    ones those services would write; only the cohort and course go through services.
    """
    today = timezone.localdate()
    start = today - timedelta(days=DAYS_IN)
    cohort = cohort_services.cohort_create(
        course=course,
        title=f"Cohort of {learners}",
        pace=Pace.FACILITATED,
        status=CohortStatus.RUNNING,
        starts_on=start,
        ends_on=today + timedelta(days=40),
        capacity=learners,
        time_zone="UTC",
        facilitators=[facilitator],
    )
    waiting = max(1, learners // 20)
    rng = random.Random(learners)
    password = make_password(None)
    User = get_user_model()
    prefix = f"c{learners}-"
    User.objects.bulk_create(
        User(
            username=f"{prefix}{i:04d}",
            email=f"{prefix}{i:04d}@example.org",
            display_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            password=password,
        )
        for i in range(learners + waiting)
    )
    people = list(User.objects.filter(username__startswith=prefix).order_by("username"))
    started_at = timezone.now() - timedelta(days=DAYS_IN)
    lessons = [
        lesson.id for module in course_outline(course=course).modules for lesson in module.lessons
    ]
    enrollments, completions, reflections = [], [], []
    for i, user in enumerate(people[:learners]):
        # Most learners are in module 2 or 3; some have not started, a few are done with
        # everything that is open (15 lessons).
        done = 0 if rng.random() < 0.1 else min(15, max(1, int(rng.gauss(9, 4))))
        last = None
        for j in range(done):
            last = started_at + timedelta(hours=j * 26 + rng.randint(0, 20))
            completions.append(
                LessonCompletion(user=user, lesson_id=lessons[j], course=course, completed_at=last)
            )
        if done:
            reflections.append(
                Reflection(
                    user=user,
                    lesson_id=lessons[0],
                    course=course,
                    block_id="prompt-1",
                    prompt="What did you notice?",
                    text=f"Reflection {i}: the teacher I coach wanted to try exit tickets.",
                )
            )
        enrollments.append(
            Enrollment(
                cohort=cohort,
                user=user,
                status=EnrollmentStatus.ACTIVE,
                enrolled_at=started_at - timedelta(days=3),
                schedule_anchor=start,
                last_activity_at=last,
            )
        )
    for i, user in enumerate(people[learners:]):
        waited = timezone.now() - timedelta(hours=waiting - i)
        enrollments.append(
            Enrollment(
                cohort=cohort,
                user=user,
                status=EnrollmentStatus.WAITLISTED,
                enrolled_at=waited,
                waitlisted_at=waited,
                schedule_anchor=today,
            )
        )
    Enrollment.objects.bulk_create(enrollments)
    LessonCompletion.objects.bulk_create(completions)
    Reflection.objects.bulk_create(reflections)
    return cohort, waiting


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="500,2000", help="learner counts, comma-separated")
    parser.add_argument(
        "--gc-freeze", action="store_true", help="gc.freeze() before measuring (see timings)"
    )
    add_arguments(parser, runs=20)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.sizes = 5, "100,400"
    args.rounds = max(3, args.rounds)
    sizes = [int(size) for size in args.sizes.split(",")]
    report = client_report(
        "cohort_dashboard",
        "Facilitator dashboard and roster API for big cohorts",
        f"{args.rounds} rounds of {args.runs} requests (the CSV a quarter), taking turns with "
        "the baseline, My learning" + (", gc frozen" if args.gc_freeze else ""),
        quick=args.quick,
    )

    call_command("migrate", verbosity=0)
    _home, catalog = site_services.site_root_ensure()
    course = build_course(catalog)
    facilitator = user_create(
        email="fran@example.org",
        password=None,
        username="fran",
        display_name="Fran Facilitator",
        role="facilitator",
    )
    cohorts = {size: build_cohort(course, facilitator, size) for size in sizes}
    if connection.vendor == "postgresql":
        # Freshly bulk-loaded tables have no planner statistics until autovacuum gets to
        # them (a live database has them): without this the plans are the wrong ones.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    client.force_login(facilitator)

    if args.gc_freeze:
        # What a server would get from gc.freeze() after start-up: full collections then
        # skip everything loaded so far (Django, Wagtail, the URLconf, templates).
        gc.collect()
        gc.freeze()

    calls = {"baseline: My learning (/learn/)": get_ok(client, "/learn/")}
    for size, (cohort, _waiting) in cohorts.items():

        def selector(cohort=cohort, size=size):
            roster = roster_progress(cohort=cohort)
            assert len(roster.learners) == size
            return roster.learners[:50]

        roster_api = get_ok(
            client, f"/api/v1/cohorts/{cohort.pk}/roster/", HTTP_ACCEPT="application/json"
        )
        body = roster_api().json()
        report.note(
            f"roster API at {size}: {len(body['results'])} learners on the first page "
            f"of {body['count']}"
        )
        calls[f"dashboard page, {size}"] = get_ok(client, f"/cohorts/{cohort.pk}/dashboard/")
        calls[f"roster API, {size}"] = roster_api
        calls[f"roster_progress()[:50], {size}"] = selector
        calls[f"CSV export (everyone), {size}"] = get_ok(
            client, f"/cohorts/{cohort.pk}/dashboard/progress.csv"
        )
    runs = {name: max(3, args.runs // 4) if "CSV" in name else args.runs for name in calls}
    figures = timed_rounds(calls, runs, args.rounds)
    for name, row in figures.items():
        size = int(name.rsplit(", ", 1)[1]) if name[-1].isdigit() else None
        target = P95_TARGETS_MS.get(size) if name.startswith(("dashboard", "roster API")) else None
        report.row(
            name,
            target=f"p95 <= {target:.0f} ms" if target else "",
            ok=row["p95 ms"].median <= target if target else None,
            **row,
        )
    for name in ("dashboard page", "roster API"):
        queries = [figures[f"{name}, {size}"]["queries"] for size in sizes]
        report.target(
            f"{name}: the same queries at {' and '.join(map(str, sizes))} learners "
            f"({' vs '.join(map(str, queries))})",
            len(set(queries)) == 1,
        )
    return report.finish()


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
