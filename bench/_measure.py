"""What the request benchmarks measure: queries per call, and wall-clock and CPU timings.

Imported after ``django.setup()``."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test import Client

from bench._report import Report, Spread, alternate


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


def timed_rounds(
    calls: dict[str, Callable[[], object]], runs: int | dict[str, int], rounds: int
) -> dict[str, dict]:
    """Each call timed in ``rounds`` rounds of ``runs`` requests, the calls taking turns round
    by round (so the baseline among them sees the same machine as the rest). Per call: its
    queries, the p50, p95 and CPU p50 of the rounds as a Spread, and the full GCs of the
    round that had the most. ``runs`` may be given per call (a dict)."""
    figures = {}
    for name, call in calls.items():
        call()  # warm up: templates, URL resolvers, content types
        figures[name] = {"queries": count_queries(call)[0]}
    per_call = runs if isinstance(runs, dict) else dict.fromkeys(calls, runs)
    measured = alternate(
        {name: lambda c=call, n=per_call[name]: timings(c, n) for name, call in calls.items()},
        rounds,
    )
    for name, per_round in measured.items():
        p50s, p95s, cpus, collections = zip(*per_round, strict=True)
        figures[name].update(
            {
                "p50 ms": Spread.of(p50s),
                "p95 ms": Spread.of(p95s),
                "CPU p50 ms": Spread.of(cpus),
                "full GCs": max(collections),
            }
        )
    return figures


def get_ok(client: Client, url: str, **headers) -> Callable[[], object]:
    """A call that GETs ``url`` and stops the benchmark unless it answers 200."""

    def call():
        response = client.get(url, **headers)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        return response

    return call


def client_report(script: str, title: str, setup: str, *, quick: bool) -> Report:
    """The Report of a benchmark through Django's test client: the database in its setup,
    and on PostgreSQL in its file name (var/bench/<script>-postgresql.json)."""
    postgres = connection.vendor == "postgresql"
    return Report(
        script,
        title,
        f"Django test client, {'PostgreSQL' if postgres else 'SQLite'}, {setup}",
        variant="postgresql" if postgres else "",
        quick=quick,
    )
