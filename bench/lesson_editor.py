"""Benchmark: the Wagtail lesson editor (/admin/pages/<id>/edit/) against the admin dashboard.

Builds the demo courses (``courses.demo.seed_courses``: their pictures, documents and 21
lessons) and two more lessons of the demo's blocks plus linked paragraphs (each a rich-text
block and a practice task, each linking two lessons and a document), then, as a superuser,
GETs the editor of the demo's longest lesson and of the two linked lessons, and the admin
dashboard as the baseline, through Django's test client: the first request, then one warm-up
each and ``--rounds`` rounds of ``--runs`` timed requests, taking turns round by round.

Targets: the editor opens in under 2 s (median), in the same number of queries whatever the
number of links.

    .venv/bin/python bench/lesson_editor.py [--runs 10] [--rounds 3] [--paragraphs 5,50] [--quick]

Without DATABASE_URL it uses a throwaway SQLite file; with a PostgreSQL DATABASE_URL a database
of its own on that server (bench/_databases.py), dropped at the end.
"""

from __future__ import annotations

import argparse
import os
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
from django.test import Client  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402

from accounts.services import user_create, user_grant_admin  # noqa: E402
from bench._measure import client_report, get_ok, timed_rounds  # noqa: E402
from bench._report import add_arguments, rounds_of  # noqa: E402
from cms import services as site_services  # noqa: E402
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", default="5,50", help="linked paragraphs per lesson")
    add_arguments(parser, runs=10)
    args = parser.parse_args()
    runs, rounds = rounds_of(args, quick_runs=3, least_runs=5)
    sizes = [int(size) for size in args.paragraphs.split(",")]
    report = client_report(
        "lesson_editor",
        "Lesson editor (Wagtail's edit view, as a superuser)",
        f"{rounds} rounds of {runs} requests after a warm-up, taking turns with the baseline, "
        "the admin dashboard",
        quick=args.quick,
    )

    call_command("migrate", verbosity=0)
    _home, catalog = site_services.site_root_ensure()
    seed_courses(catalog=catalog)
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

    report.note(
        f"the first request of the process (the demo lesson's editor) took {first_ms:.0f} ms"
    )
    figures = timed_rounds(calls, runs, rounds)
    for name, row in figures.items():
        editor = name.startswith("editor")
        report.row(
            name,
            target=f"p50 <= {TARGET_MS:.0f} ms" if editor else "",
            ok=row["p50 ms"].median <= TARGET_MS if editor else None,
            **row,
        )
    linked = [str(row["queries"]) for name, row in figures.items() if "linked" in name]
    report.target(
        f"the linked lessons' editors in the same queries ({' vs '.join(linked)})",
        len(set(linked)) == 1,
    )
    return report.finish()


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
