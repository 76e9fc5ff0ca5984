"""What the request benchmarks measure: queries per call, and wall-clock and CPU timings.

Imported after ``django.setup()``."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test import Client


def count_queries(call: Callable[[], object]) -> tuple[int, object]:
    """How many SQL statements ``call`` runs, and what it returns."""
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        result = call()
    return len(queries), result


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[max(0, int(len(sorted_values) * fraction) - 1)]


def timings(call: Callable[[], object], runs: int) -> tuple[float, float, float, int]:
    """Wall-clock p50 and p95 in ms; this process's CPU p50 in ms, which other processes on a
    busy machine do not inflate (on PostgreSQL it leaves out the server's share); and how many
    full (generation 2) garbage collections ran meanwhile: on a large page one costs about as
    much as a request, so they set p95."""
    wall, cpu = [], []
    full_collections = gc.get_stats()[2]["collections"]
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    full_collections = gc.get_stats()[2]["collections"] - full_collections
    wall.sort()
    return statistics.median(wall), percentile(wall, 0.95), statistics.median(cpu), full_collections


def get_ok(client: Client, url: str, **headers) -> Callable[[], object]:
    """A call that GETs ``url`` and stops the benchmark unless it answers 200."""

    def call():
        response = client.get(url, **headers)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        return response

    return call
