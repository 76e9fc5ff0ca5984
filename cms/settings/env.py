"""Reading settings from the environment, with errors that name the variable.

Settings modules call these helpers instead of ``os.environ`` so that a bad value stops
start-up with one readable line (``DATABASE_URL: ...``) rather than a traceback deep in Django.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

SUPPORTED_DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


class SettingsError(SystemExit):
    """Stops the process with a message instead of a traceback."""

    def __init__(self, message: str) -> None:
        sys.stderr.write(f"\nPraxis cannot start: {message}\n\n")
        super().__init__(2)


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}.") from None
    if number < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, not {number}.")
    return number


def env_seconds(name: str, default: float) -> float:
    value = env_str(name)
    if value is None:
        return default
    try:
        seconds = float(value)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, not {value!r}.") from None
    if not 0 < seconds < float("inf"):
        raise SettingsError(f"{name} must be a number of seconds above 0, not {value!r}.")
    return seconds


def postgres_pool_from_env() -> dict | None:
    """psycopg's connection pool, one per server process, as Django's ``OPTIONS["pool"]``.

    Under ASGI every request runs in a thread of its own, and a persistent connection per
    thread let two workers under load open more connections than PostgreSQL allows. The pool
    holds at most ``DB_POOL_MAX_SIZE`` per process; a request that finds them all busy waits up
    to ``DB_POOL_TIMEOUT`` seconds (then it is answered 503, see core.errors). ``None`` (no
    pool: a connection per request, closed after it) when ``DB_POOL_MAX_SIZE`` is 0, for
    deployments behind PgBouncer.
    """
    max_size = env_int("DB_POOL_MAX_SIZE", 8)
    if max_size == 0:
        return None
    min_size = env_int("DB_POOL_MIN_SIZE", min(2, max_size))
    if min_size > max_size:
        raise SettingsError(
            f"DB_POOL_MIN_SIZE ({min_size}) must not be above DB_POOL_MAX_SIZE ({max_size})."
        )
    return {
        "min_size": min_size,
        "max_size": max_size,
        "timeout": env_seconds("DB_POOL_TIMEOUT", 10.0),
    }


def sqlite_options() -> dict:
    """SQLite with ``synchronous=NORMAL``, in write-ahead-log mode (``cms.apps`` switches a
    database file to WAL once per process; the mode is stored in the file): a commit appends
    to the log instead of waiting for an fsync of the database (20 ms a post on the project's
    machine, bench/community_fanout.py), and readers no longer block the writer. Still durable
    across a crash of the process; only a power cut can lose the last commits."""
    return {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA synchronous=NORMAL;",
    }


def database_from_env(default_sqlite_path: Path) -> dict:
    """Parse ``DATABASE_URL``; without it, a SQLite file at ``default_sqlite_path``."""
    url = env_str("DATABASE_URL")
    if url is None:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(default_sqlite_path),
            "OPTIONS": sqlite_options(),
        }
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        raise SettingsError(
            "DATABASE_URL is not understood. Use postgres://USER:PASSWORD@HOST:PORT/NAME "
            f"or sqlite:////absolute/path.sqlite3 (got scheme {scheme or 'none'!r})."
        )
    postgres = scheme != "sqlite"
    try:
        # PostgreSQL connections are never kept by a request thread (CONN_MAX_AGE 0): they go
        # back to the pool, which Django requires, or are closed when there is no pool.
        config = dj_database_url.parse(
            url, conn_max_age=0 if postgres else 60, conn_health_checks=True
        )
    except Exception as exc:  # dj_database_url raises several types for malformed URLs
        raise SettingsError(f"DATABASE_URL is malformed: {exc}") from exc
    if not config.get("NAME"):
        raise SettingsError("DATABASE_URL names no database (add /NAME at the end).")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = sqlite_options()
    else:
        pool = postgres_pool_from_env()
        if pool is not None:
            config.setdefault("OPTIONS", {})["pool"] = pool
    return config
