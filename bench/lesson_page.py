"""Benchmark: the lesson page's query count and server time for a small and a large course.

Builds two courses in a throwaway SQLite database (5 and 50 lessons), then renders a lesson
of each through Django's test client many times and prints queries and p50/p95 times.

    .venv/bin/python bench/lesson_page.py [--runs 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_tmp = tempfile.mkdtemp(prefix="praxis-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

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
    client.get(url)
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, url
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    return len(queries), statistics.median(timings), p95


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    _home, catalog = services.site_root_ensure()
    sizes = {"5 lessons": (1, 5), "50 lessons": (5, 10)}
    client = Client()
    print(f"lesson page, {args.runs} renders each (Django test client, SQLite)")
    print(f"{'course':<12} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (modules, lessons) in sizes.items():
        url = build_course(catalog, name.replace(" ", "-"), modules, lessons)
        queries, p50, p95 = measure(client, url, args.runs)
        print(f"{name:<12} {queries:>8} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
