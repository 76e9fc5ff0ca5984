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


def database_from_env(default_sqlite_path: Path) -> dict:
    """Parse ``DATABASE_URL``; without it, a SQLite file at ``default_sqlite_path``."""
    url = env_str("DATABASE_URL")
    if url is None:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(default_sqlite_path),
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        raise SettingsError(
            "DATABASE_URL is not understood. Use postgres://USER:PASSWORD@HOST:PORT/NAME "
            f"or sqlite:////absolute/path.sqlite3 (got scheme {scheme or 'none'!r})."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj_database_url raises several types for malformed URLs
        raise SettingsError(f"DATABASE_URL is malformed: {exc}") from exc
    if not config.get("NAME"):
        raise SettingsError("DATABASE_URL names no database (add /NAME at the end).")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    return config
