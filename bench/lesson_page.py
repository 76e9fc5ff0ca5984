"""Benchmark: the lesson page's query count and server time for a small and a large course.

Builds two courses (5 and 50 lessons), then renders a lesson of each through Django's test
client, for an anonymous visitor (the whole page from courses/page_cache.py) and for a coach
logged in (rendered for them, the shared parts from the caches), in ``--rounds`` rounds of
``--runs`` requests, taking turns with the baseline
(/healthz: the middleware and a database round trip), and prints queries and the p50/p95 of
the rounds (median, lowest and highest round).

    .venv/bin/python bench/lesson_page.py [--runs 100] [--rounds 3] [--quick]

Without DATABASE_URL it uses a throwaway SQLite file; with a PostgreSQL DATABASE_URL a database
of its own on that server (bench/_databases.py), dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
CLEAN_UP = own_database("lesson")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.services import user_create  # noqa: E402
from bench._measure import client_report, get_ok, timed_rounds  # noqa: E402
from bench._report import add_arguments, rounds_of  # noqa: E402
from cms import services as site_services  # noqa: E402
from courses import services  # noqa: E402


def build_course(catalog, slug: str, modules: int, lessons: int):
    body = [
        {"type": "heading", "value": "A heading"},
        {"type": "rich_text", "value": "<p>" + "Coaching is a relationship. " * 40 + "</p>"},
        {
            "type": "callout",
            "value": {"style": "tip", "title": "Tip", "text": "Listen first.", "attribution": ""},
        },
        {"type": "reflection_prompt", "value": {"prompt": "What did you notice?", "guidance": ""}},
        {"type": "key_takeaways", "value": {"items": ["One", "Two", "Three"]}},
    ]
    outline = [
        {
            "title": f"Module {m}",
            "slug": f"m{m}",
            "lessons": [
                {"title": f"Lesson {m}.{n}", "slug": f"l{n}", "body": body} for n in range(lessons)
            ],
        }
        for m in range(modules)
    ]
    slug = slug.replace(" ", "-")
    services.course_build(catalog=catalog, title=slug, slug=slug, modules=outline, summary="x")
    return f"/courses/{slug}/m0/l1/"


def main() -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser, runs=100)
    args = parser.parse_args()
    runs, rounds = rounds_of(args, quick_runs=10)
    report = client_report(
        "lesson_page",
        "Lesson page",
        f"{rounds} rounds of {runs} requests, taking turns with the baseline, /healthz",
        quick=args.quick,
    )
    call_command("migrate", verbosity=0)
    _home, catalog = site_services.site_root_ensure()
    sizes = {"5 lessons": (1, 5), "50 lessons": (5, 10)}
    client, coach = Client(), Client()
    coach.force_login(
        user_create(
            email="maya@example.org",
            password="a-long-pass-phrase",
            username="maya",
            display_name="Maya",
        )
    )
    calls = {"baseline: /healthz": get_ok(client, "/healthz")}
    for name, (modules, lessons) in sizes.items():
        url = build_course(catalog, name, modules, lessons)
        calls[f"lesson, {name}, anonymous"] = get_ok(client, url)
        calls[f"lesson, {name}, logged in"] = get_ok(coach, url)
    for name, figures in timed_rounds(calls, runs, rounds).items():
        report.row(name, **figures)
    return report.finish()


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
