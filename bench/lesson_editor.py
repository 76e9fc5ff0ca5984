"""Benchmark: the Wagtail lesson editor (/admin/pages/<id>/edit/) against the admin dashboard.

Builds the demo courses (``courses.demo.seed_courses``: their pictures, documents and 21
lessons) and two more lessons of the demo's blocks plus linked paragraphs (each a rich-text
block and a practice task, each linking two lessons and a document), then, as a superuser,
GETs the editor of the demo's longest lesson and of the two linked lessons, and the admin
dashboard as the baseline, through Django's test client: the first request, then one warm-up
and ``--runs`` timed requests each.

Targets: the editor opens in under 2 s (median), in the same number of queries whatever the
number of links.

    .venv/bin/python bench/lesson_editor.py [--runs 10] [--paragraphs 5,50]

Without DATABASE_URL it uses a throwaway SQLite file; with a PostgreSQL DATABASE_URL a database
of its own on that server (bench/_databases.py), dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
CLEAN_UP = own_database("editor")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402

from accounts.services import user_create, user_grant_admin  # noqa: E402
from bench._measure import count_queries, get_ok  # noqa: E402
from courses import services as course_services  # noqa: E402
from courses.demo import seed_courses  # noqa: E402
from courses.models import LessonPage  # noqa: E402

TARGET_MS = 2000.0


def linked_paragraph(lessons: list[LessonPage], document, n: int) -> str:
    first, second = lessons[n % len(lessons)], lessons[(n + 7) % len(lessons)]
    return (
        f'<p>Before this, read <a linktype="page" id="{first.pk}">{first.title}</a>; '
        f'<a linktype="page" id="{second.pk}">{second.title}</a> comes back to it, and the '
        f'<a linktype="document" id="{document.pk}">{document.title}</a> helps.</p>'
    )


def build_linked_lessons(catalog, demo: LessonPage, sizes: list[int]) -> dict[int, LessonPage]:
    """A course of one lesson per size: the demo lesson's blocks and that many linked
    paragraphs (links to the demo's lessons and a document), built by the courses service."""
    lessons = list(LessonPage.objects.order_by("path"))
    document = get_document_model().objects.order_by("pk").first()
    blocks = [{"type": block["type"], "value": block["value"]} for block in demo.body.raw_data]
    outline = []
    for size in sizes:
        body = list(blocks)
        for n in range(size):
            html = linked_paragraph(lessons, document, n)
            body.append({"type": "rich_text", "value": html})
            body.append(
                {
                    "type": "practice_task",
                    "value": {"title": "Try it", "instructions": html, "time_estimate_minutes": 10},
                }
            )
        outline.append({"title": f"Linked ({size})", "slug": f"linked-{size}", "body": body})
    course_services.course_build(
        catalog=catalog,
        title="Linked lessons",
        slug="linked-lessons",
        modules=[{"title": "Module", "slug": "module", "lessons": outline}],
        summary="Lessons that link to the demo's.",
    )
    return {size: LessonPage.objects.get(slug=f"linked-{size}") for size in sizes}


def spread(call, runs: int) -> tuple[float, float, float, float]:
    """Wall-clock median, min and max in ms, and this process's CPU median in ms."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), min(wall), max(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--paragraphs", default="5,50", help="linked paragraphs per lesson")
    args = parser.parse_args()
    runs = max(5, args.runs)
    sizes = [int(size) for size in args.paragraphs.split(",")]

    call_command("migrate", verbosity=0)
    _home, catalog = course_services.site_root_ensure()
    seed_courses()
    demo = max(LessonPage.objects.all(), key=lambda lesson: len(lesson.body.raw_data))
    linked = build_linked_lessons(catalog, demo, sizes)
    admin = user_create(email="admin@example.org", password=None, username="admin")
    user_grant_admin(user=admin, superuser=True)
    client = Client()
    client.force_login(admin)

    targets = {f"editor, demo lesson ({len(demo.body.raw_data)} blocks)": demo}
    for size, lesson in linked.items():
        targets[f"editor, {size} linked paragraphs ({len(lesson.body.raw_data)} blocks)"] = lesson
    calls = {
        name: get_ok(client, f"/admin/pages/{page.pk}/edit/") for name, page in targets.items()
    }
    calls["baseline: dashboard /admin/"] = get_ok(client, "/admin/")

    first_call = next(iter(calls.values()))
    started = time.perf_counter()
    first_call()
    first_ms = (time.perf_counter() - started) * 1000

    rows = {}
    for name, call in calls.items():
        call()  # warm up: templates, URL resolvers, renditions, content types
        queries, _response = count_queries(call)
        rows[name] = (queries, *spread(call, runs))

    vendor = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"lesson editor, {runs} runs each after a warm-up (Django test client, {vendor}; "
        f"load average {load} on {os.cpu_count()} CPUs)"
    )
    print(f"first request of the process (demo lesson's editor): {first_ms:.0f} ms")
    print(
        f"{'target':<46} {'queries':>8} {'median ms':>10} {'min ms':>8} {'max ms':>8} "
        f"{'CPU med':>8}"
    )
    for name, (queries, median, low, high, cpu) in rows.items():
        print(f"{name:<46} {queries:>8} {median:>10.1f} {low:>8.1f} {high:>8.1f} {cpu:>8.1f}")

    editors = [row for name, row in rows.items() if name.startswith("editor")]
    linked_queries = [row[0] for name, row in rows.items() if "linked" in name]
    flat = len(set(linked_queries)) == 1
    slowest = max(row[1] for row in editors)
    fast = slowest <= TARGET_MS
    print(
        f"targets: linked editors' queries {' vs '.join(map(str, linked_queries))} "
        f"{'same' if flat else 'DIFFER'}; slowest editor median {slowest:.0f} ms "
        f"{'<=' if fast else '>'} {TARGET_MS:.0f} ms -> {'OK' if flat and fast else 'MISS'}"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        CLEAN_UP()
