"""Concurrency tests on SQLite run their threads in a subprocess against a fresh SQLite file.

The suite's SQLite database lives in memory, visible to one connection only, so threads with
connections of their own cannot share it. Write transactions on SQLite start with BEGIN
IMMEDIATE (cms/settings/env.py) and so run one at a time; such a test proves the service
waits its turn and answers correctly, where on PostgreSQL the same threads really race.

The schema comes from the models (``migrate --run-syncdb`` with migrations switched off, as
pytest-django's ``--nomigrations`` does): 3 s instead of 15-30 s for the migrations, and
``makemigrations --check`` in CI keeps models and migrations the same. A script that needs
Wagtail's default locale or root page, which its migrations would have written, creates them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCHEMA_FROM_MODELS = """
import django
from django.conf import settings


class NoMigrations:
    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


settings.MIGRATION_MODULES = NoMigrations()
django.setup()

from django.core.management import call_command

call_command("migrate", run_syncdb=True, verbosity=0)
"""


def run_on_fresh_sqlite(
    script: str, tmp_path: Path, *args: object, extra_env: dict | None = None, timeout: int = 120
) -> dict:
    """Run ``script`` after the schema is built, with ``args`` in ``sys.argv[1:]``; return the
    JSON object it prints on its last line."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'storm.sqlite3'}"  # absolute: sqlite:////…
    env.update(extra_env or {})
    run = subprocess.run(
        [sys.executable, "-c", SCHEMA_FROM_MODELS + script, *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])
