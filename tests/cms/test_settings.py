"""Settings read from the environment and fail with a message that names the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x" * 20 + "k3J9-qz_Lm2vP8rT0wYb5NcHs4DfGa7UeXiRo1Ks6Ej",
    "ALLOWED_HOSTS": "praxis.example.org",
    "DATABASE_URL": "sqlite:////tmp/praxis-check.sqlite3",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION_ENV}
    env.pop("SECRET_KEY")
    result = _manage("check", env=env)
    assert result.returncode == 2
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_passes_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysqlx://nope", "DATABASE_URL is not understood"),
        ("not a url", "DATABASE_URL is not understood"),
        ("postgres://user@host:notaport/db", "DATABASE_URL is malformed"),
    ],
)
def test_bad_database_url_stops_startup_naming_the_variable(url, message):
    result = _manage(
        "check", env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": url}
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_database_url_selects_the_engine():
    from cms.settings.env import database_from_env

    os.environ["DATABASE_URL"] = "postgres://praxis:pw@db.internal:5433/praxis"
    try:
        config = database_from_env(Path("/tmp/unused.sqlite3"))
    finally:
        del os.environ["DATABASE_URL"]
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "praxis")


def test_sqlite_is_the_default(monkeypatch):
    from cms.settings.env import database_from_env

    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env(Path("/tmp/x.sqlite3"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/tmp/x.sqlite3"
