"""Benchmark: the lesson page's query count and server time for a small and a large course.

Builds two courses (5 and 50 lessons), then renders a lesson of each through Django's test
client many times and prints queries and p50/p95 times.

    .venv/bin/python bench/lesson_page.py [--runs 200]

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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench._measure import count_queries, get_ok, timings  # noqa: E402
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
    services.course_build(catalog=catalog, title=slug, slug=slug, modules=outline, summary="x")
    return f"/courses/{slug}/m0/l1/"


def measure(client: Client, url: str, runs: int) -> tuple[int, float, float]:
    call = get_ok(client, url)
    call()  # warm
    queries, _response = count_queries(call)
    p50, p95, _cpu, _collections = timings(call, runs)
    return queries, p50, p95


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    _home, catalog = services.site_root_ensure()
    sizes = {"5 lessons": (1, 5), "50 lessons": (5, 10)}
    client = Client()
    print(f"lesson page, {args.runs} renders each (Django test client, {connection.vendor})")
    print(f"{'course':<12} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (modules, lessons) in sizes.items():
        url = build_course(catalog, name.replace(" ", "-"), modules, lessons)
        queries, p50, p95 = measure(client, url, args.runs)
        print(f"{name:<12} {queries:>8} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    try:
        main()
    finally:
        CLEAN_UP()
