"""A database of the benchmark's own, so no benchmark ever reads or writes the one named in
DATABASE_URL: a throwaway SQLite file, or a fresh PostgreSQL database on the same server that
is dropped at the end. Each ``own_*`` function points DATABASE_URL at it and returns what
removes it afterwards."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from urllib.parse import SplitResult, urlsplit, urlunsplit

PG_SCHEMES = ("postgres", "postgresql", "pgsql")


def own_sqlite_database(label: str) -> Callable[[], None]:
    tmp = tempfile.mkdtemp(prefix=f"praxis-{label}-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/{label}.sqlite3"
    return lambda: shutil.rmtree(tmp, ignore_errors=True)


def own_database(label: str) -> Callable[[], None]:
    """SQLite when DATABASE_URL is unset; a SQLite URL is used as given; with a PostgreSQL
    URL, a database ``praxis_bench_<label>_<pid>`` on that server."""
    given = os.environ.get("DATABASE_URL", "").strip()
    if not given:
        return own_sqlite_database(label)
    parts = urlsplit(given)
    if parts.scheme not in PG_SCHEMES:
        return lambda: None
    return own_postgres_database(parts, f"praxis_bench_{label}_{os.getpid()}")


def own_postgres_database(parts: SplitResult, name: str) -> Callable[[], None]:
    import psycopg

    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))

    def drop() -> None:
        from django.conf import settings
        from django.db import connections

        if settings.configured:  # not in pages.py, whose Django runs in the server
            connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return drop
