"""API requests released at the same moment, each on its own thread and database connection.

A create answers 201 or 200 from what the service decided (under a row lock or a unique
index), never from a read before the call: two simultaneous first requests must give one 201
and one 200. Only PostgreSQL can show that in the suite: the suite's SQLite database lives in
memory, visible to one connection only (tests/sqlite_storm.py), so threads cannot share it.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.test import APIClient

_MARKS = (
    pytest.mark.integration,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the in-memory SQLite test database takes one connection only",
    ),
    # Committed rows, so the threads' connections see them; the rollback restores the rows
    # Wagtail's migrations wrote (locale, root page) for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
)


def on_postgresql(test):
    for mark in _MARKS:
        test = mark(test)
    return test


def post_at_once(user, url: str, payload: dict | None = None, *, times: int = 2) -> list[int]:
    """POST the same request ``times`` times at once as ``user``; the status codes, sorted."""
    barrier = threading.Barrier(times)

    def post(_index):
        client = APIClient()
        client.force_authenticate(user=user)
        try:
            barrier.wait(timeout=30)
            return client.post(url, payload or {}, format="json").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=times) as pool:
        return sorted(pool.map(post, range(times)))
