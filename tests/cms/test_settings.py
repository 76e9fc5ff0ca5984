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


POSTGRES_URL = "postgres://praxis:pw@db.internal:5433/praxis"
POOL_VARIABLES = ("DB_POOL_MIN_SIZE", "DB_POOL_MAX_SIZE", "DB_POOL_TIMEOUT")


@pytest.fixture
def pool_env(monkeypatch):
    """A PostgreSQL DATABASE_URL and none of the pool variables; the test sets what it needs."""
    monkeypatch.setenv("DATABASE_URL", POSTGRES_URL)
    for name in POOL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_postgres_uses_a_pool_and_no_persistent_connections(pool_env):
    from cms.settings.env import database_from_env

    config = database_from_env(Path("/tmp/unused.sqlite3"))
    assert config["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 8, "timeout": 10.0}
    # Django refuses a pool with persistent connections; without one, each request thread
    # under ASGI kept a connection of its own.
    assert config["CONN_MAX_AGE"] == 0


def test_pool_is_sized_from_the_environment(pool_env):
    from cms.settings.env import database_from_env

    pool_env.setenv("DB_POOL_MIN_SIZE", "1")
    pool_env.setenv("DB_POOL_MAX_SIZE", "20")
    pool_env.setenv("DB_POOL_TIMEOUT", "2.5")
    config = database_from_env(Path("/tmp/unused.sqlite3"))
    assert config["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 20, "timeout": 2.5}


def test_pool_max_size_zero_turns_the_pool_off(pool_env):
    from cms.settings.env import database_from_env

    pool_env.setenv("DB_POOL_MAX_SIZE", "0")
    config = database_from_env(Path("/tmp/unused.sqlite3"))
    assert "pool" not in config.get("OPTIONS", {})
    assert config["CONN_MAX_AGE"] == 0


def test_a_small_max_size_lowers_the_default_min_size(pool_env):
    from cms.settings.env import database_from_env

    pool_env.setenv("DB_POOL_MAX_SIZE", "1")
    assert database_from_env(Path("/tmp/unused.sqlite3"))["OPTIONS"]["pool"]["min_size"] == 1


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"DB_POOL_MAX_SIZE": "eight"}, "DB_POOL_MAX_SIZE must be a whole number"),
        ({"DB_POOL_MAX_SIZE": "-1"}, "DB_POOL_MAX_SIZE must be at least 0"),
        ({"DB_POOL_MIN_SIZE": "2.5"}, "DB_POOL_MIN_SIZE must be a whole number"),
        ({"DB_POOL_MIN_SIZE": "9"}, "DB_POOL_MIN_SIZE (9) must not be above DB_POOL_MAX_SIZE"),
        ({"DB_POOL_TIMEOUT": "soon"}, "DB_POOL_TIMEOUT must be a number of seconds"),
        ({"DB_POOL_TIMEOUT": "0"}, "DB_POOL_TIMEOUT must be a number of seconds above 0"),
        ({"DB_POOL_TIMEOUT": "inf"}, "DB_POOL_TIMEOUT must be a number of seconds above 0"),
    ],
)
def test_bad_pool_settings_stop_startup_naming_the_variable(pool_env, capsys, variables, message):
    from cms.settings.env import SettingsError, database_from_env

    for name, value in variables.items():
        pool_env.setenv(name, value)
    with pytest.raises(SettingsError):
        database_from_env(Path("/tmp/unused.sqlite3"))
    assert message in capsys.readouterr().err


def test_bad_pool_setting_stops_manage_py_with_one_line():
    result = _manage(
        "check",
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": POSTGRES_URL,
            "DB_POOL_MAX_SIZE": "lots",
        },
    )
    assert result.returncode == 2
    assert "DB_POOL_MAX_SIZE must be a whole number, not 'lots'." in result.stderr
    assert "Traceback" not in result.stderr


def test_sqlite_urls_get_no_pool(pool_env):
    from cms.settings.env import database_from_env

    pool_env.setenv("DATABASE_URL", "sqlite:////tmp/praxis-pool-test.sqlite3")
    config = database_from_env(Path("/tmp/unused.sqlite3"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "pool" not in config["OPTIONS"]
    assert config["CONN_MAX_AGE"] == 60
